// GraphML writer: round trips through the GraphML reader and the key declarations.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

namespace {

std::string graphml_of(const graph::Graph& g, const exporters::ExportOptions& options = {}) {
  exporters::ExportReport report;
  return exporters::write_graphml(g, options, report);
}

}  // namespace

TEST_CASE("graphml: the bundled dataset round-trips with nothing dropped") {
  const auto ds = bundled_dataset();
  const auto rt = check_round_trip(ds.graph, OutputFormat::GraphMl, "graphml");
  CHECK(rt.report.dropped.empty());
  CHECK(graphml_of(rt.back.graph) == rt.text);
}

TEST_CASE("graphml: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::GraphMl, "graphml");
  }
}

TEST_CASE("graphml: every attribute type round-trips") {
  const auto g = typed_graph();
  const auto rt = check_round_trip(g, OutputFormat::GraphMl, "graphml");
  CHECK(contains(rt.text, "attr.name=\"founded\" attr.type=\"string\" actornet.type=\"date\""));
  CHECK(contains(rt.text, "attr.name=\"tags\" attr.type=\"string\" actornet.type=\"list\""));
  CHECK(contains(rt.text, "attr.name=\"count\" attr.type=\"long\""));
  CHECK(contains(rt.text, "attr.name=\"active\" attr.type=\"boolean\""));
}

TEST_CASE("graphml: keys for our fields, per-edge direction, parallel edges, dates at precision") {
  graph::Graph g;
  g.add_node("a", "Alpha", "person", {graph::Date::year_only(2020), std::nullopt});
  g.add_node("b");
  g.add_edge({.source = 0, .target = 1, .relation = "met_with", .directed = true, .weight = 2.5});
  g.add_edge({.source = 0, .target = 1, .relation = "met_with", .directed = true});
  g.add_edge({.source = 1,
              .target = 0,
              .relation = "called",
              .valid = {graph::Date::year_month(2024, 9), graph::Date::year_month(2024, 10)}});
  const auto text = graphml_of(g);
  CHECK(contains(text, "<graph id=\"G\" edgedefault=\"directed\">"));
  CHECK(contains(text, "<edge id=\"e0\" source=\"a\" target=\"b\" directed=\"true\">"));
  CHECK(contains(text, "<edge id=\"e2\" source=\"b\" target=\"a\" directed=\"false\">"));
  CHECK(contains(text, ">2024-09</data>"));
  CHECK(contains(text, ">2020</data>"));
  CHECK(contains(text, ">2.5</data>"));
  check_round_trip(g, OutputFormat::GraphMl, "graphml");
}

TEST_CASE("graphml: scores and positions become node keys; reserved names are reported") {
  graph::Graph g;
  g.add_node("a");
  g.add_node("b");
  auto& nodes = g.node_attributes();
  nodes.set(nodes.declare("x", graph::AttrType::Integer), 0, std::int64_t{4});
  exporters::ExportOptions options;
  options.scores.emplace_back("degree", std::vector<double>{1, 1});
  options.positions = {std::pair{1.0, 2.0}, std::pair{3.0, 4.0}};
  exporters::ExportReport report;
  const auto text = exporters::write_graphml(g, options, report);
  CHECK(contains(text, "attr.name=\"degree\" attr.type=\"double\""));
  CHECK(contains(text, "attr.name=\"x\" attr.type=\"double\""));
  REQUIRE(report.dropped.size() == 1);
  CHECK(contains(report.dropped[0], "graphml: node attribute 'x' not written (1 values)"));
}
