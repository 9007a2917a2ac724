// Pajek reader: igraph's links.net, relations, lists, matrices, time intervals, bad input.
#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"
#include "tests/importers/foreign_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

TEST_CASE("pajek: igraph's links.net with coordinates, shapes and drawing parameters") {
  if (!have_shared_data()) return;
  const auto r = import_shared("igraph_debian_examples/links.net");
  const auto& g = r.graph;
  CHECK(g.node_count() == 4);
  REQUIRE(g.edge_count() == 7);
  CHECK(g.node(0).id == "1");
  CHECK(g.node_attribute(1, "x") == graph::Value{0.8188});
  CHECK(g.edge(0).directed);
  CHECK(g.edge(0).source == 0);
  CHECK(g.edge(0).target == 0);
  CHECK(g.edge(3).weight == -1);
  CHECK(g.edge_attribute(0, "label") == graph::Value{std::string("Bezier loop")});
  CHECK(has_message(r.report.notes, "drawing parameters (shapes, colours, sizes) not kept"));
}

TEST_CASE("pajek: relations, edges, lists, years and comments") {
  TempDir dir;
  //   a --knows--> b [2001-2003], b ==likes== c (twice: two intervals), a -> b, a -> c (list)
  const auto r = import_text(dir, "g.net",
                             "% a comment\n"
                             "*Network test\n"
                             "*Vertices 3\n"
                             "1 \"a\" [2000-*]\n"
                             "2 \"b\"\n"
                             "3 \"c\"\n"
                             "*Arcs :1 \"knows\"\n"
                             "1 2 1.5 [2001-2003]\n"
                             "*Edges :2 \"likes\"\n"
                             "2 3 1 [2005,2007-2008]\n"
                             "*arcslist\n"
                             "1 2 3\n");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 3);
  CHECK(g.node(0).id == "a");
  CHECK(g.node(0).valid.start == graph::Date::year_only(2000));
  CHECK_FALSE(g.node(0).valid.end);
  REQUIRE(g.edge_count() == 5);
  CHECK(g.relation_name(0) == "knows");
  CHECK(g.edge(0).weight == 1.5);
  CHECK(g.edge(0).valid ==
        graph::Interval{graph::Date::year_only(2001), graph::Date::year_only(2004)});
  CHECK(g.relation_name(1) == "likes");
  CHECK_FALSE(g.edge(1).directed);
  CHECK(g.edge(1).valid ==
        graph::Interval{graph::Date::year_only(2005), graph::Date::year_only(2006)});
  CHECK(g.edge(2).valid ==
        graph::Interval{graph::Date::year_only(2007), graph::Date::year_only(2009)});
  CHECK(g.relation_name(3) == "related_to");
  CHECK(g.edge(4).target == 2);
  CHECK(has_message(r.report.notes, "became one edge per interval"));
}

TEST_CASE("pajek: time points that are not years are kept as text") {
  TempDir dir;
  const auto r = import_text(dir, "t.net", "*Vertices 2\n1 \"a\" [1-3]\n2 \"b\"\n*Arcs\n1 2 [2]\n");
  CHECK(r.graph.node(0).valid.unbounded());
  CHECK(r.graph.node_attribute(0, "pajek_time") == graph::Value{std::string("1-3")});
  CHECK(r.graph.edge_attribute(0, "pajek_time") == graph::Value{std::string("2")});
  CHECK(has_message(r.report.notes, "time points are not years"));
}

TEST_CASE("pajek: a vertex count without vertex lines, and a matrix") {
  TempDir dir;
  const auto r = import_text(dir, "m.net", "*Vertices 2\n*Matrix\n0 2\n1 0\n");
  REQUIRE(r.graph.edge_count() == 2);
  CHECK(r.graph.node(1).id == "2");
  CHECK(r.graph.edge(0).weight == 2);
}

TEST_CASE("pajek: malformed input names line and column") {
  TempDir dir;
  SUBCASE("an edge to a missing vertex") {
    const auto e = import_error(dir, "a.net", "*Vertices 2\n*Arcs\n1 3\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 3);
    CHECK(contains(e->message(), "target 3 names no vertex: *Vertices declares 2"));
  }
  SUBCASE("a bad weight") {
    const auto e = import_error(dir, "b.net", "*Vertices 2\n*Edges\n1 2 1.5.2\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(contains(e->message(), "weight '1.5.2' is not a number"));
  }
  SUBCASE("a wrong section") {
    const auto e = import_error(dir, "c.net", "*Vertices 2\n*Partition x\n1\n2\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "section *Partition is not read from a .net network"));
  }
  SUBCASE("a truncated file: an unclosed label, or a short matrix") {
    auto e = import_error(dir, "d.net", "*Vertices 2\n1 \"abc");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "not closed"));
    e = import_error(dir, "e.net", "*Vertices 3\n*Matrix\n0 1 0\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "the *Matrix has 1 rows, expected 3 (truncated file?)"));
  }
  SUBCASE("data before *Vertices, edges before *Vertices") {
    auto e = import_error(dir, "f.net", "1 2\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "a Pajek network starts with *Vertices N"));
    e = import_error(dir, "g.net", "*Arcs\n1 2\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "*Arcs before *Vertices"));
  }
}
