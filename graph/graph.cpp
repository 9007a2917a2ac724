#include "graph/graph.hpp"

#include <charconv>

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::graph {

SymbolId SymbolTable::intern(std::string_view name) {
  if (auto id = find(name)) return *id;
  names_.emplace_back(name);
  const auto id = static_cast<SymbolId>(names_.size() - 1);
  index_.emplace(names_.back(), id);
  return id;
}

std::optional<SymbolId> SymbolTable::find(std::string_view name) const {
  auto it = index_.find(name);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

namespace {

// The index named by a generated edge id `e<digits>`, if `id` has that form.
std::optional<EdgeIndex> generated_index(std::string_view id) {
  if (id.size() < 2 || id[0] != 'e') return std::nullopt;
  EdgeIndex index = 0;
  auto [ptr, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), index);
  if (ec != std::errc{} || ptr != id.data() + id.size()) return std::nullopt;
  if (id.size() > 2 && id[1] == '0') return std::nullopt;  // "e01" is not a generated form
  return index;
}

}  // namespace

Graph::Graph() {
  kinds_.intern(kDefaultKind);
  relations_.intern(kDefaultRelation);
}

NodeIndex Graph::add_node(std::string id, std::string label, std::string_view kind,
                          Interval valid) {
  if (id.empty()) throw InputError("a node id is empty; every node needs a non-empty id");
  const auto index = static_cast<NodeIndex>(nodes_.size());
  if (!node_index_.try_emplace(id, index).second)
    throw InputError(fmt::format("node id '{}' is defined twice", id));
  if (label.empty()) label = id;
  nodes_.push_back(Node{std::move(id), std::move(label), kinds_.intern(kind), valid});
  return index;
}

std::optional<NodeIndex> Graph::find_node(std::string_view id) const {
  auto it = node_index_.find(id);
  if (it == node_index_.end()) return std::nullopt;
  return it->second;
}

EdgeIndex Graph::add_edge(const EdgeSpec& spec) {
  if (spec.source >= nodes_.size() || spec.target >= nodes_.size())
    throw std::out_of_range("Graph::add_edge: endpoint is not a node of this graph");
  const auto index = static_cast<EdgeIndex>(edges_.size());
  if (!spec.id.empty()) {
    if (edge_index_.count(spec.id))
      throw InputError(fmt::format("edge id '{}' is used twice; edge ids must be unique", spec.id));
    if (auto g = generated_index(spec.id); g && *g != index)
      throw InputError(fmt::format(
          "edge id '{}' has the form actornet gives to unnamed edges (e<number>) but names "
          "another position; rename it or give no edge an id",
          spec.id));
    edge_index_.emplace(spec.id, index);
    explicit_edge_ids_.emplace(index, spec.id);
  }
  edges_.push_back(Edge{spec.source, spec.target, relations_.intern(spec.relation), spec.directed,
                        spec.weight, spec.valid});
  return index;
}

std::optional<EdgeIndex> Graph::find_edge(std::string_view id) const {
  if (auto it = edge_index_.find(id); it != edge_index_.end()) return it->second;
  if (auto g = generated_index(id); g && *g < edges_.size() && !has_explicit_edge_id(*g)) return g;
  return std::nullopt;
}

std::string Graph::edge_id(EdgeIndex e) const {
  if (auto it = explicit_edge_ids_.find(e); it != explicit_edge_ids_.end()) return it->second;
  return "e" + std::to_string(e);
}

const Value& Graph::node_attribute(NodeIndex n, std::string_view name) const {
  static const Value kMissing;
  auto column = node_attrs_.find(name);
  return column ? node_attrs_.get(*column, n) : kMissing;
}

const Value& Graph::edge_attribute(EdgeIndex e, std::string_view name) const {
  static const Value kMissing;
  auto column = edge_attrs_.find(name);
  return column ? edge_attrs_.get(*column, e) : kMissing;
}

void Graph::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  node_index_.reserve(nodes);
  edges_.reserve(edges);
}

}  // namespace actornet::graph
