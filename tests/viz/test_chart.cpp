// Tests for viz/chart: the SVG parses as XML and carries one group per series, one legend
// entry per series in order, escaped text, axis titles and ticks; degenerate data (no
// series, an empty series, one point, all-equal values, gaps) still draw; output is
// byte-for-byte reproducible and points land where the axes say.
#include <algorithm>
#include <cmath>
#include <limits>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "viz/chart.hpp"

namespace {

namespace viz = actornet::viz;

struct Parsed {
  pugi::xml_document doc;
  pugi::xml_node svg;
};

void parse(const std::string& text, Parsed& out) {
  const auto result = out.doc.load_string(text.c_str());
  INFO(result.description());
  REQUIRE(result);
  out.svg = out.doc.child("svg");
  REQUIRE(out.svg);
}

std::vector<pugi::xml_node> with_class(const pugi::xml_node& root, const std::string& cls) {
  std::vector<pugi::xml_node> out;
  for (const auto& x : root.select_nodes((".//*[@class='" + cls + "']").c_str()))
    out.push_back(x.node());
  return out;
}

std::vector<std::string> texts(const pugi::xml_node& group) {
  std::vector<std::string> out;
  for (const auto& t : group.select_nodes(".//text"))
    out.push_back(t.node().text().get());
  return out;
}

// (x, y) pairs of a polyline's points attribute.
std::vector<std::pair<double, double>> polyline_points(const pugi::xml_node& line) {
  std::vector<std::pair<double, double>> out;
  std::string text = line.attribute("points").value();
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t comma = text.find(',', at);
    std::size_t space = text.find(' ', comma);
    if (space == std::string::npos) space = text.size();
    out.emplace_back(std::stod(text.substr(at, comma - at)),
                     std::stod(text.substr(comma + 1, space - comma - 1)));
    at = space + 1;
  }
  return out;
}

viz::LineChart two_series() {
  viz::LineChart c;
  c.title = "Attack curves";
  c.x_title = "vertices removed";
  c.y_title = "share of A x B pairs joined";
  c.series.push_back({"degree", {{0, 1.0}, {1, 0.5}, {2, 0.25}, {3, 0.0}}});
  c.series.push_back({"random", {{0, 1.0}, {1, 0.75}, {2, 0.5}, {3, 0.25}}});
  return c;
}

}  // namespace

TEST_CASE("chart: series, legend, titles and ticks") {
  Parsed p;
  parse(viz::line_chart_svg(two_series()), p);
  const auto series = with_class(p.svg, "series");
  REQUIRE(series.size() == 2);
  CHECK(std::string(series[0].attribute("data-name").value()) == "degree");
  CHECK(std::string(series[1].attribute("data-name").value()) == "random");
  CHECK(series[0].select_nodes("polyline").size() == 1);
  const auto entries = with_class(p.svg, "legend-entry");
  REQUIRE(entries.size() == 2);
  CHECK(texts(entries[0]) == std::vector<std::string>{"degree"});
  CHECK(texts(entries[1]) == std::vector<std::string>{"random"});
  // Each series has its own colour, the same in the legend.
  const std::string c0 = series[0].child("polyline").attribute("stroke").value();
  const std::string c1 = series[1].child("polyline").attribute("stroke").value();
  CHECK(c0 != c1);
  CHECK(std::string(entries[0].child("line").attribute("stroke").value()) == c0);

  CHECK(with_class(p.svg, "chart-title").at(0).text().get() == std::string("Attack curves"));
  CHECK(with_class(p.svg, "x-title").at(0).text().get() == std::string("vertices removed"));
  CHECK(with_class(p.svg, "y-title").at(0).text().get() ==
        std::string("share of A x B pairs joined"));
  // Automatic ticks: x 0..3 by 0.5, y 0..1 by 0.2, printed with the decimals they need.
  const auto x_ticks = texts(with_class(p.svg, "x-ticks").at(0));
  CHECK(x_ticks == std::vector<std::string>{"0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"});
  const auto y_ticks = texts(with_class(p.svg, "y-ticks").at(0));
  CHECK(y_ticks == std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});
}

TEST_CASE("chart: points land on the axes' scale") {
  auto c = two_series();
  c.x_ticks = {{0, "start"}, {3, "end"}, {7, "beyond the range"}};
  Parsed p;
  parse(viz::line_chart_svg(c), p);
  // Given tick labels are used as they are; a tick outside the range is left out.
  CHECK(texts(with_class(p.svg, "x-ticks").at(0)) == std::vector<std::string>{"start", "end"});
  const auto pts = polyline_points(with_class(p.svg, "series").at(0).child("polyline"));
  REQUIRE(pts.size() == 4);
  // Equal x steps, y proportional: 1 -> top, 0 -> bottom, 0.5 half way.
  CHECK(pts[1].first - pts[0].first == doctest::Approx(pts[3].first - pts[2].first));
  CHECK(pts[0].second < pts[1].second);
  CHECK(pts[1].second == doctest::Approx((pts[0].second + pts[3].second) / 2).epsilon(1e-3));
  // The x tick lines sit under the first and last points.
  const auto grid = with_class(p.svg, "grid").at(0).select_nodes("line");
  CHECK(grid.first().node().attribute("x1").as_double() == doctest::Approx(pts[0].first));
}

TEST_CASE("chart: text is escaped") {
  viz::LineChart c;
  c.title = "A & B <sides> \"quoted\" 'single'";
  c.x_title = "x<1";
  c.y_title = "y>0 & more";
  c.series.push_back({"Wang & Smith <\"co-chairs\">", {{0, 1}, {1, 2}}});
  c.series.push_back({std::string("bell\x07 tab\tend"), {{0, 2}, {1, 1}}});
  c.x_ticks = {{0, "<2024>"}, {1, "2025 & after"}};
  const auto svg = viz::line_chart_svg(c);
  CHECK(svg.find("<sides>") == std::string::npos);
  CHECK(svg.find("&amp;") != std::string::npos);
  Parsed p;
  parse(svg, p);
  CHECK(with_class(p.svg, "chart-title").at(0).text().get() == c.title);
  CHECK(std::string(p.svg.child("title").text().get()) == c.title);
  CHECK(with_class(p.svg, "x-title").at(0).text().get() == c.x_title);
  const auto series = with_class(p.svg, "series");
  CHECK(std::string(series.at(0).attribute("data-name").value()) == c.series[0].name);
  CHECK(texts(with_class(p.svg, "legend-entry").at(0)) ==
        std::vector<std::string>{c.series[0].name});
  // The bell XML cannot hold shows as U+FFFD (viz/markup.hpp); the tab is kept.
  CHECK(texts(with_class(p.svg, "legend-entry").at(1)) ==
        std::vector<std::string>{"bell\xEF\xBF\xBD tab\tend"});
  CHECK(texts(with_class(p.svg, "x-ticks").at(0)) ==
        std::vector<std::string>{"<2024>", "2025 & after"});
}

TEST_CASE("chart: degenerate data") {
  SUBCASE("no series at all") {
    viz::LineChart c;
    c.title = "nothing";
    Parsed p;
    parse(viz::line_chart_svg(c), p);
    CHECK(with_class(p.svg, "series").empty());
    CHECK(with_class(p.svg, "legend-entry").empty());
    CHECK_FALSE(texts(with_class(p.svg, "x-ticks").at(0)).empty());  // axes [0, 1]
  }
  SUBCASE("an empty series still has its legend entry") {
    auto c = two_series();
    c.series.insert(c.series.begin() + 1, viz::ChartSeries{"no data", {}});
    Parsed p;
    parse(viz::line_chart_svg(c), p);
    const auto series = with_class(p.svg, "series");
    REQUIRE(series.size() == 3);
    CHECK(series[1].first_child().empty());
    CHECK(texts(with_class(p.svg, "legend").at(0)) ==
          std::vector<std::string>{"degree", "no data", "random"});
  }
  SUBCASE("a single point is a dot, on a finite range") {
    viz::LineChart c;
    c.series.push_back({"one", {{5, 2}}});
    const auto svg = viz::line_chart_svg(c);
    Parsed p;
    parse(svg, p);
    const auto series = with_class(p.svg, "series");
    REQUIRE(series.size() == 1);
    CHECK(series[0].select_nodes("polyline").empty());
    const auto dot = series[0].child("circle");
    REQUIRE(dot);
    CHECK(std::isfinite(dot.attribute("cx").as_double()));
    CHECK(std::isfinite(dot.attribute("cy").as_double()));
    CHECK(svg.find("nan") == std::string::npos);
    CHECK(svg.find("inf") == std::string::npos);
    // x: 5 +- 2.5 widened to round ticks, 2..8; y: 2 +- 1, 1..3.
    CHECK(texts(with_class(p.svg, "x-ticks").at(0)) ==
          std::vector<std::string>{"2", "3", "4", "5", "6", "7", "8"});
    CHECK(texts(with_class(p.svg, "y-ticks").at(0)).front() == "1.0");
  }
  SUBCASE("all-equal y values: a flat line in the middle of a real range") {
    viz::LineChart c;
    c.series.push_back({"flat", {{0, 0}, {1, 0}, {2, 0}}});
    c.series.push_back({"flat too", {{0, 0}, {2, 0}}});
    const auto svg = viz::line_chart_svg(c);
    CHECK(svg.find("nan") == std::string::npos);
    Parsed p;
    parse(svg, p);
    const auto pts = polyline_points(with_class(p.svg, "series").at(0).child("polyline"));
    REQUIRE(pts.size() == 3);
    CHECK(pts[0].second == pts[2].second);
    const auto y_ticks = texts(with_class(p.svg, "y-ticks").at(0));
    CHECK(y_ticks.front() == "-1.0");
    CHECK(y_ticks.back() == "1.0");
  }
  SUBCASE("a non-finite value breaks the line") {
    viz::LineChart c;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    c.series.push_back({"gappy", {{0, 1}, {1, 2}, {2, nan}, {3, 1}, {4, nan}, {5, 3}, {6, 2}}});
    Parsed p;
    parse(viz::line_chart_svg(c), p);
    const auto s = with_class(p.svg, "series").at(0);
    CHECK(s.select_nodes("polyline").size() == 2);
    CHECK(s.select_nodes("circle").size() == 1);  // (3, 1) stands alone
  }
  SUBCASE("given ranges clip") {
    auto c = two_series();
    c.y_min = 0.0;
    c.y_max = 0.5;
    Parsed p;
    parse(viz::line_chart_svg(c), p);
    CHECK(texts(with_class(p.svg, "y-ticks").at(0)).back() == "0.5");
    CHECK(std::string(with_class(p.svg, "series").at(0).attribute("clip-path").value()) ==
          "url(#chart-plot)");
  }
}

TEST_CASE("chart: many series cycle colours then dashes; end labels; determinism") {
  viz::LineChart c;
  c.title = "betweenness over time";
  c.end_labels = true;
  for (int i = 0; i < 12; ++i)
    c.series.push_back({"actor " + std::to_string(i), {{2020, i * 1.0}, {2021, i * 1.0 + 0.1}}});
  const auto svg = viz::line_chart_svg(c);
  CHECK(svg == viz::line_chart_svg(c));
  Parsed p;
  parse(svg, p);
  const auto series = with_class(p.svg, "series");
  REQUIRE(series.size() == 12);
  const auto stroke = [&](std::size_t i) {
    return std::string(series[i].child("polyline").attribute("stroke").value());
  };
  CHECK(stroke(0) != stroke(1));
  CHECK(stroke(8) == stroke(0));  // the palette has eight colours...
  CHECK(std::string(series[8].child("polyline").attribute("stroke-dasharray").value()) ==
        "6 3");  // ...and the next eight are dashed
  CHECK_FALSE(series[0].child("polyline").attribute("stroke-dasharray"));
  const auto labels = texts(with_class(p.svg, "end-labels").at(0));
  CHECK(labels.size() == 12);
  // End labels never overlap: at least 14 px apart.
  std::vector<double> ys;
  for (const auto& t : with_class(p.svg, "end-labels").at(0).select_nodes("text"))
    ys.push_back(t.node().attribute("y").as_double());
  std::sort(ys.begin(), ys.end());
  for (std::size_t i = 1; i < ys.size(); ++i)
    CHECK(ys[i] - ys[i - 1] >= 14.0 - 1e-9);
  // A long name is shortened in the legend but kept whole in data-name.
  c.series[0].name = std::string(60, 'n');
  Parsed q;
  parse(viz::line_chart_svg(c), q);
  CHECK(std::string(with_class(q.svg, "series").at(0).attribute("data-name").value()) ==
        c.series[0].name);
  const auto legend = texts(with_class(q.svg, "legend-entry").at(0));
  CHECK(legend.at(0) == std::string(39, 'n') + "\u2026");
}

TEST_CASE("chart: stacked charts share one document") {
  auto top = two_series();
  top.id = "top";
  auto bottom = two_series();
  bottom.id = "bottom";
  bottom.title = "second";
  bottom.series.pop_back();
  for (auto& pt : bottom.series[0].points)
    pt.y *= 100000.0;  // wider y tick labels than the top chart's
  const auto svg = viz::stacked_charts_svg({top, bottom}, "two & more");
  Parsed p;
  parse(svg, p);
  CHECK(std::string(p.svg.child("title").text().get()) == "two & more");
  std::vector<pugi::xml_node> charts;
  for (const auto& c : p.svg.select_nodes("svg"))
    charts.push_back(c.node());
  REQUIRE(charts.size() == 2);
  CHECK(charts[0].attribute("y").as_double() == 0.0);
  CHECK(charts[1].attribute("y").as_double() == charts[0].attribute("height").as_double());
  CHECK(with_class(charts[0], "series").size() == 2);
  CHECK(with_class(p.svg, "series").size() == 3);
  CHECK(p.svg.attribute("height").as_double() == doctest::Approx(2 * 480.0));
  // The plots line up: both y axes at the same x, though the labels differ in width.
  const auto axis_x = [&](const pugi::xml_node& chart) {
    return with_class(chart, "axes").at(0).child("line").attribute("x1").as_double();
  };
  CHECK(axis_x(charts[0]) == axis_x(charts[1]));
  CHECK(axis_x(charts[0]) > 44.0 + 7.0 * 3);
  // Clip paths keep their charts' ids apart.
  CHECK(svg.find("id=\"top-plot\"") != std::string::npos);
  CHECK(svg.find("id=\"bottom-plot\"") != std::string::npos);
}
