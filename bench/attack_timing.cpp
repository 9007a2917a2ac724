// Times analyses::attack alone (no import, no report) on a graph written by
// bench/gen_sides_graph.py, so that the attack curve's growth with the edge count can be read
// apart from the A-B figures that `actornet resilience` computes first. Built and run by
// bench/resilience.sh:
//
//   attack_timing DIR ORDER...     ORDER: degree, degree-recomputed, random, cross_betweenness
//
// Prints one Markdown table row per order: edges, vertices, order, wall and CPU seconds (the
// machine may be shared: CPU time is the steadier figure), r_index.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyses/attack.hpp"
#include "graph/graph.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"

using namespace actornet;

namespace {

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, ',');)
    out.push_back(f);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: attack_timing DIR ORDER...\n";
    return 2;
  }
  graph::ig::install_igraph_error_handler();
  const std::string dir = argv[1];
  graph::Graph g;
  std::vector<char> bloc;
  std::string line;
  std::ifstream nodes(dir + "/nodes.csv");
  std::getline(nodes, line);  // Id,kind,bloc
  while (std::getline(nodes, line)) {
    const auto f = fields(line);
    g.add_node(f.at(0), {}, f.at(1));
    bloc.push_back(f.at(2).at(0));
  }
  std::ifstream edges(dir + "/edges.csv");
  std::getline(edges, line);  // Source,Target,Type,Kind
  while (std::getline(edges, line)) {
    const auto f = fields(line);
    graph::EdgeSpec spec;
    spec.source = *g.find_node(f.at(0));
    spec.target = *g.find_node(f.at(1));
    spec.relation = f.at(3);
    g.add_edge(spec);
  }
  graph::ViewOptions options;
  options.direction = graph::DirectionPolicy::Undirected;
  const auto view = graph::View::build(g, options);
  std::vector<bool> a(view.vertex_count()), b(view.vertex_count());
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
    a[v] = bloc[view.node_of(v)] == 'A';
    b[v] = bloc[view.node_of(v)] == 'B';
  }
  for (int i = 2; i < argc; ++i) {
    const std::string name = argv[i];
    analyses::AttackOptions o;
    if (name == "degree" || name == "degree-recomputed") {
      o.order = analyses::AttackOrder::Degree;
      o.recomputed = name == "degree-recomputed";
    } else if (name == "random") {
      o.order = analyses::AttackOrder::Random;
    } else if (name == "cross_betweenness") {
      o.order = analyses::AttackOrder::CrossBetweenness;
    } else {
      std::cerr << "attack_timing: unknown order " << name << "\n";
      return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const auto r = analyses::attack(view, a, b, o);
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::cout << fmt::format("| {} | {} | {} | {:.2f} | {:.2f} | {:.6f} |\n", view.edge_count(),
                             view.vertex_count(), name, took.count(), cpu, r.r_index);
  }
  return 0;
}
