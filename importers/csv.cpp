#include "importers/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {

using graph::AttrType;
using graph::Date;
using graph::Interval;
using graph::Value;

// ---------------------------------------------------------------------------------------------
// Small text helpers

namespace {

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool iends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = ascii_lower(c);
  return out;
}

// A leading zero followed by another digit ("007", "-01"): kept as text by type inference so
// that codes such as postal codes keep their digits.
bool has_leading_zero(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s.size() > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9';
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  s = trim(s);
  if (s.size() > 1 && s[0] == '+' && s[1] != '-') s.remove_prefix(1);
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

// A finite real; `nan` and `inf` are not accepted.
std::optional<double> parse_real(std::string_view s) {
  s = trim(s);
  if (s.size() > 1 && s[0] == '+' && s[1] != '-') s.remove_prefix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || ptr != s.data() + s.size() || s.empty() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(std::string_view s) {
  s = trim(s);
  if (iequals(s, "true")) return true;
  if (iequals(s, "false")) return false;
  return std::nullopt;
}

// Declared bool columns also take 1/0 and yes/no.
std::optional<bool> parse_bool_lenient(std::string_view s) {
  if (auto b = parse_bool(s)) return b;
  s = trim(s);
  if (s == "1" || iequals(s, "yes")) return true;
  if (s == "0" || iequals(s, "no")) return false;
  return std::nullopt;
}

std::optional<Date> parse_date(std::string_view s) {
  return Date::parse(trim(s));
}

bool is_full_date(std::string_view s) {
  s = trim(s);
  return s.size() == 10 && Date::parse(s).has_value();
}

std::string quoted_list(const std::vector<CsvColumn>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += ", ";
    out += "'" + c.name + "'";
  }
  return out.empty() ? "none" : out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Tokenizer

CsvTokenizer::CsvTokenizer(std::string_view text, std::size_t offset, std::size_t line,
                           char delimiter, std::string_view comment, std::string file,
                           std::size_t max_field_bytes)
    : begin_(text.data()),
      p_(text.data() + offset),
      end_(text.data() + text.size()),
      line_start_(text.data() + offset),
      line_(line),
      delimiter_(delimiter),
      comment_(comment),
      file_(std::move(file)),
      max_field_bytes_(max_field_bytes) {
  stops_[static_cast<unsigned char>(delimiter)] = true;
  stops_[static_cast<unsigned char>('\n')] = true;
  stops_[static_cast<unsigned char>('\r')] = true;
}

bool CsvTokenizer::next(std::vector<CsvField>& fields) {
  fields.clear();
  // Skip blank lines and comment lines; a record always starts at the start of a line.
  for (;;) {
    if (p_ == end_) return false;
    if (*p_ == '\n') {
      ++p_;
      start_line(p_);
      continue;
    }
    if (*p_ == '\r' && (p_ + 1 == end_ || p_[1] == '\n')) {
      ++p_;
      continue;
    }
    if (!comment_.empty() && static_cast<std::size_t>(end_ - p_) >= comment_.size() &&
        std::memcmp(p_, comment_.data(), comment_.size()) == 0) {
      const void* newline = std::memchr(p_, '\n', static_cast<std::size_t>(end_ - p_));
      p_ = newline ? static_cast<const char*>(newline) : end_;
      continue;
    }
    break;
  }
  record_line_ = line_;
  for (;;) {
    const auto column = static_cast<std::size_t>(p_ - line_start_) + 1;
    std::string_view value;
    if (p_ < end_ && *p_ == '"') {
      value = read_quoted(column);
    } else {
      const char* start = p_;
      for (;;) {
        while (p_ < end_ && !stops_[static_cast<unsigned char>(*p_)])
          ++p_;
        // A carriage return not ending the line is data.
        if (p_ < end_ && *p_ == '\r' && p_ + 1 < end_ && p_[1] != '\n') {
          ++p_;
          continue;
        }
        break;
      }
      value = std::string_view(start, static_cast<std::size_t>(p_ - start));
      if (value.size() > max_field_bytes_) field_too_long(line_, column);
    }
    fields.push_back(CsvField{value, column});
    if (p_ < end_ && *p_ == delimiter_) {
      ++p_;
      continue;
    }
    end_column_ = static_cast<std::size_t>(p_ - line_start_) + 1;
    if (p_ < end_ && *p_ == '\r') ++p_;
    if (p_ < end_) {  // at '\n'
      ++p_;
      start_line(p_);
    }
    return true;
  }
}

std::string_view CsvTokenizer::read_quoted(std::size_t column) {
  const std::size_t open_line = line_;
  ++p_;
  const char* start = p_;
  std::string* copy = nullptr;  // set at the first doubled quote
  for (;;) {
    const auto* quote =
        static_cast<const char*>(std::memchr(p_, '"', static_cast<std::size_t>(end_ - p_)));
    const char* stop = quote ? quote : end_;
    for (const char* n = p_; n < stop;) {
      const auto* newline =
          static_cast<const char*>(std::memchr(n, '\n', static_cast<std::size_t>(stop - n)));
      if (!newline) break;
      n = newline + 1;
      start_line(n);
    }
    if (!quote)
      throw ParseError(file_, open_line, column,
                       "this quoted field is never closed; add the closing quote (\"), and write "
                       "a quote inside a quoted field as two quotes (\"\")");
    if (static_cast<std::size_t>(quote - start) > max_field_bytes_)
      field_too_long(open_line, column);
    if (copy) copy->append(p_, quote);
    if (quote + 1 < end_ && quote[1] == '"') {
      if (!copy) copy = &unescaped_.emplace_back(start, quote);
      copy->push_back('"');
      p_ = quote + 2;
      continue;
    }
    p_ = quote + 1;
    if (p_ < end_ && *p_ != delimiter_ && *p_ != '\n' &&
        !(*p_ == '\r' && (p_ + 1 == end_ || p_[1] == '\n')))
      throw ParseError(file_, line_, static_cast<std::size_t>(p_ - line_start_) + 1,
                       "unexpected text after the closing quote of a quoted field; write a quote "
                       "inside a quoted field as two quotes (\"\")");
    if (copy) return *copy;
    return std::string_view(start, static_cast<std::size_t>(quote - start));
  }
}

void CsvTokenizer::field_too_long(std::size_t line, std::size_t column) const {
  throw ParseError(file_, line, column,
                   fmt::format("this field is longer than {}, the most actornet reads in one "
                               "field (see Limits in README.md); if it should not be, a quote "
                               "is probably missing or unbalanced before it",
                               detail::byte_size(max_field_bytes_)));
}

// ---------------------------------------------------------------------------------------------
// Opening a file

char delimiter_for(std::string_view path, char requested) {
  if (requested != 0) return requested;
  const auto name = strip_gz_suffix(path);
  if (iends_with(name, ".tsv") || iends_with(name, ".tab") || iends_with(name, ".txt")) return '\t';
  return ',';
}

CsvFile open_csv(const std::string& path, const ImportOptions& options) {
  CsvFile file;
  file.path = path;
  file.text = read_text_file(path);
  file.delimiter = delimiter_for(path, options.delimiter);
  file.comment = options.comment;
  file.has_header = options.header;

  std::size_t offset = 0;
  if (file.text.size() >= 3 && std::memcmp(file.text.data(), "\xEF\xBB\xBF", 3) == 0) offset = 3;
  const auto blank = std::string_view(file.text).substr(offset).find_first_not_of(" \t\r\n");
  if (blank == std::string_view::npos)
    throw ParseError(path, 0, 0,
                     "the file is empty; a CSV file needs at least a header row such as "
                     "`source,target` (edges) or `id` (nodes)");
  detail::check_utf8(file.text, path);

  CsvTokenizer tokenizer(file.text, offset, 1, file.delimiter, file.comment, path);
  std::vector<CsvField> fields;
  if (!tokenizer.next(fields))
    throw ParseError(path, 0, 0,
                     "the file holds only comment lines; it needs at least a header row such as "
                     "`source,target` (edges) or `id` (nodes)");

  if (fields.size() > kLimits.attributes)
    throw ParseError(
        path, tokenizer.record_line(), fields[kLimits.attributes].column,
        fmt::format("the {} has {} columns; actornet reads at most {} per file (see "
                    "Limits in README.md): drop the columns you do not need",
                    options.header ? "header" : "first row", fields.size(), kLimits.attributes));
  if (!options.header) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      file.columns.push_back(CsvColumn{std::to_string(i + 1), std::nullopt, 0});
    file.body_offset = offset;
    file.body_line = 1;
    return file;
  }

  file.header_line = tokenizer.record_line();
  graph::StringMap<std::size_t> seen;  // lower-case name -> its header column
  for (std::size_t i = 0; i < fields.size(); ++i) {
    CsvColumn column{std::string(trim(fields[i].text)), std::nullopt, fields[i].column};
    if (const auto colon = column.name.rfind(':'); colon != std::string::npos) {
      const auto type_name = lower(trim(std::string_view(column.name).substr(colon + 1)));
      if (auto type = graph::attr_type_from_string(type_name)) {
        column.declared = type;
        column.name = std::string(trim(std::string_view(column.name).substr(0, colon)));
      }
    }
    if (column.name.empty())
      throw ParseError(
          path, file.header_line, column.column,
          fmt::format("header column {} has no name; name it or delete the column", i + 1));
    if (const auto [earlier, added] = seen.emplace(lower(column.name), column.column); !added)
      throw ParseError(path, file.header_line, column.column,
                       fmt::format("column '{}' appears twice in the header (also at column {}); "
                                   "column names are case-insensitive: rename one",
                                   column.name, earlier->second));
    file.columns.push_back(std::move(column));
  }
  file.body_offset = tokenizer.offset();
  file.body_line = tokenizer.line();
  return file;
}

// ---------------------------------------------------------------------------------------------
// Column roles

namespace {

std::optional<std::size_t> find_column(const CsvFile& file, std::string_view name) {
  for (std::size_t i = 0; i < file.columns.size(); ++i)
    if (iequals(file.columns[i].name, name)) return i;
  return std::nullopt;
}

// The column for a role: the override when one is given (nullopt when the file lacks it), else
// the first of the default names the file has.
std::optional<std::size_t> role_column(const CsvFile& file, const std::string& override_name,
                                       std::initializer_list<std::string_view> defaults) {
  if (!override_name.empty()) return find_column(file, override_name);
  for (auto name : defaults)
    if (auto c = find_column(file, name)) return c;
  return std::nullopt;
}

std::optional<std::size_t> source_column(const CsvFile& file, const ImportOptions& options) {
  return file.has_header ? role_column(file, options.columns.source, {"source"})
                         : role_column(file, options.columns.source, {"1"});
}

std::optional<std::size_t> target_column(const CsvFile& file, const ImportOptions& options) {
  return file.has_header ? role_column(file, options.columns.target, {"target"})
                         : role_column(file, options.columns.target, {"2"});
}

std::optional<std::size_t> node_id_column(const CsvFile& file, const ImportOptions& options) {
  return file.has_header ? role_column(file, options.columns.id, {"id"})
                         : role_column(file, options.columns.id, {"1"});
}

}  // namespace

std::optional<CsvKind> classify_csv(const CsvFile& file, const ImportOptions& options) {
  const bool source = source_column(file, options).has_value();
  const bool target = target_column(file, options).has_value();
  if (source && target) return CsvKind::Edges;
  if (node_id_column(file, options)) return CsvKind::Nodes;
  // Half an edge list: read it as one, so that the error names the missing column.
  if (source || target) return CsvKind::Edges;
  return std::nullopt;
}

void throw_missing_edge_columns(const CsvFile& file, const ImportOptions& options) {
  const bool has_source = source_column(file, options).has_value();
  const bool has_target = target_column(file, options).has_value();
  const std::string source_name =
      options.columns.source.empty() ? "source" : options.columns.source;
  const std::string target_name =
      options.columns.target.empty() ? "target" : options.columns.target;
  std::string missing;
  if (!has_source && !has_target)
    missing = fmt::format("no '{}' and no '{}' column", source_name, target_name);
  else if (!has_source)
    missing = fmt::format("no '{}' column", source_name);
  else
    missing = fmt::format("no '{}' column", target_name);
  throw ParseError(file.path, file.header_line, 0,
                   fmt::format("an edges file needs source and target columns, and this one has "
                               "{} (its columns: {}); rename the columns or name them with "
                               "--source-column/--target-column",
                               missing, quoted_list(file.columns)));
}

// ---------------------------------------------------------------------------------------------
// Shared row machinery

namespace {

// Per-file context for errors and report entries.
struct FileContext {
  const CsvFile& file;
  const ImportOptions& options;
  ImportState& state;
  std::uint32_t file_index = 0;

  [[noreturn]] void fail(std::size_t line, std::size_t column, std::string message) const {
    throw ParseError(file.path, line, column, std::move(message));
  }
  void note(std::size_t line, std::string message) const {
    state.report.notes.push_back(ReportEntry{file.path, line, std::move(message)});
  }
  void defaulted(std::size_t line, std::string message) const {
    state.report.defaulted.push_back(ReportEntry{file.path, line, std::move(message)});
  }
  const std::string& column_name(std::size_t c) const { return file.columns[c].name; }
  // "line 12" in this file, or "line 12 of other.csv".
  std::string where(const RowRef& row) const {
    if (row.file == file_index) return fmt::format("line {}", row.line);
    return fmt::format("line {} of {}", row.line, state.report.files[row.file]);
  }
};

// A default applied to some rows: counted, with the first line where it happened.
struct DefaultCount {
  std::size_t count = 0;
  std::size_t first_line = 0;
  void add(std::size_t line) {
    if (count++ == 0) first_line = line;
  }
};

// Checks that a record has as many fields as there are columns.
void check_width(const FileContext& ctx, const CsvTokenizer& tokenizer,
                 const std::vector<CsvField>& fields) {
  const std::size_t expected = ctx.file.columns.size();
  if (fields.size() == expected) return;
  const std::size_t column =
      fields.size() > expected ? fields[expected].column : tokenizer.end_column();
  ctx.fail(tokenizer.record_line(), column,
           fmt::format("this row has {} fields but the {} has {}; quote fields that contain "
                       "the delimiter '{}' or a line break",
                       fields.size(), ctx.file.has_header ? "header" : "first row", expected,
                       ctx.file.delimiter == '\t' ? std::string("\\t")
                                                  : std::string(1, ctx.file.delimiter)));
}

// Records a mapping decision: a role read from a column not named after the role itself, or
// an override that the file does not have. `role` is the role's default column name; `what`
// describes it in the note.
void note_role(const FileContext& ctx, std::optional<std::size_t> column, std::string_view role,
               const std::string& override_name, std::string_view flag,
               std::string_view what = {}) {
  if (what.empty()) what = role;
  if (!column) {
    if (!override_name.empty())
      ctx.note(ctx.file.header_line,
               fmt::format("no column '{}' (given by {}); no {} read from this file", override_name,
                           flag, what));
    return;
  }
  const auto& name = ctx.column_name(*column);
  if (!override_name.empty())
    ctx.note(ctx.file.header_line, fmt::format("column '{}' read as {} ({})", name, what, flag));
  else if (!iequals(name, role) && ctx.file.has_header)
    ctx.note(ctx.file.header_line, fmt::format("column '{}' read as {}", name, what));
}

// One validity interval from the optional date, start, end and timeset cells of a row.
struct IntervalColumns {
  std::optional<std::size_t> date, start, end, timeset;
};

std::optional<Date> read_date_cell(const FileContext& ctx, std::size_t line, const CsvField& cell,
                                   std::size_t column) {
  if (cell.text.empty()) return std::nullopt;
  if (auto d = parse_date(cell.text)) return d;
  ctx.fail(line, cell.column,
           fmt::format("'{}' in column '{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
                       "(a time after the day is ignored; numeric timestamps are not dates)",
                       cell.text, ctx.column_name(column)));
}

bool is_open_bound(std::string_view s) {
  return s.empty() || iequals(s, "-inf") || iequals(s, "inf") || iequals(s, "-infinity") ||
         iequals(s, "infinity");
}

// Gephi's `<[start, end]>` with one interval. A closed end (`]`) includes the end date's whole
// period, so [s, e] becomes the half-open [s, e.period_end()); `)` keeps e as the open end.
Interval read_timeset(const FileContext& ctx, std::size_t line, const CsvField& cell,
                      std::size_t column) {
  const auto fail = [&](std::string why) -> Interval {
    ctx.fail(line, cell.column,
             fmt::format("'{}' in column '{}' is not a timeset: {}; write <[start, end]> with "
                         "dates YYYY, YYYY-MM or YYYY-MM-DD",
                         cell.text, ctx.column_name(column), why));
  };
  auto s = trim(cell.text);
  if (s.size() < 2 || s.front() != '<' || s.back() != '>') return fail("no <...>");
  s = trim(s.substr(1, s.size() - 2));
  if (const auto n = static_cast<std::size_t>(std::count(s.begin(), s.end(), ';')); n > 0)
    ctx.fail(line, cell.column,
             fmt::format("timeset '{}' in column '{}' has {} intervals; several intervals in "
                         "one cell are unsupported: write one row per interval (or use start/end "
                         "columns)",
                         cell.text, ctx.column_name(column), n + 1));
  if (s.size() < 2 || (s.front() != '[' && s.front() != '(') ||
      (s.back() != ']' && s.back() != ')'))
    return fail("the interval needs brackets");
  const bool open_start = s.front() == '(';
  const bool closed_end = s.back() == ']';
  s = s.substr(1, s.size() - 2);
  const auto comma = s.find(',');
  if (comma == std::string_view::npos || s.find(',', comma + 1) != std::string_view::npos)
    return fail("an interval has exactly two bounds");
  const auto first = trim(s.substr(0, comma));
  const auto second = trim(s.substr(comma + 1));
  Interval valid;
  if (!is_open_bound(first)) {
    auto d = Date::parse(first);
    if (!d) return fail(fmt::format("'{}' is not a date", first));
    valid.start = open_start ? d->period_end() : *d;
  }
  if (!is_open_bound(second)) {
    auto d = Date::parse(second);
    if (!d) return fail(fmt::format("'{}' is not a date", second));
    valid.end = closed_end ? d->period_end() : *d;
  }
  return valid;
}

// Reads the validity interval of a row; `given` says whether any cell gave one.
Interval read_interval(const FileContext& ctx, std::size_t line, const CsvField* fields,
                       const IntervalColumns& cols, bool& given) {
  Interval valid;
  given = false;
  const CsvField* date = cols.date ? &fields[*cols.date] : nullptr;
  const CsvField* start = cols.start ? &fields[*cols.start] : nullptr;
  const CsvField* end = cols.end ? &fields[*cols.end] : nullptr;
  const CsvField* timeset = cols.timeset ? &fields[*cols.timeset] : nullptr;
  if (date && date->text.empty()) date = nullptr;
  if (start && start->text.empty()) start = nullptr;
  if (end && end->text.empty()) end = nullptr;
  if (timeset && timeset->text.empty()) timeset = nullptr;
  if (!date && !start && !end && !timeset) return valid;
  given = true;
  if (date && (start || end))
    ctx.fail(line, date->column,
             fmt::format("this row gives both a date (column '{}') and a start/end; give a "
                         "single date or an interval, not both",
                         ctx.column_name(*cols.date)));
  if (timeset && (date || start || end))
    ctx.fail(line, timeset->column,
             fmt::format("this row gives both a timeset (column '{}') and a date or start/end; "
                         "give one of them",
                         ctx.column_name(*cols.timeset)));
  if (date) {
    const auto d = read_date_cell(ctx, line, *date, *cols.date);
    valid.start = d;
    valid.end = d->period_end();
    return valid;
  }
  if (timeset) {
    valid = read_timeset(ctx, line, *timeset, *cols.timeset);
  } else {
    if (start) valid.start = read_date_cell(ctx, line, *start, *cols.start);
    if (end) valid.end = read_date_cell(ctx, line, *end, *cols.end);
  }
  if (valid.start && valid.end && valid.start->first_day() >= valid.end->first_day()) {
    const CsvField* at = timeset ? timeset : end;
    ctx.fail(line, at->column,
             fmt::format("the interval {} is empty: validity is [start, end), so the end must "
                         "come after the start (for a single day, give the next day as the end "
                         "or use a date column)",
                         valid.to_string()));
  }
  return valid;
}

// ---------------------------------------------------------------------------------------------
// Attribute columns: stored as text while the rows are read, typed once the whole column is known

struct AttrColumnPlan {
  std::size_t csv_column = 0;
  std::string name;  ///< attribute name (original case; canonical for provenance names)
  AttrType type = AttrType::String;
  std::size_t table_column = 0;
  bool confidence = false;
};

AttrType infer_type(const std::vector<CsvField>& cells, std::size_t stride, std::size_t offset) {
  bool any = false, all_int = true, all_real = true, all_bool = true, all_date = true;
  for (std::size_t i = offset; i < cells.size(); i += stride) {
    const auto text = trim(cells[i].text);
    if (text.empty()) continue;
    any = true;
    const bool leading_zero = has_leading_zero(text);
    if (all_int && (leading_zero || !parse_int(text))) all_int = false;
    if (!all_int && all_real && (leading_zero || !parse_real(text))) all_real = false;
    if (all_bool && !parse_bool(text)) all_bool = false;
    if (all_date && !is_full_date(text)) all_date = false;
    if (!all_int && !all_real && !all_bool && !all_date) break;
  }
  if (!any) return AttrType::String;
  if (all_int) return AttrType::Integer;
  if (all_real) return AttrType::Real;
  if (all_bool) return AttrType::Bool;
  if (all_date) return AttrType::Date;
  return AttrType::String;
}

// Edge attribute names that graph::Provenance reserves, in their canonical spelling.
std::optional<std::string_view> provenance_name(std::string_view name) {
  for (auto reserved : {graph::Provenance::kDocument, graph::Provenance::kEventId,
                        graph::Provenance::kConfidence, graph::Provenance::kEvidence})
    if (iequals(name, reserved)) return reserved;
  return std::nullopt;
}

// Decides the type of each attribute column and declares it in `table`.
std::vector<AttrColumnPlan> plan_attributes(const FileContext& ctx,
                                            const std::vector<std::size_t>& csv_columns,
                                            const std::vector<CsvField>& cells,
                                            graph::AttributeTable& table, bool edges) {
  std::vector<AttrColumnPlan> plans;
  const std::size_t stride = csv_columns.size();
  for (std::size_t j = 0; j < csv_columns.size(); ++j) {
    const auto& column = ctx.file.columns[csv_columns[j]];
    AttrColumnPlan plan;
    plan.csv_column = csv_columns[j];
    plan.name = column.name;
    const auto reserved = edges ? provenance_name(column.name) : std::nullopt;
    if (reserved) plan.name = std::string(*reserved);
    plan.confidence = reserved && *reserved == graph::Provenance::kConfidence;
    const auto existing = table.find(plan.name);
    if (plan.confidence) {
      if (column.declared && *column.declared != AttrType::Real)
        ctx.fail(ctx.file.header_line, column.column,
                 fmt::format("column '{}' holds confidences, which are reals in [0, 1]; declare "
                             "it as {}:real or drop the declaration",
                             column.name, column.name));
      plan.type = AttrType::Real;
    } else if (column.declared) {
      plan.type = *column.declared;
    } else if (existing) {
      plan.type = table.column(*existing).type;
      ctx.note(ctx.file.header_line,
               fmt::format("attribute '{}' read as {}, its type from an earlier file", plan.name,
                           graph::to_string(plan.type)));
    } else if (reserved) {
      plan.type = AttrType::String;
    } else {
      plan.type = infer_type(cells, stride, j);
      ctx.note(ctx.file.header_line, fmt::format("attribute '{}' inferred as {}", plan.name,
                                                 graph::to_string(plan.type)));
    }
    if (reserved && plan.name != column.name)
      ctx.note(ctx.file.header_line,
               fmt::format("column '{}' stored as attribute '{}'", column.name, plan.name));
    if (!table.find(plan.name) && table.size() >= kLimits.attributes)
      ctx.fail(ctx.file.header_line, column.column,
               detail::too_many_attributes(edges ? "edge" : "node", plan.name) +
                   " (counted over every CSV file read)");
    try {
      plan.table_column = table.declare(plan.name, plan.type);
    } catch (const InputError& e) {
      ctx.fail(ctx.file.header_line, column.column,
               fmt::format("{} (an earlier file gave it another type); declare the same type "
                           "in every file, e.g. {}:string",
                           e.what(), plan.name));
    }
    plans.push_back(std::move(plan));
  }
  return plans;
}

[[noreturn]] void bad_value(const FileContext& ctx, std::size_t line, const CsvField& cell,
                            const AttrColumnPlan& plan, std::string_view what) {
  ctx.fail(line, cell.column,
           fmt::format("'{}' in column '{}' is not {}; fix the value or declare the column's "
                       "type in the header, e.g. {}:string",
                       cell.text, ctx.column_name(plan.csv_column), what,
                       ctx.column_name(plan.csv_column)));
}

// The typed value of one cell; missing for an empty cell.
Value convert_cell(const FileContext& ctx, std::size_t line, const CsvField& cell,
                   const AttrColumnPlan& plan) {
  if (cell.text.empty()) return Value{};
  switch (plan.type) {
    case AttrType::String:
      return Value{std::string(cell.text)};
    case AttrType::Integer:
      if (auto v = parse_int(cell.text)) return Value{*v};
      bad_value(ctx, line, cell, plan, "an integer");
    case AttrType::Real:
      if (auto v = parse_real(cell.text)) {
        if (plan.confidence && (*v < 0 || *v > 1))
          ctx.fail(line, cell.column,
                   fmt::format("confidence '{}' is outside [0, 1]; write it as a share, e.g. 0.8",
                               cell.text));
        return Value{*v};
      }
      bad_value(ctx, line, cell, plan, "a real number");
    case AttrType::Bool:
      if (auto v = parse_bool_lenient(cell.text)) return Value{*v};
      bad_value(ctx, line, cell, plan, "a bool (true/false)");
    case AttrType::Date:
      if (auto v = parse_date(cell.text)) return Value{*v};
      bad_value(ctx, line, cell, plan, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    case AttrType::List: {
      std::vector<std::string> items;
      std::string_view rest = cell.text;
      for (;;) {
        const auto bar = rest.find('|');
        items.emplace_back(rest.substr(0, bar));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
      return Value{std::move(items)};
    }
  }
  return Value{};
}

// The columns not used for a role, in file order.
std::vector<std::size_t> attribute_columns(
    const CsvFile& file, std::initializer_list<std::optional<std::size_t>> roles) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < file.columns.size(); ++c) {
    bool used = false;
    for (const auto& r : roles)
      used = used || (r && *r == c);
    if (!used) out.push_back(c);
  }
  return out;
}

// Hints for columns that look like a role the defaults did not pick up.
void hint_unmapped(const FileContext& ctx, const std::vector<std::size_t>& attrs,
                   std::initializer_list<std::string_view> names, std::string_view role,
                   std::string_view flag) {
  for (auto c : attrs)
    for (auto name : names)
      if (iequals(ctx.column_name(c), name))
        ctx.note(ctx.file.header_line,
                 fmt::format("column '{}' kept as an attribute; pass {} {} to read it as {}",
                             ctx.column_name(c), flag, ctx.column_name(c), role));
}

std::uint32_t register_file(ImportState& state, const CsvFile& file) {
  // Nodes the graph had before this import started count as created: rows may complete them.
  if (state.nodes.size() < state.graph.node_count())
    state.nodes.resize(state.graph.node_count(), NodeOrigin{{}, true, false, false, false});
  state.report.files.push_back(file.path);
  return static_cast<std::uint32_t>(state.report.files.size() - 1);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Nodes

void read_csv_nodes(const CsvFile& file, const ImportOptions& options, ImportState& state) {
  FileContext ctx{file, options, state, register_file(state, file)};
  graph::Graph& g = state.graph;
  const auto& names = options.columns;

  const auto id_col = node_id_column(file, options);
  if (!id_col)
    ctx.fail(file.header_line, 0,
             fmt::format("a nodes file needs an id column, and this one has none (its columns: "
                         "{}); rename the key column to 'id' or name it with --id-column",
                         quoted_list(file.columns)));
  const auto label_col = role_column(file, names.label, {"label"});
  const auto kind_col = role_column(file, names.kind, {"kind", "node_type"});
  IntervalColumns interval;
  interval.start = role_column(file, {}, {"start"});
  interval.end = role_column(file, {}, {"end"});
  interval.timeset = role_column(file, {}, {"timeset"});
  note_role(ctx, id_col, "id", names.id, "--id-column");
  note_role(ctx, label_col, "label", names.label, "--label-column");
  note_role(ctx, kind_col, "kind", names.kind, "--kind-column");
  const auto attrs = attribute_columns(
      file, {id_col, label_col, kind_col, interval.start, interval.end, interval.timeset});

  std::vector<CsvField> cells;         // attribute cells, row-major
  std::vector<std::size_t> row_lines;  // per row, when there are attributes
  std::vector<graph::NodeIndex> row_nodes;
  DefaultCount no_label, empty_label, no_kind, empty_kind;

  CsvTokenizer tokenizer(file.text, file.body_offset, file.body_line, file.delimiter, file.comment,
                         file.path);
  std::vector<CsvField> fields;
  while (tokenizer.next(fields)) {
    check_width(ctx, tokenizer, fields);
    const std::size_t line = tokenizer.record_line();
    ++state.report.node_rows;
    const CsvField& id = fields[*id_col];
    if (id.text.empty())
      ctx.fail(line, id.column,
               fmt::format("empty node id (column '{}'); every node row needs an id",
                           ctx.column_name(*id_col)));
    const std::string_view label = label_col ? fields[*label_col].text : std::string_view{};
    const std::string_view kind = kind_col ? fields[*kind_col].text : std::string_view{};
    bool valid_given = false;
    const Interval valid = read_interval(ctx, line, fields.data(), interval, valid_given);

    graph::NodeIndex node = 0;
    if (auto existing = g.find_node(id.text)) {
      node = *existing;
      NodeOrigin& origin = state.nodes[node];
      graph::Node& n = g.node(node);
      const auto conflict = [&](std::size_t column, std::string_view what,
                                std::string_view old_value, std::string_view new_value) {
        ctx.fail(line, column,
                 fmt::format("node '{}' is defined twice with different {}: '{}' at {} and '{}' "
                             "here; keep one row or make the values agree",
                             id.text, what, old_value, ctx.where(origin.row), new_value));
      };
      if (!label.empty()) {
        if (origin.label_given && n.label != label)
          conflict(fields[*label_col].column, "labels", n.label, label);
        n.label = std::string(label);
        origin.label_given = true;
      }
      if (!kind.empty()) {
        if (origin.kind_given && g.kind_name(node) != kind)
          conflict(fields[*kind_col].column, "kinds", g.kind_name(node), kind);
        n.kind = g.kinds().intern(kind);
        origin.kind_given = true;
      }
      if (valid_given) {
        if (origin.valid_given && n.valid != valid) {
          std::size_t column = 0;
          for (const auto& c : {interval.start, interval.end, interval.timeset})
            if (column == 0 && c && !fields[*c].text.empty()) column = fields[*c].column;
          conflict(column, "validity intervals", n.valid.to_string(), valid.to_string());
        }
        n.valid = valid;
        origin.valid_given = true;
      }
      if (origin.created_by_edge) {
        origin =
            NodeOrigin{{ctx.file_index, line}, false, !label.empty(), !kind.empty(), valid_given};
      } else {
        state.report.merged.push_back(ReportEntry{
            file.path, line,
            fmt::format("node '{}' repeats the node at {}; rows merged (no conflicting value)",
                        id.text, ctx.where(origin.row))});
      }
    } else {
      detail::check_node_room(g, file.path, line);
      node = g.add_node(std::string(id.text), std::string(label),
                        kind.empty() ? graph::kDefaultKind : kind, valid);
      state.nodes.push_back(
          NodeOrigin{{ctx.file_index, line}, false, !label.empty(), !kind.empty(), valid_given});
      if (!label_col)
        no_label.add(line);
      else if (label.empty())
        empty_label.add(line);
      if (!kind_col)
        no_kind.add(line);
      else if (kind.empty())
        empty_kind.add(line);
    }
    if (!attrs.empty()) {
      for (auto c : attrs)
        cells.push_back(fields[c]);
      row_lines.push_back(line);
      row_nodes.push_back(node);
    }
  }

  if (no_label.count)
    ctx.defaulted(file.header_line,
                  fmt::format("no Label column: {} nodes labelled with their id", no_label.count));
  if (empty_label.count)
    ctx.defaulted(empty_label.first_line,
                  fmt::format("empty Label cell: {} nodes labelled with their id (first at line "
                              "{})",
                              empty_label.count, empty_label.first_line));
  if (no_kind.count)
    ctx.defaulted(file.header_line,
                  fmt::format("no kind column: {} nodes get kind '{}' (name a column with "
                              "--kind-column)",
                              no_kind.count, graph::kDefaultKind));
  if (empty_kind.count)
    ctx.defaulted(empty_kind.first_line,
                  fmt::format("empty kind cell: {} nodes get kind '{}' (first at line {})",
                              empty_kind.count, graph::kDefaultKind, empty_kind.first_line));

  if (attrs.empty()) return;
  auto& table = g.node_attributes();
  const auto plans = plan_attributes(ctx, attrs, cells, table, false);
  for (std::size_t r = 0; r < row_lines.size(); ++r) {
    for (std::size_t j = 0; j < plans.size(); ++j) {
      const CsvField& cell = cells[r * plans.size() + j];
      Value value = convert_cell(ctx, row_lines[r], cell, plans[j]);
      if (graph::is_missing(value)) continue;
      const Value& old = table.get(plans[j].table_column, row_nodes[r]);
      if (graph::is_missing(old)) {
        table.set(plans[j].table_column, row_nodes[r], std::move(value));
      } else if (old != value) {
        ctx.fail(row_lines[r], cell.column,
                 fmt::format("node '{}' is defined twice with different values of '{}': '{}' at "
                             "{} and '{}' here; keep one row or make the values agree",
                             g.node(row_nodes[r]).id, plans[j].name, graph::format_value(old),
                             ctx.where(state.nodes[row_nodes[r]].row), cell.text));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Edges

namespace {

// Equality of two short byte ranges without a library call (ids are mostly a few bytes long).
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (; n >= 8; a += 8, b += 8, n -= 8) {
    std::uint64_t x = 0, y = 0;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// A per-file index from endpoint text to node, in front of the Graph's own id map. Endpoints
// are looked up twice per row, and Graph::find_node builds a std::string, hashes it with the
// standard hash and walks a bucket chain each time. This index has two parts:
// - ids written as small decimal numbers ("0", "943056": no sign, no leading zero, below a
//   bound set from the file's size), the usual keys of big edge lists, in a table indexed by
//   their value: 4 bytes a node and no hashing, so the table of 10^6 ids stays in the cache;
// - every other id in an open-addressing table that hashes the bytes in place and keeps ids of
//   up to 12 bytes inline in its 24-byte slots, so a repeated endpoint costs one cache line.
// Which part holds an id depends on its text alone, so each id has one place. The index starts
// with every node already in the graph (so the Graph's map is only written to, when an edge
// creates a node) and no node id is stored twice as a string: a longer key points into the
// file's text, the tokenizer's storage or a node's id copied once into `long_ids_`, all of
// which outlive the table.
class EndpointIndex {
 public:
  /// Where an id is looked up: its value in the number table, or its hash.
  struct Key {
    std::uint64_t value = 0;
    bool number = false;
  };

  /// An index holding every node of `g`, whose number table covers ids below `numbers`.
  EndpointIndex(const graph::Graph& g, std::size_t numbers)
      : numbers_(std::min<std::size_t>(numbers, kMaxNumber + 1)),
        // calloc: a big table comes as pages the kernel zeroes when first touched, so memory is
        // spent only on the part of the range the ids use.
        number_nodes_(static_cast<std::uint32_t*>(std::calloc(numbers_, sizeof(std::uint32_t)))) {
    if (!number_nodes_) numbers_ = 0;  // no room for it: every id goes to the hashed table
    std::size_t size = 1024;
    while (3 * size < 4 * (g.node_count() + 1))
      size *= 2;
    slots_ = make_slots(size);
    for (graph::NodeIndex n = 0; n < g.node_count(); ++n) {
      std::string_view id = g.node(n).id;
      const Key k = key(id);
      if (!k.number && id.size() > sizeof(Slot::bytes)) id = long_ids_.emplace_back(id);
      insert(id, k, n);
    }
  }

  Key key(std::string_view id) const {
    if (!id.empty() && id.size() <= 9 && (id.size() == 1 || id[0] != '0')) {
      std::uint64_t value = 0;
      bool digits = true;
      for (char c : id) {
        const auto d = static_cast<unsigned>(static_cast<unsigned char>(c) - '0');
        digits = digits && d < 10;
        value = value * 10 + d;
      }
      if (digits && value < numbers_) return Key{value, true};
    }
    return Key{graph::hash_id(id), false};
  }

  std::optional<graph::NodeIndex> find(std::string_view id, Key k) const {
    if (k.number) {
      if (const auto stored = number_nodes_[k.value]) return stored - 1;
      return std::nullopt;
    }
    const auto tag = static_cast<std::uint32_t>(k.value >> 32);
    for (std::size_t i = k.value & mask(); slots_[i].size != kEmpty; i = (i + 1) & mask())
      if (slots_[i].tag == tag && slots_[i].size == id.size() &&
          same_bytes(id_of(slots_[i]).data(), id.data(), id.size()))
        return slots_[i].node;
    return std::nullopt;
  }

  /// Starts loading the memory where a lookup of `k` begins.
  void prefetch(Key k) const {
    if (k.number)
      __builtin_prefetch(&number_nodes_[k.value]);
    else
      __builtin_prefetch(&slots_[k.value & mask()]);
  }

  void insert(std::string_view id, Key k, graph::NodeIndex node) {
    if (k.number) {
      number_nodes_[k.value] = node + 1;
      return;
    }
    if (4 * (count_ + 1) > 3 * slots_.size()) grow();
    Slot s;
    s.tag = static_cast<std::uint32_t>(k.value >> 32);
    s.node = node;
    s.size = static_cast<std::uint32_t>(id.size());
    if (id.size() <= sizeof s.bytes) {
      std::memcpy(s.bytes, id.data(), id.size());
    } else {
      const char* text = id.data();
      std::memcpy(s.bytes, &text, sizeof text);
    }
    place(s, k.value);
    ++count_;
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr std::size_t kMaxNumber = 999'999'999;  ///< the largest id of nine digits
  // 24 bytes: ids of up to 12 bytes inline, longer ones as a pointer stored in `bytes`.
  struct Slot {
    std::uint32_t tag = 0;  ///< high half of the hash (the low bits pick the slot)
    graph::NodeIndex node = 0;
    std::uint32_t size = kEmpty;
    char bytes[12] = {};
  };

  std::size_t mask() const { return slots_.size() - 1; }
  // Empty slots. Endpoints hit the table at random, so on a big table nearly every probe
  // also misses the TLB: ask for huge pages (before the first write, which faults them in).
  static std::vector<Slot> make_slots(std::size_t size) {
    std::vector<Slot> slots;
    slots.reserve(size);
    graph::advise_huge_pages(slots.data(), size * sizeof(Slot));
    slots.resize(size);
    return slots;
  }
  static std::string_view id_of(const Slot& s) {
    if (s.size <= sizeof s.bytes) return std::string_view(s.bytes, s.size);
    const char* text = nullptr;
    std::memcpy(&text, s.bytes, sizeof text);
    return std::string_view(text, s.size);
  }
  void place(const Slot& slot, std::uint64_t hash) {
    std::size_t i = hash & mask();
    while (slots_[i].size != kEmpty)
      i = (i + 1) & mask();
    slots_[i] = slot;
  }
  void grow() {
    std::vector<Slot> old = make_slots(slots_.size() * 2);
    old.swap(slots_);
    for (const auto& s : old)
      if (s.size != kEmpty) place(s, graph::hash_id(id_of(s)));
  }

  std::size_t numbers_;  ///< ids below this number are in `number_nodes_`
  /// For each number, its node + 1, or 0.
  std::unique_ptr<std::uint32_t[], decltype([](std::uint32_t* p) { std::free(p); })> number_nodes_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  std::deque<std::string> long_ids_;  ///< ids of more than 12 bytes of nodes defined earlier
};

// The node an endpoint names, created (or refused, in strict mode) when no row defines it.
// The last id seen in each column is also kept: sorted edge lists repeat their endpoints.
struct EndpointResolver {
  const FileContext& ctx;
  EndpointIndex& index;
  std::string_view role;
  std::string_view last_id = {};
  graph::NodeIndex last_node = 0;
  bool has_last = false;

  /// The node `field` names; `key` is index.key(field.text).
  graph::NodeIndex operator()(const CsvField& field, EndpointIndex::Key key, std::size_t line) {
    if (has_last && field.text.size() == last_id.size() &&
        same_bytes(field.text.data(), last_id.data(), last_id.size()))
      return last_node;
    graph::NodeIndex node = 0;
    if (auto cached = index.find(field.text, key)) {
      node = *cached;
    } else {
      node = create(field, line);
      index.insert(field.text, key, node);
    }
    last_id = field.text;
    last_node = node;
    has_last = true;
    return node;
  }

  // A node for an id the index does not hold, which (the index holding every node of the
  // graph) no row has defined yet.
  graph::NodeIndex create(const CsvField& field, std::size_t line) {
    graph::Graph& g = ctx.state.graph;
    if (ctx.options.strict)
      ctx.fail(line, field.column,
               fmt::format("edge {} '{}' names a node that no node row defines; add it to a "
                           "nodes file, or drop --strict to create it",
                           role, field.text));
    detail::check_node_room(g, ctx.file.path, line);
    const auto node = g.add_node(std::string(field.text));
    ctx.state.nodes.push_back(NodeOrigin{{ctx.file_index, line}, true, false, false, false});
    ctx.state.report.created_nodes.push_back(
        CreatedNode{std::string(field.text), ctx.file_index, line,
                    "an edge names it and no node row defines it"});
    return node;
  }
};

std::optional<bool> parse_direction(std::string_view s) {
  s = trim(s);
  if (iequals(s, "directed")) return true;
  if (iequals(s, "undirected")) return false;
  return std::nullopt;
}

// Number of lines (line feeds + 1), eight bytes at a time: a byte of `x` is zero exactly when
// the high bit of ~((x & 0x7F..) + 0x7F.. | x | 0x7F..) is set.
std::size_t count_lines(std::string_view text) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr std::uint64_t kNewlines = 0x0A0A0A0A0A0A0A0AULL;
  std::size_t n = 1;
  const char* p = text.data();
  std::size_t left = text.size();
  for (; left >= 8; p += 8, left -= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    const std::uint64_t x = word ^ kNewlines;
    const std::uint64_t zero_bytes = ~(((x & kLow7) + kLow7) | x | kLow7);
    // The sum of the bytes of zero_bytes >> 7 (each 0 or 1), in the top byte of the product:
    // std::popcount is a library call on the baseline x86-64 this is built for.
    n += static_cast<std::size_t>(((zero_bytes >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; left > 0; ++p, --left)
    n += *p == '\n' ? 1 : 0;
  return n;
}

}  // namespace

void read_csv_edges(const CsvFile& file, const ImportOptions& options, ImportState& state) {
  const auto source_col = source_column(file, options);
  const auto target_col = target_column(file, options);
  if (!source_col || !target_col) throw_missing_edge_columns(file, options);
  FileContext ctx{file, options, state, register_file(state, file)};
  graph::Graph& g = state.graph;
  const auto& names = options.columns;

  // An --id-column override names the nodes' key; edges files use it only when they have it.
  auto id_col = role_column(file, names.id, {"id"});
  if (!id_col && !names.id.empty() && file.has_header) id_col = role_column(file, {}, {"id"});
  const auto type_col = role_column(file, names.type, {"type"});
  const auto relation_col = role_column(file, names.relation, {"kind", "relation"});
  const auto weight_col = role_column(file, names.weight, {"weight"});
  IntervalColumns interval;
  interval.date = role_column(file, names.date, {"date"});
  interval.start = role_column(file, names.start, {"start"});
  interval.end = role_column(file, names.end, {"end"});
  interval.timeset = role_column(file, {}, {"timeset"});
  note_role(ctx, source_col, "source", names.source, "--source-column");
  note_role(ctx, target_col, "target", names.target, "--target-column");
  note_role(ctx, type_col, "type", names.type, "--type-column", "the direction");
  note_role(ctx, relation_col, "relation", names.relation, "--relation-column");
  note_role(ctx, weight_col, "weight", names.weight, "--weight-column");
  note_role(ctx, interval.date, "date", names.date, "--date-column");
  note_role(ctx, interval.start, "start", names.start, "--start-column");
  note_role(ctx, interval.end, "end", names.end, "--end-column");
  const auto attrs =
      attribute_columns(file, {id_col, source_col, target_col, type_col, relation_col, weight_col,
                               interval.date, interval.start, interval.end, interval.timeset});
  if (!relation_col)
    hint_unmapped(ctx, attrs,
                  {"event_type", "event_type_id", "network", "edge_type", "relation_type"},
                  "the relation", "--relation-column");
  if (!interval.date && !interval.start && !interval.end && !interval.timeset)
    hint_unmapped(ctx, attrs, {"year", "time", "day"}, "the date", "--date-column");

  const bool has_interval = interval.date || interval.start || interval.end || interval.timeset;
  const std::size_t first_edge = g.edge_count();
  const std::size_t estimate = count_lines(std::string_view(file.text).substr(file.body_offset));
  g.reserve(g.node_count(), g.edge_count() + estimate);

  std::vector<CsvField> cells;
  std::vector<std::size_t> row_lines;
  if (!attrs.empty()) {
    cells.reserve(estimate * attrs.size());
    row_lines.reserve(estimate);
  }
  DefaultCount empty_type, empty_relation, empty_weight, empty_id;
  // Numbers up to twice the rows: a file's numeric ids are mostly dense from 0 or 1.
  EndpointIndex endpoints(g, 2 * estimate + g.node_count());
  EndpointResolver source_of{ctx, endpoints, "source"};
  EndpointResolver target_of{ctx, endpoints, "target"};
  std::size_t rows = 0;

  graph::EdgeSpec spec;
  // One data row: an edge, with `line` its physical line and `keys` those of its endpoints.
  const auto read_row = [&](const CsvField* fields, std::size_t line,
                            const EndpointIndex::Key* keys) {
    ++rows;
    const CsvField& source = fields[*source_col];
    const CsvField& target = fields[*target_col];
    if (source.text.empty() || target.text.empty()) {
      const bool src = source.text.empty();
      ctx.fail(
          line, src ? source.column : target.column,
          fmt::format("empty {} (column '{}'); every edge needs a source and a target",
                      src ? "source" : "target", ctx.column_name(src ? *source_col : *target_col)));
    }
    spec.source = source_of(source, keys[0], line);
    spec.target = target_of(target, keys[1], line);

    spec.directed = options.directed;
    if (type_col) {
      const CsvField& cell = fields[*type_col];
      if (cell.text.empty()) {
        empty_type.add(line);
      } else if (auto d = parse_direction(cell.text)) {
        spec.directed = *d;
      } else {
        ctx.fail(line, cell.column,
                 fmt::format("'{}' in column '{}' is not a direction; write directed or "
                             "undirected (an empty cell means {})",
                             cell.text, ctx.column_name(*type_col),
                             options.directed ? "directed" : "undirected"));
      }
    }

    spec.relation = graph::kDefaultRelation;
    if (relation_col) {
      const CsvField& cell = fields[*relation_col];
      if (cell.text.empty())
        empty_relation.add(line);
      else
        spec.relation = cell.text;
    }

    spec.weight = 1.0;
    if (weight_col) {
      const CsvField& cell = fields[*weight_col];
      if (cell.text.empty()) {
        empty_weight.add(line);
      } else {
        double w = 0;
        const auto [ptr, ec] =
            std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), w);
        if (ec == std::errc{} && ptr == cell.text.data() + cell.text.size() && std::isfinite(w)) {
          spec.weight = w;
        } else if (auto v = parse_real(cell.text)) {
          spec.weight = *v;
        } else {
          ctx.fail(line, cell.column,
                   fmt::format("weight '{}' in column '{}' is not a finite number; write a real "
                               "such as 2 or 0.5 (an empty cell means 1)",
                               cell.text, ctx.column_name(*weight_col)));
        }
      }
    }

    if (has_interval) {
      bool given = false;
      spec.valid = read_interval(ctx, line, fields, interval, given);
    }

    spec.id.clear();
    if (id_col) {
      const CsvField& cell = fields[*id_col];
      if (cell.text.empty()) {
        empty_id.add(line);
      } else {
        spec.id.assign(cell.text);
        if (auto other = g.find_edge(spec.id)) {
          const auto named = state.named_edges.find(*other);
          ctx.fail(line, cell.column,
                   named != state.named_edges.end()
                       ? fmt::format("edge id '{}' is used twice, at {} and here; edge ids must "
                                     "be unique: rename one",
                                     spec.id, ctx.where(named->second))
                       : fmt::format("edge id '{}' is already the generated id of the unnamed "
                                     "edge number {}; rename it",
                                     spec.id, *other));
        }
      }
    }
    detail::check_edge_room(g, file.path, line);
    try {
      const auto e = g.add_edge(spec);
      if (!spec.id.empty()) state.named_edges.emplace(e, RowRef{ctx.file_index, line});
    } catch (const InputError& e) {
      ctx.fail(line, id_col ? fields[*id_col].column : 0, e.what());
    }
    if (!attrs.empty()) {
      for (auto c : attrs)
        cells.push_back(fields[c]);
      row_lines.push_back(line);
    }
  };

  CsvTokenizer tokenizer(file.text, file.body_offset, file.body_line, file.delimiter, file.comment,
                         file.path);
  // Rows are tokenized in batches and the index slots of their endpoints prefetched before the
  // rows are resolved in order: on a big graph each endpoint lookup is a cache miss, and this
  // lets a batch's misses overlap. A row that would throw while tokenizing (a bad quote, the
  // wrong number of fields) ends its batch and throws only after the rows before it are read,
  // so errors come in file order as before.
  constexpr std::size_t kBatch = 64;
  const std::size_t width = file.columns.size();
  std::vector<std::vector<CsvField>> batch(kBatch);
  std::size_t batch_lines[kBatch];
  EndpointIndex::Key batch_keys[kBatch][2];
  bool more = true;
  while (more) {
    std::size_t batch_rows = 0;
    bool bad_width = false;
    std::exception_ptr tokenizer_error;
    try {
      while (batch_rows < kBatch) {
        auto& fields = batch[batch_rows];
        if (!tokenizer.next(fields)) {
          more = false;
          break;
        }
        if (fields.size() != width) {
          bad_width = true;
          break;
        }
        batch_lines[batch_rows] = tokenizer.record_line();
        for (int end = 0; end < 2; ++end) {
          const auto key = endpoints.key(fields[end == 0 ? *source_col : *target_col].text);
          endpoints.prefetch(key);
          batch_keys[batch_rows][end] = key;
        }
        ++batch_rows;
      }
    } catch (const ParseError&) {
      tokenizer_error = std::current_exception();
    }
    for (std::size_t r = 0; r < batch_rows; ++r)
      read_row(batch[r].data(), batch_lines[r], batch_keys[r]);
    if (tokenizer_error) std::rethrow_exception(tokenizer_error);
    if (bad_width) check_width(ctx, tokenizer, batch[batch_rows]);  // throws: the width is wrong
  }
  state.report.edge_rows += rows;

  const char* default_direction = options.directed ? "directed" : "undirected";
  const char* direction_hint =
      options.directed ? "as --directed asks" : "pass --directed to change";
  if (!type_col && rows > 0)
    ctx.defaulted(file.header_line, fmt::format("no Type column: {} edges read as {} ({})", rows,
                                                default_direction, direction_hint));
  if (empty_type.count)
    ctx.defaulted(
        empty_type.first_line,
        fmt::format("empty Type cell: {} edges read as {} ({}; first at line {})", empty_type.count,
                    default_direction, direction_hint, empty_type.first_line));
  if (!relation_col && rows > 0)
    ctx.defaulted(file.header_line,
                  fmt::format("no relation column: {} edges get relation '{}' (name a column "
                              "with --relation-column)",
                              rows, graph::kDefaultRelation));
  if (empty_relation.count)
    ctx.defaulted(
        empty_relation.first_line,
        fmt::format("empty relation cell: {} edges get relation '{}' (first at line {})",
                    empty_relation.count, graph::kDefaultRelation, empty_relation.first_line));
  if (!weight_col && rows > 0)
    ctx.defaulted(file.header_line, fmt::format("no Weight column: {} edges get weight 1", rows));
  if (empty_weight.count)
    ctx.defaulted(empty_weight.first_line,
                  fmt::format("empty Weight cell: {} edges get weight 1 (first at line {})",
                              empty_weight.count, empty_weight.first_line));
  if (empty_id.count)
    ctx.defaulted(empty_id.first_line,
                  fmt::format("empty Id cell: {} edges get a generated id e<index> (first at "
                              "line {})",
                              empty_id.count, empty_id.first_line));

  if (attrs.empty()) return;
  auto& table = g.edge_attributes();
  const auto plans = plan_attributes(ctx, attrs, cells, table, true);
  for (std::size_t r = 0; r < row_lines.size(); ++r)
    for (std::size_t j = 0; j < plans.size(); ++j) {
      Value value = convert_cell(ctx, row_lines[r], cells[r * plans.size() + j], plans[j]);
      if (!graph::is_missing(value))
        table.set(plans[j].table_column, first_edge + r, std::move(value));
    }
}

}  // namespace actornet::importers
