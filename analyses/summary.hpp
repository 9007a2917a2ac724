// Descriptive summary of a projection: what `actornet info` prints.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/date.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::analyses {

struct NameCount {
  std::string name;
  std::size_t count = 0;
};

struct RelationSummary {
  std::string name;
  std::size_t edges = 0;
  std::size_t directed = 0;  ///< stored as directed
  std::size_t dated = 0;     ///< with a bounded validity interval
};

struct GraphSummary {
  std::size_t nodes = 0;
  std::size_t edges = 0;  ///< graph edges shown by the view (before any parallel merge)
  std::size_t directed_edges = 0;
  std::size_t self_loops = 0;
  std::size_t parallel_pairs = 0;  ///< groups of two or more parallel edges
  std::size_t parallel_edges = 0;  ///< edges beyond the first in each such group
  double density = 0;              ///< distinct joined pairs / (n(n-1)/2); 0 when n < 2
  std::size_t components = 0;      ///< weakly connected components, isolated nodes included
  std::size_t largest_component = 0;
  std::size_t isolates = 0;                ///< nodes with no edge other than self-loops
  std::optional<graph::Date> earliest;     ///< first date any kept node or edge mentions
  std::optional<graph::Date> latest;       ///< last date any kept node or edge mentions
  std::vector<NameCount> kinds;            ///< nodes per kind, most first, then by name
  std::vector<RelationSummary> relations;  ///< edges per relation, most first, then by name
};

/// Summarises the nodes and edges a view keeps.
///
/// Counts are of graph edges (a view's merged edges are expanded back to their origins, and an
/// undirected edge doubled in a directed view counts once), so the figures describe the data,
/// whatever the parallel policy. Edges are parallel when they join the same ends the same way,
/// whatever their relations: two undirected a-b edges, or two directed a->b edges (a->b and
/// b->a are reciprocal, not parallel; an undirected a-b and a directed a->b are not parallel
/// either). Density ignores direction: joined unordered pairs over n(n-1)/2. Components are weak
/// components of the view, found by weak_components (analyses/cohesion.hpp) on the View itself,
/// without an igraph copy. Time span: the earliest start and the latest start or end of any
/// kept node or edge interval.
///
/// Complexity: O(V + E log E) time, O(V + E) extra memory.
GraphSummary summarize(const graph::Graph& graph, const graph::View& view);

}  // namespace actornet::analyses
