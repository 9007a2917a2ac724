// actornet report: the main job. From a dataset, a folder holding a one-page briefing
// (index.html and report.md), the diagram (SVG and PNG) and the centrality table (CSV).
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "analyses/brokerage.hpp"
#include "analyses/centrality.hpp"
#include "analyses/communities.hpp"
#include "analyses/resilience.hpp"
#include "analyses/scenario.hpp"
#include "analyses/summary.hpp"
#include "cli/briefing.hpp"
#include "cli/centrality_table.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/sides.hpp"
#include "cli/structure.hpp"
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
  std::string side_a, side_b;
  std::string transition;
  std::vector<std::string> compare;
  std::string partition;
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

std::string channel_count(std::int64_t n) {
  return fmt::format("{} disjoint channel{}", n, n == 1 ? "" : "s");
}

// The channels between the sides on the report's view: the figures, the channels themselves
// and what they hang on, as `actornet resilience` prints them.
BriefingSection channels_section(const graph::Graph& g, const ReportOptions& o) {
  auto options = to_view_options(o.view);
  options.direction = graph::DirectionPolicy::Undirected;
  const auto view = graph::View::build(g, options);
  const auto sides = side_masks(g, view, o.side_a, o.side_b, o.view.at);
  analyses::ResilienceOptions resilience_options;
  resilience_options.layers.push_back(relation_layers(g, view));
  const auto r = analyses::resilience(view, sides.a, sides.b, resilience_options);
  auto sections = resilience_sections(g, view, r, 10, resilience_options.layers);

  BriefingSection section;
  section.heading = "Channels between the sides";
  section.paragraphs.push_back(fmt::format(
      "Side A is {} ({} actors), side B is {} ({} actors){}. Every tie counts as a channel "
      "both ways. They are joined by {} direct ties and {}: paths sharing no actor at all, so "
      "the loss of any one actor cuts one channel at most. Cutting every mediated channel "
      "takes the loss of {} intermediaries; {} of the A x B pairs are joined at all.",
      o.side_a, std::count(sides.a.begin(), sides.a.end(), true), o.side_b,
      std::count(sides.b.begin(), sides.b.end(), true),
      o.view.at.empty() ? " over the whole record" : ", on " + o.view.at, r.direct_ties,
      channel_count(r.disjoint_channels), r.broker_connectivity,
      fmt::format("{:.0f}%", 100.0 * r.pairs_connected)));
  section.paragraphs.push_back(
      "Single points of failure are the actors (and ties) whose loss alone lowers the count. "
      "Definitions: actornet resilience --help, and analyses/resilience.hpp.");
  for (auto& table : sections)
    if (table.title == "figures" || table.title == "channels" ||
        table.title == "single points of failure" || table.title == "by relation")
      section.tables.push_back(std::move(table));
  return section;
}

// A change of office holders: the figures before and after, with and without successors in
// the vacated positions, and the channels lost.
BriefingSection transition_section(const graph::Graph& g, const ReportOptions& o) {
  graph::Scenario scenario;
  scenario.name = "transition " + o.transition;
  scenario.interventions = transition_ends(g, *date_flag(o.transition, "--transition"),
                                           o.transition);  // not empty: the caller checked
  analyses::ScenarioOptions options;
  options.view = to_view_options(o.view);
  options.view.at.reset();
  for (const auto& text : o.compare) {
    const auto d = date_flag(text, "--compare");
    if (!d) throw InputError("--compare holds an empty date; give DATE,DATE");
    options.dates.push_back(*d);
  }
  const auto result =
      analyses::evaluate_scenario(g, scenario, side_chooser(o.side_a, o.side_b), options);

  BriefingSection section;
  section.heading = "When the office holders change on " + o.transition;
  const auto& first = result.steps.front();
  const auto& last = result.steps.back();  // the last day, with successors
  const auto& last_without = result.steps[result.steps.size() - 2];
  section.paragraphs.push_back(fmt::format(
      "{} tenures end on {}. On {} the sides are joined by {}; on {}, by {} when the vacated "
      "positions stay empty, and by {} when each passes to an unnamed successor who keeps its "
      "institutional ties (institutionalisation {:+}).",
      scenario.interventions.size(), o.transition, first.date.to_string(),
      channel_count(first.disjoint_channels), last.date.to_string(),
      channel_count(last_without.disjoint_channels), channel_count(last.disjoint_channels),
      last.institutionalisation));
  Table figures{{"date", "successors", "direct_ties", "broker_connectivity", "disjoint_channels",
                 "edge_connectivity", "pairs_connected", "institutionalisation"},
                {}};
  for (const auto& step : result.steps)
    figures.rows.push_back({step.date.to_string(), std::string(step.successors ? "yes" : "no"),
                            step.direct_ties, step.broker_connectivity, step.disjoint_channels,
                            step.edge_connectivity, step.pairs_connected,
                            step.institutionalisation});
  section.tables.push_back({"figures", std::move(figures)});
  Table lost{{"date", "successors", "channel", "why"}, {}};
  for (const auto& change : result.changes)
    if (change.what == analyses::ChangeKind::Channel && !change.gained)
      lost.rows.push_back({change.date.to_string(), std::string(change.successors ? "yes" : "no"),
                           change.id, change.why});
  section.tables.push_back({"channels lost", std::move(lost)});
  return section;
}

// Who brokers between the groups of a partition, and which communities the network falls
// into and how each spreads over the groups (as `actornet brokerage` and `actornet
// communities` compute them, on the report's undirected view).
BriefingSection structure_section(const graph::Graph& g, const graph::View& view,
                                  const std::string& attribute) {
  const auto partition = partition_by(g, view, attribute, "--partition");
  const auto b = analyses::brokerage(view, partition.group);
  const auto c = analyses::communities(view, to_community_options(CommunityFlags{}));
  const auto label = [&](graph::Vertex v) { return g.node(view.node_of(v)).label; };
  const auto id = [&](graph::Vertex v) { return g.node(view.node_of(v)).id; };
  constexpr auto kTotal = static_cast<std::size_t>(analyses::BrokerageRole::Total);

  BriefingSection section;
  section.heading = "Brokers and communities";
  section.paragraphs.push_back(fmt::format(
      "Groups by {}. A broker stands on a two-step path a - v - b with no direct a - b tie; "
      "Gould and Fernandez name the role by the groups involved: coordinator (all in v's "
      "group), itinerant (a and b in one group, v outside), representative and gatekeeper "
      "(v in a's or b's group), liaison (three groups). {} Communities: Leiden "
      "(modularity, resolution 1, seed 1) on every tie read both ways, modularity {:.3f}.",
      attribute,
      view.directed() ? "Ties follow their stored direction." : "Every tie counts both ways.",
      c.modularity));

  std::vector<graph::Vertex> order;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    if (b.raw[v][kTotal] > 0) order.push_back(v);
  std::sort(order.begin(), order.end(), [&](auto x, auto y) {
    if (b.raw[x][kTotal] != b.raw[y][kTotal]) return b.raw[x][kTotal] > b.raw[y][kTotal];
    return id(x) < id(y);
  });
  if (order.size() > 10) order.resize(10);
  Table brokers{{"actor", attribute}, {}};
  for (std::size_t k = 0; k < analyses::kBrokerageColumns; ++k)
    brokers.columns.emplace_back(analyses::to_string(static_cast<analyses::BrokerageRole>(k)));
  for (auto v : order) {
    std::vector<Cell> row{label(v), partition.names[partition.group[v]]};
    for (double x : b.raw[v])
      row.emplace_back(static_cast<std::int64_t>(x));
    brokers.rows.push_back(std::move(row));
  }
  section.tables.push_back({"top brokers", std::move(brokers)});

  Table communities{{"community", "size", "share by " + attribute, "members"}, {}};
  for (std::uint32_t k = 1; k <= c.sizes.size(); ++k) {
    std::vector<std::size_t> per_group(partition.names.size(), 0);
    std::vector<graph::Vertex> members;
    for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
      if (c.membership[v] == k) {
        ++per_group[partition.group[v]];
        members.push_back(v);
      }
    std::vector<std::string> shares, names;
    for (std::size_t i = 0; i < per_group.size(); ++i)
      if (per_group[i] > 0)
        shares.push_back(fmt::format(
            "{} {:.0f}%", partition.names[i],
            100.0 * static_cast<double>(per_group[i]) / static_cast<double>(members.size())));
    std::sort(members.begin(), members.end(), [&](auto x, auto y) {
      if (view.out(x).size() != view.out(y).size()) return view.out(x).size() > view.out(y).size();
      return id(x) < id(y);
    });
    for (std::size_t i = 0; i < members.size() && i < 4; ++i)
      names.push_back(label(members[i]));
    if (members.size() > 4) names.push_back(fmt::format("and {} more", members.size() - 4));
    communities.rows.push_back({std::int64_t{k}, static_cast<std::int64_t>(members.size()),
                                fmt::format("{}", fmt::join(shares, ", ")),
                                fmt::format("{}", fmt::join(names, ", "))});
  }
  section.tables.push_back({"communities (most tied members first)", std::move(communities)});
  return section;
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
  if (!o.side_a.empty()) {
    progress("tracing channels between the sides");
    b.sections.push_back(channels_section(g, o));
    if (!o.transition.empty()) b.sections.push_back(transition_section(g, o));
  }
  if (!o.partition.empty() || !o.side_a.empty()) {
    const auto attribute = o.partition.empty() ? default_partition_attribute(g) : o.partition;
    if (!attribute.empty()) b.sections.push_back(structure_section(g, view, attribute));
  }
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
  auto* side_a = cmd->add_option("--side-a", opts->side_a,
                                 "with --side-b: add the channels between two sides, e.g. "
                                 "'country=CN'");
  auto* side_b = cmd->add_option("--side-b", opts->side_b, "side B's selection, e.g. 'country=US'");
  side_a->needs(side_b);
  side_b->needs(side_a);
  auto* transition = cmd->add_option(
      "--transition", opts->transition,
      "with the sides: the figures before and after every tenure ending on this date, with "
      "and without successors (as 'actornet scenario --transition')");
  transition->needs(side_a);
  cmd->add_option("--compare", opts->compare,
                  "with --transition: the dates to compare (default: the day before and the "
                  "date itself)")
      ->delimiter(',')
      ->needs(transition);
  cmd->add_option("--partition", opts->partition,
                  "add brokers between the groups of this node attribute and communities "
                  "with their share of each group (default with the sides: side, else "
                  "country)");
  cmd->footer(
      "Example:\n"
      "  actornet report datasets/us-china-law-enforcement -o out/us-china\n"
      "  actornet report datasets/us-china-law-enforcement --side-a country=CN --side-b "
      "country=US --transition 2025-01-20 --compare 2024-12-01,2025-02-01 -o out/us-china\n"
      "  actornet report datasets/us-china-law-enforcement --at 2024-07 --top 5 "
      "--title 'Law enforcement, July 2024' -o out/2024-07\n"
      "Prints the paths of the files written. Each file is written to a temporary file and "
      "renamed, so none is ever half-written; nothing is written until every part is ready, "
      "but a failure while writing may leave the files of this run written before it.");
  cmd->callback([opts] { run_report(*opts); });
}

}  // namespace actornet::cli
