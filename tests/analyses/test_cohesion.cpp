// Cohesion (analyses/cohesion.hpp) against igraph on seeded random multigraphs of every shape
// the View can produce (directed, undirected and mixed graphs; parallel edges of different
// relations; self-loops; isolated vertices; several components; every parallel policy, both
// direction policies): igraph_connected_components (weak and strong), igraph_articulation_points,
// igraph_bridges plus the multigraph rule (pairs counted from the Graph's own edge list, not
// through the View), and igraph_coreness on the simplified undirected graph. Then tiny cases
// worked out by hand and a long path that a recursive search would not survive.
#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/cohesion.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"
#include "support/random_graph.hpp"

using namespace actornet;
using analyses::cohesion;
using graph::View;
using testing::make_graph;

namespace {

namespace ig = graph::ig;

using Shape = testing::RandomShape;
using testing::random_graph;

// igraph labels -> 1..k by size, largest first, ties by smallest vertex (the documented order).
std::vector<std::uint32_t> renumber(const ig::IntVector& labels,
                                    std::vector<std::uint32_t>& sizes) {
  const auto raw = labels.to_std();
  std::map<double, std::pair<std::uint32_t, std::uint32_t>> group;  // label -> (size, first)
  for (std::uint32_t v = 0; v < raw.size(); ++v) {
    auto [it, fresh] = group.try_emplace(raw[v], 0u, v);
    ++it->second.first;
  }
  std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> order;  // (-size, first, label)
  for (const auto& [label, sf] : group)
    order.emplace_back(~sf.first, sf.second, label);
  std::sort(order.begin(), order.end());
  std::map<double, std::uint32_t> number;
  sizes.clear();
  for (std::size_t i = 0; i < order.size(); ++i) {
    number[std::get<2>(order[i])] = static_cast<std::uint32_t>(i + 1);
    sizes.push_back(~std::get<0>(order[i]));
  }
  std::vector<std::uint32_t> out;
  for (double l : raw)
    out.push_back(number[l]);
  return out;
}

std::vector<std::uint32_t> igraph_components(const View& view, igraph_connectedness_t mode,
                                             std::vector<std::uint32_t>& sizes) {
  ig::Graph g(view);
  ig::IntVector labels;
  igraph_integer_t count = 0;
  ig::check(igraph_connected_components(g.get(), labels.get(), nullptr, &count, mode));
  return renumber(labels, sizes);
}

ig::Graph simple_undirected(const View& view) {
  ig::Graph g(view);
  if (view.directed())
    ig::check(igraph_to_undirected(g.get(), IGRAPH_TO_UNDIRECTED_COLLAPSE, nullptr));
  ig::check(igraph_simplify(g.get(), true, true, nullptr));
  return g;
}

// What the cohesion functions should return, from igraph and the Graph's own edge list.
struct Expected {
  std::vector<std::uint32_t> component, component_sizes, strong_component, strong_sizes;
  std::vector<graph::Vertex> articulation_points;
  std::vector<std::tuple<graph::Vertex, graph::Vertex, graph::EdgeIndex>> bridges;
  std::vector<std::uint32_t> coreness;
};

Expected expected(const graph::Graph& graph, const View& view) {
  Expected x;
  x.component = igraph_components(view, IGRAPH_WEAK, x.component_sizes);
  if (view.directed()) x.strong_component = igraph_components(view, IGRAPH_STRONG, x.strong_sizes);
  auto simple = simple_undirected(view);
  ig::IntVector points;
  ig::check(igraph_articulation_points(simple.get(), points.get()));
  for (double p : points.to_std())
    x.articulation_points.push_back(static_cast<graph::Vertex>(p));
  std::sort(x.articulation_points.begin(), x.articulation_points.end());
  // Multigraph rule: the graph edges tying each unordered pair of distinct vertices.
  std::map<std::pair<graph::Vertex, graph::Vertex>, std::vector<graph::EdgeIndex>> tying;
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    auto u = view.vertex_of(graph.edge(e).source), v = view.vertex_of(graph.edge(e).target);
    if (u == graph::kNoVertex || v == graph::kNoVertex || u == v) continue;
    tying[{std::min(u, v), std::max(u, v)}].push_back(e);
  }
  ig::IntVector found;
  ig::check(igraph_bridges(simple.get(), found.get()));
  for (double id : found.to_std()) {
    igraph_integer_t from = 0, to = 0;
    ig::check(igraph_edge(simple.get(), static_cast<igraph_integer_t>(id), &from, &to));
    const auto u = static_cast<graph::Vertex>(std::min(from, to));
    const auto v = static_cast<graph::Vertex>(std::max(from, to));
    const auto& edges = tying.at({u, v});
    if (edges.size() == 1) x.bridges.emplace_back(u, v, edges.front());
  }
  std::sort(x.bridges.begin(), x.bridges.end());
  ig::IntVector cores;
  ig::check(igraph_coreness(simple.get(), cores.get(), IGRAPH_ALL));
  for (double c : cores.to_std())
    x.coreness.push_back(static_cast<std::uint32_t>(c));
  return x;
}

std::vector<std::tuple<graph::Vertex, graph::Vertex, graph::EdgeIndex>> bridge_list(
    const analyses::CohesionResult& r) {
  std::vector<std::tuple<graph::Vertex, graph::Vertex, graph::EdgeIndex>> out;
  for (const auto& b : r.bridges)
    out.emplace_back(b.u, b.v, b.edge);
  return out;
}

void check_against_igraph(const graph::Graph& graph, const View& view) {
  const auto x = expected(graph, view);
  analyses::CohesionOptions no_blocks;
  no_blocks.blocks = false;
  const auto r = cohesion(view, no_blocks);
  CHECK(r.component == x.component);
  CHECK(r.component_sizes == x.component_sizes);
  CHECK(r.strong_component == x.strong_component);
  CHECK(r.strong_component_sizes == x.strong_sizes);
  CHECK(r.articulation_points == x.articulation_points);
  CHECK(bridge_list(r) == x.bridges);
  CHECK(r.coreness == x.coreness);
  CHECK(!r.has_blocks);
  CHECK(r.blocks.empty());
}

constexpr graph::ParallelPolicy kPolicies[] = {
    graph::ParallelPolicy::Keep, graph::ParallelPolicy::Count, graph::ParallelPolicy::Sum,
    graph::ParallelPolicy::Max, graph::ParallelPolicy::Any};

}  // namespace

TEST_CASE("cohesion: components, cut points, bridges and coreness match igraph") {
  std::uint32_t seed = 1;
  std::uint32_t bridges_seen = 0, cut_points_seen = 0, multi_pairs_seen = 0;
  for (auto direction : {Shape::Directed, Shape::Undirected, Shape::Mixed}) {
    for (std::uint32_t nodes : {2u, 5u, 12u, 40u}) {
      for (std::uint32_t density : {1u, 2u, 4u}) {  // edges per two vertices
        for (int repeat = 0; repeat < 4; ++repeat, ++seed) {
          Shape shape;
          shape.direction = direction;
          shape.nodes = nodes;
          shape.edges = nodes * density / 2;
          shape.isolated = seed % 3;
          shape.components = 1 + seed % 3;
          shape.loop_share = seed % 2 == 0 ? 0.1 : 0.0;
          shape.parallel_share = seed % 4 == 0 ? 0.0 : 0.2;
          shape.weights = false;
          shape.reverse_repeats = true;
          const auto g = random_graph(shape, seed);
          CAPTURE(seed);
          std::vector<std::tuple<bool, analyses::CohesionResult>> by_view;
          for (auto dp : {graph::DirectionPolicy::AsStored, graph::DirectionPolicy::Undirected}) {
            for (auto pp : kPolicies) {
              graph::ViewOptions o;
              o.direction = dp;
              o.parallel = pp;
              const auto view = View::build(g, o);
              CAPTURE(graph::to_string(dp));
              CAPTURE(graph::to_string(pp));
              check_against_igraph(g, view);
              analyses::CohesionOptions no_blocks;
              no_blocks.blocks = false;
              by_view.emplace_back(view.directed(), cohesion(view, no_blocks));
            }
          }
          // Nothing but reachability and the graph edges behind each pair matters: every
          // policy gives the same answer.
          const auto& [first_directed, first] = by_view.front();
          for (const auto& [directed, r] : by_view) {
            CHECK(r.component == first.component);
            CHECK(r.articulation_points == first.articulation_points);
            CHECK(bridge_list(r) == bridge_list(first));
            CHECK(r.coreness == first.coreness);
            if (directed == first_directed) CHECK(r.strong_component == first.strong_component);
          }
          bridges_seen += static_cast<std::uint32_t>(first.bridges.size());
          cut_points_seen += static_cast<std::uint32_t>(first.articulation_points.size());
          std::map<std::pair<graph::NodeIndex, graph::NodeIndex>, int> pairs;
          for (const auto& e : g.edges())
            if (e.source != e.target &&
                ++pairs[{std::min(e.source, e.target), std::max(e.source, e.target)}] == 2)
              ++multi_pairs_seen;
        }
      }
    }
  }
  // The random graphs do exercise what they are meant to.
  CHECK(bridges_seen > 100);
  CHECK(cut_points_seen > 100);
  CHECK(multi_pairs_seen > 50);
}

TEST_CASE("cohesion: a pair tied by two graph edges has no bridge, whatever the edges") {
  //  x - a = b - y: a and b tied twice (the two edges differ per case), x - a and b - y once.
  struct Case {
    const char* name;
    testing::EdgeRow first, second;
  };
  const Case cases[] = {
      {"two relations", {"a", "b", "met_with"}, {"a", "b", "co_chairs"}},
      {"same relation", {"a", "b"}, {"a", "b"}},
      {"opposite arcs", {"a", "b", "called", true}, {"b", "a", "called", true}},
      {"same arc twice", {"a", "b", "called", true}, {"a", "b", "called", true}},
      {"arc and edge", {"a", "b", "called", true}, {"b", "a"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto g = make_graph({{"x", "a"}, c.first, c.second, {"b", "y"}});
    for (auto pp : kPolicies) {
      for (auto dp : {graph::DirectionPolicy::AsStored, graph::DirectionPolicy::Undirected}) {
        graph::ViewOptions o;
        o.parallel = pp;
        o.direction = dp;
        const auto v = View::build(g, o);
        const auto r = cohesion(v);
        std::set<std::string> bridged;
        for (const auto& b : r.bridges)
          bridged.insert(g.node(v.node_of(b.u)).id + g.node(v.node_of(b.v)).id);
        CHECK(bridged == std::set<std::string>{"xa", "by"});
        CHECK(r.articulation_points.size() == 2);  // a and b
        check_against_igraph(g, v);
      }
    }
  }
}

TEST_CASE("cohesion: one undirected edge shown as two arcs is one edge, and a bridge") {
  //  a -> b (directed, so the View is directed), b - c undirected: arcs b->c and c->b.
  auto g = make_graph({{"a", "b", "called", true}, {"b", "c"}});
  for (auto pp : kPolicies) {
    graph::ViewOptions o;
    o.parallel = pp;
    const auto v = View::build(g, o);
    REQUIRE(v.directed());
    const auto r = cohesion(v);
    REQUIRE(r.bridges.size() == 2);
    CHECK(r.bridges[1].edge == 1);  // b - c, the one graph edge
    CHECK(r.articulation_points == std::vector<graph::Vertex>{1});
    CHECK(r.strong_component_sizes == std::vector<std::uint32_t>{2, 1});  // {b, c}, {a}
    CHECK(r.strong_component == std::vector<std::uint32_t>{2, 1, 1});
    CHECK(r.coreness == std::vector<std::uint32_t>{1, 1, 1});
  }
}

TEST_CASE("cohesion: degenerate graphs") {
  graph::Graph empty;
  const auto e = cohesion(View::build(empty));
  CHECK(e.component.empty());
  CHECK(e.coreness.empty());
  CHECK(e.bridges.empty());

  auto one = make_graph({}, {"x"});
  const auto o = cohesion(View::build(one));
  CHECK(o.component == std::vector<std::uint32_t>{1});
  CHECK(o.coreness == std::vector<std::uint32_t>{0});
  CHECK(o.articulation_points.empty());

  //  a with two self-loops (one directed), b alone: loops are never bridges, add no core.
  auto loops = make_graph({{"a", "a"}, {"a", "a", "called", true}}, {"b"});
  for (auto pp : kPolicies) {
    graph::ViewOptions opt;
    opt.parallel = pp;
    const auto v = View::build(loops, opt);
    const auto r = cohesion(v);
    CHECK(r.bridges.empty());
    CHECK(r.articulation_points.empty());
    CHECK(r.coreness == std::vector<std::uint32_t>{0, 0});
    CHECK(r.component_sizes == std::vector<std::uint32_t>{1, 1});
    CHECK(r.strong_component_sizes == std::vector<std::uint32_t>{1, 1});
  }

  //  Components tie on size: numbered by smallest vertex. c - d, a, b - e.
  auto ties = make_graph({{"c", "d"}, {"b", "e"}}, {"a"});
  const auto t = cohesion(View::build(ties));  // vertices c, d, b, e, a
  CHECK(t.component == std::vector<std::uint32_t>{1, 1, 2, 2, 3});
  CHECK(t.component_sizes == std::vector<std::uint32_t>{2, 2, 1});
}

TEST_CASE("cohesion: a path of 200,000 vertices and a 4-clique") {
  // A recursive search would need 200,000 frames; every inner vertex is a cut point, every
  // edge a bridge, every coreness 1. The clique adds coreness 3 and neither.
  const std::uint32_t n = 200000;
  graph::Graph g;
  for (std::uint32_t i = 0; i < n + 4; ++i)
    g.add_node("n" + std::to_string(i));
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    graph::EdgeSpec spec;
    spec.source = i;
    spec.target = i + 1;
    spec.directed = true;
    g.add_edge(spec);
  }
  for (std::uint32_t a = n; a < n + 4; ++a)
    for (std::uint32_t b = a + 1; b < n + 4; ++b) {
      graph::EdgeSpec spec;
      spec.source = a;
      spec.target = b;
      g.add_edge(spec);
    }
  const auto v = View::build(g);
  REQUIRE(v.directed());
  analyses::CohesionOptions no_blocks;
  no_blocks.blocks = false;
  const auto r = cohesion(v, no_blocks);
  CHECK(r.component_sizes == std::vector<std::uint32_t>{n, 4});
  CHECK(r.articulation_points.size() == n - 2);
  CHECK(r.bridges.size() == n - 1);
  CHECK(r.strong_component_sizes.size() == n + 1);  // path vertices alone, the clique together
  CHECK(r.strong_component_sizes.front() == 4);
  CHECK(r.coreness[0] == 1);
  CHECK(r.coreness[n / 2] == 1);
  CHECK(r.coreness[n] == 3);
  check_against_igraph(g, v);
}
