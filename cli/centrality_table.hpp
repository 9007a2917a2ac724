// The centrality table shared by `actornet centrality` and `actornet report`: one row per
// vertex, ordered by a measure, so both commands print the same rows in the same order.
#pragma once

#include <cstddef>
#include <vector>

#include "analyses/centrality.hpp"
#include "cli/output.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::cli {

/// The vertices of `view` ordered by `scores` (one per vertex): highest first, NaN last, ties
/// by node id. An empty `scores` leaves them in view order. O(V log V).
std::vector<graph::Vertex> rank_vertices(const graph::Graph& graph, const graph::View& view,
                                         const std::vector<double>& scores);

/// The table `actornet centrality` prints: columns id, label, kind, then one per measure of
/// `result` (named as analyses::to_string names them); rows ordered by the measure at index
/// `sort` of result.measures (see rank_vertices; ignored when there are no measures), cut to
/// the first `top` rows when `top` is not 0. `sort` must be a valid index when measures exist.
Table centrality_table(const graph::Graph& graph, const graph::View& view,
                       const analyses::CentralityResult& result, std::size_t sort = 0,
                       std::size_t top = 0);

}  // namespace actornet::cli
