#include "importers/reader_support.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <set>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/utf8.hpp"
#include "importers/limits.hpp"

namespace actornet::importers::detail {

TextPosition json_overflow_position(std::string_view text, std::string_view message) {
  const auto open = message.find('\'');
  const auto close = open == std::string_view::npos ? open : message.find('\'', open + 1);
  if (close == std::string_view::npos || close == open + 1) return {};
  const auto at = text.find(message.substr(open + 1, close - open - 1));
  return at == std::string_view::npos ? TextPosition{} : position_of(text, at);
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  const auto before = text.substr(0, offset);
  const auto newlines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const auto last_newline = before.rfind('\n');
  return {1 + newlines, last_newline == std::string_view::npos ? before.size() + 1
                                                               : before.size() - last_newline};
}

std::size_t find_bad_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time (most input is ASCII).
    while (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = graph::decode_utf8(text, i, cp, bad);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::optional<ParseError> utf8_error(std::string_view text, const std::string& path,
                                     std::size_t first_line) {
  const auto at = find_bad_utf8(text);
  if (at == std::string_view::npos) return std::nullopt;
  const auto p = position_of(text, at);
  return ParseError(path, first_line - 1 + p.line, p.column,
                    fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8, e.g. "
                                "`iconv -f latin1 -t utf-8 FILE` for a Latin-1 file",
                                static_cast<unsigned>(static_cast<unsigned char>(text[at]))));
}

void check_utf8(std::string_view text, const std::string& path, std::size_t first_line) {
  if (auto error = utf8_error(text, path, first_line)) throw *error;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view type_word(graph::AttrType type) {
  switch (type) {
    case graph::AttrType::Integer:
      return "an integer";
    case graph::AttrType::Real:
      return "a number";
    case graph::AttrType::Bool:
      return "a boolean (true/false)";
    case graph::AttrType::Date:
      return "a date (YYYY, YYYY-MM or YYYY-MM-DD)";
    default:
      return "a value";
  }
}

std::optional<double> parse_double(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<graph::Date> date_from_value(const graph::Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    std::string_view text = *s;
    // A time after a full date (`2024-07-09 10:00`) is ignored, as in the CSV reader.
    if (text.size() > 10 && (text[10] == ' ' || text[10] == 'T')) text = text.substr(0, 10);
    return graph::Date::parse(text);
  }
  if (const auto* i = std::get_if<std::int64_t>(&value))
    if (*i >= 1 && *i <= 9999) return graph::Date::year_only(static_cast<int>(*i));
  if (const auto* d = std::get_if<graph::Date>(&value)) return *d;
  return std::nullopt;
}

void AttributeStage::add(std::size_t element, std::string_view name, graph::Value value) {
  auto it = index_.find(name);
  if (it == index_.end()) {
    it = index_.emplace(std::string(name), columns_.size()).first;
    columns_.push_back(Column{std::string(name), {}});
  }
  auto& values = columns_[it->second].values;
  // Values of one element arrive together, so a repeat is always the last one staged.
  if (!values.empty() && values.back().first == element) {
    graph::Value& old = values.back().second;
    if (auto* list = std::get_if<std::vector<std::string>>(&old)) {
      list->push_back(graph::format_value(value));
    } else {
      old = std::vector<std::string>{graph::format_value(old), graph::format_value(value)};
    }
    return;
  }
  values.emplace_back(element, std::move(value));
}

bool AttributeStage::has(std::string_view name) const {
  return index_.find(name) != index_.end();
}

void AttributeStage::apply(graph::AttributeTable& table, std::string_view what,
                           const std::string& file, ImportReport& report) {
  for (auto& column : columns_) {
    std::set<std::size_t> kinds;
    for (const auto& [element, value] : column.values)
      if (!graph::is_missing(value)) kinds.insert(value.index());
    graph::AttrType type = graph::AttrType::String;
    // Variant indices: 1 string, 2 int, 3 real, 4 bool, 5 date, 6 list.
    constexpr graph::AttrType kByIndex[] = {graph::AttrType::String,  graph::AttrType::String,
                                            graph::AttrType::Integer, graph::AttrType::Real,
                                            graph::AttrType::Bool,    graph::AttrType::Date,
                                            graph::AttrType::List};
    bool widened = false;
    if (kinds.size() == 1) {
      type = kByIndex[*kinds.begin()];
    } else if (kinds == std::set<std::size_t>{2, 3}) {
      type = graph::AttrType::Real;
    } else if (kinds.count(6)) {
      type = graph::AttrType::List;
      widened = true;
    } else if (!kinds.empty()) {
      widened = true;
    }
    std::size_t c = 0;
    try {
      c = table.declare(column.name, type);
    } catch (const InputError& e) {
      throw ParseError(file, 0, 0,
                       fmt::format("{} attribute '{}': {}; give it one type throughout the file",
                                   what, column.name, e.what()));
    }
    report.notes.push_back(
        ReportEntry{file, 0,
                    widened ? fmt::format("{} attribute '{}' mixes value types: read as {}", what,
                                          column.name, graph::to_string(type))
                            : fmt::format("{} attribute '{}' read as {}", what, column.name,
                                          graph::to_string(type))});
    for (auto& [element, value] : column.values) {
      if (graph::is_missing(value)) continue;
      graph::Value stored;
      if (type == graph::AttrType::Real && std::holds_alternative<std::int64_t>(value)) {
        stored = static_cast<double>(std::get<std::int64_t>(value));
      } else if (type == graph::AttrType::List &&
                 !std::holds_alternative<std::vector<std::string>>(value)) {
        stored = std::vector<std::string>{graph::format_value(value)};
      } else if (type == graph::AttrType::String && !std::holds_alternative<std::string>(value)) {
        stored = graph::format_value(value);
      } else {
        stored = std::move(value);
      }
      table.set(c, element, std::move(stored));
    }
  }
  columns_.clear();
  index_.clear();
}

graph::EdgeIndex add_edge_at(graph::Graph& g, const graph::EdgeSpec& spec, const std::string& file,
                             std::size_t line) {
  check_edge_room(g, file, line);
  try {
    return g.add_edge(spec);
  } catch (const InputError& e) {
    throw ParseError(file, line, 0, fmt::format("{} (rename the edge)", e.what()));
  }
}

}  // namespace actornet::importers::detail
