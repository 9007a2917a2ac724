#include "analyses/approx_betweenness.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "analyses/parallel.hpp"
#include "graph/errors.hpp"

namespace actornet::analyses {

namespace {

using graph::Vertex;
using graph::View;

// The constant c of the sample size bound (Riondato & Kornaropoulos 2016, Sect. 4.1).
constexpr double kSampleConstant = 0.5;
// Path lengths within this relative difference are equal (as igraph compares them).
constexpr double kLengthEpsilon = 1e-10;
// Samples handed to a worker at a time.
constexpr std::uint64_t kChunk = 256;

// splitmix64's output function: a bijective mix of 64 bits.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The random stream of one sample: splitmix64 started from a state derived from the seed and
// the sample's index, so a sample draws the same numbers whichever thread runs it.
class SampleRng {
 public:
  SampleRng(std::uint64_t seed, std::uint64_t index)
      : state_(mix64(mix64(seed + 0x9e3779b97f4a7c15ULL) + index)) {}

  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  // Uniform in [0, n), n > 0, without modulo bias (rejects the top partial block).
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t rest = (std::numeric_limits<std::uint64_t>::max() % n + 1) % n;
    for (;;) {
      const std::uint64_t x = next();
      if (rest == 0 || x < std::numeric_limits<std::uint64_t>::max() - rest + 1) return x % n;
    }
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// a == b up to a relative kLengthEpsilon: -1, 0 or 1.
int compare_lengths(double a, double b) {
  if (a == b) return 0;
  if (std::fabs(a - b) <= kLengthEpsilon * (std::fabs(a) + std::fabs(b))) return 0;
  return a < b ? -1 : 1;
}

// Draws one of the candidates with probability proportional to weight(candidate); `visit`
// calls its argument once per candidate, in the same order on every call.
template <typename Visit>
Vertex weighted_choice(SampleRng& rng, const Visit& visit) {
  double total = 0.0;
  visit([&](Vertex, double w) { total += w; });
  if (!(total > 0.0))
    throw std::logic_error("approx_betweenness: a shortest-path step has no predecessor");
  const double target = rng.unit() * total;
  double sum = 0.0;
  Vertex chosen = graph::kNoVertex;
  visit([&](Vertex x, double w) {
    if (w <= 0.0) return;
    if (chosen == graph::kNoVertex || sum <= target) chosen = x;
    sum += w;
  });
  return chosen;
}

// Per-thread state, sized to the View once and reset after each sample by the touched list.
struct Workspace {
  explicit Workspace(std::size_t n, bool weighted)
      : sigma_s(n, 0.0), sigma_t(weighted ? 0 : n, 0.0) {
    if (weighted) {
      length.assign(n, std::numeric_limits<double>::infinity());
      settled.assign(n, 0);
    } else {
      dist_s.assign(n, -1);
      dist_t.assign(n, -1);
    }
  }

  void reset() {
    for (Vertex v : touched) {
      sigma_s[v] = 0.0;
      if (!sigma_t.empty()) sigma_t[v] = 0.0;
      if (!dist_s.empty()) dist_s[v] = dist_t[v] = -1;
      if (!length.empty()) {
        length[v] = std::numeric_limits<double>::infinity();
        settled[v] = 0;
      }
    }
    touched.clear();
  }

  std::vector<double> sigma_s, sigma_t;        // shortest paths from s, to t
  std::vector<std::int32_t> dist_s, dist_t;    // hop distances from s, to t; -1 = unseen
  std::vector<double> length;                  // Dijkstra: tentative distance from s
  std::vector<std::uint8_t> settled;           // Dijkstra: distance final
  std::vector<Vertex> touched;                 // vertices whose state must be reset
  std::vector<Vertex> front_s, front_t, next;  // BFS layers
  std::vector<Vertex> meet;                    // BFS: vertices reached by both searches
  std::vector<Vertex> interior;                // the drawn path's interior vertices
  std::vector<std::pair<double, Vertex>> heap;
};

std::uint64_t degree_sum(const View& view, const std::vector<Vertex>& layer, bool out) {
  std::uint64_t sum = 0;
  for (Vertex v : layer)
    sum += out ? view.out(v).size() : view.in(v).size();
  return sum;
}

// Hop counts: balanced bidirectional BFS between s and t, then one shortest path drawn
// uniformly. Leaves its interior in w.interior; false when t is unreachable from s.
bool sample_hops(const View& view, Vertex s, Vertex t, SampleRng& rng, Workspace& w) {
  w.interior.clear();
  w.meet.clear();
  w.dist_s[s] = 0;
  w.sigma_s[s] = 1.0;
  w.dist_t[t] = 0;
  w.sigma_t[t] = 1.0;
  w.touched.push_back(s);
  w.touched.push_back(t);
  w.front_s.assign(1, s);
  w.front_t.assign(1, t);
  std::uint64_t work_s = view.out(s).size(), work_t = view.in(t).size();
  std::int32_t layer_s = 0, layer_t = 0;

  // Invariant: no vertex is reached by both searches, so dist(s, t) > layer_s + layer_t; the
  // first layer that reaches the other search's vertices therefore closes every shortest path.
  while (w.meet.empty()) {
    if (w.front_s.empty() || w.front_t.empty()) return false;
    const bool forward = work_s <= work_t;
    auto& front = forward ? w.front_s : w.front_t;
    auto& dist = forward ? w.dist_s : w.dist_t;
    auto& sigma = forward ? w.sigma_s : w.sigma_t;
    const auto& other = forward ? w.dist_t : w.dist_s;
    const std::int32_t layer = (forward ? layer_s : layer_t) + 1;
    w.next.clear();
    for (Vertex u : front) {
      const auto arcs = forward ? view.out(u) : view.in(u);
      for (const auto& arc : arcs) {
        const Vertex x = arc.neighbour;
        if (dist[x] < 0) {
          dist[x] = layer;
          sigma[x] = sigma[u];
          w.next.push_back(x);
          w.touched.push_back(x);
          if (other[x] >= 0) w.meet.push_back(x);
        } else if (dist[x] == layer) {
          sigma[x] += sigma[u];
        }
      }
    }
    front.swap(w.next);
    if (forward) {
      layer_s = layer;
      work_s = degree_sum(view, front, true);
    } else {
      layer_t = layer;
      work_t = degree_sum(view, front, false);
    }
  }

  // The meeting vertex: each shortest path crosses the meeting layer exactly once.
  const Vertex middle = weighted_choice(rng, [&](const auto& f) {
    for (Vertex x : w.meet)
      f(x, w.sigma_s[x] * w.sigma_t[x]);
  });
  if (middle != s && middle != t) w.interior.push_back(middle);
  // Back to s: a predecessor p of x (arc p -> x) one layer closer, weighted by sigma_s(p).
  for (Vertex x = middle; x != s;) {
    const std::int32_t want = w.dist_s[x] - 1;
    x = weighted_choice(rng, [&](const auto& f) {
      for (const auto& arc : view.in(x))
        if (w.dist_s[arc.neighbour] == want) f(arc.neighbour, w.sigma_s[arc.neighbour]);
    });
    if (x != s) w.interior.push_back(x);
  }
  // On to t: a successor q of x (arc x -> q) one layer closer to t, weighted by sigma_t(q).
  for (Vertex x = middle; x != t;) {
    const std::int32_t want = w.dist_t[x] - 1;
    x = weighted_choice(rng, [&](const auto& f) {
      for (const auto& arc : view.out(x))
        if (w.dist_t[arc.neighbour] == want) f(arc.neighbour, w.sigma_t[arc.neighbour]);
    });
    if (x != t) w.interior.push_back(x);
  }
  return true;
}

// Lengths: Dijkstra from s until t is settled, then one shortest path drawn uniformly by
// walking back from t.
bool sample_lengths(const View& view, const std::vector<double>& lengths, Vertex s, Vertex t,
                    SampleRng& rng, Workspace& w) {
  w.interior.clear();
  auto& heap = w.heap;
  heap.clear();
  const auto later = std::greater<std::pair<double, Vertex>>();
  w.length[s] = 0.0;
  w.sigma_s[s] = 1.0;
  w.touched.push_back(s);
  heap.emplace_back(0.0, s);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const auto [d, u] = heap.back();
    heap.pop_back();
    if (w.settled[u] || d != w.length[u]) continue;
    w.settled[u] = 1;
    if (u == t) break;
    for (const auto& arc : view.out(u)) {
      const Vertex x = arc.neighbour;
      if (w.settled[x]) continue;
      const double alt = d + lengths[arc.edge];
      if (w.length[x] == std::numeric_limits<double>::infinity()) {
        w.touched.push_back(x);
        w.length[x] = alt;
        w.sigma_s[x] = w.sigma_s[u];
      } else {
        const int c = compare_lengths(alt, w.length[x]);
        if (c > 0) continue;
        if (c == 0) {
          w.sigma_s[x] += w.sigma_s[u];
          continue;
        }
        w.length[x] = alt;
        w.sigma_s[x] = w.sigma_s[u];
      }
      heap.emplace_back(alt, x);
      std::push_heap(heap.begin(), heap.end(), later);
    }
  }
  if (!w.settled[t]) return false;
  for (Vertex x = t; x != s;) {
    const double here = w.length[x];
    x = weighted_choice(rng, [&](const auto& f) {
      for (const auto& arc : view.in(x)) {
        const Vertex p = arc.neighbour;
        if (w.settled[p] && p != x && compare_lengths(w.length[p] + lengths[arc.edge], here) == 0)
          f(p, w.sigma_s[p]);
      }
    });
    if (x != s) w.interior.push_back(x);
  }
  return true;
}

// The vertex-diameter bound (see the header) by one search per weakly connected component.
std::pair<std::uint32_t, DiameterBoundMethod> vertex_diameter_bound(const View& view,
                                                                    bool weighted) {
  const std::uint32_t n = view.vertex_count();
  const bool by_eccentricity = !view.directed() && !weighted;
  const auto method =
      by_eccentricity ? DiameterBoundMethod::Eccentricity : DiameterBoundMethod::ComponentSize;
  std::vector<std::int32_t> dist(n, -1);
  std::vector<Vertex> queue;
  queue.reserve(n);
  std::uint32_t bound = 0;
  for (Vertex root = 0; root < n; ++root) {
    if (dist[root] >= 0) continue;
    queue.clear();
    queue.push_back(root);
    dist[root] = 0;
    std::int32_t d1 = 0, d2 = 0;  // the two largest distances from root (root's own 0 counts)
    bool root_counted = false;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const Vertex u = queue[head];
      // BFS pops in distance order, so each popped distance is >= d1 >= d2.
      if (root_counted) {
        d2 = d1;
        d1 = dist[u];
      }
      root_counted = true;
      auto visit = [&](std::span<const View::Arc> arcs) {
        for (const auto& arc : arcs)
          if (dist[arc.neighbour] < 0) {
            dist[arc.neighbour] = dist[u] + 1;
            queue.push_back(arc.neighbour);
          }
      };
      visit(view.out(u));
      if (view.directed()) visit(view.in(u));
    }
    const auto size = static_cast<std::uint32_t>(queue.size());
    const std::uint32_t component_bound =
        by_eccentricity ? std::min(size, static_cast<std::uint32_t>(d1 + d2 + 1)) : size;
    bound = std::max(bound, component_bound);
  }
  return {bound, method};
}

void validate(const View& view, const std::vector<double>* lengths,
              const ApproxBetweennessOptions& options) {
  check_approx_options(options);
  if (!lengths) return;
  if (lengths->size() != view.edge_count())
    throw InputError(fmt::format("approximate betweenness got {} path lengths for {} edges",
                                 lengths->size(), view.edge_count()));
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const double len = (*lengths)[e];
    if (!(std::isfinite(len) && len > 0.0))
      throw InputError(
          fmt::format("path length {} of view edge {} ({} -> {}) is not a positive finite number",
                      len, e, view.from(e), view.to(e)));
  }
}

}  // namespace

void check_approx_options(const ApproxBetweennessOptions& options) {
  if (!(options.epsilon > 0.0 && options.epsilon < 1.0))
    throw InputError(fmt::format(
        "the betweenness error bound epsilon (--approx) must be between 0 and 1 (exclusive), "
        "not {}; 0.01 is a common choice",
        options.epsilon));
  if (!(options.delta > 0.0 && options.delta < 1.0))
    throw InputError(fmt::format(
        "the betweenness confidence parameter delta (--confidence: the chance that the error "
        "bound fails) must be between 0 and 1 (exclusive), not {}; 0.1 is a common choice",
        options.delta));
}

std::uint64_t approx_betweenness_sample_count(double epsilon, double delta, std::uint32_t vd) {
  if (vd <= 2) return 0;
  const auto log2_floor = static_cast<double>(std::bit_width(vd - 2u) - 1);
  const double r =
      std::ceil(kSampleConstant / (epsilon * epsilon) * (log2_floor + 1.0 + std::log(1.0 / delta)));
  if (!(r < 0x1.0p62))
    throw InputError(fmt::format(
        "approximate betweenness with epsilon {} and delta {} would need {} samples; choose a "
        "larger epsilon",
        epsilon, delta, r));
  return static_cast<std::uint64_t>(r);
}

ApproxBetweennessResult approx_betweenness(const View& view, const std::vector<double>* lengths,
                                           const ApproxBetweennessOptions& options) {
  validate(view, lengths, options);
  const std::uint32_t n = view.vertex_count();
  ApproxBetweennessResult result;
  result.scores.assign(n, 0.0);
  const auto nd = static_cast<double>(n);
  if (n >= 2) result.pairs = view.directed() ? nd * (nd - 1.0) : nd * (nd - 1.0) / 2.0;
  std::tie(result.vertex_diameter_bound, result.bound_method) =
      vertex_diameter_bound(view, lengths != nullptr);
  result.samples =
      approx_betweenness_sample_count(options.epsilon, options.delta, result.vertex_diameter_bound);
  if (result.samples == 0 || n < 3) {
    result.samples = 0;  // no shortest path has an interior vertex: every score is exactly 0
    return result;
  }
  result.absolute_error = options.epsilon * result.pairs;

  const std::uint64_t samples = result.samples;
  // Integer hit counts add up exactly, so the scores do not depend on how samples are split.
  const unsigned threads = detail::thread_count(options.threads, (samples + kChunk - 1) / kChunk);
  std::vector<std::vector<std::uint64_t>> hits(threads);
  std::vector<std::uint64_t> connected(threads, 0);
  std::vector<std::optional<Workspace>> workspaces(threads);
  detail::run_blocks(samples, kChunk, threads,
                     [&](unsigned id, std::uint64_t begin, std::uint64_t end) {
                       auto& mine = hits[id];
                       if (!workspaces[id]) {
                         mine.assign(n, 0);
                         workspaces[id].emplace(n, lengths != nullptr);
                       }
                       Workspace& w = *workspaces[id];
                       for (std::uint64_t i = begin; i < end; ++i) {
                         SampleRng rng(options.seed, i);
                         const auto s = static_cast<Vertex>(rng.below(n));
                         auto t = static_cast<Vertex>(rng.below(n - 1));
                         if (t >= s) ++t;
                         const bool found = lengths ? sample_lengths(view, *lengths, s, t, rng, w)
                                                    : sample_hops(view, s, t, rng, w);
                         if (found) {
                           ++connected[id];
                           for (Vertex v : w.interior)
                             ++mine[v];
                         }
                         w.reset();
                       }
                     });

  std::vector<std::uint64_t> total(n, 0);
  for (const auto& mine : hits)
    for (std::size_t v = 0; v < mine.size(); ++v)
      total[v] += mine[v];
  const double scale = result.pairs / static_cast<double>(samples);
  for (Vertex v = 0; v < n; ++v)
    result.scores[v] = static_cast<double>(total[v]) * scale;
  for (auto c : connected)
    result.connected_samples += c;
  return result;
}

}  // namespace actornet::analyses
