// CSV writer: our own CSV (nodes.csv + edges.csv), read back losslessly by importers/csv.cpp.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"

namespace actornet::exporters {
namespace {

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// A field quoted when it holds a comma, a quote, a line break, or leading or trailing blanks.
std::string field(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                        text.back() == ' ' || text.back() == '\t'));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The type the CSV reader infers for these cells (see importers/csv.cpp: int, else real, else
// bool, else full dates, else string; numbers with a leading zero stay text).
graph::AttrType inferred_type(const std::vector<std::string>& cells) {
  bool any = false, all_int = true, all_real = true, all_bool = true, all_date = true;
  for (const auto& text : cells) {
    if (text.empty()) continue;
    any = true;
    std::string_view s = text;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
      s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
      s.remove_suffix(1);
    std::string_view digits = s;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    const bool leading_zero =
        digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9';
    std::string_view number = s;
    if (number.size() > 1 && number[0] == '+' && number[1] != '-') number.remove_prefix(1);
    std::int64_t i = 0;
    const auto ri = std::from_chars(number.data(), number.data() + number.size(), i);
    const bool is_int =
        !number.empty() && ri.ec == std::errc{} && ri.ptr == number.data() + number.size();
    double d = 0;
    const auto rd = std::from_chars(number.data(), number.data() + number.size(), d);
    const bool is_real = !number.empty() && rd.ec == std::errc{} &&
                         rd.ptr == number.data() + number.size() && std::isfinite(d);
    if (leading_zero || !is_int) all_int = false;
    if (leading_zero || !is_real) all_real = false;
    if (!iequal(s, "true") && !iequal(s, "false")) all_bool = false;
    if (!(s.size() == 10 && graph::Date::parse(s))) all_date = false;
  }
  if (!any) return graph::AttrType::String;
  if (all_int) return graph::AttrType::Integer;
  if (all_real) return graph::AttrType::Real;
  if (all_bool) return graph::AttrType::Bool;
  if (all_date) return graph::AttrType::Date;
  return graph::AttrType::String;
}

bool is_provenance(std::string_view name) {
  for (auto reserved : {graph::Provenance::kDocument, graph::Provenance::kEventId,
                        graph::Provenance::kConfidence, graph::Provenance::kEvidence})
    if (iequal(name, reserved)) return true;
  return false;
}

struct PlannedColumn {
  const graph::AttrColumn* column = nullptr;
  std::string header;
  std::vector<std::string> cells;  ///< per element
};

// Decides the attribute columns of one file: which names can be written, their cells and
// whether the header must declare the type.
std::vector<PlannedColumn> plan(const std::vector<graph::AttrColumn>& columns, std::size_t count,
                                std::initializer_list<std::string_view> roles, bool edges,
                                std::string_view element, detail::DropLog& log) {
  std::vector<PlannedColumn> planned;
  for (const auto& column : columns) {
    const auto name = detail::escape_braces(column.name);
    const std::size_t present = column.present_below(count);
    std::string why;
    for (auto role : roles)
      if (iequal(column.name, role)) why = "its name is a column of the format";
    for (const auto& p : planned)
      if (iequal(p.column->name, column.name))
        why = "another attribute has the same name up to case";
    if (column.name.empty() || column.name.front() == ' ' || column.name.back() == ' ' ||
        column.name.front() == '\t' || column.name.back() == '\t')
      why = "header names are trimmed";
    const bool confidence = edges && iequal(column.name, graph::Provenance::kConfidence);
    if (confidence && column.type != graph::AttrType::Real)
      why = "the CSV reader reads confidences as reals in [0, 1]";
    if (!why.empty()) {
      log.add(fmt::format("{} attribute '{}' not written: {} ({{}} values)", element, name, why),
              present);
      continue;
    }
    PlannedColumn p;
    p.column = &column;
    p.cells.resize(count);
    std::size_t empty_strings = 0, lost_lists = 0, out_of_range = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const auto& v = column.get(i);
      if (graph::is_missing(v)) continue;
      if (const auto* s = std::get_if<std::string>(&v); s && s->empty()) ++empty_strings;
      if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        bool bar = list->empty() || (list->size() == 1 && list->front().empty());
        for (const auto& item : *list)
          bar = bar || item.find('|') != std::string::npos;
        if (bar) ++lost_lists;
      }
      if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d) || (confidence && (*d < 0 || *d > 1))) {
          ++out_of_range;
          continue;
        }
      }
      p.cells[i] = graph::format_value(v);
    }
    log.add(
        fmt::format("{} attribute '{}': {{}} empty strings read back as missing", element, name),
        empty_strings);
    log.add(fmt::format("{} attribute '{}' (list): {{}} empty lists or items holding '|' do not "
                        "read back as written",
                        element, name),
            lost_lists);
    log.add(fmt::format("{} attribute '{}': {{}} non-finite{} reals not written", element, name,
                        confidence ? " or out-of-[0, 1]" : ""),
            out_of_range);
    // Provenance names are read as strings (confidence as reals) without inference.
    graph::AttrType read_back = inferred_type(p.cells);
    if (edges && is_provenance(column.name))
      read_back = confidence ? graph::AttrType::Real : graph::AttrType::String;
    const bool declare = read_back != column.type || column.name.find(':') != std::string::npos;
    p.header =
        declare ? column.name + ":" + std::string(graph::to_string(column.type)) : column.name;
    planned.push_back(std::move(p));
  }
  return planned;
}

void append_row(std::string& out, const std::vector<std::string>& fixed,
                const std::vector<PlannedColumn>& attrs, std::size_t element) {
  bool first = true;
  for (const auto& f : fixed) {
    if (!first) out += ',';
    out += field(f);
    first = false;
  }
  for (const auto& a : attrs) {
    out += ',';
    out += field(a.cells[element]);
  }
  out += '\n';
}

std::string date_text(const std::optional<graph::Date>& d) {
  return d ? d->to_string() : std::string();
}

}  // namespace

/// Our CSV (see importers/csv.hpp): `nodes.csv` with `Id,Label,kind,start,end` and one column
/// per node attribute (scores included), `edges.csv` with `Id` (when some edge has an explicit
/// id; empty for generated ones), `Source,Target,Type,Kind,Weight,start,end` and one column per
/// edge attribute. A header declares `name:type` exactly where the reader's inference would not
/// give the type back (reals that look like integers, partial dates, lists, names with ':').
/// Fields holding commas, quotes, line breaks or edge blanks are quoted (RFC 4180). Reported:
/// attributes whose names collide with the format's columns (case-insensitive) or with each
/// other, empty strings (read back as missing), lists that do not survive `|` joining,
/// non-finite reals. Time: linear in the graph size.
std::vector<ExportedFile> write_csv(const graph::Graph& input, const ExportOptions& input_options,
                                    ExportReport& report) {
  detail::DropLog log("csv");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::None, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  const auto node_cols = detail::node_columns(graph, options);
  const auto node_attrs =
      plan(node_cols, graph.node_count(),
           {"id", "label", "kind", "node_type", "start", "end", "timeset"}, false, "node", log);
  const auto edge_attrs = plan(graph.edge_attributes().columns(), graph.edge_count(),
                               {"id", "source", "target", "type", "kind", "relation", "weight",
                                "date", "start", "end", "timeset"},
                               true, "edge", log);

  std::string nodes = "Id,Label,kind,start,end";
  for (const auto& a : node_attrs)
    nodes += "," + field(a.header);
  nodes += '\n';
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n) {
    const auto& node = graph.node(n);
    append_row(nodes,
               {node.id, node.label, graph.kind_name(n), date_text(node.valid.start),
                date_text(node.valid.end)},
               node_attrs, n);
  }

  bool ids = false;
  std::size_t non_finite = 0;
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e)
    ids = ids || graph.has_explicit_edge_id(e);
  std::string edges = ids ? "Id," : "";
  edges += "Source,Target,Type,Kind,Weight,start,end";
  for (const auto& a : edge_attrs)
    edges += "," + field(a.header);
  edges += '\n';
  std::vector<std::string> fixed;
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    fixed.clear();
    if (ids) fixed.push_back(graph.has_explicit_edge_id(e) ? graph.edge_id(e) : std::string());
    fixed.push_back(graph.node(edge.source).id);
    fixed.push_back(graph.node(edge.target).id);
    fixed.emplace_back(edge.directed ? "directed" : "undirected");
    fixed.push_back(graph.relation_name(e));
    if (std::isfinite(edge.weight)) {
      fixed.push_back(fmt::format("{}", edge.weight));
    } else {
      fixed.emplace_back();
      ++non_finite;
    }
    fixed.push_back(date_text(edge.valid.start));
    fixed.push_back(date_text(edge.valid.end));
    append_row(edges, fixed, edge_attrs, e);
  }
  log.add("{} non-finite edge weights not written (read back as 1)", non_finite);
  log.flush(report);
  return {{"nodes.csv", std::move(nodes)}, {"edges.csv", std::move(edges)}};
}

}  // namespace actornet::exporters
