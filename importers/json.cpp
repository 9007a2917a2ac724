// Placeholder until the json reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_json(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading json is not supported yet");
}

}  // namespace actornet::importers
