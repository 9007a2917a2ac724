#include "cli/common.hpp"

#include <iostream>

#include <fmt/format.h>

#include "graph/errors.hpp"

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
                 "csv, gexf, graphml, gml, pajek, dl, dot or json (default: by file extension)")
      ->group(reading);
}

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
  auto result = importers::import_graph(o.inputs, o.import);
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
      std::cerr << fmt::format("actornet: import: {} (details: actornet validate)\n",
                               fmt::join(parts, "; "));
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
  if (!f.at.empty()) {
    v.at = graph::Date::parse(f.at);
    if (!v.at)
      throw InputError(
          fmt::format("--at '{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", f.at));
  }
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

}  // namespace actornet::cli
