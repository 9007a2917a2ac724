// actornet centrality: who is central, by which measure, under which projection.
#include "analyses/centrality.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

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
  return c;
}

void run_centrality(CentralityCliOptions& o) {
  auto imported = load(o.input);
  const auto& g = imported.graph;
  const auto view = graph::View::build(g, to_view_options(o.view));
  const auto result = analyses::centrality(view, to_options(o));
  for (const auto& note : result.notes)
    std::cerr << "actornet: note: " << note << "\n";

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
      "Rows are ordered by the sort measure, highest first, ties by id.");
  cmd->callback([opts] { run_centrality(*opts); });
}

}  // namespace actornet::cli
