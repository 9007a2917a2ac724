// DOT writer: round trips through cgraph, quoting, mixed directions.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

TEST_CASE("dot: the bundled dataset round-trips; non-string attributes come back as text") {
  const auto ds = bundled_dataset();
  const auto rt = check_round_trip(ds.graph, OutputFormat::Dot, "dot", {.edge_attributes = false});
  // Edge attributes come back with their text, as strings.
  for (graph::EdgeIndex e = 0; e < ds.graph.edge_count(); ++e)
    for (const auto& column : ds.graph.edge_attributes().columns()) {
      const auto before = graph::format_value(ds.graph.edge_attribute(e, column.name));
      CHECK(graph::format_value(rt.back.graph.edge_attribute(e, column.name)) == before);
    }
  REQUIRE(rt.report.dropped.size() == 2);
  CHECK(contains(rt.report.dropped[0], "dot: edge attribute 'domain' (list): "));
  CHECK(contains(rt.report.dropped[1], "dot: edge attribute 'confidence' (real): "));
  CHECK(contains(rt.report.dropped[1], " values written as strings"));
}

TEST_CASE("dot: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::Dot, "dot");
  }
}

TEST_CASE("dot: quotes, commas, newlines and non-ASCII survive") {
  const auto g = typed_graph();
  const auto rt = round_trip(g, OutputFormat::Dot, "gv");
  CHECK(contains(rt.text, "digraph \"actornet\" {"));
  CHECK(contains(rt.text, "\"a\" [label=\"Alpha \\\"A\\\" & co, Ltd.\""));
  const auto& back = rt.back.graph;
  CHECK(back.node(0).label == g.node(0).label);
  CHECK(back.node(1).label == "Béta");
  CHECK(back.node(0).valid == g.node(0).valid);
  CHECK(back.node_attribute(0, "name_text") == g.node_attribute(0, "name_text"));
  CHECK(back.edge_id(0) == "tie1");
  CHECK(back.edge(0).weight == 3);
  CHECK(back.edge(0).valid == g.edge(0).valid);
}
