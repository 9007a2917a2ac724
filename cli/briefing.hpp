// The briefing `actornet report` writes: what the network is, who the central actors are and
// by which measure, under which projection, and what the import decided, assembled as one
// self-contained HTML page and as Markdown. Pure functions of their inputs: no files, no
// Graphviz, no clock, so the same data always give the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analyses/centrality.hpp"
#include "analyses/summary.hpp"
#include "cli/output.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"
#include "importers/import.hpp"

namespace actornet::cli {

/// One actor in a measure's ranking.
struct RankedActor {
  std::string id;
  std::string label;
  std::string kind;
  std::string group;        ///< value of the grouping attribute (see group_attribute), or ""
  std::string description;  ///< the node's `description` attribute, or ""
  double score = 0;
  std::size_t rank = 0;  ///< 1-based position in the ranking
};

/// The top actors by one measure, with what the measure means in plain words.
struct MeasureRanking {
  std::string measure;      ///< the measure's name (analyses::to_string), e.g. "betweenness"
  std::string heading;      ///< a short plain-language heading, e.g. "Brokers"
  std::string explanation;  ///< one sentence an analyst can read without the definition
  std::vector<RankedActor> top;
  int decimals = 0;  ///< how the scores print (score_decimals of the top scores)
};

/// A further analysis in the briefing (channels between two sides, a scenario...): a
/// heading, plain-language paragraphs, optionally a chart, and tables (printed as the
/// Markdown renderer prints them, reals with 3 decimals).
struct BriefingSection {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::string chart_svg;  ///< an SVG document, or ""
  std::string chart_caption;
  std::vector<Section> tables;
};

/// Everything the briefing shows. Strings are raw data: the renderers escape them.
struct Briefing {
  std::string title;       ///< page title (h1)
  std::string dataset;     ///< the inputs as given, e.g. "datasets/us-china-law-enforcement"
  std::string at;          ///< the snapshot date as typed, or "" for the whole record
  std::string projection;  ///< one line stating the view (cli::describe_view)
  std::vector<std::string> projection_notes;  ///< why the projection is what it is
  analyses::GraphSummary summary;
  std::string group_attribute;  ///< node attribute shown as a column ("side"), or ""
  std::vector<MeasureRanking> rankings;
  std::vector<std::string> centrality_notes;  ///< CentralityResult::notes
  importers::ImportReport import;
  std::string diagram_svg;  ///< the diagram as an SVG document; "" when there is none
  std::string diagram_png;  ///< file name of the PNG the Markdown links to ("" = none)
  std::string diagram_caption;
  std::vector<std::string> diagram_links;  ///< files beside the page the caption links to
  std::vector<std::string> files;  ///< the other files written beside the page, for the index
  std::vector<BriefingSection> sections;  ///< after the central actors, in this order
};

/// The node attribute the report groups actors by, as the diagram colours them: `side` when
/// the graph has that node attribute, else `country`, else "".
std::string group_attribute(const graph::Graph& graph);

/// The report's measures, in the order the briefing shows them: degree, betweenness,
/// pagerank, eigenvector, harmonic, each with its heading and explanation; those missing from
/// `result` are skipped. Each ranking holds the first `top` vertices in the order of
/// rank_vertices (highest first, ties by id); `top` 0 means every vertex. O(M V log V).
std::vector<MeasureRanking> rank_actors(const graph::Graph& graph, const graph::View& view,
                                        const analyses::CentralityResult& result, std::size_t top,
                                        const std::string& group_attribute);

/// Decimals that print every one of `scores` alike: 0 when all are whole numbers (NaN
/// aside), 1 when the largest magnitude is 10 or more, 3 otherwise.
int score_decimals(const std::vector<double>& scores);

/// `score` with `decimals` decimals; NaN as "n/a".
std::string format_score(double score, int decimals);

/// The briefing as one self-contained HTML5 page: inline CSS, no script, no external
/// resource; the diagram inlined as SVG (see inline_svg), or as a data: URI image when the
/// SVG holds anything that could run or fetch. Every data string is HTML-escaped.
std::string briefing_html(const Briefing& briefing);

/// The same briefing in CommonMark with pipe tables; the diagram as an image link to
/// Briefing::diagram_png. Every data string is Markdown-escaped.
std::string briefing_markdown(const Briefing& briefing);

}  // namespace actornet::cli
