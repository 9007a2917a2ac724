// Merging a graph read from one input into the graph of a dataset, by node id.
#pragma once

#include "importers/import.hpp"

namespace actornet::importers {

/// Adds `part`'s nodes and edges to `into`: nodes by id (a node already in `into` keeps its
/// index; attributes merge when no value conflicts, a conflict is an InputError naming the
/// node, the attribute and both values), edges appended (an explicit edge id already in `into`
/// is an InputError), attribute columns declared with their types (a type clash is an
/// InputError). `part`'s report entries are appended to `into`'s, and merged nodes listed.
void merge_into(ImportResult& into, ImportResult&& part);

}  // namespace actornet::importers
