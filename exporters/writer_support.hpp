// Pieces shared by the text writers: the node columns to write (graph attributes plus scores),
// the log of what a format drops, and number formatting. Internal to exporters/.
#pragma once

#include <cstddef>
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

/// The value of `column` for `element` (missing past the end).
const graph::Value& value_at(const graph::AttrColumn& column, std::size_t element);

/// Counts per attribute the present values whose type the format cannot hold and logs one
/// drop per attribute: "attribute 'name' (type): {} values written as <as>". `lost` says which
/// types the format cannot keep and how it writes them instead (empty = kept).
void log_type_losses(const std::vector<graph::AttrColumn>& columns, std::size_t count,
                     std::string_view element,
                     std::string_view (*lost)(graph::AttrType) /* "" when kept */, DropLog& log);

}  // namespace actornet::exporters::detail
