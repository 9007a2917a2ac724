// Presentation defaults shared by the diagrams (viz/) and the exporters (GEXF viz: attributes),
// so that a node looks the same in a rendered picture and in Gephi. No Graphviz here: only
// names, colours and rules.
//
// Colours. Categories (the values of `--color-by`, relations) use the Okabe-Ito palette
// (Okabe & Ito 2008, "Color Universal Design"), chosen because its eight colours stay
// distinguishable for the common forms of colour blindness. It is reordered so that
// neighbouring entries also differ in lightness (orange, blue, yellow, green, ...), so the
// first few categories stay distinct when printed in greyscale. Past eight categories the
// palette repeats as lighter tints (half way to white), then cycles; more than sixteen
// categories cannot be told apart by colour alone (use clusters or a coarser attribute).
// Values are sorted (bytewise) before colours are given, so the same set of values always
// gets the same colours, whatever the input order.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace actornet::graph::style {

/// An sRGB colour.
struct Colour {
  std::uint8_t r = 0, g = 0, b = 0;

  /// `#rrggbb` (lower-case hex), as Graphviz and SVG read it.
  std::string hex() const;
  /// WCAG relative luminance in [0, 1] (0 black, 1 white); what a greyscale print keeps.
  double luminance() const;
  friend bool operator==(const Colour&, const Colour&) = default;
};

/// How a node kind is drawn.
struct KindStyle {
  std::string_view graphviz_shape;  ///< a Graphviz node shape name
  std::string_view gexf_shape;      ///< GEXF viz:shape: disc, square, triangle or diamond
  std::string_view glyph;           ///< a Unicode character resembling the shape, for legends
};

/// The kinds with a shape of their own: person, position, agency, country, forum, initiative,
/// event, document, other.
const std::vector<std::string_view>& known_kinds();

/// The style of `kind`: person ellipse/disc, position box/square, agency hexagon/triangle,
/// country doublecircle/diamond, forum pentagon/diamond, initiative parallelogram/triangle,
/// event house/triangle, document note/square, other (and any unknown word) octagon/disc.
KindStyle kind_style(std::string_view kind);

/// The categorical fill palette (see the file comment): Okabe-Ito reordered by lightness.
const std::vector<Colour>& category_palette();
/// Colour for a node with no value for the colouring attribute: light grey.
Colour missing_colour();

/// The colour of the i-th category in sorted order: palette[i] for i < 8, then lighter tints,
/// then the cycle repeats.
Colour category_colour(std::size_t index);

/// Colours for a list of category values: the values are sorted and deduplicated, then the
/// i-th gets category_colour(i). Deterministic: the input order does not matter.
std::map<std::string, Colour> category_colours(std::vector<std::string> values);

/// Black or white, whichever reads better on `fill` (white when its luminance is below 0.3).
Colour text_colour_on(Colour fill);

/// How edges of one relation are drawn.
struct EdgeStyle {
  Colour colour;
  double penwidth = 1.4;   ///< line width in points
  bool dotted = false;     ///< dotted line (third cycle of the palette)
  std::string_view glyph;  ///< a line glyph for legends: "──", "━━" or "┈┈"
};

/// The edge palette: eight colours that read on white (Okabe-Ito without yellow, plus black
/// and grey).
const std::vector<Colour>& edge_palette();

/// The style of the i-th relation in sorted order: colour edge_palette()[i % 8]; thin solid
/// lines for i < 8, bold for 8..15, dotted for 16..23, then the cycle repeats. (Dashed lines
/// are kept for low confidence, and double lines would read as two parallel ties.)
EdgeStyle relation_style(std::size_t index);

/// Styles for a list of relation names: sorted and deduplicated, then the i-th gets
/// relation_style(i).
std::map<std::string, EdgeStyle> relation_styles(std::vector<std::string> relations);

/// Ties whose `confidence` attribute is below this are drawn dashed.
inline constexpr double kLowConfidence = 0.7;

/// The edge's `confidence` attribute as a number (an integer or real attribute, or text that
/// parses as a number); nullopt when absent or not numeric.
std::optional<double> edge_confidence(const Graph& graph, EdgeIndex edge);

/// Whether the edge is low-confidence: it has a confidence below kLowConfidence.
bool is_low_confidence(const Graph& graph, EdgeIndex edge);

}  // namespace actornet::graph::style
