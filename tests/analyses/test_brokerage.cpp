// Gould-Fernandez brokerage on hand-built graphs (one per role), the multigraph and direction
// rules, degenerate graphs, random graphs against a slow triple loop over an adjacency matrix
// built from the graph's edges, and the expectations against their definition.
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/brokerage.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using analyses::BrokerageRole;
using graph::View;
using testing::make_graph;

namespace {

std::size_t col(BrokerageRole role) {
  return static_cast<std::size_t>(role);
}

// Groups by the first letter of each node id: "a1" and "a2" are in one group, "b1" in another.
std::vector<std::uint32_t> groups_by_letter(const graph::Graph& g, const View& v) {
  std::vector<std::uint32_t> out;
  for (graph::Vertex x = 0; x < v.vertex_count(); ++x)
    out.push_back(static_cast<std::uint32_t>(g.node(v.node_of(x)).id[0] - 'a'));
  return out;
}

analyses::BrokerageRow raw_of(const graph::Graph& g, const View& v,
                              const analyses::BrokerageResult& r, const std::string& id) {
  return r.raw.at(v.vertex_of(*g.find_node(id)));
}

// One directed two-path x -> v -> y with the given ids (groups from their first letters).
analyses::BrokerageRow one_path(const std::string& x, const std::string& v, const std::string& y) {
  auto g = make_graph({{x, v, "r", true}, {v, y, "r", true}});
  const auto view = View::build(g);
  const auto r = analyses::brokerage(view, groups_by_letter(g, view));
  return raw_of(g, view, r, v);
}

}  // namespace

TEST_CASE("brokerage: each role on a single open two-path") {
  //  x -> v -> y, no x -> y; the broker is v.
  const auto coordinator = one_path("a1", "a2", "a3");  // all in a
  CHECK(coordinator[col(BrokerageRole::Coordinator)] == 1);
  CHECK(coordinator[col(BrokerageRole::Total)] == 1);
  const auto itinerant = one_path("a1", "b1", "a2");  // a -> b -> a
  CHECK(itinerant[col(BrokerageRole::Itinerant)] == 1);
  CHECK(itinerant[col(BrokerageRole::Total)] == 1);
  const auto representative = one_path("a1", "a2", "b1");  // a -> a -> b
  CHECK(representative[col(BrokerageRole::Representative)] == 1);
  CHECK(representative[col(BrokerageRole::Total)] == 1);
  const auto gatekeeper = one_path("a1", "b1", "b2");  // a -> b -> b
  CHECK(gatekeeper[col(BrokerageRole::Gatekeeper)] == 1);
  CHECK(gatekeeper[col(BrokerageRole::Total)] == 1);
  const auto liaison = one_path("a1", "b1", "c1");  // a -> b -> c
  CHECK(liaison[col(BrokerageRole::Liaison)] == 1);
  CHECK(liaison[col(BrokerageRole::Total)] == 1);
}

TEST_CASE("brokerage: a tie of any relation closes the path; parallel edges count once") {
  //  a1 -> a2 -> b1 (twice, two relations), closed by a1 -> b1 (other relation) in one graph
  auto open = make_graph(
      {{"a1", "a2", "met", true}, {"a2", "b1", "met", true}, {"a2", "b1", "called", true}});
  const auto ov = View::build(open);
  const auto o = analyses::brokerage(ov, groups_by_letter(open, ov));
  CHECK(raw_of(open, ov, o, "a2")[col(BrokerageRole::Representative)] == 1);
  CHECK(o.arcs == 2);

  auto closed = make_graph(
      {{"a1", "a2", "met", true}, {"a2", "b1", "met", true}, {"a1", "b1", "leads", true}});
  const auto cv = View::build(closed);
  const auto c = analyses::brokerage(cv, groups_by_letter(closed, cv));
  CHECK(raw_of(closed, cv, c, "a2")[col(BrokerageRole::Total)] == 0);
  // b1 -> a1 does not close a1 -> a2 -> b1: only a1 -> b1 does.
  auto reverse = make_graph(
      {{"a1", "a2", "met", true}, {"a2", "b1", "met", true}, {"b1", "a1", "leads", true}});
  const auto rv = View::build(reverse);
  const auto rr = analyses::brokerage(rv, groups_by_letter(reverse, rv));
  CHECK(raw_of(reverse, rv, rr, "a2")[col(BrokerageRole::Representative)] == 1);
}

TEST_CASE("brokerage: an undirected path counts both ways") {
  //  a1 - a2 - b1 (undirected): a1 -> a2 -> b1 is representative, b1 -> a2 -> a1 gatekeeper
  auto g = make_graph({{"a1", "a2"}, {"a2", "b1"}, {"a2", "a2"}});
  const auto v = View::build(g);
  const auto r = analyses::brokerage(v, groups_by_letter(g, v));
  const auto row = raw_of(g, v, r, "a2");
  CHECK(row[col(BrokerageRole::Representative)] == 1);
  CHECK(row[col(BrokerageRole::Gatekeeper)] == 1);
  CHECK(row[col(BrokerageRole::Total)] == 2);
  CHECK(r.arcs == 4);  // the self-loop is no arc
  CHECK(raw_of(g, v, r, "a1")[col(BrokerageRole::Total)] == 0);
}

TEST_CASE("brokerage: degenerate graphs") {
  graph::Graph empty;
  const auto ev = View::build(empty);
  const auto e = analyses::brokerage(ev, {});
  CHECK(e.raw.empty());
  CHECK(e.density == 0.0);

  auto one = make_graph({}, {"a1"});
  const auto ov = View::build(one);
  const auto o = analyses::brokerage(ov, {0});
  CHECK(o.raw.at(0)[col(BrokerageRole::Total)] == 0);
  CHECK(std::isnan(o.normalised.at(0)[col(BrokerageRole::Total)]));  // expectation 0

  auto loop = make_graph({{"a1", "a1", "r", true}});
  const auto lv = View::build(loop);
  CHECK(analyses::brokerage(lv, {0}).arcs == 0);

  CHECK_THROWS_AS(analyses::brokerage(ov, {0, 1}), InputError);

  // Disconnected: two separate paths, each broker counted in its own component.
  auto two = make_graph({{"a1", "a2", "r", true},
                         {"a2", "a3", "r", true},
                         {"b1", "b2", "r", true},
                         {"b2", "b3", "r", true}});
  const auto tv = View::build(two);
  const auto t = analyses::brokerage(tv, groups_by_letter(two, tv));
  CHECK(t.global_raw[col(BrokerageRole::Coordinator)] == 2);
}

TEST_CASE("brokerage: random multigraphs against a triple loop over the adjacency matrix") {
  std::mt19937 rng(20240607);
  for (int trial = 0; trial < 40; ++trial) {
    const int n = 3 + static_cast<int>(rng() % 12);
    const int k = 1 + static_cast<int>(rng() % 4);
    graph::Graph g;
    for (int i = 0; i < n; ++i)
      g.add_node("n" + std::to_string(i));
    const int edges = static_cast<int>(rng() % static_cast<unsigned>(3 * n));
    for (int e = 0; e < edges; ++e) {
      graph::EdgeSpec spec;
      spec.source = static_cast<graph::NodeIndex>(rng() % static_cast<unsigned>(n));
      spec.target = static_cast<graph::NodeIndex>(rng() % static_cast<unsigned>(n));
      spec.directed = rng() % 3 != 0;
      spec.relation = rng() % 2 ? "met" : "called";
      g.add_edge(spec);
    }
    std::vector<std::uint32_t> group(static_cast<std::size_t>(n));
    for (auto& x : group)
      x = static_cast<std::uint32_t>(rng() % static_cast<unsigned>(k));

    // The slow reference: adjacency straight from the graph's edges.
    std::vector<std::vector<bool>> adj(static_cast<std::size_t>(n),
                                       std::vector<bool>(static_cast<std::size_t>(n)));
    for (const auto& e : g.edges()) {
      if (e.source == e.target) continue;
      adj[e.source][e.target] = true;
      if (!e.directed) adj[e.target][e.source] = true;
    }
    std::vector<analyses::BrokerageRow> expected(static_cast<std::size_t>(n));
    for (int a = 0; a < n; ++a)
      for (int v = 0; v < n; ++v)
        for (int b = 0; b < n; ++b) {
          if (a == v || v == b || a == b) continue;
          if (!adj[a][v] || !adj[v][b] || adj[a][b]) continue;
          const auto ga = group[a], gv = group[v], gb = group[b];
          BrokerageRole role = ga == gv && gv == gb   ? BrokerageRole::Coordinator
                               : ga == gb && ga != gv ? BrokerageRole::Itinerant
                               : ga == gv             ? BrokerageRole::Representative
                               : gv == gb             ? BrokerageRole::Gatekeeper
                                                      : BrokerageRole::Liaison;
          expected[v][col(role)] += 1;
          expected[v][col(BrokerageRole::Total)] += 1;
        }
    for (auto policy : {graph::ParallelPolicy::Keep, graph::ParallelPolicy::Count}) {
      graph::ViewOptions options;
      options.parallel = policy;
      const auto view = View::build(g, options);
      const auto r = analyses::brokerage(view, group);  // graph order = vertex order here
      for (int v = 0; v < n; ++v)
        for (std::size_t c = 0; c < analyses::kBrokerageColumns; ++c)
          REQUIRE(r.raw[static_cast<std::size_t>(v)][c] ==
                  expected[static_cast<std::size_t>(v)][c]);
    }
  }
}

TEST_CASE("brokerage: expectations add up and match sna's sums written out") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    const int n = 4 + static_cast<int>(rng() % 20);
    const int k = 1 + static_cast<int>(rng() % 5);
    graph::Graph g;
    for (int i = 0; i < n; ++i)
      g.add_node("n" + std::to_string(i));
    for (int e = 0; e < 2 * n; ++e) {
      graph::EdgeSpec spec;
      spec.source = static_cast<graph::NodeIndex>(rng() % static_cast<unsigned>(n));
      spec.target = static_cast<graph::NodeIndex>(rng() % static_cast<unsigned>(n));
      spec.directed = true;
      g.add_edge(spec);
    }
    std::vector<std::uint32_t> group(static_cast<std::size_t>(n));
    for (auto& x : group)
      x = static_cast<std::uint32_t>(rng() % static_cast<unsigned>(k));
    const auto view = View::build(g);
    const auto r = analyses::brokerage(view, group);
    const double c = r.density * r.density * (1 - r.density);
    const double N = n;
    // The five expectations of a group add up to the total's: every pair has one role.
    for (std::size_t i = 0; i < r.group_expected.size(); ++i) {
      double sum = 0;
      for (std::size_t role = 0; role < 5; ++role)
        sum += r.group_expected[i][role];
      CHECK(sum == doctest::Approx(r.group_expected[i][5]).epsilon(1e-12));
      CHECK(r.group_expected[i][5] == doctest::Approx(c * (N - 1) * (N - 2)));
    }
    // The whole network's expectation is the sum of every node's.
    for (std::size_t role = 0; role < analyses::kBrokerageColumns; ++role) {
      double sum = 0;
      for (int v = 0; v < n; ++v)
        sum += r.group_expected[group[static_cast<std::size_t>(v)]][role];
      CHECK(r.global_expected[role] == doctest::Approx(sum).epsilon(1e-12));
    }
    // The global liaison variance as sna writes it: a triple loop over groups.
    const double d = r.density;
    const double d3 = std::pow(d, 3) * std::pow(1 - d, 3), d4 = std::pow(d, 4) * std::pow(1 - d, 2),
                 d5 = std::pow(d, 5) * (1 - d);
    double var = r.global_expected[4] * (1 - c);
    const auto& s = r.group_size;
    for (std::size_t i = 0; i < s.size(); ++i)
      for (std::size_t j = 0; j < s.size(); ++j)
        for (std::size_t l = 0; l < s.size(); ++l) {
          if (i == j || j == l || i == l) continue;
          const double ni = s[i], nj = s[j], nl = s[l];
          var += ni * nj * nl *
                 ((4 * (N - nj) - 2 * (ni + nl + 1)) * d3 -
                  (4 * (N - nl) - 2 * (ni + nj + 1)) * d4 + (N - (ni + nl + 1)) * d5);
        }
    CHECK(r.global_sd[4] == doctest::Approx(std::sqrt(std::max(0.0, var))).epsilon(1e-9));
    // Group liaison variance: sna's sum over the other groups.
    for (std::size_t i = 0; i < s.size(); ++i) {
      double sum = 0;
      for (std::size_t j = 0; j < s.size(); ++j)
        if (j != i) sum += s[j] * (N - s[j] - s[i]) * (N - s[j] - s[i] - 1) / 2;
      const double v5 = r.group_expected[i][4] * (1 - c) + 4 * sum * d3;
      CHECK(r.group_sd[i][4] == doctest::Approx(std::sqrt(std::max(0.0, v5))).epsilon(1e-9));
    }
  }
}

TEST_CASE("brokerage: expectations are the mean counts of random graphs of that density") {
  // Bernoulli digraphs with p = 0.15 on 24 nodes in groups of 12, 8 and 4: the mean raw count
  // of a group's nodes approaches p^2 (1-p) times the number of pairs of each role.
  std::mt19937 rng(99);
  const int n = 24;
  const double p = 0.15;
  std::vector<std::uint32_t> group(n);
  for (int i = 0; i < n; ++i)
    group[static_cast<std::size_t>(i)] = i < 12 ? 0 : i < 20 ? 1 : 2;
  std::vector<analyses::BrokerageRow> mean(3), formula(3);
  const int samples = 2000;
  std::bernoulli_distribution tie(p);
  for (int s = 0; s < samples; ++s) {
    graph::Graph g;
    for (int i = 0; i < n; ++i)
      g.add_node("n" + std::to_string(i));
    for (int a = 0; a < n; ++a)
      for (int b = 0; b < n; ++b)
        if (a != b && tie(rng)) {
          graph::EdgeSpec spec;
          spec.source = static_cast<graph::NodeIndex>(a);
          spec.target = static_cast<graph::NodeIndex>(b);
          spec.directed = true;
          g.add_edge(spec);
        }
    const auto r = analyses::brokerage(View::build(g), group);
    for (int v = 0; v < n; ++v)
      for (std::size_t k = 0; k < analyses::kBrokerageColumns; ++k)
        mean[group[static_cast<std::size_t>(v)]][k] += r.raw[static_cast<std::size_t>(v)][k];
  }
  const double sizes[3] = {12, 8, 4};
  const double c = p * p * (1 - p);
  for (int i = 0; i < 3; ++i) {
    const double ni = sizes[i];
    double within_other = 0, other_sq = 0;
    for (int j = 0; j < 3; ++j)
      if (j != i) {
        within_other += sizes[j] * (sizes[j] - 1);
        other_sq += sizes[j] * sizes[j];
      }
    formula[static_cast<std::size_t>(i)] = {c * (ni - 1) * (ni - 2),
                                            c * within_other,
                                            c * (n - ni) * (ni - 1),
                                            c * (n - ni) * (ni - 1),
                                            c * ((n - ni) * (n - ni) - other_sq),
                                            c * (n - 1) * (n - 2)};
    for (std::size_t k = 0; k < analyses::kBrokerageColumns; ++k) {
      const double observed = mean[static_cast<std::size_t>(i)][k] / (samples * ni);
      CHECK(observed == doctest::Approx(formula[static_cast<std::size_t>(i)][k]).epsilon(0.08));
    }
  }
}
