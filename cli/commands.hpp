// One function per subcommand: registers its options and sets its callback.
#pragma once

#include <CLI/CLI.hpp>

namespace actornet::cli {

void add_info(CLI::App& app);
void add_validate(CLI::App& app);
void add_centrality(CLI::App& app);
void add_resilience(CLI::App& app);
void add_scenario(CLI::App& app);
void add_export(CLI::App& app);
void add_render(CLI::App& app);
void add_report(CLI::App& app);

}  // namespace actornet::cli
