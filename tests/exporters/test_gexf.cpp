// GEXF writer: round trips through the GEXF reader, the interval mapping, and the viz: data.
#include <cmath>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "graph/style.hpp"
#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

namespace {

std::string gexf_of(const graph::Graph& g, const exporters::ExportOptions& options = {}) {
  exporters::ExportReport report;
  return exporters::write_gexf(g, options, report);
}

}  // namespace

TEST_CASE("gexf: the bundled dataset round-trips with nothing dropped") {
  const auto ds = bundled_dataset();
  const auto rt = check_round_trip(ds.graph, OutputFormat::Gexf, "gexf");
  CHECK(rt.report.dropped.empty());
  CHECK(contains(rt.text, "<gexf xmlns=\"http://gexf.net/1.3\""));
  CHECK(contains(rt.text, "mode=\"dynamic\" timeformat=\"date\""));
  // Reading back and writing again gives the same bytes.
  CHECK(gexf_of(rt.back.graph) == rt.text);
}

TEST_CASE("gexf: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::Gexf, "gexf");
  }
}

TEST_CASE("gexf: every attribute type round-trips, dates as marked strings") {
  const auto g = typed_graph();
  const auto rt = check_round_trip(g, OutputFormat::Gexf, "gexf");
  CHECK(contains(rt.text, "<attribute id=\"founded:date\" title=\"founded\" type=\"string\" />"));
  CHECK(contains(rt.text, "<attribute id=\"count\" title=\"count\" type=\"long\" />"));
  CHECK(contains(rt.text, "<attribute id=\"tags\" title=\"tags\" type=\"liststring\" />"));
  CHECK(contains(rt.text, "<attvalue for=\"tags\" value=\"one|two\" />"));
  const auto& back = rt.back.graph;
  CHECK(back.node_attributes().column(*back.node_attributes().find("founded")).type ==
        graph::AttrType::Date);
}

TEST_CASE("gexf: intervals are closed, ends written as the last day included") {
  //   a --2021-01-20..2025-01-20--> b, c valid in 2024 (year), d from 2024-07 to 2024-09
  graph::Graph g;
  g.add_node("a");
  g.add_node("b");
  g.add_node("c", "", "event", {graph::Date::year_only(2024), graph::Date::year_only(2025)});
  g.add_node("d", "", "event",
             {graph::Date::year_month(2024, 7), graph::Date::year_month(2024, 9)});
  g.add_node("e", "", "other", {std::nullopt, graph::Date::from_ymd(2000, 3, 1)});
  g.add_edge({.id = "t",
              .source = 0,
              .target = 1,
              .relation = "holds_office",
              .directed = true,
              .valid = {graph::Date::from_ymd(2021, 1, 20), graph::Date::from_ymd(2025, 1, 20)}});
  g.add_edge({.source = 0, .target = 2, .valid = {graph::Date::year_month(2024, 2), std::nullopt}});
  const auto text = gexf_of(g);
  CHECK(contains(text, "start=\"2021-01-20\" end=\"2025-01-19\""));
  CHECK(contains(text, "<node id=\"c\" label=\"c\" start=\"2024-01-01\" end=\"2024-12-31\">"));
  CHECK(contains(text, "start=\"2024-07-01\" end=\"2024-08-31\""));
  CHECK(contains(text, "<node id=\"e\" label=\"e\" end=\"2000-02-29\">"));  // leap day
  CHECK(contains(text, "<attvalue for=\"interval\" value=\"2024/2025\" />"));
  CHECK(contains(text, "<attvalue for=\"interval\" value=\"2024-02/..\" />"));
  // Day-precise intervals need no `interval` attribute.
  CHECK_FALSE(contains(text, "value=\"2021-01-20/2025-01-20\""));
  check_round_trip(g, OutputFormat::Gexf, "gexf");
}

TEST_CASE("gexf: undated graphs are static and carry no timeformat") {
  const auto g = make_graph({{"a", "b", "met_with"}});
  const auto text = gexf_of(g);
  CHECK(contains(text, "mode=\"static\""));
  CHECK_FALSE(contains(text, "timeformat"));
  CHECK_FALSE(contains(text, "start="));
}

TEST_CASE("gexf: direction per edge, default by majority; kind = relation; unique ids") {
  const auto g = make_graph({{"a", "b", "leads", true},
                             {"a", "b", "leads", true},
                             {"b", "c", "met_with", false},
                             {"a", "b", "co_chairs", true}});
  const auto text = gexf_of(g);
  CHECK(contains(text, "defaultedgetype=\"directed\""));
  CHECK(contains(text,
                 "<edge id=\"e0\" source=\"a\" target=\"b\" type=\"directed\" kind=\"leads\" "
                 "weight=\"1\""));
  CHECK(
      contains(text, "<edge id=\"e1\" source=\"a\" target=\"b\" type=\"directed\" kind=\"leads\""));
  CHECK(contains(text, "type=\"undirected\" kind=\"met_with\""));
  const auto rt = check_round_trip(g, OutputFormat::Gexf, "gexf");
  CHECK(rt.back.graph.edge_count() == 4);
  const auto undirected = make_graph({{"a", "b"}, {"b", "c"}, {"c", "d", "x", true}});
  CHECK(contains(gexf_of(undirected), "defaultedgetype=\"undirected\""));
}

TEST_CASE("gexf: viz colour and shape by kind, size from a score, positions") {
  graph::Graph g;
  g.add_node("p", "P", "person");
  g.add_node("c", "C", "country");
  g.add_node("x", "X", "person");
  g.add_edge({.source = 0, .target = 1});
  exporters::ExportOptions options;
  options.scores.emplace_back("pagerank", std::vector<double>{0.5, 0.25, std::nan("")});
  options.size_by = "pagerank";
  options.positions = {std::pair{1.5, -2.0}, std::pair{0.0, 3.25}, std::nullopt};
  const auto text = gexf_of(g, options);
  const auto person = graph::style::kind_style("person").gexf_shape;
  CHECK(contains(text, "<viz:shape value=\"" + std::string(person) + "\" />"));
  CHECK(contains(text, "<viz:size value=\"50\" />"));
  CHECK(contains(text, "<viz:size value=\"5\" />"));
  CHECK(contains(text, "<viz:position x=\"1.5\" y=\"-2\" />"));
  CHECK(contains(text, "<attvalue for=\"pagerank\" value=\"0.5\" />"));
  CHECK(contains(text, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\" />"));
  // Colours come from the shared palette, by kind here (no side or country attribute).
  const auto colours = graph::style::category_colours({"person", "country"});
  const auto& pc = colours.at("person");
  CHECK(contains(text, fmt::format("<viz:color r=\"{}\" g=\"{}\" b=\"{}\" />", int{pc.r}, int{pc.g},
                                   int{pc.b})));
  // Edges are coloured by relation, as in the diagrams.
  const auto styles = graph::style::relation_styles({"related_to"});
  const auto& ec = styles.at("related_to").colour;
  CHECK(contains(text, fmt::format("kind=\"related_to\" weight=\"1\">\n        <viz:color "
                                   "r=\"{}\" g=\"{}\" b=\"{}\" />",
                                   int{ec.r}, int{ec.g}, int{ec.b})));
  // Scores come back as real attributes; viz data are not read back.
  const auto rt = round_trip(g, OutputFormat::Gexf, "gexf", options);
  CHECK(rt.back.graph.node_attributes().find("pagerank"));
  CHECK(has_message(rt.back.report.notes, "viz:"));
  options.size_by = "nothing";
  CHECK_THROWS_AS(gexf_of(g, options), InputError);
}

TEST_CASE("gexf: an edge attribute `label` is the edge's label; reserved names are reported") {
  graph::Graph g;
  g.add_node("a");
  g.add_node("b", "B", "other", {graph::Date::year_only(2020), std::nullopt});
  const auto e = g.add_edge({.source = 0, .target = 1});
  auto& edges = g.edge_attributes();
  edges.set(edges.declare("label", graph::AttrType::String), e, std::string("first & only"));
  auto& nodes = g.node_attributes();
  nodes.set(nodes.declare("interval", graph::AttrType::String), 0, std::string("mine"));
  exporters::ExportReport report;
  const auto text = exporters::write_gexf(g, {}, report);
  CHECK(contains(text, "label=\"first &amp; only\""));
  REQUIRE(report.dropped.size() == 1);
  CHECK(contains(report.dropped[0], "gexf: node attribute 'interval' not written (1 values)"));
}

TEST_CASE("gexf: strings with quotes, ampersands, newlines and non-ASCII survive") {
  graph::Graph g;
  g.add_node("é1", "Wang \"Xiaohong\" <MPS> & co\nline two", "person");
  auto& nodes = g.node_attributes();
  nodes.set(nodes.declare("note", graph::AttrType::String), 0, std::string("tab\there\r\nend"));
  const auto rt = round_trip(g, OutputFormat::Gexf, "gexf");
  const auto& back = rt.back.graph;
  CHECK(back.node(0).id == "é1");
  CHECK(back.node(0).label == g.node(0).label);
  CHECK(back.node_attribute(0, "note") == graph::Value(std::string("tab\there\r\nend")));
}
