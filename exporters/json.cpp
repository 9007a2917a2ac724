// JSON writers: NetworkX node-link data and cytoscape.js elements.
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"

namespace actornet::exporters {
namespace {

using nlohmann::ordered_json;

std::string_view json_type_loss(graph::AttrType type) {
  return type == graph::AttrType::Date ? "strings" : "";
}

// The JSON form of a value; a non-finite real has none (JSON has no NaN or infinity).
ordered_json to_json(const graph::Value& value, std::size_t& non_finite) {
  struct Visitor {
    std::size_t& non_finite;
    ordered_json operator()(std::monostate) const { return nullptr; }
    ordered_json operator()(const std::string& s) const { return s; }
    ordered_json operator()(std::int64_t i) const { return i; }
    ordered_json operator()(double d) const {
      if (!std::isfinite(d)) {
        ++non_finite;
        return nullptr;
      }
      return d;
    }
    ordered_json operator()(bool b) const { return b; }
    ordered_json operator()(const graph::Date& d) const { return d.to_string(); }
    ordered_json operator()(const std::vector<std::string>& items) const { return items; }
  };
  return std::visit(Visitor{non_finite}, value);
}

// Writes the attributes of one element into `obj`, skipping names the format reserves.
void put_attributes(ordered_json& obj, const std::vector<graph::AttrColumn>& columns,
                    std::size_t element, const std::vector<bool>& skip, std::size_t& non_finite) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (skip[c]) continue;
    const auto& v = columns[c].get(element);
    if (graph::is_missing(v)) continue;
    obj[columns[c].name] = to_json(v, non_finite);
  }
}

// Marks the columns whose names collide with a field of the format, and logs them.
std::vector<bool> reserved_columns(const std::vector<graph::AttrColumn>& columns,
                                   std::initializer_list<std::string_view> reserved,
                                   std::size_t count, std::string_view element,
                                   detail::DropLog& log) {
  std::vector<bool> skip(columns.size(), false);
  for (std::size_t c = 0; c < columns.size(); ++c)
    for (auto name : reserved)
      if (columns[c].name == name) {
        skip[c] = true;
        const std::size_t n = columns[c].present_below(count);
        log.add(fmt::format("{} attribute '{}' not written: its name is a field of the format "
                            "({{}} values)",
                            element, detail::escape_braces(name)),
                n);
      }
  return skip;
}

void put_interval(ordered_json& obj, const graph::Interval& valid) {
  if (valid.start) obj["start"] = valid.start->to_string();
  if (valid.end) obj["end"] = valid.end->to_string();
}

ordered_json weight_json(double weight, std::size_t& non_finite) {
  return to_json(graph::Value{weight}, non_finite);
}

// A node's own fields and attributes, as both JSON flavours write them.
ordered_json node_json(const graph::Graph& graph, graph::NodeIndex n,
                       const std::vector<graph::AttrColumn>& columns, const std::vector<bool>& skip,
                       std::size_t& non_finite) {
  const auto& node = graph.node(n);
  ordered_json obj;
  obj["id"] = node.id;
  obj["label"] = node.label;
  obj["kind"] = graph.kind_name(n);
  put_interval(obj, node.valid);
  put_attributes(obj, columns, n, skip, non_finite);
  return obj;
}

// Reports the losses and serialises the document.
std::string finish(const ordered_json& doc, std::size_t non_finite, detail::DropLog& log,
                   ExportReport& report) {
  log.add("{} non-finite reals written as null (JSON has no NaN or infinity)", non_finite);
  log.flush(report);
  // Every text is well-formed UTF-8 by now (detail::FittedGraph counted and replaced the
  // rest), so nothing is left for nlohmann's own silent replacement: strict would throw.
  return doc.dump(1, ' ', false, ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace

/// NetworkX node-link JSON (`node_link_graph(data, edges="links")` reads it): `directed`
/// (true when any edge is), `multigraph` true, nodes with `id`, `label`, `kind`, `start`,
/// `end` and their attributes, `links` with `source`, `target`, `key` (the explicit edge id,
/// or the edge's index as an integer), `relation`, `weight`, `start`, `end`, `directed` where
/// the edge differs from the graph, and their attributes. Dates are ISO strings; lists arrays.
/// Reports date attributes written as strings, non-finite reals written as null, and
/// attributes whose names are fields of the format. Time: linear in the graph size.
std::string write_json(const graph::Graph& input, const ExportOptions& input_options,
                       ExportReport& report) {
  detail::DropLog log("json");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::None, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  const auto node_cols = detail::node_columns(graph, options);
  const auto& edge_cols = graph.edge_attributes().columns();
  const auto node_skip = reserved_columns(node_cols, {"id", "label", "kind", "start", "end"},
                                          graph.node_count(), "node", log);
  const auto edge_skip = reserved_columns(
      edge_cols,
      {"source", "target", "key", "id", "relation", "directed", "weight", "start", "end"},
      graph.edge_count(), "edge", log);
  detail::log_type_losses(node_cols, graph.node_count(), "node", json_type_loss, log);
  detail::log_type_losses(edge_cols, graph.edge_count(), "edge", json_type_loss, log);

  bool any_directed = false;
  for (const auto& e : graph.edges())
    any_directed = any_directed || e.directed;
  std::size_t non_finite = 0;

  ordered_json doc;
  doc["directed"] = any_directed;
  doc["multigraph"] = true;
  doc["graph"] = ordered_json::object();
  auto& nodes = doc["nodes"] = ordered_json::array();
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n)
    nodes.push_back(node_json(graph, n, node_cols, node_skip, non_finite));
  auto& links = doc["links"] = ordered_json::array();
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    ordered_json obj;
    obj["source"] = graph.node(edge.source).id;
    obj["target"] = graph.node(edge.target).id;
    if (graph.has_explicit_edge_id(e))
      obj["key"] = graph.edge_id(e);
    else
      obj["key"] = e;
    obj["relation"] = graph.relation_name(e);
    obj["weight"] = weight_json(edge.weight, non_finite);
    if (edge.directed != any_directed) obj["directed"] = edge.directed;
    put_interval(obj, edge.valid);
    put_attributes(obj, edge_cols, e, edge_skip, non_finite);
    links.push_back(std::move(obj));
  }
  return finish(doc, non_finite, log, report);
}

/// cytoscape.js elements (`cy.add(json.elements)`, Cytoscape's .cyjs import): `{"data": {},
/// "elements": {"nodes": [{"data": {...}, "position": {x, y}}], "edges": [{"data": {...}}]}}`.
/// Node data: `id`, `label`, `kind`, `start`, `end`, attributes; position from
/// options.positions. Edge data: `id` (always, generated ones included), `source`, `target`,
/// `relation`, `directed`, `weight`, `start`, `end`, attributes. Reports what write_json does.
/// Time: linear in the graph size.
std::string write_cytoscape(const graph::Graph& input, const ExportOptions& input_options,
                            ExportReport& report) {
  detail::DropLog log("cytoscape");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::None, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  const auto node_cols = detail::node_columns(graph, options);
  const auto& edge_cols = graph.edge_attributes().columns();
  const auto node_skip = reserved_columns(node_cols, {"id", "label", "kind", "start", "end"},
                                          graph.node_count(), "node", log);
  const auto edge_skip = reserved_columns(
      edge_cols, {"id", "source", "target", "relation", "directed", "weight", "start", "end"},
      graph.edge_count(), "edge", log);
  detail::log_type_losses(node_cols, graph.node_count(), "node", json_type_loss, log);
  detail::log_type_losses(edge_cols, graph.edge_count(), "edge", json_type_loss, log);
  std::size_t non_finite = 0;

  ordered_json doc;
  doc["data"] = ordered_json::object();
  auto& elements = doc["elements"] = ordered_json::object();
  auto& nodes = elements["nodes"] = ordered_json::array();
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n) {
    ordered_json element;
    element["data"] = node_json(graph, n, node_cols, node_skip, non_finite);
    if (n < options.positions.size() && options.positions[n])
      element["position"] = {{"x", options.positions[n]->first},
                             {"y", options.positions[n]->second}};
    nodes.push_back(std::move(element));
  }
  auto& edges = elements["edges"] = ordered_json::array();
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    ordered_json data;
    data["id"] = graph.edge_id(e);
    data["source"] = graph.node(edge.source).id;
    data["target"] = graph.node(edge.target).id;
    data["relation"] = graph.relation_name(e);
    data["directed"] = edge.directed;
    data["weight"] = weight_json(edge.weight, non_finite);
    put_interval(data, edge.valid);
    put_attributes(data, edge_cols, e, edge_skip, non_finite);
    edges.push_back({{"data", std::move(data)}});
  }
  return finish(doc, non_finite, log, report);
}

}  // namespace actornet::exporters
