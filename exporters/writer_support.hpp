// Pieces shared by the text writers: the node columns to write (graph attributes plus scores),
// the log of what a format drops, and number formatting. Internal to exporters/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/export.hpp"
#include "graph/attributes.hpp"
#include "graph/graph.hpp"

namespace actornet::exporters::detail {

/// The node attribute columns a writer writes: the graph's, then one real column per score in
/// options.scores (NaN = no value). A score named like an attribute replaces it.
std::vector<graph::AttrColumn> node_columns(const graph::Graph& graph,
                                            const ExportOptions& options);

/// What a format could not hold, in order of first occurrence, counted per kind of loss.
/// Each kind is a message template with `{}` where the count goes, e.g.
/// "{} edges lost their validity interval".
class DropLog {
 public:
  explicit DropLog(std::string format) : format_(std::move(format)) {}
  /// Counts `n` more losses of kind `what`.
  void add(const std::string& what, std::size_t n = 1);
  /// Appends one line per kind ("<format>: <message with count>") to report.dropped.
  void flush(ExportReport& report) const;

 private:
  std::string format_;
  std::vector<std::pair<std::string, std::size_t>> kinds_;
};

/// What a format cannot hold besides ill-formed UTF-8, which none of ours holds (every file
/// we write is UTF-8, and our readers refuse or mangle anything else).
enum class Unholdable {
  None,  ///< every character (CSV, JSON, Pajek, DL: quoted strings, escapes or raw bytes)
  Nul,   ///< every character but NUL (DOT: cgraph's strings end at NUL; GML: no `&#0;`)
  Xml    ///< XML 1.0's Char: no C0 control but tab, LF and CR; no U+FFFE, U+FFFF (GEXF, GraphML)
};

/// `text` with each maximal ill-formed UTF-8 subsequence, and each character `which` names,
/// replaced by U+FFFD (Unicode 15.0, section 3.9, "U+FFFD Substitution of Maximal Subparts", as
/// browsers and Python decode). The same rule as viz::xml_text (viz/markup.hpp), which
/// exporters/ cannot include (exporters and viz depend on graph/ only). Sets `changed` when
/// something was replaced; valid text comes back unchanged. O(length).
std::string holdable_text(std::string_view text, Unholdable which, bool& changed);

/// The graph and options a writer writes: the caller's, when every text already fits the
/// format, else a copy in which every node id, label and kind, edge id and relation,
/// attribute name, string value and list item, and every name in the options, has gone
/// through holdable_text. Nodes, edges and attribute columns keep their order and indices.
/// Logs one line counting the texts changed ("{} texts held ..."). Throws InputError when two
/// node ids, two explicit edge ids or two attribute names would be written alike (they
/// differ only in replaced characters), naming both and the formats that hold them.
/// Time: linear in the size of the graph's text.
class FittedGraph {
 public:
  FittedGraph(const graph::Graph& graph, const ExportOptions& options, Unholdable which,
              DropLog& log);
  const graph::Graph& graph() const { return copy_ ? *copy_ : *graph_; }
  const ExportOptions& options() const { return copy_ ? *options_copy_ : *options_; }

 private:
  const graph::Graph* graph_;
  const ExportOptions* options_;
  std::optional<graph::Graph> copy_;
  std::optional<ExportOptions> options_copy_;
};

/// `text` with `{` and `}` doubled, for a name placed in a DropLog message template.
std::string escape_braces(std::string_view text);

/// `text` in double quotes for formats whose quoted strings have no escapes (Pajek, DL): a
/// double quote becomes a single one and a line break a space; `replaced` counts the changes.
std::string quoted_label(std::string_view text, std::size_t& replaced);

/// A real in shortest round-trip form, always with a `.` or an exponent so that a reader that
/// types numbers by their syntax reads a real back (`1` -> `1.0`). Non-finite values as
/// `inf`, `-inf`, `nan`.
std::string real_literal(double value);

/// Whether any value of `column` for elements 0..count-1 is present.
bool has_values(const graph::AttrColumn& column, std::size_t count);

/// Counts per attribute the present values whose type the format cannot hold and logs one
/// drop per attribute: "attribute 'name' (type): {} values written as <as>". `lost` says which
/// types the format cannot keep and how it writes them instead (empty = kept).
void log_type_losses(const std::vector<graph::AttrColumn>& columns, std::size_t count,
                     std::string_view element,
                     std::string_view (*lost)(graph::AttrType) /* "" when kept */, DropLog& log);

}  // namespace actornet::exporters::detail
