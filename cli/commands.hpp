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
void add_timeline(CLI::App& app);
void add_import_text(CLI::App& app);
void add_brokerage(CLI::App& app);
void add_communities(CLI::App& app);
void add_cohesion(CLI::App& app);

}  // namespace actornet::cli
