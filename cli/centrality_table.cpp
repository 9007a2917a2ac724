#include "cli/centrality_table.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace actornet::cli {

std::vector<graph::Vertex> rank_vertices(const graph::Graph& graph, const graph::View& view,
                                         const std::vector<double>& scores) {
  std::vector<graph::Vertex> order(view.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  if (scores.empty()) return order;
  std::sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
    const double x = scores[a], y = scores[b];
    if (std::isnan(x) != std::isnan(y)) return std::isnan(y);
    if (x != y && !std::isnan(x)) return x > y;
    return graph.node(view.node_of(a)).id < graph.node(view.node_of(b)).id;
  });
  return order;
}

Table centrality_table(const graph::Graph& graph, const graph::View& view,
                       const analyses::CentralityResult& result, std::size_t sort,
                       std::size_t top) {
  auto order = result.scores.empty() ? rank_vertices(graph, view, {})
                                     : rank_vertices(graph, view, result.scores.at(sort));
  if (top > 0 && order.size() > top) order.resize(top);

  Table table{{"id", "label", "kind"}, {}};
  for (auto m : result.measures)
    table.columns.emplace_back(analyses::to_string(m));
  for (auto v : order) {
    const auto n = view.node_of(v);
    std::vector<Cell> row{graph.node(n).id, graph.node(n).label, graph.kind_name(n)};
    for (const auto& scores : result.scores)
      row.emplace_back(scores[v]);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace actornet::cli
