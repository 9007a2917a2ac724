#include "analyses/attack.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <utility>

#include <fmt/format.h>

#include "analyses/resilience.hpp"
#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"

namespace actornet::analyses {

namespace ig = graph::ig;
using graph::Vertex;

namespace {

void validate(const graph::View& view, const std::vector<bool>& a, const std::vector<bool>& b,
              const AttackOptions& options) {
  check_sides(view, a, b, options.directed);
  const auto n = view.vertex_count();
  if (options.runs == 0) throw InputError("an attack needs at least one run");
  if (!options.tie_rank.empty() && options.tie_rank.size() != n)
    throw InputError(fmt::format("tie_rank must have one entry per view vertex ({}), not {}", n,
                                 options.tie_rank.size()));
  if (options.order == AttackOrder::Given) {
    std::vector<bool> seen(n, false);
    for (auto v : options.given) {
      if (v >= n)
        throw InputError(fmt::format(
            "the attack list names view vertex {}, but the view has {} vertices", v, n));
      if (seen[v]) throw InputError(fmt::format("the attack list names view vertex {} twice", v));
      seen[v] = true;
    }
  }
}

// Calls f(w) for every neighbour w != v of v along a channel in either direction (so weakly,
// when the view is directed), once per View edge.
template <typename F>
void for_each_neighbour(const graph::View& view, Vertex v, F&& f) {
  for (const auto& arc : view.out(v))
    if (arc.neighbour != v) f(arc.neighbour);
  if (view.directed())
    for (const auto& arc : view.in(v))
      if (arc.neighbour != v) f(arc.neighbour);
}

// --------------------------------------------------------------------------- random orders

// A uniform draw from [0, n), n >= 1. std::uniform_int_distribution would do this, but its
// algorithm is left to the standard library (libstdc++ and libc++ turn the same engine output
// into different numbers), so a seed would not give the same order everywhere. Rejection of
// the top 2^64 mod n engine values keeps the draw exactly uniform.
std::uint64_t draw_below(std::mt19937_64& engine, std::uint64_t n) {
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t skip = (kMax % n + 1) % n;  // 2^64 mod n
  for (;;) {
    const std::uint64_t x = engine();
    if (x <= kMax - skip) return x % n;
  }
}

// Fisher-Yates (Durstenfeld's form) over 0..n-1.
std::vector<Vertex> random_order(Vertex n, std::mt19937_64& engine) {
  std::vector<Vertex> order(n);
  std::iota(order.begin(), order.end(), Vertex{0});
  for (Vertex i = n; i > 1; --i)
    std::swap(order[i - 1], order[draw_below(engine, i)]);
  return order;
}

// --------------------------------------------------------------------------- ranked orders

struct Ranking {
  const std::vector<std::uint32_t>& tie_rank;
  std::uint32_t rank(Vertex v) const { return tie_rank.empty() ? v : tie_rank[v]; }
  // The vertices sorted by key descending, ties by rank.
  template <typename Key>
  std::vector<Vertex> sorted(Vertex n, const std::vector<Key>& key) const {
    std::vector<Vertex> order(n);
    std::iota(order.begin(), order.end(), Vertex{0});
    std::sort(order.begin(), order.end(), [&](Vertex x, Vertex y) {
      if (key[x] != key[y]) return key[x] > key[y];
      return rank(x) < rank(y);
    });
    return order;
  }
};

std::vector<std::uint32_t> channel_degrees(const graph::View& view) {
  std::vector<std::uint32_t> degree(view.vertex_count(), 0);
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    if (view.from(e) != view.to(e)) {
      ++degree[view.from(e)];
      ++degree[view.to(e)];
    }
  return degree;
}

std::vector<Vertex> degree_order(const graph::View& view, const Ranking& ranking, bool recomputed) {
  auto degree = channel_degrees(view);
  const Vertex n = view.vertex_count();
  if (!recomputed) return ranking.sorted(n, degree);

  // Lazy max-heap: an entry is stale once its vertex is gone or its degree has dropped.
  struct Entry {
    std::uint32_t degree;
    std::uint32_t rank;
    Vertex v;
    bool operator<(const Entry& o) const {
      if (degree != o.degree) return degree < o.degree;
      return rank > o.rank;
    }
  };
  std::priority_queue<Entry> heap;
  for (Vertex v = 0; v < n; ++v)
    heap.push({degree[v], ranking.rank(v), v});
  std::vector<bool> removed(n, false);
  std::vector<Vertex> order;
  order.reserve(n);
  while (!heap.empty()) {
    const Entry top = heap.top();
    heap.pop();
    if (removed[top.v] || top.degree != degree[top.v]) continue;
    removed[top.v] = true;
    order.push_back(top.v);
    for_each_neighbour(view, top.v, [&](Vertex w) {
      if (removed[w]) return;
      --degree[w];
      heap.push({degree[w], ranking.rank(w), w});
    });
  }
  return order;
}

// Cross betweenness of every vertex of `g` from the present vertices of A to those of B,
// rounded to 1e-6 so that floating-point noise does not break ties.
std::vector<double> cross_scores(ig::Graph& g, const std::vector<bool>& a,
                                 const std::vector<bool>& b, const std::vector<bool>& removed,
                                 bool oriented) {
  const auto n = static_cast<Vertex>(a.size());
  ig::IntVector sources, targets;
  for (Vertex v = 0; v < n; ++v) {
    if (removed[v]) continue;
    if (a[v]) ig::check(igraph_vector_int_push_back(sources.get(), v));
    if (b[v]) ig::check(igraph_vector_int_push_back(targets.get(), v));
  }
  if (igraph_vector_int_size(sources.get()) == 0 || igraph_vector_int_size(targets.get()) == 0)
    return std::vector<double>(n, 0.0);
  ig::Vector res;
  ig::check(igraph_betweenness_subset(g.get(), res.get(), igraph_vss_all(), oriented,
                                      igraph_vss_vector(sources.get()),
                                      igraph_vss_vector(targets.get()), nullptr));
  auto scores = res.to_std();
  for (double& x : scores)
    x = std::round(x * 1e6) + 0.0;  // + 0.0: no -0
  return scores;
}

std::vector<Vertex> cross_betweenness_order(const graph::View& view, const std::vector<bool>& a,
                                            const std::vector<bool>& b, const Ranking& ranking,
                                            bool oriented, bool recomputed) {
  const Vertex n = view.vertex_count();
  ig::Graph g(view);
  std::vector<bool> removed(n, false);
  if (!recomputed) return ranking.sorted(n, cross_scores(g, a, b, removed, oriented));

  std::vector<Vertex> order;
  order.reserve(n);
  while (order.size() < n) {
    const auto scores = cross_scores(g, a, b, removed, oriented);
    Vertex best = graph::kNoVertex;
    for (Vertex v = 0; v < n; ++v) {
      if (removed[v]) continue;
      if (best == graph::kNoVertex || scores[v] > scores[best] ||
          (scores[v] == scores[best] && ranking.rank(v) < ranking.rank(best)))
        best = v;
    }
    // No vertex lies between a remaining pair: removing vertices only lengthens or cuts
    // paths, so none ever will again, and the rest follow the ranking alone.
    if (scores[best] == 0.0) {
      std::vector<Vertex> rest;
      for (Vertex v = 0; v < n; ++v)
        if (!removed[v]) rest.push_back(v);
      std::sort(rest.begin(), rest.end(),
                [&](Vertex x, Vertex y) { return ranking.rank(x) < ranking.rank(y); });
      order.insert(order.end(), rest.begin(), rest.end());
      break;
    }
    removed[best] = true;
    order.push_back(best);
    igraph_es_t incident;
    ig::check(igraph_es_incident(&incident, best, IGRAPH_ALL));
    const auto rc = igraph_delete_edges(g.get(), incident);
    igraph_es_destroy(&incident);
    ig::check(rc);
  }
  return order;
}

// --------------------------------------------------------------------------- reachability

// Union-find over the vertices, each component knowing its size and its A and B counts, and
// the running number of joined A-B pairs (sum of |A_c| |B_c|) and largest component size.
class SideUnionFind {
 public:
  SideUnionFind(const std::vector<bool>& a, const std::vector<bool>& b)
      : parent_(a.size()), size_(a.size(), 1), in_a_(a.size()), in_b_(a.size()) {
    std::iota(parent_.begin(), parent_.end(), Vertex{0});
    for (std::size_t v = 0; v < a.size(); ++v) {
      in_a_[v] = a[v] ? 1 : 0;
      in_b_[v] = b[v] ? 1 : 0;
    }
  }

  // A vertex joins the graph on its own (its component is a single vertex).
  void add(Vertex) { largest_ = std::max<std::uint64_t>(largest_, 1); }

  void unite(Vertex x, Vertex y) {
    x = find(x);
    y = find(y);
    if (x == y) return;
    if (size_[x] < size_[y]) std::swap(x, y);
    joined_ -= in_a_[x] * in_b_[x] + in_a_[y] * in_b_[y];
    parent_[y] = x;
    size_[x] += size_[y];
    in_a_[x] += in_a_[y];
    in_b_[x] += in_b_[y];
    joined_ += in_a_[x] * in_b_[x];
    largest_ = std::max(largest_, size_[x]);
  }

  std::uint64_t joined() const { return joined_; }
  std::uint64_t largest() const { return largest_; }

 private:
  Vertex find(Vertex v) {
    while (parent_[v] != v) {
      parent_[v] = parent_[parent_[v]];  // path halving
      v = parent_[v];
    }
    return v;
  }

  std::vector<Vertex> parent_;
  std::vector<std::uint64_t> size_, in_a_, in_b_;
  std::uint64_t joined_ = 0;
  std::uint64_t largest_ = 0;
};

// joined[q] and largest[q] after q removals, q = 0..order.size(), by reverse union-find.
void reachability_curve(const graph::View& view, const std::vector<bool>& a,
                        const std::vector<bool>& b, const std::vector<Vertex>& order,
                        std::vector<std::uint64_t>& joined, std::vector<std::uint64_t>& largest) {
  const Vertex n = view.vertex_count();
  const std::size_t steps = order.size();
  joined.assign(steps + 1, 0);
  largest.assign(steps + 1, 0);
  std::vector<bool> present(n, true);
  for (auto v : order)
    present[v] = false;
  SideUnionFind uf(a, b);
  for (Vertex v = 0; v < n; ++v)
    if (present[v]) uf.add(v);
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    if (present[view.from(e)] && present[view.to(e)]) uf.unite(view.from(e), view.to(e));
  joined[steps] = uf.joined();
  largest[steps] = uf.largest();
  for (std::size_t q = steps; q-- > 0;) {
    const Vertex v = order[q];
    present[v] = true;
    uf.add(v);
    for_each_neighbour(view, v, [&](Vertex w) {
      if (present[w]) uf.unite(v, w);
    });
    joined[q] = uf.joined();
    largest[q] = uf.largest();
  }
}

// Directed channels: joined[q] by one BFS along arcs from each remaining vertex of A.
void directed_reachability(const graph::View& view, const std::vector<bool>& a,
                           const std::vector<bool>& b, const std::vector<Vertex>& order,
                           std::vector<std::uint64_t>& joined) {
  const Vertex n = view.vertex_count();
  std::vector<bool> removed(n, false);
  std::vector<std::uint32_t> seen(n, 0);
  std::uint32_t epoch = 0;
  std::vector<Vertex> queue;
  queue.reserve(n);
  for (std::size_t q = 0; q <= order.size(); ++q) {
    if (q > 0) removed[order[q - 1]] = true;
    std::uint64_t count = 0;
    for (Vertex s = 0; s < n; ++s) {
      if (!a[s] || removed[s]) continue;
      ++epoch;
      queue.assign(1, s);
      seen[s] = epoch;
      for (std::size_t head = 0; head < queue.size(); ++head) {
        const Vertex u = queue[head];
        if (b[u]) ++count;
        for (const auto& arc : view.out(u))
          if (!removed[arc.neighbour] && seen[arc.neighbour] != epoch) {
            seen[arc.neighbour] = epoch;
            queue.push_back(arc.neighbour);
          }
      }
    }
    joined[q] = count;
  }
}

// --------------------------------------------------------------------------- channel flow

// The unit-capacity vertex-split network of resilience() (in(v) = 2v, out(v) = 2v + 1, arc
// in(v) -> out(v) of capacity 1, channels out(u) -> in(v), S = 2n -> in(a), out(b) -> T =
// 2n + 1), with residual capacities, over the vertices present so far. Channel and side arcs
// carry capacity 1 too: each vertex passes one unit at most, so more could never be used.
//
// The curve is computed backwards, as for reachability: start from the graph left after the
// last removal and add the vertices back. Adding a vertex never lowers the maximum flow, so
// the flow only grows: at most k augmentations in all (k = disjoint_channels of the intact
// graph). Between augmentations the set R of nodes reachable from S in the residual graph
// only grows as arcs appear, so it is kept up to date by searching from the added vertex
// alone; T in R means an augmenting path, which is pushed, and R is then rebuilt from
// scratch. Total O((k + 1) (|V| + |E|)) per curve.
//
// Written here rather than taken from a library: Boost's and igraph's max-flow compute one
// flow from scratch and hand back no residual graph to update, and a flow per step would cost
// O(N) max-flows.
class ChannelNetwork {
 public:
  ChannelNetwork(const graph::View& view, const std::vector<bool>& a, const std::vector<bool>& b,
                 bool oriented)
      : n_(view.vertex_count()) {
    const std::size_t nodes = 2 * std::size_t{n_} + 2;
    const std::uint32_t source = 2 * n_, sink = 2 * n_ + 1;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;  // original arcs (tail, head)
    arcs.reserve(n_ + 2 * std::size_t{view.edge_count()} + n_);
    for (Vertex v = 0; v < n_; ++v)
      arcs.emplace_back(2 * v, 2 * v + 1);
    for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
      const Vertex u = view.from(e), w = view.to(e);
      if (u == w) continue;
      arcs.emplace_back(2 * u + 1, 2 * w);
      if (!oriented) arcs.emplace_back(2 * w + 1, 2 * u);
    }
    for (Vertex v = 0; v < n_; ++v) {
      if (a[v]) arcs.emplace_back(source, 2 * v);
      if (b[v]) arcs.emplace_back(2 * v + 1, sink);
    }
    // CSR over nodes, each original arc beside its reverse at the head.
    offset_.assign(nodes + 1, 0);
    for (const auto& [t, h] : arcs) {
      ++offset_[t + 1];
      ++offset_[h + 1];
    }
    for (std::size_t i = 0; i < nodes; ++i)
      offset_[i + 1] += offset_[i];
    const std::size_t total = offset_[nodes];
    head_.resize(total);
    rev_.resize(total);
    forward_.resize(total);
    std::vector<std::uint32_t> next(offset_.begin(), offset_.end() - 1);
    for (const auto& [t, h] : arcs) {
      const std::uint32_t f = next[t]++, r = next[h]++;
      head_[f] = h;
      head_[r] = t;
      rev_[f] = r;
      rev_[r] = f;
      forward_[f] = 1;
      forward_[r] = 0;
    }
  }

  // channels[q] = the maximum flow after the first q vertices of `order` are removed, for
  // q = 0..order.size().
  std::vector<std::int64_t> curve(const std::vector<Vertex>& order) {
    cap_ = forward_;  // no flow: every original arc has its unit left
    present_.assign(n_, true);
    for (auto v : order)
      present_[v] = false;
    stamp_.assign(offset_.size() - 1, 0);
    parent_.assign(offset_.size() - 1, 0);
    epoch_ = 0;
    value_ = 0;
    settle();
    std::vector<std::int64_t> channels(order.size() + 1, 0);
    channels[order.size()] = value_;
    for (std::size_t q = order.size(); q-- > 0;) {
      add(order[q]);
      channels[q] = value_;
    }
    return channels;
  }

 private:
  std::uint32_t source() const { return 2 * n_; }
  std::uint32_t sink() const { return 2 * n_ + 1; }
  bool usable(std::uint32_t node) const { return node >= source() || present_[node / 2]; }
  bool reached(std::uint32_t node) const { return stamp_[node] == epoch_; }

  // Searches breadth-first from the nodes in queue_[from..], extending R; true when it
  // reaches T (then parent_ holds a shortest augmenting path within the search).
  bool extend(std::size_t from) {
    for (std::size_t at = from; at < queue_.size(); ++at) {
      const std::uint32_t node = queue_[at];
      for (std::uint32_t arc = offset_[node]; arc < offset_[node + 1]; ++arc) {
        const std::uint32_t to = head_[arc];
        if (cap_[arc] == 0 || reached(to) || !usable(to)) continue;
        stamp_[to] = epoch_;
        parent_[to] = arc;
        if (to == sink()) return true;
        queue_.push_back(to);
      }
    }
    return false;
  }

  // Rebuilds R from S, pushing augmenting paths until none is left.
  void settle() {
    for (;;) {
      if (++epoch_ == 0) {
        std::fill(stamp_.begin(), stamp_.end(), 0);
        epoch_ = 1;
      }
      queue_.assign(1, source());
      stamp_[source()] = epoch_;
      if (!extend(0)) return;
      for (std::uint32_t at = sink(); at != source();) {
        const std::uint32_t arc = parent_[at];
        cap_[arc] = 0;
        cap_[rev_[arc]] = 1;
        at = head_[rev_[arc]];
      }
      ++value_;
    }
  }

  // Puts vertex v back. Its new arcs all touch in(v) or out(v), and out(v) is entered only
  // from in(v), so R grows only if some arc into in(v) starts in R.
  void add(Vertex v) {
    present_[v] = true;
    const std::uint32_t in = 2 * v;
    for (std::uint32_t arc = offset_[in]; arc < offset_[in + 1]; ++arc) {
      if (forward_[arc]) continue;  // the vertex arc in(v) -> out(v)
      const std::uint32_t tail = head_[arc], into = rev_[arc];
      if (!usable(tail) || !reached(tail) || cap_[into] == 0) continue;
      stamp_[in] = epoch_;
      parent_[in] = into;
      queue_.assign(1, in);
      if (extend(0)) settle();  // an augmenting path: push it, and any others, afresh
      return;
    }
  }

  Vertex n_;
  std::vector<std::uint32_t> offset_, head_, rev_;
  std::vector<std::uint8_t> forward_, cap_;
  std::vector<bool> present_;
  std::vector<std::uint32_t> stamp_;   ///< node is in R when its stamp is the current epoch
  std::vector<std::uint32_t> parent_;  ///< the arc that brought each node into R
  std::uint32_t epoch_ = 0;
  std::int64_t value_ = 0;
  std::vector<std::uint32_t> queue_;
};

// Adds one curve for `order` to the sums in `points` (points[q] after q removals).
void add_curve(const graph::View& view, const std::vector<bool>& a, const std::vector<bool>& b,
               bool oriented, ChannelNetwork& network, const std::vector<Vertex>& order,
               double pairs, std::vector<AttackPoint>& points) {
  std::vector<std::uint64_t> joined, largest;
  reachability_curve(view, a, b, order, joined, largest);
  if (oriented) directed_reachability(view, a, b, order, joined);
  const auto channels = network.curve(order);
  for (std::size_t q = 0; q <= order.size(); ++q) {
    points[q].pairs_connected += static_cast<double>(joined[q]) / pairs;
    points[q].disjoint_channels += static_cast<double>(channels[q]);
    points[q].largest_component += static_cast<double>(largest[q]);
  }
}

}  // namespace

AttackResult attack(const graph::View& view, const std::vector<bool>& side_a,
                    const std::vector<bool>& side_b, const AttackOptions& options) {
  validate(view, side_a, side_b, options);
  const Vertex n = view.vertex_count();
  const bool oriented = options.directed && view.directed();
  AttackResult result;
  if (options.directed && !view.directed())
    result.notes.push_back(
        "directed channels were asked, but the view is undirected: every channel runs both "
        "ways");

  const auto size_a = static_cast<double>(std::count(side_a.begin(), side_a.end(), true));
  const auto size_b = static_cast<double>(std::count(side_b.begin(), side_b.end(), true));
  const double pairs = size_a * size_b;
  const Ranking ranking{options.tie_rank};
  ChannelNetwork network(view, side_a, side_b, oriented);

  std::vector<Vertex> order;
  switch (options.order) {
    case AttackOrder::Random:
      break;
    case AttackOrder::Degree:
      order = degree_order(view, ranking, options.recomputed);
      break;
    case AttackOrder::CrossBetweenness:
      order = cross_betweenness_order(view, side_a, side_b, ranking, oriented, options.recomputed);
      break;
    case AttackOrder::Given:
      order = options.given;
      break;
  }

  const std::size_t steps = options.order == AttackOrder::Random ? n : order.size();
  result.points.assign(steps + 1, AttackPoint{});
  if (options.order == AttackOrder::Random) {
    std::mt19937_64 engine(options.seed);
    for (std::uint32_t run = 0; run < options.runs; ++run) {
      order = random_order(n, engine);
      add_curve(view, side_a, side_b, oriented, network, order, pairs, result.points);
    }
    const double runs = options.runs;
    for (auto& p : result.points) {
      p.pairs_connected /= runs;
      p.disjoint_channels /= runs;
      p.largest_component /= runs;
    }
  } else {
    add_curve(view, side_a, side_b, oriented, network, order, pairs, result.points);
  }
  const bool show_removed = options.order != AttackOrder::Random || options.runs == 1;
  double total = 0.0;
  for (std::size_t q = 0; q <= steps; ++q) {
    result.points[q].step = static_cast<std::uint32_t>(q);
    if (q > 0 && show_removed) result.points[q].removed = order[q - 1];
    if (q > 0) total += result.points[q].pairs_connected;
  }
  result.r_index =
      steps == 0 ? std::numeric_limits<double>::quiet_NaN() : total / static_cast<double>(steps);
  return result;
}

}  // namespace actornet::analyses
