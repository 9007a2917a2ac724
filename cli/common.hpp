// Options shared by several subcommands: how to read the input, which part of the graph to
// look at, and where the output goes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "analyses/projection.hpp"
#include "cli/output.hpp"
#include "graph/view.hpp"
#include "importers/import.hpp"

namespace actornet::cli {

/// INPUT... and the importer's options.
struct InputOptions {
  std::vector<std::string> inputs;
  importers::ImportOptions import;
  std::string delimiter;  ///< as typed: "," ";" "tab" "\t" ...
  bool no_header = false;
  std::string event_from, event_to;     ///< --events-from, --events-to as typed
  std::string aggregate = "none";       ///< --aggregate
  std::string event_relation = "root";  ///< --event-relation
  bool progress = false;                ///< --progress: report progress even off a terminal
  std::shared_ptr<int> progress_shown;  ///< last percentage printed; -1 = none yet
};

/// Adds INPUT... (required) and the importer's flags to `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);
/// Imports the inputs. Prints a one-line summary of the import report to stderr when the
/// importer created, merged, defaulted or rejected anything (`validate` shows it in full).
importers::ImportResult load(InputOptions& options, bool quiet_report = false);

/// The date a flag gives (`--at`, `--dates`...): nullopt when `text` is empty; InputError
/// naming the flag when it is not YYYY, YYYY-MM or YYYY-MM-DD.
std::optional<graph::Date> date_flag(const std::string& text, std::string_view flag);

/// The View's filters and policies as flags.
struct ViewFlags {
  std::string at;
  std::vector<std::string> relations;
  std::vector<std::string> kinds;
  std::string where;
  std::string edge_where;
  std::string parallel = "keep";
  bool undirected = false;
};

void add_view_options(CLI::App& cmd, ViewFlags& flags);
/// Turns the flags into ViewOptions; throws InputError for a bad date, policy or expression.
graph::ViewOptions to_view_options(const ViewFlags& flags);
/// One line saying which projection a result was computed on, for report preambles.
std::string describe_view(const graph::View& view, const ViewFlags& flags, bool weighted);

/// `--format` and `-o`.
struct OutputFlags {
  std::string format = "table";
  std::string output;
  int precision = 6;
};

void add_output_options(CLI::App& cmd, OutputFlags& flags);
/// Renders and writes the report where the flags say.
void emit(const Report& report, const OutputFlags& flags);

/// `--project EXPR` and `--projection-weights`: analyse the one-mode projection of a
/// two-mode (actors x events) graph. Only commands that call build_view() offer them.
struct ProjectFlags {
  std::string project;            ///< a selection of the actors, or a bare kind name
  std::string weights = "count";  ///< count or newman
};

void add_project_options(CLI::App& cmd, ProjectFlags& flags);

/// The graph a command's View was built from: the imported graph, or (with --project) the
/// one-mode projection, which this owns.
struct ViewSource {
  const graph::Graph* graph = nullptr;
  std::unique_ptr<analyses::TwoModeProjection> two_mode;
  std::string description;  ///< a preamble line saying how the projection was made, or empty
};

/// Builds the View the flags ask for. Without --project: View::build(g, to_view_options(view)).
/// With it: `--at`, `--relations` and `--edges-where` choose the attendance edges of the
/// two-mode graph (read undirected, parallel edges kept), the nodes matching --project are
/// the actors, and `--where`, `--kinds`, `--parallel` and `--undirected` then act on the
/// projection. `source.graph` is what the View's vertices index into.
graph::View build_view(const graph::Graph& g, const ViewFlags& view, const ProjectFlags& project,
                       ViewSource& source);

}  // namespace actornet::cli
