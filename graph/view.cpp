#include "graph/view.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::graph {

std::string_view to_string(DirectionPolicy policy) {
  return policy == DirectionPolicy::Undirected ? "undirected" : "as-stored";
}

std::string_view to_string(ParallelPolicy policy) {
  switch (policy) {
    case ParallelPolicy::Keep:
      return "keep";
    case ParallelPolicy::Count:
      return "count";
    case ParallelPolicy::Sum:
      return "sum";
    case ParallelPolicy::Max:
      return "max";
    case ParallelPolicy::Any:
      return "any";
  }
  return "keep";
}

std::optional<ParallelPolicy> parallel_policy_from_string(std::string_view name) {
  for (auto p : {ParallelPolicy::Keep, ParallelPolicy::Count, ParallelPolicy::Sum,
                 ParallelPolicy::Max, ParallelPolicy::Any})
    if (to_string(p) == name) return p;
  return std::nullopt;
}

namespace {

// Symbol ids for the names in `names`; an unknown name is an error listing the known ones.
// The mask of symbols named in `names` (all when empty). An unknown name is an error that
// lists the names the graph uses (`in_use` marks them; computed only then).
std::vector<bool> symbol_mask(const SymbolTable& table, const std::vector<std::string>& names,
                              std::string_view what,
                              const std::function<std::vector<bool>()>& in_use) {
  std::vector<bool> mask(table.size(), names.empty());
  for (const auto& name : names) {
    auto id = table.find(name);
    if (!id) {
      const auto used = in_use();
      std::vector<std::string> known;
      for (SymbolId s = 0; s < table.size(); ++s)
        if (used[s]) known.push_back(table.name(s));
      std::sort(known.begin(), known.end());
      throw InputError(
          fmt::format("unknown {} '{}'; this graph has: {}", what, name,
                      known.empty() ? "none" : fmt::format("{}", fmt::join(known, ", "))));
    }
    mask[*id] = true;
  }
  return mask;
}

bool valid_in_time(const Interval& valid, const ViewOptions& options) {
  if (options.at && !valid.contains(*options.at)) return false;
  if (options.between && !valid.overlaps(*options.between)) return false;
  return true;
}

// The CSR of the arcs of edges 0..from.size()-1: edge e is an arc from[e] -> to[e], and when
// `both_ways` also an arc to[e] -> from[e] (a self-loop then appears twice at its vertex).
// Arcs at a vertex follow edge order. A counting sort straight from the endpoint arrays, so
// that no per-arc temporary is built.
void fill_csr(std::uint32_t vertices, const std::vector<Vertex>& from,
              const std::vector<Vertex>& to, bool both_ways, std::vector<std::uint32_t>& offsets,
              std::vector<View::Arc>& sorted) {
  offsets.assign(vertices + 1, 0);
  for (std::size_t e = 0; e < from.size(); ++e) {
    ++offsets[from[e] + 1];
    if (both_ways) ++offsets[to[e] + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  sorted.resize(offsets.back());
  std::vector<std::uint32_t> cursor(offsets.begin(), offsets.end() - 1);
  for (std::size_t e = 0; e < from.size(); ++e) {
    const auto edge = static_cast<ViewEdge>(e);
    sorted[cursor[from[e]]++] = View::Arc{to[e], edge};
    if (both_ways) sorted[cursor[to[e]]++] = View::Arc{from[e], edge};
  }
}

}  // namespace

std::span<const EdgeIndex> View::origins(ViewEdge e) const {
  if (origin_offsets_.empty()) return {origin_edges_.data() + e, 1};
  return {origin_edges_.data() + origin_offsets_[e], origin_edges_.data() + origin_offsets_[e + 1]};
}

View View::build(const Graph& graph, const ViewOptions& options) {
  View view;
  view.direction_ = options.direction;
  view.parallel_ = options.parallel;

  // Vertices: nodes passing the kind, time and selection filters, in graph order.
  const auto kind_ok = symbol_mask(graph.kinds(), options.kinds, "node kind", [&graph] {
    std::vector<bool> used(graph.kinds().size(), false);
    for (const auto& node : graph.nodes())
      used[node.kind] = true;
    return used;
  });
  const auto relation_ok = symbol_mask(graph.relations(), options.relations, "relation", [&graph] {
    std::vector<bool> used(graph.relations().size(), false);
    for (const auto& edge : graph.edges())
      used[edge.relation] = true;
    return used;
  });
  if (options.where) options.where->check(graph, SelectionTarget::Nodes);
  if (options.edge_where) options.edge_where->check(graph, SelectionTarget::Edges);

  view.vertex_of_.assign(graph.node_count(), kNoVertex);
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    const Node& node = graph.node(n);
    if (!kind_ok[node.kind] || !valid_in_time(node.valid, options)) continue;
    if (options.where && !options.where->matches_node(graph, n)) continue;
    view.vertex_of_[n] = static_cast<Vertex>(view.node_of_.size());
    view.node_of_.push_back(n);
  }

  // Kept graph edges, then the view's direction.
  std::vector<EdgeIndex> kept;
  kept.reserve(graph.edge_count());
  bool any_directed = false;
  for (EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const Edge& edge = graph.edge(e);
    if (!relation_ok[edge.relation] || !valid_in_time(edge.valid, options)) continue;
    if (view.vertex_of_[edge.source] == kNoVertex || view.vertex_of_[edge.target] == kNoVertex)
      continue;
    if (options.edge_where && !options.edge_where->matches_edge(graph, e)) continue;
    kept.push_back(e);
    any_directed = any_directed || edge.directed;
  }
  view.directed_ = options.direction == DirectionPolicy::AsStored && any_directed;

  // Every kept graph edge as one view edge (two for an undirected edge in a directed view).
  const auto ends = [&view](const Edge& edge) {
    Vertex u = view.vertex_of_[edge.source], v = view.vertex_of_[edge.target];
    if (!view.directed_ && u > v) std::swap(u, v);
    return std::pair{u, v};
  };
  if (options.parallel == ParallelPolicy::Keep) {
    std::size_t m = kept.size();
    if (view.directed_)
      for (EdgeIndex e : kept) {
        const Edge& edge = graph.edge(e);
        m += !edge.directed && edge.source != edge.target ? 1 : 0;
      }
    view.from_.reserve(m);
    view.to_.reserve(m);
    view.weight_.reserve(m);
    view.origin_edges_.reserve(m);
    for (EdgeIndex e : kept) {
      const Edge& edge = graph.edge(e);
      const auto [u, v] = ends(edge);
      view.from_.push_back(u);
      view.to_.push_back(v);
      view.weight_.push_back(edge.weight);
      view.origin_edges_.push_back(e);
      if (view.directed_ && !edge.directed && u != v) {
        view.from_.push_back(v);
        view.to_.push_back(u);
        view.weight_.push_back(edge.weight);
        view.origin_edges_.push_back(e);
      }
    }
  } else {
    struct Piece {
      Vertex from, to;
      double weight;
      EdgeIndex origin;
    };
    std::vector<Piece> pieces;
    pieces.reserve(kept.size());
    for (EdgeIndex e : kept) {
      const Edge& edge = graph.edge(e);
      const auto [u, v] = ends(edge);
      pieces.push_back({u, v, edge.weight, e});
      if (view.directed_ && !edge.directed && u != v) pieces.push_back({v, u, edge.weight, e});
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
      return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });
    view.origin_edges_.reserve(pieces.size());
    view.origin_offsets_.push_back(0);
    for (std::size_t i = 0; i < pieces.size();) {
      std::size_t j = i;
      double weight = 0;
      for (; j < pieces.size() && pieces[j].from == pieces[i].from && pieces[j].to == pieces[i].to;
           ++j) {
        const double w = pieces[j].weight;
        switch (options.parallel) {
          case ParallelPolicy::Count:
            weight += 1;
            break;
          case ParallelPolicy::Sum:
            weight += w;
            break;
          case ParallelPolicy::Max:
            weight = j == i ? w : std::max(weight, w);
            break;
          case ParallelPolicy::Any:
          case ParallelPolicy::Keep:
            weight = 1;
            break;
        }
        view.origin_edges_.push_back(pieces[j].origin);
      }
      view.from_.push_back(pieces[i].from);
      view.to_.push_back(pieces[i].to);
      view.weight_.push_back(weight);
      view.origin_offsets_.push_back(static_cast<std::uint32_t>(view.origin_edges_.size()));
      i = j;
    }
  }
  std::vector<EdgeIndex>().swap(kept);

  // Adjacency. Undirected: each edge is an arc at both ends (a self-loop twice at its vertex).
  fill_csr(view.vertex_count(), view.from_, view.to_, !view.directed_, view.out_offsets_,
           view.out_arcs_);
  if (view.directed_)
    fill_csr(view.vertex_count(), view.to_, view.from_, false, view.in_offsets_, view.in_arcs_);
  return view;
}

}  // namespace actornet::graph
