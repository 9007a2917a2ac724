// merge_into: several inputs of any format merged by node id.
#include <doctest/doctest.h>

#include "importers/merge.hpp"
#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

namespace {

const char* kGexf = R"(<?xml version="1.0"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="kind" title="kind" type="string"/>
<attribute id="rank" title="rank" type="integer"/></attributes>
<nodes><node id="a" label="Alpha"><attvalues><attvalue for="kind" value="person"/>
<attvalue for="rank" value="1"/></attvalues></node><node id="z" label="Zed"/></nodes>
<edges><edge id="x1" source="a" target="z" kind="met_with"/><edge source="z" target="a"/></edges>
</graph></gexf>
)";

}  // namespace

TEST_CASE("merge: CSV and GEXF inputs merge by node id") {
  //   CSV:  a -- b (e0)          GEXF: a --> z (x1), z --> a (e1 in the file)
  TempDir dir;
  const auto csv = dir.write("edges.csv", "Source,Target,Kind\na,b,leads\n");
  const auto gexf = dir.write("more.gexf", kGexf);
  const auto r = importers::import_graph({csv, gexf});
  const auto& g = r.graph;
  CHECK(g.node_count() == 3);
  REQUIRE(g.edge_count() == 3);
  const auto a = *g.find_node("a");
  CHECK(g.node(a).label == "Alpha");  // the GEXF label replaces the default one
  CHECK(g.kind_name(a) == "person");  // and fills the default kind
  CHECK(g.node_attribute(a, "rank") == graph::Value(std::int64_t{1}));
  CHECK(g.find_edge("x1"));
  CHECK(g.edge_id(2) == "e2");  // a generated id is generated afresh
  CHECK(r.report.files.size() == 2);
  CHECK(has_message(r.report.merged, "node 'a' merged"));
}

TEST_CASE("merge: two foreign files; conflicts and duplicate edge ids are errors") {
  TempDir dir;
  const auto one = dir.write("one.gexf", kGexf);
  SUBCASE("the same file twice: the explicit edge id clashes") {
    const auto two = dir.write("two.gexf", kGexf);
    CHECK_THROWS_WITH_AS(importers::import_graph({one, two}),
                         doctest::Contains("edge id 'x1' is used twice"), InputError);
  }
  SUBCASE("a conflicting label") {
    const auto two = dir.write(
        "two.graphml",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"l\" for=\"node\" "
        "attr.name=\"label\" attr.type=\"string\"/><graph edgedefault=\"directed\"><node "
        "id=\"a\"><data key=\"l\">Other</data></node></graph></graphml>");
    CHECK_THROWS_WITH_AS(importers::import_graph({one, two}),
                         doctest::Contains("node 'a' has label 'Alpha'"), InputError);
  }
  SUBCASE("an attribute type clash") {
    const auto two = dir.write(
        "two.graphml",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"r\" for=\"node\" "
        "attr.name=\"rank\" attr.type=\"string\"/><graph edgedefault=\"directed\"><node "
        "id=\"q\"><data key=\"r\">first</data></node></graph></graphml>");
    CHECK_THROWS_WITH_AS(importers::import_graph({one, two}),
                         doctest::Contains("attribute 'rank' is string"), InputError);
  }
}

TEST_CASE("merge: merging into an empty result copies everything") {
  TempDir dir;
  importers::ImportResult into;
  auto part = importers::import_graph({dir.write("g.gexf", kGexf)});
  importers::merge_into(into, std::move(part));
  CHECK(into.graph.node_count() == 2);
  CHECK(into.graph.edge_count() == 2);
  CHECK(into.graph.edge_id(1) == "e1");
  CHECK(into.report.merged.empty());
}
