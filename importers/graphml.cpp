// Placeholder until the graphml reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_graphml(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading graphml is not supported yet");
}

}  // namespace actornet::importers
