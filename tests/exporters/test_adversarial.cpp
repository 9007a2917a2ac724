// Adversarial text through every writer (tests/support/adversarial.hpp): ids, labels, kinds,
// relations and attributes holding quotes, markup, DOT syntax, backslashes, control
// characters, bidirectional overrides, 10 kB strings and ill-formed UTF-8. Each output is
// well-formed UTF-8 (checked by iconv), XML formats hold only XML characters and parse, and
// every text reads back exactly as written, or as the format's documented replacement
// (exporters/writer_support.hpp), with the replacements counted in the export report.
#include <algorithm>
#include <pugixml.hpp>
#include <string>
#include <tuple>

#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "tests/exporters/roundtrip_fixture.hpp"
#include "tests/support/adversarial.hpp"

using actornet::exporters::OutputFormat;
using namespace actornet;
using namespace actornet::testing;

namespace {

bool not_xml(char32_t cp) {
  return !xml_char(cp);
}
bool nul(char32_t cp) {
  return cp == 0;
}

std::string dropped_text(const exporters::ExportReport& report) {
  std::string out;
  for (const auto& d : report.dropped)
    out += d + "\n";
  return out;
}

// The number of texts `rule` changes, counted as the writers count them: node ids and labels,
// kind and relation names, explicit edge ids, attribute names, string values and lists.
std::size_t changed_texts(const graph::Graph& g, bool (*unholdable)(char32_t)) {
  std::size_t n = 0;
  const auto changed = [&](std::string_view t) { return expected_text(t, unholdable) != t; };
  for (const auto& node : g.nodes())
    n += changed(node.id) + changed(node.label);
  for (graph::SymbolId k = 0; k < g.kinds().size(); ++k)
    n += changed(g.kinds().name(k));
  for (graph::SymbolId r = 0; r < g.relations().size(); ++r)
    n += changed(g.relations().name(r));
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e)
    n += g.has_explicit_edge_id(e) && changed(g.edge_id(e));
  for (const auto* table : {&g.node_attributes(), &g.edge_attributes()})
    for (const auto& column : table->columns()) {
      n += changed(column.name);
      column.for_each([&](std::size_t, const graph::Value& v) {
        if (const auto* s = std::get_if<std::string>(&v)) n += changed(*s);
        if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
          bool any = false;
          for (const auto& item : *list)
            any = any || changed(item);
          n += any;
        }
      });
    }
  return n;
}

void check_replacement_line(const exporters::ExportReport& report, const std::string& format,
                            std::size_t count, std::string_view what) {
  const auto line = format + ": " + std::to_string(count) + " texts held " + std::string(what);
  CAPTURE(line);
  CHECK(dropped_text(report).find(line) != std::string::npos);
}

// Pajek and DL quote texts without escapes: a double quote becomes a single one, a line
// break a space.
std::string quoted_text(std::string_view t) {
  std::string out = expected_text(t);
  for (char& c : out) {
    if (c == '"') c = '\'';
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// DOT: NUL and ill-formed UTF-8 become U+FFFD; a backslash before a quote, a line break or the
// end is doubled.
std::string dot_text(std::string_view t) {
  const std::string text = expected_text(t, nul);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && (i + 1 == text.size() || text[i + 1] == '"' || text[i + 1] == '\n'))
      out += '\\';
    out += text[i];
  }
  return out;
}

// cgraph renames nodes called `%<digits>` (its anonymous nodes); such texts compare as one.
std::string without_anonymous(std::string_view t) {
  if (t.size() > 1 && t[0] == '%' &&
      std::string_view(t).substr(1).find_first_not_of("0123456789") == std::string_view::npos)
    return "%<anonymous>";
  return std::string(t);
}

bool gml_key(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && (i == 0 || c < '0' || c > '9')) return false;
  }
  return true;
}

const Holds kQuotedOnly{.labels = false,
                        .kinds = false,
                        .node_intervals = false,
                        .edge_intervals = false,
                        .node_attributes = false,
                        .edge_attributes = false,
                        .edge_ids = false};

}  // namespace

TEST_CASE("adversarial: the fixture holds what the tests rely on") {
  for (const auto& sample : ill_formed_samples()) {
    CHECK_FALSE(utf8_decode(sample.bytes));  // iconv refuses every sample
    CHECK(utf8_decode(sample.replaced));
  }
  const auto g = adversarial_graph();
  CHECK(g.node_count() == 13);
  CHECK(g.edge_count() == 8);
  const auto long_node = g.find_node("long");
  REQUIRE(long_node);
  CHECK(g.node(*long_node).label.size() >= 10000);
  CHECK(g.node(*g.find_node("ctl")).label.find('\r') != std::string::npos);
  const auto& description = g.node_attribute(*g.find_node("ctl"), "description");
  CHECK(std::get<std::string>(description).find('\0') != std::string::npos);
  CHECK(g.find_node("bad\xff"));
}

// What importers/graphml.cpp makes of what the GraphML writer wrote: it trims kind and
// relation names, and pugixml's default parse drops a <data> text that is only whitespace.
std::string trimmed(std::string_view t) {
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(t.substr(first, t.find_last_not_of(" \t\r\n") - first + 1));
}
std::string blank_dropped(std::string_view t) {
  return t.find_first_not_of(" \t\r\n") == std::string_view::npos ? "" : std::string(t);
}

TEST_CASE("adversarial: GEXF and GraphML hold every XML character; the rest becomes U+FFFD") {
  const auto g = adversarial_graph();
  const auto xml_text = [](std::string_view t) { return expected_text(t, not_xml); };
  for (const auto& [format, extension] :
       {std::pair{OutputFormat::Gexf, "gexf"}, std::pair{OutputFormat::GraphMl, "graphml"}}) {
    const std::string name = extension;
    CAPTURE(name);
    TextRule xml_rule{xml_text, {}, {}, {}};
    if (format == OutputFormat::GraphMl) {
      xml_rule.symbol = trimmed;
      xml_rule.value = blank_dropped;
    }
    const auto rt = check_round_trip(g, format, extension, {}, xml_rule);
    CHECK(xml_safe(rt.text));
    pugi::xml_document doc;
    CHECK(doc.load_string(rt.text.c_str()));
    // Nothing from the data became markup.
    CHECK(rt.text.find("<script") == std::string::npos);
    CHECK(rt.text.find("<img") == std::string::npos);
    CHECK(rt.text.find("<![CDATA[") == std::string::npos);
    // A CR in element text (GraphML <data>) is a character reference, not a raw byte.
    CHECK(rt.text.find('\r') == std::string::npos);
    check_replacement_line(rt.report, name, changed_texts(g, not_xml),
                           "ill-formed UTF-8 or characters XML 1.0 cannot hold");
  }
}

TEST_CASE("adversarial: CSV, JSON and cytoscape.js hold every character but ill-formed UTF-8") {
  const auto g = adversarial_graph();
  const TextRule rule{[](std::string_view t) { return expected_text(t); }, {}};
  for (const auto& [format, extension, name] :
       {std::tuple{OutputFormat::Csv, "csv", "csv"}, std::tuple{OutputFormat::Json, "json", "json"},
        std::tuple{OutputFormat::Cytoscape, "json", "cytoscape"}}) {
    CAPTURE(name);
    const auto rt = check_round_trip(g, format, extension, {}, rule);
    CHECK(utf8_decode(rt.text));
    check_replacement_line(rt.report, name, changed_texts(g, nullptr), "ill-formed UTF-8:");
  }
}

TEST_CASE("adversarial: GML holds every character but NUL and ill-formed UTF-8") {
  const auto g = adversarial_graph();
  const TextRule rule{[](std::string_view t) { return expected_text(t, nul); }, gml_key};
  const auto rt = check_round_trip(g, OutputFormat::Gml, "gml", {}, rule);
  CHECK(utf8_decode(rt.text));
  // GML strings are ASCII: everything else is a character reference.
  CHECK(std::all_of(rt.text.begin(), rt.text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && (c >= 0x20 || c == '\n');
  }));
  check_replacement_line(rt.report, "gml", changed_texts(g, nul), "ill-formed UTF-8 or NUL");
}

TEST_CASE("adversarial: DOT doubles the backslashes it cannot hold and stays well-formed") {
  const auto g = adversarial_graph();
  const TextRule rule{[](std::string_view t) { return without_anonymous(dot_text(t)); }, {}};
  const TextRule back{[](std::string_view t) { return without_anonymous(t); }, {}};
  const auto rt = check_round_trip(g, OutputFormat::Dot, "dot", {}, rule, back);
  CHECK(utf8_decode(rt.text));
  CHECK(rt.text.find('\0') == std::string::npos);
  const auto dropped = dropped_text(rt.report);
  check_replacement_line(rt.report, "dot", changed_texts(g, nul), "ill-formed UTF-8 or NUL");
  CHECK(dropped.find("texts with a backslash before a quote, a line break or the end written "
                     "with that backslash doubled") != std::string::npos);
  CHECK(dropped.find("dot: 1 node ids start with '%'") != std::string::npos);
}

TEST_CASE("adversarial: Pajek and DL keep node ids with quotes and line breaks replaced") {
  const auto g = adversarial_graph();
  const TextRule rule{quoted_text, {}};
  const auto pajek = check_round_trip(g, OutputFormat::Pajek, "net", kQuotedOnly, rule);
  CHECK(utf8_decode(pajek.text));
  check_replacement_line(pajek.report, "pajek", changed_texts(g, nullptr), "ill-formed UTF-8:");

  // DL keeps the nodes (by id) and the edges' endpoints; relations only when they form
  // matrices, which this graph's mixed directions do not.
  const auto dl = round_trip(g, OutputFormat::Dl, "dl");
  CHECK(utf8_decode(dl.text));
  REQUIRE(dl.back.graph.node_count() == g.node_count());
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n)
    CHECK(dl.back.graph.node(n).id == quoted_text(g.node(n).id));
  REQUIRE(dl.back.graph.edge_count() == g.edge_count());
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e) {
    CHECK(dl.back.graph.edge(e).source == g.edge(e).source);
    CHECK(dl.back.graph.edge(e).target == g.edge(e).target);
  }
}

TEST_CASE("adversarial: ids that only replaced characters tell apart are an input error") {
  // soh\x01 and soh\x02 are two ids in JSON, one in XML; \xff and \xfe are one anywhere.
  graph::Graph controls;
  controls.add_node("soh\x01");
  controls.add_node("soh\x02");
  exporters::ExportReport report;
  CHECK_THROWS_AS(exporters::write_gexf(controls, {}, report), InputError);
  CHECK_THROWS_AS(exporters::write_graphml(controls, {}, report), InputError);
  CHECK_NOTHROW(exporters::write_json(controls, {}, report));
  CHECK_NOTHROW(exporters::write_csv(controls, {}, report));
  try {
    exporters::write_gexf(controls, {}, report);
  } catch (const InputError& e) {
    // The message shows the ids readably and says what to do.
    CHECK(std::string(e.what()).find("'soh\\x01' and 'soh\\x02'") != std::string::npos);
    CHECK(std::string(e.what()).find("export as JSON or CSV") != std::string::npos);
  }

  graph::Graph bytes;
  bytes.add_node("a\xff");
  bytes.add_node("a\xfe");
  CHECK_THROWS_AS(exporters::write_json(bytes, {}, report), InputError);
  CHECK_THROWS_AS(exporters::write_csv(bytes, {}, report), InputError);

  graph::Graph edges;
  edges.add_node("a");
  edges.add_edge({.id = "x\x01", .source = 0, .target = 0});
  edges.add_edge({.id = "x\x02", .source = 0, .target = 0});
  CHECK_THROWS_AS(exporters::write_gexf(edges, {}, report), InputError);

  graph::Graph columns;
  columns.add_node("a");
  columns.node_attributes().set(columns.node_attributes().declare("n\x01", graph::AttrType::Bool),
                                0, true);
  columns.node_attributes().set(columns.node_attributes().declare("n\x02", graph::AttrType::Bool),
                                0, false);
  CHECK_THROWS_AS(exporters::write_graphml(columns, {}, report), InputError);
}

TEST_CASE("adversarial: text that fits is written untouched and nothing is reported") {
  // The bundled dataset holds no text any format cannot hold.
  const auto ds = bundled_dataset();
  for (const auto format : {OutputFormat::Gexf, OutputFormat::Json, OutputFormat::Dot}) {
    exporters::ExportReport report;
    exporters::export_graph(ds.graph, format, {}, report);
    CHECK(dropped_text(report).find("U+FFFD") == std::string::npos);
  }
}
