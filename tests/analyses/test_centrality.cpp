// Centrality on tiny graphs whose scores can be worked out by hand (each test says how), plus
// invariants (PageRank's fixed point, A x = lambda x) and a brute-force reference for the
// distance-based measures that counts parallel edges as separate paths.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <queue>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "analyses/centrality.hpp"
#include "graph/errors.hpp"
#include "graph/view.hpp"
#include "support/make_graph.hpp"

using namespace actornet;
using analyses::CentralityOptions;
using analyses::LengthPolicy;
using analyses::Measure;
using graph::ParallelPolicy;
using graph::View;
using graph::ViewOptions;
using testing::make_graph;

namespace {

constexpr double kTol = 1e-9;
constexpr double kInf = std::numeric_limits<double>::infinity();

View view_of(const graph::Graph& g, ParallelPolicy parallel = ParallelPolicy::Keep,
             std::vector<std::string> relations = {}) {
  ViewOptions opts;
  opts.parallel = parallel;
  opts.relations = std::move(relations);
  return View::build(g, opts);
}

// The column of measure `m` in a result that computed it.
const std::vector<double>& scores_of(const analyses::CentralityResult& r, Measure m) {
  const auto it = std::find(r.measures.begin(), r.measures.end(), m);
  REQUIRE(it != r.measures.end());
  return r.scores[static_cast<std::size_t>(it - r.measures.begin())];
}

std::vector<double> column(const View& v, Measure m, CentralityOptions opts = {}) {
  opts.measures = {m};
  auto result = analyses::centrality(v, opts);
  REQUIRE(result.scores.size() == 1);
  REQUIRE(result.scores[0].size() == v.vertex_count());
  return result.scores[0];
}

// The score of node `id` in a column computed on `v` (a view of `g`).
double at(const graph::Graph& g, const View& v, const std::vector<double>& col,
          const std::string& id) {
  const auto n = g.find_node(id);
  REQUIRE(n.has_value());
  const auto vertex = v.vertex_of(*n);
  REQUIRE(vertex != graph::kNoVertex);
  return col.at(vertex);
}

// Checks a column against expected values given per node id, in graph order.
void check_column(const graph::Graph& g, const View& v, const std::vector<double>& col,
                  const std::vector<std::pair<std::string, double>>& expected) {
  for (const auto& [id, want] : expected) {
    INFO("node " << id);
    CHECK(at(g, v, col, id) == doctest::Approx(want).epsilon(kTol));
  }
}

// No score is -0 (it would print as "-0").
void check_no_negative_zero(const analyses::CentralityResult& r) {
  for (std::size_t m = 0; m < r.scores.size(); ++m)
    for (double x : r.scores[m]) {
      INFO(analyses::to_string(r.measures[m]));
      CHECK_FALSE((x == 0.0 && std::signbit(x)));
    }
}

bool has_note(const analyses::CentralityResult& r, const std::string& fragment) {
  for (const auto& n : r.notes)
    if (n.find(fragment) != std::string::npos) return true;
  return false;
}

// --- references computed straight from the View's adjacency --------------------------------

// Hop distances from s and the number of shortest paths to each vertex, where parallel arcs
// are separate paths (sigma multiplies by the multiplicity).
struct Bfs {
  std::vector<double> dist;
  std::vector<double> sigma;
};

Bfs bfs(const View& v, graph::Vertex s) {
  Bfs r{std::vector<double>(v.vertex_count(), kInf), std::vector<double>(v.vertex_count(), 0)};
  r.dist[s] = 0;
  r.sigma[s] = 1;
  std::queue<graph::Vertex> queue;
  queue.push(s);
  while (!queue.empty()) {
    const auto u = queue.front();
    queue.pop();
    for (const auto& arc : v.out(u)) {
      const auto w = arc.neighbour;
      if (r.dist[w] == kInf) {
        r.dist[w] = r.dist[u] + 1;
        queue.push(w);
      }
      if (r.dist[w] == r.dist[u] + 1) r.sigma[w] += r.sigma[u];
    }
  }
  return r;
}

// Betweenness by its definition: for every pair (s, t) and every v on some shortest s-t path,
// sigma_sv * sigma_vt / sigma_st. O(n^3) with all-pairs BFS; unordered pairs when undirected.
std::vector<double> betweenness_by_definition(const View& v) {
  const auto n = v.vertex_count();
  std::vector<Bfs> from(n);
  for (graph::Vertex s = 0; s < n; ++s)
    from[s] = bfs(v, s);
  std::vector<double> score(n, 0.0);
  for (graph::Vertex s = 0; s < n; ++s)
    for (graph::Vertex t = 0; t < n; ++t) {
      if (s == t || from[s].dist[t] == kInf) continue;
      for (graph::Vertex x = 0; x < n; ++x) {
        if (x == s || x == t) continue;
        if (from[s].dist[x] + from[x].dist[t] == from[s].dist[t])
          score[x] += from[s].sigma[x] * from[x].sigma[t] / from[s].sigma[t];
      }
    }
  if (!v.directed())
    for (auto& x : score)
      x /= 2;
  return score;
}

// Closeness and harmonic (out-distances) by their definitions.
std::pair<std::vector<double>, std::vector<double>> closeness_harmonic_by_definition(
    const View& v) {
  const auto n = v.vertex_count();
  std::vector<double> closeness(n, 0.0), harmonic(n, 0.0);
  for (graph::Vertex s = 0; s < n; ++s) {
    const auto r = bfs(v, s);
    double reached = 0, total = 0, inverse = 0;
    for (graph::Vertex t = 0; t < n; ++t) {
      if (t == s || r.dist[t] == kInf) continue;
      reached += 1;
      total += r.dist[t];
      inverse += 1 / r.dist[t];
    }
    closeness[s] = total > 0 ? reached / total : 0.0;
    harmonic[s] = n > 1 ? inverse / (n - 1) : 0.0;
  }
  return {closeness, harmonic};
}

// PageRank's defining equation: p_v = (1-d)/n + d * (sum over arcs u->v of p_u w_uv / W_u
// + sum over dangling u of p_u / n), W_u the total weight of u's out-arcs (every arc weighs 1
// without weights). Checks it for every v, and that the scores sum to 1.
void check_pagerank_fixed_point(const View& v, const std::vector<double>& p, double d,
                                bool weighted) {
  const auto n = v.vertex_count();
  REQUIRE(p.size() == n);
  CHECK(std::accumulate(p.begin(), p.end(), 0.0) == doctest::Approx(1.0).epsilon(kTol));
  auto w = [&](graph::ViewEdge e) { return weighted ? v.weight(e) : 1.0; };
  std::vector<double> out_weight(n, 0.0);
  for (graph::Vertex u = 0; u < n; ++u)
    for (const auto& arc : v.out(u))
      out_weight[u] += w(arc.edge);
  double dangling = 0;
  for (graph::Vertex u = 0; u < n; ++u)
    if (out_weight[u] == 0) dangling += p[u];
  std::vector<double> rhs(n, (1 - d) / n + d * dangling / n);
  for (graph::Vertex u = 0; u < n; ++u)
    for (const auto& arc : v.out(u))
      if (out_weight[u] > 0) rhs[arc.neighbour] += d * p[u] * w(arc.edge) / out_weight[u];
  for (graph::Vertex x = 0; x < n; ++x) {
    INFO("vertex " << x);
    CHECK(p[x] == doctest::Approx(rhs[x]).epsilon(kTol));
  }
}

// (A x)_v with A as eigenvector centrality reads it: summed over arcs into v (directed) or
// incident arcs (undirected, where a self-loop appears twice).
std::vector<double> adjacency_times(const View& v, const std::vector<double>& x) {
  std::vector<double> y(v.vertex_count(), 0.0);
  for (graph::Vertex t = 0; t < v.vertex_count(); ++t)
    for (const auto& arc : v.in(t))
      y[t] += x[arc.neighbour];
  return y;
}

// Checks A x = lambda x, max x = 1, x >= 0; returns lambda.
double check_eigenvector(const View& v, const std::vector<double>& x) {
  REQUIRE(!x.empty());
  const auto top = std::max_element(x.begin(), x.end());
  CHECK(*top == doctest::Approx(1.0).epsilon(kTol));
  const auto ax = adjacency_times(v, x);
  const double lambda = ax[static_cast<std::size_t>(top - x.begin())];
  for (std::size_t i = 0; i < x.size(); ++i) {
    INFO("vertex " << i);
    CHECK(x[i] >= -kTol);
    CHECK(ax[i] == doctest::Approx(lambda * x[i]).epsilon(kTol));
  }
  return lambda;
}

// A deterministic pseudo-random multigraph: parallel edges of several relations, no loops.
graph::Graph scrambled_multigraph(bool directed, std::uint32_t nodes, std::uint32_t edges) {
  graph::Graph g;
  for (std::uint32_t i = 0; i < nodes; ++i)
    g.add_node("n" + std::to_string(i));
  std::uint64_t state = 12345;
  auto next = [&state](std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % bound);
  };
  const char* relations[] = {"met_with", "called", "co_chairs"};
  for (std::uint32_t e = 0; e < edges; ++e) {
    graph::EdgeSpec spec;
    spec.source = next(nodes);
    spec.target = next(nodes);
    if (spec.source == spec.target) spec.target = (spec.target + 1) % nodes;
    spec.relation = relations[next(3)];
    spec.directed = directed;
    spec.weight = 1.0 + next(4);
    g.add_edge(spec);
  }
  return g;
}

}  // namespace

TEST_CASE("names round-trip and the default set is as documented") {
  CHECK(analyses::all_measures().size() == 14);
  for (Measure m : analyses::all_measures()) {
    INFO(analyses::to_string(m));
    CHECK(analyses::measure_from_string(analyses::to_string(m)) == m);
  }
  CHECK(analyses::to_string(Measure::PageRank) == "pagerank");
  CHECK(analyses::to_string(Measure::InDegree) == "in_degree");
  CHECK_FALSE(analyses::measure_from_string("page_rank").has_value());
  CHECK(analyses::is_distance_based(Measure::Harmonic));
  CHECK_FALSE(analyses::is_distance_based(Measure::PageRank));
  CHECK(analyses::length_policy_from_string("inverse") == LengthPolicy::Inverse);
  CHECK_FALSE(analyses::length_policy_from_string("unset").has_value());

  // The default set, in order, when no measure is asked.
  auto g = make_graph({{"a", "b"}});
  auto r = analyses::centrality(view_of(g));
  const std::vector<Measure> expected{Measure::Degree,    Measure::Strength,  Measure::Betweenness,
                                      Measure::Closeness, Measure::Harmonic,  Measure::Eigenvector,
                                      Measure::PageRank,  Measure::Constraint};
  CHECK(r.measures == expected);
  CHECK(r.scores.size() == expected.size());
}

TEST_CASE("empty graph: every measure gives an empty column") {
  // (nothing)
  graph::Graph g;
  auto v = view_of(g);
  CentralityOptions opts;
  opts.measures = analyses::all_measures();
  auto r = analyses::centrality(v, opts);
  CHECK(r.measures == analyses::all_measures());
  REQUIRE(r.scores.size() == analyses::all_measures().size());
  for (const auto& col : r.scores)
    CHECK(col.empty());
  CHECK(has_note(r, "no vertices"));

  // The options are still checked.
  opts.use_weights = true;
  CHECK_THROWS_AS(analyses::centrality(v, opts), InputError);
}

TEST_CASE("one node: degenerate but defined values") {
  //   a
  auto g = make_graph({}, {"a"});
  auto v = view_of(g);
  CentralityOptions opts;
  opts.measures = analyses::all_measures();
  auto r = analyses::centrality(v, opts);
  REQUIRE(r.scores.size() == 14);
  auto score = [&](Measure m) {
    const auto i = static_cast<std::size_t>(std::find(r.measures.begin(), r.measures.end(), m) -
                                            r.measures.begin());
    return r.scores.at(i).at(0);
  };
  for (Measure m : {Measure::Degree, Measure::InDegree, Measure::OutDegree, Measure::Strength,
                    Measure::InStrength, Measure::OutStrength, Measure::Betweenness,
                    Measure::Closeness, Measure::Harmonic})
    CHECK(score(m) == 0.0);
  CHECK(score(Measure::PageRank) == doctest::Approx(1.0));  // all the mass on the one vertex
  CHECK(score(Measure::Eigenvector) == 1.0);                // edgeless: uniform, scaled to max 1
  CHECK(score(Measure::Hub) == 1.0);
  CHECK(score(Measure::Authority) == 1.0);
  CHECK(std::isnan(score(Measure::Constraint)));  // no contacts: undefined
  CHECK(has_note(r, "closeness: 1 vertex(es) reach no other vertex"));
  CHECK(has_note(r, "constraint: 1 isolated"));
  CHECK(has_note(r, "eigenvector: the view has no edges"));
  CHECK(has_note(r, "in_degree: the view is undirected"));
}

TEST_CASE("no edges: three isolated vertices") {
  //   a    b    c
  auto g = make_graph({}, {"a", "b", "c"});
  auto v = view_of(g);
  for (double p : column(v, Measure::PageRank))
    CHECK(p == doctest::Approx(1.0 / 3));
  for (double x : column(v, Measure::Closeness))
    CHECK(x == 0.0);
  for (double x : column(v, Measure::Harmonic))
    CHECK(x == 0.0);
  for (double x : column(v, Measure::Betweenness))
    CHECK(x == 0.0);
  for (double x : column(v, Measure::Eigenvector))
    CHECK(x == 1.0);
  for (double x : column(v, Measure::Constraint))
    CHECK(std::isnan(x));
}

TEST_CASE("self-loop: counted twice by undirected degree and eigenvector, once by hubs") {
  //    __
  //   /  \      loop at a
  //   \  /
  //    a ----- b
  auto g = make_graph({{"a", "a"}, {"a", "b"}});
  auto v = view_of(g);
  // Degree: the loop's two ends are at a.
  check_column(g, v, column(v, Measure::Degree), {{"a", 3}, {"b", 1}});
  check_column(g, v, column(v, Measure::Strength), {{"a", 3}, {"b", 1}});
  // Paths ignore the loop: a and b are adjacent and alone.
  check_column(g, v, column(v, Measure::Betweenness), {{"a", 0}, {"b", 0}});
  check_column(g, v, column(v, Measure::Closeness), {{"a", 1}, {"b", 1}});
  check_column(g, v, column(v, Measure::Harmonic), {{"a", 1}, {"b", 1}});
  // A = [[2, 1], [1, 0]]: lambda = 1 + sqrt 2, x = (1, sqrt 2 - 1).
  const auto eig = column(v, Measure::Eigenvector);
  check_column(g, v, eig, {{"a", 1}, {"b", std::sqrt(2.0) - 1}});
  CHECK(check_eigenvector(v, eig) == doctest::Approx(1 + std::sqrt(2.0)));
  // Hubs read the loop once: A = [[1, 1], [1, 0]], A^2 = [[2, 1], [1, 1]], whose leading
  // eigenvector is (1, (sqrt 5 - 1) / 2).
  check_column(g, v, column(v, Measure::Hub), {{"a", 1}, {"b", (std::sqrt(5.0) - 1) / 2}});
  // PageRank: from a the walk stays with probability 2/3 (loop twice in a's degree of 3).
  // p_b = (1-d)/2 + d p_a / 3 and p_a + p_b = 1 give p_a = (1 + d) / 2 / (1 + d/3).
  const double d = 0.85;
  const auto pr = column(v, Measure::PageRank);
  check_column(g, v, pr, {{"a", (1 + d) / 2 / (1 + d / 3)}});
  check_pagerank_fixed_point(v, pr, d, false);
  // Constraint ignores the loop: each has one contact, p = 1.
  check_column(g, v, column(v, Measure::Constraint), {{"a", 1}, {"b", 1}});
}

TEST_CASE("self-loop in a directed view: one out and one in") {
  //    __
  //   /  v
  //   \  /
  //    a ----> b
  auto g = make_graph({{"a", "a", "related_to", true}, {"a", "b", "related_to", true}});
  auto v = view_of(g);
  REQUIRE(v.directed());
  check_column(g, v, column(v, Measure::Degree), {{"a", 3}, {"b", 1}});
  check_column(g, v, column(v, Measure::OutDegree), {{"a", 2}, {"b", 0}});
  check_column(g, v, column(v, Measure::InDegree), {{"a", 1}, {"b", 1}});
  // In-edges: x_a = x_a / lambda (loop), x_b = x_a / lambda, so lambda = 1 and x = (1, 1).
  const auto eig = column(v, Measure::Eigenvector);
  check_column(g, v, eig, {{"a", 1}, {"b", 1}});
  CHECK(check_eigenvector(v, eig) == doctest::Approx(1.0));
  check_pagerank_fixed_point(v, column(v, Measure::PageRank), 0.85, false);
}

TEST_CASE("two parallel edges of different relations: keep, count and any") {
  //        b
  //     //   \         a = b twice: met_with and co_chairs
  //    a       d       b - d, a - c, c - d: met_with
  //     \    /
  //        c
  auto g = make_graph({{"a", "b", "met_with"},
                       {"a", "b", "co_chairs"},
                       {"b", "d", "met_with"},
                       {"a", "c", "met_with"},
                       {"c", "d", "met_with"}});
  auto keep = view_of(g, ParallelPolicy::Keep);
  auto count = view_of(g, ParallelPolicy::Count);
  auto any = view_of(g, ParallelPolicy::Any);
  auto met = view_of(g, ParallelPolicy::Keep, {"met_with"});

  SUBCASE("degree and strength") {
    check_column(g, keep, column(keep, Measure::Degree), {{"a", 3}, {"b", 3}, {"c", 2}});
    check_column(g, count, column(count, Measure::Degree), {{"a", 2}, {"b", 2}, {"c", 2}});
    // Strength under count sums the merged counts: the multigraph degree again.
    check_column(g, count, column(count, Measure::Strength), {{"a", 3}, {"b", 3}, {"c", 2}});
    check_column(g, any, column(any, Measure::Strength), {{"a", 2}, {"b", 2}, {"c", 2}});
    check_column(g, met, column(met, Measure::Degree), {{"a", 2}, {"b", 2}, {"c", 2}});
  }

  SUBCASE("betweenness: parallel edges are separate shortest paths under keep") {
    // Pair (a, d): two paths via b (either a-b edge) and one via c, so b gets 2/3, c 1/3.
    // Pair (b, c): two via a, one via d, so a gets 2/3, d 1/3. Adjacent pairs add nothing.
    const auto bk = column(keep, Measure::Betweenness);
    check_column(g, keep, bk, {{"a", 2.0 / 3}, {"b", 2.0 / 3}, {"c", 1.0 / 3}, {"d", 1.0 / 3}});
    CHECK(bk == betweenness_by_definition(keep));
    // Merged (and the met_with-only square): a 4-cycle, each opposite pair splits 1/2, 1/2.
    for (const View* v : {&count, &any, &met})
      check_column(g, *v, column(*v, Measure::Betweenness),
                   {{"a", 0.5}, {"b", 0.5}, {"c", 0.5}, {"d", 0.5}});
    // Weights with lengths ignored: still hop counts.
    CentralityOptions opts;
    opts.use_weights = true;
    opts.lengths = LengthPolicy::Ignore;
    check_column(g, count, column(count, Measure::Betweenness, opts), {{"a", 0.5}, {"c", 0.5}});
  }

  SUBCASE("count with weights is keep; count without weights is any") {
    CentralityOptions weighted;
    weighted.use_weights = true;
    for (Measure m : {Measure::PageRank, Measure::Eigenvector, Measure::Constraint}) {
      INFO(analyses::to_string(m));
      const auto k = column(keep, m);
      const auto cw = column(count, m, weighted);
      const auto c = column(count, m);
      const auto a = column(any, m);
      for (const auto* id : {"a", "b", "c", "d"}) {
        INFO(id);
        CHECK(at(g, keep, k, id) == doctest::Approx(at(g, count, cw, id)).epsilon(kTol));
        CHECK(at(g, count, c, id) == doctest::Approx(at(g, any, a, id)).epsilon(kTol));
      }
      // The doubled tie makes a and b more central (or, for constraint, more constrained by
      // each other) than c and d under keep; under any the square is symmetric.
      CHECK(at(g, keep, k, "a") > at(g, keep, k, "c") + 1e-6);
      CHECK(at(g, any, a, "a") == doctest::Approx(at(g, any, a, "c")).epsilon(kTol));
    }
    check_pagerank_fixed_point(keep, column(keep, Measure::PageRank), 0.85, false);
    check_pagerank_fixed_point(count, column(count, Measure::PageRank, weighted), 0.85, true);
    check_eigenvector(keep, column(keep, Measure::Eigenvector));
  }

  SUBCASE("constraint by hand under any") {
    // Square: a's contacts b, c with p = 1/2 each, and b, c are not adjacent (no indirect
    // term through a's other contacts): c_a = 1/4 + 1/4.
    check_column(g, any, column(any, Measure::Constraint), {{"a", 0.5}, {"d", 0.5}});
    // Keep: a-b has weight 2, a-c 1: p_ab = 2/3, p_ac = 1/3, c_a = 4/9 + 1/9.
    check_column(g, keep, column(keep, Measure::Constraint), {{"a", 5.0 / 9}});
  }
}

TEST_CASE("disconnected: a path, a pair and an isolate") {
  //   a --- b --- c      d --- e      f
  auto g = make_graph({{"a", "b"}, {"b", "c"}, {"d", "e"}}, {"f"});
  auto v = view_of(g);
  CentralityOptions opts;
  opts.measures = analyses::all_measures();
  const auto r = analyses::centrality(v, opts);
  auto col = [&r](Measure m) { return scores_of(r, m); };
  check_column(g, v, col(Measure::Betweenness), {{"a", 0}, {"b", 1}, {"d", 0}, {"f", 0}});
  // Closeness counts only what each vertex reaches: a reaches b (1) and c (2): 2/3; d reaches
  // e: 1/1; f reaches nothing: 0 (igraph's NaN, replaced).
  check_column(g, v, col(Measure::Closeness),
               {{"a", 2.0 / 3}, {"b", 1}, {"c", 2.0 / 3}, {"d", 1}, {"e", 1}, {"f", 0}});
  // Harmonic divides by n - 1 = 5: a (1 + 1/2)/5, b 2/5, d 1/5.
  check_column(g, v, col(Measure::Harmonic),
               {{"a", 0.3}, {"b", 0.4}, {"c", 0.3}, {"d", 0.2}, {"e", 0.2}, {"f", 0}});
  // The path has the largest eigenvalue (sqrt 2 against 1): x = (1/sqrt 2, 1, 1/sqrt 2) there,
  // 0 elsewhere.
  const auto eig = col(Measure::Eigenvector);
  check_column(g, v, eig,
               {{"a", std::sqrt(0.5)}, {"b", 1}, {"c", std::sqrt(0.5)}, {"d", 0}, {"f", 0}});
  CHECK(check_eigenvector(v, eig) == doctest::Approx(std::sqrt(2.0)));
  // Constraint: leaves 1; b has two unconnected contacts, 1/4 + 1/4; f undefined.
  const auto con = col(Measure::Constraint);
  check_column(g, v, con, {{"a", 1}, {"b", 0.5}, {"d", 1}});
  CHECK(std::isnan(at(g, v, con, "f")));
  check_pagerank_fixed_point(v, col(Measure::PageRank), 0.85, false);

  check_no_negative_zero(r);
  CHECK(has_note(r, "eigenvector: the view has 3 connected components"));
  CHECK(has_note(r, "closeness: 1 vertex(es) reach no other vertex"));
  CHECK(has_note(r, "prefer harmonic"));
  CHECK(has_note(r, "constraint: 1 isolated"));
}

TEST_CASE("directed star: out-distances, in-edge eigenvector, hubs and authorities") {
  //         x
  //         ^
  //         |
  //   y <-- s --> z
  auto g =
      make_graph({{"s", "x", "leads", true}, {"s", "y", "leads", true}, {"s", "z", "leads", true}});
  auto v = view_of(g);
  REQUIRE(v.directed());
  CentralityOptions opts;
  opts.measures = analyses::all_measures();
  const auto r = analyses::centrality(v, opts);
  auto col = [&r](Measure m) { return scores_of(r, m); };
  check_column(g, v, col(Measure::Degree), {{"s", 3}, {"x", 1}});
  check_column(g, v, col(Measure::OutDegree), {{"s", 3}, {"x", 0}});
  check_column(g, v, col(Measure::InDegree), {{"s", 0}, {"x", 1}});
  check_column(g, v, col(Measure::InStrength), {{"s", 0}, {"y", 1}});
  // No directed path has an inner vertex.
  check_column(g, v, col(Measure::Betweenness), {{"s", 0}, {"x", 0}});
  // Out-distances: s reaches all three at 1; a leaf reaches nothing.
  check_column(g, v, col(Measure::Closeness), {{"s", 1}, {"x", 0}, {"z", 0}});
  check_column(g, v, col(Measure::Harmonic), {{"s", 1}, {"x", 0}});
  // In-edges on an acyclic graph: x_s = 0 (nothing points at s), so the leaves get 0 too.
  check_column(g, v, col(Measure::Eigenvector), {{"s", 0}, {"x", 0}, {"y", 0}});
  CHECK(has_note(r, "eigenvector: the view is directed and acyclic"));
  // s points at every authority; the leaves are pointed at.
  check_column(g, v, col(Measure::Hub), {{"s", 1}, {"x", 0}});
  check_column(g, v, col(Measure::Authority), {{"s", 0}, {"x", 1}, {"y", 1}, {"z", 1}});
  // PageRank with dangling leaves (their mass jumps uniformly): p_s = (1-d)/4 + 3 d L / 4 with
  // p_s + 3 L = 1 gives p_s = 1 / (4 + d) and L = (3 + d) / (3 (4 + d)).
  const double d = 0.85;
  const auto pr = col(Measure::PageRank);
  check_column(g, v, pr, {{"s", 1 / (4 + d)}, {"x", (3 + d) / (3 * (4 + d))}});
  check_pagerank_fixed_point(v, pr, d, false);
  // Constraint ignores direction: s has three unconnected contacts, 3 * (1/3)^2.
  check_column(g, v, col(Measure::Constraint), {{"s", 1.0 / 3}, {"x", 1}});
  CHECK_FALSE(has_note(r, "in_degree: the view is undirected"));
  check_no_negative_zero(r);

  // The undirected star: the centre lies between each of the 3 pairs of leaves.
  ViewOptions undirected;
  undirected.direction = graph::DirectionPolicy::Undirected;
  auto u = View::build(g, undirected);
  check_column(g, u, column(u, Measure::Betweenness), {{"s", 3}, {"x", 0}});
  check_column(g, u, column(u, Measure::Closeness), {{"s", 1}, {"x", 3.0 / 5}});
}

TEST_CASE("directed eigenvector: the dominant component and what it reaches") {
  //   s --> a ==> b --> t        a -> b once, b -> a twice (parallel, kept)
  //         ^  <==               c <-> d: a weaker cycle, upstream of a
  //         |
  //   c <-> d
  auto g = make_graph({{"s", "a", "r", true},
                       {"a", "b", "r", true},
                       {"b", "a", "r", true},
                       {"b", "a", "r", true},
                       {"b", "t", "r", true},
                       {"c", "d", "r", true},
                       {"d", "c", "r", true},
                       {"d", "a", "r", true}});
  auto v = view_of(g);
  REQUIRE(v.directed());
  // On {a, b}, in-edges: lambda x_a = 2 x_b, lambda x_b = x_a, so lambda = sqrt 2 and
  // x_b = 1/sqrt 2; t is fed by b alone: x_t = x_b / lambda = 1/2. Nothing reaches s, c or d
  // from {a, b}, and {c, d} has the smaller eigenvalue 1: they get exactly 0.
  CentralityOptions opts;
  opts.measures = {Measure::Eigenvector};
  const auto r = analyses::centrality(v, opts);
  const auto& x = r.scores.at(0);
  check_column(g, v, x, {{"a", 1}, {"b", std::sqrt(0.5)}, {"t", 0.5}});
  for (const auto* id : {"s", "c", "d"}) {
    INFO(id);
    CHECK(at(g, v, x, id) == 0.0);
  }
  CHECK(check_eigenvector(v, x) == doctest::Approx(std::sqrt(2.0)));
  CHECK(has_note(r, "not strongly connected"));
  CHECK_FALSE(has_note(r, "not unique"));

  // Merging the parallel pair (any) makes {a, b} a plain 2-cycle: a tie with {c, d}.
  auto merged = view_of(g, ParallelPolicy::Any);
  const auto tied = analyses::centrality(merged, opts);
  CHECK(has_note(tied, "2 strongly connected components share the largest eigenvalue (1)"));
  check_eigenvector(merged, tied.scores.at(0));
  // With count and weights, the pair weighs 2 again.
  auto count = view_of(g, ParallelPolicy::Count);
  opts.use_weights = true;
  check_column(g, count, column(count, Measure::Eigenvector, opts),
               {{"a", 1}, {"b", std::sqrt(0.5)}, {"t", 0.5}, {"c", 0}});
}

TEST_CASE("spectral scores are the same from one call to the next") {
  //   a triangle with a tail, undirected:  a - b - c - a,  c - d
  auto g = make_graph({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}});
  auto v = view_of(g);
  CentralityOptions opts;
  opts.measures = {Measure::Eigenvector, Measure::Hub, Measure::Authority};
  const auto first = analyses::centrality(v, opts);
  for (int i = 0; i < 5; ++i)
    CHECK(analyses::centrality(v, opts).scores == first.scores);
  check_eigenvector(v, first.scores[0]);
}

TEST_CASE("path: betweenness on a tree, closeness, harmonic, eigenvector") {
  //   a --- b --- c --- d --- e
  auto g = make_graph({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}});
  auto v = view_of(g);
  // On a tree each pair's one path passes d(s,t) - 1 inner vertices, so the scores sum to
  // sum over pairs of (d - 1) = 0*4 + 1*3 + 2*2 + 3*1 = 10. Per vertex: the pairs it
  // separates, 1*3 for b, 2*2 for c.
  const auto bc = column(v, Measure::Betweenness);
  check_column(g, v, bc, {{"a", 0}, {"b", 3}, {"c", 4}, {"d", 3}, {"e", 0}});
  CHECK(std::accumulate(bc.begin(), bc.end(), 0.0) == doctest::Approx(10));
  // Closeness: a 4 / (1+2+3+4), b 4 / (1+1+2+3), c 4 / (2+1+1+2).
  check_column(g, v, column(v, Measure::Closeness),
               {{"a", 0.4}, {"b", 4.0 / 7}, {"c", 4.0 / 6}, {"e", 0.4}});
  // Harmonic over n - 1 = 4: a (1 + 1/2 + 1/3 + 1/4)/4 = 25/48, b 17/24, c 3/4.
  check_column(g, v, column(v, Measure::Harmonic),
               {{"a", 25.0 / 48}, {"b", 17.0 / 24}, {"c", 0.75}});
  // The path P5's leading eigenvector is sin(k pi / 6), k = 1..5, with lambda = sqrt 3.
  const auto eig = column(v, Measure::Eigenvector);
  check_column(g, v, eig, {{"a", 0.5}, {"b", std::sqrt(3.0) / 2}, {"c", 1}});
  CHECK(check_eigenvector(v, eig) == doctest::Approx(std::sqrt(3.0)));
}

TEST_CASE("weights become lengths only as told") {
  //   a ----- b ----- c      a-b, b-c weight 1 (length 1 under inverse)
  //    \_____________/       a-c weight 1/4 (a weak tie: length 4 under inverse)
  auto g = make_graph({{"a", "b", "met_with", false, 1.0},
                       {"b", "c", "met_with", false, 1.0},
                       {"a", "c", "met_with", false, 0.25}});
  auto v = view_of(g);
  CentralityOptions opts;
  opts.use_weights = true;

  SUBCASE("unset lengths are an error that says what to pass") {
    for (Measure m : {Measure::Betweenness, Measure::Closeness, Measure::Harmonic}) {
      opts.measures = {Measure::Degree, m};
      CHECK_THROWS_WITH_AS(analyses::centrality(v, opts), doctest::Contains("--lengths inverse"),
                           InputError);
    }
    // Measures that take weights as strengths need no lengths.
    opts.measures = {Measure::PageRank, Measure::Eigenvector, Measure::Strength};
    CHECK_NOTHROW(analyses::centrality(v, opts));
  }
  SUBCASE("inverse: the weak tie is long, so a-c goes through b") {
    opts.lengths = LengthPolicy::Inverse;
    check_column(g, v, column(v, Measure::Betweenness, opts), {{"a", 0}, {"b", 1}, {"c", 0}});
    // a: b at 1, c at 2 (via b): 2 / 3. b: 2 / 2.
    check_column(g, v, column(v, Measure::Closeness, opts), {{"a", 2.0 / 3}, {"b", 1}});
    check_column(g, v, column(v, Measure::Harmonic, opts), {{"a", 0.75}, {"b", 1}});
  }
  SUBCASE("ignore: hop counts, a triangle") {
    opts.lengths = LengthPolicy::Ignore;
    check_column(g, v, column(v, Measure::Betweenness, opts), {{"a", 0}, {"b", 0}});
    check_column(g, v, column(v, Measure::Closeness, opts), {{"a", 1}, {"b", 1}});
  }
  SUBCASE("strength sums weights whether or not use_weights is set") {
    check_column(g, v, column(v, Measure::Strength), {{"a", 1.25}, {"b", 2}, {"c", 1.25}});
    check_column(g, v, column(v, Measure::Strength, opts), {{"a", 1.25}, {"b", 2}});
  }
  SUBCASE("weighted PageRank follows the weights") {
    const auto pr = column(v, Measure::PageRank, opts);
    check_pagerank_fixed_point(v, pr, 0.85, true);
    CHECK(at(g, v, pr, "b") > at(g, v, pr, "a") + 1e-6);
    const auto unweighted = column(v, Measure::PageRank);
    for (double p : unweighted)
      CHECK(p == doctest::Approx(1.0 / 3));
  }
  SUBCASE("weighted eigenvector satisfies W x = lambda x") {
    const auto x = column(v, Measure::Eigenvector, opts);
    // W = [[0, 1, 1/4], [1, 0, 1], [1/4, 1, 0]]; check row by row with lambda from b's row.
    const double wx_b = x[0] + x[2];
    const double lambda = wx_b / x[1];
    CHECK(x[1] + 0.25 * x[2] == doctest::Approx(lambda * x[0]).epsilon(kTol));
    CHECK(0.25 * x[0] + x[1] == doctest::Approx(lambda * x[2]).epsilon(kTol));
  }
}

TEST_CASE("bad weights and options are input errors") {
  //   a --(w)-- b
  auto with_weight = [](double w) { return make_graph({{"a", "b", "met_with", false, w}}); };
  CentralityOptions opts;
  opts.use_weights = true;
  opts.lengths = LengthPolicy::Inverse;
  opts.measures = {Measure::Closeness};
  {
    auto g = with_weight(0.0);
    auto v = view_of(g);
    CHECK_THROWS_WITH_AS(analyses::centrality(v, opts), doctest::Contains("positive weights"),
                         InputError);
    opts.lengths = LengthPolicy::Ignore;  // a zero weight is fine when lengths ignore it
    CHECK_NOTHROW(analyses::centrality(v, opts));
  }
  {
    auto g = with_weight(-1.0);
    auto v = view_of(g);
    opts.measures = {Measure::PageRank};
    CHECK_THROWS_WITH_AS(analyses::centrality(v, opts), doctest::Contains("non-negative"),
                         InputError);
    opts.use_weights = false;  // unused weights are not checked
    CHECK_NOTHROW(analyses::centrality(v, opts));
  }
  {
    auto g = with_weight(1.0);
    auto v = view_of(g);
    CentralityOptions twice;
    twice.measures = {Measure::Degree, Measure::Degree};
    CHECK_THROWS_WITH_AS(analyses::centrality(v, twice), doctest::Contains("asked twice"),
                         InputError);
    CentralityOptions damping;
    damping.measures = {Measure::PageRank};
    damping.damping = 1.5;
    CHECK_THROWS_AS(analyses::centrality(v, damping), InputError);
    damping.damping = 0.0;  // pure teleportation: uniform
    const auto uniform = analyses::centrality(v, damping);
    for (double p : uniform.scores.at(0))
      CHECK(p == doctest::Approx(0.5));
  }
}

TEST_CASE("notes: meaningless measures and unused weights") {
  //   a ==== b     two parallel edges, merged by count into one of weight 2
  auto g = make_graph({{"a", "b", "met_with"}, {"a", "b", "called"}});
  auto v = view_of(g, ParallelPolicy::Count);
  CentralityOptions opts;
  opts.measures = {Measure::InDegree, Measure::OutStrength, Measure::Hub, Measure::Closeness};
  opts.lengths = LengthPolicy::Inverse;
  const auto r = analyses::centrality(v, opts);
  CHECK(has_note(r, "in_degree: the view is undirected, so it equals degree"));
  CHECK(has_note(r, "out_strength: the view is undirected, so it equals strength"));
  CHECK(has_note(r, "hub: the view is undirected"));
  CHECK(has_note(r, "--lengths inverse has no effect"));
  CHECK(has_note(r, "parallel policy 'count'"));
  check_column(g, v, r.scores[1], {{"a", 2}, {"b", 2}});
}

TEST_CASE("a scrambled multigraph agrees with the brute-force references") {
  for (bool directed : {false, true}) {
    INFO("directed " << directed);
    const auto g = scrambled_multigraph(directed, 11, 24);
    for (auto policy : {ParallelPolicy::Keep, ParallelPolicy::Count}) {
      INFO("parallel " << graph::to_string(policy));
      const auto v = view_of(g, policy);
      REQUIRE(v.directed() == directed);
      const auto bc = column(v, Measure::Betweenness);
      const auto expected_bc = betweenness_by_definition(v);
      const auto [closeness, harmonic] = closeness_harmonic_by_definition(v);
      const auto cl = column(v, Measure::Closeness);
      const auto hc = column(v, Measure::Harmonic);
      for (graph::Vertex x = 0; x < v.vertex_count(); ++x) {
        INFO("vertex " << x);
        CHECK(bc[x] == doctest::Approx(expected_bc[x]).epsilon(kTol));
        CHECK(cl[x] == doctest::Approx(closeness[x]).epsilon(kTol));
        CHECK(hc[x] == doctest::Approx(harmonic[x]).epsilon(kTol));
      }
      check_pagerank_fixed_point(v, column(v, Measure::PageRank), 0.85, false);
      CentralityOptions weighted;
      weighted.use_weights = true;
      weighted.damping = 0.6;
      check_pagerank_fixed_point(v, column(v, Measure::PageRank, weighted), 0.6, true);
      check_eigenvector(v, column(v, Measure::Eigenvector));
      // The degree is the arc count (summing to 2|E| in every case).
      const auto deg = column(v, Measure::Degree);
      CHECK(std::accumulate(deg.begin(), deg.end(), 0.0) == 2.0 * v.edge_count());
    }
  }
}
