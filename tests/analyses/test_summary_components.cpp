// Weak components without igraph: analyses::weak_components (analyses/cohesion.hpp) and the
// component figures of analyses::summarize, compared with igraph_connected_components(WEAK) on
// seeded random multigraphs (directed, undirected and mixed; self-loops, parallel edges of two
// relations, isolated vertices, several components; every parallel and direction policy).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/cohesion.hpp"
#include "analyses/summary.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"
#include "support/random_graph.hpp"

using namespace actornet;
using graph::View;

namespace {

namespace ig = graph::ig;
using Shape = testing::RandomShape;

struct IgraphComponents {
  std::size_t count = 0;
  std::size_t largest = 0;
};

IgraphComponents igraph_weak(const View& view) {
  IgraphComponents out;
  if (view.vertex_count() == 0) return out;
  ig::Graph g(view);
  ig::IntVector membership, sizes;
  igraph_integer_t count = 0;
  ig::check(
      igraph_connected_components(g.get(), membership.get(), sizes.get(), &count, IGRAPH_WEAK));
  out.count = static_cast<std::size_t>(count);
  for (double size : sizes.to_std())
    out.largest = std::max(out.largest, static_cast<std::size_t>(size));
  return out;
}

constexpr graph::ParallelPolicy kPolicies[] = {
    graph::ParallelPolicy::Keep, graph::ParallelPolicy::Count, graph::ParallelPolicy::Sum,
    graph::ParallelPolicy::Max, graph::ParallelPolicy::Any};

}  // namespace

TEST_CASE("weak components: counts and sizes match igraph on random multigraphs") {
  std::uint32_t seed = 100;
  std::size_t several_components = 0, loops = 0, isolated = 0;
  for (auto direction : {Shape::Directed, Shape::Undirected, Shape::Mixed}) {
    for (std::uint32_t nodes : {1u, 3u, 10u, 60u}) {
      for (std::uint32_t density : {0u, 1u, 2u, 5u}) {  // edges per two vertices
        for (int repeat = 0; repeat < 3; ++repeat, ++seed) {
          Shape shape;
          shape.direction = direction;
          shape.nodes = nodes;
          shape.edges = nodes * density / 2;
          shape.isolated = seed % 4;
          shape.components = 1 + seed % 4;
          shape.loop_share = seed % 2 == 0 ? 0.15 : 0.0;
          shape.parallel_share = seed % 3 == 0 ? 0.0 : 0.25;
          shape.reverse_repeats = seed % 5 < 2;
          const auto g = testing::random_graph(shape, seed);
          CAPTURE(seed);
          for (const auto& e : g.edges())
            loops += e.source == e.target ? 1 : 0;
          isolated += shape.isolated;
          for (auto dp : {graph::DirectionPolicy::AsStored, graph::DirectionPolicy::Undirected}) {
            for (auto pp : kPolicies) {
              graph::ViewOptions o;
              o.direction = dp;
              o.parallel = pp;
              const auto view = View::build(g, o);
              CAPTURE(graph::to_string(dp));
              CAPTURE(graph::to_string(pp));
              const auto expected = igraph_weak(view);
              const auto weak = analyses::weak_components(view);
              CHECK(weak.sizes.size() == expected.count);
              CHECK(weak.component.size() == view.vertex_count());
              if (!weak.sizes.empty()) CHECK(weak.sizes.front() == expected.largest);
              // Same numbering as cohesion(), which test_cohesion.cpp checks label by label.
              analyses::CohesionOptions no_blocks;
              no_blocks.blocks = false;
              const auto full = analyses::cohesion(view, no_blocks);
              CHECK(weak.component == full.component);
              CHECK(weak.sizes == full.component_sizes);
              const auto s = analyses::summarize(g, view);
              CHECK(s.components == expected.count);
              CHECK(s.largest_component == expected.largest);
              if (expected.count > 1) ++several_components;
            }
          }
        }
      }
    }
  }
  // The random graphs do exercise what they are meant to.
  CHECK(several_components > 100);
  CHECK(loops > 50);
  CHECK(isolated > 50);
}

TEST_CASE("weak components: tiny graphs") {
  SUBCASE("empty") {
    graph::Graph g;
    const auto w = analyses::weak_components(View::build(g));
    CHECK(w.component.empty());
    CHECK(w.sizes.empty());
  }
  SUBCASE("one node with a self-loop, one without") {
    //  a (self-loop)    b
    const auto g = testing::make_graph({{"a", "a"}}, {"b"});
    const auto w = analyses::weak_components(View::build(g));
    CHECK(w.component == std::vector<std::uint32_t>{1, 2});
    CHECK(w.sizes == std::vector<std::uint32_t>{1, 1});
  }
  SUBCASE("direction does not split a weak component") {
    //  a -> b <- c    d -met_with- e -co_chairs- d (parallel, two relations)
    const auto g = testing::make_graph({{"a", "b", "called", true},
                                        {"c", "b", "called", true},
                                        {"d", "e", "met_with"},
                                        {"d", "e", "co_chairs"}});
    const auto w = analyses::weak_components(View::build(g));
    CHECK(w.component == std::vector<std::uint32_t>{1, 1, 1, 2, 2});
    CHECK(w.sizes == std::vector<std::uint32_t>{3, 2});
  }
}

TEST_CASE("weak components: a long path needs no recursion") {
  //  n0 - n1 - ... - n199999, then an isolated node
  const std::uint32_t n = 200000;
  graph::Graph g;
  for (std::uint32_t i = 0; i <= n; ++i)
    g.add_node("n" + std::to_string(i));
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    graph::EdgeSpec e;
    e.source = i;
    e.target = i + 1;
    e.relation = "next";
    g.add_edge(e);
  }
  const auto s = analyses::summarize(g, View::build(g));
  CHECK(s.components == 2);
  CHECK(s.largest_component == n);
}
