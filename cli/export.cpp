// actornet export: write the graph (or the projection chosen with the view flags) in an
// exchange format, optionally with centrality scores, node sizes and layout positions.
#include "exporters/export.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "analyses/centrality.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/structure.hpp"
#include "exporters/projection.hpp"
#include "graph/errors.hpp"
#include "viz/render.hpp"

namespace actornet::cli {
namespace {

struct ExportCliOptions {
  InputOptions input;
  ViewFlags view;
  ProjectFlags project;
  StructureRequest structure;
  std::string output;
  std::string format;
  std::vector<std::string> scores;
  std::string size_by;
  std::string color_by;
  std::string layout;
  unsigned seed = 1;
};

exporters::OutputFormat choose_format(const ExportCliOptions& o) {
  if (!o.format.empty()) {
    if (auto f = exporters::output_format_from_name(o.format)) return *f;
    throw InputError(
        fmt::format("unknown output format '{}'; choose gexf, graphml, gml, pajek, dl, dot, json, "
                    "cytoscape or csv",
                    o.format));
  }
  if (auto f = exporters::output_format_from_path(o.output)) return *f;
  throw InputError(fmt::format(
      "cannot tell the format from '{}'; end the name in .gexf, .graphml, .gml, .net, .dl, "
      ".dot, .json or .cyjs, name a folder for CSV, or pass --format",
      o.output));
}

void run_export(ExportCliOptions& o) {
  const auto format = choose_format(o);
  auto imported = load(o.input);
  ViewSource source;
  const auto view = build_view(imported.graph, o.view, o.project, source);
  const auto& g = *source.graph;
  auto projected = exporters::project(g, view);
  if (!o.structure.names.empty()) {
    o.structure.community.seed = o.seed;
    ViewFlags undirected_flags = o.view;
    undirected_flags.undirected = true;
    ViewSource undirected_source;
    const auto undirected =
        build_view(imported.graph, undirected_flags, o.project, undirected_source);
    for (const auto& note : add_structure_attributes(projected, g, view, undirected, o.structure))
      print_message("note", note);
  }

  exporters::ExportOptions options;
  options.size_by = o.size_by;
  options.color_by = o.color_by;
  // Scores on the view (vertex v = node v of the projection); --size-by may name one more.
  analyses::CentralityOptions centrality;
  for (const auto& name : o.scores) {
    auto m = analyses::measure_from_string(name);
    if (!m) throw InputError(fmt::format("--with-scores: unknown measure '{}'", name));
    centrality.measures.push_back(*m);
  }
  if (auto m = analyses::measure_from_string(o.size_by);
      m && std::find(centrality.measures.begin(), centrality.measures.end(), *m) ==
               centrality.measures.end())
    centrality.measures.push_back(*m);
  if (!centrality.measures.empty()) {
    const auto result = analyses::centrality(view, centrality);
    for (const auto& note : result.notes)
      print_message("note", note);
    for (std::size_t i = 0; i < result.measures.size(); ++i)
      options.scores.emplace_back(std::string(analyses::to_string(result.measures[i])),
                                  result.scores[i]);
  }
  if (!o.layout.empty()) {
    viz::RenderOptions render;
    render.layout = o.layout;
    render.seed = o.seed;
    for (const auto& [x, y] : viz::layout_positions(g, view, render))
      options.positions.emplace_back(std::in_place, x, y);
  }

  exporters::ExportReport report;
  const auto files = exporters::export_graph(projected, format, options, report);
  for (const auto& line : report.dropped)
    print_message("export: warning", line);
  if (files.size() == 1 && files.front().name.empty()) {
    write_output(o.output, files.front().content);
    return;
  }
  if (o.output.empty() || o.output == "-")
    throw InputError("CSV export writes a folder (nodes.csv, edges.csv): name it with -o");
  std::error_code ec;
  std::filesystem::create_directories(o.output, ec);
  if (ec)
    throw std::runtime_error(
        fmt::format("cannot create the folder '{}': {}", o.output, ec.message()));
  for (const auto& file : files)
    write_output((std::filesystem::path(o.output) / file.name).string(), file.content);
}

}  // namespace

void add_export(CLI::App& app) {
  auto opts = std::make_shared<ExportCliOptions>();
  auto* cmd = app.add_subcommand(
      "export",
      "Write the graph (or the projection the view flags choose) as GEXF, GraphML, GML, "
      "Pajek, DL, DOT, JSON node-link, cytoscape.js or CSV");
  add_input_options(*cmd, opts->input);
  cmd->add_option("-o,--output", opts->output,
                  "the file to write (a folder for CSV: nodes.csv and edges.csv); '-' for "
                  "standard output")
      ->required();
  cmd->add_option("--format", opts->format,
                  "output format: gexf, graphml, gml, pajek, dl, dot, json, cytoscape, csv "
                  "(default: by the extension of -o)");
  cmd->add_option("--with-scores", opts->scores,
                  "centrality measures computed on the projection and stored as node "
                  "attributes, comma-separated (e.g. pagerank,betweenness)")
      ->delimiter(',');
  cmd->add_option("--size-by", opts->size_by,
                  "node size (GEXF viz:size) from this measure (computed if not in "
                  "--with-scores) or numeric node attribute");
  cmd->add_option("--color-by", opts->color_by,
                  "node colour (GEXF viz:color) from this node attribute or 'kind' (default: "
                  "side, else country, else kind)");
  cmd->add_option("--layout", opts->layout,
                  "lay the projection out with this Graphviz engine (e.g. sfdp) and write the "
                  "positions (GEXF viz:position, GraphML x/y)")
      ->check(CLI::IsMember(viz::layout_names()));
  cmd->add_option("--seed", opts->seed, "layout seed (and community seed)")->default_str("1");
  cmd->add_option("--with-structure", opts->structure.names,
                  "structural scores stored as node attributes, comma-separated: community, "
                  "component, coreness, cohesion, articulation, brokerage (the five roles and "
                  "their total; needs groups: --partition), effective_size, efficiency, "
                  "constraint")
      ->delimiter(',');
  cmd->add_option("--partition", opts->structure.partition,
                  "node attribute giving the groups for brokerage (default: side, else "
                  "country)");
  add_community_options(*cmd, opts->structure.community, "community-", false, false);
  add_view_options(*cmd, opts->view);
  add_project_options(*cmd, opts->project);
  cmd->footer(
      "Example:\n"
      "  actornet export datasets/us-china-law-enforcement -o network.gexf "
      "--with-scores pagerank,betweenness --size-by pagerank --layout sfdp\n"
      "  actornet export network.gexf -o network.graphml --at 2024-07\n"
      "  actornet export datasets/us-china-law-enforcement -o structure.gexf --with-structure "
      "community,brokerage,coreness --partition country --color-by community\n"
      "The projection flags choose what is written: only kept nodes and the edges between "
      "them; --undirected writes every edge undirected; a merging --parallel policy writes one "
      "edge per pair (see README). What the format cannot hold is listed on stderr, once per "
      "kind, with counts.");
  cmd->callback([opts] { run_export(*opts); });
}

}  // namespace actornet::cli
