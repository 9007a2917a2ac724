// actornet scenario: the resilience figures between two sides on the dated states of the world
// that a scenario's interventions produce, with and without successors in vacated positions.
#include "analyses/scenario.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/sides.hpp"
#include "graph/errors.hpp"
#include "importers/scenario_file.hpp"

namespace actornet::cli {
namespace {

struct ScenarioCliOptions {
  InputOptions input;
  ViewFlags view;
  OutputFlags output;
  std::string side_a;
  std::string side_b;
  std::string scenario;
  std::string transition;
  std::vector<std::string> dates;
  std::string every;
  std::string from;
  std::string to;
  std::string successors = "both";
  bool directed = false;
};

// A required day (date_flag), not a moment: a date-time is refused too.
graph::Date parse_date_flag(const std::string& flag, const std::string& text) {
  if (const auto d = text.find('T') == std::string::npos ? date_flag(text, flag) : std::nullopt)
    return *d;
  throw InputError(
      fmt::format("{} '{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", flag, text));
}

std::string subject(const graph::Intervention& iv) {
  switch (iv.type) {
    case graph::InterventionType::EndTenure:
      return iv.position.empty() ? iv.node : iv.node + " in " + iv.position;
    case graph::InterventionType::Remove:
    case graph::InterventionType::Suspend:
      return iv.node;
    case graph::InterventionType::DropRelation:
      return iv.relation;
    case graph::InterventionType::AddTie:
      return fmt::format("{} {} {} {}", iv.source, iv.directed ? "->" : "--", iv.target,
                         iv.relation);
  }
  return {};
}

void run_scenario(ScenarioCliOptions& o) {
  if (o.scenario.empty() && o.transition.empty())
    throw InputError(
        "give a scenario file (--scenario FILE) or a change of office holders (--transition "
        "DATE), or both");
  if (!o.dates.empty() && !o.every.empty())
    throw InputError("--dates and --every both choose the evaluation days; give one of them");
  if ((!o.from.empty() || !o.to.empty()) && o.every.empty())
    throw InputError("--from and --to bound the grid of --every; give --every too");
  // Parse the flags and the file before the (possibly long) import.
  analyses::ScenarioOptions options;
  for (const auto& d : o.dates)
    options.dates.push_back(parse_date_flag("--dates", d));
  if (o.every == "week") options.every = analyses::GridStep::Week;
  if (o.every == "month") options.every = analyses::GridStep::Month;
  if (o.every == "year") options.every = analyses::GridStep::Year;
  if (!o.from.empty()) options.from = parse_date_flag("--from", o.from);
  if (!o.to.empty()) options.to = parse_date_flag("--to", o.to);
  std::optional<graph::Date> transition;
  if (!o.transition.empty()) transition = parse_date_flag("--transition", o.transition);
  graph::Scenario scenario;
  if (!o.scenario.empty()) scenario = importers::read_scenario_file(o.scenario);

  auto imported = load(o.input);
  const auto& g = imported.graph;
  if (transition) {
    const auto ends = transition_ends(g, *transition, o.transition);
    if (scenario.name.empty()) scenario.name = "change of office holders on " + o.transition;
    scenario.interventions.insert(scenario.interventions.end(), ends.begin(), ends.end());
  }
  options.view = to_view_options(o.view);
  if (options.view.at)
    throw InputError("--at is not used here: the scenario sets the day; use --dates instead");
  options.directed = o.directed;

  const auto sides = side_chooser(o.side_a, o.side_b);
  const auto r = analyses::evaluate_scenario(g, scenario, sides, options);
  for (const auto& note : r.notes)
    print_message("note", note);

  const bool show_without = o.successors != "yes";
  const bool show_with = o.successors != "no";
  auto shown = [&](bool with) { return with ? show_with : show_without; };
  auto yes_no = [](bool with) { return std::string(with ? "yes" : "no"); };

  Report report;
  if (!scenario.name.empty()) report.preamble.push_back("scenario: " + scenario.name);
  if (!scenario.description.empty()) report.preamble.push_back(scenario.description);
  if (!o.scenario.empty()) report.preamble.push_back("scenario file: " + o.scenario);
  report.preamble.push_back(
      fmt::format("side A: {}, side B: {}, channels: {}, parallel edges: {}", o.side_a, o.side_b,
                  o.directed ? "directed, A to B" : "undirected", o.view.parallel));
  auto first_zero = [](const std::optional<graph::Date>& d) {
    return d ? "first on " + d->to_string() : std::string("never in the dates evaluated");
  };
  report.preamble.push_back(
      fmt::format("disjoint_channels reaches 0: without successors {}; with successors {}",
                  first_zero(r.first_zero_without), first_zero(r.first_zero_with)));
  report.preamble.push_back(
      "institutionalisation = disjoint_channels with successors - without (channels the "
      "offices carry beyond their holders)");

  Table interventions{{"entry", "date", "until", "type", "subject", "note"}, {}};
  for (const auto& iv : scenario.interventions)
    interventions.rows.push_back({iv.entry > 0 ? std::to_string(iv.entry) : iv.origin,
                                  iv.date.to_string(), iv.until ? iv.until->to_string() : "",
                                  std::string(graph::to_string(iv.type)), subject(iv), iv.note});

  Table figures{{"date", "successors", "direct_ties", "broker_connectivity", "disjoint_channels",
                 "edge_connectivity", "capacity", "pairs_connected", "cross_efficiency",
                 "institutionalisation"},
                {}};
  Table channels{{"date", "successors", "channel"}, {}};
  for (const auto& s : r.steps) {
    if (!shown(s.successors)) continue;
    figures.rows.push_back({s.date.to_string(), yes_no(s.successors), s.direct_ties,
                            s.broker_connectivity, s.disjoint_channels, s.edge_connectivity,
                            s.capacity, s.pairs_connected, s.cross_efficiency,
                            s.institutionalisation});
    for (const auto& path : s.channels)
      channels.rows.push_back(
          {s.date.to_string(), yes_no(s.successors), fmt::format("{}", fmt::join(path, " -> "))});
  }

  Table changes{{"date", "successors", "change", "what", "id", "why"}, {}};
  for (const auto& c : r.changes) {
    if (!shown(c.successors)) continue;
    const char* what = c.what == analyses::ChangeKind::Node  ? "node"
                       : c.what == analyses::ChangeKind::Tie ? "tie"
                                                             : "channel";
    changes.rows.push_back({c.date.to_string(), yes_no(c.successors),
                            std::string(c.gained ? "gained" : "lost"), std::string(what), c.id,
                            c.why});
  }
  report.sections.push_back({"interventions", std::move(interventions)});
  report.sections.push_back({"figures", std::move(figures)});
  report.sections.push_back({"channels", std::move(channels)});
  report.sections.push_back({"changes", std::move(changes)});
  emit(report, o.output);
}

}  // namespace

void add_scenario(CLI::App& app) {
  auto opts = std::make_shared<ScenarioCliOptions>();
  auto* cmd = app.add_subcommand(
      "scenario",
      "What-if over time: the resilience figures between two sides at each intervention date "
      "of a scenario (end a tenure, remove or suspend a node, drop a relation, add a tie), "
      "with and without successors in vacated positions, and what was lost and gained");
  add_input_options(*cmd, opts->input);
  cmd->add_option("--side-a", opts->side_a, "selection of side A's nodes, e.g. 'country=CN'")
      ->required();
  cmd->add_option("--side-b", opts->side_b, "selection of side B's nodes, e.g. 'country=US'")
      ->required();
  cmd->add_option("--scenario", opts->scenario,
                  "scenario file (.yaml/.yml or .json) listing dated interventions");
  cmd->add_option("--transition", opts->transition,
                  "end every tenure (holds_office edge) that ends on this date; evaluated the "
                  "day before and on the date unless --dates or --every say otherwise");
  cmd->add_option("--dates", opts->dates,
                  "evaluate on these dates (comma-separated) instead of the intervention dates")
      ->delimiter(',');
  cmd->add_option("--every", opts->every,
                  "evaluate on a grid from the first to the last intervention date (or --from, "
                  "--to)")
      ->check(CLI::IsMember({"week", "month", "year"}));
  cmd->add_option("--from", opts->from, "first day of the --every grid");
  cmd->add_option("--to", opts->to, "last day of the --every grid (included)");
  cmd->add_option("--successors", opts->successors,
                  "rows to show: both (default), yes (positions pass to unnamed successors) or no "
                  "(persons alone); both are always computed for institutionalisation")
      ->check(CLI::IsMember({"both", "yes", "no"}))
      ->default_str("both");
  cmd->add_flag("--directed-channels", opts->directed,
                "channels follow edge direction from A to B (default: every edge is an "
                "undirected channel)");
  add_view_options(*cmd, opts->view);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet scenario datasets/us-china-law-enforcement --side-a country=CN --side-b "
      "country=US --transition 2025-01-20 --dates 2024-12-01,2025-02-01\n"
      "  actornet scenario datasets/us-china-law-enforcement --side-a country=CN --side-b "
      "country=US --scenario "
      "datasets/us-china-law-enforcement/scenarios/administration-change.yaml\n"
      "Scenario file (YAML; JSON the same as an object):\n"
      "  name: Change of U.S. administration\n"
      "  interventions:\n"
      "    - {type: end_tenure, person: blinken, position: pos_us_secretary_of_state, date: "
      "2025-01-20}\n"
      "    - {type: remove, node: lighthizer, date: 2025-03-01}\n"
      "    - {type: suspend, node: us_cbp, from: 2025-02-01, until: 2025-04-01}\n"
      "    - {type: drop_relation, relation: met_with, date: 2025-01-20, until: 2025-06-01}\n"
      "    - {type: add_tie, source: wang_xiaohong, target: trump, relation: called, date: "
      "2025-02-15}\n"
      "end_tenure: the person leaves (with every personal tie) unless still in office. A "
      "position left with no holder is vacant (tenures the data ends count too): without "
      "successors it is removed with its ties; with successors a node "
      "'successor:<position>' holds it and it keeps its ties. institutionalisation = "
      "disjoint_channels with successors - without.\n"
      "Sections: interventions, figures (per date and mode), channels (the disjoint channel "
      "paths), changes (nodes, ties and channels lost or gained since the previous date, and "
      "why).");
  cmd->callback([opts] { run_scenario(*opts); });
}

}  // namespace actornet::cli
