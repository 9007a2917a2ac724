// GML writer: round trips, entities, and what it reports.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

TEST_CASE("gml: the bundled dataset round-trips, lists as repeated keys") {
  const auto ds = bundled_dataset();
  const auto rt = check_round_trip(ds.graph, OutputFormat::Gml, "gml");
  CHECK(rt.report.dropped.empty());
  CHECK(contains(rt.text, "multigraph 1"));
}

TEST_CASE("gml: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::Gml, "gml");
  }
}

TEST_CASE("gml: strings are ASCII with entities; bools and dates are reported") {
  const auto g = typed_graph();
  const auto rt = round_trip(g, OutputFormat::Gml, "gml");
  CHECK(contains(rt.text, "label \"Alpha &quot;A&quot; &amp; co, Ltd.\""));
  CHECK(contains(rt.text, "label \"B&#233;ta\""));
  CHECK(contains(rt.text, "name_text \"x, &quot;y&quot;&#10;z\""));
  const auto& back = rt.back.graph;
  CHECK(back.node(0).label == g.node(0).label);
  CHECK(back.node(1).label == "Béta");
  CHECK(back.node_attribute(0, "name_text") == g.node_attribute(0, "name_text"));
  CHECK(back.node_attribute(0, "score") == graph::Value{1.0});
  CHECK(back.node_attribute(0, "tags") == g.node_attribute(0, "tags"));
  CHECK(back.node_attribute(1, "active") == graph::Value{std::int64_t{1}});
  CHECK(back.edge_id(0) == "tie1");
  CHECK(back.edge(0).valid == g.edge(0).valid);
  CHECK(rt.report.dropped ==
        std::vector<std::string>{"gml: node attribute 'active' (bool): 1 values written as "
                                 "integers 0/1",
                                 "gml: node attribute 'founded' (date): 1 values written as "
                                 "strings"});
}

TEST_CASE("gml: names that are not GML keys are dropped and reported") {
  auto g = make_graph({{"a", "b"}});
  auto& t = g.node_attributes();
  t.set(t.declare("two words", graph::AttrType::String), 0, std::string("x"));
  t.set(t.declare("label", graph::AttrType::String), 1, std::string("y"));
  exporters::ExportReport report;
  exporters::write_gml(g, {}, report);
  CHECK(report.dropped ==
        std::vector<std::string>{"gml: node attribute 'two words' not written: GML keys are "
                                 "letters, digits and '_' (1 values)",
                                 "gml: node attribute 'label' not written: its name is a field of "
                                 "the format (1 values)"});
}

TEST_CASE("gml: positions become graphics x y") {
  const auto g = make_graph({{"a", "b"}});
  exporters::ExportOptions options;
  options.positions = {std::make_pair(1.0, 2.5), std::nullopt};
  const auto rt = round_trip(g, OutputFormat::Gml, "gml", options);
  CHECK(contains(rt.text, "graphics [\n      x 1.0\n      y 2.5\n    ]"));
  CHECK(rt.back.graph.node_attribute(0, "graphics.x") == graph::Value{1.0});
}
