// The readers' limits (importers/limits.hpp): each is a ParseError naming file, line and column
// and saying what to do, never a crash; inputs just inside a limit are read.
#include <cstdint>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "importers/csv.hpp"
#include "importers/events_stream.hpp"
#include "importers/limits.hpp"
#include "importers/scenario_file.hpp"
#include "importers/text.hpp"
#include "importers/text_source.hpp"
#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;
using importers::kLimits;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i)
    out += piece;
  return out;
}

// The 1-based column of the first byte of `text` at which `piece` starts its `n`-th repeat
// (1-based), when `text` is `prefix` followed by repeats of `piece`.
std::size_t column_of_repeat(std::string_view prefix, std::string_view piece, std::size_t n) {
  return prefix.size() + (n - 1) * piece.size() + 1;
}

// A node-link JSON file whose one node has attribute "x" = `value`.
std::string json_with_value(const std::string& value) {
  return R"({"nodes": [{"id": "a", "x": )" + value + R"(}], "links": []})";
}

// The ParseError reading a scenario text raises (nullopt when it reads, or fails otherwise).
std::optional<ParseError> scenario_error(const std::string& text, bool yaml) {
  return parse_error_of([&] { importers::parse_scenario(text, yaml ? "s.yaml" : "s.json", yaml); });
}

}  // namespace

TEST_CASE("limits: the numbers hold what the 32-bit graph and view need") {
  // Node indices are 32-bit, a View keeps UINT32_MAX for "no vertex" and n + 1 offsets.
  CHECK(kLimits.nodes + 1 <= std::uint64_t{UINT32_MAX});
  CHECK(kLimits.nodes < std::uint64_t{UINT32_MAX});
  // An undirected edge is two arcs in a View, counted in 32 bits.
  CHECK(2 * kLimits.edges <= std::uint64_t{UINT32_MAX});
  // The CSV node-id index keeps lengths in 32 bits (UINT32_MAX meaning an empty slot).
  CHECK(kLimits.field_bytes < std::uint64_t{UINT32_MAX});
  CHECK(kLimits.int_file_bytes == std::uint64_t{INT32_MAX});
  CHECK(kLimits.file_bytes >= kLimits.int_file_bytes);
  CHECK(kLimits.pajek_vertices < kLimits.nodes);
  CHECK(kLimits.dl_count < kLimits.nodes);
}

TEST_CASE("limits: node and edge counts stop before the index type overflows") {
  //   a -- b
  graph::Graph g;
  const auto a = g.add_node("a");
  const auto b = g.add_node("b");
  g.add_edge({"", a, b});
  // The real maxima need billions of elements: the check itself, with small ones.
  CHECK_NOTHROW(importers::detail::check_node_room(g, "f.csv", 3, 3));
  auto e = parse_error_of([&] { importers::detail::check_node_room(g, "f.csv", 3, 2); });
  REQUIRE(e);
  CHECK(e->file() == "f.csv");
  CHECK(e->line() == 3);
  CHECK(contains(e->message(), "more than 2 nodes"));
  CHECK(contains(e->message(), "split the input or filter it"));
  CHECK_NOTHROW(importers::detail::check_edge_room(g, "f.csv", 4, 2));
  e = parse_error_of([&] { importers::detail::check_edge_room(g, "f.csv", 4, 1); });
  REQUIRE(e);
  CHECK(e->line() == 4);
  CHECK(contains(e->message(), "more than 1 edges"));
  // The defaults are the documented limits.
  CHECK_NOTHROW(importers::detail::check_node_room(g, "f.csv", 1));
  CHECK_NOTHROW(importers::detail::check_edge_room(g, "f.csv", 1));
}

TEST_CASE("limits: whole-file readers stop at their byte limit, gzip bombs too") {
  TempDir dir;
  const std::string text(1000, 'x');
  const auto plain = dir.write("f.gml", text);
  CHECK(importers::read_text_file(plain, 1000) == text);
  auto e = parse_error_of([&] { importers::read_text_file(plain, 999); });
  REQUIRE(e);
  CHECK(e->file() == plain);
  CHECK(contains(e->message(), "holds more than 999 bytes"));
  CHECK(contains(e->message(), "split it into several files"));
  // 4 MiB of zeros compress to a few kB: the reader stops at the limit, not at the end.
  const auto gz = dir.write_gz("bomb.gml.gz", std::string(std::size_t{4} << 20, '\0'));
  e = parse_error_of([&] { importers::read_text_file(gz, std::size_t{1} << 20); });
  REQUIRE(e);
  CHECK(contains(e->message(), "decompresses to more than 1 MiB"));
  CHECK(importers::read_text_file(gz, std::size_t{4} << 20).size() == std::size_t{4} << 20);
}

TEST_CASE("limits: JSON nesting, before nlohmann's recursion") {
  TempDir dir;
  // The file's object, "nodes", the node: three levels; 253 more reach the limit of 256.
  auto inside = import_text(dir, "ok.json", json_with_value(repeat("[", 253) + repeat("]", 253)));
  CHECK(inside.graph.node_count() == 1);
  const std::string prefix = R"({"nodes": [{"id": "a", "x": )";
  auto e = import_error(dir, "d.json", json_with_value(repeat("[", 254) + repeat("]", 254)));
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == column_of_repeat(prefix, "[", 254));
  CHECK(contains(e->message(), "JSON arrays and objects nested more than 256 levels deep"));
  CHECK(contains(e->message(), "Limits in README.md"));
  // 100,000 levels (a stack overflow before the limit), of arrays and of objects.
  e = import_error(dir, "d.json", json_with_value(repeat("[", 100000) + repeat("]", 100000)));
  REQUIRE(e);
  CHECK(e->column() == column_of_repeat(prefix, "[", 254));
  e = import_error(dir, "o.json",
                   "{\"nodes\": [\n{\"id\": \"a\", \"x\": " + repeat(R"({"a": )", 100000) + "1" +
                       repeat("}", 100000) + "}], \"links\": []}");
  REQUIRE(e);
  CHECK(e->line() == 2);
  // Brackets inside strings are text.
  inside = import_text(dir, "s.json", json_with_value('"' + repeat("[{", 1000) + '"'));
  CHECK(inside.graph.node_count() == 1);
}

TEST_CASE("limits: JSON attribute names per file") {
  TempDir dir;
  // A node with the most attributes allowed, then one more.
  std::string members;
  for (std::size_t i = 0; i < kLimits.attributes; ++i)
    members += fmt::format(", \"a{}\": {}", i, i);
  const auto inside =
      import_text(dir, "ok.json", R"({"nodes": [{"id": "n")" + members + "}], \"links\": []}");
  CHECK(inside.graph.node_attributes().size() == kLimits.attributes);
  const auto e = import_error(
      dir, "w.json", R"({"nodes": [{"id": "n")" + members + ",\n \"last\": 1}], \"links\": []}");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 10);  // the member's value
  CHECK(
      contains(e->message(), "more than 16384 distinct node attribute names (the next is 'last')"));
}

TEST_CASE("limits: GML records nesting and attribute names") {
  TempDir dir;
  // graph [ and node [ are two levels; 254 more reach the limit.
  const std::string prefix = "graph [ node [ id 1 x ";
  auto r = import_text(dir, "ok.gml", prefix + repeat("[ a ", 254) + "1" + repeat(" ]", 256));
  CHECK(r.graph.node_count() == 1);
  auto e = import_error(dir, "d.gml", prefix + repeat("[ a ", 255) + "1" + repeat(" ]", 257));
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == column_of_repeat(prefix, "[ a ", 255));
  CHECK(contains(e->message(), "records nested more than 256 levels deep"));
  e = import_error(dir, "deep.gml", prefix + repeat("[ a ", 100000));
  REQUIRE(e);
  CHECK(e->column() == column_of_repeat(prefix, "[ a ", 255));

  std::string keys;
  for (std::size_t i = 0; i < kLimits.attributes; ++i)
    keys += fmt::format(" a{} 1", i);
  r = import_text(dir, "ok2.gml", "graph [ node [ id 1" + keys + " ] ]");
  CHECK(r.graph.node_attributes().size() == kLimits.attributes);
  e = import_error(dir, "w.gml", "graph [ node [ id 1" + keys + "\n last 1 ] ]");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 2);
  CHECK(contains(e->message(), "(the next is 'last')"));
}

TEST_CASE("limits: DOT brace nesting, before cgraph's parser") {
  TempDir dir;
  // The graph's body is the first level.
  auto r = import_text(
      dir, "ok.dot",
      "digraph {\n" + repeat("subgraph { ", 255) + "a -> b" + repeat(" }", 255) + "\n}\n");
  CHECK(r.graph.node_count() == 2);
  auto e = import_error(
      dir, "d.dot",
      "digraph {\n" + repeat("subgraph { ", 256) + "a -> b" + repeat(" }", 256) + "\n}\n");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == column_of_repeat("", "subgraph { ", 256) + 9);
  CHECK(contains(e->message(), "DOT braces (subgraphs in subgraphs) nested more than 256"));
  // cgraph's own parser gives up past a few thousand levels with a bare "syntax error".
  e = import_error(dir, "deep.dot", "graph {\n" + repeat("{ ", 100000) + "a" + repeat("}", 100000));
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 2 * 255 + 1);
  // Braces in quoted strings, HTML strings and comments are text.
  r = import_text(dir, "s.dot",
                  "graph {\n a [label=\"" + repeat("{", 300) + "\"]\n b [label=<" +
                      repeat("<b>{</b>", 300) + ">]\n // " + repeat("{", 300) + "\n /* " +
                      repeat("{", 300) + " */\n# " + repeat("{", 300) + "\n a -- b\n}\n");
  CHECK(r.graph.node_count() == 2);
}

TEST_CASE("limits: DOT attribute names per file") {
  TempDir dir;
  std::string attrs;
  for (std::size_t i = 0; i <= kLimits.attributes; ++i)
    attrs += fmt::format(" a{}=1", i);
  const auto e = import_error(dir, "w.dot", "graph {\n x [" + attrs + "]\n}\n");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(contains(e->message(), "more than 16384 distinct node attribute names"));
}

TEST_CASE("limits: XML nesting needs no limit: pugixml parses without recursion") {
  TempDir dir;
  const std::string deep = repeat("<x>", 100000) + repeat("</x>", 100000);
  auto r = import_text(dir, "deep.gexf",
                       "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
                       "<node id=\"a\">" +
                           deep + "</node></nodes></graph></gexf>");
  CHECK(r.graph.node_count() == 1);
  r = import_text(dir, "deep.graphml",
                  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph "
                  "edgedefault=\"undirected\"><node id=\"a\">" +
                      deep + "</node></graph></graphml>");
  CHECK(r.graph.node_count() == 1);
}

TEST_CASE("limits: GEXF and GraphML attribute declarations per file") {
  TempDir dir;
  std::string decls;
  for (std::size_t i = 0; i <= kLimits.attributes; ++i)
    decls += fmt::format("<attribute id=\"{}\" title=\"t{}\" type=\"string\"/>\n", i, i);
  auto e = import_error(dir, "w.gexf",
                        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph>\n"
                        "<attributes class=\"node\">\n" +
                            decls + "</attributes><nodes/></graph></gexf>");
  REQUIRE(e);
  CHECK(e->line() == 3 + kLimits.attributes);
  CHECK(contains(e->message(),
                 "more than 16384 distinct node attribute names (the next is "
                 "'t16384')"));
  std::string keys;
  for (std::size_t i = 0; i <= kLimits.attributes; ++i)
    keys +=
        fmt::format("<key id=\"k{}\" for=\"edge\" attr.name=\"e{}\" attr.type=\"int\"/>\n", i, i);
  e = import_error(dir, "w.graphml",
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" + keys +
                       "<graph edgedefault=\"undirected\"/></graphml>");
  REQUIRE(e);
  CHECK(e->line() == 2 + kLimits.attributes);
  CHECK(contains(e->message(),
                 "more than 16384 distinct edge attribute names (the next is "
                 "'e16384')"));
}

TEST_CASE("limits: CSV columns per file and over several files") {
  TempDir dir;
  std::string header = "source,target";
  for (std::size_t i = 2; i < kLimits.attributes; ++i)
    header += fmt::format(",a{}", i);
  auto r = import_text(dir, "ok.csv",
                       header + "\nx,y" + std::string(kLimits.attributes - 2, ',') + "\n");
  CHECK(r.graph.edge_attributes().size() == kLimits.attributes - 2);
  auto e = import_error(dir, "w.csv", header + ",one,two\nx,y\n");
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == header.size() + 2);  // the cell past the limit: "one"
  CHECK(contains(e->message(), "the header has 16386 columns; actornet reads at most 16384"));
  // Node files each within the limit whose attributes together pass it.
  std::string first = "id", second = "id";
  for (std::size_t i = 0; i < 9000; ++i) {
    first += fmt::format(",p{}", i);
    second += fmt::format(",q{}", i);
  }
  const auto a = dir.write("a.csv", first + "\nn1" + std::string(9000, ',') + "\n");
  const auto b = dir.write("b.csv", second + "\nn2" + std::string(9000, ',') + "\n");
  e = parse_error_of([&] { importers::import_graph({a, b}); });
  REQUIRE(e);
  CHECK(e->file() == b);
  CHECK(e->line() == 1);
  CHECK(contains(e->message(), "counted over every CSV file read"));
}

TEST_CASE("limits: CSV field length, quoted or not") {
  using importers::CsvTokenizer;
  std::vector<importers::CsvField> fields;
  // With a limit of 8 bytes: 8 are read, 9 are refused where the field starts.
  // (A quoted field counts as written: "123""456" is 8 bytes.)
  CsvTokenizer fits("a,12345678\n\"123\"\"456\",b\n", 0, 1, ',', "", "f.csv", 8);
  CHECK(fits.next(fields));
  CHECK(fits.next(fields));
  CHECK(fields[0].text == "123\"456");
  CsvTokenizer plain("a,b\nc,123456789\n", 0, 1, ',', "", "f.csv", 8);
  CHECK(plain.next(fields));
  auto e = parse_error_of([&] { plain.next(fields); });
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "this field is longer than 8 bytes"));
  CsvTokenizer quoted("a,\"12\n3456789\"\n", 0, 1, ',', "", "f.csv", 8);
  e = parse_error_of([&] { quoted.next(fields); });
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "a quote is probably missing"));
  // The documented limit, through the importer.
  TempDir dir;
  e = import_error(
      dir, "long.csv",
      "source,target,note\na,b,\"" + std::string(kLimits.field_bytes + 1, 'y') + "\"\n");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 5);
  CHECK(contains(e->message(), "longer than 16 MiB"));
}

TEST_CASE("limits: streamed event records") {
  TempDir dir;
  using importers::detail::ByteStream;
  using importers::detail::RecordBlocks;
  const auto small = dir.write("e.tab", "a\tb\n" + std::string(40, 'x') + "\nc\n");
  {
    ByteStream input(small);
    RecordBlocks blocks(input, false, {}, 40);  // the 40-byte record fits exactly
    std::string_view block;
    std::size_t line = 0;
    std::string all;
    while (blocks.next(block, line))
      all += block;
    CHECK(all.size() == 4 + 41 + 2);
  }
  {
    ByteStream input(small);
    RecordBlocks blocks(input, false, {}, 39);
    std::string_view block;
    std::size_t line = 0;
    const auto e = parse_error_of([&] {
      while (blocks.next(block, line)) {
      }
    });
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "runs on for more than 39 bytes without a line feed"));
  }
  {  // Quoted records: an unclosed quote runs on.
    const auto path = dir.write("q.csv", "a,b\n\"c,\nd\ne\nf\n");
    ByteStream input(path);
    RecordBlocks blocks(input, true, {}, 6);
    std::string_view block;
    std::size_t line = 0;
    const auto e = parse_error_of([&] {
      while (blocks.next(block, line)) {
      }
    });
    REQUIRE(e);
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "an unclosed quote?"));
  }
  // The documented limit through the GDELT reader; a record over the 8 MiB buffer but under
  // the limit is read (it once made the buffer grow without reading, forever).
  importers::ImportOptions gdelt;
  gdelt.format = "gdelt";
  auto r = import_text(dir, "mid.export.CSV", "1\t" + std::string(9 << 20, 'x') + "\n", gdelt);
  CHECK(r.report.rejected.size() == 1);
  const auto e = import_error(dir, "long.export.CSV",
                              "1\t2\n1\t" + std::string(kLimits.record_bytes, 'x') + "\n", gdelt);
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(contains(e->message(), "more than 16 MiB without a line feed"));
}

TEST_CASE("limits: scenario files: YAML and JSON nesting") {
  // Flow, block-map and block-sequence nests, all 100,000 deep: yaml-cpp would recurse.
  auto e = scenario_error("interventions: " + repeat("[", 100000) + repeat("]", 100000), true);
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == column_of_repeat("interventions: ", "[", 256));
  CHECK(contains(e->message(), "YAML collections nested more than 256 levels deep"));
  e = scenario_error("a: " + repeat("{a: ", 100000) + "1" + repeat("}", 100000), true);
  REQUIRE(e);
  CHECK(contains(e->message(), "nested more than 256"));
  e = scenario_error(repeat("- ", 100000) + "a\n", true);
  REQUIRE(e);
  CHECK(contains(e->message(), "nested more than 256"));
  std::string block;
  for (std::size_t i = 0; i < 300; ++i)
    block += std::string(i, ' ') + "a:\n";
  e = scenario_error(block, true);
  REQUIRE(e);
  CHECK(e->line() == 257);  // the 257th map starts on line 257
  // Within the limit, the schema speaks: 255 levels under the top-level map.
  e = scenario_error("name: " + repeat("[", 255) + repeat("]", 255), true);
  REQUIRE(e);
  CHECK(contains(e->message(), "must be a single value"));
  e = scenario_error(R"({"interventions": )" + repeat("[", 100000) + repeat("]", 100000) + "}",
                     false);
  REQUIRE(e);
  CHECK(e->column() == column_of_repeat(R"({"interventions": )", "[", 256));
  CHECK(contains(e->message(), "JSON arrays and objects nested more than 256"));
}

TEST_CASE("limits: HTML articles: libxml2's depth limit is an error, not lost text") {
  using importers::text::article_from_text;
  const std::string sentence = "Wang met Li in Beijing.";
  const auto nest = [&](std::size_t depth) {
    return "<html><body>\n" + repeat("<div>", depth) + sentence + repeat("</div>", depth) +
           "</body></html>";
  };
  CHECK(contains(article_from_text("a.html", nest(200), true).text, sentence));
  for (std::size_t depth : {300, 100000}) {
    const auto e = parse_error_of([&] { article_from_text("a.html", nest(depth), true); });
    REQUIRE(e);
    CHECK(e->file() == "a.html");
    CHECK(e->line() == 2);
    CHECK(contains(e->message(), "HTML elements nested more than 256 levels deep"));
  }
}

TEST_CASE("limits: counts a Pajek or DL header declares") {
  TempDir dir;
  auto e = import_error(dir, "big.net", "*Vertices 100000001\n");
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(e->column() == 11);
  CHECK(contains(e->message(), "at most 100000000 vertices"));
  // A count the file cannot back (a fuzzing finding: 20 bytes asked for 8.6 million vertices);
  // a file of 16 bytes per 256 vertices more may (edges-only networks list no vertices).
  e = import_error(dir, "unbacked.net", "%\r\n*vertices 8600240");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(contains(e->message(), "a file of 20 bytes may declare at most 1000000 vertices"));
  e = import_error(dir, "over.net", "*Vertices 1000001\n");
  REQUIRE(e);
  CHECK(contains(e->message(), "at most 1000000 vertices"));
  std::string edges = "*Vertices 1000100\n*Edges\n";
  while (edges.size() * 16 < 1000100)
    edges += "1 2\n";
  CHECK_FALSE(import_error(dir, "backed.net", edges));
  e = import_error(dir, "big.dl", "DL n=1000001\nformat=edgelist1\ndata:\n1 2\n");
  REQUIRE(e);
  CHECK(e->line() == 1);
  CHECK(contains(e->message(), "at most 1000000 nodes or matrices"));
}

TEST_CASE("limits: attribute names summed over merged inputs of several formats") {
  TempDir dir;
  std::string gml = "graph [ node [ id 1 name \"n\"", json = R"({"nodes": [{"id": "n")";
  for (std::size_t i = 0; i < 9000; ++i) {
    gml += fmt::format(" g{} 1", i);
    json += fmt::format(", \"j{}\": 1", i);
  }
  const auto a = dir.write("a.gml", gml + " ] ]");
  const auto b = dir.write("b.json", json + "}], \"links\": []}");
  const auto e = parse_error_of([&] { importers::import_graph({a, b}); });
  REQUIRE(e);
  CHECK(e->file() == b);
  CHECK(contains(e->message(), "counted over all the inputs merged"));
}
