// GML writer (igraph, NetworkX, yEd; read back by importers/gml.cpp).
#include <cmath>

#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"

namespace actornet::exporters {
namespace {

// A GML string literal: ASCII only (NetworkX refuses anything else), with `&`, `"` and every
// non-printable or non-ASCII character as an HTML entity.
std::string gml_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '&') {
      out += "&amp;";
      ++i;
    } else if (c == '"') {
      out += "&quot;";
      ++i;
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x80) {
      out += fmt::format("&#{};", static_cast<unsigned>(c));
      ++i;
    } else {
      // Decode one UTF-8 sequence (write_gml made every text well-formed UTF-8 first).
      const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      unsigned long cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0Fu : len == 2 ? c & 0x1Fu : c;
      int k = 1;
      for (; k < len && i + static_cast<std::size_t>(k) < text.size(); ++k)
        cp =
            (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
      out += fmt::format("&#{};", cp);
      i += static_cast<std::size_t>(k);
    }
  }
  return out + "\"";
}

bool is_gml_key(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && (i == 0 || c < '0' || c > '9')) return false;
  }
  return true;
}

std::string gml_real(double value) {
  if (std::isnan(value)) return "NAN";
  if (std::isinf(value)) return value > 0 ? "+INF" : "-INF";
  return detail::real_literal(value);
}

std::string_view gml_type_loss(graph::AttrType type) {
  switch (type) {
    case graph::AttrType::Bool:
      return "integers 0/1";
    case graph::AttrType::Date:
      return "strings";
    default:
      return "";
  }
}

// Which columns can be written: names that are GML keys and not fields of the format.
std::vector<bool> writable(const std::vector<graph::AttrColumn>& columns, std::size_t count,
                           std::initializer_list<std::string_view> reserved,
                           std::string_view element, detail::DropLog& log) {
  std::vector<bool> ok(columns.size(), true);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& name = columns[c].name;
    bool is_reserved = false;
    for (auto r : reserved)
      is_reserved = is_reserved || name == r;
    if (!is_reserved && is_gml_key(name)) continue;
    ok[c] = false;
    const std::size_t n = columns[c].present_below(count);
    log.add(fmt::format("{} attribute '{}' not written: {} ({{}} values)", element,
                        detail::escape_braces(name),
                        is_reserved ? "its name is a field of the format"
                                    : "GML keys are letters, digits and '_'"),
            n);
  }
  return ok;
}

void write_attributes(std::string& out, const std::vector<graph::AttrColumn>& columns,
                      const std::vector<bool>& ok, std::size_t element, std::string_view indent,
                      std::vector<std::size_t>& short_lists) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!ok[c]) continue;
    const auto& v = columns[c].get(element);
    if (graph::is_missing(v)) continue;
    const auto& name = columns[c].name;
    if (const auto* s = std::get_if<std::string>(&v)) {
      out += fmt::format("{}{} {}\n", indent, name, gml_string(*s));
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      out += fmt::format("{}{} {}\n", indent, name, *i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      out += fmt::format("{}{} {}\n", indent, name, gml_real(*d));
    } else if (const auto* b = std::get_if<bool>(&v)) {
      out += fmt::format("{}{} {}\n", indent, name, *b ? 1 : 0);
    } else if (const auto* date = std::get_if<graph::Date>(&v)) {
      out += fmt::format("{}{} {}\n", indent, name, gml_string(date->to_string()));
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
      // A list as a repeated key, as NetworkX writes it.
      for (const auto& item : *list)
        out += fmt::format("{}{} {}\n", indent, name, gml_string(item));
      if (list->size() < 2) ++short_lists[c];
    }
  }
}

// Lists read back as lists when some element of the column has two or more items; log the
// columns where none has, and the empty lists that vanish.
void log_lists(const std::vector<graph::AttrColumn>& columns, const std::vector<bool>& ok,
               std::size_t count, const std::vector<std::size_t>& short_lists,
               std::string_view element, detail::DropLog& log) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!ok[c] || columns[c].type != graph::AttrType::List) continue;
    std::size_t present = 0, empty = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const auto* list = std::get_if<std::vector<std::string>>(&columns[c].get(i));
      if (!list) continue;
      ++present;
      if (list->empty()) ++empty;
    }
    const auto name = detail::escape_braces(columns[c].name);
    log.add(fmt::format("{} attribute '{}' (list): {{}} empty lists not written", element, name),
            empty);
    if (short_lists[c] == present)
      log.add(fmt::format("{} attribute '{}' (list): {{}} lists of one item read back as text "
                          "(a list is a repeated key in GML)",
                          element, name),
              present - empty);
  }
}

}  // namespace

/// GML: `graph [ directed D multigraph 1 node [...] edge [...] ]`. Nodes: `id` (the node's
/// index), `name` (its actornet id), `label`, `kind`, `start`/`end` (ISO strings), attributes,
/// `graphics [ x y ]` from options.positions. Edges: `id` (explicit ids only), `source`,
/// `target`, `directed` where the edge differs from the graph (directed 1 when any edge is),
/// `relation`, `weight`, `start`, `end`, attributes. Strings are ASCII with HTML entities (NUL,
/// which has none, and ill-formed UTF-8 become U+FFFD, counted).
/// Integers, reals and strings keep their type; bools become 0/1, dates strings, lists repeated
/// keys; names that are not GML keys are dropped. Each loss is reported with its count.
/// NetworkX reads the file with `read_gml(path, label="name")` (labels need not be unique).
/// Time: linear in the graph size.
std::string write_gml(const graph::Graph& input, const ExportOptions& input_options,
                      ExportReport& report) {
  detail::DropLog log("gml");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::Nul, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  const auto node_cols = detail::node_columns(graph, options);
  const auto& edge_cols = graph.edge_attributes().columns();
  const auto node_ok =
      writable(node_cols, graph.node_count(),
               {"id", "name", "label", "kind", "start", "end", "graphics"}, "node", log);
  const auto edge_ok =
      writable(edge_cols, graph.edge_count(),
               {"id", "key", "source", "target", "directed", "relation", "weight", "start", "end"},
               "edge", log);
  detail::log_type_losses(node_cols, graph.node_count(), "node", gml_type_loss, log);
  detail::log_type_losses(edge_cols, graph.edge_count(), "edge", gml_type_loss, log);

  bool any_directed = false;
  for (const auto& e : graph.edges())
    any_directed = any_directed || e.directed;

  std::string out = "Creator \"actornet\"\ngraph [\n";
  out += fmt::format("  directed {}\n  multigraph 1\n", any_directed ? 1 : 0);
  std::vector<std::size_t> node_short(node_cols.size(), 0), edge_short(edge_cols.size(), 0);
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n) {
    const auto& node = graph.node(n);
    out += fmt::format("  node [\n    id {}\n    name {}\n    label {}\n    kind {}\n", n,
                       gml_string(node.id), gml_string(node.label), gml_string(graph.kind_name(n)));
    if (node.valid.start) out += fmt::format("    start \"{}\"\n", node.valid.start->to_string());
    if (node.valid.end) out += fmt::format("    end \"{}\"\n", node.valid.end->to_string());
    write_attributes(out, node_cols, node_ok, n, "    ", node_short);
    if (n < options.positions.size() && options.positions[n])
      out += fmt::format("    graphics [\n      x {}\n      y {}\n    ]\n",
                         gml_real(options.positions[n]->first),
                         gml_real(options.positions[n]->second));
    out += "  ]\n";
  }
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    out += "  edge [\n";
    if (graph.has_explicit_edge_id(e))
      out += fmt::format("    id {}\n", gml_string(graph.edge_id(e)));
    out += fmt::format("    source {}\n    target {}\n", edge.source, edge.target);
    if (edge.directed != any_directed)
      out += fmt::format("    directed {}\n", edge.directed ? 1 : 0);
    out += fmt::format("    relation {}\n    weight {}\n", gml_string(graph.relation_name(e)),
                       gml_real(edge.weight));
    if (edge.valid.start) out += fmt::format("    start \"{}\"\n", edge.valid.start->to_string());
    if (edge.valid.end) out += fmt::format("    end \"{}\"\n", edge.valid.end->to_string());
    write_attributes(out, edge_cols, edge_ok, e, "    ", edge_short);
    out += "  ]\n";
  }
  out += "]\n";
  log_lists(node_cols, node_ok, graph.node_count(), node_short, "node", log);
  log_lists(edge_cols, edge_ok, graph.edge_count(), edge_short, "edge", log);
  log.flush(report);
  return out;
}

}  // namespace actornet::exporters
