// GEXF reader: foreign files (Gephi 1.2draft, 1.3 with either namespace spelling), the
// interval mapping, types and defaults, and malformed or hostile input.
#include <chrono>
#include <filesystem>

#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

namespace {

std::string gexf13(std::string_view body, std::string_view graph_attrs = "",
                   std::string_view ns = "http://gexf.net/1.3") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"") +
         std::string(ns) + "\" version=\"1.3\">\n<graph " + std::string(graph_attrs) + ">\n" +
         std::string(body) + "</graph>\n</gexf>\n";
}

}  // namespace

TEST_CASE("gexf reader: a Gephi 1.2draft file with attributes, defaults, viz and dates") {
  TempDir dir;
  const auto r = import_text(dir, "gephi.gexf", R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="0" title="kind" type="string"/>
      <attribute id="1" title="members" type="integer"><default>3</default></attribute>
      <attribute id="2" title="aliases" type="liststring"/>
      <attribute id="3" title="active" type="boolean"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="c" title="confidence" type="float"/>
    </attributes>
    <nodes>
      <node id="n1" label="Wang Xiaohong" start="2022-11-01" end="2025-10-31">
        <attvalues><attvalue for="0" value="person"/><attvalue for="2" value="[Wang, W. X.]"/>
          <attvalue for="3" value="true"/></attvalues>
        <viz:color r="255" g="0" b="0"/><viz:size value="12.5"/>
      </node>
      <node id="n2" label="MPS"><attvalues><attvalue for="1" value="40"/></attvalues></node>
    </nodes>
    <edges>
      <edge source="n1" target="n2" kind="leads" weight="2.5" start="2022-11-01">
        <attvalues><attvalue for="c" value="0.9"/></attvalues>
      </edge>
      <edge source="n1" target="n2" kind="member_of" type="mutual" label="as minister"/>
      <edge source="n2" target="n1"/>
    </edges>
  </graph>
</gexf>
)");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  REQUIRE(g.edge_count() == 3);
  CHECK(g.node(0).label == "Wang Xiaohong");
  CHECK(g.kind_name(0) == "person");
  CHECK(g.kind_name(1) == "other");
  // The closed end 2025-10-31 becomes the half-open end 2025-11-01.
  CHECK(g.node(0).valid.to_string() == "2022-11-01/2025-11-01");
  CHECK(g.node_attribute(0, "members") == graph::Value(std::int64_t{3}));  // the default
  CHECK(g.node_attribute(1, "members") == graph::Value(std::int64_t{40}));
  CHECK(g.node_attribute(0, "aliases") == graph::Value(std::vector<std::string>{"Wang", "W. X."}));
  CHECK(g.node_attribute(0, "active") == graph::Value(true));
  CHECK(
      has_message(r.report.defaulted, "1 nodes took the declared default of attribute 'members'"));
  CHECK(has_message(r.report.notes, "viz:"));
  CHECK(has_message(r.report.notes, "1 mutual edges read as undirected"));
  CHECK(g.relation_name(0) == "leads");
  CHECK(g.edge(0).directed);
  CHECK(g.edge(0).weight == 2.5);
  CHECK(g.edge(0).valid.to_string() == "2022-11-01/..");
  CHECK(g.edge_attribute(0, "confidence") == graph::Value(0.9));
  CHECK_FALSE(g.edge(1).directed);
  CHECK(g.edge_attribute(1, "label") == graph::Value(std::string("as minister")));
  CHECK(g.relation_name(2) == "related_to");
  CHECK(g.edge_id(2) == "e2");
}

TEST_CASE("gexf reader: both 1.3 namespace spellings; a wrong namespace is an error") {
  TempDir dir;
  const std::string body = "<nodes><node id=\"a\"/></nodes><edges/>\n";
  CHECK(import_text(dir, "a.gexf", gexf13(body)).graph.node_count() == 1);
  CHECK(
      import_text(dir, "b.gexf", gexf13(body, "", "http://www.gexf.net/1.3")).graph.node_count() ==
      1);
  const auto err = import_error(dir, "c.gexf", gexf13(body, "", "http://example.org/gexf"));
  REQUIRE(err);
  CHECK(err->line() == 2);
  CHECK(err->column() == 7);
  CHECK(contains(err->message(), "unknown GEXF namespace 'http://example.org/gexf'"));
  const auto graphml =
      import_error(dir, "d.gexf", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>");
  REQUIRE(graphml);
  CHECK(contains(graphml->message(), "not <gexf>"));
}

TEST_CASE("gexf reader: interval forms: timestamp, one spell, intervals, coarse ends") {
  TempDir dir;
  const auto r = import_text(dir, "t.gexf",
                             gexf13(R"(<nodes>
  <node id="a" timestamp="2024-07-09"/>
  <node id="b"><spells><spell start="2020-01-01" end="2020-12-31"/></spells></node>
  <node id="c" intervals="&lt;[2021-01-20, 2025-01-20)&gt;"/>
  <node id="d" start="2019" end="2020"/>
  <node id="e" start="2024-03-01T10:00:00" end="2024-03-01T12:00:00"/>
</nodes><edges/>
)",
                                    "mode=\"dynamic\" timeformat=\"date\""));
  const auto& g = r.graph;
  CHECK(g.node(0).valid.to_string() == "2024-07-09/2024-07-10");
  CHECK(g.node(1).valid.to_string() == "2020-01-01/2021-01-01");
  CHECK(g.node(2).valid.to_string() == "2021-01-20/2025-01-20");
  CHECK(g.node(3).valid.to_string() == "2019/2021");  // a closed year end covers its year
  CHECK(g.node(4).valid.to_string() == "2024-03-01/2024-03-02");
}

TEST_CASE("gexf reader: numeric times are kept as real attributes") {
  TempDir dir;
  const auto r =
      import_text(dir, "n.gexf",
                  gexf13("<nodes><node id=\"a\" start=\"1.5\" end=\"3\"/></nodes><edges/>\n",
                         "mode=\"dynamic\" timeformat=\"double\""));
  CHECK(r.graph.node(0).valid.unbounded());
  CHECK(r.graph.node_attribute(0, "start") == graph::Value(1.5));
  CHECK(r.graph.node_attribute(0, "end") == graph::Value(3.0));
  CHECK(has_message(r.report.notes, "times are numbers"));
}

TEST_CASE("gexf reader: malformed input names file, line and column") {
  TempDir dir;
  SUBCASE("broken XML") {
    const auto err = import_error(dir, "x.gexf", gexf13("<nodes>\n<node id=\"a\">\n</nodes>\n"));
    REQUIRE(err);
    CHECK(err->line() == 6);  // </nodes> closes <node id="a">
    CHECK(err->column() == 3);
    CHECK(contains(err->message(), "not well-formed XML"));
    CHECK(contains(err->what(), "x.gexf:6:3: "));
  }
  SUBCASE("truncated file") {
    const auto full = gexf13("<nodes><node id=\"a\" label=\"Alpha\"/></nodes><edges/>\n");
    const auto err = import_error(dir, "t.gexf", full.substr(0, full.find("label=") + 9));
    REQUIRE(err);
    CHECK(err->line() == 4);
    CHECK(contains(err->message(), "is it truncated?"));
  }
  SUBCASE("empty file") {
    const auto err = import_error(dir, "e.gexf", "  \n");
    REQUIRE(err);
    CHECK(contains(err->message(), "empty"));
  }
  SUBCASE("a bad weight") {
    const auto err = import_error(
        dir, "w.gexf",
        gexf13("<nodes><node id=\"a\"/></nodes>\n<edges>\n  <edge source=\"a\" target=\"a\" "
               "weight=\"heavy\"/>\n</edges>\n"));
    REQUIRE(err);
    CHECK(err->line() == 6);
    CHECK(err->column() == 31);
    CHECK(contains(err->message(), "weight 'heavy' is not a finite number"));
  }
  SUBCASE("a bad attribute value") {
    const auto err = import_error(dir, "v.gexf", gexf13(R"(<attributes class="node">
<attribute id="n" title="n" type="integer"/></attributes>
<nodes>
<node id="a"><attvalues><attvalue for="n" value="12x"/></attvalues></node>
</nodes><edges/>
)"));
    REQUIRE(err);
    CHECK(err->line() == 7);
    CHECK(contains(err->message(), "'12x' is not an integer (attribute 'n')"));
  }
  SUBCASE("an undeclared attribute") {
    const auto err = import_error(
        dir, "u.gexf",
        gexf13("<nodes><node id=\"a\"><attvalues><attvalue for=\"zz\" value=\"1\"/></attvalues>"
               "</node></nodes><edges/>\n"));
    REQUIRE(err);
    CHECK(contains(err->message(), "names no declared node attribute"));
  }
  SUBCASE("a bad date, an empty interval, two spells, a dynamic value, a duplicate id") {
    CHECK(import_error(
        dir, "d1.gexf",
        gexf13("<nodes><node id=\"a\" start=\"soon\"/></nodes><edges/>\n", "timeformat=\"date\"")));
    const auto empty = import_error(
        dir, "d2.gexf",
        gexf13("<nodes><node id=\"a\" start=\"2024-05-01\" end=\"2024-04-01\"/></nodes><edges/>\n",
               "timeformat=\"date\""));
    REQUIRE(empty);
    CHECK(contains(empty->message(), "ends before it starts"));
    const auto spells = import_error(
        dir, "d3.gexf",
        gexf13("<nodes><node id=\"a\"><spells><spell start=\"2020\"/><spell start=\"2022\"/>"
               "</spells></node></nodes><edges/>\n",
               "timeformat=\"date\""));
    REQUIRE(spells);
    CHECK(contains(spells->message(), "2 spells"));
    const auto dynamic =
        import_error(dir, "d4.gexf", gexf13(R"(<attributes class="node" mode="dynamic">
<attribute id="p" title="p" type="double"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="p" value="1" start="2020"/></attvalues></node></nodes><edges/>
)"));
    REQUIRE(dynamic);
    CHECK(contains(dynamic->message(), "dynamic attribute"));
    const auto twice = import_error(
        dir, "d5.gexf", gexf13("<nodes><node id=\"a\"/>\n<node id=\"a\"/></nodes><edges/>\n"));
    REQUIRE(twice);
    CHECK(twice->line() == 5);
    CHECK(contains(twice->message(), "defined twice"));
  }
}

TEST_CASE("gexf reader: an edge to a missing node creates it, or is an error with --strict") {
  TempDir dir;
  const auto text = gexf13(
      "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"ghost\"/></edges>\n");
  const auto r = import_text(dir, "m.gexf", text);
  CHECK(r.graph.node_count() == 2);
  REQUIRE(r.report.created_nodes.size() == 1);
  CHECK(r.report.created_nodes[0].line == 5);
  CHECK(r.report.created_entry(0).message ==
        "node 'ghost' created: named as edge target but defined by no <node>");
  importers::ImportOptions strict;
  strict.strict = true;
  const auto err = import_error(dir, "m2.gexf", text, strict);
  REQUIRE(err);
  CHECK(err->line() == 5);
  CHECK(err->column() == 25);
  CHECK(contains(err->message(), "edge target 'ghost' names no <node>"));
}

TEST_CASE("gexf reader: no entity is ever expanded or fetched") {
  TempDir dir;
  SUBCASE("billion laughs: refused at once, in bounded time") {
    std::string doctype = "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
      doctype += " <!ENTITY lol" + std::to_string(i) + " \"";
      for (int k = 0; k < 10; ++k)
        doctype += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
      doctype += "\">\n";
    }
    doctype += "]>\n";
    const auto start = std::chrono::steady_clock::now();
    const auto err = import_error(
        dir, "lol.gexf",
        "<?xml version=\"1.0\"?>\n" + doctype +
            "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes><node id=\"a\" "
            "label=\"&lol9;\"/></nodes><edges/></graph></gexf>\n");
    REQUIRE(err);
    CHECK(err->line() == 2);
    CHECK(contains(err->message(), "never expands or fetches XML entities"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  }
  SUBCASE("external entity") {
    const auto err = import_error(
        dir, "xxe.gexf",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes><node id=\"a\" "
        "label=\"&xxe;\"/></nodes><edges/></graph></gexf>\n");
    REQUIRE(err);
    CHECK(contains(err->message(), "DOCTYPE declares entities"));
  }
  SUBCASE("an undeclared entity reference stays as text") {
    const auto r = import_text(
        dir, "ref.gexf",
        gexf13("<nodes><node id=\"a\" label=\"&xxe; &amp; &#233;\"/></nodes><edges/>\n"));
    CHECK(r.graph.node(0).label == "&xxe; & \xC3\xA9");
  }
}

TEST_CASE("gexf reader: a large file of junk is refused at once with its position") {
  TempDir dir;
  std::string junk(4 << 20, '\0');
  std::uint32_t state = 12345;
  for (auto& c : junk) {
    state = state * 1664525u + 1013904223u;
    c = static_cast<char>(state >> 24);
  }
  junk[0] = 'x';  // not '<': no element can start
  const auto start = std::chrono::steady_clock::now();
  const auto err = import_error(dir, "junk.gexf", junk);
  REQUIRE(err);
  CHECK(err->line() == 1);
  CHECK(err->column() == 1);
  CHECK(contains(err->message(), "not well-formed XML"));
  INFO(std::string(err->what()));
  CHECK_FALSE(contains(err->message(), "truncated"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("gexf reader: gzipped input") {
  TempDir dir;
  const auto path =
      dir.write_gz("g.gexf.gz", gexf13("<nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges>"
                                       "<edge source=\"a\" target=\"b\"/></edges>\n"));
  const auto r = importers::import_graph({path});
  CHECK(r.graph.edge_count() == 1);
}

TEST_CASE("gexf reader: every shared example file imports or fails with a located reason") {
  namespace fs = std::filesystem;
  std::size_t seen = 0;
  for (const char* folder : {"igraph_debian_examples", "networkx_debian_examples"}) {
    const fs::path dir = fs::path(ACTORNET_SHARED_DATA) / folder;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const auto ext = entry.path().extension().string();
      if (ext != ".gexf" && ext != ".graphml") continue;
      ++seen;
      CAPTURE(entry.path().string());
      try {
        const auto r = importers::import_graph({entry.path().string()});
        CHECK(r.graph.node_count() > 0);
      } catch (const ParseError& e) {
        CHECK(e.line() > 0);
        MESSAGE(e.what());
      }
    }
  }
  MESSAGE(seen << " GEXF/GraphML example files checked");
}
