// Attack curves between two sides A and B: remove vertices one by one in some order and
// follow how the channels between the sides wear away (Schneider et al. 2011, with cross-side
// reachability in place of the giant component).
//
// Sides, channels, direction and the multigraph rule are those of analyses/resilience.hpp:
// side_a and side_b are disjoint, non-empty vertex masks; with options.directed unset every
// View edge is an undirected channel and the View must be undirected; with options.directed
// set on a directed View channels run along arcs from A towards B. Self-loops never lie on a
// channel and are ignored everywhere below (also in degrees).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

/// The order in which vertices are removed.
enum class AttackOrder {
  Random,            ///< a uniformly random permutation of every vertex, options.runs times
  Degree,            ///< most channels first (self-loops excluded; in + out when directed)
  CrossBetweenness,  ///< highest cross-side betweenness first (resilience.hpp, figure 6)
  Given              ///< options.given, in that order (the caller's list: tenure ends, ids)
};

struct AttackOptions {
  AttackOrder order = AttackOrder::Degree;
  /// Degree and CrossBetweenness: after each removal pick the top vertex of the remaining
  /// graph (recomputed) instead of following the ranking of the intact graph (static).
  bool recomputed = false;
  /// Random: the seed of the first run; the runs draw from one std::mt19937_64 in sequence.
  std::uint64_t seed = 1;
  /// Random: how many random orders; the curve is their mean. At least 1.
  std::uint32_t runs = 1;
  /// Given: the vertices to remove, in order, each at most once. Vertices not listed stay.
  std::vector<graph::Vertex> given;
  /// Ties (equal degree or cross betweenness) go to the vertex of lowest rank; rank[v] for
  /// every vertex, or empty for the vertex index. The command line ranks by node id.
  std::vector<std::uint32_t> tie_rank;
  /// Channels follow arc direction from A to B (only meaningful on a directed View).
  bool directed = false;
};

/// The state after `step` removals.
struct AttackPoint {
  std::uint32_t step = 0;
  /// The vertex removed at this step; graph::kNoVertex at step 0 and on a mean of several
  /// random runs.
  graph::Vertex removed = graph::kNoVertex;
  /// Share of the |A| |B| pairs of the intact graph still joined by a path (a pair losing one
  /// of its own vertices is no longer joined).
  double pairs_connected = 0.0;
  /// Most A-B paths sharing no vertex in the remaining graph (a mean over random runs).
  double disjoint_channels = 0.0;
  /// Vertices in the largest connected component of the remaining graph (weakly connected
  /// when the channels are directed; a mean over random runs).
  double largest_component = 0.0;
};

struct AttackResult {
  /// points[0] is the intact graph, points[q] the state after q removals, q = 1..N, where N
  /// is every vertex (Random, Degree, CrossBetweenness) or options.given.size() (Given).
  std::vector<AttackPoint> points;
  /// Schneider's robustness over the curve: (1/N) sum_{q=1..N} pairs_connected(q). NaN when
  /// N = 0 (nothing to remove).
  double r_index = 0.0;
  std::vector<std::string> notes;  ///< what the caller should tell the user
};

/// The attack curve of `options.order` between side A and side B of `view`.
///
/// After each removal, pairs_connected, disjoint_channels and the largest component are
/// those of the View with the removed vertices and their edges deleted; the denominator of
/// pairs_connected stays the intact |A| |B|, so removing a vertex of a side lowers it. R-index
/// as in Schneider et al. (2011) PNAS 108:3838, R = (1/N) sum_Q s(Q), with s(Q) the share of
/// A x B pairs still joined instead of the share of nodes in the giant component. For N = |V|
/// it lies in [0, (|V| - 1) / |V|] and orders of the same graph compare directly; on a Given
/// order it is the mean over that list only.
///
/// Orders. Degree counts a vertex's channels to vertices still present (each View edge once:
/// under `keep` parallel edges of any relation count separately; self-loops never).
/// CrossBetweenness is igraph_betweenness_subset from A to B, as in resilience(); static uses
/// the intact graph's scores, recomputed scores the remaining graph after each removal, and
/// once no vertex scores above 0 (the sides are apart) the rest follow tie_rank. Scores are
/// compared after rounding to 1e-6, so that floating-point noise between equal scores does
/// not decide ties. Random draws each run's permutation by Fisher-Yates from a
/// std::mt19937_64 (whose output the standard fixes) with our own unbiased bounded draw, not
/// std::uniform_int_distribution, whose algorithm differs between standard libraries, so a
/// seed gives the same curve on every platform.
///
/// How it is computed:
/// - Reachability and the largest component in one pass by reverse union-find: start from
///   the graph after all N removals, add the vertices back in reverse order, unite each with
///   its present neighbours, and keep per component the number of A and B vertices and the
///   running sum over components of |A_c| |B_c| (the joined pairs). O((|V| + |E|) alpha(|V|)).
///   With directed channels reachability along arcs is not an equivalence, so pairs_connected
///   is then counted by one BFS from each remaining vertex of A after each step:
///   O(N |A| (|V| + |E|)); the largest (weak) component still comes from union-find.
/// - disjoint_channels on a unit-capacity vertex-split residual graph (as resilience() builds
///   it), also backwards: adding a vertex never lowers the maximum flow, so from the graph
///   after all removals (flow 0 when every vertex goes) the flow only grows, by at most k
///   augmenting paths in all (k = disjoint_channels of the intact graph). Between two
///   augmentations the set of residual nodes reachable from the source only grows, so each
///   added vertex is searched from alone; when the sink becomes reachable the shortest path
///   found is pushed and the search restarts from the source. O((k + 1) (|V| + |E|)) per
///   curve. Boost's and igraph's max-flow are one-shot: they cannot be updated after a
///   change of the graph, hence the search written here. (Repairing the flow forwards
///   instead, cancelling a removed vertex's path and searching once to re-route it, costs a
///   search of most of the graph for most removals of a degree attack: about 60 s on 10^6
///   edges, against a few seconds backwards; see bench/README.md.)
/// - Orders: degree static O(|V| log |V|), recomputed O((|V| + |E|) log |E|) with a lazy heap;
///   cross betweenness O(|A| (|V| + |E|)) once, or per step until the sides are apart when
///   recomputed. Random repeats the whole curve `runs` times.
/// Memory O(|V| + |E|).
///
/// Throws InputError for bad sides (as resilience()), options.directed unset on a directed
/// View, runs = 0, a tie_rank of the wrong size, or a Given list naming a vertex out of range
/// or twice. Throws graph::ig::IgraphError if igraph fails.
///
/// References: Schneider, Moreira, Andrade, Havlin & Herrmann (2011) PNAS 108:3838 (R);
/// Holme, Kim, Yoon & Han (2002) PRE 65:056109 (recalculated vs initial attacks); Menger
/// (1927); Ford & Fulkerson (1956) (augmenting paths); Tarjan (1975) JACM 22:215 (union-find).
AttackResult attack(const graph::View& view, const std::vector<bool>& side_a,
                    const std::vector<bool>& side_b, const AttackOptions& options = {});

}  // namespace actornet::analyses
