#include "analyses/resilience.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <tuple>
#include <utility>

// GCC 12 at -O2 reports a false -Wmaybe-uninitialized inside Boost.Graph's edge iterator
// (boost::optional in adj_list_edge_iterator); the warning points into these headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
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
  /// Strongly connected component of each vertex in the residual graph.
  std::vector<std::size_t> residual_component;

  /// Whether arc i of the network lies in some minimum cut (Picard & Queyranne 1980): it is
  /// saturated and its head cannot be reached from its tail in the residual graph. Lowering a
  /// unit arc's capacity to 0 lowers the flow value by one exactly when this holds.
  bool in_some_min_cut(const FlowNetwork& net, std::size_t i) const {
    const auto& arc = net.arcs[i];
    return arc.capacity > 0.0 && arc_flow[i] >= arc.capacity &&
           residual_component[arc.from] != residual_component[arc.to];
  }
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

  const auto has_residual = [&](const Traits::edge_descriptor& e) { return residual[e] > 0.0; };
  const boost::filtered_graph<BoostGraph, std::function<bool(Traits::edge_descriptor)>>
      residual_graph(g, has_residual);
  flow.residual_component.resize(net.vertices);
  boost::strong_components(residual_graph, boost::make_iterator_property_map(
                                               flow.residual_component.begin(),
                                               boost::get(boost::vertex_index, residual_graph)));
  return flow;
}

// --------------------------------------------------------------------------- channels

// A channel u-v (both ways) or u->v (oriented), self-loops left out.
struct Channel {
  Vertex from;
  Vertex to;
  double weight;
  graph::ViewEdge edge;
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
// undirected) of capacity 1 or its weight: channel i is arc i (oriented) or arcs 2i, 2i + 1.
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
  check_sides(view, a, b, options.directed);
  for (const auto& layers : options.layers) {
    if (layers.of.size() != view.edge_count())
      throw InputError(
          fmt::format("layer family '{}' must list the layers of every view edge ({}), "
                      "not {}",
                      layers.family, view.edge_count(), layers.of.size()));
    for (const auto& of : layers.of)
      if (!std::is_sorted(of.begin(), of.end()) ||
          std::any_of(of.begin(), of.end(), [&](auto l) { return l >= layers.names.size(); }))
        throw InputError(fmt::format(
            "layer family '{}': an edge's layer ids must ascend and name one of its {} layers",
            layers.family, layers.names.size()));
  }
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const double w = view.weight(e);
    if (!std::isfinite(w) || w < 0.0)
      throw InputError(fmt::format(
          "capacity needs finite, non-negative weights, but edge #{} of the input has weight {}",
          view.origins(e).front() + 1, w));
  }
}

// The disjoint channels, read off the vertex-split flow: from each unit leaving S, follow
// arcs with flow left until T. Every vertex carries at most one unit, so the walks are
// vertex-disjoint paths; cycles of flow away from S are never entered.
std::vector<ChannelPath> decompose_channels(const graph::View& view, const FlowNetwork& net,
                                            const Flow& flow) {
  const std::size_t source = net.vertices - 2, sink = net.vertices - 1;
  std::vector<std::vector<std::size_t>> out(net.vertices);
  std::vector<std::int64_t> left(net.arcs.size());
  for (std::size_t i = 0; i < net.arcs.size(); ++i) {
    left[i] = as_count(flow.arc_flow[i]);
    if (left[i] > 0) out[net.arcs[i].from].push_back(i);
  }
  const auto next = [&](std::size_t u) {
    for (auto i : out[u])
      if (left[i] > 0) {
        --left[i];
        return net.arcs[i].to;
      }
    return sink;  // unreachable for a valid flow: conservation holds at every vertex
  };
  std::vector<ChannelPath> channels;
  for (auto start : out[source]) {
    while (left[start] > 0) {
      --left[start];
      ChannelPath c;
      for (std::size_t in = net.arcs[start].to; in != sink;) {
        const std::size_t vertex_out = next(in);  // in(v) -> out(v)
        c.path.push_back(static_cast<Vertex>(in / 2));
        in = next(vertex_out);
      }
      channels.push_back(std::move(c));
    }
  }
  for (auto& c : channels)
    for (std::size_t h = 0; h + 1 < c.path.size(); ++h) {
      std::vector<graph::ViewEdge> hop;
      for (const auto& arc : view.out(c.path[h]))
        if (arc.neighbour == c.path[h + 1]) hop.push_back(arc.edge);
      std::sort(hop.begin(), hop.end());
      c.hops.push_back(std::move(hop));
    }
  std::sort(channels.begin(), channels.end(), [](const auto& x, const auto& y) {
    if (x.path.size() != y.path.size()) return x.path.size() < y.path.size();
    return x.path < y.path;
  });
  return channels;
}

// Whether an edge survives the loss of every layer in `lost`: it does while one of its layers
// remains, and always when it belongs to none.
bool survives(const std::vector<std::uint32_t>& layers_of_edge, const std::vector<bool>& lost) {
  return layers_of_edge.empty() || std::any_of(layers_of_edge.begin(), layers_of_edge.end(),
                                               [&](std::uint32_t l) { return !lost[l]; });
}

// layer_cut: the fewest layers whose loss leaves no A-B path. No library has this; it is the
// minimum label cut problem, NP-hard in general (Jha, Sheyner & Wing 2002), but relation and
// domain families are small. Iterative deepening over a bounded search tree: any separating
// set must kill some edge of every surviving A-B path, so branch on the edges of one shortest
// surviving path, each branch losing all of that edge's layers.
class LayerCutSearch {
 public:
  LayerCutSearch(const std::vector<Channel>& channels, const Sides& sides, bool oriented,
                 const Layers& layers)
      : channels_(channels), sides_(sides), layers_(layers) {
    const auto n = sides.a.size();
    adjacency_.resize(n);
    for (std::size_t i = 0; i < channels.size(); ++i) {
      adjacency_[channels[i].from].push_back({channels[i].to, i});
      if (!oriented) adjacency_[channels[i].to].push_back({channels[i].from, i});
    }
  }

  // The cut and its size, or size -1 (no set of layers separates) or -2 (search gave up).
  std::pair<std::vector<std::uint32_t>, std::int64_t> run() {
    std::vector<bool> lost(layers_.names.size(), false);
    if (shortest_path(lost).has_value() && shortest_path(std::vector<bool>(lost.size(), true)))
      return {{}, -1};
    for (std::size_t budget = 0; budget <= lost.size(); ++budget) {
      if (search(lost, budget)) {
        std::vector<std::uint32_t> cut;
        for (std::uint32_t l = 0; l < lost.size(); ++l)
          if (found_[l]) cut.push_back(l);
        return {cut, static_cast<std::int64_t>(cut.size())};
      }
      if (steps_ > kStepLimit) return {{}, -2};
    }
    return {{}, -1};
  }

 private:
  static constexpr std::size_t kStepLimit = 200000;
  struct Arc {
    Vertex to;
    std::size_t channel;
  };

  bool search(std::vector<bool>& lost, std::size_t budget) {
    if (++steps_ > kStepLimit) return false;
    const auto path = shortest_path(lost);
    if (!path) {
      found_ = lost;
      return true;
    }
    if (budget == 0) return false;
    for (auto channel : *path) {
      std::vector<std::uint32_t> added;
      for (auto l : layers_.of[channels_[channel].edge])
        if (!lost[l]) added.push_back(l);
      if (added.empty() || added.size() > budget) continue;
      for (auto l : added)
        lost[l] = true;
      const bool ok = search(lost, budget - added.size());
      for (auto l : added)
        lost[l] = false;
      if (ok) return true;
    }
    return false;
  }

  // The channels of a fewest-hop surviving path from A to B (BFS from every vertex of A).
  std::optional<std::vector<std::size_t>> shortest_path(const std::vector<bool>& lost) const {
    const auto n = sides_.a.size();
    constexpr auto kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> via(n, kNone);
    std::vector<bool> seen(n, false);
    std::queue<Vertex> queue;
    for (Vertex v = 0; v < n; ++v)
      if (sides_.a[v]) {
        seen[v] = true;
        queue.push(v);
      }
    while (!queue.empty()) {
      const Vertex u = queue.front();
      queue.pop();
      if (sides_.b[u]) {
        std::vector<std::size_t> path;
        for (Vertex x = u; via[x] != kNone;) {
          const auto& c = channels_[via[x]];
          path.push_back(via[x]);
          x = c.from == x ? c.to : c.from;
        }
        return path;
      }
      for (const auto& arc : adjacency_[u])
        if (!seen[arc.to] && survives(layers_.of[channels_[arc.channel].edge], lost)) {
          seen[arc.to] = true;
          via[arc.to] = arc.channel;
          queue.push(arc.to);
        }
    }
    return std::nullopt;
  }

  const std::vector<Channel>& channels_;
  const Sides& sides_;
  const Layers& layers_;
  std::vector<std::vector<Arc>> adjacency_;
  std::vector<bool> found_;
  std::size_t steps_ = 0;
};

LayerReport layer_report(const Layers& layers, const std::vector<Channel>& channels,
                         const std::vector<ChannelPath>& paths, const Sides& sides, bool oriented) {
  LayerReport report{layers.family, {}, 0.0, {}, 0};
  const auto n = sides.a.size();
  for (std::uint32_t l = 0; l < layers.names.size(); ++l) {
    LayerFigures figures{l, 0, 0};
    std::vector<Channel> own;
    for (const auto& c : channels)
      if (std::binary_search(layers.of[c.edge].begin(), layers.of[c.edge].end(), l)) {
        own.push_back(c);
        if (is_direct(c, sides, oriented)) ++figures.direct_ties;
      }
    figures.edge_connectivity =
        as_count(max_flow(edge_network(own, sides, oriented, false), n, n + 1).value);
    report.layers.push_back(figures);
  }
  std::size_t multiplex = 0;
  for (const auto& path : paths) {
    const bool every_hop = std::all_of(path.hops.begin(), path.hops.end(), [&](const auto& hop) {
      std::vector<std::uint32_t> carried;
      for (auto e : hop)
        carried.insert(carried.end(), layers.of[e].begin(), layers.of[e].end());
      std::sort(carried.begin(), carried.end());
      return std::unique(carried.begin(), carried.end()) - carried.begin() >= 2;
    });
    multiplex += every_hop;
  }
  if (!paths.empty())
    report.multiplex_share = static_cast<double>(multiplex) / static_cast<double>(paths.size());
  std::tie(report.layer_cut, report.layer_cut_size) =
      LayerCutSearch(channels, sides, oriented, layers).run();
  return report;
}
}  // namespace

void check_sides(const graph::View& view, const std::vector<bool>& a, const std::vector<bool>& b,
                 bool directed) {
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
  if (!directed && view.directed())
    throw InputError(
        "undirected channels need an undirected view (a directed view shows an undirected "
        "edge as two arcs, which would count twice): build the view with "
        "DirectionPolicy::Undirected, or ask for directed channels");
}

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
    if (view.from(e) != view.to(e))
      channels.push_back({view.from(e), view.to(e), view.weight(e), e});

  // 1. direct ties
  for (const auto& c : channels)
    if (is_direct(c, sides, oriented)) ++result.direct_ties;

  // 2. broker connectivity: sides contracted (unbounded vertex arcs), direct channels dropped.
  const std::size_t super_source = 2 * std::size_t{n};
  const std::size_t super_sink = super_source + 1;
  result.broker_connectivity = as_count(
      max_flow(split_network(channels, sides, oriented, false, false), super_source, super_sink)
          .value);

  // 3. disjoint channels and the channels themselves; 5. min cut and single points of failure.
  const auto disjoint_net = split_network(channels, sides, oriented, true, true);
  const auto disjoint = max_flow(disjoint_net, super_source, super_sink);
  result.disjoint_channels = as_count(disjoint.value);
  result.channels = decompose_channels(view, disjoint_net, disjoint);
  for (Vertex v = 0; v < n; ++v) {
    if (disjoint.source_side[2 * std::size_t{v}] && !disjoint.source_side[2 * std::size_t{v} + 1])
      result.min_cut.push_back(v);
    if (disjoint.in_some_min_cut(disjoint_net, v))
      result.single_points_of_failure.push_back({v, 1});
  }

  // 4. edge connectivity, its single points of failure, and capacity.
  const auto edge_net = edge_network(channels, sides, oriented, false);
  const auto edge_flow = max_flow(edge_net, n, n + 1);
  result.edge_connectivity = as_count(edge_flow.value);
  const std::size_t arcs_per_channel = oriented ? 1 : 2;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    bool critical = false;
    for (std::size_t k = 0; k < arcs_per_channel; ++k)
      critical = critical || edge_flow.in_some_min_cut(edge_net, arcs_per_channel * i + k);
    if (critical) result.edge_single_points_of_failure.push_back({channels[i].edge, 1});
  }
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

  // 9. per layer.
  for (const auto& layers : options.layers)
    result.layer_reports.push_back(
        layer_report(layers, channels, result.channels, sides, oriented));
  return result;
}

}  // namespace actornet::analyses
