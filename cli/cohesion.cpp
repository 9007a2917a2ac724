// actornet cohesion: what holds the network together and where it breaks: components,
// articulation points, bridges, k-cores and Moody-White cohesive blocks.
#include "analyses/cohesion.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/errors.hpp"

namespace actornet::cli {
namespace {

struct CohesionCliOptions {
  InputOptions input;
  ViewFlags view;
  ProjectFlags project;
  OutputFlags output;
  bool blocks = false;
};

void run_cohesion(CohesionCliOptions& o) {
  auto imported = load(o.input);
  ViewSource source;
  const auto view = build_view(imported.graph, o.view, o.project, source);
  const auto& g = *source.graph;
  analyses::CohesionOptions options;
  options.blocks = o.blocks;
  const auto r = analyses::cohesion(view, options);
  const bool strong = !r.strong_component.empty();
  const auto id_of = [&](graph::Vertex v) -> const std::string& {
    return g.node(view.node_of(v)).id;
  };

  Report report;
  if (!source.description.empty()) report.preamble.push_back(source.description);
  report.preamble.push_back(describe_view(view, o.view, false));
  report.preamble.push_back(
      "components, articulation points and bridges read edges as undirected (a pair tied by "
      "two or more edges has no bridge); coreness and cohesive blocks on the simple undirected "
      "projection (one tie per pair, no self-loops)");

  Table summary{{"name", "value"}, {}};
  const auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
  summary.rows.push_back({std::string("components"), count(r.component_sizes.size())});
  summary.rows.push_back({std::string("largest_component"),
                          count(r.component_sizes.empty() ? 0 : r.component_sizes.front())});
  if (strong)
    summary.rows.push_back(
        {std::string("strong_components"), count(r.strong_component_sizes.size())});
  summary.rows.push_back({std::string("articulation_points"), count(r.articulation_points.size())});
  summary.rows.push_back({std::string("bridges"), count(r.bridges.size())});
  summary.rows.push_back(
      {std::string("max_coreness"),
       count(r.coreness.empty() ? 0 : *std::max_element(r.coreness.begin(), r.coreness.end()))});
  if (r.has_blocks) {
    summary.rows.push_back({std::string("cohesive_blocks"), count(r.blocks.size())});
    summary.rows.push_back(
        {std::string("max_cohesion"),
         count(r.cohesion.empty() ? 0 : *std::max_element(r.cohesion.begin(), r.cohesion.end()))});
  }
  report.sections.push_back({"summary", std::move(summary)});

  Table components{{"component", "size"}, {}};
  for (std::size_t c = 0; c < r.component_sizes.size(); ++c)
    components.rows.push_back({count(c + 1), count(r.component_sizes[c])});
  report.sections.push_back({"components", std::move(components)});

  // Articulation points by id.
  Table points{{"id", "label", "kind", "component"}, {}};
  std::vector<graph::Vertex> cut = r.articulation_points;
  std::sort(cut.begin(), cut.end(),
            [&](graph::Vertex a, graph::Vertex b) { return id_of(a) < id_of(b); });
  for (auto v : cut) {
    const auto n = view.node_of(v);
    points.rows.push_back({g.node(n).id, g.node(n).label, g.kind_name(n), count(r.component[v])});
  }
  report.sections.push_back({"articulation points", std::move(points)});

  Table bridges{{"source", "target", "relation", "edge"}, {}};
  std::vector<analyses::Bridge> sorted = r.bridges;
  for (auto& b : sorted)
    if (id_of(b.v) < id_of(b.u)) std::swap(b.u, b.v);
  std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
    if (id_of(a.u) != id_of(b.u)) return id_of(a.u) < id_of(b.u);
    return id_of(a.v) < id_of(b.v);
  });
  for (const auto& b : sorted)
    bridges.rows.push_back(
        {id_of(b.u), id_of(b.v), std::string(g.relation_name(b.edge)), g.edge_id(b.edge)});
  report.sections.push_back({"bridges", std::move(bridges)});

  // Nodes by coreness (highest first), then cohesion, then id.
  std::vector<graph::Vertex> order(view.vertex_count());
  std::iota(order.begin(), order.end(), graph::Vertex{0});
  std::sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (r.coreness[a] != r.coreness[b]) return r.coreness[a] > r.coreness[b];
    if (r.has_blocks && r.cohesion[a] != r.cohesion[b]) return r.cohesion[a] > r.cohesion[b];
    return id_of(a) < id_of(b);
  });
  Table nodes{{"id", "label", "kind", "component"}, {}};
  if (strong) nodes.columns.emplace_back("strong_component");
  nodes.columns.emplace_back("coreness");
  if (r.has_blocks) nodes.columns.emplace_back("cohesion");
  nodes.columns.emplace_back("articulation");
  for (auto v : order) {
    const auto n = view.node_of(v);
    std::vector<Cell> row{g.node(n).id, g.node(n).label, g.kind_name(n), count(r.component[v])};
    if (strong) row.emplace_back(count(r.strong_component[v]));
    row.emplace_back(count(r.coreness[v]));
    if (r.has_blocks) row.emplace_back(count(r.cohesion[v]));
    row.emplace_back(std::string(
        std::binary_search(r.articulation_points.begin(), r.articulation_points.end(), v) ? "yes"
                                                                                          : "no"));
    nodes.rows.push_back(std::move(row));
  }
  report.sections.push_back({"nodes", std::move(nodes)});

  if (r.has_blocks) {
    Table blocks{{"block", "parent", "cohesion", "size", "members"}, {}};
    for (std::size_t b = 0; b < r.blocks.size(); ++b) {
      const auto& block = r.blocks[b];
      std::vector<std::string> ids;
      for (auto v : block.members)
        ids.push_back(id_of(v));
      std::sort(ids.begin(), ids.end());
      blocks.rows.push_back({count(b + 1),
                             block.parent < 0 ? Cell(std::string()) : Cell(block.parent + 1),
                             count(block.cohesion), count(block.members.size()),
                             fmt::format("{}", fmt::join(ids, "|"))});
    }
    report.sections.push_back({"cohesive blocks", std::move(blocks)});
  }
  emit(report, o.output);
}

}  // namespace

void add_cohesion(CLI::App& app) {
  auto opts = std::make_shared<CohesionCliOptions>();
  auto* cmd = app.add_subcommand(
      "cohesion",
      "What holds the network together: components, articulation points, bridges, k-cores "
      "(coreness) and Moody-White cohesive blocks");
  add_input_options(*cmd, opts->input);
  cmd->add_flag("--blocks", opts->blocks,
                "also find Moody-White cohesive blocks (slow: minutes on a few hundred nodes)");
  add_view_options(*cmd, opts->view);
  add_project_options(*cmd, opts->project);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet cohesion datasets/us-china-law-enforcement\n"
      "  actornet cohesion ../shared/data/florentine_families --blocks --format csv -o "
      "cohesion.csv\n"
      "An articulation point is a node whose loss splits its component; a bridge an edge "
      "whose loss does (two parallel edges of any relations are never bridges). Coreness k: "
      "the node is in the largest subgraph where everyone has at least k neighbours. Cohesive "
      "blocks nest k-connected groups (igraph, on the simple projection).");
  cmd->callback([opts] { run_cohesion(*opts); });
}

}  // namespace actornet::cli
