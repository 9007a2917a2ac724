#include "analyses/resilience.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <queue>

// GCC 12 at -O2 reports a false -Wmaybe-uninitialized inside Boost.Graph's edge iterator
// (boost::optional in adj_list_edge_iterator); the warning points into these headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#pragma GCC diagnostic pop
#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"

namespace actornet::analyses {

namespace ig = graph::ig;
using graph::Vertex;

namespace {

// --------------------------------------------------------------------------- max-flow adapter
//
// The one place Boost.Graph appears: a flow network is given as plain arcs, and the answer
// comes back as plain vectors, so no Boost type or property map leaks into the rest.
//
// The networks themselves (vertex splitting, super-source and super-sink, contraction of a
// side) are built by hand below: igraph_maxflow, igraph_vertex_connectivity and Boost's
// max-flow all take one source and one target, and no library offers connectivity between
// two vertex sets, so the set-to-set question is reduced to a single-pair flow here.

struct FlowArc {
  std::size_t from;
  std::size_t to;
  double capacity;
};

struct FlowNetwork {
  std::size_t vertices = 0;
  std::vector<FlowArc> arcs;
  void add(std::size_t from, std::size_t to, double capacity) {
    arcs.push_back({from, to, capacity});
  }
};

struct Flow {
  double value = 0.0;
  std::vector<double> arc_flow;   ///< flow on each arc of the network, in order
  std::vector<bool> source_side;  ///< vertices reachable from the source in the residual graph
};

// Maximum flow from `source` to `sink` (Boykov-Kolmogorov). The source side is read off the
// residual graph (arcs with residual capacity > 0), which is exact for integral capacities,
// the only case it is used for.
Flow max_flow(const FlowNetwork& net, std::size_t source, std::size_t sink) {
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using BoostGraph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS,
      boost::property<
          boost::vertex_color_t, boost::default_color_type,
          boost::property<boost::vertex_distance_t, long,
                          boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>,
      boost::property<
          boost::edge_capacity_t, double,
          boost::property<boost::edge_residual_capacity_t, double,
                          boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;

  BoostGraph g(net.vertices);
  auto capacity = boost::get(boost::edge_capacity, g);
  auto residual = boost::get(boost::edge_residual_capacity, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  std::vector<Traits::edge_descriptor> forward;
  forward.reserve(net.arcs.size());
  for (const auto& arc : net.arcs) {
    const auto e = boost::add_edge(arc.from, arc.to, g).first;
    const auto r = boost::add_edge(arc.to, arc.from, g).first;
    capacity[e] = arc.capacity;
    capacity[r] = 0.0;
    reverse[e] = r;
    reverse[r] = e;
    forward.push_back(e);
  }

  Flow flow;
  flow.value = source == sink ? 0.0 : boost::boykov_kolmogorov_max_flow(g, source, sink);
  flow.arc_flow.reserve(forward.size());
  for (const auto& e : forward)
    flow.arc_flow.push_back(capacity[e] - residual[e]);

  flow.source_side.assign(net.vertices, false);
  std::vector<std::size_t> stack{source};
  flow.source_side[source] = true;
  while (!stack.empty()) {
    const auto u = stack.back();
    stack.pop_back();
    for (const auto& e : boost::make_iterator_range(boost::out_edges(u, g))) {
      const auto v = boost::target(e, g);
      if (residual[e] > 0.0 && !flow.source_side[v]) {
        flow.source_side[v] = true;
        stack.push_back(v);
      }
    }
  }
  return flow;
}

// --------------------------------------------------------------------------- channels

// A channel u-v (both ways) or u->v (oriented), self-loops left out.
struct Channel {
  Vertex from;
  Vertex to;
  double weight;
};

struct Sides {
  const std::vector<bool>& a;
  const std::vector<bool>& b;
  bool third(Vertex v) const { return !a[v] && !b[v]; }
};

// Whether channel c joins A to B directly (either way unless oriented).
bool is_direct(const Channel& c, const Sides& s, bool oriented) {
  return (s.a[c.from] && s.b[c.to]) || (!oriented && s.b[c.from] && s.a[c.to]);
}

// Vertex-split network: vertex v becomes in(v) = 2v and out(v) = 2v + 1 joined by arc v (so
// arc index v is v's own capacity); then the channels out(u) -> in(v); then the super-source
// S = 2n feeding in(a) for a in A and the super-sink T = 2n + 1 fed by out(b) for b in B.
// `split_sides`: A and B vertices get capacity 1 too (disjoint_channels), or unbounded
// (broker_connectivity, where each side is contracted). `keep_direct`: whether direct A-B
// channels stay. Any set of unit arcs is cheaper than `unbounded` = n + 1, so a minimum cut
// only ever cuts vertex arcs.
FlowNetwork split_network(const std::vector<Channel>& channels, const Sides& s, bool oriented,
                          bool split_sides, bool keep_direct) {
  const std::size_t n = s.a.size();
  const double unbounded = static_cast<double>(n + 1);
  FlowNetwork net;
  net.vertices = 2 * n + 2;
  for (Vertex v = 0; v < n; ++v)
    net.add(2 * v, 2 * v + 1, split_sides || s.third(v) ? 1.0 : unbounded);
  for (const auto& c : channels) {
    if (!keep_direct && is_direct(c, s, oriented)) continue;
    net.add(2 * std::size_t{c.from} + 1, 2 * std::size_t{c.to}, unbounded);
    if (!oriented) net.add(2 * std::size_t{c.to} + 1, 2 * std::size_t{c.from}, unbounded);
  }
  for (Vertex v = 0; v < n; ++v) {
    if (s.a[v]) net.add(2 * n, 2 * v, unbounded);
    if (s.b[v]) net.add(2 * v + 1, 2 * n + 1, unbounded);
  }
  return net;
}

// Edge network: the View's vertices, S = n, T = n + 1, each channel an arc (two when
// undirected) of capacity 1 or its weight.
FlowNetwork edge_network(const std::vector<Channel>& channels, const Sides& s, bool oriented,
                         bool weighted) {
  const std::size_t n = s.a.size();
  double total = 1.0;
  for (const auto& c : channels)
    total += weighted ? c.weight : 1.0;
  FlowNetwork net;
  net.vertices = n + 2;
  for (const auto& c : channels) {
    const double cap = weighted ? c.weight : 1.0;
    net.add(c.from, c.to, cap);
    if (!oriented) net.add(c.to, c.from, cap);
  }
  for (Vertex v = 0; v < n; ++v) {
    if (s.a[v]) net.add(n, v, total);
    if (s.b[v]) net.add(v, n + 1, total);
  }
  return net;
}

std::int64_t as_count(double flow_value) {
  return static_cast<std::int64_t>(std::lround(flow_value));
}

void validate(const graph::View& view, const std::vector<bool>& a, const std::vector<bool>& b,
              const ResilienceOptions& options) {
  const auto n = view.vertex_count();
  if (a.size() != n || b.size() != n)
    throw InputError(
        fmt::format("side masks must have one entry per view vertex ({}), not {} and {}", n,
                    a.size(), b.size()));
  if (std::none_of(a.begin(), a.end(), [](bool x) { return x; }))
    throw InputError("side A is empty: it selects no vertex of the view");
  if (std::none_of(b.begin(), b.end(), [](bool x) { return x; }))
    throw InputError("side B is empty: it selects no vertex of the view");
  std::size_t overlap = 0;
  Vertex first = 0;
  for (Vertex v = n; v-- > 0;)
    if (a[v] && b[v]) {
      ++overlap;
      first = v;
    }
  if (overlap > 0)
    throw InputError(fmt::format(
        "the sides overlap on {} vertex(es) (the first is view vertex {}); a vertex may be on "
        "one side only",
        overlap, first));
  if (!options.directed && view.directed())
    throw InputError(
        "undirected channels need an undirected view (a directed view shows an undirected "
        "edge as two arcs, which would count twice): build the view with "
        "DirectionPolicy::Undirected, or ask for directed channels");
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const double w = view.weight(e);
    if (!std::isfinite(w) || w < 0.0)
      throw InputError(fmt::format(
          "capacity needs finite, non-negative weights, but edge #{} of the input has weight {}",
          view.origins(e).front() + 1, w));
  }
}

}  // namespace

ResilienceResult resilience(const graph::View& view, const std::vector<bool>& side_a,
                            const std::vector<bool>& side_b, const ResilienceOptions& options) {
  validate(view, side_a, side_b, options);
  const Sides sides{side_a, side_b};
  const Vertex n = view.vertex_count();
  const bool oriented = options.directed && view.directed();
  ResilienceResult result;
  if (options.directed && !view.directed())
    result.notes.push_back(
        "directed channels were asked, but the view is undirected: every channel runs both "
        "ways");

  std::vector<Channel> channels;
  channels.reserve(view.edge_count());
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    if (view.from(e) != view.to(e)) channels.push_back({view.from(e), view.to(e), view.weight(e)});

  // 1. direct ties
  for (const auto& c : channels)
    if (is_direct(c, sides, oriented)) ++result.direct_ties;

  // 2. broker connectivity: sides contracted (unbounded vertex arcs), direct channels dropped.
  const std::size_t super_source = 2 * std::size_t{n};
  const std::size_t super_sink = super_source + 1;
  result.broker_connectivity = as_count(
      max_flow(split_network(channels, sides, oriented, false, false), super_source, super_sink)
          .value);

  // 3. disjoint channels, 5. min cut and single points of failure.
  auto disjoint_net = split_network(channels, sides, oriented, true, true);
  const auto disjoint = max_flow(disjoint_net, super_source, super_sink);
  result.disjoint_channels = as_count(disjoint.value);
  for (Vertex v = 0; v < n; ++v)
    if (disjoint.source_side[2 * std::size_t{v}] && !disjoint.source_side[2 * std::size_t{v} + 1])
      result.min_cut.push_back(v);
  // Only a vertex carrying flow can matter: without it the same flow is still feasible.
  for (Vertex v = 0; v < n; ++v) {
    if (disjoint.arc_flow[v] <= 0.0) continue;
    disjoint_net.arcs[v].capacity = 0.0;
    const auto without = as_count(max_flow(disjoint_net, super_source, super_sink).value);
    disjoint_net.arcs[v].capacity = 1.0;
    if (without < result.disjoint_channels)
      result.single_points_of_failure.push_back({v, result.disjoint_channels - without});
  }
  std::stable_sort(result.single_points_of_failure.begin(), result.single_points_of_failure.end(),
                   [](const auto& x, const auto& y) { return x.drop > y.drop; });

  // 4. edge connectivity and capacity.
  result.edge_connectivity =
      as_count(max_flow(edge_network(channels, sides, oriented, false), n, n + 1).value);
  result.capacity = max_flow(edge_network(channels, sides, oriented, true), n, n + 1).value;

  // 6. cross betweenness: igraph counts an undirected pair from both ends and halves the sum;
  // with disjoint sources and targets each (a, b) pair is met once, so the halving is undone.
  {
    ig::Graph g(view);
    ig::IntVector sources, targets;
    for (Vertex v = 0; v < n; ++v) {
      if (side_a[v]) ig::check(igraph_vector_int_push_back(sources.get(), v));
      if (side_b[v]) ig::check(igraph_vector_int_push_back(targets.get(), v));
    }
    ig::Vector res;
    ig::check(igraph_betweenness_subset(g.get(), res.get(), igraph_vss_all(), oriented,
                                        igraph_vss_vector(sources.get()),
                                        igraph_vss_vector(targets.get()), nullptr));
    result.cross_betweenness = res.to_std();
    if (!view.directed())
      for (double& x : result.cross_betweenness)
        x *= 2.0;
    for (double& x : result.cross_betweenness)
      if (x == 0.0) x = 0.0;  // no -0
  }

  // 7. pairs connected and cross efficiency: one BFS from each vertex of A.
  std::vector<std::vector<Vertex>> adjacency(n);
  for (const auto& c : channels) {
    adjacency[c.from].push_back(c.to);
    if (!oriented) adjacency[c.to].push_back(c.from);
  }
  std::size_t size_a = 0, size_b = 0, joined = 0;
  double inverse_distances = 0.0;
  for (Vertex v = 0; v < n; ++v) {
    size_a += side_a[v];
    size_b += side_b[v];
  }
  std::vector<std::uint32_t> distance(n);
  constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
  for (Vertex a = 0; a < n; ++a) {
    if (!side_a[a]) continue;
    std::fill(distance.begin(), distance.end(), kUnseen);
    std::queue<Vertex> queue;
    distance[a] = 0;
    queue.push(a);
    while (!queue.empty()) {
      const Vertex u = queue.front();
      queue.pop();
      if (side_b[u]) {
        ++joined;
        inverse_distances += 1.0 / distance[u];
      }
      for (Vertex w : adjacency[u])
        if (distance[w] == kUnseen) {
          distance[w] = distance[u] + 1;
          queue.push(w);
        }
    }
  }
  const double pairs = static_cast<double>(size_a) * static_cast<double>(size_b);
  result.pairs_connected = static_cast<double>(joined) / pairs;
  result.cross_efficiency = inverse_distances / pairs;
  return result;
}

}  // namespace actornet::analyses
