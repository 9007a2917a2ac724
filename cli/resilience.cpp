// actornet resilience: how many independent channels join two sides, and what they hang on.
#include "analyses/resilience.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/attack.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/sides.hpp"
#include "graph/errors.hpp"

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
  AttackFlags attack;
  std::string domain;  ///< empty: `domain` when the input has that edge attribute; "none": none
};

void run_resilience(ResilienceCliOptions& o) {
  auto imported = load(o.input);
  const auto& g = imported.graph;
  auto view_options = to_view_options(o.view);
  // Undirected channels are read on an undirected view, so an undirected edge counts once.
  if (!o.directed) view_options.direction = graph::DirectionPolicy::Undirected;
  const auto view = graph::View::build(g, view_options);
  const auto [a, b] = side_masks(g, view, o.side_a, o.side_b, o.view.at);
  check_attack_flags(o.attack);  // before minutes of work on a big input, not after
  analyses::ResilienceOptions options;
  options.directed = o.directed;
  options.layers.push_back(relation_layers(g, view));
  if (o.domain.empty() && g.edge_attributes().find("domain")) o.domain = "domain";
  if (!o.domain.empty() && o.domain != "none") {
    if (!g.edge_attributes().find(o.domain))
      throw InputError(
          fmt::format("--domain '{}' names no edge attribute of the input; name an "
                      "edge column, or give --domain none",
                      o.domain));
    options.layers.push_back(attribute_layers(g, view, o.domain));
  }
  const auto r = analyses::resilience(view, a, b, options);
  for (const auto& note : r.notes)
    print_message("note", note);

  Report report;
  report.preamble.push_back(describe_view(view, o.view, false));
  report.preamble.push_back(fmt::format(
      "side A: {} ({} nodes), side B: {} ({} nodes), channels: {}, capacity uses weights", o.side_a,
      std::count(a.begin(), a.end(), true), o.side_b, std::count(b.begin(), b.end(), true),
      o.directed && view.directed() ? "directed, A to B" : "undirected"));

  report.sections = resilience_sections(g, view, r, o.top, options.layers);
  for (auto& section : attack_sections(g, view, a, b, o.attack, o.directed))
    report.sections.push_back(std::move(section));
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
  cmd->add_option("--domain", opts->domain,
                  "edge attribute whose values form a second family of layers beside the "
                  "relations (default: 'domain' when the input has it; 'none': no second "
                  "family)");
  add_attack_options(*cmd, opts->attack);
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
