// actornet validate: import and print the import report.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace actornet::cli {
namespace {

struct ValidateOptions {
  InputOptions input;
  OutputFlags output;
};

void add_row(Table& table, importers::ReportEntry&& e) {
  auto& row = table.rows.emplace_back();
  row.reserve(3);
  row.emplace_back(std::move(e.file));
  row.emplace_back(static_cast<std::int64_t>(e.line));
  row.emplace_back(std::move(e.message));
}

// The entries become table rows; their strings are moved, not copied.
void add_entries(Report& report, const std::string& title,
                 std::vector<importers::ReportEntry>&& entries) {
  Table table{{"file", "line", "message"}, {}};
  table.rows.reserve(entries.size());
  for (auto& e : entries)
    add_row(table, std::move(e));
  std::vector<importers::ReportEntry>().swap(entries);
  report.sections.push_back({title, std::move(table)});
}

// One row per created node (an edge list without a nodes file has one per node).
void add_created(Report& report, importers::ImportReport& r) {
  Table table{{"file", "line", "message"}, {}};
  table.rows.reserve(r.created_nodes.size());
  for (std::size_t i = 0; i < r.created_nodes.size(); ++i)
    add_row(table, r.created_entry(i));
  std::vector<importers::CreatedNode>().swap(r.created_nodes);
  report.sections.push_back({"created nodes", std::move(table)});
}

void run_validate(ValidateOptions& o) {
  importers::ImportReport r;
  std::size_t nodes = 0, edges = 0;
  {
    auto imported = load(o.input, /*quiet_report=*/true);
    nodes = imported.graph.node_count();
    edges = imported.graph.edge_count();
    r = std::move(imported.report);
  }  // the report needs only the graph's counts: free it before building the tables
  Report report;
  report.preamble.push_back(
      fmt::format("{}: {} nodes, {} edges: valid", fmt::join(r.files, ", "), nodes, edges));
  Table summary{{"item", "count"}, {}};
  auto add = [&](const char* name, std::size_t n) {
    summary.rows.push_back({std::string(name), static_cast<std::int64_t>(n)});
  };
  add("node rows", r.node_rows);
  add("edge rows", r.edge_rows);
  add("nodes", nodes);
  add("edges", edges);
  add("nodes created from edges", r.created_nodes.size());
  add("node rows merged", r.merged.size());
  add("defaults applied", r.defaulted.size());
  add("rows rejected", r.rejected.size());
  report.sections.push_back({"import", std::move(summary)});
  add_created(report, r);
  add_entries(report, "merged", std::move(r.merged));
  add_entries(report, "defaulted", std::move(r.defaulted));
  add_entries(report, "rejected", std::move(r.rejected));
  add_entries(report, "notes", std::move(r.notes));
  emit(report, o.output);
}

}  // namespace

void add_validate(CLI::App& app) {
  auto opts = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Import a dataset and print the import report: rows read, nodes created from edges, rows "
      "merged, defaults applied, rows rejected. Exit status 2 and a message naming file, line "
      "and column when the input is malformed");
  add_input_options(*cmd, opts->input);
  add_output_options(*cmd, opts->output);
  cmd->footer(
      "Example:\n"
      "  actornet validate datasets/us-china-law-enforcement\n"
      "  actornet validate ../shared/data/icews14/edges.csv.gz --relation-column event_type "
      "--strict");
  cmd->callback([opts] { run_validate(*opts); });
}

}  // namespace actornet::cli
