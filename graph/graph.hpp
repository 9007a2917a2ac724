// The typed multigraph every importer builds and every analysis reads through a View.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/attributes.hpp"
#include "graph/date.hpp"

namespace actornet::graph {

using NodeIndex = std::uint32_t;  ///< position of a node in its Graph, 0..node_count()-1
using EdgeIndex = std::uint32_t;  ///< position of an edge in its Graph, 0..edge_count()-1
using SymbolId = std::uint32_t;   ///< an interned kind or relation name

inline constexpr std::string_view kDefaultKind = "other";           ///< kind of an untyped node
inline constexpr std::string_view kDefaultRelation = "related_to";  ///< relation of an untyped edge

/// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with transparent huge
/// pages, for a big table probed at random (a hash table of node ids): far fewer TLB misses.
/// Call it before the first write. Not worth it for arrays filled in order: the kernel then
/// compacts memory to find huge pages, which costs more than the page faults it saves.
/// Only a hint: nothing changes where huge pages are off or unsupported.
void advise_huge_pages(void* data, std::size_t bytes);

/// A 64-bit hash of a node id, eight bytes at a time, each word mixed in with a multiply and
/// xor-shift. Used instead of std::hash by the node-id tables (Graph's, the CSV reader's),
/// which keep only 32 bits of it beside the index and need all 64 well mixed (low bits pick
/// the slot, high bits are the tag).
std::uint64_t hash_id(std::string_view id);

/// Interned names (node kinds, edge relations): each distinct word stored once.
class SymbolTable {
 public:
  SymbolId intern(std::string_view name);
  std::optional<SymbolId> find(std::string_view name) const;
  const std::string& name(SymbolId id) const { return names_.at(id); }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  StringMap<SymbolId> index_;
  SymbolId last_ = 0;  ///< the name interned last: importers intern the same one row after row
};

struct Node {
  std::string id;     ///< the user's stable key, unique in the graph (never changed once added)
  std::string label;  ///< display name; the id when the input gives none
  SymbolId kind = 0;  ///< person, position, agency, country, forum, ...; "other" by default
  Interval valid;     ///< when the actor existed or the position was filled; unbounded by default
};

struct Edge {
  NodeIndex source = 0;
  NodeIndex target = 0;
  SymbolId relation = 0;  ///< holds_office, met_with, ...; "related_to" by default
  bool directed = false;  ///< per edge: a graph may mix directed and undirected ties
  double weight = 1.0;    ///< a strength: bigger means closer
  Interval valid;         ///< when the tie held; unbounded by default
};

/// Where an edge's evidence comes from. Stored as ordinary edge attributes under the names
/// below so that every format and the selection language see them like any other attribute.
struct Provenance {
  static constexpr std::string_view kDocument = "provenance";  ///< document title or URL
  static constexpr std::string_view kEventId = "event_id";
  static constexpr std::string_view kConfidence = "confidence";  ///< real in [0, 1]
  static constexpr std::string_view kEvidence = "evidence";      ///< quoted evidence text
};

/// What add_edge takes. `id` empty means "generate one" (see Graph::edge_id).
struct EdgeSpec {
  std::string id;
  NodeIndex source = 0;
  NodeIndex target = 0;
  std::string_view relation = kDefaultRelation;
  bool directed = false;
  double weight = 1.0;
  Interval valid;
};

/// A typed multigraph: parallel edges (of the same or different relations) and self-loops are
/// kept as given; nothing is deduplicated implicitly.
///
/// Node and edge indices are dense and stable (the graph only grows). Node ids are unique.
/// Edge ids are unique: an edge without an explicit id is called `e<index>`, and an explicit id
/// of that form must name the edge's own index (InputError otherwise) so the two never clash.
class Graph {
 public:
  Graph();

  /// Adds a node; throws InputError if the id exists or is empty. Label defaults to the id.
  NodeIndex add_node(std::string id, std::string label = {}, std::string_view kind = kDefaultKind,
                     Interval valid = {});
  std::optional<NodeIndex> find_node(std::string_view id) const;

  /// Adds an edge between existing nodes; throws InputError when its explicit id is taken or
  /// has the generated form `e<n>` for another index.
  EdgeIndex add_edge(const EdgeSpec& spec);
  std::optional<EdgeIndex> find_edge(std::string_view id) const;

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t edge_count() const { return edges_.size(); }
  const Node& node(NodeIndex n) const { return nodes_.at(n); }
  Node& node(NodeIndex n) { return nodes_.at(n); }
  const Edge& edge(EdgeIndex e) const { return edges_.at(e); }
  Edge& edge(EdgeIndex e) { return edges_.at(e); }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }

  /// The edge's explicit id, or `e<index>` when it has none.
  std::string edge_id(EdgeIndex e) const;
  bool has_explicit_edge_id(EdgeIndex e) const { return explicit_edge_ids_.count(e) != 0; }

  const std::string& kind_name(NodeIndex n) const { return kinds_.name(node(n).kind); }
  const std::string& relation_name(EdgeIndex e) const { return relations_.name(edge(e).relation); }
  SymbolTable& kinds() { return kinds_; }
  const SymbolTable& kinds() const { return kinds_; }
  SymbolTable& relations() { return relations_; }
  const SymbolTable& relations() const { return relations_; }

  AttributeTable& node_attributes() { return node_attrs_; }
  const AttributeTable& node_attributes() const { return node_attrs_; }
  AttributeTable& edge_attributes() { return edge_attrs_; }
  const AttributeTable& edge_attributes() const { return edge_attrs_; }

  /// A node or edge attribute by name; missing when the column or the value is absent.
  const Value& node_attribute(NodeIndex n, std::string_view name) const;
  const Value& edge_attribute(EdgeIndex e, std::string_view name) const;

  /// Pre-sizes the storage for an importer that knows its counts.
  void reserve(std::size_t nodes, std::size_t edges);

 private:
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // Node id -> index without a second copy of each id: open addressing over slots holding
  // (hash tag << 32) | (index + 1), 0 = empty; a tag match is confirmed against nodes_[i].id.
  std::vector<std::uint64_t> id_slots_;
  void index_node(NodeIndex n, std::uint64_t hash);
  void grow_id_slots(std::size_t nodes);
  std::unordered_map<EdgeIndex, std::string> explicit_edge_ids_;
  StringMap<EdgeIndex> edge_index_;
  SymbolTable kinds_;
  SymbolTable relations_;
  AttributeTable node_attrs_;
  AttributeTable edge_attrs_;
};

}  // namespace actornet::graph
