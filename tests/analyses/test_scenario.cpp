// Scenarios over time on tiny dated graphs worked out by hand, and a check of the figures at a
// date against resilience() on a graph edited by hand to the same state.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/resilience.hpp"
#include "analyses/scenario.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"

using namespace actornet;
using analyses::ChangeKind;
using analyses::ScenarioOptions;
using analyses::ScenarioResult;
using analyses::ScenarioStep;
using graph::Date;
using graph::Graph;
using graph::Intervention;
using graph::InterventionType;

namespace {

Date day(const char* text) {
  auto d = Date::parse(text);
  REQUIRE(d.has_value());
  return *d;
}

// A graph written node by node with a `side` attribute ("A", "B" or none) and dated edges.
struct Builder {
  Graph g;
  std::size_t side_column = g.node_attributes().declare("side", graph::AttrType::String);

  void node(const std::string& id, const std::string& side = "",
            const std::string& kind = "other") {
    const auto n = g.add_node(id, id, kind);
    if (!side.empty()) g.node_attributes().set(side_column, n, side);
  }
  void edge(const std::string& a, const std::string& b, const std::string& relation,
            std::optional<Date> start = {}, std::optional<Date> end = {}, bool directed = false) {
    graph::EdgeSpec spec;
    spec.id = "e_" + relation + "_" + a + "_" + b;
    spec.source = *g.find_node(a);
    spec.target = *g.find_node(b);
    spec.relation = relation;
    spec.directed = directed;
    spec.valid = {start, end};
    g.add_edge(spec);
  }
};

// Sides by the `side` attribute; an empty side is an InputError naming `when`.
analyses::SideMasks by_side(const Graph& g, const graph::View& v, const std::string& when) {
  analyses::SideMasks m{std::vector<bool>(v.vertex_count()), std::vector<bool>(v.vertex_count())};
  for (graph::Vertex x = 0; x < v.vertex_count(); ++x) {
    const auto& value = g.node_attribute(v.node_of(x), "side");
    if (const auto* s = std::get_if<std::string>(&value)) {
      m.a[x] = *s == "A";
      m.b[x] = *s == "B";
    }
  }
  if (std::count(m.a.begin(), m.a.end(), true) == 0 ||
      std::count(m.b.begin(), m.b.end(), true) == 0)
    throw InputError("a side selects nothing at " + when);
  return m;
}

// The office graph:
//
//   a1 --met_with-- p --holds_office--> pos --co_chairs-- wg --co_chairs-- a2      bc
//   (A)             (B)                 (B)                                 (A)    (B)
//
// p holds pos from 2020 (open unless a test ends it). Two disjoint channels: a1-p and
// a2-wg-pos. bc keeps side B non-empty whatever happens to p and pos.
Builder office(std::optional<Date> tenure_end = {}) {
  Builder b;
  b.node("a1", "A", "person");
  b.node("a2", "A", "position");
  b.node("p", "B", "person");
  b.node("pos", "B", "position");
  b.node("wg", "", "forum");
  b.node("bc", "B", "country");
  b.edge("a1", "p", "met_with");
  b.edge("p", "pos", "holds_office", day("2020"), tenure_end, true);
  b.edge("pos", "wg", "co_chairs");
  b.edge("a2", "wg", "co_chairs");
  return b;
}

Intervention end_tenure(const std::string& person, const char* date,
                        const std::string& position = "") {
  Intervention iv;
  iv.type = InterventionType::EndTenure;
  iv.node = person;
  iv.position = position;
  iv.date = day(date);
  iv.origin = "test entry";
  return iv;
}

Intervention on_node(InterventionType type, const std::string& node, const char* date,
                     std::optional<Date> until = {}) {
  Intervention iv;
  iv.type = type;
  iv.node = node;
  iv.date = day(date);
  iv.until = until;
  iv.origin = "test " + std::string(graph::to_string(type));
  return iv;
}

const ScenarioStep& step(const ScenarioResult& r, const char* date, bool successors) {
  for (const auto& s : r.steps)
    if (s.date == day(date) && s.successors == successors) return s;
  FAIL("no step at " << date);
  return r.steps.front();
}

bool has_change(const ScenarioResult& r, const char* date, bool successors, bool gained,
                ChangeKind what, const std::string& id, const std::string& why_part = "") {
  for (const auto& c : r.changes)
    if (c.date == day(date) && c.successors == successors && c.gained == gained && c.what == what &&
        c.id == id && c.why.find(why_part) != std::string::npos)
      return true;
  return false;
}

std::vector<std::string> channel_texts(const ScenarioStep& s) {
  std::vector<std::string> out;
  for (const auto& path : s.channels) {
    std::string text;
    for (const auto& id : path)
      text += (text.empty() ? "" : " -> ") + id;
    out.push_back(text);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("scenario: a tenure ends, with and without successors") {
  const auto b = office();
  graph::Scenario s{"t", "", {end_tenure("p", "2025-01-20")}};
  const auto r = analyses::evaluate_scenario(b.g, s, by_side);

  // Days: the baseline (day before) and the date; per day without, then with successors.
  REQUIRE(r.steps.size() == 4);
  CHECK(r.steps[0].date == day("2025-01-19"));
  CHECK_FALSE(r.steps[0].successors);
  CHECK(r.steps[1].successors);
  CHECK(r.steps[2].date == day("2025-01-20"));

  // Before: a1-p and a2-wg-pos.
  CHECK(step(r, "2025-01-19", false).disjoint_channels == 2);
  CHECK(step(r, "2025-01-19", true).disjoint_channels == 2);
  CHECK(step(r, "2025-01-19", true).institutionalisation == 0);
  // After, persons alone: p leaves (with met_with), pos is vacant and goes with co_chairs.
  const auto& without = step(r, "2025-01-20", false);
  CHECK(without.disjoint_channels == 0);
  CHECK(without.direct_ties == 0);
  CHECK(without.successors_created.empty());
  // After, with successors: the office keeps a2-wg-pos open, held by successor:pos.
  const auto& with = step(r, "2025-01-20", true);
  CHECK(with.disjoint_channels == 1);
  CHECK(with.successors_created == std::vector<std::string>{"successor:pos"});
  CHECK(channel_texts(with) == std::vector<std::string>{"a2 -> wg -> pos"});
  CHECK(with.institutionalisation == 1);
  CHECK(without.institutionalisation == 1);

  CHECK(r.first_zero_without == day("2025-01-20"));
  CHECK_FALSE(r.first_zero_with.has_value());

  CHECK(
      has_change(r, "2025-01-20", false, false, ChangeKind::Node, "p", "end_tenure (test entry)"));
  CHECK(has_change(r, "2025-01-20", false, false, ChangeKind::Node, "pos", "vacant position"));
  CHECK(has_change(r, "2025-01-20", false, false, ChangeKind::Tie, "e_co_chairs_pos_wg",
                   "endpoint pos lost"));
  CHECK(has_change(r, "2025-01-20", false, false, ChangeKind::Tie, "e_holds_office_p_pos",
                   "end_tenure"));
  CHECK(has_change(r, "2025-01-20", false, false, ChangeKind::Channel, "a1 -> p", "node p lost"));
  CHECK(has_change(r, "2025-01-20", true, true, ChangeKind::Node, "successor:pos", "successor"));
  CHECK(has_change(r, "2025-01-20", true, true, ChangeKind::Tie, "successor:pos/holds_office",
                   "successor"));
  CHECK_FALSE(has_change(r, "2025-01-20", true, false, ChangeKind::Node, "pos"));

  // The successor copies the position's attributes (here `side`) and holds it.
  const auto world = analyses::world_at(b.g, s, day("2025-02-01"), true);
  const auto succ = world.find_node("successor:pos");
  REQUIRE(succ.has_value());
  CHECK(world.node(*succ).label == "Successor as pos");
  CHECK(world.kind_name(*succ) == "person");
  CHECK(std::get<std::string>(world.node_attribute(*succ, "side")) == "B");
  const auto held = world.find_edge("successor:pos/holds_office");
  REQUIRE(held.has_value());
  CHECK(world.edge(*held).target == *world.find_node("pos"));
  CHECK(std::get<std::string>(world.edge_attribute(*held, "provenance")) == "successor");
}

TEST_CASE("scenario: tenures the data ends leave positions vacant; the person stays") {
  const auto b = office(day("2025-01-20"));
  graph::Scenario s{"data", "", {}};
  ScenarioOptions options;
  options.dates = {day("2025-02-01"), day("2024-12-01")};  // sorted by the analysis
  const auto r = analyses::evaluate_scenario(b.g, s, by_side, options);
  REQUIRE(r.steps.size() == 4);
  CHECK(r.steps.front().date == day("2024-12-01"));
  CHECK(step(r, "2024-12-01", false).disjoint_channels == 2);
  // p stays (met_with is undated) but pos is vacant: without successors a2-wg-pos is gone.
  CHECK(step(r, "2025-02-01", false).disjoint_channels == 1);
  CHECK(step(r, "2025-02-01", true).disjoint_channels == 2);
  CHECK(step(r, "2025-02-01", true).institutionalisation == 1);
  CHECK(has_change(r, "2025-02-01", false, false, ChangeKind::Tie, "e_holds_office_p_pos",
                   "data: tenure ends"));
  CHECK(has_change(r, "2025-02-01", false, false, ChangeKind::Node, "pos", "vacant position"));
  CHECK_FALSE(has_change(r, "2025-02-01", false, false, ChangeKind::Node, "p"));
}

TEST_CASE("scenario: vacancy rule") {
  // Never held: `seat` has no holds_office edge, so it is not vacant and keeps its tie.
  // Held only in the future: `future` is not vacant before the tenure starts.
  // Holder removed: `pos` becomes vacant when p is removed, even though the tenure is open.
  auto b = office();
  b.node("seat", "B", "position");
  b.edge("seat", "wg", "co_chairs");
  b.node("q", "B", "person");
  b.node("future", "B", "position");
  b.edge("q", "future", "holds_office", day("2026"), {}, true);
  graph::Scenario s{"", "", {on_node(InterventionType::Remove, "p", "2025-01-01")}};
  const auto world = analyses::world_at(b.g, s, day("2025-06-01"), false);
  const auto at = day("2025-06-01");
  auto valid = [&](const char* id) { return world.node(*world.find_node(id)).valid.contains(at); };
  CHECK_FALSE(valid("p"));
  CHECK_FALSE(valid("pos"));
  CHECK(valid("seat"));
  CHECK(valid("future"));
  CHECK(valid("q"));
  const auto with = analyses::world_at(b.g, s, at, true);
  CHECK(with.find_node("successor:pos").has_value());
  CHECK_FALSE(with.find_node("successor:future").has_value());
  CHECK_FALSE(with.find_node("successor:seat").has_value());
  // Before the removal nothing is vacant.
  const auto before = analyses::world_at(b.g, s, day("2024-12-31"), false);
  CHECK(before.node(*before.find_node("pos")).valid.contains(day("2024-12-31")));
}

TEST_CASE("scenario: a suspension and its end") {
  const auto b = office();
  auto suspend = on_node(InterventionType::Suspend, "wg", "2025-03", day("2025-05"));
  suspend.entry = 5;  // from a file: changes name the entry
  graph::Scenario s{"", "", {suspend}};
  const auto r = analyses::evaluate_scenario(b.g, s, by_side);
  // Days: 2025-02-28 (baseline), 2025-03-01, 2025-05-01.
  REQUIRE(r.steps.size() == 6);
  CHECK(step(r, "2025-02-28", false).disjoint_channels == 2);
  CHECK(step(r, "2025-03-01", false).disjoint_channels == 1);
  CHECK(step(r, "2025-05-01", false).disjoint_channels == 2);
  CHECK(step(r, "2025-03-01", true).institutionalisation == 0);
  CHECK(has_change(r, "2025-03-01", false, false, ChangeKind::Node, "wg", "suspend (entry 5)"));
  CHECK(has_change(r, "2025-05-01", false, true, ChangeKind::Node, "wg", "suspend (entry 5) over"));
  CHECK(has_change(r, "2025-03-01", false, false, ChangeKind::Channel, "a2 -> wg -> pos",
                   "node wg lost"));
  CHECK(has_change(r, "2025-05-01", false, true, ChangeKind::Channel, "a2 -> wg -> pos",
                   "node wg gained"));
  CHECK_FALSE(r.first_zero_without.has_value());
}

TEST_CASE("scenario: dropping a relation and adding a tie") {
  auto b = office();
  Intervention drop;
  drop.type = InterventionType::DropRelation;
  drop.relation = "met_with";
  drop.date = day("2025-01-10");
  drop.origin = "test drop";
  Intervention add;
  add.type = InterventionType::AddTie;
  add.source = "a1";
  add.target = "bc";
  add.relation = "called";  // a relation the graph lacks: allowed for add_tie
  add.date = day("2025-02-01");
  add.until = day("2025-03-01");
  add.origin = "test add";
  graph::Scenario s{"", "", {drop, add}};
  const auto r = analyses::evaluate_scenario(b.g, s, by_side);
  // Days: 2025-01-09, 2025-01-10, 2025-02-01, 2025-03-01.
  REQUIRE(r.steps.size() == 8);
  CHECK(step(r, "2025-01-09", false).disjoint_channels == 2);
  CHECK(step(r, "2025-01-10", false).disjoint_channels == 1);
  CHECK(step(r, "2025-02-01", false).disjoint_channels == 2);
  CHECK(step(r, "2025-02-01", false).direct_ties == 1);
  CHECK(step(r, "2025-03-01", false).disjoint_channels == 1);
  CHECK(has_change(r, "2025-01-10", false, false, ChangeKind::Tie, "e_met_with_a1_p",
                   "drop_relation (test drop)"));
  CHECK(has_change(r, "2025-02-01", false, true, ChangeKind::Tie, "scenario:2",
                   "add_tie (test add)"));
  CHECK(has_change(r, "2025-03-01", false, false, ChangeKind::Tie, "scenario:2",
                   "add_tie (test add) over"));
  CHECK(
      has_change(r, "2025-02-01", false, true, ChangeKind::Channel, "a1 -> bc", "tie scenario:2"));
  const auto world = analyses::world_at(b.g, s, day("2025-02-15"), false);
  const auto e = world.find_edge("scenario:2");
  REQUIRE(e.has_value());
  CHECK(std::get<std::string>(world.edge_attribute(*e, "provenance")) == "scenario");
  // drop_relation also drops ties that add_tie brings, while both are in force.
  add.relation = "met_with";
  graph::Scenario both{"", "", {drop, add}};
  const auto r2 = analyses::evaluate_scenario(b.g, both, by_side);
  CHECK(step(r2, "2025-02-01", false).direct_ties == 0);
}

TEST_CASE("scenario: evaluation days") {
  const auto b = office();
  graph::Scenario s{"",
                    "",
                    {on_node(InterventionType::Suspend, "wg", "2025-03-01", day("2025-04-15")),
                     end_tenure("p", "2025-01-31")}};
  const auto r = analyses::evaluate_scenario(b.g, s, by_side);
  std::vector<Date> days;
  for (const auto& st : r.steps)
    if (!st.successors) days.push_back(st.date);
  CHECK(days == std::vector<Date>{day("2025-01-30"), day("2025-01-31"), day("2025-03-01"),
                                  day("2025-04-15")});

  // Monthly grid from the first to the last date, the day of month clamped.
  ScenarioOptions grid;
  grid.every = analyses::GridStep::Month;
  const auto g = analyses::evaluate_scenario(b.g, s, by_side, grid);
  days.clear();
  for (const auto& st : g.steps)
    if (!st.successors) days.push_back(st.date);
  CHECK(days == std::vector<Date>{day("2025-01-31"), day("2025-02-28"), day("2025-03-31")});

  grid.every = analyses::GridStep::Week;
  grid.from = day("2024-12-30");
  grid.to = day("2025-01-13");
  const auto w = analyses::evaluate_scenario(b.g, s, by_side, grid);
  CHECK(w.steps.size() == 6);
  CHECK(w.steps.back().date == day("2025-01-13"));

  CHECK(analyses::previous_day(day("2025-03-01")) == day("2025-02-28"));
  CHECK(analyses::previous_day(day("2024")) == day("2023-12-31"));
  CHECK(analyses::next_day(day("2024-02-28")) == day("2024-02-29"));
}

TEST_CASE("scenario: bad interventions are input errors naming their origin") {
  const auto b = office();
  auto message = [&](Intervention iv) -> std::string {
    graph::Scenario s{"", "", {std::move(iv)}};
    try {
      analyses::evaluate_scenario(b.g, s, by_side);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  };
  auto unknown = on_node(InterventionType::Remove, "nobody", "2025-01-01");
  unknown.origin = "file.yaml entry 3 (line 9)";
  const auto m1 = message(unknown);
  CHECK(m1.find("file.yaml entry 3 (line 9)") != std::string::npos);
  CHECK(m1.find("'nobody'") != std::string::npos);
  CHECK(message(end_tenure("a1", "2025-01-01")).find("holds no office") != std::string::npos);
  CHECK(message(end_tenure("p", "2025-01-01", "wg")).find("holds no office") != std::string::npos);
  CHECK(message(end_tenure("p", "2019-01-01")).find("holds no office") != std::string::npos);
  Intervention drop;
  drop.type = InterventionType::DropRelation;
  drop.relation = "calls";
  drop.origin = "x";
  CHECK(message(drop).find("relation 'calls'") != std::string::npos);
  CHECK(message(on_node(InterventionType::Suspend, "wg", "2025-03-01", day("2025-03-01")))
            .find("until") != std::string::npos);
  // A side that selects nothing at a date: the chooser's error comes through, naming the day.
  Builder lone;
  lone.node("a", "A");
  lone.node("b", "B");
  lone.edge("a", "b", "met_with");
  graph::Scenario gone{"", "", {on_node(InterventionType::Remove, "b", "2025-01-01")}};
  try {
    analyses::evaluate_scenario(lone.g, gone, by_side);
    FAIL("expected an error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("2025-01-01, without successors") != std::string::npos);
  }
  graph::Scenario empty{"", "", {}};
  CHECK_THROWS_AS(analyses::evaluate_scenario(b.g, empty, by_side), InputError);
}

TEST_CASE("scenario: transition interventions") {
  auto b = office(day("2025-01-20"));
  b.node("q", "B", "person");
  b.edge("q", "pos", "holds_office", day("2025-01-20"), {}, true);
  const auto ends = analyses::transition_interventions(b.g, day("2025-01-20"), "--transition");
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].node == "p");
  CHECK(ends[0].position == "pos");
  CHECK(ends[0].type == InterventionType::EndTenure);
  CHECK(analyses::transition_interventions(b.g, day("2025-01-21"), "x").empty());
  // With the next holder in place, the position is not vacant and p leaves.
  graph::Scenario s{"", "", ends};
  const auto r = analyses::evaluate_scenario(b.g, s, by_side);
  CHECK(step(r, "2025-01-20", false).successors_created.empty());
  CHECK(step(r, "2025-01-20", true).successors_created.empty());
  CHECK(has_change(r, "2025-01-20", false, false, ChangeKind::Node, "p", "end_tenure"));
  CHECK(has_change(r, "2025-01-20", false, true, ChangeKind::Tie, "e_holds_office_q_pos",
                   "data: tenure begins"));
}

// The independent check: the figures the scenario reports at a date equal resilience() on a
// graph written by hand in the state the semantics describe (no dates, nothing excluded,
// the successor added by hand), read through the same kind of View.
TEST_CASE("scenario: figures equal resilience on the world edited by hand") {
  // Two offices on side B, one held by p (ended by the scenario), one by r (the data ends it),
  // a third held by q throughout; side A: a1, a2, a3; third parties wg, forum, hub.
  Builder b;
  for (const auto* id : {"a1", "a2", "a3"})
    b.node(id, "A", "person");
  b.node("p", "B", "person");
  b.node("q", "B", "person");
  b.node("r", "B", "person");
  b.node("pos1", "B", "position");
  b.node("pos2", "B", "position");
  b.node("pos3", "B", "position");
  b.node("wg", "", "forum");
  b.node("forum", "", "forum");
  b.node("hub", "", "agency");
  b.edge("p", "pos1", "holds_office", day("2020"), {}, true);
  b.edge("q", "pos2", "holds_office", day("2020"), {}, true);
  b.edge("r", "pos3", "holds_office", day("2021"), day("2025-01-20"), true);
  b.edge("a1", "p", "met_with", day("2024-02"), day("2024-03"));
  b.edge("a1", "p", "called", day("2025-02"), day("2025-03"));
  b.edge("a2", "q", "met_with");
  b.edge("pos1", "wg", "co_chairs");
  b.edge("a2", "wg", "co_chairs");
  b.edge("pos3", "forum", "member_of");
  b.edge("a3", "forum", "member_of");
  b.edge("pos2", "hub", "part_of");
  b.edge("a3", "hub", "part_of");
  b.edge("a1", "r", "adviser_to");
  graph::Scenario s{"",
                    "",
                    {end_tenure("p", "2025-01-20"),
                     on_node(InterventionType::Suspend, "hub", "2025-02-01", day("2025-03-01"))}};
  ScenarioOptions options;
  options.dates = {day("2025-02-10")};
  const auto r = analyses::evaluate_scenario(b.g, s, by_side, options);

  // By hand, on 2025-02-10: p has left (its called tie goes with it), hub is suspended, pos1 is
  // vacant (p ended) and pos3 too (the data ends r's tenure; r stays, adviser_to holds).
  // Nodes and edges in the order the world keeps them, so that the flow meets the same
  // choices and picks the same channels.
  auto by_hand = [&](bool successors) {
    Builder h;
    for (const auto* id : {"a1", "a2", "a3"})
      h.node(id, "A", "person");
    h.node("q", "B", "person");
    h.node("r", "B", "person");
    if (successors) h.node("pos1", "B", "position");
    h.node("pos2", "B", "position");
    if (successors) h.node("pos3", "B", "position");
    h.node("wg", "", "forum");
    h.node("forum", "", "forum");
    if (successors) {
      h.node("successor:pos1", "B", "person");
      h.node("successor:pos3", "B", "person");
    }
    h.edge("q", "pos2", "holds_office", {}, {}, true);
    h.edge("a2", "q", "met_with");
    if (successors) h.edge("pos1", "wg", "co_chairs");
    h.edge("a2", "wg", "co_chairs");
    if (successors) h.edge("pos3", "forum", "member_of");
    h.edge("a3", "forum", "member_of");
    h.edge("a1", "r", "adviser_to");
    if (successors) {
      h.edge("successor:pos1", "pos1", "holds_office", {}, {}, true);
      h.edge("successor:pos3", "pos3", "holds_office", {}, {}, true);
    }
    graph::ViewOptions vo;
    vo.direction = graph::DirectionPolicy::Undirected;
    const auto view = graph::View::build(h.g, vo);
    const auto m = by_side(h.g, view, "by hand");
    const auto res = analyses::resilience(view, m.a, m.b);
    std::vector<std::string> channels;
    for (const auto& c : res.channels) {
      std::string text;
      for (auto v : c.path)
        text += (text.empty() ? "" : " -> ") + h.g.node(view.node_of(v)).id;
      channels.push_back(text);
    }
    std::sort(channels.begin(), channels.end());
    return std::make_pair(res, channels);
  };
  for (bool successors : {false, true}) {
    CAPTURE(successors);
    const auto [expected, expected_channels] = by_hand(successors);
    const auto& got = step(r, "2025-02-10", successors);
    CHECK(got.direct_ties == expected.direct_ties);
    CHECK(got.broker_connectivity == expected.broker_connectivity);
    CHECK(got.disjoint_channels == expected.disjoint_channels);
    CHECK(got.edge_connectivity == expected.edge_connectivity);
    CHECK(got.capacity == doctest::Approx(expected.capacity));
    CHECK(got.pairs_connected == doctest::Approx(expected.pairs_connected));
    CHECK(got.cross_efficiency == doctest::Approx(expected.cross_efficiency));
    CHECK(channel_texts(got) == expected_channels);
  }
  // The two worlds differ, so the check is not vacuous: 2 channels without (a1 -> r,
  // a2 -> q), 3 with (a3 -> forum -> pos3 reopens).
  CHECK(step(r, "2025-02-10", false).disjoint_channels == 2);
  CHECK(step(r, "2025-02-10", true).disjoint_channels == 3);
}
