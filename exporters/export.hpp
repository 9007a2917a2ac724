// Writing a Graph in the exchange formats, each by one function; export_graph picks one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.hpp"

namespace actornet::exporters {

enum class OutputFormat { Csv, Gexf, GraphMl, Gml, Pajek, Dl, Dot, Json, Cytoscape };

/// `csv`, `gexf`, `graphml`, `gml`, `pajek` (or `net`), `dl`, `dot` (or `gv`), `json`
/// (NetworkX node-link), `cytoscape` (or `cyjs`: cytoscape.js elements); nullopt otherwise.
std::optional<OutputFormat> output_format_from_name(std::string_view name);
/// By extension: .gexf .graphml .gml .net .dl .dot .gv .json .cyjs; a path without extension
/// or ending in `/` is a folder for CSV (nodes.csv + edges.csv); nullopt otherwise.
std::optional<OutputFormat> output_format_from_path(std::string_view path);
std::string_view to_string(OutputFormat format);

/// What to add to the graph's own data.
struct ExportOptions {
  /// Named per-node scores (indexed by graph NodeIndex; NaN = none), written as node
  /// attributes in every format that holds them.
  std::vector<std::pair<std::string, std::vector<double>>> scores;
  /// The score that sets node size where the format has one (GEXF viz:size); empty = none.
  std::string size_by;
  /// Layout positions per graph NodeIndex (GEXF viz:position, GraphML/GML x,y); empty = none.
  std::vector<std::optional<std::pair<double, double>>> positions;
  /// The node attribute that sets colour where the format has one; empty = as the diagrams do.
  std::string color_by;
};

/// What the format could not hold, once per kind of loss with counts, e.g.
/// "pajek: 93 edges lost their validity interval (Pajek .net holds none here)".
///
/// Text (ids, labels, kinds, relations, attribute names and values) is written as it is
/// wherever the format can hold it, and reads back exactly through our readers. What a format
/// cannot hold is replaced, never dropped, and every replacement is counted here:
/// - every format: ill-formed UTF-8 becomes U+FFFD, one per maximal ill-formed subpart (as
///   browsers and Python decode it): every file we write is valid UTF-8;
/// - GEXF, GraphML (XML 1.0): also the control characters XML cannot hold even as references
///   (C0 but tab, LF, CR) and U+FFFE, U+FFFF become U+FFFD; tab, LF and CR in attribute
///   values and CR in element text are character references; `& < > "` are escaped;
/// - GML: strings are ASCII, everything else a character reference (`&#8238;`); NUL, which
///   has none, becomes U+FFFD;
/// - DOT: `"` is escaped; NUL becomes U+FFFD; a backslash before a quote, a line break or the
///   end of a text is doubled (cgraph keeps `\\` as two backslashes and has no other way to
///   end a string on one); ids starting with `%` are written, but Graphviz's readers rename
///   them (they take them for anonymous nodes);
/// - Pajek, DL: quoted strings without escapes: `"` becomes `'`, LF and CR a space;
/// - CSV (RFC 4180 quoting), JSON (escapes): every character.
/// When a replacement would make two node ids, two explicit edge ids or two attribute names
/// alike, the writer throws InputError naming both instead of writing a file that reads back
/// merged (see detail::FittedGraph).
struct ExportReport {
  std::vector<std::string> dropped;
};

/// One file of an export: `name` is empty for single-file formats; CSV gives two, named
/// `nodes.csv` and `edges.csv`, to be placed in a folder.
struct ExportedFile {
  std::string name;
  std::string content;
};

std::vector<ExportedFile> export_graph(const graph::Graph& graph, OutputFormat format,
                                       const ExportOptions& options, ExportReport& report);

// One writer per format: the whole file as a string. Exporters never write to disk: the
// caller writes atomically (temporary file, then rename).
std::vector<ExportedFile> write_csv(const graph::Graph& graph, const ExportOptions& options,
                                    ExportReport& report);
std::string write_gexf(const graph::Graph& graph, const ExportOptions& options,
                       ExportReport& report);
std::string write_graphml(const graph::Graph& graph, const ExportOptions& options,
                          ExportReport& report);
std::string write_gml(const graph::Graph& graph, const ExportOptions& options,
                      ExportReport& report);
std::string write_pajek(const graph::Graph& graph, const ExportOptions& options,
                        ExportReport& report);
std::string write_dl(const graph::Graph& graph, const ExportOptions& options, ExportReport& report);
std::string write_dot(const graph::Graph& graph, const ExportOptions& options,
                      ExportReport& report);
std::string write_json(const graph::Graph& graph, const ExportOptions& options,
                       ExportReport& report);
std::string write_cytoscape(const graph::Graph& graph, const ExportOptions& options,
                            ExportReport& report);

}  // namespace actornet::exporters
