// JSON: NetworkX node-link data and cytoscape.js elements, read with nlohmann-json.
//
// Node-link: {"directed": b, "multigraph": b, "graph": {...}, "nodes": [{"id": ..}],
// "links"|"edges": [{"source": .., "target": .., "key": ..}]}. cytoscape.js: {"elements":
// {"nodes": [{"data": {"id": ..}}], "edges": [{"data": {"id", "source", "target"}}]}} or
// "elements": [{"group": "nodes"|"edges", "data": {...}}].
//
// Our fields: nodes `id`, `label` (cytoscape also `name`), `kind`, `start`, `end`; edges `id`,
// `source`, `target`, `relation`, `directed` (per edge), `weight`, `start`, `end`; in node-link a
// string `key` is the edge id when there is no `id`, and integer keys (NetworkX's per-pair
// counters) are not kept. Every other member is an attribute typed from its JSON type (string,
// integer, real, bool; arrays become lists of strings, objects their JSON text; null is missing).
// An edge naming a node the file does not list is an error: both layouts list every node.
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "graph/errors.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {
namespace {

using nlohmann::json;
using PathStep = std::variant<std::string, std::size_t>;
using JsonPath = std::vector<PathStep>;

// ---------------------------------------------------------------------------------------------
// Where a value starts in the text: nlohmann keeps no positions, so an error about an element
// walks the (already validated) text again to the element's path.

std::size_t skip_space(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
    ++i;
  return i;
}

std::size_t skip_string(std::string_view t, std::size_t i) {
  for (++i; i < t.size() && t[i] != '"'; ++i)
    if (t[i] == '\\') ++i;
  return i + 1;
}

std::size_t skip_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    while (i < t.size()) {
      const char c = t[i];
      if (c == '"') {
        i = skip_string(t, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return i;
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
         t[i] != '\r' && t[i] != '\t')
    ++i;
  return i;
}

std::optional<std::size_t> locate(std::string_view t, const JsonPath& path) {
  std::size_t i = skip_space(t, 0);
  for (const auto& step : path) {
    if (i >= t.size()) return std::nullopt;
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (t[i] != '{') return std::nullopt;
      i = skip_space(t, i + 1);
      bool found = false;
      while (i < t.size() && t[i] == '"') {
        const std::size_t end = skip_string(t, i);
        const auto name = t.substr(i + 1, end - i - 2);
        i = skip_space(t, end);
        if (i >= t.size() || t[i] != ':') return std::nullopt;
        i = skip_space(t, i + 1);
        if (name == *key) {
          found = true;
          break;
        }
        i = skip_space(t, skip_value(t, i));
        if (i < t.size() && t[i] == ',') i = skip_space(t, i + 1);
      }
      if (!found) return std::nullopt;
    } else {
      if (t[i] != '[') return std::nullopt;
      i = skip_space(t, i + 1);
      for (std::size_t k = 0; k < std::get<std::size_t>(step); ++k) {
        if (i >= t.size() || t[i] == ']') return std::nullopt;
        i = skip_space(t, skip_value(t, i));
        if (i < t.size() && t[i] == ',') i = skip_space(t, i + 1);
      }
      if (i >= t.size() || t[i] == ']') return std::nullopt;
    }
  }
  return i;
}

std::string describe(const JsonPath& path) {
  std::string out;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step))
      out += (out.empty() ? "" : ".") + *key;
    else
      out += fmt::format("[{}]", std::get<std::size_t>(step));
  }
  return out;
}

std::string json_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

graph::Value to_value(const json& v) {
  switch (v.type()) {
    case json::value_t::string:
      return v.get<std::string>();
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::number_integer:
      return v.get<std::int64_t>();
    case json::value_t::number_unsigned: {
      const auto u = v.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(u);
      return static_cast<double>(u);
    }
    case json::value_t::number_float:
      return v.get<double>();
    case json::value_t::array: {
      std::vector<std::string> items;
      for (const auto& item : v)
        items.push_back(json_text(item));
      return items;
    }
    case json::value_t::object:
      return v.dump();
    default:
      return std::monostate{};
  }
}

class JsonReader {
 public:
  JsonReader(const std::string& path, const ImportOptions& options)
      : path_(path), options_(options) {}

  ImportResult read() {
    text_ = read_text_file(path_);
    result_.report.files.push_back(path_);
    detail::check_utf8(text_, path_);
    detail::check_json_depth(text_, path_);
    json doc;
    try {
      doc = json::parse(text_);
    } catch (const json::parse_error& e) {
      const auto at = position_at(e.byte == 0 ? 0 : e.byte - 1);
      std::string what = e.what();
      if (const auto colon = what.rfind(": "); colon != std::string::npos)
        what = what.substr(colon + 2);
      throw ParseError(path_, at.line, at.column,
                       fmt::format("not valid JSON: {} (NaN and Infinity are not JSON; a "
                                   "truncated file ends early)",
                                   what));
    } catch (const json::out_of_range& e) {
      const auto at = detail::json_overflow_position(text_, e.what());
      throw ParseError(path_, at.line, at.column,
                       "not valid JSON: a number is beyond the range of a double");
    }
    if (!doc.is_object())
      fail({},
           "the top level is not an object; expected NetworkX node-link data "
           "({\"nodes\": [...], \"links\": [...]}) or cytoscape.js ({\"elements\": ...})");
    if (doc.contains("elements")) {
      read_cytoscape(doc);
    } else if (doc.contains("nodes")) {
      read_node_link(doc);
    } else {
      fail({},
           "neither NetworkX node-link data (no \"nodes\" member) nor cytoscape.js elements "
           "(no \"elements\" member)");
    }
    node_attrs_.apply(result_.graph.node_attributes(), "node", path_, result_.report);
    edge_attrs_.apply(result_.graph.edge_attributes(), "edge", path_, result_.report);
    if (defaulted_direction_.count)
      result_.report.defaulted.push_back(ReportEntry{
          path_, 0,
          fmt::format("no direction given: {} edges read as {} ({})", defaulted_direction_.count,
                      options_.directed ? "directed" : "undirected",
                      options_.directed ? "as --directed asks" : "pass --directed to change")});
    if (integer_keys_.count)
      result_.report.notes.push_back(
          ReportEntry{path_, 0,
                      fmt::format("{} integer edge keys (NetworkX's per-pair counters) not kept; "
                                  "those edges get generated ids",
                                  integer_keys_.count)});
    return std::move(result_);
  }

 private:
  detail::TextPosition position_at(std::size_t offset) const {
    return detail::position_of(text_, offset);
  }

  [[noreturn]] void fail(const JsonPath& where, const std::string& message) const {
    detail::TextPosition at{0, 0};
    if (const auto offset = locate(text_, where)) at = position_at(*offset);
    const std::string place = where.empty() ? std::string() : describe(where) + ": ";
    throw ParseError(path_, at.line, at.column, place + message);
  }

  // The member `key` of the object at `where` is one attribute name too many.
  [[noreturn]] void too_many_attributes(const JsonPath& where, const std::string& key,
                                        std::string_view what) const {
    JsonPath p = where;
    p.emplace_back(key);
    detail::TextPosition at{0, 0};
    if (const auto offset = locate(text_, p)) at = position_at(*offset);
    detail::throw_too_many_attributes(what, key, path_, at.line, at.column);
  }

  std::string id_text(const json& v, const JsonPath& where, std::string_view what) const {
    if (v.is_string()) {
      if (v.get_ref<const std::string&>().empty()) fail(where, fmt::format("empty {}", what));
      return v.get<std::string>();
    }
    if (v.is_number_integer() || v.is_number_unsigned() || v.is_number_float()) return v.dump();
    fail(where, fmt::format("the {} is {}, not a string or a number", what, v.type_name()));
  }

  std::optional<graph::Date> date_of(const json& v, const JsonPath& where) const {
    if (v.is_null()) return std::nullopt;
    if (auto d = detail::date_from_value(to_value(v))) return d;
    fail(where, fmt::format("'{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", json_text(v)));
  }

  graph::Interval interval_of(const json& obj, const JsonPath& where) const {
    graph::Interval valid;
    auto at = [&](const char* key) {
      JsonPath p = where;
      p.emplace_back(std::string(key));
      return p;
    };
    if (auto it = obj.find("start"); it != obj.end()) valid.start = date_of(*it, at("start"));
    if (auto it = obj.find("end"); it != obj.end()) valid.end = date_of(*it, at("end"));
    if (valid.start && valid.end && valid.start->first_day() >= valid.end->first_day())
      fail(at("end"), fmt::format("the interval {} is empty: validity is [start, end), so the end "
                                  "must come after the start",
                                  valid.to_string()));
    return valid;
  }

  // Adds a node from an object holding its fields; `where` is the object's path.
  void add_node(const json& obj, const JsonPath& where, bool cytoscape) {
    auto& g = result_.graph;
    if (!obj.is_object()) fail(where, fmt::format("a node is {}, not an object", obj.type_name()));
    const auto id_it = obj.find("id");
    if (id_it == obj.end()) fail(where, "a node without an \"id\"; give every node an id");
    JsonPath id_path = where;
    id_path.emplace_back(std::string("id"));
    const std::string id = id_text(*id_it, id_path, "node id");
    if (g.find_node(id))
      fail(id_path, fmt::format("node id '{}' is listed twice; node ids must be unique", id));
    std::string label;
    std::string kind(graph::kDefaultKind);
    const char* label_key = "label";
    if (cytoscape && !obj.contains("label") && obj.contains("name")) label_key = "name";
    if (auto it = obj.find(label_key); it != obj.end() && !it->is_null()) label = json_text(*it);
    if (auto it = obj.find("kind"); it != obj.end() && !it->is_null()) {
      kind = json_text(*it);
      if (kind.empty()) kind = graph::kDefaultKind;
    }
    detail::check_node_room(g, path_, 0);
    const auto node = g.add_node(id, label, kind, interval_of(obj, where));
    for (const auto& [key, value] : obj.items()) {
      if (key == "id" || key == label_key || key == "kind" || key == "start" || key == "end")
        continue;
      if (!node_attrs_.admits(key)) too_many_attributes(where, key, "node");
      node_attrs_.add(node, key, to_value(value));
    }
    ++result_.report.node_rows;
  }

  graph::NodeIndex endpoint(const json& obj, const char* role, const JsonPath& where) const {
    JsonPath p = where;
    p.emplace_back(std::string(role));
    const auto it = obj.find(role);
    if (it == obj.end()) fail(where, fmt::format("an edge without a \"{}\"", role));
    const std::string id = id_text(*it, p, std::string(role));
    if (auto n = result_.graph.find_node(id)) return *n;
    fail(p, fmt::format("edge {} '{}' names no node of the file; add the node to the node list "
                        "or fix the edge",
                        role, id));
  }

  void add_edge(const json& obj, const JsonPath& where, bool graph_directed, bool has_direction,
                bool node_link) {
    if (!obj.is_object()) fail(where, fmt::format("an edge is {}, not an object", obj.type_name()));
    graph::EdgeSpec spec;
    spec.source = endpoint(obj, "source", where);
    spec.target = endpoint(obj, "target", where);
    auto at = [&](const char* key) {
      JsonPath p = where;
      p.emplace_back(std::string(key));
      return p;
    };
    std::string relation(graph::kDefaultRelation);
    if (auto it = obj.find("relation"); it != obj.end() && !it->is_null()) {
      relation = json_text(*it);
      if (relation.empty()) relation = graph::kDefaultRelation;
    }
    spec.relation = relation;
    spec.directed = graph_directed;
    if (auto it = obj.find("directed"); it != obj.end() && !it->is_null()) {
      if (!it->is_boolean())
        fail(at("directed"), fmt::format("\"directed\" is {}; write true or false", it->dump()));
      spec.directed = it->get<bool>();
    } else if (!has_direction) {
      defaulted_direction_.add(0);
    }
    if (auto it = obj.find("weight"); it != obj.end() && !it->is_null()) {
      if (!it->is_number())
        fail(at("weight"),
             fmt::format("weight {} is not a number; write a number such as 2 or 0.5", it->dump()));
      spec.weight = it->get<double>();
    }
    spec.valid = interval_of(obj, where);
    bool key_used = false;
    if (auto it = obj.find("id"); it != obj.end() && !it->is_null()) {
      spec.id = id_text(*it, at("id"), "edge id");
    } else if (auto key = obj.find("key"); node_link && key != obj.end()) {
      if (key->is_string() && !key->get_ref<const std::string&>().empty() &&
          !result_.graph.find_edge(key->get<std::string>())) {
        spec.id = key->get<std::string>();
        key_used = true;
      } else if (key->is_number_integer() || key->is_number_unsigned()) {
        integer_keys_.add(0);
        key_used = true;
      }
    }
    auto& g = result_.graph;
    if (!spec.id.empty() && g.find_edge(spec.id))
      fail(at("id"), fmt::format("edge id '{}' is used twice; edge ids must be unique", spec.id));
    graph::EdgeIndex e = 0;
    detail::check_edge_room(g, path_, 0);
    try {
      e = g.add_edge(spec);
    } catch (const InputError& error) {
      fail(where, error.what());
    }
    for (const auto& [key, value] : obj.items()) {
      if (key == "source" || key == "target" || key == "relation" || key == "directed" ||
          key == "weight" || key == "start" || key == "end" || key == "id" ||
          (key == "key" && key_used))
        continue;
      if (!edge_attrs_.admits(key)) too_many_attributes(where, key, "edge");
      edge_attrs_.add(e, key, to_value(value));
    }
    ++result_.report.edge_rows;
  }

  void read_node_link(const json& doc) {
    bool directed = options_.directed;
    bool has_direction = false;
    if (auto it = doc.find("directed"); it != doc.end() && it->is_boolean()) {
      directed = it->get<bool>();
      has_direction = true;
    }
    const auto& nodes = doc.at("nodes");
    if (!nodes.is_array()) fail({std::string("nodes")}, "\"nodes\" is not an array");
    for (std::size_t i = 0; i < nodes.size(); ++i)
      add_node(nodes[i], {std::string("nodes"), i}, false);
    const char* edges_key = doc.contains("links") ? "links" : "edges";
    if (doc.contains("links") && doc.contains("edges"))
      fail({std::string("edges")}, "both \"links\" and \"edges\" are present; keep one");
    if (auto it = doc.find(edges_key); it != doc.end()) {
      if (!it->is_array())
        fail({std::string(edges_key)}, fmt::format("\"{}\" is not an array", edges_key));
      for (std::size_t i = 0; i < it->size(); ++i)
        add_edge((*it)[i], {std::string(edges_key), i}, directed, has_direction, true);
    }
    if (auto it = doc.find("graph"); it != doc.end() && it->is_object() && !it->empty()) {
      std::string names;
      for (const auto& [key, value] : it->items())
        names += (names.empty() ? "" : ", ") + key;
      result_.report.notes.push_back(
          ReportEntry{path_, 0, fmt::format("graph attributes not kept: {}", names)});
    }
  }

  // One cytoscape element: {"group": .., "data": {..}, "position": {..}}.
  void read_element(const json& element, const JsonPath& where, std::optional<bool> is_edge) {
    if (!element.is_object())
      fail(where, fmt::format("an element is {}, not an object", element.type_name()));
    const auto data_it = element.find("data");
    if (data_it == element.end() || !data_it->is_object())
      fail(where, "an element without a \"data\" object");
    JsonPath data_path = where;
    data_path.emplace_back(std::string("data"));
    if (auto group = element.find("group"); group != element.end() && group->is_string()) {
      const auto& name = group->get_ref<const std::string&>();
      if (name == "nodes") {
        is_edge = false;
      } else if (name == "edges") {
        is_edge = true;
      } else {
        JsonPath p = where;
        p.emplace_back(std::string("group"));
        fail(p, fmt::format("group '{}' is neither \"nodes\" nor \"edges\"", name));
      }
    }
    if (!is_edge) is_edge = data_it->contains("source") && data_it->contains("target");
    if (*is_edge) {
      add_edge(*data_it, data_path, options_.directed, false, false);
      return;
    }
    add_node(*data_it, data_path, true);
    if (auto pos = element.find("position"); pos != element.end() && pos->is_object()) {
      const auto node = static_cast<graph::NodeIndex>(result_.graph.node_count() - 1);
      for (const char* axis : {"x", "y"})
        if (auto v = pos->find(axis); v != pos->end() && v->is_number())
          node_attrs_.add(node, axis, v->get<double>());
    }
  }

  void read_cytoscape(const json& doc) {
    const auto& elements = doc.at("elements");
    const JsonPath root{std::string("elements")};
    if (elements.is_array()) {
      // Nodes first, so that edges listed before their nodes still find them.
      for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < elements.size(); ++i) {
          const auto& el = elements[i];
          bool edge = false;
          if (el.is_object()) {
            if (auto g = el.find("group"); g != el.end() && g->is_string())
              edge = g->get<std::string>() == "edges";
            else if (auto d = el.find("data"); d != el.end() && d->is_object())
              edge = d->contains("source") && d->contains("target");
          }
          if (edge == (pass == 1)) read_element(el, {std::string("elements"), i}, std::nullopt);
        }
      return;
    }
    if (!elements.is_object())
      fail(root, "\"elements\" is neither an array nor an object with \"nodes\" and \"edges\"");
    for (const char* group : {"nodes", "edges"}) {
      const auto it = elements.find(group);
      if (it == elements.end()) continue;
      const JsonPath path{std::string("elements"), std::string(group)};
      if (!it->is_array()) fail(path, fmt::format("\"{}\" is not an array", group));
      for (std::size_t i = 0; i < it->size(); ++i) {
        JsonPath p = path;
        p.emplace_back(i);
        read_element((*it)[i], p, std::string_view(group) == "edges");
      }
    }
  }

  const std::string& path_;
  const ImportOptions& options_;
  std::string text_;
  ImportResult result_;
  detail::AttributeStage node_attrs_, edge_attrs_;
  detail::Tally defaulted_direction_, integer_keys_;
};

}  // namespace

/// Reads NetworkX node-link JSON or cytoscape.js elements (see the top of this file).
/// Throws ParseError with line and column for invalid JSON (nlohmann's byte offset), for a
/// layout that is neither, a node without an id or listed twice, an edge naming an unlisted
/// node, a weight that is not a number, a bad date or an empty interval. Time: linear in the
/// file size (an error walks the text once more to find the element's line).
ImportResult read_json(const std::string& path, const ImportOptions& options) {
  return JsonReader(path, options).read();
}

}  // namespace actornet::importers
