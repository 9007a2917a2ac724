// Pieces shared by the readers: the UTF-8 check every reader applies to its input, positions
// in a text, attribute staging with type unification, dates from loose values, checked edge
// creation.
// Internal to importers/: no public header includes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/attributes.hpp"
#include "graph/date.hpp"
#include "graph/errors.hpp"
#include "graph/graph.hpp"
#include "importers/import.hpp"
#include "importers/limits.hpp"

namespace actornet::importers::detail {

/// A 1-based line and byte column in a text.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// The line and column of byte `offset` of `text`. Time: linear in offset.
TextPosition position_of(std::string_view text, std::size_t offset);

/// Throws ParseError{path, line, column} at the first ill-formed UTF-8 sequence of `text`: a
/// stray continuation byte, a truncated sequence, an overlong form, a surrogate or a code point
/// above U+10FFFF (RFC 3629; Unicode table 3-7, as graph::decode_utf8 decodes). The message
/// names the byte in hex and says how to convert the file. Every reader calls it on its input
/// as given (after gunzipping), so that none passes ill-formed bytes on into ids, labels or
/// attributes.
///
/// `first_line` is the line of the file on which `text` starts, for a row or block of a file
/// (starting at the beginning of a line). Columns are 1-based byte columns.
/// Time: linear, eight ASCII bytes at a time; the position is computed only on failure.
void check_utf8(std::string_view text, const std::string& path, std::size_t first_line = 1);

/// The error check_utf8 throws, or nullopt when `text` is well-formed: for a reader that
/// reports whichever problem comes first in the file, or rejects a row rather than stopping.
std::optional<ParseError> utf8_error(std::string_view text, const std::string& path,
                                     std::size_t first_line = 1);

/// The offset of the first ill-formed sequence of `text`; npos when there is none.
std::size_t find_bad_utf8(std::string_view text);

/// Where nlohmann::json's out_of_range error 406 ("number overflow parsing '2e308'", raised
/// for a number beyond a double's range, without a position) points in `text`: the first
/// occurrence of the number it quotes, or the start of the text.
TextPosition json_overflow_position(std::string_view text, std::string_view message);

/// ASCII lower case.
std::string ascii_lower(std::string_view text);
/// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b);

/// A finite or infinite real written in C syntax (`1`, `-2.5e3`, `inf`); nullopt otherwise.
std::optional<double> parse_double(std::string_view text);
/// "an integer", "a number", "a boolean (true/false)", "a date (...)" or "a value": the
/// expected kind of value, for messages about a cell or attribute that does not parse.
std::string_view type_word(graph::AttrType type);
/// A decimal 64-bit integer with an optional sign; nullopt otherwise (or on overflow).
std::optional<std::int64_t> parse_integer(std::string_view text);

/// A date from a loose value: an ISO string (`2024`, `2024-07`, `2024-07-09`, a time after the
/// day ignored) or an integer year in 1..9999. nullopt for anything else.
std::optional<graph::Date> date_from_value(const graph::Value& value);

/// Attribute values collected while a file is read, typed once the whole file is known.
///
/// Each name gets one type: the values' common type when they agree; integers mixed with reals
/// become reals; a list among scalars makes every value a list (a scalar becomes one item);
/// any other mix becomes strings (each value in its text form), and the report's notes say
/// which names were widened so. Values are written to the table when apply() runs.
class AttributeStage {
 public:
  /// Stages `value` for element `element` (node or edge index) under `name`. A second value for
  /// the same element and name turns the two into a list (formats such as GML repeat keys).
  void add(std::size_t element, std::string_view name, graph::Value value);

  /// Whether anything was staged under `name`.
  bool has(std::string_view name) const;

  /// Whether `name` may be staged: it was already, or fewer than `max_names` names are
  /// (limits.hpp: Limits::attributes). Readers ask before add() so that they can report the
  /// place of the first name past the limit.
  bool admits(std::string_view name, std::size_t max_names = kLimits.attributes) const {
    return columns_.size() < max_names || has(name);
  }

  /// Declares every staged name in `table` with its unified type and stores the values; notes
  /// the decisions in report.notes (`what` is "node" or "edge"). Throws ParseError{file, 0, 0}
  /// when a name exists in `table` with another type. Time: linear in the values staged.
  void apply(graph::AttributeTable& table, std::string_view what, const std::string& file,
             ImportReport& report);

 private:
  struct Column {
    std::string name;
    std::vector<std::pair<std::size_t, graph::Value>> values;
  };
  std::vector<Column> columns_;
  graph::StringMap<std::size_t> index_;
};

/// Adds an edge to `g`, turning the InputError an explicit id can cause (taken, or of the
/// generated form `e<n>` for another index) into a ParseError at `line` of `file` with a hint.
/// A graph already holding Limits::edges edges is a ParseError there too.
graph::EdgeIndex add_edge_at(graph::Graph& g, const graph::EdgeSpec& spec, const std::string& file,
                             std::size_t line);

/// Counts occurrences of one kind of decision for a single report line.
struct Tally {
  std::size_t count = 0;
  std::size_t first_line = 0;
  void add(std::size_t line) {
    if (count++ == 0) first_line = line;
  }
};

}  // namespace actornet::importers::detail
