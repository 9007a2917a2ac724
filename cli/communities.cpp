// actornet communities: which groups hang together (Leiden, Louvain or label propagation),
// how modular the split is, who is central in each group and how each group splits by side.
#include "analyses/communities.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/structure.hpp"
#include "graph/errors.hpp"

namespace actornet::cli {
namespace {

struct CommunitiesCliOptions {
  InputOptions input;
  ViewFlags view;
  ProjectFlags project;
  OutputFlags output;
  CommunityFlags community;
  std::string partition;
  std::size_t top_actors = 3;
};

void run_communities(CommunitiesCliOptions& o) {
  auto imported = load(o.input);
  // Communities are an undirected notion: every tie counts once, whatever its direction.
  ViewFlags flags = o.view;
  flags.undirected = true;
  ViewSource source;
  const auto view = build_view(imported.graph, flags, o.project, source);
  const auto& g = *source.graph;
  const auto r = analyses::communities(view, to_community_options(o.community));
  for (const auto& note : r.notes)
    print_message("note", note);
  const std::string attribute = o.partition.empty() ? default_partition_attribute(g) : o.partition;
  std::optional<Partition> partition;
  if (!attribute.empty()) partition = partition_by(g, view, attribute, "--partition");

  // Internal degree: edge ends inside the vertex's own community.
  std::vector<std::int64_t> internal(view.vertex_count(), 0);
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const auto u = view.from(e), v = view.to(e);
    if (r.membership[u] != r.membership[v]) continue;
    ++internal[u];
    ++internal[v];
  }
  const auto id_of = [&](graph::Vertex v) -> const std::string& {
    return g.node(view.node_of(v)).id;
  };
  std::vector<graph::Vertex> order(view.vertex_count());
  std::iota(order.begin(), order.end(), graph::Vertex{0});
  std::sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (r.membership[a] != r.membership[b]) return r.membership[a] < r.membership[b];
    if (internal[a] != internal[b]) return internal[a] > internal[b];
    return id_of(a) < id_of(b);
  });

  Report report;
  if (!source.description.empty()) report.preamble.push_back(source.description);
  report.preamble.push_back(describe_view(view, flags, o.community.weights));
  report.preamble.push_back(fmt::format(
      "method: {}, resolution {}, seed {}; communities numbered by size; central actors by "
      "ties inside their community",
      o.community.method, o.community.resolution, o.community.seed));

  Table summary{{"name", "value"}, {}};
  summary.rows.push_back({std::string("communities"), static_cast<std::int64_t>(r.sizes.size())});
  summary.rows.push_back({std::string("modularity"), r.modularity});
  summary.rows.push_back({std::string("quality"), r.quality});
  summary.rows.push_back(
      {std::string("largest"), static_cast<std::int64_t>(r.sizes.empty() ? 0 : r.sizes.front())});
  report.sections.push_back({"summary", std::move(summary)});

  Table groups{{"community", "size", "internal_ties", "central_actors"}, {}};
  if (partition)
    for (const auto& name : partition->names)
      groups.columns.push_back("share_" + name);
  std::size_t next = 0;
  for (std::uint32_t c = 1; c <= r.sizes.size(); ++c) {
    std::vector<std::string> central;
    std::int64_t ties = 0;
    std::vector<std::int64_t> by_group(partition ? partition->names.size() : 0, 0);
    for (; next < order.size() && r.membership[order[next]] == c; ++next) {
      const auto v = order[next];
      if (central.size() < o.top_actors) central.push_back(g.node(view.node_of(v)).label);
      ties += internal[v];
      if (partition) ++by_group[partition->group[v]];
    }
    std::vector<Cell> row{static_cast<std::int64_t>(c), static_cast<std::int64_t>(r.sizes[c - 1]),
                          ties / 2, fmt::format("{}", fmt::join(central, "; "))};
    for (auto count : by_group)
      row.emplace_back(static_cast<double>(count) / r.sizes[c - 1]);
    groups.rows.push_back(std::move(row));
  }
  report.sections.push_back({"communities", std::move(groups)});

  Table members{{"id", "label", "kind", "community", "internal_degree"}, {}};
  if (partition) members.columns.insert(members.columns.begin() + 3, attribute);
  for (auto v : order) {
    const auto n = view.node_of(v);
    std::vector<Cell> row{g.node(n).id, g.node(n).label, g.kind_name(n),
                          static_cast<std::int64_t>(r.membership[v]), internal[v]};
    if (partition) row.insert(row.begin() + 3, Cell(partition->names[partition->group[v]]));
    members.rows.push_back(std::move(row));
  }
  report.sections.push_back({"membership", std::move(members)});
  emit(report, o.output);
}

}  // namespace

void add_communities(CLI::App& app) {
  auto opts = std::make_shared<CommunitiesCliOptions>();
  auto* cmd = app.add_subcommand(
      "communities",
      "Which groups hang together: communities by Leiden, Louvain or label propagation, "
      "with modularity, sizes, central actors and each community's share of every side");
  add_input_options(*cmd, opts->input);
  add_community_options(*cmd, opts->community, "", true, true);
  cmd->add_option("--partition", opts->partition,
                  "node attribute whose values each community's share is given of (default: "
                  "side, else country, else none)");
  cmd->add_option("--top-actors", opts->top_actors,
                  "central actors listed per community (most ties inside it)")
      ->default_str("3");
  add_view_options(*cmd, opts->view);
  add_project_options(*cmd, opts->project);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet communities datasets/us-china-law-enforcement --method leiden --seed 7\n"
      "  actornet communities ../shared/data/southern_women --project woman --method louvain\n"
      "Every tie is read as undirected (the projection is always --undirected). Communities "
      "are numbered by size, largest first; modularity is Newman's Q (resolution 1), quality "
      "the modularity at --resolution. The same input, options and --seed give the same "
      "communities.");
  cmd->callback([opts] { run_communities(*opts); });
}

}  // namespace actornet::cli
