// UCINET DL reader: igraph's DL examples (every variant) and malformed input.
#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"
#include "tests/importers/foreign_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;
using actornet::importers::ImportOptions;

TEST_CASE("dl: igraph's examples of every variant") {
  if (!have_shared_data()) return;
  struct Expect {
    const char* file;
    std::size_t nodes, edges;
    const char* first_node;
  };
  for (const auto& x :
       {Expect{"edgelist1.dl", 5, 5, "george"}, Expect{"edgelist2.dl", 5, 5, "george"},
        Expect{"edgelist3.dl", 5, 5, "george"}, Expect{"edgelist4.dl", 5, 5, "george"},
        Expect{"edgelist5.dl", 5, 5, "george"}, Expect{"edgelist6.dl", 5, 5, "george"},
        Expect{"edgelist7.dl", 4, 3, "1"}, Expect{"fullmatrix1.dl", 5, 6, "1"},
        Expect{"fullmatrix2.dl", 5, 6, "barry"}, Expect{"fullmatrix3.dl", 5, 6, "barry"},
        Expect{"fullmatrix4.dl", 5, 6, "larry"}, Expect{"nodelist1.dl", 5, 5, "george"},
        Expect{"nodelist2.dl", 5, 5, "george"}}) {
    CAPTURE(x.file);
    const auto r = import_shared(std::string("igraph_debian_examples/") + x.file);
    CHECK(r.graph.node_count() == x.nodes);
    CHECK(r.graph.edge_count() == x.edges);
    CHECK(r.graph.node(0).id == x.first_node);
  }
  const auto weighted = import_shared("igraph_debian_examples/edgelist6.dl");
  CHECK(weighted.graph.edge(4).weight == 1e-5);
  const auto matrix = import_shared("igraph_debian_examples/fullmatrix1.dl");
  CHECK_FALSE(matrix.graph.edge(0).directed);
  CHECK(has_message(matrix.report.notes, "1 symmetric matrices read as undirected edges"));
  const auto list = import_shared("igraph_debian_examples/edgelist1.dl");
  CHECK(has_message(list.report.defaulted,
                    "DL edge lists hold no direction: 5 edges read as "
                    "undirected"));
  ImportOptions directed;
  directed.directed = true;
  CHECK(import_shared("igraph_debian_examples/edgelist1.dl", directed).graph.edge(0).directed);
}

TEST_CASE("dl: several matrices with matrix labels are relations") {
  TempDir dir;
  //   a --knows--> b ; a ==likes(3)== c
  const auto r = import_text(dir, "m.dl",
                             "dl n = 3, nm = 2\nFORMAT = FullMatrix\nlabels:\na b c\n"
                             "matrix labels: knows likes\ndata:\n"
                             "0 1 0\n0 0 0\n0 0 0\n"
                             "0 0 3\n0 0 0\n3 0 0\n");
  REQUIRE(r.graph.edge_count() == 2);
  CHECK(r.graph.relation_name(0) == "knows");
  CHECK(r.graph.edge(0).directed);
  CHECK(r.graph.relation_name(1) == "likes");
  CHECK_FALSE(r.graph.edge(1).directed);
  CHECK(r.graph.edge(1).weight == 3);
}

TEST_CASE("dl: malformed input names line and column") {
  TempDir dir;
  SUBCASE("a truncated matrix") {
    const auto e = import_error(dir, "a.dl", "dl n=3\ndata:\n0 1 0\n1 0\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "truncated file, or wrong n=?"));
  }
  SUBCASE("a bad number") {
    const auto e = import_error(dir, "b.dl", "dl n=2\ndata:\n0 x\n1 0\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 3);
    CHECK(contains(e->message(), "'x' is not a number"));
  }
  SUBCASE("an edge to a missing node") {
    auto e = import_error(dir, "c.dl", "dl n=2 format=edgelist1\ndata:\n1 2\n2 3\n");
    REQUIRE(e);
    CHECK(e->line() == 4);
    CHECK(e->column() == 3);
    CHECK(contains(e->message(), "node 3 does not exist: n = 2"));
    e = import_error(dir, "d.dl",
                     "dl n=2 format=edgelist1\nlabels: a b\nlabels embedded:\ndata:\na zed\n");
    REQUIRE(e);
    CHECK(e->line() == 5);
    CHECK(contains(e->message(), "'zed' is not one of the 2 labels"));
  }
  SUBCASE("a wrong keyword or format, no DL, no n") {
    auto e = import_error(dir, "e.dl", "dl n=2\nformat = blockmatrix\ndata:\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "format 'blockmatrix' is not read"));
    e = import_error(dir, "f.dl", "graph n=2\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "a DL file starts with the word DL"));
    e = import_error(dir, "g.dl", "dl\ndata:\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "no n="));
    e = import_error(dir, "h.dl", "dl n=2 colour=red\ndata:\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "'colour' is not a DL keyword here"));
  }
  SUBCASE("values left over after the last matrix") {
    const auto e = import_error(dir, "i.dl", "dl n=1\ndata:\n0\n5\n");
    REQUIRE(e);
    CHECK(e->line() == 4);
    CHECK(contains(e->message(), "after the last matrix"));
  }
}
