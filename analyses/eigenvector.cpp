// Eigenvector centrality of an undirected View (see analyses/eigenvector.hpp for the definition,
// the iteration, the stopping rule and the fallback).
//
// Why this is written here rather than igraph_eigenvector_centrality called alone: igraph's
// ARPACK call multiplies serially through its own adjacency lists, starting from the degree
// vector, and needs an igraph copy of the View; on a disconnected View it returns the leading
// vector with rounding noise (or, when components tie, an arbitrary mix) on the other components
// instead of exact zeros. Here each component gets a 32-bit CSR of its own and a parallel,
// deterministic product; a graph with a clear spectral gap settles in a few dozen power steps,
// and one with a small gap (Barabasi-Albert hubs, lattices) hands its last iterate to igraph's
// ARPACK driver (igraph_arpack_rssolve) with the same product, which needs far fewer products
// than the power iteration would. Boost.Graph has no eigenvector centrality.
#include "analyses/eigenvector.hpp"

#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyses/parallel.hpp"
#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"

namespace actornet::analyses {

namespace ig = graph::ig;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Steps over which the rate is averaged.
constexpr unsigned kRateWindow = 10;

// Names a view edge for messages by the first graph edge behind it (graph edges are numbered
// in input order).
std::string describe_edge(const graph::View& view, graph::ViewEdge e) {
  return fmt::format("edge #{} of the input", view.origins(e).front() + 1);
}

// One connected component, as a CSR in local vertex numbers (members[i] is local vertex i).
struct Component {
  std::vector<graph::Vertex> members;  // ascending view vertices
  std::vector<std::uint32_t> offsets;  // members.size() + 1
  std::vector<std::uint32_t> targets;  // one per arc (a loop appears twice, as in the View)
  std::vector<double> weights;         // one per arc, or empty when unweighted
  double lower = 0.0, upper = 0.0;     // bounds on its largest eigenvalue
};

// (A x)_v over v's arcs: four running sums in a fixed order (independent additions, several
// gathers in flight), so the result is the same whatever the thread count.
template <bool Weighted>
inline double row_product(const std::uint32_t* offsets, const std::uint32_t* targets,
                          const double* w, const double* x, std::uint32_t v) {
  auto arriving = [&](std::uint32_t j) {
    if constexpr (Weighted)
      return w[j] * x[targets[j]];
    else
      return x[targets[j]];
  };
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  std::uint32_t j = offsets[v];
  const std::uint32_t stop = offsets[v + 1];
  for (; j + 4 <= stop; j += 4) {
    s0 += arriving(j);
    s1 += arriving(j + 1);
    s2 += arriving(j + 2);
    s3 += arriving(j + 3);
  }
  for (; j < stop; ++j)
    s0 += arriving(j);
  return (s0 + s1) + (s2 + s3);
}

// Sums of one block of vertices after a step, combined in block order.
struct BlockSums {
  double top = 0.0;              // largest new score
  double low_ratio = kInfinity;  // smallest q_v
  double high_ratio = 0.0;       // largest q_v
};

struct Shared {
  const Component* c = nullptr;
  std::uint32_t n = 0;
  double scale = 1.0;  // 1 / max x_k
  double top = 1.0;    // max x_k
  std::vector<double> x_old, x_new;
  std::vector<BlockSums> sums;
  std::vector<double> spreads;  // c_k for every step so far
  double low = 0.0, high = kInfinity;
  unsigned iterations = 0;
  bool done = false;
  bool converged = false;
};

// One step over the blocks [first, last): reads x_old, writes x_new and sums.
template <bool Weighted>
void step_blocks(Shared& s, std::size_t first, std::size_t last) {
  const std::uint32_t* offsets = s.c->offsets.data();
  const std::uint32_t* targets = s.c->targets.data();
  const double* w = s.c->weights.data();
  const double* x_old = s.x_old.data();
  double* x_new = s.x_new.data();
  const double scale = s.scale;
  for (std::size_t b = first; b < last; ++b) {
    const std::uint32_t begin = static_cast<std::uint32_t>(b * kEigenvectorBlock);
    const std::uint32_t end = std::min<std::uint32_t>(begin + kEigenvectorBlock, s.n);
    BlockSums sums;
    for (std::uint32_t v = begin; v < end; ++v) {
      const double product = row_product<Weighted>(offsets, targets, w, x_old, v) + x_old[v];
      // q_v; a score that underflowed to 0 makes the ratio undefined: never settled.
      const double ratio = x_old[v] > 0.0 ? product / x_old[v] : kInfinity;
      sums.low_ratio = std::min(sums.low_ratio, ratio);
      sums.high_ratio = std::max(sums.high_ratio, ratio);
      const double x = product * scale;
      sums.top = std::max(sums.top, x);
      x_new[v] = x;
    }
    s.sums[b] = sums;
  }
}

// The verdict after a step with spread c_k = spreads.back(): settled, hopeless, or go on.
enum class Verdict { Continue, Converged, GiveUp };

Verdict judge(const std::vector<double>& spreads) {
  const std::size_t k = spreads.size();
  const double c = spreads.back();
  if (c == 0.0) return Verdict::Converged;
  if (!std::isfinite(c) || k < 2)
    return k >= kEigenvectorMaxIterations ? Verdict::GiveUp : Verdict::Continue;
  const std::size_t window = std::min<std::size_t>(kRateWindow, k - 1);
  // A spread that was not finite (a score underflowed) says nothing about the rate.
  if (!std::isfinite(spreads[k - 1 - window]) || !std::isfinite(spreads[k - 2]))
    return k >= kEigenvectorMaxIterations ? Verdict::GiveUp : Verdict::Continue;
  const double last = c / spreads[k - 2];
  const double mean = std::pow(c / spreads[k - 1 - window], 1.0 / static_cast<double>(window));
  const double rate = std::max(last, mean);
  if (rate < 1.0 && c * rate / (1.0 - rate) <= kEigenvectorTolerance) return Verdict::Converged;
  if (k >= kEigenvectorMaxIterations) return Verdict::GiveUp;
  if (k >= kEigenvectorFirstVerdict) {
    // Steps still needed at the mean rate: c * r^m * r / (1 - r) <= tolerance.
    if (!(mean < 1.0)) return Verdict::GiveUp;
    const double needed =
        std::log(kEigenvectorTolerance * (1.0 - mean) / (mean * c)) / std::log(mean);
    if (static_cast<double>(k) + needed > kEigenvectorMaxIterations) return Verdict::GiveUp;
  }
  return Verdict::Continue;
}

struct Solved {
  std::vector<double> x;  // local scores, max 1
  double eigenvalue = 0.0;
  unsigned iterations = 0;
  bool converged = false;
};

// The power iteration of the file comment on one component.
Solved power_iteration(const Component& c, bool weighted, unsigned threads) {
  const std::uint32_t n = static_cast<std::uint32_t>(c.members.size());
  const std::size_t blocks = (std::size_t{n} + kEigenvectorBlock - 1) / kEigenvectorBlock;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
  const std::vector<std::size_t> cut =
      detail::balanced_runs(c.offsets, kEigenvectorBlock, blocks, threads);

  Shared s;
  s.c = &c;
  s.n = n;
  s.x_old.assign(n, 1.0);
  s.x_new.resize(n);
  s.sums.resize(blocks);

  // Runs once per step, on one thread, after every block is done.
  auto complete = [&s]() noexcept {
    BlockSums total;
    for (const BlockSums& b : s.sums) {
      total.top = std::max(total.top, b.top);
      total.low_ratio = std::min(total.low_ratio, b.low_ratio);
      total.high_ratio = std::max(total.high_ratio, b.high_ratio);
    }
    ++s.iterations;
    std::swap(s.x_old, s.x_new);
    s.low = total.low_ratio;
    s.high = total.high_ratio;
    s.spreads.push_back((total.high_ratio - total.low_ratio) / total.high_ratio);
    const Verdict verdict = judge(s.spreads);
    s.done = verdict != Verdict::Continue;
    s.converged = verdict == Verdict::Converged;
    s.top = total.top;
    s.scale = 1.0 / total.top;
  };
  std::barrier sync(static_cast<std::ptrdiff_t>(threads), complete);

  auto work = [&s, &sync, &cut, weighted](unsigned t) {
    while (true) {
      if (weighted)
        step_blocks<true>(s, cut[t], cut[t + 1]);
      else
        step_blocks<false>(s, cut[t], cut[t + 1]);
      sync.arrive_and_wait();
      if (s.done) return;
    }
  };

  detail::run_in_step(threads, work);

  Solved r;
  r.x = std::move(s.x_old);
  for (double& x : r.x)
    x /= s.top;  // the largest score becomes exactly 1
  // The step was x_k / max(x_{k-1}) scaled; the ratios bracket 1 + lambda (Collatz-Wielandt).
  r.eigenvalue = 0.5 * (s.low + s.high) - 1.0;
  r.iterations = s.iterations;
  r.converged = s.converged;
  return r;
}

// y = A x on one component, split over threads as the power iteration is (each y_v a sum over
// v's arcs in a fixed order, so the product is the same for every thread count).
struct Product {
  const Component* c = nullptr;
  bool weighted = false;
  std::vector<std::size_t> cut;  // blocks per thread
};

template <bool Weighted>
void multiply_blocks(const Component& c, const double* x, double* y, std::size_t first,
                     std::size_t last) {
  const auto n = static_cast<std::uint32_t>(c.members.size());
  const std::uint32_t* offsets = c.offsets.data();
  const std::uint32_t* targets = c.targets.data();
  const double* w = c.weights.data();
  const auto begin = static_cast<std::uint32_t>(first * kEigenvectorBlock);
  const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(last * kEigenvectorBlock, n));
  for (std::uint32_t v = begin; v < end; ++v)
    y[v] = row_product<Weighted>(offsets, targets, w, x, v);
}

igraph_error_t multiply(igraph_real_t* to, const igraph_real_t* from, int, void* extra) {
  const auto& p = *static_cast<const Product*>(extra);
  auto run = [&p, to, from](std::size_t t) {
    if (p.weighted)
      multiply_blocks<true>(*p.c, from, to, p.cut[t], p.cut[t + 1]);
    else
      multiply_blocks<false>(*p.c, from, to, p.cut[t], p.cut[t + 1]);
  };
  try {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t + 1 < p.cut.size(); ++t)
      pool.emplace_back(run, t);
    run(0);
  } catch (...) {
    return IGRAPH_FAILURE;  // a thread could not be started: ARPACK stops with an error
  }
  return IGRAPH_SUCCESS;
}

// The leading eigenpair of one component by igraph's ARPACK (implicitly restarted Lanczos,
// symmetric mode, largest algebraic eigenvalue, tolerance: machine precision, as
// igraph_eigenvector_centrality sets it) with the parallel product above, started from `start`
// (the power iteration's last iterate, so no random start vector and nothing to seed).
Solved arpack(const Component& c, bool weighted, unsigned threads,
              const std::vector<double>& start) {
  const auto n = static_cast<std::uint32_t>(c.members.size());
  const std::size_t blocks = (std::size_t{n} + kEigenvectorBlock - 1) / kEigenvectorBlock;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
  Product product{&c, weighted,
                  detail::balanced_runs(c.offsets, kEigenvectorBlock, blocks, threads)};
  igraph_arpack_options_t options;
  igraph_arpack_options_init(&options);
  options.n = static_cast<int>(n);
  options.nev = 1;
  options.which[0] = 'L';
  options.which[1] = 'A';
  options.start = 1;
  ig::Vector values;
  igraph_matrix_t vectors;
  ig::check(igraph_matrix_init(&vectors, n, 1));
  struct Guard {
    igraph_matrix_t* m;
    ~Guard() { igraph_matrix_destroy(m); }
  } guard{&vectors};
  for (std::uint32_t v = 0; v < n; ++v)
    MATRIX(vectors, v, 0) = start[v];
  ig::check(igraph_arpack_rssolve(multiply, &product, &options, /*storage=*/nullptr, values.get(),
                                  &vectors));
  Solved r;
  r.x.resize(n);
  // The Perron vector has one sign; ARPACK may return it negated, and leave rounding noise of
  // the other sign (or -0) on its smallest entries.
  double sum = 0.0;
  for (std::uint32_t v = 0; v < n; ++v)
    sum += MATRIX(vectors, v, 0);
  const double sign = sum < 0.0 ? -1.0 : 1.0;
  double top = 0.0;
  for (std::uint32_t v = 0; v < n; ++v) {
    r.x[v] = std::max(sign * MATRIX(vectors, v, 0), 0.0);
    top = std::max(top, r.x[v]);
  }
  for (double& x : r.x)
    x /= top;
  r.eigenvalue = VECTOR(*values.get())[0];
  r.iterations = static_cast<unsigned>(options.numop);
  r.converged = true;
  return r;
}

}  // namespace

EigenvectorResult undirected_eigenvector(const graph::View& view,
                                         const std::vector<double>* weights, unsigned threads) {
  if (view.directed()) throw InputError("undirected_eigenvector needs an undirected view");
  if (weights) {
    if (weights->size() != view.edge_count())
      throw InputError(fmt::format("eigenvector: {} weights given for {} edges", weights->size(),
                                   view.edge_count()));
    for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
      const double w = (*weights)[e];
      if (!std::isfinite(w))
        throw InputError(fmt::format("eigenvector: weight {} of {} is not a finite number", w,
                                     describe_edge(view, e)));
      if (w < 0.0)
        throw InputError(fmt::format("eigenvector needs non-negative weights, but {} has weight {}",
                                     describe_edge(view, e), w));
    }
  }
  const std::uint32_t n = view.vertex_count();
  EigenvectorResult result;
  if (n == 0) return result;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  auto counts = [&](graph::ViewEdge e) { return !weights || (*weights)[e] > 0.0; };

  // Connected components over the edges in A, numbered by their smallest vertex; vertices
  // with no such edge belong to none.
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> component(n, kNone);
  std::vector<Component> components;
  std::vector<graph::Vertex> stack;
  for (graph::Vertex root = 0; root < n; ++root) {
    if (component[root] != kNone) continue;
    const auto arcs = view.out(root);
    if (std::none_of(arcs.begin(), arcs.end(), [&](const auto& a) { return counts(a.edge); }))
      continue;
    const auto id = static_cast<std::uint32_t>(components.size());
    Component& c = components.emplace_back();
    component[root] = id;
    stack.push_back(root);
    while (!stack.empty()) {
      const graph::Vertex u = stack.back();
      stack.pop_back();
      c.members.push_back(u);
      for (const auto& arc : view.out(u))
        if (counts(arc.edge) && component[arc.neighbour] == kNone) {
          component[arc.neighbour] = id;
          stack.push_back(arc.neighbour);
        }
    }
    std::sort(c.members.begin(), c.members.end());
  }
  result.components = static_cast<unsigned>(components.size());
  if (components.empty()) {
    result.scores.assign(n, 1.0);
    return result;
  }

  // Bounds on each component's eigenvalue: its largest strength above; below, the Rayleigh
  // quotients of the all-ones vector (mean strength) and of e_v on A^2 (sqrt of (A^2)_vv, which
  // is at least the sum of the squared arc weights at v).
  for (Component& c : components) {
    double total = 0.0;
    for (graph::Vertex v : c.members) {
      double strength = 0.0, squares = 0.0;
      for (const auto& arc : view.out(v)) {
        if (!counts(arc.edge)) continue;
        const double w = weights ? (*weights)[arc.edge] : 1.0;
        strength += w;
        squares += w * w;
      }
      total += strength;
      c.upper = std::max(c.upper, strength);
      c.lower = std::max(c.lower, std::sqrt(squares));
    }
    c.lower = std::max(c.lower, total / static_cast<double>(c.members.size()));
  }
  double best_lower = 0.0;
  for (const Component& c : components)
    best_lower = std::max(best_lower, c.lower);

  // The candidates, likeliest first (largest lower bound; ties by smallest vertex).
  std::vector<std::uint32_t> order;
  for (std::uint32_t k = 0; k < components.size(); ++k)
    if (components[k].upper >= best_lower * (1.0 - kEigenvectorTieTolerance)) order.push_back(k);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return components[a].lower > components[b].lower;
  });

  std::vector<std::uint32_t> local(n, 0);
  std::vector<std::pair<std::uint32_t, Solved>> solved;
  double best = 0.0;
  for (std::uint32_t k : order) {
    Component& c = components[k];
    if (c.upper < best * (1.0 - kEigenvectorTieTolerance)) continue;
    // The component's CSR in local numbers.
    for (std::uint32_t i = 0; i < c.members.size(); ++i)
      local[c.members[i]] = i;
    c.offsets.assign(c.members.size() + 1, 0);
    for (std::uint32_t i = 0; i < c.members.size(); ++i) {
      std::uint32_t arcs = 0;
      for (const auto& arc : view.out(c.members[i]))
        arcs += counts(arc.edge) ? 1u : 0u;
      c.offsets[i + 1] = c.offsets[i] + arcs;
    }
    c.targets.resize(c.offsets.back());
    if (weights) c.weights.resize(c.offsets.back());
    for (std::uint32_t i = 0; i < c.members.size(); ++i) {
      std::uint32_t j = c.offsets[i];
      for (const auto& arc : view.out(c.members[i])) {
        if (!counts(arc.edge)) continue;
        c.targets[j] = local[arc.neighbour];
        if (weights) c.weights[j] = (*weights)[arc.edge];
        ++j;
      }
    }
    Solved s = power_iteration(c, weights != nullptr, threads);
    result.iterations += s.iterations;
    if (!s.converged) {
      Solved lanczos = arpack(c, weights != nullptr, threads, s.x);
      result.products += lanczos.iterations;
      s = std::move(lanczos);
      result.used_arpack = true;
    }
    // The CSR is not needed any more.
    c.offsets = {};
    c.targets = {};
    c.weights = {};
    best = std::max(best, s.eigenvalue);
    solved.emplace_back(k, std::move(s));
  }

  result.scores.assign(n, 0.0);
  result.eigenvalue = best;
  for (const auto& [k, s] : solved) {
    if (s.eigenvalue < best * (1.0 - kEigenvectorTieTolerance)) continue;
    ++result.tied;
    const Component& c = components[k];
    for (std::uint32_t i = 0; i < c.members.size(); ++i)
      result.scores[c.members[i]] = s.x[i];
  }
  return result;
}

}  // namespace actornet::analyses
