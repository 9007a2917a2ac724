// PageRank (analyses/pagerank.hpp) against igraph_pagerank (PRPACK, the reference the
// definition follows) on seeded random multigraphs of every shape the View can produce, plus
// the fixed-point equation as a second, library-free check, bit-identical results for 1, 2 and
// 3 threads, the damping 0 and 1 edge cases and degenerate graphs.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/pagerank.hpp"
#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"
#include "support/random_graph.hpp"

using namespace actornet;
using analyses::pagerank;
using graph::View;
using testing::make_graph;

namespace {

constexpr double kRelTol = 1e-9;

using Shape = testing::RandomShape;
using testing::random_graph;

// igraph_pagerank with PRPACK on the same View, weights when asked.
std::vector<double> igraph_scores(const View& view, bool weighted, double damping) {
  namespace ig = graph::ig;
  ig::Graph graph(view);
  ig::Vector weights = ig::to_igraph(view.weights());
  ig::Vector res;
  igraph_real_t value = 0;
  ig::check(igraph_pagerank(graph.get(), IGRAPH_PAGERANK_ALGO_PRPACK, res.get(), &value,
                            igraph_vss_all(), /*directed=*/true, damping,
                            weighted ? weights.get() : nullptr, /*options=*/nullptr));
  ig::take_warnings();
  return res.to_std();
}

// Largest |x_v - F(x)_v| / x_v over v, where F(x)_v = damping * (sum of the shares arriving
// at v) + (jump and dangling share), computed straight from the View's arcs: the definition's
// fixed-point equation, relative to the score (a score of 0 must have F(x)_v = 0).
double fixed_point_residual(const View& view, const std::vector<double>* weights, double damping,
                            const std::vector<double>& x) {
  const std::uint32_t n = view.vertex_count();
  std::vector<double> outweight(n, 0.0);
  for (graph::Vertex u = 0; u < n; ++u)
    for (const auto& arc : view.out(u))
      outweight[u] += weights ? (*weights)[arc.edge] : 1.0;
  double dangling = 0.0;
  for (graph::Vertex u = 0; u < n; ++u)
    if (outweight[u] == 0.0) dangling += x[u];
  double worst = 0.0;
  for (graph::Vertex v = 0; v < n; ++v) {
    double arriving = 0.0;
    for (const auto& arc : view.in(v)) {
      const graph::Vertex u = arc.neighbour;
      if (outweight[u] > 0.0)
        arriving += x[u] * (weights ? (*weights)[arc.edge] : 1.0) / outweight[u];
    }
    const double expected = damping * arriving + (1.0 - damping + damping * dangling) / n;
    const double off = std::abs(x[v] - expected);
    worst = std::max(worst, x[v] > 0.0 ? off / x[v] : (off > 0.0 ? 1.0 : 0.0));
  }
  return worst;
}

double sum(const std::vector<double>& x) {
  double s = 0.0;
  for (double v : x)
    s += v;
  return s;
}

// Runs pagerank with 1, 2 and 3 threads, checks the runs are bit-identical, converged and sum
// to 1, and returns the scores.
std::vector<double> checked_scores(const View& view, const std::vector<double>* weights,
                                   double damping) {
  const auto one = pagerank(view, weights, damping, 1);
  CHECK(one.converged);
  CHECK(one.scores.size() == view.vertex_count());
  for (unsigned threads : {2u, 3u}) {
    const auto many = pagerank(view, weights, damping, threads);
    CHECK(many.iterations == one.iterations);
    CHECK(many.scores == one.scores);
  }
  if (view.vertex_count() > 0) CHECK(sum(one.scores) == doctest::Approx(1.0).epsilon(1e-12));
  return one.scores;
}

// Every vertex within kRelTol of igraph, and the fixed point holds.
void check_against_igraph(const View& view, bool weighted, double damping) {
  const std::vector<double>* weights = weighted ? &view.weights() : nullptr;
  const auto ours = checked_scores(view, weights, damping);
  const auto theirs = igraph_scores(view, weighted, damping);
  REQUIRE(theirs.size() == ours.size());
  double worst = 0.0;
  for (std::size_t v = 0; v < ours.size(); ++v)
    worst = std::max(worst, std::abs(ours[v] - theirs[v]) / theirs[v]);
  CHECK(worst <= kRelTol);
  CHECK(fixed_point_residual(view, weights, damping, ours) <= kRelTol);
}

View build(const graph::Graph& g, graph::ParallelPolicy parallel = graph::ParallelPolicy::Keep,
           graph::DirectionPolicy direction = graph::DirectionPolicy::AsStored) {
  graph::ViewOptions options;
  options.parallel = parallel;
  options.direction = direction;
  return View::build(g, options);
}

}  // namespace

TEST_CASE("pagerank matches igraph's PRPACK on random multigraphs") {
  const double dampings[] = {0.0, 0.5, 0.85, 0.99};
  const Shape::Direction directions[] = {Shape::Directed, Shape::Undirected, Shape::Mixed};
  std::uint32_t seed = 1;
  // Small graphs (igraph solves those below 128 vertices exactly) and larger ones (PRPACK's
  // Gauss-Seidel, and more than one block of vertices so that 2 and 3 threads really split).
  // Components stay below 512 vertices: PRPACK runs OpenMP loops inside bigger ones, whose
  // idle threads spin and would slow this test down several times.
  const Shape sizes[] = {
      {.nodes = 5, .edges = 8},
      {.nodes = 12, .edges = 30, .loop_share = 0.2, .parallel_share = 0.3, .isolated = 2},
      {.nodes = 40, .edges = 60, .isolated = 3, .components = 3},
      {.nodes = 90, .edges = 400, .parallel_share = 0.25, .zero_weights = true},
      {.nodes = 300, .edges = 900, .isolated = 10, .components = 2, .zero_weights = true},
      {.nodes = 1500, .edges = 6000, .loop_share = 0.01, .isolated = 20, .components = 3},
  };
  for (const Shape& size : sizes)
    for (Shape::Direction direction : directions)
      for (double damping : dampings)
        for (bool weighted : {false, true}) {
          Shape shape = size;
          shape.direction = direction;
          const graph::Graph g = random_graph(shape, seed++);
          CAPTURE(shape.nodes);
          CAPTURE(static_cast<int>(direction));
          CAPTURE(damping);
          CAPTURE(weighted);
          CAPTURE(seed);
          const View view = build(g);
          REQUIRE(view.directed() == (direction != Shape::Undirected));
          check_against_igraph(view, weighted, damping);
          // The same graph read undirected, and with parallel edges merged (weight = count).
          check_against_igraph(
              build(g, graph::ParallelPolicy::Keep, graph::DirectionPolicy::Undirected), weighted,
              damping);
          check_against_igraph(build(g, graph::ParallelPolicy::Count), weighted, damping);
        }
}

TEST_CASE("pagerank on degenerate graphs") {
  SUBCASE("empty view") {
    const graph::Graph g;
    const auto r = pagerank(build(g), nullptr, 0.85, 2);
    CHECK(r.scores.empty());
    CHECK(r.converged);
  }
  SUBCASE("one node, no edges: 1") {
    const auto g = make_graph({}, {"a"});
    const auto r = pagerank(build(g), nullptr, 0.85, 0);
    CHECK(r.scores == std::vector<double>{1.0});
    CHECK(r.converged);
  }
  SUBCASE("self-loop only: 1") {
    //   a ⟲
    const auto g = make_graph({{"a", "a"}});
    CHECK(pagerank(build(g), nullptr, 0.85, 1).scores == std::vector<double>{1.0});
    CHECK(pagerank(build(g), &build(g).weights(), 1.0, 1).scores == std::vector<double>{1.0});
  }
  SUBCASE("no edges: 1/n each") {
    const auto g = make_graph({}, {"a", "b", "c", "d"});
    for (double damping : {0.0, 0.85, 1.0}) {
      const auto r = pagerank(build(g), nullptr, damping, 3);
      CHECK(r.converged);
      for (double x : r.scores)
        CHECK(x == doctest::Approx(0.25).epsilon(1e-15));
    }
  }
  SUBCASE("self-loop beside a plain edge, and parallel edges of two relations") {
    //   a ⟲ -- b        c == d (met_with, co_chairs)   e
    const auto g = make_graph({{"a", "a"},
                               {"a", "b"},
                               {"c", "d", "met_with"},
                               {"c", "d", "co_chairs", true},
                               {"d", "c", "co_chairs", true, 0.0}},
                              {"e"});
    for (bool weighted : {false, true})
      for (double damping : {0.5, 0.85})
        check_against_igraph(build(g), weighted, damping);
    check_against_igraph(build(g, graph::ParallelPolicy::Sum), true, 0.85);
  }
  SUBCASE("isolated vertex: (1 - d)/n plus its share of the dangling mass") {
    //   a -> b        c
    // b and c are dangling: x_a = x_c = 0.15/3 + 0.85 (x_b + x_c)/3 and x_b = x_c + 0.85 x_a.
    const auto g = make_graph({{"a", "b", "r", true}}, {"c"});
    const auto x = checked_scores(build(g), nullptr, 0.85);
    const double xc = 1.0 / (2.0 + 1.85);  // from x_a = x_c, x_b = 1.85 x_c and the sum 1
    CHECK(x[0] == doctest::Approx(xc).epsilon(kRelTol));
    CHECK(x[1] == doctest::Approx(1.85 * xc).epsilon(kRelTol));
    CHECK(x[2] == doctest::Approx(xc).epsilon(kRelTol));
  }
}

TEST_CASE("pagerank with damping 0 is uniform, with no iteration") {
  const graph::Graph g = random_graph({.nodes = 50, .edges = 200}, 7);
  const auto r = pagerank(build(g), nullptr, 0.0, 2);
  CHECK(r.converged);
  CHECK(r.iterations == 0);
  for (double x : r.scores)
    CHECK(x == 1.0 / 50);
}

TEST_CASE("pagerank with damping 1 is the walk's stationary distribution when it converges") {
  SUBCASE("a cycle with a dangling exit: igraph's exact solution") {
    //   a -> b -> c -> a,  c -> d (d dangling: jumps uniformly)
    const auto g = make_graph({{"a", "b", "r", true},
                               {"b", "c", "r", true},
                               {"c", "a", "r", true},
                               {"c", "d", "r", true}});
    const View view = build(g);
    const auto r = pagerank(view, nullptr, 1.0, 2);
    CHECK(r.converged);
    // Solving x = P^T x by hand: x = (4, 5, 6, 4) / 19 (igraph 0.10.2 gives the same).
    const double expected[] = {4.0 / 19, 5.0 / 19, 6.0 / 19, 4.0 / 19};
    for (std::size_t v = 0; v < 4; ++v)
      CHECK(r.scores[v] == doctest::Approx(expected[v]).epsilon(kRelTol));
    CHECK(fixed_point_residual(view, nullptr, 1.0, r.scores) <= kRelTol);
  }
  SUBCASE("an aperiodic strongly connected multigraph") {
    const graph::Graph g =
        random_graph({.nodes = 30, .edges = 120, .loop_share = 0.1, .parallel_share = 0.2}, 11);
    const View view = build(g, graph::ParallelPolicy::Keep, graph::DirectionPolicy::Undirected);
    const auto x = checked_scores(view, &view.weights(), 1.0);
    CHECK(fixed_point_residual(view, &view.weights(), 1.0, x) <= kRelTol);
  }
  SUBCASE("a periodic walk never settles: capped and reported") {
    //   a <-> b <- c   from the uniform start the mass swings between a and b forever
    const auto g =
        make_graph({{"a", "b", "r", true}, {"b", "a", "r", true}, {"c", "a", "r", true}});
    for (unsigned threads : {1u, 2u}) {
      const auto r = pagerank(build(g), nullptr, 1.0, threads);
      CHECK_FALSE(r.converged);
      CHECK(r.iterations == analyses::kPageRankMaxIterations);
      CHECK(sum(r.scores) == doctest::Approx(1.0).epsilon(1e-12));
    }
  }
}

TEST_CASE("pagerank rejects bad damping and bad weights") {
  const auto g = make_graph({{"a", "b"}, {"b", "c"}});
  const View view = build(g);
  for (double damping : {-0.1, 1.5, std::numeric_limits<double>::quiet_NaN()})
    CHECK_THROWS_AS(pagerank(view, nullptr, damping, 1), InputError);
  const std::vector<double> short_weights{1.0};
  CHECK_THROWS_AS(pagerank(view, &short_weights, 0.85, 1), InputError);
  const std::vector<double> negative{1.0, -2.0};
  CHECK_THROWS_WITH_AS(pagerank(view, &negative, 0.85, 1),
                       doctest::Contains("edge #2 of the input"), InputError);
  const std::vector<double> infinite{std::numeric_limits<double>::infinity(), 1.0};
  CHECK_THROWS_AS(pagerank(view, &infinite, 0.85, 1), InputError);
}
