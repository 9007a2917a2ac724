// Placeholder until the dl reader lands.
#include "graph/errors.hpp"
#include "importers/formats.hpp"

namespace actornet::importers {

ImportResult read_dl(const std::string& path, const ImportOptions&) {
  throw InputError("'" + path + "': reading dl is not supported yet");
}

}  // namespace actornet::importers
