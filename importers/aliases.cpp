#include "importers/aliases.hpp"

#include <memory>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/csv.hpp"
#include "importers/reader_support.hpp"

namespace actornet::importers {
namespace {

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// ASCII needs no Unicode tables: NFKC case folding of ASCII is lower-casing.
std::string fold_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(c - 'A' + 'a');
    }
    // Anything else printable is punctuation or a symbol: dropped, like u_ispunct below.
  }
  return out;
}

bool is_symbol(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL || type == U_MODIFIER_SYMBOL ||
         type == U_OTHER_SYMBOL;
}

std::string fold_unicode(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFKC_Casefold data are missing");
  const auto source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString folded = nfkc_cf->normalize(source, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: case folding failed");
  icu::UnicodeString kept;
  bool space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      space = true;
    } else if (!u_ispunct(c) && !is_symbol(c) && !u_iscntrl(c)) {
      if (space && !kept.isEmpty()) kept.append(static_cast<UChar>(' '));
      space = false;
      kept.append(c);
    }
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::vector<std::string> split_aliases(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const auto bar = cell.find('|', start);
    const auto end = bar == std::string_view::npos ? cell.size() : bar;
    std::string_view item = cell.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
      item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
      item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

std::string fold_name(std::string_view text) {
  return is_ascii(text) ? fold_ascii(text) : fold_unicode(text);
}

AliasTable AliasTable::read(const std::string& path) {
  ImportOptions options;
  options.delimiter = 0;
  const CsvFile file = open_csv(path, options);
  std::optional<std::size_t> id_col, label_col, kind_col, side_col, aliases_col, alias_col;
  for (std::size_t c = 0; c < file.columns.size(); ++c) {
    const auto& name = file.columns[c].name;
    if (detail::iequals(name, "id")) id_col = c;
    if (detail::iequals(name, "label")) label_col = c;
    if (detail::iequals(name, "kind")) kind_col = c;
    if (detail::iequals(name, "side")) side_col = c;
    if (detail::iequals(name, "aliases")) aliases_col = c;
    if (detail::iequals(name, "alias")) alias_col = c;
  }
  if (!id_col)
    throw ParseError(path, file.header_line, 0,
                     "an alias table needs an 'id' column (and 'aliases', names separated by "
                     "'|', or 'alias', one name per row)");
  if (!aliases_col && !alias_col && !label_col)
    throw ParseError(path, file.header_line, 0,
                     "an alias table needs an 'aliases' column (names separated by '|') or an "
                     "'alias' column (one name per row)");

  std::vector<AliasEntry> entries;
  std::vector<KeywordRule> rules;
  graph::StringMap<std::size_t> index;
  CsvTokenizer tokenizer(file.text, file.body_offset, file.body_line, file.delimiter, "", path);
  std::vector<CsvField> fields;
  auto cell = [&](std::optional<std::size_t> c) -> std::string_view {
    if (!c || *c >= fields.size()) return {};
    std::string_view v = fields[*c].text;
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
      v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
      v.remove_suffix(1);
    return v;
  };
  while (tokenizer.next(fields)) {
    const std::size_t line = tokenizer.record_line();
    if (fields.size() != file.columns.size())
      throw ParseError(path, line, 0,
                       fmt::format("{} fields where the header has {}; quote cells holding "
                                   "commas",
                                   fields.size(), file.columns.size()));
    const std::string_view id = cell(id_col);
    if (id.empty()) throw ParseError(path, line, fields[*id_col].column, "empty id");
    std::vector<std::string> names;
    if (aliases_col) names = split_aliases(cell(aliases_col));
    if (alias_col) {
      auto more = split_aliases(cell(alias_col));
      names.insert(names.end(), more.begin(), more.end());
    }
    if (detail::iequals(cell(kind_col), "rule")) {
      KeywordRule rule{std::string(id), std::move(names),
                       detail::iequals(cell(side_col), "directed"), line};
      if (rule.keywords.empty())
        throw ParseError(path, line, 0,
                         fmt::format("rule '{}' has no keywords; list them in the aliases cell "
                                     "separated by '|'",
                                     id));
      rules.push_back(std::move(rule));
      continue;
    }
    auto [it, inserted] = index.emplace(std::string(id), entries.size());
    if (inserted) {
      entries.push_back(AliasEntry{std::string(id), {}, {}, {}, {}, line});
    }
    AliasEntry& e = entries[it->second];
    if (e.label.empty()) e.label = cell(label_col);
    if (e.kind.empty()) e.kind = cell(kind_col);
    if (e.side.empty()) e.side = cell(side_col);
    for (auto& n : names)
      e.aliases.push_back(std::move(n));
  }
  return from_entries(std::move(entries), std::move(rules), path);
}

AliasTable AliasTable::from_entries(std::vector<AliasEntry> entries, std::vector<KeywordRule> rules,
                                    const std::string& source) {
  AliasTable table;
  table.source_ = source;
  table.rules_ = std::move(rules);
  table.entries_ = std::move(entries);
  for (std::size_t i = 0; i < table.entries_.size(); ++i) {
    auto& e = table.entries_[i];
    std::vector<std::string> names;
    names.push_back(e.id);
    if (!e.label.empty()) names.push_back(e.label);
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& name : names) {
      std::string folded = fold_name(name);
      if (folded.empty())
        throw ParseError(
            source, e.line, 0,
            fmt::format("alias '{}' of '{}' has no letter or digit to match on", name, e.id));
      auto [it, inserted] = table.by_folded_.emplace(std::move(folded), i);
      if (!inserted && it->second != i) {
        const auto& other = table.entries_[it->second];
        throw ParseError(source, e.line, 0,
                         fmt::format("'{}' names both '{}' (line {}) and '{}'; names are compared "
                                     "without case, punctuation or extra spaces: give it to one",
                                     name, other.id, other.line, e.id));
      }
    }
  }
  return table;
}

const AliasEntry* AliasTable::find_folded(std::string_view folded) const {
  const auto it = by_folded_.find(folded);
  return it == by_folded_.end() ? nullptr : &entries_[it->second];
}

const AliasEntry* AliasTable::find(std::string_view name) const {
  return find_folded(fold_name(name));
}

}  // namespace actornet::importers
