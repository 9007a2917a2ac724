#include <doctest/doctest.h>

#include "analyses/summary.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using namespace actornet::graph;

TEST_CASE("summary of an empty graph") {
  Graph g;
  auto s = analyses::summarize(g, View::build(g));
  CHECK(s.nodes == 0);
  CHECK(s.edges == 0);
  CHECK(s.components == 0);
  CHECK(s.density == 0.0);
  CHECK_FALSE(s.earliest);
}

TEST_CASE("summary counts parallel edges, self-loops, isolates and components") {
  //  a ==met_with== b        c --- d      e (self-loop)     f
  //    ==co_chairs==
  //    <--called--  (directed b -> a)
  auto g = testing::make_graph({{"a", "b", "met_with"},
                                {"a", "b", "co_chairs"},
                                {"b", "a", "called", true},
                                {"c", "d"},
                                {"e", "e"}},
                               {"f"});
  auto s = analyses::summarize(g, View::build(g));
  CHECK(s.nodes == 6);
  CHECK(s.edges == 5);  // the directed view doubles undirected edges; the summary does not
  CHECK(s.directed_edges == 1);
  CHECK(s.self_loops == 1);
  CHECK(s.parallel_pairs == 1);
  CHECK(s.parallel_edges == 1);  // met_with and co_chairs; the directed b->a is not parallel
  CHECK(s.isolates == 2);        // e (only a self-loop) and f
  CHECK(s.components == 4);      // {a,b}, {c,d}, {e}, {f}
  CHECK(s.largest_component == 2);
  // Distinct joined pairs {a,b} and {c,d} out of 6*5/2 = 15.
  CHECK(s.density == doctest::Approx(2.0 / 15.0));
  REQUIRE(s.relations.size() == 4);
  CHECK(s.relations[0].name == "related_to");  // 2 edges (c-d and the loop), then by name
  CHECK(s.relations[0].edges == 2);
  CHECK(s.relations[1].name == "called");
  CHECK(s.relations[1].directed == 1);
  REQUIRE(s.kinds.size() == 1);
  CHECK(s.kinds[0].count == 6);
}

TEST_CASE("reciprocal directed edges are not parallel; same-way ones are") {
  auto g = testing::make_graph({{"a", "b", "advice", true},
                                {"b", "a", "advice", true},
                                {"a", "b", "friendship", true},
                                {"a", "b", "x"}});
  auto s = analyses::summarize(g, View::build(g));
  CHECK(s.parallel_pairs == 1);
  CHECK(s.parallel_edges == 1);
  CHECK(s.density == 1.0);
}

TEST_CASE("summary follows the view and reads the time span") {
  Graph g;
  auto a = g.add_node("a", "", "person", Interval{Date::parse("2021-01-20"), std::nullopt});
  auto b = g.add_node("b", "", "position");
  g.add_edge({.source = a,
              .target = b,
              .relation = "holds_office",
              .directed = true,
              .valid = {Date::parse("2021-01-26"), Date::parse("2025-01-20")}});
  g.add_edge({.source = a,
              .target = b,
              .relation = "met_with",
              .valid = {Date::parse("2024-07"), Date::parse("2024-08")}});
  auto all = analyses::summarize(g, View::build(g));
  CHECK(all.earliest->to_string() == "2021-01-20");
  CHECK(all.latest->to_string() == "2025-01-20");
  CHECK(all.edges == 2);
  CHECK(all.parallel_edges == 0);  // one directed, one undirected: not parallel
  ViewOptions later;
  later.at = Date::parse("2024-12");
  auto s = analyses::summarize(g, View::build(g, later));
  CHECK(s.edges == 1);
  CHECK(s.relations[0].name == "holds_office");
  CHECK(s.relations[0].dated == 1);
  ViewOptions merged;
  merged.parallel = ParallelPolicy::Any;
  CHECK(analyses::summarize(g, View::build(g, merged)).edges == 2);
}
