// GEXF 1.3 writer (namespace http://gexf.net/1.3, viz http://gexf.net/1.3/viz), valid against
// the 1.3 RELAX NG schema. The mapping (read back exactly by importers/gexf.cpp):
//
// * nodes: id, label, start/end, attvalues for `kind`, every attribute and every score;
//   viz:color (graph/style.hpp palette, by options.color_by, else `side`, else `country`, else
//   kind), viz:shape (by kind), viz:size (options.size_by, scaled to 5..50), viz:position;
// * edges: id (unique: the graph's), source, target, type (directed/undirected, on every
//   edge; defaultedgetype is the majority), kind = relation (Gephi keeps parallel edges of
//   different kinds apart), weight, start/end, attvalues, viz:color by relation (as the
//   diagrams); an edge attribute `label` of type string is written as the edge's label;
// * attributes declared with types: string, long (int), double (real), boolean, liststring
//   (list, items between `|`); the 1.3 schema has no date type, so date attributes are
//   declared `string` with an id ending in `:date` (`founded:date`), values ISO at precision;
// * time: mode="dynamic" timeformat="date" only when some node or edge is dated. GEXF
//   intervals are closed (Gephi includes both ends), ours half-open [start, end), so `end` is
//   written as the last day included (end - 1 day) and read back as end + 1 day. start/end
//   are full dates (xsd:date); a bound known only to the month or year is also written, at
//   its precision, in the string attribute `interval` (`2024-01/2024-02`), which the reader
//   uses to restore the precision.
#include <algorithm>
#include <cmath>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"
#include "exporters/xml_output.hpp"
#include "graph/errors.hpp"
#include "graph/style.hpp"

namespace actornet::exporters {
namespace {

using graph::AttrType;
using graph::Date;
using graph::DatePrecision;
using graph::Interval;

constexpr const char* kGexfNamespace = "http://gexf.net/1.3";
constexpr const char* kVizNamespace = "http://gexf.net/1.3/viz";

std::string_view gexf_type(AttrType type) {
  switch (type) {
    case AttrType::String:
    case AttrType::Date:
      return "string";
    case AttrType::Integer:
      return "long";
    case AttrType::Real:
      return "double";
    case AttrType::Bool:
      return "boolean";
    case AttrType::List:
      return "liststring";
  }
  return "string";
}

std::string attribute_id(const graph::AttrColumn& column) {
  return column.type == AttrType::Date ? column.name + ":date" : column.name;
}

bool coarse(const Interval& valid) {
  return (valid.start && valid.start->precision() != DatePrecision::Day) ||
         (valid.end && valid.end->precision() != DatePrecision::Day);
}

// start/end as GEXF's closed interval of full dates.
void write_times(pugi::xml_node element, const Interval& valid) {
  if (valid.start)
    element.append_attribute("start") = xml::iso_day(valid.start->first_day()).c_str();
  if (valid.end) element.append_attribute("end") = xml::iso_day(valid.end->first_day() - 1).c_str();
}

void add_value(pugi::xml_node& attvalues, pugi::xml_node element, const std::string& id,
               const std::string& value) {
  if (!attvalues) attvalues = element.append_child("attvalues");
  auto v = attvalues.append_child("attvalue");
  v.append_attribute("for") = id.c_str();
  v.append_attribute("value") = value.c_str();
}

void declare(pugi::xml_node attributes, const std::string& id, const std::string& title,
             std::string_view type) {
  auto a = attributes.append_child("attribute");
  a.append_attribute("id") = id.c_str();
  a.append_attribute("title") = title.c_str();
  a.append_attribute("type") = std::string(type).c_str();
}

// The colour of every node: by options.color_by, else `side`, else `country`, else kind.
std::vector<graph::style::Colour> node_colours(const graph::Graph& g,
                                               const ExportOptions& options) {
  std::string by = options.color_by;
  if (by.empty()) {
    if (g.node_attributes().find("side"))
      by = "side";
    else if (g.node_attributes().find("country"))
      by = "country";
    else
      by = "kind";
  }
  std::vector<std::optional<std::string>> keys(g.node_count());
  if (by == "kind") {
    for (graph::NodeIndex n = 0; n < g.node_count(); ++n)
      keys[n] = g.kind_name(n);
  } else {
    const auto column = g.node_attributes().find(by);
    if (!column)
      throw InputError(
          fmt::format("colour by '{}': the graph has no node attribute of that name", by));
    for (graph::NodeIndex n = 0; n < g.node_count(); ++n) {
      const auto& v = g.node_attributes().get(*column, n);
      if (!graph::is_missing(v)) keys[n] = graph::format_value(v);
    }
  }
  std::vector<std::string> values;
  for (const auto& k : keys)
    if (k) values.push_back(*k);
  const auto palette = graph::style::category_colours(values);
  std::vector<graph::style::Colour> colours;
  colours.reserve(g.node_count());
  for (const auto& k : keys)
    colours.push_back(k ? palette.at(*k) : graph::style::missing_colour());
  return colours;
}

// viz:size per node (NaN = none): the size_by score or numeric attribute scaled to 5..50.
std::vector<double> node_sizes(const graph::Graph& g, const std::vector<graph::AttrColumn>& columns,
                               const ExportOptions& options) {
  std::vector<double> sizes(g.node_count(), std::nan(""));
  if (options.size_by.empty()) return sizes;
  const auto it = std::find_if(columns.begin(), columns.end(),
                               [&](const auto& c) { return c.name == options.size_by; });
  if (it == columns.end() || (it->type != AttrType::Real && it->type != AttrType::Integer))
    throw InputError(fmt::format(
        "size by '{}': neither a score asked for (--with-scores) nor a numeric node attribute",
        options.size_by));
  double lo = INFINITY, hi = -INFINITY;
  std::vector<double> raw(g.node_count(), std::nan(""));
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const auto& v = it->get(n);
    if (const auto* d = std::get_if<double>(&v)) raw[n] = *d;
    if (const auto* i = std::get_if<std::int64_t>(&v)) raw[n] = static_cast<double>(*i);
    if (std::isfinite(raw[n])) {
      lo = std::min(lo, raw[n]);
      hi = std::max(hi, raw[n]);
    }
  }
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    if (!std::isfinite(raw[n])) continue;
    sizes[n] = hi > lo ? 5.0 + 45.0 * (raw[n] - lo) / (hi - lo) : 10.0;
  }
  return sizes;
}

}  // namespace

std::string write_gexf(const graph::Graph& input, const ExportOptions& input_options,
                       ExportReport& report) {
  if (!input_options.positions.empty() && input_options.positions.size() != input.node_count())
    throw std::invalid_argument("write_gexf: positions must have one entry per node");
  detail::DropLog drops("gexf");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::Xml, drops);
  const graph::Graph& g = fitted.graph();
  const ExportOptions& options = fitted.options();
  const auto columns = detail::node_columns(g, options);
  const auto& edge_columns = g.edge_attributes().columns();

  bool dated = false, coarse_nodes = false, coarse_edges = false;
  std::size_t directed = 0;
  for (const auto& n : g.nodes()) {
    dated = dated || !n.valid.unbounded();
    coarse_nodes = coarse_nodes || coarse(n.valid);
  }
  for (const auto& e : g.edges()) {
    dated = dated || !e.valid.unbounded();
    coarse_edges = coarse_edges || coarse(e.valid);
    directed += e.directed ? 1 : 0;
  }
  const bool default_directed = directed * 2 > g.edge_count();

  pugi::xml_document doc;
  auto root = doc.append_child("gexf");
  root.append_attribute("xmlns") = kGexfNamespace;
  root.append_attribute("xmlns:viz") = kVizNamespace;
  // No xsi:schemaLocation: the 1.3 RELAX NG schema does not allow it.
  root.append_attribute("version") = "1.3";
  root.append_child("meta").append_child("creator").text() = "actornet";
  auto graph_el = root.append_child("graph");
  graph_el.append_attribute("defaultedgetype") = default_directed ? "directed" : "undirected";
  graph_el.append_attribute("mode") = dated ? "dynamic" : "static";
  if (dated) graph_el.append_attribute("timeformat") = "date";

  // Declarations. Names GEXF needs for itself (`kind` on nodes, `interval`) cannot also be
  // attributes: such attributes are dropped, and reported.
  const auto reserved_node = [&](const std::string& name) {
    return name == "kind" || (name == "interval" && coarse_nodes);
  };
  const auto reserved_edge = [&](const std::string& name) {
    return name == "interval" && coarse_edges;
  };
  auto node_attrs = graph_el.append_child("attributes");
  node_attrs.append_attribute("class") = "node";
  node_attrs.append_attribute("mode") = "static";
  declare(node_attrs, "kind", "kind", "string");
  std::vector<bool> node_written(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    if (reserved_node(col.name)) {
      drops.add(fmt::format("node attribute '{}' not written ({{}} values): GEXF needs the name "
                            "for the node's own field",
                            detail::escape_braces(col.name)),
                col.present());
      continue;
    }
    node_written[c] = true;
    declare(node_attrs, attribute_id(col), col.name, gexf_type(col.type));
  }
  if (coarse_nodes) declare(node_attrs, "interval", "interval", "string");
  auto edge_attrs = graph_el.append_child("attributes");
  edge_attrs.append_attribute("class") = "edge";
  edge_attrs.append_attribute("mode") = "static";
  std::vector<bool> edge_written(edge_columns.size());
  std::optional<std::size_t> label_column;
  for (std::size_t c = 0; c < edge_columns.size(); ++c) {
    const auto& col = edge_columns[c];
    if (col.name == "label" && col.type == AttrType::String) {
      label_column = c;
      continue;
    }
    if (reserved_edge(col.name)) {
      drops.add(fmt::format("edge attribute '{}' not written ({{}} values): GEXF needs the name "
                            "for the interval's precision",
                            detail::escape_braces(col.name)),
                col.present());
      continue;
    }
    edge_written[c] = true;
    declare(edge_attrs, attribute_id(col), col.name, gexf_type(col.type));
  }
  if (coarse_edges) declare(edge_attrs, "interval", "interval", "string");

  // Nodes.
  const auto colours = node_colours(g, options);
  const auto sizes = node_sizes(g, columns, options);
  auto nodes_el = graph_el.append_child("nodes");
  nodes_el.append_attribute("count") = static_cast<unsigned long long>(g.node_count());
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n) {
    const auto& node = g.node(n);
    auto el = nodes_el.append_child("node");
    el.append_attribute("id") = node.id.c_str();
    el.append_attribute("label") = node.label.c_str();
    write_times(el, node.valid);
    pugi::xml_node attvalues;
    add_value(attvalues, el, "kind", g.kind_name(n));
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!node_written[c]) continue;
      const auto& v = columns[c].get(n);
      if (!graph::is_missing(v))
        add_value(attvalues, el, attribute_id(columns[c]), xml::value_text(v));
    }
    if (coarse(node.valid)) add_value(attvalues, el, "interval", node.valid.to_string());
    const auto& colour = colours[n];
    auto c = el.append_child("viz:color");
    c.append_attribute("r") = static_cast<unsigned>(colour.r);
    c.append_attribute("g") = static_cast<unsigned>(colour.g);
    c.append_attribute("b") = static_cast<unsigned>(colour.b);
    if (!std::isnan(sizes[n]))
      el.append_child("viz:size").append_attribute("value") = xml::xsd_real(sizes[n]).c_str();
    if (!options.positions.empty() && options.positions[n]) {
      auto p = el.append_child("viz:position");
      p.append_attribute("x") = xml::xsd_real(options.positions[n]->first).c_str();
      p.append_attribute("y") = xml::xsd_real(options.positions[n]->second).c_str();
    }
    el.append_child("viz:shape").append_attribute("value") =
        std::string(graph::style::kind_style(g.kind_name(n)).gexf_shape).c_str();
  }

  // Edges, coloured by relation as in the diagrams.
  std::vector<std::string> relation_names;
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e)
    relation_names.push_back(g.relation_name(e));
  const auto relation_styles = graph::style::relation_styles(relation_names);
  auto edges_el = graph_el.append_child("edges");
  edges_el.append_attribute("count") = static_cast<unsigned long long>(g.edge_count());
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e) {
    const auto& edge = g.edge(e);
    auto el = edges_el.append_child("edge");
    el.append_attribute("id") = g.edge_id(e).c_str();
    el.append_attribute("source") = g.node(edge.source).id.c_str();
    el.append_attribute("target") = g.node(edge.target).id.c_str();
    el.append_attribute("type") = edge.directed ? "directed" : "undirected";
    el.append_attribute("kind") = g.relation_name(e).c_str();
    el.append_attribute("weight") = xml::xsd_real(edge.weight).c_str();
    if (label_column) {
      const auto& v = g.edge_attributes().get(*label_column, e);
      if (!graph::is_missing(v)) el.append_attribute("label") = std::get<std::string>(v).c_str();
    }
    write_times(el, edge.valid);
    pugi::xml_node attvalues;
    for (std::size_t c = 0; c < edge_columns.size(); ++c) {
      if (!edge_written[c]) continue;
      const auto& v = g.edge_attributes().get(c, e);
      if (!graph::is_missing(v))
        add_value(attvalues, el, attribute_id(edge_columns[c]), xml::value_text(v));
    }
    if (coarse(edge.valid)) add_value(attvalues, el, "interval", edge.valid.to_string());
    const auto& colour = relation_styles.at(g.relation_name(e)).colour;
    auto c = el.append_child("viz:color");
    c.append_attribute("r") = static_cast<unsigned>(colour.r);
    c.append_attribute("g") = static_cast<unsigned>(colour.g);
    c.append_attribute("b") = static_cast<unsigned>(colour.b);
  }
  drops.flush(report);
  return xml::to_text(doc);
}

}  // namespace actornet::exporters
