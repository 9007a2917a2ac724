// Pajek .net writer (read back by importers/pajek.cpp).
#include <map>

#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"

namespace actornet::exporters {
namespace {

// The closed range of years `[first-last]` an interval covers, `*` for an open end; sets
// `exact` to false when the interval does not start and end on whole years.
std::string pajek_times(const graph::Interval& valid, bool& exact) {
  exact = true;
  std::string from = "*", to = "*";
  if (valid.start) {
    from = std::to_string(valid.start->year());
    exact = exact && valid.start->precision() == graph::DatePrecision::Year;
  }
  if (valid.end) {
    const auto& end = *valid.end;
    const bool new_year = end.month() == 1 && end.day() == 1;
    to = std::to_string(new_year ? end.year() - 1 : end.year());
    exact = exact && end.precision() == graph::DatePrecision::Year;
  }
  if (valid.start && valid.end && from == to) return "[" + from + "]";
  return "[" + from + "-" + to + "]";
}

}  // namespace

/// Pajek .net: `*Vertices N`, one line `k "id"` per node (the label is the node's actornet id,
/// so that the network reads back keyed by it), then one `*Arcs :k "relation"` (directed) or
/// `*Edges :k "relation"` (undirected) section per relation and direction, lines
/// `source target weight [from-to]` with the validity as closed year ranges (`*` for an open
/// end). Pajek holds no node labels besides the id, no kinds, no attributes, no edge ids and no
/// time finer than integer points (years here): each loss is reported with its count.
/// Time: linear in the graph size.
std::string write_pajek(const graph::Graph& input, const ExportOptions& input_options,
                        ExportReport& report) {
  detail::DropLog log("pajek");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::None, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  std::size_t replaced = 0;
  std::string out = fmt::format("*Network actornet\n*Vertices {}\n", graph.node_count());
  std::size_t labels = 0, kinds = 0, node_intervals = 0;
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n) {
    const auto& node = graph.node(n);
    out += fmt::format("{} {}", n + 1, detail::quoted_label(node.id, replaced));
    if (!node.valid.unbounded()) {
      bool exact = true;
      out += " " + pajek_times(node.valid, exact);
      if (!exact) ++node_intervals;
    }
    out += "\n";
    if (node.label != node.id) ++labels;
    if (graph.kind_name(n) != graph::kDefaultKind) ++kinds;
  }
  log.add("{} node labels not written (a vertex's label holds its id)", labels);
  log.add("{} node kinds not written (Pajek .net holds none)", kinds);
  log.add("{} node validity intervals widened to whole years", node_intervals);

  // Sections: one per (relation, direction), in order of first appearance.
  std::map<std::pair<graph::SymbolId, bool>, std::vector<graph::EdgeIndex>> sections;
  std::vector<std::pair<graph::SymbolId, bool>> order;
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto key = std::make_pair(graph.edge(e).relation, graph.edge(e).directed);
    auto& list = sections[key];
    if (list.empty()) order.push_back(key);
    list.push_back(e);
  }
  std::map<graph::SymbolId, std::size_t> numbers;
  std::size_t edge_intervals = 0, edge_ids = 0;
  for (const auto& key : order) {
    const auto [number, added] = numbers.emplace(key.first, numbers.size() + 1);
    (void)added;
    out += fmt::format("{} :{} {}\n", key.second ? "*Arcs" : "*Edges", number->second,
                       detail::quoted_label(graph.relations().name(key.first), replaced));
    for (const auto e : sections[key]) {
      const auto& edge = graph.edge(e);
      out += fmt::format("{} {} {}", edge.source + 1, edge.target + 1, edge.weight);
      if (!edge.valid.unbounded()) {
        bool exact = true;
        out += " " + pajek_times(edge.valid, exact);
        if (!exact) ++edge_intervals;
      }
      out += "\n";
      if (graph.has_explicit_edge_id(e)) ++edge_ids;
    }
  }
  log.add("{} edge validity intervals widened to whole years", edge_intervals);
  log.add("{} edge ids not written (Pajek .net holds none)", edge_ids);
  const auto node_cols = detail::node_columns(graph, options);
  std::size_t node_values = 0, edge_values = 0;
  for (const auto& c : node_cols)
    node_values += c.present_below(graph.node_count());
  for (const auto& c : graph.edge_attributes().columns())
    edge_values += c.present_below(graph.edge_count());
  log.add("{} node attribute values not written (Pajek .net holds no attributes)", node_values);
  log.add("{} edge attribute values not written (Pajek .net holds no attributes)", edge_values);
  log.add("{} double quotes or line breaks in labels replaced", replaced);
  log.flush(report);
  return out;
}

}  // namespace actornet::exporters
