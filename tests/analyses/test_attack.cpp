// Attack curves between two sides: tiny graphs worked out by hand (drawn below, A-side
// vertices named a*, B-side b*), and on random multigraphs every point of every curve
// recomputed from scratch on the graph left after the removals: pairs and the largest
// component by BFS, disjoint channels by a dense Edmonds-Karp flow written for the test, and
// on some graphs by analyses::resilience on a View built without the removed nodes. The
// orders themselves are checked against brute-force degrees and cross betweenness.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/attack.hpp"
#include "analyses/resilience.hpp"
#include "graph/errors.hpp"
#include "graph/selection.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using analyses::AttackOptions;
using analyses::AttackOrder;
using analyses::AttackResult;
using graph::Vertex;
using graph::View;
using graph::ViewOptions;
using testing::make_graph;

namespace {

constexpr double kTol = 1e-12;

std::vector<bool> mask(const graph::Graph& g, const View& v, std::vector<std::string> ids) {
  std::vector<bool> m(v.vertex_count(), false);
  for (const auto& id : ids) {
    const auto n = g.find_node(id);
    REQUIRE(n.has_value());
    m.at(v.vertex_of(*n)) = true;
  }
  return m;
}

std::vector<std::string> removed_ids(const graph::Graph& g, const View& v, const AttackResult& r) {
  std::vector<std::string> out;
  for (std::size_t q = 1; q < r.points.size(); ++q)
    out.push_back(g.node(v.node_of(r.points[q].removed)).id);
  return out;
}

std::vector<double> pairs_curve(const AttackResult& r) {
  std::vector<double> out;
  for (const auto& p : r.points)
    out.push_back(p.pairs_connected);
  return out;
}
std::vector<double> channels_curve(const AttackResult& r) {
  std::vector<double> out;
  for (const auto& p : r.points)
    out.push_back(p.disjoint_channels);
  return out;
}
std::vector<double> largest_curve(const AttackResult& r) {
  std::vector<double> out;
  for (const auto& p : r.points)
    out.push_back(p.largest_component);
  return out;
}

// ------------------------------------------------------------------ recomputation from scratch

struct Figures {
  double pairs = 0.0;
  std::int64_t channels = 0;
  std::size_t largest = 0;
};

// Undirected adjacency (both directions) or arcs, self-loops left out, removed vertices too.
std::vector<std::vector<Vertex>> adjacency(const View& v, const std::vector<bool>& removed,
                                           bool along_arcs) {
  std::vector<std::vector<Vertex>> adj(v.vertex_count());
  for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
    const Vertex x = v.from(e), y = v.to(e);
    if (x == y || removed[x] || removed[y]) continue;
    adj[x].push_back(y);
    if (!along_arcs) adj[y].push_back(x);
  }
  return adj;
}

std::vector<bool> reach(const std::vector<std::vector<Vertex>>& adj, Vertex s) {
  std::vector<bool> seen(adj.size(), false);
  std::queue<Vertex> queue;
  seen[s] = true;
  queue.push(s);
  while (!queue.empty()) {
    const Vertex u = queue.front();
    queue.pop();
    for (Vertex w : adj[u])
      if (!seen[w]) {
        seen[w] = true;
        queue.push(w);
      }
  }
  return seen;
}

// Maximum number of vertex-disjoint A-B paths by Edmonds-Karp on a dense matrix of the
// vertex-split graph (vertex arcs 1, everything else n + 1).
std::int64_t brute_channels(const View& v, const std::vector<bool>& a, const std::vector<bool>& b,
                            const std::vector<bool>& removed, bool oriented) {
  const std::size_t n = v.vertex_count(), nodes = 2 * n + 2, s = 2 * n, t = 2 * n + 1;
  const int big = static_cast<int>(n) + 1;
  std::vector<std::vector<int>> cap(nodes, std::vector<int>(nodes, 0));
  for (std::size_t x = 0; x < n; ++x) {
    if (removed[x]) continue;
    cap[2 * x][2 * x + 1] = 1;
    if (a[x]) cap[s][2 * x] = big;
    if (b[x]) cap[2 * x + 1][t] = big;
  }
  for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
    const std::size_t x = v.from(e), y = v.to(e);
    if (x == y || removed[x] || removed[y]) continue;
    cap[2 * x + 1][2 * y] = big;
    if (!oriented) cap[2 * y + 1][2 * x] = big;
  }
  std::int64_t flow = 0;
  for (;;) {
    std::vector<std::size_t> parent(nodes, nodes);
    std::queue<std::size_t> queue;
    parent[s] = s;
    queue.push(s);
    while (!queue.empty() && parent[t] == nodes) {
      const auto u = queue.front();
      queue.pop();
      for (std::size_t w = 0; w < nodes; ++w)
        if (cap[u][w] > 0 && parent[w] == nodes) {
          parent[w] = u;
          queue.push(w);
        }
    }
    if (parent[t] == nodes) return flow;
    for (std::size_t w = t; w != s; w = parent[w]) {
      --cap[parent[w]][w];
      ++cap[w][parent[w]];
    }
    ++flow;
  }
}

Figures brute(const View& v, const std::vector<bool>& a, const std::vector<bool>& b,
              const std::vector<bool>& removed, bool oriented) {
  const Vertex n = v.vertex_count();
  Figures f;
  const auto arcs = adjacency(v, removed, oriented);
  double joined = 0.0, size_a = 0.0, size_b = 0.0;
  for (Vertex x = 0; x < n; ++x) {
    size_a += a[x];
    size_b += b[x];
    if (!a[x] || removed[x]) continue;
    const auto seen = reach(arcs, x);
    for (Vertex y = 0; y < n; ++y)
      joined += b[y] && seen[y];
  }
  f.pairs = joined / (size_a * size_b);
  const auto edges = adjacency(v, removed, false);
  std::vector<bool> done(n, false);
  for (Vertex x = 0; x < n; ++x) {
    if (removed[x] || done[x]) continue;
    const auto seen = reach(edges, x);
    std::size_t size = 0;
    for (Vertex y = 0; y < n; ++y)
      if (seen[y]) {
        done[y] = true;
        ++size;
      }
    f.largest = std::max(f.largest, size);
  }
  f.channels = brute_channels(v, a, b, removed, oriented);
  return f;
}

// Cross betweenness by brute force: for each remaining pair (a, b) with a path, every vertex
// v with d(a, v) + d(v, b) = d(a, b) gets sigma(a, v) sigma(v, b) / sigma(a, b), path counts
// taken over View edges (so parallel edges are separate paths).
std::vector<double> brute_cross(const View& v, const std::vector<bool>& a,
                                const std::vector<bool>& b, const std::vector<bool>& removed,
                                bool oriented) {
  const Vertex n = v.vertex_count();
  constexpr auto kFar = std::numeric_limits<std::size_t>::max();
  // Forward (out) and backward (in) edge lists, one entry per View edge.
  std::vector<std::vector<Vertex>> out(n), in(n);
  for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
    const Vertex x = v.from(e), y = v.to(e);
    if (x == y || removed[x] || removed[y]) continue;
    out[x].push_back(y);
    in[y].push_back(x);
    if (!oriented) {
      out[y].push_back(x);
      in[x].push_back(y);
    }
  }
  auto bfs = [&](Vertex s, const std::vector<std::vector<Vertex>>& adj,
                 std::vector<std::size_t>& dist, std::vector<double>& sigma) {
    dist.assign(n, kFar);
    sigma.assign(n, 0.0);
    std::vector<Vertex> order{s};
    dist[s] = 0;
    sigma[s] = 1.0;
    for (std::size_t h = 0; h < order.size(); ++h) {
      const Vertex u = order[h];
      for (Vertex w : adj[u]) {
        if (dist[w] == kFar) {
          dist[w] = dist[u] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[u] + 1) sigma[w] += sigma[u];
      }
    }
  };
  std::vector<double> score(n, 0.0);
  std::vector<std::size_t> da, db;
  std::vector<double> sa, sb;
  for (Vertex x = 0; x < n; ++x) {
    if (!a[x] || removed[x]) continue;
    bfs(x, out, da, sa);
    for (Vertex y = 0; y < n; ++y) {
      if (!b[y] || removed[y] || da[y] == kFar) continue;
      bfs(y, in, db, sb);
      for (Vertex w = 0; w < n; ++w)
        if (w != x && w != y && da[w] != kFar && db[w] != kFar && da[w] + db[w] == da[y])
          score[w] += sa[w] * sb[w] / sa[y];
    }
  }
  return score;
}

std::vector<std::uint32_t> brute_degrees(const View& v, const std::vector<bool>& removed) {
  std::vector<std::uint32_t> d(v.vertex_count(), 0);
  for (graph::ViewEdge e = 0; e < v.edge_count(); ++e) {
    const Vertex x = v.from(e), y = v.to(e);
    if (x == y || removed[x] || removed[y]) continue;
    ++d[x];
    ++d[y];
  }
  return d;
}

// ------------------------------------------------------------------ random multigraphs

struct Case {
  graph::Graph g;
  View view;
  std::vector<bool> a, b;
  bool directed = false;
};

// n nodes "n0".."n{n-1}", random edges among them with repeated pairs (relations r0..r2),
// self-loops and isolated nodes; both sides non-empty and disjoint.
Case random_case(unsigned seed) {
  std::mt19937 rng(seed);
  auto below = [&](unsigned k) { return static_cast<unsigned>(rng() % k); };
  Case c;
  const unsigned n = 2 + below(29);
  c.directed = seed % 4 == 3;
  for (unsigned i = 0; i < n; ++i)
    c.g.add_node("n" + std::to_string(i));
  const unsigned m = below(2 * n * (1 + seed % 3) + 1);  // sparse to dense
  const char* relations[] = {"r0", "r1", "r2"};
  for (unsigned i = 0; i < m; ++i) {
    graph::EdgeSpec spec;
    spec.source = below(n);
    spec.target = below(10) == 0 ? spec.source : below(n);
    spec.relation = relations[below(3)];
    spec.directed = c.directed;
    c.g.add_edge(spec);
    if (below(6) == 0) {  // a parallel edge of another relation
      spec.relation = relations[(below(2) + 1 + i) % 3];
      c.g.add_edge(spec);
    }
  }
  ViewOptions opts;
  if (!c.directed) opts.direction = graph::DirectionPolicy::Undirected;
  c.view = View::build(c.g, opts);
  c.a.assign(n, false);
  c.b.assign(n, false);
  c.a[below(n)] = true;
  for (;;) {
    const unsigned x = below(n);
    if (!c.a[x]) {
      c.b[x] = true;
      break;
    }
  }
  for (unsigned x = 0; x < n; ++x) {
    const unsigned roll = below(5);
    if (c.a[x] || c.b[x]) continue;
    if (roll == 0) c.a[x] = true;
    if (roll == 1) c.b[x] = true;
  }
  return c;
}

// Every point of `r` against recomputation on the graph left after its removals.
void check_curve(const Case& c, const AttackResult& r, std::size_t expected_steps) {
  const Vertex n = c.view.vertex_count();
  REQUIRE(r.points.size() == expected_steps + 1);
  std::vector<bool> removed(n, false);
  double total = 0.0;
  for (std::size_t q = 0; q < r.points.size(); ++q) {
    const auto& p = r.points[q];
    CHECK(p.step == q);
    if (q > 0) {
      REQUIRE(p.removed < n);
      REQUIRE_FALSE(removed[p.removed]);
      removed[p.removed] = true;
      total += p.pairs_connected;
    } else {
      CHECK(p.removed == graph::kNoVertex);
    }
    const auto f = brute(c.view, c.a, c.b, removed, c.directed);
    CHECK(p.pairs_connected == doctest::Approx(f.pairs).epsilon(kTol));
    CHECK(p.disjoint_channels == static_cast<double>(f.channels));
    CHECK(p.largest_component == static_cast<double>(f.largest));
  }
  if (expected_steps > 0)
    CHECK(r.r_index == doctest::Approx(total / static_cast<double>(expected_steps)).epsilon(kTol));
  else
    CHECK(std::isnan(r.r_index));
}

}  // namespace

// ------------------------------------------------------------------ hand-worked graphs

TEST_CASE("attack: degree orders on a small graph worked by hand") {
  //   b2 -- a1 -- x -- b1 -- y -- a2   A = {a1, a2}, B = {b1, b2}; vertex order a1 x b1 a2 y b2
  // Intact: one component of 6, all 4 pairs joined, 2 disjoint channels (a1-b2, a2-y-b1).
  const auto g = make_graph({{"a1", "x"}, {"x", "b1"}, {"a2", "y"}, {"y", "b1"}, {"a1", "b2"}});
  const View v = View::build(g);
  const auto a = mask(g, v, {"a1", "a2"});
  const auto b = mask(g, v, {"b1", "b2"});

  SUBCASE("static: degrees of the intact graph, ties by vertex index") {
    const auto r = analyses::attack(v, a, b, AttackOptions{.order = AttackOrder::Degree});
    CHECK(removed_ids(g, v, r) == std::vector<std::string>{"a1", "x", "b1", "y", "a2", "b2"});
    CHECK(pairs_curve(r) == std::vector<double>{1.0, 0.25, 0.25, 0.0, 0.0, 0.0, 0.0});
    CHECK(channels_curve(r) == std::vector<double>{2, 1, 1, 0, 0, 0, 0});
    CHECK(largest_curve(r) == std::vector<double>{6, 4, 3, 2, 1, 1, 0});
    CHECK(r.r_index == doctest::Approx(0.5 / 6.0).epsilon(kTol));
    CHECK(r.points[0].removed == graph::kNoVertex);
  }
  SUBCASE("recomputed: b1 (2 left) goes before x (1 left) once a1 is gone") {
    const auto r =
        analyses::attack(v, a, b, AttackOptions{.order = AttackOrder::Degree, .recomputed = true});
    CHECK(removed_ids(g, v, r) == std::vector<std::string>{"a1", "b1", "a2", "x", "y", "b2"});
    CHECK(pairs_curve(r) == std::vector<double>{1.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0});
    CHECK(largest_curve(r) == std::vector<double>{6, 4, 2, 1, 1, 1, 0});
    CHECK(r.r_index == doctest::Approx(0.25 / 6.0).epsilon(kTol));
  }
  SUBCASE("tie_rank reverses the ties") {
    AttackOptions opts{.order = AttackOrder::Degree};
    opts.tie_rank = {5, 4, 3, 2, 1, 0};
    const auto r = analyses::attack(v, a, b, opts);
    CHECK(removed_ids(g, v, r) == std::vector<std::string>{"y", "b1", "x", "a1", "b2", "a2"});
  }
  SUBCASE("cross betweenness: x and y (2) before a1 and b1 (1)") {
    // (a1,b1) via x; (a2,b1) via y; (a2,b2) along a2-y-b1-x-a1-b2; (a1,b2) direct.
    for (bool recomputed : {false, true}) {
      const auto r = analyses::attack(
          v, a, b, AttackOptions{.order = AttackOrder::CrossBetweenness, .recomputed = recomputed});
      CHECK(removed_ids(g, v, r) == std::vector<std::string>{"x", "y", "a1", "b1", "a2", "b2"});
      CHECK(pairs_curve(r) == std::vector<double>{1.0, 0.5, 0.25, 0.0, 0.0, 0.0, 0.0});
      CHECK(channels_curve(r) == std::vector<double>{2, 2, 1, 0, 0, 0, 0});
      CHECK(largest_curve(r) == std::vector<double>{6, 3, 2, 1, 1, 1, 0});
    }
  }
  SUBCASE("a given list removes only its vertices") {
    AttackOptions opts{.order = AttackOrder::Given};
    opts.given = {v.vertex_of(*g.find_node("y"))};
    const auto r = analyses::attack(v, a, b, opts);
    REQUIRE(r.points.size() == 2);
    CHECK(r.points[1].pairs_connected == 0.5);  // a2 is cut off from both
    CHECK(r.points[1].disjoint_channels == 1.0);
    CHECK(r.points[1].largest_component == 4.0);
    CHECK(r.r_index == 0.5);
    const auto none = analyses::attack(v, a, b, AttackOptions{.order = AttackOrder::Given});
    REQUIRE(none.points.size() == 1);
    CHECK(none.points[0].pairs_connected == 1.0);
    CHECK(std::isnan(none.r_index));
  }
}

TEST_CASE("attack: directed channels follow arcs") {
  //   a -> x -> b -> y -> a2     A = {a, a2}, B = {b}: only a reaches b along arcs.
  const auto g = make_graph({{"a", "x", "r", true},
                             {"x", "b", "r", true},
                             {"b", "y", "r", true},
                             {"y", "a2", "r", true}});
  const View v = View::build(g);
  REQUIRE(v.directed());
  const auto a = mask(g, v, {"a", "a2"});
  const auto b = mask(g, v, {"b"});
  CHECK_THROWS_AS(analyses::attack(v, a, b), InputError);
  AttackOptions opts{.order = AttackOrder::Given, .directed = true};
  opts.given = {v.vertex_of(*g.find_node("y"))};
  const auto r = analyses::attack(v, a, b, opts);
  CHECK(pairs_curve(r) == std::vector<double>{0.5, 0.5});
  CHECK(channels_curve(r) == std::vector<double>{1, 1});
  CHECK(largest_curve(r) == std::vector<double>{5, 3});  // weakly connected
  opts.given = {v.vertex_of(*g.find_node("x"))};
  CHECK(pairs_curve(analyses::attack(v, a, b, opts)) == std::vector<double>{0.5, 0.0});

  // On an undirected view the flag changes nothing but says so.
  const auto u = View::build(g, ViewOptions{.direction = graph::DirectionPolicy::Undirected});
  const auto ru = analyses::attack(u, mask(g, u, {"a", "a2"}), mask(g, u, {"b"}),
                                   AttackOptions{.directed = true});
  CHECK(ru.points[0].pairs_connected == 1.0);
  CHECK(ru.notes.size() == 1);
}

TEST_CASE("attack: degenerate graphs") {
  SUBCASE("one node per side, no edges") {
    const auto g = make_graph({}, {"a", "b"});
    const View v = View::build(g);
    const auto r = analyses::attack(v, mask(g, v, {"a"}), mask(g, v, {"b"}));
    CHECK(pairs_curve(r) == std::vector<double>{0, 0, 0});
    CHECK(channels_curve(r) == std::vector<double>{0, 0, 0});
    CHECK(largest_curve(r) == std::vector<double>{1, 1, 0});
    CHECK(r.r_index == 0.0);
  }
  SUBCASE("one edge between the sides") {
    const auto g = make_graph({{"a", "b"}});
    const View v = View::build(g);
    const auto r = analyses::attack(v, mask(g, v, {"a"}), mask(g, v, {"b"}));
    CHECK(pairs_curve(r) == std::vector<double>{1, 0, 0});
    CHECK(channels_curve(r) == std::vector<double>{1, 0, 0});
    CHECK(largest_curve(r) == std::vector<double>{2, 1, 0});
  }
  SUBCASE("self-loops carry nothing and count in no degree") {
    //   (loop) a -- x -- b (loop on b twice)
    const auto g = make_graph({{"a", "a"}, {"a", "x"}, {"x", "b"}, {"b", "b"}, {"b", "b"}});
    const View v = View::build(g);
    const auto r = analyses::attack(v, mask(g, v, {"a"}), mask(g, v, {"b"}));
    // Degrees 1, 2, 1 without the loops: x goes first, then a and b by index.
    CHECK(removed_ids(g, v, r) == std::vector<std::string>{"x", "a", "b"});
    CHECK(pairs_curve(r) == std::vector<double>{1, 0, 0, 0});
    CHECK(channels_curve(r) == std::vector<double>{1, 0, 0, 0});
  }
  SUBCASE("parallel edges of different relations") {
    //   a ==== b -- c    (a-b met_with and called)
    const auto g = make_graph({{"a", "b", "met_with"}, {"a", "b", "called"}, {"b", "c"}});
    const View keep = View::build(g);
    const auto r = analyses::attack(keep, mask(g, keep, {"a"}), mask(g, keep, {"c"}));
    // Under keep a has degree 2 and goes before c; b (3) first.
    CHECK(removed_ids(g, keep, r) == std::vector<std::string>{"b", "a", "c"});
    CHECK(channels_curve(r) == std::vector<double>{1, 0, 0, 0});
    const View any = View::build(g, ViewOptions{.parallel = graph::ParallelPolicy::Any});
    const auto s = analyses::attack(any, mask(g, any, {"c"}), mask(g, any, {"a"}));
    CHECK(removed_ids(g, any, s) == std::vector<std::string>{"b", "a", "c"});
    CHECK(s.points[0].disjoint_channels == 1.0);
  }
  SUBCASE("disconnected sides") {
    //   a -- x      y -- b
    const auto g = make_graph({{"a", "x"}, {"y", "b"}});
    const View v = View::build(g);
    const auto r = analyses::attack(v, mask(g, v, {"a"}), mask(g, v, {"b"}),
                                    AttackOptions{.order = AttackOrder::CrossBetweenness});
    CHECK(removed_ids(g, v, r) == std::vector<std::string>{"a", "x", "y", "b"});
    CHECK(pairs_curve(r) == std::vector<double>{0, 0, 0, 0, 0});
    CHECK(largest_curve(r) == std::vector<double>{2, 2, 2, 1, 0});
  }
}

TEST_CASE("attack: bad input") {
  const auto g = make_graph({{"a", "x"}, {"x", "b"}});
  const View v = View::build(g);
  const auto a = mask(g, v, {"a"});
  const auto b = mask(g, v, {"b"});
  const std::vector<bool> none(3, false);
  CHECK_THROWS_AS(analyses::attack(v, none, b), InputError);
  CHECK_THROWS_AS(analyses::attack(v, a, none), InputError);
  CHECK_THROWS_AS(analyses::attack(v, a, a), InputError);
  CHECK_THROWS_AS(analyses::attack(v, std::vector<bool>{true}, b), InputError);
  CHECK_THROWS_AS(analyses::attack(v, a, b, AttackOptions{.order = AttackOrder::Random, .runs = 0}),
                  InputError);
  AttackOptions list{.order = AttackOrder::Given};
  list.given = {1, 1};
  CHECK_THROWS_AS(analyses::attack(v, a, b, list), InputError);
  list.given = {3};
  CHECK_THROWS_AS(analyses::attack(v, a, b, list), InputError);
  AttackOptions ranks;
  ranks.tie_rank = {0, 1};
  CHECK_THROWS_AS(analyses::attack(v, a, b, ranks), InputError);
}

// ------------------------------------------------------------------ random graphs

TEST_CASE("attack: every curve equals recomputation from scratch after each removal") {
  // 160 random multigraphs of 2..30 nodes and up to 6 edges per node (every fourth directed,
  // with directed channels), six orders each.
  for (unsigned seed = 1; seed <= 160; ++seed) {
    CAPTURE(seed);
    const Case c = random_case(seed);
    const Vertex n = c.view.vertex_count();
    std::vector<AttackOptions> orders;
    orders.push_back({.order = AttackOrder::Random, .seed = seed, .runs = 1});
    orders.push_back({.order = AttackOrder::Degree});
    orders.push_back({.order = AttackOrder::Degree, .recomputed = true});
    orders.push_back({.order = AttackOrder::CrossBetweenness});
    orders.push_back({.order = AttackOrder::CrossBetweenness, .recomputed = true});
    AttackOptions given{.order = AttackOrder::Given};
    for (Vertex x = seed % 3; x < n; x += 2)
      given.given.push_back(x);
    std::reverse(given.given.begin(), given.given.end());
    orders.push_back(given);
    for (auto opts : orders) {
      CAPTURE(static_cast<int>(opts.order));
      CAPTURE(opts.recomputed);
      opts.directed = c.directed;
      const auto r = analyses::attack(c.view, c.a, c.b, opts);
      check_curve(c, r, opts.order == AttackOrder::Given ? opts.given.size() : std::size_t{n});
      if (opts.order == AttackOrder::Given)
        for (std::size_t q = 0; q < opts.given.size(); ++q)
          CHECK(r.points[q + 1].removed == opts.given[q]);

      // The order itself: each removed vertex is the top of the graph it was picked from.
      if (opts.order != AttackOrder::Degree && opts.order != AttackOrder::CrossBetweenness)
        continue;
      std::vector<bool> removed(n, false);
      const bool by_degree = opts.order == AttackOrder::Degree;
      const std::vector<bool> intact(n, false);
      std::vector<double> key;
      bool apart = false;
      for (std::size_t q = 1; q <= n; ++q) {
        if (q == 1 || opts.recomputed) {
          key.clear();
          if (by_degree) {
            for (auto d : brute_degrees(c.view, opts.recomputed ? removed : intact))
              key.push_back(d);
          } else {
            key = brute_cross(c.view, c.a, c.b, opts.recomputed ? removed : intact, c.directed);
          }
        }
        const Vertex pick = r.points[q].removed;
        // After the scores all reach 0 (recomputed cross betweenness) the rest go by index.
        if (!by_degree && opts.recomputed && !apart) {
          apart = std::all_of(key.begin(), key.end(), [&](double x) { return x < 1e-9; });
        }
        for (Vertex w = 0; w < n; ++w) {
          if (removed[w] || w == pick) continue;
          const bool tie = std::abs(key[w] - key[pick]) < 1e-9;
          CHECK(key[w] <= key[pick] + 1e-9);
          if (tie || apart) CHECK(w > pick);
        }
        removed[pick] = true;
      }
    }
  }
}

TEST_CASE("attack: curves agree with resilience() on the graph without the removed nodes") {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    CAPTURE(seed);
    const Case c = random_case(seed);
    if (c.directed) continue;
    const auto r = analyses::attack(c.view, c.a, c.b, AttackOptions{.order = AttackOrder::Degree});
    std::string gone;
    for (std::size_t q = 0; q < r.points.size(); ++q) {
      if (q > 0)
        gone += (gone.empty() ? "" : ", ") + c.g.node(c.view.node_of(r.points[q].removed)).id;
      ViewOptions opts{.direction = graph::DirectionPolicy::Undirected};
      if (!gone.empty()) opts.where = graph::Selection::parse("not id in (" + gone + ")", "test");
      const View rest = View::build(c.g, opts);
      std::vector<bool> a(rest.vertex_count()), b(rest.vertex_count());
      bool any_a = false, any_b = false;
      for (Vertex x = 0; x < rest.vertex_count(); ++x) {
        const Vertex orig = c.view.vertex_of(rest.node_of(x));
        a[x] = c.a[orig];
        b[x] = c.b[orig];
        any_a = any_a || a[x];
        any_b = any_b || b[x];
      }
      if (!any_a || !any_b) {
        CHECK(r.points[q].pairs_connected == 0.0);
        CHECK(r.points[q].disjoint_channels == 0.0);
        continue;
      }
      const auto full = analyses::resilience(rest, a, b);
      CHECK(r.points[q].disjoint_channels == static_cast<double>(full.disjoint_channels));
      // resilience() divides by the sides that are left; the curve by the intact sides.
      const auto count = [](const std::vector<bool>& m) {
        return static_cast<double>(std::count(m.begin(), m.end(), true));
      };
      CHECK(r.points[q].pairs_connected ==
            doctest::Approx(full.pairs_connected * count(a) * count(b) / (count(c.a) * count(c.b)))
                .epsilon(kTol));
    }
  }
}

TEST_CASE("attack: random runs are reproducible for a seed and differ across seeds") {
  Case big = random_case(7);  // 2..30 nodes: take one with at least 15
  for (unsigned seed = 8; big.view.vertex_count() < 15; ++seed)
    big = random_case(seed);
  const AttackOptions one{.order = AttackOrder::Random, .seed = 42, .runs = 5};
  const auto r1 = analyses::attack(big.view, big.a, big.b, one);
  const auto r2 = analyses::attack(big.view, big.a, big.b, one);
  CHECK(largest_curve(r1) == largest_curve(r2));
  CHECK(pairs_curve(r1) == pairs_curve(r2));
  CHECK(channels_curve(r1) == channels_curve(r2));
  CHECK(r1.r_index == r2.r_index);
  for (std::size_t q = 1; q < r1.points.size(); ++q)
    CHECK(r1.points[q].removed == graph::kNoVertex);  // a mean of 5 runs names no vertex

  AttackOptions other = one;
  other.seed = 43;
  const auto r3 = analyses::attack(big.view, big.a, big.b, other);
  CHECK(largest_curve(r1) != largest_curve(r3));

  // A single run names its vertices, a permutation; another seed gives another permutation.
  const auto s1 = analyses::attack(big.view, big.a, big.b,
                                   AttackOptions{.order = AttackOrder::Random, .seed = 1});
  const auto s2 = analyses::attack(big.view, big.a, big.b,
                                   AttackOptions{.order = AttackOrder::Random, .seed = 2});
  auto p1 = removed_ids(big.g, big.view, s1);
  auto p2 = removed_ids(big.g, big.view, s2);
  CHECK(p1 != p2);
  std::sort(p1.begin(), p1.end());
  std::sort(p2.begin(), p2.end());
  CHECK(p1 == p2);

  // Every run starts from the intact graph and ends with nothing left.
  CHECK(r1.points[0].largest_component == s1.points[0].largest_component);
  CHECK(r1.points[0].pairs_connected == s1.points[0].pairs_connected);
  CHECK(r1.points.back().largest_component == 0.0);
}

TEST_CASE("attack: the seeded order is the same on every platform") {
  // std::mt19937_64's output is fixed by the standard ([rand.predef]: the 10000th value of a
  // default-constructed engine is 9981545732273789042), and the bounded draw is attack.cpp's
  // own, so a seed names one order on every standard library. The permutation below (seed
  // 2024, ten vertices) was computed apart from this code, by a Python transcription of
  // Matsumoto and Nishimura's reference MT19937-64 with the same rejection draw and
  // Fisher-Yates loop (i from n down to 2, swap i-1 with a draw below i).
  std::mt19937_64 engine;
  for (int i = 1; i < 10000; ++i)
    engine();
  REQUIRE(engine() == 9981545732273789042ULL);

  const auto g = make_graph({}, {"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9"});
  const View v = View::build(g);
  const auto r = analyses::attack(v, mask(g, v, {"n0"}), mask(g, v, {"n1"}),
                                  AttackOptions{.order = AttackOrder::Random, .seed = 2024});
  CHECK(removed_ids(g, v, r) ==
        std::vector<std::string>{"n1", "n3", "n6", "n0", "n2", "n8", "n7", "n5", "n9", "n4"});
}
