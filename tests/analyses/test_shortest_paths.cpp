// Betweenness, closeness and harmonic centrality from analyses/shortest_paths.hpp against
// igraph's own functions (igraph_betweenness, igraph_closeness, igraph_harmonic_centrality)
// on seeded random multigraphs, plus tiny graphs worked out by hand and invariants (equal
// lengths give the hop-count results; thread counts do not change closeness).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <igraph/igraph.h>

#include "analyses/shortest_paths.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using analyses::ShortestPathOptions;
using graph::DirectionPolicy;
using graph::ParallelPolicy;
using graph::View;
using graph::ViewOptions;
using testing::make_graph;

namespace {

constexpr double kRelTol = 1e-9;

// |a - b| within kRelTol of the larger magnitude (exact zeros must match exactly).
bool close(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= kRelTol * std::max(std::fabs(a), std::fabs(b));
}

void check_columns(const std::vector<double>& ours, const std::vector<double>& reference,
                   const char* what) {
  REQUIRE(ours.size() == reference.size());
  for (std::size_t v = 0; v < ours.size(); ++v) {
    INFO(what << " at vertex " << v << ": ours " << ours[v] << ", igraph " << reference[v]);
    CHECK(close(ours[v], reference[v]));
  }
}

std::vector<double> inverse_weights(const View& view) {
  std::vector<double> lengths(view.edge_count());
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    lengths[e] = 1.0 / view.weight(e);
  return lengths;
}

// igraph's three measures on the same view and lengths (empty = hop counts); closeness NaN
// (reaches nothing) becomes 0 as ours does, and reached counts come from igraph too.
struct Reference {
  std::vector<double> betweenness, closeness, harmonic, reached;
};

Reference igraph_reference(const View& view, const std::vector<double>& lengths) {
  graph::ig::Graph g(view);
  graph::ig::Vector w = graph::ig::to_igraph(lengths);
  const igraph_vector_t* weights = lengths.empty() ? nullptr : w.get();
  graph::ig::Vector b, c, h;
  graph::ig::IntVector reached;
  igraph_bool_t all_reachable = false;
  graph::ig::check(igraph_betweenness(g.get(), b.get(), igraph_vss_all(), true, weights));
  graph::ig::check(igraph_closeness(g.get(), c.get(), reached.get(), &all_reachable,
                                    igraph_vss_all(), IGRAPH_OUT, weights, true));
  graph::ig::check(
      igraph_harmonic_centrality(g.get(), h.get(), igraph_vss_all(), IGRAPH_OUT, weights, true));
  graph::ig::take_warnings();  // e.g. tiny weights; not what is compared here
  Reference r{b.to_std(), c.to_std(), h.to_std(), reached.to_std()};
  for (double& x : r.closeness)
    if (std::isnan(x)) x = 0.0;
  return r;
}

void compare_with_igraph(const View& view, const std::vector<double>& lengths, unsigned threads) {
  const auto ref = igraph_reference(view, lengths);
  ShortestPathOptions opts;
  opts.lengths = lengths;
  opts.threads = threads;
  check_columns(analyses::exact_betweenness(view, opts), ref.betweenness, "betweenness");
  const auto ours = analyses::closeness_harmonic(view, opts);
  check_columns(ours.closeness, ref.closeness, "closeness");
  check_columns(ours.harmonic, ref.harmonic, "harmonic");
  std::vector<double> reached(ours.reached.begin(), ours.reached.end());
  check_columns(reached, ref.reached, "reached");
}

// A random multigraph: `n` nodes of which the last few are isolated, `m` edges drawn within
// two halves (so there are at least two parts) plus a few across, with parallel edges,
// self-loops, a mix of directed and undirected edges and two relations. Weights come from a
// small set whose inverses (1, 1/2, 1/3, 2/3) make equal-length paths that differ by rounding.
graph::Graph random_multigraph(std::mt19937& rng, int n, int m, bool some_directed) {
  graph::Graph g;
  for (int i = 0; i < n; ++i)
    g.add_node("v" + std::to_string(i));
  if (n == 0) return g;
  const int isolated = n >= 6 ? 2 : 0;
  const int active = n - isolated;
  const int half = std::max(1, active / 2);
  std::uniform_int_distribution<int> coin(0, 99);
  const double weights[] = {1.0, 2.0, 3.0, 1.5};
  std::uniform_int_distribution<int> pick_weight(0, 3);
  std::vector<std::pair<int, int>> added;
  for (int e = 0; e < m; ++e) {
    graph::EdgeSpec spec;
    const int r = coin(rng);
    if (r < 8 && !added.empty()) {  // a parallel edge, maybe of another relation
      const auto& [a, b] =
          added[std::uniform_int_distribution<std::size_t>(0, added.size() - 1)(rng)];
      spec.source = static_cast<graph::NodeIndex>(a);
      spec.target = static_cast<graph::NodeIndex>(b);
    } else if (r < 12) {  // a self-loop
      const int a = std::uniform_int_distribution<int>(0, active - 1)(rng);
      spec.source = spec.target = static_cast<graph::NodeIndex>(a);
    } else {
      const bool across = r < 15;
      const bool low = coin(rng) < 50 || half == active;
      const int lo = low ? 0 : half, hi = low ? half - 1 : active - 1;
      int a = std::uniform_int_distribution<int>(lo, hi)(rng);
      int b = across ? std::uniform_int_distribution<int>(0, active - 1)(rng)
                     : std::uniform_int_distribution<int>(lo, hi)(rng);
      spec.source = static_cast<graph::NodeIndex>(a);
      spec.target = static_cast<graph::NodeIndex>(b);
    }
    added.emplace_back(static_cast<int>(spec.source), static_cast<int>(spec.target));
    spec.relation = coin(rng) < 50 ? "met_with" : "co_chairs";
    spec.directed = some_directed && coin(rng) < 70;
    spec.weight = weights[pick_weight(rng)];
    g.add_edge(spec);
  }
  return g;
}

View view_of(const graph::Graph& g, DirectionPolicy direction,
             ParallelPolicy parallel = ParallelPolicy::Keep) {
  ViewOptions opts;
  opts.direction = direction;
  opts.parallel = parallel;
  return View::build(g, opts);
}

}  // namespace

TEST_CASE("random multigraphs: equal to igraph, with and without lengths, on 1, 2 and 3 threads") {
  std::mt19937 rng(20240611);
  int cases = 0;
  for (int round = 0; round < 60; ++round) {
    const int n = std::uniform_int_distribution<int>(0, 70)(rng);
    const int m = n == 0 ? 0 : std::uniform_int_distribution<int>(0, 3 * n)(rng);
    const bool some_directed = round % 2 == 0;
    const auto g = random_multigraph(rng, n, m, some_directed);
    for (auto direction : {DirectionPolicy::AsStored, DirectionPolicy::Undirected}) {
      for (auto parallel : {ParallelPolicy::Keep, ParallelPolicy::Sum}) {
        const View view = view_of(g, direction, parallel);
        const auto lengths = inverse_weights(view);
        for (unsigned threads : {1u, 2u, 3u}) {
          INFO("round " << round << ", n " << n << ", m " << m << ", directed " << view.directed()
                        << ", threads " << threads);
          compare_with_igraph(view, {}, threads);
          compare_with_igraph(view, lengths, threads);
          ++cases;
        }
      }
    }
  }
  CHECK(cases == 60 * 2 * 2 * 3);
}

TEST_CASE("larger random graphs cross several 64-source batches and thread blocks") {
  std::mt19937 rng(7);
  for (int n : {150, 301}) {
    for (bool some_directed : {false, true}) {
      const auto g = random_multigraph(rng, n, 2 * n, some_directed);
      const View view = view_of(g, DirectionPolicy::AsStored);
      INFO("n " << n << ", directed " << view.directed());
      compare_with_igraph(view, {}, 2);
      compare_with_igraph(view, inverse_weights(view), 3);
    }
  }
}

TEST_CASE("lengths that tie only up to rounding count as equal, as in igraph") {
  // A 7 x 7 grid, horizontal edges of weight 10 (length 0.1), vertical ones of weight 3
  // (length 1/3). Every shortest path between two cells is a monotone staircase of the same
  // exact length, but the staircases add 0.1 and 1/3 in different orders and so differ in the
  // last bits: they must still tie, so betweenness is that of the unweighted grid (the same
  // staircases), and the distance from (r, c) to (r', c') is |c - c'| / 10 + |r - r'| / 3.
  graph::Graph g;
  const int side = 7;
  for (int i = 0; i < side * side; ++i)
    g.add_node("c" + std::to_string(i));
  auto add = [&](int a, int b, double weight) {
    graph::EdgeSpec spec;
    spec.source = static_cast<graph::NodeIndex>(a);
    spec.target = static_cast<graph::NodeIndex>(b);
    spec.weight = weight;
    g.add_edge(spec);
  };
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      if (c + 1 < side) add(r * side + c, r * side + c + 1, 10.0);
      if (r + 1 < side) add(r * side + c, (r + 1) * side + c, 3.0);
    }
  const View view = view_of(g, DirectionPolicy::AsStored);
  const auto lengths = inverse_weights(view);
  ShortestPathOptions hops, weighted;
  weighted.lengths = lengths;
  hops.threads = weighted.threads = 2;
  check_columns(analyses::exact_betweenness(view, weighted),
                analyses::exact_betweenness(view, hops), "betweenness (lengths vs hops)");
  const auto d = analyses::closeness_harmonic(view, weighted);
  for (int v = 0; v < side * side; ++v) {
    double total = 0, inverse = 0;
    for (int u = 0; u < side * side; ++u) {
      if (u == v) continue;
      const double length =
          std::abs(u % side - v % side) / 10.0 + std::abs(u / side - v / side) / 3.0;
      total += length;
      inverse += 1 / length;
    }
    INFO("cell " << v);
    CHECK(d.closeness[v] == doctest::Approx((side * side - 1) / total).epsilon(kRelTol));
    CHECK(d.harmonic[v] == doctest::Approx(inverse / (side * side - 1)).epsilon(kRelTol));
  }
  compare_with_igraph(view, lengths, 2);
}

TEST_CASE("betweenness is the same on every run with the same thread count") {
  std::mt19937 rng(99);
  const auto g = random_multigraph(rng, 200, 500, false);
  const View view = view_of(g, DirectionPolicy::AsStored);
  for (unsigned threads : {1u, 2u, 3u}) {
    ShortestPathOptions opts;
    opts.threads = threads;
    const auto first = analyses::exact_betweenness(view, opts);
    CHECK(analyses::exact_betweenness(view, opts) == first);
  }
  // Closeness and harmonic are computed per source: bit-identical for any thread count.
  ShortestPathOptions one, three;
  one.threads = 1;
  three.threads = 3;
  const auto a = analyses::closeness_harmonic(view, one);
  const auto b = analyses::closeness_harmonic(view, three);
  CHECK(a.closeness == b.closeness);
  CHECK(a.harmonic == b.harmonic);
  CHECK(a.reached == b.reached);
}

TEST_CASE("empty view: empty columns") {
  graph::Graph g;
  const View view = View::build(g);
  CHECK(analyses::exact_betweenness(view).empty());
  const auto d = analyses::closeness_harmonic(view);
  CHECK(d.closeness.empty());
  CHECK(d.harmonic.empty());
  CHECK(d.reached.empty());
}

TEST_CASE("one node: all zero, reaching nothing") {
  auto g = make_graph({}, {"a"});
  const View view = View::build(g);
  CHECK(analyses::exact_betweenness(view) == std::vector<double>{0.0});
  const auto d = analyses::closeness_harmonic(view);
  CHECK(d.closeness == std::vector<double>{0.0});
  CHECK(d.harmonic == std::vector<double>{0.0});
  CHECK(d.reached == std::vector<std::uint32_t>{0});
  compare_with_igraph(view, {}, 1);
}

TEST_CASE("a self-loop alone is never on a path") {
  //   a --(loop)
  //   b
  for (bool directed : {false, true}) {
    auto g = make_graph({{"a", "a", "met_with", directed, 2.0}}, {"b"});
    const View view = View::build(g);
    const auto lengths = inverse_weights(view);
    ShortestPathOptions opts;
    opts.lengths = lengths;
    CHECK(analyses::exact_betweenness(view, opts) == std::vector<double>{0.0, 0.0});
    const auto d = analyses::closeness_harmonic(view, opts);
    CHECK(d.closeness == std::vector<double>{0.0, 0.0});
    CHECK(d.harmonic == std::vector<double>{0.0, 0.0});
    CHECK(d.reached == std::vector<std::uint32_t>{0, 0});
    compare_with_igraph(view, lengths, 2);
  }
}

TEST_CASE("two parallel edges of different relations double the paths through them") {
  //   a ==(met_with, co_chairs)== b -- c,   and a -- d -- c
  // a to c: two paths through b (one per parallel edge) and one through d, so b carries 2/3
  // of the a-c pair and d 1/3 (by hand; the pair b-d is split 1/2 between a and c).
  auto g = make_graph({{"a", "b", "met_with"},
                       {"a", "b", "co_chairs"},
                       {"b", "c", "met_with"},
                       {"a", "d", "met_with"},
                       {"d", "c", "met_with"}});
  const View view = View::build(g);
  const auto bc = analyses::exact_betweenness(view);
  // vertex order a, b, c, d. b: pair a-c 2/3; pair b-d goes b-a-d (2 paths) or b-c-d (1):
  // a gets 2/3, c gets 1/3. d: pair a-c 1/3. Pairs a-c and b-d are the only ones at distance 2.
  CHECK(bc[0] == doctest::Approx(2.0 / 3));
  CHECK(bc[1] == doctest::Approx(2.0 / 3));
  CHECK(bc[2] == doctest::Approx(1.0 / 3));
  CHECK(bc[3] == doctest::Approx(1.0 / 3));
  compare_with_igraph(view, {}, 1);
  compare_with_igraph(view, inverse_weights(view), 2);
  // Merged into one edge, the pair counts once: b and d then share a-c equally.
  const View merged = view_of(g, DirectionPolicy::AsStored, ParallelPolicy::Count);
  const auto bm = analyses::exact_betweenness(merged);
  CHECK(bm[1] == doctest::Approx(0.5));
  CHECK(bm[3] == doctest::Approx(0.5));
}

TEST_CASE("disconnected parts and sinks: closeness within what is reached, harmonic over n-1") {
  //   a -> b -> c      d -- e      f
  auto g = make_graph({{"a", "b", "r", true}, {"b", "c", "r", true}, {"d", "e", "r", true}}, {"f"});
  const View view = View::build(g);
  const auto d = analyses::closeness_harmonic(view);
  // a reaches b (1) and c (2): closeness 2/3, harmonic (1 + 1/2) / 5.
  CHECK(d.closeness[0] == doctest::Approx(2.0 / 3));
  CHECK(d.harmonic[0] == doctest::Approx(1.5 / 5));
  CHECK(d.reached == std::vector<std::uint32_t>{2, 1, 0, 1, 0, 0});
  CHECK(d.closeness[2] == 0.0);
  CHECK(analyses::exact_betweenness(view)[1] == doctest::Approx(1.0));
  compare_with_igraph(view, {}, 3);
}

TEST_CASE("lengths of the wrong size are refused") {
  auto g = make_graph({{"a", "b"}});
  const View view = View::build(g);
  const std::vector<double> lengths{1.0, 2.0};
  ShortestPathOptions opts;
  opts.lengths = lengths;
  CHECK_THROWS_AS(analyses::exact_betweenness(view, opts), std::invalid_argument);
  CHECK_THROWS_AS(analyses::closeness_harmonic(view, opts), std::invalid_argument);
}
