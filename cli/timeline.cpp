// actornet timeline: one centrality measure per actor on each snapshot of a date grid.
#include "analyses/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/errors.hpp"
#include "viz/chart.hpp"

namespace actornet::cli {
namespace {

struct TimelineCliOptions {
  InputOptions input;
  ViewFlags view;
  OutputFlags output;
  std::string measure = "degree";
  std::string every = "month";
  std::string window;
  std::string from, to;
  bool weights = false;
  std::string lengths;
  double damping = 0.85;
  std::size_t top = 0;
  std::string chart;
  std::size_t chart_top = 10;
  std::string title;
};

analyses::Period period_flag(const std::string& text, const char* flag) {
  const auto p = analyses::parse_period(text);
  if (!p)
    throw InputError(
        fmt::format("{} '{}' is not a period; write day, week, month, quarter, year "
                    "or a count and a unit: 10d, 2w, 3m, 1y",
                    flag, text));
  return *p;
}

// Peak (largest finite) score of a row; -inf when it has none.
double peak(const std::vector<double>& row) {
  double best = -std::numeric_limits<double>::infinity();
  for (const double v : row)
    if (std::isfinite(v)) best = std::max(best, v);
  return best;
}

void write_chart(const TimelineCliOptions& o, const graph::Graph& g,
                 const analyses::TimelineResult& r, const std::vector<std::size_t>& order) {
  const auto parent = std::filesystem::path(o.chart).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent))
    throw InputError(fmt::format("--chart: the folder '{}' does not exist", parent.string()));
  viz::LineChart chart;
  chart.title = o.title.empty() ? fmt::format("{} over time", o.measure) : o.title;
  chart.x_title = o.window.empty() ? "date (snapshot at the date)"
                                   : fmt::format("date (window of {} ending with the step)",
                                                 analyses::to_string(period_flag(o.window, "")));
  chart.y_title = o.measure;
  chart.end_labels = true;
  chart.width = 960;
  chart.height = 540;
  chart.id = "timeline";
  for (std::size_t k = 0; k < order.size() && k < o.chart_top; ++k) {
    const std::size_t row = order[k];
    viz::ChartSeries s;
    s.name = g.node(r.nodes[row]).label;
    s.markers = r.dates.size() <= 40;
    for (std::size_t d = 0; d < r.dates.size(); ++d)
      s.points.push_back({static_cast<double>(d), r.scores[row][d]});
    chart.series.push_back(std::move(s));
  }
  // About a dozen date ticks at most, evenly spaced over the grid.
  const std::size_t stride = std::max<std::size_t>(1, (r.dates.size() + 11) / 12);
  for (std::size_t d = 0; d < r.dates.size(); d += stride)
    chart.x_ticks.push_back({static_cast<double>(d), r.dates[d].to_string()});
  chart.x_min = 0;
  chart.x_max = r.dates.empty() ? 1.0 : static_cast<double>(r.dates.size() - 1);
  write_output(o.chart, viz::line_chart_svg(chart));
}

void run_timeline(TimelineCliOptions& o) {
  if (!o.view.at.empty())
    throw InputError(
        "timeline chooses its own dates; give the grid with --every, --from and --to "
        "instead of --at");
  const auto measure = analyses::measure_from_string(o.measure);
  if (!measure) {
    std::vector<std::string> names;
    for (auto m : analyses::all_measures())
      names.emplace_back(analyses::to_string(m));
    throw InputError(
        fmt::format("unknown measure '{}'; choose from {}", o.measure, fmt::join(names, ", ")));
  }
  if (!o.chart.empty() && !o.chart.ends_with(".svg"))
    throw InputError(fmt::format("--chart '{}': the chart is SVG; name the file .svg", o.chart));
  analyses::TimelineOptions t;
  t.centrality.measures = {*measure};
  t.centrality.use_weights = o.weights;
  if (!o.lengths.empty()) t.centrality.lengths = *analyses::length_policy_from_string(o.lengths);
  t.centrality.damping = o.damping;
  t.every = period_flag(o.every, "--every");
  if (!o.window.empty()) t.window = period_flag(o.window, "--window");
  t.from = date_flag(o.from, "--from");
  t.to = date_flag(o.to, "--to");
  t.view = to_view_options(o.view);

  auto imported = load(o.input);
  const auto& g = imported.graph;
  const auto r = analyses::timeline(g, t);
  for (const auto& note : r.notes)
    print_message("note", note);

  // Rows by peak score (highest first), ties by id.
  std::vector<std::size_t> order(r.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::vector<double> peaks(r.nodes.size());
  for (std::size_t i = 0; i < peaks.size(); ++i)
    peaks[i] = peak(r.scores[i]);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (peaks[a] != peaks[b]) return peaks[a] > peaks[b];
    return g.node(r.nodes[a]).id < g.node(r.nodes[b]).id;
  });

  Table table;
  table.columns = {"id", "label", "kind"};
  for (const auto& d : r.dates)
    table.columns.push_back(d.to_string());
  const std::size_t rows = o.top ? std::min(o.top, order.size()) : order.size();
  for (std::size_t k = 0; k < rows; ++k) {
    const std::size_t i = order[k];
    const auto n = r.nodes[i];
    std::vector<Cell> row{g.node(n).id, g.node(n).label, g.kind_name(n)};
    for (const double v : r.scores[i])
      row.emplace_back(v);
    table.rows.push_back(std::move(row));
  }
  Report report;
  std::string projection = describe_view(graph::View::build(g, t.view), o.view, o.weights);
  report.preamble.push_back(fmt::format(
      "{} on {} snapshots, every {}, {}; rows by peak score, empty where the actor "
      "is not in the snapshot",
      o.measure, r.dates.size(), analyses::to_string(t.every),
      t.window
          ? fmt::format("each a window of {} ending with its step", analyses::to_string(*t.window))
          : std::string("each at its date (as centrality --at)")));
  report.preamble.push_back("whole graph: " + projection);
  report.sections.push_back({"timeline", std::move(table)});
  if (!o.chart.empty()) write_chart(o, g, r, order);
  emit(report, o.output);
}

}  // namespace

void add_timeline(CLI::App& app) {
  auto opts = std::make_shared<TimelineCliOptions>();
  auto* cmd = app.add_subcommand(
      "timeline",
      "A centrality measure per actor on each snapshot of a date grid: a wide table (actors x "
      "dates) and, with --chart, an SVG line chart of the top actors");
  add_input_options(*cmd, opts->input);
  cmd->add_option("--measure", opts->measure,
                  "the measure to follow (any of centrality's: degree, betweenness, pagerank...)")
      ->default_str("degree");
  cmd->add_option("--every", opts->every,
                  "grid step: day, week, month, quarter, year, or a count and a unit (2w, 3m)")
      ->default_str("month");
  cmd->add_option("--window", opts->window,
                  "each snapshot holds what was valid during this long a window ending with its "
                  "step (e.g. 3m); without it, what was valid on the grid date itself");
  cmd->add_option("--from", opts->from, "first grid date (default: the earliest date in the data)");
  cmd->add_option("--to", opts->to, "last grid date (default: the latest date in the data)");
  cmd->add_flag("--weights", opts->weights,
                "use edge weights as tie strengths (bigger = closer); see --lengths");
  cmd->add_option("--lengths", opts->lengths,
                  "with --weights, how distance-based measures turn strengths into lengths: "
                  "inverse (1/w) or ignore")
      ->check(CLI::IsMember({"inverse", "ignore"}));
  cmd->add_option("--damping", opts->damping, "PageRank damping factor")
      ->check(CLI::Range(0.0, 1.0))
      ->default_str("0.85");
  cmd->add_option("--top", opts->top, "only the N actors with the highest peak score");
  cmd->add_option("--chart", opts->chart, "also draw the top actors' lines to this SVG file");
  cmd->add_option("--chart-top", opts->chart_top, "actors drawn in the chart")->default_str("10");
  cmd->add_option("--title", opts->title, "the chart's title");
  add_view_options(*cmd, opts->view);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet timeline datasets/us-china-law-enforcement --measure betweenness --every year\n"
      "  actornet timeline events.tab --aggregate dyad-month --measure betweenness --every month "
      "--window 3m --undirected --top 20 --chart betweenness.svg\n"
      "Each column is one snapshot: without --window, what was valid on the grid date (the "
      "same as centrality --at DATE); with --window W, what was valid at some time in the W "
      "that ends with the step (--window 1m --every month: each calendar month). Rows are "
      "ordered by peak score, highest first, ties by id.");
  cmd->callback([opts] { run_timeline(*opts); });
}

}  // namespace actornet::cli
