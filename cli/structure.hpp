// Helpers shared by the structural commands (brokerage, communities, cohesion) and by the
// commands that attach their results to nodes (render --color-by community, export
// --with-structure): partitions read from a node attribute, community options as flags, and
// the structural scores as typed node attributes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analyses/communities.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::cli {

/// A partition of the view's vertices by a node attribute (or `kind`).
struct Partition {
  std::string attribute;
  std::vector<std::string> names;    ///< group number -> value, sorted; "(none)" for missing
  std::vector<std::uint32_t> group;  ///< per view vertex
  std::size_t missing = 0;           ///< vertices without a value (grouped as "(none)")
};

/// `side` when the graph has that node attribute, else `country`, else empty.
std::string default_partition_attribute(const graph::Graph& g);

/// Groups the view's vertices by `attribute` (a node attribute or `kind`); vertices without a
/// value form the group "(none)". Throws InputError naming the attributes there are when
/// `attribute` is not one (`option` names the flag in the message).
Partition partition_by(const graph::Graph& g, const graph::View& view, const std::string& attribute,
                       const std::string& option);

/// `--method`, `--resolution`, `--seed` and `--weights` for community detection, under
/// `prefix` (e.g. "" for `communities`, "community-" for `export`).
struct CommunityFlags {
  std::string method = "leiden";
  double resolution = 1.0;
  unsigned long seed = 1;
  bool weights = false;
};
void add_community_options(CLI::App& cmd, CommunityFlags& flags, const std::string& prefix,
                           bool with_seed, bool with_weights);
analyses::CommunityOptions to_community_options(const CommunityFlags& flags);

/// Community numbers as text of equal width ("01", "02", ... "12"), so that they sort as
/// numbers where values are sorted as text (colour assignment, legends).
std::vector<std::string> community_labels(const std::vector<std::uint32_t>& membership);

/// The structural scores `export --with-structure` can attach to nodes: community, component,
/// coreness, cohesion, articulation, brokerage (the five roles and total), effective_size,
/// efficiency, constraint.
const std::vector<std::string>& structure_attribute_names();

struct StructureRequest {
  std::vector<std::string> names;  ///< from structure_attribute_names()
  std::string partition;           ///< for brokerage
  CommunityFlags community;
};

/// Computes what `request` names on `view` and stores it as typed node attributes of `out`,
/// whose node i is view vertex i (exporters::project's graph). `g` is the graph the view was
/// built from; `undirected` is the same view read undirected (same vertices), on which
/// communities are found, as `actornet communities` does. Returns notes for the user. Throws
/// InputError for an unknown name, a missing partition, or an attribute that exists already
/// with another type.
std::vector<std::string> add_structure_attributes(graph::Graph& out, const graph::Graph& g,
                                                  const graph::View& view,
                                                  const graph::View& undirected,
                                                  const StructureRequest& request);

}  // namespace actornet::cli
