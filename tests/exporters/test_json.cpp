// NetworkX node-link and cytoscape.js writers: round trips and what they report.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

TEST_CASE("json: the bundled dataset survives node-link and cytoscape round trips") {
  const auto ds = bundled_dataset();
  for (auto format : {OutputFormat::Json, OutputFormat::Cytoscape}) {
    CAPTURE(exporters::to_string(format));
    const auto rt = check_round_trip(ds.graph, format, "json");
    CHECK(rt.report.dropped.empty());
  }
}

TEST_CASE("json: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::Json, "json");
    check_round_trip(g, OutputFormat::Cytoscape, "json");
  }
}

TEST_CASE("json: typed attributes keep their JSON types; dates become strings, reported") {
  const auto g = typed_graph();
  for (auto format : {OutputFormat::Json, OutputFormat::Cytoscape}) {
    CAPTURE(exporters::to_string(format));
    const auto rt = round_trip(g, format, "json");
    const auto& back = rt.back.graph;
    REQUIRE(back.node_count() == 2);
    CHECK(back.node(0).label == g.node(0).label);
    CHECK(back.node(1).label == "Béta");
    CHECK(back.node(0).valid == g.node(0).valid);
    CHECK(back.node_attribute(0, "name_text") == g.node_attribute(0, "name_text"));
    CHECK(back.node_attribute(0, "count") == graph::Value{std::int64_t{-7}});
    CHECK(back.node_attribute(0, "score") == graph::Value{1.0});
    CHECK(back.node_attribute(1, "active") == graph::Value{true});
    CHECK(back.node_attribute(0, "tags") == g.node_attribute(0, "tags"));
    CHECK(back.node_attribute(1, "founded") == graph::Value{std::string("1949")});
    CHECK(back.edge_id(0) == "tie1");
    CHECK(back.edge(0).directed);
    CHECK(back.edge(0).weight == 3);
    CHECK(back.edge_attribute(0, "code") == graph::Value{std::string("007")});
    REQUIRE(rt.report.dropped.size() == 1);
    CHECK(rt.report.dropped[0] ==
          exporters::to_string(format).data() +
              std::string(": node attribute 'founded' (date): 1 values written as strings"));
  }
}

TEST_CASE("json: node-link output is what NetworkX expects") {
  //   a --> b (directed), b -- a (undirected): the graph says directed, the edge says not
  graph::Graph g;
  g.add_node("a");
  g.add_node("b");
  g.add_edge({.source = 0, .target = 1, .directed = true});
  g.add_edge({.id = "named", .source = 1, .target = 0});
  exporters::ExportReport report;
  const auto text = exporters::write_json(g, {}, report);
  CHECK(contains(text, "\"directed\": true"));
  CHECK(contains(text, "\"multigraph\": true"));
  CHECK(contains(text, "\"links\": ["));
  CHECK(contains(text, "\"key\": 0"));
  CHECK(contains(text, "\"key\": \"named\""));
  CHECK(contains(text, "\"directed\": false"));
}

TEST_CASE("json: scores and positions are written") {
  const auto g = make_graph({{"a", "b"}});
  exporters::ExportOptions options;
  options.scores = {{"pagerank", {0.75, std::nan("")}}};
  options.positions = {std::make_pair(1.5, -2.0), std::nullopt};
  exporters::ExportReport report;
  const auto text = exporters::write_cytoscape(g, options, report);
  CHECK(contains(text, "\"pagerank\": 0.75"));
  CHECK(contains(text, "\"position\": {"));
  const auto rt = round_trip(g, OutputFormat::Cytoscape, "json", options);
  CHECK(rt.back.graph.node_attribute(0, "pagerank") == graph::Value{0.75});
  CHECK(graph::is_missing(rt.back.graph.node_attribute(1, "pagerank")));
  CHECK(rt.back.graph.node_attribute(0, "x") == graph::Value{1.5});
}
