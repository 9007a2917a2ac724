// Shortest-path centralities computed exactly from every source: betweenness (Brandes), and
// closeness and harmonic centrality together. Measure::Betweenness, Measure::Closeness and
// Measure::Harmonic (analyses/centrality.hpp) are built on these two functions; their blocks
// there give the definitions users see.
//
// Why hand-written rather than igraph or Boost.Graph: both compute these one source at a time
// on a single thread through generic adjacency structures (igraph's betweenness on a 10,000-node,
// 50,000-edge graph takes about 11 s here), and neither shares one pass over the adjacency
// between several closeness sources. Here sources run in parallel on std::thread, over a
// compact 32-bit adjacency built once per call, and unweighted closeness and harmonic
// centrality use a bit-parallel BFS that advances 64 sources at once. The results are those of
// igraph 0.10 (igraph_betweenness, igraph_closeness, igraph_harmonic_centrality), which the
// tests check on random multigraphs.
//
// Shared conventions:
//
// * Graph read: a directed View is followed along its arcs (View::out), an undirected one
//   both ways. Self-loops are dropped (never on a shortest path). Parallel edges are kept as
//   separate arcs: each is a separate shortest path for betweenness (sigma multiplies by the
//   multiplicity, as igraph counts them); for distances only the shortest one matters.
// * Lengths: ShortestPathOptions::lengths gives one length per view edge (positive and finite;
//   the caller checks), or is empty for hop counts (BFS). With lengths, distances are found by
//   Dijkstra's algorithm and compared as igraph 0.10 does: distances are held plus one (the
//   source at 1.0) and two path lengths a, b count as equal when |a - b| / (|a| + |b|) < 1e-10
//   (igraph_cmp_epsilon with IGRAPH_SHORTEST_PATH_EPSILON), so paths whose lengths differ only
//   by rounding (1/3 + 1/3 + 1/3 against 1) tie. Vertices at exactly equal distance may leave
//   the heap in another order than igraph's, which can matter only when path lengths within
//   1e-10 of each other chain across more than 1e-10.
// * Threads: ShortestPathOptions::threads workers (0 = std::thread::hardware_concurrency()),
//   each with its own scratch arrays, over fixed round-robin blocks of sources. Closeness and
//   harmonic scores are computed per source, so they do not depend on the thread count.
//   Betweenness sums per-thread accumulators in thread order: the output is the same on every
//   run with the same thread count, and may differ in the last bits between thread counts.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

struct ShortestPathOptions {
  /// Length of each view edge, indexed by ViewEdge (size edge_count(), every value positive
  /// and finite); empty = every edge has length 1 (hop counts). The caller keeps it alive.
  std::span<const double> lengths;
  /// Worker threads; 0 = one per hardware thread.
  unsigned threads = 0;
};

/// Betweenness of every vertex: sum over pairs s != v != t of sigma_st(v) / sigma_st, over
/// unordered pairs in an undirected View (the ordered sum halved) and ordered pairs along arcs
/// in a directed one; not normalised. Equals igraph_betweenness(directed = true, weights =
/// lengths) to rounding.
///
/// Computation: Brandes (2001) from every source. Without lengths, a BFS counts shortest paths
/// level by level and the dependencies are accumulated backwards level by level, pulling from
/// successors (no predecessor lists); with lengths, Dijkstra's algorithm keeps predecessor
/// lists (one entry per arc, so parallel arcs count) with igraph's tie rule.
/// Complexity: O(|V||E|) time without lengths, O(|V||E| log |V|) with; O(|V| + |E|) memory per
/// thread. Throws std::invalid_argument when lengths has the wrong size.
std::vector<double> exact_betweenness(const graph::View& view,
                                      const ShortestPathOptions& options = {});

/// Closeness and harmonic centrality of every vertex, from one shortest-path search per source.
struct ClosenessHarmonic {
  /// reached[v] / (sum of distances from v to the vertices it reaches); 0 when v reaches no
  /// other vertex (igraph_closeness, normalised, gives NaN there).
  std::vector<double> closeness;
  /// (sum over u != v of 1 / d(v, u)) / (n - 1), unreachable vertices adding 0; 0 when n = 1
  /// (igraph_harmonic_centrality, normalised).
  std::vector<double> harmonic;
  /// Number of vertices v reaches, not counting v itself.
  std::vector<std::uint32_t> reached;
};

/// Closeness and harmonic centrality, distances going out of each vertex (along arcs when
/// directed).
///
/// Computation: without lengths, a bit-parallel multi-source BFS (Then et al. (2014), "The More
/// the Merrier", PVLDB 8:449): 64 sources share one pass over the adjacency, each vertex
/// holding one bit per source for "seen" and "in the frontier", and each level expanding only
/// the vertices of its frontier list (so graphs of large diameter, such as road lattices, stay
/// cheap); per-source counts of newly reached vertices are kept in byte-wide lanes. With
/// lengths, one Dijkstra search per source, with igraph's tie rule.
/// Complexity: without lengths, O(|V|/64 * k * |E|) word operations, k being the mean number
/// of distinct distances at which a vertex is reached from one batch's 64 sources (1 <= k <=
/// 64, a few on small-world graphs), so O(|V||E|) at worst; with lengths O(|V||E| log |V|).
/// O(|V| + |E|) memory per thread. Throws std::invalid_argument when lengths has the wrong
/// size.
ClosenessHarmonic closeness_harmonic(const graph::View& view,
                                     const ShortestPathOptions& options = {});

}  // namespace actornet::analyses
