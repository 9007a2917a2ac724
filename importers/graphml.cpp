// GraphML reader (namespace http://graphml.graphdrawing.org/xmlns). See README "Formats"; in
// short:
//
// * `<key for="node|edge|all" attr.name attr.type>` declare typed attributes (boolean, int,
//   long, float, double, string; `actornet.type="date|list"` on a string key restores those
//   types), with `<default>` filling missing values (reported);
// * actornet's own fields are keys with reserved names: on nodes `label`, `kind`, `start`,
//   `end`; on edges `relation`, `weight`, `start`, `end`. Dates are `YYYY`, `YYYY-MM` or
//   `YYYY-MM-DD` and [start, end) is half-open, as in CSV;
// * edge direction: the edge's `directed` attribute, else the graph's `edgedefault` (else
//   --directed); parallel edges and self-loops are kept;
// * yEd files: the text of a node's `y:NodeLabel` (edge: `y:EdgeLabel`) is its label (the
//   edge attribute `label`); other graphics are not read (noted). Graph-level data, ports and
//   every <graph> after the first are not read (noted); nested graphs and hyperedges are errors.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/xml_input.hpp"

namespace actornet::importers {
namespace {

using graph::AttrType;
using graph::Date;
using graph::Value;
using xml::XmlInput;

constexpr std::string_view kGraphMlNamespace = "http://graphml.graphdrawing.org/xmlns";

enum class Role { Plain, Label, Kind, Relation, Weight, Start, End, YNode, YEdge, Ignored };

struct KeyDecl {
  std::string name;
  AttrType type = AttrType::String;
  Role role = Role::Plain;
  std::size_t column = 0;  ///< in the graph's table, for Plain
  std::optional<Value> default_value;
};

std::optional<AttrType> graphml_type(std::string_view type) {
  if (type.empty() || type == "string") return AttrType::String;
  if (type == "int" || type == "long" || type == "integer") return AttrType::Integer;
  if (type == "float" || type == "double") return AttrType::Real;
  if (type == "boolean") return AttrType::Bool;
  return std::nullopt;
}

// The character data directly inside an element (comments and child elements skipped).
std::string own_text(pugi::xml_node element) {
  std::string text;
  for (auto child : element.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      text += child.value();
  return text;
}

// The text of the first descendant element with this local name ("" when none).
std::string descendant_text(pugi::xml_node element, std::string_view name) {
  for (auto child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    if (xml::local_name(child) == name) return std::string(xml::trim(own_text(child)));
    if (auto found = descendant_text(child, name); !found.empty()) return found;
  }
  return {};
}

class GraphMlReader {
 public:
  GraphMlReader(const std::string& path, const ImportOptions& options)
      : in_(path), options_(options) {}

  ImportResult read() {
    result_.report.files.push_back(in_.path());
    const auto root = in_.root();
    if (xml::local_name(root) != "graphml")
      in_.fail(root, fmt::format("the root element is <{}>, not <graphml>; is this a GraphML file?",
                                 root.name()));
    if (const auto ns = xml::namespace_of(root, xml::prefix_of(root)); !ns) {
      note("the <graphml> element declares no namespace; read as GraphML");
    } else if (*ns != kGraphMlNamespace) {
      in_.fail(root,
               fmt::format("unknown GraphML namespace '{}'; expected {}", *ns, kGraphMlNamespace),
               "xmlns");
    }
    for (auto key : xml::children_named(root, "key"))
      read_key(key);
    const auto graphs = xml::children_named(root, "graph");
    if (graphs.empty()) in_.fail(root, "<graphml> holds no <graph> element");
    if (graphs.size() > 1)
      note(fmt::format("the file holds {} <graph> elements; only the first was read",
                       graphs.size()));
    read_graph(graphs.front());
    finish_report();
    return std::move(result_);
  }

 private:
  void read_key(pugi::xml_node key) {
    const std::string id = key.attribute("id").value();
    if (id.empty()) in_.fail(key, "<key> has no id");
    const std::string_view domain =
        key.attribute("for") ? key.attribute("for").value() : std::string_view("all");
    KeyDecl decl;
    decl.name = key.attribute("attr.name") ? key.attribute("attr.name").value() : id;
    const std::string_view type_text = key.attribute("attr.type").value();
    const auto type = graphml_type(type_text);
    if (!type)
      in_.fail(key,
               fmt::format("key '{}' has attr.type '{}'; GraphML types are boolean, int, long, "
                           "float, double and string",
                           decl.name, type_text),
               "attr.type");
    decl.type = *type;
    const std::string_view ours = key.attribute("actornet.type").value();
    if (decl.type == AttrType::String && ours == "date") decl.type = AttrType::Date;
    if (decl.type == AttrType::String && ours == "list") decl.type = AttrType::List;
    const std::string_view yfiles = key.attribute("yfiles.type").value();
    const bool nodes = domain == "node" || domain == "all";
    const bool edges = domain == "edge" || domain == "all";
    if (!nodes) other_domain_keys_[0].insert(id);
    if (!edges) other_domain_keys_[1].insert(id);
    if (!nodes && !edges) {
      ++other_keys_;
      return;
    }
    if (nodes) declare(key, id, decl, yfiles, true);
    if (edges) declare(key, id, decl, yfiles, false);
  }

  void declare(pugi::xml_node key, const std::string& id, KeyDecl decl, std::string_view yfiles,
               bool for_nodes) {
    auto& keys = for_nodes ? node_keys_ : edge_keys_;
    if (keys.count(id)) in_.fail(key, fmt::format("key id '{}' is declared twice", id), "id");
    if (keys.size() >= kLimits.attributes)
      in_.fail(key, detail::too_many_attributes(for_nodes ? "node" : "edge", decl.name), "id");
    const bool text = decl.type == AttrType::String || decl.type == AttrType::Date;
    const bool number = decl.type == AttrType::Integer || decl.type == AttrType::Real;
    if (!yfiles.empty()) {
      decl.role = yfiles == "nodegraphics" && for_nodes    ? Role::YNode
                  : yfiles == "edgegraphics" && !for_nodes ? Role::YEdge
                                                           : Role::Ignored;
    } else if (for_nodes && decl.name == "label" && decl.type == AttrType::String) {
      decl.role = Role::Label;
    } else if (for_nodes && decl.name == "kind" && decl.type == AttrType::String) {
      decl.role = Role::Kind;
    } else if (!for_nodes && decl.name == "relation" && decl.type == AttrType::String) {
      decl.role = Role::Relation;
    } else if (!for_nodes && decl.name == "weight" && number) {
      decl.role = Role::Weight;
    } else if ((decl.name == "start" || decl.name == "end") && text) {
      decl.role = decl.name == "start" ? Role::Start : Role::End;
    } else {
      auto& table = for_nodes ? result_.graph.node_attributes() : result_.graph.edge_attributes();
      try {
        decl.column = table.declare(decl.name, decl.type);
      } catch (const InputError& e) {
        in_.fail(key, e.what());
      }
    }
    if (auto d = xml::child_named(key, "default"); d && decl.role == Role::Plain) {
      auto value = parse(decl.type, own_text(d));
      if (!value)
        in_.fail(d, fmt::format("the default '{}' of key '{}' is not {}", own_text(d), decl.name,
                                detail::type_word(decl.type)));
      decl.default_value = std::move(*value);
    }
    keys.emplace(id, std::move(decl));
  }

  // A value of `type`; an empty or blank non-string value is missing (monostate).
  static std::optional<Value> parse(AttrType type, const std::string& text) {
    if (type != AttrType::String && xml::trim(text).empty()) return Value{};
    return xml::parse_value(type, text);
  }

  void read_graph(pugi::xml_node graph_el) {
    const std::string_view edgedefault = graph_el.attribute("edgedefault").value();
    if (edgedefault == "directed") {
      default_directed_ = true;
    } else if (edgedefault == "undirected") {
      default_directed_ = false;
    } else if (edgedefault.empty()) {
      default_directed_ = options_.directed;
      edgedefault_missing_ = true;
    } else {
      in_.fail(graph_el,
               fmt::format("edgedefault '{}' is neither directed nor undirected", edgedefault),
               "edgedefault");
    }
    std::vector<pugi::xml_node> edges;
    for (auto child : graph_el.children()) {
      if (child.type() != pugi::node_element) continue;
      const auto name = xml::local_name(child);
      if (name == "node") {
        read_node(child);
      } else if (name == "edge") {
        edges.push_back(child);
      } else if (name == "hyperedge") {
        in_.fail(child, "hyperedges are not supported; write each as ordinary edges");
      } else if (name == "data") {
        ++graph_data_;
      }
    }
    for (auto edge : edges)
      read_edge(edge);
  }

  struct Fields {
    std::optional<std::string> label, kind, relation, yfiles_label;
    std::optional<double> weight;
    graph::Interval valid;
    std::vector<std::pair<const KeyDecl*, Value>> plain;
  };

  Fields read_data(pugi::xml_node element, bool for_nodes) {
    Fields f;
    const auto& keys = for_nodes ? node_keys_ : edge_keys_;
    std::vector<const KeyDecl*> seen;
    pugi::xml_node end_at;
    for (auto d : xml::children_named(element, "data")) {
      const std::string key = d.attribute("key").value();
      const auto it = keys.find(key);
      if (it == keys.end() && other_domain_keys_[for_nodes ? 0 : 1].count(key)) {
        ++misplaced_data_;
        continue;
      }
      if (it == keys.end())
        in_.fail(d,
                 fmt::format("<data key='{}'> names no <key> declared for {}s", key,
                             for_nodes ? "node" : "edge"),
                 "key");
      const auto& decl = it->second;
      seen.push_back(&decl);
      const std::string text = own_text(d);
      const auto date = [&](std::string_view what) -> std::optional<Date> {
        const auto t = xml::trim(text);
        if (t.empty()) return std::nullopt;
        auto v = Date::parse(t);
        if (!v)
          in_.fail(d, fmt::format("{} '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", what, t));
        return v;
      };
      switch (decl.role) {
        case Role::Label:
          f.label = text;
          break;
        case Role::Kind:
          f.kind = std::string(xml::trim(text));
          break;
        case Role::Relation:
          f.relation = std::string(xml::trim(text));
          break;
        case Role::Weight: {
          const auto w = xml::parse_real(text);
          if (!w || !std::isfinite(*w))
            in_.fail(d, fmt::format("weight '{}' is not a finite number", xml::trim(text)));
          f.weight = *w;
          break;
        }
        case Role::Start:
          f.valid.start = date("start");
          break;
        case Role::End:
          f.valid.end = date("end");
          end_at = d;
          break;
        case Role::YNode:
        case Role::YEdge: {
          ++graphics_;
          auto label = descendant_text(d, decl.role == Role::YNode ? "NodeLabel" : "EdgeLabel");
          if (!label.empty()) f.yfiles_label = std::move(label);
          break;
        }
        case Role::Ignored:
          ++graphics_;
          break;
        case Role::Plain: {
          auto value = parse(decl.type, text);
          if (!value)
            in_.fail(d, fmt::format("'{}' is not {} (key '{}')", xml::trim(text),
                                    detail::type_word(decl.type), decl.name));
          f.plain.emplace_back(&decl, std::move(*value));
          break;
        }
      }
    }
    for (const auto& [id, decl] : keys) {
      if (!decl.default_value || std::find(seen.begin(), seen.end(), &decl) != seen.end()) continue;
      f.plain.emplace_back(&decl, *decl.default_value);
      ++(for_nodes ? node_defaults_ : edge_defaults_)[decl.name];
    }
    if (f.valid.start && f.valid.end && f.valid.start->first_day() >= f.valid.end->first_day())
      in_.fail(end_at,
               fmt::format("the interval {} is empty: validity is [start, end), so the end must "
                           "come after the start",
                           f.valid.to_string()));
    return f;
  }

  void store(graph::AttributeTable& table, std::size_t element, Fields& f) {
    for (auto& [decl, value] : f.plain)
      if (!graph::is_missing(value)) table.set(decl->column, element, std::move(value));
  }

  void read_node(pugi::xml_node node) {
    ++result_.report.node_rows;
    const std::string id = node.attribute("id").value();
    if (id.empty()) in_.fail(node, "<node> has no id");
    if (xml::child_named(node, "graph"))
      in_.fail(node, "nested graphs (a <graph> inside a <node>) are not supported");
    auto f = read_data(node, true);
    std::string label = f.label ? *f.label : f.yfiles_label ? *f.yfiles_label : std::string();
    const std::string kind =
        f.kind && !f.kind->empty() ? *f.kind : std::string(graph::kDefaultKind);
    graph::NodeIndex n = 0;
    xml::check_node_room(in_, node, result_.graph);
    try {
      n = result_.graph.add_node(id, std::move(label), kind, f.valid);
    } catch (const InputError& e) {
      in_.fail(node, e.what(), "id");
    }
    store(result_.graph.node_attributes(), n, f);
  }

  void read_edge(pugi::xml_node edge) {
    ++result_.report.edge_rows;
    graph::EdgeSpec spec;
    spec.id = edge.attribute("id").value();
    spec.source = xml::edge_endpoint(in_, edge, "source", options_.strict, result_);
    spec.target = xml::edge_endpoint(in_, edge, "target", options_.strict, result_);
    if (auto d = edge.attribute("directed")) {
      const auto directed = xml::parse_bool(d.value());
      if (!directed)
        in_.fail(edge, fmt::format("directed='{}' is neither true nor false", d.value()),
                 "directed");
      spec.directed = *directed;
    } else {
      spec.directed = default_directed_;
      if (edgedefault_missing_) ++defaulted_edges_;
    }
    auto f = read_data(edge, false);
    if (f.relation && !f.relation->empty()) spec.relation = *f.relation;
    if (f.weight) spec.weight = *f.weight;
    spec.valid = f.valid;
    const auto e = xml::add_edge_at(in_, edge, result_.graph, spec);
    auto& table = result_.graph.edge_attributes();
    store(table, e, f);
    if (f.yfiles_label) {
      try {
        table.set(table.declare("label", AttrType::String), e, *f.yfiles_label);
      } catch (const InputError& err) {
        in_.fail(edge, err.what());
      }
    }
  }

  void note(std::string message) {
    result_.report.notes.push_back({in_.path(), 0, std::move(message)});
  }

  void finish_report() {
    auto& r = result_.report;
    for (const auto& [name, count] : node_defaults_)
      r.defaulted.push_back(
          {in_.path(), 0,
           fmt::format("{} nodes took the declared default of key '{}'", count, name)});
    for (const auto& [name, count] : edge_defaults_)
      r.defaulted.push_back(
          {in_.path(), 0,
           fmt::format("{} edges took the declared default of key '{}'", count, name)});
    if (defaulted_edges_ > 0)
      r.defaulted.push_back(
          {in_.path(), 0,
           fmt::format("no edgedefault: {} edges without a directed attribute read as {} (pass "
                       "--directed to change)",
                       defaulted_edges_, default_directed_ ? "directed" : "undirected")});
    if (other_keys_ > 0)
      note(fmt::format("{} keys for the graph, ports or hyperedges not read", other_keys_));
    if (misplaced_data_ > 0)
      note(
          fmt::format("{} <data> values whose key is declared for another domain (e.g. a "
                      "graph key on a node) not read",
                      misplaced_data_));
    if (graph_data_ > 0) note(fmt::format("{} graph-level <data> values not read", graph_data_));
    if (graphics_ > 0)
      note(fmt::format("{} yFiles graphics values not read (labels kept)", graphics_));
  }

  XmlInput in_;
  const ImportOptions& options_;
  ImportResult result_;
  std::map<std::string, KeyDecl> node_keys_, edge_keys_;
  std::map<std::string, std::size_t> node_defaults_, edge_defaults_;
  bool default_directed_ = false, edgedefault_missing_ = false;
  std::set<std::string> other_domain_keys_[2];  ///< keys not for nodes [0] / edges [1]
  std::size_t defaulted_edges_ = 0, other_keys_ = 0, graph_data_ = 0, graphics_ = 0;
  std::size_t misplaced_data_ = 0;
};

}  // namespace

ImportResult read_graphml(const std::string& path, const ImportOptions& options) {
  return GraphMlReader(path, options).read();
}

}  // namespace actornet::importers
