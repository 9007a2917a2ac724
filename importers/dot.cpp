// DOT, read through Graphviz's cgraph (agmemread on the file's text).
//
// Nodes: the DOT node name is the id; `label` (unless it is Graphviz's `\N`, the name) the
// label; `kind`, `start`, `end` fill the node's fields. Edges: direction from the graph type
// (`digraph` or `graph`), unless the edge has our attribute `directed=false|true` (our writer
// marks undirected edges of a digraph so, with `dir=none` for drawing, which is then not kept);
// `relation`, `weight` (a number), `start`, `end`, and `id` (the edge id) fill the edge's
// fields. Every other attribute with a non-empty value (set on the element or by a default
// statement such as `node [shape=box]`) is a string attribute. Non-strict graphs keep parallel
// edges; a `strict` graph has already merged them when Graphviz read it (noted). Subgraph and
// cluster membership and graph attributes are not kept (noted).
//
// Graphviz errors are captured (agseterrf) and thrown as a ParseError with the line Graphviz
// names; its warnings go to the report's notes.
#include <algorithm>
#include <cmath>
#include <graphviz/cgraph.h>
#include <memory>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {
namespace {

// Graphviz reports through a C callback without a context pointer: messages of the read in
// progress are collected here.
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}

int collect_message(char* message) {
  graphviz_messages() += message;
  return 0;
}

// Routes Graphviz's messages to graphviz_messages() while it lives; restores the previous
// handler after.
class MessageCapture {
 public:
  MessageCapture() : previous_(agseterrf(collect_message)) {
    graphviz_messages().clear();
    agreseterrors();
  }
  ~MessageCapture() { agseterrf(previous_); }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

 private:
  agusererrf previous_;
};

struct GraphCloser {
  void operator()(Agraph_t* g) const {
    if (g) agclose(g);
  }
};
using GraphOwner = std::unique_ptr<Agraph_t, GraphCloser>;

// The line number in a Graphviz message ("syntax error in line 3 near 'x'"), 0 when none.
std::size_t line_in(std::string_view message) {
  const auto at = message.find("line ");
  if (at == std::string_view::npos) return 0;
  std::size_t line = 0;
  for (std::size_t i = at + 5; i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i)
    line = line * 10 + static_cast<std::size_t>(message[i] - '0');
  return line;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  for (const char* prefix : {"Error: ", "Warning: "})
    if (text.starts_with(prefix)) text.erase(0, std::string_view(prefix).size());
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

class DotReader {
 public:
  DotReader(const std::string& path, const ImportOptions& options)
      : path_(path), options_(options) {}

  ImportResult read() {
    const std::string text = read_text_file(path_, kLimits.int_file_bytes);
    result_.report.files.push_back(path_);
    detail::check_utf8(text, path_);
    if (text.find('\0') != std::string::npos)
      throw ParseError(path_, 0, 0, "the file holds NUL bytes: it is not a DOT text file");
    detail::check_dot_depth(text, path_);
    GraphOwner g;
    std::string messages;
    {
      MessageCapture capture;
      agreadline(1);  // cgraph keeps its line count from the previous read otherwise
      g.reset(agmemread(text.c_str()));
      messages = graphviz_messages();
    }
    if (!g || agerrors() > 0) {
      // After a successful read cgraph's next syntax error names the line after the right one;
      // after a failed read it is right: read again for the message.
      {
        MessageCapture capture;
        agreadline(1);
        GraphOwner again(agmemread(text.c_str()));
        if (!graphviz_messages().empty()) messages = graphviz_messages();
      }
      std::string message = trimmed(messages);
      if (message.empty() && aglasterr()) message = trimmed(aglasterr());
      if (message.empty()) {
        bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
        message = blank ? "the file is empty: expected 'graph { ... }' or 'digraph { ... }'"
                        : "Graphviz read no graph: expected 'graph { ... }' or 'digraph { ... }'";
      } else {
        message = "Graphviz cannot read it: " + message +
                  " (check the brackets and quotes around that line; a truncated file ends "
                  "inside a statement)";
      }
      throw ParseError(path_, line_in(messages), 0, message);
    }
    if (!messages.empty())
      result_.report.notes.push_back(ReportEntry{path_, line_in(messages), trimmed(messages)});
    check_attribute_count(g.get(), AGNODE, "node", text);
    check_attribute_count(g.get(), AGEDGE, "edge", text);
    convert(g.get());
    return std::move(result_);
  }

 private:
  // Non-empty attribute values of an object, by declared symbol.
  static std::vector<std::pair<std::string, std::string>> values(Agraph_t* g, int kind, void* obj) {
    std::vector<std::pair<std::string, std::string>> out;
    for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym)) {
      const char* v = agxget(obj, sym);
      if (v && *v) out.emplace_back(sym->name, v);
    }
    return out;
  }

  // Throws when the graph declares more attribute names for `kind` objects than the limit,
  // at the first mention in `text` of the first name past it (cgraph keeps no positions).
  void check_attribute_count(Agraph_t* g, int kind, std::string_view what,
                             std::string_view text) const {
    std::size_t count = 0;
    for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym))
      if (++count > kLimits.attributes) {
        const auto at = detail::position_of(text, std::min(text.find(sym->name), text.size()));
        detail::throw_too_many_attributes(what, sym->name, path_, at.line, at.column);
      }
  }

  std::optional<graph::Date> date(const std::string& text, std::string_view what,
                                  std::string_view owner) const {
    if (auto d = detail::date_from_value(graph::Value{text})) return d;
    throw ParseError(path_, 0, 0,
                     fmt::format("{} '{}' of {} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                                 what, text, owner));
  }

  void convert(Agraph_t* g) {
    auto& graph = result_.graph;
    const bool directed = agisdirected(g) != 0;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
      const std::string id = agnameof(n);
      std::string label, kind(graph::kDefaultKind);
      graph::Interval valid;
      std::vector<std::pair<std::string, std::string>> attrs;
      for (auto& [name, value] : values(g, AGNODE, n)) {
        if (name == "label") {
          if (value != "\\N") label = value;
        } else if (name == "kind") {
          kind = value;
        } else if (name == "start") {
          valid.start = date(value, "start", "node '" + id + "'");
        } else if (name == "end") {
          valid.end = date(value, "end", "node '" + id + "'");
        } else {
          attrs.emplace_back(std::move(name), std::move(value));
        }
      }
      check_interval(valid, "node '" + id + "'");
      detail::check_node_room(graph, path_, 0);
      const auto index = graph.add_node(id, label, kind, valid);
      for (auto& [name, value] : attrs)
        node_attrs_.add(index, name, std::move(value));
      ++result_.report.node_rows;
    }
    // Edges in the order the file gives them (cgraph numbers objects as it creates them).
    std::vector<Agedge_t*> edges;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
      for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
        edges.push_back(e);
    std::sort(edges.begin(), edges.end(),
              [](Agedge_t* a, Agedge_t* b) { return AGSEQ(a) < AGSEQ(b); });
    for (Agedge_t* e : edges) {
      graph::EdgeSpec spec;
      spec.source = *graph.find_node(agnameof(agtail(e)));
      spec.target = *graph.find_node(agnameof(aghead(e)));
      spec.directed = directed;
      const std::string owner = fmt::format("edge {} {} {}", agnameof(agtail(e)),
                                            directed ? "->" : "--", agnameof(aghead(e)));
      std::string relation(graph::kDefaultRelation);
      std::vector<std::pair<std::string, std::string>> attrs;
      bool own_direction = false;
      std::string dir;
      for (auto& [name, value] : values(g, AGEDGE, e)) {
        if (name == "relation") {
          relation = value;
        } else if (name == "directed") {
          if (value != "true" && value != "false")
            throw ParseError(
                path_, 0, 0,
                fmt::format("directed=\"{}\" on {}: write true or false", value, owner));
          spec.directed = value == "true";
          own_direction = true;
        } else if (name == "weight") {
          const auto w = detail::parse_double(value);
          if (!w || !std::isfinite(*w))
            throw ParseError(path_, 0, 0,
                             fmt::format("weight \"{}\" on {} is not a number; write a number "
                                         "such as 2 or 0.5",
                                         value, owner));
          spec.weight = *w;
        } else if (name == "start") {
          spec.valid.start = date(value, "start", owner);
        } else if (name == "end") {
          spec.valid.end = date(value, "end", owner);
        } else if (name == "id") {
          spec.id = value;
        } else if (name == "key") {
          continue;  // cgraph's own edge key, not a user attribute
        } else {
          if (name == "dir") dir = value;
          attrs.emplace_back(std::move(name), std::move(value));
        }
      }
      check_interval(spec.valid, owner);
      spec.relation = relation;
      const auto index = detail::add_edge_at(graph, spec, path_, 0);
      for (auto& [name, value] : attrs) {
        if (name == "dir" && own_direction && !spec.directed && value == "none") continue;
        edge_attrs_.add(index, name, std::move(value));
      }
      ++result_.report.edge_rows;
    }
    node_attrs_.apply(graph.node_attributes(), "node", path_, result_.report);
    edge_attrs_.apply(graph.edge_attributes(), "edge", path_, result_.report);
    auto note = [&](std::string message) {
      result_.report.notes.push_back(ReportEntry{path_, 0, std::move(message)});
    };
    if (agisstrict(g)) note("a strict graph: Graphviz merged parallel edges while reading it");
    std::size_t subgraphs = 0;
    for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s))
      ++subgraphs;
    if (subgraphs) note(fmt::format("{} subgraphs or clusters: membership not kept", subgraphs));
    if (!values(g, AGRAPH, g).empty()) note("graph attributes not kept");
  }

  void check_interval(const graph::Interval& valid, const std::string& owner) const {
    if (valid.start && valid.end && valid.start->first_day() >= valid.end->first_day())
      throw ParseError(path_, 0, 0,
                       fmt::format("the interval {} of {} is empty: validity is [start, end), so "
                                   "the end must come after the start",
                                   valid.to_string(), owner));
  }

  const std::string& path_;
  const ImportOptions& options_;
  ImportResult result_;
  detail::AttributeStage node_attrs_, edge_attrs_;
};

}  // namespace

/// Reads a DOT graph through cgraph (see the top of this file). Throws ParseError with the
/// line Graphviz names for a syntax error, and (line 0, naming the element) for a bad weight,
/// date, empty interval or `directed` value. Time: linear in the file size plus cgraph's
/// parsing.
ImportResult read_dot(const std::string& path, const ImportOptions& options) {
  return DotReader(path, options).read();
}

}  // namespace actornet::importers
