// View: the compact, read-only projection of a Graph that analyses run on.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.hpp"
#include "graph/graph.hpp"
#include "graph/selection.hpp"

namespace actornet::graph {

using Vertex = std::uint32_t;    ///< a node's position in a View, 0..vertex_count()-1
using ViewEdge = std::uint32_t;  ///< an edge's position in a View, 0..edge_count()-1
inline constexpr std::uint32_t kNoVertex = std::numeric_limits<std::uint32_t>::max();

/// How stored edge directions are read.
enum class DirectionPolicy {
  AsStored,   ///< directed if any kept edge is directed; undirected edges then count both ways
  Undirected  ///< every edge read as undirected
};

/// What happens to parallel edges (same endpoints, in the view's sense of direction).
enum class ParallelPolicy {
  Keep,   ///< every edge stays, with its own weight (a multigraph)
  Count,  ///< one edge per pair, weight = number of edges merged
  Sum,    ///< one edge per pair, weight = sum of weights
  Max,    ///< one edge per pair, weight = largest weight
  Any     ///< one edge per pair, weight = 1
};

std::string_view to_string(DirectionPolicy policy);
std::string_view to_string(ParallelPolicy policy);
/// `keep`, `count`, `sum`, `max`, `any`; nullopt otherwise.
std::optional<ParallelPolicy> parallel_policy_from_string(std::string_view name);

/// Which part of a Graph a View shows, and how.
struct ViewOptions {
  std::optional<Date> at;               ///< only nodes and edges valid on this day
  std::optional<Interval> between;      ///< only nodes and edges valid at some time in it
  std::vector<std::string> relations;   ///< only edges of these relations (empty: all)
  std::vector<std::string> kinds;       ///< only nodes of these kinds (empty: all)
  std::optional<Selection> where;       ///< only nodes matching this selection
  std::optional<Selection> edge_where;  ///< only edges matching this selection
  DirectionPolicy direction = DirectionPolicy::AsStored;
  ParallelPolicy parallel = ParallelPolicy::Keep;
};

/// A CSR projection of a Graph: vertices are the nodes that pass the node filters (in graph
/// order), edges are the kept edges between them after the direction and parallel policies.
///
/// Edges are kept when they pass the time, relation and edge-selection filters and both ends
/// are kept vertices (an induced subgraph). In a directed view an undirected graph edge becomes
/// two view edges, u->v then v->u, with the same origin. Merged parallel edges are ordered by
/// (from, to); kept ones follow graph order. Self-loops are kept; in an undirected view a
/// self-loop appears twice in its vertex's adjacency, so it adds 2 to the degree (as in igraph).
///
/// Storage is 32-bit throughout: per vertex one offset (two when directed), per edge two
/// endpoints, a weight and an origin, per arc one (neighbour, edge) pair.
class View {
 public:
  /// One step along the adjacency: the vertex reached and the view edge used.
  struct Arc {
    Vertex neighbour;
    ViewEdge edge;
  };

  /// Builds the view. Throws InputError for an unknown relation or kind name, or a selection
  /// that names fields the graph lacks.
  static View build(const Graph& graph, const ViewOptions& options = {});

  std::uint32_t vertex_count() const { return static_cast<std::uint32_t>(node_of_.size()); }
  std::uint32_t edge_count() const { return static_cast<std::uint32_t>(from_.size()); }
  bool directed() const { return directed_; }
  ParallelPolicy parallel_policy() const { return parallel_; }
  DirectionPolicy direction_policy() const { return direction_; }

  NodeIndex node_of(Vertex v) const { return node_of_[v]; }
  /// The vertex showing graph node `n`, or kNoVertex when the view leaves it out.
  Vertex vertex_of(NodeIndex n) const { return vertex_of_[n]; }

  Vertex from(ViewEdge e) const { return from_[e]; }
  Vertex to(ViewEdge e) const { return to_[e]; }
  double weight(ViewEdge e) const { return weight_[e]; }
  const std::vector<double>& weights() const { return weight_; }
  /// The graph edges this view edge stands for (one unless parallel edges were merged).
  std::span<const EdgeIndex> origins(ViewEdge e) const;

  /// Outgoing arcs (all incident arcs when undirected).
  std::span<const Arc> out(Vertex v) const {
    return {out_arcs_.data() + out_offsets_[v], out_arcs_.data() + out_offsets_[v + 1]};
  }
  /// Incoming arcs (the same as out() when undirected).
  std::span<const Arc> in(Vertex v) const {
    if (!directed_) return out(v);
    return {in_arcs_.data() + in_offsets_[v], in_arcs_.data() + in_offsets_[v + 1]};
  }

 private:
  bool directed_ = false;
  DirectionPolicy direction_ = DirectionPolicy::AsStored;
  ParallelPolicy parallel_ = ParallelPolicy::Keep;
  std::vector<NodeIndex> node_of_;
  std::vector<Vertex> vertex_of_;
  std::vector<Vertex> from_, to_;
  std::vector<double> weight_;
  std::vector<std::uint32_t> origin_offsets_;  ///< empty when every edge has one origin
  std::vector<EdgeIndex> origin_edges_;
  std::vector<std::uint32_t> out_offsets_, in_offsets_;
  std::vector<Arc> out_arcs_, in_arcs_;
};

}  // namespace actornet::graph
