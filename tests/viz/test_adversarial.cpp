// The adversarial fixture (tests/support/adversarial.hpp) drawn by Graphviz and charted: the
// SVG is well-formed UTF-8 holding only XML characters (iconv), parses, holds no element or
// event attribute the data injected, and shows every text as written (or as viz/markup.hpp's
// replacement); the DOT text Graphviz would read back holds no NUL.
#include <algorithm>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "support/adversarial.hpp"
#include "viz/chart.hpp"
#include "viz/markup.hpp"
#include "viz/render.hpp"

namespace {

using actornet::graph::Graph;
using actornet::graph::View;
using actornet::testing::adversarial_graph;
using actornet::testing::xml_safe;
namespace viz = actornet::viz;

// Every element Graphviz's SVG renderer and our charts write.
const std::set<std::string> kSvgElements{"svg",  "g",       "title",    "text", "polygon",
                                         "path", "ellipse", "polyline", "a",    "circle",
                                         "line", "rect",    "clipPath", "defs", "desc"};

// Checks that no element or attribute of `svg` could run code or came from the data.
void check_inert(const pugi::xml_node& root) {
  for (const auto& x : root.select_nodes("//*")) {
    const auto node = x.node();
    CAPTURE(node.name());
    CHECK(kSvgElements.count(node.name()) == 1);
    for (const auto& attribute : node.attributes()) {
      const std::string name = attribute.name();
      CAPTURE(name);
      CHECK_FALSE((name.size() > 2 && (name[0] == 'o' || name[0] == 'O') &&
                   (name[1] == 'n' || name[1] == 'N')));
      if (name == "href" || name == "xlink:href") CHECK(attribute.value()[0] == '#');
    }
  }
}

std::vector<std::string> all_texts(const pugi::xml_node& root, const char* xpath) {
  std::vector<std::string> out;
  for (const auto& x : root.select_nodes(xpath))
    out.push_back(x.node().text().get());
  return out;
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

TEST_CASE("adversarial render: the SVG is well-formed, inert, and shows the text as written") {
  const Graph g = adversarial_graph();
  const auto view = View::build(g);
  viz::RenderOptions options;
  options.title = "<script>alert('title')</script> & \x01\xff";
  const std::string svg = viz::render(g, view, options);
  CHECK(xml_safe(svg));
  pugi::xml_document doc;
  const auto parsed = doc.load_string(svg.c_str());
  INFO(parsed.description());
  REQUIRE(parsed);
  check_inert(doc.document_element());

  // Node names (the <title> of each node group) are the ids, with replacements; '%1' is
  // named by Graphviz itself (cgraph takes '%' names for anonymous nodes).
  // Graphviz writes the second of two spaces as U+00A0 (so that SVG keeps both).
  auto titles = all_texts(doc, "//*[@class='node']/title");
  for (auto& title : titles)
    for (auto at = title.find("\xC2\xA0"); at != std::string::npos; at = title.find("\xC2\xA0"))
      title.replace(at, 2, " ");
  CHECK(titles.size() == g.node_count());
  for (const auto& node : g.nodes()) {
    if (node.id.starts_with('%')) continue;
    CAPTURE(node.id);
    CHECK(has(titles, viz::xml_text(node.id)));
  }
  // Labels and tooltips show markup, DOT syntax, entities and escapes as written.
  const auto texts = all_texts(doc, "//text");
  for (const std::string label : {"<script>alert(1)</script>", "b; } <<b>x</b>>", "backslash\\",
                                  "%1", "graph &amp;", "&bogus;", "&nbsp;&#65;"})
    CHECK(has(texts, label));
  std::vector<std::string> tooltips;
  for (const auto& x : doc.select_nodes("//*[@class='node']//a"))
    tooltips.push_back(x.node().attribute("xlink:title").value());
  for (const std::string tooltip :
       {"<script>alert(1)</script> (person)", "\"double\" and 'single' quotes (agency)",
        "digraph { a -> b; } <<b>x</b>> (<kind onclick=alert(3)>)",
        "ends with a backslash\\ (person)",
        "lone \xEF\xBF\xBD overlong \xEF\xBF\xBD\xEF\xBF\xBD "
        "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
        "(kind\xEF\xBF\xBD)"})
    CHECK(has(tooltips, tooltip));
  // The legend lists kinds, side values and relations as text; long ones are cut.
  for (const std::string entry : {"<kind onclick=alert(3)>", "<b>B</b> & \"C\"", "<b>met_with</b>",
                                  "<script>alert(24)</script>", "rel\xEF\xBF\xBD"})
    CHECK(has(texts, entry));
  CHECK(has(texts, "<script>alert('title')</script> & \xEF\xBF\xBD\xEF\xBF\xBD"));
  CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.starts_with("<script>alert('x')</script> &") && t.ends_with("\xE2\x80\xA6");
  }));
  // A 10 kB label is cut in the picture; the tooltip keeps all of it.
  CHECK(svg.size() < 200000);
}

TEST_CASE("adversarial render: the DOT text is what Graphviz reads back") {
  const Graph g = adversarial_graph();
  viz::RenderOptions options;
  options.format = viz::OutputFormat::Dot;
  const std::string dot = viz::render(g, View::build(g), options);
  CHECK(actornet::testing::utf8_decode(dot));
  CHECK(dot.find('\0') == std::string::npos);
  // The legend is an HTML-like label: no data text in it is markup.
  const auto begin = dot.find("label=<<TABLE");
  REQUIRE(begin != std::string::npos);
  const auto legend = dot.substr(begin, dot.find("</TABLE>>", begin) - begin);
  CHECK(legend.find("<b>") == std::string::npos);
  CHECK(legend.find("<kind") == std::string::npos);
  CHECK(legend.find("&lt;b&gt;met_with&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("adversarial render: ids that differ only in replaced characters stay two nodes") {
  Graph g;
  g.add_node("a\x01");
  g.add_node("a\x02");
  g.add_node("a\xEF\xBF\xBD");  // what both would be written as
  g.add_edge({.source = 0, .target = 1});
  const std::string svg = viz::render(g, View::build(g), {});
  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  const auto titles = all_texts(doc, "//*[@class='node']/title");
  CHECK(titles.size() == 3);
  CHECK(std::set<std::string>(titles.begin(), titles.end()).size() == 3);
  CHECK(all_texts(doc, "//*[@class='edge']").size() == 1);
}

TEST_CASE("adversarial chart: series named by the fixture's labels") {
  const Graph g = adversarial_graph();
  viz::LineChart chart;
  chart.title = g.node(0).label;
  chart.x_title = "\"x\" & <x>";
  for (const auto& node : g.nodes())
    chart.series.push_back({node.label, {{0, 1}, {1, 2}}});
  chart.x_ticks = {{0, "<tick onclick=alert(1)>"}, {1, "\xc0\xaf"}};
  chart.end_labels = true;
  const std::string svg = viz::line_chart_svg(chart);
  CHECK(xml_safe(svg));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  check_inert(doc.document_element());
  std::vector<std::string> names;
  for (const auto& x : doc.select_nodes("//*[@class='series']"))
    names.push_back(x.node().attribute("data-name").value());
  REQUIRE(names.size() == g.node_count());
  for (std::size_t i = 0; i < g.node_count(); ++i)
    CHECK(names[i] == viz::xml_text(g.node(static_cast<actornet::graph::NodeIndex>(i)).label));
  const auto texts = all_texts(doc, "//text");
  CHECK(has(texts, "<tick onclick=alert(1)>"));
  CHECK(has(texts, "\xEF\xBF\xBD\xEF\xBF\xBD"));
}
