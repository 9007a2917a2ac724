// DOT writer: plain text any Graphviz tool reads (read back by importers/dot.cpp).
#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"

namespace actornet::exporters {
namespace {

// A DOT quoted string. cgraph's scanner turns `\"` into `"`, drops a backslash-newline (a line
// continuation) and keeps every other byte, `\\` included, as it is. A backslash right before
// a quote, a line break or the end of the text therefore cannot come back as written: it is
// written doubled (`\\`, read back as two backslashes), which keeps the file well-formed, and
// `unsafe` counts the texts so altered.
std::string dot_string(std::string_view text, std::size_t& unsafe) {
  std::string out = "\"";
  bool altered = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      out += "\\\"";
    } else {
      if (c == '\\' && (i + 1 == text.size() || text[i + 1] == '"' || text[i + 1] == '\n')) {
        out += '\\';
        altered = true;
      }
      out += c;
    }
  }
  if (altered) ++unsafe;
  return out + "\"";
}

std::string_view dot_type_loss(graph::AttrType type) {
  return type == graph::AttrType::String ? "" : "strings";
}

}  // namespace

/// DOT: `digraph` when any edge is directed (undirected edges then carry `directed=false` and
/// `dir=none`), else `graph`; every id and value quoted. Nodes: `label`, `kind`, `start`,
/// `end` (ISO) and attributes. Edges: `id` (explicit ids), `relation`, `weight`, `start`, `end`
/// and attributes. DOT values are strings: non-string attributes are reported as written as
/// strings, and so are names that collide with our fields. Texts: `"` is escaped; a backslash
/// before a quote, a line break or the end is doubled; NUL and ill-formed UTF-8 become U+FFFD;
/// ids starting with '%' are written as they are (cgraph renames them on reading); each
/// change is reported with its count. Time: linear in the graph size.
std::string write_dot(const graph::Graph& input, const ExportOptions& input_options,
                      ExportReport& report) {
  detail::DropLog log("dot");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::Nul, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  const auto node_cols = detail::node_columns(graph, options);
  const auto& edge_cols = graph.edge_attributes().columns();
  auto skip = [&](const std::vector<graph::AttrColumn>& columns, std::size_t count,
                  std::initializer_list<std::string_view> reserved, std::string_view element) {
    std::vector<bool> out(columns.size(), false);
    for (std::size_t c = 0; c < columns.size(); ++c)
      for (auto r : reserved)
        if (columns[c].name == r) {
          out[c] = true;
          const std::size_t n = columns[c].present_below(count);
          log.add(fmt::format("{} attribute '{}' not written: its name is a field of the format "
                              "({{}} values)",
                              element, detail::escape_braces(r)),
                  n);
        }
    return out;
  };
  const auto node_skip =
      skip(node_cols, graph.node_count(), {"label", "kind", "start", "end"}, "node");
  const auto edge_skip =
      skip(edge_cols, graph.edge_count(),
           {"id", "key", "relation", "weight", "start", "end", "directed", "dir"}, "edge");
  detail::log_type_losses(node_cols, graph.node_count(), "node", dot_type_loss, log);
  detail::log_type_losses(edge_cols, graph.edge_count(), "edge", dot_type_loss, log);

  bool any_directed = false;
  for (const auto& e : graph.edges())
    any_directed = any_directed || e.directed;
  std::size_t unsafe = 0;
  auto attributes = [&](std::string& out, const std::vector<graph::AttrColumn>& columns,
                        const std::vector<bool>& skipped, std::size_t element) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (skipped[c]) continue;
      const auto& v = columns[c].get(element);
      if (graph::is_missing(v)) continue;
      out += fmt::format(", {}={}", dot_string(columns[c].name, unsafe),
                         dot_string(graph::format_value(v), unsafe));
    }
  };

  std::string out = fmt::format("{} \"actornet\" {{\n", any_directed ? "digraph" : "graph");
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n) {
    const auto& node = graph.node(n);
    out += fmt::format("  {} [label={}, kind={}", dot_string(node.id, unsafe),
                       dot_string(node.label, unsafe), dot_string(graph.kind_name(n), unsafe));
    if (node.valid.start) out += fmt::format(", start=\"{}\"", node.valid.start->to_string());
    if (node.valid.end) out += fmt::format(", end=\"{}\"", node.valid.end->to_string());
    attributes(out, node_cols, node_skip, n);
    out += "];\n";
  }
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    out += fmt::format("  {} {} {} [", dot_string(graph.node(edge.source).id, unsafe),
                       any_directed ? "->" : "--", dot_string(graph.node(edge.target).id, unsafe));
    if (graph.has_explicit_edge_id(e))
      out += fmt::format("id={}, ", dot_string(graph.edge_id(e), unsafe));
    out += fmt::format("relation={}, weight=\"{}\"", dot_string(graph.relation_name(e), unsafe),
                       edge.weight);
    if (edge.valid.start) out += fmt::format(", start=\"{}\"", edge.valid.start->to_string());
    if (edge.valid.end) out += fmt::format(", end=\"{}\"", edge.valid.end->to_string());
    if (any_directed && !edge.directed) out += ", directed=\"false\", dir=\"none\"";
    attributes(out, edge_cols, edge_skip, e);
    out += "];\n";
  }
  out += "}\n";
  log.add(
      "{} texts with a backslash before a quote, a line break or the end written with that "
      "backslash doubled (DOT cannot hold it)",
      unsafe);
  std::size_t anonymous = 0;
  for (const auto& node : graph.nodes())
    if (node.id.starts_with('%')) ++anonymous;
  log.add(
      "{} node ids start with '%': Graphviz's readers take such names for anonymous nodes and "
      "rename them",
      anonymous);
  log.flush(report);
  return out;
}

}  // namespace actornet::exporters
