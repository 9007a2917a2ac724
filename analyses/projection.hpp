// Two-mode projection: a bipartite graph of actors and the events (forums, bills, meetings,
// organisations) they attend, turned into a one-mode graph of the actors, tied when they
// share an event. (exporters/projection.hpp is another thing: it copies a View into a Graph
// for export.)
//
// Definition. The actors are the View's vertices that `actor` marks; every other vertex is an
// event. An actor attends an event when the View has at least one edge between them, of any
// relation and either direction (parallel edges do not attend twice). Two actors a != b are
// tied when they attend at least one common event; the tie's weight is
//   count:  the number of events they share (the usual co-affiliation count; igraph's
//           bipartite_projection multiplicity, NetworkX's weighted_projected_graph), or
//   newman: sum over shared events e of 1 / (d_e - 1), with d_e the number of actors
//           attending e (Newman 2001; NetworkX's collaboration_weighted_projected_graph),
//           so a large event ties each pair less.
// Each tie is one undirected edge of relation `co_affiliation`, with the integer attribute
// `shared_events` (the count, whatever the weighting) and the list attribute `via` (the ids of
// the shared events, sorted). Actors keep their id, label, kind, interval and attributes; an
// actor attending nothing stays, isolated. Edges between two actors or between two events are
// not part of a two-mode graph: they are left out and counted in the report. Time: the View
// already holds only what was valid at the chosen date; projected ties carry no interval.
//
// Complexity: O(|V| + |E| + sum over events of d_e^2 log), the number of actor pairs
// attending together. Reference: Newman, M. E. J. (2001) "Scientific collaboration networks.
// II", Phys. Rev. E 64:016132; Borgatti & Halgin (2011) "Analyzing affiliation networks", in
// The SAGE Handbook of Social Network Analysis.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::analyses {

enum class ProjectionWeight { Count, Newman };

/// `count` or `newman`.
std::string_view to_string(ProjectionWeight weight);
std::optional<ProjectionWeight> projection_weight_from_string(std::string_view name);

inline constexpr std::string_view kCoAffiliation = "co_affiliation";

struct TwoModeProjection {
  graph::Graph graph;                 ///< the actors (in view vertex order) and their ties
  std::size_t events = 0;             ///< event vertices
  std::size_t actor_actor_edges = 0;  ///< view edges between two actors, left out
  std::size_t event_event_edges = 0;  ///< view edges between two events, left out
};

/// Projects `view` of `graph` onto the vertices `actor` marks (one flag per view vertex).
/// Throws InputError when `actor` has the wrong length or marks no vertex.
TwoModeProjection project_two_mode(const graph::Graph& graph, const graph::View& view,
                                   const std::vector<bool>& actor, ProjectionWeight weight);

}  // namespace actornet::analyses
