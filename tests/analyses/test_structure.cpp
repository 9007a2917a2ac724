// Structural holes, communities, cohesion and the two-mode projection on tiny graphs worked
// out by hand (drawn beside each case), degenerate graphs, and random graphs against slow
// references (Borgatti's n - 2t/n; brute-force bridges and articulation points).
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/cohesion.hpp"
#include "analyses/communities.hpp"
#include "analyses/projection.hpp"
#include "analyses/structural_holes.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using graph::View;
using testing::make_graph;

namespace {

double at(const graph::Graph& g, const View& v, const std::vector<double>& values,
          const std::string& id) {
  return values.at(v.vertex_of(*g.find_node(id)));
}

template <typename T>
T at(const graph::Graph& g, const View& v, const std::vector<T>& values, const std::string& id) {
  return values.at(v.vertex_of(*g.find_node(id)));
}

View undirected(const graph::Graph& g) {
  graph::ViewOptions o;
  o.direction = graph::DirectionPolicy::Undirected;
  return View::build(g, o);
}

// Number of components of the simple undirected graph on n vertices with these pairs.
int count_components(int n, const std::vector<std::pair<int, int>>& pairs, int skip_vertex) {
  std::vector<int> parent(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    parent[static_cast<std::size_t>(i)] = i;
  auto find = [&](int x) {
    while (parent[static_cast<std::size_t>(x)] != x)
      x = parent[static_cast<std::size_t>(x)];
    return x;
  };
  for (auto [a, b] : pairs)
    if (a != skip_vertex && b != skip_vertex) parent[static_cast<std::size_t>(find(a))] = find(b);
  int count = 0;
  for (int i = 0; i < n; ++i)
    if (i != skip_vertex && find(i) == i) ++count;
  return count;
}

}  // namespace

TEST_CASE("structural holes: star, triangle, isolate") {
  //   l1   l2        t1 - t2
  //     \ /            \ /
  //      c - l3         t3        z (alone)
  auto g = make_graph(
      {{"c", "l1"}, {"c", "l2"}, {"c", "l3"}, {"t1", "t2"}, {"t2", "t3"}, {"t3", "t1"}}, {"z"});
  const auto v = View::build(g);
  const auto r = analyses::structural_holes(v);
  CHECK(at(g, v, r.effective_size, "c") == doctest::Approx(3.0));  // no contact tied to another
  CHECK(at(g, v, r.efficiency, "c") == doctest::Approx(1.0));
  CHECK(at(g, v, r.effective_size, "l1") == doctest::Approx(1.0));
  CHECK(at(g, v, r.effective_size, "t1") == doctest::Approx(1.0));  // 2 - 2*1/2
  CHECK(at(g, v, r.efficiency, "t1") == doctest::Approx(0.5));
  CHECK(at(g, v, r.constraint, "l1") == doctest::Approx(1.0));
  CHECK(std::isnan(at(g, v, r.effective_size, "z")));
  CHECK(std::isnan(at(g, v, r.efficiency, "z")));
  CHECK(std::isnan(at(g, v, r.constraint, "z")));
  CHECK(!r.notes.empty());
}

TEST_CASE("structural holes: parallel edges weigh, self-loops do not count") {
  //  e = a (two relations), e - b, a - b, e - e (loop)
  auto g =
      make_graph({{"e", "a", "met"}, {"e", "a", "called"}, {"e", "b"}, {"a", "b"}, {"e", "e"}});
  const auto v = View::build(g);
  const auto r = analyses::structural_holes(v);
  // m_ea = 2, m_eb = 1; p_ea = 2/3, p_eb = 1/3; M_a = 2 (a's ties: e 2, b 1), M_b = 1.
  // esize(e) = (1 - p_eb m_ab / M_a) + (1 - p_ea m_ba / M_b) = (1 - 1/6) + (1 - 2/3) = 7/6
  CHECK(at(g, v, r.effective_size, "e") == doctest::Approx(7.0 / 6.0));
  CHECK(at(g, v, r.efficiency, "e") == doctest::Approx(7.0 / 12.0));
  // The same graph merged into one edge per pair is a triangle: 1.
  graph::ViewOptions any;
  any.parallel = graph::ParallelPolicy::Any;
  const auto merged = View::build(g, any);
  CHECK(at(g, merged, analyses::structural_holes(merged).effective_size, "e") ==
        doctest::Approx(1.0));
}

TEST_CASE("structural holes: Borgatti's n - 2t/n on random simple graphs") {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 30; ++trial) {
    const int n = 2 + static_cast<int>(rng() % 14);
    std::set<std::pair<int, int>> pairs;
    for (int k = 0; k < 2 * n; ++k) {
      int a = static_cast<int>(rng() % static_cast<unsigned>(n));
      int b = static_cast<int>(rng() % static_cast<unsigned>(n));
      if (a == b) continue;
      pairs.insert({std::min(a, b), std::max(a, b)});
    }
    graph::Graph g;
    for (int i = 0; i < n; ++i)
      g.add_node("n" + std::to_string(i));
    for (auto [a, b] : pairs) {
      graph::EdgeSpec spec;
      spec.source = static_cast<graph::NodeIndex>(a);
      spec.target = static_cast<graph::NodeIndex>(b);
      g.add_edge(spec);
    }
    const auto v = View::build(g);
    const auto r = analyses::structural_holes(v);
    for (int i = 0; i < n; ++i) {
      std::vector<int> contacts;
      for (auto [a, b] : pairs) {
        if (a == i) contacts.push_back(b);
        if (b == i) contacts.push_back(a);
      }
      const double size = static_cast<double>(contacts.size());
      if (contacts.empty()) {
        CHECK(std::isnan(r.effective_size[static_cast<std::size_t>(i)]));
        continue;
      }
      double t = 0;
      for (std::size_t x = 0; x < contacts.size(); ++x)
        for (std::size_t y = x + 1; y < contacts.size(); ++y)
          if (pairs.count({std::min(contacts[x], contacts[y]), std::max(contacts[x], contacts[y])}))
            ++t;
      CHECK(r.effective_size[static_cast<std::size_t>(i)] == doctest::Approx(size - 2 * t / size));
      CHECK(r.efficiency[static_cast<std::size_t>(i)] ==
            doctest::Approx((size - 2 * t / size) / size));
    }
  }
}

TEST_CASE("communities: two 4-cliques joined by one tie, every method") {
  //  a1..a4 all tied, b1..b4 all tied, a1 - b1
  auto g = make_graph({{"a1", "a2"},
                       {"a1", "a3"},
                       {"a1", "a4"},
                       {"a2", "a3"},
                       {"a2", "a4"},
                       {"a3", "a4"},
                       {"b1", "b2"},
                       {"b1", "b3"},
                       {"b1", "b4"},
                       {"b2", "b3"},
                       {"b2", "b4"},
                       {"b3", "b4"},
                       {"a1", "b1"}});
  const auto v = undirected(g);
  for (auto method : {analyses::CommunityMethod::Leiden, analyses::CommunityMethod::Louvain,
                      analyses::CommunityMethod::LabelPropagation}) {
    CAPTURE(analyses::to_string(method));
    analyses::CommunityOptions o;
    o.method = method;
    const auto r = analyses::communities(v, o);
    REQUIRE(r.sizes == std::vector<std::uint32_t>{4, 4});
    // Numbered by size, ties by the first vertex: a1 comes first.
    CHECK(at(g, v, r.membership, "a1") == 1);
    CHECK(at(g, v, r.membership, "a4") == 1);
    CHECK(at(g, v, r.membership, "b2") == 2);
    // Q = 2 (6/13 - (13/26)^2) = 12/13 - 1/2 (m = 13; each side has 6 ties and degree 13)
    CHECK(r.modularity == doctest::Approx(12.0 / 13.0 - 0.5));
    CHECK(r.quality == doctest::Approx(r.modularity));
  }
  analyses::CommunityOptions high;
  high.resolution = 2.0;
  const auto r2 = analyses::communities(v, high);
  CHECK(r2.quality < r2.modularity);
}

TEST_CASE("communities: seeds reproduce, degenerate graphs, bad options") {
  std::mt19937 rng(11);
  graph::Graph g;
  for (int i = 0; i < 40; ++i)
    g.add_node("n" + std::to_string(i));
  for (int k = 0; k < 100; ++k) {
    graph::EdgeSpec spec;
    spec.source = static_cast<graph::NodeIndex>(rng() % 40);
    spec.target = static_cast<graph::NodeIndex>(rng() % 40);
    g.add_edge(spec);
  }
  const auto v = View::build(g);
  for (auto method : {analyses::CommunityMethod::Leiden, analyses::CommunityMethod::Louvain,
                      analyses::CommunityMethod::LabelPropagation}) {
    analyses::CommunityOptions o;
    o.method = method;
    o.seed = 42;
    CHECK(analyses::communities(v, o).membership == analyses::communities(v, o).membership);
  }

  graph::Graph empty;
  const auto e = analyses::communities(View::build(empty));
  CHECK(e.membership.empty());
  CHECK(std::isnan(e.modularity));
  auto lonely = make_graph({}, {"x", "y"});
  const auto l = analyses::communities(View::build(lonely));
  CHECK(l.sizes == std::vector<std::uint32_t>{1, 1});
  CHECK(std::isnan(l.modularity));

  analyses::CommunityOptions bad;
  bad.resolution = 0.0;
  CHECK_THROWS_AS(analyses::communities(v, bad), InputError);
  CHECK(analyses::community_method_from_string("multilevel") == analyses::CommunityMethod::Louvain);
  CHECK(!analyses::community_method_from_string("spinglass"));
}

TEST_CASE("cohesion: a doubled tie is not a bridge, a single one is") {
  //  a = b (met_with and co_chairs), b - c, c -> d (directed), d - d (loop), e alone
  auto g = make_graph({{"a", "b", "met_with"},
                       {"a", "b", "co_chairs"},
                       {"b", "c"},
                       {"c", "d", "called", true},
                       {"d", "d"}},
                      {"e"});
  for (auto policy : {graph::ParallelPolicy::Keep, graph::ParallelPolicy::Any}) {
    graph::ViewOptions o;
    o.parallel = policy;
    const auto v = View::build(g, o);  // directed: b - c is two arcs of one edge
    const auto r = analyses::cohesion(v);
    REQUIRE(r.bridges.size() == 2);
    std::set<std::string> bridged;
    for (const auto& b : r.bridges)
      bridged.insert(g.relation_name(b.edge));
    CHECK(bridged == std::set<std::string>{"related_to", "called"});
    std::vector<std::string> cut;
    for (auto x : r.articulation_points)
      cut.push_back(g.node(v.node_of(x)).id);
    CHECK(cut == std::vector<std::string>{"b", "c"});
    CHECK(r.component_sizes == std::vector<std::uint32_t>{4, 1});
    CHECK(at(g, v, r.component, "e") == 2);
    CHECK(!r.strong_component.empty());  // directed view
    CHECK(at(g, v, r.coreness, "a") == 1);
    CHECK(at(g, v, r.coreness, "e") == 0);
  }
}

TEST_CASE("cohesion: coreness and cohesive blocks of two triangles sharing a vertex") {
  //  a - b - c - a,  c - d - e - c,  f - c (pendant)
  auto g = make_graph(
      {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "c"}, {"f", "c"}});
  const auto v = View::build(g);
  const auto r = analyses::cohesion(v);
  CHECK(at(g, v, r.coreness, "a") == 2);
  CHECK(at(g, v, r.coreness, "c") == 2);
  CHECK(at(g, v, r.coreness, "f") == 1);
  REQUIRE(r.has_blocks);
  REQUIRE(r.blocks.size() == 3);
  CHECK(r.blocks[0].members.size() == 6);
  CHECK(r.blocks[0].cohesion == 1);
  CHECK(r.blocks[0].parent == -1);
  CHECK(r.blocks[1].cohesion == 2);
  CHECK(r.blocks[1].members.size() == 3);
  CHECK(r.blocks[2].parent == 0);
  CHECK(at(g, v, r.cohesion, "a") == 2);
  CHECK(at(g, v, r.cohesion, "f") == 1);
  CHECK(r.strong_component.empty());

  analyses::CohesionOptions no_blocks;
  no_blocks.blocks = false;
  CHECK(analyses::cohesion(v, no_blocks).blocks.empty());
  graph::Graph empty;
  CHECK(analyses::cohesion(View::build(empty)).component.empty());
  auto one = make_graph({}, {"x"});
  const auto o = analyses::cohesion(View::build(one));
  CHECK(o.component_sizes == std::vector<std::uint32_t>{1});
  CHECK(o.bridges.empty());
}

TEST_CASE("cohesion: bridges and articulation points of random multigraphs, by brute force") {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 40; ++trial) {
    const int n = 2 + static_cast<int>(rng() % 10);
    graph::Graph g;
    for (int i = 0; i < n; ++i)
      g.add_node("n" + std::to_string(i));
    std::vector<std::pair<int, int>> edges;
    const int m = static_cast<int>(rng() % static_cast<unsigned>(2 * n));
    for (int k = 0; k < m; ++k) {
      const int a = static_cast<int>(rng() % static_cast<unsigned>(n));
      const int b = static_cast<int>(rng() % static_cast<unsigned>(n));
      graph::EdgeSpec spec;
      spec.source = static_cast<graph::NodeIndex>(a);
      spec.target = static_cast<graph::NodeIndex>(b);
      spec.directed = rng() % 2 == 0;
      g.add_edge(spec);
      edges.emplace_back(a, b);
    }
    const auto v = View::build(g);
    const auto r = analyses::cohesion(v);
    const int base = count_components(n, edges, -1);
    std::set<graph::EdgeIndex> bridges;
    for (std::size_t k = 0; k < edges.size(); ++k) {
      auto rest = edges;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(k));
      if (count_components(n, rest, -1) > base) bridges.insert(static_cast<graph::EdgeIndex>(k));
    }
    std::set<graph::EdgeIndex> found;
    for (const auto& b : r.bridges)
      found.insert(b.edge);
    CHECK(found == bridges);
    std::vector<graph::Vertex> cut;
    for (int x = 0; x < n; ++x)
      if (count_components(n, edges, x) > base) cut.push_back(static_cast<graph::Vertex>(x));
    // (An isolated vertex is no articulation point: removing it lowers the count.)
    CHECK(r.articulation_points == cut);
    CHECK(r.component_sizes.size() == static_cast<std::size_t>(base));
  }
}

TEST_CASE("two-mode projection: counts, Newman weights, what is left out") {
  //  p1, p2, p3 attend e1; p1, p2 attend e2 (p1 twice, two relations); p4 attends nothing;
  //  p1 - p2 tied directly (not two-mode: left out), e1 - e2 likewise
  auto g = make_graph({{"p1", "e1", "attended"},
                       {"p2", "e1", "attended"},
                       {"p3", "e1", "attended", true},
                       {"p1", "e2", "attended"},
                       {"e2", "p1", "chaired", true},
                       {"p2", "e2", "attended"},
                       {"p1", "p2", "met"},
                       {"e1", "e2", "follows"}},
                      {"p4"});
  const auto v = undirected(g);
  std::vector<bool> actor(v.vertex_count());
  for (graph::Vertex x = 0; x < v.vertex_count(); ++x)
    actor[x] = g.node(v.node_of(x)).id[0] == 'p';
  for (auto weight : {analyses::ProjectionWeight::Count, analyses::ProjectionWeight::Newman}) {
    const auto p = analyses::project_two_mode(g, v, actor, weight);
    CHECK(p.graph.node_count() == 4);
    CHECK(p.events == 2);
    CHECK(p.actor_actor_edges == 1);
    CHECK(p.event_event_edges == 1);
    REQUIRE(p.graph.edge_count() == 3);  // p1-p2, p1-p3, p2-p3
    const auto& e0 = p.graph.edge(0);
    CHECK(p.graph.node(e0.source).id == "p1");
    CHECK(p.graph.node(e0.target).id == "p2");
    CHECK(p.graph.relation_name(0) == "co_affiliation");
    CHECK(std::get<std::int64_t>(p.graph.edge_attribute(0, "shared_events")) == 2);
    CHECK(std::get<std::vector<std::string>>(p.graph.edge_attribute(0, "via")) ==
          std::vector<std::string>{"e1", "e2"});
    // count: 2 shared events; Newman: 1/(3-1) for e1 + 1/(2-1) for e2
    CHECK(e0.weight == doctest::Approx(weight == analyses::ProjectionWeight::Count ? 2.0 : 1.5));
    CHECK(p.graph.edge(1).weight ==
          doctest::Approx(weight == analyses::ProjectionWeight::Count ? 1.0 : 0.5));
    CHECK(p.graph.find_node("p4"));
  }
  CHECK_THROWS_AS(analyses::project_two_mode(g, v, std::vector<bool>(v.vertex_count(), false),
                                             analyses::ProjectionWeight::Count),
                  InputError);
}
