// Eigenvector centrality of undirected Views (analyses/eigenvector.hpp) against
// igraph_eigenvector_centrality (ARPACK, the reference the definition follows) on seeded random
// multigraphs of every shape an undirected View can have, plus the eigen-equation A x = lambda x
// checked straight from the View's arcs as a library-free second check, bit-identical results
// for 1, 2 and 3 threads, degenerate graphs, ties between components, and a lattice whose small
// spectral gap sends it to the ARPACK fallback.
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

#include "analyses/eigenvector.hpp"
#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"
#include "support/random_graph.hpp"

using namespace actornet;
using analyses::undirected_eigenvector;
using graph::View;
using testing::make_graph;

namespace {

constexpr double kRelTol = 1e-9;
// ARPACK's vector carries rounding noise of about this size (relative to the largest score)
// on the components it does not live on, where the definition says 0.
constexpr double kArpackNoise = 1e-10;
constexpr unsigned long kSeed = 20240101;

// Random undirected multigraphs (tests/support/random_graph.hpp).
using Shape = testing::RandomShape;

graph::Graph undirected_graph(Shape shape, std::uint32_t seed) {
  shape.direction = Shape::Undirected;
  return testing::random_graph(shape, seed);
}

View build(const graph::Graph& g, graph::ParallelPolicy parallel = graph::ParallelPolicy::Keep) {
  graph::ViewOptions options;
  options.parallel = parallel;
  options.direction = graph::DirectionPolicy::Undirected;
  return View::build(g, options);
}

// igraph_eigenvector_centrality (ARPACK, seeded) on the same View, weights when asked.
std::vector<double> igraph_scores(const View& view, bool weighted, double* value = nullptr) {
  namespace ig = graph::ig;
  ig::Graph graph(view);
  ig::Vector weights = ig::to_igraph(view.weights());
  ig::SeededRng seeded(kSeed);
  ig::Vector res;
  igraph_real_t lambda = 0;
  igraph_arpack_options_t options;
  igraph_arpack_options_init(&options);
  ig::check(igraph_eigenvector_centrality(graph.get(), res.get(), &lambda, /*directed=*/false,
                                          /*scale=*/true, weighted ? weights.get() : nullptr,
                                          &options));
  ig::take_warnings();
  if (value) *value = lambda;
  return res.to_std();
}

// Largest |(A x)_v - lambda x_v| / (lambda x_v) over the vertices with x_v > 0, from the View's
// arcs (a loop is listed twice, so A_vv = 2 per loop; zero weights drop out by themselves).
double eigen_residual(const View& view, const std::vector<double>* weights, double lambda,
                      const std::vector<double>& x) {
  double worst = 0.0;
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
    double ax = 0.0;
    for (const auto& arc : view.out(v))
      ax += (weights ? (*weights)[arc.edge] : 1.0) * x[arc.neighbour];
    if (x[v] > 0.0) worst = std::max(worst, std::abs(ax - lambda * x[v]) / (lambda * x[v]));
  }
  return worst;
}

// Runs with 1, 2 and 3 threads, checks the runs are bit-identical, and returns the first.
analyses::EigenvectorResult checked(const View& view, const std::vector<double>* weights) {
  const auto one = undirected_eigenvector(view, weights, 1);
  CHECK(one.scores.size() == view.vertex_count());
  for (unsigned threads : {2u, 3u}) {
    const auto many = undirected_eigenvector(view, weights, threads);
    CHECK(many.iterations == one.iterations);
    CHECK(many.used_arpack == one.used_arpack);
    CHECK(many.scores == one.scores);
  }
  if (!one.scores.empty()) CHECK(*std::max_element(one.scores.begin(), one.scores.end()) == 1.0);
  return one;
}

// Every vertex within kRelTol of igraph (ARPACK noise where ours is 0), and A x = lambda x.
void check_against_igraph(const View& view, bool weighted) {
  const std::vector<double>* weights = weighted ? &view.weights() : nullptr;
  const auto ours = checked(view, weights);
  double lambda = 0.0;
  const auto theirs = igraph_scores(view, weighted, &lambda);
  REQUIRE(theirs.size() == ours.scores.size());
  CHECK(ours.tied == 1);
  CHECK(ours.eigenvalue == doctest::Approx(lambda).epsilon(kRelTol));
  double worst = 0.0, noise = 0.0;
  for (std::size_t v = 0; v < theirs.size(); ++v) {
    if (ours.scores[v] == 0.0)
      noise = std::max(noise, std::abs(theirs[v]));
    else
      worst = std::max(worst, std::abs(ours.scores[v] - theirs[v]) / theirs[v]);
  }
  CHECK(worst <= kRelTol);
  CHECK(noise <= kArpackNoise);
  CHECK(eigen_residual(view, weights, ours.eigenvalue, ours.scores) <= kRelTol);
}

}  // namespace

TEST_CASE("undirected eigenvector matches igraph's ARPACK on random multigraphs") {
  std::uint32_t seed = 1;
  // Below and above one block of vertices (so that 2 and 3 threads really split), with loops,
  // parallel edges, zero weights, isolated vertices, several components, bipartite graphs.
  const Shape shapes[] = {
      {.nodes = 5, .edges = 8},
      {.nodes = 12, .edges = 30, .loop_share = 0.2, .parallel_share = 0.3, .isolated = 2},
      {.nodes = 40, .edges = 80, .isolated = 3, .components = 3},
      {.nodes = 90, .edges = 400, .parallel_share = 0.25, .zero_weights = true},
      {.nodes = 60, .edges = 150, .bipartite = true},
      {.nodes = 300, .edges = 1200, .isolated = 10, .components = 2, .zero_weights = true},
      {.nodes = 800, .edges = 3000, .parallel_share = 0.2, .isolated = 5, .bipartite = true},
      {.nodes = 2000, .edges = 9000, .loop_share = 0.01, .isolated = 20, .components = 3},
  };
  for (const Shape& shape : shapes)
    for (bool weighted : {false, true}) {
      const graph::Graph g = undirected_graph(shape, seed++);
      CAPTURE(shape.nodes);
      CAPTURE(shape.components);
      CAPTURE(shape.bipartite);
      CAPTURE(weighted);
      CAPTURE(seed);
      const View view = build(g);
      check_against_igraph(view, weighted);
      // Parallel edges merged: weight = count, so the weighted merge equals the unweighted keep.
      check_against_igraph(build(g, graph::ParallelPolicy::Count), weighted);
      if (!weighted) {
        const View merged = build(g, graph::ParallelPolicy::Count);
        const auto keep = undirected_eigenvector(view, nullptr, 2).scores;
        const auto count = undirected_eigenvector(merged, &merged.weights(), 2).scores;
        for (std::size_t v = 0; v < keep.size(); ++v)
          CHECK(count[v] == doctest::Approx(keep[v]).epsilon(kRelTol));
      }
    }
}

TEST_CASE("undirected eigenvector: the power iteration settles on graphs with a clear gap") {
  // A dense random graph of 1500 vertices (mean degree 40): lambda is about 41 and the rest of
  // the spectrum within about 2 sqrt(40) of 0, so the shifted rate is about 0.33.
  const graph::Graph g = undirected_graph(
      {.nodes = 1500, .edges = 30000, .loop_share = 0.0, .parallel_share = 0.0}, 99);
  const View view = build(g);
  const auto r = checked(view, nullptr);
  CHECK_FALSE(r.used_arpack);
  CHECK(r.components == 1);
  CHECK(r.iterations < 40);
  CHECK(r.products == 0);
  check_against_igraph(view, false);
}

TEST_CASE("undirected eigenvector on degenerate graphs") {
  SUBCASE("empty view") {
    const graph::Graph g;
    const auto r = undirected_eigenvector(build(g), nullptr, 2);
    CHECK(r.scores.empty());
    CHECK(r.components == 0);
  }
  SUBCASE("one node, no edges: 1") {
    const auto g = make_graph({}, {"a"});
    CHECK(undirected_eigenvector(build(g), nullptr, 1).scores == std::vector<double>{1.0});
  }
  SUBCASE("no edges: 1 each") {
    const auto g = make_graph({}, {"a", "b", "c"});
    const auto r = checked(build(g), nullptr);
    CHECK(r.scores == std::vector<double>(3, 1.0));
    CHECK(r.eigenvalue == 0.0);
    CHECK(r.tied == 0);
  }
  SUBCASE("only zero weights: 1 each when weighted, the edge counts when not") {
    //   a -- b (weight 0)   c
    const auto g = make_graph({{"a", "b", "r", false, 0.0}}, {"c"});
    const View view = build(g);
    CHECK(checked(view, &view.weights()).scores == std::vector<double>(3, 1.0));
    CHECK(checked(view, nullptr).scores == std::vector<double>{1.0, 1.0, 0.0});
  }
  SUBCASE("self-loop only: 1, eigenvalue 2 (the loop counts twice)") {
    //   a ⟲
    const auto g = make_graph({{"a", "a"}});
    const auto r = checked(build(g), nullptr);
    CHECK(r.scores == std::vector<double>{1.0});
    CHECK(r.eigenvalue == doctest::Approx(2.0));
    CHECK_FALSE(r.used_arpack);
  }
  SUBCASE("self-loop beside an edge: A = [[2, 1], [1, 0]]") {
    //   a ⟲ -- b      lambda = 1 + sqrt 2, x = (1, sqrt 2 - 1)
    const auto g = make_graph({{"a", "a"}, {"a", "b"}});
    const auto r = checked(build(g), nullptr);
    CHECK(r.eigenvalue == doctest::Approx(1 + std::sqrt(2.0)).epsilon(kRelTol));
    CHECK(r.scores[0] == 1.0);
    CHECK(r.scores[1] == doctest::Approx(std::sqrt(2.0) - 1).epsilon(kRelTol));
  }
  SUBCASE("bipartite star: the shift makes it converge") {
    //   b -- a -- c, a -- d     lambda = sqrt 3, leaves 1 / sqrt 3
    const auto g = make_graph({{"a", "b"}, {"a", "c"}, {"a", "d"}});
    const auto r = checked(build(g), nullptr);
    CHECK_FALSE(r.used_arpack);
    CHECK(r.eigenvalue == doctest::Approx(std::sqrt(3.0)).epsilon(kRelTol));
    for (std::size_t v = 1; v < 4; ++v)
      CHECK(r.scores[v] == doctest::Approx(1 / std::sqrt(3.0)).epsilon(kRelTol));
  }
  SUBCASE("parallel edges of two relations add up") {
    //   a == b (met_with, co_chairs) -- c      A = [[0,2,0],[2,0,1],[0,1,0]], lambda = sqrt 5
    const auto g = make_graph({{"a", "b", "met_with"}, {"a", "b", "co_chairs"}, {"b", "c"}});
    const auto r = checked(build(g), nullptr);
    CHECK(r.eigenvalue == doctest::Approx(std::sqrt(5.0)).epsilon(kRelTol));
    CHECK(r.scores[1] == 1.0);
    CHECK(r.scores[0] == doctest::Approx(2 / std::sqrt(5.0)).epsilon(kRelTol));
    CHECK(r.scores[2] == doctest::Approx(1 / std::sqrt(5.0)).epsilon(kRelTol));
  }
}

TEST_CASE("undirected eigenvector on disconnected graphs: the largest eigenvalue's component") {
  SUBCASE("a triangle beats an edge and an isolated vertex; exact zeros elsewhere") {
    //   a -- b -- c -- a     d -- e     f
    const auto g = make_graph({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}}, {"f"});
    const auto r = checked(build(g), nullptr);
    CHECK(r.components == 2);
    CHECK(r.tied == 1);
    CHECK(r.scores == std::vector<double>{1, 1, 1, 0, 0, 0});
    CHECK(r.eigenvalue == doctest::Approx(2.0));
  }
  SUBCASE("a small component with heavy parallel edges beats a bigger sparse one") {
    //   path a - b - c - d - e (lambda = sqrt 3)     f === g, three edges (lambda = 3)
    const auto g = make_graph(
        {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}, {"f", "g"}, {"f", "g"}, {"f", "g"}});
    const auto r = checked(build(g), nullptr);
    CHECK(r.scores == std::vector<double>{0, 0, 0, 0, 0, 1, 1});
    CHECK(r.eigenvalue == doctest::Approx(3.0));
  }
  SUBCASE("two equal triangles tie: each scaled to 1, and the tie is reported") {
    const auto g =
        make_graph({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "f"}, {"f", "d"}});
    const auto r = checked(build(g), nullptr);
    CHECK(r.tied == 2);
    CHECK(r.scores == std::vector<double>(6, 1.0));
  }
}

TEST_CASE("undirected eigenvector: a lattice's small gap sends it to ARPACK, and says so") {
  // A 40 x 40 grid with three edges left out: 1 - rate is about 4e-3 for the shifted power
  // iteration, which would need thousands of steps; the rate is recognised early.
  constexpr std::uint32_t kSide = 40;
  graph::Graph g;
  for (std::uint32_t i = 0; i < kSide * kSide; ++i)
    g.add_node("v" + std::to_string(i));
  std::uint32_t edge = 0;
  for (std::uint32_t r = 0; r < kSide; ++r)
    for (std::uint32_t c = 0; c < kSide; ++c)
      for (std::uint32_t d = 0; d < 2; ++d) {
        if ((d == 0 && c + 1 == kSide) || (d == 1 && r + 1 == kSide)) continue;
        ++edge;
        if (edge == 100 || edge == 1000 || edge == 2500) continue;
        graph::EdgeSpec spec;
        spec.source = r * kSide + c;
        spec.target = d == 0 ? r * kSide + c + 1 : (r + 1) * kSide + c;
        spec.relation = "road";
        spec.weight = 1.0 + (edge % 3);
        g.add_edge(spec);
      }
  const View view = build(g);
  for (bool weighted : {false, true}) {
    CAPTURE(weighted);
    const std::vector<double>* weights = weighted ? &view.weights() : nullptr;
    const auto r = checked(view, weights);
    CHECK(r.used_arpack);
    CHECK(r.iterations == analyses::kEigenvectorFirstVerdict);
    CHECK(r.products > 0);
    double lambda = 0.0;
    const auto theirs = igraph_scores(view, weighted, &lambda);
    CHECK(r.eigenvalue == doctest::Approx(lambda).epsilon(1e-12));
    for (std::size_t v = 0; v < theirs.size(); ++v)
      CHECK(r.scores[v] == doctest::Approx(theirs[v]).epsilon(1e-12));
    CHECK(eigen_residual(view, weights, r.eigenvalue, r.scores) <= kRelTol);
  }
}

TEST_CASE("undirected eigenvector rejects directed views and bad weights") {
  const auto directed = make_graph({{"a", "b", "r", true}});
  graph::ViewOptions options;
  CHECK_THROWS_AS(undirected_eigenvector(View::build(directed, options), nullptr, 1), InputError);
  const auto g = make_graph({{"a", "b"}, {"b", "c"}});
  const View view = build(g);
  const std::vector<double> short_weights{1.0};
  CHECK_THROWS_AS(undirected_eigenvector(view, &short_weights, 1), InputError);
  const std::vector<double> negative{1.0, -2.0};
  CHECK_THROWS_WITH_AS(undirected_eigenvector(view, &negative, 1),
                       doctest::Contains("edge #2 of the input"), InputError);
  const std::vector<double> nan{std::numeric_limits<double>::quiet_NaN(), 1.0};
  CHECK_THROWS_AS(undirected_eigenvector(view, &nan, 1), InputError);
}
