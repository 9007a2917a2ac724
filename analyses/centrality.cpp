#include "analyses/centrality.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "analyses/cohesion.hpp"
#include "analyses/eigenvector.hpp"
#include "analyses/pagerank.hpp"
#include "analyses/shortest_paths.hpp"
#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"

namespace actornet::analyses {

namespace ig = graph::ig;

namespace {

// igraph perturbs ARPACK's start vector with its default random generator, seeded from the
// clock: a fixed seed keeps eigenvector, hub and authority scores identical from run to run.
constexpr unsigned long kArpackSeed = 20240101;

constexpr std::array<std::pair<Measure, std::string_view>, 14> kNames{{
    {Measure::Degree, "degree"},
    {Measure::InDegree, "in_degree"},
    {Measure::OutDegree, "out_degree"},
    {Measure::Strength, "strength"},
    {Measure::InStrength, "in_strength"},
    {Measure::OutStrength, "out_strength"},
    {Measure::Betweenness, "betweenness"},
    {Measure::Closeness, "closeness"},
    {Measure::Harmonic, "harmonic"},
    {Measure::Eigenvector, "eigenvector"},
    {Measure::PageRank, "pagerank"},
    {Measure::Hub, "hub"},
    {Measure::Authority, "authority"},
    {Measure::Constraint, "constraint"},
}};

bool uses_nonnegative_weights(Measure m) {
  return m == Measure::Eigenvector || m == Measure::PageRank || m == Measure::Hub ||
         m == Measure::Authority || m == Measure::Constraint;
}

// Names a view edge for messages by the graph edge behind it (its first one when merged):
// graph edges are numbered in input order, so "#k" is the k-th edge read.
std::string describe_edge(const graph::View& view, graph::ViewEdge e) {
  const auto origins = view.origins(e);
  return fmt::format("edge #{} of the input{}", origins.front() + 1,
                     origins.size() > 1
                         ? fmt::format(" (merged with {} parallel edge(s))", origins.size() - 1)
                         : std::string());
}

// Checks the options against the view before igraph sees anything.
void validate(const graph::View& view, const CentralityOptions& options,
              const std::vector<Measure>& measures) {
  for (std::size_t i = 0; i < measures.size(); ++i)
    for (std::size_t j = i + 1; j < measures.size(); ++j)
      if (measures[i] == measures[j])
        throw InputError(fmt::format("centrality measure '{}' is asked twice; list each once",
                                     to_string(measures[i])));

  if (options.approx) {
    if (std::find(measures.begin(), measures.end(), Measure::Betweenness) == measures.end())
      throw InputError(
          "--approx estimates betweenness, which is not among the measures asked; add "
          "betweenness to --measures or drop --approx");
    check_approx_options(*options.approx);
  }

  const bool pagerank =
      std::find(measures.begin(), measures.end(), Measure::PageRank) != measures.end();
  if (pagerank && !(options.damping >= 0.0 && options.damping <= 1.0))
    throw InputError(
        fmt::format("PageRank damping must be between 0 and 1, not {}", options.damping));

  if (!options.use_weights) return;
  const auto distance_measure = std::find_if(measures.begin(), measures.end(), is_distance_based);
  if (distance_measure != measures.end() && options.lengths == LengthPolicy::Unset)
    throw InputError(fmt::format(
        "'{}' is based on path lengths and weights are used, but weights are strengths (bigger "
        "= closer): say how they become lengths with --lengths inverse (length = 1/weight) or "
        "--lengths ignore (every edge has length 1)",
        to_string(*distance_measure)));

  const bool inverse =
      distance_measure != measures.end() && options.lengths == LengthPolicy::Inverse;
  const auto nonnegative = std::find_if(measures.begin(), measures.end(), uses_nonnegative_weights);
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const double w = view.weight(e);
    if (!std::isfinite(w))
      throw InputError(
          fmt::format("weight {} of {} is not a finite number", w, describe_edge(view, e)));
    if (inverse && w <= 0.0)
      throw InputError(fmt::format(
          "--lengths inverse needs positive weights (length = 1/weight), but {} has weight {}; "
          "fix the weight, filter the edge out, or pass --lengths ignore",
          describe_edge(view, e), w));
    if (nonnegative != measures.end() && w < 0.0)
      throw InputError(fmt::format("'{}' needs non-negative weights, but {} has weight {}",
                                   to_string(*nonnegative), describe_edge(view, e), w));
  }
}

// Everything the measures need, built once per call.
struct Context {
  const graph::View& view;
  const CentralityOptions& options;
  std::vector<double> lengths;  // 1/w for distance-based measures under Inverse, else empty
  std::optional<ClosenessHarmonic> distances;  // closeness and harmonic, computed together
  std::vector<std::string>& notes;

  // The igraph copy of the View and of its weights, built on first use: the measures computed
  // here need neither, and on a large View the copy costs more than they do.
  const igraph_t* ig_graph() {
    if (!graph_cache) graph_cache.emplace(view);
    return graph_cache->get();
  }
  const igraph_vector_t* weights_if_used() {
    if (!options.use_weights) return nullptr;
    if (!weights_cache) weights_cache = ig::to_igraph(view.weights());
    return weights_cache->get();
  }
  ShortestPathOptions path_options() const { return {lengths, options.threads}; }

  // Moves igraph's pending warnings into the notes, prefixed by the measure they came from.
  void collect_warnings(Measure m) {
    for (auto& w : ig::take_warnings())
      notes.push_back(fmt::format("{}: igraph warning: {}", to_string(m), w));
  }

  // Behind ig_graph() and weights_if_used(); not to be read directly.
  std::optional<ig::Graph> graph_cache;
  std::optional<ig::Vector> weights_cache;
};

// Degree and strength straight from the View's adjacency, without an igraph copy: the arcs
// listed at v are the edge ends igraph_degree and igraph_strength count with loops (an
// undirected self-loop is listed twice, a directed one once out and once in).
std::vector<double> degree_column(const graph::View& view, Measure m, bool strength) {
  const bool both = m == Measure::Degree || m == Measure::Strength;
  const bool use_out =
      !view.directed() || both || m == Measure::OutDegree || m == Measure::OutStrength;
  const bool use_in =
      view.directed() && (both || m == Measure::InDegree || m == Measure::InStrength);
  std::vector<double> column(view.vertex_count(), 0.0);
  auto add = [&](graph::Vertex v, std::span<const graph::View::Arc> arcs) {
    if (!strength) {
      column[v] += static_cast<double>(arcs.size());
      return;
    }
    for (const auto& arc : arcs)
      column[v] += view.weight(arc.edge);
  };
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
    if (use_out) add(v, view.out(v));
    if (use_in) add(v, view.in(v));
  }
  return column;
}

std::vector<double> betweenness_column(Context& c, std::optional<ApproxBetweennessResult>& approx) {
  if (!c.options.approx) return exact_betweenness(c.view, c.path_options());
  auto options = *c.options.approx;
  options.threads = c.options.threads;
  approx = approx_betweenness(c.view, c.lengths.empty() ? nullptr : &c.lengths, options);
  auto scores = std::move(approx->scores);
  approx->scores.clear();
  return scores;
}

const ClosenessHarmonic& distances(Context& c) {
  if (!c.distances) c.distances = closeness_harmonic(c.view, c.path_options());
  return *c.distances;
}

std::vector<double> closeness_column(Context& c) {
  const auto& d = distances(c);
  const auto n = c.view.vertex_count();
  const auto reach_nothing = std::count(d.reached.begin(), d.reached.end(), 0u);
  if (reach_nothing > 0)
    c.notes.push_back(
        fmt::format("closeness: {} vertex(es) reach no other vertex{}; they are given 0",
                    reach_nothing, c.view.directed() ? " along out-arcs" : ""));
  const bool all_reachable =
      std::all_of(d.reached.begin(), d.reached.end(), [n](std::uint32_t r) { return r + 1 == n; });
  if (!all_reachable && n > 1)
    c.notes.push_back(
        "closeness: not every vertex reaches every other one; each is scored only over the "
        "vertices it reaches (small components score high), so prefer harmonic to compare "
        "across components");
  return d.closeness;
}

std::vector<double> harmonic_column(Context& c) {
  return distances(c).harmonic;
}

// Lengths this small make the relative tie tolerance (1e-10) coarse next to them.
void note_tiny_lengths(Context& c, Measure m) {
  constexpr double kEpsilon = 1e-10;
  if (std::any_of(c.lengths.begin(), c.lengths.end(), [](double l) { return l <= kEpsilon; }))
    c.notes.push_back(fmt::format(
        "{}: some edge lengths (1/weight) are at most {}, the relative tolerance within which "
        "two path lengths count as equal; results may suffer from rounding",
        to_string(m), kEpsilon));
}

// Number of connected components (strongly connected ones when `strong` and directed). Weak
// components come from the View itself, so an undirected eigenvector needs no igraph copy.
std::size_t component_count(Context& c, bool strong) {
  if (!strong || !c.view.directed()) return weak_components(c.view).sizes.size();
  igraph_integer_t count = 0;
  ig::check(igraph_connected_components(c.ig_graph(), nullptr, nullptr, &count, IGRAPH_STRONG));
  return static_cast<std::size_t>(count);
}

// Notes where a leading eigenvector says little: no edges, or several components.
void note_spectral_degeneracy(Context& c, std::string_view what, bool strong) {
  if (c.view.edge_count() == 0) {
    c.notes.push_back(fmt::format(
        "{}: the view has no edges; every vertex is given 1 (the scores say nothing)", what));
    return;
  }
  const bool directed_strong = strong && c.view.directed();
  const auto components = component_count(c, directed_strong);
  if (components <= 1) return;
  if (directed_strong)
    c.notes.push_back(fmt::format(
        "{}: the view is not strongly connected ({} strongly connected components); only "
        "vertices reached from the component with the largest eigenvalue score above 0, so "
        "compare scores within one component",
        what, components));
  else
    c.notes.push_back(fmt::format(
        "{}: the view has {} connected components; the scores live on the component with the "
        "largest eigenvalue (or the components that tie for it) and are 0 elsewhere, so "
        "compare them within one component",
        what, components));
}

// Power iteration x <- (A^T + I) x on the vertices in `members` (A^T: sums over in-arcs, only
// from vertices with `inside` set), rescaled to max 1 each step. The shift by I makes the
// iteration converge on periodic components (a 2-cycle has eigenvalues +1 and -1) without
// changing the eigenvectors. Stops when the estimated remaining error is below 1e-14.
struct PowerIteration {
  std::vector<double> x;  // 0 outside `members`
  double eigenvalue = 0;  // of A^T on the members
  bool converged = false;
};

PowerIteration shifted_power_iteration(const graph::View& view, const std::vector<double>& w,
                                       const std::vector<graph::Vertex>& members,
                                       const std::vector<char>& inside) {
  constexpr int kMaxIterations = 100000;
  PowerIteration r{std::vector<double>(view.vertex_count(), 0.0), 0.0, false};
  for (auto v : members)
    r.x[v] = 1.0;
  std::vector<double> y(view.vertex_count(), 0.0);
  double previous_change = std::numeric_limits<double>::infinity();
  int settled = 0;
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    double top = 0;
    for (auto v : members) {
      double sum = r.x[v];
      for (const auto& arc : view.in(v))
        if (inside[arc.neighbour]) sum += w[arc.edge] * r.x[arc.neighbour];
      y[v] = sum;
      top = std::max(top, sum);
    }
    double change = 0;
    for (auto v : members) {
      y[v] /= top;
      change = std::max(change, std::abs(y[v] - r.x[v]));
    }
    std::swap(r.x, y);
    r.eigenvalue = top - 1.0;
    // The error shrinks by about `rate` per step, so what remains is change * rate / (1 - rate);
    // trusted once it has stayed small for a few steps (the rate estimate can dip).
    const double rate = change / previous_change;
    const bool small = iteration > 0 && rate < 1.0 && change * rate / (1.0 - rate) <= 1e-14;
    settled = small ? settled + 1 : 0;
    if (change <= 1e-15 || settled >= 3) {
      r.converged = true;
      break;
    }
    previous_change = change;
  }
  return r;
}

// Eigenvector centrality of a directed view (in-edges), computed here rather than by
// igraph_eigenvector_centrality: igraph 0.10's ARPACK call for directed graphs (mode "LR")
// often settles on a zero eigenvalue when the graph has many acyclic parts and then returns
// all zeros (on the bundled dataset, for about 2 start vectors in 3), so it cannot be trusted.
//
// A^T is reducible unless the view is strongly connected, so the leading eigenvector is found
// component by component: the spectral radius rho_C of each strongly connected component C,
// rho = max rho_C, and the eigenvector lives on the vertices reachable from the components
// reaching rho (0 elsewhere, exactly), where one power iteration finds it.
std::vector<double> directed_eigenvector(Context& c) {
  const auto& view = c.view;
  const auto n = view.vertex_count();
  std::vector<double> w(view.edge_count(), 1.0);
  if (c.options.use_weights) w = view.weights();
  if (std::none_of(w.begin(), w.end(), [](double x) { return x > 0; })) {
    c.notes.emplace_back(
        "eigenvector: the view has no edge of positive weight; every vertex is given 1 (the "
        "scores say nothing)");
    return std::vector<double>(n, 1.0);
  }

  ig::IntVector membership;
  igraph_integer_t count = 0;
  ig::check(
      igraph_connected_components(c.ig_graph(), membership.get(), nullptr, &count, IGRAPH_STRONG));
  std::vector<std::vector<graph::Vertex>> components(static_cast<std::size_t>(count));
  for (graph::Vertex v = 0; v < n; ++v)
    components[static_cast<std::size_t>(VECTOR(*membership.get())[v])].push_back(v);

  std::vector<double> radius(components.size(), 0.0);
  std::vector<char> inside(n, 0);
  for (std::size_t k = 0; k < components.size(); ++k) {
    const auto& members = components[k];
    if (members.size() == 1) {  // a single vertex: its loops are its only cycles
      for (const auto& arc : view.in(members[0]))
        if (arc.neighbour == members[0]) radius[k] += w[arc.edge];
      continue;
    }
    for (auto v : members)
      inside[v] = 1;
    radius[k] = shifted_power_iteration(view, w, members, inside).eigenvalue;
    for (auto v : members)
      inside[v] = 0;
  }
  const double rho = *std::max_element(radius.begin(), radius.end());
  if (rho <= 0) {
    c.notes.emplace_back(
        "eigenvector: the view is directed and acyclic (no cycle of positive weight), so "
        "every score is 0; hub and authority scores suit such graphs");
    return std::vector<double>(n, 0.0);
  }

  // The support: everything reachable along positive arcs from the dominant components.
  std::vector<graph::Vertex> support, stack;
  std::size_t dominant = 0;
  for (std::size_t k = 0; k < components.size(); ++k) {
    if (radius[k] < rho * (1 - 1e-9)) continue;
    ++dominant;
    for (auto v : components[k])
      if (!inside[v]) {
        inside[v] = 1;
        stack.push_back(v);
      }
  }
  while (!stack.empty()) {
    const auto u = stack.back();
    stack.pop_back();
    support.push_back(u);
    for (const auto& arc : view.out(u))
      if (w[arc.edge] > 0 && !inside[arc.neighbour]) {
        inside[arc.neighbour] = 1;
        stack.push_back(arc.neighbour);
      }
  }
  std::sort(support.begin(), support.end());
  auto result = shifted_power_iteration(view, w, support, inside);
  note_spectral_degeneracy(c, "eigenvector", /*strong=*/true);
  if (dominant > 1)
    c.notes.push_back(fmt::format(
        "eigenvector: {} strongly connected components share the largest eigenvalue ({}), so "
        "the eigenvector is not unique; the scores shown grow from equal starting values",
        dominant, rho));
  if (!result.converged)
    c.notes.emplace_back(
        "eigenvector: the power iteration did not converge; scores are approximate");
  return result.x;
}

std::vector<double> eigenvector_column(Context& c) {
  std::vector<double> scores;
  if (c.view.directed()) {
    scores = directed_eigenvector(c);
  } else {
    const EigenvectorResult r = undirected_eigenvector(
        c.view, c.options.use_weights ? &c.view.weights() : nullptr, c.options.threads);
    scores = r.scores;
    note_spectral_degeneracy(c, "eigenvector", /*strong=*/false);
    if (r.used_arpack)
      c.notes.push_back(fmt::format(
          "eigenvector: the power iteration would have needed more than {} steps, so ARPACK "
          "finished it from step {} ({} matrix products)",
          kEigenvectorMaxIterations, r.iterations, r.products));
    if (r.tied > 1)
      c.notes.push_back(fmt::format(
          "eigenvector: {} components share the largest eigenvalue ({:.6g}); each is scaled to a "
          "largest score of 1 on its own",
          r.tied, r.eigenvalue));
  }
  return scores;
}

std::pair<std::vector<double>, std::vector<double>> hub_authority_columns(Context& c) {
  ig::SeededRng seeded(kArpackSeed);
  ig::Vector hub, authority;
  igraph_real_t value = 0;
  igraph_arpack_options_t arpack;
  igraph_arpack_options_init(&arpack);
  ig::check(igraph_hub_and_authority_scores(c.ig_graph(), hub.get(), authority.get(), &value,
                                            /*scale=*/true, c.weights_if_used(), &arpack));
  // Both are non-negative (weights are checked); ARPACK can leave -0 or tiny negative noise.
  auto clamp = [](std::vector<double> v) {
    for (double& x : v)
      x = std::max(x, 0.0);
    return v;
  };
  return {clamp(hub.to_std()), clamp(authority.to_std())};
}

std::vector<double> pagerank_column(Context& c) {
  const PageRankResult r = pagerank(c.view, c.options.use_weights ? &c.view.weights() : nullptr,
                                    c.options.damping, c.options.threads);
  if (!r.converged)
    c.notes.push_back(fmt::format(
        "pagerank: the power iteration did not settle within {} steps (damping {}); the scores "
        "are its last step{}",
        r.iterations, c.options.damping,
        c.options.damping == 1.0
            ? ", and with damping 1 a periodic or reducible walk has no limit: use a damping "
              "below 1"
            : ""));
  return r.scores;
}

std::vector<double> constraint_column(Context& c) {
  ig::Vector res;
  ig::check(igraph_constraint(c.ig_graph(), res.get(), igraph_vss_all(), c.weights_if_used()));
  auto scores = res.to_std();
  const auto undefined =
      std::count_if(scores.begin(), scores.end(), [](double s) { return std::isnan(s); });
  if (undefined > 0)
    c.notes.push_back(fmt::format(
        "constraint: {} isolated vertex(es) have no contacts; their constraint is undefined "
        "(NaN)",
        undefined));
  return scores;
}

// Notes for measures that say nothing new on this view.
void note_meaningless(const graph::View& view, const std::vector<Measure>& measures,
                      std::vector<std::string>& notes) {
  if (view.directed()) return;
  for (Measure m : measures) {
    switch (m) {
      case Measure::InDegree:
      case Measure::OutDegree:
        notes.push_back(
            fmt::format("{}: the view is undirected, so it equals degree", to_string(m)));
        break;
      case Measure::InStrength:
      case Measure::OutStrength:
        notes.push_back(
            fmt::format("{}: the view is undirected, so it equals strength", to_string(m)));
        break;
      case Measure::Hub:
      case Measure::Authority:
        notes.push_back(
            fmt::format("{}: the view is undirected, so hub and authority are equal (the leading "
                        "eigenvector of A^2, not unique when the view is bipartite)",
                        to_string(m)));
        break;
      default:
        break;
    }
  }
}

// Notes on how the options shaped the result.
void note_weights(const graph::View& view, const CentralityOptions& options,
                  const std::vector<Measure>& measures, std::vector<std::string>& notes) {
  const bool any_distance = std::any_of(measures.begin(), measures.end(), is_distance_based);
  if (!options.use_weights && options.lengths != LengthPolicy::Unset && any_distance)
    notes.push_back(fmt::format(
        "--lengths {} has no effect because weights are not used (pass --weights to use them)",
        to_string(options.lengths)));
  const bool weight_blind = std::any_of(measures.begin(), measures.end(), [](Measure m) {
    return m != Measure::Strength && m != Measure::InStrength && m != Measure::OutStrength &&
           m != Measure::Degree && m != Measure::InDegree && m != Measure::OutDegree;
  });
  // The scan of every weight comes last: degree alone costs less than it.
  if (!options.use_weights && weight_blind &&
      std::any_of(view.weights().begin(), view.weights().end(), [](double w) { return w != 1.0; }))
    notes.push_back(fmt::format(
        "edge weights (parallel policy '{}') are used only by the strength measures; pass "
        "--weights for the others to use them",
        graph::to_string(view.parallel_policy())));
}

}  // namespace

std::string_view to_string(Measure measure) {
  for (const auto& [m, name] : kNames)
    if (m == measure) return name;
  return "unknown";
}

std::optional<Measure> measure_from_string(std::string_view name) {
  for (const auto& [m, n] : kNames)
    if (n == name) return m;
  return std::nullopt;
}

const std::vector<Measure>& all_measures() {
  static const std::vector<Measure> measures = [] {
    std::vector<Measure> out;
    for (const auto& entry : kNames)
      out.push_back(entry.first);
    return out;
  }();
  return measures;
}

const std::vector<Measure>& default_measures() {
  static const std::vector<Measure> measures{
      Measure::Degree,   Measure::Strength,    Measure::Betweenness, Measure::Closeness,
      Measure::Harmonic, Measure::Eigenvector, Measure::PageRank,    Measure::Constraint};
  return measures;
}

bool is_distance_based(Measure measure) {
  return measure == Measure::Betweenness || measure == Measure::Closeness ||
         measure == Measure::Harmonic;
}

std::string_view to_string(LengthPolicy policy) {
  switch (policy) {
    case LengthPolicy::Inverse:
      return "inverse";
    case LengthPolicy::Ignore:
      return "ignore";
    case LengthPolicy::Unset:
      break;
  }
  return "unset";
}

std::optional<LengthPolicy> length_policy_from_string(std::string_view name) {
  if (name == "inverse") return LengthPolicy::Inverse;
  if (name == "ignore") return LengthPolicy::Ignore;
  return std::nullopt;
}

CentralityResult centrality(const graph::View& view, const CentralityOptions& options) {
  CentralityResult result;
  result.measures = options.measures.empty() ? default_measures() : options.measures;
  validate(view, options, result.measures);

  const auto n = view.vertex_count();
  if (n == 0) {
    result.scores.assign(result.measures.size(), {});
    result.notes.emplace_back("the view has no vertices; every column is empty");
    return result;
  }

  note_meaningless(view, result.measures, result.notes);
  note_weights(view, options, result.measures, result.notes);

  ig::take_warnings();  // earlier calls' warnings are not ours
  Context c{view, options, {}, std::nullopt, result.notes};
  if (options.use_weights && options.lengths == LengthPolicy::Inverse) {
    c.lengths.resize(view.weights().size());
    std::transform(view.weights().begin(), view.weights().end(), c.lengths.begin(),
                   [](double w) { return 1.0 / w; });
  }

  std::optional<std::pair<std::vector<double>, std::vector<double>>> hubs;
  for (Measure m : result.measures) {
    std::vector<double> column;
    switch (m) {
      case Measure::Degree:
      case Measure::InDegree:
      case Measure::OutDegree:
        column = degree_column(view, m, /*strength=*/false);
        break;
      case Measure::Strength:
      case Measure::InStrength:
      case Measure::OutStrength:
        column = degree_column(view, m, /*strength=*/true);
        break;
      case Measure::Betweenness:
        column = betweenness_column(c, result.approx);
        note_tiny_lengths(c, m);
        break;
      case Measure::Closeness:
        column = closeness_column(c);
        note_tiny_lengths(c, m);
        break;
      case Measure::Harmonic:
        column = harmonic_column(c);
        note_tiny_lengths(c, m);
        break;
      case Measure::Eigenvector:
        column = eigenvector_column(c);
        break;
      case Measure::PageRank:
        column = pagerank_column(c);
        break;
      case Measure::Hub:
      case Measure::Authority:
        if (!hubs) {
          hubs = hub_authority_columns(c);
          note_spectral_degeneracy(c, "hub, authority", /*strong=*/false);
        }
        column = m == Measure::Hub ? hubs->first : hubs->second;
        break;
      case Measure::Constraint:
        column = constraint_column(c);
        break;
    }
    c.collect_warnings(m);
    for (double& x : column)
      if (x == 0.0) x = 0.0;  // no "-0" in the output
    result.scores.push_back(std::move(column));
  }
  return result;
}

}  // namespace actornet::analyses
