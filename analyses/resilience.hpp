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

/// A family of edge layers (relations, domains, ...): names, and for every View edge the
/// layers it belongs to. The caller builds it from the Graph (the View knows no relations).
/// An edge in several layers (a merged parallel edge, a tie with several domains) survives
/// until every one of its layers is lost; an edge in none is never lost with a layer.
struct Layers {
  std::string family;                          ///< "relation", "domain", ...
  std::vector<std::string> names;              ///< layer id -> name
  std::vector<std::vector<std::uint32_t>> of;  ///< View edge -> its layer ids, ascending
};

struct ResilienceOptions {
  /// Channels follow arc direction from A to B (only meaningful on a directed View).
  bool directed = false;
  /// Layer families for the per-layer figures (9.); none by default.
  std::vector<Layers> layers;
};

/// A vertex or View edge whose removal lowers disjoint_channels (vertex) or
/// edge_connectivity (edge), and by how much.
struct SinglePointOfFailure {
  std::uint32_t element;  ///< a graph::Vertex or a graph::ViewEdge
  std::int64_t drop;
};

/// One of the disjoint channels: the vertices from a vertex of A to a vertex of B, and for
/// each hop (path[i], path[i + 1]) every View edge joining them, so a hop carried by several
/// relations shows all of them.
struct ChannelPath {
  std::vector<graph::Vertex> path;
  std::vector<std::vector<graph::ViewEdge>> hops;
};

/// The figures of one layer (one relation, one domain).
struct LayerFigures {
  std::uint32_t layer;
  std::int64_t direct_ties = 0;        ///< direct A-B edges in the layer
  std::int64_t edge_connectivity = 0;  ///< edge connectivity using the layer's edges alone
};

/// The per-layer figures of one family.
struct LayerReport {
  std::string family;
  std::vector<LayerFigures> layers;  ///< every layer, in layer-id order
  /// Share of the disjoint channels whose every hop is carried by edges of two or more
  /// layers, so that the loss of any one layer leaves the channel standing. 0 with no channel.
  double multiplex_share = 0.0;
  /// The fewest layers whose complete loss leaves no A-B path (`layer_cut`), ascending ids;
  /// empty when the sides are already apart. layer_cut_size is -1 when no set of layers
  /// separates the sides (edges in no layer join them), -2 when the search gave up.
  std::vector<std::uint32_t> layer_cut;
  std::int64_t layer_cut_size = 0;
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
  /// Vertices whose removal lowers disjoint_channels, in vertex order (the drop is always 1).
  std::vector<SinglePointOfFailure> single_points_of_failure;
  /// View edges whose removal lowers edge_connectivity, in edge order (the drop is always 1).
  std::vector<SinglePointOfFailure> edge_single_points_of_failure;
  /// disjoint_channels paths, one per channel, shortest first, then by vertex sequence.
  std::vector<ChannelPath> channels;
  /// One report per family of options.layers, in the same order.
  std::vector<LayerReport> layer_reports;
  /// cross_betweenness[v] for every view vertex v.
  std::vector<double> cross_betweenness;
  double pairs_connected = 0.0;
  double cross_efficiency = 0.0;
  std::vector<std::string> notes;  ///< what the caller should tell the user
};

/// Checks two side masks for `view` as every two-sided analysis needs them: one entry per
/// vertex, neither side empty, no vertex on both, and an undirected View unless `directed`
/// (a directed View shows an undirected edge as two arcs, which would count twice). Throws
/// InputError saying which.
void check_sides(const graph::View& view, const std::vector<bool>& side_a,
                 const std::vector<bool>& side_b, bool directed);

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
///    figure exactly when it lies in some minimum vertex cut. edge_single_points_of_failure:
///    likewise every View edge lying in some minimum edge cut (its removal lowers
///    edge_connectivity by 1). Both are read off one maximum flow: an arc lies in some
///    minimum cut iff it is saturated and its ends fall in different strongly connected
///    components of the residual graph (Picard & Queyranne 1980).
///    channels: one maximum set of disjoint channels as paths (a decomposition of the flow
///    found; not necessarily the shortest such set), each hop with every View edge joining
///    its two vertices.
/// 6. cross_betweenness: for each vertex v, the sum over pairs (a, b) in A x B of the share of
///    shortest a-b paths (hop count; directed: a to b along arcs) passing through v, v != a, b.
///    Under `keep` parallel edges are separate shortest paths (as in centrality). Vertices of
///    A or B score too when they lie between other pairs. Each pair counts once, undirected
///    or not.
/// 7. pairs_connected: the share of the |A| |B| pairs (a, b) with a path from a to b;
///    cross_efficiency: the mean over those pairs of 1 / d(a, b), 0 for unjoined pairs (1
///    when every pair is tied directly).
/// 9. For each family in options.layers (see Layers for how an edge belongs to layers), one
///    LayerReport: per layer its direct ties and the edge connectivity using its edges alone;
///    multiplex_share over the channels of 5.; and layer_cut, the fewest layers whose loss
///    leaves no A-B path (the minimum label cut, NP-hard in general: an exact bounded search,
///    fine for the tens of relation types of an actor network; -2 past 200,000 search steps).
///
/// Throws InputError when a mask's size differs from the vertex count, a side is empty, the
/// sides overlap, options.directed is unset on a directed View, or a weight is negative or
/// not finite. Throws graph::ig::IgraphError if igraph fails.
///
/// Complexity: the flows (3, 4, both for capacity, and 2) run on graphs of at most 2|V| + 2
/// vertices and |V| + 2|E| + |A| + |B| arcs, with Boykov-Kolmogorov max-flow (worst case
/// O(V^2 E |C|), near-linear on sparse graphs in practice); single points of failure take
/// one strongly-connected-components pass over each residual graph, O(V + E); cross
/// betweenness is O(|A| (|V| + |E|)) (igraph_betweenness_subset, Brandes restricted to
/// sources in A); pairs_connected and cross_efficiency one BFS per vertex of A,
/// O(|A| (|V| + |E|)); per layer one edge flow on the layer's edges, and the layer cut
/// O(L^k (V + E)) for k layers in the cut out of L.
///
/// References: Menger (1927) Fund. Math. 10:96; Ford & Fulkerson (1956) Can. J. Math. 8:399;
/// Boykov & Kolmogorov (2004) IEEE TPAMI 26:1124; Picard & Queyranne (1980) Math. Prog.
/// Study 13:8 (all minimum cuts); Jha, Sheyner & Wing (2002) CSFW (minimum label cut); Brandes
/// (2008) Soc. Netw. 30:136 (subset betweenness); Latora & Marchiori (2001) PRL 87:198701
/// (efficiency).
ResilienceResult resilience(const graph::View& view, const std::vector<bool>& side_a,
                            const std::vector<bool>& side_b, const ResilienceOptions& options = {});

}  // namespace actornet::analyses
