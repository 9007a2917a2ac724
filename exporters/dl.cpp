// UCINET DL writer (read back by importers/dl.cpp).
#include <map>
#include <set>

#include <fmt/format.h>

#include "exporters/export.hpp"
#include "exporters/writer_support.hpp"

namespace actornet::exporters {
namespace {

constexpr std::size_t kMaxMatrixNodes = 2000;

// Whether every relation can be one matrix that reads back as written: no parallel edges in a
// relation, no zero weights, one direction per relation, a symmetric matrix exactly for the
// undirected ones.
bool fits_matrices(const graph::Graph& g, const std::vector<graph::SymbolId>& relations) {
  if (g.node_count() > kMaxMatrixNodes) return false;
  for (const auto r : relations) {
    std::map<std::pair<graph::NodeIndex, graph::NodeIndex>, double> cells;
    std::optional<bool> directed;
    for (const auto& e : g.edges()) {
      if (e.relation != r) continue;
      if (e.weight == 0 || (directed && *directed != e.directed)) return false;
      directed = e.directed;
      auto key = std::make_pair(e.source, e.target);
      if (!e.directed && key.first > key.second) std::swap(key.first, key.second);
      if (!cells.emplace(key, e.weight).second) return false;
    }
    if (directed && *directed) {
      bool symmetric = true;
      for (const auto& [key, w] : cells) {
        const auto it = cells.find({key.second, key.first});
        if (it == cells.end() || it->second != w) symmetric = false;
      }
      if (symmetric) return false;
    }
  }
  return true;
}

}  // namespace

/// UCINET DL. When the graph has named relations or directed edges and every relation forms
/// a simple matrix that reads back as written (no parallel edges within a relation, no zero
/// weights, undirected relations exactly the symmetric ones, at most 2000 nodes):
/// `format = fullmatrix` with `nm =` one matrix per relation and `matrix labels:` naming them,
/// cells holding weights. Otherwise `format = edgelist1` (`i j weight`, parallel edges
/// repeated), which holds neither relations nor direction (the reader takes --directed). Node
/// labels are the actornet ids. DL holds no node labels, kinds, attributes, intervals or edge
/// ids: each loss is reported with its count. Time: linear in the graph size, plus n x n per
/// relation for matrices.
std::string write_dl(const graph::Graph& input, const ExportOptions& input_options,
                     ExportReport& report) {
  detail::DropLog log("dl");
  const detail::FittedGraph fitted(input, input_options, detail::Unholdable::None, log);
  const graph::Graph& graph = fitted.graph();
  const ExportOptions& options = fitted.options();
  std::vector<graph::SymbolId> relations;
  std::set<graph::SymbolId> seen;
  bool any_directed = false;
  for (const auto& e : graph.edges()) {
    if (seen.insert(e.relation).second) relations.push_back(e.relation);
    any_directed = any_directed || e.directed;
  }
  const bool named =
      relations.size() > 1 ||
      (relations.size() == 1 && graph.relations().name(relations[0]) != graph::kDefaultRelation);
  const bool matrices = (named || any_directed) && fits_matrices(graph, relations);
  std::size_t replaced = 0;
  const std::size_t n = graph.node_count();
  std::string out = fmt::format("DL n={}\n", n);
  if (matrices) {
    out += fmt::format("format = fullmatrix\nnm = {}\n", relations.size());
  } else {
    out += "format = edgelist1\n";
  }
  if (n > 0) {
    out += "labels:\n";
    for (graph::NodeIndex v = 0; v < n; ++v)
      out += (v ? "," : "") + detail::quoted_label(graph.node(v).id, replaced);
    out += "\n";
  }
  if (matrices &&
      !(relations.size() == 1 && graph.relations().name(relations[0]) == graph::kDefaultRelation)) {
    out += "matrix labels:\n";
    for (std::size_t r = 0; r < relations.size(); ++r)
      out += (r ? "," : "") + detail::quoted_label(graph.relations().name(relations[r]), replaced);
    out += "\n";
  }
  out += "data:\n";
  if (matrices) {
    for (const auto r : relations) {
      std::vector<double> cells(n * n, 0.0);
      for (const auto& e : graph.edges()) {
        if (e.relation != r) continue;
        cells[e.source * n + e.target] = e.weight;
        if (!e.directed) cells[e.target * n + e.source] = e.weight;
      }
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
          out += fmt::format("{}{}", j ? " " : "", cells[i * n + j]);
        out += "\n";
      }
    }
  } else {
    std::size_t directed = 0;
    for (const auto& e : graph.edges()) {
      out += fmt::format("{} {} {}\n", e.source + 1, e.target + 1, e.weight);
      if (e.directed) ++directed;
    }
    if (named)
      log.add(
          "{} edges lost their relation (an edge list is one matrix; relations need a "
          "matrix per relation, which parallel edges or mixed directions rule out)",
          graph.edge_count());
    log.add(
        "{} directed edges written in an edge list, which holds no direction (read them "
        "back with --directed)",
        directed);
  }

  std::size_t labels = 0, kinds = 0, node_intervals = 0, edge_intervals = 0, ids = 0;
  for (graph::NodeIndex v = 0; v < n; ++v) {
    if (graph.node(v).label != graph.node(v).id) ++labels;
    if (graph.kind_name(v) != graph::kDefaultKind) ++kinds;
    if (!graph.node(v).valid.unbounded()) ++node_intervals;
  }
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    if (!graph.edge(e).valid.unbounded()) ++edge_intervals;
    if (graph.has_explicit_edge_id(e)) ++ids;
  }
  std::size_t node_values = 0, edge_values = 0;
  for (const auto& c : detail::node_columns(graph, options))
    node_values += c.present_below(n);
  for (const auto& c : graph.edge_attributes().columns())
    edge_values += c.present_below(graph.edge_count());
  log.add("{} node labels not written (a DL label holds the node's id)", labels);
  log.add("{} node kinds not written", kinds);
  log.add("{} nodes lost their validity interval (DL holds no time)", node_intervals);
  log.add("{} edges lost their validity interval (DL holds no time)", edge_intervals);
  log.add("{} edge ids not written", ids);
  log.add("{} node attribute values not written (DL holds no attributes)", node_values);
  log.add("{} edge attribute values not written (DL holds no attributes)", edge_values);
  log.add("{} double quotes or line breaks in labels replaced", replaced);
  log.flush(report);
  return out;
}

}  // namespace actornet::exporters
