// GEXF reader: 1.3 (namespace http://gexf.net/1.3 or http://www.gexf.net/1.3), 1.2draft and
// 1.1draft. See README "Formats" for the mapping; in short:
//
// * node id, label; a node attribute titled `kind` is the node's kind; edge id, source,
//   target, `type` (directed, undirected; mutual is read as undirected), `kind` (the
//   relation), `weight`, `label` (kept as the edge attribute `label`);
// * `start`/`end` (or `timestamp`, a one-interval `intervals`/`timestamps`, or one `<spell>`)
//   with timeformat date/dateTime: GEXF intervals are closed, so the end is the last day
//   included and becomes the half-open end `end + 1 day` (an end of a coarser precision, e.g.
//   `2024`, covers its whole period: [.., 2025)). The string attribute `interval` that actornet
//   writes for bounds known only to the month or year restores their precision when it agrees
//   with start/end. Numeric times (timeformat integer/double) are kept as real attributes
//   `start` and `end`, since validity intervals are dates;
// * typed attributes: integer/long/short/byte/biginteger -> int, double/float/bigdecimal ->
//   real, boolean -> bool, string/anyURI/char -> string, date -> date, list* -> list; a string
//   attribute whose id ends in `:date` (how actornet writes dates, since the 1.3 schema has no
//   date type) -> date. Declared defaults fill missing values (reported).
//
// Not read: viz: elements (noted), hierarchy (nested nodes: an error), dynamic attribute values
// (an error: one value per attribute).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
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
using graph::Interval;
using graph::Value;
using xml::XmlInput;

constexpr std::string_view kGexfNamespaces[] = {
    "http://gexf.net/1.3",          "http://www.gexf.net/1.3",      "http://gexf.net/1.2draft",
    "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.1draft",
};

enum class Role { Plain, Kind, IntervalHint };

struct AttrDecl {
  std::string title;
  AttrType type = AttrType::String;
  std::optional<Value> default_value;
  Role role = Role::Plain;
  std::size_t column = 0;  ///< in the graph's table, for Plain
};

enum class TimeFormat { Auto, Dates, Numbers };

std::optional<AttrType> gexf_attr_type(std::string_view type, std::string_view id) {
  if (type == "integer" || type == "long" || type == "short" || type == "byte" ||
      type == "biginteger")
    return AttrType::Integer;
  if (type == "double" || type == "float" || type == "bigdecimal") return AttrType::Real;
  if (type == "boolean") return AttrType::Bool;
  if (type == "date") return AttrType::Date;
  if (type.starts_with("list")) return AttrType::List;
  if (type == "string" || type == "anyURI" || type == "char" || type.empty()) {
    if (id.ends_with(":date")) return AttrType::Date;
    return AttrType::String;
  }
  return std::nullopt;
}

class GexfReader {
 public:
  GexfReader(const std::string& path, const ImportOptions& options)
      : in_(path), options_(options) {}

  ImportResult read() {
    result_.report.files.push_back(in_.path());
    const auto root = in_.root();
    if (xml::local_name(root) != "gexf")
      in_.fail(root, fmt::format("the root element is <{}>, not <gexf>; is this a GEXF file?",
                                 root.name()));
    check_namespace(root);
    const auto graph_el = xml::child_named(root, "graph");
    if (!graph_el) in_.fail(root, "<gexf> holds no <graph> element");
    read_graph_settings(graph_el);
    for (auto attributes : xml::children_named(graph_el, "attributes"))
      read_declarations(attributes);
    if (auto nodes = xml::child_named(graph_el, "nodes"))
      for (auto node : xml::children_named(nodes, "node"))
        read_node(node);
    if (auto edges = xml::child_named(graph_el, "edges"))
      for (auto edge : xml::children_named(edges, "edge"))
        read_edge(edge);
    finish_report();
    return std::move(result_);
  }

 private:
  void check_namespace(pugi::xml_node root) {
    const auto ns = xml::namespace_of(root, xml::prefix_of(root));
    if (!ns) {
      note(0, "the <gexf> element declares no namespace; read as GEXF 1.3");
      return;
    }
    for (auto known : kGexfNamespaces)
      if (*ns == known) return;
    in_.fail(root,
             fmt::format("unknown GEXF namespace '{}'; expected http://gexf.net/1.3 (or "
                         "http://www.gexf.net/1.3, http://www.gexf.net/1.2draft)",
                         *ns),
             "xmlns");
  }

  void read_graph_settings(pugi::xml_node graph_el) {
    const std::string_view type = graph_el.attribute("defaultedgetype").value();
    if (type.empty()) {
      default_directed_ = false;
      default_type_given_ = false;
    } else if (type == "directed") {
      default_directed_ = true;
    } else if (type == "undirected" || type == "mutual") {
      default_directed_ = false;
    } else {
      in_.fail(graph_el,
               fmt::format("defaultedgetype '{}' is not directed, undirected or mutual", type),
               "defaultedgetype");
    }
    const std::string_view format = graph_el.attribute("timeformat").value();
    if (format.empty()) {
      time_format_ = TimeFormat::Auto;
    } else if (format == "date" || format == "dateTime" || format == "datetime") {
      time_format_ = TimeFormat::Dates;
    } else if (format == "integer" || format == "double" || format == "long" || format == "float") {
      time_format_ = TimeFormat::Numbers;
    } else {
      in_.fail(graph_el,
               fmt::format("timeformat '{}' is not date, dateTime, integer or double", format),
               "timeformat");
    }
  }

  void read_declarations(pugi::xml_node attributes) {
    const std::string_view cls = attributes.attribute("class").value();
    if (cls != "node" && cls != "edge")
      in_.fail(attributes,
               fmt::format("<attributes class='{}'>: the class must be node or edge", cls),
               "class");
    const bool for_nodes = cls == "node";
    auto& decls = for_nodes ? node_decls_ : edge_decls_;
    auto& table = for_nodes ? result_.graph.node_attributes() : result_.graph.edge_attributes();
    for (auto a : xml::children_named(attributes, "attribute")) {
      const std::string id = a.attribute("id").value();
      if (id.empty()) in_.fail(a, "<attribute> has no id");
      if (decls.count(id)) in_.fail(a, fmt::format("attribute id '{}' is declared twice", id));
      if (decls.size() >= kLimits.attributes)
        in_.fail(a,
                 detail::too_many_attributes(
                     cls, a.attribute("title") ? a.attribute("title").value() : id.c_str()),
                 "id");
      AttrDecl decl;
      decl.title = a.attribute("title") ? a.attribute("title").value() : id;
      const std::string_view type_text = a.attribute("type").value();
      const auto type = gexf_attr_type(type_text, id);
      if (!type)
        in_.fail(a,
                 fmt::format("attribute '{}' has type '{}', which GEXF does not define", decl.title,
                             type_text),
                 "type");
      decl.type = *type;
      if (for_nodes && decl.title == "kind" && decl.type == AttrType::String) {
        decl.role = Role::Kind;
      } else if (decl.title == "interval" && decl.type == AttrType::String) {
        decl.role = Role::IntervalHint;
      } else {
        try {
          decl.column = table.declare(decl.title, decl.type);
        } catch (const InputError& e) {
          in_.fail(a, e.what());
        }
      }
      if (auto d = xml::child_named(a, "default")) {
        auto value = xml::parse_value(decl.type, d.text().get());
        if (!value)
          in_.fail(d, fmt::format("the default '{}' of attribute '{}' is not {}", d.text().get(),
                                  decl.title, detail::type_word(decl.type)));
        decl.default_value = std::move(*value);
      }
      decls.emplace(id, std::move(decl));
    }
  }

  // The attvalues of a node or edge: (declaration, value) pairs.
  std::vector<std::pair<const AttrDecl*, Value>> read_values(pugi::xml_node element,
                                                             bool for_nodes) {
    std::vector<std::pair<const AttrDecl*, Value>> values;
    const auto& decls = for_nodes ? node_decls_ : edge_decls_;
    const auto attvalues = xml::child_named(element, "attvalues");
    if (!attvalues) return values;
    for (auto v : xml::children_named(attvalues, "attvalue")) {
      const char* key_name = v.attribute("for") ? "for" : "id";
      const std::string key = v.attribute(key_name).value();
      const auto it = decls.find(key);
      if (it == decls.end())
        in_.fail(
            v,
            fmt::format("<attvalue {}='{}'> names no declared {} attribute; declare it in "
                        "<attributes class=\"{}\">",
                        key_name, key, for_nodes ? "node" : "edge", for_nodes ? "node" : "edge"),
            key_name);
      if (v.attribute("start") || v.attribute("end") || v.attribute("timestamp"))
        in_.fail(v,
                 fmt::format("attribute '{}' has a value over time (dynamic attribute); actornet "
                             "holds one value per attribute",
                             it->second.title));
      if (!v.attribute("value")) in_.fail(v, "<attvalue> has no value");
      auto value = xml::parse_value(it->second.type, v.attribute("value").value());
      if (!value)
        in_.fail(v,
                 fmt::format("'{}' is not {} (attribute '{}')", v.attribute("value").value(),
                             detail::type_word(it->second.type), it->second.title),
                 "value");
      values.emplace_back(&it->second, std::move(*value));
    }
    return values;
  }

  std::optional<Date> read_date(pugi::xml_node element, std::string_view attribute,
                                std::string_view text) {
    auto d = Date::parse(xml::trim(text));
    if (!d)
      in_.fail(element,
               fmt::format("{} '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a time after the "
                           "day ignored)",
                           attribute, text),
               attribute);
    return d;
  }

  // Whether the element's times are dates (true) or numbers (false), by the graph's
  // timeformat or, when it gives none, by the first time value seen.
  bool times_are_dates(std::string_view sample) {
    if (time_format_ == TimeFormat::Auto)
      time_format_ = Date::parse(xml::trim(sample)) && !xml::parse_real(sample)
                         ? TimeFormat::Dates
                         : TimeFormat::Numbers;
    return time_format_ == TimeFormat::Dates;
  }

  // One interval `[a, b]`, `(a, b)`, ... from a 1.3 `intervals` attribute; `<...>` optional.
  std::pair<std::string, std::string> one_interval(pugi::xml_node element, std::string_view name,
                                                   std::string_view text, bool& open_start,
                                                   bool& closed_end) {
    auto s = xml::trim(text);
    if (s.size() >= 2 && s.front() == '<' && s.back() == '>')
      s = xml::trim(s.substr(1, s.size() - 2));
    if (s.find(';') != std::string_view::npos)
      in_.fail(element,
               fmt::format("'{}' holds several intervals; actornet holds one validity interval "
                           "per node or edge",
                           name),
               name);
    if (s.size() < 2 || (s.front() != '[' && s.front() != '(') ||
        (s.back() != ']' && s.back() != ')'))
      in_.fail(element, fmt::format("{} '{}' is not an interval [start, end]", name, text), name);
    open_start = s.front() == '(';
    closed_end = s.back() == ']';
    s = s.substr(1, s.size() - 2);
    const auto comma = s.find(',');
    if (comma == std::string_view::npos)
      in_.fail(element, fmt::format("{} '{}' is not an interval [start, end]", name, text), name);
    return {std::string(xml::trim(s.substr(0, comma))),
            std::string(xml::trim(s.substr(comma + 1)))};
  }

  struct Times {
    Interval valid;
    std::optional<double> number_start, number_end;
  };

  Times read_times(pugi::xml_node element) {
    std::string start, end;
    bool open_start = false, closed_end = true, single = false;
    pugi::xml_node at = element;
    std::string_view start_name = "start", end_name = "end";
    if (auto a = element.attribute("timestamp")) {
      start = a.value();
      single = true;
      start_name = "timestamp";
    } else if (auto ts = element.attribute("timestamps")) {
      std::string_view s = xml::trim(ts.value());
      if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
      if (s.find(';') != std::string_view::npos || s.find(',') != std::string_view::npos)
        in_.fail(element, "several timestamps on one element; actornet holds one interval",
                 "timestamps");
      start = std::string(xml::trim(s));
      single = true;
      start_name = "timestamps";
    } else if (auto iv = element.attribute("intervals")) {
      std::tie(start, end) = one_interval(element, "intervals", iv.value(), open_start, closed_end);
      start_name = end_name = "intervals";
    } else if (element.attribute("start") || element.attribute("end")) {
      start = element.attribute("start").value();
      end = element.attribute("end").value();
    } else if (auto spells = xml::child_named(element, "spells")) {
      const auto list = xml::children_named(spells, "spell");
      if (list.size() > 1)
        in_.fail(spells,
                 fmt::format("{} spells on one element; actornet holds one validity interval per "
                             "node or edge (export each spell as its own edge)",
                             list.size()));
      if (!list.empty()) {
        at = list.front();
        if (auto ts_attr = at.attribute("timestamp")) {
          start = ts_attr.value();
          single = true;
          start_name = "timestamp";
        } else {
          start = at.attribute("start").value();
          end = at.attribute("end").value();
        }
      }
    }
    Times times;
    const std::string sample = start.empty() ? end : start;
    if (sample.empty()) return times;
    if (!times_are_dates(sample)) {
      auto number = [&](const std::string& text, std::string_view name) {
        auto v = xml::parse_real(text);
        if (!v)
          in_.fail(at, fmt::format("{} '{}' is not a number (timeformat is numeric)", name, text),
                   name);
        return *v;
      };
      if (!start.empty()) times.number_start = number(start, start_name);
      if (!end.empty()) times.number_end = number(end, end_name);
      if (single) times.number_end = times.number_start;
      numeric_times_ = true;
      return times;
    }
    if (!start.empty()) {
      auto d = read_date(at, start_name, start);
      times.valid.start = open_start ? d->period_end() : *d;
      if (single) times.valid.end = d->period_end();
    }
    if (!end.empty()) {
      auto d = read_date(at, end_name, end);
      times.valid.end = closed_end ? d->period_end() : *d;
    }
    if (times.valid.start && times.valid.end &&
        times.valid.start->first_day() >= times.valid.end->first_day())
      in_.fail(at, fmt::format("the interval ends before it starts ({} to {})", start, end),
               end_name);
    return times;
  }

  // Applies the `interval` attribute actornet writes to keep month and year precision.
  void apply_hint(const Value& hint, Times& times,
                  std::vector<std::pair<std::string, Value>>& kept) {
    const auto& text = std::get<std::string>(hint);
    const auto exact = xml::parse_interval_text(text);
    const auto same_day = [](const std::optional<Date>& a, const std::optional<Date>& b) {
      return a.has_value() == b.has_value() && (!a || a->first_day() == b->first_day());
    };
    if (exact && same_day(exact->start, times.valid.start) &&
        same_day(exact->end, times.valid.end)) {
      times.valid = *exact;
      return;
    }
    kept.emplace_back("interval", hint);
  }

  void set_plain(graph::AttributeTable& table, std::size_t element,
                 std::vector<std::pair<std::string, Value>>& extra) {
    for (auto& [name, value] : extra) {
      const auto column = table.declare(name, graph::AttrType::String);
      table.set(column, element, std::move(value));
    }
  }

  void set_numeric_times(graph::AttributeTable& table, std::size_t element, const Times& times) {
    if (times.number_start)
      table.set(table.declare("start", AttrType::Real), element, *times.number_start);
    if (times.number_end)
      table.set(table.declare("end", AttrType::Real), element, *times.number_end);
  }

  // Stores values and fills declared defaults; `defaults_used` counts per title.
  void store_values(graph::AttributeTable& table, std::size_t element,
                    const std::map<std::string, AttrDecl>& decls,
                    std::vector<std::pair<const AttrDecl*, Value>>& values,
                    std::map<std::string, std::size_t>& defaults_used) {
    std::vector<const AttrDecl*> seen;
    for (auto& [decl, value] : values) {
      seen.push_back(decl);
      if (decl->role == Role::Plain) table.set(decl->column, element, std::move(value));
    }
    for (const auto& [id, decl] : decls) {
      if (decl.role != Role::Plain || !decl.default_value) continue;
      if (std::find(seen.begin(), seen.end(), &decl) != seen.end()) continue;
      table.set(decl.column, element, *decl.default_value);
      ++defaults_used[decl.title];
    }
  }

  void read_node(pugi::xml_node node) {
    ++result_.report.node_rows;
    const std::string id = node.attribute("id").value();
    if (id.empty()) in_.fail(node, "<node> has no id");
    if (xml::child_named(node, "nodes"))
      in_.fail(node,
               "nested <nodes> (a hierarchical GEXF graph) are not supported; flatten the "
               "hierarchy first");
    auto values = read_values(node, true);
    auto times = read_times(node);
    std::string kind(graph::kDefaultKind);
    std::vector<std::pair<std::string, Value>> extra;
    for (auto& [decl, value] : values) {
      if (decl->role == Role::Kind && !std::get<std::string>(value).empty())
        kind = std::get<std::string>(value);
      if (decl->role == Role::IntervalHint) apply_hint(value, times, extra);
    }
    if (!node_decls_kind_default_checked_) {
      node_decls_kind_default_checked_ = true;
      for (const auto& [key, decl] : node_decls_)
        if (decl.role == Role::Kind && decl.default_value) kind_default_ = decl.default_value;
    }
    bool has_kind = false;
    for (auto& [decl, value] : values)
      has_kind = has_kind || decl->role == Role::Kind;
    if (!has_kind && kind_default_) kind = std::get<std::string>(*kind_default_);
    if (xml::child_named(node, "color") || xml::child_named(node, "position") ||
        xml::child_named(node, "size") || xml::child_named(node, "shape"))
      ++viz_ignored_;
    graph::NodeIndex n = 0;
    xml::check_node_room(in_, node, result_.graph);
    try {
      n = result_.graph.add_node(id, node.attribute("label").value(), kind, times.valid);
    } catch (const InputError& e) {
      in_.fail(node, e.what(), "id");
    }
    auto& table = result_.graph.node_attributes();
    store_values(table, n, node_decls_, values, node_defaults_used_);
    set_plain(table, n, extra);
    set_numeric_times(table, n, times);
  }

  void read_edge(pugi::xml_node edge) {
    ++result_.report.edge_rows;
    graph::EdgeSpec spec;
    spec.id = edge.attribute("id").value();
    spec.source = xml::edge_endpoint(in_, edge, "source", options_.strict, result_);
    spec.target = xml::edge_endpoint(in_, edge, "target", options_.strict, result_);
    const std::string_view type = edge.attribute("type").value();
    if (type.empty()) {
      spec.directed = default_directed_;
      if (!default_type_given_) ++untyped_edges_;
    } else if (type == "directed") {
      spec.directed = true;
    } else if (type == "undirected") {
      spec.directed = false;
    } else if (type == "mutual") {
      spec.directed = false;
      ++mutual_edges_;
    } else {
      in_.fail(edge, fmt::format("edge type '{}' is not directed, undirected or mutual", type),
               "type");
    }
    const std::string relation = edge.attribute("kind").value();
    if (!relation.empty()) spec.relation = relation;
    if (auto w = edge.attribute("weight")) {
      const auto weight = xml::parse_real(w.value());
      if (!weight || !std::isfinite(*weight))
        in_.fail(edge, fmt::format("weight '{}' is not a finite number", w.value()), "weight");
      spec.weight = *weight;
    }
    auto values = read_values(edge, false);
    auto times = read_times(edge);
    std::vector<std::pair<std::string, Value>> extra;
    for (auto& [decl, value] : values)
      if (decl->role == Role::IntervalHint) apply_hint(value, times, extra);
    if (xml::child_named(edge, "color") || xml::child_named(edge, "thickness") ||
        xml::child_named(edge, "shape"))
      ++viz_ignored_edges_;
    if (auto label = edge.attribute("label"))
      extra.emplace_back("label", std::string(label.value()));
    spec.valid = times.valid;
    const auto e = xml::add_edge_at(in_, edge, result_.graph, spec);
    auto& table = result_.graph.edge_attributes();
    store_values(table, e, edge_decls_, values, edge_defaults_used_);
    try {
      set_plain(table, e, extra);
    } catch (const InputError& err) {
      in_.fail(edge, err.what());
    }
    set_numeric_times(table, e, times);
  }

  void note(std::size_t line, std::string message) {
    result_.report.notes.push_back({in_.path(), line, std::move(message)});
  }

  void finish_report() {
    auto& r = result_.report;
    for (const auto& [title, count] : node_defaults_used_)
      r.defaulted.push_back(
          {in_.path(), 0,
           fmt::format("{} nodes took the declared default of attribute '{}'", count, title)});
    for (const auto& [title, count] : edge_defaults_used_)
      r.defaulted.push_back(
          {in_.path(), 0,
           fmt::format("{} edges took the declared default of attribute '{}'", count, title)});
    if (untyped_edges_ > 0)
      r.defaulted.push_back({in_.path(), 0,
                             fmt::format("no defaultedgetype: {} edges without a type read as "
                                         "undirected (GEXF's default)",
                                         untyped_edges_)});
    if (mutual_edges_ > 0)
      note(0, fmt::format("{} mutual edges read as undirected", mutual_edges_));
    if (viz_ignored_ > 0)
      note(0,
           fmt::format("viz: colour, size, position and shape of {} nodes not read", viz_ignored_));
    if (numeric_times_)
      note(0,
           "times are numbers, not dates: kept as the real attributes 'start' and 'end' (not "
           "as validity intervals)");
  }

  XmlInput in_;
  const ImportOptions& options_;
  ImportResult result_;
  bool default_directed_ = false;
  bool default_type_given_ = true;
  TimeFormat time_format_ = TimeFormat::Auto;
  std::map<std::string, AttrDecl> node_decls_, edge_decls_;
  std::map<std::string, std::size_t> node_defaults_used_, edge_defaults_used_;
  bool node_decls_kind_default_checked_ = false;
  std::optional<Value> kind_default_;
  std::size_t untyped_edges_ = 0, mutual_edges_ = 0, viz_ignored_ = 0, viz_ignored_edges_ = 0;
  bool numeric_times_ = false;
};

}  // namespace

ImportResult read_gexf(const std::string& path, const ImportOptions& options) {
  return GexfReader(path, options).read();
}

}  // namespace actornet::importers
