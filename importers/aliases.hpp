// Alias tables: the names under which an actor appears in event data or articles, mapped to
// the node id the user wants for it, with name folding that makes "Wang Xiaohong",
// "WANG XIAOHONG" and "Wang  Xiao-hong" the same name.
//
// File format (CSV, header row, read like any CSV of the project: RFC 4180, UTF-8):
//   id,label,kind,side,aliases
//   wang_xiaohong,Wang Xiaohong,person,CN,Wang Xiaohong|Minister of Public Security
// `id` is required; `aliases` holds names separated by `|`; or, in long form, an `alias`
// column holds one name per row (or several separated by `|`; an id may have several rows).
// `label`, `kind` and `side` are optional; a later row for the same id adds aliases and fills what
// earlier rows left empty. The id and the label match too, as if they were aliases. Rows whose kind
// is `rule` are not actors: they are keyword rules for the text importer (text.hpp); alias readers
// skip them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/attributes.hpp"

namespace actornet::importers {

/// `text` folded for matching: Unicode NFKC case folding (ICU's NFKC_Casefold, so "ＷＡＮＧ",
/// "Wang" and "WANG" agree, and "ß" matches "ss"), every punctuation or symbol character
/// dropped ("U.S." -> "us", "Xiao-hong" -> "xiaohong"), and every run of white space one
/// space, none at either end. Invalid UTF-8 reads as U+FFFD. Time: linear.
std::string fold_name(std::string_view text);

/// One actor of an alias table.
struct AliasEntry {
  std::string id;
  std::string label;                 ///< empty when the table gives none
  std::string kind;                  ///< empty when the table gives none
  std::string side;                  ///< empty when the table gives none
  std::vector<std::string> aliases;  ///< as written, the id and label included
  std::size_t line = 0;              ///< the first row defining it
};

/// A keyword rule (a `rule` row): `relation` types a tie whose sentence holds a keyword.
struct KeywordRule {
  std::string relation;
  std::vector<std::string> keywords;  ///< as written
  bool directed = false;              ///< the `side` cell says `directed`
  std::size_t line = 0;
};

/// An alias table read from a file.
class AliasTable {
 public:
  /// Reads `path` (see the file comment). Throws InputError when it cannot be read and
  /// ParseError{path, line, column, message} when it has no `id` column, neither `aliases` nor
  /// `alias` (nor `label`), an empty id, an alias that folds to nothing, or one folded alias
  /// given to two ids (naming both lines). Time: linear in the file size.
  static AliasTable read(const std::string& path);

  /// Builds a table from entries (tests, and the text importer's gazetteer); the same checks.
  static AliasTable from_entries(std::vector<AliasEntry> entries, std::vector<KeywordRule> rules,
                                 const std::string& source);

  /// The entry whose folded alias equals fold_name(name); nullptr when none does.
  const AliasEntry* find(std::string_view name) const;
  /// The entry whose folded alias is `folded` (already folded by fold_name).
  const AliasEntry* find_folded(std::string_view folded) const;

  const std::vector<AliasEntry>& entries() const { return entries_; }
  const std::vector<KeywordRule>& rules() const { return rules_; }
  const std::string& source() const { return source_; }

 private:
  std::vector<AliasEntry> entries_;
  std::vector<KeywordRule> rules_;
  graph::StringMap<std::size_t> by_folded_;
  std::string source_;
};

}  // namespace actornet::importers
