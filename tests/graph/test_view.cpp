#include <algorithm>

#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using namespace actornet::graph;

namespace {

std::size_t total_arcs(const View& v) {
  std::size_t n = 0;
  for (Vertex x = 0; x < v.vertex_count(); ++x)
    n += v.out(x).size();
  return n;
}

}  // namespace

TEST_CASE("a view of an empty graph") {
  Graph g;
  auto v = View::build(g);
  CHECK(v.vertex_count() == 0);
  CHECK(v.edge_count() == 0);
  CHECK_FALSE(v.directed());
  ig::Graph ig(v);
  CHECK(igraph_vcount(ig.get()) == 0);
}

TEST_CASE("one node, no edges") {
  Graph g;
  g.add_node("solo");
  auto v = View::build(g);
  CHECK(v.vertex_count() == 1);
  CHECK(v.out(0).empty());
  CHECK(v.node_of(0) == 0);
  CHECK(v.vertex_of(0) == 0);
}

TEST_CASE("parallel policies merge edges between the same pair") {
  //   a ==met_with(w=2)== b ---called(w=5)--- a      b --- c (w=1)
  auto g = testing::make_graph(
      {{"a", "b", "met_with", false, 2.0}, {"b", "c"}, {"b", "a", "called", false, 5.0}});
  auto keep = View::build(g);
  CHECK(keep.edge_count() == 3);
  CHECK(keep.origins(2).size() == 1);
  CHECK(keep.out(1).size() == 3);  // b: a, c, a

  auto weight_of_ab = [](const View& v) {
    for (ViewEdge e = 0; e < v.edge_count(); ++e)
      if (v.from(e) == 0 && v.to(e) == 1) return v.weight(e);
    return -1.0;
  };
  ViewOptions opts;
  opts.parallel = ParallelPolicy::Count;
  auto count = View::build(g, opts);
  CHECK(count.edge_count() == 2);
  CHECK(weight_of_ab(count) == 2.0);
  opts.parallel = ParallelPolicy::Sum;
  CHECK(weight_of_ab(View::build(g, opts)) == 7.0);
  opts.parallel = ParallelPolicy::Max;
  CHECK(weight_of_ab(View::build(g, opts)) == 5.0);
  opts.parallel = ParallelPolicy::Any;
  auto any = View::build(g, opts);
  CHECK(weight_of_ab(any) == 1.0);
  for (ViewEdge e = 0; e < any.edge_count(); ++e)
    if (any.from(e) == 0) {
      auto origins = any.origins(e);
      CHECK(std::vector<EdgeIndex>(origins.begin(), origins.end()) == std::vector<EdgeIndex>{0, 2});
    }
}

TEST_CASE("direction: mixed graphs are directed as stored, undirected edges count both ways") {
  //  a --> b (directed)   b --- c (undirected)
  auto g = testing::make_graph({{"a", "b", "reports_to", true}, {"b", "c"}});
  auto v = View::build(g);
  REQUIRE(v.directed());
  CHECK(v.edge_count() == 3);  // a->b, b->c, c->b
  CHECK(v.out(0).size() == 1);
  CHECK(v.in(0).empty());
  CHECK(v.out(1).size() == 1);
  CHECK(v.in(1).size() == 2);
  CHECK(v.origins(1)[0] == v.origins(2)[0]);

  ViewOptions opts;
  opts.direction = DirectionPolicy::Undirected;
  auto u = View::build(g, opts);
  CHECK_FALSE(u.directed());
  CHECK(u.edge_count() == 2);
  CHECK(u.out(1).size() == 2);
  CHECK(u.in(1).size() == 2);
}

TEST_CASE("directed parallel edges in opposite directions are not merged") {
  auto g = testing::make_graph({{"a", "b", "advice", true}, {"b", "a", "advice", true}});
  ViewOptions opts;
  opts.parallel = ParallelPolicy::Count;
  CHECK(View::build(g, opts).edge_count() == 2);
  opts.direction = DirectionPolicy::Undirected;
  auto u = View::build(g, opts);
  CHECK(u.edge_count() == 1);
  CHECK(u.weight(0) == 2.0);
}

TEST_CASE("self-loops appear twice in an undirected adjacency, once when directed") {
  auto g = testing::make_graph({{"a", "a"}, {"a", "b"}});
  auto v = View::build(g);
  CHECK(v.out(0).size() == 3);
  CHECK(total_arcs(v) == 4);
  auto d = View::build(testing::make_graph({{"a", "a", "x", true}}));
  CHECK(d.out(0).size() == 1);
  CHECK(d.in(0).size() == 1);
}

TEST_CASE("time filters keep what was valid") {
  Graph g;
  auto blinken = g.add_node("blinken", "Antony Blinken", "person");
  auto sos = g.add_node("sos", "Secretary of State", "position");
  auto trump = g.add_node("trump", "", "person", Interval{Date::parse("1946-06-14"), std::nullopt});
  g.add_edge({.source = blinken,
              .target = sos,
              .relation = "holds_office",
              .directed = true,
              .valid = {Date::parse("2021-01-26"), Date::parse("2025-01-20")}});
  g.add_edge({.source = trump,
              .target = sos,
              .relation = "appoints",
              .directed = true,
              .valid = {Date::parse("2025-01-20"), std::nullopt}});
  ViewOptions opts;
  opts.at = Date::parse("2024-07");
  auto before = View::build(g, opts);
  CHECK(before.vertex_count() == 3);
  REQUIRE(before.edge_count() == 1);
  CHECK(before.node_of(before.from(0)) == blinken);
  opts.at = Date::parse("2025-01-20");
  auto after = View::build(g, opts);
  REQUIRE(after.edge_count() == 1);
  CHECK(after.node_of(after.from(0)) == trump);
  opts.at = Date::parse("1900");
  CHECK(View::build(g, opts).vertex_of(trump) == kNoVertex);

  ViewOptions span;
  span.between = Interval{Date::parse("2024"), Date::parse("2026")};
  CHECK(View::build(g, span).edge_count() == 2);
}

TEST_CASE("relation and kind filters induce a subgraph; unknown names are errors") {
  Graph g;
  auto a = g.add_node("a", "", "person"), b = g.add_node("b", "", "person"),
       f = g.add_node("f", "", "forum");
  g.add_edge({.source = a, .target = b, .relation = "met_with"});
  g.add_edge({.source = a, .target = f, .relation = "member_of"});
  g.add_edge({.source = b, .target = f, .relation = "member_of"});
  ViewOptions opts;
  opts.relations = {"member_of"};
  CHECK(View::build(g, opts).edge_count() == 2);
  opts.relations.clear();
  opts.kinds = {"person"};
  auto people = View::build(g, opts);
  CHECK(people.vertex_count() == 2);
  CHECK(people.edge_count() == 1);
  CHECK(people.vertex_of(f) == kNoVertex);
  opts.kinds = {"persn"};
  CHECK_THROWS_WITH_AS(View::build(g, opts), doctest::Contains("unknown node kind 'persn'"),
                       InputError);
  opts.kinds.clear();
  opts.relations = {"met"};
  CHECK_THROWS_WITH_AS(View::build(g, opts), doctest::Contains("met_with"), InputError);
  // Only relations in use are offered: the default relation no edge has is not.
  CHECK_THROWS_WITH_AS(View::build(g, opts),
                       doctest::Contains("this graph has: member_of, met_with"), InputError);
}

TEST_CASE("the igraph adapter keeps vertex and edge order, parallel edges and loops") {
  auto g = testing::make_graph({{"a", "b"}, {"a", "b", "x"}, {"c", "c"}}, {"d"});
  auto v = View::build(g);
  ig::Graph ig(v);
  CHECK(igraph_vcount(ig.get()) == 4);
  CHECK(igraph_ecount(ig.get()) == 3);
  CHECK_FALSE(igraph_is_directed(ig.get()));
  igraph_integer_t from = 0, to = 0;
  ig::check(igraph_edge(ig.get(), 2, &from, &to));
  CHECK(from == 2);
  CHECK(to == 2);
}

TEST_CASE("igraph errors become exceptions with igraph's message") {
  auto g = testing::make_graph({{"a", "b"}});
  ig::Graph ig(View::build(g));
  igraph_integer_t from = 0, to = 0;
  CHECK_THROWS_WITH_AS(ig::check(igraph_edge(ig.get(), 7, &from, &to)), doctest::Contains("igraph"),
                       ig::IgraphError);
}
