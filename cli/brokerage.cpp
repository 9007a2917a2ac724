// actornet brokerage: who brokers between the groups of a partition (Gould-Fernandez roles),
// and who spans structural holes (Burt's effective size, efficiency and constraint).
#include "analyses/brokerage.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include <fmt/format.h>

#include "analyses/structural_holes.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/structure.hpp"
#include "graph/errors.hpp"

namespace actornet::cli {
namespace {

using analyses::BrokerageRole;
using analyses::kBrokerageColumns;

struct BrokerageCliOptions {
  InputOptions input;
  ViewFlags view;
  ProjectFlags project;
  OutputFlags output;
  std::string partition;
  std::string sort = "total";
  bool weights = false;
  std::size_t top = 0;
};

std::string role_name(std::size_t k) {
  return std::string(analyses::to_string(static_cast<BrokerageRole>(k)));
}

void run_brokerage(BrokerageCliOptions& o) {
  auto imported = load(o.input);
  ViewSource source;
  const auto view = build_view(imported.graph, o.view, o.project, source);
  const auto& g = *source.graph;
  const std::string attribute = o.partition.empty() ? default_partition_attribute(g) : o.partition;
  if (attribute.empty())
    throw InputError(
        "brokerage needs groups: pass --partition ATTR (a node attribute such as country or "
        "side, or kind); the data has neither 'side' nor 'country'");
  const auto partition = partition_by(g, view, attribute, "--partition");
  std::size_t sort_key = kBrokerageColumns;
  for (std::size_t k = 0; k < kBrokerageColumns; ++k)
    if (o.sort == role_name(k)) sort_key = k;
  if (sort_key == kBrokerageColumns)
    throw InputError(fmt::format(
        "--sort '{}' is not a role; choose coordinator, itinerant, representative, gatekeeper, "
        "liaison or total",
        o.sort));

  const auto r = analyses::brokerage(view, partition.group);
  analyses::StructuralHolesOptions holes_options;
  holes_options.use_weights = o.weights;
  const auto holes = analyses::structural_holes(view, holes_options);
  for (const auto& note : holes.notes)
    print_message("note", note);
  if (partition.missing > 0)
    print_message("note", fmt::format("{} node(s) have no '{}'; they form the group \"(none)\"",
                                      partition.missing, attribute));

  Report report;
  if (!source.description.empty()) report.preamble.push_back(source.description);
  report.preamble.push_back(describe_view(view, o.view, o.weights));
  report.preamble.push_back(fmt::format(
      "groups: {} ({} values); roles on the simple directed projection ({} arcs, density {:.6f}; "
      "an undirected edge is two arcs); normalised = raw / expected under a random graph of "
      "that density (sna::brokerage); structural holes {}",
      attribute, partition.names.size(), r.arcs, r.density,
      o.weights ? "with weights" : "counting edges"));

  // Per node, ordered by the sort role (highest first), ties by id.
  std::vector<graph::Vertex> order(view.vertex_count());
  std::iota(order.begin(), order.end(), graph::Vertex{0});
  std::sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (r.raw[a][sort_key] != r.raw[b][sort_key]) return r.raw[a][sort_key] > r.raw[b][sort_key];
    return g.node(view.node_of(a)).id < g.node(view.node_of(b)).id;
  });
  if (o.top > 0 && order.size() > o.top) order.resize(o.top);
  Table nodes{{"id", "label", "group"}, {}};
  for (std::size_t k = 0; k < kBrokerageColumns; ++k)
    nodes.columns.push_back(role_name(k));
  for (std::size_t k = 0; k < kBrokerageColumns; ++k)
    nodes.columns.push_back(role_name(k) + "_norm");
  for (const char* name : {"effective_size", "efficiency", "constraint"})
    nodes.columns.emplace_back(name);
  for (auto v : order) {
    const auto& node = g.node(view.node_of(v));
    std::vector<Cell> row{node.id, node.label, partition.names[partition.group[v]]};
    for (std::size_t k = 0; k < kBrokerageColumns; ++k)
      row.emplace_back(static_cast<std::int64_t>(r.raw[v][k]));
    for (std::size_t k = 0; k < kBrokerageColumns; ++k)
      row.emplace_back(r.normalised[v][k]);
    row.emplace_back(holes.effective_size[v]);
    row.emplace_back(holes.efficiency[v]);
    row.emplace_back(holes.constraint[v]);
    nodes.rows.push_back(std::move(row));
  }
  report.sections.push_back({"brokerage", std::move(nodes)});

  Table groups{{"group", "size"}, {}};
  for (std::size_t k = 0; k < kBrokerageColumns; ++k)
    groups.columns.push_back(role_name(k) + "_expected");
  for (std::size_t k = 0; k < kBrokerageColumns; ++k)
    groups.columns.push_back(role_name(k) + "_sd");
  for (std::size_t i = 0; i < partition.names.size(); ++i) {
    std::vector<Cell> row{partition.names[i], static_cast<std::int64_t>(r.group_size[i])};
    for (std::size_t k = 0; k < kBrokerageColumns; ++k)
      row.emplace_back(r.group_expected[i][k]);
    for (std::size_t k = 0; k < kBrokerageColumns; ++k)
      row.emplace_back(r.group_sd[i][k]);
    groups.rows.push_back(std::move(row));
  }
  report.sections.push_back({"groups", std::move(groups)});

  Table global{{"role", "sna", "raw", "expected", "sd", "z"}, {}};
  for (std::size_t k = 0; k < kBrokerageColumns; ++k)
    global.rows.push_back({role_name(k),
                           std::string(analyses::sna_name(static_cast<BrokerageRole>(k))),
                           static_cast<std::int64_t>(r.global_raw[k]), r.global_expected[k],
                           r.global_sd[k], r.global_z[k]});
  report.sections.push_back({"whole network", std::move(global)});
  emit(report, o.output);
}

}  // namespace

void add_brokerage(CLI::App& app) {
  auto opts = std::make_shared<BrokerageCliOptions>();
  auto* cmd = app.add_subcommand(
      "brokerage",
      "Who brokers between groups: Gould-Fernandez roles (coordinator, itinerant, "
      "representative, gatekeeper, liaison) per node, raw and normalised, with Burt's "
      "effective size, efficiency and constraint");
  add_input_options(*cmd, opts->input);
  cmd->add_option("--partition", opts->partition,
                  "node attribute giving each node's group, or kind (default: side, else "
                  "country)");
  cmd->add_option("--sort", opts->sort,
                  "role to sort by: coordinator, itinerant, representative, gatekeeper, "
                  "liaison or total")
      ->default_str("total");
  cmd->add_option("--top", opts->top, "only the N nodes with the most brokerage (0: all)");
  cmd->add_flag("--weights", opts->weights,
                "structural holes use edge weights as tie strengths (roles never do)");
  add_view_options(*cmd, opts->view);
  add_project_options(*cmd, opts->project);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet brokerage datasets/us-china-law-enforcement --partition country --top 10\n"
      "  actornet brokerage ../shared/data/noordin_top_139 --partition kind --sort liaison --top "
      "10\n"
      "A node v brokers a -> v -> b when a has no tie to b. With g() the group: coordinator "
      "g(a)=g(v)=g(b); itinerant g(a)=g(b)!=g(v); representative g(a)=g(v)!=g(b); gatekeeper "
      "g(a)!=g(v)=g(b); liaison all different. Roles are counted on the simple directed "
      "projection (a pair counts once, whatever its parallel edges and relations); an "
      "undirected edge counts both ways, so an open path a - v - b counts twice. _norm columns "
      "divide by the expected count (empty when it is 0).");
  cmd->callback([opts] { run_brokerage(*opts); });
}

}  // namespace actornet::cli
