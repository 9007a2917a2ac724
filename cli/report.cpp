// actornet report: the main job. From a dataset, a folder holding a one-page briefing
// (index.html and report.md), the diagram (SVG and PNG) and the centrality table (CSV).
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "analyses/centrality.hpp"
#include "analyses/summary.hpp"
#include "cli/briefing.hpp"
#include "cli/centrality_table.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/errors.hpp"
#include "viz/render.hpp"

namespace actornet::cli {
namespace {

struct ReportOptions {
  InputOptions input;
  ViewFlags view;
  std::string output_dir;
  std::string title;
  unsigned seed = 1;
  std::size_t top = 10;
  std::string layout;
  bool as_stored = false;
};

// Progress for a person watching: only when stderr is a terminal, so logs and tests stay clean.
void progress(std::string_view step) {
  if (::isatty(2)) std::cerr << "actornet: " << step << "...\n" << std::flush;
}

// The dataset's name: the last component of the first input, without a file's extension.
std::string dataset_name(const std::vector<std::string>& inputs) {
  if (inputs.empty()) return "network";
  std::filesystem::path p(inputs.front());
  if (!p.has_filename()) p = p.parent_path();  // "datasets/x/" names x
  std::string name = std::filesystem::is_directory(p) ? p.filename().string() : p.stem().string();
  if (name.ends_with(".csv")) name.resize(name.size() - 4);  // x.csv.gz
  return name.empty() ? std::string("network") : name;
}

void run_report(ReportOptions& o) {
  namespace fs = std::filesystem;
  const fs::path dir(o.output_dir);
  if (fs::exists(dir) && !fs::is_directory(dir))
    throw InputError(fmt::format("-o '{}' exists and is not a folder; give a folder for the report",
                                 o.output_dir));

  progress("reading");
  auto imported = load(o.input);
  const auto& g = imported.graph;

  // Centrality reads every tie both ways (contact runs both ways, even along holds_office);
  // the diagram keeps the stored directions and every parallel edge. The two views keep the
  // same nodes: only the direction and parallel policies differ.
  auto analysis_options = to_view_options(o.view);
  if (!o.as_stored) analysis_options.direction = graph::DirectionPolicy::Undirected;
  const auto view = graph::View::build(g, analysis_options);
  auto diagram_options = analysis_options;
  diagram_options.direction = graph::DirectionPolicy::AsStored;
  diagram_options.parallel = graph::ParallelPolicy::Keep;
  const auto diagram_view = graph::View::build(g, diagram_options);
  const auto summary = analyses::summarize(g, view);

  progress("computing centrality");
  const auto result = analyses::centrality(view);

  Report csv;
  csv.sections.push_back({"centrality", centrality_table(g, view, result)});
  const std::string centrality_csv = render(csv, Format::Csv);

  progress("drawing");
  Briefing b;
  b.title = o.title.empty() ? dataset_name(o.input.inputs) : o.title;
  b.dataset = fmt::format("{}", fmt::join(o.input.inputs, ", "));
  b.at = o.view.at;
  ViewFlags shown = o.view;
  shown.undirected = !o.as_stored;
  b.projection = describe_view(view, shown, false);
  if (!o.as_stored)
    b.projection_notes.push_back(
        "Scores read every tie as undirected: contact runs both ways, even along directed "
        "relations such as holds_office (--as-stored keeps the stored directions).");
  b.projection_notes.push_back(
      "The diagram shows the same actors and ties with their stored directions, every parallel "
      "tie drawn.");
  b.summary = summary;
  b.group_attribute = group_attribute(g);
  b.rankings = rank_actors(g, view, result, o.top, b.group_attribute);
  b.centrality_notes = result.notes;
  b.import = imported.report;

  viz::RenderOptions render_options;
  render_options.layout = o.layout;
  render_options.seed = o.seed;
  render_options.title = b.at.empty() ? b.title : fmt::format("{}, at {}", b.title, b.at);
  render_options.size_label = "PageRank";
  render_options.parallel = view.parallel_policy() == graph::ParallelPolicy::Keep
                                ? viz::ParallelDraw::Draw
                                : viz::ParallelDraw::Bundle;
  for (std::size_t m = 0; m < result.measures.size(); ++m)
    if (result.measures[m] == analyses::Measure::PageRank) {
      render_options.sizes.resize(diagram_view.vertex_count());
      for (graph::Vertex v = 0; v < diagram_view.vertex_count(); ++v)
        render_options.sizes[v] = result.scores[m][view.vertex_of(diagram_view.node_of(v))];
    }
  b.diagram_svg = viz::render(g, diagram_view, render_options);
  render_options.format = viz::OutputFormat::Png;
  const std::string png = viz::render(g, diagram_view, render_options);
  b.diagram_png = "diagram.png";
  b.diagram_links = {"diagram.svg", "diagram.png"};
  b.diagram_caption = fmt::format(
      "Shape by kind of actor{}, node size by PageRank; the legend is in the picture. Layout: "
      "{}, seed {}.",
      b.group_attribute.empty() ? "" : ", colour by " + b.group_attribute,
      o.layout.empty() ? "chosen by size" : o.layout, o.seed);
  b.files = {"report.md", "diagram.svg", "diagram.png", "centrality.csv"};
  const std::string html = briefing_html(b);
  const std::string markdown = briefing_markdown(b);

  // Everything is computed before the first write. Each file is written to a temporary file
  // and renamed, so none is ever partial; index.html comes last.
  progress("writing");
  fs::create_directories(dir);
  const std::vector<std::pair<std::string, const std::string*>> files{
      {"diagram.svg", &b.diagram_svg},
      {"diagram.png", &png},
      {"centrality.csv", &centrality_csv},
      {"report.md", &markdown},
      {"index.html", &html}};
  for (const auto& [name, content] : files)
    write_output((dir / name).string(), *content);
  for (const auto& [name, content] : files)
    std::cout << (dir / name).string() << "\n";
}

}  // namespace

void add_report(CLI::App& app) {
  auto opts = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand(
      "report",
      "The main job: write a briefing folder (index.html, report.md, diagram.svg, diagram.png, "
      "centrality.csv) from a dataset");
  add_input_options(*cmd, opts->input);
  cmd->add_option("-o,--output", opts->output_dir,
                  "folder to write into (created if missing; files already there are replaced)")
      ->required();
  cmd->add_option("--title", opts->title, "title of the briefing (default: the dataset's name)");
  cmd->add_option("--top", opts->top, "actors listed per measure (0: all)")->default_str("10");
  cmd->add_option("--layout", opts->layout, "diagram layout (default: chosen by size)")
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo", "twopi"}));
  cmd->add_option("--seed", opts->seed, "seed of the diagram layout")->default_str("1");
  add_view_options(*cmd, opts->view);
  cmd->add_flag("--as-stored", opts->as_stored,
                "score centrality on the stored directions (default: every tie undirected)")
      ->group("Projection")
      ->excludes(cmd->get_option("--undirected"));
  cmd->footer(
      "Example:\n"
      "  actornet report datasets/us-china-law-enforcement -o out/us-china\n"
      "  actornet report datasets/us-china-law-enforcement --at 2024-07 --top 5 "
      "--title 'Law enforcement, July 2024' -o out/2024-07\n"
      "Prints the paths of the files written. Each file is written to a temporary file and "
      "renamed, so none is ever half-written; nothing is written until every part is ready, "
      "but a failure while writing may leave the files of this run written before it.");
  cmd->callback([opts] { run_report(*opts); });
}

}  // namespace actornet::cli
