#include "analyses/structural_holes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "analyses/centrality.hpp"
#include "graph/errors.hpp"

namespace actornet::analyses {
namespace {

using graph::Vertex;
using Tie = std::pair<Vertex, double>;  // (neighbour, mutual weight)

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per vertex, its distinct neighbours other than itself with the mutual weight m_ij, sorted by
// neighbour.
std::vector<std::vector<Tie>> mutual_ties(const graph::View& view, bool use_weights) {
  std::vector<std::vector<Tie>> ties(view.vertex_count());
  for (graph::ViewEdge e = 0; e < view.edge_count(); ++e) {
    const Vertex u = view.from(e), v = view.to(e);
    if (u == v) continue;
    const double w = use_weights ? view.weight(e) : 1.0;
    if (use_weights && (!std::isfinite(w) || w < 0.0))
      throw InputError(fmt::format(
          "structural holes: edge weight {} is negative or not finite; tie strengths must be "
          ">= 0 (drop --weights or fix the weight)",
          w));
    ties[u].emplace_back(v, w);
    ties[v].emplace_back(u, w);
  }
  for (auto& list : ties) {
    std::sort(list.begin(), list.end());
    std::vector<Tie> merged;
    for (const auto& [j, w] : list) {
      if (!merged.empty() && merged.back().first == j)
        merged.back().second += w;
      else
        merged.emplace_back(j, w);
    }
    list = std::move(merged);
  }
  return ties;
}

double tie(const std::vector<Tie>& list, Vertex j) {
  auto it = std::lower_bound(list.begin(), list.end(), j,
                             [](const Tie& t, Vertex x) { return t.first < x; });
  return it != list.end() && it->first == j ? it->second : 0.0;
}

}  // namespace

StructuralHolesResult structural_holes(const graph::View& view,
                                       const StructuralHolesOptions& options) {
  const auto ties = mutual_ties(view, options.use_weights);
  const Vertex n = view.vertex_count();
  StructuralHolesResult r;
  r.effective_size.assign(n, kNaN);
  r.efficiency.assign(n, kNaN);
  std::vector<double> strongest(n, 0.0);
  for (Vertex v = 0; v < n; ++v)
    for (const auto& [j, w] : ties[v])
      strongest[v] = std::max(strongest[v], w);
  std::size_t isolated = 0;
  for (Vertex i = 0; i < n; ++i) {
    const auto& contacts = ties[i];
    if (contacts.empty()) {
      ++isolated;
      continue;
    }
    double total = 0.0;
    for (const auto& [j, w] : contacts)
      total += w;
    double size = 0.0;
    for (const auto& [j, w_ij] : contacts) {
      double redundancy = 0.0;
      if (total > 0.0 && strongest[j] > 0.0)
        for (const auto& [q, w_iq] : contacts)
          if (q != j) redundancy += (w_iq / total) * tie(ties[j], q) / strongest[j];
      size += 1.0 - redundancy;
    }
    r.effective_size[i] = size;
    r.efficiency[i] = size / static_cast<double>(contacts.size());
  }
  if (isolated > 0)
    r.notes.push_back(fmt::format(
        "effective_size, efficiency: {} vertex(es) have no contacts; their scores are undefined "
        "(empty)",
        isolated));

  CentralityOptions c;
  c.measures = {Measure::Constraint};
  c.use_weights = options.use_weights;
  auto burt = centrality(view, c);
  r.constraint = std::move(burt.scores.front());
  // Only what concerns constraint: centrality's general notes (e.g. on weights it leaves to
  // the strength measures) speak of options this analysis does not have.
  for (auto& note : burt.notes)
    if (note.starts_with("constraint")) r.notes.push_back(std::move(note));
  return r;
}

}  // namespace actornet::analyses
