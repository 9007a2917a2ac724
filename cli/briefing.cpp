#include "cli/briefing.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "cli/centrality_table.hpp"
#include "cli/escape.hpp"

namespace actornet::cli {

std::string group_attribute(const graph::Graph& graph) {
  for (const char* name : {"side", "country"})
    if (graph.node_attributes().find(name)) return name;
  return {};
}

namespace {

struct MeasureText {
  analyses::Measure measure;
  const char* heading;
  const char* explanation;
};

// The measures the briefing ranks by, in order, with what each means in plain words.
const std::vector<MeasureText>& report_measures() {
  static const std::vector<MeasureText> measures{
      {analyses::Measure::Degree, "Most ties",
       "How many ties an actor has: the busiest actors in the record."},
      {analyses::Measure::Betweenness, "Brokers",
       "How often an actor lies on the shortest path between two others: who can connect, or "
       "cut off, the rest."},
      {analyses::Measure::PageRank, "Influence",
       "Where a walk along the ties spends its time: actors tied to other well-tied actors "
       "score high."},
      {analyses::Measure::Eigenvector, "Inner circle",
       "Ties to actors who are central themselves count more: the core of the network "
       "(1 = the most central)."},
      {analyses::Measure::Harmonic, "Reach",
       "How close an actor is to all others, in steps along the ties (1 = a direct tie to "
       "everyone)."},
  };
  return measures;
}

std::string text_attribute(const graph::Graph& graph, graph::NodeIndex n, const std::string& name) {
  if (name.empty() || !graph.node_attributes().find(name)) return {};
  return graph::format_value(graph.node_attribute(n, name));
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string entry_text(const importers::ReportEntry& e) {
  if (e.file.empty()) return e.message;
  if (e.line == 0) return fmt::format("{}: {}", e.file, e.message);
  return fmt::format("{}:{}: {}", e.file, e.line, e.message);
}

// The briefing's text, written once for both output languages: `esc` escapes a data string
// and `strong` emphasises already escaped text.
struct Style {
  std::function<std::string(std::string_view)> esc;
  std::function<std::string(const std::string&)> strong;
};

// Up to `count` actors by name, with their scores when `decimals` is not negative.
std::string actor_list(const std::vector<RankedActor>& actors, std::size_t count, const Style& s,
                       int decimals = -1) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < actors.size() && i < count; ++i) {
    std::string part = s.strong(s.esc(actors[i].label));
    if (decimals >= 0) part += fmt::format(" ({})", format_score(actors[i].score, decimals));
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// The "In brief" bullets: size and shape of the network, then the leaders by each measure.
std::vector<std::string> key_findings(const Briefing& b, const Style& s) {
  std::vector<std::string> out;
  const auto& sum = b.summary;
  std::string shape = fmt::format("{} and {} of {}", plural(sum.nodes, "actor", "actors"),
                                  plural(sum.edges, "tie", "ties"),
                                  plural(sum.relations.size(), "relation type", "relation types"));
  if (sum.earliest && sum.latest)
    shape +=
        fmt::format(", dated from {} to {}", sum.earliest->to_string(), sum.latest->to_string());
  if (sum.nodes > 0) {
    if (sum.components == 1)
      shape += "; all connected";
    else
      shape += fmt::format("; {} separate components, the largest with {}", sum.components,
                           plural(sum.largest_component, "actor", "actors"));
  }
  out.push_back(shape + ".");
  for (const auto& r : b.rankings) {
    if (r.top.empty()) continue;
    std::vector<RankedActor> leaders;  // a score of 0 leads nothing
    for (const auto& a : r.top)
      if (a.score > 0 && leaders.size() < 3) leaders.push_back(a);
    out.push_back(fmt::format("{} ({}): {}.", s.esc(r.heading), s.esc(r.measure),
                              leaders.empty()
                                  ? std::string("none, every actor scores 0")
                                  : actor_list(leaders, leaders.size(), s, r.decimals)));
  }
  // Actors in the top three by every measure, and brokers that a count of ties would miss.
  if (b.rankings.size() > 1) {
    std::vector<RankedActor> everywhere;
    for (const auto& a : b.rankings.front().top) {
      if (a.rank > 3) break;
      bool all = true;
      for (const auto& r : b.rankings) {
        auto it = std::find_if(r.top.begin(), r.top.end(),
                               [&](const RankedActor& x) { return x.id == a.id; });
        // Third place must be earned: a score tied with the fourth is not "top three".
        all = all && it != r.top.end() && it->rank <= 3 &&
              (r.top.size() < 4 || it->score > r.top[3].score);
      }
      if (all) everywhere.push_back(a);
    }
    if (!everywhere.empty())
      out.push_back(fmt::format("In the top three by every measure: {}.",
                                actor_list(everywhere, everywhere.size(), s)));
  }
  const MeasureRanking* degree = nullptr;
  const MeasureRanking* brokers = nullptr;
  for (const auto& r : b.rankings) {
    if (r.measure == "degree") degree = &r;
    if (r.measure == "betweenness") brokers = &r;
  }
  if (degree && brokers && !degree->top.empty()) {
    std::vector<RankedActor> hidden;
    for (const auto& a : brokers->top) {
      if (a.rank > 5 || a.score <= 0) break;
      auto it = std::find_if(degree->top.begin(), degree->top.end(),
                             [&](const RankedActor& x) { return x.id == a.id; });
      if (it == degree->top.end()) hidden.push_back(a);
    }
    if (!hidden.empty())
      out.push_back(fmt::format(
          "Brokers among the top five by betweenness but not among the {} with most ties: {}.",
          degree->top.size(), actor_list(hidden, hidden.size(), s)));
  }
  return out;
}

// One row of "Who they are": an actor from any ranking, with its place in each.
struct KeyActor {
  RankedActor actor;
  std::vector<std::pair<std::string, std::size_t>> ranks;  // (measure, rank)
  std::size_t best = 0;
};

// "Who they are" lists the actors ranked this high by at least one measure.
constexpr std::size_t kKeyRank = 5;

std::vector<KeyActor> key_actors(const Briefing& b) {
  std::vector<KeyActor> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : b.rankings)
    for (const auto& a : r.top) {
      auto [it, fresh] = index.try_emplace(a.id, out.size());
      if (fresh) out.push_back({a, {}, a.rank});
      auto& k = out[it->second];
      k.ranks.emplace_back(r.measure, a.rank);
      k.best = std::min(k.best, a.rank);
    }
  std::erase_if(out, [](const KeyActor& k) { return k.best > kKeyRank; });
  std::stable_sort(out.begin(), out.end(), [](const KeyActor& x, const KeyActor& y) {
    if (x.best != y.best) return x.best < y.best;
    if (x.ranks.size() != y.ranks.size()) return x.ranks.size() > y.ranks.size();
    return x.actor.id < y.actor.id;
  });
  return out;
}

std::string ranks_text(const KeyActor& k) {
  std::vector<std::string> parts;
  for (const auto& [measure, rank] : k.ranks)
    parts.push_back(fmt::format("{} #{}", measure, rank));
  return fmt::format("{}", fmt::join(parts, ", "));
}

// Facts about the network as (name, value) pairs of plain text.
std::vector<std::pair<std::string, std::string>> network_facts(const Briefing& b) {
  const auto& s = b.summary;
  std::vector<std::pair<std::string, std::string>> facts;
  facts.emplace_back("Actors (nodes)", std::to_string(s.nodes));
  facts.emplace_back("Ties (edges)", fmt::format("{} ({} directed, {} undirected)", s.edges,
                                                 s.directed_edges, s.edges - s.directed_edges));
  facts.emplace_back("Kinds of actor", std::to_string(s.kinds.size()));
  facts.emplace_back("Relation types", std::to_string(s.relations.size()));
  facts.emplace_back("Connected components",
                     fmt::format("{} (largest: {})", s.components,
                                 plural(s.largest_component, "actor", "actors")));
  facts.emplace_back("Isolated actors", std::to_string(s.isolates));
  facts.emplace_back("Density", fmt::format("{:.3f}", s.density));
  facts.emplace_back("Parallel ties", fmt::format("{} beyond the first, in {}", s.parallel_edges,
                                                  plural(s.parallel_pairs, "pair", "pairs")));
  facts.emplace_back("Self-loops", std::to_string(s.self_loops));
  facts.emplace_back("Time span",
                     s.earliest && s.latest
                         ? fmt::format("{} to {}", s.earliest->to_string(), s.latest->to_string())
                         : "undated");
  return facts;
}

// The import's decisions as (heading, entries) groups; empty groups are left out.
struct NoteGroup {
  std::string heading;
  std::vector<std::string> entries;
  std::size_t total = 0;
};

constexpr std::size_t kMaxEntries = 20;

std::vector<NoteGroup> import_decisions(const importers::ImportReport& r) {
  std::vector<NoteGroup> groups;
  // The first kMaxEntries of `total` entries, entry(i) giving the i-th.
  auto add_group = [&](std::string heading, std::size_t total, const auto& entry) {
    if (total == 0) return;
    NoteGroup g{std::move(heading), {}, total};
    for (std::size_t i = 0; i < total && i < kMaxEntries; ++i)
      g.entries.push_back(entry_text(entry(i)));
    groups.push_back(std::move(g));
  };
  auto add = [&](std::string heading, const std::vector<importers::ReportEntry>& entries) {
    add_group(std::move(heading), entries.size(), [&](std::size_t i) { return entries[i]; });
  };
  add_group("Nodes created because an edge named them", r.created_nodes.size(),
            [&](std::size_t i) { return r.created_entry(i); });
  add("Duplicate node rows merged", r.merged);
  add("Defaults applied", r.defaulted);
  add("Rows rejected", r.rejected);
  return groups;
}

std::string read_line(const importers::ImportReport& r) {
  return fmt::format(
      "Read {} and {} from {}.", plural(r.node_rows, "node row", "node rows"),
      plural(r.edge_rows, "edge row", "edge rows"),
      r.files.empty() ? std::string("no file") : fmt::format("{}", fmt::join(r.files, ", ")));
}

constexpr const char* kNoDecisions =
    "The import took no decision on the data's behalf: no node was created from an edge, no "
    "row merged, no default applied, no row rejected.";

constexpr int kSectionDecimals = 3;  // reals in further sections' tables

constexpr const char* kStyle = R"(
:root { --ink: #1d2733; --muted: #5b6775; --rule: #d8dee6; --accent: #1f5f8b; --band: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 36px 48px; overflow-wrap: anywhere; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
.kicker { margin: 0; color: var(--accent); font-size: 12px; font-weight: 700;
  letter-spacing: .12em; text-transform: uppercase; }
h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; }
.meta { margin: 0; color: var(--muted); }
.meta span + span::before { content: "\00b7"; margin: 0 .5em; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 0 0 2px; }
figure.diagram { margin: 0; border: 1px solid var(--rule); border-radius: 4px; padding: 12px;
  background: #fff; text-align: center; }
figure.diagram svg, figure.diagram img { display: block; width: 100%; height: auto;
  max-height: 1400px; margin: 0 auto; }
figcaption { margin-top: 8px; color: var(--muted); font-size: 13px; text-align: left; }
figcaption a { color: var(--accent); }
.brief { background: var(--band); border-left: 4px solid var(--accent); padding: 10px 18px;
  margin: 20px 0 0; }
.brief ul { margin: 6px 0; padding-left: 20px; }
.brief li { margin: 3px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--rule); border-radius: 4px; padding: 12px 12px; min-width: 0; }
.card table { font-size: 13px; }
.card th, .card td { padding: 3px 5px; }
.card .what { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
.card .measure { color: var(--muted); font-weight: 400; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
.kind { color: var(--muted); white-space: nowrap; }
.group { white-space: nowrap; }
.two { display: grid; grid-template-columns: 1fr 1fr 1.3fr; gap: 24px; align-items: start; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.small { color: var(--muted); font-size: 13px; }
code { font-size: 13px; background: var(--band); padding: 1px 4px; border-radius: 3px; }
details { margin-top: 8px; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: 12.5px; }
@media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
@media print { main { padding: 0; } .card, figure.diagram { break-inside: avoid; } }
)";

}  // namespace

std::vector<MeasureRanking> rank_actors(const graph::Graph& graph, const graph::View& view,
                                        const analyses::CentralityResult& result, std::size_t top,
                                        const std::string& group) {
  std::vector<MeasureRanking> out;
  for (const auto& text : report_measures()) {
    auto it = std::find(result.measures.begin(), result.measures.end(), text.measure);
    if (it == result.measures.end()) continue;
    const auto& scores = result.scores[static_cast<std::size_t>(it - result.measures.begin())];
    auto order = rank_vertices(graph, view, scores);
    if (top > 0 && order.size() > top) order.resize(top);
    MeasureRanking ranking{
        std::string(analyses::to_string(text.measure)), text.heading, text.explanation, {}};
    for (auto v : order) {
      const auto n = view.node_of(v);
      ranking.top.push_back({graph.node(n).id, graph.node(n).label, graph.kind_name(n),
                             text_attribute(graph, n, group),
                             text_attribute(graph, n, "description"), scores[v],
                             ranking.top.size() + 1});
    }
    std::vector<double> shown;
    for (const auto& a : ranking.top)
      shown.push_back(a.score);
    ranking.decimals = score_decimals(shown);
    out.push_back(std::move(ranking));
  }
  return out;
}

int score_decimals(const std::vector<double>& scores) {
  bool whole = true;
  double largest = 0;
  for (double x : scores) {
    if (std::isnan(x)) continue;
    whole = whole && std::isfinite(x) && std::trunc(x) == x;
    largest = std::max(largest, std::abs(x));
  }
  if (whole) return 0;
  return largest >= 10 ? 1 : 3;
}

std::string format_score(double score, int decimals) {
  if (std::isnan(score)) return "n/a";
  std::string text = fmt::format("{:.{}f}", score, decimals);
  if (text.starts_with("-") && text.find_first_not_of("-0.") == std::string::npos)
    text.erase(0, 1);  // no "-0.000"
  return text;
}

std::string briefing_html(const Briefing& b) {
  const Style style{[](std::string_view t) { return html_escape(t); },
                    [](const std::string& t) { return "<strong>" + t + "</strong>"; }};
  const auto& e = style.esc;
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h +=
      "<title>" + e(b.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";

  // Header: what this is about.
  h += "<header>\n<p class=\"kicker\">Network briefing</p>\n<h1>" + e(b.title) + "</h1>\n";
  h += "<p class=\"meta\"><span>Dataset <strong>" + e(b.dataset) + "</strong></span>";
  if (!b.at.empty())
    h += "<span>Snapshot on <strong>" + e(b.at) + "</strong></span>";
  else
    h += "<span>Whole record (no snapshot date)</span>";
  h += fmt::format("<span>{}, {}</span></p>\n</header>\n",
                   plural(b.summary.nodes, "actor", "actors"),
                   plural(b.summary.edges, "tie", "ties"));

  // The diagram on top.
  if (!b.diagram_svg.empty()) {
    h += "<figure class=\"diagram\">\n";
    const std::string svg = inline_svg(b.diagram_svg);
    if (!svg.empty())
      h += svg;
    else
      h += "<img alt=\"Diagram of the network\" src=\"" + svg_data_uri(b.diagram_svg) + "\">";
    h += "\n<figcaption>" + e(b.diagram_caption);
    if (!b.diagram_links.empty()) {
      std::vector<std::string> links;
      for (const auto& f : b.diagram_links)
        links.push_back("<a href=\"" + e(f) + "\">" + e(f) + "</a>");
      h += fmt::format(" Full size: {}.", fmt::join(links, ", "));
    }
    h += "</figcaption>\n</figure>\n";
  }

  // In brief.
  h += "<section class=\"brief\">\n<h2 style=\"border:0;margin:4px 0 0\">In brief</h2>\n<ul>\n";
  for (const auto& line : key_findings(b, style))
    h += "<li>" + line + "</li>\n";
  h += "</ul>\n</section>\n";

  // Central actors, measure by measure.
  h += "<section>\n<h2>Central actors</h2>\n";
  h += "<p class=\"small\">Each measure sees importance differently; an actor high on several "
       "is central in more than one sense. Ties in a score are ordered by id. Every actor's "
       "scores are in <code>centrality.csv</code>.</p>\n<div class=\"cards\">\n";
  const std::string group_heading = b.group_attribute.empty() ? "" : e(b.group_attribute);
  for (const auto& r : b.rankings) {
    h += "<div class=\"card\">\n<h3>" + e(r.heading) + " <span class=\"measure\">" + e(r.measure) +
         "</span></h3>\n<p class=\"what\">" + e(r.explanation) + "</p>\n";
    h += "<table>\n<thead><tr><th class=\"num\">#</th><th>Actor</th><th>Kind</th>";
    if (!group_heading.empty()) h += "<th>" + group_heading + "</th>";
    h += "<th class=\"num\">Score</th></tr></thead>\n<tbody>\n";
    for (const auto& a : r.top) {
      h += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td class=\"kind\">{}</td>", a.rank,
                       e(a.label), e(a.kind));
      if (!group_heading.empty()) h += "<td class=\"group\">" + e(a.group) + "</td>";
      h += "<td class=\"num\">" + e(format_score(a.score, r.decimals)) + "</td></tr>\n";
    }
    h += "</tbody>\n</table>\n</div>\n";
  }
  h += "</div>\n</section>\n";

  // Who the central actors are.
  const auto actors = key_actors(b);
  if (!actors.empty()) {
    h += "<section>\n<h2>Who they are</h2>\n<p class=\"small\">Every actor in the top five by "
         "some measure, with its rank by each measure where it is in the top " +
         std::to_string(b.rankings.front().top.size()) +
         ".</p>\n<table>\n<thead><tr><th>Actor</th><th>Kind</th>";
    if (!group_heading.empty()) h += "<th>" + group_heading + "</th>";
    h += "<th>Description</th><th>Ranks</th></tr></thead>\n<tbody>\n";
    for (const auto& k : actors) {
      h += "<tr><td><strong>" + e(k.actor.label) + "</strong></td><td class=\"kind\">" +
           e(k.actor.kind) + "</td>";
      if (!group_heading.empty()) h += "<td class=\"group\">" + e(k.actor.group) + "</td>";
      h += "<td>" + e(k.actor.description) + "</td><td class=\"small\">" + e(ranks_text(k)) +
           "</td></tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";
  }

  for (const auto& section : b.sections) {
    h += "<section>\n<h2>" + e(section.heading) + "</h2>\n";
    for (const auto& paragraph : section.paragraphs)
      h += "<p>" + e(paragraph) + "</p>\n";
    if (!section.chart_svg.empty()) {
      const std::string svg = inline_svg(section.chart_svg);
      h += "<figure class=\"diagram\">\n";
      h += svg.empty() ? "<img alt=\"" + e(section.chart_caption) + "\" src=\"" +
                             svg_data_uri(section.chart_svg) + "\">"
                       : svg;
      h += "\n<figcaption>" + e(section.chart_caption) + "</figcaption>\n</figure>\n";
    }
    for (const auto& [title, table] : section.tables) {
      const auto text = table_text(table, kSectionDecimals);
      h += "<h3>" + e(title) + "</h3>\n<table>\n<thead><tr>";
      for (std::size_t c = 0; c < text.columns.size(); ++c)
        h += (text.numeric[c] ? "<th class=\"num\">" : "<th>") + e(text.columns[c]) + "</th>";
      h += "</tr></thead>\n<tbody>\n";
      for (const auto& row : text.rows) {
        h += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c)
          h += (text.numeric[c] ? "<td class=\"num\">" : "<td>") + e(row[c]) + "</td>";
        h += "</tr>\n";
      }
      if (text.rows.empty())
        h += fmt::format("<tr><td colspan=\"{}\">(none)</td></tr>\n", text.columns.size());
      h += "</tbody>\n</table>\n";
    }
    h += "</section>\n";
  }

  // What the network is.
  h += "<section>\n<h2>The network</h2>\n<div class=\"two\">\n<div>\n<dl class=\"facts\">\n";
  for (const auto& [name, value] : network_facts(b))
    h += "<dt>" + e(name) + "</dt><dd>" + e(value) + "</dd>\n";
  h += "</dl>\n</div>\n<div>\n<table>\n<thead><tr><th>Kind</th><th class=\"num\">Actors</th>"
       "</tr></thead>\n<tbody>\n";
  for (const auto& k : b.summary.kinds)
    h += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>\n", e(k.name), k.count);
  h += "</tbody>\n</table>\n</div>\n<div>\n<table>\n<thead><tr><th>Relation</th>"
       "<th class=\"num\">Ties</th><th class=\"num\">Directed</th><th class=\"num\">Dated</th>"
       "</tr></thead>\n<tbody>\n";
  for (const auto& r : b.summary.relations)
    h += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        e(r.name), r.edges, r.directed, r.dated);
  h += "</tbody>\n</table>\n</div>\n</div>\n</section>\n";

  // How it was computed.
  h += "<section>\n<h2>How this was computed</h2>\n<p>Projection: " + e(b.projection) + ".</p>\n";
  if (!b.projection_notes.empty() || !b.centrality_notes.empty()) {
    h += "<ul class=\"small\">\n";
    for (const auto& note : b.projection_notes)
      h += "<li>" + e(note) + "</li>\n";
    for (const auto& note : b.centrality_notes)
      h += "<li>" + e(note) + "</li>\n";
    h += "</ul>\n";
  }
  h += "</section>\n";

  // Data notes: what the import decided.
  h += "<section>\n<h2>Data notes</h2>\n<p>" + e(read_line(b.import)) + "</p>\n";
  const auto groups = import_decisions(b.import);
  if (groups.empty()) h += "<p class=\"small\">" + e(kNoDecisions) + "</p>\n";
  for (const auto& g : groups) {
    h += fmt::format("<h3>{} ({})</h3>\n<ul class=\"small\">\n", e(g.heading), g.total);
    for (const auto& entry : g.entries)
      h += "<li>" + e(entry) + "</li>\n";
    if (g.total > g.entries.size())
      h += fmt::format("<li>and {} more (run <code>actornet validate</code> for all)</li>\n",
                       g.total - g.entries.size());
    h += "</ul>\n";
  }
  if (!b.import.notes.empty()) {
    h += fmt::format(
        "<details>\n<summary class=\"small\">Column decisions ({})</summary>\n"
        "<ul class=\"small\">\n",
        b.import.notes.size());
    for (const auto& note : b.import.notes)
      h += "<li>" + e(entry_text(note)) + "</li>\n";
    h += "</ul>\n</details>\n";
  }
  h += "</section>\n";

  h += "<footer>Written by <code>actornet report</code>.";
  if (!b.files.empty()) {
    std::vector<std::string> names;
    for (const auto& f : b.files)
      names.push_back("<code>" + e(f) + "</code>");
    h += fmt::format(" In this folder: {}.", fmt::join(names, ", "));
  }
  h += "</footer>\n</main>\n</body>\n</html>\n";
  return h;
}

std::string briefing_markdown(const Briefing& b) {
  const Style style{[](std::string_view t) { return markdown_escape(t); },
                    [](const std::string& t) { return "**" + t + "**"; }};
  const auto& e = style.esc;
  std::string m;
  m += "# " + e(b.title) + "\n\n";
  m += "Network briefing. Dataset **" + e(b.dataset) + "**; ";
  m += b.at.empty() ? std::string("whole record (no snapshot date)")
                    : "snapshot on **" + e(b.at) + "**";
  m += fmt::format("; {}, {}.\n\n", plural(b.summary.nodes, "actor", "actors"),
                   plural(b.summary.edges, "tie", "ties"));
  if (!b.diagram_png.empty()) {
    // The link target is a file name we chose; angle brackets keep any character literal.
    m += "![Diagram of the network](<" + b.diagram_png + ">)\n\n";
    if (!b.diagram_caption.empty()) m += "*" + e(b.diagram_caption) + "*\n\n";
  }

  m += "## In brief\n\n";
  for (const auto& line : key_findings(b, style))
    m += "- " + line + "\n";

  m += "\n## Central actors\n\nEach measure sees importance differently; an actor high on "
       "several is central in more than one sense. Ties in a score are ordered by id. Every "
       "actor's scores are in `centrality.csv`.\n";
  const bool grouped = !b.group_attribute.empty();
  for (const auto& r : b.rankings) {
    m += "\n### " + e(r.heading) + " (" + e(r.measure) + ")\n\n" + e(r.explanation) + "\n\n";
    m += grouped ? "| # | actor | kind | " + e(b.group_attribute) + " | " + e(r.measure) +
                       " |\n| ---: | --- | --- | --- | ---: |\n"
                 : "| # | actor | kind | " + e(r.measure) + " |\n| ---: | --- | --- | ---: |\n";
    for (const auto& a : r.top) {
      m += fmt::format("| {} | {} | {} | ", a.rank, e(a.label), e(a.kind));
      if (grouped) m += e(a.group) + " | ";
      m += format_score(a.score, r.decimals) + " |\n";
    }
  }

  const auto actors = key_actors(b);
  if (!actors.empty()) {
    m += "\n## Who they are\n\nEvery actor in the top five by some measure, with its rank by "
         "each measure where it is in the top " +
         std::to_string(b.rankings.front().top.size()) + ".\n\n";
    m += grouped
             ? "| actor | kind | " + e(b.group_attribute) +
                   " | description | ranks |\n| --- | --- | --- | --- | --- |\n"
             : std::string("| actor | kind | description | ranks |\n| --- | --- | --- | --- |\n");
    for (const auto& k : actors) {
      m += "| **" + e(k.actor.label) + "** | " + e(k.actor.kind) + " | ";
      if (grouped) m += e(k.actor.group) + " | ";
      m += e(k.actor.description) + " | " + e(ranks_text(k)) + " |\n";
    }
  }

  for (const auto& section : b.sections) {
    m += "\n## " + e(section.heading) + "\n";
    for (const auto& paragraph : section.paragraphs)
      m += "\n" + e(paragraph) + "\n";
    if (!section.chart_caption.empty() && !section.chart_svg.empty())
      m += "\n*" + e(section.chart_caption) + "*\n";
    for (const auto& [title, table] : section.tables) {
      const auto text = table_text(table, kSectionDecimals);
      m += "\n### " + e(title) + "\n\n|";
      for (const auto& column : text.columns)
        m += " " + e(column) + " |";
      m += "\n|";
      for (std::size_t c = 0; c < text.columns.size(); ++c)
        m += text.numeric[c] ? " ---: |" : " --- |";
      m += "\n";
      for (const auto& row : text.rows) {
        m += "|";
        for (const auto& cell : row)
          m += " " + e(cell) + " |";
        m += "\n";
      }
      if (text.rows.empty()) m += "\n(none)\n";
    }
  }

  m += "\n## The network\n\n";
  for (const auto& [name, value] : network_facts(b))
    m += "- " + e(name) + ": " + e(value) + "\n";
  m += "\n| kind | actors |\n| --- | ---: |\n";
  for (const auto& k : b.summary.kinds)
    m += fmt::format("| {} | {} |\n", e(k.name), k.count);
  m += "\n| relation | ties | directed | dated |\n| --- | ---: | ---: | ---: |\n";
  for (const auto& r : b.summary.relations)
    m += fmt::format("| {} | {} | {} | {} |\n", e(r.name), r.edges, r.directed, r.dated);

  m += "\n## How this was computed\n\nProjection: " + e(b.projection) + ".\n";
  if (!b.projection_notes.empty() || !b.centrality_notes.empty()) {
    m += "\n";
    for (const auto& note : b.projection_notes)
      m += "- " + e(note) + "\n";
    for (const auto& note : b.centrality_notes)
      m += "- " + e(note) + "\n";
  }

  m += "\n## Data notes\n\n" + e(read_line(b.import)) + "\n";
  const auto groups = import_decisions(b.import);
  if (groups.empty()) m += "\n" + e(kNoDecisions) + "\n";
  for (const auto& g : groups) {
    m += fmt::format("\n{} ({}):\n\n", e(g.heading), g.total);
    for (const auto& entry : g.entries)
      m += "- " + e(entry) + "\n";
    if (g.total > g.entries.size())
      m += fmt::format("- and {} more (run `actornet validate` for all)\n",
                       g.total - g.entries.size());
  }
  if (!b.import.notes.empty()) {
    m += "\nColumn decisions:\n\n";
    for (const auto& note : b.import.notes)
      m += "- " + e(entry_text(note)) + "\n";
  }
  if (!b.files.empty()) {
    std::vector<std::string> names;
    for (const auto& f : b.files)
      names.push_back("`" + f + "`");
    m += fmt::format("\n---\n\nWritten by `actornet report`. In this folder: {}.\n",
                     fmt::join(names, ", "));
  }
  return m;
}

}  // namespace actornet::cli
