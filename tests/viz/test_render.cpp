// Tests for viz/render: the DOT text (before layout) and the SVG (after layout) carry every
// node and edge of the view with its style, the legend lists exactly what is drawn, bundling
// counts parallel ties, output is reproducible, and degenerate graphs render.
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "graph/style.hpp"
#include "support/make_graph.hpp"
#include "viz/render.hpp"

namespace {

using actornet::graph::Graph;
using actornet::graph::View;
using actornet::testing::make_graph;
namespace viz = actornet::viz;
namespace style = actornet::graph::style;

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

// The DOT statement of node `id` (from its name to the closing `];`).
std::string node_statement(const std::string& dot, const std::string& id) {
  const auto at = dot.find("\n\t" + id + "\t[");
  if (at == std::string::npos) return {};
  return dot.substr(at, dot.find("];", at) - at);
}

std::string dot_of(const Graph& g, const View& v, viz::RenderOptions o = {}) {
  o.format = viz::OutputFormat::Dot;
  return viz::render(g, v, o);
}

//   alice(person, CN) ==met_with/co_chairs== bob(position, US) --leads--> agency1(agency)
//   plus an isolated document
Graph fixture() {
  auto g = make_graph({{"alice", "bob", "met_with"},
                       {"alice", "bob", "co_chairs"},
                       {"bob", "agency1", "leads", true}},
                      {"paper"});
  g.node(*g.find_node("alice")).kind = g.kinds().intern("person");
  g.node(*g.find_node("bob")).kind = g.kinds().intern("position");
  g.node(*g.find_node("agency1")).kind = g.kinds().intern("agency");
  g.node(*g.find_node("paper")).kind = g.kinds().intern("document");
  g.node(*g.find_node("alice")).label = "Alice Example-Longname of the Ministry";
  const auto side = g.node_attributes().declare("side", actornet::graph::AttrType::String);
  g.node_attributes().set(side, *g.find_node("alice"), std::string("CN"));
  g.node_attributes().set(side, *g.find_node("bob"), std::string("US"));
  const auto conf = g.edge_attributes().declare("confidence", actornet::graph::AttrType::Real);
  g.edge_attributes().set(conf, 1, 0.5);  // co_chairs is low confidence
  return g;
}

}  // namespace

TEST_CASE("formats by name and by extension") {
  CHECK(viz::output_format_from_name("SVG") == viz::OutputFormat::Svg);
  CHECK(viz::output_format_from_name("gv") == viz::OutputFormat::Dot);
  CHECK_FALSE(viz::output_format_from_name("jpeg"));
  CHECK(viz::output_format_from_path("out/a.b/pic.PNG") == viz::OutputFormat::Png);
  CHECK(viz::output_format_from_path("x.pdf") == viz::OutputFormat::Pdf);
  CHECK_FALSE(viz::output_format_from_path("noext"));
  CHECK_FALSE(viz::output_format_from_path("dir.svg/file"));
  CHECK(viz::parallel_draw_from_name("bundle") == viz::ParallelDraw::Bundle);
  CHECK(viz::default_layout(10) == "neato");
  CHECK(viz::default_layout(5000) == "sfdp");
}

TEST_CASE("style: palette is deterministic, distinct and readable") {
  const auto a = style::category_colours({"US", "CN", "neutral", "CN"});
  const auto b = style::category_colours({"neutral", "US", "CN"});
  CHECK(a.size() == 3);
  CHECK(a.at("CN") == b.at("CN"));
  CHECK(a.at("CN") == style::category_colour(0));
  // The first three categories differ clearly in greyscale.
  CHECK(std::abs(style::category_colour(0).luminance() - style::category_colour(1).luminance()) >
        0.2);
  CHECK(std::abs(style::category_colour(1).luminance() - style::category_colour(2).luminance()) >
        0.2);
  CHECK(style::category_colour(8) != style::category_colour(0));
  CHECK(style::kind_style("person").graphviz_shape == "ellipse");
  CHECK(style::kind_style("anything").graphviz_shape == style::kind_style("other").graphviz_shape);
  CHECK(style::relation_style(8).penwidth > style::relation_style(0).penwidth);
  CHECK(style::relation_style(16).dotted);
}

TEST_CASE("DOT: every node and edge with its shape, colour and label; legend lists what is drawn") {
  const auto g = fixture();
  const auto v = View::build(g);
  const auto dot = dot_of(g, v);
  INFO(dot);
  CHECK(dot.rfind("digraph actornet {", 0) == 0);  // the view is directed (one directed edge)
  const auto colours = style::category_colours({"CN", "US"});
  const auto alice = node_statement(dot, "alice");
  CHECK(alice.find("shape=ellipse") != std::string::npos);
  CHECK(alice.find(colours.at("CN").hex()) != std::string::npos);
  CHECK(alice.find(R"(label="Alice\nExample-Longname\nof the Ministry")") != std::string::npos);
  CHECK(node_statement(dot, "bob").find("shape=box") != std::string::npos);
  CHECK(node_statement(dot, "bob").find(colours.at("US").hex()) != std::string::npos);
  CHECK(node_statement(dot, "agency1").find("shape=hexagon") != std::string::npos);
  CHECK(node_statement(dot, "paper").find("shape=note") != std::string::npos);
  CHECK(node_statement(dot, "paper").find(style::missing_colour().hex()) != std::string::npos);
  // Three edges: two parallel undirected ties without arrows, one directed.
  CHECK(count(dot, "alice -> bob") == 2);
  CHECK(count(dot, "bob -> agency1") == 1);
  CHECK(count(dot, "dir=none") == 2);
  CHECK(count(dot, "style=dashed") == 1);  // confidence 0.5
  const auto styles = style::relation_styles({"co_chairs", "leads", "met_with"});
  CHECK(dot.find(styles.at("leads").colour.hex()) != std::string::npos);
  // Legend: exactly the kinds and relations present.
  for (const char* word : {">person<", ">position<", ">agency<", ">document<", ">met_with<",
                           ">co_chairs<", ">leads<", ">CN<", ">US<", ">(none)<"})
    CHECK_MESSAGE(dot.find(word) != std::string::npos, word);
  for (const char* word : {">country<", ">event<", ">forum<", ">related_to<"})
    CHECK_MESSAGE(dot.find(word) == std::string::npos, word);
  CHECK(dot.find("confidence &lt; 0.7") != std::string::npos);
}

TEST_CASE("undirected view: no arrows, every view edge drawn") {
  const auto g = fixture();
  actornet::graph::ViewOptions o;
  o.direction = actornet::graph::DirectionPolicy::Undirected;
  const auto v = View::build(g, o);
  const auto dot = dot_of(g, v);
  CHECK(dot.rfind("graph actornet {", 0) == 0);
  CHECK(count(dot, " -- ") == v.edge_count());
  CHECK(dot.find("dir=") == std::string::npos);
  CHECK(dot.find("directed tie") == std::string::npos);
}

TEST_CASE("bundle: one edge per pair labelled with the count and relations") {
  auto g = make_graph({{"a", "b", "met_with"},
                       {"b", "a", "called"},
                       {"a", "b", "met_with"},
                       {"b", "c", "leads", true}});
  const auto v = View::build(g);
  viz::RenderOptions o;
  o.parallel = viz::ParallelDraw::Bundle;
  const auto dot = dot_of(g, v, o);
  INFO(dot);
  CHECK(count(dot, " -> ") == 2);
  CHECK(dot.find(R"(label="3: called, met_with")") != std::string::npos);
  CHECK(dot.find("penwidth=3.2") != std::string::npos);  // 1.2 + 1 per extra tie
  CHECK(count(dot, "dir=none") == 1);
  CHECK(dot.find(">several relations<") != std::string::npos);
}

TEST_CASE("options: label_top, sizes, clusters, errors") {
  const auto g = fixture();
  const auto v = View::build(g);
  viz::RenderOptions o;
  o.sizes = {3, 3, 1, 0};
  o.size_label = "degree";
  o.label_top = 2;
  const auto dot = dot_of(g, v, o);
  CHECK(node_statement(dot, "agency1").find(R"(label="")") != std::string::npos);
  CHECK(node_statement(dot, "bob").find(R"(label=bob)") != std::string::npos);
  CHECK(dot.find("node area: degree") != std::string::npos);

  o = {};
  o.cluster_by = "side";
  const auto clustered = dot_of(g, v, o);
  CHECK(clustered.find("subgraph cluster_0") != std::string::npos);
  CHECK(clustered.find("subgraph cluster_1") != std::string::npos);
  CHECK(clustered.find("layout=fdp") != std::string::npos);

  o = {};
  o.layout = "spring";
  CHECK_THROWS_AS(viz::render(g, v, o), actornet::InputError);
  o = {};
  o.color_by = "colour";
  CHECK_THROWS_AS(viz::render(g, v, o), actornet::InputError);
  o = {};
  o.cluster_by = "side";
  o.layout = "neato";
  CHECK_THROWS_AS(viz::render(g, v, o), actornet::InputError);
  o = {};
  o.sizes = {1.0};
  CHECK_THROWS_AS(viz::render(g, v, o), actornet::InputError);
}

TEST_CASE("SVG: every node and edge; byte-identical for the same seed") {
  const auto g = fixture();
  const auto v = View::build(g);
  for (const char* layout : {"neato", "fdp", "sfdp"}) {
    viz::RenderOptions o;
    o.layout = layout;
    o.title = "Test & <title>";
    const auto first = viz::render(g, v, o);
    const auto second = viz::render(g, v, o);
    CHECK_MESSAGE(first == second, layout);
    CHECK(count(first, R"(class="node")") == 4);
    CHECK(count(first, R"(class="edge")") == 3);
    for (const char* id : {"alice", "bob", "agency1", "paper"})
      CHECK(first.find(std::string("<title>") + id + "</title>") != std::string::npos);
    CHECK(first.find("Test &amp; &lt;title&gt;") != std::string::npos);
  }
}

TEST_CASE("PNG and PDF render in-process") {
  const auto g = fixture();
  const auto v = View::build(g);
  viz::RenderOptions o;
  o.format = viz::OutputFormat::Png;
  const auto png = viz::render(g, v, o);
  REQUIRE(png.size() > 8);
  CHECK(png.substr(1, 3) == "PNG");
  o.format = viz::OutputFormat::Pdf;
  const auto pdf = viz::render(g, v, o);
  CHECK(pdf.rfind("%PDF", 0) == 0);
  CHECK(pdf == viz::render(g, v, o));  // creation date neutralised
}

TEST_CASE("layout positions: one per vertex, finite, reproducible") {
  const auto g = fixture();
  const auto v = View::build(g);
  viz::RenderOptions o;
  const auto p = viz::layout_positions(g, v, o);
  REQUIRE(p.size() == v.vertex_count());
  for (auto [x, y] : p)
    CHECK((std::isfinite(x) && std::isfinite(y)));
  CHECK(p != std::vector<std::pair<double, double>>(p.size(), p.front()));
  CHECK(p == viz::layout_positions(g, v, o));
}

TEST_CASE("ego network by breadth-first search in either direction") {
  //  a -> b -> c -> d,  e alone
  const auto g =
      make_graph({{"a", "b", "x", true}, {"b", "c", "x", true}, {"c", "d", "x", true}}, {"e"});
  const auto v = View::build(g);
  using V = std::vector<actornet::graph::Vertex>;
  CHECK(viz::ego_vertices(v, {2}, 0) == V{2});
  CHECK(viz::ego_vertices(v, {2}, 1) == V{1, 2, 3});
  CHECK(viz::ego_vertices(v, {0}, 2) == V{0, 1, 2});
  CHECK(viz::ego_vertices(v, {0, 4}, 9) == V{0, 1, 2, 3, 4});
}

TEST_CASE("degenerate graphs render in every layout") {
  std::vector<Graph> graphs;
  graphs.push_back(Graph{});                               // empty
  graphs.push_back(make_graph({}, {"only"}));              // one node
  graphs.push_back(make_graph({{"a", "a", "met_with"}}));  // self-loop
  graphs.push_back(make_graph({{"a", "a", "met_with"}, {"a", "a", "called", true}}));
  graphs.push_back(make_graph({{"a", "b", "met_with"}, {"a", "b", "co_chairs"}}));  // parallel
  graphs.push_back(make_graph({{"a", "b", "x"}, {"c", "d", "y"}}));                 // disconnected
  for (const auto& g : graphs) {
    const auto v = View::build(g);
    for (const auto& layout : viz::layout_names())
      for (auto parallel : {viz::ParallelDraw::Draw, viz::ParallelDraw::Bundle}) {
        viz::RenderOptions o;
        o.layout = layout;
        o.parallel = parallel;
        CAPTURE(layout);
        CAPTURE(g.node_count());
        std::string svg;
        CHECK_NOTHROW(svg = viz::render(g, v, o));
        CHECK(count(svg, R"(class="node")") == v.vertex_count());
        CHECK(viz::layout_positions(g, v, o).size() == v.vertex_count());
      }
  }
}

// ---- the bundled dataset, read with a minimal CSV reader (viz tests link no importer) ----

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

Graph bundled_dataset() {
  const std::string dir = std::string(ACTORNET_SOURCE_DIR) + "/datasets/us-china-law-enforcement";
  Graph g;
  const auto nodes = read_csv(dir + "/nodes.csv");
  const auto side = g.node_attributes().declare("side", actornet::graph::AttrType::String);
  for (std::size_t r = 1; r < nodes.size(); ++r) {
    const auto n = g.add_node(nodes[r][0], nodes[r][1], nodes[r][2]);
    g.node_attributes().set(side, n, nodes[r][6]);
  }
  const auto edges = read_csv(dir + "/edges.csv");
  for (std::size_t r = 1; r < edges.size(); ++r) {
    actornet::graph::EdgeSpec spec;
    spec.source = *g.find_node(edges[r][1]);
    spec.target = *g.find_node(edges[r][2]);
    spec.directed = edges[r][3] == "directed";
    spec.relation = edges[r][4];
    g.add_edge(spec);
  }
  return g;
}

}  // namespace

TEST_CASE("the bundled dataset renders in every layout") {
  const auto g = bundled_dataset();
  REQUIRE(g.node_count() > 50);
  const auto v = View::build(g);
  for (const auto& layout : viz::layout_names()) {
    viz::RenderOptions o;
    o.layout = layout;
    CAPTURE(layout);
    std::string svg;
    CHECK_NOTHROW(svg = viz::render(g, v, o));
    CHECK(count(svg, R"(class="node")") == v.vertex_count());
    // Undirected ties are two view edges in this directed view but are drawn once.
    std::size_t undirected = 0;
    for (const auto& e : g.edges())
      undirected += e.directed ? 0 : 1;
    CHECK(count(svg, R"(class="edge")") == v.edge_count() - undirected);
  }
}
