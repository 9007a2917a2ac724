// Sampled betweenness against the exact measure (analyses::centrality, i.e. igraph's Brandes)
// on graphs small enough for both. The bound eps x pairs holds with probability 1 - delta for
// a random seed; every test here uses a fixed seed, so each run draws the same samples and
// the checks are deterministic (a failure is a real regression, not bad luck).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/approx_betweenness.hpp"
#include "analyses/centrality.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using analyses::ApproxBetweennessOptions;
using analyses::ApproxBetweennessResult;
using analyses::DiameterBoundMethod;
using graph::ParallelPolicy;
using graph::View;
using graph::ViewOptions;
using testing::make_graph;

namespace {

// A small deterministic generator for the fixtures (independent of the one under test).
struct FixtureRng {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    std::uint64_t x = state;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    return x ^ (x >> 29);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

graph::Graph with_nodes(std::uint32_t n) {
  graph::Graph g;
  for (std::uint32_t i = 0; i < n; ++i)
    g.add_node("v" + std::to_string(i));
  return g;
}

void add(graph::Graph& g, std::uint32_t a, std::uint32_t b, bool directed, double weight = 1.0,
         std::string_view relation = "related_to") {
  graph::EdgeSpec spec;
  spec.source = a;
  spec.target = b;
  spec.directed = directed;
  spec.weight = weight;
  spec.relation = relation;
  g.add_edge(spec);
}

// n vertices, m random edges (self-loops and repeated pairs allowed, as a multigraph has
// them); a quarter of the edges get a parallel twin of another relation; weights 1..4.
graph::Graph random_multigraph(std::uint32_t n, std::uint32_t m, bool directed,
                               std::uint64_t seed) {
  FixtureRng rng{seed};
  auto g = with_nodes(n);
  for (std::uint32_t i = 0; i < m; ++i) {
    const auto a = rng.below(n), b = rng.below(n);
    const double w = 1.0 + rng.below(4);
    add(g, a, b, directed, w);
    if (rng.below(4) == 0) add(g, a, b, directed, 1.0 + rng.below(4), "met_with");
  }
  return g;
}

// Barabasi-Albert: each new vertex attaches to `k` distinct earlier ones chosen in proportion
// to degree (directed: new -> old).
graph::Graph barabasi_albert(std::uint32_t n, std::uint32_t k, bool directed, std::uint64_t seed) {
  FixtureRng rng{seed};
  auto g = with_nodes(n);
  std::vector<std::uint32_t> ends;  // each vertex once per edge end
  for (std::uint32_t v = 1; v <= k && v < n; ++v) {
    add(g, v, 0, directed);
    ends.push_back(v);
    ends.push_back(0);
  }
  for (std::uint32_t v = k + 1; v < n; ++v) {
    std::vector<std::uint32_t> chosen;
    while (chosen.size() < k) {
      const auto u = ends[rng.below(static_cast<std::uint32_t>(ends.size()))];
      if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) chosen.push_back(u);
    }
    for (auto u : chosen) {
      add(g, v, u, directed);
      ends.push_back(v);
      ends.push_back(u);
    }
  }
  return g;
}

View view_of(const graph::Graph& g, ParallelPolicy parallel = ParallelPolicy::Keep,
             bool undirected = false) {
  ViewOptions opts;
  opts.parallel = parallel;
  if (undirected) opts.direction = graph::DirectionPolicy::Undirected;
  return View::build(g, opts);
}

std::vector<double> exact_betweenness(const View& v, bool weighted) {
  analyses::CentralityOptions opts;
  opts.measures = {analyses::Measure::Betweenness};
  if (weighted) {
    opts.use_weights = true;
    opts.lengths = analyses::LengthPolicy::Inverse;
  }
  return analyses::centrality(v, opts).scores.at(0);
}

std::vector<double> inverse_lengths(const View& v) {
  std::vector<double> lengths(v.edge_count());
  for (graph::ViewEdge e = 0; e < v.edge_count(); ++e)
    lengths[e] = 1.0 / v.weight(e);
  return lengths;
}

struct Errors {
  double max = 0.0;   // largest |approx - exact|, raw units
  double mean = 0.0;  // mean of |approx - exact|, raw units
};

// Runs the estimate and checks every vertex against the exact measure and the stated bound.
Errors check_against_exact(const View& v, bool weighted, double eps, double delta = 0.1,
                           std::uint64_t seed = 7) {
  const auto exact = exact_betweenness(v, weighted);
  const auto lengths = inverse_lengths(v);
  ApproxBetweennessOptions opts{eps, delta, seed, 2};
  const auto r = analyses::approx_betweenness(v, weighted ? &lengths : nullptr, opts);
  REQUIRE(r.scores.size() == v.vertex_count());
  const double n = v.vertex_count();
  CHECK(r.pairs == doctest::Approx(v.directed() ? n * (n - 1) : n * (n - 1) / 2));
  if (r.samples > 0) {
    CHECK(r.absolute_error == doctest::Approx(eps * r.pairs));
    CHECK(r.samples ==
          analyses::approx_betweenness_sample_count(eps, delta, r.vertex_diameter_bound));
  }
  Errors e;
  for (graph::Vertex x = 0; x < v.vertex_count(); ++x) {
    const double err = std::fabs(r.scores[x] - exact[x]);
    INFO("vertex " << x << " exact " << exact[x] << " approx " << r.scores[x] << " bound "
                   << r.absolute_error);
    CHECK(err <= r.absolute_error + 1e-9 * std::max(1.0, exact[x]));
    CHECK(r.scores[x] >= 0.0);
    e.max = std::max(e.max, err);
    e.mean += err;
  }
  if (v.vertex_count() > 0) e.mean /= v.vertex_count();
  return e;
}

double max_of(const std::vector<double>& xs) {
  return xs.empty() ? 0.0 : *std::max_element(xs.begin(), xs.end());
}

}  // namespace

TEST_CASE("sample count follows Riondato & Kornaropoulos with c = 0.5") {
  // r = ceil(0.5 / eps^2 (floor(log2(VD - 2)) + 1 + ln(1/delta))), worked by hand:
  // VD 3: 0.5/0.01 (0 + 1 + ln 10) = 50 x 3.302585 = 165.13 -> 166.
  CHECK(analyses::approx_betweenness_sample_count(0.1, 0.1, 3) == 166);
  // VD 10: floor(log2 8) = 3; 0.5/1e-4 (4 + ln 10) = 5000 x 6.302585 = 31512.9 -> 31513.
  CHECK(analyses::approx_betweenness_sample_count(0.01, 0.1, 10) == 31513);
  // VD 11: floor(log2 9) = 3 as well.
  CHECK(analyses::approx_betweenness_sample_count(0.01, 0.1, 11) == 31513);
  // No interior vertex possible: nothing to sample.
  CHECK(analyses::approx_betweenness_sample_count(0.01, 0.1, 2) == 0);
  CHECK(analyses::approx_betweenness_sample_count(0.01, 0.1, 0) == 0);
}

TEST_CASE("epsilon, delta and lengths are validated") {
  const auto g = make_graph({{"a", "b"}, {"b", "c"}});
  const auto v = view_of(g);
  for (double bad : {0.0, 1.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    INFO("value " << bad);
    CHECK_THROWS_AS(analyses::approx_betweenness(v, nullptr, {bad, 0.1, 1, 1}), InputError);
    CHECK_THROWS_AS(analyses::approx_betweenness(v, nullptr, {0.1, bad, 1, 1}), InputError);
  }
  CHECK_THROWS_WITH_AS(analyses::approx_betweenness(v, nullptr, {0.0, 0.1, 1, 1}),
                       doctest::Contains("epsilon"), InputError);
  CHECK_THROWS_WITH_AS(analyses::approx_betweenness(v, nullptr, {0.1, 1.0, 1, 1}),
                       doctest::Contains("delta"), InputError);
  CHECK_NOTHROW(analyses::approx_betweenness(v, nullptr, {0.5, 0.5, 1, 1}));
  const std::vector<double> short_lengths{1.0};
  CHECK_THROWS_AS(analyses::approx_betweenness(v, &short_lengths, {0.1, 0.1, 1, 1}), InputError);
  for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity()}) {
    const std::vector<double> lengths{1.0, bad};
    CHECK_THROWS_AS(analyses::approx_betweenness(v, &lengths, {0.1, 0.1, 1, 1}), InputError);
  }
}

TEST_CASE("tiny views: empty, one node, two nodes, a self-loop") {
  graph::Graph empty;
  auto r = analyses::approx_betweenness(view_of(empty), nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.scores.empty());
  CHECK(r.pairs == 0.0);
  CHECK_FALSE(std::signbit(r.pairs));
  CHECK(r.samples == 0);

  //  a
  const auto one = make_graph({}, {"a"});
  r = analyses::approx_betweenness(view_of(one), nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.scores == std::vector<double>{0.0});
  CHECK(r.samples == 0);
  CHECK(r.vertex_diameter_bound == 1);

  //  a ==== b   (two parallel edges)
  const auto two = make_graph({{"a", "b", "met_with"}, {"a", "b", "called"}});
  r = analyses::approx_betweenness(view_of(two), nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.scores == std::vector<double>{0.0, 0.0});
  CHECK(r.samples == 0);
  CHECK(r.vertex_diameter_bound == 2);

  //  (a)-- a -- b -- c   (a self-loop at a): b is on the one a-c path.
  const auto loop = make_graph({{"a", "a"}, {"a", "b"}, {"b", "c"}});
  const auto lv = view_of(loop);
  r = analyses::approx_betweenness(lv, nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.vertex_diameter_bound == 3);
  CHECK(r.samples == 166);
  CHECK(r.scores[0] == 0.0);
  CHECK(r.scores[2] == 0.0);
  CHECK(r.scores[1] > 0.0);
  check_against_exact(lv, false, 0.1);
}

TEST_CASE("vertex-diameter bound: eccentricity per component, component size when directed") {
  //  a - b - c - d - e      x - y - z      (i isolated)
  // Root a: distances 0..4, d1 + d2 + 1 = 8, capped by the component's 5 vertices.
  const auto g =
      make_graph({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}, {"x", "y"}, {"y", "z"}}, {"i"});
  auto r = analyses::approx_betweenness(view_of(g), nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.vertex_diameter_bound == 5);
  CHECK(r.bound_method == DiameterBoundMethod::Eccentricity);
  check_against_exact(view_of(g), false, 0.05);

  //  a star rooted at its centre: d1 = d2 = 1, so the bound is 3 (the true vertex diameter).
  const auto star = make_graph({{"c", "l1"}, {"c", "l2"}, {"c", "l3"}, {"c", "l4"}});
  r = analyses::approx_betweenness(view_of(star), nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.vertex_diameter_bound == 3);

  //  directed: a -> b -> c and x -> y: the largest weak component has 3 vertices.
  const auto d = make_graph({{"a", "b", "r", true}, {"b", "c", "r", true}, {"x", "y", "r", true}});
  r = analyses::approx_betweenness(view_of(d), nullptr, {0.1, 0.1, 1, 1});
  CHECK(r.vertex_diameter_bound == 3);
  CHECK(r.bound_method == DiameterBoundMethod::ComponentSize);
  check_against_exact(view_of(d), false, 0.05);

  // with lengths, the component size too, even undirected
  const auto lengths = inverse_lengths(view_of(g));
  r = analyses::approx_betweenness(view_of(g), &lengths, {0.1, 0.1, 1, 1});
  CHECK(r.vertex_diameter_bound == 5);
  CHECK(r.bound_method == DiameterBoundMethod::ComponentSize);
}

TEST_CASE("parallel edges multiply the shortest paths a sample chooses between") {
  //  s ==> a --> t      two parallel arcs s -> a, one a -> t
  //  s --> b --> t      one arc each
  // Only the pair (s, t) has an interior vertex: 3 shortest paths, 2 through a, 1 through b,
  // so exact betweenness is a 2/3, b 1/3 (igraph agrees); under `count` a and b get 1/2 each.
  const auto g = make_graph({{"s", "a", "r", true},
                             {"s", "a", "q", true},
                             {"a", "t", "r", true},
                             {"s", "b", "r", true},
                             {"b", "t", "r", true}});
  const auto keep = view_of(g);
  const auto r = analyses::approx_betweenness(keep, nullptr, {0.01, 0.1, 3, 2});
  const double a = r.scores[1], b = r.scores[3];
  REQUIRE(b > 0.0);
  // ~1800 samples of (s, t): the ratio 2 is estimated within a few percent.
  CHECK(a / b == doctest::Approx(2.0).epsilon(0.15));
  check_against_exact(keep, false, 0.01);

  const auto merged = view_of(g, ParallelPolicy::Count);
  const auto m = analyses::approx_betweenness(merged, nullptr, {0.01, 0.1, 3, 2});
  CHECK(m.scores[1] / m.scores[3] == doctest::Approx(1.0).epsilon(0.15));
  check_against_exact(merged, false, 0.01);
}

TEST_CASE("karate-size random multigraphs, undirected and directed, within the bound") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    for (bool directed : {false, true}) {
      INFO("seed " << seed << (directed ? " directed" : " undirected"));
      const auto g = random_multigraph(34, 78, directed, seed);
      const auto keep = view_of(g);
      REQUIRE(max_of(exact_betweenness(keep, false)) > 0.0);
      check_against_exact(keep, false, 0.03, 0.1, seed);
      check_against_exact(view_of(g, ParallelPolicy::Any), false, 0.03, 0.1, seed);
    }
  }
}

TEST_CASE("weighted: lengths 1/w match the exact measure's --lengths inverse") {
  for (std::uint64_t seed = 11; seed <= 14; ++seed) {
    for (bool directed : {false, true}) {
      INFO("seed " << seed << (directed ? " directed" : " undirected"));
      const auto g = random_multigraph(40, 100, directed, seed);
      check_against_exact(view_of(g), true, 0.03, 0.1, seed);
      check_against_exact(view_of(g, ParallelPolicy::Sum), true, 0.03, 0.1, seed);
    }
  }
}

TEST_CASE("disconnected views: pairs without a path contribute nothing") {
  // Three random pieces side by side, plus isolated vertices.
  for (bool directed : {false, true}) {
    INFO("directed: " << directed);
    auto g = with_nodes(60);
    FixtureRng rng{99};
    for (int piece = 0; piece < 3; ++piece)
      for (int i = 0; i < 30; ++i) {
        const auto a = static_cast<std::uint32_t>(piece * 18) + rng.below(18);
        const auto b = static_cast<std::uint32_t>(piece * 18) + rng.below(18);
        add(g, a, b, directed);
      }
    const auto v = view_of(g);
    check_against_exact(v, false, 0.02);
    const auto r = analyses::approx_betweenness(v, nullptr, {0.02, 0.1, 5, 1});
    CHECK(r.connected_samples < r.samples);
    CHECK(r.scores[59] == 0.0);  // isolated
  }
}

TEST_CASE("Barabasi-Albert graphs of 3000 vertices, undirected and directed") {
  for (bool directed : {false, true}) {
    INFO("directed: " << directed);
    const auto g = barabasi_albert(3000, 3, directed, 2024);
    const auto v = view_of(g);
    const auto e = check_against_exact(v, false, 0.02);
    // The bound is eps x pairs; the typical error is far below it.
    const double bound = 0.02 * (directed ? 3000.0 * 2999.0 : 3000.0 * 2999.0 / 2.0);
    MESSAGE("max error / bound " << e.max / bound << ", mean error / bound " << e.mean / bound);
    CHECK(e.mean < bound / 10);
  }
}

TEST_CASE("the thread count does not change the scores; the seed does") {
  const auto g = barabasi_albert(1500, 2, false, 5);
  const auto v = view_of(g);
  const auto lengths = inverse_lengths(v);
  for (bool weighted : {false, true}) {
    INFO("weighted: " << weighted);
    const auto* l = weighted ? &lengths : nullptr;
    const auto one = analyses::approx_betweenness(v, l, {0.03, 0.1, 42, 1});
    REQUIRE(one.samples > 3 * 256);  // enough chunks for three threads to share
    for (unsigned threads : {2u, 3u, 0u}) {
      INFO("threads " << threads);
      const auto many = analyses::approx_betweenness(v, l, {0.03, 0.1, 42, threads});
      CHECK(many.scores == one.scores);
      CHECK(many.connected_samples == one.connected_samples);
    }
    const auto again = analyses::approx_betweenness(v, l, {0.03, 0.1, 42, 1});
    CHECK(again.scores == one.scores);
    const auto other = analyses::approx_betweenness(v, l, {0.03, 0.1, 43, 1});
    CHECK(other.scores != one.scores);
  }
}
