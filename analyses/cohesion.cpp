#include "analyses/cohesion.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "graph/igraph_adapter.hpp"

namespace actornet::analyses {
namespace {

namespace ig = graph::ig;
using graph::Vertex;

using IntList = ig::OwnedVector<igraph_vector_int_list_t, igraph_vector_int_list_init,
                                igraph_vector_int_list_destroy, igraph_vector_int_list_size>;

// igraph component labels -> 1..k by size, largest first, ties by smallest vertex.
std::vector<std::uint32_t> number_components(const ig::IntVector& labels, std::uint32_t n,
                                             std::vector<std::uint32_t>& sizes) {
  std::map<igraph_integer_t, std::pair<std::uint32_t, Vertex>> groups;  // label -> (size, first)
  for (Vertex v = 0; v < n; ++v) {
    auto [it, fresh] = groups.try_emplace(VECTOR(*labels.get())[v], 0u, v);
    ++it->second.first;
  }
  std::vector<std::pair<igraph_integer_t, std::pair<std::uint32_t, Vertex>>> order(groups.begin(),
                                                                                   groups.end());
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first
                                            : a.second.second < b.second.second;
  });
  std::map<igraph_integer_t, std::uint32_t> number;
  sizes.clear();
  for (std::size_t i = 0; i < order.size(); ++i) {
    number[order[i].first] = static_cast<std::uint32_t>(i + 1);
    sizes.push_back(order[i].second.first);
  }
  std::vector<std::uint32_t> out(n);
  for (Vertex v = 0; v < n; ++v)
    out[v] = number[VECTOR(*labels.get())[v]];
  return out;
}

std::vector<std::uint32_t> components(const igraph_t* g, std::uint32_t n,
                                      igraph_connectedness_t mode,
                                      std::vector<std::uint32_t>& sizes) {
  ig::IntVector labels(n);
  igraph_integer_t count = 0;
  ig::check(igraph_connected_components(g, labels.get(), nullptr, &count, mode));
  return number_components(labels, n, sizes);
}

// The View read as a simple undirected graph: one edge per tied pair, no self-loops.
ig::Graph simple_undirected(const graph::View& view) {
  ig::Graph g(view);
  if (view.directed())
    ig::check(igraph_to_undirected(g.get(), IGRAPH_TO_UNDIRECTED_COLLAPSE, nullptr));
  ig::check(igraph_simplify(g.get(), true, true, nullptr));
  return g;
}

}  // namespace

CohesionResult cohesion(const graph::View& view, const CohesionOptions& options) {
  const std::uint32_t n = view.vertex_count();
  CohesionResult r;
  if (n == 0) {
    r.has_blocks = options.blocks;
    return r;
  }
  ig::Graph stored(view);
  r.component = components(stored.get(), n, IGRAPH_WEAK, r.component_sizes);
  if (view.directed())
    r.strong_component = components(stored.get(), n, IGRAPH_STRONG, r.strong_component_sizes);

  ig::Graph simple = simple_undirected(view);
  {
    ig::IntVector points;
    ig::check(igraph_articulation_points(simple.get(), points.get()));
    for (double p : points.to_std())
      r.articulation_points.push_back(static_cast<Vertex>(p));
    std::sort(r.articulation_points.begin(), r.articulation_points.end());
  }
  {
    // Graph edges behind each unordered pair; a pair backed by one graph edge can be a bridge.
    std::map<std::pair<Vertex, Vertex>, std::vector<graph::EdgeIndex>> backing;
    for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
      auto u = view.from(e), v = view.to(e);
      if (u == v) continue;
      if (u > v) std::swap(u, v);
      auto& list = backing[{u, v}];
      for (auto origin : view.origins(e))
        list.push_back(origin);
    }
    ig::IntVector found;
    ig::check(igraph_bridges(simple.get(), found.get()));
    for (double id : found.to_std()) {
      igraph_integer_t from = 0, to = 0;
      ig::check(igraph_edge(simple.get(), static_cast<igraph_integer_t>(id), &from, &to));
      auto u = static_cast<Vertex>(from), v = static_cast<Vertex>(to);
      if (u > v) std::swap(u, v);
      auto list = backing.at({u, v});
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      if (list.size() == 1) r.bridges.push_back({u, v, list.front()});
    }
    std::sort(r.bridges.begin(), r.bridges.end(), [](const Bridge& a, const Bridge& b) {
      return std::pair(a.u, a.v) < std::pair(b.u, b.v);
    });
  }
  {
    ig::IntVector cores(n);
    ig::check(igraph_coreness(simple.get(), cores.get(), IGRAPH_ALL));
    for (double c : cores.to_std())
      r.coreness.push_back(static_cast<std::uint32_t>(c));
  }
  if (options.blocks) {
    r.has_blocks = true;
    IntList blocks;
    ig::IntVector cohesion, parent;
    ig::check(
        igraph_cohesive_blocks(simple.get(), blocks.get(), cohesion.get(), parent.get(), nullptr));
    const auto levels = cohesion.to_std();
    const auto parents = parent.to_std();
    r.cohesion.assign(n, 0);
    for (igraph_integer_t b = 0; b < igraph_vector_int_list_size(blocks.get()); ++b) {
      CohesiveBlock block;
      const igraph_vector_int_t* members = igraph_vector_int_list_get_ptr(blocks.get(), b);
      for (igraph_integer_t i = 0; i < igraph_vector_int_size(members); ++i)
        block.members.push_back(static_cast<Vertex>(VECTOR(*members)[i]));
      std::sort(block.members.begin(), block.members.end());
      block.cohesion = static_cast<std::uint32_t>(levels[static_cast<std::size_t>(b)]);
      block.parent = static_cast<std::int64_t>(parents[static_cast<std::size_t>(b)]);
      for (auto v : block.members)
        r.cohesion[v] = std::max(r.cohesion[v], block.cohesion);
      r.blocks.push_back(std::move(block));
    }
  }
  return r;
}

}  // namespace actornet::analyses
