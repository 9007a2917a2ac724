// Pajek .net networks.
//
// Sections (keywords case-insensitive; `%` starts a comment line):
//   *Network NAME
//   *Vertices N [N1]             N vertices (the first N1 in mode 1 of a two-mode network)
//   1 "label" x y z shape params [times]
//   *Arcs [:k ["relation"]]      directed: `source target [weight] [params] [times]`
//   *Edges [:k ["relation"]]     undirected, the same lines
//   *Arcslist / *Edgeslist       `source target1 target2 ...`
//   *Matrix [:k ["relation"]]    N rows of N weights, directed (0 = no arc)
// A line `k: source target ...` puts one line in relation k. Relations named in a section
// header (`*Arcs :2 "likes"`) are the edges' relations; unnamed ones are called by their
// number; without relations every edge is `related_to`.
//
// Nodes: the actornet id of a vertex is its label when every vertex has a distinct non-empty
// label, else its number. Coordinates become node attributes x, y, z; a two-mode network
// gives each node an integer attribute `mode` (1 or 2). An edge's `l "text"` becomes its
// attribute `label`; other drawing parameters (colours, widths, shapes) are not kept.
//
// Times: Pajek's `[t]`, `[t1-t2]`, `[t1,t3-t5]`, `[t-*]` on a line are closed intervals of
// integer time points. When every time in the file lies in 1000..9999 they are read as years:
// `[2021-2024]` is [2021, 2025). Otherwise they are kept as the string attribute `pajek_time`
// (e.g. `1-3,5`) and the element has no validity interval. An edge with several intervals
// becomes one parallel edge per interval; a vertex with several gets their span (both noted).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {
namespace {

struct Token {
  std::string text;
  std::size_t column = 0;
  bool quoted = false;
  bool times = false;  ///< a `[...]` group
};

struct TimeSpan {
  std::optional<std::int64_t> from, to;  ///< closed; nullopt = `*` (open)
};

struct Line {
  std::size_t number = 0;
  std::vector<Token> tokens;
};

enum class Section { None, Vertices, Arcs, Edges, ArcsList, EdgesList, Matrix };

class PajekReader {
 public:
  PajekReader(const std::string& path, const ImportOptions& options)
      : path_(path), options_(options) {}

  ImportResult read() {
    text_ = read_text_file(path_);
    result_.report.files.push_back(path_);
    detail::check_utf8(text_, path_);
    tokenize();
    scan_times();
    parse();
    finish();
    return std::move(result_);
  }

 private:
  [[noreturn]] void fail(std::size_t line, std::size_t column, std::string message) const {
    throw ParseError(path_, line, column, std::move(message));
  }

  void tokenize() {
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text_.size()) {
      std::size_t end = text_.find('\n', pos);
      if (end == std::string::npos) end = text_.size();
      ++line_no;
      std::string_view raw(text_.data() + pos, end - pos);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      if (line_no == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
      Line line{line_no, {}};
      std::size_t i = 0;
      const std::size_t base = static_cast<std::size_t>(raw.data() - (text_.data() + pos));
      while (i < raw.size()) {
        const char c = raw[i];
        if (c == ' ' || c == '\t') {
          ++i;
          continue;
        }
        Token t;
        t.column = base + i + 1;
        if (c == '"') {
          const auto close = raw.find('"', i + 1);
          if (close == std::string_view::npos)
            fail(line_no, t.column, "a quoted label is not closed on its line: a '\"' is missing");
          t.text = std::string(raw.substr(i + 1, close - i - 1));
          t.quoted = true;
          i = close + 1;
        } else if (c == '[') {
          const auto close = raw.find(']', i + 1);
          if (close == std::string_view::npos)
            fail(line_no, t.column, "a time list '[' is not closed on its line: a ']' is missing");
          t.text = std::string(raw.substr(i + 1, close - i - 1));
          t.times = true;
          i = close + 1;
        } else {
          std::size_t j = i;
          while (j < raw.size() && raw[j] != ' ' && raw[j] != '\t')
            ++j;
          t.text = std::string(raw.substr(i, j - i));
          i = j;
        }
        line.tokens.push_back(std::move(t));
      }
      if (!line.tokens.empty() && !(line.tokens[0].text.starts_with("%") && !line.tokens[0].quoted))
        lines_.push_back(std::move(line));
      pos = end + 1;
    }
  }

  std::vector<TimeSpan> parse_times(const Token& t, std::size_t line) const {
    std::vector<TimeSpan> spans;
    std::string_view rest = t.text;
    auto bound = [&](std::string_view s) -> std::optional<std::int64_t> {
      while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
      while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
      if (s == "*") return std::nullopt;
      if (auto v = detail::parse_integer(s)) return v;
      fail(
          line, t.column,
          fmt::format("'{}' in the time list [{}] is not an integer time point or '*'", s, t.text));
    };
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto part = rest.substr(0, comma);
      // A '-' after the first character separates the ends (a leading one is a sign).
      const auto dash = part.find('-', 1);
      TimeSpan span;
      if (dash == std::string_view::npos) {
        span.from = span.to = bound(part);
        if (!span.from) span.to = std::nullopt;
      } else {
        span.from = bound(part.substr(0, dash));
        span.to = bound(part.substr(dash + 1));
      }
      if (span.from && span.to && *span.to < *span.from)
        fail(line, t.column, fmt::format("the time interval [{}] ends before it starts", t.text));
      spans.push_back(span);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    if (spans.empty()) fail(line, t.column, "an empty time list []");
    return spans;
  }

  // Decides whether times are years: every time point in 1000..9999.
  void scan_times() {
    bool any = false;
    years_ = true;
    for (const auto& line : lines_)
      for (const auto& t : line.tokens)
        if (t.times) {
          for (const auto& span : parse_times(t, line.number))
            for (const auto& v : {span.from, span.to})
              if (v) {
                any = true;
                if (*v < 1000 || *v > 9999) years_ = false;
              }
        }
    if (!any) years_ = true;
  }

  graph::Interval to_interval(const TimeSpan& span) const {
    graph::Interval valid;
    if (span.from) valid.start = graph::Date::year_only(static_cast<int>(*span.from));
    if (span.to) valid.end = graph::Date::year_only(static_cast<int>(*span.to)).period_end();
    return valid;
  }

  static std::string times_text(const std::vector<TimeSpan>& spans) {
    std::string out;
    for (const auto& s : spans) {
      if (!out.empty()) out += ',';
      const auto a = s.from ? std::to_string(*s.from) : std::string("*");
      const auto b = s.to ? std::to_string(*s.to) : std::string("*");
      out += (s.from && s.to && *s.from == *s.to) ? a : a + "-" + b;
    }
    return out;
  }

  // `*Arcs :2 "likes"` -> relation name; records the name of relation k.
  std::string section_relation(const Line& line) {
    if (line.tokens.size() < 2) return {};
    const auto& t = line.tokens[1];
    if (t.quoted || !t.text.starts_with(":"))
      fail(line.number, t.column,
           fmt::format("'{}' after {}: expected a relation number such as :2", t.text,
                       line.tokens[0].text));
    const auto k = detail::parse_integer(std::string_view(t.text).substr(1));
    if (!k) fail(line.number, t.column, fmt::format("'{}' is not a relation number", t.text));
    if (line.tokens.size() >= 3) relation_names_[*k] = line.tokens[2].text;
    return relation_name(*k);
  }

  std::string relation_name(std::int64_t k) const {
    const auto it = relation_names_.find(k);
    return it != relation_names_.end() && !it->second.empty() ? it->second : std::to_string(k);
  }

  void parse() {
    Section section = Section::None;
    std::string relation(graph::kDefaultRelation);
    std::size_t matrix_row = 0;
    for (const auto& line : lines_) {
      const auto& head = line.tokens[0];
      if (!head.quoted && head.text.starts_with("*")) {
        const std::string word = detail::ascii_lower(head.text);
        if (section == Section::Matrix && matrix_row != 0 && matrix_row < vertex_count_)
          fail(line.number, 1,
               fmt::format("the *Matrix has {} rows, expected {} (one per vertex)", matrix_row,
                           vertex_count_));
        if (word == "*network") {
          continue;
        } else if (word == "*vertices") {
          if (vertices_seen_) fail(line.number, 1, "a second *Vertices section; keep one");
          read_vertices_header(line);
          section = Section::Vertices;
        } else if (word == "*arcs" || word == "*edges" || word == "*arcslist" ||
                   word == "*edgeslist" || word == "*matrix") {
          if (!vertices_seen_)
            fail(line.number, 1,
                 fmt::format("{} before *Vertices: the vertex count must come first", head.text));
          relation = section_relation(line);
          if (relation.empty()) relation = std::string(graph::kDefaultRelation);
          section = word == "*arcs"        ? Section::Arcs
                    : word == "*edges"     ? Section::Edges
                    : word == "*arcslist"  ? Section::ArcsList
                    : word == "*edgeslist" ? Section::EdgesList
                                           : Section::Matrix;
          matrix_row = 0;
        } else {
          fail(line.number, 1,
               fmt::format("section {} is not read from a .net network (only *Network, "
                           "*Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist and *Matrix); "
                           "partitions and vectors of a .paj project belong in files of "
                           "their own",
                           head.text));
        }
        continue;
      }
      switch (section) {
        case Section::None:
          fail(line.number, head.column,
               "data before any section; a Pajek network starts with *Vertices N");
        case Section::Vertices:
          read_vertex(line);
          break;
        case Section::Arcs:
        case Section::Edges:
          read_edge_line(line, section == Section::Arcs, relation);
          break;
        case Section::ArcsList:
        case Section::EdgesList:
          read_list_line(line, section == Section::ArcsList, relation);
          break;
        case Section::Matrix:
          read_matrix_row(line, matrix_row++, relation);
          break;
      }
    }
    if (!vertices_seen_)
      fail(lines_.empty() ? 1 : lines_.back().number, 1,
           "no *Vertices section: this is not a Pajek network");
    if (section == Section::Matrix && matrix_row < vertex_count_)
      fail(lines_.back().number, 1,
           fmt::format("the *Matrix has {} rows, expected {} (truncated file?)", matrix_row,
                       vertex_count_));
  }

  std::size_t count_of(const Token& t, std::size_t line) const {
    const auto v = detail::parse_integer(t.text);
    if (!v || *v < 0) fail(line, t.column, fmt::format("'{}' is not a vertex count", t.text));
    if (static_cast<std::uint64_t>(*v) > kLimits.pajek_vertices)
      fail(line, t.column,
           fmt::format("*Vertices {}: actornet reads Pajek networks of at most {} vertices (see "
                       "Limits in README.md); for a bigger graph use an edge list in CSV",
                       t.text, kLimits.pajek_vertices));
    const std::uint64_t backed = std::max<std::uint64_t>(
        kLimits.pajek_vertices_free, std::uint64_t{kLimits.pajek_vertices_per_byte} * text_.size());
    if (static_cast<std::uint64_t>(*v) > backed)
      fail(line, t.column,
           fmt::format("*Vertices {}: a file of {} bytes may declare at most {} vertices (see "
                       "Limits in README.md); is the count right?",
                       t.text, text_.size(), backed));
    return static_cast<std::size_t>(*v);
  }

  void read_vertices_header(const Line& line) {
    vertices_seen_ = true;
    if (line.tokens.size() < 2)
      fail(line.number, 1, "*Vertices without a count; write *Vertices N");
    vertex_count_ = count_of(line.tokens[1], line.number);
    if (line.tokens.size() >= 3) {
      mode1_ = count_of(line.tokens[2], line.number);
      if (mode1_ > vertex_count_)
        fail(line.number, line.tokens[2].column, "the first mode has more vertices than the whole");
    }
    vertices_.assign(vertex_count_, Vertex{});
  }

  std::size_t vertex_number(const Token& t, std::size_t line, std::string_view role) const {
    const auto v = detail::parse_integer(t.text);
    if (!v) fail(line, t.column, fmt::format("{} '{}' is not a vertex number", role, t.text));
    if (*v < 1 || static_cast<std::uint64_t>(*v) > vertex_count_)
      fail(line, t.column,
           fmt::format("{} {} names no vertex: *Vertices declares {} (numbered 1..{}); fix the "
                       "number or the count",
                       role, *v, vertex_count_, vertex_count_));
    return static_cast<std::size_t>(*v - 1);
  }

  void read_vertex(const Line& line) {
    const auto& t = line.tokens;
    const std::size_t v = vertex_number(t[0], line.number, "vertex");
    Vertex& vx = vertices_[v];
    if (vx.line)
      fail(line.number, t[0].column,
           fmt::format("vertex {} is listed twice (first at line {})", v + 1, vx.line));
    vx.line = line.number;
    std::size_t i = 1;
    if (i < t.size() && !t[i].times) vx.label = t[i++].text;
    std::size_t coords = 0;
    bool params = false;
    for (; i < t.size(); ++i) {
      if (t[i].times) {
        vx.times = parse_times(t[i], line.number);
        continue;
      }
      if (!params && coords < 3 && !t[i].quoted) {
        if (auto d = detail::parse_double(t[i].text)) {
          vx.coords[coords++] = *d;
          continue;
        }
      }
      // What follows the coordinates is the shape and its drawing parameters.
      params = true;
    }
    if (params) ++ignored_params_;
    vx.coord_count = coords;
  }

  // Creates the nodes, once the first edge section (or the end) is reached.
  void ensure_nodes() {
    if (nodes_made_) return;
    nodes_made_ = true;
    std::set<std::string> labels;
    bool by_label = true;
    for (const auto& vx : vertices_)
      if (vx.label.empty() || !labels.insert(vx.label).second) by_label = false;
    auto& g = result_.graph;
    g.reserve(vertices_.size(), 0);
    for (std::size_t v = 0; v < vertices_.size(); ++v) {
      const Vertex& vx = vertices_[v];
      const std::string id = by_label ? vx.label : std::to_string(v + 1);
      graph::Interval valid;
      if (!vx.times.empty()) {
        if (years_) {
          TimeSpan hull = vx.times.front();
          for (const auto& s : vx.times) {
            if (!s.from || (hull.from && *s.from < *hull.from)) hull.from = s.from;
            if (!s.to || (hull.to && *s.to > *hull.to)) hull.to = s.to;
          }
          if (vx.times.size() > 1) spanned_.add(vx.line);
          valid = to_interval(hull);
        } else {
          node_attrs_.add(v, "pajek_time", times_text(vx.times));
        }
      }
      g.add_node(id, vx.label, graph::kDefaultKind, valid);
      static const char* const kAxes[] = {"x", "y", "z"};
      for (std::size_t k = 0; k < vx.coord_count; ++k)
        node_attrs_.add(v, kAxes[k], vx.coords[k]);
      if (mode1_) node_attrs_.add(v, "mode", std::int64_t{v < mode1_ ? 1 : 2});
      ++result_.report.node_rows;
    }
    if (!by_label && !vertices_.empty())
      result_.report.notes.push_back(ReportEntry{
          path_, 0,
          "vertex labels are missing or repeated: nodes are identified by their vertex number"});
  }

  // Adds one edge per time span (or one without).
  void add(std::size_t line, std::size_t s, std::size_t t, bool directed,
           const std::string& relation, double weight, const std::vector<TimeSpan>& times,
           const std::string& label) {
    ensure_nodes();
    graph::EdgeSpec spec;
    spec.source = static_cast<graph::NodeIndex>(s);
    spec.target = static_cast<graph::NodeIndex>(t);
    spec.directed = directed;
    spec.relation = relation;
    spec.weight = weight;
    auto one = [&](const graph::Interval& valid, bool keep_times) {
      spec.valid = valid;
      const auto e = detail::add_edge_at(result_.graph, spec, path_, line);
      if (!label.empty()) edge_attrs_.add(e, "label", label);
      if (keep_times) edge_attrs_.add(e, "pajek_time", times_text(times));
      ++result_.report.edge_rows;
    };
    if (times.empty()) {
      one({}, false);
    } else if (!years_) {
      one({}, true);
    } else {
      if (times.size() > 1) split_.add(line);
      for (const auto& span : times)
        one(to_interval(span), false);
    }
  }

  void read_edge_line(const Line& line, bool directed, const std::string& section_relation) {
    auto t = line.tokens;
    std::string relation = section_relation;
    if (!t.empty() && !t[0].quoted && t[0].text.size() > 1 && t[0].text.back() == ':') {
      const auto k =
          detail::parse_integer(std::string_view(t[0].text).substr(0, t[0].text.size() - 1));
      if (!k)
        fail(line.number, t[0].column, fmt::format("'{}' is not a relation number", t[0].text));
      relation = relation_name(*k);
      t.erase(t.begin());
    }
    if (t.size() < 2)
      fail(line.number, t.empty() ? 1 : t[0].column,
           "an edge line needs a source and a target vertex number");
    const auto s = vertex_number(t[0], line.number, "source");
    const auto d = vertex_number(t[1], line.number, "target");
    double weight = 1.0;
    std::size_t i = 2;
    if (i < t.size() && !t[i].quoted && !t[i].times) {
      if (auto w = detail::parse_double(t[i].text); w && std::isfinite(*w)) {
        weight = *w;
        ++i;
      } else if (t[i].text.find_first_of("0123456789") != std::string::npos &&
                 t[i].text.find_first_not_of("0123456789.eE+-") == std::string::npos) {
        fail(
            line.number, t[i].column,
            fmt::format("weight '{}' is not a number; write a number such as 2 or 0.5", t[i].text));
      }
    }
    std::vector<TimeSpan> times;
    std::string label;
    for (; i < t.size(); ++i) {
      if (t[i].times) {
        times = parse_times(t[i], line.number);
      } else if (detail::ascii_lower(t[i].text) == "l" && i + 1 < t.size()) {
        label = t[++i].text;
      } else {
        ++ignored_params_;
      }
    }
    add(line.number, s, d, directed, relation, weight, times, label);
  }

  void read_list_line(const Line& line, bool directed, const std::string& relation) {
    const auto& t = line.tokens;
    const auto s = vertex_number(t[0], line.number, "source");
    for (std::size_t i = 1; i < t.size(); ++i)
      add(line.number, s, vertex_number(t[i], line.number, "target"), directed, relation, 1.0, {},
          {});
    if (t.size() == 1) ensure_nodes();
  }

  void read_matrix_row(const Line& line, std::size_t row, const std::string& relation) {
    if (row >= vertex_count_)
      fail(line.number, 1,
           fmt::format("the *Matrix has more than {} rows (one per vertex)", vertex_count_));
    const auto& t = line.tokens;
    if (t.size() != vertex_count_)
      fail(line.number, t.size() > vertex_count_ ? t[vertex_count_].column : 1,
           fmt::format("matrix row {} has {} values, expected {}", row + 1, t.size(),
                       vertex_count_));
    ensure_nodes();
    for (std::size_t c = 0; c < t.size(); ++c) {
      const auto w = detail::parse_double(t[c].text);
      if (!w || !std::isfinite(*w))
        fail(line.number, t[c].column,
             fmt::format("'{}' in the matrix is not a number", t[c].text));
      if (*w != 0) add(line.number, row, c, true, relation, *w, {}, {});
    }
  }

  void finish() {
    ensure_nodes();
    node_attrs_.apply(result_.graph.node_attributes(), "node", path_, result_.report);
    edge_attrs_.apply(result_.graph.edge_attributes(), "edge", path_, result_.report);
    auto note = [&](std::string message) {
      result_.report.notes.push_back(ReportEntry{path_, 0, std::move(message)});
    };
    if (split_.count)
      note(
          fmt::format("{} edge lines with several time intervals became one edge per interval "
                      "(first at line {})",
                      split_.count, split_.first_line));
    if (spanned_.count)
      note(fmt::format("{} vertices with several time intervals get their span (first at line {})",
                       spanned_.count, spanned_.first_line));
    if (!years_)
      note(
          "time points are not years (not all in 1000..9999): kept as the attribute "
          "'pajek_time', without validity intervals");
    if (ignored_params_)
      note(fmt::format("{} drawing parameters (shapes, colours, sizes) not kept", ignored_params_));
  }

  struct Vertex {
    std::string label;
    double coords[3] = {0, 0, 0};
    std::size_t coord_count = 0;
    std::vector<TimeSpan> times;
    std::size_t line = 0;
  };

  const std::string& path_;
  const ImportOptions& options_;
  std::string text_;
  ImportResult result_;
  std::vector<Line> lines_;
  std::vector<Vertex> vertices_;
  std::size_t vertex_count_ = 0, mode1_ = 0, ignored_params_ = 0;
  bool vertices_seen_ = false, nodes_made_ = false, years_ = true;
  std::map<std::int64_t, std::string> relation_names_;
  detail::AttributeStage node_attrs_, edge_attrs_;
  detail::Tally split_, spanned_;
};

}  // namespace

/// Reads a Pajek .net network (see the top of this file). Throws ParseError with line and
/// column for data before *Vertices, an unknown section, a vertex or endpoint number outside
/// 1..N, a vertex listed twice, a bad weight, time list or relation number, an unclosed quote
/// or a matrix of the wrong shape. Time: linear in the file size.
ImportResult read_pajek(const std::string& path, const ImportOptions& options) {
  return PajekReader(path, options).read();
}

}  // namespace actornet::importers
