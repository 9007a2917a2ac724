// Cohesion: what holds the network together and where it would break. Connected components
// (weak, and strong in a directed View), articulation points, bridges, k-cores (coreness) and
// Moody-White cohesive blocks. The linear parts walk the View's CSR directly (see
// cohesion.cpp for why); cohesive blocks come from igraph.
//
// Definitions.
// * Components: maximal sets of vertices joined by paths, edges read both ways (weak); in a
//   directed View also strong components (paths following arc direction). Numbered 1..k by
//   size, largest first, ties by the smallest vertex (graph order).
// * Articulation point (cut vertex): a vertex whose removal increases the number of
//   components. Edges read as undirected.
// * Bridge: an edge whose removal increases the number of components, edges read as
//   undirected. Multigraph rule: a pair of vertices tied by two or more graph edges (of any
//   relations or directions) has no bridge, since removing one edge leaves the other. The
//   count is of the graph edges behind the View's edges (View::origins), so it is the same
//   under every parallel policy, and an undirected edge that a directed View shows as two
//   arcs is one edge. Self-loops are never bridges.
// * Coreness: the largest k such that the vertex belongs to the k-core, the maximal subgraph
//   in which every vertex has degree >= k (Seidman 1983). On the simple undirected
//   projection: each tied pair counts once, whatever its parallel edges, self-loops dropped.
// * Cohesive blocks (Moody & White 2003): the nested hierarchy of maximal k-connected
//   subgraphs (k-components), found by igraph_cohesive_blocks on the simple undirected
//   projection (which it requires). The first block is the whole View (cohesion = its vertex
//   connectivity); each block's parent is the block it was found in. Per vertex, `cohesion`
//   is the largest cohesion of a block holding it.
//
// Disconnected Views: components as above; the whole-View block has cohesion 0 and each
// component is searched. Isolated vertices: own component, coreness 0, cohesion 0. No
// vertices: empty results.
// Complexity: components, articulation points, bridges and coreness O(|V| + |E|) time and
// O(|V|) extra memory (one iterative Hopcroft-Tarjan search, Tarjan's strong components, the
// Batagelj-Zaversnik core decomposition); cohesive blocks is much dearer (vertex connectivity
// by repeated max-flows, roughly O(|V|^2 |E|) per level) and can be turned off.
// Reference: Hopcroft & Tarjan (1973) CACM 16:372; Tarjan (1972) SIAM J. Comput. 1:146;
// Batagelj & Zaversnik (2003) arXiv cs/0310049; Seidman (1983) Social Networks 5:269; Moody &
// White (2003) Am. Sociol. Rev. 68:103; igraph_cohesive_blocks. Tests compare each part with
// igraph_connected_components, igraph_articulation_points, igraph_bridges and igraph_coreness.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/view.hpp"

namespace actornet::analyses {

struct CohesionOptions {
  bool blocks = true;  ///< compute cohesive blocks (the expensive part)
};

struct Bridge {
  graph::Vertex u = 0, v = 0;  ///< u < v
  graph::EdgeIndex edge = 0;   ///< the one graph edge tying them
};

struct CohesiveBlock {
  std::vector<graph::Vertex> members;  ///< sorted
  std::uint32_t cohesion = 0;          ///< vertex connectivity of the block
  std::int64_t parent = -1;            ///< index of the enclosing block; -1 for the first
};

struct CohesionResult {
  std::vector<std::uint32_t> component;        ///< per vertex, weak component 1..k
  std::vector<std::uint32_t> component_sizes;  ///< [c - 1]
  /// Directed Views only (empty otherwise): strong components, numbered like weak ones.
  std::vector<std::uint32_t> strong_component;
  std::vector<std::uint32_t> strong_component_sizes;
  std::vector<graph::Vertex> articulation_points;  ///< sorted
  std::vector<Bridge> bridges;                     ///< sorted by (u, v)
  std::vector<std::uint32_t> coreness;             ///< per vertex
  bool has_blocks = false;                         ///< blocks were computed
  std::vector<CohesiveBlock> blocks;               ///< igraph's order (parents first)
  std::vector<std::uint32_t> cohesion;             ///< per vertex (empty without blocks)
};

/// Components, articulation points, bridges, coreness and (optionally) cohesive blocks of
/// `view` (see the file comment). Throws IgraphError if igraph fails (cohesive blocks only).
CohesionResult cohesion(const graph::View& view, const CohesionOptions& options = {});

struct WeakComponents {
  std::vector<std::uint32_t> component;  ///< per vertex, weak component 1..k
  std::vector<std::uint32_t> sizes;      ///< [c - 1]
};

/// The weak components of `view` alone, numbered exactly as CohesionResult::component (1..k by
/// size, largest first, ties by the smallest vertex), for callers that need nothing else: one
/// breadth-first search of the undirected reading of the View's CSR, no igraph copy.
/// Isolated vertices and vertices with only self-loops are components of their own; parallel
/// edges and direction make no difference. No vertices: empty vectors.
/// Complexity: O(|V| + |E|) time, O(|V|) extra memory.
WeakComponents weak_components(const graph::View& view);

}  // namespace actornet::analyses
