// Line charts as SVG text: attack curves, centrality timelines, anything that is a few named
// series of (x, y) points.
//
// Written by hand rather than through a library: Graphviz lays out graphs, not plots (it has
// no axes, scales or ticks), and Debian ships no C++ charting library; an SVG line chart is a
// few dozen elements whose every coordinate we control, so output is byte-for-byte
// reproducible.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace actornet::viz {

struct ChartPoint {
  double x = 0.0;
  double y = 0.0;
};

/// One line of the chart.
struct ChartSeries {
  std::string name;  ///< legend text (and end label); any text, escaped on output
  /// Drawn in the given order. A point with a non-finite coordinate is not drawn and breaks
  /// the line; a point with no finite neighbour is drawn as a dot.
  std::vector<ChartPoint> points;
  std::string colour;    ///< `#rrggbb`; empty: the series' place in the palette (below)
  std::string dash;      ///< an SVG stroke-dasharray such as "6 3"; empty: by place (below)
  bool markers = false;  ///< a dot on every point
};

/// A tick: where it goes on its axis, and what it reads (a number, a date, any text).
struct ChartTick {
  double value = 0.0;
  std::string label;
};

struct LineChart {
  std::string title;
  std::string x_title;
  std::string y_title;
  std::vector<ChartSeries> series;
  /// Ticks given by the caller (dates, say); empty: about six round numbers over the range.
  /// Ticks outside the range are left out.
  std::vector<ChartTick> x_ticks;
  std::vector<ChartTick> y_ticks;
  /// The axes' ranges; unset: the data's range, widened to round numbers when the ticks are
  /// automatic. When every value is the same v, the range is v +- |v| / 2 (v +- 1 for v = 0);
  /// with no data at all, [0, 1]. Points outside a given range are clipped.
  std::optional<double> x_min, x_max, y_min, y_max;
  /// Also write each series' name at its last drawn point (for timelines of many actors);
  /// labels are moved apart vertically so that they do not overlap.
  bool end_labels = false;
  /// Size of the drawing in pixels (the plot area is what is left after the title, the axes'
  /// labels and the legend); the height grows when the legend needs it.
  int width = 800;
  int height = 480;
  /// Prefix of the ids inside the SVG (clip path), so that several charts can share a page.
  std::string id = "chart";
};

/// The chart as a standalone SVG 1.1 document.
///
/// Layout: title on top, y axis on the left with its title turned upright, x axis below,
/// the legend at the right with one entry per series (in series order, empty series
/// included), light grid lines at the ticks. Text is 12-18 px sans-serif; lines are 2 px.
/// Colours: series i takes graph::style::edge_palette()[i % 8] (eight colours that read on
/// white); series 8-15 are dashed, 16-23 dotted, and the cycle repeats.
///
/// Structure, for programs reading the SVG: every series is a `<g class="series">` with a
/// `data-name` attribute, holding `<polyline>` runs and `<circle>` dots; the legend is a
/// `<g class="legend">` of `<g class="legend-entry">`, each with a line sample and a
/// `<text>`; tick labels are `<text>` in `<g class="x-ticks">` and `<g class="y-ticks">`;
/// titles are `<text>` of class `chart-title`, `x-title`, `y-title`.
///
/// Deterministic: coordinates print with two decimals, numbers of automatic tick labels with
/// the fewest decimals that tell the ticks apart, and nothing depends on time or locale.
/// Text is escaped by xml_escape (viz/markup.hpp): ill-formed UTF-8 and characters XML 1.0
/// cannot hold become U+FFFD. Legend names longer than 40 characters are shortened with an
/// ellipsis (the full name stays in `data-name` and in a `<title>` tooltip).
std::string line_chart_svg(const LineChart& chart);

/// Several charts one above the other in one SVG document (each a nested `<svg
/// class="chart">` laid out as line_chart_svg() would draw it alone), under a document
/// `<title>`. Give each chart its own `id`.
std::string stacked_charts_svg(const std::vector<LineChart>& charts, const std::string& title);

}  // namespace actornet::viz
