// Communities: a partition of the vertices into densely tied groups, by igraph's Leiden,
// Louvain (multilevel) or label propagation, with its modularity.
//
// Definition. Modularity (Newman 2006) at resolution gamma:
//   Q = 1/(2m) sum_ij (A_ij - gamma k_i k_j / (2m)) delta(c_i, c_j)
// with A_ij the total weight of edges i-j (the number of them unless use_weights), k_i the
// strength and m the total weight. Leiden maximises Q at gamma = `resolution` (igraph's
// modularity objective: node weights = strengths, resolution gamma / (2m)), iterating until
// the partition is stable, with randomness beta = 0.01; Louvain maximises the same Q
// greedily by levels; label propagation gives each vertex the label most of its neighbours
// (by weight) carry, until no vertex wants to change, and ignores `resolution`.
// `modularity` is always reported at gamma = 1 (Newman's Q) and `quality` at the given
// resolution.
//
// Numbering. Communities are numbered 1..k by size, largest first, ties by the smallest
// graph node index they hold (stable for a given input and seed, whatever igraph's labels).
//
// Multigraph rule: under `keep` k parallel edges of any relations are a tie of weight k (igraph
// reads each edge); merged policies give one edge (weight 1, or the merged weight with
// use_weights). Self-loops count as igraph counts them in modularity (2 x weight to k_i and
// to A_ii). Direction: every edge is read as undirected; build the View undirected, since
// a directed View's undirected edge is two arcs and would count twice. Disconnected Views:
// components never share a community (label propagation and Leiden never join them;
// Louvain does not either). Isolated vertices are communities of their own. Zero edges:
// every vertex alone, modularity NaN (undefined).
//
// Randomness: all three methods draw from igraph's RNG, seeded with `seed`; the same View,
// options and seed give the same partition.
// Complexity: Leiden and Louvain near O(|E|) per pass; label propagation O(|E|) per sweep.
// Reference: Traag, Waltman & van Eck (2019) Sci. Rep. 9:5233 (Leiden); Blondel et al.
// (2008) J. Stat. Mech. P10008 (Louvain); Raghavan, Albert & Kumara (2007) Phys. Rev. E
// 76:036106 (label propagation); igraph_community_leiden, igraph_community_multilevel,
// igraph_community_label_propagation, igraph_modularity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

enum class CommunityMethod { Leiden, Louvain, LabelPropagation };

/// `leiden`, `louvain`, `label-propagation`.
std::string_view to_string(CommunityMethod method);
/// Inverse of to_string (also `multilevel` for Louvain); nullopt otherwise.
std::optional<CommunityMethod> community_method_from_string(std::string_view name);

struct CommunityOptions {
  CommunityMethod method = CommunityMethod::Leiden;
  double resolution = 1.0;  ///< gamma; > 0
  unsigned long seed = 1;
  bool use_weights = false;  ///< A_ij sums the View's weights (>= 0) instead of counting edges
};

struct CommunityResult {
  std::vector<std::uint32_t> membership;  ///< per view vertex, community number 1..k
  std::vector<std::uint32_t> sizes;       ///< sizes[c - 1] = vertices in community c
  double modularity = 0.0;                ///< Newman's Q (gamma = 1); NaN without edges
  double quality = 0.0;                   ///< Q at the asked resolution; NaN without edges
  std::vector<std::string> notes;
};

/// Partitions `view` into communities (see the file comment). Throws InputError for a
/// resolution <= 0 or a negative or non-finite weight with use_weights; IgraphError if igraph
/// fails.
CommunityResult communities(const graph::View& view, const CommunityOptions& options = {});

}  // namespace actornet::analyses
