// GML reader: igraph's example files, NetworkX conventions, and malformed input.
#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"
#include "tests/importers/foreign_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

TEST_CASE("gml: igraph's karate and weighted examples") {
  if (!have_shared_data()) return;
  const auto karate = import_shared("igraph_debian_examples/karate.gml");
  CHECK(karate.graph.node_count() == 34);
  CHECK(karate.graph.edge_count() == 78);
  CHECK_FALSE(karate.graph.edge(0).directed);
  CHECK(has_message(karate.report.defaulted, "no 'directed' flag: 78 edges read as undirected"));

  const auto weighted = import_shared("igraph_debian_examples/weighted.gml");
  REQUIRE(weighted.graph.edge_count() == 1);
  CHECK(weighted.graph.edge(0).weight == -377.9);
  CHECK(weighted.graph.node_attribute(1, "value") == graph::Value{4.87e-5});
}

TEST_CASE("gml: celegansneural's duplicate edges without 'multigraph 1' are kept and noted") {
  if (!have_shared_data()) return;
  const auto r = import_shared("igraph_debian_examples/celegansneural.gml");
  CHECK(r.graph.node_count() == 297);
  CHECK(r.graph.edge_count() == 2359);
  CHECK(r.graph.edge(0).directed);
  CHECK(r.graph.node(0).id == "0");
  CHECK(r.graph.node(0).label == "1");
  CHECK(has_message(r.report.notes, "duplicate edges"));
  CHECK(has_message(r.report.notes, "kept although the file does not say 'multigraph 1'"));
}

TEST_CASE("gml: NetworkX output: entities, names, lists, nested records, per-edge fields") {
  TempDir dir;
  //   0 "Zoë & co" --met_with--> 1 (2020..2022), 1 -- 1 (self-loop, undirected)
  const auto r =
      import_text(dir, "g.gml",
                  "graph [\n"
                  "  directed 1\n  multigraph 1\n  name \"test\"\n"
                  "  node [ id 0 label \"Zo&#235; &amp; co\" name \"z\" kind \"person\"\n"
                  "         tag \"a\" tag \"b\" graphics [ x 1.5 y -2 ] ]\n"
                  "  node [ id 1 label \"One\" name \"one\" start \"1999\" ]\n"
                  "  edge [ source 0 target 1 key 0 relation \"met_with\" weight 2.5\n"
                  "         start \"2020\" end \"2022-06\" ]\n"
                  "  edge [ source 1 target 1 directed 0 id \"loop\" flag 1 ]\n"
                  "]\n");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  CHECK(g.node(0).id == "z");
  CHECK(g.node(0).label == "Zoë & co");
  CHECK(g.kind_name(0) == "person");
  CHECK(g.node_attribute(0, "tag") == graph::Value{std::vector<std::string>{"a", "b"}});
  CHECK(g.node_attribute(0, "graphics.x") == graph::Value{1.5});
  CHECK(g.node_attribute(0, "graphics.y") == graph::Value{std::int64_t{-2}});
  CHECK(g.node(1).valid.start == graph::Date::year_only(1999));
  REQUIRE(g.edge_count() == 2);
  CHECK(g.edge(0).directed);
  CHECK(g.relation_name(0) == "met_with");
  CHECK(g.edge(0).weight == 2.5);
  CHECK(g.edge(0).valid.end == graph::Date::year_month(2022, 6));
  CHECK(g.edge_id(0) == "e0");
  CHECK_FALSE(g.edge(1).directed);
  CHECK(g.edge_id(1) == "loop");
  CHECK(g.edge_attribute(1, "flag") == graph::Value{std::int64_t{1}});
  CHECK(graph::is_missing(g.edge_attribute(0, "key")));
}

TEST_CASE("gml: malformed input names line and column") {
  TempDir dir;
  SUBCASE("truncated inside a record") {
    const auto e = import_error(dir, "t.gml", "graph [\n  node [ id 0 ]\n  node [ id 1\n");
    REQUIRE(e);
    CHECK(e->line() == 4);
    CHECK(contains(e->message(), "a ']' is missing (truncated file?)"));
  }
  SUBCASE("an unclosed string") {
    const auto e = import_error(dir, "s.gml", "graph [\n  node [ id 0 label \"abc ]\n]\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 21);
    CHECK(contains(e->message(), "never closed"));
  }
  SUBCASE("a bad number") {
    const auto e = import_error(dir, "n.gml",
                                "graph [\n  node [ id 0 ]\n  edge [ source 0 "
                                "target 0 weight 1.2.3 ]\n]\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 35);
    CHECK(contains(e->message(), "'1.2.3' is not a GML value for key 'weight'"));
  }
  SUBCASE("an edge to a missing node") {
    const auto e =
        import_error(dir, "m.gml", "graph [\n  node [ id 0 ]\n  edge [ source 0 target 7 ]\n]\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 19);
    CHECK(contains(e->message(), "edge target 7 names no node of the file"));
  }
  SUBCASE("no graph record, or a node without id, or a repeated id") {
    auto e = import_error(dir, "x.gml", "Creator \"me\"\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "no 'graph [ ... ]' record"));
    e = import_error(dir, "y.gml", "graph [\n node [ label \"a\" ]\n]\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "a node without an 'id'"));
    e = import_error(dir, "z.gml", "graph [\n node [ id 1 ]\n node [ id 1 ]\n]\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(contains(e->message(), "node id 1 is used twice"));
  }
  SUBCASE("deep nesting is refused, not a stack overflow") {
    std::string deep = "graph [";
    for (int i = 0; i < 100000; ++i)
      deep += " a [";
    const auto e = import_error(dir, "d.gml", deep);
    REQUIRE(e);
    CHECK(e->line() == 1);
    CHECK(contains(e->message(), "nested more than 256 levels deep"));
  }
}
