// actornet info: what a dataset holds.
#include <memory>

#include "analyses/summary.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace actornet::cli {
namespace {

struct InfoOptions {
  InputOptions input;
  ViewFlags view;
  OutputFlags output;
};

std::int64_t as_int(std::size_t n) {
  return static_cast<std::int64_t>(n);
}

void run_info(InfoOptions& o) {
  auto imported = load(o.input);
  // load() has summarised the import report on stderr; an edge list without a nodes file has
  // an entry per node in it: free it before the view is built.
  imported.report = {};
  const auto view = graph::View::build(imported.graph, to_view_options(o.view));
  const auto s = analyses::summarize(imported.graph, view);

  Report report;
  report.preamble.push_back(describe_view(view, o.view, false));
  Table summary{{"measure", "value"}, {}};
  auto add = [&](std::string name, Cell value) {
    summary.rows.push_back({std::move(name), std::move(value)});
  };
  add("nodes", as_int(s.nodes));
  add("edges", as_int(s.edges));
  add("directed edges", as_int(s.directed_edges));
  add("undirected edges", as_int(s.edges - s.directed_edges));
  add("self-loops", as_int(s.self_loops));
  add("parallel pairs", as_int(s.parallel_pairs));
  add("parallel edges", as_int(s.parallel_edges));
  add("density", s.density);
  add("components", as_int(s.components));
  add("largest component", as_int(s.largest_component));
  add("isolated nodes", as_int(s.isolates));
  add("earliest date", s.earliest ? s.earliest->to_string() : "");
  add("latest date", s.latest ? s.latest->to_string() : "");
  report.sections.push_back({"summary", std::move(summary)});

  Table kinds{{"kind", "nodes"}, {}};
  for (const auto& k : s.kinds)
    kinds.rows.push_back({k.name, as_int(k.count)});
  report.sections.push_back({"kinds", std::move(kinds)});

  Table relations{{"relation", "edges", "directed", "dated"}, {}};
  for (const auto& r : s.relations)
    relations.rows.push_back({r.name, as_int(r.edges), as_int(r.directed), as_int(r.dated)});
  report.sections.push_back({"relations", std::move(relations)});
  emit(report, o.output);
}

}  // namespace

void add_info(CLI::App& app) {
  auto opts = std::make_shared<InfoOptions>();
  auto* cmd = app.add_subcommand(
      "info",
      "Summarise a dataset: nodes and edges by kind and relation, time span, components, "
      "density, parallel edges and self-loops");
  add_input_options(*cmd, opts->input);
  add_view_options(*cmd, opts->view);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet info datasets/us-china-law-enforcement\n"
      "  actornet info datasets/us-china-law-enforcement --at 2025-06 --format md");
  cmd->callback([opts] { run_info(*opts); });
}

}  // namespace actornet::cli
