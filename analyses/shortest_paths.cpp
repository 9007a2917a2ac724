#include "analyses/shortest_paths.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "analyses/parallel.hpp"

namespace actornet::analyses {

namespace {

using graph::Vertex;
using graph::View;

// The adjacency the searches walk: per vertex, its out-neighbours (all neighbours when
// undirected) sorted by id, self-loops dropped, parallel arcs kept; with lengths, the length of
// each arc alongside. Rebuilt per call from the View, whose arcs also carry edge ids the
// searches do not need.
//
// Without lengths the vertices are renumbered by decreasing total degree (ties by view
// order): the vertices most arcs lead to then share a few cache lines, which on skewed degree
// distributions (most social and event networks) saves a large share of the cache misses of
// a search. With lengths, view numbering is kept so that Dijkstra meets equal-length paths in
// igraph's order (see the file comment).
struct Adjacency {
  std::uint32_t n = 0;
  std::vector<std::uint32_t> offsets;  // n + 1
  std::vector<Vertex> targets;
  std::vector<double> lengths;      // empty without lengths
  std::vector<Vertex> view_vertex;  // internal vertex -> view vertex; empty = the same

  Vertex to_view(Vertex v) const { return view_vertex.empty() ? v : view_vertex[v]; }
};

Adjacency build_adjacency(const View& view, std::span<const double> lengths) {
  if (!lengths.empty() && lengths.size() != view.edge_count())
    throw std::invalid_argument(fmt::format("{} path lengths given for a view of {} edges",
                                            lengths.size(), view.edge_count()));
  Adjacency g;
  g.n = view.vertex_count();
  std::vector<std::uint32_t> degree(g.n, 0);
  for (Vertex v = 0; v < g.n; ++v)
    for (const auto& arc : view.out(v))
      if (arc.neighbour != v) {
        ++degree[v];
        if (view.directed()) ++degree[arc.neighbour];
      }
  std::vector<Vertex> internal;  // view vertex -> internal vertex; empty = the same
  if (lengths.empty()) {
    g.view_vertex.resize(g.n);
    for (Vertex v = 0; v < g.n; ++v)
      g.view_vertex[v] = v;
    std::stable_sort(g.view_vertex.begin(), g.view_vertex.end(),
                     [&](Vertex a, Vertex b) { return degree[a] > degree[b]; });
    internal.resize(g.n);
    for (Vertex v = 0; v < g.n; ++v)
      internal[g.view_vertex[v]] = v;
  }
  auto to_internal = [&](Vertex v) { return internal.empty() ? v : internal[v]; };

  g.offsets.assign(g.n + 1, 0);
  for (Vertex v = 0; v < g.n; ++v) {
    const Vertex view_v = g.to_view(v);
    std::uint32_t count = 0;
    for (const auto& arc : view.out(view_v))
      count += arc.neighbour != view_v;
    g.offsets[v + 1] = g.offsets[v] + count;
  }
  g.targets.resize(g.offsets[g.n]);
  if (!lengths.empty()) g.lengths.resize(g.targets.size());
  std::vector<std::pair<Vertex, double>> row;
  for (Vertex v = 0; v < g.n; ++v) {
    const Vertex view_v = g.to_view(v);
    row.clear();
    for (const auto& arc : view.out(view_v))
      if (arc.neighbour != view_v)
        row.emplace_back(to_internal(arc.neighbour), lengths.empty() ? 1.0 : lengths[arc.edge]);
    // By neighbour id, as igraph's adjacency lists are: the order in which equal-length paths
    // are met then matches igraph's, and neighbouring ids sit close in memory.
    std::stable_sort(row.begin(), row.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < row.size(); ++i) {
      g.targets[g.offsets[v] + i] = row[i].first;
      if (!lengths.empty()) g.lengths[g.offsets[v] + i] = row[i].second;
    }
  }
  return g;
}

// igraph_cmp_epsilon (igraph 0.10): -1, 0 or 1 as a is below, within a relative `eps` of, or
// above b, with an absolute test next to zero.
int compare_lengths(double a, double b) {
  constexpr double eps = 1e-10;  // IGRAPH_SHORTEST_PATH_EPSILON
  if (a == b) return 0;
  const double diff = a - b;
  const double abs_diff = std::fabs(diff);
  const double sum = std::fabs(a) + std::fabs(b);
  bool equal;
  if (a == 0 || b == 0 || sum < DBL_MIN)
    equal = abs_diff < eps * DBL_MIN;
  else if (!std::isfinite(sum))
    equal = abs_diff < eps * std::fabs(a) + eps * std::fabs(b);
  else
    equal = abs_diff / sum < eps;
  return equal ? 0 : (diff < 0 ? -1 : 1);
}

// --- betweenness, hop counts ------------------------------------------------------------------

// One thread's scratch for Brandes' algorithm by BFS. Between sources every cell is
// {0, kUnreached} and coeff is 0 everywhere.
struct BfsScratch {
  static constexpr std::int32_t kUnreached = std::numeric_limits<std::int32_t>::max();
  struct Cell {
    double sigma;       // shortest paths from the source
    std::int32_t dist;  // hops from the source, kUnreached if not reached
  };
  std::vector<Cell> cells;  // one cache access per arc in the forward pass
  // (1 + delta[w]) / sigma[w] for the vertices w of the level just below the one being
  // accumulated, 0 everywhere else: a vertex's dependency is then sigma times the plain sum of
  // coeff over its out-neighbours, with no test of who is a successor.
  std::vector<double> coeff;
  std::vector<double> pending;  // coeff of the level being accumulated, by BFS position
  std::vector<Vertex> order;    // vertices in BFS order (one spare slot, see brandes_bfs)
  std::vector<std::uint32_t> level_start;

  explicit BfsScratch(std::uint32_t n)
      : cells(n, Cell{0.0, kUnreached}), coeff(n, 0.0), pending(n, 0.0), order(n + 1) {}
};

void brandes_bfs(const Adjacency& g, Vertex s, BfsScratch& sc, std::vector<double>& bc) {
  const std::uint32_t* off = g.offsets.data();
  const Vertex* tgt = g.targets.data();
  BfsScratch::Cell* cells = sc.cells.data();
  double* coeff = sc.coeff.data();
  Vertex* order = sc.order.data();

  // Forward: BFS counting shortest paths, level by level. Every neighbour w of a vertex at
  // level d is at level d + 1 or less, or unreached (kUnreached, above every level), so one
  // comparison with d + 1 says both "add sigma" (w is at d + 1 or new) and "new" (above it);
  // the body has no branch to mispredict: it always stores, and appends w to `order` in the
  // spare slot, keeping it only when w is new.
  sc.level_start.clear();
  order[0] = s;
  cells[s] = {1.0, 0};
  std::uint32_t head = 0, tail = 1;
  while (head < tail) {
    sc.level_start.push_back(head);
    const std::uint32_t level_end = tail;
    for (; head < level_end; ++head) {
      const Vertex u = order[head];
      const std::int32_t next = cells[u].dist + 1;
      // Indexed rather than `cond ? su : 0.0`, which compilers turn back into a branch.
      const double add[2] = {0.0, cells[u].sigma};
      for (std::uint32_t a = off[u], e = off[u + 1]; a < e; ++a) {
        const Vertex w = tgt[a];
        auto& c = cells[w];
        const std::int32_t dw = c.dist;
        c.sigma += add[dw >= next];
        c.dist = std::min(dw, next);
        order[tail] = w;
        tail += static_cast<std::uint32_t>(dw > next);
      }
    }
  }
  sc.level_start.push_back(tail);

  // Backward: levels from the deepest up; coeff holds the level below the current one.
  double* pending = sc.pending.data();
  const std::size_t levels = sc.level_start.size() - 1;
  for (std::size_t k = levels; k-- > 0;) {
    const std::uint32_t first = sc.level_start[k], last = sc.level_start[k + 1];
    for (std::uint32_t i = first; i < last; ++i) {
      const Vertex v = order[i];
      // Four partial sums: independent additions instead of one chain of dependent ones.
      double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
      std::uint32_t a = off[v];
      const std::uint32_t e = off[v + 1];
      for (; a + 4 <= e; a += 4) {
        s0 += coeff[tgt[a]];
        s1 += coeff[tgt[a + 1]];
        s2 += coeff[tgt[a + 2]];
        s3 += coeff[tgt[a + 3]];
      }
      for (; a < e; ++a)
        s0 += coeff[tgt[a]];
      const double sigma = cells[v].sigma;
      const double delta = sigma * ((s0 + s1) + (s2 + s3));
      if (v != s) bc[v] += delta;
      pending[i] = (1.0 + delta) / sigma;
    }
    if (k + 2 <= levels)
      for (std::uint32_t i = sc.level_start[k + 1]; i < sc.level_start[k + 2]; ++i)
        coeff[order[i]] = 0.0;
    for (std::uint32_t i = first; i < last; ++i)
      coeff[order[i]] = pending[i];
  }
  for (std::uint32_t i = 0; i < tail; ++i) {
    cells[order[i]] = {0.0, BfsScratch::kUnreached};
    coeff[order[i]] = 0.0;
  }
}

// --- Dijkstra with igraph's tie rule ------------------------------------------------------------

// A binary min-heap of vertices keyed by distance, with positions for decrease-key.
class VertexHeap {
 public:
  explicit VertexHeap(std::uint32_t n) : pos_(n, kAbsent) {}
  bool empty() const { return items_.empty(); }
  void push(Vertex v, double key) {
    pos_[v] = static_cast<std::uint32_t>(items_.size());
    items_.push_back({key, v});
    up(pos_[v]);
  }
  void decrease(Vertex v, double key) {
    items_[pos_[v]].key = key;
    up(pos_[v]);
  }
  Vertex pop() {
    const Vertex top = items_[0].v;
    pos_[top] = kAbsent;
    const Item last = items_.back();
    items_.pop_back();
    if (!items_.empty()) {
      items_[0] = last;
      pos_[last.v] = 0;
      down(0);
    }
    return top;
  }

 private:
  struct Item {
    double key;
    Vertex v;
  };
  static constexpr std::uint32_t kAbsent = 0xffffffffu;
  void up(std::uint32_t i) {
    const Item item = items_[i];
    while (i > 0) {
      const std::uint32_t parent = (i - 1) / 2;
      if (!(item.key < items_[parent].key)) break;
      items_[i] = items_[parent];
      pos_[items_[i].v] = i;
      i = parent;
    }
    items_[i] = item;
    pos_[item.v] = i;
  }
  void down(std::uint32_t i) {
    const Item item = items_[i];
    const auto size = static_cast<std::uint32_t>(items_.size());
    for (;;) {
      std::uint32_t child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && items_[child + 1].key < items_[child].key) ++child;
      if (!(items_[child].key < item.key)) break;
      items_[i] = items_[child];
      pos_[items_[i].v] = i;
      i = child;
    }
    items_[i] = item;
    pos_[item.v] = i;
  }
  std::vector<Item> items_;
  std::vector<std::uint32_t> pos_;
};

// One thread's scratch for Brandes' algorithm by Dijkstra. dist holds distance + 1 (0 =
// not reached), as igraph does: the rounding of the sums and the tie test then match
// igraph's. Predecessor lists live in one array, vertex w owning in-degree(w) slots from
// pred_offset[w] (each arc into w adds at most one entry per source).
struct DijkstraScratch {
  std::vector<double> dist, sigma, delta;
  std::vector<std::uint32_t> pred_offset, pred_count;
  std::vector<Vertex> preds, order;
  VertexHeap heap;

  DijkstraScratch(const Adjacency& g, const std::vector<std::uint32_t>& in_offsets)
      : dist(g.n, 0.0),
        sigma(g.n, 0.0),
        delta(g.n, 0.0),
        pred_offset(in_offsets),
        pred_count(g.n, 0),
        preds(g.targets.size()),
        heap(g.n) {
    order.reserve(g.n);
  }
};

std::vector<std::uint32_t> in_offsets_of(const Adjacency& g) {
  std::vector<std::uint32_t> off(g.n + 1, 0);
  for (const Vertex w : g.targets)
    ++off[w + 1];
  for (std::uint32_t v = 0; v < g.n; ++v)
    off[v + 1] += off[v];
  return off;
}

void brandes_dijkstra(const Adjacency& g, Vertex s, DijkstraScratch& sc, std::vector<double>& bc) {
  double* dist = sc.dist.data();
  double* sigma = sc.sigma.data();
  double* delta = sc.delta.data();
  const std::uint32_t* pred_offset = sc.pred_offset.data();
  std::uint32_t* pred_count = sc.pred_count.data();
  Vertex* preds = sc.preds.data();
  auto add_pred = [&](Vertex w, Vertex u) { preds[pred_offset[w] + pred_count[w]++] = u; };

  sc.order.clear();
  dist[s] = 1.0;
  sigma[s] = 1.0;
  sc.heap.push(s, 1.0);
  while (!sc.heap.empty()) {
    const Vertex u = sc.heap.pop();
    const double du = dist[u];
    sc.order.push_back(u);
    for (std::uint32_t a = g.offsets[u], e = g.offsets[u + 1]; a < e; ++a) {
      const Vertex w = g.targets[a];
      const double alt = du + g.lengths[a];
      const double cur = dist[w];
      if (cur == 0) {  // first path found
        dist[w] = alt;
        sigma[w] = sigma[u];
        pred_count[w] = 0;
        add_pred(w, u);
        sc.heap.push(w, alt);
        continue;
      }
      const int cmp = compare_lengths(alt, cur);
      if (cmp < 0) {  // shorter
        dist[w] = alt;
        sigma[w] = sigma[u];
        pred_count[w] = 0;
        add_pred(w, u);
        sc.heap.decrease(w, alt);
      } else if (cmp == 0) {  // as short (within the tolerance)
        sigma[w] += sigma[u];
        add_pred(w, u);
      }
    }
  }
  // Backward in settling order, as igraph does (which also fixes what happens in the
  // degenerate case of a tie found after a vertex was settled).
  for (std::size_t i = sc.order.size(); i-- > 0;) {
    const Vertex w = sc.order[i];
    const double c = (1.0 + delta[w]) / sigma[w];
    for (std::uint32_t p = pred_offset[w], e = p + pred_count[w]; p < e; ++p)
      delta[preds[p]] += sigma[preds[p]] * c;
    if (w != s) bc[w] += delta[w];
  }
  for (const Vertex w : sc.order) {
    dist[w] = 0.0;
    delta[w] = 0.0;
    pred_count[w] = 0;
  }
}

// --- closeness and harmonic, hop counts ---------------------------------------------------------

// Per-source counters of vertices reached at the current level, for 64 sources: byte lanes,
// lane group k holding sources 8k..8k+7 in its 8 bytes, emptied into 32-bit counts before a
// byte can overflow.
class LaneCounter {
 public:
  LaneCounter() {
    for (unsigned b = 0; b < 256; ++b) {
      std::uint64_t spread = 0;
      for (unsigned i = 0; i < 8; ++i)
        if ((b >> i) & 1u) spread |= std::uint64_t{1} << (8 * i);
      spread_[b] = spread;
    }
  }
  void add(std::uint64_t bits) {
    for (unsigned k = 0; k < 8; ++k)
      lanes_[k] += spread_[(bits >> (8 * k)) & 0xffu];
    if (++adds_ == 255) flush();
  }
  // Moves the lanes into counts() and zeroes them.
  void flush() {
    for (unsigned k = 0; k < 8; ++k) {
      for (unsigned i = 0; i < 8; ++i)
        counts_[8 * k + i] += static_cast<std::uint32_t>((lanes_[k] >> (8 * i)) & 0xffu);
      lanes_[k] = 0;
    }
    adds_ = 0;
  }
  std::array<std::uint32_t, 64>& counts() { return counts_; }

 private:
  std::array<std::uint64_t, 256> spread_{};
  std::array<std::uint64_t, 8> lanes_{};
  std::array<std::uint32_t, 64> counts_{};
  unsigned adds_ = 0;
};

// One thread's scratch for the bit-parallel BFS; bit j stands for source j of the batch.
struct MultiBfsScratch {
  struct Cell {
    std::uint64_t seen;  // sources that have reached this vertex
    std::uint64_t next;  // sources reaching it at the level being built
  };
  std::vector<Cell> cells;
  std::vector<std::uint64_t> frontier_bits;  // sources for which it is in the frontier
  std::vector<Vertex> frontier, next_frontier, touched;
  LaneCounter counter;

  explicit MultiBfsScratch(std::uint32_t n) : cells(n, Cell{0, 0}), frontier_bits(n, 0) {}
};

void closeness_batch(const Adjacency& g, Vertex first, Vertex last, MultiBfsScratch& sc,
                     ClosenessHarmonic& out) {
  const std::uint32_t* off = g.offsets.data();
  const Vertex* tgt = g.targets.data();
  auto* cells = sc.cells.data();
  std::uint64_t* bits = sc.frontier_bits.data();
  const std::uint32_t k = last - first;

  std::array<double, 64> distance_sum{}, inverse_sum{};
  std::array<std::uint32_t, 64> reached{};
  sc.frontier.clear();
  sc.touched.clear();
  for (std::uint32_t j = 0; j < k; ++j) {
    const Vertex s = first + j;
    cells[s].seen = std::uint64_t{1} << j;
    bits[s] = std::uint64_t{1} << j;
    sc.frontier.push_back(s);
    sc.touched.push_back(s);
  }
  for (std::uint32_t level = 1; !sc.frontier.empty(); ++level) {
    sc.next_frontier.clear();
    for (const Vertex v : sc.frontier) {
      const std::uint64_t b = bits[v];
      for (std::uint32_t a = off[v], e = off[v + 1]; a < e; ++a) {
        auto& c = cells[tgt[a]];
        const std::uint64_t fresh = b & ~c.seen;
        if (fresh != 0) {
          if (c.next == 0) sc.next_frontier.push_back(tgt[a]);
          c.next |= fresh;
        }
      }
    }
    for (const Vertex v : sc.frontier)
      bits[v] = 0;
    auto& counts = sc.counter.counts();
    counts.fill(0);
    for (const Vertex w : sc.next_frontier) {
      auto& c = cells[w];
      const std::uint64_t fresh = c.next;
      if (c.seen == 0) sc.touched.push_back(w);
      c.seen |= fresh;
      c.next = 0;
      bits[w] = fresh;
      sc.counter.add(fresh);
    }
    sc.counter.flush();
    const double d = level;
    for (std::uint32_t j = 0; j < k; ++j) {
      if (counts[j] == 0) continue;
      reached[j] += counts[j];
      distance_sum[j] += d * counts[j];
      inverse_sum[j] += counts[j] / d;
    }
    std::swap(sc.frontier, sc.next_frontier);
  }
  for (const Vertex v : sc.touched)
    cells[v].seen = 0;

  const double others = g.n > 1 ? static_cast<double>(g.n - 1) : 1.0;
  for (std::uint32_t j = 0; j < k; ++j) {
    const Vertex v = g.to_view(first + j);
    out.reached[v] = reached[j];
    out.closeness[v] = reached[j] > 0 ? reached[j] / distance_sum[j] : 0.0;
    out.harmonic[v] = inverse_sum[j] / others;
  }
}

// --- closeness and harmonic, with lengths -------------------------------------------------------

struct DistanceScratch {
  std::vector<double> dist;  // distance + 1, 0 = not reached (as igraph)
  std::vector<Vertex> settled;
  VertexHeap heap;
  explicit DistanceScratch(std::uint32_t n) : dist(n, 0.0), heap(n) { settled.reserve(n); }
};

void closeness_dijkstra(const Adjacency& g, Vertex s, DistanceScratch& sc, ClosenessHarmonic& out) {
  double* dist = sc.dist.data();
  sc.settled.clear();
  dist[s] = 1.0;
  sc.heap.push(s, 1.0);
  double distance_sum = 0.0, inverse_sum = 0.0;
  while (!sc.heap.empty()) {
    const Vertex u = sc.heap.pop();
    const double du = dist[u];
    sc.settled.push_back(u);
    if (u != s) {
      distance_sum += du - 1.0;
      inverse_sum += 1.0 / (du - 1.0);
    }
    for (std::uint32_t a = g.offsets[u], e = g.offsets[u + 1]; a < e; ++a) {
      const Vertex w = g.targets[a];
      const double alt = du + g.lengths[a];
      const double cur = dist[w];
      if (cur == 0) {
        dist[w] = alt;
        sc.heap.push(w, alt);
      } else if (compare_lengths(alt, cur) < 0) {
        dist[w] = alt;
        sc.heap.decrease(w, alt);
      }
    }
  }
  for (const Vertex w : sc.settled)
    dist[w] = 0.0;
  const auto reached = static_cast<std::uint32_t>(sc.settled.size() - 1);
  const Vertex v = g.to_view(s);
  out.reached[v] = reached;
  out.closeness[v] = reached > 0 ? reached / distance_sum : 0.0;
  out.harmonic[v] = g.n > 1 ? inverse_sum / static_cast<double>(g.n - 1) : 0.0;
}

}  // namespace

std::vector<double> exact_betweenness(const View& view, const ShortestPathOptions& options) {
  const Adjacency g = build_adjacency(view, options.lengths);
  std::vector<double> result(g.n, 0.0);
  if (g.n == 0) return result;
  constexpr std::size_t kBlock = 16;
  const unsigned threads = detail::thread_count(options.threads, (g.n + kBlock - 1) / kBlock);
  std::vector<std::vector<double>> partial(threads);
  const bool weighted = !options.lengths.empty();
  const auto in_offsets = weighted ? in_offsets_of(g) : std::vector<std::uint32_t>{};
  // Each worker keeps its scratch across its blocks.
  std::vector<std::unique_ptr<BfsScratch>> bfs(threads);
  std::vector<std::unique_ptr<DijkstraScratch>> dijkstra(threads);
  detail::run_blocks(g.n, kBlock, threads, [&](unsigned t, std::size_t first, std::size_t last) {
    auto& bc = partial[t];
    if (bc.empty()) bc.assign(g.n, 0.0);
    if (weighted) {
      if (!dijkstra[t]) dijkstra[t] = std::make_unique<DijkstraScratch>(g, in_offsets);
      for (std::size_t s = first; s < last; ++s)
        brandes_dijkstra(g, static_cast<Vertex>(s), *dijkstra[t], bc);
    } else {
      if (!bfs[t]) bfs[t] = std::make_unique<BfsScratch>(g.n);
      for (std::size_t s = first; s < last; ++s)
        brandes_bfs(g, static_cast<Vertex>(s), *bfs[t], bc);
    }
  });
  for (const auto& bc : partial)
    if (!bc.empty())
      for (Vertex v = 0; v < g.n; ++v)
        result[g.to_view(v)] += bc[v];
  if (!view.directed())
    for (double& x : result)
      x *= 0.5;
  return result;
}

ClosenessHarmonic closeness_harmonic(const View& view, const ShortestPathOptions& options) {
  const Adjacency g = build_adjacency(view, options.lengths);
  ClosenessHarmonic out;
  out.closeness.assign(g.n, 0.0);
  out.harmonic.assign(g.n, 0.0);
  out.reached.assign(g.n, 0);
  if (g.n == 0) return out;
  const bool weighted = !options.lengths.empty();
  // Without lengths a block is one batch of 64 sources; with lengths, 16 single searches.
  const std::size_t block = weighted ? 16 : 64;
  const unsigned threads = detail::thread_count(options.threads, (g.n + block - 1) / block);
  std::vector<std::unique_ptr<MultiBfsScratch>> bfs(threads);
  std::vector<std::unique_ptr<DistanceScratch>> dijkstra(threads);
  detail::run_blocks(g.n, block, threads, [&](unsigned t, std::size_t first, std::size_t last) {
    if (weighted) {
      if (!dijkstra[t]) dijkstra[t] = std::make_unique<DistanceScratch>(g.n);
      for (std::size_t s = first; s < last; ++s)
        closeness_dijkstra(g, static_cast<Vertex>(s), *dijkstra[t], out);
    } else {
      if (!bfs[t]) bfs[t] = std::make_unique<MultiBfsScratch>(g.n);
      closeness_batch(g, static_cast<Vertex>(first), static_cast<Vertex>(last), *bfs[t], out);
    }
  });
  return out;
}

}  // namespace actornet::analyses
