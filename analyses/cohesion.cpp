#include "analyses/cohesion.hpp"

#include <algorithm>
#include <numeric>
#include <span>
#include <utility>

#include "graph/igraph_adapter.hpp"

// Components, articulation points, bridges and coreness are written here over the View's CSR
// rather than taken from igraph. igraph's functions are linear too, but they need an igraph_t
// built from the View first, and articulation points, bridges and coreness need a simplified
// undirected copy (igraph_to_undirected + igraph_simplify, which sorts every edge): building
// those cost several times more than the algorithms themselves. The multigraph bridge rule
// also needs the View's origins, which igraph does not see. So each algorithm below walks
// View::out / View::in directly, iteratively (Views can have millions of vertices), in
// O(|V| + |E|). Cohesive blocks still come from igraph_cohesive_blocks.
// tests/analyses/test_cohesion.cpp compares every part with igraph's own functions.

namespace actornet::analyses {
namespace {

namespace ig = graph::ig;
using graph::EdgeIndex;
using graph::kNoVertex;
using graph::Vertex;
using graph::View;
using graph::ViewEdge;

using IntList = ig::OwnedVector<igraph_vector_int_list_t, igraph_vector_int_list_init,
                                igraph_vector_int_list_destroy, igraph_vector_int_list_size>;

constexpr ViewEdge kNoEdge = static_cast<ViewEdge>(-1);

// Component labels 0..count-1 -> 1..count by size, largest first, ties by smallest vertex.
void number_components(std::vector<std::uint32_t>& label, std::uint32_t count,
                       std::vector<std::uint32_t>& sizes) {
  std::vector<std::uint32_t> size(count, 0);
  std::vector<Vertex> first(count, kNoVertex);
  for (Vertex v = 0; v < label.size(); ++v) {
    ++size[label[v]];
    if (first[label[v]] == kNoVertex) first[label[v]] = v;
  }
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<std::uint32_t> number(count);
  sizes.resize(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    number[order[i]] = i + 1;
    sizes[i] = size[order[i]];
  }
  for (auto& l : label)
    l = number[l];
}

// The View's edges read both ways: the arcs of v are out(v), then in(v) when directed.
struct Undirected {
  const View& view;
  std::uint32_t degree(Vertex v) const {
    const auto out = view.out(v).size();
    return static_cast<std::uint32_t>(view.directed() ? out + view.in(v).size() : out);
  }
  View::Arc arc(Vertex v, std::uint32_t i) const {
    const auto out = view.out(v);
    return i < out.size() ? out[i] : view.in(v)[i - out.size()];
  }
  template <typename F>
  void for_each(Vertex v, F&& f) const {
    for (const auto& a : view.out(v))
      f(a);
    if (view.directed())
      for (const auto& a : view.in(v))
        f(a);
  }
};

// True when view edge `e` stands for two or more distinct graph edges.
bool several_origins(const View& view, ViewEdge e) {
  const auto o = view.origins(e);
  for (auto x : o)
    if (x != o.front()) return true;
  return false;
}

// True when every graph edge behind view edge `e` is `origin`.
bool only_origin(const View& view, ViewEdge e, EdgeIndex origin) {
  for (auto x : view.origins(e))
    if (x != origin) return false;
  return true;
}

// One iterative Hopcroft-Tarjan depth-first search of the undirected reading: weak components
// (labels in order of their smallest vertex), articulation points and bridges.
//
// low[w] is the smallest discovery time reachable from w's subtree by one edge other than the
// graph edge w was reached by. A tree edge v-w is a bridge when low[w] > disc[v]. Parallel
// edges: the tree arc is skipped by its view edge id; any other arc back to the parent counts
// as a back edge when it stands for a different graph edge (a second graph edge tying the
// pair), and one that stands for the same graph edge (the other arc of an undirected edge in a
// directed View) is skipped. A tree edge standing for two or more graph edges (merged
// parallel edges) counts as its own back edge. Either way the pair cannot be a bridge, and
// low[w] = disc[v] at most from this, which leaves the articulation test low[w] >= disc[v]
// unchanged. Self-loops are skipped.
void depth_first(const View& view, CohesionResult& r) {
  const std::uint32_t n = view.vertex_count();
  const Undirected adj{view};
  std::vector<std::uint32_t> disc(n, 0), low(n, 0), cursor(n, 0);
  std::vector<ViewEdge> via(n, kNoEdge);  // the tree edge each vertex was reached by
  std::vector<char> cut(n, 0);
  std::vector<Vertex> stack;
  r.component.assign(n, 0);
  std::uint32_t time = 0, count = 0;
  for (Vertex root = 0; root < n; ++root) {
    if (disc[root] != 0) continue;
    const std::uint32_t label = count++;
    std::uint32_t root_children = 0;
    disc[root] = low[root] = ++time;
    r.component[root] = label;
    stack.push_back(root);
    while (!stack.empty()) {
      const Vertex v = stack.back();
      if (cursor[v] < adj.degree(v)) {
        const auto [w, e] = adj.arc(v, cursor[v]++);
        if (w == v || e == via[v]) continue;
        if (disc[w] == 0) {
          disc[w] = low[w] = ++time;
          via[w] = e;
          r.component[w] = label;
          if (several_origins(view, e)) low[w] = disc[v];
          if (v == root) ++root_children;
          stack.push_back(w);
        } else if (via[v] != kNoEdge && w == stack[stack.size() - 2] &&
                   only_origin(view, e, view.origins(via[v]).front())) {
          continue;  // the tree edge again, seen through its other arc
        } else {
          low[v] = std::min(low[v], disc[w]);
        }
        continue;
      }
      stack.pop_back();
      if (stack.empty()) break;
      const Vertex p = stack.back();
      low[p] = std::min(low[p], low[v]);
      if (low[v] >= disc[p] && p != root) cut[p] = 1;
      if (low[v] > disc[p])
        r.bridges.push_back({std::min(p, v), std::max(p, v), view.origins(via[v]).front()});
    }
    if (root_children >= 2) cut[root] = 1;
  }
  for (Vertex v = 0; v < n; ++v)
    if (cut[v]) r.articulation_points.push_back(v);
  std::sort(r.bridges.begin(), r.bridges.end(), [](const Bridge& a, const Bridge& b) {
    return std::pair(a.u, a.v) < std::pair(b.u, b.v);
  });
  number_components(r.component, count, r.component_sizes);
}

// Strong components of a directed View: Tarjan's algorithm with an explicit call stack.
void strong_components(const View& view, CohesionResult& r) {
  const std::uint32_t n = view.vertex_count();
  std::vector<std::uint32_t> index(n, 0), low(n, 0), cursor(n, 0);
  std::vector<char> on_stack(n, 0);
  std::vector<Vertex> calls, members;
  r.strong_component.assign(n, 0);
  std::uint32_t time = 0, count = 0;
  for (Vertex root = 0; root < n; ++root) {
    if (index[root] != 0) continue;
    index[root] = low[root] = ++time;
    calls.push_back(root);
    members.push_back(root);
    on_stack[root] = 1;
    while (!calls.empty()) {
      const Vertex v = calls.back();
      const auto out = view.out(v);
      if (cursor[v] < out.size()) {
        const Vertex w = out[cursor[v]++].neighbour;
        if (index[w] == 0) {
          index[w] = low[w] = ++time;
          calls.push_back(w);
          members.push_back(w);
          on_stack[w] = 1;
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back()] = std::min(low[calls.back()], low[v]);
      if (low[v] != index[v]) continue;
      Vertex x = kNoVertex;
      do {
        x = members.back();
        members.pop_back();
        on_stack[x] = 0;
        r.strong_component[x] = count;
      } while (x != v);
      ++count;
    }
  }
  number_components(r.strong_component, count, r.strong_component_sizes);
}

// Coreness of the simple undirected projection: Batagelj & Zaversnik (2003), "An O(m)
// algorithm for cores decomposition of networks", with vertices bucketed by degree. Parallel
// arcs are counted once through a marker array (mark[w] == v: w already seen from v), and
// self-loops are dropped.
std::vector<std::uint32_t> coreness(const View& view) {
  const std::uint32_t n = view.vertex_count();
  const Undirected adj{view};
  std::vector<Vertex> mark(n, kNoVertex);
  std::vector<std::uint32_t> degree(n, 0);
  std::uint32_t max_degree = 0;
  for (Vertex v = 0; v < n; ++v) {
    adj.for_each(v, [&](const View::Arc& a) {
      if (a.neighbour == v || mark[a.neighbour] == v) return;
      mark[a.neighbour] = v;
      ++degree[v];
    });
    max_degree = std::max(max_degree, degree[v]);
  }
  // bin[d]: position in `order` of the first vertex of degree d; order sorted by degree.
  std::vector<std::uint32_t> bin(max_degree + 2, 0), position(n), order(n);
  for (Vertex v = 0; v < n; ++v)
    ++bin[degree[v] + 1];
  for (std::uint32_t d = 1; d < bin.size(); ++d)
    bin[d] += bin[d - 1];
  for (Vertex v = 0; v < n; ++v) {
    position[v] = bin[degree[v]]++;
    order[position[v]] = v;
  }
  for (std::uint32_t d = max_degree + 1; d > 0; --d)
    bin[d] = bin[d - 1];
  bin[0] = 0;
  std::fill(mark.begin(), mark.end(), kNoVertex);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Vertex v = order[i];
    adj.for_each(v, [&](const View::Arc& a) {
      const Vertex w = a.neighbour;
      if (w == v || mark[w] == v) return;
      mark[w] = v;
      if (degree[w] <= degree[v]) return;
      // Move w to the front of its degree's bucket, then shrink that bucket by one.
      const std::uint32_t d = degree[w];
      const std::uint32_t front = bin[d];
      const Vertex u = order[front];
      if (u != w) {
        std::swap(order[front], order[position[w]]);
        position[u] = position[w];
        position[w] = front;
      }
      ++bin[d];
      --degree[w];
    });
  }
  return degree;
}

// The View read as a simple undirected graph: one edge per tied pair, no self-loops.
ig::Graph simple_undirected(const View& view) {
  ig::Graph g(view);
  if (view.directed())
    ig::check(igraph_to_undirected(g.get(), IGRAPH_TO_UNDIRECTED_COLLAPSE, nullptr));
  ig::check(igraph_simplify(g.get(), true, true, nullptr));
  return g;
}

}  // namespace

WeakComponents weak_components(const View& view) {
  const std::uint32_t n = view.vertex_count();
  constexpr std::uint32_t kUnseen = static_cast<std::uint32_t>(-1);
  const Undirected adj{view};
  WeakComponents r;
  r.component.assign(n, kUnseen);
  std::vector<Vertex> queue;  // every vertex enters once, so the queue never needs popping
  queue.reserve(n);
  std::uint32_t count = 0;
  for (Vertex root = 0; root < n; ++root) {
    if (r.component[root] != kUnseen) continue;
    const std::uint32_t label = count++;
    r.component[root] = label;
    queue.push_back(root);
    for (std::size_t head = queue.size() - 1; head < queue.size(); ++head)
      adj.for_each(queue[head], [&](const View::Arc& a) {
        if (r.component[a.neighbour] != kUnseen) return;
        r.component[a.neighbour] = label;
        queue.push_back(a.neighbour);
      });
  }
  number_components(r.component, count, r.sizes);
  return r;
}

CohesionResult cohesion(const View& view, const CohesionOptions& options) {
  const std::uint32_t n = view.vertex_count();
  CohesionResult r;
  if (n == 0) {
    r.has_blocks = options.blocks;
    return r;
  }
  depth_first(view, r);
  if (view.directed()) strong_components(view, r);
  r.coreness = coreness(view);
  if (options.blocks) {
    r.has_blocks = true;
    ig::Graph simple = simple_undirected(view);
    IntList blocks;
    ig::IntVector cohesion, parent;
    ig::check(
        igraph_cohesive_blocks(simple.get(), blocks.get(), cohesion.get(), parent.get(), nullptr));
    const auto levels = cohesion.to_std();
    const auto parents = parent.to_std();
    r.cohesion.assign(n, 0);
    for (igraph_integer_t b = 0; b < igraph_vector_int_list_size(blocks.get()); ++b) {
      CohesiveBlock block;
      const igraph_vector_int_t* members = igraph_vector_int_list_get_ptr(blocks.get(), b);
      for (igraph_integer_t i = 0; i < igraph_vector_int_size(members); ++i)
        block.members.push_back(static_cast<Vertex>(VECTOR(*members)[i]));
      std::sort(block.members.begin(), block.members.end());
      block.cohesion = static_cast<std::uint32_t>(levels[static_cast<std::size_t>(b)]);
      block.parent = static_cast<std::int64_t>(parents[static_cast<std::size_t>(b)]);
      for (auto v : block.members)
        r.cohesion[v] = std::max(r.cohesion[v], block.cohesion);
      r.blocks.push_back(std::move(block));
    }
  }
  return r;
}

}  // namespace actornet::analyses
