// Seeded random multigraphs for property tests that compare an analysis with igraph: parallel
// edges (of two relations), self-loops, isolated vertices, several components, any direction.
//
//   auto g = random_graph({.nodes = 40, .edges = 60, .components = 3}, seed);
//
// Edges are drawn with std::mt19937 (its sequence is fixed by the standard) and plain modulo
// arithmetic, so every platform builds the same graph from the same seed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/graph.hpp"

namespace actornet::testing {

struct RandomShape {
  std::uint32_t nodes = 10;
  std::uint32_t edges = 20;
  enum Direction { Directed, Undirected, Mixed } direction = Directed;
  double loop_share = 0.05;      ///< edges that are self-loops
  double parallel_share = 0.1;   ///< edges that repeat an earlier pair
  std::uint32_t isolated = 0;    ///< extra vertices with no edges
  std::uint32_t components = 1;  ///< edges stay inside one of this many vertex groups
  bool zero_weights = false;     ///< some weights are 0
  bool weights = true;           ///< weights drawn from {1, 0.5, 2, 3.25, 0.125, 7}; else all 1
  bool reverse_repeats = false;  ///< a repeated pair may come the other way round
  bool bipartite = false;        ///< edges join an even vertex to an odd one (no loops)
};

inline graph::Graph random_graph(const RandomShape& shape, std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto below = [&rng](std::uint32_t k) { return static_cast<std::uint32_t>(rng() % k); };
  auto chance = [&rng](double p) { return static_cast<double>(rng() % 1000000) < p * 1e6; };
  graph::Graph g;
  const std::uint32_t n = shape.nodes + shape.isolated;
  for (std::uint32_t i = 0; i < n; ++i)
    g.add_node("n" + std::to_string(i));
  // A bipartite group needs two vertices.
  const std::uint32_t smallest = shape.bipartite ? 2 : 1;
  const std::uint32_t group = std::max<std::uint32_t>(smallest, shape.nodes / shape.components);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  const double weights[] = {1.0, 0.5, 2.0, 3.25, 0.125, 7.0};
  for (std::uint32_t e = 0; e < shape.edges; ++e) {
    std::uint32_t s = 0, t = 0;
    if (!pairs.empty() && chance(shape.parallel_share)) {
      std::tie(s, t) = pairs[below(static_cast<std::uint32_t>(pairs.size()))];
      if (shape.reverse_repeats && below(2) == 0) std::swap(s, t);
    } else {
      const std::uint32_t c = below(shape.components);
      const std::uint32_t lo = std::min(c * group, shape.nodes - smallest);
      const std::uint32_t size =
          std::max<std::uint32_t>(smallest, std::min(group, shape.nodes - lo));
      s = lo + below(size);
      if (shape.bipartite) {
        t = lo + below(size);
        if ((t - s) % 2 == 0) t = t + 1 < lo + size ? t + 1 : t - 1;
      } else {
        t = chance(shape.loop_share) ? s : lo + below(size);
      }
    }
    pairs.emplace_back(s, t);
    graph::EdgeSpec spec;
    spec.source = s;
    spec.target = t;
    spec.relation = below(2) == 0 ? "met_with" : "co_chairs";
    spec.directed = shape.direction == RandomShape::Directed ||
                    (shape.direction == RandomShape::Mixed && (e == 0 || below(2) == 0));
    if (shape.weights) spec.weight = shape.zero_weights && below(5) == 0 ? 0.0 : weights[below(6)];
    g.add_edge(spec);
  }
  return g;
}

}  // namespace actornet::testing
