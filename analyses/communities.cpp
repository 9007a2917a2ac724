#include "analyses/communities.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/igraph_adapter.hpp"

namespace actornet::analyses {
namespace {

namespace ig = graph::ig;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// igraph's labels -> 1..k by size (largest first), ties by smallest vertex.
std::vector<std::uint32_t> renumber(const ig::IntVector& labels, std::uint32_t n,
                                    std::vector<std::uint32_t>& sizes) {
  struct Group {
    std::uint32_t size = 0;
    std::uint32_t first = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t number = 0;
  };
  std::map<igraph_integer_t, Group> groups;
  for (std::uint32_t v = 0; v < n; ++v) {
    auto& g = groups[VECTOR(*labels.get())[v]];
    ++g.size;
    g.first = std::min(g.first, v);
  }
  std::vector<Group*> order;
  for (auto& [label, g] : groups)
    order.push_back(&g);
  std::sort(order.begin(), order.end(), [](const Group* a, const Group* b) {
    return a->size != b->size ? a->size > b->size : a->first < b->first;
  });
  sizes.clear();
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i]->number = static_cast<std::uint32_t>(i + 1);
    sizes.push_back(order[i]->size);
  }
  std::vector<std::uint32_t> out(n);
  for (std::uint32_t v = 0; v < n; ++v)
    out[v] = groups[VECTOR(*labels.get())[v]].number;
  return out;
}

}  // namespace

std::string_view to_string(CommunityMethod method) {
  switch (method) {
    case CommunityMethod::Leiden:
      return "leiden";
    case CommunityMethod::Louvain:
      return "louvain";
    case CommunityMethod::LabelPropagation:
      break;
  }
  return "label-propagation";
}

std::optional<CommunityMethod> community_method_from_string(std::string_view name) {
  if (name == "leiden") return CommunityMethod::Leiden;
  if (name == "louvain" || name == "multilevel") return CommunityMethod::Louvain;
  if (name == "label-propagation") return CommunityMethod::LabelPropagation;
  return std::nullopt;
}

CommunityResult communities(const graph::View& view, const CommunityOptions& options) {
  if (!(options.resolution > 0.0) || !std::isfinite(options.resolution))
    throw InputError(fmt::format(
        "resolution {} must be a positive number (1 is Newman's modularity)", options.resolution));
  if (options.use_weights)
    for (double w : view.weights())
      if (!std::isfinite(w) || w < 0.0)
        throw InputError(fmt::format(
            "communities: edge weight {} is negative or not finite; tie strengths must be >= 0 "
            "(drop --weights or fix the weight)",
            w));
  const std::uint32_t n = view.vertex_count();
  CommunityResult r;
  ig::take_warnings();  // only this call's warnings are reported
  ig::Graph g(view);
  if (view.directed()) ig::check(igraph_to_undirected(g.get(), IGRAPH_TO_UNDIRECTED_EACH, nullptr));
  auto weights = ig::to_igraph(view.weights());
  const igraph_vector_t* w = options.use_weights ? weights.get() : nullptr;
  double total = 0.0;
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e)
    total += options.use_weights ? view.weight(e) : 1.0;

  ig::SeededRng rng(options.seed);
  ig::IntVector labels(n);
  if (total <= 0.0) {
    // No edges (or only zero weights): nothing to join, every vertex alone.
    std::iota(VECTOR(*labels.get()), VECTOR(*labels.get()) + n, igraph_integer_t{0});
    if (n > 0) r.notes.push_back("communities: the view has no edges; every node is alone");
  } else {
    switch (options.method) {
      case CommunityMethod::Leiden: {
        ig::Vector strength(n);
        ig::check(igraph_strength(g.get(), strength.get(), igraph_vss_all(), IGRAPH_ALL, true, w));
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        ig::check(igraph_community_leiden(g.get(), w, strength.get(),
                                          options.resolution / (2.0 * total), 0.01, false, -1,
                                          labels.get(), &clusters, &quality));
        break;
      }
      case CommunityMethod::Louvain:
        ig::check(igraph_community_multilevel(g.get(), w, options.resolution, labels.get(), nullptr,
                                              nullptr));
        break;
      case CommunityMethod::LabelPropagation:
        ig::check(igraph_community_label_propagation(g.get(), labels.get(), IGRAPH_ALL, w, nullptr,
                                                     nullptr));
        break;
    }
  }
  for (const auto& warning : ig::take_warnings())
    r.notes.push_back("communities: igraph warning: " + warning);
  r.membership = renumber(labels, n, r.sizes);

  if (total <= 0.0) {
    r.modularity = r.quality = kNaN;
  } else {
    ig::IntVector numbers(n);
    for (std::uint32_t v = 0; v < n; ++v)
      VECTOR(*numbers.get())[v] = r.membership[v] - 1;
    igraph_real_t q = 0;
    ig::check(igraph_modularity(g.get(), numbers.get(), w, 1.0, false, &q));
    r.modularity = q;
    ig::check(igraph_modularity(g.get(), numbers.get(), w, options.resolution, false, &q));
    r.quality = q;
  }
  return r;
}

}  // namespace actornet::analyses
