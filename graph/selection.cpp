#include "graph/selection.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <re2/re2.h>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::graph {
namespace detail {

enum class Op : std::uint8_t { Eq, Ne, Match, Lt, Le, Gt, Ge, In };

/// A field known without looking at the graph's attributes; None means "an attribute".
enum class Builtin : std::uint8_t {
  None,
  Id,
  Label,
  Kind,
  Relation,
  Directed,
  Weight,
  Source,
  Target,
  Start,
  End
};

/// One value of a test, with every reading of it worked out at parse time; check() decides
/// which reading the field needs.
struct SelectionValue {
  std::string text;
  std::size_t column = 0;  ///< 1-based byte column of the token
  std::optional<std::int64_t> integer;
  std::optional<double> number;
  std::optional<Date> date;
  std::optional<bool> boolean;
};

inline constexpr std::uint32_t kNoColumn = std::numeric_limits<std::uint32_t>::max();

/// A node of the parsed tree: `and`/`or` with two or more children, `not` with one, or a test.
struct SelectionExpr {
  enum class Kind : std::uint8_t { And, Or, Not, Test };
  Kind kind = Kind::Test;
  std::vector<std::unique_ptr<SelectionExpr>> children;

  // Tests only.
  std::string field;
  std::size_t field_column = 0;
  Op op = Op::Eq;
  std::string op_text;
  std::size_t op_column = 0;
  Builtin node_field = Builtin::None;
  Builtin edge_field = Builtin::None;
  std::vector<SelectionValue> values;     ///< one, except for `in`
  std::unique_ptr<const re2::RE2> regex;  ///< for `~`
  /// Attribute column this field named in the last graph it was evaluated on. Checked by name
  /// before use, so it is only ever a hint: a stale one costs one hash lookup.
  mutable std::atomic<std::uint32_t> column_hint{kNoColumn};
};

}  // namespace detail

namespace {

using detail::Builtin;
using detail::Op;
using detail::SelectionExpr;
using detail::SelectionValue;
using ExprPtr = std::unique_ptr<SelectionExpr>;

constexpr int kMaxDepth = 256;

struct BuiltinField {
  std::string_view name;
  Builtin field;
  AttrType type;
  bool on_nodes;
  bool on_edges;
};

constexpr BuiltinField kBuiltins[] = {
    {"id", Builtin::Id, AttrType::String, true, true},
    {"label", Builtin::Label, AttrType::String, true, false},
    {"kind", Builtin::Kind, AttrType::String, true, false},
    {"relation", Builtin::Relation, AttrType::String, false, true},
    {"directed", Builtin::Directed, AttrType::Bool, false, true},
    {"weight", Builtin::Weight, AttrType::Real, false, true},
    {"source", Builtin::Source, AttrType::String, false, true},
    {"target", Builtin::Target, AttrType::String, false, true},
    {"start", Builtin::Start, AttrType::Date, true, true},
    {"end", Builtin::End, AttrType::Date, true, true},
};

const BuiltinField* find_builtin(std::string_view name) {
  for (const auto& b : kBuiltins)
    if (b.name == name) return &b;
  return nullptr;
}

AttrType builtin_type(Builtin field) {
  for (const auto& b : kBuiltins)
    if (b.field == field) return b.type;
  return AttrType::String;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
         u == '-' || u == '.' || u == ':' || u == '/' || u >= 0x80;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The message, then the expression and a caret under 1-based byte `column`, each on its own
/// line indented by two spaces. The caret is placed by characters, not bytes, so it stays
/// under the right character after multi-byte UTF-8.
[[noreturn]] void fail_at(std::string_view text, std::string_view origin, std::size_t column,
                          const std::string& message) {
  std::string shown, pad;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    shown += c == '\n' || c == '\r' ? ' ' : c;
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (i + 1 < column && !continuation) pad += c == '\t' ? '\t' : ' ';
  }
  throw ParseError(std::string(origin), 1, column,
                   fmt::format("{}\n  {}\n  {}^", message, shown, pad));
}

SelectionValue make_value(std::string text, std::size_t column) {
  SelectionValue v;
  const char* first = text.data();
  const char* last = first + text.size();
  std::int64_t i = 0;
  if (auto [p, ec] = std::from_chars(first, last, i); ec == std::errc{} && p == last) v.integer = i;
  double d = 0;
  if (auto [p, ec] = std::from_chars(first, last, d);
      ec == std::errc{} && p == last && std::isfinite(d))
    v.number = d;
  v.date = Date::parse(text);
  if (iequals(text, "true")) v.boolean = true;
  if (iequals(text, "false")) v.boolean = false;
  v.text = std::move(text);
  v.column = column;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Parsing: a recursive-descent parser pulling tokens from the text one at a time, so the first
// error in reading order is the one reported.

enum class TokenType : std::uint8_t { End, Word, String, LParen, RParen, Comma, Operator };

struct Token {
  TokenType type = TokenType::End;
  std::size_t begin = 0;  ///< 0-based byte offset
  std::size_t end = 0;
  std::string text;  ///< the word, the unescaped string or the operator
};

// `~` patterns are compiled by RE2, which matches in time linear in the subject, with bounded
// memory and no recursion per character (std::regex backtracks: nested repetitions ran for
// minutes, and long subjects could overflow the stack). RE2 itself rejects repetition counts
// above 1000, nested ones included. What it gives up for this, back-references and lookaround,
// gets an error of its own below.
constexpr std::string_view kRegexSyntax = "RE2 syntax: https://github.com/google/re2/wiki/Syntax";
/// Memory for one compiled pattern (its programs and DFA caches); a pattern needing more to
/// compile is an error, and a search whose DFA cache fills falls back to RE2's NFA.
constexpr std::int64_t kRegexMaxMem = std::int64_t{8} << 20;

/// `pattern` compiled for `~`: case-insensitive (Unicode case folding), UTF-8, nothing logged.
std::unique_ptr<const re2::RE2> compile_pattern(const std::string& pattern) {
  re2::RE2::Options options;
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(kRegexMaxMem);
  return std::make_unique<const re2::RE2>(pattern, options);
}

/// What is wrong with `re`, a pattern RE2 did not compile; says so plainly for the features
/// RE2 lacks (written as in ECMAScript or Perl), and points to RE2's syntax otherwise.
std::string pattern_error(const re2::RE2& re) {
  const std::string& pattern = re.pattern();
  const std::string& arg = re.error_arg();
  switch (re.error_code()) {
    case re2::RE2::ErrorBadEscape:
      // \1 to \9 (RE2 reads \0 and \1 followed by digits as octal) and named \k<name>.
      if ((arg.size() == 2 && arg[1] >= '1' && arg[1] <= '9') ||
          (arg == "\\k" && pattern.find("\\k<") != std::string::npos))
        return fmt::format("back-references are not supported in ~ patterns; {}", kRegexSyntax);
      break;
    case re2::RE2::ErrorBadPerlOp:
      if (arg == "(?=" || arg == "(?!" ||
          (arg == "(?<" && (pattern.find("(?<=") != std::string::npos ||
                            pattern.find("(?<!") != std::string::npos)))
        return fmt::format("lookahead and lookbehind are not supported in ~ patterns; {}",
                           kRegexSyntax);
      if (arg == "(?<")
        return fmt::format("a named group is written (?P<name>...) in ~ patterns; {}",
                           kRegexSyntax);
      break;
    case re2::RE2::ErrorRepeatSize:
      return fmt::format(
          "invalid repetition {} in a ~ pattern: a count may be at most 1000, "
          "nested counts multiplied, and a minimum no more than its maximum",
          arg);
    case re2::RE2::ErrorPatternTooLarge:
      return fmt::format(
          "regular expression too large: it needs more than {} MiB compiled; "
          "simplify it",
          kRegexMaxMem >> 20);
    default:
      break;
  }
  return fmt::format("invalid regular expression: {}; {}", re.error(), kRegexSyntax);
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}

  ExprPtr parse() {
    if (peek().type == TokenType::End) fail(0, "empty selection; write a test such as kind=person");
    ExprPtr root = parse_chain(SelectionExpr::Kind::Or);
    const Token& t = peek();
    if (t.type == TokenType::RParen) fail(t.begin, "unexpected ')' without a matching '('");
    if (t.type != TokenType::End)
      fail(t.begin, fmt::format("unexpected '{}' after the end of the expression; join tests "
                                "with 'and' or 'or'",
                                raw(t)));
    return root;
  }

 private:
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    fail_at(text_, origin_, offset + 1, message);
  }

  std::string_view raw(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }

  static bool is_keyword(const Token& t, std::string_view keyword) {
    return t.type == TokenType::Word && iequals(t.text, keyword);
  }

  std::string expected(std::string_view what) const {
    if (previous_.empty()) return fmt::format("expected {}", what);
    return fmt::format("expected {} after '{}'", what, previous_);
  }

  const Token& peek() {
    if (!lookahead_) lookahead_ = lex();
    return *lookahead_;
  }

  Token take() {
    peek();
    Token t = std::move(*lookahead_);
    lookahead_.reset();
    previous_ = raw(t);
    return t;
  }

  Token lex() {
    while (pos_ < text_.size() && is_space(text_[pos_]))
      ++pos_;
    Token t;
    t.begin = pos_;
    auto finish = [&](TokenType type, std::size_t length) {
      t.type = type;
      t.end = pos_ + length;
      t.text = text_.substr(pos_, length);
      pos_ = t.end;
      return t;
    };
    if (pos_ == text_.size()) return finish(TokenType::End, 0);
    const char c = text_[pos_];
    const bool followed_by_equals = pos_ + 1 < text_.size() && text_[pos_ + 1] == '=';
    switch (c) {
      case '(':
        return finish(TokenType::LParen, 1);
      case ')':
        return finish(TokenType::RParen, 1);
      case ',':
        return finish(TokenType::Comma, 1);
      case '=':
      case '~':
        return finish(TokenType::Operator, 1);
      case '<':
      case '>':
        return finish(TokenType::Operator, followed_by_equals ? 2 : 1);
      case '!':
        if (followed_by_equals) return finish(TokenType::Operator, 2);
        fail(pos_, "unexpected '!'; write '!=' or 'not'");
      case '"':
        return lex_string();
      case '&':
        fail(pos_, "unexpected '&'; write 'and'");
      case '|':
        fail(pos_, "unexpected '|'; write 'or'");
      case '\'':
        fail(pos_, "unexpected \"'\"; strings take double quotes");
      default:
        break;
    }
    if (!is_word_byte(c)) {
      const auto u = static_cast<unsigned char>(c);
      fail(pos_, u < 0x20 || u == 0x7F ? fmt::format("unexpected character \\x{:02x}", u)
                                       : fmt::format("unexpected character '{}'", c));
    }
    std::size_t end = pos_;
    while (end < text_.size() && is_word_byte(text_[end]))
      ++end;
    return finish(TokenType::Word, end - pos_);
  }

  Token lex_string() {
    Token t;
    t.type = TokenType::String;
    t.begin = pos_;
    for (std::size_t i = pos_ + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"') {
        t.end = pos_ = i + 1;
        return t;
      }
      if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == '"' || text_[i + 1] == '\\')) ++i;
      t.text += text_[i];
    }
    fail(t.begin, "unterminated string; add the closing '\"'");
  }

  /// `or` chains of `and` chains of unary expressions; a chain of one is its only element.
  ExprPtr parse_chain(SelectionExpr::Kind kind) {
    const bool is_or = kind == SelectionExpr::Kind::Or;
    const std::string_view keyword = is_or ? "or" : "and";
    auto operand = [&] { return is_or ? parse_chain(SelectionExpr::Kind::And) : parse_unary(); };
    ExprPtr first = operand();
    if (!is_keyword(peek(), keyword)) return first;
    auto chain = std::make_unique<SelectionExpr>();
    chain->kind = kind;
    chain->children.push_back(std::move(first));
    while (is_keyword(peek(), keyword)) {
      take();
      chain->children.push_back(operand());
    }
    return chain;
  }

  ExprPtr parse_unary() {
    const Token& t = peek();
    const bool is_not = is_keyword(t, "not");
    if (is_not || t.type == TokenType::LParen) {
      if (depth_ == kMaxDepth)
        fail(t.begin,
             fmt::format("the selection nests '(' and 'not' more than {} levels deep", kMaxDepth));
      ++depth_;
      const Token open = take();
      ExprPtr result;
      if (is_not) {
        result = std::make_unique<SelectionExpr>();
        result->kind = SelectionExpr::Kind::Not;
        result->children.push_back(parse_unary());
      } else {
        result = parse_chain(SelectionExpr::Kind::Or);
        if (peek().type != TokenType::RParen)
          fail(peek().begin, fmt::format("expected ')' to close '(' at column {}", open.begin + 1));
        take();
      }
      --depth_;
      return result;
    }
    const bool keyword = is_keyword(t, "and") || is_keyword(t, "or") || is_keyword(t, "in");
    if (t.type == TokenType::String || (t.type == TokenType::Word && !keyword)) return parse_test();
    fail(t.begin, expected("a field name, 'not' or '('"));
  }

  ExprPtr parse_test() {
    const Token field = take();
    auto test = std::make_unique<SelectionExpr>();
    test->field = field.text;
    test->field_column = field.begin + 1;
    if (const BuiltinField* b = find_builtin(field.text)) {
      if (b->on_nodes) test->node_field = b->field;
      if (b->on_edges) test->edge_field = b->field;
    }

    const Token& op = peek();
    if (op.type != TokenType::Operator && !is_keyword(op, "in"))
      fail(op.begin, expected("an operator (=, !=, ~, <, <=, >, >= or in)"));
    test->op_column = op.begin + 1;
    test->op_text = raw(op);
    static constexpr std::pair<std::string_view, Op> kOps[] = {
        {"=", Op::Eq},  {"!=", Op::Ne}, {"~", Op::Match}, {"<", Op::Lt},
        {"<=", Op::Le}, {">", Op::Gt},  {">=", Op::Ge}};
    test->op = Op::In;
    for (const auto& [text, value] : kOps)
      if (op.text == text) test->op = value;
    take();

    if (test->op != Op::In) {
      test->values.push_back(parse_value());
    } else {
      if (peek().type != TokenType::LParen) fail(peek().begin, expected("'('"));
      const std::size_t open = take().begin;
      test->values.push_back(parse_value());
      while (peek().type == TokenType::Comma) {
        take();
        test->values.push_back(parse_value());
      }
      if (peek().type != TokenType::RParen)
        fail(peek().begin,
             fmt::format("expected ',' or ')' in the list opened at column {}", open + 1));
      take();
    }

    if (test->op == Op::Match) {
      const SelectionValue& pattern = test->values.front();
      test->regex = compile_pattern(pattern.text);
      if (!test->regex->ok()) fail(pattern.column - 1, pattern_error(*test->regex));
    }
    return test;
  }

  SelectionValue parse_value() {
    const Token& t = peek();
    const bool keyword = is_keyword(t, "and") || is_keyword(t, "or") || is_keyword(t, "not");
    if (t.type == TokenType::String || (t.type == TokenType::Word && !keyword)) {
      Token value = take();
      return make_value(std::move(value.text), value.begin + 1);
    }
    std::string message = expected("a value");
    if (keyword) message += fmt::format(" (quote \"{}\" to use it as a value)", t.text);
    fail(t.begin, message);
  }

  std::string_view text_;
  std::string_view origin_;
  std::size_t pos_ = 0;
  std::optional<Token> lookahead_;
  std::string previous_;  ///< the last token taken, as written, for "expected X after 'Y'"
  int depth_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Evaluation: each test reads its field as an Operand, then compares.

using Operand = std::variant<std::monostate, std::string_view, std::int64_t, double, bool, Date,
                             const std::vector<std::string>*>;

Operand to_operand(const Value& v) {
  struct Convert {
    Operand operator()(std::monostate) const { return {}; }
    Operand operator()(const std::string& s) const { return std::string_view(s); }
    Operand operator()(std::int64_t i) const { return i; }
    Operand operator()(double d) const { return d; }
    Operand operator()(bool b) const { return b; }
    Operand operator()(const Date& d) const { return d; }
    Operand operator()(const std::vector<std::string>& items) const { return &items; }
  };
  return std::visit(Convert{}, v);
}

Operand to_operand(const std::optional<Date>& d) {
  if (d) return *d;
  return {};
}

bool equals(const Operand& x, const SelectionValue& v) {
  if (const auto* s = std::get_if<std::string_view>(&x)) return *s == v.text;
  if (const auto* i = std::get_if<std::int64_t>(&x)) {
    if (v.integer) return *i == *v.integer;
    return v.number && static_cast<double>(*i) == *v.number;
  }
  if (const auto* d = std::get_if<double>(&x)) return v.number && *d == *v.number;
  if (const auto* b = std::get_if<bool>(&x)) return v.boolean && *b == *v.boolean;
  if (const auto* date = std::get_if<Date>(&x))
    return v.date && date->first_day() == v.date->first_day();
  if (const auto* list = std::get_if<const std::vector<std::string>*>(&x))
    return std::ranges::find(**list, v.text) != (*list)->end();
  return false;
}

/// How the field's value orders against `v`; unordered when they do not compare.
std::partial_ordering order(const Operand& x, const SelectionValue& v) {
  if (const auto* s = std::get_if<std::string_view>(&x)) return *s <=> std::string_view(v.text);
  if (const auto* i = std::get_if<std::int64_t>(&x)) {
    if (v.integer) return *i <=> *v.integer;
    if (v.number) return static_cast<double>(*i) <=> *v.number;
  }
  if (const auto* d = std::get_if<double>(&x); d && v.number) return *d <=> *v.number;
  if (const auto* date = std::get_if<Date>(&x); date && v.date)
    return date->first_day() <=> v.date->first_day();
  return std::partial_ordering::unordered;
}

/// Whether `re` matches anywhere in `text` (RE2's partial match, like a regex search).
bool search(std::string_view text, const re2::RE2& re) {
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

bool regex_matches(const Operand& x, const re2::RE2& re) {
  if (const auto* s = std::get_if<std::string_view>(&x)) return search(*s, re);
  if (const auto* list = std::get_if<const std::vector<std::string>*>(&x))
    return std::ranges::any_of(**list, [&](const std::string& item) { return search(item, re); });
  if (const auto* i = std::get_if<std::int64_t>(&x)) return search(std::to_string(*i), re);
  if (const auto* d = std::get_if<double>(&x)) return search(fmt::format("{}", *d), re);
  if (const auto* b = std::get_if<bool>(&x)) return search(*b ? "true" : "false", re);
  if (const auto* date = std::get_if<Date>(&x)) return search(date->to_string(), re);
  return false;
}

bool compare(const SelectionExpr& test, const Operand& x) {
  if (std::holds_alternative<std::monostate>(x)) return test.op == Op::Ne;
  const SelectionValue& first = test.values.front();
  auto any_equal = [&] {
    return std::ranges::any_of(test.values, [&](const SelectionValue& v) { return equals(x, v); });
  };
  switch (test.op) {
    case Op::Eq:
    case Op::In:
      return any_equal();
    case Op::Ne:
      return !any_equal();
    case Op::Match:
      return regex_matches(x, *test.regex);
    case Op::Lt:
      return order(x, first) < 0;
    case Op::Le:
      return order(x, first) <= 0;
    case Op::Gt:
      return order(x, first) > 0;
    case Op::Ge:
      return order(x, first) >= 0;
  }
  return false;
}

/// The attribute column `test` names in `table`, trying the remembered column first.
std::optional<std::size_t> resolve_column(const SelectionExpr& test, const AttributeTable& table) {
  const std::uint32_t hint = test.column_hint.load(std::memory_order_relaxed);
  if (hint < table.size() && table.column(hint).name == test.field) return hint;
  auto found = table.find(test.field);
  if (found) test.column_hint.store(static_cast<std::uint32_t>(*found), std::memory_order_relaxed);
  return found;
}

Operand attribute_operand(const SelectionExpr& test, const AttributeTable& table,
                          std::size_t element) {
  auto column = resolve_column(test, table);
  if (!column) return {};
  return to_operand(table.get(*column, element));
}

template <class Fetch>
bool evaluate(const SelectionExpr& e, const Fetch& fetch) {
  switch (e.kind) {
    case SelectionExpr::Kind::And:
      return std::ranges::all_of(e.children, [&](const ExprPtr& c) { return evaluate(*c, fetch); });
    case SelectionExpr::Kind::Or:
      return std::ranges::any_of(e.children, [&](const ExprPtr& c) { return evaluate(*c, fetch); });
    case SelectionExpr::Kind::Not:
      return !evaluate(*e.children.front(), fetch);
    case SelectionExpr::Kind::Test:
      return compare(e, fetch(e));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Checking against a graph.

struct Checker {
  const Graph& graph;
  SelectionTarget target;
  const std::string& text;
  const std::string& origin;

  [[noreturn]] void fail(std::size_t column, const std::string& message) const {
    fail_at(text, origin, column, message);
  }

  void visit(const SelectionExpr& e) const {
    if (e.kind != SelectionExpr::Kind::Test) {
      for (const auto& child : e.children)
        visit(*child);
      return;
    }
    const AttrType type = field_type(e);
    const bool ordering = e.op == Op::Lt || e.op == Op::Le || e.op == Op::Gt || e.op == Op::Ge;
    if (ordering && (type == AttrType::Bool || type == AttrType::List))
      fail(e.op_column, fmt::format("'{}' does not apply to the {} field '{}'; use =, !=, ~ or in",
                                    e.op_text, to_string(type), e.field));
    if (e.op == Op::Match) return;
    check_names(e);
    for (const SelectionValue& v : e.values) {
      if ((type == AttrType::Integer || type == AttrType::Real) && !v.number)
        fail(v.column,
             fmt::format("expected a number for the field '{}', got '{}'", e.field, v.text));
      if (type == AttrType::Date && !v.date)
        fail(v.column, fmt::format("expected a date (YYYY, YYYY-MM or YYYY-MM-DD) for the field "
                                   "'{}', got '{}'",
                                   e.field, v.text));
      if (type == AttrType::Bool && !v.boolean)
        fail(v.column,
             fmt::format("expected true or false for the field '{}', got '{}'", e.field, v.text));
    }
  }

  // A test of a node id, kind or relation against a name the graph does not have would
  // silently match nothing (or, with `!=`, everything): almost always a typo, so an error.
  void check_names(const SelectionExpr& e) const {
    const Builtin field = target == SelectionTarget::Nodes ? e.node_field : e.edge_field;
    const bool names_node = field == Builtin::Id
                                ? target == SelectionTarget::Nodes
                                : field == Builtin::Source || field == Builtin::Target;
    const SymbolTable* symbols = field == Builtin::Kind       ? &graph.kinds()
                                 : field == Builtin::Relation ? &graph.relations()
                                                              : nullptr;
    // Only equality names a value; `<` and friends compare text bytewise against any bound.
    const bool equality = e.op == Op::Eq || e.op == Op::Ne || e.op == Op::In;
    if ((!names_node && !symbols) || !equality) return;
    for (const SelectionValue& v : e.values) {
      if (names_node && !graph.find_node(v.text))
        fail(v.column, fmt::format("no node has the id '{}' (ids are case-sensitive)", v.text));
      if (symbols && !symbols->find(v.text)) {
        std::vector<std::string_view> names;
        for (SymbolId id = 0; id < symbols->size(); ++id)
          names.push_back(symbols->name(id));
        std::ranges::sort(names);
        fail(v.column, fmt::format("no {} is called '{}'; the {}s are: {}", e.field, v.text,
                                   e.field, fmt::join(names, ", ")));
      }
    }
  }

  AttrType field_type(const SelectionExpr& e) const {
    const bool nodes = target == SelectionTarget::Nodes;
    const Builtin builtin = nodes ? e.node_field : e.edge_field;
    if (builtin != Builtin::None) return builtin_type(builtin);
    const AttributeTable& table = nodes ? graph.node_attributes() : graph.edge_attributes();
    if (auto column = resolve_column(e, table)) return table.column(*column).type;

    std::vector<std::string_view> fields;
    for (const auto& b : kBuiltins)
      if (nodes ? b.on_nodes : b.on_edges) fields.push_back(b.name);
    for (const auto& column : table.columns())
      fields.push_back(column.name);
    std::ranges::sort(fields);
    fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
    std::string hint;
    if (find_builtin(e.field))
      hint = fmt::format(" ('{}' is {} field)", e.field, nodes ? "an edge" : "a node");
    fail(e.field_column,
         fmt::format("unknown {} field '{}'{}; the {} fields are: {}", nodes ? "node" : "edge",
                     e.field, hint, nodes ? "node" : "edge", fmt::join(fields, ", ")));
  }
};

}  // namespace

Selection Selection::parse(std::string_view text, std::string_view origin) {
  Selection selection;
  selection.root_ = Parser(text, origin).parse();
  selection.text_ = std::string(text);
  selection.origin_ = std::string(origin);
  return selection;
}

void Selection::check(const Graph& graph, SelectionTarget target) const {
  if (root_) Checker{graph, target, text_, origin_}.visit(*root_);
}

bool Selection::matches_node(const Graph& graph, NodeIndex node) const {
  if (!root_) return true;
  const Node& n = graph.node(node);
  return evaluate(*root_, [&](const SelectionExpr& test) -> Operand {
    switch (test.node_field) {
      case Builtin::Id:
        return std::string_view(n.id);
      case Builtin::Label:
        return std::string_view(n.label);
      case Builtin::Kind:
        return std::string_view(graph.kind_name(node));
      case Builtin::Start:
        return to_operand(n.valid.start);
      case Builtin::End:
        return to_operand(n.valid.end);
      default:
        return attribute_operand(test, graph.node_attributes(), node);
    }
  });
}

bool Selection::matches_edge(const Graph& graph, EdgeIndex edge) const {
  if (!root_) return true;
  const Edge& e = graph.edge(edge);
  std::string id;  // the generated id must outlive the view of it
  return evaluate(*root_, [&](const SelectionExpr& test) -> Operand {
    switch (test.edge_field) {
      case Builtin::Id:
        id = graph.edge_id(edge);
        return std::string_view(id);
      case Builtin::Relation:
        return std::string_view(graph.relation_name(edge));
      case Builtin::Directed:
        return e.directed;
      case Builtin::Weight:
        return e.weight;
      case Builtin::Source:
        return std::string_view(graph.node(e.source).id);
      case Builtin::Target:
        return std::string_view(graph.node(e.target).id);
      case Builtin::Start:
        return to_operand(e.valid.start);
      case Builtin::End:
        return to_operand(e.valid.end);
      default:
        return attribute_operand(test, graph.edge_attributes(), edge);
    }
  });
}

}  // namespace actornet::graph
