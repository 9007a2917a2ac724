// Placeholder until the gml reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_gml(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading gml is not supported yet");
}

}  // namespace actornet::importers
