// Brokerage: Gould and Fernandez's five brokerage roles for a partition of the vertices
// (side, country, party...), with their expected values under a random graph of the same
// density, as R's sna::brokerage computes them.
//
// Definition. A broker v sits on a directed two-path a -> v -> b (a, v, b distinct) with no
// tie a -> b. With g(x) the group of x, the path makes v a
//   coordinator     (w_I)  when g(a) = g(v) = g(b),
//   itinerant       (w_O)  when g(a) = g(b) != g(v)   (also called consultant),
//   representative  (b_IO) when g(a) = g(v) != g(b),
//   gatekeeper      (b_OI) when g(a) != g(v) = g(b),
//   liaison         (b_O)  when g(a), g(v) and g(b) all differ.
// Every node's `total` is the sum of its five counts (all open two-paths through it).
//
// Multigraph rule. Roles are counted on the simple directed projection of the View: there is
// an arc x -> y (x != y) when the View has at least one edge from x to y, whatever its
// relation, weight or multiplicity; self-loops are ignored. So a two-path counts once per
// ordered pair (a, b) of distinct nodes for each broker, and a tie a -> b of any relation
// closes it. Direction: a directed View is read as stored (an undirected edge is two arcs, as
// the View makes it); in an undirected View every edge is two arcs, so an open two-path
// a - v - b counts twice, as a -> v -> b and b -> v -> a (as sna does on symmetric data): a
// representative role one way is a gatekeeper role the other way, and the two columns are
// equal for every node.
//
// Expectation (Gould & Fernandez 1989; sna::brokerage). Under a Bernoulli random graph with
// the observed density d = m / (N (N - 1)) (m arcs of the simple directed projection, N
// vertices) and the observed groups, each ordered pair (a, b) of distinct nodes other than v
// is an open two-path through v with probability d^2 (1 - d). For a broker in group i of
// size n_i, with n_j the sizes of the other groups:
//   E[w_I]  = d^2 (1-d) (n_i - 1)(n_i - 2)
//   E[w_O]  = d^2 (1-d) sum_{j != i} n_j (n_j - 1)
//   E[b_IO] = E[b_OI] = d^2 (1-d) (N - n_i)(n_i - 1)
//   E[b_O]  = d^2 (1-d) ((sum_{j != i} n_j)^2 - sum_{j != i} n_j^2)
//   E[t]    = d^2 (1-d) (N - 1)(N - 2)
// and the variances sna gives. Normalised scores are raw / expected (NaN when the expectation
// is 0: a group of one has no coordinator pairs, a graph with d = 0 or 1 has no open
// two-paths); z-scores are (raw - expected) / sd. Global (whole-graph) raw counts, expectations
// and variances follow sna too.
//
// Complexity: O(|V| + |E| log |E|) to build the projection, then O(sum over v of
// indeg(v) * outdeg(v) * log(outdeg)) for the two-paths. No library counts Gould-Fernandez
// roles (igraph, Boost.Graph and NetworkX have none), so the count is written out here.
//
// Degenerate Views: no vertices gives empty results; fewer than 3 vertices or no arcs give
// zero counts. Reference: Gould, R. V. & Fernandez, R. M. (1989) "Structures of mediation: a
// formal approach to brokerage in transaction networks", Sociological Methodology 19:89-126;
// Butts, C. T., sna: Tools for Social Network Analysis, brokerage().
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

/// The five roles, then the total, in sna's column order (w_I, w_O, b_IO, b_OI, b_O, t).
enum class BrokerageRole { Coordinator, Itinerant, Representative, Gatekeeper, Liaison, Total };
inline constexpr std::size_t kBrokerageColumns = 6;

/// coordinator, itinerant, representative, gatekeeper, liaison, total.
std::string_view to_string(BrokerageRole role);
/// sna's names: w_I, w_O, b_IO, b_OI, b_O, t.
std::string_view sna_name(BrokerageRole role);

using BrokerageRow = std::array<double, kBrokerageColumns>;

struct BrokerageResult {
  /// raw[v][role]: the counts for view vertex v (whole numbers, stored as reals).
  std::vector<BrokerageRow> raw;
  /// Per group (indexed by group number): expectation and standard deviation of each column.
  std::vector<BrokerageRow> group_expected, group_sd;
  /// Per vertex: raw / expected and (raw - expected) / sd; NaN where the divisor is 0.
  std::vector<BrokerageRow> normalised, z;
  /// Whole graph: the column sums, their expectation, sd and z-score.
  BrokerageRow global_raw{}, global_expected{}, global_sd{}, global_z{};
  std::vector<std::uint32_t> group_size;  ///< vertices per group
  double density = 0.0;                   ///< d of the simple directed projection
  std::uint64_t arcs = 0;                 ///< m of the simple directed projection
};

/// Gould-Fernandez brokerage of every vertex of `view`, with `group[v]` the group number of
/// vertex v (0..k-1; numbers need not all be used). Throws InputError when `group` does not
/// have one entry per vertex. See the file comment for definitions and conventions.
BrokerageResult brokerage(const graph::View& view, const std::vector<std::uint32_t>& group);

}  // namespace actornet::analyses
