#include "viz/render.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/style.hpp"
#include "viz/graphviz.hpp"
#include "viz/markup.hpp"

namespace actornet::viz {
namespace {

namespace style = graph::style;
using graph::Vertex;
using graph::ViewEdge;

constexpr std::string_view kFont = "Helvetica,Arial,sans-serif";
constexpr std::size_t kWrapColumns = 16;
constexpr double kMinNodeInches = 0.3;          // smallest node side when sized by a score
constexpr double kMaxNodeInches = 1.5;          // largest
constexpr std::size_t kSplineLimit = 500;       // above this many vertices edges are straight lines
constexpr std::size_t kLegendColumns = 6;       // legend items per row
constexpr std::size_t kLabelChars = 200;        // longest node or edge label, in characters
constexpr std::size_t kLegendChars = 48;        // longest legend entry, in characters
constexpr std::size_t kLegendTitleChars = 120;  // longest title

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string fixed(double value) {
  return fmt::format("{:.3f}", value);
}

// Number of UTF-8 code points in `text`.
std::size_t display_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Text for a Graphviz string that ends up in SVG text or an SVG attribute (a node name, a
// plain label, a tooltip). Graphviz writes such strings into SVG itself but passes anything
// shaped like an entity (`&amp;`, `&nbsp;`, even an undefined `&bogus;`) through as markup
// and turns known entities of labels into characters, so data text would be altered or the
// SVG left malformed: every `&` is written as `&amp;`, which Graphviz turns back into the `&`
// the data holds. Text XML cannot hold becomes U+FFFD first (xml_text, viz/markup.hpp).
std::string graphviz_text(std::string_view text) {
  std::string out;
  for (char c : xml_text(text)) {
    if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// graphviz_text for an escString attribute (label, tooltip): backslashes are doubled so that
// Graphviz's escapes (\N, \n, \l, ...) in the data show as written.
std::string escape_label(std::string_view text) {
  std::string out;
  for (char c : graphviz_text(text)) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Greedy word wrap at about `columns` characters; words longer than that stay whole.
std::vector<std::string> wrap_words(std::string_view text, std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    std::size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])))
      ++j;
    if (j == i) break;
    const std::string_view word = text.substr(i, j - i);
    if (!line.empty() && display_length(line) + 1 + display_length(word) > columns) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    i = j;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// xml_text(text), cut to `limit` characters with an ellipsis as the last one when longer.
std::string shortened(std::string_view text, std::size_t limit) {
  std::string clean = xml_text(text);
  if (display_length(clean) <= limit) return clean;
  // `end` stops at the start of character number limit - 1 (counting from 0).
  std::size_t end = 0, starts = 0;
  for (; end < clean.size(); ++end)
    if ((static_cast<unsigned char>(clean[end]) & 0xC0) != 0x80 && starts++ == limit - 1) break;
  clean.resize(end);
  return clean + "…";
}

// A node label: wrapped lines joined by Graphviz's centred line break; a label longer than
// kLabelChars is cut (a diagram names actors, it does not hold documents; the tooltip keeps
// the whole text).
std::string wrapped_label(std::string_view text) {
  std::string out;
  for (const auto& line : wrap_words(shortened(text, kLabelChars), kWrapColumns)) {
    if (!out.empty()) out += "\\n";
    out += escape_label(line);
  }
  return out;
}

bool is_layout(std::string_view name) {
  const auto& names = layout_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The attribute values that colour or cluster the nodes: `kind` or a node attribute.
struct NodeCategory {
  std::string attribute;  // empty: none
  bool by_kind = false;
  std::optional<std::size_t> column;

  std::optional<std::string> value(const graph::Graph& g, graph::NodeIndex n) const {
    if (by_kind) return g.kind_name(n);
    const auto& v = g.node_attributes().get(*column, n);
    if (graph::is_missing(v)) return std::nullopt;
    return graph::format_value(v);
  }
};

std::string attribute_list(const graph::Graph& g) {
  std::vector<std::string> names{"kind"};
  for (const auto& c : g.node_attributes().columns())
    names.push_back(c.name);
  std::sort(names.begin(), names.end());
  return fmt::format("{}", fmt::join(names, ", "));
}

NodeCategory resolve_category(const graph::Graph& g, const std::string& name,
                              std::string_view option) {
  NodeCategory category;
  category.attribute = name;
  if (name == "kind") {
    category.by_kind = true;
    return category;
  }
  category.column = g.node_attributes().find(name);
  if (!category.column)
    throw InputError(fmt::format("{} '{}' names no node attribute; choose from {}", option, name,
                                 attribute_list(g)));
  return category;
}

NodeCategory colour_category(const graph::Graph& g, const RenderOptions& options) {
  if (!options.color_by.empty()) return resolve_category(g, options.color_by, "--color-by");
  for (const char* name : {"side", "country"})
    if (g.node_attributes().find(name)) return resolve_category(g, name, "--color-by");
  return resolve_category(g, "kind", "--color-by");
}

// Everything about the picture that does not depend on Graphviz: which nodes get which
// style, which edges are drawn, and what the legend lists.
struct NodeDraw {
  std::string name;  // the node id as graphviz_text writes it, made unique
  std::string label;
  std::string tooltip;
  std::string shape;
  style::Colour fill;
  double width = 0, height = 0;  // inches; 0 = Graphviz default
  double fontsize = 10;
  std::optional<std::string> cluster;
};

struct EdgeDraw {
  Vertex tail = 0, head = 0;
  bool arrow_head = false, arrow_tail = false;
  std::string colour;
  double penwidth = 1.2;
  bool dashed = false;
  bool dotted = false;
  std::string label;
  std::string tooltip;
};

struct Legend {
  std::vector<std::string> kinds;                              // present, in display order
  std::string colour_attribute;                                // "side", "kind"...
  std::vector<std::pair<std::string, style::Colour>> colours;  // value -> fill
  bool missing_colour = false;
  std::vector<std::string> relations;  // present, sorted
  bool merged = false;                 // an edge stands for several relations
  bool dashed = false;
  bool directed = false;
  std::string size_label;
};

struct Picture {
  std::string engine;
  bool directed = false;
  std::vector<NodeDraw> nodes;
  std::vector<EdgeDraw> edges;
  std::vector<std::string> clusters;  // sorted cluster values
  bool has_parallel = false;          // two drawn edges join the same pair (or loop)
  Legend legend;
  std::map<std::string, style::EdgeStyle> relation_styles;
};

std::string choose_engine(const graph::View& view, const RenderOptions& options) {
  if (!options.layout.empty()) {
    if (!is_layout(options.layout))
      throw InputError(fmt::format("unknown layout '{}'; choose from {}", options.layout,
                                   fmt::join(layout_names(), ", ")));
    if (!options.cluster_by.empty() && options.layout != "dot" && options.layout != "fdp")
      throw InputError(fmt::format(
          "--cluster-by needs --layout dot or fdp ('{}' does not draw clusters)", options.layout));
    return options.layout;
  }
  if (!options.cluster_by.empty()) return "fdp";
  return default_layout(view.vertex_count());
}

// Node sides in inches from the scores: area proportional to the score, bounded.
std::vector<double> node_sides(const graph::View& view, const RenderOptions& options) {
  std::vector<double> sides;
  if (options.sizes.empty()) return sides;
  if (options.sizes.size() != view.vertex_count())
    throw InputError(
        fmt::format("{} sizes given for {} vertices", options.sizes.size(), view.vertex_count()));
  double top = 0;
  for (double s : options.sizes)
    if (std::isfinite(s) && s > top) top = s;
  sides.reserve(options.sizes.size());
  for (double s : options.sizes) {
    const double share = (top > 0 && std::isfinite(s) && s > 0) ? s / top : 0.0;
    sides.push_back(std::max(kMinNodeInches, kMaxNodeInches * std::sqrt(share)));
  }
  return sides;
}

// The vertices that get a label: all, or the label_top largest by size (ties by node id).
std::vector<bool> labelled_vertices(const graph::Graph& g, const graph::View& view,
                                    const RenderOptions& options) {
  std::vector<bool> labelled(view.vertex_count(), true);
  if (options.label_top == 0 || options.label_top >= view.vertex_count()) return labelled;
  std::vector<Vertex> order(view.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  auto score = [&](Vertex v) {
    const double s = options.sizes.empty() ? 0.0 : options.sizes[v];
    return std::isfinite(s) ? s : -1.0;
  };
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    if (score(a) != score(b)) return score(a) > score(b);
    return g.node(view.node_of(a)).id < g.node(view.node_of(b)).id;
  });
  std::fill(labelled.begin(), labelled.end(), false);
  for (std::size_t i = 0; i < options.label_top; ++i)
    labelled[order[i]] = true;
  return labelled;
}

std::vector<std::string> kind_order(std::set<std::string> present) {
  std::vector<std::string> ordered;
  for (auto kind : style::known_kinds())
    if (present.erase(std::string(kind))) ordered.emplace_back(kind);
  ordered.insert(ordered.end(), present.begin(), present.end());
  return ordered;
}

void plan_nodes(const graph::Graph& g, const graph::View& view, const RenderOptions& options,
                Picture& picture) {
  const NodeCategory colour = colour_category(g, options);
  std::optional<NodeCategory> cluster;
  if (!options.cluster_by.empty())
    cluster = resolve_category(g, options.cluster_by, "--cluster-by");

  // Colours come from every value in the graph, so a value keeps its colour across
  // snapshots and focus views of the same dataset.
  std::vector<std::string> values;
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n)
    if (auto v = colour.value(g, n)) values.push_back(*v);
  const auto colours = style::category_colours(values);

  const auto sides = node_sides(view, options);
  const auto labelled = labelled_vertices(g, view, options);
  std::set<std::string> kinds, clusters, names;
  std::map<std::string, style::Colour> used_colours;
  bool missing = false;
  for (Vertex v = 0; v < view.vertex_count(); ++v) {
    const auto n = view.node_of(v);
    const auto& node = g.node(n);
    NodeDraw draw;
    // Ids that differ only in text XML cannot hold come out of graphviz_text alike: a
    // suffix keeps their Graphviz nodes apart.
    draw.name = graphviz_text(node.id);
    for (std::size_t k = 2; !names.insert(draw.name).second; ++k)
      draw.name = fmt::format("{} #{}", graphviz_text(node.id), k);
    const auto& kind = g.kind_name(n);
    kinds.insert(kind);
    draw.shape = std::string(style::kind_style(kind).graphviz_shape);
    if (auto value = colour.value(g, n)) {
      draw.fill = colours.at(*value);
      used_colours.emplace(*value, draw.fill);
    } else {
      draw.fill = style::missing_colour();
      missing = true;
    }
    draw.tooltip = escape_label(node.label + " (" + kind + ")");
    if (labelled[v]) draw.label = wrapped_label(node.label);
    if (!sides.empty()) {
      draw.width = sides[v];
      draw.height = sides[v] * 0.7;
      const double share = (sides[v] - kMinNodeInches) / (kMaxNodeInches - kMinNodeInches);  // 0..1
      draw.fontsize = 9.0 + 5.0 * std::clamp(share, 0.0, 1.0);
    } else if (!labelled[v]) {
      draw.width = draw.height = kMinNodeInches;
    }
    if (cluster) {
      draw.cluster = cluster->value(g, n);
      if (draw.cluster) clusters.insert(*draw.cluster);
    }
    picture.nodes.push_back(std::move(draw));
  }
  picture.clusters.assign(clusters.begin(), clusters.end());
  picture.legend.kinds = kind_order(std::move(kinds));
  picture.legend.colour_attribute = colour.attribute;
  picture.legend.colours.assign(used_colours.begin(), used_colours.end());
  picture.legend.missing_colour = missing;
  if (!options.sizes.empty()) picture.legend.size_label = options.size_label;
}

// The pair (smaller, larger), by value (std::minmax would return references to temporaries).
std::pair<Vertex, Vertex> unordered_pair(Vertex a, Vertex b) {
  return {std::min(a, b), std::max(a, b)};
}

// What a group of graph edges drawn as one Graphviz edge looks like.
struct EdgeGroup {
  Vertex a = 0, b = 0;  // drawn tail and head
  std::vector<graph::EdgeIndex> origins;
};

void finish_edge(const graph::Graph& g, const graph::View& view, const EdgeGroup& group,
                 bool bundle, Picture& picture, std::set<std::string>& relations) {
  EdgeDraw draw;
  draw.tail = group.a;
  draw.head = group.b;
  std::set<std::string> names;
  bool all_low = true;
  for (auto e : group.origins) {
    names.insert(g.relation_name(e));
    all_low = all_low && style::is_low_confidence(g, e);
    const auto& edge = g.edge(e);
    if (view.directed() && edge.directed) {
      const Vertex to = view.vertex_of(edge.target);
      if (to == group.b) draw.arrow_head = true;
      if (to == group.a) draw.arrow_tail = true;
    }
  }
  relations.insert(names.begin(), names.end());
  const std::string relation_text = fmt::format("{}", fmt::join(names, ", "));
  if (names.size() == 1) {
    const auto& s = picture.relation_styles.at(*names.begin());
    const auto hex = s.colour.hex();
    draw.colour = hex;
    draw.penwidth = s.penwidth;
    draw.dotted = s.dotted;
  } else {
    draw.colour = "#444444";
    picture.legend.merged = true;
  }
  draw.dashed = all_low && !group.origins.empty();
  picture.legend.dashed = picture.legend.dashed || draw.dashed;
  const std::size_t count = group.origins.size();
  if (bundle) {
    draw.penwidth = std::min(8.0, draw.penwidth + 1.0 * static_cast<double>(count - 1));
    if (count > 1)
      draw.label =
          escape_label(shortened(fmt::format("{}: {}", count, relation_text), kLabelChars));
  }
  const auto& from = g.node(view.node_of(group.a)).label;
  const auto& to = g.node(view.node_of(group.b)).label;
  draw.tooltip =
      escape_label(count > 1 ? fmt::format("{} - {}: {} ties ({})", from, to, count, relation_text)
                             : fmt::format("{} - {}: {}", from, to, relation_text));
  picture.edges.push_back(std::move(draw));
}

void plan_edges(const graph::Graph& g, const graph::View& view, const RenderOptions& options,
                Picture& picture) {
  std::vector<std::string> all_relations;
  for (graph::SymbolId r = 0; r < g.relations().size(); ++r)
    all_relations.push_back(g.relations().name(r));
  picture.relation_styles = style::relation_styles(all_relations);

  std::set<std::string> relations;
  const bool bundle = options.parallel == ParallelDraw::Bundle;
  if (bundle) {
    // One edge per unordered vertex pair, standing for every graph edge between them.
    std::map<std::pair<Vertex, Vertex>, std::set<graph::EdgeIndex>> pairs;
    for (ViewEdge e = 0; e < view.edge_count(); ++e) {
      const auto key = unordered_pair(view.from(e), view.to(e));
      auto& origins = pairs[{key.first, key.second}];
      for (auto o : view.origins(e))
        origins.insert(o);
    }
    for (const auto& [key, origins] : pairs) {
      EdgeGroup group{key.first, key.second, {origins.begin(), origins.end()}};
      finish_edge(g, view, group, true, picture, relations);
    }
  } else {
    // One edge per view edge; in a directed view an undirected graph edge is two view edges
    // (u->v, v->u) and is drawn once, without an arrow.
    std::set<std::tuple<Vertex, Vertex, std::vector<graph::EdgeIndex>>> undirected_drawn;
    for (ViewEdge e = 0; e < view.edge_count(); ++e) {
      const auto origins = view.origins(e);
      EdgeGroup group{view.from(e), view.to(e), {origins.begin(), origins.end()}};
      if (view.directed()) {
        const bool any_directed = std::any_of(group.origins.begin(), group.origins.end(),
                                              [&](auto o) { return g.edge(o).directed; });
        if (!any_directed) {
          const auto key = unordered_pair(group.a, group.b);
          if (!undirected_drawn.emplace(key.first, key.second, group.origins).second) continue;
        }
      }
      finish_edge(g, view, group, false, picture, relations);
    }
  }
  std::set<std::pair<Vertex, Vertex>> pairs;
  for (const auto& e : picture.edges)
    if (!pairs.insert(unordered_pair(e.tail, e.head)).second) picture.has_parallel = true;
  picture.legend.relations.assign(relations.begin(), relations.end());
  picture.legend.directed =
      std::any_of(picture.edges.begin(), picture.edges.end(),
                  [](const EdgeDraw& e) { return e.arrow_head || e.arrow_tail; });
}

Picture plan(const graph::Graph& g, const graph::View& view, const RenderOptions& options) {
  Picture picture;
  picture.engine = choose_engine(view, options);
  picture.directed = view.directed();
  plan_nodes(g, view, options, picture);
  plan_edges(g, view, options, picture);
  return picture;
}

// ---- legend -----------------------------------------------------------------------------

// Legend text as HTML-like label content: at most `limit` characters (a legend entry is a
// key, not a record, and Graphviz's DOT reader refuses an HTML label beyond 16 kB), escaped.
std::string legend_text(std::string_view text, std::size_t limit = kLegendChars) {
  return xml_escape(shortened(text, limit));
}

struct LegendItem {
  std::string symbol;   // HTML for the symbol cell
  std::string bgcolor;  // swatch fill, or empty
  std::string text;
};

std::string legend_row(std::string_view heading, const std::vector<LegendItem>& items) {
  std::string cells;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i % kLegendColumns == 0) {
      if (i > 0) cells += "</TR>";
      cells += "<TR>";
    }
    const auto& item = items[i];
    if (!item.bgcolor.empty())
      cells += fmt::format(
          R"(<TD BGCOLOR="{}" BORDER="1" COLOR="#555555" WIDTH="14" HEIGHT="12" FIXEDSIZE="TRUE"></TD>)",
          item.bgcolor);
    else
      cells += fmt::format(R"(<TD WIDTH="18" HEIGHT="12"><FONT POINT-SIZE="13">{}</FONT></TD>)",
                           item.symbol);
    cells += fmt::format(R"(<TD ALIGN="LEFT">{}</TD>)", item.text);
  }
  if (!items.empty()) cells += "</TR>";
  return fmt::format(
      R"(<TR><TD ALIGN="LEFT" VALIGN="TOP"><B>{}</B></TD><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="1" CELLPADDING="1">{}</TABLE></TD></TR>)",
      legend_text(heading), cells);
}

std::string legend_html(const Picture& picture, const std::string& title) {
  const auto& legend = picture.legend;
  std::string rows;
  if (!legend.kinds.empty()) {
    std::vector<LegendItem> items;
    for (const auto& kind : legend.kinds)
      items.push_back(
          {fmt::format(R"(<FONT COLOR="#333333">{}</FONT>)", style::kind_style(kind).glyph), "",
           legend_text(kind)});
    rows += legend_row("Kind", items);
  }
  if (!legend.colours.empty() || legend.missing_colour) {
    std::vector<LegendItem> items;
    for (const auto& [value, colour] : legend.colours)
      items.push_back({"", colour.hex(), legend_text(value)});
    if (legend.missing_colour) items.push_back({"", style::missing_colour().hex(), "(none)"});
    rows += legend_row("Colour: " + legend.colour_attribute, items);
  }
  if (!legend.relations.empty()) {
    std::vector<LegendItem> items;
    for (const auto& relation : legend.relations) {
      const auto& s = picture.relation_styles.at(relation);
      items.push_back({fmt::format(R"(<FONT COLOR="{}">{}</FONT>)", s.colour.hex(), s.glyph), "",
                       legend_text(relation)});
    }
    if (legend.merged)
      items.push_back({R"(<FONT COLOR="#444444">──</FONT>)", "", "several relations"});
    rows += legend_row("Relation", items);
  }
  std::vector<LegendItem> lines;
  if (legend.directed) lines.push_back({"→", "", "directed tie"});
  if (legend.dashed)
    lines.push_back({"╌╌", "", fmt::format("confidence &lt; {}", style::kLowConfidence)});
  if (!legend.size_label.empty())
    lines.push_back({"◯", "", "node area: " + legend_text(legend.size_label)});
  if (!lines.empty()) rows += legend_row("Lines", lines);

  std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">)";
  if (!title.empty())
    html += fmt::format(
        R"(<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="20"><B>{}</B></FONT></TD></TR>)",
        legend_text(title, kLegendTitleChars));
  html += rows;
  html += "</TABLE>";
  return html;
}

// ---- building the Graphviz graph ----------------------------------------------------------

void set_engine_attributes(Agraph_t* root, const Picture& picture, const RenderOptions& options,
                           std::size_t vertex_count) {
  const std::string& engine = picture.engine;
  const bool seeded = engine == "neato" || engine == "fdp" || engine == "sfdp";
  const bool force = seeded || engine == "twopi" || engine == "circo";
  gv::set_graph(root, "layout", engine);
  if (seeded) gv::set_graph(root, "start", std::to_string(options.seed));
  if (force) {
    gv::set_graph(root, "overlap", "prism");
    // Prism's default pre-scaling (-4: edges four labels long) spreads small graphs thin.
    gv::set_graph(root, "overlap_scaling", "-1");
    gv::set_graph(root, "sep", "+5");
    gv::set_graph(root, "esep", "+2");
  }
  // Graphviz 2.42's spline router outside dot corrupts memory on parallel edges (seen as
  // intermittent aborts), so those pictures use straight lines, which Graphviz fans out.
  const bool route = engine == "dot" || (!picture.has_parallel && vertex_count <= kSplineLimit);
  gv::set_graph(root, "splines", route ? "true" : "false");
  if (engine == "neato") {
    gv::set_graph(root, "pack", "true");
    std::string key = "len", value = "0.6";  // inches; neato's 1.0 spreads the picture thin
    agattr(root, AGEDGE, key.data(), value.data());
  }
  if (engine == "dot") {
    gv::set_graph(root, "nodesep", "0.3");
    gv::set_graph(root, "ranksep", "0.6");
  }
  if (engine == "twopi") gv::set_graph(root, "ranksep", "1.4");
  if (engine == "circo") gv::set_graph(root, "mindist", "0.6");
}

void build(const Picture& picture, const graph::View& view, const RenderOptions& options,
           const gv::Graph& owner, bool with_legend) {
  Agraph_t* root = owner.get();
  gv::set_graph(root, "outputorder", "edgesfirst");
  gv::set_graph(root, "bgcolor", "white");
  gv::set_graph(root, "pad", "0.3");
  gv::set_graph(root, "fontname", std::string(kFont));
  set_engine_attributes(root, picture, options, view.vertex_count());
  if (options.format == OutputFormat::Png) {
    gv::set_graph(root, "dpi", "110");
    gv::set_graph(root, "size", "40,40");  // keeps huge graphs within cairo's surface limits
  }

  // Node defaults first, so the DOT text states them once.
  for (auto [name, value] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"fontname", kFont},
           {"fontsize", "10"},
           {"style", "filled"},
           {"color", "#333333"},
           {"penwidth", "0.8"},
           {"margin", "0.06,0.03"}}) {
    std::string key(name), text(value);
    agattr(root, AGNODE, key.data(), text.data());
  }
  for (auto [name, value] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"fontname", kFont},
           {"fontsize", "8"},
           {"fontcolor", "#444444"},
           {"arrowsize", "0.7"}}) {
    std::string key(name), text(value);
    agattr(root, AGEDGE, key.data(), text.data());
  }

  if (with_legend) {
    gv::set_graph(root, "labelloc", "t");
    gv::set_graph(root, "labeljust", "l");
    gv::set_graph(root, "label", legend_html(picture, options.title), true);
  }

  std::map<std::string, Agraph_t*> clusters;
  for (std::size_t i = 0; i < picture.clusters.size(); ++i) {
    std::string name = fmt::format("cluster_{}", i);
    Agraph_t* sub = agsubg(root, name.data(), 1);
    gv::set(root, sub, AGRAPH, "label", escape_label(shortened(picture.clusters[i], kLabelChars)));
    gv::set(root, sub, AGRAPH, "labelloc", "t");
    gv::set(root, sub, AGRAPH, "labeljust", "l");
    gv::set(root, sub, AGRAPH, "style", "rounded,filled");
    gv::set(root, sub, AGRAPH, "fillcolor", "#f5f5f5");
    gv::set(root, sub, AGRAPH, "color", "#aaaaaa");
    clusters.emplace(picture.clusters[i], sub);
  }

  std::vector<Agnode_t*> nodes;
  nodes.reserve(picture.nodes.size());
  for (const auto& draw : picture.nodes) {
    std::string name = draw.name;
    Agraph_t* parent = draw.cluster ? clusters.at(*draw.cluster) : root;
    Agnode_t* node = agnode(parent, name.data(), 1);
    gv::set(root, node, AGNODE, "shape", draw.shape);
    gv::set(root, node, AGNODE, "label", draw.label);
    gv::set(root, node, AGNODE, "fillcolor", draw.fill.hex());
    const auto text = style::text_colour_on(draw.fill);
    if (text.r != 0) gv::set(root, node, AGNODE, "fontcolor", text.hex());
    if (draw.width > 0) {
      gv::set(root, node, AGNODE, "width", fixed(draw.width));
      gv::set(root, node, AGNODE, "height", fixed(draw.height));
    }
    if (draw.fontsize != 10)
      gv::set(root, node, AGNODE, "fontsize", fmt::format("{:.1f}", draw.fontsize));
    gv::set(root, node, AGNODE, "tooltip", draw.tooltip);
    nodes.push_back(node);
  }

  for (const auto& draw : picture.edges) {
    Agedge_t* edge = agedge(root, nodes[draw.tail], nodes[draw.head], nullptr, 1);
    gv::set(root, edge, AGEDGE, "color", draw.colour);
    if (draw.penwidth != 1.0)
      gv::set(root, edge, AGEDGE, "penwidth", fmt::format("{:.1f}", draw.penwidth));
    if (draw.dashed)
      gv::set(root, edge, AGEDGE, "style", "dashed");
    else if (draw.dotted)
      gv::set(root, edge, AGEDGE, "style", "dotted");
    if (picture.directed) {
      const char* dir = draw.arrow_head ? (draw.arrow_tail ? "both" : "forward")
                                        : (draw.arrow_tail ? "back" : "none");
      if (std::string_view(dir) != "forward") gv::set(root, edge, AGEDGE, "dir", dir);
    }
    if (!draw.label.empty()) gv::set(root, edge, AGEDGE, "label", draw.label);
    gv::set(root, edge, AGEDGE, "tooltip", draw.tooltip);
  }
}

std::string_view device(OutputFormat format) {
  switch (format) {
    case OutputFormat::Svg:
      return "svg";
    case OutputFormat::Png:
      return "png";
    case OutputFormat::Pdf:
      return "pdf";
    case OutputFormat::Dot:
      return "dot";
  }
  return "svg";
}

// cairo stamps PDFs with the creation time; overwrite it in place (same length, so the
// cross-reference offsets stay valid) to keep output reproducible.
void strip_pdf_date(std::string& pdf) {
  for (std::string_view key : {"/CreationDate (", "/ModDate ("}) {
    std::size_t at = pdf.find(key);
    while (at != std::string::npos) {
      const std::size_t begin = at + key.size();
      const std::size_t end = pdf.find(')', begin);
      if (end == std::string::npos) break;
      std::string stamp = "D:19700101000000Z";
      stamp.resize(end - begin, ' ');
      if (stamp.size() == end - begin) pdf.replace(begin, end - begin, stamp);
      at = pdf.find(key, end);
    }
  }
}

}  // namespace

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  const auto n = lower(name);
  if (n == "svg") return OutputFormat::Svg;
  if (n == "png") return OutputFormat::Png;
  if (n == "pdf") return OutputFormat::Pdf;
  if (n == "dot" || n == "gv") return OutputFormat::Dot;
  return std::nullopt;
}

std::optional<OutputFormat> output_format_from_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = file.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return output_format_from_name(file.substr(dot + 1));
}

std::string_view to_string(OutputFormat format) {
  return device(format);
}

std::optional<ParallelDraw> parallel_draw_from_name(std::string_view name) {
  if (name == "draw") return ParallelDraw::Draw;
  if (name == "bundle") return ParallelDraw::Bundle;
  return std::nullopt;
}

const std::vector<std::string>& layout_names() {
  static const std::vector<std::string> names{"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
  return names;
}

std::string default_layout(std::size_t vertex_count) {
  return vertex_count <= 300 ? "neato" : "sfdp";
}

std::string render(const graph::Graph& graph, const graph::View& view,
                   const RenderOptions& options) {
  const Picture picture = plan(graph, view, options);
  std::lock_guard lock(gv::graphviz_mutex());
  gv::ErrorCapture errors;
  const gv::Context& context = gv::process_context();
  if (options.format == OutputFormat::Dot) {
    gv::Graph owner("actornet", picture.directed);
    build(picture, view, options, owner, true);
    return gv::write_dot(owner);
  }
  gv::Graph& owner = gv::keep_for_layout(picture.engine, gv::Graph("actornet", picture.directed));
  build(picture, view, options, owner, true);
  gv::Layout layout(context, owner, picture.engine, errors);
  std::string bytes = layout.render(std::string(device(options.format)), errors);
  if (options.format == OutputFormat::Pdf) strip_pdf_date(bytes);
  return bytes;
}

std::vector<std::pair<double, double>> layout_positions(const graph::Graph& graph,
                                                        const graph::View& view,
                                                        const RenderOptions& options) {
  const Picture picture = plan(graph, view, options);
  std::lock_guard lock(gv::graphviz_mutex());
  gv::ErrorCapture errors;
  const gv::Context& context = gv::process_context();
  gv::Graph& owner = gv::keep_for_layout(picture.engine, gv::Graph("actornet", picture.directed));
  build(picture, view, options, owner, true);
  gv::Layout layout(context, owner, picture.engine, errors);
  std::vector<std::pair<double, double>> positions;
  positions.reserve(picture.nodes.size());
  for (const auto& draw : picture.nodes) {
    std::string name = draw.name;
    Agnode_t* node = agnode(owner.get(), name.data(), 0);
    positions.emplace_back(ND_coord(node).x, ND_coord(node).y);
  }
  return positions;
}

std::vector<Vertex> ego_vertices(const graph::View& view, const std::vector<Vertex>& seeds,
                                 std::size_t depth) {
  std::vector<std::size_t> distance(view.vertex_count(), SIZE_MAX);
  std::deque<Vertex> queue;
  for (auto s : seeds)
    if (s < view.vertex_count() && distance[s] == SIZE_MAX) {
      distance[s] = 0;
      queue.push_back(s);
    }
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (distance[v] >= depth) continue;
    auto visit = [&](const graph::View::Arc& arc) {
      if (distance[arc.neighbour] == SIZE_MAX) {
        distance[arc.neighbour] = distance[v] + 1;
        queue.push_back(arc.neighbour);
      }
    };
    for (const auto& arc : view.out(v))
      visit(arc);
    if (view.directed())
      for (const auto& arc : view.in(v))
        visit(arc);
  }
  std::vector<Vertex> result;
  for (Vertex v = 0; v < view.vertex_count(); ++v)
    if (distance[v] != SIZE_MAX) result.push_back(v);
  return result;
}

}  // namespace actornet::viz
