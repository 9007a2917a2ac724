// actornet: typed, dated actor networks from the command line.
// The one place that turns errors into exit codes: 0 ok, 1 runtime error, 2 usage or input.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/output.hpp"
#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"

int main(int argc, char** argv) {
  actornet::graph::ig::install_igraph_error_handler();
  actornet::cli::install_signal_handlers();
  CLI::App app{
      "actornet: analyse networks of actors (officials, positions, agencies, countries, forums, "
      "events) joined by typed, dated ties"};
  app.set_version_flag("--version", "actornet 0.1.0");
  app.require_subcommand(1);
  app.footer(
      "Example:\n"
      "  actornet info datasets/us-china-law-enforcement\n"
      "  actornet centrality datasets/us-china-law-enforcement --top 10\n"
      "Run 'actornet COMMAND --help' for a command's options.\n"
      "Exit status: 0 ok, 1 runtime error, 2 usage or input error.");
  actornet::cli::add_info(app);
  actornet::cli::add_validate(app);
  actornet::cli::add_centrality(app);
  actornet::cli::add_resilience(app);
  actornet::cli::add_scenario(app);
  actornet::cli::add_export(app);
  actornet::cli::add_render(app);
  actornet::cli::add_report(app);
  actornet::cli::add_timeline(app);
  actornet::cli::add_import_text(app);
  actornet::cli::add_brokerage(app);
  actornet::cli::add_communities(app);
  actornet::cli::add_cohesion(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "actornet: error: " << actornet::cli::terminal_text(e.what())
              << "\nRun 'actornet --help' or 'actornet COMMAND --help' for usage.\n";
    return 2;
  } catch (const actornet::InputError& e) {
    // Messages quote the data (ids, cells, expressions): no control sequence of it may reach
    // the terminal.
    std::cerr << "actornet: error: " << actornet::cli::terminal_text(e.what(), true) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "actornet: error: " << actornet::cli::terminal_text(e.what(), true) << "\n";
    return 1;
  }
  return 0;
}
