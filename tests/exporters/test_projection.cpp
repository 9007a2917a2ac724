// project(): the graph a View shows, as written by `actornet export` with view flags.
#include <doctest/doctest.h>

#include "exporters/projection.hpp"
#include "tests/support/make_graph.hpp"

using namespace actornet;
using namespace actornet::testing;

TEST_CASE("projection: keep policy writes each kept graph edge once, with its fields") {
  //   a --> b (leads, "L1")   a -- b (met_with)   b -- c (met_with)   c is excluded by kind
  graph::Graph g;
  g.add_node("a", "A", "person");
  g.add_node("b", "B", "person");
  g.add_node("c", "C", "agency");
  g.add_edge({.id = "L1", .source = 0, .target = 1, .relation = "leads", .directed = true});
  const auto met = g.add_edge({.source = 0, .target = 1, .relation = "met_with", .weight = 2});
  g.add_edge({.source = 1, .target = 2, .relation = "met_with"});
  auto& edges = g.edge_attributes();
  edges.set(edges.declare("confidence", graph::AttrType::Real), met, 0.5);
  graph::ViewOptions options;
  options.kinds = {"person"};
  const auto view = graph::View::build(g, options);  // directed: a--b is two arcs
  const auto p = exporters::project(g, view);
  CHECK(p.node_count() == 2);
  REQUIRE(p.edge_count() == 2);
  CHECK(p.edge_id(0) == "L1");
  CHECK(p.edge(0).directed);
  CHECK(p.relation_name(1) == "met_with");
  CHECK_FALSE(p.edge(1).directed);
  CHECK(p.edge(1).weight == 2);
  CHECK(p.edge_attribute(1, "confidence") == graph::Value(0.5));

  options.direction = graph::DirectionPolicy::Undirected;
  const auto undirected = exporters::project(g, graph::View::build(g, options));
  CHECK_FALSE(undirected.edge(0).directed);
}

TEST_CASE("projection: a merging policy writes one edge per pair with what the origins share") {
  //   a ==met_with(2024)== b, a ==co_chairs(2023..)== b   -> one edge, weight 2 under count
  graph::Graph g;
  g.add_node("a");
  g.add_node("b");
  g.add_edge({.id = "m",
              .source = 0,
              .target = 1,
              .relation = "met_with",
              .valid = {graph::Date::year_only(2024), graph::Date::year_only(2025)}});
  g.add_edge({.id = "c",
              .source = 0,
              .target = 1,
              .relation = "co_chairs",
              .valid = {graph::Date::year_only(2023), std::nullopt}});
  auto& edges = g.edge_attributes();
  const auto src = edges.declare("provenance", graph::AttrType::String);
  edges.set(src, 0, std::string("doc1"));
  edges.set(src, 1, std::string("doc1"));
  const auto conf = edges.declare("confidence", graph::AttrType::Real);
  edges.set(conf, 0, 0.9);
  edges.set(conf, 1, 0.5);
  graph::ViewOptions options;
  options.parallel = graph::ParallelPolicy::Count;
  const auto p = exporters::project(g, graph::View::build(g, options));
  REQUIRE(p.edge_count() == 1);
  CHECK(p.relation_name(0) == "co_chairs+met_with");
  CHECK(p.edge(0).weight == 2);
  CHECK(p.edge(0).valid.to_string() == "2023/..");
  CHECK(p.edge_attribute(0, "provenance") == graph::Value(std::string("doc1")));
  CHECK(graph::is_missing(p.edge_attribute(0, "confidence")));
  CHECK(p.edge_attribute(0, "merged_edges") == graph::Value(std::int64_t{2}));
  CHECK(p.edge_id(0) == "e0");
}

TEST_CASE("projection: an unknown kind is refused; a view keeping everything copies it") {
  const auto g = make_graph({{"a", "b"}});
  graph::ViewOptions options;
  options.kinds = {"nobody"};
  CHECK_THROWS(exporters::project(g, graph::View::build(g, options)));  // unknown kind
  options.kinds = {"other"};
  options.relations = {"related_to"};
  options.at = graph::Date::year_only(2020);
  const auto p = exporters::project(g, graph::View::build(g, options));
  CHECK(p.node_count() == 2);
  CHECK(p.edge_count() == 1);
}
