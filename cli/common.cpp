#include "cli/common.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/cameo.hpp"

namespace actornet::cli {

void add_input_options(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("INPUT", o.inputs,
                 "dataset folder (nodes.csv + edges.csv) or files in any supported format; several "
                 "merge by node id")
      ->required();
  auto& c = o.import.columns;
  const char* group = "Input columns (matched case-insensitively)";
  cmd.add_option("--id-column", c.id, "column holding node (and edge) ids [Id]")->group(group);
  cmd.add_option("--label-column", c.label, "node label column [Label]")->group(group);
  cmd.add_option("--kind-column", c.kind, "node kind column [kind, node_type]")->group(group);
  cmd.add_option("--source-column", c.source, "edge source column [Source]")->group(group);
  cmd.add_option("--target-column", c.target, "edge target column [Target]")->group(group);
  cmd.add_option("--relation-column", c.relation, "edge relation column [Kind, relation]")
      ->group(group);
  cmd.add_option("--type-column", c.type, "edge direction column [Type]")->group(group);
  cmd.add_option("--weight-column", c.weight, "edge weight column [Weight]")->group(group);
  cmd.add_option("--date-column,--time-column", c.date,
                 "single-date column; a date covers its whole day, month or year [date]")
      ->group(group);
  cmd.add_option("--start-column", c.start, "interval start column [start]")->group(group);
  cmd.add_option("--end-column", c.end, "interval end column (exclusive) [end]")->group(group);
  const char* reading = "Input reading";
  cmd.add_flag("--strict", o.import.strict,
               "an edge naming an undefined node is an error (default: create it and report)")
      ->group(reading);
  cmd.add_flag("--directed", o.import.directed,
               "edges without a Type are directed (default: undirected)")
      ->group(reading);
  cmd.add_option("--delimiter", o.delimiter,
                 "field separator: one character or 'tab' (default: tab for .tsv/.tab/.txt, "
                 "else comma)")
      ->group(reading);
  cmd.add_flag("--no-header", o.no_header,
               "the files have no header row: columns are named 1, 2, ... (source 1, target 2)")
      ->group(reading);
  cmd.add_option("--comment", o.import.comment, "skip lines starting with this prefix, e.g. '#'")
      ->group(reading);
  cmd.add_option("--input-format", o.import.format,
                 "csv, gexf, graphml, gml, pajek, dl, dot, json, gdelt, icews or acled (default: "
                 "by file extension; event files also by their first line)")
      ->group(reading);
  const char* events = "Event data (GDELT, ICEWS, ACLED)";
  auto& ev = o.import.events;
  cmd.add_option("--aliases", ev.aliases,
                 "CSV mapping actor names to ids (id, aliases separated by '|', optional label, "
                 "kind, side); names match without case, punctuation or extra spaces")
      ->group(events);
  cmd.add_option("--cameo", ev.cameo,
                 "keep events whose CAMEO code starts with one of these, e.g. 04,05,06")
      ->delimiter(',')
      ->group(events);
  cmd.add_option("--quad", ev.quad,
                 "keep events of these QuadClasses: 1 verbal cooperation, 2 material "
                 "cooperation, 3 verbal conflict, 4 material conflict")
      ->delimiter(',')
      ->check(CLI::Range(1, 4))
      ->group(events);
  cmd.add_option("--countries", ev.countries,
                 "keep events with an actor of these countries (as the file writes them: CHN "
                 "in GDELT, China in ICEWS and ACLED)")
      ->delimiter(',')
      ->group(events);
  cmd.add_option("--events-from", o.event_from,
                 "keep events on or after this date (YYYY[-MM[-DD]])")
      ->group(events);
  cmd.add_option("--events-to", o.event_to,
                 "keep events on or before this date (its whole month or year when shorter)")
      ->group(events);
  cmd.add_option("--aggregate", o.aggregate,
                 "fold parallel events into one weighted edge per dyad (source, target, "
                 "relation), per dyad and month, or per dyad and year; none keeps every event")
      ->check(CLI::IsMember({"none", "dyad", "dyad-month", "dyad-year"}))
      ->default_str("none")
      ->group(events);
  cmd.add_option("--event-relation", o.event_relation,
                 "relation of an event's edge: root (CAMEO root, ACLED event_type) or event "
                 "(CAMEO event, ACLED sub_event_type)")
      ->check(CLI::IsMember({"root", "event"}))
      ->default_str("root")
      ->group(events);
  cmd.add_flag("--progress", o.progress,
               "report reading progress on stderr even when it is not a terminal")
      ->group(events);
}

std::optional<graph::Date> date_flag(const std::string& text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  auto d = graph::Date::parse(text);
  if (!d)
    throw InputError(
        fmt::format("{} '{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", flag, text));
  return d;
}

namespace {

void set_event_options(InputOptions& o) {
  auto& ev = o.import.events;
  ev.from = date_flag(o.event_from, "--events-from");
  ev.to = date_flag(o.event_to, "--events-to");
  if (ev.from && ev.to && ev.to->period_end() <= *ev.from)
    throw InputError(
        fmt::format("--events-from {} is after --events-to {}", o.event_from, o.event_to));
  for (const auto& code : ev.cameo)
    if (!importers::cameo::find_event(code))
      throw InputError(fmt::format(
          "--cameo '{}' is not a CAMEO code; give root codes (01-20) or event codes (042)", code));
  if (o.aggregate == "dyad") ev.aggregate = importers::EventAggregate::Dyad;
  if (o.aggregate == "dyad-month") ev.aggregate = importers::EventAggregate::DyadMonth;
  if (o.aggregate == "dyad-year") ev.aggregate = importers::EventAggregate::DyadYear;
  if (o.event_relation == "event") ev.relation = importers::EventRelation::Event;
  // Progress on a terminal (or when asked): a line on stderr rewritten every 2%.
  if (o.progress || isatty(STDERR_FILENO)) {
    auto last = std::make_shared<int>(-1);
    o.progress_shown = last;
    o.import.progress = [last](std::uint64_t done, std::uint64_t total) {
      if (total == 0) return;
      const int percent = static_cast<int>(std::min<std::uint64_t>(100, done * 100 / total));
      if (percent / 2 == *last / 2) return;
      *last = percent;
      std::cerr << fmt::format("\ractornet: reading {}% ({:.1f} of {:.1f} MB)", percent,
                               static_cast<double>(done) / 1e6, static_cast<double>(total) / 1e6)
                << (percent == 100 ? "\n" : "") << std::flush;
    };
  }
}

}  // namespace

importers::ImportResult load(InputOptions& o, bool quiet_report) {
  if (o.delimiter == "tab" || o.delimiter == "\\t" || o.delimiter == "\t") {
    o.import.delimiter = '\t';
  } else if (o.delimiter.size() == 1) {
    o.import.delimiter = o.delimiter[0];
  } else if (!o.delimiter.empty()) {
    throw InputError(fmt::format(
        "--delimiter '{}' is not one character; give a single character or 'tab'", o.delimiter));
  }
  o.import.header = !o.no_header;
  set_event_options(o);
  auto result = importers::import_graph(o.inputs, o.import);
  // Close the progress line (a .gz file's last block may stop short of 100%).
  if (o.progress_shown && *o.progress_shown >= 0 && *o.progress_shown < 100) std::cerr << "\n";
  const auto& r = result.report;
  if (!quiet_report) {
    std::vector<std::string> parts;
    if (!r.created_nodes.empty())
      parts.push_back(fmt::format("{} nodes created from edges", r.created_nodes.size()));
    if (!r.merged.empty())
      parts.push_back(fmt::format("{} duplicate node rows merged", r.merged.size()));
    for (const auto& d : r.defaulted)
      parts.push_back(d.message);
    if (!r.rejected.empty()) parts.push_back(fmt::format("{} rows rejected", r.rejected.size()));
    if (!parts.empty())
      print_message("import",
                    fmt::format("{} (details: actornet validate)", fmt::join(parts, "; ")));
  }
  return result;
}

void add_view_options(CLI::App& cmd, ViewFlags& f) {
  const char* group = "Projection";
  cmd.add_option("--at", f.at, "only what was valid on this date (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->group(group);
  cmd.add_option("--relations", f.relations, "only edges of these relations (comma-separated)")
      ->delimiter(',')
      ->group(group);
  cmd.add_option("--kinds", f.kinds, "only nodes of these kinds (comma-separated)")
      ->delimiter(',')
      ->group(group);
  cmd.add_option("--where", f.where, "only nodes matching this selection, e.g. 'country=CN'")
      ->group(group);
  cmd.add_option("--edges-where", f.edge_where,
                 "only edges matching this selection, e.g. 'confidence>=0.8'")
      ->group(group);
  cmd.add_option("--parallel", f.parallel,
                 "parallel edges: keep (multigraph), count, sum, max (weight) or any (simple)")
      ->check(CLI::IsMember({"keep", "count", "sum", "max", "any"}))
      ->default_str("keep")
      ->group(group);
  cmd.add_flag("--undirected", f.undirected, "read every edge as undirected")->group(group);
}

graph::ViewOptions to_view_options(const ViewFlags& f) {
  graph::ViewOptions v;
  v.at = date_flag(f.at, "--at");
  v.relations = f.relations;
  v.kinds = f.kinds;
  if (!f.where.empty()) v.where = graph::Selection::parse(f.where, "--where");
  if (!f.edge_where.empty()) v.edge_where = graph::Selection::parse(f.edge_where, "--edges-where");
  v.parallel = *graph::parallel_policy_from_string(f.parallel);
  v.direction =
      f.undirected ? graph::DirectionPolicy::Undirected : graph::DirectionPolicy::AsStored;
  return v;
}

std::string describe_view(const graph::View& view, const ViewFlags& f, bool weighted) {
  std::string text =
      fmt::format("{} vertices, {} edges, {}, parallel edges: {}, weights: {}", view.vertex_count(),
                  view.edge_count(),
                  view.directed() ? "directed (an undirected edge counts both ways)" : "undirected",
                  graph::to_string(view.parallel_policy()), weighted ? "used" : "ignored");
  if (!f.at.empty()) text += ", at " + f.at;
  if (!f.relations.empty()) text += fmt::format(", relations {}", fmt::join(f.relations, ","));
  if (!f.kinds.empty()) text += fmt::format(", kinds {}", fmt::join(f.kinds, ","));
  if (!f.where.empty()) text += ", where " + f.where;
  if (!f.edge_where.empty()) text += ", edges where " + f.edge_where;
  return text;
}

void add_output_options(CLI::App& cmd, OutputFlags& f) {
  const char* group = "Output";
  cmd.add_option("--format", f.format, "table (aligned text), csv, json or md")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}))
      ->default_str("table")
      ->group(group);
  cmd.add_option("-o,--output", f.output, "write to this file instead of standard output")
      ->group(group);
  cmd.add_option("--precision", f.precision, "decimals for reals in table and md output")
      ->check(CLI::Range(0, 17))
      ->default_str("6")
      ->group(group);
}

void emit(const Report& report, const OutputFlags& f) {
  write_output(f.output, render(report, *format_from_string(f.format), f.precision));
}

void add_project_options(CLI::App& cmd, ProjectFlags& f) {
  const char* group = "Two-mode projection";
  cmd.add_option("--project", f.project,
                 "analyse the one-mode projection of a two-mode graph onto these actors (a kind "
                 "name, e.g. person, or a selection, e.g. 'kind in (person, agency)'): two "
                 "actors are tied when they share an event (any other node)")
      ->group(group);
  cmd.add_option("--projection-weights", f.weights,
                 "with --project, the tie weight: count (shared events) or newman (sum of "
                 "1/(attendees-1) over shared events)")
      ->check(CLI::IsMember({"count", "newman"}))
      ->default_str("count")
      ->group(group);
}

graph::View build_view(const graph::Graph& g, const ViewFlags& f, const ProjectFlags& p,
                       ViewSource& source) {
  source.graph = &g;
  source.two_mode.reset();
  source.description.clear();
  if (p.project.empty()) return graph::View::build(g, to_view_options(f));

  // A bare word is a kind; anything else is a selection.
  const bool bare = std::all_of(p.project.begin(), p.project.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  const auto actors = graph::Selection::parse(bare ? "kind=" + p.project : p.project, "--project");
  actors.check(g, graph::SelectionTarget::Nodes);
  auto all = to_view_options(f);
  graph::ViewOptions attendance;
  attendance.at = all.at;
  attendance.relations = all.relations;
  attendance.edge_where = all.edge_where;
  attendance.direction = graph::DirectionPolicy::Undirected;
  const auto bipartite = graph::View::build(g, attendance);
  std::vector<bool> actor(bipartite.vertex_count());
  for (graph::Vertex v = 0; v < bipartite.vertex_count(); ++v)
    actor[v] = actors.matches_node(g, bipartite.node_of(v));
  if (std::find(actor.begin(), actor.end(), true) == actor.end())
    throw InputError(fmt::format("--project '{}' selects no node{}; check the kind or expression",
                                 p.project, f.at.empty() ? "" : " valid at " + f.at));
  const auto weight = *analyses::projection_weight_from_string(p.weights);
  source.two_mode = std::make_unique<analyses::TwoModeProjection>(
      analyses::project_two_mode(g, bipartite, actor, weight));
  const auto& two = *source.two_mode;
  source.graph = &two.graph;
  source.description = fmt::format(
      "two-mode projection onto {} ({} actors, {} events, {} ties, weight: {}{})",
      bare ? "kind=" + p.project : p.project, two.graph.node_count(), two.events,
      two.graph.edge_count(), p.weights == "count" ? "shared events" : "Newman 1/(attendees-1)",
      two.actor_actor_edges + two.event_event_edges == 0
          ? std::string()
          : fmt::format("; {} actor-actor and {} event-event edges left out", two.actor_actor_edges,
                        two.event_event_edges));
  graph::ViewOptions rest;
  rest.kinds = all.kinds;
  rest.where = all.where;
  rest.direction = all.direction;
  rest.parallel = all.parallel;
  return graph::View::build(two.graph, rest);
}

}  // namespace actornet::cli
