// The part of a Graph that a View shows, as a Graph of its own, so that `actornet export`
// writes exactly the projection an analysis ran on.
#pragma once

#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::exporters {

/// A Graph holding the view's vertices and edges.
///
/// Nodes: the view's vertices in vertex order (so node index = view vertex, and per-vertex
/// scores or positions apply as they are), with their id, label, kind, interval and
/// attributes. Edges:
/// * under ParallelPolicy::Keep, every graph edge the view keeps, once (a directed view's two
///   arcs of an undirected edge are one edge again), in graph order, with all its fields;
///   under DirectionPolicy::Undirected it is written undirected;
/// * under a merging policy (count, sum, max, any), one edge per view edge, directed as the
///   view is, weighted as the view weighs it; its relation is the origins' common relation or
///   their sorted names joined by `+`; its interval the origins' common interval or else the
///   smallest interval holding them all; an attribute keeps a value only when every origin has
///   that same value; the integer attribute `merged_edges` counts the origins.
/// Explicit edge ids are kept (a merged edge keeps its origin's id when it has one origin, and
/// only the first of the two arcs of an undirected edge in a directed view keeps it); generated
/// ones (`e<n>`) are generated afresh in the new graph.
/// Complexity: O(|V| + |E| + total attribute values).
graph::Graph project(const graph::Graph& graph, const graph::View& view);

}  // namespace actornet::exporters
