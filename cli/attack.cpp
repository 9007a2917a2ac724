#include "cli/attack.hpp"

#include <algorithm>
#include <iostream>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "analyses/attack.hpp"
#include "graph/errors.hpp"
#include "viz/chart.hpp"

namespace actornet::cli {

namespace {

constexpr std::string_view kOrderNames = "random, degree, cross_betweenness, tenure-end, list";

// The view's vertices ranked by node id, so that every tie goes to the smaller id.
std::vector<std::uint32_t> id_ranks(const graph::Graph& g, const graph::View& view) {
  std::vector<graph::Vertex> by_id(view.vertex_count());
  std::iota(by_id.begin(), by_id.end(), graph::Vertex{0});
  std::sort(by_id.begin(), by_id.end(), [&](graph::Vertex x, graph::Vertex y) {
    return g.node(view.node_of(x)).id < g.node(view.node_of(y)).id;
  });
  std::vector<std::uint32_t> rank(view.vertex_count());
  for (std::uint32_t r = 0; r < by_id.size(); ++r)
    rank[by_id[r]] = r;
  return rank;
}

// Holders of the view's holds_office edges whose every tenure there has ended, by the latest
// end (earliest first), ties by id.
std::vector<graph::Vertex> tenure_end_order(const graph::Graph& g, const graph::View& view) {
  struct Holder {
    std::optional<graph::Date> latest_end;
    bool open = false;
  };
  std::unordered_map<graph::Vertex, Holder> holders;
  const auto relation = g.relations().find("holds_office");
  std::vector<bool> seen(g.edge_count(), false);  // a directed view shows an edge twice
  if (relation)
    for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
      for (auto origin : view.origins(e)) {
        const auto& edge = g.edge(origin);
        if (edge.relation != *relation || seen[origin]) continue;
        seen[origin] = true;
        auto& h = holders[view.vertex_of(edge.source)];
        if (!edge.valid.end)
          h.open = true;
        else if (!h.latest_end || *h.latest_end < *edge.valid.end)
          h.latest_end = edge.valid.end;
      }
  std::vector<std::pair<graph::Date, graph::Vertex>> ended;
  for (const auto& [v, h] : holders)
    if (!h.open) ended.emplace_back(*h.latest_end, v);
  std::sort(ended.begin(), ended.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return g.node(view.node_of(x.second)).id < g.node(view.node_of(y.second)).id;
  });
  std::vector<graph::Vertex> order;
  for (const auto& [date, v] : ended)
    order.push_back(v);
  return order;
}

std::vector<graph::Vertex> list_order(const graph::Graph& g, const graph::View& view,
                                      const std::vector<std::string>& ids) {
  std::vector<graph::Vertex> order;
  std::vector<bool> named(view.vertex_count(), false);
  for (const auto& id : ids) {
    const auto node = g.find_node(id);
    if (!node)
      throw InputError(fmt::format(
          "--attack-list names '{}', which is not a node of the graph; check the id", id));
    const auto v = view.vertex_of(*node);
    if (v == graph::kNoVertex)
      throw InputError(
          fmt::format("--attack-list names '{}', which the view leaves out (see --at, --between, "
                      "--relations, --kinds, --where)",
                      id));
    if (named[v]) throw InputError(fmt::format("--attack-list names '{}' twice", id));
    named[v] = true;
    order.push_back(v);
  }
  return order;
}

struct Curve {
  std::string order;
  std::string mode;
  std::string series_name;
  bool random = false;
  analyses::AttackResult result;
};

Cell first_zero(const analyses::AttackResult& r, double analyses::AttackPoint::*field) {
  for (const auto& p : r.points)
    if (p.*field == 0.0) return static_cast<std::int64_t>(p.step);
  return std::string("never");
}

viz::LineChart curve_chart(const std::vector<Curve>& curves, std::string id, std::string title,
                           std::string y_title, double analyses::AttackPoint::*field,
                           std::optional<double> y_max = std::nullopt) {
  viz::LineChart chart;
  chart.id = std::move(id);
  chart.title = std::move(title);
  chart.x_title = "nodes removed";
  chart.y_title = std::move(y_title);
  chart.x_min = 0.0;
  chart.y_min = 0.0;
  chart.y_max = y_max;
  for (const auto& c : curves) {
    viz::ChartSeries s;
    s.name = c.series_name;
    for (const auto& p : c.result.points)
      s.points.push_back({static_cast<double>(p.step), p.*field});
    chart.series.push_back(std::move(s));
  }
  return chart;
}

}  // namespace

void add_attack_options(CLI::App& cmd, AttackFlags& flags) {
  cmd.add_option("--attack", flags.orders,
                 "attack curves: remove nodes in these orders (comma-separated or repeated): "
                 "random, degree, cross_betweenness, tenure-end, list")
      ->delimiter(',');
  cmd.add_flag("--recomputed", flags.recomputed,
               "degree and cross_betweenness attacks pick the top node of the remaining graph "
               "after each removal (default: the ranking of the intact graph)");
  cmd.add_option("--seed", flags.seed, "seed of the random attack (default 1)")->default_str("1");
  cmd.add_option("--runs", flags.runs, "random orders averaged by the random attack (default 10)")
      ->default_str("10");
  cmd.add_option("--attack-list", flags.list,
                 "node ids removed in this order by --attack list (comma-separated)")
      ->delimiter(',');
  cmd.add_option("--curve", flags.curve_svg,
                 "write the attack curves as an SVG chart to this file");
}

void check_attack_flags(const AttackFlags& flags) {
  if (flags.orders.empty()) {
    if (!flags.curve_svg.empty())
      throw InputError("--curve draws attack curves: give --attack too, e.g. --attack degree");
    if (!flags.list.empty())
      throw InputError("--attack-list is the order of --attack list: add --attack list");
    return;
  }
  std::vector<std::string> seen;
  for (const auto& name : flags.orders) {
    if (name != "random" && name != "degree" && name != "cross_betweenness" &&
        name != "tenure-end" && name != "list")
      throw InputError(fmt::format("unknown attack order '{}'; choose from {}", name, kOrderNames));
    if (std::find(seen.begin(), seen.end(), name) != seen.end())
      throw InputError(fmt::format("--attack names '{}' twice", name));
    seen.push_back(name);
  }
  const bool wants_list = std::find(seen.begin(), seen.end(), "list") != seen.end();
  if (wants_list && flags.list.empty())
    throw InputError("--attack list removes the nodes of --attack-list ID,ID,...: give it");
  if (!wants_list && !flags.list.empty())
    throw InputError("--attack-list is the order of --attack list: add list to --attack");
  if (flags.runs < 1)
    throw InputError(fmt::format("--runs must be at least 1, not {}", flags.runs));
  if (!flags.curve_svg.empty() && !flags.curve_svg.ends_with(".svg") &&
      !flags.curve_svg.ends_with(".SVG"))
    throw InputError(
        fmt::format("--curve writes SVG: name the file with .svg, not '{}'", flags.curve_svg));
}

std::vector<Section> attack_sections(const graph::Graph& g, const graph::View& view,
                                     const std::vector<bool>& a, const std::vector<bool>& b,
                                     const AttackFlags& flags, bool directed) {
  check_attack_flags(flags);
  if (flags.orders.empty()) return {};
  const auto& orders = flags.orders;

  analyses::AttackOptions base;
  base.directed = directed;
  base.tie_rank = id_ranks(g, view);
  base.recomputed = flags.recomputed;
  const std::string ranking = flags.recomputed ? "recomputed" : "static";

  std::vector<Curve> curves;
  for (const auto& name : orders) {
    Curve c;
    c.order = name;
    auto options = base;
    if (name == "random") {
      options.order = analyses::AttackOrder::Random;
      options.seed = flags.seed;
      options.runs = static_cast<std::uint32_t>(flags.runs);
      c.mode = fmt::format("mean of {} run{}, seed {}", flags.runs, flags.runs == 1 ? "" : "s",
                           flags.seed);
      c.random = true;
    } else if (name == "degree" || name == "cross_betweenness") {
      options.order = name == "degree" ? analyses::AttackOrder::Degree
                                       : analyses::AttackOrder::CrossBetweenness;
      c.mode = ranking;
    } else if (name == "tenure-end") {
      options.order = analyses::AttackOrder::Given;
      options.given = tenure_end_order(g, view);
      c.mode = "by end of office";
      if (options.given.empty())
        print_message("note",
                      "--attack tenure-end removes no one: no holder of a holds_office edge in "
                      "the view has left every office (keep holds_office in --relations and "
                      "positions in --kinds)");
    } else {
      options.order = analyses::AttackOrder::Given;
      options.given = list_order(g, view, flags.list);
      c.mode = "as given";
    }
    c.series_name = fmt::format("{} ({})", name, c.mode);
    // The only note attack() gives (directed channels on an undirected view) is the one
    // resilience() gives too, and the command prints that one.
    c.result = analyses::attack(view, a, b, options);
    curves.push_back(std::move(c));
  }

  Table summary{
      {"order", "mode", "steps", "r_index", "pairs_connected_zero_at", "disjoint_channels_zero_at"},
      {}};
  Table points{{"order", "step", "removed", "label", "pairs_connected", "disjoint_channels",
                "largest_component"},
               {}};
  for (const auto& c : curves) {
    const auto& r = c.result;
    summary.rows.push_back({c.order, c.mode, static_cast<std::int64_t>(r.points.size() - 1),
                            r.r_index, first_zero(r, &analyses::AttackPoint::pairs_connected),
                            first_zero(r, &analyses::AttackPoint::disjoint_channels)});
    for (const auto& p : r.points) {
      std::string id, label;
      if (p.step > 0 && c.random) {
        id = "(random)";
      } else if (p.removed != graph::kNoVertex) {
        const auto& node = g.node(view.node_of(p.removed));
        id = node.id;
        label = node.label;
      }
      points.rows.push_back({c.order, static_cast<std::int64_t>(p.step), id, label,
                             p.pairs_connected, p.disjoint_channels, p.largest_component});
    }
  }

  if (!flags.curve_svg.empty()) {
    const auto svg = viz::stacked_charts_svg(
        {curve_chart(curves, "pairs", "A x B pairs still joined", "share of A x B pairs",
                     &analyses::AttackPoint::pairs_connected, 1.0),
         curve_chart(curves, "channels", "Disjoint channels", "node-disjoint A-B paths",
                     &analyses::AttackPoint::disjoint_channels),
         curve_chart(curves, "component", "Largest component", "nodes",
                     &analyses::AttackPoint::largest_component)},
        "Attack curves");
    write_output(flags.curve_svg, svg);
  }

  std::vector<Section> sections;
  sections.push_back({"attack summary", std::move(summary)});
  sections.push_back({"attack curves", std::move(points)});
  return sections;
}

}  // namespace actornet::cli
