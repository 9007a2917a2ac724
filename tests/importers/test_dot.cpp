// DOT reader (through cgraph): Graphviz's example graphs, our fields, Graphviz's errors.
#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"
#include "tests/importers/foreign_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

TEST_CASE("dot: every Graphviz example imports") {
  if (!have_shared_data()) return;
  for (const char* file :
       {"ER.gv", "Petersen.gv", "clust.gv", "crazy.gv.gz", "fsm.gv", "ngk10_4.gv", "process.gv",
        "states.gv", "switch.gv", "unix.gv", "world.gv"}) {
    CAPTURE(file);
    const auto r = import_shared(std::string("graphviz_debian_examples/") + file);
    CHECK(r.graph.node_count() > 0);
    CHECK(r.graph.edge_count() > 0);
  }
}

TEST_CASE("dot: process.gv, Petersen.gv and clust.gv in detail") {
  if (!have_shared_data()) return;
  const auto process = import_shared("graphviz_debian_examples/process.gv");
  CHECK(process.graph.node_count() == 10);
  REQUIRE(process.graph.edge_count() == 13);
  CHECK_FALSE(process.graph.edge(0).directed);
  CHECK(process.graph.node(process.graph.edge(0).source).id == "run");
  CHECK(process.graph.node(process.graph.edge(0).target).id == "intr");

  const auto petersen = import_shared("graphviz_debian_examples/Petersen.gv");
  CHECK(petersen.graph.node_count() == 10);
  CHECK(petersen.graph.edge_count() == 15);
  CHECK(petersen.graph.node(0).label == "0");  // label "\N" means the name
  CHECK(petersen.graph.node_attribute(0, "shape") == graph::Value{std::string("circle")});
  const auto spoke = petersen.graph.edge(5);
  CHECK(spoke.weight == 5);

  const auto clust = import_shared("graphviz_debian_examples/clust.gv");
  CHECK(clust.graph.edge_count() == 9);
  CHECK(clust.graph.edge(0).directed);
  CHECK(has_message(clust.report.notes, "2 subgraphs or clusters: membership not kept"));
}

TEST_CASE("dot: our fields, parallel edges and per-edge direction") {
  TempDir dir;
  //   a ==met_with==> b twice (parallel), b -- a (undirected inside a digraph)
  const auto r = import_text(dir, "g.dot",
                             "digraph {\n"
                             "  a [label=\"Alpha\", kind=person, start=2001];\n"
                             "  a -> b [relation=met_with, weight=2.5, id=m1, note=\"x y\"];\n"
                             "  a -> b [relation=met_with];\n"
                             "  b -> a [directed=false, dir=none, start=\"2020-01\", "
                             "end=\"2021\"];\n"
                             "}\n");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  CHECK(g.node(0).label == "Alpha");
  CHECK(g.kind_name(0) == "person");
  CHECK(g.node(0).valid.start == graph::Date::year_only(2001));
  REQUIRE(g.edge_count() == 3);
  CHECK(g.edge_id(0) == "m1");
  CHECK(g.edge(0).weight == 2.5);
  CHECK(g.relation_name(1) == "met_with");
  CHECK(g.edge_attribute(0, "note") == graph::Value{std::string("x y")});
  CHECK_FALSE(g.edge(2).directed);
  CHECK(g.edge(2).valid.end == graph::Date::year_only(2021));
  CHECK(graph::is_missing(g.edge_attribute(2, "dir")));
}

TEST_CASE("dot: Graphviz's syntax errors carry their line; bad fields are named") {
  TempDir dir;
  SUBCASE("a syntax error") {
    const auto e = import_error(dir, "s.dot", "digraph {\n  a -> b;\n  c -> ;\n}\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(contains(e->message(), "Graphviz cannot read it: syntax error in line 3"));
  }
  SUBCASE("a truncated file") {
    const auto e = import_error(dir, "t.dot", "digraph {\n  a -> b [label=\"x");
    REQUIRE(e);
    CHECK(contains(e->message(), "Graphviz cannot read it"));
  }
  SUBCASE("an empty file") {
    const auto e = import_error(dir, "e.dot", "\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "the file is empty"));
  }
  SUBCASE("a bad weight") {
    const auto e = import_error(dir, "w.dot", "graph { a -- b [weight=heavy] }\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "weight \"heavy\" on edge a -- b is not a number"));
  }
  SUBCASE("a reader used after an error still reads") {
    CHECK(import_error(dir, "bad.dot", "graph { a -- }\n"));
    CHECK(import_text(dir, "good.dot", "graph { a -- b }\n").graph.edge_count() == 1);
  }
}
