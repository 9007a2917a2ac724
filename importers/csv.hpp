// The CSV reader: a superset of Gephi's spreadsheet convention (see DESIGN.md, importers/).
//
// Nodes files: `Id` (required), `Label`, `kind` (alias `node_type`), `start`, `end`, `timeset`,
// and any other column as a typed attribute. Edges files: `Id` (optional), `Source`, `Target`
// (required), `Type` (directed/undirected), `Kind` (the relation; alias `relation`), `Weight`,
// `start`, `end`, `date`, `timeset`, and any other column as a typed edge attribute. Column
// names are matched case-insensitively; ColumnNames overrides them. A header cell `name:type`
// (string, int, real, bool, date, list) declares an attribute's type; undeclared attributes are
// inferred over the whole column (int, else real, else bool, else full dates, else string).
// Overrides of id, label and kind apply to nodes files (an id override also names an edges
// file's id column when that file has it); the others apply to edges files.
//
// Time: `start`/`end` give the half-open validity [start, end); a `date` D gives
// [D, D.period_end()), so `1920` covers the year 1920. Dates are YYYY, YYYY-MM or YYYY-MM-DD; a
// time after a full date (`2014-01-01 00:00:00`, `2014-01-01T10:00`) is ignored. `timeset` is
// Gephi's `<[start, end]>` with one interval; its closed end `]` includes the end date's period.
//
// The tokenizer is RFC 4180 (quoted fields with delimiters, doubled quotes and newlines; CRLF
// or LF; a UTF-8 BOM is skipped) and reports physical line numbers and 1-based byte columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/attributes.hpp"
#include "graph/graph.hpp"
#include "importers/import.hpp"
#include "importers/limits.hpp"

namespace actornet::importers {

/// One field of a CSV record: its unquoted text and the 1-based byte column where it starts
/// (the opening quote for a quoted field) on the physical line where it starts.
struct CsvField {
  std::string_view text;
  std::size_t column = 0;
};

/// Splits an in-memory CSV text into records, RFC 4180 style.
///
/// Hand-written rather than taken from a library: no CSV library packaged for Debian gives
/// exact line and column positions for RFC 4180 errors at the speed we need (whole-file scan
/// with pointers, no allocation per field). Fields are views into the text, except fields with
/// doubled quotes, which are unescaped into storage owned by the tokenizer; both stay valid as
/// long as the tokenizer and the text live. Blank lines and lines starting with the comment
/// prefix (when not empty) are skipped; line numbers still count them.
class CsvTokenizer {
 public:
  /// Starts at byte `offset` of `text`, which must be the start of physical line `line`.
  /// `file` names the input in errors. A field longer than `max_field_bytes` is a ParseError.
  CsvTokenizer(std::string_view text, std::size_t offset, std::size_t line, char delimiter,
               std::string_view comment, std::string file,
               std::size_t max_field_bytes = kLimits.field_bytes);
  // Fields may point into the tokenizer's own storage: it moves, but is not copied.
  CsvTokenizer(const CsvTokenizer&) = delete;
  CsvTokenizer& operator=(const CsvTokenizer&) = delete;
  CsvTokenizer(CsvTokenizer&&) = default;
  CsvTokenizer& operator=(CsvTokenizer&&) = default;

  /// Reads the next record into `fields` (cleared first); false at the end of the text.
  /// Throws ParseError for an unterminated quote (at the opening quote), text after a
  /// closing quote, or a field over the length limit (at its start). Time: linear in the
  /// record's length.
  bool next(std::vector<CsvField>& fields);

  /// Physical line where the last record read starts.
  std::size_t record_line() const { return record_line_; }
  /// Byte column just past the last field of the last record read (on the line it ends on).
  std::size_t end_column() const { return end_column_; }
  /// Byte offset and physical line where the next record (or blank/comment line) starts.
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }
  std::size_t line() const { return line_; }

 private:
  std::string_view read_quoted(std::size_t column);
  [[noreturn]] void field_too_long(std::size_t line, std::size_t column) const;
  void start_line(const char* at) {
    ++line_;
    line_start_ = at;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  const char* line_start_;
  std::size_t line_;
  std::size_t record_line_ = 0;
  std::size_t end_column_ = 0;
  char delimiter_;
  std::string comment_;
  std::string file_;
  std::size_t max_field_bytes_;
  bool stops_[256] = {};
  std::deque<std::string> unescaped_;
};

/// One header column of a CSV file.
struct CsvColumn {
  std::string name;                         ///< trimmed, without a `:type` declaration
  std::optional<graph::AttrType> declared;  ///< the type a `name:type` header declares
  std::size_t column = 0;                   ///< byte column of the header cell (0: no header)
};

/// A CSV file in memory with its header read. The rows are read by read_csv_nodes/edges.
struct CsvFile {
  std::string path;
  std::string text;  ///< the whole (decompressed) content
  char delimiter = ',';
  std::string comment;
  bool has_header = true;
  std::vector<CsvColumn> columns;  ///< from the header, or "1", "2", ... without one
  std::size_t header_line = 0;     ///< physical line of the header; 0 without one
  std::size_t body_offset = 0;     ///< byte offset where the data rows start
  std::size_t body_line = 1;       ///< physical line at body_offset
};

/// The delimiter used for `path`: `requested` when not 0, else tab for names ending in
/// `.tsv`, `.tab` or `.txt` (before any `.gz`), else a comma.
char delimiter_for(std::string_view path, char requested);

/// Loads `path` (gunzipping `.gz`), checks that it is UTF-8 and not empty, and reads the header
/// (options.header) or counts the columns of the first row (no header).
///
/// Throws InputError when the file cannot be read; ParseError for a corrupt gzip, invalid UTF-8
/// (line and byte column), an empty file (0 bytes, or only a BOM, whitespace or comments), an
/// unnamed or repeated header column, or a malformed first record. Time: linear in file size.
CsvFile open_csv(const std::string& path, const ImportOptions& options);

enum class CsvKind { Nodes, Edges };

/// Edges when the file has source and target columns; otherwise nodes when it has an id
/// column; otherwise edges again when it has one of source and target (so that reading it
/// reports the missing one); nullopt for none of these. Overrides in options.columns apply.
std::optional<CsvKind> classify_csv(const CsvFile& file, const ImportOptions& options);

/// Throws the ParseError an edges file without its source or target column deserves: it names
/// the missing columns, lists the columns present and suggests --source-column/--target-column.
[[noreturn]] void throw_missing_edge_columns(const CsvFile& file, const ImportOptions& options);

/// A row of an input: the index of its file in ImportReport::files and its physical line.
struct RowRef {
  std::uint32_t file = 0;
  std::size_t line = 0;
};

/// Where a node was first defined, and which of its fields a row gave explicitly (so that a
/// later row may fill what an earlier one left empty without that counting as a conflict).
struct NodeOrigin {
  RowRef row;
  bool created_by_edge = false;
  bool label_given = false;
  bool kind_given = false;
  bool valid_given = false;
};

/// State shared by the files of one import: the graph being built, its report, and where each
/// node and each explicitly named edge came from (for merge decisions and error messages).
struct ImportState {
  graph::Graph& graph;
  ImportReport& report;
  std::vector<NodeOrigin> nodes;                             ///< indexed by NodeIndex
  std::unordered_map<graph::EdgeIndex, RowRef> named_edges;  ///< edges with an explicit id
};

/// Reads the rows of a nodes file into state.graph: one node per distinct id. A row repeating an
/// id is merged when no value conflicts (listed in report.merged); a conflicting value is a
/// ParseError naming both lines. Throws ParseError when the file has no id column, a row has the
/// wrong number of fields, an id is empty, or a value cannot be read as its column's type.
/// Time: linear in the file size plus one hash lookup per row.
void read_csv_nodes(const CsvFile& file, const ImportOptions& options, ImportState& state);

/// Reads the rows of an edges file into state.graph: one edge per row, parallel edges and
/// self-loops kept. An endpoint no node row defines is created (kind "other", listed in
/// report.created_nodes) or, with options.strict, is a ParseError. Throws ParseError for a
/// missing source/target column, empty endpoints, an unknown direction, an unreadable weight,
/// date or attribute value, an empty or reversed interval, a date together with start/end, a
/// repeated edge id (naming both lines), or a row with the wrong number of fields.
/// Time: linear in the file size plus two hash lookups per row.
void read_csv_edges(const CsvFile& file, const ImportOptions& options, ImportState& state);

}  // namespace actornet::importers
