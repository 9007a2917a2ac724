// actornet centrality: who is central, by which measure, under which projection.
#include "analyses/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "analyses/approx_betweenness.hpp"
#include "cli/centrality_table.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/errors.hpp"

namespace actornet::cli {
namespace {

struct CentralityCliOptions {
  InputOptions input;
  ViewFlags view;
  OutputFlags output;
  std::vector<std::string> measures;
  bool weights = false;
  std::string lengths;
  double damping = 0.85;
  std::size_t top = 0;
  std::string sort;
  std::optional<double> approx;  ///< --approx EPS: sampled betweenness
  double confidence = 0.1;       ///< --confidence DELTA
  std::uint64_t seed = 1;
  unsigned threads = 0;
};

std::string measure_names() {
  std::vector<std::string> names;
  for (auto m : analyses::all_measures())
    names.emplace_back(analyses::to_string(m));
  return fmt::format("{}", fmt::join(names, ", "));
}

analyses::CentralityOptions to_options(const CentralityCliOptions& o) {
  analyses::CentralityOptions c;
  for (const auto& name : o.measures) {
    if (name == "all") {
      c.measures.insert(c.measures.end(), analyses::all_measures().begin(),
                        analyses::all_measures().end());
      continue;
    }
    auto m = analyses::measure_from_string(name);
    if (!m)
      throw InputError(fmt::format("unknown measure '{}'; choose from {}", name, measure_names()));
    c.measures.push_back(*m);
  }
  c.use_weights = o.weights;
  if (!o.lengths.empty()) c.lengths = *analyses::length_policy_from_string(o.lengths);
  c.damping = o.damping;
  c.threads = o.threads;
  if (o.approx) c.approx = analyses::ApproxBetweennessOptions{*o.approx, o.confidence, o.seed};
  return c;
}

// The guarantee of a sampled betweenness column, in the printed (raw) units.
std::string describe_approx(const graph::View& view, const analyses::ApproxBetweennessResult& r,
                            const CentralityCliOptions& o) {
  const char* pairs = view.directed() ? "ordered" : "unordered";
  if (r.samples == 0)
    return fmt::format(
        "betweenness: exact (0 everywhere): no shortest path has an interior vertex "
        "(vertex-diameter bound {}), so no pair was sampled",
        r.vertex_diameter_bound);
  const char* how = r.bound_method == analyses::DiameterBoundMethod::Eccentricity
                        ? "two largest BFS distances + 1, per component"
                        : "vertex count of the largest weakly connected component";
  return fmt::format(
      "betweenness: estimated from {} sampled pairs (Riondato & Kornaropoulos 2016; eps {:g}, "
      "delta {:g}, seed {}, vertex-diameter bound {} = {}): with probability at least {:g} "
      "every betweenness is within {} of the exact value (eps x {:.0f} {} pairs)",
      r.samples, *o.approx, o.confidence, o.seed, r.vertex_diameter_bound, how, 1.0 - o.confidence,
      r.absolute_error < 1e6 ? fmt::format("{:.6g}", r.absolute_error)
                             : fmt::format("{:.0f}", r.absolute_error),
      r.pairs, pairs);
}

void run_centrality(CentralityCliOptions& o) {
  auto imported = load(o.input);
  const auto& g = imported.graph;
  const auto view = graph::View::build(g, to_view_options(o.view));
  const auto result = analyses::centrality(view, to_options(o));
  const std::string guarantee = result.approx ? describe_approx(view, *result.approx, o) : "";
  for (const auto& note : result.notes)
    print_message("note", note);
  if (!guarantee.empty()) print_message("note", guarantee);

  // Rows ordered by the sort measure (highest first, NaN last), ties by node id.
  std::size_t key = 0;
  if (!o.sort.empty()) {
    auto m = analyses::measure_from_string(o.sort);
    auto it =
        m ? std::find(result.measures.begin(), result.measures.end(), *m) : result.measures.end();
    if (it == result.measures.end())
      throw InputError(fmt::format("--sort '{}' is not one of the measures computed", o.sort));
    key = static_cast<std::size_t>(it - result.measures.begin());
  }
  Table table = centrality_table(g, view, result, key, o.top);
  Report report;
  std::string projection = describe_view(view, o.view, o.weights);
  if (o.weights && !o.lengths.empty()) projection += ", lengths: " + o.lengths;
  report.preamble.push_back(projection);
  if (!guarantee.empty()) report.preamble.push_back(guarantee);
  report.sections.push_back({"centrality", std::move(table)});
  emit(report, o.output);
}

}  // namespace

void add_centrality(CLI::App& app) {
  auto opts = std::make_shared<CentralityCliOptions>();
  auto* cmd = app.add_subcommand(
      "centrality",
      "Centrality scores per node: degree, strength, betweenness, closeness, "
      "harmonic, eigenvector, PageRank, hubs and authorities, Burt's constraint");
  add_input_options(*cmd, opts->input);
  cmd->add_option("--measures", opts->measures,
                  "comma-separated, from: " + measure_names() + ", or all" +
                      " (default: degree, strength, betweenness, closeness, harmonic, "
                      "eigenvector, pagerank, constraint)")
      ->delimiter(',');
  cmd->add_flag("--weights", opts->weights,
                "use edge weights as tie strengths (bigger = closer); see --lengths");
  cmd->add_option("--lengths", opts->lengths,
                  "with --weights, how distance-based measures (betweenness, closeness, "
                  "harmonic) turn strengths into path lengths: inverse (1/w) or ignore")
      ->check(CLI::IsMember({"inverse", "ignore"}));
  cmd->add_option("--damping", opts->damping, "PageRank damping factor")
      ->check(CLI::Range(0.0, 1.0))
      ->default_str("0.85");
  auto* approx =
      cmd->add_option("--approx", opts->approx,
                      "estimate betweenness by sampling shortest paths instead of computing it "
                      "exactly (for big graphs): with probability at least 1 - DELTA every "
                      "vertex's betweenness is within EPS of the exact one as a share of "
                      "ordered pairs, i.e. within EPS x n(n-1) (directed) or EPS x n(n-1)/2 "
                      "(undirected) in the printed units (Riondato & Kornaropoulos 2016); "
                      "EPS in (0, 1), e.g. 0.01")
          ->type_name("EPS");
  cmd->add_option("--confidence", opts->confidence,
                  "with --approx, DELTA in (0, 1): the chance that the error bound fails")
      ->type_name("DELTA")
      ->default_str("0.1")
      ->needs(approx);
  cmd->add_option("--seed", opts->seed, "with --approx, the seed of the sampling")
      ->default_str("1")
      ->needs(approx);
  cmd->add_option("--threads", opts->threads,
                  "worker threads for the measures that run in parallel (0 = all cores); "
                  "results do not depend on it, except exact betweenness in its last digits")
      ->default_str("0");
  cmd->add_option("--top", opts->top, "only the N highest-scoring nodes");
  cmd->add_option("--sort", opts->sort, "measure to sort by (default: the first one)");
  add_view_options(*cmd, opts->view);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet centrality datasets/us-china-law-enforcement --measures "
      "degree,betweenness,pagerank --top 10\n"
      "  actornet centrality datasets/us-china-law-enforcement --at 2024-07 --relations "
      "met_with,called --parallel count --weights --lengths inverse --format csv -o scores.csv\n"
      "  actornet centrality big-edges.csv --measures degree,betweenness --approx 0.01 "
      "--confidence 0.1 --top 20\n"
      "Rows are ordered by the sort measure, highest first, ties by id.");
  cmd->callback([opts] { run_centrality(*opts); });
}

}  // namespace actornet::cli
