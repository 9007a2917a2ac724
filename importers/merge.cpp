#include "importers/merge.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/limits.hpp"

namespace actornet::importers {
namespace {

using graph::Value;

std::string show(const Value& v) {
  return graph::is_missing(v) ? std::string("(none)") : "'" + graph::format_value(v) + "'";
}

std::string part_name(const ImportReport& report) {
  if (report.files.empty()) return "another input";
  return report.files.front();
}

template <typename T>
void append(std::vector<T>& into, std::vector<T>&& from) {
  into.insert(into.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
}

}  // namespace

void merge_into(ImportResult& into, ImportResult&& part) {
  auto& g = into.graph;
  const auto& p = part.graph;
  const std::string from = part_name(part.report);

  // Attribute columns: declared with their types (declare throws on a clash); the maps give
  // the column in `into` of each column of `part`.
  const auto map_columns = [&](graph::AttributeTable& to, const graph::AttributeTable& src,
                               const char* what) {
    std::vector<std::size_t> map;
    for (const auto& col : src.columns()) {
      if (auto existing = to.find(col.name); existing && to.column(*existing).type != col.type)
        throw InputError(fmt::format(
            "{} attribute '{}' is {} in {} but {} in the inputs read before; give it one type",
            what, col.name, graph::to_string(col.type), from,
            graph::to_string(to.column(*existing).type)));
      if (!to.find(col.name) && to.size() >= kLimits.attributes)
        throw ParseError(
            from, 0, 0,
            detail::too_many_attributes(what, col.name) + " (counted over all the inputs merged)");
      map.push_back(to.declare(col.name, col.type));
    }
    return map;
  };
  const auto node_cols = map_columns(g.node_attributes(), p.node_attributes(), "node");
  const auto edge_cols = map_columns(g.edge_attributes(), p.edge_attributes(), "edge");

  // Nodes by id.
  std::vector<graph::NodeIndex> node_map(p.node_count());
  for (graph::NodeIndex n = 0; n < p.node_count(); ++n) {
    const auto& pn = p.node(n);
    const auto existing = g.find_node(pn.id);
    if (!existing) {
      detail::check_node_room(g, from, 0);
      const auto added = g.add_node(pn.id, pn.label, p.kind_name(n), pn.valid);
      node_map[n] = added;
      for (std::size_t c = 0; c < node_cols.size(); ++c) {
        const auto& v = p.node_attributes().get(c, n);
        if (!graph::is_missing(v)) g.node_attributes().set(node_cols[c], added, v);
      }
      continue;
    }
    const auto m = *existing;
    node_map[n] = m;
    auto& gn = g.node(m);
    const auto conflict = [&](std::string_view field, const std::string& a, const std::string& b) {
      throw InputError(
          fmt::format("node '{}' has {} {} in the inputs read before but {} in {}; make them agree",
                      pn.id, field, a, b, from));
    };
    // Label: the id is the default label, so a real label wins over it.
    if (pn.label != pn.id) {
      if (gn.label == gn.id)
        gn.label = pn.label;
      else if (gn.label != pn.label)
        conflict("label", "'" + gn.label + "'", "'" + pn.label + "'");
    }
    if (p.kind_name(n) != graph::kDefaultKind) {
      if (g.kind_name(m) == graph::kDefaultKind)
        gn.kind = g.kinds().intern(p.kind_name(n));
      else if (g.kind_name(m) != p.kind_name(n))
        conflict("kind", "'" + g.kind_name(m) + "'", "'" + p.kind_name(n) + "'");
    }
    if (!pn.valid.unbounded()) {
      if (gn.valid.unbounded())
        gn.valid = pn.valid;
      else if (gn.valid != pn.valid)
        conflict("validity", gn.valid.to_string(), pn.valid.to_string());
    }
    for (std::size_t c = 0; c < node_cols.size(); ++c) {
      const auto& v = p.node_attributes().get(c, n);
      if (graph::is_missing(v)) continue;
      const auto& have = g.node_attributes().get(node_cols[c], m);
      if (graph::is_missing(have))
        g.node_attributes().set(node_cols[c], m, v);
      else if (have != v)
        conflict(fmt::format("attribute '{}' =", p.node_attributes().column(c).name), show(have),
                 show(v));
    }
    into.report.merged.push_back(
        {from, 0, fmt::format("node '{}' merged with the node of the same id read before", pn.id)});
  }

  // Edges appended; generated ids (and explicit ones of the generated form `e<own index>`,
  // as an export of generated ids reads back) are generated afresh, other ids kept.
  for (graph::EdgeIndex e = 0; e < p.edge_count(); ++e) {
    const auto& pe = p.edge(e);
    graph::EdgeSpec spec;
    if (p.has_explicit_edge_id(e) && p.edge_id(e) != fmt::format("e{}", e)) spec.id = p.edge_id(e);
    spec.source = node_map[pe.source];
    spec.target = node_map[pe.target];
    spec.relation = p.relation_name(e);
    spec.directed = pe.directed;
    spec.weight = pe.weight;
    spec.valid = pe.valid;
    graph::EdgeIndex added = 0;
    detail::check_edge_room(g, from, 0);
    try {
      added = g.add_edge(spec);
    } catch (const InputError& err) {
      throw InputError(
          fmt::format("{}: {} (merging it with the inputs read before)", from, err.what()));
    }
    for (std::size_t c = 0; c < edge_cols.size(); ++c) {
      const auto& v = p.edge_attributes().get(c, e);
      if (!graph::is_missing(v)) g.edge_attributes().set(edge_cols[c], added, v);
    }
  }

  auto& r = into.report;
  auto& q = part.report;
  // The part's files come after those read before: its created nodes point to them there.
  const auto first_file = static_cast<std::uint32_t>(r.files.size());
  for (auto& c : q.created_nodes)
    c.file += first_file;
  append(r.files, std::move(q.files));
  r.node_rows += q.node_rows;
  r.edge_rows += q.edge_rows;
  append(r.created_nodes, std::move(q.created_nodes));
  append(r.merged, std::move(q.merged));
  append(r.defaulted, std::move(q.defaulted));
  append(r.rejected, std::move(q.rejected));
  append(r.notes, std::move(q.notes));
}

}  // namespace actornet::importers
