// What-if scenarios over time: the resilience figures between two sides (analyses/resilience)
// evaluated on dated states of the world that a scenario's interventions produce, with and
// without successors in vacated positions, and what was lost and gained from one evaluation
// date to the next.
//
// The world at day d. Unlike other analyses this one takes the Graph, not a View: its
// interventions end tenures, add nodes (successors) and ties, and decide vacancies from the
// holds_office edges, which a View has already filtered away. For each evaluation day and each
// mode it builds a copy of the Graph edited to that day (an excluded node or edge gets a
// validity interval that leaves d out; successors and hypothetical ties are added), then the
// View at d (ViewOptions::at = d, plus the caller's filters) and runs resilience() on it.
//
// Interventions (graph/scenario.hpp; "in force at d" means date <= d < until, by first day):
// * end_tenure {person, position?, date D}: every holds_office edge from the person (to that
//   position, or to any) in force the day before D ends at D (its end becomes D when it was
//   later or open). From D on, a person whose tenure an end_tenure ended and who holds no
//   office at d leaves: the node is excluded with every tie (personal ties included). A later
//   tenure of the same person (starting after D) still counts as holding office.
// * remove {node, date D}: the node is excluded from D on.
// * suspend {node, from, until}: the node is excluded in [from, until).
// * drop_relation {relation, date, until?}: every edge of the relation is excluded while in
//   force (edges added by add_tie too).
// * add_tie {source, target, relation, date, until?, directed, weight, id?}: an edge valid in
//   [date, until), with edge attribute provenance = "scenario" (its id: `id`, or
//   `scenario:<entry number>`). A relation the graph lacks is allowed here (and only here).
//
// Vacancy and successors. A position is any node that is the target of a holds_office edge
// (whatever its kind). It is vacant at d when it is itself present at d, no holds_office edge
// to it is valid at d with its holder present at d, and it was held before: some holds_office
// edge to it ended on or before d, or is valid at d but its holder was removed or suspended.
// This applies to tenures the data itself ends (a U.S. tenure ending on 2025-01-20 with no
// named successor) as well as to tenures a scenario ends. A position never held in the data,
// or whose only tenures start after d, is not vacant (it is shown as the data has it). A
// person whose tenure the data ends does not leave: the data says how long their personal
// ties hold; only end_tenure makes a person leave.
// * Without successors ("persons alone"), a vacant position carries nothing: it is excluded
//   with all its ties.
// * With successors, the position passes to an unnamed successor: it keeps its institutional
//   ties, and a node `successor:<position id>` (label "Successor as <position label>", kind
//   person, every node attribute of the position copied so that side expressions such as
//   country=US select it) holds it through a directed holds_office edge
//   `successor:<position id>/holds_office` (provenance "successor").
// institutionalisation at d = disjoint_channels with successors - disjoint_channels without:
// the channels that the offices carry beyond their current holders.
//
// Evaluation days: options.dates when given; else a grid (options.every) from options.from
// (default: the earliest intervention date) to options.to (default: the latest date or until
// of any intervention), both included; else the day before the earliest intervention (the
// baseline) and every distinct date and until of the interventions. Dates are taken as their
// first day (2025 -> 2025-01-01) and sorted; duplicates are evaluated once.
//
// Changes. From one evaluation day p to the next d, in each mode: nodes of the View at p but
// not at d are `lost` (gained: the reverse), likewise ties (graph edges behind the View's
// edges, by edge id) and channels (the disjoint channel paths of resilience(), described
// "a -> x -> b" with node ids). Each change gives why: the intervention that caused it (its
// origin), "vacant position" (without successors), "successor" (a successor node or its
// tenure), "data: tenure ends" / "data: tenure begins" (holds_office), "data: tie ends" /
// "data: tie begins", "data: node ends" / "data: node begins" (validity intervals), "endpoint
// X lost" / "endpoint X gained" for a tie, "node X lost" / "tie X lost" (or gained) for a
// channel, and "another maximum set of channels" for a channel neither of whose elements
// changed: the disjoint channels are one maximum set, and another may be chosen.
//
// Multigraph rule, direction, disconnection: as in resilience() on the View built with the
// caller's ViewOptions (direction forced to Undirected unless options.directed).
//
// Complexity: per evaluation day and mode, one Graph copy O(|V| + |E| + attributes), one
// View build and one resilience() call (see resilience.hpp); changes are O(|V| + |E|) per day.
// Meant for document-sized networks and a few dozen dates.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "graph/scenario.hpp"
#include "graph/view.hpp"

namespace actornet::analyses {

/// The sides at one evaluation: masks over the View's vertices.
struct SideMasks {
  std::vector<bool> a;
  std::vector<bool> b;
};

/// Chooses the sides on the world built for a day. `when` names the day and the mode for
/// messages ("2025-02-01, with successors"). It throws (InputError) for an empty side or
/// overlapping sides; the analysis passes the error on.
using SideChooser = std::function<SideMasks(const graph::Graph& world, const graph::View& view,
                                            const std::string& when)>;

enum class GridStep { None, Week, Month, Year };

struct ScenarioOptions {
  graph::ViewOptions view;         ///< filters and policies; `at` and `between` are set per day
  bool directed = false;           ///< channels follow arc direction from A to B
  std::vector<graph::Date> dates;  ///< explicit evaluation days (overrides the grid)
  GridStep every = GridStep::None;
  std::optional<graph::Date> from, to;  ///< grid bounds
};

/// The figures at one day in one mode (see resilience() for their definitions).
struct ScenarioStep {
  graph::Date date = graph::Date::from_ymd(1970, 1, 1);
  bool successors = false;
  std::int64_t direct_ties = 0;
  std::int64_t broker_connectivity = 0;
  std::int64_t disjoint_channels = 0;
  std::int64_t edge_connectivity = 0;
  double capacity = 0.0;
  double pairs_connected = 0.0;
  double cross_efficiency = 0.0;
  /// disjoint_channels(with successors) - disjoint_channels(without) at this day; the same
  /// in both rows of a day.
  std::int64_t institutionalisation = 0;
  /// The disjoint channels as node-id paths, as resilience() orders them.
  std::vector<std::vector<std::string>> channels;
  /// Successor nodes created at this day (with successors only), ascending ids.
  std::vector<std::string> successors_created;
  std::size_t vertices = 0, edges = 0;  ///< size of the View
};

enum class ChangeKind { Node, Tie, Channel };

/// Something lost or gained between the previous evaluation day and `date`.
struct ScenarioChange {
  graph::Date date = graph::Date::from_ymd(1970, 1, 1);
  bool successors = false;
  bool gained = false;
  ChangeKind what = ChangeKind::Node;
  std::string id;  ///< node id, edge id, or channel "a -> x -> b"
  std::string why;
};

struct ScenarioResult {
  /// Every evaluation day in order; per day the row without successors, then with.
  std::vector<ScenarioStep> steps;
  /// Per mode (without, then with), per day in order: nodes, ties, then channels; lost before
  /// gained; by id.
  std::vector<ScenarioChange> changes;
  /// The first evaluation day when disjoint_channels is 0, per mode; empty when never.
  std::optional<graph::Date> first_zero_without, first_zero_with;
  std::vector<std::string> notes;
};

/// Evaluates `scenario` on `graph` between the sides `sides` chooses (see the file comment
/// for the semantics).
///
/// Throws InputError naming the intervention's origin when it names a node the graph lacks,
/// a relation the graph lacks (drop_relation), or a person holding no such office the day
/// before its date (end_tenure); when no evaluation day results (an empty scenario with no
/// dates) or the grid has more than 10000 days; and whatever `sides` or resilience() throws.
ScenarioResult evaluate_scenario(const graph::Graph& graph, const graph::Scenario& scenario,
                                 const SideChooser& sides, const ScenarioOptions& options = {});

/// The interventions of a change of office holders on `day`: one end_tenure {person, position,
/// day} for every holds_office edge whose end falls on `day` (by first day), in edge order,
/// with origin `origin`. Empty when no tenure ends that day.
std::vector<graph::Intervention> transition_interventions(const graph::Graph& graph,
                                                          const graph::Date& day,
                                                          const std::string& origin);

/// The graph as the world stands at `day` in one mode, with the scenario applied: the Graph
/// copy evaluate_scenario() builds its View from (exposed for tests and for exports).
graph::Graph world_at(const graph::Graph& graph, const graph::Scenario& scenario,
                      const graph::Date& day, bool successors);

/// The day before / after `day` (taken as its first day), at day precision.
graph::Date previous_day(const graph::Date& day);
graph::Date next_day(const graph::Date& day);

}  // namespace actornet::analyses
