// Resilience between two sides on tiny graphs worked out by hand (each drawn below, A-side
// vertices named a*, B-side b*, third parties anything else), and brute force over every
// vertex subset (and every edge subset) of small random multigraphs.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/resilience.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using analyses::ResilienceOptions;
using analyses::ResilienceResult;
using graph::ParallelPolicy;
using graph::View;
using graph::ViewOptions;
using testing::make_graph;

namespace {

constexpr double kTol = 1e-12;

View view_of(const graph::Graph& g, ParallelPolicy parallel = ParallelPolicy::Keep) {
  ViewOptions opts;
  opts.parallel = parallel;
  return View::build(g, opts);
}

std::vector<bool> mask(const graph::Graph& g, const View& v, std::vector<std::string> ids) {
  std::vector<bool> m(v.vertex_count(), false);
  for (const auto& id : ids) {
    const auto n = g.find_node(id);
    REQUIRE(n.has_value());
    m.at(v.vertex_of(*n)) = true;
  }
  return m;
}

ResilienceResult run(const graph::Graph& g, const View& v, std::vector<std::string> a,
                     std::vector<std::string> b, ResilienceOptions opts = {}) {
  return analyses::resilience(v, mask(g, v, std::move(a)), mask(g, v, std::move(b)), opts);
}

std::vector<std::string> ids(const graph::Graph& g, const View& v,
                             const std::vector<graph::Vertex>& vertices) {
  std::vector<std::string> out;
  for (auto x : vertices)
    out.push_back(g.node(v.node_of(x)).id);
  return out;
}

double betweenness_of(const graph::Graph& g, const View& v, const ResilienceResult& r,
                      const std::string& id) {
  return r.cross_betweenness.at(v.vertex_of(*g.find_node(id)));
}

}  // namespace

TEST_CASE("resilience: bad sides are input errors") {
  const auto g = make_graph({{"a", "x"}, {"x", "b"}});
  const auto v = view_of(g);
  const std::vector<bool> none(v.vertex_count(), false);
  CHECK_THROWS_AS(analyses::resilience(v, none, mask(g, v, {"b"})), InputError);
  CHECK_THROWS_AS(analyses::resilience(v, mask(g, v, {"a"}), none), InputError);
  CHECK_THROWS_AS(run(g, v, {"a", "x"}, {"x", "b"}), InputError);
  CHECK_THROWS_AS(analyses::resilience(v, std::vector<bool>{true}, mask(g, v, {"b"})), InputError);

  // A directed view read as undirected channels would count undirected edges twice.
  const auto d = make_graph({{"a", "x", "r", true}, {"x", "b"}});
  const auto dv = view_of(d);
  REQUIRE(dv.directed());
  CHECK_THROWS_AS(run(d, dv, {"a"}, {"b"}), InputError);
  CHECK_NOTHROW(run(d, dv, {"a"}, {"b"}, ResilienceOptions{true}));

  const auto w = make_graph({{"a", "b", "r", false, -1.0}});
  const auto wv = view_of(w);
  CHECK_THROWS_AS(run(w, wv, {"a"}, {"b"}), InputError);
}

TEST_CASE("resilience: a single broker") {
  //   a1 --\      /-- b1
  //         x ---<
  //   a2 --/      \-- b2
  // Every channel runs through x: one vertex-disjoint channel, x is the cut and the single
  // point of failure, but two edge-disjoint channels (a1-x-b1, a2-x-b2). All four pairs are at
  // distance 2 and every shortest path crosses x.
  const auto g = make_graph({{"a1", "x"}, {"a2", "x"}, {"x", "b1"}, {"x", "b2"}});
  const auto v = view_of(g);
  const auto r = run(g, v, {"a1", "a2"}, {"b1", "b2"});
  CHECK(r.direct_ties == 0);
  CHECK(r.broker_connectivity == 1);
  CHECK(r.disjoint_channels == 1);
  CHECK(r.edge_connectivity == 2);
  CHECK(r.capacity == doctest::Approx(2.0).epsilon(kTol));
  CHECK(ids(g, v, r.min_cut) == std::vector<std::string>{"x"});
  REQUIRE(r.single_points_of_failure.size() == 1);
  CHECK(g.node(v.node_of(r.single_points_of_failure[0].element)).id == "x");
  CHECK(r.single_points_of_failure[0].drop == 1);
  CHECK(betweenness_of(g, v, r, "x") == doctest::Approx(4.0).epsilon(kTol));
  CHECK(betweenness_of(g, v, r, "a1") == 0.0);
  CHECK(r.pairs_connected == doctest::Approx(1.0).epsilon(kTol));
  CHECK(r.cross_efficiency == doctest::Approx(0.5).epsilon(kTol));
  CHECK(r.notes.empty());
}

TEST_CASE("resilience: two disjoint routes") {
  //   a1 -- x -- b1
  //   a2 -- y -- b2
  const auto g = make_graph({{"a1", "x"}, {"x", "b1"}, {"a2", "y"}, {"y", "b2"}});
  const auto v = view_of(g);
  const auto r = run(g, v, {"a1", "a2"}, {"b1", "b2"});
  CHECK(r.broker_connectivity == 2);
  CHECK(r.disjoint_channels == 2);
  CHECK(r.edge_connectivity == 2);
  CHECK(r.min_cut.size() == 2);
  // Each route carries one of the two channels: losing any of its vertices costs one.
  CHECK(r.single_points_of_failure.size() == 6);
  CHECK(r.pairs_connected == doctest::Approx(0.5).epsilon(kTol));
  CHECK(r.cross_efficiency == doctest::Approx(0.25).epsilon(kTol));
  CHECK(betweenness_of(g, v, r, "x") == doctest::Approx(1.0).epsilon(kTol));

  SUBCASE("routes sharing their endpoints") {
    //        /-- x --\        two brokers, but both channels start at a and end at b:
    //   a --<         >-- b   one vertex-disjoint channel, and a and b are each a single
    //        \-- y --/        point of failure; x and y split the one pair's two paths.
    const auto h = make_graph({{"a", "x"}, {"x", "b"}, {"a", "y"}, {"y", "b"}});
    const auto hv = view_of(h);
    const auto s = run(h, hv, {"a"}, {"b"});
    CHECK(s.broker_connectivity == 2);
    CHECK(s.disjoint_channels == 1);
    CHECK(s.edge_connectivity == 2);
    CHECK(ids(h, hv, s.min_cut) == std::vector<std::string>{"a"});
    REQUIRE(s.single_points_of_failure.size() == 2);
    CHECK(ids(h, hv,
              {s.single_points_of_failure[0].element, s.single_points_of_failure[1].element}) ==
          std::vector<std::string>{"a", "b"});
    CHECK(betweenness_of(h, hv, s, "x") == doctest::Approx(0.5).epsilon(kTol));
    CHECK(betweenness_of(h, hv, s, "y") == doctest::Approx(0.5).epsilon(kTol));
  }
}

TEST_CASE("resilience: parallel edges are units of edge capacity only") {
  //   a ==== b   (two edges, different relations)
  const auto g = make_graph({{"a", "b", "met_with"}, {"a", "b", "called", false, 2.5}});
  const auto v = view_of(g);
  const auto r = run(g, v, {"a"}, {"b"});
  CHECK(r.direct_ties == 2);
  CHECK(r.broker_connectivity == 0);
  CHECK(r.disjoint_channels == 1);
  CHECK(r.edge_connectivity == 2);
  CHECK(r.capacity == doctest::Approx(3.5).epsilon(kTol));
  CHECK(r.pairs_connected == 1.0);
  CHECK(r.cross_efficiency == 1.0);
  CHECK(r.cross_betweenness == std::vector<double>{0.0, 0.0});

  // Merged, the pair is one edge (weight = count under `count`).
  const auto merged = view_of(g, ParallelPolicy::Count);
  const auto m = run(g, merged, {"a"}, {"b"});
  CHECK(m.direct_ties == 1);
  CHECK(m.edge_connectivity == 1);
  CHECK(m.capacity == doctest::Approx(2.0).epsilon(kTol));
}

TEST_CASE("resilience: a direct tie beside a mediated one") {
  //   a ------- b
  //    \       /
  //     `- x -'
  // The direct tie is not mediated: one broker; a and b carry both channels.
  const auto g = make_graph({{"a", "b"}, {"a", "x"}, {"x", "b"}}, {"lonely"});
  const auto v = view_of(g);
  const auto r = run(g, v, {"a"}, {"b"});
  CHECK(r.direct_ties == 1);
  CHECK(r.broker_connectivity == 1);
  CHECK(r.disjoint_channels == 1);
  CHECK(r.edge_connectivity == 2);
  CHECK(betweenness_of(g, v, r, "x") == 0.0);  // the shortest path is the direct tie
  CHECK(r.cross_efficiency == 1.0);
}

TEST_CASE("resilience: disconnected sides score zero everywhere") {
  //   a -- x      y -- b      (and a self-loop on x)
  const auto g = make_graph({{"a", "x"}, {"y", "b"}, {"x", "x"}});
  const auto v = view_of(g);
  const auto r = run(g, v, {"a"}, {"b"});
  CHECK(r.direct_ties == 0);
  CHECK(r.broker_connectivity == 0);
  CHECK(r.disjoint_channels == 0);
  CHECK(r.edge_connectivity == 0);
  CHECK(r.capacity == 0.0);
  CHECK(r.min_cut.empty());
  CHECK(r.single_points_of_failure.empty());
  CHECK(std::all_of(r.cross_betweenness.begin(), r.cross_betweenness.end(),
                    [](double x) { return x == 0.0; }));
  CHECK(r.pairs_connected == 0.0);
  CHECK(r.cross_efficiency == 0.0);
}

TEST_CASE("resilience: directed channels run from A to B only") {
  //   a --> x --> b
  //   a <-- y <-- b      (the way back is no channel from A to B)
  const auto g = make_graph(
      {{"a", "x", "r", true}, {"x", "b", "r", true}, {"b", "y", "r", true}, {"y", "a", "r", true}});
  const auto v = view_of(g);
  const auto r = run(g, v, {"a"}, {"b"}, ResilienceOptions{true});
  CHECK(r.broker_connectivity == 1);
  CHECK(r.disjoint_channels == 1);
  CHECK(r.edge_connectivity == 1);
  CHECK(betweenness_of(g, v, r, "x") == doctest::Approx(1.0).epsilon(kTol));
  CHECK(betweenness_of(g, v, r, "y") == 0.0);
  CHECK(r.pairs_connected == 1.0);

  // Asked on an undirected view, directed channels run both ways, with a note.
  const auto u = make_graph({{"a", "b"}});
  const auto uv = view_of(u);
  const auto s = run(u, uv, {"a"}, {"b"}, ResilienceOptions{true});
  CHECK(s.disjoint_channels == 1);
  CHECK(s.notes.size() == 1);
}

namespace {

// A random multigraph on n vertices with m edges (loops and parallel edges allowed), integer
// weights 1-3, and random non-empty disjoint sides.
struct RandomCase {
  graph::Graph graph;
  std::vector<bool> a, b;
};

RandomCase random_case(std::mt19937& rng, int n, int m, bool directed) {
  RandomCase c;
  for (int i = 0; i < n; ++i)
    c.graph.add_node("v" + std::to_string(i));
  std::uniform_int_distribution<int> vertex(0, n - 1), weight(1, 3), side(0, 2), relation(0, 2);
  static const std::string kRelations[] = {"r0", "r1", "r2"};
  for (int e = 0; e < m; ++e) {
    graph::EdgeSpec spec;
    spec.source = static_cast<graph::NodeIndex>(vertex(rng));
    spec.target = static_cast<graph::NodeIndex>(vertex(rng));
    spec.relation = kRelations[relation(rng)];
    spec.directed = directed;
    spec.weight = weight(rng);
    c.graph.add_edge(spec);
  }
  c.a.assign(static_cast<std::size_t>(n), false);
  c.b.assign(static_cast<std::size_t>(n), false);
  for (int i = 0; i < n; ++i) {
    const int s = side(rng);
    if (s == 0) c.a[static_cast<std::size_t>(i)] = true;
    if (s == 1) c.b[static_cast<std::size_t>(i)] = true;
  }
  c.a[0] = true;
  c.a[1] = false;
  c.b[1] = true;
  c.b[0] = false;
  return c;
}

// The relation layers of a view of a graph built by random_case: layer i is relation ri.
analyses::Layers relation_layers_of(const graph::Graph& g, const View& v) {
  analyses::Layers layers{"relation", {"r0", "r1", "r2"}, {}};
  for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
    std::vector<std::uint32_t> of;
    for (auto origin : v.origins(e))
      of.push_back(static_cast<std::uint32_t>(g.relation_name(origin)[1] - '0'));
    std::sort(of.begin(), of.end());
    of.erase(std::unique(of.begin(), of.end()), of.end());
    layers.of.push_back(of);
  }
  return layers;
}

// Whether some vertex of A outside `removed` reaches some vertex of B outside it, using the
// edges not in `dropped_edges` (and, when `skip_direct`, no direct A-B edge).
bool joined(const View& v, const std::vector<bool>& a, const std::vector<bool>& b,
            std::uint32_t removed, std::uint32_t dropped_edges, bool skip_direct, bool oriented) {
  const auto n = v.vertex_count();
  std::vector<bool> seen(n, false);
  std::vector<graph::Vertex> stack;
  for (graph::Vertex x = 0; x < n; ++x)
    if (a[x] && !(removed >> x & 1u)) {
      seen[x] = true;
      stack.push_back(x);
    }
  while (!stack.empty()) {
    const auto x = stack.back();
    stack.pop_back();
    if (b[x]) return true;
    for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
      if (dropped_edges >> e & 1u) continue;
      const auto f = v.from(e), t = v.to(e);
      if (skip_direct && ((a[f] && b[t]) || (b[f] && a[t]))) continue;
      graph::Vertex y;
      if (f == x)
        y = t;
      else if (t == x && !oriented)
        y = f;
      else
        continue;
      if (!seen[y] && !(removed >> y & 1u)) {
        seen[y] = true;
        stack.push_back(y);
      }
    }
  }
  return false;
}

// Cross betweenness by definition: BFS path counts from every vertex (parallel edges each a
// path), then sum over (a, b) of sigma_av sigma_vb / sigma_ab on shortest a-b paths.
std::vector<double> cross_betweenness_reference(const View& v, const std::vector<bool>& a,
                                                const std::vector<bool>& b, bool oriented) {
  const auto n = v.vertex_count();
  constexpr auto kInf = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::vector<std::uint32_t>> dist(n, std::vector<std::uint32_t>(n, kInf));
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
  for (graph::Vertex s = 0; s < n; ++s) {
    dist[s][s] = 0;
    sigma[s][s] = 1.0;
    std::queue<graph::Vertex> q;
    q.push(s);
    while (!q.empty()) {
      const auto x = q.front();
      q.pop();
      for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
        const auto f = v.from(e), t = v.to(e);
        if (f == t) continue;
        graph::Vertex y;
        if (f == x)
          y = t;
        else if (t == x && !oriented)
          y = f;
        else
          continue;
        if (dist[s][y] == kInf) {
          dist[s][y] = dist[s][x] + 1;
          q.push(y);
        }
        if (dist[s][y] == dist[s][x] + 1) sigma[s][y] += sigma[s][x];
      }
    }
  }
  std::vector<double> out(n, 0.0);
  for (graph::Vertex s = 0; s < n; ++s)
    for (graph::Vertex t = 0; t < n; ++t) {
      if (!a[s] || !b[t] || dist[s][t] == kInf) continue;
      for (graph::Vertex x = 0; x < n; ++x)
        if (x != s && x != t && dist[s][x] != kInf && dist[x][t] != kInf &&
            dist[s][x] + dist[x][t] == dist[s][t])
          out[x] += sigma[s][x] * sigma[x][t] / sigma[s][t];
    }
  return out;
}

void check_against_brute_force(const RandomCase& c, bool oriented) {
  const auto v = View::build(c.graph);
  const auto n = v.vertex_count();
  const auto layers = relation_layers_of(c.graph, v);
  const auto r = analyses::resilience(v, c.a, c.b, ResilienceOptions{oriented, {layers}});

  // Smallest separating vertex sets: anywhere (disjoint channels), among third parties with
  // direct ties dropped (broker connectivity), and containing each vertex (its removal).
  int disjoint = static_cast<int>(n), broker = static_cast<int>(n);
  std::vector<int> with_vertex(n, static_cast<int>(n));
  std::uint32_t third = 0;
  for (graph::Vertex x = 0; x < n; ++x)
    if (!c.a[x] && !c.b[x]) third |= 1u << x;
  for (std::uint32_t set = 0; set < (1u << n); ++set) {
    const int size = std::popcount(set);
    if (!joined(v, c.a, c.b, set, 0, false, oriented)) {
      disjoint = std::min(disjoint, size);
      for (graph::Vertex x = 0; x < n; ++x)
        if (set >> x & 1u) with_vertex[x] = std::min(with_vertex[x], size);
    }
    if ((set & ~third) == 0 && !joined(v, c.a, c.b, set, 0, true, oriented))
      broker = std::min(broker, size);
  }
  CHECK(r.disjoint_channels == disjoint);
  CHECK(r.broker_connectivity == broker);

  std::uint32_t cut = 0;
  for (auto x : r.min_cut)
    cut |= 1u << x;
  CHECK(static_cast<int>(r.min_cut.size()) == disjoint);
  CHECK_FALSE(joined(v, c.a, c.b, cut, 0, false, oriented));

  std::vector<std::int64_t> drop(n, 0);
  for (const auto& p : r.single_points_of_failure)
    drop[p.element] = p.drop;
  for (graph::Vertex x = 0; x < n; ++x)
    CHECK(drop[x] == disjoint - (with_vertex[x] - 1));

  // The channels: as many as disjoint_channels, each from A to B along its hops' edges,
  // no vertex on two of them.
  CHECK(static_cast<int>(r.channels.size()) == disjoint);
  std::vector<int> used(n, 0);
  for (const auto& ch : r.channels) {
    REQUIRE(ch.path.size() >= 2);
    CHECK(c.a[ch.path.front()]);
    CHECK(c.b[ch.path.back()]);
    REQUIRE(ch.hops.size() == ch.path.size() - 1);
    for (auto x : ch.path)
      ++used[x];
    for (std::size_t h = 0; h < ch.hops.size(); ++h) {
      CHECK_FALSE(ch.hops[h].empty());
      for (auto e : ch.hops[h]) {
        const bool forward = v.from(e) == ch.path[h] && v.to(e) == ch.path[h + 1];
        const bool backward = v.to(e) == ch.path[h] && v.from(e) == ch.path[h + 1];
        CHECK((forward || (backward && !oriented)));
      }
    }
  }
  CHECK(std::all_of(used.begin(), used.end(), [](int k) { return k <= 1; }));

  // Edge measures over every edge subset (graphs of at most 12 edges): edge connectivity,
  // capacity, each edge's single-point-of-failure drop, and per relation the edge
  // connectivity using that relation alone.
  if (v.edge_count() <= 12) {
    const auto m = v.edge_count();
    std::uint32_t in_layer[3] = {0, 0, 0};
    for (graph::ViewEdge e = 0; e < m; ++e)
      for (auto l : layers.of[e])
        in_layer[l] |= 1u << e;
    const std::uint32_t all = (1u << m) - 1;
    int edges = static_cast<int>(m);
    double capacity = std::numeric_limits<double>::infinity();
    std::vector<int> with_edge(m, static_cast<int>(m) + 1);
    int per_layer[3] = {static_cast<int>(m), static_cast<int>(m), static_cast<int>(m)};
    for (std::uint32_t set = 0; set <= all; ++set) {
      for (int l = 0; l < 3; ++l)  // within layer l: the edges outside it are gone already
        if ((set & ~in_layer[l]) == 0 &&
            !joined(v, c.a, c.b, 0, set | (all & ~in_layer[l]), false, oriented))
          per_layer[l] = std::min(per_layer[l], std::popcount(set));
      if (joined(v, c.a, c.b, 0, set, false, oriented)) continue;
      const int size = std::popcount(set);
      edges = std::min(edges, size);
      for (graph::ViewEdge e = 0; e < m; ++e)
        if (set >> e & 1u) with_edge[e] = std::min(with_edge[e], size);
      double w = 0.0;
      for (graph::ViewEdge e = 0; e < m; ++e)
        if (set >> e & 1u) w += v.weight(e);
      capacity = std::min(capacity, w);
    }
    CHECK(r.edge_connectivity == edges);
    CHECK(r.capacity == doctest::Approx(capacity).epsilon(kTol));
    std::vector<std::int64_t> edge_drop(m, 0);
    for (const auto& p : r.edge_single_points_of_failure)
      edge_drop[p.element] = p.drop;
    for (graph::ViewEdge e = 0; e < m; ++e)
      CHECK(edge_drop[e] == edges - std::min(edges, with_edge[e] - 1));
    REQUIRE(r.layer_reports.size() == 1);
    for (int l = 0; l < 3; ++l)
      CHECK(r.layer_reports[0].layers[static_cast<std::size_t>(l)].edge_connectivity ==
            per_layer[l]);
  }

  // Per relation: direct ties, and the fewest relations whose loss separates the sides.
  const auto& report = r.layer_reports.at(0);
  for (std::uint32_t l = 0; l < 3; ++l) {
    std::int64_t direct = 0;
    for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
      const auto f = v.from(e), t = v.to(e);
      const bool is_direct = (c.a[f] && c.b[t]) || (!oriented && c.b[f] && c.a[t]);
      if (is_direct && f != t && std::count(layers.of[e].begin(), layers.of[e].end(), l) > 0)
        ++direct;
    }
    CHECK(report.layers[l].direct_ties == direct);
  }
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (std::uint32_t lost = 0; lost < 8; ++lost) {
    std::uint32_t dropped = 0;
    for (graph::ViewEdge e = 0; e < v.edge_count(); ++e)
      if (std::all_of(layers.of[e].begin(), layers.of[e].end(),
                      [&](auto l) { return lost >> l & 1u; }))
        dropped |= 1u << e;
    if (!joined(v, c.a, c.b, 0, dropped, false, oriented))
      best = std::min<std::int64_t>(best, std::popcount(lost));
  }
  CHECK(report.layer_cut_size == best);
  CHECK(static_cast<std::int64_t>(report.layer_cut.size()) == best);

  const auto bc = cross_betweenness_reference(v, c.a, c.b, oriented);
  for (graph::Vertex x = 0; x < n; ++x)
    CHECK(r.cross_betweenness[x] == doctest::Approx(bc[x]).epsilon(1e-9));
}

}  // namespace

TEST_CASE("resilience: brute force on random multigraphs of up to 12 vertices") {
  std::mt19937 rng(20240607);
  for (int trial = 0; trial < 165; ++trial) {
    const bool directed = trial % 3 == 2;
    const int n = 2 + trial % 11;
    const int m = trial % 2 == 0 ? std::min(12, n + trial % 5) : 2 * n;
    const auto c = random_case(rng, n, m, directed);
    INFO("trial " << trial << ", " << n << " vertices, " << m << " edges"
                  << (directed ? ", directed" : ""));
    check_against_brute_force(c, directed);
  }
}

TEST_CASE("resilience: channels, relations and the layer cut") {
  //   a1 ==== b1          met_with and called in parallel: one multiplex channel
  //   a2 -- f -- b2       member_of twice: a channel carried by one relation
  const auto g = make_graph({{"a1", "b1", "met_with"},
                             {"a1", "b1", "called"},
                             {"a2", "f", "member_of"},
                             {"f", "b2", "member_of"}});
  const auto v = view_of(g);
  // Layers 0 called, 1 member_of, 2 met_with (edge order: met_with, called, member_of x2).
  const analyses::Layers layers{
      "relation", {"called", "member_of", "met_with"}, {{2}, {0}, {1}, {1}}};
  const auto r = run(g, v, {"a1", "a2"}, {"b1", "b2"}, ResilienceOptions{false, {layers}});
  REQUIRE(r.channels.size() == 2);
  CHECK(ids(g, v, r.channels[0].path) == std::vector<std::string>{"a1", "b1"});
  CHECK(r.channels[0].hops == std::vector<std::vector<graph::ViewEdge>>{{0, 1}});
  CHECK(ids(g, v, r.channels[1].path) == std::vector<std::string>{"a2", "f", "b2"});
  CHECK(r.edge_connectivity == 3);
  // Every edge lies in some minimum edge cut: {both a1-b1 edges, a2-f or f-b2}.
  CHECK(r.edge_single_points_of_failure.size() == 4);

  REQUIRE(r.layer_reports.size() == 1);
  const auto& report = r.layer_reports[0];
  CHECK(report.family == "relation");
  CHECK(report.multiplex_share == doctest::Approx(0.5).epsilon(kTol));
  CHECK(report.layers[0].direct_ties == 1);  // called
  CHECK(report.layers[1].direct_ties == 0);  // member_of
  CHECK(report.layers[1].edge_connectivity == 1);
  CHECK(report.layers[2].edge_connectivity == 1);  // met_with
  CHECK(report.layer_cut == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(report.layer_cut_size == 3);

  SUBCASE("an edge in no layer cannot be cut by layers") {
    auto unlabelled = layers;
    unlabelled.of[3].clear();  // f-b2 belongs to no layer
    unlabelled.of[2].clear();
    const auto s = run(g, v, {"a1", "a2"}, {"b1", "b2"}, ResilienceOptions{false, {unlabelled}});
    CHECK(s.layer_reports[0].layer_cut_size == -1);
    CHECK(s.layer_reports[0].layer_cut.empty());
  }
  SUBCASE("sides already apart need no layer cut") {
    const auto s = run(g, v, {"a1"}, {"b2"}, ResilienceOptions{false, {layers}});
    CHECK(s.layer_reports[0].layer_cut_size == 0);
    CHECK(s.channels.empty());
    CHECK(s.layer_reports[0].multiplex_share == 0.0);
  }
  SUBCASE("layer ids must name layers") {
    auto bad = layers;
    bad.of[0] = {7};
    CHECK_THROWS_AS(run(g, v, {"a1"}, {"b1"}, ResilienceOptions{false, {bad}}), InputError);
    bad.of.pop_back();
    CHECK_THROWS_AS(run(g, v, {"a1"}, {"b1"}, ResilienceOptions{false, {bad}}), InputError);
  }
}
