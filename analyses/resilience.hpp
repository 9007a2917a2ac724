// Resilience of the channels between two sides A and B of a View (say, every Chinese actor
// and every U.S. actor): how many independent channels join them, what they hang on, and how
// close the sides are. igraph and NetworkX connect one source to one target; here every
// figure is taken between two vertex sets, by flows on graphs built for the purpose (see
// resilience.cpp for the constructions).
//
// Conventions shared by every figure below:
//
// * Sides. side_a and side_b are masks over the View's vertices (true = on that side). Both
//   must select at least one vertex and no vertex may be on both sides. Vertices on neither
//   side are third parties (intermediaries).
// * Channels and direction. With options.directed unset every View edge is an undirected
//   channel, usable both ways; the View must then be undirected (build it with
//   DirectionPolicy::Undirected): a directed View shows an undirected graph edge as two arcs,
//   which would count twice, so it is an InputError rather than a guess. With
//   options.directed set and a directed View, channels run along arcs from A towards B only;
//   on an undirected View options.directed changes nothing (a note says so).
// * Multigraph rule. Nothing is merged here: the View's ParallelPolicy decides. Each View edge
//   is one unit of capacity for the edge measures (edge_connectivity) and carries its weight
//   for `capacity`; so under `keep` two parallel edges, of the same or of different
//   relations, are two units, and under a merging policy they are one. Vertex measures
//   (broker_connectivity, disjoint_channels) do not see parallel edges at all. Self-loops
//   never lie on a channel and are ignored.
// * Weights are used by `capacity` only (as capacities, so they must be finite and >= 0);
//   every distance here is a hop count.
// * Disconnection. Sides with no path between them get 0 for every count, an empty min_cut,
//   no single points of failure, 0 cross betweenness, pairs_connected 0 and
//   cross_efficiency 0.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

struct ResilienceOptions {
  /// Channels follow arc direction from A to B (only meaningful on a directed View).
  bool directed = false;
};

/// A vertex whose removal lowers disjoint_channels, and by how much.
struct SinglePointOfFailure {
  graph::Vertex vertex;
  std::int64_t drop;
};

/// The figures, each under the name the report prints (see resilience() for definitions).
struct ResilienceResult {
  std::int64_t direct_ties = 0;
  std::int64_t broker_connectivity = 0;
  std::int64_t disjoint_channels = 0;
  std::int64_t edge_connectivity = 0;
  double capacity = 0.0;
  /// One minimum vertex cut for disjoint_channels, in vertex order.
  std::vector<graph::Vertex> min_cut;
  /// Vertices whose removal lowers disjoint_channels, by drop (largest first) then vertex.
  std::vector<SinglePointOfFailure> single_points_of_failure;
  /// cross_betweenness[v] for every view vertex v.
  std::vector<double> cross_betweenness;
  double pairs_connected = 0.0;
  double cross_efficiency = 0.0;
  std::vector<std::string> notes;  ///< what the caller should tell the user
};

/// Computes the resilience figures between side A and side B of `view`.
///
/// 1. direct_ties: channels with one end in A and the other in B (directed: arcs A -> B).
///    O(|E|).
/// 2. broker_connectivity: contract A to one vertex s and B to one vertex t, drop the direct
///    s-t edges, and take the s-t vertex connectivity: the fewest third parties whose loss
///    cuts every mediated channel (a path from A to B through at least one third party).
///    0 when every channel is direct or there is none.
/// 3. disjoint_channels: the most A-B paths that share no vertex at all, their endpoints
///    included (a direct tie is a path of two vertices). By Menger's theorem this equals the
///    fewest vertices anywhere, A and B included, whose removal leaves no A-B path.
/// 4. edge_connectivity: the most A-B paths sharing no edge, i.e. the fewest edges whose
///    removal separates A from B, each View edge one unit. capacity: the maximum flow from A
///    to B with each edge's weight as its capacity (both ways when undirected).
/// 5. min_cut: one minimum vertex cut for disjoint_channels (its size equals it); which one,
///    when several exist, is the cut closest to A that the flow found. single_points_of_failure:
///    every vertex whose removal lowers disjoint_channels, with the drop. A vertex carries one
///    unit of vertex-disjoint flow at most, so the drop is always 1; a vertex lowers the
///    figure exactly when it lies in every maximum set of disjoint channels.
/// 6. cross_betweenness: for each vertex v, the sum over pairs (a, b) in A x B of the share of
///    shortest a-b paths (hop count; directed: a to b along arcs) passing through v, v != a, b.
///    Under `keep` parallel edges are separate shortest paths (as in centrality). Vertices of
///    A or B score too when they lie between other pairs. Each pair counts once, undirected
///    or not.
/// 7. pairs_connected: the share of the |A| |B| pairs (a, b) with a path from a to b;
///    cross_efficiency: the mean over those pairs of 1 / d(a, b), 0 for unjoined pairs (1
///    when every pair is tied directly).
///
/// Throws InputError when a mask's size differs from the vertex count, a side is empty, the
/// sides overlap, options.directed is unset on a directed View, or a weight is negative or
/// not finite. Throws graph::ig::IgraphError if igraph fails.
///
/// Complexity: the flows (3, 4, both for capacity, and 2) run on graphs of at most 2|V| + 2
/// vertices and |V| + 2|E| + |A| + |B| arcs, with Boykov-Kolmogorov max-flow (worst case
/// O(V^2 E |C|), near-linear on sparse graphs in practice); single points of failure redo
/// the disjoint-channel flow once per vertex carrying flow (at most |V| times); cross
/// betweenness is O(|A| (|V| + |E|)) (igraph_betweenness_subset, Brandes restricted to
/// sources in A); pairs_connected and cross_efficiency one BFS per vertex of A,
/// O(|A| (|V| + |E|)).
///
/// References: Menger (1927) Fund. Math. 10:96; Ford & Fulkerson (1956) Can. J. Math. 8:399;
/// Boykov & Kolmogorov (2004) IEEE TPAMI 26:1124; Brandes (2008) Soc. Netw. 30:136 (subset
/// betweenness); Latora & Marchiori (2001) PRL 87:198701 (efficiency).
ResilienceResult resilience(const graph::View& view, const std::vector<bool>& side_a,
                            const std::vector<bool>& side_b, const ResilienceOptions& options = {});

}  // namespace actornet::analyses
