// Edges files: roles, defaults, created nodes, intervals, ids and their errors.
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "importers/import.hpp"
#include "tests/importers/csv_fixture.hpp"

using actornet::graph::AttrType;
using actornet::graph::Date;
using actornet::importers::import_graph;
using actornet::importers::ImportOptions;
using namespace actornet::testing;

TEST_CASE("edges: Gephi columns Id, Source, Target, Type, Kind, Weight") {
  TempDir dir;
  //   a ==met_with==> b      (directed, weight 2.5)
  //   b --co_chairs-- c      (undirected)
  const auto r = import_text(dir, "edges.csv",
                             "Id,Source,Target,Type,Kind,Weight\n"
                             "m1,a,b,Directed,met_with,2.5\n"
                             "c1,b,c,UNDIRECTED,co_chairs,1e0\n");
  const auto& g = r.graph;
  REQUIRE(g.edge_count() == 2);
  CHECK(g.edge(0).directed);
  CHECK_FALSE(g.edge(1).directed);
  CHECK(g.relation_name(0) == "met_with");
  CHECK(g.edge(0).weight == 2.5);
  CHECK(g.edge(1).weight == 1.0);
  CHECK(g.edge_id(1) == "c1");
  CHECK(g.find_edge("m1") == 0u);
  CHECK(has_message(r.report.notes, "column 'Kind' read as relation"));
  CHECK(r.report.defaulted.empty());
  CHECK(g.edge_attributes().size() == 0);
}

TEST_CASE("edges: parallel edges of different relations and self-loops are kept") {
  TempDir dir;
  //   a ==met_with== b
  //   a ==co_chairs= b      c --o (self-loop)
  const auto r = import_text(dir, "edges.csv",
                             "source,target,relation\n"
                             "a,b,met_with\n"
                             "a,b,co_chairs\n"
                             "a,b,met_with\n"
                             "c,c,called\n");
  const auto& g = r.graph;
  CHECK(g.node_count() == 3);
  REQUIRE(g.edge_count() == 4);
  CHECK(g.relation_name(1) == "co_chairs");
  CHECK(g.edge(3).source == g.edge(3).target);
  CHECK(r.report.created_nodes.size() == 3);
}

TEST_CASE("edges: defaults applied are counted once per file") {
  TempDir dir;
  const auto r = import_text(dir, "edges.csv",
                             "source,target,type,relation,weight\n"
                             "a,b,,,\n"
                             "b,c,directed,,4\n"
                             "c,d,,met,\n");
  const auto& g = r.graph;
  CHECK_FALSE(g.edge(0).directed);
  CHECK(g.relation_name(0) == "related_to");
  CHECK(g.edge(2).weight == 1.0);
  CHECK(has_message(r.report.defaulted,
                    "empty Type cell: 2 edges read as undirected (pass --directed to change"));
  CHECK(has_message(r.report.defaulted, "empty relation cell: 2 edges get relation 'related_to'"));
  CHECK(has_message(r.report.defaulted, "empty Weight cell: 2 edges get weight 1"));
  CHECK(r.report.defaulted.size() == 3);
  CHECK(r.report.defaulted[0].line == 2);

  ImportOptions directed;
  directed.directed = true;
  const auto d =
      import_text(dir, "edges.csv", "source,target,type\na,b,\nb,c,undirected\n", directed);
  CHECK(d.graph.edge(0).directed);
  CHECK_FALSE(d.graph.edge(1).directed);

  const auto bare = import_text(dir, "edges.csv", "source,target\na,b\n");
  CHECK(has_message(bare.report.defaulted,
                    "no Type column: 1 edges read as undirected (pass --directed to change)"));
  CHECK(has_message(bare.report.defaulted, "no relation column"));
  CHECK(has_message(bare.report.defaulted, "no Weight column: 1 edges get weight 1"));
}

TEST_CASE("edges: nodes named only by edges are created and reported at first mention") {
  TempDir dir;
  const auto nodes = dir.write("nodes.csv", "id,kind\na,person\n");
  const auto edges = dir.write("edges.csv", "source,target\na,b\nb,c\nc,a\n");
  const auto r = import_graph({nodes, edges});
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 3);
  CHECK(g.kind_name(1) == "other");
  CHECK(g.node(1).label == "b");
  REQUIRE(r.report.created_nodes.size() == 2);
  CHECK(r.report.files[r.report.created_nodes[0].file] == edges);
  CHECK(r.report.created_nodes[0].id == "b");
  CHECK(r.report.created_nodes[0].line == 2);
  const auto entry = r.report.created_entry(0);
  CHECK(entry.file == edges);
  CHECK(entry.line == 2);
  CHECK(entry.message == "node 'b' created: an edge names it and no node row defines it");
  CHECK(r.report.created_nodes[1].line == 3);
  CHECK(r.report.created_nodes[1].id == "c");
}

TEST_CASE("edges: ids written as numbers name the node of that exact text") {
  // Small decimal numbers are looked up by value (importers/csv.cpp, EndpointIndex); ids that
  // only read as the same number ("05", "+5", "5.0") are other nodes, and numbers past the
  // table's bound, of ten digits or more, or negative are looked up as text.
  TempDir dir;
  const auto nodes = dir.write("nodes.csv", "id,kind\n5,person\n0,person\n1234567890,person\n");
  const auto edges = dir.write("edges.csv",
                               "source,target\n5,05\n0,00\n+5,5.0\n1234567890,999999999\n"
                               "-1,5\n\"5\",0\n1234567890,999999999\n");
  const auto r = import_graph({nodes, edges});
  const auto& g = r.graph;
  const std::vector<std::string> expected = {"5",  "0",   "1234567890", "05", "00",
                                             "+5", "5.0", "999999999",  "-1"};
  REQUIRE(g.node_count() == expected.size());
  for (std::size_t n = 0; n < expected.size(); ++n)
    CHECK(g.node(static_cast<actornet::graph::NodeIndex>(n)).id == expected[n]);
  CHECK(g.kind_name(g.node(0).kind) == "person");
  REQUIRE(g.edge_count() == 7);
  CHECK(g.edge(4).target == 0);  // -1,5: the node row's 5
  CHECK(g.edge(5).source == 0);  // "5" quoted is the same text
  CHECK(g.edge(5).target == 1);
  CHECK(g.edge(6).source == 2);
  CHECK(g.edge(6).target == 7);
  CHECK(r.report.created_nodes.size() == 6);
}

TEST_CASE("edges: numbered and named ids of a big file, against a map of first appearances") {
  // Ids from 0 to 10^6 - 1 with and without a leading zero or a letter, so that some are past
  // the number table's bound (twice the rows) and every kind of id repeats.
  constexpr int kRows = 20000;
  std::string text = "source,target\n";
  std::vector<std::pair<std::string, std::string>> rows;
  std::uint64_t state = 12345;
  auto next_id = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto value = (state >> 33) % (state % 4 == 0 ? 1000000 : 3000);
    switch ((state >> 20) % 6) {
      case 0:
        return fmt::format("0{}", value);
      case 1:
        return fmt::format("n{}", value);
      default:
        return fmt::format("{}", value);
    }
  };
  for (int i = 0; i < kRows; ++i) {
    rows.emplace_back(next_id(), next_id());
    text += rows.back().first + "," + rows.back().second + "\n";
  }
  TempDir dir;
  const auto r = import_text(dir, "edges.csv", text);
  const auto& g = r.graph;
  std::map<std::string, actornet::graph::NodeIndex> first;
  for (const auto& [source, target] : rows)
    for (const auto& id : {source, target})
      first.emplace(id, static_cast<actornet::graph::NodeIndex>(first.size()));
  REQUIRE(g.node_count() == first.size());
  for (const auto& [id, n] : first)
    REQUIRE(g.node(n).id == id);
  REQUIRE(g.edge_count() == rows.size());
  for (actornet::graph::EdgeIndex e = 0; e < rows.size(); ++e) {
    REQUIRE(g.edge(e).source == first.at(rows[e].first));
    REQUIRE(g.edge(e).target == first.at(rows[e].second));
  }
}

TEST_CASE("edges: strict mode refuses nodes no node row defines") {
  TempDir dir;
  const auto nodes = dir.write("nodes.csv", "id\na\nb\n");
  const auto edges = dir.write("edges.csv", "source,target\na,b\nb,zed\n");
  ImportOptions options;
  options.strict = true;
  const auto e = parse_error_of([&] { import_graph({nodes, edges}, options); });
  REQUIRE(e);
  CHECK(e->file() == edges);
  CHECK(e->line() == 3);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "'zed' names a node that no node row defines"));
  CHECK(contains(e->message(), "--strict"));
}

TEST_CASE("edges: date, start/end and timeset give the validity interval") {
  TempDir dir;
  const auto r = import_text(dir, "edges.csv",
                             "source,target,date,start,end\n"
                             "a,b,2024-07,,\n"
                             "a,b,2014-01-01 00:00:00,,\n"
                             "a,b,2014-01-01T10:00:00,,\n"
                             "a,b,,2021-01-20,2025-01-20\n"
                             "a,b,,,2025\n"
                             "a,b,,,\n");
  const auto& g = r.graph;
  CHECK(g.edge(0).valid.start == Date::year_month(2024, 7));
  CHECK(g.edge(0).valid.end == Date::year_month(2024, 8));
  CHECK(g.edge(1).valid.start == Date::from_ymd(2014, 1, 1));
  CHECK(g.edge(1).valid.end == Date::from_ymd(2014, 1, 2));
  CHECK(g.edge(2).valid.start == Date::from_ymd(2014, 1, 1));
  CHECK(g.edge(3).valid.to_string() == "2021-01-20/2025-01-20");
  CHECK(g.edge(4).valid.to_string() == "../2025");
  CHECK(g.edge(5).valid.unbounded());
}

TEST_CASE("edges: interval errors") {
  TempDir dir;
  SUBCASE("a date together with start/end") {
    const auto e = import_error(dir, "edges.csv", "source,target,date,start\na,b,2020,2019\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 5);
    CHECK(contains(e->message(), "both a date"));
  }
  SUBCASE("start not before end") {
    const auto e = import_error(dir, "edges.csv", "source,target,start,end\na,b,2020,2020-01-01\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 10);
    CHECK(contains(e->message(), "is empty"));
  }
  SUBCASE("an unparsable date names its column") {
    const auto e = import_error(dir, "edges.csv", "source,target,date\na,b,2020\nb,c,1886.01.11\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 5);
    CHECK(contains(e->message(), "'1886.01.11' in column 'date' is not a date"));
  }
  SUBCASE("a Unix timestamp is not a date") {
    ImportOptions options;
    options.columns.date = "timestamp";
    const auto e =
        import_error(dir, "edges.csv", "source,target,timestamp\na,b,1082040961\n", options);
    REQUIRE(e);
    CHECK(e->column() == 5);
    CHECK(contains(e->message(), "in column 'timestamp' is not a date"));
  }
}

TEST_CASE("edges: malformed cells are errors at their line and column") {
  TempDir dir;
  SUBCASE("empty source") {
    const auto e = import_error(dir, "edges.csv", "source,target\na,b\n,b\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 1);
    CHECK(contains(e->message(), "empty source"));
  }
  SUBCASE("empty target") {
    const auto e = import_error(dir, "edges.csv", "target,source\n,b\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 1);
    CHECK(contains(e->message(), "empty target (column 'target')"));
  }
  SUBCASE("unknown direction") {
    const auto e = import_error(dir, "edges.csv", "source,target,type\na,b,mutual\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 5);
    CHECK(contains(e->message(), "'mutual' in column 'type' is not a direction"));
  }
  SUBCASE("unparsable weight") {
    const auto e = import_error(dir, "edges.csv", "source,target,weight\na,b,1\nb,c,heavy\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 5);
    CHECK(contains(e->message(), "weight 'heavy' in column 'weight' is not a finite number"));
  }
  SUBCASE("a weight that is not finite") {
    const auto e = import_error(dir, "edges.csv", "source,target,weight\na,b,nan\n");
    REQUIRE(e);
    CHECK(contains(e->message(), "not a finite number"));
  }
  SUBCASE("confidence outside [0, 1]") {
    const auto e = import_error(dir, "edges.csv", "source,target,Confidence\na,b,1\nb,c,80\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 5);
    CHECK(contains(e->message(), "outside [0, 1]"));
  }
}

TEST_CASE("edges: duplicate edge ids are an error naming both lines") {
  TempDir dir;
  const auto e = import_error(dir, "edges.csv", "id,source,target\nx,a,b\ny,b,c\nx,c,a\n");
  REQUIRE(e);
  CHECK(e->line() == 4);
  CHECK(e->column() == 1);
  CHECK(contains(e->message(), "edge id 'x' is used twice, at line 2 and here"));

  // An id of the generated form e<n> must name its own position.
  const auto g = import_error(dir, "edges.csv", "id,source,target\ne0,a,b\ne7,b,c\n");
  REQUIRE(g);
  CHECK(g->line() == 3);
  CHECK(g->column() == 1);
  CHECK(contains(g->message(), "e<number>"));

  // Empty ids are generated.
  const auto ok = import_text(dir, "edges.csv", "id,source,target\n,a,b\nk,b,c\n");
  CHECK(ok.graph.edge_id(0) == "e0");
  CHECK(has_message(ok.report.defaulted, "empty Id cell: 1 edges get a generated id"));
}

TEST_CASE("edges: a missing source or target column says which, lists the columns and the flags") {
  TempDir dir;
  const auto nodes_dir = dir.path("ds");
  dir.write("ds/edges.csv", "from,target\na,b\n");
  const auto e = parse_error_of([&] { import_graph({nodes_dir}); });
  REQUIRE(e);
  CHECK(e->file() == dir.path("ds/edges.csv"));
  CHECK(e->line() == 1);
  CHECK(e->column() == 0);
  CHECK(contains(e->message(), "no 'source' column"));
  CHECK(contains(e->message(), "'from', 'target'"));
  CHECK(contains(e->message(), "--source-column/--target-column"));

  ImportOptions options;
  options.columns.source = "src";
  options.columns.target = "dst";
  const auto both = import_error(dir, "e.csv", "source,target,label\na,b,x\n", options);
  REQUIRE(both);
  CHECK(contains(both->message(), "neither an edges file"));
  dir.write("ds/edges.csv", "source,target,label\na,b,x\n");
  const auto named = parse_error_of([&] { import_graph({nodes_dir}, options); });
  REQUIRE(named);
  CHECK(contains(named->message(), "no 'src' and no 'dst' column"));
}

TEST_CASE("edges: column overrides, as for the shared event files") {
  TempDir dir;
  ImportOptions options;
  options.columns.source = "FROM";
  options.columns.target = "to";
  options.columns.relation = "event_type";
  options.columns.date = "year";
  options.columns.weight = "shared_igos";
  const auto r = import_text(dir, "edges.csv",
                             "from,to,event_type,year,shared_igos,relation\n"
                             "USA,CAN,igo,1920,7,x\n"
                             "USA,CAN,igo,1921,8,y\n",
                             options);
  const auto& g = r.graph;
  REQUIRE(g.edge_count() == 2);
  CHECK(g.relation_name(0) == "igo");
  CHECK(g.edge(1).weight == 8.0);
  CHECK(g.edge(0).valid.start == Date::year_only(1920));
  CHECK(g.edge(0).valid.end == Date::year_only(1921));
  CHECK(std::get<std::string>(g.edge_attribute(1, "relation")) == "y");
  CHECK(has_message(r.report.notes, "column 'shared_igos' read as weight (--weight-column)"));
  CHECK(has_message(r.report.notes, "column 'year' read as date (--date-column)"));

  // Without the overrides the same columns are attributes, with a hint.
  const auto plain = import_text(dir, "e2.csv", "source,target,event_type,year\na,b,igo,1920\n");
  CHECK(has_message(plain.report.notes, "pass --relation-column event_type"));
  CHECK(has_message(plain.report.notes, "pass --date-column year"));
  CHECK(plain.graph.relation_name(0) == "related_to");

  // An override naming a column the file lacks reads nothing for that role, and says so.
  ImportOptions absent;
  absent.columns.date = "year";
  const auto none = import_text(dir, "e3.csv", "source,target,date\na,b,2020\n", absent);
  CHECK(none.graph.edge(0).valid.unbounded());
  CHECK(has_message(none.report.notes, "no column 'year' (given by --date-column)"));
  CHECK(has_message(none.report.notes, "attribute 'date' inferred as int"));
}

TEST_CASE("edges: provenance attributes keep their reserved names and types") {
  TempDir dir;
  const auto r = import_text(dir, "edges.csv",
                             "source,target,Provenance,confidence,event_id,evidence,note\n"
                             "a,b,https://example.org/1,1,17,\"\"\"we met\"\"\",2\n"
                             "a,b,,0.5,18,,3\n");
  const auto& g = r.graph;
  const auto& table = g.edge_attributes();
  REQUIRE(table.find("provenance"));
  CHECK(table.column(*table.find("confidence")).type == AttrType::Real);
  CHECK(table.column(*table.find("event_id")).type == AttrType::String);
  CHECK(table.column(*table.find("note")).type == AttrType::Integer);
  CHECK(std::get<double>(g.edge_attribute(0, "confidence")) == 1.0);
  CHECK(std::get<std::string>(g.edge_attribute(0, "evidence")) == "\"we met\"");
  CHECK(std::get<std::string>(g.edge_attribute(1, "event_id")) == "18");
  CHECK(has_message(r.report.notes, "column 'Provenance' stored as attribute 'provenance'"));

  const auto e = import_error(dir, "edges.csv", "source,target,confidence:int\na,b,1\n");
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == 15);
  CHECK(contains(e->message(), "reals in [0, 1]"));
}

TEST_CASE("edges: gzip input is read transparently; corrupt gzip is an error naming the file") {
  TempDir dir;
  std::string text = "source,target,relation\n";
  for (int i = 0; i < 5000; ++i)
    text += "n" + std::to_string(i) + ",n" + std::to_string(i + 1) + ",r\n";
  const auto path = dir.write_gz("edges.csv.gz", text);
  const auto r = import_graph({path});
  CHECK(r.graph.edge_count() == 5000);
  CHECK(r.graph.node_count() == 5001);

  const auto bad = dir.write("bad.csv.gz", "source,target\na,b\n");
  const auto e = parse_error_of([&] { import_graph({bad}); });
  REQUIRE(e);
  CHECK(e->file() == bad);
  CHECK(contains(e->message(), "gzip"));

  std::string compressed;
  {
    std::ifstream in(path, std::ios::binary);
    compressed.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto truncated = dir.write("cut.csv.gz", compressed.substr(0, compressed.size() / 2));
  const auto t = parse_error_of([&] { import_graph({truncated}); });
  REQUIRE(t);
  CHECK(t->file() == truncated);
  CHECK(contains(t->message(), "gzip"));
}

// Rows are tokenized in batches ahead of being resolved (importers/csv.cpp): over many batches,
// with quoted fields among them, nodes are numbered and errors reported as one pass in file
// order would.
TEST_CASE("edges: big files read as small ones, errors in file order") {
  constexpr int kRows = 60000;
  // Row i joins n<i mod 7919> and n<(i * 31) mod 7919>; every 1000th row has a quoted target
  // with a doubled quote inside.
  auto row = [](int i) {
    if (i % 1000 == 999) return fmt::format("n{},\"q\"\"{}\"\n", i % 7919, i);
    return fmt::format("n{},n{}\n", i % 7919, (i * 31) % 7919);
  };
  std::string text = "source,target\n";
  for (int i = 0; i < kRows; ++i)
    text += row(i);
  TempDir dir;
  const auto r = import_text(dir, "edges.csv", text);
  const auto& g = r.graph;
  REQUIRE(g.edge_count() == kRows);
  // Nodes are numbered by first appearance, source before target, as one pass would.
  std::vector<std::string> expected;
  std::set<std::string> seen;
  for (int i = 0; i < kRows; ++i) {
    const std::string source = fmt::format("n{}", i % 7919);
    const std::string target =
        i % 1000 == 999 ? fmt::format("q\"{}", i) : fmt::format("n{}", (i * 31) % 7919);
    for (const auto& id : {source, target})
      if (seen.insert(id).second) expected.push_back(id);
  }
  REQUIRE(g.node_count() == expected.size());
  for (std::size_t n = 0; n < expected.size(); ++n)
    REQUIRE(g.node(static_cast<actornet::graph::NodeIndex>(n)).id == expected[n]);
  CHECK(g.node(g.edge(kRows - 1).target).id == fmt::format("q\"{}", kRows - 1));
  REQUIRE(r.report.created_nodes.size() == expected.size());
  CHECK(r.report.created_nodes.back().line == kRows + 1);

  // A row of the wrong width, a bad quote and an unknown node under --strict, each deep in
  // the file, with good rows after them: the error is the row's own.
  auto with_row = [&](int at, const std::string& bad) {
    std::string t = "source,target\n";
    for (int i = 0; i < kRows; ++i)
      t += i == at ? bad : row(i);
    return t;
  };
  auto e = import_error(dir, "width.csv", with_row(41234, "a,b,c\n"));
  REQUIRE(e);
  CHECK(e->line() == 41236);
  CHECK(contains(e->message(), "this row has 3 fields"));
  e = import_error(dir, "quote.csv", with_row(50001, "a,\"b\"c\n"));
  REQUIRE(e);
  CHECK(e->line() == 50003);
  CHECK(contains(e->message(), "after the closing quote"));
  const auto nodes = dir.write("nodes.csv", "id\nn0\nn1\n");
  ImportOptions strict;
  strict.strict = true;
  std::string strict_text = "source,target\n";
  for (int i = 0; i < kRows; ++i)
    strict_text += i == 30000 ? "n0,zed\n" : "n0,n1\n";
  const auto strict_edges = dir.write("strict.csv", strict_text);
  e = parse_error_of([&] { import_graph({nodes, strict_edges}, strict); });
  REQUIRE(e);
  CHECK(e->line() == 30002);
  CHECK(contains(e->message(), "'zed' names a node that no node row defines"));
}
