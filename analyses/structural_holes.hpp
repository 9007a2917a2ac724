// Structural holes: Burt's effective size and efficiency of every vertex's ego network, and
// his constraint (computed by centrality(), with the same conventions).
//
// Definition (Burt 1992, ch. 2; the general, weighted form NetworkX implements). Let the
// mutual tie m_ij (i != j) be the total weight of the View's edges between i and j in either
// direction (the number of such edges unless use_weights; an undirected edge of a directed
// View is two arcs, so counts twice, which scales every tie of a pair alike), N(i) the
// distinct neighbours of i other than i, p_ij = m_ij / sum_{k in N(i)} m_ik the share of i's
// ties going to j, and M_j = max_{k in N(j)} m_jk j's strongest tie. Then
//   effective_size(i) = sum_{j in N(i)} (1 - sum_{q in N(i), q != j} p_iq m_jq / M_j)
//   efficiency(i)     = effective_size(i) / |N(i)|
//   constraint(i)     = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != j} p_iq p_qj)^2
// For an unweighted simple undirected graph effective size is Borgatti's n - 2t/n (n
// contacts, t ties among them): the contacts minus their average redundancy. Efficiency is
// between 0 and 1 (1 when no two contacts are tied).
//
// Multigraph rule: parallel edges add up in m_ij (under `keep` k parallel edges are a tie of
// strength k, of any relations; merged policies give the merged weight when use_weights, else
// one edge, 1). Self-loops are ignored. Direction: ignored (m_ij mixes both ways). Isolated
// vertices (no neighbour but themselves): NaN for all three, as in NetworkX and igraph.
// Negative or non-finite weights are an InputError when use_weights is set.
//
// Complexity: O(|V| + |E| log |E|) to merge ties, then O(sum over i of d(i)^2 log d) where d
// is the number of distinct neighbours. igraph has constraint only, Boost.Graph none of
// them, so effective size is computed here.
// Reference: Burt, R. S. (1992) Structural Holes, Harvard UP, ch. 2; Borgatti, S. P. (1997)
// "Structural holes: unpacking Burt's redundancy measures", Connections 20(1):35-38.
#pragma once

#include <string>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

struct StructuralHolesOptions {
  bool use_weights = false;  ///< m_ij sums the View's weights instead of counting edges
};

struct StructuralHolesResult {
  std::vector<double> effective_size;  ///< per view vertex; NaN when isolated
  std::vector<double> efficiency;      ///< per view vertex; NaN when isolated
  std::vector<double> constraint;      ///< per view vertex; NaN when isolated (igraph)
  std::vector<std::string> notes;      ///< what the caller should tell the user
};

/// Effective size, efficiency and constraint of every vertex of `view` (see the file comment).
StructuralHolesResult structural_holes(const graph::View& view,
                                       const StructuralHolesOptions& options = {});

}  // namespace actornet::analyses
