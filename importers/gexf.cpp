// Placeholder until the gexf reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_gexf(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading gexf is not supported yet");
}

}  // namespace actornet::importers
