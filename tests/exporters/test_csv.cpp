// CSV writer: lossless round trips through the CSV reader, typed headers only where needed.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

TEST_CASE("csv: the bundled dataset round-trips losslessly") {
  const auto ds = bundled_dataset();
  const auto rt = check_round_trip(ds.graph, OutputFormat::Csv, "csv");
  CHECK(rt.report.dropped.empty());
  // Edge order, node order and explicit ids are kept too.
  for (graph::EdgeIndex e = 0; e < ds.graph.edge_count(); ++e)
    CHECK(rt.back.graph.edge_id(e) == ds.graph.edge_id(e));
  CHECK(contains(rt.text, "domain:list"));
  CHECK_FALSE(contains(rt.text, "country:"));
}

TEST_CASE("csv: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::Csv, "csv");
  }
}

TEST_CASE("csv: every attribute type survives, declared only where inference would fail") {
  const auto g = typed_graph();
  const auto rt = check_round_trip(g, OutputFormat::Csv, "csv");
  CHECK(rt.report.dropped.empty());
  // score holds 1 and 0.25: inferred real; founded is a year, which inference reads as an int.
  CHECK(contains(rt.text,
                 "Id,Label,kind,start,end,name_text,count,score,active,founded:date,"
                 "tags:list\n"));
  CHECK(contains(rt.text, "\"Alpha \"\"A\"\" & co, Ltd.\""));
  CHECK(contains(rt.text, ",confidence,provenance,code\n"));
  CHECK(rt.back.graph.node_attribute(0, "score") == graph::Value{1.0});

  // Reals that all look like integers are declared.
  auto whole = make_graph({{"a", "b"}});
  auto& t = whole.node_attributes();
  t.set(t.declare("rank", graph::AttrType::Real), 0, 3.0);
  const auto rt2 = check_round_trip(whole, OutputFormat::Csv, "csv");
  CHECK(contains(rt2.text, ",rank:real\n"));
}

TEST_CASE("csv: names the format reserves, and empty strings, are reported") {
  auto g = make_graph({{"a", "b"}});
  auto& t = g.edge_attributes();
  t.set(t.declare("WEIGHT", graph::AttrType::Real), 0, 2.0);
  t.set(t.declare("note", graph::AttrType::String), 0, std::string());
  exporters::ExportReport report;
  exporters::write_csv(g, {}, report);
  CHECK(report.dropped ==
        std::vector<std::string>{
            "csv: edge attribute 'WEIGHT' not written: its name is a column of the format (1 "
            "values)",
            "csv: edge attribute 'note': 1 empty strings read back as missing"});
}
