#include "analyses/scenario.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "analyses/resilience.hpp"
#include "graph/errors.hpp"

namespace actornet::analyses {

using graph::Date;
using graph::EdgeIndex;
using graph::Graph;
using graph::Intervention;
using graph::InterventionType;
using graph::NodeIndex;

namespace {

constexpr std::string_view kHoldsOffice = "holds_office";
constexpr std::size_t kMaxDays = 10000;

// ------------------------------------------------------------------------------ dates

std::chrono::sys_days to_sys(const Date& d) {
  return std::chrono::sys_days{std::chrono::days{d.first_day()}};
}

Date from_sys(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return Date::from_ymd(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                        static_cast<int>(unsigned(ymd.day())));
}

Date day_of(const Date& d) {
  return from_sys(to_sys(d));
}

// The next grid day: a week, or a month or year later with the day of month clamped to the
// month's length (2025-01-31 + 1 month = 2025-02-28), counted from the grid's first day so
// that the clamping does not drift.
Date grid_day(const Date& first, GridStep step, int k) {
  using namespace std::chrono;
  if (step == GridStep::Week) return from_sys(to_sys(first) + days{7 * k});
  const year_month_day ymd{to_sys(first)};
  const auto month_start =
      year_month{ymd.year(), ymd.month()} + (step == GridStep::Month ? months{k} : months{12 * k});
  const auto last = year_month_day_last{month_start.year(), month_day_last{month_start.month()}};
  const auto day = std::min(ymd.day(), last.day());
  return from_sys(sys_days{year_month_day{month_start.year(), month_start.month(), day}});
}

bool in_force(const Intervention& iv, const Date& d) {
  return iv.date.first_day() <= d.first_day() &&
         (!iv.until || d.first_day() < iv.until->first_day());
}

// Leaves day d out of an interval that holds it (the interval then ends on d).
void exclude(graph::Interval& valid, const Date& d) {
  if (valid.contains(d)) valid.end = d;
}

std::string add_tie_id(const Intervention& iv, std::size_t index) {
  return iv.id.empty() ? fmt::format("scenario:{}", index + 1) : iv.id;
}

std::string successor_id(const Graph& g, NodeIndex position) {
  return "successor:" + g.node(position).id;
}

// ------------------------------------------------------------------------------ resolution

// An intervention with its ids looked up in the graph.
struct Resolved {
  const Intervention* iv = nullptr;
  std::size_t index = 0;
  NodeIndex node = 0;              ///< end_tenure, remove, suspend
  std::vector<EdgeIndex> tenures;  ///< end_tenure: the holds_office edges it ends
  std::string edge_id;             ///< add_tie
};

// How changes name their cause: "suspend (entry 5)", or "end_tenure (--transition DATE)".
std::string describe(const Intervention& iv) {
  if (iv.entry > 0) return fmt::format("{} (entry {})", graph::to_string(iv.type), iv.entry);
  return fmt::format("{} ({})", graph::to_string(iv.type), iv.origin);
}

NodeIndex node_named(const Graph& g, const Intervention& iv, const std::string& field,
                     const std::string& id) {
  if (auto n = g.find_node(id)) return *n;
  throw InputError(
      fmt::format("{}: {} {} '{}': the graph has no such node; check the id "
                  "against the dataset's nodes",
                  iv.origin, graph::to_string(iv.type), field, id));
}

std::vector<Resolved> resolve(const Graph& g, const graph::Scenario& scenario) {
  std::vector<Resolved> out;
  std::set<std::string> added_ids;
  const auto holds = g.relations().find(kHoldsOffice);
  for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
    const auto& iv = scenario.interventions[i];
    Resolved r{&iv, i, 0, {}, {}};
    switch (iv.type) {
      case InterventionType::EndTenure: {
        r.node = node_named(g, iv, "person", iv.node);
        std::optional<NodeIndex> position;
        if (!iv.position.empty()) position = node_named(g, iv, "position", iv.position);
        const auto day = iv.date.first_day();
        for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
          const auto& edge = g.edge(e);
          if (!holds || edge.relation != *holds || edge.source != r.node) continue;
          if (position && edge.target != *position) continue;
          // In force the day before D: started before D and not ended before D.
          if (edge.valid.start && edge.valid.start->first_day() >= day) continue;
          if (edge.valid.end && edge.valid.end->first_day() < day) continue;
          r.tenures.push_back(e);
        }
        if (r.tenures.empty())
          throw InputError(fmt::format(
              "{}: end_tenure: '{}' holds no office{} on the day before {} (no holds_office "
              "edge in force then); check the person, the position and the date",
              iv.origin, iv.node, iv.position.empty() ? "" : " '" + iv.position + "'",
              iv.date.to_string()));
        break;
      }
      case InterventionType::Remove:
      case InterventionType::Suspend:
        r.node = node_named(g, iv, "node", iv.node);
        break;
      case InterventionType::DropRelation:
        if (!g.relations().find(iv.relation)) {
          std::set<std::string> used;
          for (const auto& e : g.edges())
            used.insert(g.relations().name(e.relation));
          throw InputError(fmt::format(
              "{}: drop_relation names relation '{}' which the graph does not have; it has: {}",
              iv.origin, iv.relation, fmt::join(used, ", ")));
        }
        break;
      case InterventionType::AddTie:
        node_named(g, iv, "source", iv.source);
        node_named(g, iv, "target", iv.target);
        r.edge_id = add_tie_id(iv, i);
        if (g.find_edge(r.edge_id) || !added_ids.insert(r.edge_id).second)
          throw InputError(fmt::format(
              "{}: add_tie id '{}' is already the id of another edge; give the tie another id",
              iv.origin, r.edge_id));
        break;
    }
    if (iv.type == InterventionType::Suspend && (!iv.until || *iv.until <= iv.date))
      throw InputError(fmt::format("{}: suspend needs an until after its from date", iv.origin));
    out.push_back(std::move(r));
  }
  return out;
}

// ------------------------------------------------------------------------------ the world

// Why an element is missing from a world (or was added to it): the text for a loss and for
// the matching gain when the cause lifts.
struct Reason {
  std::string lost;
  std::string gained;
};

struct World {
  Graph graph;
  std::map<std::string, Reason> node_reason;   ///< excluded nodes, by id
  std::map<std::string, Reason> edge_reason;   ///< excluded edges, by id
  std::map<std::string, Reason> ended_tenure;  ///< holds_office edges an end_tenure ended
  std::map<std::string, Reason> added_edge;    ///< add_tie edges in force, by id
  std::vector<std::string> successors;         ///< successor nodes created, ascending ids
};

// Marks an edge the analysis made (provenance "scenario" or "successor"), unless the graph
// already uses the provenance column for another type.
void set_provenance(Graph& g, EdgeIndex e, const char* value) {
  auto& attrs = g.edge_attributes();
  const auto column = attrs.find(graph::Provenance::kDocument);
  if (column && attrs.column(*column).type != graph::AttrType::String) return;
  attrs.set(attrs.declare(graph::Provenance::kDocument, graph::AttrType::String), e,
            std::string(value));
}

World build_world(const Graph& original, const std::vector<Resolved>& resolved, const Date& d,
                  bool successors) {
  World w{original, {}, {}, {}, {}, {}};
  Graph& g = w.graph;
  std::map<NodeIndex, Reason> node_reason;
  std::map<EdgeIndex, Reason> edge_reason;
  std::map<NodeIndex, Reason> ending;  // persons whose tenure an end_tenure ended

  // 1. Tenures ended; hypothetical ties added.
  for (const auto& r : resolved) {
    const auto& iv = *r.iv;
    if (!in_force(iv, d)) continue;
    if (iv.type == InterventionType::EndTenure) {
      for (auto e : r.tenures) {
        auto& valid = g.edge(e).valid;
        if (!valid.end || valid.end->first_day() > iv.date.first_day()) valid.end = iv.date;
        w.ended_tenure[g.edge_id(e)] = {describe(iv), describe(iv) + " over"};
      }
      ending.emplace(r.node, Reason{describe(iv), describe(iv) + " over"});
    } else if (iv.type == InterventionType::AddTie) {
      graph::EdgeSpec spec;
      spec.id = r.edge_id;
      spec.source = *g.find_node(iv.source);
      spec.target = *g.find_node(iv.target);
      spec.relation = iv.relation;
      spec.directed = iv.directed;
      spec.weight = iv.weight;
      spec.valid = {iv.date, iv.until};
      const auto e = g.add_edge(spec);
      set_provenance(g, e, "scenario");
      w.added_edge[spec.id] = {describe(iv) + " over", describe(iv)};
    }
  }

  // 2. Nodes removed or suspended; relations dropped.
  for (const auto& r : resolved) {
    const auto& iv = *r.iv;
    if (!in_force(iv, d)) continue;
    if (iv.type == InterventionType::Remove || iv.type == InterventionType::Suspend) {
      node_reason.emplace(r.node, Reason{describe(iv), describe(iv) + " over"});
    } else if (iv.type == InterventionType::DropRelation) {
      const auto relation = g.relations().find(iv.relation);
      for (EdgeIndex e = 0; e < g.edge_count(); ++e)
        if (relation && g.edge(e).relation == *relation)
          edge_reason.emplace(e, Reason{describe(iv), describe(iv) + " over"});
    }
  }

  const auto holds = g.relations().find(kHoldsOffice);
  auto is_holds = [&](EdgeIndex e) { return holds && g.edge(e).relation == *holds; };
  auto present = [&](NodeIndex n) { return !node_reason.count(n) && g.node(n).valid.contains(d); };

  // 3. Persons whose tenure was ended and who hold no office at d leave.
  for (const auto& [person, reason] : ending) {
    bool holds_office = false;
    for (EdgeIndex e = 0; e < g.edge_count(); ++e)
      if (is_holds(e) && g.edge(e).source == person && g.edge(e).valid.contains(d) &&
          !edge_reason.count(e))
        holds_office = true;
    if (!holds_office) node_reason.emplace(person, reason);
  }

  // 4. Vacant positions.
  std::map<NodeIndex, std::vector<EdgeIndex>> tenures_of;
  for (EdgeIndex e = 0; e < g.edge_count(); ++e)
    if (is_holds(e)) tenures_of[g.edge(e).target].push_back(e);
  std::vector<std::pair<NodeIndex, EdgeIndex>> vacant;  // position, its latest tenure
  for (const auto& [position, tenures] : tenures_of) {
    if (!present(position)) continue;
    bool held_now = false, held_before = false;
    EdgeIndex latest = tenures.front();
    for (auto e : tenures) {
      const auto& edge = g.edge(e);
      if (edge.valid.contains(d) && !edge_reason.count(e)) {
        if (present(edge.source))
          held_now = true;
        else
          held_before = true;  // the holder was removed, suspended or left
      }
      if (edge.valid.end && edge.valid.end->first_day() <= d.first_day()) {
        held_before = true;
        if (!g.edge(latest).valid.end || *g.edge(latest).valid.end < *edge.valid.end) latest = e;
      }
    }
    if (!held_now && held_before) vacant.emplace_back(position, latest);
  }
  for (const auto& [position, latest] : vacant) {
    if (!successors) {
      node_reason.emplace(position, Reason{"vacant position", "position held again"});
      continue;
    }
    const auto id = successor_id(g, position);
    if (g.find_node(id))
      throw InputError(fmt::format(
          "the graph already has a node '{}', the id a successor in '{}' would take; rename it", id,
          g.node(position).id));
    const auto s = g.add_node(id, "Successor as " + g.node(position).label, "person");
    auto& attrs = g.node_attributes();
    for (std::size_t c = 0; c < attrs.size(); ++c) {
      const auto value = attrs.get(c, position);
      if (!graph::is_missing(value)) attrs.set(c, s, value);
    }
    graph::EdgeSpec spec;
    spec.id = id + "/holds_office";
    spec.source = s;
    spec.target = position;
    spec.relation = kHoldsOffice;
    spec.directed = g.edge(latest).directed;
    const auto e = g.add_edge(spec);
    set_provenance(g, e, "successor");
    w.successors.push_back(id);
  }
  std::sort(w.successors.begin(), w.successors.end());

  // 5. Exclusions applied as validity that leaves d out.
  for (const auto& [n, reason] : node_reason) {
    exclude(g.node(n).valid, d);
    w.node_reason[g.node(n).id] = reason;
  }
  for (const auto& [e, reason] : edge_reason) {
    exclude(g.edge(e).valid, d);
    w.edge_reason[g.edge_id(e)] = reason;
  }
  return w;
}

// ------------------------------------------------------------------------------ evaluation

// What one evaluation saw, kept for the comparison with the next day.
struct Snapshot {
  Date day;
  World world;
  std::set<std::string> nodes;
  std::map<std::string, std::pair<std::string, std::string>> ties;        ///< id -> endpoints
  std::map<std::string, std::vector<std::vector<std::string>>> channels;  ///< text -> hop ties
  std::map<std::string, std::vector<std::string>> channel_nodes;
};

std::string channel_text(const std::vector<std::string>& path) {
  return fmt::format("{}", fmt::join(path, " -> "));
}

std::vector<Date> evaluation_days(const graph::Scenario& scenario, const ScenarioOptions& options) {
  std::vector<Date> days;
  if (!options.dates.empty()) {
    for (const auto& d : options.dates)
      days.push_back(day_of(d));
  } else {
    std::optional<Date> first, last;
    for (const auto& iv : scenario.interventions) {
      if (!first || iv.date < *first) first = iv.date;
      if (!last || iv.date > *last) last = iv.date;
      if (iv.until && (!last || *iv.until > *last)) last = iv.until;
    }
    if (options.every != GridStep::None) {
      const auto from = options.from ? options.from : first;
      const auto to = options.to ? options.to : last;
      if (!from || !to)
        throw InputError("a grid needs a first and a last day: give from and to, or interventions");
      const auto start = day_of(*from), end = day_of(*to);
      for (int k = 0;; ++k) {
        const auto day = grid_day(start, options.every, k);
        if (day > end) break;
        if (days.size() >= kMaxDays)
          throw InputError(
              fmt::format("the grid from {} to {} has more than {} days; choose a "
                          "coarser step or a shorter range",
                          start.to_string(), end.to_string(), kMaxDays));
        days.push_back(day);
      }
    } else if (first) {
      days.push_back(previous_day(*first));
      for (const auto& iv : scenario.interventions) {
        days.push_back(day_of(iv.date));
        if (iv.until) days.push_back(day_of(*iv.until));
      }
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  if (days.empty())
    throw InputError(
        "no day to evaluate: the scenario has no intervention and no dates were given");
  return days;
}

}  // namespace

Date previous_day(const Date& day) {
  return from_sys(to_sys(day) - std::chrono::days{1});
}
Date next_day(const Date& day) {
  return from_sys(to_sys(day) + std::chrono::days{1});
}

std::vector<Intervention> transition_interventions(const Graph& graph, const Date& day,
                                                   const std::string& origin) {
  std::vector<Intervention> out;
  const auto holds = graph.relations().find(kHoldsOffice);
  if (!holds) return out;
  for (EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    if (edge.relation != *holds || !edge.valid.end ||
        edge.valid.end->first_day() != day.first_day())
      continue;
    Intervention iv;
    iv.type = InterventionType::EndTenure;
    iv.node = graph.node(edge.source).id;
    iv.position = graph.node(edge.target).id;
    iv.date = day_of(day);
    iv.origin = origin;
    out.push_back(std::move(iv));
  }
  return out;
}

Graph world_at(const Graph& graph, const graph::Scenario& scenario, const Date& day,
               bool successors) {
  return build_world(graph, resolve(graph, scenario), day_of(day), successors).graph;
}

ScenarioResult evaluate_scenario(const Graph& graph, const graph::Scenario& scenario,
                                 const SideChooser& sides, const ScenarioOptions& options) {
  const auto resolved = resolve(graph, scenario);
  const auto days = evaluation_days(scenario, options);
  ScenarioResult result;
  std::set<std::string> notes;
  std::vector<ScenarioChange> changes[2];

  for (int mode = 0; mode < 2; ++mode) {
    const bool with = mode == 1;
    std::optional<Snapshot> previous;
    for (const auto& day : days) {
      Snapshot snap{day, build_world(graph, resolved, day, with), {}, {}, {}, {}};
      const Graph& g = snap.world.graph;
      auto view_options = options.view;
      view_options.at = day;
      view_options.between.reset();
      if (!options.directed) view_options.direction = graph::DirectionPolicy::Undirected;
      const auto view = graph::View::build(g, view_options);
      const auto when =
          fmt::format("{}, {} successors", day.to_string(), with ? "with" : "without");
      const auto masks = sides(g, view, when);
      ResilienceOptions ro;
      ro.directed = options.directed;
      const auto r = resilience(view, masks.a, masks.b, ro);
      notes.insert(r.notes.begin(), r.notes.end());

      ScenarioStep step;
      step.date = day;
      step.successors = with;
      step.direct_ties = r.direct_ties;
      step.broker_connectivity = r.broker_connectivity;
      step.disjoint_channels = r.disjoint_channels;
      step.edge_connectivity = r.edge_connectivity;
      step.capacity = r.capacity;
      step.pairs_connected = r.pairs_connected;
      step.cross_efficiency = r.cross_efficiency;
      step.successors_created = snap.world.successors;
      step.vertices = view.vertex_count();
      step.edges = view.edge_count();

      for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
        snap.nodes.insert(g.node(view.node_of(v)).id);
      for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
        for (auto origin : view.origins(e))
          snap.ties[g.edge_id(origin)] = {g.node(g.edge(origin).source).id,
                                          g.node(g.edge(origin).target).id};
      for (const auto& c : r.channels) {
        std::vector<std::string> path;
        for (auto v : c.path)
          path.push_back(g.node(view.node_of(v)).id);
        std::vector<std::vector<std::string>> hops;
        for (const auto& hop : c.hops) {
          std::vector<std::string> ties;
          for (auto e : hop)
            for (auto origin : view.origins(e))
              ties.push_back(g.edge_id(origin));
          hops.push_back(std::move(ties));
        }
        const auto text = channel_text(path);
        snap.channels[text] = std::move(hops);
        snap.channel_nodes[text] = path;
        step.channels.push_back(std::move(path));
      }
      if (step.disjoint_channels == 0) {
        auto& first = with ? result.first_zero_with : result.first_zero_without;
        if (!first) first = day;
      }
      result.steps.push_back(std::move(step));

      if (previous) {
        auto& out = changes[mode];
        const auto& p = *previous;
        auto add = [&](bool gained, ChangeKind what, const std::string& id, std::string why) {
          out.push_back({day, with, gained, what, id, std::move(why)});
        };
        // Nodes.
        for (const auto& id : p.nodes) {
          if (snap.nodes.count(id)) continue;
          std::string why;
          if (auto it = snap.world.node_reason.find(id); it != snap.world.node_reason.end())
            why = it->second.lost;
          else if (std::count(p.world.successors.begin(), p.world.successors.end(), id))
            why = "successor: the position is no longer vacant";
          else
            why = "data: node ends";
          add(false, ChangeKind::Node, id, why);
        }
        for (const auto& id : snap.nodes) {
          if (p.nodes.count(id)) continue;
          std::string why;
          if (auto it = p.world.node_reason.find(id); it != p.world.node_reason.end())
            why = it->second.gained;
          else if (std::count(snap.world.successors.begin(), snap.world.successors.end(), id))
            why = "successor";
          else
            why = "data: node begins";
          add(true, ChangeKind::Node, id, why);
        }
        // Ties.
        auto tie_why = [&](const std::string& id, const std::pair<std::string, std::string>& ends,
                           const Snapshot& now, const Snapshot& other, bool gained) {
          // `now` lacks or has the tie in the sense of `gained`; `other` is the other day.
          const auto& excluded = gained ? other.world.edge_reason : now.world.edge_reason;
          if (auto it = excluded.find(id); it != excluded.end())
            return gained ? it->second.gained : it->second.lost;
          if (id.rfind("successor:", 0) == 0) return std::string("successor");
          const auto& ended = gained ? other.world.ended_tenure : now.world.ended_tenure;
          if (auto it = ended.find(id); it != ended.end())
            return gained ? it->second.gained : it->second.lost;
          // An add_tie that came into force (gained) or went out of force (lost).
          const auto& in_force_now = now.world.added_edge;
          const auto& in_force_other = other.world.added_edge;
          const auto& added = gained ? in_force_now : in_force_other;
          if (auto it = added.find(id);
              it != added.end() && !(gained ? in_force_other : in_force_now).count(id))
            return gained ? it->second.gained : it->second.lost;
          // The data's own interval opens or closes between the two days.
          const auto e = graph.find_edge(id);
          const bool tenure = e && graph.relation_name(*e) == kHoldsOffice;
          if (e && graph.edge(*e).valid.contains(now.day) == gained &&
              graph.edge(*e).valid.contains(other.day) != gained)
            return fmt::format("data: {} {}", tenure ? "tenure" : "tie",
                               gained ? "begins" : "ends");
          for (const auto& end : {ends.first, ends.second})
            if (!(gained ? other : now).nodes.count(end))
              return fmt::format("endpoint {} {}", end, gained ? "gained" : "lost");
          return fmt::format("data: {} {}", tenure ? "tenure" : "tie", gained ? "begins" : "ends");
        };
        for (const auto& [id, ends] : p.ties)
          if (!snap.ties.count(id))
            add(false, ChangeKind::Tie, id, tie_why(id, ends, snap, p, false));
        for (const auto& [id, ends] : snap.ties)
          if (!p.ties.count(id)) add(true, ChangeKind::Tie, id, tie_why(id, ends, snap, p, true));
        // Channels.
        auto channel_why = [](const std::string& text, const Snapshot& had, const Snapshot& lacks,
                              bool gained) {
          const auto verb = gained ? "gained" : "lost";
          for (const auto& n : had.channel_nodes.at(text))
            if (!lacks.nodes.count(n)) return fmt::format("node {} {}", n, verb);
          for (const auto& hop : had.channels.at(text)) {
            bool any = false;
            for (const auto& t : hop)
              any = any || lacks.ties.count(t) != 0;
            if (!any && !hop.empty()) return fmt::format("tie {} {}", hop.front(), verb);
          }
          return std::string("another maximum set of channels");
        };
        for (const auto& [text, hops] : p.channels)
          if (!snap.channels.count(text))
            add(false, ChangeKind::Channel, text, channel_why(text, p, snap, false));
        for (const auto& [text, hops] : snap.channels)
          if (!p.channels.count(text))
            add(true, ChangeKind::Channel, text, channel_why(text, snap, p, true));
      }
      previous = std::move(snap);
    }
  }

  // Rows of a day: without successors, then with; institutionalisation on both.
  std::vector<ScenarioStep> ordered;
  const auto n = days.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto without = result.steps[i];
    auto with = result.steps[n + i];
    without.institutionalisation = with.institutionalisation =
        with.disjoint_channels - without.disjoint_channels;
    ordered.push_back(std::move(without));
    ordered.push_back(std::move(with));
  }
  result.steps = std::move(ordered);

  for (auto& list : changes) {
    std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
      if (x.date != y.date) return x.date < y.date;
      if (x.what != y.what) return x.what < y.what;
      if (x.gained != y.gained) return !x.gained;
      return x.id < y.id;
    });
    result.changes.insert(result.changes.end(), list.begin(), list.end());
  }
  result.notes.assign(notes.begin(), notes.end());
  return result;
}

}  // namespace actornet::analyses
