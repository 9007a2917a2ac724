// The attack-curve flags and report sections of `actornet resilience` (analyses/attack.hpp),
// kept apart from cli/resilience.cpp so that the command only has to register the flags and
// append the sections.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/output.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::cli {

struct AttackFlags {
  std::vector<std::string>
      orders;                     ///< --attack: random, degree, cross_betweenness, tenure-end, list
  bool recomputed = false;        ///< --recomputed
  std::uint64_t seed = 1;         ///< --seed
  int runs = 10;                  ///< --runs
  std::vector<std::string> list;  ///< --attack-list ID,ID,...
  std::string curve_svg;          ///< --curve FILE.svg
};

/// Adds --attack, --recomputed, --seed, --runs, --attack-list and --curve to `cmd`.
void add_attack_options(CLI::App& cmd, AttackFlags& flags);

/// Checks the flags alone (order names, --attack-list with `list`, --runs, --curve's
/// extension), so that a command can reject them before long work. Throws InputError.
void check_attack_flags(const AttackFlags& flags);

/// The attack curves the flags ask for (none when --attack is not given), as two sections:
/// "attack summary" (order, mode, steps, r_index, the first step where pairs_connected and
/// disjoint_channels reach 0, or "never") and "attack curves" (order, step, removed, label,
/// pairs_connected, disjoint_channels, largest_component; step 0 is the intact graph).
/// Writes the chart to --curve (atomically) when asked.
///
/// Orders: `random` (the mean of --runs random orders from --seed; removed reads "(random)"),
/// `degree` and `cross_betweenness` (static, or --recomputed), ties by node id; `tenure-end`:
/// the holders (sources) of the view's holds_office edges, each removed at the latest end of
/// those tenures, earliest first, ties by id; a holder with an open tenure in the view (still
/// in office) is never removed; `list`: the --attack-list ids in that order.
///
/// Throws InputError for what check_attack_flags() rejects, and for a list id that is no
/// node of the graph, is left out of the view, or is named twice.
std::vector<Section> attack_sections(const graph::Graph& g, const graph::View& view,
                                     const std::vector<bool>& a, const std::vector<bool>& b,
                                     const AttackFlags& flags, bool directed);

}  // namespace actornet::cli
