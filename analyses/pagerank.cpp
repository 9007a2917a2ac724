// PageRank by a parallel power iteration (see analyses/pagerank.hpp for the definition, the
// iteration and the stopping rule).
//
// Why this is written here rather than called from a library: igraph 0.10's default PageRank is
// PRPACK, a Gauss-Seidel solver whose sweeps are sequential by nature (Debian's build runs OpenMP
// loops inside strongly connected components of more than 512 vertices, with races that make the
// last digits change from run to run), and it does not return within a minute when damping is 1
// on a strongly connected graph of 128 or more vertices (NaN on smaller periodic ones). On a
// 1,000,000-vertex, 5,000,000-edge undirected Barabasi-Albert graph on the project's 2-core
// machine, igraph_pagerank (PRPACK) took 3.2 s and graph-tool's power iteration (two OpenMP
// threads, stopping at an L1 change of 1e-6 after 17 steps, which leaves scores up to 8e-6
// relative off) 1.0 s. Measured in one run on the same graph (CPU seconds, the machine being
// shared): PRPACK 6.3, graph-tool 2.5, this function 1.5 for 36 steps with every score within
// 5e-12 of a long-double reference (PRPACK: 1.1e-12), one breadth-first search 0.15.
// Boost.Graph's page_rank runs a fixed number of serial sweeps and leaves dangling vertices to
// the caller (remove_dangling_links).
#include "analyses/pagerank.hpp"

#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyses/parallel.hpp"
#include "graph/errors.hpp"

namespace actornet::analyses {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Names a view edge for messages by the first graph edge behind it (graph edges are numbered
// in input order).
std::string describe_edge(const graph::View& view, graph::ViewEdge e) {
  return fmt::format("edge #{} of the input", view.origins(e).front() + 1);
}

// The walk's arcs reversed: for each vertex v, the vertices u with an arc u->v (a loop and an
// undirected edge as the View lists them), with the arc's weight when weighted.
struct InArcs {
  std::vector<std::uint32_t> offsets;  // n + 1
  std::vector<std::uint32_t> sources;  // one per arc
  std::vector<double> weights;         // one per arc, or empty when unweighted
  std::vector<double> inverse_out;     // 1 / outweight(u), 0 for dangling u
};

InArcs build_in_arcs(const graph::View& view, const std::vector<double>* weights) {
  const std::uint32_t n = view.vertex_count();
  InArcs a;
  a.offsets.resize(std::size_t{n} + 1);
  for (graph::Vertex v = 0; v < n; ++v)
    a.offsets[v + 1] = a.offsets[v] + static_cast<std::uint32_t>(view.in(v).size());
  a.sources.resize(a.offsets[n]);
  if (weights) a.weights.resize(a.offsets[n]);
  for (graph::Vertex v = 0; v < n; ++v) {
    std::size_t j = a.offsets[v];
    for (const auto& arc : view.in(v)) {
      a.sources[j] = arc.neighbour;
      if (weights) a.weights[j] = (*weights)[arc.edge];
      ++j;
    }
  }
  a.inverse_out.resize(n);
  for (graph::Vertex u = 0; u < n; ++u) {
    const auto out = view.out(u);
    double outweight = static_cast<double>(out.size());
    if (weights) {
      outweight = 0.0;
      for (const auto& arc : out)
        outweight += (*weights)[arc.edge];
      if (!std::isfinite(outweight))
        throw InputError(fmt::format(
            "PageRank: the weights leaving one vertex add up to more than a double can hold "
            "(at {}); scale the weights down",
            describe_edge(view, out.front().edge)));
    }
    a.inverse_out[u] = outweight > 0.0 ? 1.0 / outweight : 0.0;
  }
  return a;
}

// Sums of one block of vertices after a step, added in block order by the stopping rule.
struct BlockSums {
  double mass = 0.0;      // sum of x_{k+1}
  double dangling = 0.0;  // sum of x_{k+1} over dangling vertices
  double change = 0.0;    // largest |x_{k+1}(v) - x_k(v)| / x_{k+1}(v)
};

// State shared by the workers; written only in the barrier's completion step.
struct Shared {
  const InArcs* arcs = nullptr;
  std::uint32_t n = 0;
  double damping = 0.0;
  double threshold = 0.0;
  double base = 0.0;                               // the uniform term of the next step
  std::vector<double> x_old, x_new, c_old, c_new;  // scores and contributions x / outweight
  std::vector<BlockSums> sums;
  unsigned iterations = 0;
  bool done = false;
  bool converged = false;
};

// One step over the blocks [first, last): reads x_old and c_old, writes x_new, c_new, sums.
template <bool Weighted>
void step_blocks(Shared& s, std::size_t first, std::size_t last) {
  const std::uint32_t* offsets = s.arcs->offsets.data();
  const std::uint32_t* sources = s.arcs->sources.data();
  const double* w = s.arcs->weights.data();
  const double* inverse_out = s.arcs->inverse_out.data();
  const double* c_old = s.c_old.data();
  const double* x_old = s.x_old.data();
  double* x_new = s.x_new.data();
  double* c_new = s.c_new.data();
  const double damping = s.damping;
  const double base = s.base;
  for (std::size_t b = first; b < last; ++b) {
    const std::uint32_t begin = static_cast<std::uint32_t>(b * kPageRankBlock);
    const std::uint32_t end = std::min<std::uint32_t>(begin + kPageRankBlock, s.n);
    BlockSums sums;
    for (std::uint32_t v = begin; v < end; ++v) {
      // Four running sums, so that the additions do not wait on one another and several
      // gathers are in flight; the order is fixed per vertex, whatever the thread count.
      auto arriving = [&](std::uint32_t j) {
        if constexpr (Weighted)
          return w[j] * c_old[sources[j]];
        else
          return c_old[sources[j]];
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
      const double pulled = (s0 + s1) + (s2 + s3);
      const double x = damping * pulled + base;
      sums.mass += x;
      if (inverse_out[v] == 0.0) sums.dangling += x;
      const double step = std::abs(x - x_old[v]);
      // A score of 0 (damping 1, no arriving walk) counts as settled only when it stays 0.
      const double relative = x > 0.0 ? step / x : (step > 0.0 ? kInfinity : 0.0);
      sums.change = std::max(sums.change, relative);
      x_new[v] = x;
      c_new[v] = x * inverse_out[v];
    }
    s.sums[b] = sums;
  }
}

}  // namespace

PageRankResult pagerank(const graph::View& view, const std::vector<double>* weights, double damping,
                        unsigned threads) {
  if (!(damping >= 0.0 && damping <= 1.0))
    throw InputError(fmt::format("PageRank damping must be between 0 and 1, not {}", damping));
  if (weights) {
    if (weights->size() != view.edge_count())
      throw InputError(fmt::format("PageRank: {} weights given for {} edges", weights->size(),
                                   view.edge_count()));
    for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
      const double w = (*weights)[e];
      if (!std::isfinite(w))
        throw InputError(fmt::format("PageRank: weight {} of {} is not a finite number", w,
                                     describe_edge(view, e)));
      if (w < 0.0)
        throw InputError(fmt::format("PageRank needs non-negative weights, but {} has weight {}",
                                     describe_edge(view, e), w));
    }
  }

  const std::uint32_t n = view.vertex_count();
  PageRankResult result;
  if (n == 0) return result;
  const double uniform = 1.0 / n;
  if (damping == 0.0) {
    result.scores.assign(n, uniform);
    return result;
  }

  const InArcs arcs = build_in_arcs(view, weights);
  const std::size_t blocks = (std::size_t{n} + kPageRankBlock - 1) / kPageRankBlock;
  threads = detail::thread_count(threads, blocks);
  const std::vector<std::size_t> cut =
      detail::balanced_runs(arcs.offsets, kPageRankBlock, blocks, threads);

  Shared s;
  s.arcs = &arcs;
  s.n = n;
  s.damping = damping;
  s.threshold = damping < 1.0 ? kPageRankTolerance * (1.0 - damping) / damping : kPageRankTolerance;
  s.x_old.assign(n, uniform);
  s.x_new.resize(n);
  s.c_old.resize(n);
  s.c_new.resize(n);
  s.sums.resize(blocks);
  double dangling = 0.0;
  for (graph::Vertex v = 0; v < n; ++v) {
    s.c_old[v] = uniform * arcs.inverse_out[v];
    if (arcs.inverse_out[v] == 0.0) dangling += uniform;
  }
  // x_0 sums to n * (1/n), which may differ from 1 in the last bit: the uniform term puts
  // back whatever the sum lacks, so start from the exact mass.
  double mass = 0.0;
  for (graph::Vertex v = 0; v < n; ++v)
    mass += s.x_old[v];
  s.base = (1.0 - damping * (mass - dangling)) * uniform;

  // Runs once per step, on one thread, after every block is done: the ordered sums, the
  // stopping rule, and the next step's uniform term.
  auto complete = [&s, uniform]() noexcept {
    BlockSums total;
    for (const BlockSums& b : s.sums) {
      total.mass += b.mass;
      total.dangling += b.dangling;
      total.change = std::max(total.change, b.change);
    }
    ++s.iterations;
    std::swap(s.x_old, s.x_new);
    std::swap(s.c_old, s.c_new);
    if (total.change <= s.threshold) {
      s.done = s.converged = true;
    } else if (s.iterations >= kPageRankMaxIterations) {
      s.done = true;
    }
    s.base = (1.0 - s.damping * (total.mass - total.dangling)) * uniform;
  };
  std::barrier sync(static_cast<std::ptrdiff_t>(threads), complete);

  auto work = [&s, &sync, &cut, weighted = weights != nullptr](unsigned t) {
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

  double total = 0.0;
  for (const BlockSums& b : s.sums)
    total += b.mass;
  result.scores = std::move(s.x_old);
  for (double& x : result.scores)
    x /= total;
  result.iterations = s.iterations;
  result.converged = s.converged;
  return result;
}

}  // namespace actornet::analyses
