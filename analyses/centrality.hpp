// Centrality: per-vertex scores on a View (degree, strength, betweenness, closeness, harmonic,
// eigenvector, PageRank, hubs and authorities, Burt's constraint). Degree and strength are read
// off the View's adjacency; betweenness, closeness and harmonic (analyses/shortest_paths.hpp)
// and PageRank (analyses/pagerank.hpp) are computed here in parallel, with igraph's results;
// the eigenvector of a directed View has its own power iteration (see Measure::Eigenvector for
// why); the rest comes from igraph, whose copy of the View is made only when one of them asks.
//
// Conventions shared by every measure below:
//
// * Multigraph rule. Nothing is merged here: the View's ParallelPolicy decides. Under `keep`
//   two edges between the same pair (of the same or of different relations) are two edges;
//   under `count`, `sum`, `max` or `any` they are one edge whose weight is the count, the sum,
//   the largest weight or 1. Which measures see that weight depends on `use_weights` (below).
//   Each measure's block says what a parallel edge does to it.
// * Weights are strengths (bigger = closer). Strength, in_strength and out_strength always sum
//   the View's weights (that is what a strength is). Every other measure uses them only when
//   CentralityOptions::use_weights is set: as they are for eigenvector, PageRank, hubs,
//   authorities and constraint; as lengths for the distance-based measures (betweenness,
//   closeness, harmonic), where the caller must choose LengthPolicy::Inverse (length = 1/w) or
//   LengthPolicy::Ignore (every edge has length 1). Nothing guesses.
// * Direction. A directed View is read as directed by every measure; an undirected View is
//   read as undirected, and then in/out variants equal their undirected measure (a note says
//   so). Mixed graphs become directed Views in which an undirected edge is two arcs.
// * Degenerate graphs. A View with no vertices gives empty columns. Every measure is defined
//   on a View with vertices but no edges (the values are stated per measure). Non-finite
//   values never leave this function except constraint's NaN for isolated vertices (below),
//   and no score is -0.
// * Notes. CentralityResult::notes collects, in order, anything the user should be told:
//   warnings igraph issued (prefixed "<measure>: igraph warning:"), measures that are
//   meaningless or degenerate on this View (in/out variants of an undirected View, spectral
//   measures on disconnected or acyclic Views), and the conventions applied to isolated
//   vertices. A note about one measure starts with its name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/approx_betweenness.hpp"
#include "graph/view.hpp"

namespace actornet::analyses {

/// The centrality measures. Each enumerator's block is the measure's documentation.
enum class Measure {
  /// degree: number of edge ends at v; in a directed View the in-degree plus the out-degree.
  /// Normalisation: none (a count). Complexity: O(|V| + |E|). Parallel edges: each kept edge
  /// counts (under a merging policy a merged pair counts once: use strength with `count` to
  /// get the multigraph degree back). Self-loops: add 2 in an undirected View (both ends are at
  /// v) and 2 in a directed one (one out, one in). Weights: never. Isolated vertices: 0.
  /// Reference: igraph_degree (loops counted); Wasserman & Faust (1994) ch. 5.2.
  Degree,
  /// in_degree: arcs arriving at v (directed View); equals degree in an undirected View.
  /// Self-loop: 1. Otherwise as degree.
  InDegree,
  /// out_degree: arcs leaving v (directed View); equals degree in an undirected View.
  /// Self-loop: 1. Otherwise as degree.
  OutDegree,
  /// strength: sum of the weights of the edges at v (in + out when directed), always using the
  /// View's weights, whatever use_weights says. Normalisation: none. Complexity: O(|V| + |E|).
  /// Parallel edges: under `keep` each adds its weight; under `count` the merged edge adds the
  /// count (so strength equals the multigraph degree); `sum`, `max`, `any` add the merged
  /// weight. Self-loops: their weight counts twice (both ends). Isolated vertices: 0.
  /// Reference: igraph_strength; Barrat et al. (2004) PNAS 101:3747.
  Strength,
  /// in_strength: weights of arcs arriving at v; equals strength in an undirected View.
  InStrength,
  /// out_strength: weights of arcs leaving v; equals strength in an undirected View.
  OutStrength,
  /// betweenness: sum over pairs s != v != t of sigma_st(v) / sigma_st, the share of shortest
  /// s-t paths through v. Unordered pairs in an undirected View, ordered pairs (following arc
  /// direction) in a directed one. Normalisation: none (raw pair counts; the maximum is
  /// (n-1)(n-2)/2 undirected, (n-1)(n-2) directed). Computation: Brandes' algorithm from
  /// every source (exact_betweenness in analyses/shortest_paths.hpp), sources spread over
  /// CentralityOptions::threads threads; equal to igraph_betweenness to rounding, and the same
  /// on every run with the same thread count. Path lengths are compared as igraph 0.10 does
  /// (equal when within a relative 1e-10, so 1/3 + 1/3 + 1/3 ties with 1). Complexity:
  /// O(|V||E|) unweighted, O(|V||E| log |V|) with lengths. Parallel edges: under `keep` each
  /// parallel edge is a separate shortest path (sigma multiplies by the multiplicity), so a
  /// doubled tie draws more of the flow; merged policies count the pair once. Self-loops: never
  /// on a shortest path, no effect. Weights: with use_weights and Inverse, path length is the
  /// sum of 1/w; with Ignore, hop count. Disconnected Views: only connected pairs contribute.
  /// Isolated vertices and leaves: 0. Reference: igraph_betweenness; Brandes (2001) J. Math.
  /// Sociol. 25:163; Freeman (1977) Sociometry 40:35.
  Betweenness,
  /// closeness: (number of vertices v reaches) / (sum of distances from v to them), counting
  /// only vertices v reaches, as igraph 0.10 defines it; in a directed View distances go out of
  /// v (along arcs). Normalisation: the mean distance's inverse, so 1 for a vertex adjacent to
  /// everything it reaches. Computation: closeness and harmonic come from one pass
  /// (closeness_harmonic in analyses/shortest_paths.hpp): without lengths a bit-parallel BFS
  /// advancing 64 sources at once, with lengths one Dijkstra search per source, sources spread
  /// over CentralityOptions::threads threads; the scores do not depend on the thread count and
  /// equal igraph_closeness's to rounding. Complexity: O(|V|(|V| + |E|)) unweighted (divided
  /// by up to 64 in practice), O(|V||E| log |V|) with lengths. Parallel edges and self-loops:
  /// no effect on distances (under `keep` with
  /// lengths, the shortest parallel edge is the one that counts). Disconnected Views: each
  /// vertex is scored within what it reaches, so a pair alone scores 1; compare with harmonic,
  /// which does not have this bias. Isolated vertices (and sinks reaching nothing): igraph
  /// gives NaN; we report 0, as NetworkX does. Reference: igraph_closeness; Freeman (1979)
  /// Social Networks 1:215; Wasserman & Faust (1994) p. 201.
  Closeness,
  /// harmonic: (1 / (n-1)) * sum over u != v of 1 / d(v, u), with 1/inf = 0; in a directed View
  /// distances go out of v. Normalisation: by n-1, so 1 for a vertex adjacent to every other
  /// one; 0 when n = 1. Computation, complexity, threads, parallel edges, self-loops and
  /// weights: as closeness (computed in the same pass; igraph_harmonic_centrality gives the same
  /// scores to rounding).
  /// Disconnected Views: unreachable vertices add 0, so scores are comparable across
  /// components. Isolated vertices: 0. Reference: igraph_harmonic_centrality; Marchiori &
  /// Latora (2000) Physica A 285:539; Boldi & Vigna (2014) Internet Math. 10:222.
  Harmonic,
  /// eigenvector: the leading eigenvector x of the adjacency matrix, A x = lambda x, scaled so
  /// that max x = 1. In a directed View a vertex is central when central vertices point at it
  /// (lambda x_v = sum over arcs u->v of x_u: in-edges, as igraph does). A_uv is the number
  /// of edges u-v (their summed weights with use_weights), so under `keep` parallel edges add
  /// up. Self-loops: A_vv is 2 per loop in an undirected View, 1 in a directed one.
  /// Computation: undirected Views use analyses/eigenvector.hpp: per connected component, a
  /// parallel power iteration on A + I that stops when every score is within 1e-10
  /// (relative), or hands over to igraph's ARPACK (symmetric Lanczos on the same parallel
  /// product, started from the last iterate) when the spectral gap is too small for it; the
  /// scores do not depend on the thread count, and a note says when ARPACK finished. When
  /// components tie, each tied component is scaled to max 1 on its own. Directed Views: igraph
  /// 0.10's non-symmetric
  /// ARPACK call often returns all zeros on graphs with many acyclic parts (most start vectors
  /// on the bundled dataset), so the spectral radius of each strongly connected component is
  /// found by power iteration on A^T + I, and then the eigenvector by power iteration on the
  /// vertices reachable from the component(s) with the largest radius; every other vertex
  /// gets exactly 0. Each power iteration is O(|V| + |E|) per step until the estimated error
  /// is below 1e-14 (at most 100000 steps; a note says if that was not enough).
  /// Disconnected Views: the vector lives on the component with the largest eigenvalue and
  /// other components get 0 (a note says so; compare within a component). When components
  /// tie for the largest eigenvalue the eigenvector is not unique (a note says so).
  /// Directed acyclic Views: all 0 (a note says so). Isolated vertices: 0. No edges (or only
  /// zero weights): every vertex gets 1 (any vector is an eigenvector of the zero matrix; this
  /// is igraph's choice too). Negative weights are an InputError.
  /// Reference: igraph_eigenvector_centrality; Bonacich (1987) AJS 92:1170; for the reducible
  /// case, the Perron-Frobenius theory of reducible matrices (e.g. Meyer (2000) Matrix
  /// Analysis, ch. 8.3).
  Eigenvector,
  /// pagerank: stationary distribution of a random walk that follows an out-arc (chosen with
  /// probability proportional to its weight with use_weights, uniformly otherwise) with
  /// probability `damping` and jumps to a uniformly random vertex otherwise; a vertex with no
  /// out-arcs (dangling, isolated) jumps uniformly. Undirected edges are walked both ways.
  /// Normalisation: scores sum to 1. Computation: a parallel power iteration
  /// (analyses/pagerank.hpp), O(|V| + |E|) per step, run until every score is within about
  /// 1e-10 relative of the limit (at most 10,000 steps; a note says when that was not enough).
  /// Damping 0 gives exactly 1/n; damping 1 the walk's stationary distribution, with a note
  /// when a periodic or reducible walk does not settle. Parallel edges: under `keep` each is a
  /// separate arc, so k parallel edges act as one
  /// edge of weight k; under a merging policy, only use_weights brings the count or weight
  /// back. Self-loops: a walk step may stay at v; an undirected loop counts twice in v's
  /// degree, a directed one once. Disconnected Views and isolated vertices: handled by the
  /// uniform jump (an isolated vertex gets (1 - damping)/n plus its share of dangling mass).
  /// No edges: 1/n each. Negative weights are an InputError. Reference: Brin & Page (1998)
  /// Comput. Netw. ISDN 30:107; igraph_pagerank (PRPACK), which the tests compare against.
  PageRank,
  /// hub: leading eigenvector of A A^T (a good hub points at good authorities), scaled to
  /// max 1; in an undirected View A A^T = A^2 and hub equals authority (a note says so).
  /// Parallel edges add up in A (weights with use_weights). Self-loops count 1 in A even in an
  /// undirected View (unlike eigenvector). Complexity: ARPACK on A A^T (seeded, as for
  /// eigenvector), O(|V| + |E|) per product. Vertices with no out-arcs: 0. No edges: 1
  /// everywhere (as eigenvector). Disconnected Views: concentrated on the component with the
  /// largest eigenvalue (a note says so). Negative weights are an InputError.
  /// Reference: igraph_hub_and_authority_scores; Kleinberg (1999) J. ACM 46:604.
  Hub,
  /// authority: leading eigenvector of A^T A (a good authority is pointed at by good hubs),
  /// scaled to max 1. Vertices with no in-arcs: 0. Otherwise as hub.
  Authority,
  /// constraint: Burt's constraint c_v = sum over neighbours j != v of (p_vj + sum over
  /// neighbours q != v, j of p_vq p_qj)^2, where p_vj = (a_vj + a_jv) / sum_k (a_vk + a_kv)
  /// and a_vj is the number of edges v-j (their summed weights with use_weights). Direction:
  /// ignored (a_vj + a_jv mixes both ways). Normalisation: none; between 0 and 1 for simple
  /// graphs without loops (1 for a vertex with one contact: fully constrained; low for a
  /// broker between disconnected contacts). Complexity: O(|V| + |E| + sum of d(v)^2).
  /// Parallel edges: under `keep` they add up in a_vj (as a tie of weight k). Self-loops:
  /// ignored (j != v); a vertex whose only edges are loops gets 0. Isolated vertices: NaN
  /// (undefined, as in igraph and NetworkX; a note names how many). Negative weights are an
  /// InputError. Reference: igraph_constraint; Burt (1992) Structural Holes, ch. 2.
  Constraint,
};

/// The measure's name: degree, in_degree, out_degree, strength, in_strength, out_strength,
/// betweenness, closeness, harmonic, eigenvector, pagerank, hub, authority, constraint.
std::string_view to_string(Measure measure);
/// The measure with this exact name (see to_string); nullopt otherwise.
std::optional<Measure> measure_from_string(std::string_view name);
/// Every measure, in declaration order.
const std::vector<Measure>& all_measures();
/// The measures used when none are asked: degree, strength, betweenness, closeness, harmonic,
/// eigenvector, pagerank, constraint.
const std::vector<Measure>& default_measures();
/// True for measures built on path lengths: betweenness, closeness, harmonic.
bool is_distance_based(Measure measure);

/// How weights (strengths, bigger = closer) become path lengths for distance-based measures.
enum class LengthPolicy {
  Unset,    ///< not chosen: an error if weights are used by a distance-based measure
  Inverse,  ///< length = 1 / weight (weights must be positive and finite)
  Ignore    ///< every edge has length 1
};

/// `inverse`, `ignore` (and `unset`).
std::string_view to_string(LengthPolicy policy);
/// `inverse` or `ignore`; nullopt otherwise.
std::optional<LengthPolicy> length_policy_from_string(std::string_view name);

struct CentralityOptions {
  /// Columns, in this order; empty = default_measures(). A measure may not appear twice.
  std::vector<Measure> measures;
  /// Use the View's weights where a measure can (see the file comment).
  bool use_weights = false;
  /// Required (Inverse or Ignore) when use_weights and a distance-based measure is asked.
  LengthPolicy lengths = LengthPolicy::Unset;
  /// PageRank's damping factor, in [0, 1].
  double damping = 0.85;
  /// Worker threads for the measures that run in parallel (betweenness, closeness, harmonic,
  /// PageRank); 0 = one per hardware thread. Exact betweenness sums per-thread parts in a fixed
  /// order, so it is the same on every run with the same count (the last bits may change with
  /// the count); the other measures do not depend on it.
  unsigned threads = 0;
  /// When set, betweenness is estimated by sampling (analyses/approx_betweenness.hpp, with
  /// these epsilon, delta and seed; `threads` above applies) instead of computed exactly. An
  /// InputError when betweenness is not among the measures.
  std::optional<ApproxBetweennessOptions> approx;
};

struct CentralityResult {
  std::vector<Measure> measures;            ///< the columns, in the order asked
  std::vector<std::vector<double>> scores;  ///< scores[m][v] for view vertex v
  std::vector<std::string> notes;           ///< what the caller should tell the user
  /// With CentralityOptions::approx: the sample count, bounds and guarantee of the estimate
  /// (its scores are the betweenness column, so `scores` here is empty).
  std::optional<ApproxBetweennessResult> approx;
};

/// Computes every asked measure for every vertex of `view` (see Measure for each definition).
///
/// Throws InputError when: a measure is repeated; damping is outside [0, 1]; use_weights is
/// set, a distance-based measure is asked and options.lengths is Unset (the message says to
/// pass --lengths inverse|ignore); a weight is not finite; a weight is <= 0 under
/// LengthPolicy::Inverse; a weight is negative for eigenvector, pagerank, hub, authority or
/// constraint. Throws graph::ig::IgraphError if igraph fails.
///
/// Complexity: the sum of the asked measures' (betweenness, closeness and harmonic dominate
/// at O(|V||E|); closeness and harmonic share one pass; all three run on options.threads
/// threads). Reads igraph's warnings for this thread, discarding earlier ones.
CentralityResult centrality(const graph::View& view, const CentralityOptions& options = {});

}  // namespace actornet::analyses
