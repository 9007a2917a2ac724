// JSON reader: NetworkX node-link ("links" or "edges") and cytoscape.js elements.
#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

TEST_CASE("json: NetworkX node-link with integer ids, keys and typed attributes") {
  TempDir dir;
  //   0 --(key 0)--> 1, 0 --(key 1)--> 1 (parallel), 1 --> 1
  const auto r = import_text(dir, "g.json", R"({
  "directed": true, "multigraph": true, "graph": {"name": "g"},
  "nodes": [{"id": 0, "label": "Zero", "kind": "person", "age": 41, "tags": ["a", 2]},
            {"id": 1, "score": 0.5, "ok": true, "start": 2001, "extra": {"k": 1}}],
  "edges": [{"source": 0, "target": 1, "key": 0, "relation": "met_with", "weight": 2},
            {"source": 0, "target": 1, "key": 1},
            {"source": 1, "target": 1, "key": "loop", "directed": false, "end": "2020-05-01"}]
})");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  CHECK(g.node(0).id == "0");
  CHECK(g.node(0).label == "Zero");
  CHECK(g.kind_name(0) == "person");
  CHECK(g.node_attribute(0, "age") == graph::Value{std::int64_t{41}});
  CHECK(g.node_attribute(0, "tags") == graph::Value{std::vector<std::string>{"a", "2"}});
  CHECK(g.node_attribute(1, "score") == graph::Value{0.5});
  CHECK(g.node_attribute(1, "ok") == graph::Value{true});
  CHECK(g.node_attribute(1, "extra") == graph::Value{std::string(R"({"k":1})")});
  CHECK(g.node(1).valid.start == graph::Date::year_only(2001));
  REQUIRE(g.edge_count() == 3);
  CHECK(g.edge(0).directed);
  CHECK(g.relation_name(0) == "met_with");
  CHECK(g.edge(0).weight == 2);
  CHECK(g.edge_id(1) == "e1");
  CHECK(g.edge_id(2) == "loop");
  CHECK_FALSE(g.edge(2).directed);
  CHECK(g.edge(2).valid.end == graph::Date::from_ymd(2020, 5, 1));
  CHECK(has_message(r.report.notes, "2 integer edge keys"));
  CHECK(has_message(r.report.notes, "graph attributes not kept: name"));
}

TEST_CASE("json: the older 'links' key, and no direction given") {
  TempDir dir;
  const auto r = import_text(dir, "l.json",
                             R"({"nodes": [{"id": "a"}, {"id": "b"}],
                                 "links": [{"source": "a", "target": "b"}]})");
  REQUIRE(r.graph.edge_count() == 1);
  CHECK_FALSE(r.graph.edge(0).directed);
  CHECK(has_message(r.report.defaulted, "no direction given: 1 edges read as undirected"));
}

TEST_CASE("json: cytoscape.js elements, grouped or as one array") {
  TempDir dir;
  const auto grouped = import_text(dir, "c.cyjs.json", R"({"elements": {
    "nodes": [{"data": {"id": "a", "name": "Alpha"}, "position": {"x": 1, "y": 2.5}},
              {"data": {"id": "b"}}],
    "edges": [{"data": {"id": "ab", "source": "a", "target": "b", "directed": true,
                        "relation": "calls"}}]}})");
  CHECK(grouped.graph.node(0).label == "Alpha");
  CHECK(grouped.graph.node_attribute(0, "x") == graph::Value{1.0});
  CHECK(grouped.graph.edge_id(0) == "ab");
  CHECK(grouped.graph.edge(0).directed);
  CHECK(grouped.graph.relation_name(0) == "calls");

  const auto flat = import_text(dir, "f.json", R"({"elements": [
    {"group": "edges", "data": {"source": "a", "target": "b"}},
    {"group": "nodes", "data": {"id": "a"}},
    {"data": {"id": "b"}}]})");
  CHECK(flat.graph.node_count() == 2);
  CHECK(flat.graph.edge_count() == 1);
}

TEST_CASE("json: malformed input names line and column") {
  TempDir dir;
  SUBCASE("truncated") {
    const auto e = import_error(dir, "t.json", "{\"nodes\": [\n  {\"id\": \"a\"},\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(contains(e->message(), "not valid JSON"));
  }
  SUBCASE("a bad number (NaN is not JSON)") {
    const auto e =
        import_error(dir, "n.json", "{\"nodes\": [{\"id\": \"a\", \"w\": NaN}], \"links\": []}");
    REQUIRE(e);
    CHECK(e->line() == 1);
    CHECK(e->column() == 29);
    CHECK(contains(e->message(), "NaN and Infinity are not JSON"));
  }
  SUBCASE("a number beyond a double (found by fuzzing: it escaped as nlohmann's out_of_range)") {
    const auto e = import_error(dir, "o.json", "{\"nodes\": [\n {\"id\": \"a\", \"w\": 2e308}]}");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 19);
    CHECK(contains(e->message(), "beyond the range of a double"));
  }
  SUBCASE("an edge to a missing node") {
    const auto e = import_error(dir, "m.json",
                                "{\"nodes\": [{\"id\": \"a\"}],\n \"links\": [\n"
                                "  {\"source\": \"a\", \"target\": \"a\"},\n"
                                "  {\"source\": \"a\", \"target\": \"zz\"}]}");
    REQUIRE(e);
    CHECK(e->line() == 4);
    CHECK(e->column() == 29);
    CHECK(contains(e->message(), "links[1].target: edge target 'zz' names no node"));
  }
  SUBCASE("the wrong layout, a weight that is not a number, a node without id") {
    auto e = import_error(dir, "w.json", "{\"graph\": {}}");
    REQUIRE(e);
    CHECK(contains(e->message(), "neither NetworkX node-link data"));
    e = import_error(dir, "x.json",
                     "{\"nodes\": [{\"id\": 1}, {\"id\": 2}],\n\"links\": [{\"source\": 1, "
                     "\"target\": 2, \"weight\": \"heavy\"}]}");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "weight \"heavy\" is not a number"));
    e = import_error(dir, "y.json", "{\"nodes\": [{\"label\": 1}]}");
    REQUIRE(e);
    CHECK(contains(e->message(), "nodes[0]: a node without an \"id\""));
  }
}
