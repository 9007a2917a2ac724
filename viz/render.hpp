// Diagrams of a View through Graphviz (cgraph + gvc, in-process): SVG, PNG, PDF or DOT.
//
// Styling (also described in README's "Diagrams (render)" section):
// - node shape by kind, fill colour by a node attribute (graph/style.hpp palette), node area
//   proportional to a score, labels wrapped at about 16 characters;
// - edge colour by relation, dashed when the edge's `confidence` is below 0.7, an arrow only
//   on directed edges; parallel edges drawn one by one or bundled into one labelled edge;
// - a title and a legend (kinds, colours and relations actually drawn) inside the picture.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::viz {

/// What render() produces.
enum class OutputFormat { Svg, Png, Pdf, Dot };

/// `svg`, `png`, `pdf`, `dot` (or `gv`), case-insensitive; nullopt otherwise.
std::optional<OutputFormat> output_format_from_name(std::string_view name);
/// The format named by the path's extension (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`, any case);
/// nullopt when the extension is missing or unknown.
std::optional<OutputFormat> output_format_from_path(std::string_view path);
/// `svg`, `png`, `pdf` or `dot`.
std::string_view to_string(OutputFormat format);

/// How parallel view edges (same pair of vertices) are drawn.
enum class ParallelDraw {
  Draw,   ///< one spline per view edge
  Bundle  ///< one edge per vertex pair, labelled with the count and the relations
};

/// `draw` or `bundle`; nullopt otherwise.
std::optional<ParallelDraw> parallel_draw_from_name(std::string_view name);

/// The layout engines render() accepts: dot, neato, fdp, sfdp, circo, twopi.
const std::vector<std::string>& layout_names();

struct RenderOptions {
  /// dot|neato|fdp|sfdp|circo|twopi; empty = chosen by size (see default_layout()).
  std::string layout;
  OutputFormat format = OutputFormat::Svg;
  /// Node attribute giving the fill colour; empty = "side" if the graph has it, else
  /// "country", else the node kind. `kind` is accepted as a name too.
  std::string color_by;
  /// Per view vertex score for node size (empty = uniform). Must have vertex_count() entries.
  std::vector<double> sizes;
  /// The score's name, for the legend.
  std::string size_label;
  ParallelDraw parallel = ParallelDraw::Draw;
  /// Layout seed (Graphviz `start`) for neato, fdp and sfdp.
  unsigned seed = 1;
  /// Drawn on top, e.g. the dataset name and snapshot date.
  std::string title;
  /// 0 = label every node; else only the N largest by `sizes` (ties by node id).
  std::size_t label_top = 0;
  /// Node attribute: one box per value; empty = none.
  std::string cluster_by;
};

/// The layout used when RenderOptions::layout is empty: `neato` up to 300 vertices, `sfdp`
/// above (dot is avoided by default: it is very slow on large hub-heavy graphs).
std::string default_layout(std::size_t vertex_count);

/// Draws `view` of `graph` and returns the rendered file's bytes (SVG, PNG, PDF or DOT text).
///
/// Every view vertex becomes a node (Graphviz name: the node id); every view edge an edge
/// (or, with ParallelDraw::Bundle, one edge per unordered vertex pair). The same graph, view
/// and options give the same bytes (layouts are seeded; nothing depends on the clock).
///
/// Data text (ids, labels, kinds, relations, attribute values, the title) shows as written:
/// Graphviz's escapes (`\N`, `\l`) and entities (`&amp;`) in it are not interpreted, and the
/// SVG is well-formed XML whatever the text holds. Ill-formed UTF-8 and characters XML 1.0
/// cannot hold show as U+FFFD (viz/markup.hpp); ids that differ only there get a ` #2`, ` #3`
/// suffix as Graphviz names so that their nodes stay apart.
///
/// Throws InputError for bad options: an unknown layout, a `color_by` or `cluster_by` naming
/// no node attribute, `sizes` of the wrong length. Throws std::runtime_error carrying
/// Graphviz's own message when Graphviz fails to lay out or render.
///
/// Complexity: that of the layout engine (roughly O(|V|^2) per iteration for neato, near
/// O((|V| + |E|) log |V|) per iteration for sfdp) plus linear work to build the graph.
std::string render(const graph::Graph& graph, const graph::View& view,
                   const RenderOptions& options);

/// Layout positions in points, one per view vertex (in vertex order), from the same Graphviz
/// layout render() would use with these options (y grows upwards, as in Graphviz). For GEXF
/// viz:position. Throws as render().
std::vector<std::pair<double, double>> layout_positions(const graph::Graph& graph,
                                                        const graph::View& view,
                                                        const RenderOptions& options);

/// The ego network of `seeds` in `view`: the vertices at most `depth` steps from a seed,
/// following edges in either direction, sorted by vertex. depth 0 = the seeds alone.
/// Complexity: O(|V| + |E|) (breadth-first search).
std::vector<graph::Vertex> ego_vertices(const graph::View& view,
                                        const std::vector<graph::Vertex>& seeds, std::size_t depth);

}  // namespace actornet::viz
