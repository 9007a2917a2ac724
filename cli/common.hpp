// Options shared by several subcommands: how to read the input, which part of the graph to
// look at, and where the output goes.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

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
};

/// Adds INPUT... (required) and the importer's flags to `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);
/// Imports the inputs. Prints a one-line summary of the import report to stderr when the
/// importer created, merged, defaulted or rejected anything (`validate` shows it in full).
importers::ImportResult load(InputOptions& options, bool quiet_report = false);

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

}  // namespace actornet::cli
