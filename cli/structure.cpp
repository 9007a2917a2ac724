#include "cli/structure.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analyses/brokerage.hpp"
#include "analyses/cohesion.hpp"
#include "analyses/structural_holes.hpp"
#include "graph/errors.hpp"

namespace actornet::cli {

std::string default_partition_attribute(const graph::Graph& g) {
  for (const char* name : {"side", "country"})
    if (g.node_attributes().find(name)) return name;
  return {};
}

Partition partition_by(const graph::Graph& g, const graph::View& view, const std::string& attribute,
                       const std::string& option) {
  Partition p;
  p.attribute = attribute;
  std::optional<std::size_t> column;
  if (attribute != "kind") {
    column = g.node_attributes().find(attribute);
    if (!column) {
      std::vector<std::string> names{"kind"};
      for (const auto& c : g.node_attributes().columns())
        names.push_back(c.name);
      std::sort(names.begin(), names.end());
      throw InputError(fmt::format("{} '{}' names no node attribute; choose from {}", option,
                                   attribute, fmt::join(names, ", ")));
    }
  }
  std::vector<std::string> value(view.vertex_count());
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
    const auto n = view.node_of(v);
    if (!column) {
      value[v] = g.kind_name(n);
      continue;
    }
    const auto& cell = g.node_attributes().get(*column, n);
    if (graph::is_missing(cell)) {
      value[v] = "(none)";
      ++p.missing;
    } else {
      value[v] = graph::format_value(cell);
    }
  }
  p.names = value;
  std::sort(p.names.begin(), p.names.end());
  p.names.erase(std::unique(p.names.begin(), p.names.end()), p.names.end());
  p.group.resize(view.vertex_count());
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    p.group[v] = static_cast<std::uint32_t>(
        std::lower_bound(p.names.begin(), p.names.end(), value[v]) - p.names.begin());
  return p;
}

void add_community_options(CLI::App& cmd, CommunityFlags& f, const std::string& prefix,
                           bool with_seed, bool with_weights) {
  const char* group = "Communities";
  cmd.add_option("--" + prefix + "method", f.method,
                 "community detection: leiden (modularity, until stable), louvain (multilevel) "
                 "or label-propagation")
      ->check(CLI::IsMember({"leiden", "louvain", "label-propagation"}))
      ->default_str("leiden")
      ->group(group);
  cmd.add_option("--" + prefix + "resolution", f.resolution,
                 "modularity resolution (gamma): above 1 gives more, smaller communities "
                 "(leiden, louvain)")
      ->check(CLI::PositiveNumber)
      ->default_str("1")
      ->group(group);
  if (with_seed)
    cmd.add_option("--seed", f.seed, "random seed: the same seed gives the same communities")
        ->default_str("1")
        ->group(group);
  if (with_weights)
    cmd.add_flag("--weights", f.weights,
                 "use edge weights as tie strengths (default: every edge counts 1)")
        ->group(group);
}

analyses::CommunityOptions to_community_options(const CommunityFlags& f) {
  analyses::CommunityOptions c;
  c.method = *analyses::community_method_from_string(f.method);
  c.resolution = f.resolution;
  c.seed = f.seed;
  c.use_weights = f.weights;
  return c;
}

std::vector<std::string> community_labels(const std::vector<std::uint32_t>& membership) {
  const std::uint32_t largest =
      membership.empty() ? 0 : *std::max_element(membership.begin(), membership.end());
  const auto width = fmt::format("{}", largest).size();
  std::vector<std::string> out;
  out.reserve(membership.size());
  for (auto c : membership)
    out.push_back(fmt::format("{:0{}}", c, width));
  return out;
}

const std::vector<std::string>& structure_attribute_names() {
  static const std::vector<std::string> names{"community",      "component",    "coreness",
                                              "cohesion",       "articulation", "brokerage",
                                              "effective_size", "efficiency",   "constraint"};
  return names;
}

namespace {

void set_int(graph::Graph& out, const std::string& name, const std::vector<std::uint32_t>& values) {
  const auto c = out.node_attributes().declare(name, graph::AttrType::Integer);
  for (std::size_t v = 0; v < values.size(); ++v)
    out.node_attributes().set(c, v, static_cast<std::int64_t>(values[v]));
}

void set_real(graph::Graph& out, const std::string& name, const std::vector<double>& values) {
  const auto c = out.node_attributes().declare(name, graph::AttrType::Real);
  for (std::size_t v = 0; v < values.size(); ++v)
    out.node_attributes().set(c, v,
                              std::isfinite(values[v]) ? graph::Value(values[v]) : graph::Value());
}

}  // namespace

std::vector<std::string> add_structure_attributes(graph::Graph& out, const graph::Graph& g,
                                                  const graph::View& view,
                                                  const graph::View& undirected,
                                                  const StructureRequest& request) {
  std::vector<std::string> notes;
  const auto& known = structure_attribute_names();
  for (const auto& name : request.names)
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw InputError(fmt::format("--with-structure: unknown name '{}'; choose from {}", name,
                                   fmt::join(known, ", ")));
  const auto wants = [&](const char* name) {
    return std::find(request.names.begin(), request.names.end(), name) != request.names.end();
  };
  for (const auto& name : request.names)
    if (name != "brokerage" && out.node_attributes().find(name))
      notes.push_back(fmt::format("--with-structure: the node attribute '{}' is replaced", name));

  if (wants("community")) {
    auto r = analyses::communities(undirected, to_community_options(request.community));
    for (auto& note : r.notes)
      notes.push_back(std::move(note));
    set_int(out, "community", r.membership);
  }
  if (wants("component") || wants("coreness") || wants("cohesion") || wants("articulation")) {
    analyses::CohesionOptions options;
    options.blocks = wants("cohesion");
    const auto r = analyses::cohesion(view, options);
    if (wants("component")) set_int(out, "component", r.component);
    if (wants("coreness")) set_int(out, "coreness", r.coreness);
    if (wants("cohesion")) set_int(out, "cohesion", r.cohesion);
    if (wants("articulation")) {
      const auto c = out.node_attributes().declare("articulation", graph::AttrType::Bool);
      for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
        out.node_attributes().set(
            c, v,
            std::binary_search(r.articulation_points.begin(), r.articulation_points.end(), v));
    }
  }
  if (wants("brokerage")) {
    const std::string attribute =
        request.partition.empty() ? default_partition_attribute(g) : request.partition;
    if (attribute.empty())
      throw InputError(
          "--with-structure brokerage needs groups: pass --partition ATTR (a node attribute "
          "such as country, or kind)");
    const auto p = partition_by(g, view, attribute, "--partition");
    const auto r = analyses::brokerage(view, p.group);
    for (std::size_t k = 0; k < analyses::kBrokerageColumns; ++k) {
      const auto role = static_cast<analyses::BrokerageRole>(k);
      const std::string name =
          role == analyses::BrokerageRole::Total ? "brokerage" : std::string(to_string(role));
      const auto c = out.node_attributes().declare(name, graph::AttrType::Integer);
      for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
        out.node_attributes().set(c, v, static_cast<std::int64_t>(r.raw[v][k]));
    }
    notes.push_back(fmt::format("brokerage roles by {} ({} groups)", attribute, p.names.size()));
  }
  if (wants("effective_size") || wants("efficiency") || wants("constraint")) {
    auto r = analyses::structural_holes(view);
    for (auto& note : r.notes)
      notes.push_back(std::move(note));
    if (wants("effective_size")) set_real(out, "effective_size", r.effective_size);
    if (wants("efficiency")) set_real(out, "efficiency", r.efficiency);
    if (wants("constraint")) set_real(out, "constraint", r.constraint);
  }
  return notes;
}

}  // namespace actornet::cli
