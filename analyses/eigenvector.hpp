// Eigenvector centrality of an undirected View by a parallel power iteration, with igraph's
// ARPACK (Lanczos, on the same parallel product) taking over when the iteration is too slow.
//
// Definition (the same as Measure::Eigenvector in analyses/centrality.hpp, which is binding):
// the leading eigenvector x of the adjacency matrix, A x = lambda x, scaled so that max x = 1.
//
// * A_uv is the number of edges u-v, or their summed weights when weights are given; under
//   `keep` parallel edges add up, under a merging policy only the weights bring the count or
//   the summed weight back. An edge of weight 0 is not in A (when weights are given).
// * Self-loops: A_vv is 2 per loop (a loop appears twice in v's adjacency, as in igraph).
// * Only undirected Views (directed ones: see analyses/centrality.cpp).
// * No edges (or, with weights, none of positive weight): every vertex gets 1 (any vector is an
//   eigenvector of the zero matrix; igraph's choice too). Empty View: no scores.
// * Disconnected Views: the vector lives on the connected component with the largest
//   eigenvalue and every other vertex gets exactly 0 (isolated vertices included). Each
//   component is solved on its own: its eigenvalue lies between its largest
//   sqrt(sum of squared arc weights at a vertex) or its mean strength (below) and its largest
//   strength (above), so only the components whose upper bound reaches the best lower bound
//   are iterated, the likeliest first, and a component is skipped once a solved one's
//   eigenvalue is above its upper bound. When components tie (eigenvalues within
//   kEigenvectorTieTolerance, relative) the eigenvector is not unique: each tied component is
//   scaled to max 1 on its own, and `tied` says how many there are.
//
// Iteration, per component: from x_0 = 1, x_{k+1} = (A + I) x_k / max(x_k). The shift by I
// makes the iteration converge on bipartite components (where -lambda is also an eigenvalue of
// A) and does not change the eigenvectors; it changes the rate to (1 + lambda_2) / (1 + lambda)
// (lambda_2 the second largest eigenvalue, and |1 + lambda_n| <= lambda - 1 below it), so a
// component with a small spectral gap converges slowly: a 1000 x 1000 grid has
// 1 - rate of about 6e-6 and would need millions of steps.
//
// Stopping rule: the ratios q_v = ((A + I) x_k)_v / x_k(v) bracket 1 + lambda (Collatz-Wielandt:
// min q <= 1 + lambda <= max q) and are all equal exactly at the eigenvector; their relative
// spread c_k = (max q - min q) / max q bounds the change of every score, relative to the score,
// in one step. It shrinks by the rate r per step, so what remains is about c_k r / (1 - r); the
// iteration stops when that is at most kEigenvectorTolerance, with r the larger of the last
// step's ratio c_k / c_{k-1} and its geometric mean over the last 10 steps.
//
// Fallback: the iteration gives up after kEigenvectorMaxIterations steps or, from step
// kEigenvectorFirstVerdict on, as soon as the mean rate projects more steps than that; then
// igraph's ARPACK (igraph_arpack_rssolve: implicitly restarted Lanczos for the largest
// eigenvalue of A, tolerance machine precision as igraph_eigenvector_centrality sets it) solves
// the component, multiplying by A with the same parallel CSR product and starting from the last
// iterate (so no random start and nothing to seed), and `used_arpack` says so. Lanczos needs
// about the square root of the power iteration's steps: the rate depends on the gap, and on a
// Barabasi-Albert graph the top eigenvalues are about sqrt(degree) of the few largest hubs, so
// lambda_2 / lambda is close to 1 there too (measured on 1,000,000 vertices, m = 5: 446 steps
// of power iteration to 1e-10, or 20 steps then 41 ARPACK products). The cap was chosen by that
// measurement: a step and a product cost about the same, and ARPACK took 41 to 61 products on
// the graphs measured, so iterating past a few times that only loses time.
// Measured: at most 1e-10 relative from igraph_eigenvector_centrality on every vertex of the
// test graphs (1e-11 on the 1,000,000-vertex Barabasi-Albert graph).
//
// Parallelism and determinism: as analyses/pagerank.hpp: fixed blocks of kEigenvectorBlock
// vertices, contiguous runs of blocks per thread balanced by arc count, each score a sum over
// its arcs in a fixed order and the stopping sums combined in block order: scores, iteration
// counts, the fallback decision and the ARPACK result (its start vector and products are) are
// bit-identical for every thread count.
//
// Complexity: O(|V| + |E|) for the components and bounds, then O(|V_C| + |E_C|) per step
// for each component iterated, in a 32-bit CSR of its own (plus a double per arc when weighted).
// The number of steps is about log(kEigenvectorTolerance) / log(rate).
//
// Reference: Bonacich (1987) AJS 92:1170; Golub & Van Loan (2013) Matrix Computations, 4th ed.,
// sec. 7.3.1 (power method); Meyer (2000) Matrix Analysis, ch. 8.3 (Collatz-Wielandt bounds);
// igraph_eigenvector_centrality.
#pragma once

#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

/// Relative error aimed at on every score (see the stopping rule).
inline constexpr double kEigenvectorTolerance = 1e-10;
/// Most power-iteration steps per component before ARPACK takes over.
inline constexpr unsigned kEigenvectorMaxIterations = 200;
/// From this step on, a rate projecting more than kEigenvectorMaxIterations steps gives up.
inline constexpr unsigned kEigenvectorFirstVerdict = 20;
/// Vertices per block: the unit of work sharing and of the ordered sums.
inline constexpr unsigned kEigenvectorBlock = 512;
/// Components whose eigenvalues differ by less than this (relative) tie.
inline constexpr double kEigenvectorTieTolerance = 1e-9;

struct EigenvectorResult {
  std::vector<double> scores;  ///< scores[v] for view vertex v, max 1 (empty View: none)
  double eigenvalue = 0.0;     ///< the largest eigenvalue of A (0 when there are no edges)
  unsigned iterations = 0;     ///< power-iteration steps taken, over all components iterated
  unsigned products = 0;       ///< matrix-vector products ARPACK took (0 without fallback)
  bool used_arpack = false;    ///< the power iteration did not settle and ARPACK solved
  unsigned components = 0;     ///< connected components with at least one edge
  unsigned tied = 0;           ///< components sharing the largest eigenvalue (1 unless tied)
};

/// Eigenvector centrality of every vertex of the undirected `view` (see the file comment).
///
/// `weights`: null to count edges, or one weight per view edge (usually &view.weights()).
/// `threads`: worker threads, 0 = std::thread::hardware_concurrency(); the result does not
/// depend on it.
///
/// Throws InputError when the view is directed, when `weights` does not have one entry per
/// view edge, or when a weight is negative or not finite (the message names the view edge).
EigenvectorResult undirected_eigenvector(const graph::View& view,
                                         const std::vector<double>* weights, unsigned threads = 0);

}  // namespace actornet::analyses
