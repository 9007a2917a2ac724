// Tables and reports as aligned text, CSV, JSON or Markdown; safe writing of output files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace actornet::cli {

enum class Format { Table, Csv, Json, Markdown };

/// `table`, `csv`, `json` or `md`; nullopt otherwise.
std::optional<Format> format_from_string(std::string_view name);

/// A cell: text, an integer or a real. Reals print with `precision` decimals in text and
/// Markdown tables and in shortest round-trip form in CSV and JSON; NaN prints as empty / null.
using Cell = std::variant<std::string, std::int64_t, double>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

/// A titled table within a report.
struct Section {
  std::string title;
  Table table;
};

/// A report is a short preamble (lines of context: what was measured, under which
/// projection) followed by sections.
struct Report {
  std::vector<std::string> preamble;
  std::vector<Section> sections;
};

/// A table's cells as the text and Markdown renderers print them: reals with `precision`
/// decimals except in columns of whole numbers (no decimals), NaN as empty; `numeric` marks
/// the columns whose every cell is a number (printed right-aligned).
struct TableText {
  std::vector<std::string> columns;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> rows;
};
TableText table_text(const Table& table, int precision);

/// Renders `report`:
/// - table: preamble lines prefixed `# `, then per section its title and an aligned table
///   (numbers right-aligned; columns of whole numbers without decimals; "(none)" for an
///   empty section);
/// - md: preamble as a paragraph, `## title` and a pipe table per section (likewise);
/// - csv: one section prints as plain CSV with a header row (the preamble is left out);
///   several print in long form `section,row,column,value`;
/// - json: `{"preamble": [...], "<title>": [ {column: value, ...}, ... ], ...}` with numbers
///   as JSON numbers (NaN as null).
std::string render(const Report& report, Format format, int precision = 6);

/// Writes `content` to `path`, or to stdout when `path` is empty or `-`. A file is written to a
/// temporary file beside it and renamed into place, so a failure leaves no partial file.
/// Throws std::runtime_error naming the path and the system's reason.
void write_output(const std::string& path, std::string_view content);

/// Prints `actornet: WHAT: TEXT` and a line feed on stderr, with TEXT through terminal_text
/// (escape.hpp): notes and warnings quote ids, names and paths from the data, which must not
/// reach the terminal as control sequences or as line breaks that fake another message.
void print_message(std::string_view what, std::string_view text);

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary file write_output is writing (if any)
/// before the process dies of the signal (so the shell sees 128 + signal), and makes a write
/// past the file-size limit (`ulimit -f`) fail with an error instead of killing the process.
void install_signal_handlers();

}  // namespace actornet::cli
