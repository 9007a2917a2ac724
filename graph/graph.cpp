#include "graph/graph.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>

#include <fmt/format.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "graph/errors.hpp"

namespace actornet::graph {

void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

SymbolId SymbolTable::intern(std::string_view name) {
  if (last_ < names_.size() && names_[last_] == name) return last_;
  if (auto id = find(name)) return last_ = *id;
  names_.emplace_back(name);
  const auto id = static_cast<SymbolId>(names_.size() - 1);
  index_.emplace(names_.back(), id);
  return last_ = id;
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

std::uint64_t hash_id(std::string_view id) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = id.size() * kMul;
  const char* p = id.data();
  std::size_t n = id.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  if (n > 0) {
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < n; ++i)
      word |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 31);
}

namespace {

constexpr std::uint64_t tag_of(std::uint64_t hash) {
  return hash & 0xFFFFFFFF00000000ULL;
}

// Where the probe for `hash` starts in a table of `size` slots (a power of two): the top bits
// of the hash. The tag keeps them, so growing a table of up to 2^32 slots rehashes no id, and
// the slots move in order (slot i goes to 2i or 2i + 1), not to random places.
std::size_t home_slot(std::uint64_t hash, std::size_t size) {
  return static_cast<std::size_t>(hash >> (64 - std::countr_zero(size)));
}

}  // namespace

NodeIndex Graph::add_node(std::string id, std::string label, std::string_view kind,
                          Interval valid) {
  if (id.empty()) throw InputError("a node id is empty; every node needs a non-empty id");
  const auto hash = hash_id(id);
  const auto tag = tag_of(hash);
  if (!id_slots_.empty()) {
    const std::size_t mask = id_slots_.size() - 1;
    for (std::size_t i = home_slot(hash, id_slots_.size()); id_slots_[i] != 0; i = (i + 1) & mask)
      if ((id_slots_[i] & 0xFFFFFFFF00000000ULL) == tag &&
          nodes_[(id_slots_[i] & 0xFFFFFFFFU) - 1].id == id)
        throw InputError(fmt::format("node id '{}' is defined twice", id));
  }
  const auto index = static_cast<NodeIndex>(nodes_.size());
  if (label.empty()) label = id;
  const auto kind_id = kinds_.intern(kind);
  if (4 * (nodes_.size() + 1) > 3 * id_slots_.size()) grow_id_slots(nodes_.size() + 1);
  nodes_.push_back(Node{std::move(id), std::move(label), kind_id, valid});
  index_node(index, hash);
  return index;
}

void Graph::index_node(NodeIndex n, std::uint64_t hash) {
  const std::size_t mask = id_slots_.size() - 1;
  std::size_t i = home_slot(hash, id_slots_.size());
  while (id_slots_[i] != 0)
    i = (i + 1) & mask;
  id_slots_[i] = tag_of(hash) | (std::uint64_t{n} + 1);
}

// Resizes the table to hold `nodes` nodes at most 3/4 full (doubling, so that growing one node
// at a time costs amortised O(1)) and re-inserts the nodes already added.
void Graph::grow_id_slots(std::size_t nodes) {
  std::size_t size = std::max<std::size_t>(16, id_slots_.size());
  while (3 * size < 4 * nodes)
    size *= 2;
  if (size <= id_slots_.size()) return;
  std::vector<std::uint64_t> slots;
  slots.reserve(size);
  advise_huge_pages(slots.data(), size * sizeof(std::uint64_t));
  slots.resize(size, 0);
  id_slots_.swap(slots);
  for (const auto slot : slots) {
    if (slot == 0) continue;
    const auto n = static_cast<NodeIndex>((slot & 0xFFFFFFFFU) - 1);
    index_node(n, size <= (std::size_t{1} << 32) ? tag_of(slot) : hash_id(nodes_[n].id));
  }
}

std::optional<NodeIndex> Graph::find_node(std::string_view id) const {
  if (id_slots_.empty()) return std::nullopt;
  const auto hash = hash_id(id);
  const auto tag = tag_of(hash);
  const std::size_t mask = id_slots_.size() - 1;
  for (std::size_t i = home_slot(hash, id_slots_.size()); id_slots_[i] != 0; i = (i + 1) & mask) {
    if ((id_slots_[i] & 0xFFFFFFFF00000000ULL) != tag) continue;
    const auto n = static_cast<NodeIndex>((id_slots_[i] & 0xFFFFFFFFU) - 1);
    if (nodes_[n].id == id) return n;
  }
  return std::nullopt;
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
  grow_id_slots(nodes);
  edges_.reserve(edges);
}

}  // namespace actornet::graph
