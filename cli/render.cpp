// actornet render: the network as a diagram (SVG, PNG, PDF or DOT) through Graphviz.
#include "viz/render.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "analyses/centrality.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/structure.hpp"
#include "graph/errors.hpp"

namespace actornet::cli {
namespace {

struct RenderCliOptions {
  InputOptions input;
  ViewFlags view;
  std::string output;
  std::string format;
  std::string layout;
  unsigned seed = 1;
  std::string color_by;
  std::string size_by = "degree";
  std::string parallel_draw = "draw";
  std::string focus;
  std::size_t depth = 1;
  int label_top = -1;  // -1: automatic
  std::string cluster_by;
  std::string title;
  CommunityFlags community;
};

constexpr std::size_t kAutoLabelAbove = 300;  // vertices; above this only the top nodes get labels
constexpr std::size_t kAutoLabelTop = 100;

std::string selection_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// The dataset's name: the last component of the first input, without extension.
std::string dataset_name(const std::string& input) {
  std::filesystem::path path(input);
  while (!path.empty() && path.filename().empty())
    path = path.parent_path();
  if (std::filesystem::is_directory(path)) return path.filename().string();
  return path.stem().string();
}

viz::OutputFormat choose_format(const RenderCliOptions& o) {
  if (!o.format.empty()) {
    auto format = viz::output_format_from_name(o.format);
    if (!format)
      throw InputError(fmt::format("unknown --format '{}'; choose svg, png, pdf or dot", o.format));
    return *format;
  }
  if (o.output == "-") return viz::OutputFormat::Svg;
  auto format = viz::output_format_from_path(o.output);
  if (!format)
    throw InputError(fmt::format(
        "cannot tell the format from '{}'; name the file .svg, .png, .pdf or .dot, or pass "
        "--format",
        o.output));
  return *format;
}

void check_output_folder(const std::string& output) {
  if (output.empty() || output == "-") return;
  const std::filesystem::path path(output);
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(folder))
    throw InputError(
        fmt::format("cannot write '{}': the folder '{}' does not exist", output, folder.string()));
}

void run_render(RenderCliOptions& o) {
  viz::RenderOptions options;
  options.format = choose_format(o);
  options.layout = o.layout;
  if (!options.layout.empty()) {
    const auto& names = viz::layout_names();
    if (std::find(names.begin(), names.end(), options.layout) == names.end())
      throw InputError(fmt::format("unknown --layout '{}'; choose from {}", options.layout,
                                   fmt::join(names, ", ")));
  }
  auto parallel = viz::parallel_draw_from_name(o.parallel_draw);
  if (!parallel)
    throw InputError(
        fmt::format("unknown --parallel-draw '{}'; choose draw or bundle", o.parallel_draw));
  options.parallel = *parallel;
  std::optional<analyses::Measure> size_measure;
  if (o.size_by != "none") {
    size_measure = analyses::measure_from_string(o.size_by);
    if (!size_measure)
      throw InputError(
          fmt::format("unknown --size-by '{}'; choose a centrality measure (degree, "
                      "strength, betweenness, pagerank, ...) or none",
                      o.size_by));
  }
  check_output_folder(o.output);

  auto imported = load(o.input);
  const auto& g = imported.graph;
  auto view_options = to_view_options(o.view);
  auto view = graph::View::build(g, view_options);

  // --color-by community: communities of the whole projection (before any focus), read
  // undirected, stored as the text attribute `community` ("01", "02", ...) for the palette.
  if (o.color_by == "community" && !g.node_attributes().find("community")) {
    auto undirected = view_options;
    undirected.direction = graph::DirectionPolicy::Undirected;
    const auto whole = graph::View::build(g, undirected);
    auto community = to_community_options(o.community);
    community.seed = o.seed;
    const auto found = analyses::communities(whole, community);
    const auto labels = community_labels(found.membership);
    auto& attributes = imported.graph.node_attributes();
    const auto column = attributes.declare("community", graph::AttrType::String);
    for (graph::Vertex v = 0; v < whole.vertex_count(); ++v)
      attributes.set(column, whole.node_of(v), labels[v]);
  }

  if (!o.focus.empty()) {
    auto focus = graph::Selection::parse(o.focus, "--focus");
    focus.check(g, graph::SelectionTarget::Nodes);
    std::vector<graph::Vertex> seeds;
    for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
      if (focus.matches_node(g, view.node_of(v))) seeds.push_back(v);
    if (seeds.empty())
      throw InputError(fmt::format("--focus '{}' matches no node of the view", o.focus));
    const auto ego = viz::ego_vertices(view, seeds, o.depth);
    std::string ids;
    for (auto v : ego) {
      if (!ids.empty()) ids += ", ";
      ids += selection_string(g.node(view.node_of(v)).id);
    }
    std::string where = "id in (" + ids + ")";
    if (!o.view.where.empty()) where = "(" + o.view.where + ") and " + where;
    view_options.where = graph::Selection::parse(where, "--focus");
    view = graph::View::build(g, view_options);
  }

  if (size_measure) {
    analyses::CentralityOptions centrality;
    centrality.measures = {*size_measure};
    auto result = analyses::centrality(view, centrality);
    options.sizes = std::move(result.scores.front());
    options.size_label = std::string(analyses::to_string(*size_measure));
  }
  options.seed = o.seed;
  options.color_by = o.color_by;
  options.cluster_by = o.cluster_by;
  if (o.label_top >= 0)
    options.label_top = static_cast<std::size_t>(o.label_top);
  else if (view.vertex_count() > kAutoLabelAbove)
    options.label_top = kAutoLabelTop;
  options.title = o.title;
  if (options.title.empty()) {
    options.title = dataset_name(o.input.inputs.front());
    if (!o.view.at.empty()) options.title += ", as of " + o.view.at;
    if (!o.focus.empty()) options.title += fmt::format(", around {} (depth {})", o.focus, o.depth);
  }

  const std::string bytes = viz::render(g, view, options);
  write_output(o.output, bytes);
}

}  // namespace

void add_render(CLI::App& app) {
  auto opts = std::make_shared<RenderCliOptions>();
  auto* cmd = app.add_subcommand(
      "render",
      "Draw the network as a diagram (SVG, PNG, PDF or DOT) with Graphviz: shape by kind, "
      "colour by side, size by a centrality score, edge colour by relation, a legend");
  add_input_options(*cmd, opts->input);
  const std::string group = "Diagram";
  cmd->add_option("-o,--output", opts->output,
                  "the file to write (- for standard output); its extension picks the format")
      ->required()
      ->group(group);
  cmd->add_option("--format", opts->format, "svg, png, pdf or dot (default: by the extension)")
      ->group(group);
  cmd->add_option("--layout", opts->layout,
                  "Graphviz engine: dot, neato, fdp, sfdp, circo or twopi (default: neato up "
                  "to 300 nodes, sfdp above; fdp with --cluster-by)")
      ->group(group);
  cmd->add_option("--seed", opts->seed, "layout seed for neato, fdp and sfdp")
      ->default_str("1")
      ->group(group);
  cmd->add_option("--color-by", opts->color_by,
                  "node attribute giving the fill colour, kind, or community (detected on the "
                  "view, see --community-method; default: side, else country, else kind)")
      ->group(group);
  cmd->add_option("--size-by", opts->size_by,
                  "centrality measure giving node area (degree, pagerank, betweenness, ...), "
                  "computed on the drawn view, or none")
      ->default_str("degree")
      ->group(group);
  cmd->add_option("--parallel-draw", opts->parallel_draw,
                  "how parallel edges are drawn: draw (one line each) or bundle (one line per "
                  "pair, labelled with the count and relations, wider with the count). Not to "
                  "be confused with --parallel, which merges edges in the view itself")
      ->default_str("draw")
      ->group(group);
  cmd->add_option("--focus", opts->focus,
                  "draw only the ego network of the nodes matching this selection, e.g. "
                  "'label~\"Wang Xiaohong\"'")
      ->group(group);
  cmd->add_option("--depth", opts->depth, "with --focus: steps from the focus nodes")
      ->default_str("1")
      ->group(group);
  cmd->add_option("--label-top", opts->label_top,
                  "label only the N largest nodes (by --size-by); 0 labels all (default: all "
                  "up to 300 nodes, the top 100 above)")
      ->group(group);
  cmd->add_option("--cluster-by", opts->cluster_by,
                  "node attribute: one box per value (needs --layout dot or fdp)")
      ->group(group);
  cmd->add_option("--title", opts->title,
                  "title drawn above the legend (default: the dataset name and --at date)")
      ->group(group);
  add_community_options(*cmd, opts->community, "community-", false, false);
  add_view_options(*cmd, opts->view);
  cmd->footer(
      "Example:\n"
      "  actornet render datasets/us-china-law-enforcement --at 2024-07 -o us-china.png\n"
      "  actornet render datasets/us-china-law-enforcement --focus 'id=wang_xiaohong' --depth 2 "
      "--size-by pagerank --parallel-draw bundle -o wang.svg\n"
      "The same input and --seed give the same SVG, byte for byte.");
  cmd->callback([opts] { run_render(*opts); });
}

}  // namespace actornet::cli
