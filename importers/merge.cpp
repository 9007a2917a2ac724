// Placeholder until merging lands.
#include "importers/merge.hpp"

#include "graph/errors.hpp"

namespace actornet::importers {

void merge_into(ImportResult&, ImportResult&&) {
  throw InputError("merging a non-CSV input with other inputs is not supported yet");
}

}  // namespace actornet::importers
