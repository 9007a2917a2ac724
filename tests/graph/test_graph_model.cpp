#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "graph/graph.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using namespace actornet::graph;

TEST_CASE("an empty graph") {
  Graph g;
  CHECK(g.node_count() == 0);
  CHECK(g.edge_count() == 0);
  CHECK(g.kinds().name(0) == "other");
  CHECK(g.relations().name(0) == "related_to");
}

TEST_CASE("parallel edges of different relations and self-loops are kept") {
  //  a ==met_with== b      a (self-loop)
  //    ==co_chairs==
  auto g = testing::make_graph(
      {{"a", "b", "met_with"}, {"a", "b", "co_chairs"}, {"a", "b", "met_with"}, {"a", "a"}});
  CHECK(g.node_count() == 2);
  CHECK(g.edge_count() == 4);
  CHECK(g.relation_name(0) == "met_with");
  CHECK(g.relation_name(1) == "co_chairs");
  CHECK(g.relation_name(2) == "met_with");
  CHECK(g.edge(3).source == g.edge(3).target);
  CHECK(g.relations().size() == 3);  // related_to, met_with, co_chairs
}

TEST_CASE("node ids are unique and non-empty; labels default to the id") {
  Graph g;
  auto a = g.add_node("wang", "", "person");
  CHECK(g.node(a).label == "wang");
  CHECK(g.kind_name(a) == "person");
  CHECK_THROWS_AS(g.add_node("wang"), InputError);
  CHECK_THROWS_AS(g.add_node(""), InputError);
  CHECK(g.find_node("wang") == a);
  CHECK_FALSE(g.find_node("Wang"));
}

TEST_CASE("edge ids: explicit ones are unique, the rest are generated as e<index>") {
  Graph g;
  auto a = g.add_node("a"), b = g.add_node("b");
  EdgeSpec spec{.id = "", .source = a, .target = b};
  g.add_edge(spec);  // e0
  spec.id = "meeting";
  g.add_edge(spec);  // meeting
  spec.id = "";
  g.add_edge(spec);  // e2
  CHECK(g.edge_id(0) == "e0");
  CHECK(g.edge_id(1) == "meeting");
  CHECK(g.edge_id(2) == "e2");
  CHECK(g.find_edge("meeting") == 1u);
  CHECK(g.find_edge("e2") == 2u);
  CHECK_FALSE(g.find_edge("e1"));  // edge 1 is called "meeting"
  spec.id = "meeting";
  CHECK_THROWS_AS(g.add_edge(spec), InputError);
  spec.id = "e0";  // the generated form naming another index would clash
  CHECK_THROWS_AS(g.add_edge(spec), InputError);
  spec.id = "e3";  // ...but naming its own index is fine
  CHECK(g.add_edge(spec) == 3u);
  spec.id = "e05";  // not the generated form
  CHECK(g.add_edge(spec) == 4u);
}

TEST_CASE("typed attributes are stored column-wise and checked") {
  Graph g;
  auto a = g.add_node("a"), b = g.add_node("b");
  auto& attrs = g.node_attributes();
  auto country = attrs.declare("country", AttrType::String);
  auto rank = attrs.declare("rank", AttrType::Integer);
  attrs.set(country, b, std::string("CN"));
  attrs.set(rank, a, std::int64_t{3});
  CHECK(is_missing(g.node_attribute(a, "country")));
  CHECK(std::get<std::string>(g.node_attribute(b, "country")) == "CN");
  CHECK(std::get<std::int64_t>(g.node_attribute(a, "rank")) == 3);
  CHECK(is_missing(g.node_attribute(a, "no_such_column")));
  CHECK_THROWS_AS(attrs.set(rank, b, std::string("three")), InputError);
  CHECK_THROWS_AS(attrs.declare("rank", AttrType::Real), InputError);
  CHECK(attrs.declare("rank", AttrType::Integer) == rank);
}

TEST_CASE("values format as text") {
  CHECK(format_value(Value{}).empty());
  CHECK(format_value(Value{std::int64_t{-4}}) == "-4");
  CHECK(format_value(Value{0.1}) == "0.1");
  CHECK(format_value(Value{true}) == "true");
  CHECK(format_value(Value{*Date::parse("2024-07")}) == "2024-07");
  CHECK(format_value(Value{std::vector<std::string>{"climate", "trade"}}) == "climate|trade");
  CHECK(attr_type_from_string("integer") == AttrType::Integer);
  CHECK_FALSE(attr_type_from_string("complex"));
}
