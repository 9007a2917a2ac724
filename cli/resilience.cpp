// actornet resilience: how many independent channels join two sides, and what they hang on.
#include "analyses/resilience.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/errors.hpp"
#include "graph/selection.hpp"

namespace actornet::cli {
namespace {

struct ResilienceCliOptions {
  InputOptions input;
  ViewFlags view;
  OutputFlags output;
  std::string side_a;
  std::string side_b;
  bool directed = false;
  std::size_t top = 10;
};

// The view vertices a side's expression selects; an InputError when it selects none.
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

const graph::Node& node_at(const graph::Graph& g, const graph::View& view, graph::Vertex v) {
  return g.node(view.node_of(v));
}

void run_resilience(ResilienceCliOptions& o) {
  auto imported = load(o.input);
  const auto& g = imported.graph;
  auto view_options = to_view_options(o.view);
  // Undirected channels are read on an undirected view, so an undirected edge counts once.
  if (!o.directed) view_options.direction = graph::DirectionPolicy::Undirected;
  const auto view = graph::View::build(g, view_options);
  const auto a = side_mask(g, view, "--side-a", o.side_a, o.view.at);
  const auto b = side_mask(g, view, "--side-b", o.side_b, o.view.at);
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    if (a[v] && b[v])
      throw InputError(fmt::format(
          "--side-a '{}' and --side-b '{}' both select '{}'; the sides must not overlap", o.side_a,
          o.side_b, node_at(g, view, v).id));

  analyses::ResilienceOptions options;
  options.directed = o.directed;
  const auto r = analyses::resilience(view, a, b, options);
  for (const auto& note : r.notes)
    std::cerr << "actornet: note: " << note << "\n";

  Report report;
  report.preamble.push_back(describe_view(view, o.view, false));
  report.preamble.push_back(fmt::format(
      "side A: {} ({} nodes), side B: {} ({} nodes), channels: {}, capacity uses weights", o.side_a,
      std::count(a.begin(), a.end(), true), o.side_b, std::count(b.begin(), b.end(), true),
      o.directed && view.directed() ? "directed, A to B" : "undirected"));

  Table figures{{"name", "value"}, {}};
  figures.rows.push_back({std::string("direct_ties"), r.direct_ties});
  figures.rows.push_back({std::string("broker_connectivity"), r.broker_connectivity});
  figures.rows.push_back({std::string("disjoint_channels"), r.disjoint_channels});
  figures.rows.push_back({std::string("edge_connectivity"), r.edge_connectivity});
  figures.rows.push_back({std::string("capacity"), r.capacity});
  figures.rows.push_back({std::string("pairs_connected"), r.pairs_connected});
  figures.rows.push_back({std::string("cross_efficiency"), r.cross_efficiency});
  report.sections.push_back({"figures", std::move(figures)});

  Table cut{{"id", "label", "kind"}, {}};
  for (auto v : r.min_cut) {
    const auto& n = node_at(g, view, v);
    cut.rows.push_back({n.id, n.label, g.kind_name(view.node_of(v))});
  }
  report.sections.push_back({"min cut", std::move(cut)});

  auto failures = r.single_points_of_failure;
  std::sort(failures.begin(), failures.end(), [&](const auto& x, const auto& y) {
    if (x.drop != y.drop) return x.drop > y.drop;
    return node_at(g, view, x.vertex).id < node_at(g, view, y.vertex).id;
  });
  Table spof{{"id", "label", "drop"}, {}};
  for (const auto& f : failures) {
    const auto& n = node_at(g, view, f.vertex);
    spof.rows.push_back({n.id, n.label, f.drop});
  }
  report.sections.push_back({"single points of failure", std::move(spof)});

  // Highest first, ties by id; vertices on no A-B shortest path are left out.
  std::vector<graph::Vertex> order;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    if (r.cross_betweenness[v] > 0.0) order.push_back(v);
  std::sort(order.begin(), order.end(), [&](graph::Vertex x, graph::Vertex y) {
    if (r.cross_betweenness[x] != r.cross_betweenness[y])
      return r.cross_betweenness[x] > r.cross_betweenness[y];
    return node_at(g, view, x).id < node_at(g, view, y).id;
  });
  if (o.top > 0 && order.size() > o.top) order.resize(o.top);
  Table between{{"id", "label", "kind", "cross_betweenness"}, {}};
  for (auto v : order) {
    const auto& n = node_at(g, view, v);
    between.rows.push_back({n.id, n.label, g.kind_name(view.node_of(v)), r.cross_betweenness[v]});
  }
  report.sections.push_back({"cross betweenness", std::move(between)});
  emit(report, o.output);
}

}  // namespace

void add_resilience(CLI::App& app) {
  auto opts = std::make_shared<ResilienceCliOptions>();
  auto* cmd = app.add_subcommand(
      "resilience",
      "Channels between two sides: direct ties, brokers, fully disjoint channels, edge "
      "connectivity and capacity, a minimum cut, single points of failure, cross-side "
      "betweenness, pairs connected and efficiency");
  add_input_options(*cmd, opts->input);
  cmd->add_option("--side-a", opts->side_a, "selection of side A's nodes, e.g. 'country=CN'")
      ->required();
  cmd->add_option("--side-b", opts->side_b, "selection of side B's nodes, e.g. 'country=US'")
      ->required();
  cmd->add_flag("--directed-channels", opts->directed,
                "channels follow edge direction from A to B (default: every edge is an "
                "undirected channel)");
  cmd->add_option("--top", opts->top,
                  "rows of the cross betweenness section (default 10; 0: every node on an "
                  "A-B shortest path)")
      ->default_str("10");
  add_view_options(*cmd, opts->view);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet resilience datasets/us-china-law-enforcement --side-a country=CN "
      "--side-b country=US\n"
      "  actornet resilience datasets/us-china-law-enforcement --side-a country=CN "
      "--side-b country=US --at 2025-02-01 --format csv\n"
      "Figures: direct_ties (A-B edges), broker_connectivity (fewest third parties whose loss "
      "cuts every mediated channel), disjoint_channels (most A-B paths sharing no node), "
      "edge_connectivity (most A-B paths sharing no edge; parallel edges count), capacity "
      "(max-flow with weights as capacities), pairs_connected (share of A x B pairs joined), "
      "cross_efficiency (mean 1/distance over A x B pairs).\n"
      "The min cut is one smallest set of nodes whose loss separates the sides; single points "
      "of failure are the nodes whose loss lowers disjoint_channels, ties by id.");
  cmd->callback([opts] { run_resilience(*opts); });
}

}  // namespace actornet::cli
