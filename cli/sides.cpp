#include "cli/sides.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/errors.hpp"
#include "graph/selection.hpp"

namespace actornet::cli {

std::vector<bool> side_mask(const graph::Graph& g, const graph::View& view, const std::string& flag,
                            const std::string& expression, const std::string& at) {
  const auto selection = graph::Selection::parse(expression, flag);
  selection.check(g, graph::SelectionTarget::Nodes);
  std::vector<bool> mask(view.vertex_count(), false);
  bool any = false;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    if (selection.matches_node(g, view.node_of(v))) mask[v] = any = true;
  if (!any)
    throw InputError(fmt::format("{} '{}' selects no node of the view{}; check the expression{}",
                                 flag, expression, at.empty() ? "" : " at " + at,
                                 at.empty() ? "" : " and the date"));
  return mask;
}

SideMasks side_masks(const graph::Graph& g, const graph::View& view, const std::string& side_a,
                     const std::string& side_b, const std::string& at) {
  SideMasks masks{side_mask(g, view, "--side-a", side_a, at),
                  side_mask(g, view, "--side-b", side_b, at)};
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    if (masks.a[v] && masks.b[v])
      throw InputError(fmt::format(
          "--side-a '{}' and --side-b '{}' both select '{}'; the sides must not overlap", side_a,
          side_b, g.node(view.node_of(v)).id));
  return masks;
}

analyses::SideChooser side_chooser(const std::string& side_a, const std::string& side_b) {
  return [side_a, side_b](const graph::Graph& world, const graph::View& view,
                          const std::string& when) {
    auto masks = side_masks(world, view, side_a, side_b, when);
    return analyses::SideMasks{std::move(masks.a), std::move(masks.b)};
  };
}

std::vector<graph::Intervention> transition_ends(const graph::Graph& g, const graph::Date& day,
                                                 const std::string& text) {
  auto ends = analyses::transition_interventions(g, day, "--transition " + text);
  if (ends.empty())
    throw InputError(fmt::format(
        "--transition {}: no holds_office edge ends on that day; check the date (a tenure "
        "ending at an inauguration ends on the inauguration day)",
        text));
  return ends;
}

namespace {

// Layers named by strings, ids in order of the names (so output order is alphabetical).
analyses::Layers layers_from_names(std::string family,
                                   const std::vector<std::vector<std::string>>& edge_names) {
  std::map<std::string, std::uint32_t> ids;
  for (const auto& names : edge_names)
    for (const auto& name : names)
      ids.emplace(name, 0);
  analyses::Layers layers{std::move(family), {}, {}};
  for (auto& [name, id] : ids) {
    id = static_cast<std::uint32_t>(layers.names.size());
    layers.names.push_back(name);
  }
  layers.of.reserve(edge_names.size());
  for (const auto& names : edge_names) {
    std::vector<std::uint32_t> of;
    for (const auto& name : names)
      of.push_back(ids.at(name));
    std::sort(of.begin(), of.end());
    of.erase(std::unique(of.begin(), of.end()), of.end());
    layers.of.push_back(std::move(of));
  }
  return layers;
}

}  // namespace

analyses::Layers relation_layers(const graph::Graph& g, const graph::View& view) {
  std::vector<std::vector<std::string>> names(view.edge_count());
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    for (auto origin : view.origins(e))
      names[e].push_back(g.relation_name(origin));
  return layers_from_names("relation", names);
}

analyses::Layers attribute_layers(const graph::Graph& g, const graph::View& view,
                                  const std::string& attribute) {
  std::vector<std::vector<std::string>> names(view.edge_count());
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    for (auto origin : view.origins(e)) {
      const auto& value = g.edge_attribute(origin, attribute);
      if (const auto* list = std::get_if<std::vector<std::string>>(&value))
        names[e].insert(names[e].end(), list->begin(), list->end());
      else if (!graph::is_missing(value))
        names[e].push_back(graph::format_value(value));
    }
  return layers_from_names(attribute, names);
}

namespace {

const graph::Node& node_at(const graph::Graph& g, const graph::View& view, graph::Vertex v) {
  return g.node(view.node_of(v));
}

// An edge's validity as the user wrote it: one date for a dated tie (`2024-02`), `start/end`
// for a period, nothing when always valid.
std::string validity(const graph::Interval& valid) {
  if (valid.unbounded()) return "";
  if (valid.start && valid.end && valid.start->period_end() == *valid.end)
    return valid.start->to_string();
  return valid.to_string();
}

// Vertices in id order.
void sort_by_id(const graph::Graph& g, const graph::View& view, std::vector<graph::Vertex>& vs) {
  std::sort(vs.begin(), vs.end(),
            [&](auto x, auto y) { return node_at(g, view, x).id < node_at(g, view, y).id; });
}

Table layer_table(const analyses::Layers& layers, const analyses::LayerReport& report) {
  Table t{{report.family, "direct_ties", "edge_connectivity"}, {}};
  for (const auto& f : report.layers)
    if (f.direct_ties > 0 || f.edge_connectivity > 0)
      t.rows.push_back({layers.names[f.layer], f.direct_ties, f.edge_connectivity});
  return t;
}

}  // namespace

std::string describe_channel(const graph::Graph& g, const graph::View& view,
                             const analyses::ChannelPath& channel) {
  std::string text = node_at(g, view, channel.path.front()).id;
  for (std::size_t h = 0; h < channel.hops.size(); ++h) {
    std::vector<std::string> ties;
    bool directed = !channel.hops[h].empty();
    for (auto e : channel.hops[h])
      for (auto origin : view.origins(e)) {
        const auto& edge = g.edge(origin);
        directed = directed && edge.directed && view.directed();
        const auto when = validity(edge.valid);
        ties.push_back(when.empty() ? g.relation_name(origin)
                                    : g.relation_name(origin) + " " + when);
      }
    text += fmt::format(" -({})-{} {}", fmt::join(ties, "; "), directed ? ">" : "",
                        node_at(g, view, channel.path[h + 1]).id);
  }
  return text;
}

std::vector<Section> resilience_sections(const graph::Graph& g, const graph::View& view,
                                         const analyses::ResilienceResult& r, std::size_t top,
                                         const std::vector<analyses::Layers>& layers) {
  std::vector<Section> sections;
  Table figures{{"name", "value"}, {}};
  figures.rows.push_back({std::string("direct_ties"), r.direct_ties});
  figures.rows.push_back({std::string("broker_connectivity"), r.broker_connectivity});
  figures.rows.push_back({std::string("disjoint_channels"), r.disjoint_channels});
  figures.rows.push_back({std::string("edge_connectivity"), r.edge_connectivity});
  figures.rows.push_back({std::string("capacity"), r.capacity});
  figures.rows.push_back({std::string("pairs_connected"), r.pairs_connected});
  figures.rows.push_back({std::string("cross_efficiency"), r.cross_efficiency});
  for (const auto& report : r.layer_reports) {
    figures.rows.push_back({"multiplex_share_" + report.family, report.multiplex_share});
    figures.rows.push_back({"layer_cut_" + report.family, report.layer_cut_size});
  }
  sections.push_back({"figures", std::move(figures)});

  Table channels{{"channel", "hops", "path"}, {}};
  for (std::size_t i = 0; i < r.channels.size(); ++i)
    channels.rows.push_back({static_cast<std::int64_t>(i + 1),
                             static_cast<std::int64_t>(r.channels[i].hops.size()),
                             describe_channel(g, view, r.channels[i])});
  sections.push_back({"channels", std::move(channels)});

  for (std::size_t i = 0; i < r.layer_reports.size(); ++i)
    sections.push_back(
        {"by " + r.layer_reports[i].family, layer_table(layers[i], r.layer_reports[i])});
  if (!r.layer_reports.empty()) {
    Table cuts{{"family", "size", "layers"}, {}};
    for (std::size_t i = 0; i < r.layer_reports.size(); ++i) {
      const auto& report = r.layer_reports[i];
      std::vector<std::string> names;
      for (auto l : report.layer_cut)
        names.push_back(layers[i].names[l]);
      std::string what = fmt::format("{}", fmt::join(names, "|"));
      if (report.layer_cut_size == -1) what = "(none: ties outside every layer join the sides)";
      if (report.layer_cut_size == -2) what = "(search limit reached)";
      cuts.rows.push_back({report.family, report.layer_cut_size, what});
    }
    sections.push_back({"layer cut", std::move(cuts)});
  }

  auto cut = r.min_cut;
  sort_by_id(g, view, cut);
  Table cut_table{{"id", "label", "kind"}, {}};
  for (auto v : cut) {
    const auto& n = node_at(g, view, v);
    cut_table.rows.push_back({n.id, n.label, g.kind_name(view.node_of(v))});
  }
  sections.push_back({"min cut", std::move(cut_table)});

  std::vector<graph::Vertex> failing;
  for (const auto& f : r.single_points_of_failure)
    failing.push_back(f.element);
  sort_by_id(g, view, failing);
  Table spof{{"id", "label", "kind", "drop"}, {}};
  for (auto v : failing) {
    const auto& n = node_at(g, view, v);
    spof.rows.push_back({n.id, n.label, g.kind_name(view.node_of(v)), std::int64_t{1}});
  }
  sections.push_back({"single points of failure", std::move(spof)});

  Table edge_spof{{"edge", "source", "target", "relation", "drop"}, {}};
  for (const auto& f : r.edge_single_points_of_failure)
    for (auto origin : view.origins(f.element)) {
      const auto& e = g.edge(origin);
      edge_spof.rows.push_back({g.edge_id(origin), g.node(e.source).id, g.node(e.target).id,
                                g.relation_name(origin), f.drop});
    }
  std::sort(edge_spof.rows.begin(), edge_spof.rows.end(), [](const auto& x, const auto& y) {
    return std::get<std::string>(x[0]) < std::get<std::string>(y[0]);
  });
  sections.push_back({"edge single points of failure", std::move(edge_spof)});

  // Highest first, ties by id; vertices on no A-B shortest path are left out.
  std::vector<graph::Vertex> order;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    if (r.cross_betweenness[v] > 0.0) order.push_back(v);
  std::sort(order.begin(), order.end(), [&](graph::Vertex x, graph::Vertex y) {
    if (r.cross_betweenness[x] != r.cross_betweenness[y])
      return r.cross_betweenness[x] > r.cross_betweenness[y];
    return node_at(g, view, x).id < node_at(g, view, y).id;
  });
  if (top > 0 && order.size() > top) order.resize(top);
  Table between{{"id", "label", "kind", "cross_betweenness"}, {}};
  for (auto v : order) {
    const auto& n = node_at(g, view, v);
    between.rows.push_back({n.id, n.label, g.kind_name(view.node_of(v)), r.cross_betweenness[v]});
  }
  sections.push_back({"cross betweenness", std::move(between)});
  return sections;
}

}  // namespace actornet::cli
