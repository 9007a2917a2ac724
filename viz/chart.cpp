#include "viz/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "graph/style.hpp"
#include "viz/markup.hpp"

namespace actornet::viz {

namespace {

// Two decimals, never "-0.00".
std::string num(double v) {
  std::string text = fmt::format("{:.2f}", v);
  if (text == "-0.00") text = "0.00";
  return text;
}

// Characters (UTF-8 code points) in `text`: what the width estimates below count.
std::size_t length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

// The first `limit` characters of `text` and an ellipsis, or `text` when it is no longer.
std::string shorten(std::string_view text, std::size_t limit) {
  if (length(text) <= limit) return std::string(text);
  std::size_t chars = 0, at = 0;
  for (; at < text.size(); ++at)
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && chars++ == limit - 1) break;
  return std::string(text.substr(0, at)) + "\u2026";
}

constexpr std::size_t kLegendChars = 40;
constexpr double kCharWidth = 7.5;  // average advance of 13 px sans-serif text, px

struct Range {
  double lo = 0.0;
  double hi = 1.0;
};

// Round tick positions covering [lo, hi] (lo < hi): about six, 1, 2 or 5 times a power of
// ten apart. `decimals` receives the digits needed to print them.
std::vector<double> nice_ticks(double lo, double hi, int& decimals) {
  const double raw = (hi - lo) / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double ratio = raw / magnitude;
  const double step = (ratio < 1.5   ? 1.0
                       : ratio < 3.0 ? 2.0
                       : ratio < 7.0 ? 5.0
                                     : 10.0) *
                      magnitude;
  decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  const double first = std::floor(lo / step + 1e-9);
  const double last = std::ceil(hi / step - 1e-9);
  std::vector<double> ticks;
  for (double i = first; i <= last; i += 1.0)
    ticks.push_back(i * step);
  return ticks;
}

std::string tick_label(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.starts_with("-") && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

// The range and ticks of one axis.
struct Axis {
  Range range;
  std::vector<ChartTick> ticks;
};

Axis make_axis(const std::vector<double>& values, std::optional<double> min,
               std::optional<double> max, const std::vector<ChartTick>& given) {
  Axis axis;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (double v : values) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (values.empty()) {
    lo = 0.0;
    hi = 1.0;
  }
  if (min) lo = *min;
  if (max) hi = *max;
  if (min && !max && hi < lo) hi = lo;
  if (max && !min && lo > hi) lo = hi;
  if (!(lo < hi)) {  // one value (or a given range of zero width): widen around it
    const double centre = min ? lo : hi;
    const double half = centre == 0.0 ? 1.0 : std::abs(centre) / 2.0;
    if (!min) lo = centre - half;
    if (!max) hi = centre + half;
    if (!(lo < hi)) hi = lo + 1.0;  // both ends given and equal
  }
  if (given.empty()) {
    int decimals = 0;
    const auto ticks = nice_ticks(lo, hi, decimals);
    if (!min) lo = std::min(lo, ticks.front());
    if (!max) hi = std::max(hi, ticks.back());
    for (double t : ticks)
      axis.ticks.push_back({t, tick_label(t, decimals)});
  } else {
    axis.ticks = given;
  }
  const double slack = (hi - lo) * 1e-9;
  std::erase_if(axis.ticks, [&](const ChartTick& t) {
    return !std::isfinite(t.value) || t.value < lo - slack || t.value > hi + slack;
  });
  axis.range = {lo, hi};
  return axis;
}

std::string series_colour(const ChartSeries& s, std::size_t index) {
  if (!s.colour.empty()) return s.colour;
  const auto& palette = graph::style::edge_palette();
  return palette[index % palette.size()].hex();
}

std::string series_dash(const ChartSeries& s, std::size_t index) {
  if (!s.dash.empty()) return s.dash;
  switch ((index / graph::style::edge_palette().size()) % 3) {
    case 1:
      return "6 3";
    case 2:
      return "2 3";
    default:
      return "";
  }
}

std::string dash_attribute(const std::string& dash) {
  return dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", xml_escape(dash));
}

// The chart as an <svg> element (no XML declaration), nested at (0, y) when `nested`.
struct Rendered {
  std::string svg;
  double width = 0.0;
  double height = 0.0;
};

// The horizontal layout: the band left of the plot (y tick labels and title) and the band
// right of it (end labels, legend), in pixels.
struct Bands {
  double left = 0.0;
  double right = 0.0;
  double end_band = 0.0;  ///< the end labels' part of `right`
};

Axis y_axis_of(const LineChart& chart) {
  std::vector<double> ys;
  for (const auto& s : chart.series)
    for (const auto& p : s.points)
      if (std::isfinite(p.x) && std::isfinite(p.y)) ys.push_back(p.y);
  return make_axis(ys, chart.y_min, chart.y_max, chart.y_ticks);
}

Bands bands_of(const LineChart& chart, const Axis& y_axis) {
  std::size_t y_label_chars = 1, name_chars = 1;
  for (const auto& t : y_axis.ticks)
    y_label_chars = std::max(y_label_chars, length(t.label));
  for (const auto& s : chart.series)
    name_chars = std::max(name_chars, length(shorten(s.name, kLegendChars)));
  Bands b;
  b.left = 44.0 + 7.0 * static_cast<double>(y_label_chars);
  b.end_band = chart.end_labels ? 12.0 + 6.5 * static_cast<double>(name_chars) : 0.0;
  const double legend_width =
      chart.series.empty() ? 0.0 : 56.0 + kCharWidth * static_cast<double>(name_chars);
  b.right = 16.0 + legend_width + b.end_band;
  return b;
}

// `frame`, when given, widens the bands and the width so that stacked charts line up.
Rendered render(const LineChart& chart, bool nested, double y_offset,
                std::optional<Bands> frame = std::nullopt, double min_width = 0.0) {
  // Axes from the finite data.
  std::vector<double> xs;
  for (const auto& s : chart.series)
    for (const auto& p : s.points)
      if (std::isfinite(p.x) && std::isfinite(p.y)) xs.push_back(p.x);
  const Axis x_axis = make_axis(xs, chart.x_min, chart.x_max, chart.x_ticks);
  const Axis y_axis = y_axis_of(chart);

  // Layout: title band, y tick labels and title at the left, x ticks and title below, end
  // labels and the legend at the right.
  Bands bands = bands_of(chart, y_axis);
  if (frame) {
    bands.left = std::max(bands.left, frame->left);
    bands.right = std::max(bands.right, frame->right);
  }
  const double top = chart.title.empty() ? 20.0 : 52.0;
  const double left = bands.left;
  const double bottom = 64.0;
  const double end_band = bands.end_band;
  const double legend_rows = static_cast<double>(chart.series.size());
  const double width =
      std::max({static_cast<double>(chart.width), min_width, left + 160.0 + bands.right});
  const double height = std::max(
      {static_cast<double>(chart.height), top + 22.0 * legend_rows + 24.0, top + bottom + 120.0});
  const double x0 = left, x1 = width - bands.right;
  const double y0 = top, y1 = height - bottom;
  const auto px = [&](double x) {
    return x0 + (x - x_axis.range.lo) / (x_axis.range.hi - x_axis.range.lo) * (x1 - x0);
  };
  const auto py = [&](double y) {
    return y1 - (y - y_axis.range.lo) / (y_axis.range.hi - y_axis.range.lo) * (y1 - y0);
  };
  const std::string clip = xml_escape(chart.id) + "-plot";

  std::string out;
  if (nested)
    out += fmt::format(
        "<svg class=\"chart\" x=\"0\" y=\"{2}\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\">\n",
        num(width), num(height), num(y_offset));
  else
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" "
        "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"Helvetica, Arial, sans-serif\" "
        "font-size=\"13\">\n",
        num(width), num(height));
  out += fmt::format("<title>{}</title>\n", xml_escape(chart.title));
  out += fmt::format(
      "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      num(width), num(height));
  out += fmt::format(
      "<defs><clipPath id=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
      "</clipPath></defs>\n",
      clip, num(x0 - 4.0), num(y0 - 4.0), num(x1 - x0 + 8.0), num(y1 - y0 + 8.0));
  if (!chart.title.empty())
    out += fmt::format(
        "<text class=\"chart-title\" x=\"{}\" y=\"30.00\" text-anchor=\"middle\" "
        "font-size=\"18\" font-weight=\"bold\">{}</text>\n",
        num((x0 + x1) / 2.0), xml_escape(chart.title));

  // Grid, axes, ticks.
  out += "<g class=\"grid\" stroke=\"#e3e3e3\" stroke-width=\"1\">\n";
  for (const auto& t : x_axis.ticks)
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", num(px(t.value)),
                       num(y0), num(y1));
  for (const auto& t : y_axis.ticks)
    out += fmt::format("<line x1=\"{1}\" y1=\"{0}\" x2=\"{2}\" y2=\"{0}\"/>\n", num(py(t.value)),
                       num(x0), num(x1));
  out += "</g>\n";
  out += fmt::format(
      "<g class=\"axes\" stroke=\"#333333\" stroke-width=\"1.2\">\n"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\"/>\n"
      "<line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{2}\"/>\n</g>\n",
      num(x0), num(x1), num(y1), num(y0));
  out += "<g class=\"x-ticks\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">\n";
  for (const auto& t : x_axis.ticks)
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(px(t.value)), num(y1 + 19.0),
                       xml_escape(t.label));
  out += "</g>\n";
  out += "<g class=\"y-ticks\" font-size=\"12\" text-anchor=\"end\" fill=\"#333333\">\n";
  for (const auto& t : y_axis.ticks)
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(x0 - 8.0), num(py(t.value) + 4.0),
                       xml_escape(t.label));
  out += "</g>\n";
  out += fmt::format(
      "<text class=\"x-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\">{}"
      "</text>\n",
      num((x0 + x1) / 2.0), num(y1 + 46.0), xml_escape(chart.x_title));
  const double y_title_x = 20.0, y_title_y = (y0 + y1) / 2.0;
  out += fmt::format(
      "<text class=\"y-title\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" "
      "text-anchor=\"middle\" font-size=\"14\">{2}</text>\n",
      num(y_title_x), num(y_title_y), xml_escape(chart.y_title));

  // Series: runs of finite points as polylines, lone points as dots.
  struct EndLabel {
    double x, y;
    std::size_t series;
  };
  std::vector<EndLabel> end_labels;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const auto& s = chart.series[i];
    const std::string colour = xml_escape(series_colour(s, i));
    const std::string dash = dash_attribute(series_dash(s, i));
    out += fmt::format("<g class=\"series\" data-name=\"{}\" clip-path=\"url(#{})\">\n",
                       xml_escape(s.name), clip);
    const auto finite = [&](std::size_t k) {
      return std::isfinite(s.points[k].x) && std::isfinite(s.points[k].y);
    };
    for (std::size_t k = 0; k < s.points.size();) {
      if (!finite(k)) {
        ++k;
        continue;
      }
      std::size_t end = k;
      while (end < s.points.size() && finite(end))
        ++end;
      if (end - k == 1) {
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.50\" fill=\"{}\"/>\n",
                           num(px(s.points[k].x)), num(py(s.points[k].y)), colour);
      } else {
        std::string points;
        for (std::size_t j = k; j < end; ++j) {
          if (!points.empty()) points += ' ';
          points += num(px(s.points[j].x)) + "," + num(py(s.points[j].y));
        }
        out += fmt::format(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} "
            "stroke-linejoin=\"round\"/>\n",
            points, colour, dash);
      }
      k = end;
    }
    if (s.markers)
      for (std::size_t k = 0; k < s.points.size(); ++k)
        if (finite(k))
          out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.50\" fill=\"{}\"/>\n",
                             num(px(s.points[k].x)), num(py(s.points[k].y)), colour);
    out += "</g>\n";
    if (chart.end_labels)
      for (std::size_t k = s.points.size(); k-- > 0;)
        if (finite(k)) {
          const auto& p = s.points[k];
          if (p.x >= x_axis.range.lo && p.x <= x_axis.range.hi && p.y >= y_axis.range.lo &&
              p.y <= y_axis.range.hi)
            end_labels.push_back({px(p.x), py(p.y), i});
          break;
        }
  }

  // End labels, moved apart to 14 px at least, kept inside the plot's height when possible.
  if (!end_labels.empty()) {
    std::stable_sort(end_labels.begin(), end_labels.end(),
                     [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
    for (std::size_t k = 1; k < end_labels.size(); ++k)
      end_labels[k].y = std::max(end_labels[k].y, end_labels[k - 1].y + 14.0);
    if (end_labels.back().y > y1 + 4.0) {
      end_labels.back().y = y1 + 4.0;
      for (std::size_t k = end_labels.size() - 1; k-- > 0;)
        end_labels[k].y = std::min(end_labels[k].y, end_labels[k + 1].y - 14.0);
    }
    out += "<g class=\"end-labels\" font-size=\"12\">\n";
    for (const auto& l : end_labels) {
      const auto& s = chart.series[l.series];
      out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", num(x1 + 6.0),
                         num(l.y + 4.0), xml_escape(series_colour(s, l.series)),
                         xml_escape(shorten(s.name, kLegendChars)));
    }
    out += "</g>\n";
  }

  // Legend.
  out += "<g class=\"legend\">\n";
  const double lx = x1 + end_band + 20.0;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const auto& s = chart.series[i];
    const double ly = y0 + 10.0 + 22.0 * static_cast<double>(i);
    out += fmt::format(
        "<g class=\"legend-entry\"><title>{}</title>"
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>"
        "<text x=\"{}\" y=\"{}\">{}</text></g>\n",
        xml_escape(s.name), num(lx), num(ly), num(lx + 26.0), num(ly),
        xml_escape(series_colour(s, i)), dash_attribute(series_dash(s, i)), num(lx + 32.0),
        num(ly + 4.5), xml_escape(shorten(s.name, kLegendChars)));
  }
  out += "</g>\n</svg>\n";
  return {std::move(out), width, height};
}

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace

std::string line_chart_svg(const LineChart& chart) {
  return std::string(kXmlDeclaration) + render(chart, false, 0.0).svg;
}

std::string stacked_charts_svg(const std::vector<LineChart>& charts, const std::string& title) {
  // One frame for all: the widest left and right bands and the widest chart.
  Bands frame;
  double min_width = 0.0;
  for (const auto& chart : charts) {
    const auto b = bands_of(chart, y_axis_of(chart));
    frame.left = std::max(frame.left, b.left);
    frame.right = std::max(frame.right, b.right);
    min_width = std::max(min_width, static_cast<double>(chart.width));
  }
  std::string body;
  double width = 0.0, height = 0.0;
  for (const auto& chart : charts) {
    const auto r = render(chart, true, height, frame, min_width);
    body += r.svg;
    width = std::max(width, r.width);
    height += r.height;
  }
  return std::string(kXmlDeclaration) +
         fmt::format(
             "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" "
             "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"Helvetica, Arial, "
             "sans-serif\" font-size=\"13\">\n<title>{2}</title>\n"
             "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{0}\" height=\"{1}\" "
             "fill=\"#ffffff\"/>\n",
             num(width), num(height), xml_escape(title)) +
         body + "</svg>\n";
}

}  // namespace actornet::viz
