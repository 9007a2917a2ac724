#include "exporters/projection.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace actornet::exporters {
namespace {

using graph::EdgeIndex;
using graph::Interval;

// The smallest interval holding every one given (an open end wins).
Interval hull(const graph::Graph& g, std::span<const EdgeIndex> origins) {
  Interval out = g.edge(origins.front()).valid;
  for (auto e : origins.subspan(1)) {
    const auto& v = g.edge(e).valid;
    if (!v.start || (out.start && *v.start < *out.start)) out.start = v.start;
    if (!v.end || (out.end && *v.end > *out.end)) out.end = v.end;
  }
  return out;
}

}  // namespace

graph::Graph project(const graph::Graph& g, const graph::View& view) {
  graph::Graph out;
  out.reserve(view.vertex_count(), view.edge_count());
  const auto& node_table = g.node_attributes();
  for (const auto& col : node_table.columns())
    out.node_attributes().declare(col.name, col.type);
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
    const auto n = view.node_of(v);
    const auto& node = g.node(n);
    out.add_node(node.id, node.label, g.kind_name(n), node.valid);
    for (std::size_t c = 0; c < node_table.size(); ++c) {
      const auto& value = node_table.get(c, n);
      if (!graph::is_missing(value)) out.node_attributes().set(c, v, value);
    }
  }
  const auto& edge_table = g.edge_attributes();
  for (const auto& col : edge_table.columns())
    out.edge_attributes().declare(col.name, col.type);
  // Ids of the generated form `e<n>` would name another index in the new graph: regenerated.
  const auto copy_id = [&](EdgeIndex e) {
    if (!g.has_explicit_edge_id(e)) return std::string();
    std::string id = g.edge_id(e);
    const bool generated_form =
        id.size() > 1 && id[0] == 'e' &&
        std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
    return generated_form ? std::string() : id;
  };

  if (view.parallel_policy() == graph::ParallelPolicy::Keep) {
    std::vector<EdgeIndex> kept;
    std::vector<bool> seen(g.edge_count());
    for (graph::ViewEdge ve = 0; ve < view.edge_count(); ++ve)
      for (auto e : view.origins(ve))
        if (!seen[e]) {
          seen[e] = true;
          kept.push_back(e);
        }
    std::sort(kept.begin(), kept.end());
    const bool undirected = view.direction_policy() == graph::DirectionPolicy::Undirected;
    for (auto e : kept) {
      const auto& edge = g.edge(e);
      graph::EdgeSpec spec;
      spec.id = copy_id(e);
      spec.source = view.vertex_of(edge.source);
      spec.target = view.vertex_of(edge.target);
      spec.relation = g.relation_name(e);
      spec.directed = edge.directed && !undirected;
      spec.weight = edge.weight;
      spec.valid = edge.valid;
      const auto added = out.add_edge(spec);
      for (std::size_t c = 0; c < edge_table.size(); ++c) {
        const auto& value = edge_table.get(c, e);
        if (!graph::is_missing(value)) out.edge_attributes().set(c, added, value);
      }
    }
    return out;
  }

  const auto merged_column =
      out.edge_attributes().declare("merged_edges", graph::AttrType::Integer);
  std::set<std::string> used_ids;
  for (graph::ViewEdge ve = 0; ve < view.edge_count(); ++ve) {
    const auto origins = view.origins(ve);
    std::set<std::string> relations;
    for (auto e : origins)
      relations.insert(g.relation_name(e));
    const std::string relation = fmt::format("{}", fmt::join(relations, "+"));
    graph::EdgeSpec spec;
    spec.source = view.from(ve);
    spec.target = view.to(ve);
    spec.relation = relation;
    spec.directed = view.directed();
    spec.weight = view.weight(ve);
    spec.valid = hull(g, origins);
    // A lone origin keeps its id, once: in a directed view an undirected edge is two arcs.
    if (origins.size() == 1) {
      auto id = copy_id(origins.front());
      if (!id.empty() && used_ids.insert(id).second) spec.id = std::move(id);
    }
    const auto added = out.add_edge(spec);
    for (std::size_t c = 0; c < edge_table.size(); ++c) {
      const auto& first = edge_table.get(c, origins.front());
      if (graph::is_missing(first)) continue;
      const bool same = std::all_of(origins.begin(), origins.end(),
                                    [&](EdgeIndex e) { return edge_table.get(c, e) == first; });
      if (same) out.edge_attributes().set(c, added, first);
    }
    out.edge_attributes().set(merged_column, added, static_cast<std::int64_t>(origins.size()));
  }
  return out;
}

}  // namespace actornet::exporters
