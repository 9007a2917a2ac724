// GML as igraph, NetworkX and yEd write it:
//   graph [ directed 1 multigraph 1 node [ id 0 label "a" ] edge [ source 0 target 1 ] ]
//
// Values are integers, reals (NetworkX's INF, -INF and NAN included), strings in double quotes
// (no escapes; HTML entities such as &amp; &quot; &#233; &#x2014; are decoded) and nested
// records `[ ... ]`, which become attributes with dotted names (`graphics [ x 1 ]` ->
// `graphics.x`). A key repeated in one record makes a list. `#` starts a comment line.
//
// Nodes: GML `id` (required, unique) is the key edges use; the node's id in actornet is the
// `name` when every node has a distinct string name (igraph's vertex names, and what our
// writer writes), else the GML id as text, and the name stays an attribute. `label`, `kind`,
// `start`, `end` fill the node's fields. Edges: `source`, `target` (GML ids of listed nodes),
// `directed` (per edge, else the graph's), `relation`, `weight`, `start`, `end`, `id` (edge
// id; NetworkX's string `key` too when there is no id; integer keys are not kept). Everything
// else is an attribute typed from its GML value.
//
// Duplicate edges without `multigraph 1` (igraph's celegansneural.gml has them) are kept, as
// every parallel edge is, and the report's notes count them.
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/utf8.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {
namespace {

struct GmlValue;
struct GmlPair;
using GmlList = std::vector<GmlPair>;

struct GmlValue {
  enum class Type { Integer, Real, String, List } type = Type::Integer;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;  ///< the string, or the number as written
  std::vector<GmlPair> list;
};

struct GmlPair {
  std::string key;
  GmlValue value;
  std::size_t line = 0;
  std::size_t column = 0;
};

// Appends the UTF-8 encoding of code point `cp`; false for one that is not a character.
bool append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  graph::encode_utf8(out, static_cast<char32_t>(cp));
  return true;
}

class GmlParser {
 public:
  GmlParser(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  GmlList parse() {
    GmlList top = parse_list(0);
    skip_space();
    if (pos_ < text_.size())
      fail_here(fmt::format("unexpected '{}' at the top level: a ']' closes no '['", text_[pos_]));
    return top;
  }

 private:
  [[noreturn]] void fail_at(std::size_t line, std::size_t column, std::string message) const {
    throw ParseError(path_, line, column, std::move(message));
  }
  [[noreturn]] void fail_here(std::string message) const {
    fail_at(line_, pos_ - line_start_ + 1, std::move(message));
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n')
          ++pos_;
      } else {
        break;
      }
    }
  }

  static bool key_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  static bool key_char(char c) { return key_start(c) || (c >= '0' && c <= '9'); }

  // Key-value pairs up to a ']' (depth > 0) or the end of the text (depth 0).
  GmlList parse_list(int depth) {
    GmlList list;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size()) {
        if (depth > 0)
          fail_here("the file ends inside a '[ ... ]' record: a ']' is missing (truncated file?)");
        return list;
      }
      if (text_[pos_] == ']') {
        if (depth == 0) return list;
        ++pos_;
        return list;
      }
      GmlPair pair;
      pair.line = line_;
      pair.column = pos_ - line_start_ + 1;
      if (!key_start(text_[pos_]))
        fail_here(fmt::format("expected a key (a word such as node, edge, id) but found '{}'",
                              text_[pos_]));
      const std::size_t begin = pos_;
      while (pos_ < text_.size() && key_char(text_[pos_]))
        ++pos_;
      pair.key = std::string(text_.substr(begin, pos_ - begin));
      skip_space();
      if (pos_ >= text_.size())
        fail_here(
            fmt::format("the file ends after the key '{}' without its value (truncated "
                        "file?)",
                        pair.key));
      pair.value = parse_value(depth, pair.key);
      list.push_back(std::move(pair));
    }
  }

  GmlValue parse_value(int depth, const std::string& key) {
    GmlValue v;
    const char c = text_[pos_];
    if (c == '[') {
      if (static_cast<std::size_t>(depth) + 1 > kLimits.nesting_depth)
        fail_here(
            fmt::format("records nested more than {} levels deep; actornet reads at most {} "
                        "levels (see Limits in README.md): flatten this record",
                        kLimits.nesting_depth, kLimits.nesting_depth));
      ++pos_;
      v.type = GmlValue::Type::List;
      v.list = parse_list(depth + 1);
      return v;
    }
    if (c == '"') {
      v.type = GmlValue::Type::String;
      v.text = parse_string();
      return v;
    }
    const std::size_t begin = pos_;
    const std::size_t column = pos_ - line_start_ + 1;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != '[' && text_[pos_] != ']' && text_[pos_] != '"')
      ++pos_;
    const auto word = text_.substr(begin, pos_ - begin);
    v.text = std::string(word);
    if (auto i = detail::parse_integer(word)) {
      v.type = GmlValue::Type::Integer;
      v.integer = *i;
      return v;
    }
    const std::string lowered = detail::ascii_lower(word);
    if (lowered == "inf" || lowered == "+inf" || lowered == "-inf" || lowered == "nan" ||
        lowered == "+nan" || lowered == "-nan") {
      v.type = GmlValue::Type::Real;
      v.real = lowered.find("nan") != std::string::npos
                   ? std::numeric_limits<double>::quiet_NaN()
                   : (lowered[0] == '-' ? -std::numeric_limits<double>::infinity()
                                        : std::numeric_limits<double>::infinity());
      return v;
    }
    if (auto d = detail::parse_double(word);
        d && word.find_first_of("0123456789") != std::string_view::npos) {
      v.type = GmlValue::Type::Real;
      v.real = *d;
      return v;
    }
    fail_at(line_, column,
            fmt::format("'{}' is not a GML value for key '{}': write an integer, a real, a "
                        "\"quoted string\" or a [ record ]",
                        word, key));
  }

  std::string parse_string() {
    const std::size_t open_line = line_;
    const std::size_t open_column = pos_ - line_start_ + 1;
    ++pos_;
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
      if (c == '&') {
        const auto semi = text_.find(';', pos_);
        if (semi != std::string_view::npos && semi - pos_ <= 10) {
          const auto entity = text_.substr(pos_ + 1, semi - pos_ - 1);
          bool decoded = true;
          if (entity == "amp") {
            out += '&';
          } else if (entity == "quot") {
            out += '"';
          } else if (entity == "lt") {
            out += '<';
          } else if (entity == "gt") {
            out += '>';
          } else if (entity == "apos") {
            out += '\'';
          } else if (entity.size() > 1 && entity[0] == '#') {
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            const auto digits = entity.substr(hex ? 2 : 1);
            unsigned long cp = 0;
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
            decoded = !digits.empty() && ec == std::errc{} &&
                      ptr == digits.data() + digits.size() && append_utf8(out, cp);
          } else {
            decoded = false;
          }
          if (decoded) {
            pos_ = semi + 1;
            continue;
          }
        }
      }
      out += c;
      ++pos_;
    }
    if (pos_ >= text_.size())
      fail_at(open_line, open_column,
              "a string opened here is never closed: a '\"' is missing (truncated file?)");
    ++pos_;
    return out;
  }

  std::string_view text_;
  const std::string& path_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
};

graph::Value to_value(const GmlValue& v) {
  switch (v.type) {
    case GmlValue::Type::Integer:
      return v.integer;
    case GmlValue::Type::Real:
      return v.real;
    case GmlValue::Type::String:
      return v.text;
    case GmlValue::Type::List:
      break;
  }
  return std::monostate{};
}

// The text an id is matched by: integers in canonical decimal (`007` is 7), else as written.
std::string id_text(const GmlValue& v) {
  return v.type == GmlValue::Type::Integer ? std::to_string(v.integer) : v.text;
}

class GmlReader {
 public:
  GmlReader(const std::string& path, const ImportOptions& options)
      : path_(path), options_(options) {}

  ImportResult read() {
    const std::string text = read_text_file(path_);
    result_.report.files.push_back(path_);
    detail::check_utf8(text, path_);
    const GmlList top = GmlParser(text, path_).parse();
    const GmlPair* graph_record = nullptr;
    for (const auto& pair : top) {
      if (pair.key != "graph") continue;
      if (pair.value.type != GmlValue::Type::List)
        fail(pair, "'graph' must be followed by a [ ... ] record");
      if (graph_record)
        fail(pair, fmt::format("a second 'graph' record (the first is at line {}); keep one graph "
                               "per file",
                               graph_record->line));
      graph_record = &pair;
    }
    if (!graph_record)
      throw ParseError(path_, 1, 1,
                       top.empty() ? "the file holds no GML: expected 'graph [ ... ]'"
                                   : "no 'graph [ ... ]' record: this is not a GML graph file");
    read_graph(*graph_record);
    node_attrs_.apply(result_.graph.node_attributes(), "node", path_, result_.report);
    edge_attrs_.apply(result_.graph.edge_attributes(), "edge", path_, result_.report);
    return std::move(result_);
  }

 private:
  [[noreturn]] void fail(const GmlPair& at, std::string message) const {
    throw ParseError(path_, at.line, at.column, std::move(message));
  }

  static const GmlPair* find(const GmlList& list, std::string_view key) {
    for (const auto& p : list)
      if (p.key == key) return &p;
    return nullptr;
  }

  bool flag(const GmlPair& p) const {
    if (p.value.type != GmlValue::Type::Integer || (p.value.integer != 0 && p.value.integer != 1))
      fail(p, fmt::format("'{}' must be 0 or 1, not '{}'", p.key, p.value.text));
    return p.value.integer == 1;
  }

  std::optional<graph::Date> date(const GmlPair& p) const {
    if (auto d = detail::date_from_value(to_value(p.value))) return d;
    fail(p, fmt::format("'{}' is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
                        p.value.text));
  }

  graph::Interval interval(const GmlList& record, const GmlPair& owner) const {
    graph::Interval valid;
    if (auto* p = find(record, "start")) valid.start = date(*p);
    if (auto* p = find(record, "end")) valid.end = date(*p);
    if (valid.start && valid.end && valid.start->first_day() >= valid.end->first_day())
      fail(owner, fmt::format("the interval {} is empty: validity is [start, end), so the end must "
                              "come after the start",
                              valid.to_string()));
    return valid;
  }

  // Stages an attribute, flattening nested records into dotted names.
  void stage(detail::AttributeStage& stage, std::size_t element, const std::string& name,
             const GmlPair& p, std::string_view what) {
    if (p.value.type == GmlValue::Type::List) {
      for (const auto& inner : p.value.list)
        this->stage(stage, element, name + "." + inner.key, inner, what);
      return;
    }
    if (!stage.admits(name)) detail::throw_too_many_attributes(what, name, path_, p.line, p.column);
    stage.add(element, name, to_value(p.value));
  }

  void read_graph(const GmlPair& graph_pair) {
    const GmlList& g = graph_pair.value.list;
    bool directed = options_.directed;
    bool multigraph = false;
    bool direction_given = false;
    std::vector<const GmlPair*> nodes, edges;
    std::string others;
    for (const auto& p : g) {
      if (p.key == "directed") {
        directed = flag(p);
        direction_given = true;
      } else if (p.key == "multigraph") {
        multigraph = flag(p);
      } else if (p.key == "node" || p.key == "edge") {
        if (p.value.type != GmlValue::Type::List)
          fail(p, fmt::format("'{}' must be followed by a [ ... ] record", p.key));
        (p.key == "node" ? nodes : edges).push_back(&p);
      } else if (others.find(p.key) == std::string::npos) {
        others += (others.empty() ? "" : ", ") + p.key;
      }
    }
    if (!others.empty())
      result_.report.notes.push_back(
          ReportEntry{path_, graph_pair.line, "graph attributes not kept: " + others});
    read_nodes(nodes);
    read_edges(edges, directed);
    if (!direction_given && !edges.empty())
      result_.report.defaulted.push_back(ReportEntry{
          path_, graph_pair.line,
          fmt::format("no 'directed' flag: {} edges read as {} ({})", edges.size(),
                      directed ? "directed" : "undirected",
                      options_.directed ? "as --directed asks" : "pass --directed to change")});
    if (!multigraph && duplicates_.count)
      result_.report.notes.push_back(ReportEntry{
          path_, duplicates_.first_line,
          fmt::format("{} duplicate edges (same endpoints as an earlier edge, first at line {}) "
                      "kept although the file does not say 'multigraph 1': actornet keeps "
                      "parallel edges",
                      duplicates_.count, duplicates_.first_line)});
  }

  void read_nodes(const std::vector<const GmlPair*>& nodes) {
    // The node ids: the names when every node has a distinct string name, else the GML ids.
    bool use_names = !nodes.empty();
    std::set<std::string> names;
    for (const auto* p : nodes) {
      const auto* name = find(p->value.list, "name");
      if (!name || name->value.type != GmlValue::Type::String || name->value.text.empty() ||
          !names.insert(name->value.text).second) {
        use_names = false;
        break;
      }
    }
    auto& graph = result_.graph;
    for (const auto* p : nodes) {
      const GmlList& record = p->value.list;
      const auto* id = find(record, "id");
      if (!id) fail(*p, "a node without an 'id'; give every node a unique id");
      if (id->value.type == GmlValue::Type::List) fail(*id, "a node id must be a number or string");
      const std::string key = id_text(id->value);
      detail::check_node_room(graph, path_, p->line);
      if (!gml_ids_.emplace(key, static_cast<graph::NodeIndex>(graph.node_count())).second)
        fail(*id, fmt::format("node id {} is used twice; GML node ids must be unique", key));
      std::string node_id = use_names ? find(record, "name")->value.text : key;
      if (node_id.empty()) fail(*id, "empty node id");
      std::string label, kind(graph::kDefaultKind);
      if (auto* l = find(record, "label"); l && l->value.type != GmlValue::Type::List)
        label = l->value.text;
      if (auto* k = find(record, "kind"); k && k->value.type != GmlValue::Type::List) {
        kind = k->value.text;
        if (kind.empty()) kind = graph::kDefaultKind;
      }
      const auto n = graph.add_node(node_id, label, kind, interval(record, *p));
      for (const auto& field : record) {
        if (field.key == "id" || field.key == "label" || field.key == "kind" ||
            field.key == "start" || field.key == "end" || (use_names && field.key == "name"))
          continue;
        stage(node_attrs_, n, field.key, field, "node");
      }
      ++result_.report.node_rows;
    }
    if (!use_names && !nodes.empty()) {
      bool any_name = false;
      for (const auto* p : nodes)
        any_name = any_name || find(p->value.list, "name");
      if (any_name)
        result_.report.notes.push_back(
            ReportEntry{path_, 0,
                        "node names are missing or repeated: nodes keyed by their GML id, "
                        "'name' kept as an attribute"});
    }
  }

  graph::NodeIndex endpoint(const GmlList& record, const GmlPair& edge, const char* role) const {
    const auto* p = find(record, role);
    if (!p) fail(edge, fmt::format("an edge without a '{}'", role));
    const auto it = gml_ids_.find(id_text(p->value));
    if (it == gml_ids_.end() || p->value.type == GmlValue::Type::List)
      fail(*p, fmt::format("edge {} {} names no node of the file; add a node with id {} or fix "
                           "the edge",
                           role, p->value.text, p->value.text));
    return it->second;
  }

  void read_edges(const std::vector<const GmlPair*>& edges, bool directed) {
    auto& graph = result_.graph;
    std::set<std::pair<graph::NodeIndex, graph::NodeIndex>> seen;
    for (const auto* p : edges) {
      const GmlList& record = p->value.list;
      graph::EdgeSpec spec;
      spec.source = endpoint(record, *p, "source");
      spec.target = endpoint(record, *p, "target");
      spec.directed = directed;
      if (auto* d = find(record, "directed")) spec.directed = flag(*d);
      std::string relation(graph::kDefaultRelation);
      if (auto* r = find(record, "relation"); r && r->value.type != GmlValue::Type::List) {
        relation = r->value.text;
        if (relation.empty()) relation = graph::kDefaultRelation;
      }
      spec.relation = relation;
      if (auto* w = find(record, "weight")) {
        if (w->value.type == GmlValue::Type::Integer)
          spec.weight = static_cast<double>(w->value.integer);
        else if (w->value.type == GmlValue::Type::Real && std::isfinite(w->value.real))
          spec.weight = w->value.real;
        else
          fail(*w, fmt::format("weight {} is not a finite number; write a number such as 2 or 0.5",
                               w->value.text));
      }
      spec.valid = interval(record, *p);
      bool key_used = false;
      if (auto* id = find(record, "id"); id && id->value.type != GmlValue::Type::List) {
        spec.id = id_text(id->value);
      } else if (auto* key = find(record, "key")) {
        if (key->value.type == GmlValue::Type::String && !key->value.text.empty() &&
            !graph.find_edge(key->value.text)) {
          spec.id = key->value.text;
          key_used = true;
        } else if (key->value.type == GmlValue::Type::Integer) {
          key_used = true;
        }
      }
      const auto e = detail::add_edge_at(graph, spec, path_, p->line);
      std::pair<graph::NodeIndex, graph::NodeIndex> pair{spec.source, spec.target};
      if (!spec.directed && pair.first > pair.second) std::swap(pair.first, pair.second);
      if (!seen.insert(pair).second) duplicates_.add(p->line);
      for (const auto& field : record) {
        if (field.key == "source" || field.key == "target" || field.key == "directed" ||
            field.key == "relation" || field.key == "weight" || field.key == "start" ||
            field.key == "end" || field.key == "id" || (field.key == "key" && key_used))
          continue;
        stage(edge_attrs_, e, field.key, field, "edge");
      }
      ++result_.report.edge_rows;
    }
  }

  const std::string& path_;
  const ImportOptions& options_;
  ImportResult result_;
  std::unordered_map<std::string, graph::NodeIndex> gml_ids_;
  detail::AttributeStage node_attrs_, edge_attrs_;
  detail::Tally duplicates_;
};

}  // namespace

/// Reads a GML graph (see the top of this file). Throws ParseError with line and column for a
/// syntax error (a bad value, an unclosed string or record, a stray ']'), a file without a
/// 'graph' record or with two, a node without an id or with a repeated one, an edge naming no
/// listed node, a non-numeric weight, a bad date or flag. Time: linear in the file size.
ImportResult read_gml(const std::string& path, const ImportOptions& options) {
  return GmlReader(path, options).read();
}

}  // namespace actornet::importers
