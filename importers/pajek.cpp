// Placeholder until the pajek reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_pajek(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading pajek is not supported yet");
}

}  // namespace actornet::importers
