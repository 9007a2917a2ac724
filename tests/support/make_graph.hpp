// Fixture builders for unit tests: tiny multigraphs written inline, duplicates allowed.
//
//   auto g = make_graph({{"a", "b", "met_with"}, {"a", "b", "co_chairs"}});
//
// Nodes are created in order of first mention with kind "other"; edges are undirected with
// weight 1 unless the row says otherwise.
#pragma once

#include <initializer_list>
#include <string>

#include "graph/graph.hpp"

namespace actornet::testing {

struct EdgeRow {
  std::string source;
  std::string target;
  std::string relation = "related_to";
  bool directed = false;
  double weight = 1.0;
};

inline graph::NodeIndex ensure_node(graph::Graph& g, const std::string& id) {
  if (auto n = g.find_node(id)) return *n;
  return g.add_node(id);
}

inline graph::Graph make_graph(std::initializer_list<EdgeRow> rows,
                               std::initializer_list<std::string> isolated = {}) {
  graph::Graph g;
  for (const auto& row : rows) {
    graph::EdgeSpec spec;
    spec.source = ensure_node(g, row.source);
    spec.target = ensure_node(g, row.target);
    spec.relation = row.relation;
    spec.directed = row.directed;
    spec.weight = row.weight;
    g.add_edge(spec);
  }
  for (const auto& id : isolated)
    ensure_node(g, id);
  return g;
}

}  // namespace actornet::testing
