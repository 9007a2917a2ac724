// RFC 4180 details, encodings and the errors of malformed files.
#include <doctest/doctest.h>

#include "importers/csv.hpp"
#include "importers/import.hpp"
#include "tests/importers/csv_fixture.hpp"

using actornet::importers::import_graph;
using actornet::importers::ImportOptions;
using namespace actornet::testing;

TEST_CASE("a UTF-8 BOM is skipped and CRLF line ends are accepted") {
  TempDir dir;
  // a -- b -- c
  const auto r = import_text(dir, "e.csv", "\xEF\xBB\xBFSource,Target\r\na,b\r\nb,c\r\n");
  CHECK(r.graph.node_count() == 3);
  CHECK(r.graph.edge_count() == 2);
  CHECK(r.graph.node(0).id == "a");
  CHECK(r.graph.node(2).id == "c");
  CHECK(r.report.edge_rows == 2);
}

TEST_CASE("quoted fields hold delimiters, doubled quotes and line breaks") {
  TempDir dir;
  const auto r = import_text(dir, "e.csv",
                             "source,target,note\n"
                             "\"a,1\",\"b \"\"x\"\"\",\"line1\nline2\"\n"
                             "c,d,\"\"\n");
  const auto& g = r.graph;
  REQUIRE(g.edge_count() == 2);
  CHECK(g.node(g.edge(0).source).id == "a,1");
  CHECK(g.node(g.edge(0).target).id == "b \"x\"");
  CHECK(std::get<std::string>(g.edge_attribute(0, "note")) == "line1\nline2");
  CHECK(actornet::graph::is_missing(g.edge_attribute(1, "note")));
}

TEST_CASE("line numbers are physical lines: a quoted line break counts") {
  TempDir dir;
  const auto e = import_error(dir, "e.csv",
                              "source,target,note\n"
                              "a,b,\"two\nlines\"\n"
                              "c,d\n");
  REQUIRE(e);
  CHECK(e->line() == 4);
  CHECK(e->column() == 4);
  CHECK(contains(e->message(), "this row has 2 fields but the header has 3"));
}

TEST_CASE("a row with too many fields points at the first extra one") {
  TempDir dir;
  const auto e = import_error(dir, "e.csv", "source,target\na,b\nc,d,x\n");
  REQUIRE(e);
  CHECK(e->file() == dir.path("e.csv"));
  CHECK(e->line() == 3);
  CHECK(e->column() == 5);
  CHECK(contains(e->message(), "3 fields but the header has 2"));
}

TEST_CASE("an unterminated quote is reported where it opened") {
  TempDir dir;
  const auto e = import_error(dir, "e.csv", "source,target\na,b\nc,\"d\ne,f\n");
  REQUIRE(e);
  CHECK(e->line() == 3);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "never closed"));
}

TEST_CASE("text after a closing quote is an error at that text") {
  TempDir dir;
  const auto e = import_error(dir, "e.csv", "source,target\n\"a\"x,b\n");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 4);
  CHECK(contains(e->message(), "after the closing quote"));
}

TEST_CASE("invalid UTF-8 is reported with its line and byte column") {
  TempDir dir;
  SUBCASE("a truncated sequence") {
    const auto e = import_error(dir, "e.csv", "source,target\na,b\nc\xC3(,d\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 2);
    CHECK(contains(e->message(), "invalid UTF-8"));
  }
  SUBCASE("an overlong form after valid multi-byte text") {
    const auto e = import_error(dir, "e.csv", "source,target\n\xC3\xA9t\xC3\xA9,\xC0\xAF\n");
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(e->column() == 7);
  }
  SUBCASE("valid UTF-8 passes") {
    const auto r = import_text(dir, "e.csv", "source,target\n\xC3\xA9t\xC3\xA9,\xE4\xB8\xAD\n");
    CHECK(r.graph.node(1).id == "\xE4\xB8\xAD");
  }
}

TEST_CASE("an empty file is an error; a header-only file is an empty graph") {
  TempDir dir;
  for (const char* content : {"", "\xEF\xBB\xBF", " \r\n\n"}) {
    const auto e = import_error(dir, "e.csv", content);
    REQUIRE(e);
    CHECK(e->file() == dir.path("e.csv"));
    CHECK(e->line() == 0);
    CHECK(contains(e->message(), "empty"));
  }
  const auto edges = import_text(dir, "e.csv", "source,target\n");
  CHECK(edges.graph.node_count() == 0);
  CHECK(edges.graph.edge_count() == 0);
  CHECK(edges.report.defaulted.empty());
  const auto nodes = import_text(dir, "n.csv", "id,label");
  CHECK(nodes.graph.node_count() == 0);
  CHECK(nodes.report.files.size() == 1);
}

TEST_CASE("blank lines, including trailing ones, are skipped") {
  TempDir dir;
  const auto r = import_text(dir, "e.csv", "source,target\na,b\n\r\n\nb,c\n\n\n");
  CHECK(r.graph.edge_count() == 2);
}

TEST_CASE("a file without a final line break reads its last row") {
  TempDir dir;
  const auto r = import_text(dir, "e.csv", "source,target\na,b\nb,\"c\"");
  CHECK(r.graph.edge_count() == 2);
  CHECK(r.graph.node(2).id == "c");
}

TEST_CASE("header cells must be named and distinct") {
  TempDir dir;
  const auto unnamed = import_error(dir, "e.csv", "source,,target\na,b,c\n");
  REQUIRE(unnamed);
  CHECK(unnamed->line() == 1);
  CHECK(unnamed->column() == 8);
  CHECK(contains(unnamed->message(), "has no name"));
  const auto twice = import_error(dir, "e.csv", "source,target,Source\na,b,c\n");
  REQUIRE(twice);
  CHECK(twice->column() == 15);
  CHECK(contains(twice->message(), "appears twice"));
}

TEST_CASE("a tab-separated file without header, with # comments") {
  TempDir dir;
  ImportOptions options;
  options.header = false;
  options.comment = "#";
  // 1 -> 2 -> 3, read as directed
  options.directed = true;
  const std::string text =
      "# Directed graph: a SNAP-style edge list\n"
      "# FromNodeId\tToNodeId\n"
      "1\t2\n"
      "# a comment between rows\n"
      "2\t3\n";
  const auto r = import_text(dir, "graph.txt", text, options);
  CHECK(r.graph.node_count() == 3);
  REQUIRE(r.graph.edge_count() == 2);
  CHECK(r.graph.edge(1).directed);
  CHECK(r.graph.node(r.graph.edge(1).source).id == "2");
  CHECK(has_message(r.report.defaulted, "no Type column: 2 edges read as directed"));

  // Line numbers still count the comments.
  const auto e = import_error(dir, "graph.tsv", text + "3\t4\t5\n", options);
  REQUIRE(e);
  CHECK(e->line() == 6);
  CHECK(contains(e->message(), "the first row has 2"));

  // The comma is the delimiter for other names, and a third column is an attribute named "3".
  const auto csv = import_text(dir, "graph.csv", "a,b,7\nb,c,8\n", options);
  CHECK(csv.graph.edge_count() == 2);
  CHECK(std::get<std::int64_t>(csv.graph.edge_attribute(1, "3")) == 8);
}

TEST_CASE("an explicit delimiter wins over the file name") {
  TempDir dir;
  ImportOptions options;
  options.delimiter = ';';
  const auto r = import_text(dir, "e.csv", "source;target;weight\na;b;2.5\n", options);
  CHECK(r.graph.edge_count() == 1);
  CHECK(r.graph.node(1).id == "b");
  CHECK(r.graph.edge(0).weight == 2.5);
  CHECK_THROWS_AS(import_text(dir, "e.csv", "source;target;weight\na;b;2,5\n"),
                  actornet::ParseError);
  CHECK(actornet::importers::delimiter_for("x/edges.TSV.gz", 0) == '\t');
  CHECK(actornet::importers::delimiter_for("x/edges.tab", 0) == '\t');
  CHECK(actornet::importers::delimiter_for("x/edges.csv.gz", 0) == ',');
  CHECK(actornet::importers::delimiter_for("x/edges.tsv", '|') == '|');
}

TEST_CASE("the tokenizer reports fields with their columns") {
  using actornet::importers::CsvField;
  using actornet::importers::CsvTokenizer;
  const std::string text = "a,\"b\"\"c\",\r\n\n\"x\ny\",z";
  CsvTokenizer tokenizer(text, 0, 1, ',', "", "t.csv");
  std::vector<CsvField> fields;
  REQUIRE(tokenizer.next(fields));
  CHECK(tokenizer.record_line() == 1);
  REQUIRE(fields.size() == 3);
  CHECK(fields[1].text == "b\"c");
  CHECK(fields[1].column == 3);
  CHECK(fields[2].text.empty());
  CHECK(fields[2].column == 10);
  REQUIRE(tokenizer.next(fields));
  CHECK(tokenizer.record_line() == 3);
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].text == "x\ny");
  CHECK(fields[1].column == 4);
  CHECK(tokenizer.end_column() == 5);
  CHECK_FALSE(tokenizer.next(fields));
}
