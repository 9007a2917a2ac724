// Placeholder until the dot reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_dot(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading dot is not supported yet");
}

}  // namespace actornet::importers
