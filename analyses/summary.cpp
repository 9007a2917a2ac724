#include "analyses/summary.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "analyses/cohesion.hpp"

namespace actornet::analyses {
namespace {

void widen(GraphSummary& s, const graph::Interval& valid) {
  for (const auto& d : {valid.start, valid.end}) {
    if (!d) continue;
    if (!s.earliest || *d < *s.earliest) s.earliest = d;
    if (!s.latest || *s.latest < *d) s.latest = d;
  }
}

template <typename T>
void sort_by_count(std::vector<T>& items, std::size_t T::*count) {
  std::sort(items.begin(), items.end(), [count](const T& a, const T& b) {
    if (a.*count != b.*count) return a.*count > b.*count;
    return a.name < b.name;
  });
}

}  // namespace

GraphSummary summarize(const graph::Graph& graph, const graph::View& view) {
  GraphSummary s;
  s.nodes = view.vertex_count();

  std::map<graph::SymbolId, std::size_t> kinds;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
    const auto& node = graph.node(view.node_of(v));
    ++kinds[node.kind];
    widen(s, node.valid);
  }
  for (const auto& [kind, count] : kinds)
    s.kinds.push_back({graph.kinds().name(kind), count});
  sort_by_count(s.kinds, &NameCount::count);

  // Distinct graph edges behind the view (a doubled undirected edge has the same origin twice).
  std::vector<graph::EdgeIndex> edges;
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    for (auto origin : view.origins(e))
      edges.push_back(origin);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  s.edges = edges.size();

  std::map<graph::SymbolId, RelationSummary> relations;
  // Parallel edges share (source, target, directed), with undirected ends in a fixed order;
  // density counts distinct unordered pairs.
  std::vector<std::tuple<graph::NodeIndex, graph::NodeIndex, bool>> ends;
  std::vector<std::pair<graph::NodeIndex, graph::NodeIndex>> pairs;
  std::vector<bool> touched(view.vertex_count(), false);
  for (auto e : edges) {
    const auto& edge = graph.edge(e);
    auto& r = relations[edge.relation];
    ++r.edges;
    r.directed += edge.directed ? 1 : 0;
    r.dated += edge.valid.unbounded() ? 0 : 1;
    s.directed_edges += edge.directed ? 1 : 0;
    widen(s, edge.valid);
    if (edge.source == edge.target) {
      ++s.self_loops;
      continue;
    }
    touched[view.vertex_of(edge.source)] = touched[view.vertex_of(edge.target)] = true;
    pairs.emplace_back(std::minmax(edge.source, edge.target));
    if (edge.directed)
      ends.emplace_back(edge.source, edge.target, true);
    else
      ends.emplace_back(pairs.back().first, pairs.back().second, false);
  }
  for (auto& [id, r] : relations) {
    r.name = graph.relations().name(id);
    s.relations.push_back(r);
  }
  sort_by_count(s.relations, &RelationSummary::edges);

  std::sort(ends.begin(), ends.end());
  for (std::size_t i = 0; i < ends.size();) {
    std::size_t j = i;
    while (j < ends.size() && ends[j] == ends[i])
      ++j;
    if (j - i > 1) {
      ++s.parallel_pairs;
      s.parallel_edges += j - i - 1;
    }
    i = j;
  }
  std::sort(pairs.begin(), pairs.end());
  const auto distinct =
      static_cast<std::size_t>(std::unique(pairs.begin(), pairs.end()) - pairs.begin());
  if (s.nodes >= 2)
    s.density = static_cast<double>(distinct) /
                (static_cast<double>(s.nodes) * static_cast<double>(s.nodes - 1) / 2.0);
  s.isolates = static_cast<std::size_t>(std::count(touched.begin(), touched.end(), false));

  // Weak components straight from the View's CSR: an igraph copy of a big View would cost
  // more memory than the View itself.
  const auto components = weak_components(view);
  s.components = components.sizes.size();
  if (!components.sizes.empty()) s.largest_component = components.sizes.front();
  return s;
}

}  // namespace actornet::analyses
