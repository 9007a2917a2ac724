// Timeline: the date grid and period arithmetic, and every snapshot checked against the
// centrality of a View built independently for that date or window (the same computation
// `actornet centrality --at DATE` does; tests/cli/timeline_check.sh checks the command itself).
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "analyses/timeline.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"

using namespace actornet;
using analyses::advance;
using analyses::Measure;
using analyses::parse_period;
using analyses::Period;
using graph::Date;
using graph::Interval;

namespace {

// A star whose spokes come and go, plus a node valid only in 2024:
//
//   2024-01..2024-03:  a - b            (edge ab, Jan to Mar)
//   2024-02 (one day): b - c            (an event on 2024-02-10)
//   2024-02..:         c - d            (open end)
//   2025-01-15:        a - d            (an event)
//   e: a node valid in 2024 only, no edge
graph::Graph dated_graph() {
  graph::Graph g;
  const auto a = g.add_node("a"), b = g.add_node("b"), c = g.add_node("c"), d = g.add_node("d");
  g.add_node("e", "", "other", Interval{Date::year_only(2024), Date::year_only(2025)});
  auto edge = [&](graph::NodeIndex s, graph::NodeIndex t, Interval valid) {
    graph::EdgeSpec spec;
    spec.source = s;
    spec.target = t;
    spec.valid = valid;
    g.add_edge(spec);
  };
  edge(a, b, {Date::year_month(2024, 1), Date::year_month(2024, 4)});
  const auto ev = Date::from_ymd(2024, 2, 10);
  edge(b, c, {ev, ev.period_end()});
  edge(c, d, {Date::year_month(2024, 2), std::nullopt});
  const auto ev2 = Date::from_ymd(2025, 1, 15);
  edge(a, d, {ev2, ev2.period_end()});
  return g;
}

// The reference: the measure on a View built for one date or window, by node id.
std::map<std::string, double> reference(const graph::Graph& g, Measure m, std::optional<Date> at,
                                        std::optional<Interval> between) {
  graph::ViewOptions vo;
  vo.at = at;
  vo.between = between;
  const auto view = graph::View::build(g, vo);
  analyses::CentralityOptions co;
  co.measures = {m};
  const auto r = analyses::centrality(view, co);
  std::map<std::string, double> out;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    out[g.node(view.node_of(v)).id] = r.scores[0][v];
  return out;
}

void check_against_reference(const graph::Graph& g, const analyses::TimelineOptions& o) {
  const auto r = analyses::timeline(g, o);
  for (std::size_t s = 0; s < r.dates.size(); ++s) {
    CAPTURE(r.dates[s].to_string());
    const auto ref = o.window ? reference(g, o.centrality.measures[0], std::nullopt, r.windows[s])
                              : reference(g, o.centrality.measures[0], r.dates[s], std::nullopt);
    std::size_t present = 0;
    for (std::size_t row = 0; row < r.nodes.size(); ++row) {
      const auto& id = g.node(r.nodes[row]).id;
      const double v = r.scores[row][s];
      const auto it = ref.find(id);
      CAPTURE(id);
      if (it == ref.end()) {
        CHECK(std::isnan(v));
      } else {
        ++present;
        CHECK(v == doctest::Approx(it->second));
      }
    }
    CHECK(present == ref.size());
  }
}

}  // namespace

TEST_CASE("periods parse and dates advance by them") {
  CHECK(*parse_period("month") == Period{1, Period::Unit::Month});
  CHECK(*parse_period("quarter") == Period{3, Period::Unit::Month});
  CHECK(*parse_period("2w") == Period{2, Period::Unit::Week});
  CHECK(*parse_period("10d") == Period{10, Period::Unit::Day});
  CHECK(*parse_period("1y") == Period{1, Period::Unit::Year});
  CHECK(!parse_period("0m"));
  CHECK(!parse_period("3x"));
  CHECK(!parse_period("m"));
  CHECK(!parse_period("fortnight"));
  CHECK(analyses::to_string(*parse_period("3m")) == "3 months");
  CHECK(analyses::to_string(*parse_period("week")) == "1 week");

  CHECK(advance(Date::from_ymd(2024, 1, 31), {1, Period::Unit::Month}) ==
        Date::from_ymd(2024, 2, 29));
  CHECK(advance(Date::from_ymd(2023, 1, 31), {1, Period::Unit::Month}) ==
        Date::from_ymd(2023, 2, 28));
  CHECK(advance(Date::from_ymd(2024, 3, 1), {3, Period::Unit::Month}, -1) ==
        Date::from_ymd(2023, 12, 1));
  CHECK(advance(Date::from_ymd(2024, 2, 29), {1, Period::Unit::Year}) ==
        Date::from_ymd(2025, 2, 28));
  CHECK(advance(Date::from_ymd(2024, 12, 30), {1, Period::Unit::Week}) ==
        Date::from_ymd(2025, 1, 6));
  CHECK(advance(Date::from_ymd(2000, 3, 1), {1, Period::Unit::Day}, -1) ==
        Date::from_ymd(2000, 2, 29));
  // Day arithmetic agrees with days_from_civil over four centuries.
  for (int y = 1800; y <= 2200; y += 7)
    for (int m = 1; m <= 12; m += 5) {
      const auto d = Date::from_ymd(y, m, 28);
      CHECK(advance(d, {100, Period::Unit::Day}).first_day() == d.first_day() + 100);
    }
  CHECK(advance(Date::from_ymd(2024, 7, 9), {1, Period::Unit::Month}).precision() ==
        graph::DatePrecision::Day);
}

TEST_CASE("grid from the data's span, at the step's precision; absent nodes are NaN") {
  const auto g = dated_graph();
  analyses::TimelineOptions o;
  o.centrality.measures = {Measure::Degree};
  const auto r = analyses::timeline(g, o);
  // From 2024-01 (first start) to 2025-01 (the last event): 13 months.
  REQUIRE(r.dates.size() == 13);
  CHECK(r.dates.front().to_string() == "2024-01");
  CHECK(r.dates.back().to_string() == "2025-01");
  REQUIRE(r.nodes.size() == 5);
  // a: degree 1 from Jan to Mar (at the first of the month), then 0; d joins c in Feb.
  CHECK(r.scores[0][0] == 1);
  CHECK(r.scores[0][2] == 1);
  CHECK(r.scores[0][3] == 0);
  CHECK(r.scores[2][1] == 1);  // c - d from 2024-02; b - c was on 2024-02-10, not the 1st
  CHECK(r.scores[1][1] == 1);  // b: only a - b
  // e exists in 2024 only.
  CHECK(r.scores[4][11] == 0);
  CHECK(std::isnan(r.scores[4][12]));
  check_against_reference(g, o);
}

TEST_CASE("windows: each snapshot is what was valid during the window ending with its step") {
  const auto g = dated_graph();
  analyses::TimelineOptions o;
  o.centrality.measures = {Measure::Degree};
  o.window = Period{1, Period::Unit::Month};
  auto r = analyses::timeline(g, o);
  REQUIRE(r.dates.size() == 13);
  CHECK(r.windows[1].to_string() == "2024-02-01/2024-03-01");
  CHECK(r.scores[1][1] == 2);   // b in February: a - b and the event b - c
  CHECK(r.scores[0][12] == 1);  // a in January 2025: the event a - d
  check_against_reference(g, o);

  o.window = Period{3, Period::Unit::Month};
  r = analyses::timeline(g, o);
  CHECK(r.windows[1].to_string() == "2023-12-01/2024-03-01");
  check_against_reference(g, o);
  o.centrality.measures = {Measure::Betweenness};
  check_against_reference(g, o);
  o.window.reset();
  check_against_reference(g, o);
}

TEST_CASE("explicit bounds, years and weeks, and the errors") {
  const auto g = dated_graph();
  analyses::TimelineOptions o;
  o.centrality.measures = {Measure::PageRank};
  o.every = Period{1, Period::Unit::Year};
  auto r = analyses::timeline(g, o);
  REQUIRE(r.dates.size() == 2);
  CHECK(r.dates[0].to_string() == "2024");
  check_against_reference(g, o);

  o.every = Period{2, Period::Unit::Week};
  o.from = Date::from_ymd(2024, 2, 1);
  o.to = Date::year_month(2024, 3);
  r = analyses::timeline(g, o);
  REQUIRE(r.dates.size() == 5);  // Feb 1, 15, 29, Mar 14, 28
  CHECK(r.dates[2].to_string() == "2024-02-29");
  check_against_reference(g, o);

  o.max_snapshots = 3;
  CHECK_THROWS_AS(analyses::timeline(g, o), InputError);
  o.max_snapshots = 5000;
  o.from = Date::year_only(2026);
  CHECK_THROWS_AS(analyses::timeline(g, o), InputError);
  o.centrality.measures = {};
  CHECK_THROWS_AS(analyses::timeline(g, o), InputError);

  // An undated graph needs bounds.
  graph::Graph undated;
  undated.add_node("x");
  analyses::TimelineOptions u;
  u.centrality.measures = {Measure::Degree};
  CHECK_THROWS_AS(analyses::timeline(undated, u), InputError);
  u.from = Date::year_only(2020);
  u.to = Date::year_only(2020);
  r = analyses::timeline(undated, u);
  CHECK(r.dates.size() == 12);
  CHECK(r.scores.at(0).at(5) == 0);
}

TEST_CASE("an empty graph gives rows for nothing") {
  graph::Graph g;
  analyses::TimelineOptions o;
  o.centrality.measures = {Measure::Degree};
  o.from = Date::year_only(2020);
  o.to = Date::year_only(2021);
  o.every = Period{1, Period::Unit::Year};
  const auto r = analyses::timeline(g, o);
  CHECK(r.dates.size() == 2);
  CHECK(r.nodes.empty());
}
