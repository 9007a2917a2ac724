#include "analyses/brokerage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::analyses {
namespace {

using graph::Vertex;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Sorted distinct neighbours other than v itself: the simple directed projection.
std::vector<std::vector<Vertex>> simple_lists(const graph::View& view, bool outgoing) {
  std::vector<std::vector<Vertex>> lists(view.vertex_count());
  for (Vertex v = 0; v < view.vertex_count(); ++v) {
    auto& list = lists[v];
    for (const auto& arc : outgoing ? view.out(v) : view.in(v))
      if (arc.neighbour != v) list.push_back(arc.neighbour);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return lists;
}

double choose2(double x) {
  return x * (x - 1.0) / 2.0;
}

double ratio(double num, double den) {
  return den == 0.0 ? kNaN : num / den;
}

}  // namespace

std::string_view to_string(BrokerageRole role) {
  switch (role) {
    case BrokerageRole::Coordinator:
      return "coordinator";
    case BrokerageRole::Itinerant:
      return "itinerant";
    case BrokerageRole::Representative:
      return "representative";
    case BrokerageRole::Gatekeeper:
      return "gatekeeper";
    case BrokerageRole::Liaison:
      return "liaison";
    case BrokerageRole::Total:
      break;
  }
  return "total";
}

std::string_view sna_name(BrokerageRole role) {
  switch (role) {
    case BrokerageRole::Coordinator:
      return "w_I";
    case BrokerageRole::Itinerant:
      return "w_O";
    case BrokerageRole::Representative:
      return "b_IO";
    case BrokerageRole::Gatekeeper:
      return "b_OI";
    case BrokerageRole::Liaison:
      return "b_O";
    case BrokerageRole::Total:
      break;
  }
  return "t";
}

BrokerageResult brokerage(const graph::View& view, const std::vector<std::uint32_t>& group) {
  const Vertex n = view.vertex_count();
  if (group.size() != n)
    throw InputError(
        fmt::format("brokerage: {} group numbers given for {} vertices", group.size(), n));
  BrokerageResult r;
  r.raw.assign(n, BrokerageRow{});
  const std::uint32_t groups = n == 0 ? 0 : *std::max_element(group.begin(), group.end()) + 1;
  r.group_size.assign(groups, 0);
  for (auto g : group)
    ++r.group_size[g];

  const auto succ = simple_lists(view, true);
  const auto pred = view.directed() ? simple_lists(view, false) : succ;
  for (const auto& list : succ)
    r.arcs += list.size();
  const double N = n;
  r.density = n < 2 ? 0.0 : static_cast<double>(r.arcs) / (N * (N - 1.0));

  // Every two-path a -> v -> b (a != b, both != v) with no arc a -> b.
  for (Vertex v = 0; v < n; ++v) {
    auto& row = r.raw[v];
    for (Vertex a : pred[v]) {
      const auto& closed = succ[a];
      for (Vertex b : succ[v]) {
        if (b == a || std::binary_search(closed.begin(), closed.end(), b)) continue;
        const auto ga = group[a], gv = group[v], gb = group[b];
        BrokerageRole role;
        if (ga == gv)
          role = gv == gb ? BrokerageRole::Coordinator : BrokerageRole::Representative;
        else if (gv == gb)
          role = BrokerageRole::Gatekeeper;
        else if (ga == gb)
          role = BrokerageRole::Itinerant;
        else
          role = BrokerageRole::Liaison;
        row[static_cast<std::size_t>(role)] += 1.0;
        row[static_cast<std::size_t>(BrokerageRole::Total)] += 1.0;
      }
    }
  }

  // Expectations and variances under a Bernoulli graph of density d (sna::brokerage).
  const double d = r.density;
  const double c = d * d * (1.0 - d);
  const double d3 = std::pow(d, 3) * std::pow(1.0 - d, 3);
  const double d4 = std::pow(d, 4) * std::pow(1.0 - d, 2);
  const double d5 = std::pow(d, 5) * (1.0 - d);
  std::vector<double> size(r.group_size.begin(), r.group_size.end());
  r.group_expected.assign(groups, BrokerageRow{});
  r.group_sd.assign(groups, BrokerageRow{});
  // Sums over every group, from which each group's sums over the other groups follow.
  double all_within = 0, all_within3 = 0, all_sq = 0;
  for (double x : size) {
    all_within += x * (x - 1.0);
    all_within3 += x * (x - 1.0) * (x - 2.0);
    all_sq += x * x;
  }
  // sum_j n_j C(N - n_j - n_i, 2) is a quadratic in n_i: sum_j n_j (a_j^2 - 2 a_j n_i + n_i^2
  // - a_j + n_i) / 2 with a_j = N - n_j.
  double q0 = 0, q1 = 0;
  for (double x : size) {
    q0 += x * ((N - x) * (N - x) - (N - x));
    q1 += x * (N - x);
  }
  for (std::uint32_t i = 0; i < groups; ++i) {
    const double ni = size[i];
    const double within_other = all_within - ni * (ni - 1.0);
    const double within_other3 = all_within3 - ni * (ni - 1.0) * (ni - 2.0);
    const double other = N - ni;
    const double other_sq = all_sq - ni * ni;
    // sum over j != i of n_j C(N - n_j - n_i, 2); the j = i term is removed.
    const double liaison_var =
        (q0 - 2.0 * ni * q1 + (ni * ni + ni) * N) / 2.0 - ni * choose2(N - 2.0 * ni);
    BrokerageRow e{}, var{};
    e[0] = c * (ni - 1.0) * (ni - 2.0);
    var[0] = e[0] * (1.0 - c) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * d3;
    e[1] = c * within_other;
    var[1] = e[1] * (1.0 - c) + 2.0 * within_other3 * d3;
    e[2] = c * (N - ni) * (ni - 1.0);
    var[2] =
        e[2] * (1.0 - c) + 2.0 * ((ni - 1.0) * choose2(N - ni) + (N - ni) * choose2(ni - 1.0)) * d3;
    e[3] = e[2];
    var[3] = var[2];
    e[4] = c * (other * other - other_sq);
    var[4] = e[4] * (1.0 - c) + 4.0 * liaison_var * d3;
    e[5] = c * (N - 1.0) * (N - 2.0);
    var[5] = e[5] * (1.0 - c) + 2.0 * (N - 1.0) * (N - 2.0) * (N - 3.0) * d3;
    r.group_expected[i] = e;
    for (std::size_t k = 0; k < kBrokerageColumns; ++k)
      r.group_sd[i][k] = std::sqrt(std::max(0.0, var[k]));
  }
  r.normalised.assign(n, BrokerageRow{});
  r.z.assign(n, BrokerageRow{});
  for (Vertex v = 0; v < n; ++v)
    for (std::size_t k = 0; k < kBrokerageColumns; ++k) {
      const double raw = r.raw[v][k];
      r.global_raw[k] += raw;
      r.normalised[v][k] = ratio(raw, r.group_expected[group[v]][k]);
      r.z[v][k] = ratio(raw - r.group_expected[group[v]][k], r.group_sd[group[v]][k]);
    }

  // Whole graph. sna sums over pairs and triples of groups; the sums are rewritten here with
  // the power sums p_k = sum over groups of n^k, so that they take O(groups) time.
  double p2 = 0, p3 = 0, p4 = 0;
  for (double x : size) {
    p2 += x * x;
    p3 += x * x * x;
    p4 += x * x * x * x;
  }
  const double p1 = N;
  BrokerageRow e{}, var{};
  double s1 = 0, v1 = 0, s3 = 0, v3 = 0, v2 = 0, s5b = 0;
  for (double x : size) {
    s1 += x * (x - 1.0) * (x - 2.0);
    v1 +=
        x * (x - 1.0) * (x - 2.0) * ((4.0 * x - 10.0) * d3 - 4.0 * (x - 3.0) * d4 + (x - 3.0) * d5);
    s3 += x * (N - x) * (x - 1.0);
    v3 += x * (N - x) * (x - 1.0) * ((N - 3.0) * d3 + (x - 2.0) * d5);
    s5b += x * x * (N - 2.0 * x);
    // sum over every y of x y (x-1) ((2x + 2y - 6) d3 + (N - x - 1) d5), less the y = x term.
    v2 += x * (x - 1.0) * (p1 * ((2.0 * x - 6.0) * d3 + (N - x - 1.0) * d5) + 2.0 * d3 * p2) -
          x * x * (x - 1.0) * ((4.0 * x - 6.0) * d3 + (N - x - 1.0) * d5);
  }
  const double s5a = N * p1 * p1 - 2.0 * p1 * p2;  // sum over x, y of x y (N - x - y)
  e[0] = c * s1;
  var[0] = e[0] * (1.0 - c) + v1;
  e[1] = c * s3;
  var[1] = e[1] * (1.0 - c) + v2;
  e[2] = c * s3;
  var[2] = e[2] * (1.0 - c) + v3;
  e[3] = e[2];
  var[3] = var[2];
  e[4] = c * (s5a - s5b);
  // sum over distinct ordered group triples (i, j, k) of n_i n_j n_k (alpha + beta n_i +
  // gamma n_j + delta n_k): each linear term sums to the same T1 by symmetry.
  const double t0 = p1 * p1 * p1 - 3.0 * p1 * p2 + 2.0 * p3;
  const double t1 = p2 * p1 * p1 - 2.0 * p1 * p3 + 2.0 * p4 - p2 * p2;
  const double alpha = (4.0 * N - 2.0) * d3 - (4.0 * N - 2.0) * d4 + (N - 1.0) * d5;
  const double beta_gamma_delta = -8.0 * d3 + 8.0 * d4 - 2.0 * d5;
  var[4] = e[4] * (1.0 - c) + alpha * t0 + beta_gamma_delta * t1;
  e[5] = c * N * (N - 1.0) * (N - 2.0);
  var[5] = e[5] * (1.0 - c) + N * (N - 1.0) * (N - 2.0) *
                                  ((4.0 * N - 10.0) * d3 - 4.0 * (N - 3.0) * d4 + (N - 3.0) * d5);
  r.global_expected = e;
  for (std::size_t k = 0; k < kBrokerageColumns; ++k) {
    r.global_sd[k] = std::sqrt(std::max(0.0, var[k]));
    r.global_z[k] = ratio(r.global_raw[k] - e[k], r.global_sd[k]);
  }
  return r;
}

}  // namespace actornet::analyses
