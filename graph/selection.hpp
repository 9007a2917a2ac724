// The selection language: one small expression syntax to pick nodes or edges, used wherever a
// command takes a side, a filter or a focus.
//
//   expr    := or
//   or      := and ("or" and)*
//   and     := unary ("and" unary)*
//   unary   := "not" unary | "(" expr ")" | test
//   test    := FIELD op VALUE | FIELD "in" "(" VALUE ("," VALUE)* ")"
//   op      := "=" | "!=" | "~" | "<" | "<=" | ">" | ">="
//   VALUE   := bare word | "double-quoted string" (with \" and \\ escapes) | number | date
//
// Keywords are case-insensitive. `~` is a case-insensitive regular-expression search in RE2
// syntax (https://github.com/google/re2/wiki/Syntax): `label~"Wang"` matches any label
// containing "Wang", `label~"^Zhōu"` any starting with Zhōu or ZHŌU (UTF-8, Unicode case
// folding); anchor both ends (`^...$`) for a whole-value match. RE2 runs in time linear in
// the value, so it has no back-references (`\1`) or lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`):
// a pattern using them is an error, as is a repetition count above 1000 (`a{1001}`).
// `<`, `<=`, `>`, `>=` compare numbers numerically and dates by first day; on text they
// compare bytewise.
//
// Fields of a node: `id`, `label`, `kind`, `start`, `end` and every node attribute.
// Fields of an edge: `id`, `relation`, `directed`, `weight`, `source`, `target` (endpoint ids),
// `start`, `end` and every edge attribute. An element without a value for a field matches
// no test on it except `!=`.
//
// Words and strings:
// - A bare word is a run of letters, digits, `_`, `-`, `.`, `:`, `/` and non-ASCII bytes, so
//   `met_with`, `2024-06`, `U.S.`, `-2.5` and `北京` are single words. Anything else (spaces,
//   `&`, `'`, ...) needs double quotes. In a string, `\"` and `\\` stand for `"` and `\`; any
//   other backslash is kept as is, so `label~"\d+"` passes `\d` to the regex.
// - Quoting never changes the meaning of a value: `weight >= "2"` is `weight >= 2`.
// - A field may be quoted too (`"first name" = Ann`), which is also how a field named like a
//   keyword is written. `and`, `or` and `not` are not values unless quoted; `in` is
//   (`country in (IN, CN)`).
// - Field names are case-sensitive. Built-in fields win over attributes of the same name.
//
// How values compare, by the field's type:
// - text (`id`, `label`, `kind`, `relation`, `source`, `target`, string attributes): `=` and
//   `!=` compare exactly (case-sensitive); `kind` and `relation` compare their names.
// - numbers (`weight`, int and real attributes): numerically; `rank = 2.0` matches 2. Integers
//   compare exactly when the value is an integer too.
// - dates (`start`, `end`, date attributes): values parse as `YYYY`, `YYYY-MM` or
//   `YYYY-MM-DD`, and every operator, `=` included, compares first days: `start = 2024`
//   matches a start of 2024, 2024-01 or 2024-01-01, and `start < 2024-06` a start before
//   June 2024. For "during 2024" write `start >= 2024 and start < 2025`. `start` and `end` are
//   the ends of the validity interval; an open end is a missing value.
// - bools (`directed`, bool attributes): `true` or `false` (any case), with `=`, `!=`, `in`.
// - lists: `=` (and `in`) match when any item equals the value; `!=` when no item does.
//   Lists and bools take no `<`, `<=`, `>`, `>=`.
// - `a != v` is always `not a = v`, and `a in (v, w)` is `a = v or a = w`.
// - `~` searches the value's text form: ISO dates at their own precision, numbers as written
//   by format_value, `true`/`false`, and for lists each item (any match counts). Its value is
//   never type-checked.
//
// Errors are ParseErrors at line 1 and the 1-based byte column of the offending token. Their
// message says what was expected, then shows the expression on its own line with a caret
// under that column, both indented by two spaces. Nesting of `(` and `not` is limited to 256
// levels.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace actornet::graph {

enum class SelectionTarget { Nodes, Edges };

namespace detail {
struct SelectionExpr;
}

/// A parsed selection expression. Cheap to copy (the parsed tree is shared and immutable).
/// Safe to evaluate from several threads at once. A default-constructed Selection matches
/// everything.
class Selection {
 public:
  /// Parses `text`. Throws ParseError with `origin` as the file name (for example
  /// "--where"), line 1 and the 1-based column where parsing failed; the message quotes the
  /// expression with a caret under that column and says what was expected.
  /// Regular expressions are compiled here (RE2): a bad one is an error at its value.
  /// Complexity: linear in the length of the text, plus regex compilation (at most 8 MiB of
  /// compiled pattern each).
  static Selection parse(std::string_view text, std::string_view origin = "selection");

  /// Checks that every field the expression names exists for `target` in `graph` (a built-in
  /// field or a declared attribute), that every value fits its field's type (a number for a
  /// number field, a date for a date field, true/false for a bool field; `~` values excepted)
  /// and that no `<`, `<=`, `>`, `>=` is applied to a bool or list field. In `=`, `!=` and `in`
  /// tests, values of `id` (in a node selection), `source` and `target` must name nodes of
  /// `graph`, and values of `kind` and `relation` kinds and relations it has: a misspelt name
  /// would otherwise select nothing, or everything with `!=`, without a word.
  /// Throws ParseError pointing at the offending field, value or operator; an unknown field's
  /// message lists the fields that exist, sorted. Node-only fields such as `kind` are unknown
  /// in an edge selection, and edge-only ones such as `relation` in a node selection.
  void check(const Graph& graph, SelectionTarget target) const;

  /// Whether node `node` of `graph` satisfies the expression. Call check() first: without it
  /// an unknown field reads as missing and a value of the wrong type matches nothing (so both
  /// satisfy only `!=`). Field names resolve to attribute columns once per graph layout, not
  /// per call. Complexity: O(size of the expression), plus any regex search, linear in the
  /// length of the value searched.
  bool matches_node(const Graph& graph, NodeIndex node) const;

  /// Whether edge `edge` of `graph` satisfies the expression; as matches_node.
  bool matches_edge(const Graph& graph, EdgeIndex edge) const;

  /// The expression as given to parse().
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::string origin_;
  std::shared_ptr<const detail::SelectionExpr> root_;  ///< null: matches everything
};

}  // namespace actornet::graph
