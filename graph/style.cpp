#include "graph/style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <variant>

#include <fmt/format.h>

namespace actornet::graph::style {
namespace {

double linear(std::uint8_t channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Colour tint(Colour c, double toward_white) {
  auto mix = [&](std::uint8_t v) {
    return static_cast<std::uint8_t>(std::lround(v + (255 - v) * toward_white));
  };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

std::vector<std::string> sorted_unique(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

}  // namespace

std::string Colour::hex() const {
  return fmt::format("#{:02x}{:02x}{:02x}", r, g, b);
}

double Colour::luminance() const {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const std::vector<std::string_view>& known_kinds() {
  static const std::vector<std::string_view> kinds{"person",  "position", "agency",
                                                   "country", "forum",    "initiative",
                                                   "event",   "document", "other"};
  return kinds;
}

KindStyle kind_style(std::string_view kind) {
  if (kind == "person") return {"ellipse", "disc", "\u25cf"};                // ●
  if (kind == "position") return {"box", "square", "\u25a0"};                // ■
  if (kind == "agency") return {"hexagon", "triangle", "\u2b22"};            // ⬢
  if (kind == "country") return {"doublecircle", "diamond", "\u25c9"};       // ◉
  if (kind == "forum") return {"pentagon", "diamond", "\u2b1f"};             // ⬟
  if (kind == "initiative") return {"parallelogram", "triangle", "\u25b0"};  // ▰
  if (kind == "event") return {"house", "triangle", "\u2302"};               // ⌂
  if (kind == "document") return {"note", "square", "\u25a4"};               // ▤
  return {"octagon", "disc", "\u25a2"};                                      // ▢
}

const std::vector<Colour>& category_palette() {
  // Okabe-Ito, reordered so that neighbours differ in lightness (luminance in brackets):
  // orange (0.46), blue (0.16), yellow (0.77), bluish green (0.26), sky blue (0.40),
  // vermillion (0.24), reddish purple (0.32), grey (0.32).
  static const std::vector<Colour> palette{
      {0xe6, 0x9f, 0x00}, {0x00, 0x72, 0xb2}, {0xf0, 0xe4, 0x42}, {0x00, 0x9e, 0x73},
      {0x56, 0xb4, 0xe9}, {0xd5, 0x5e, 0x00}, {0xcc, 0x79, 0xa7}, {0x99, 0x99, 0x99}};
  return palette;
}

Colour missing_colour() {
  return {0xe8, 0xe8, 0xe8};
}

Colour category_colour(std::size_t index) {
  const auto& palette = category_palette();
  const std::size_t round = (index / palette.size()) % 2;
  const Colour base = palette[index % palette.size()];
  return round == 0 ? base : tint(base, 0.5);
}

std::map<std::string, Colour> category_colours(std::vector<std::string> values) {
  std::map<std::string, Colour> colours;
  const auto sorted = sorted_unique(std::move(values));
  for (std::size_t i = 0; i < sorted.size(); ++i)
    colours.emplace(sorted[i], category_colour(i));
  return colours;
}

Colour text_colour_on(Colour fill) {
  return fill.luminance() < 0.3 ? Colour{0xff, 0xff, 0xff} : Colour{0x00, 0x00, 0x00};
}

const std::vector<Colour>& edge_palette() {
  static const std::vector<Colour> palette{
      {0x00, 0x72, 0xb2}, {0xd5, 0x5e, 0x00}, {0x00, 0x9e, 0x73}, {0xcc, 0x79, 0xa7},
      {0xe6, 0x9f, 0x00}, {0x56, 0xb4, 0xe9}, {0x00, 0x00, 0x00}, {0x99, 0x99, 0x99}};
  return palette;
}

EdgeStyle relation_style(std::size_t index) {
  const auto& palette = edge_palette();
  EdgeStyle style;
  style.colour = palette[index % palette.size()];
  switch ((index / palette.size()) % 3) {
    case 0:
      style.penwidth = 1.4;
      style.glyph = "\u2500\u2500";  // ──
      break;
    case 1:
      style.penwidth = 2.6;
      style.glyph = "\u2501\u2501";  // ━━
      break;
    default:
      style.penwidth = 2.0;
      style.dotted = true;
      style.glyph = "\u2508\u2508";  // ┈┈
      break;
  }
  return style;
}

std::map<std::string, EdgeStyle> relation_styles(std::vector<std::string> relations) {
  std::map<std::string, EdgeStyle> styles;
  const auto sorted = sorted_unique(std::move(relations));
  for (std::size_t i = 0; i < sorted.size(); ++i)
    styles.emplace(sorted[i], relation_style(i));
  return styles;
}

std::optional<double> edge_confidence(const Graph& graph, EdgeIndex edge) {
  const Value& value = graph.edge_attribute(edge, Provenance::kConfidence);
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&value)) {
    double parsed = 0;
    const auto* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, parsed);
    if (ec == std::errc() && ptr == end) return parsed;
  }
  return std::nullopt;
}

bool is_low_confidence(const Graph& graph, EdgeIndex edge) {
  const auto confidence = edge_confidence(graph, edge);
  return confidence && *confidence < kLowConfidence;
}

}  // namespace actornet::graph::style
