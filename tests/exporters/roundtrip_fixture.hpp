// Round trips for the writers: export a graph, import what was written, and compare what the
// format can hold. Graphs are compared through a canonical text form (sorted node and edge
// lines), so that a format may reorder edges (Pajek groups them by relation).
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "exporters/export.hpp"
#include "graph/graph.hpp"
#include "importers/import.hpp"
#include "tests/importers/csv_fixture.hpp"
#include "tests/support/make_graph.hpp"

namespace actornet::testing {

/// What a format holds, for the comparison.
struct Holds {
  bool labels = true;          ///< node labels apart from ids
  bool kinds = true;           ///< node kinds
  bool node_intervals = true;  ///< node validity
  bool edge_intervals = true;  ///< edge validity
  bool years_only = false;     ///< intervals widened to whole years
  bool node_attributes = true;
  bool edge_attributes = true;
  bool edge_ids = true;  ///< explicit edge ids
  bool weights = true;
};

/// Pajek's widening of an interval to the closed range of years it touches, computed directly.
inline graph::Interval widen_to_years(const graph::Interval& valid) {
  graph::Interval out;
  if (valid.start) out.start = graph::Date::year_only(valid.start->year());
  if (valid.end) {
    // The last day of validity is the day before `end`; its year is the last year covered.
    const int last = valid.end->first_day() == graph::Date::year_only(valid.end->year()).first_day()
                         ? valid.end->year() - 1
                         : valid.end->year();
    out.end = graph::Date::year_only(last + 1);
  }
  return out;
}

/// How a format writes text, for the comparison: what it makes of each text the graph holds
/// (node ids, labels, kinds, relations, explicit edge ids, attribute names, string values and
/// list items) and which attributes it writes, by name; then what its reader makes of kind and
/// relation names (`symbol`) and of string attribute values (`value`). Empty: texts as they
/// are, every attribute.
struct TextRule {
  std::function<std::string(std::string_view)> text;
  std::function<bool(std::string_view)> writes_attribute;
  std::function<std::string(std::string_view)> symbol;
  std::function<std::string(std::string_view)> value;

  std::string operator()(std::string_view t) const { return text ? text(t) : std::string(t); }
  bool writes(std::string_view name) const { return !writes_attribute || writes_attribute(name); }
  std::string symbol_of(std::string_view t) const {
    return symbol ? symbol((*this)(t)) : (*this)(t);
  }
  std::string value_of(std::string_view t) const { return value ? value((*this)(t)) : (*this)(t); }
};

inline std::string attribute_text(const graph::AttributeTable& table, std::size_t element,
                                  const TextRule& rule = {}) {
  std::vector<std::string> parts;
  for (const auto& column : table.columns()) {
    const graph::Value& v = table.get(*table.find(column.name), element);
    if (graph::is_missing(v) || !rule.writes(column.name)) continue;
    graph::Value shown = v;
    if (const auto* s = std::get_if<std::string>(&v)) shown = rule.value_of(*s);
    if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
      std::vector<std::string> items;
      for (const auto& item : *list)
        items.push_back(rule(item));
      shown = items;
    }
    parts.push_back(rule(column.name) + ":" + std::string(graph::to_string(column.type)) + "=" +
                    graph::format_value(shown));
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts)
    out += p + ";";
  return out;
}

inline std::string interval_text(const graph::Interval& valid, bool kept, bool years) {
  if (!kept) return "";
  return (years ? widen_to_years(valid) : valid).to_string();
}

/// Sorted lines describing every node and edge as far as `holds` says the format keeps them,
/// their texts as `rule` says the format writes them.
inline std::vector<std::string> canonical(const graph::Graph& g, const Holds& holds,
                                          const TextRule& rule = {}) {
  std::vector<std::string> lines;
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n) {
    const auto& node = g.node(n);
    lines.push_back("N " + rule(node.id) + " | " + (holds.labels ? rule(node.label) : "") + " | " +
                    (holds.kinds ? rule(g.kind_name(n)) : "") + " | " +
                    interval_text(node.valid, holds.node_intervals, holds.years_only) + " | " +
                    (holds.node_attributes ? attribute_text(g.node_attributes(), n, rule) : ""));
  }
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e) {
    const auto& edge = g.edge(e);
    const auto id = g.has_explicit_edge_id(e) ? rule(g.edge_id(e)) : g.edge_id(e);
    lines.push_back("E " + rule(g.node(edge.source).id) + (edge.directed ? " -> " : " -- ") +
                    rule(g.node(edge.target).id) + " | " + rule.symbol_of(g.relation_name(e)) +
                    " | " + (holds.weights ? graph::format_value(edge.weight) : "") + " | " +
                    interval_text(edge.valid, holds.edge_intervals, holds.years_only) + " | " +
                    (holds.edge_ids ? id : "") + " | " +
                    (holds.edge_attributes ? attribute_text(g.edge_attributes(), e, rule) : ""));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

/// The result of exporting `g` in `format` and importing it back.
struct RoundTrip {
  importers::ImportResult back;
  exporters::ExportReport report;
  std::string text;  ///< the file written (nodes.csv + edges.csv concatenated for CSV)
};

inline RoundTrip round_trip(const graph::Graph& g, exporters::OutputFormat format,
                            const std::string& extension,
                            const exporters::ExportOptions& options = {}) {
  TempDir dir;
  RoundTrip out;
  const auto files = exporters::export_graph(g, format, options, out.report);
  std::string input;
  for (const auto& f : files) {
    if (f.name.empty()) {
      input = dir.write("graph." + extension, f.content);
    } else {
      dir.write("ds/" + f.name, f.content);
      input = dir.path("ds");
    }
    out.text += f.content;
  }
  importers::ImportOptions io;
  if (format == exporters::OutputFormat::Cytoscape) io.format = "json";
  out.back = importers::import_graph({input}, io);
  return out;
}

/// Checks that `g` survives a round trip through `format` as far as `holds` says, its texts
/// as `rule` says the format writes them (`back_rule` applies to what is read back).
inline RoundTrip check_round_trip(const graph::Graph& g, exporters::OutputFormat format,
                                  const std::string& extension, const Holds& holds = {},
                                  const TextRule& rule = {}, const TextRule& back_rule = {}) {
  auto rt = round_trip(g, format, extension);
  const auto before = canonical(g, holds, rule);
  const auto after = canonical(rt.back.graph, holds, back_rule);
  CHECK(rt.back.graph.node_count() == g.node_count());
  CHECK(rt.back.graph.edge_count() == g.edge_count());
  if (before != after) {
    for (std::size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
      const std::string b = i < before.size() ? before[i] : "(none)";
      const std::string a = i < after.size() ? after[i] : "(none)";
      if (a != b) {
        INFO("before: " << b);
        INFO("after:  " << a);
        CHECK(a == b);
        break;
      }
    }
  }
  CHECK(before == after);
  return rt;
}

/// The bundled dataset.
inline importers::ImportResult bundled_dataset() {
  return importers::import_graph({ACTORNET_SOURCE_DIR "/datasets/us-china-law-enforcement"});
}

/// Degenerate graphs every format must carry: name and graph.
inline std::vector<std::pair<std::string, graph::Graph>> degenerate_graphs() {
  std::vector<std::pair<std::string, graph::Graph>> out;
  out.emplace_back("empty", graph::Graph{});
  {
    graph::Graph g;
    g.add_node("solo", "Solo", "person");
    out.emplace_back("one node", std::move(g));
  }
  {
    //   a --o (self-loop, met_with)
    graph::Graph g;
    const auto a = g.add_node("a");
    g.add_edge({.source = a, .target = a, .relation = "met_with"});
    out.emplace_back("self-loop", std::move(g));
  }
  {
    //   a ==met_with=== b
    //   a ==co_chairs== b   (parallel, different relations)
    graph::Graph g;
    const auto a = g.add_node("a", "Alpha", "person");
    const auto b = g.add_node("b", "Beta", "agency");
    g.add_edge({.source = a, .target = b, .relation = "met_with", .weight = 2});
    g.add_edge({.source = a, .target = b, .relation = "co_chairs", .weight = 0.5});
    g.add_edge({.source = a, .target = b, .relation = "met_with", .weight = 2});
    out.emplace_back("parallel edges", std::move(g));
  }
  {
    //   a -- b     c -- d     e (isolated)
    graph::Graph g;
    for (const char* id : {"a", "b", "c", "d", "e"})
      g.add_node(id);
    g.add_edge({.source = 0, .target = 1});
    g.add_edge({.source = 2, .target = 3});
    out.emplace_back("disconnected", std::move(g));
  }
  {
    //   a --> b (directed, leads), b -- c (undirected, met_with), c --> a (directed, leads),
    //   dated by year
    graph::Graph g;
    for (const char* id : {"a", "b", "c"})
      g.add_node(id);
    graph::Interval years{graph::Date::year_only(2019), graph::Date::year_only(2023)};
    g.add_edge({.source = 0, .target = 1, .relation = "leads", .directed = true, .valid = years});
    g.add_edge({.source = 1, .target = 2, .relation = "met_with"});
    g.add_edge({.source = 2,
                .target = 0,
                .relation = "leads",
                .directed = true,
                .valid = {graph::Date::year_only(2020), std::nullopt}});
    out.emplace_back("mixed directions", std::move(g));
  }
  return out;
}

/// A graph with one attribute of each type on nodes and edges.
inline graph::Graph typed_graph() {
  graph::Graph g;
  const auto a = g.add_node("a", "Alpha \"A\" & co, Ltd.", "person",
                            {graph::Date::from_ymd(2001, 2, 3), graph::Date::year_month(2020, 7)});
  const auto b = g.add_node("b", "Béta", "agency");
  auto& nodes = g.node_attributes();
  nodes.set(nodes.declare("name_text", graph::AttrType::String), a, std::string("x, \"y\"\nz"));
  nodes.set(nodes.declare("count", graph::AttrType::Integer), a, std::int64_t{-7});
  nodes.set(nodes.declare("score", graph::AttrType::Real), a, 1.0);
  nodes.set(nodes.find("score").value(), b, 0.25);
  nodes.set(nodes.declare("active", graph::AttrType::Bool), b, true);
  nodes.set(nodes.declare("founded", graph::AttrType::Date), b, graph::Date::year_only(1949));
  nodes.set(nodes.declare("tags", graph::AttrType::List), a,
            std::vector<std::string>{"one", "two"});
  const auto e = g.add_edge({.id = "tie1",
                             .source = a,
                             .target = b,
                             .relation = "met_with",
                             .directed = true,
                             .weight = 3,
                             .valid = {graph::Date::from_ymd(2024, 11, 16), std::nullopt}});
  auto& edges = g.edge_attributes();
  edges.set(edges.declare("confidence", graph::AttrType::Real), e, 0.9);
  edges.set(edges.declare("provenance", graph::AttrType::String), e, std::string("https://x/y"));
  edges.set(edges.declare("code", graph::AttrType::String), e, std::string("007"));
  return g;
}

}  // namespace actornet::testing
