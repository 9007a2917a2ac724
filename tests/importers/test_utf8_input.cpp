// Input encoding: every reader refuses ill-formed UTF-8 through one check
// (detail::check_utf8), naming the line and byte column of the bad byte in the file as given
// (decompressed, for .gz), and reads well-formed multi-byte text unchanged. XML files may be
// UTF-16 or declare Latin-1 (pugixml converts them); YAML scenario files may be UTF-16.
#include <algorithm>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "importers/aliases.hpp"
#include "importers/reader_support.hpp"
#include "importers/scenario_file.hpp"
#include "importers/text.hpp"
#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

namespace {

const std::string kEvents = std::string(ACTORNET_SOURCE_DIR) + "/tests/golden/inputs/events/";

// Ill-formed sequences, each followed in the tests by an ASCII letter, and the byte the error
// names (the first of the sequence).
struct BadSequence {
  const char* what;
  std::string bytes;
  const char* named;
};
const BadSequence kBad[] = {
    {"Latin-1 e acute", "\xE9", "0xE9"},
    {"a truncated 3-byte sequence", "\xE4\xB8", "0xE4"},
    {"an overlong NUL", "\xC0\x80", "0xC0"},
    {"a surrogate", "\xED\xA0\x80", "0xED"},
};

// Well-formed multi-byte text: 2-byte (o macron), Cyrillic, and a 4-byte emoji.
const char* const kGood[] = {
    "Zh\xC5\x8Du", "\xD0\x94\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xB8\xD0\xB9", "\xF0\x9F\x98\x80"};

// What a reader made of a file: node ids and labels, article words, scenario node names.
using Reader = std::function<std::vector<std::string>(const std::string& path)>;

std::vector<std::string> node_texts(const importers::ImportResult& r) {
  std::vector<std::string> out;
  for (graph::NodeIndex n = 0; n < r.graph.node_count(); ++n) {
    out.push_back(r.graph.node(n).id);
    out.push_back(r.graph.node(n).label);
  }
  return out;
}

// The event readers skip and list a malformed row, and stop at it under --strict.
Reader graph_reader(std::string format = "", bool strict = false) {
  return [format, strict](const std::string& path) {
    importers::ImportOptions options;
    options.format = format;
    options.strict = strict;
    return node_texts(importers::import_graph({path}, options));
  };
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out(1);
  for (const char c : text) {
    if (c == ' ' || c == '\n') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// One format: a small valid file with '@' where a label goes.
struct Format {
  const char* name;
  std::string file;
  std::string text;
  Reader read;
};

// `line` of `path` (1-based), without its line feed.
std::string line_of_file(const std::string& path, int line) {
  std::ifstream in(path, std::ios::binary);
  std::string text;
  for (int i = 0; i < line; ++i)
    std::getline(in, text);
  return text;
}

std::string replace_first(std::string text, std::string_view what, std::string_view with) {
  const auto at = text.find(what);
  REQUIRE(at != std::string::npos);
  return text.replace(at, what.size(), with);
}

std::vector<Format> formats() {
  const std::string gdelt =
      replace_first(line_of_file(kEvents + "20150218.export.CSV", 1), "\tUNITED STATES\t", "\t@\t");
  const std::string icews =
      line_of_file(kEvents + "icews-sample.tab", 1) + "\n" +
      replace_first(line_of_file(kEvents + "icews-sample.tab", 2), "\tWang Xiaohong\t", "\t@\t") +
      "\n";
  const std::string acled = line_of_file(kEvents + "acled-sample.csv", 1) + "\n" +
                            replace_first(line_of_file(kEvents + "acled-sample.csv", 2),
                                          ",Military Forces of Sudan (2019-),", ",@,") +
                            "\n";
  const Reader scenario = [](const std::string& path) {
    std::vector<std::string> out;
    for (const auto& i : importers::read_scenario_file(path).interventions)
      out.push_back(i.node);
    return out;
  };
  return {
      {"CSV", "e.csv", "source,target\nb,c\n@,b\n", graph_reader()},
      {"GML", "g.gml",
       "graph [\n  node [ id 0 label \"@\" ]\n  node [ id 1 label \"b\" ]\n"
       "  edge [ source 0 target 1 ]\n]\n",
       graph_reader()},
      {"DOT", "g.dot", "digraph {\n  a [label=\"@\"];\n  a -> b;\n}\n", graph_reader()},
      {"Pajek", "g.net", "*Vertices 2\n1 \"@\"\n2 \"b\"\n*Arcs\n1 2\n", graph_reader()},
      {"DL", "g.dl", "DL n=2\nformat = edgelist1\nlabels embedded:\ndata:\n@ b\n", graph_reader()},
      {"GraphML", "g.graphml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
       "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
       "<graph id=\"G\" edgedefault=\"directed\">\n"
       "<node id=\"a\"><data key=\"d0\">@</data></node>\n<node id=\"b\"/>\n"
       "<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>\n",
       graph_reader()},
      {"GEXF", "g.gexf",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph "
       "defaultedgetype=\"directed\">\n"
       "<nodes>\n<node id=\"a\" label=\"@\"/>\n<node id=\"b\" label=\"b\"/>\n</nodes>\n"
       "<edges>\n<edge id=\"0\" source=\"a\" target=\"b\"/>\n</edges>\n</graph>\n</gexf>\n",
       graph_reader()},
      {"GDELT", "x.export.CSV", gdelt + "\n", graph_reader("gdelt", true)},
      {"ICEWS", "x.tab", icews, graph_reader("icews", true)},
      {"ACLED", "x.csv", acled, graph_reader("acled", true)},
      {"text article", "a.txt", "Date: 2024-04-16\n\nAlpha met @ in Beijing.\n",
       [](const std::string& path) { return words(importers::text::read_article(path).text); }},
      {"HTML article", "a.html",
       "<html><head><title>t</title></head>\n<body>\n<p>Alpha met @ in Beijing.</p>\n"
       "</body></html>\n",
       [](const std::string& path) { return words(importers::text::read_article(path).text); }},
      {"gazetteer", "gazetteer.csv", "id,label\nalpha,Alpha\nx,Ann @\n",
       [](const std::string& path) {
         const auto table = importers::AliasTable::read(path);
         std::string labels;
         for (const auto& entry : table.entries())
           labels += entry.label + " ";
         return words(labels);
       }},
      {"JSON graph", "g.json",
       "{\"nodes\": [{\"id\": \"a\", \"label\": \"@\"}, {\"id\": \"b\"}],\n"
       " \"edges\": [{\"source\": \"a\", \"target\": \"b\"}]}\n",
       graph_reader()},
      {"YAML scenario", "s.yaml",
       "name: n\ninterventions:\n  - {type: remove, node: \"@\", date: 2025}\n", scenario},
      {"JSON scenario", "s.json",
       "{\"interventions\": [\n  {\"type\": \"remove\", \"node\": \"@\", \"date\": 2025}]}\n",
       scenario},
  };
}

// The line and column of the first `c` of `text`, counted independently of the readers.
std::pair<std::size_t, std::size_t> position_of(std::string_view text, char c) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < text.find(c); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

TEST_CASE("every reader refuses ill-formed UTF-8 at the line and column of the bad byte") {
  // (The event readers under --strict; without it they reject the row: the next test case.)
  TempDir dir;
  for (const auto& format : formats()) {
    const auto [line, column] = position_of(format.text, '@');
    for (const auto& bad : kBad) {
      CAPTURE(std::string(format.name));
      CAPTURE(std::string(bad.what));
      const auto path =
          dir.write(format.file, replace_first(format.text, "@", "X" + bad.bytes + "Y"));
      const auto error = parse_error_of([&] { format.read(path); });
      CHECK(error.has_value());
      if (!error) continue;
      CHECK(error->file() == path);
      CHECK(error->line() == line);
      CHECK(error->column() == column + 1);  // after the X
      CHECK(contains(error->message(), std::string("invalid UTF-8 (byte ") + bad.named + ")"));
      CHECK(contains(error->message(), "`iconv -f latin1 -t utf-8 FILE`"));
    }
  }
}

TEST_CASE("every reader reads multi-byte UTF-8 labels unchanged") {
  TempDir dir;
  for (const auto& format : formats()) {
    for (const char* good : kGood) {
      CAPTURE(std::string(format.name));
      CAPTURE(std::string(good));
      const auto path = dir.write(format.file, replace_first(format.text, "@", good));
      CHECK(has(format.read(path), good));
    }
  }
}

TEST_CASE("check_utf8 follows RFC 3629 and counts lines and byte columns") {
  using importers::detail::check_utf8;
  using importers::detail::find_bad_utf8;
  constexpr auto npos = std::string_view::npos;
  SUBCASE("well-formed: the boundaries of each length") {
    for (const char* text :
         {"", "ascii", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
          "\xEF\xBF\xBF", "\xEF\xBB\xBFwith a BOM", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
      CAPTURE(std::string(text));
      CHECK(find_bad_utf8(text) == npos);
      CHECK_NOTHROW(check_utf8(text, "f"));
    }
  }
  SUBCASE("ill-formed: stray, overlong, surrogate, too large, truncated, never used") {
    for (const char* text :
         {"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80",
          "\xED\xBF\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80",
          "\xFF", "\xE4\xB8", "\xF0\x90\x80", "\xC3("}) {
      CAPTURE(std::string(text));
      CHECK(find_bad_utf8(text) == 0);
    }
  }
  SUBCASE("positions on both sides of the eight-byte ASCII steps") {
    for (std::size_t ascii = 0; ascii <= 17; ++ascii) {
      CAPTURE(ascii);
      const std::string text = std::string(ascii, 'a') + "\xC3\xA9" + "\xE9" + "bcdefghij";
      CHECK(find_bad_utf8(text) == ascii + 2);
      const auto error = parse_error_of([&] { check_utf8(text, "f"); });
      REQUIRE(error);
      CHECK(error->line() == 1);
      CHECK(error->column() == ascii + 3);
    }
  }
  SUBCASE("lines, and a block that starts on a later line of its file") {
    const auto error = parse_error_of([] {
      check_utf8(
          "one\ntwo\r\nth\xFF"
          "ree\n",
          "f.csv", 10);
    });
    REQUIRE(error);
    CHECK(error->file() == "f.csv");
    CHECK(error->line() == 12);
    CHECK(error->column() == 3);
    CHECK(error->message() ==
          "invalid UTF-8 (byte 0xFF); save the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 "
          "FILE` for a Latin-1 file");
  }
}

TEST_CASE("gzipped input: the position is the one in the decompressed text") {
  TempDir dir;
  for (const char* name : {"g.gml.gz", "e.csv.gz", "g.graphml.gz"}) {
    CAPTURE(std::string(name));
    const std::string text = std::string(name).starts_with("g.gml")
                                 ? "graph [\n  node [ id 0 label \"a\xE9\" ]\n]\n"
                             : std::string(name).starts_with("e.csv")
                                 ? "source,target\n  a\xE9,b\n"
                                 : "<?xml version=\"1.0\"?>\n<graphml>\n\n<graph id=\"a\xE9\"/>\n"
                                   "</graphml>\n";
    const auto path = dir.write_gz(name, text);
    const auto error = parse_error_of([&] { importers::import_graph({path}); });
    REQUIRE(error);
    CHECK(error->file() == path);
    const auto [line, column] = position_of(text, '\xE9');
    CHECK(error->line() == line);
    CHECK(error->column() == column);
    CHECK(contains(error->message(), "invalid UTF-8 (byte 0xE9)"));
  }
}

TEST_CASE("XML: Latin-1 and UTF-16 documents are converted; other declarations read as UTF-8") {
  TempDir dir;
  const auto graphml = [](std::string_view declaration, std::string_view label) {
    return std::string(declaration) +
           "\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
           "<graph id=\"G\" edgedefault=\"directed\">\n"
           "<node id=\"a\"><data key=\"d0\">" +
           std::string(label) + "</data></node>\n</graph>\n</graphml>\n";
  };
  SUBCASE("Latin-1, declared either way, GraphML and GEXF") {
    for (const char* declaration : {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
                                    "<?xml version='1.0' encoding='latin1'?>"}) {
      CAPTURE(std::string(declaration));
      const auto r = import_text(dir, "l.graphml", graphml(declaration, "Caf\xE9 \xE9t\xE9"));
      CHECK(r.graph.node(0).label == "Caf\xC3\xA9 \xC3\xA9t\xC3\xA9");
    }
    const auto r = import_text(dir, "l.gexf",
                               "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                               "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
                               "<node id=\"Jos\xE9\" label=\"Jos\xE9\"/></nodes></graph></gexf>\n");
    CHECK(r.graph.node(0).id == "Jos\xC3\xA9");
    CHECK(r.graph.node(0).label == "Jos\xC3\xA9");
  }
  SUBCASE("UTF-16 with a byte-order mark") {
    // "<?xml ... encoding="UTF-16"?>" and a label with e acute, Cyrillic and an emoji.
    const std::u16string text =
        u"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
        u"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        u"<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        u"<graph edgedefault=\"directed\">\n<node id=\"a\"><data key=\"d0\">\u00e9 \u0414 "
        u"\U0001F600</data></node>\n</graph>\n"
        u"</graphml>\n";
    std::string bytes = "\xFF\xFE";
    for (const char16_t c : text) {
      bytes += static_cast<char>(c & 0xFF);
      bytes += static_cast<char>(c >> 8);
    }
    const auto r = import_text(dir, "u.graphml", bytes);
    CHECK(r.graph.node(0).label == "\xC3\xA9 \xD0\x94 \xF0\x9F\x98\x80");
  }
  SUBCASE("a declared encoding pugixml does not convert: read as UTF-8, so checked") {
    const auto ascii = import_text(
        dir, "w.graphml", graphml("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "plain"));
    CHECK(ascii.graph.node(0).label == "plain");
    const auto text = graphml("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "Caf\xE9");
    const auto error = import_error(dir, "w.graphml", text);
    REQUIRE(error);
    const auto [line, column] = position_of(text, '\xE9');
    CHECK(error->line() == line);
    CHECK(error->column() == column);
    CHECK(contains(error->message(), "invalid UTF-8 (byte 0xE9)"));
    CHECK(contains(error->message(), "declares encoding 'windows-1252'"));
    // A UTF-8 declaration adds nothing to the message.
    const auto utf8 = import_error(
        dir, "u.graphml", graphml("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "Caf\xE9"));
    REQUIRE(utf8);
    CHECK_FALSE(contains(utf8->message(), "declares"));
  }
}

TEST_CASE("XML: ill-formed UTF-8 or malformed XML, whichever comes first, is reported") {
  TempDir dir;
  // A bad byte on line 2, an unclosed element on line 3.
  const auto utf8_first =
      import_error(dir, "a.graphml", "<graphml>\n<graph id=\"\xE9\">\n<node id=\"a\">\n</graph>");
  REQUIRE(utf8_first);
  CHECK(utf8_first->line() == 2);
  CHECK(contains(utf8_first->message(), "invalid UTF-8"));
  // A mismatched end tag on line 2, a bad byte on line 3.
  const auto xml_first =
      import_error(dir, "b.graphml", "<graphml>\n<graph></grph>\n<node id=\"\xE9\"/>\n</graphml>");
  REQUIRE(xml_first);
  CHECK(xml_first->line() == 2);
  CHECK(contains(xml_first->message(), "not well-formed XML"));
  // No element at all: not XML, whatever its bytes.
  const auto junk = import_error(dir, "c.gexf", "junk \xE9\xFF\n");
  REQUIRE(junk);
  CHECK(contains(junk->message(), "holds no XML element"));
}

TEST_CASE("event files: a row with ill-formed UTF-8 is rejected, the others are read") {
  TempDir dir;
  const auto rows = [](const char* file, int from, int to) {
    std::string text;
    for (int line = from; line <= to; ++line)
      text += line_of_file(kEvents + file, line) + "\n";
    return text;
  };
  // Lines 1 to `bad` - 1 of a sample (its header, if it has one, and rows), then line `bad`
  // with a bad byte in place of its second, then the `after` lines after it (a record).
  struct Case {
    const char* format;
    const char* sample;
    int bad, after;
    const char* file;
  };
  const Case cases[] = {{"gdelt", "20150218.export.CSV", 2, 1, "x.export.CSV"},
                        {"icews", "icews-sample.tab", 3, 1, "x.tab"},
                        {"acled", "acled-sample.csv", 2, 2, "x.csv"}};
  for (const auto& c : cases) {
    CAPTURE(std::string(c.format));
    const std::string before = rows(c.sample, 1, c.bad - 1);
    const std::string after = rows(c.sample, c.bad + 1, c.bad + c.after);
    std::string bad = rows(c.sample, c.bad, c.bad);
    bad[1] = '\xE9';
    const std::string text = before + bad + after;
    importers::ImportOptions options;
    options.format = c.format;
    const auto r = import_text(dir, c.file, text, options);
    REQUIRE(r.report.rejected.size() == 1);
    CHECK(r.report.rejected[0].line == static_cast<std::size_t>(c.bad));
    CHECK(contains(r.report.rejected[0].message, "invalid UTF-8 (byte 0xE9)"));
    CHECK(contains(r.report.rejected[0].message, "(column 2)"));
    // The rows around it were read: the file without the bad row gives the same graph.
    const auto clean = import_text(dir, c.file, before + after, options);
    CHECK(clean.report.rejected.empty());
    CHECK(r.graph.node_count() == clean.graph.node_count());
    CHECK(r.graph.edge_count() == clean.graph.edge_count());
    CHECK(r.graph.edge_count() > 0);
    // Under --strict it is an error at the same place.
    options.strict = true;
    const auto error = import_error(dir, c.file, text, options);
    REQUIRE(error);
    CHECK(error->line() == static_cast<std::size_t>(c.bad));
    CHECK(error->column() == 2);
  }
}

TEST_CASE("event files: the position of a bad byte in a quoted record over two lines") {
  TempDir dir;
  std::string row = line_of_file(kEvents + "acled-sample.csv", 2);
  const std::string notes = "\"Clashes erupted in Khartoum, near the airport.\"";
  REQUIRE(row.find(notes) != std::string::npos);
  row.replace(row.find(notes), notes.size(), "\"Clashes erupted\nin Kh\xE9rtoum.\"");
  const std::string text = line_of_file(kEvents + "acled-sample.csv", 1) + "\n\n" + row + "\n";
  importers::ImportOptions options;
  options.format = "acled";
  const auto r = import_text(dir, "x.csv", text, options);
  REQUIRE(r.report.rejected.size() == 1);
  CHECK(r.report.rejected[0].line == 4);  // the record starts on line 3, the bad byte on 4
  CHECK(contains(r.report.rejected[0].message, "(column 6)"));
}

TEST_CASE("event files: a header with ill-formed UTF-8 is an error") {
  TempDir dir;
  importers::ImportOptions options;
  options.format = "icews";
  // A byte order mark is skipped, and not counted in columns, as for the reader's other errors.
  const auto icews = import_error(dir, "bom.tab",
                                  "\xEF\xBB\xBF"
                                  "Event ID\tSource \xE9\n",
                                  options);
  REQUIRE(icews);
  CHECK(icews->line() == 1);
  CHECK(icews->column() == 17);
  options.format = "acled";
  const auto acled = import_error(dir, "h.csv", "event_id_cnty,ev\xE9nt_date\n", options);
  REQUIRE(acled);
  CHECK(acled->line() == 1);
  CHECK(acled->column() == 17);
  CHECK(contains(acled->message(), "invalid UTF-8 (byte 0xE9)"));
}

TEST_CASE("YAML scenario files may be UTF-16, which yaml-cpp converts") {
  TempDir dir;
  const std::u16string text =
      u"interventions:\n  - {type: remove, node: \"Jos\u00e9\", date: 2025}\n";
  for (const bool big_endian : {false, true}) {
    CAPTURE(big_endian);
    std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char16_t c : text) {
      const char high = static_cast<char>(c >> 8), low = static_cast<char>(c & 0xFF);
      bytes += big_endian ? high : low;
      bytes += big_endian ? low : high;
    }
    const auto s = importers::read_scenario_file(dir.write("s.yaml", bytes));
    REQUIRE(s.interventions.size() == 1);
    CHECK(s.interventions[0].node == "Jos\xC3\xA9");
  }
}
