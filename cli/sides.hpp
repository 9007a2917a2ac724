// What the resilience, scenario and report commands share: two sides of a View chosen by
// selections, the edge layers (relations, domains) reported on, and the result as sections.
#pragma once

#include <string>
#include <vector>

#include "analyses/resilience.hpp"
#include "analyses/scenario.hpp"
#include "cli/output.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::cli {

/// The view vertices that `expression` (given as `flag`) selects. Throws InputError for an
/// expression error or when it selects no vertex of the view (`at`, when not empty, is the
/// date the view was taken at and is named in the message).
std::vector<bool> side_mask(const graph::Graph& g, const graph::View& view, const std::string& flag,
                            const std::string& expression, const std::string& at);

/// Side A and side B of a view; throws InputError naming the first shared node when the two
/// expressions overlap.
struct SideMasks {
  std::vector<bool> a;
  std::vector<bool> b;
};
SideMasks side_masks(const graph::Graph& g, const graph::View& view, const std::string& side_a,
                     const std::string& side_b, const std::string& at);

/// side_masks as a scenario's SideChooser (the day's world and View, `when` for messages).
analyses::SideChooser side_chooser(const std::string& side_a, const std::string& side_b);

/// The end_tenure interventions of `--transition TEXT` (every holds_office edge ending on
/// `day`); InputError when no tenure ends that day.
std::vector<graph::Intervention> transition_ends(const graph::Graph& g, const graph::Date& day,
                                                 const std::string& text);

/// Every view edge's relations (one under `keep`, the merged edges' relations otherwise).
analyses::Layers relation_layers(const graph::Graph& g, const graph::View& view);
/// Every view edge's values of the edge attribute `attribute` (a list or a string column);
/// an edge without a value is in no layer. Empty names when the graph has no such column.
analyses::Layers attribute_layers(const graph::Graph& g, const graph::View& view,
                                  const std::string& attribute);

/// The report sections of a resilience result: figures, the channels (each path with its
/// actors, relations and dates), per-layer figures (`by relation`, ...: the layers with a direct
/// tie or an edge-disjoint channel between the sides; the others have zeros and are left out) and
/// layer cuts, the minimum cut (by id), the vertex and edge single points of failure (by id), and
/// the `top` highest cross betweenness scores (0: all above zero). `layers` are the families
/// the result was computed with (options.layers), for their names.
std::vector<Section> resilience_sections(const graph::Graph& g, const graph::View& view,
                                         const analyses::ResilienceResult& r, std::size_t top,
                                         const std::vector<analyses::Layers>& layers);

/// A channel as text: `a -(met_with 2024-02; called 2024-09)- x -(co_chairs 2024-01/..)- b`,
/// node ids joined by each hop's relations and validity (`->` when the hop is directed).
std::string describe_channel(const graph::Graph& g, const graph::View& view,
                             const analyses::ChannelPath& channel);

}  // namespace actornet::cli
