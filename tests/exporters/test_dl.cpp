// UCINET DL writer: matrices per relation when they read back as written, else an edge list.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

namespace {
const Holds kDl{.labels = false,
                .kinds = false,
                .node_intervals = false,
                .edge_intervals = false,
                .node_attributes = false,
                .edge_attributes = false,
                .edge_ids = false};
}  // namespace

TEST_CASE("dl: relations become matrices with NM= and matrix labels") {
  //   a ==met_with(2)== b,  a --leads--> c,  c --leads--> b
  graph::Graph g;
  for (const char* id : {"a", "b", "c"})
    g.add_node(id);
  g.add_edge({.source = 0, .target = 1, .relation = "met_with", .weight = 2});
  g.add_edge({.source = 0, .target = 2, .relation = "leads", .directed = true});
  g.add_edge({.source = 2, .target = 1, .relation = "leads", .directed = true, .weight = 0.5});
  const auto rt = check_round_trip(g, OutputFormat::Dl, "dl", kDl);
  CHECK(contains(rt.text, "format = fullmatrix\nnm = 2\n"));
  CHECK(contains(rt.text, "matrix labels:\n\"met_with\",\"leads\"\n"));
  CHECK(contains(rt.text, "data:\n0 2 0\n2 0 0\n0 0 0\n0 0 1\n0 0 0\n0 0.5 0\n"));
  CHECK(rt.report.dropped.empty());
}

TEST_CASE("dl: degenerate graphs keep nodes, edges and weights") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    bool directed = false;
    for (const auto& e : g.edges())
      directed = directed || e.directed;
    if (name == "parallel edges") {
      // Parallel edges of one relation force an edge list, which drops relations.
      auto rt = round_trip(g, OutputFormat::Dl, "dl");
      CHECK(rt.back.graph.edge_count() == 3);
      CHECK(contains(rt.text, "format = edgelist1"));
      CHECK(contains(rt.report.dropped.front(), "dl: 3 edges lost their relation"));
      continue;
    }
    check_round_trip(g, OutputFormat::Dl, "dl", kDl);
  }
}

TEST_CASE("dl: the bundled dataset keeps nodes, edges, weights; losses are reported") {
  const auto ds = bundled_dataset();
  const auto rt = round_trip(ds.graph, OutputFormat::Dl, "dl");
  CHECK(rt.back.graph.node_count() == ds.graph.node_count());
  CHECK(rt.back.graph.edge_count() == ds.graph.edge_count());
  std::string dropped;
  for (const auto& d : rt.report.dropped)
    dropped += d + "\n";
  CHECK(contains(dropped, "edges lost their validity interval (DL holds no time)"));
  CHECK(contains(dropped, "node kinds not written"));
  CHECK(contains(dropped, "edge attribute values not written"));
}
