#include "analyses/projection.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::analyses {
namespace {

using graph::Vertex;

struct Tie {
  std::int64_t shared = 0;
  double newman = 0.0;
  std::vector<Vertex> via;
};

}  // namespace

std::string_view to_string(ProjectionWeight weight) {
  return weight == ProjectionWeight::Count ? "count" : "newman";
}

std::optional<ProjectionWeight> projection_weight_from_string(std::string_view name) {
  if (name == "count") return ProjectionWeight::Count;
  if (name == "newman") return ProjectionWeight::Newman;
  return std::nullopt;
}

TwoModeProjection project_two_mode(const graph::Graph& g, const graph::View& view,
                                   const std::vector<bool>& actor, ProjectionWeight weight) {
  const Vertex n = view.vertex_count();
  if (actor.size() != n)
    throw InputError(
        fmt::format("two-mode projection: {} actor flags for {} vertices", actor.size(), n));
  if (std::find(actor.begin(), actor.end(), true) == actor.end())
    throw InputError("two-mode projection: no node of the view is an actor; check --project");
  TwoModeProjection out;
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const bool a = actor[view.from(e)], b = actor[view.to(e)];
    if (a && b) ++out.actor_actor_edges;
    if (!a && !b) ++out.event_event_edges;
  }

  // Pairs of actors attending each event, accumulated per pair (u < v in vertex order).
  std::map<std::pair<Vertex, Vertex>, Tie> ties;
  std::vector<Vertex> attending;
  for (Vertex e = 0; e < n; ++e) {
    if (actor[e]) continue;
    ++out.events;
    attending.clear();
    for (const auto& arc : view.out(e))
      if (actor[arc.neighbour]) attending.push_back(arc.neighbour);
    if (view.directed())
      for (const auto& arc : view.in(e))
        if (actor[arc.neighbour]) attending.push_back(arc.neighbour);
    std::sort(attending.begin(), attending.end());
    attending.erase(std::unique(attending.begin(), attending.end()), attending.end());
    if (attending.size() < 2) continue;
    const double share = 1.0 / static_cast<double>(attending.size() - 1);
    for (std::size_t i = 0; i < attending.size(); ++i)
      for (std::size_t j = i + 1; j < attending.size(); ++j) {
        auto& tie = ties[{attending[i], attending[j]}];
        ++tie.shared;
        tie.newman += share;
        tie.via.push_back(e);
      }
  }

  // The actors, with everything they carry.
  auto& p = out.graph;
  const auto& node_table = g.node_attributes();
  for (const auto& col : node_table.columns())
    p.node_attributes().declare(col.name, col.type);
  std::vector<graph::NodeIndex> index(n, 0);
  for (Vertex v = 0; v < n; ++v) {
    if (!actor[v]) continue;
    const auto node_index = view.node_of(v);
    const auto& node = g.node(node_index);
    index[v] = p.add_node(node.id, node.label, g.kind_name(node_index), node.valid);
    for (std::size_t c = 0; c < node_table.size(); ++c)
      if (const auto& value = node_table.get(c, node_index); !graph::is_missing(value))
        p.node_attributes().set(c, index[v], value);
  }
  const auto shared_column = p.edge_attributes().declare("shared_events", graph::AttrType::Integer);
  const auto via_column = p.edge_attributes().declare("via", graph::AttrType::List);
  for (auto& [pair, tie] : ties) {
    graph::EdgeSpec spec;
    spec.source = index[pair.first];
    spec.target = index[pair.second];
    spec.relation = kCoAffiliation;
    spec.directed = false;
    spec.weight = weight == ProjectionWeight::Count ? static_cast<double>(tie.shared) : tie.newman;
    const auto edge = p.add_edge(spec);
    p.edge_attributes().set(shared_column, edge, tie.shared);
    std::vector<std::string> via;
    for (auto e : tie.via)
      via.push_back(g.node(view.node_of(e)).id);
    std::sort(via.begin(), via.end());
    p.edge_attributes().set(via_column, edge, std::move(via));
  }
  return out;
}

}  // namespace actornet::analyses
