// GraphML writer (namespace http://graphml.graphdrawing.org/xmlns). The mapping (read back
// exactly by importers/graphml.cpp):
//
// * keys with attr.type: node `label`, `kind` (string), `start`, `end` (string holding dates at
//   their precision, `actornet.type="date"`; half-open [start, end) as in CSV), edge
//   `relation` (string), `weight` (double), `start`, `end`; then every attribute (boolean,
//   long, double, string; dates and lists as string keys marked `actornet.type="date"` /
//   `"list"`, lists with `|` between items), every score (double), and `x`, `y` (double) when
//   positions are given;
// * `<graph edgedefault>` is the majority direction and every edge carries `directed`;
//   every edge has its (unique) id, so parallel edges stay apart.
// Attributes whose names are taken by those fields are not written (reported).
#include <algorithm>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"
#include "exporters/xml_output.hpp"

namespace actornet::exporters {
namespace {

using graph::AttrType;

std::string_view graphml_type(AttrType type) {
  switch (type) {
    case AttrType::Integer:
      return "long";
    case AttrType::Real:
      return "double";
    case AttrType::Bool:
      return "boolean";
    default:
      return "string";
  }
}

class KeyWriter {
 public:
  explicit KeyWriter(pugi::xml_node root) : root_(root) {}

  std::string add(const char* domain, const std::string& name, AttrType type) {
    const std::string id = fmt::format("d{}", next_++);
    auto key = root_.append_child("key");
    key.append_attribute("id") = id.c_str();
    key.append_attribute("for") = domain;
    key.append_attribute("attr.name") = name.c_str();
    key.append_attribute("attr.type") = std::string(graphml_type(type)).c_str();
    if (type == AttrType::Date) key.append_attribute("actornet.type") = "date";
    if (type == AttrType::List) key.append_attribute("actornet.type") = "list";
    return id;
  }

 private:
  pugi::xml_node root_;
  std::size_t next_ = 0;
};

void data(pugi::xml_node element, const std::string& key, const std::string& text) {
  auto d = element.append_child("data");
  d.append_attribute("key") = key.c_str();
  d.text() = text.c_str();
}

}  // namespace

std::string write_graphml(const graph::Graph& input, const ExportOptions& input_options,
                          ExportReport& report) {
  if (!input_options.positions.empty() && input_options.positions.size() != input.node_count())
    throw std::invalid_argument("write_graphml: positions must have one entry per node");
  detail::DropLog drops("graphml");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::Xml, drops);
  const graph::Graph& g = fitted.graph();
  const ExportOptions& options = fitted.options();
  auto columns = detail::node_columns(g, options);
  const bool positions = std::any_of(options.positions.begin(), options.positions.end(),
                                     [](const auto& p) { return p.has_value(); });
  bool nodes_dated = false, edges_dated = false;
  std::size_t directed = 0;
  for (const auto& n : g.nodes())
    nodes_dated = nodes_dated || !n.valid.unbounded();
  for (const auto& e : g.edges()) {
    edges_dated = edges_dated || !e.valid.unbounded();
    directed += e.directed ? 1 : 0;
  }

  pugi::xml_document doc;
  auto root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") =
      "http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
  KeyWriter keys(root);

  std::vector<std::string> node_reserved{"label", "kind"};
  if (nodes_dated) node_reserved.insert(node_reserved.end(), {"start", "end"});
  if (positions) node_reserved.insert(node_reserved.end(), {"x", "y"});
  std::vector<std::string> edge_reserved{"relation", "weight"};
  if (edges_dated) edge_reserved.insert(edge_reserved.end(), {"start", "end"});

  const auto key_label = keys.add("node", "label", AttrType::String);
  const auto key_kind = keys.add("node", "kind", AttrType::String);
  std::string key_nstart, key_nend, key_x, key_y, key_estart, key_eend;
  if (nodes_dated) {
    key_nstart = keys.add("node", "start", AttrType::Date);
    key_nend = keys.add("node", "end", AttrType::Date);
  }
  if (positions) {
    key_x = keys.add("node", "x", AttrType::Real);
    key_y = keys.add("node", "y", AttrType::Real);
  }
  std::vector<std::string> node_keys(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    if (std::find(node_reserved.begin(), node_reserved.end(), col.name) != node_reserved.end()) {
      drops.add(fmt::format("node attribute '{}' not written ({{}} values): the name is taken "
                            "by the node's own field",
                            detail::escape_braces(col.name)),
                col.present());
      continue;
    }
    node_keys[c] = keys.add("node", col.name, col.type);
  }
  const auto key_relation = keys.add("edge", "relation", AttrType::String);
  const auto key_weight = keys.add("edge", "weight", AttrType::Real);
  if (edges_dated) {
    key_estart = keys.add("edge", "start", AttrType::Date);
    key_eend = keys.add("edge", "end", AttrType::Date);
  }
  const auto& edge_columns = g.edge_attributes().columns();
  std::vector<std::string> edge_keys(edge_columns.size());
  for (std::size_t c = 0; c < edge_columns.size(); ++c) {
    const auto& col = edge_columns[c];
    if (std::find(edge_reserved.begin(), edge_reserved.end(), col.name) != edge_reserved.end()) {
      drops.add(fmt::format("edge attribute '{}' not written ({{}} values): the name is taken "
                            "by the edge's own field",
                            detail::escape_braces(col.name)),
                col.present());
      continue;
    }
    edge_keys[c] = keys.add("edge", col.name, col.type);
  }

  auto graph_el = root.append_child("graph");
  graph_el.append_attribute("id") = "G";
  graph_el.append_attribute("edgedefault") =
      directed * 2 > g.edge_count() ? "directed" : "undirected";
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n) {
    const auto& node = g.node(n);
    auto el = graph_el.append_child("node");
    el.append_attribute("id") = node.id.c_str();
    data(el, key_label, node.label);
    data(el, key_kind, g.kind_name(n));
    if (node.valid.start) data(el, key_nstart, node.valid.start->to_string());
    if (node.valid.end) data(el, key_nend, node.valid.end->to_string());
    if (positions && options.positions[n]) {
      data(el, key_x, xml::xsd_real(options.positions[n]->first));
      data(el, key_y, xml::xsd_real(options.positions[n]->second));
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (node_keys[c].empty()) continue;
      const auto& v = columns[c].get(n);
      if (!graph::is_missing(v)) data(el, node_keys[c], xml::value_text(v));
    }
  }
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e) {
    const auto& edge = g.edge(e);
    auto el = graph_el.append_child("edge");
    el.append_attribute("id") = g.edge_id(e).c_str();
    el.append_attribute("source") = g.node(edge.source).id.c_str();
    el.append_attribute("target") = g.node(edge.target).id.c_str();
    el.append_attribute("directed") = edge.directed ? "true" : "false";
    data(el, key_relation, g.relation_name(e));
    data(el, key_weight, xml::xsd_real(edge.weight));
    if (edge.valid.start) data(el, key_estart, edge.valid.start->to_string());
    if (edge.valid.end) data(el, key_eend, edge.valid.end->to_string());
    for (std::size_t c = 0; c < edge_columns.size(); ++c) {
      if (edge_keys[c].empty()) continue;
      const auto& v = g.edge_attributes().get(c, e);
      if (!graph::is_missing(v)) data(el, edge_keys[c], xml::value_text(v));
    }
  }
  drops.flush(report);
  return xml::to_text(doc);
}

}  // namespace actornet::exporters
