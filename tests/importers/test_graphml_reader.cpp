// GraphML reader: igraph's, NetworkX's and yEd's output, typed keys and defaults, and
// malformed input.
#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

namespace {

std::string graphml(std::string_view keys, std::string_view body,
                    std::string_view graph_attrs = "edgedefault=\"undirected\"") {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
             "xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n") +
         std::string(keys) + "<graph id=\"G\" " + std::string(graph_attrs) + ">\n" +
         std::string(body) + "</graph>\n</graphml>\n";
}

}  // namespace

TEST_CASE("graphml reader: igraph's test.graphml (defaults, trimmed booleans, entities)") {
  const auto r =
      importers::import_graph({ACTORNET_SHARED_DATA "/igraph_debian_examples/test.graphml"});
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 6);
  REQUIRE(g.edge_count() == 7);
  CHECK(g.node_attribute(0, "color") == graph::Value(std::string("green")));
  CHECK(g.node_attribute(1, "color") == graph::Value(std::string("yellow")));  // the default
  CHECK(g.node_attribute(3, "color") == graph::Value(std::string("red \"with entities\"")));
  CHECK(g.node_attribute(0, "gender") == graph::Value(true));   // "  true   "
  CHECK(g.node_attribute(5, "gender") == graph::Value(false));  // "fAlSe"
  CHECK(g.edge(2).weight == 2.0);
  CHECK(g.edge(6).weight == 1.1);
  CHECK(g.edge(3).weight == 1.0);
  CHECK_FALSE(g.edge(0).directed);
  CHECK(has_message(r.report.notes, "declared for another domain"));
  CHECK(has_message(r.report.notes, "graph-level <data>"));
  CHECK(has_message(r.report.defaulted, "took the declared default of key 'color'"));
}

TEST_CASE("graphml reader: NetworkX multigraph output, edges before nodes, per-edge direction") {
  TempDir dir;
  const auto r =
      import_text(dir, "nx.graphml",
                  graphml(R"(<key id="d0" for="node" attr.name="club" attr.type="string"/>
<key id="d1" for="edge" attr.name="weight" attr.type="long"/>
<key id="d2" for="edge" attr.name="since" attr.type="int"/>
)",
                          R"(<edge source="0" target="1" id="0"><data key="d1">3</data></edge>
<edge source="0" target="1" id="1"><data key="d2">1999</data></edge>
<edge source="1" target="0" directed="true"/>
<node id="0"><data key="d0">Mr. Hi</data></node>
<node id="1"><data key="d0">Officer</data></node>
)"));
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  REQUIRE(g.edge_count() == 3);
  CHECK(r.report.created_nodes.empty());
  CHECK(g.edge(0).weight == 3.0);
  CHECK(g.edge_attribute(1, "since") == graph::Value(std::int64_t{1999}));
  CHECK(g.edge(2).directed);
  CHECK(g.edge_id(2) == "e2");
  CHECK(g.node(0).label == "0");
}

TEST_CASE("graphml reader: yEd labels") {
  TempDir dir;
  const auto r = import_text(dir, "yed.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30" x="0" y="0"/>
      <y:NodeLabel alignment="center">Ministry of Public Security</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"/>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge>
      <y:EdgeLabel>oversees</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
</graphml>
)");
  CHECK(r.graph.node(0).label == "Ministry of Public Security");
  CHECK(r.graph.edge(0).directed);
  CHECK(r.graph.edge_attribute(0, "label") == graph::Value(std::string("oversees")));
  CHECK(has_message(r.report.notes, "yFiles graphics"));
}

TEST_CASE("graphml reader: our own fields and half-open dates") {
  TempDir dir;
  const auto r = import_text(
      dir, "own.graphml",
      graphml(
          R"(<key id="k" for="node" attr.name="kind" attr.type="string"/>
<key id="s" for="all" attr.name="start" attr.type="string"/>
<key id="e" for="all" attr.name="end" attr.type="string"/>
<key id="r" for="edge" attr.name="relation" attr.type="string"/>
<key id="f" for="node" attr.name="founded" attr.type="string" actornet.type="date"/>
)",
          R"(<node id="a"><data key="k">person</data><data key="s">2021-01</data><data key="f">1949-10-01</data></node>
<node id="b"/>
<edge source="a" target="b"><data key="r">met_with</data><data key="s">2024</data><data key="e">2025</data></edge>
)"));
  const auto& g = r.graph;
  CHECK(g.kind_name(0) == "person");
  CHECK(g.node(0).valid.to_string() == "2021-01/..");
  CHECK(g.node_attribute(0, "founded") == graph::Value(graph::Date::from_ymd(1949, 10, 1)));
  CHECK(g.relation_name(0) == "met_with");
  CHECK(g.edge(0).valid.to_string() == "2024/2025");
}

TEST_CASE("graphml reader: missing edgedefault follows --directed and is reported") {
  TempDir dir;
  importers::ImportOptions directed;
  directed.directed = true;
  const auto r =
      import_text(dir, "d.graphml",
                  graphml("", "<node id=\"a\"/><edge source=\"a\" target=\"a\"/>\n", ""), directed);
  CHECK(r.graph.edge(0).directed);
  CHECK(has_message(r.report.defaulted, "no edgedefault"));
}

TEST_CASE("graphml reader: malformed input names file, line and column") {
  TempDir dir;
  SUBCASE("broken XML") {
    const auto err = import_error(dir, "b.graphml", graphml("", "<node id=\"a\">\n"));
    REQUIRE(err);
    CHECK(err->line() == 5);  // </graph> closes <node id="a">
    CHECK(contains(err->message(), "not well-formed XML"));
  }
  SUBCASE("wrong namespace") {
    const auto err = import_error(dir, "n.graphml", "<graphml xmlns=\"http://gexf.net/1.3\"/>");
    REQUIRE(err);
    CHECK(err->line() == 1);
    CHECK(err->column() == 10);
    CHECK(contains(err->message(), "unknown GraphML namespace"));
  }
  SUBCASE("a bad number") {
    const auto err = import_error(
        dir, "x.graphml",
        graphml("<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
                "<node id=\"a\"/>\n<edge source=\"a\" target=\"a\">\n  <data "
                "key=\"w\">1,5</data></edge>\n"));
    REQUIRE(err);
    CHECK(err->line() == 7);
    CHECK(err->column() == 3);
    CHECK(contains(err->message(), "weight '1,5' is not a finite number"));
  }
  SUBCASE("an undeclared key, a bad type, a hyperedge, a bad direction") {
    const auto key = import_error(
        dir, "k.graphml", graphml("", "<node id=\"a\"><data key=\"nope\">1</data></node>\n"));
    REQUIRE(key);
    CHECK(contains(key->message(), "<data key='nope'> names no <key>"));
    const auto type = import_error(
        dir, "t.graphml", graphml("<key id=\"q\" for=\"node\" attr.type=\"complex\"/>\n", ""));
    REQUIRE(type);
    CHECK(contains(type->message(), "attr.type 'complex'"));
    const auto hyper = import_error(dir, "h.graphml", graphml("", "<hyperedge/>\n"));
    REQUIRE(hyper);
    CHECK(contains(hyper->message(), "hyperedges"));
    const auto dir_err = import_error(
        dir, "d.graphml",
        graphml("", "<node id=\"a\"/><edge source=\"a\" target=\"a\" directed=\"maybe\"/>\n"));
    REQUIRE(dir_err);
    CHECK(contains(dir_err->message(), "directed='maybe'"));
  }
  SUBCASE("an edge to a missing node with --strict") {
    importers::ImportOptions strict;
    strict.strict = true;
    const auto err =
        import_error(dir, "m.graphml",
                     graphml("", "<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n"), strict);
    REQUIRE(err);
    CHECK(err->line() == 5);
    CHECK(contains(err->message(), "edge target 'zz' names no <node>"));
  }
  SUBCASE("billion laughs") {
    const auto err = import_error(
        dir, "lol.graphml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaaaaaa\"><!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<graphml><graph><node id=\"&b;\"/></graph></graphml>\n");
    REQUIRE(err);
    CHECK(contains(err->message(), "DOCTYPE declares entities"));
  }
}
