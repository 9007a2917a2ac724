// Pajek writer: relation sections, year intervals, and what it reports.
#include <doctest/doctest.h>

#include "tests/exporters/roundtrip_fixture.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

namespace {
const Holds kPajek{.labels = false,
                   .kinds = false,
                   .years_only = true,
                   .node_attributes = false,
                   .edge_attributes = false,
                   .edge_ids = false};
}  // namespace

TEST_CASE("pajek: the bundled dataset keeps ids, relations, directions, weights, years") {
  const auto ds = bundled_dataset();
  const auto rt = check_round_trip(ds.graph, OutputFormat::Pajek, "net", kPajek);
  CHECK(contains(rt.text, "*Arcs :1 \"holds_office\""));
  std::string dropped;
  for (const auto& d : rt.report.dropped)
    dropped += d + "\n";
  CHECK(contains(dropped, "pajek: 55 node labels not written"));
  CHECK(contains(dropped, "node kinds not written"));
  CHECK(contains(dropped, "edge validity intervals widened to whole years"));
  CHECK(contains(dropped, "edge ids not written"));
  CHECK(contains(dropped, "edge attribute values not written"));
}

TEST_CASE("pajek: degenerate graphs round-trip") {
  for (const auto& [name, g] : degenerate_graphs()) {
    CAPTURE(name);
    check_round_trip(g, OutputFormat::Pajek, "net", kPajek);
  }
}

TEST_CASE("pajek: whole-year intervals are exact; open ends are '*'") {
  //   a --> b [2019-2022], c --> a [2020-*]
  const auto all = degenerate_graphs();
  const auto& g = all.back().second;  // mixed directions
  exporters::ExportReport report;
  const auto text = exporters::write_pajek(g, {}, report);
  CHECK(contains(text, "*Arcs :1 \"leads\"\n1 2 1 [2019-2022]\n3 1 1 [2020-*]\n"));
  CHECK(contains(text, "*Edges :2 \"met_with\"\n2 3 1\n"));
  CHECK(report.dropped.empty());
  const auto rt = round_trip(g, OutputFormat::Pajek, "net");
  CHECK(rt.back.graph.edge(0).valid == g.edge(0).valid);
}
