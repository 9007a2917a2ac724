// Approximate betweenness by sampling shortest paths, with a guaranteed error bound.
//
// Definition. The measure estimated is Measure::Betweenness of analyses/centrality.hpp:
// b(v) = sum over pairs s != v != t of sigma_st(v) / sigma_st, over unordered pairs in an
// undirected View and ordered pairs (following arc direction) in a directed one, where
// sigma_st counts shortest s-t paths. Its normalised form is the share of the n(n-1) ordered
// pairs: b~(v) = b(v) / (n(n-1)) in a directed View and b(v) / (n(n-1)/2) in an undirected one
// (each unordered pair stands for two ordered ones).
//
// Algorithm (Riondato & Kornaropoulos 2016). Draw r ordered pairs (s, t), s != t, uniformly at
// random; for each, pick one shortest s-t path uniformly at random among all of them and give
// each of its interior vertices 1/r. That is an unbiased estimate of b~(v). With
//   r = ceil((c / eps^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta))),  c = 0.5,
// where VD is an upper bound on the vertex diameter (the most vertices on any shortest path),
// the guarantee is: with probability at least 1 - delta, |estimate(v) - b~(v)| <= eps for
// every vertex v at once. Scores are returned in the raw units of the exact measure (the
// normalised estimate times n(n-1), or n(n-1)/2 when undirected), so they compare with the
// exact column directly and the bound there is eps n(n-1) (eps n(n-1)/2 undirected).
//
// Vertex-diameter bound, per weakly connected component, the largest taken:
// * undirected View, hop counts: BFS from the component's first vertex; if its two largest
//   distances are d1 >= d2, every shortest path has at most d1 + d2 edges (through the root),
//   so VD <= d1 + d2 + 1 (at most twice the true value; the paper's bound for this case);
// * directed View, or path lengths from weights: the component's vertex count (a shortest path
//   visits each vertex at most once; the paper's bound for these cases).
// When the bound is at most 2 no shortest path has an interior vertex: every score is exactly
// 0 and no pair is sampled.
//
// Per sample: with hop counts, a balanced bidirectional BFS (a layer of whichever side has the
// smaller frontier, by degree sum, is expanded until the two searches meet), which typically
// touches a small part of the graph; with lengths, Dijkstra from s stopped when t is settled.
// Path counts sigma are kept on both sides; the path is then drawn by walking from the meeting
// layer back to s and on to t, choosing each step with probability proportional to sigma.
//
// Complexity: O(r (|V| + |E|)) in the worst case (O(r (|E| + |V| log |V|)) with lengths), far
// less on graphs where bidirectional searches meet early; O(|V| + |E|) more for the bound and
// O(|V|) memory per thread. r does not grow with the graph beyond log2 of the diameter bound.
//
// Parallel edges: under ParallelPolicy::Keep every parallel edge is a separate shortest path,
// so sigma multiplies by the multiplicity, as in the exact measure; merged policies count the
// pair once. Self-loops are never on a shortest path. Direction: arcs are followed as the View
// reads them. Disconnection: a sampled pair with no path contributes nothing (as in the paper
// and in the exact measure); the normalisation still counts every pair. Lengths: when given,
// one positive finite length per view edge (e.g. 1/w), with ties within a relative 1e-10 (as
// igraph compares path lengths); otherwise hop counts.
//
// Determinism: sample i draws its randomness from a stream derived from (seed, i) alone
// (splitmix64) and vertices accumulate integer hit counts, so the scores depend on the seed
// only, never on the thread count or schedule.
//
// Why it is written here: igraph 0.10 and Boost.Graph offer exact betweenness only; igraph's
// cutoff betweenness ignores long paths and is not an estimate of the full measure with any
// error bound. Sampled betweenness with a guarantee has to be written by hand.
//
// Reference: M. Riondato and E. M. Kornaropoulos, "Fast approximation of betweenness
// centrality through sampling", Data Min. Knowl. Disc. 30 (2016) 438-475.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

struct ApproxBetweennessOptions {
  /// Additive error on the normalised betweenness, in (0, 1).
  double epsilon = 0.01;
  /// Probability that the bound fails, in (0, 1).
  double delta = 0.1;
  /// Seed of every random choice; the same seed gives the same scores.
  std::uint64_t seed = 1;
  /// Worker threads; 0 = one per hardware thread. The scores do not depend on it.
  unsigned threads = 0;
};

/// How the vertex-diameter bound was found (see the file comment).
enum class DiameterBoundMethod {
  Eccentricity,   ///< undirected, hop counts: d1 + d2 + 1 from a BFS per component
  ComponentSize,  ///< directed or with lengths: vertex count of a weakly connected component
};

struct ApproxBetweennessResult {
  std::vector<double> scores;               ///< per view vertex, in the exact measure's raw units
  std::uint64_t samples = 0;                ///< r, the number of pairs drawn
  std::uint32_t vertex_diameter_bound = 0;  ///< VD bound used in r (vertices on a path)
  DiameterBoundMethod bound_method = DiameterBoundMethod::Eccentricity;
  double pairs = 0.0;                   ///< n(n-1) directed, n(n-1)/2 undirected: the raw scale
  double absolute_error = 0.0;          ///< eps * pairs: the bound on |score - exact| in raw units
  std::uint64_t connected_samples = 0;  ///< sampled pairs that had a path
};

/// Throws InputError when epsilon or delta is outside (0, 1), naming --approx or --confidence.
void check_approx_options(const ApproxBetweennessOptions& options);

/// The number of samples r for a vertex-diameter bound `vd` (0 when vd <= 2).
std::uint64_t approx_betweenness_sample_count(double epsilon, double delta, std::uint32_t vd);

/// Estimates Measure::Betweenness for every vertex of `view` (see the file comment).
/// `lengths`: null for hop counts, else one positive finite length per view edge.
/// Throws InputError when epsilon or delta is outside (0, 1), or a length is missing, not
/// finite or not positive.
ApproxBetweennessResult approx_betweenness(const graph::View& view,
                                           const std::vector<double>* lengths,
                                           const ApproxBetweennessOptions& options = {});

}  // namespace actornet::analyses
