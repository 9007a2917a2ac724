// The selection language: parsing, checking against a graph, and evaluation on nodes and edges.
//
// The fixture (node order: wang_xiaohong, blinken, dhs, mps, wg, summit, 北京):
//
//   wang_xiaohong ──met_with──> blinken     e0  directed, weight 3, from 2023-06
//   wang_xiaohong ───called──── dhs         e1  weight 1
//   mps ─────────member_of───── wg          e2  weight 2
//   dhs ─────────member_of───── wg          e3  weight 2.5, until 2024-06
//   blinken ─────attended─────> summit      e4  directed, [2023-11-15, 2023-11-16)
//   wang_xiaohong ───called──── blinken     call-2024  from 2024-01-26
//   北京 (isolated)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/graph.hpp"
#include "graph/selection.hpp"
#include "support/make_graph.hpp"

namespace {

using actornet::ParseError;
using actornet::graph::AttrType;
using actornet::graph::Date;
using actornet::graph::EdgeIndex;
using actornet::graph::Graph;
using actornet::graph::Interval;
using actornet::graph::NodeIndex;
using actornet::graph::Selection;
using actornet::graph::SelectionTarget;
using actornet::graph::Value;
using Ids = std::vector<std::string>;

Date date(std::string_view text) {
  return *Date::parse(text);
}

void set_node(Graph& g, std::string_view node, std::string_view attribute, AttrType type,
              Value value) {
  const auto column = g.node_attributes().declare(attribute, type);
  g.node_attributes().set(column, *g.find_node(node), std::move(value));
}

void set_edge(Graph& g, std::string_view edge, std::string_view attribute, AttrType type,
              Value value) {
  const auto column = g.edge_attributes().declare(attribute, type);
  g.edge_attributes().set(column, *g.find_edge(edge), std::move(value));
}

Graph fixture() {
  Graph g = actornet::testing::make_graph({{"wang_xiaohong", "blinken", "met_with", true, 3.0},
                                           {"wang_xiaohong", "dhs", "called"},
                                           {"mps", "wg", "member_of", false, 2.0},
                                           {"dhs", "wg", "member_of", false, 2.5},
                                           {"blinken", "summit", "attended", true}},
                                          {"北京"});
  actornet::graph::EdgeSpec call;
  call.id = "call-2024";
  call.source = *g.find_node("wang_xiaohong");
  call.target = *g.find_node("blinken");
  call.relation = "called";
  call.valid.start = date("2024-01-26");
  g.add_edge(call);

  auto node = [&](std::string_view id, std::string_view kind, std::string label,
                  Interval valid = {}) {
    auto& n = g.node(*g.find_node(id));
    n.kind = g.kinds().intern(kind);
    n.label = std::move(label);
    n.valid = valid;
  };
  node("wang_xiaohong", "person", "Wang Xiaohong", {date("2022-10"), {}});
  node("blinken", "person", "Antony Blinken", {date("2021-01-26"), date("2025-01-20")});
  node("dhs", "agency", "U.S. Department of Homeland Security");
  node("mps", "agency", "Ministry of Public Security", {date("1983"), {}});
  node("wg", "forum", "Counternarcotics Working Group");
  node("summit", "event", "Woodside summit", {date("2023-11-15"), date("2023-11-16")});
  node("北京", "country", "北京市");

  using S = std::string;
  set_node(g, "wang_xiaohong", "country", AttrType::String, S("CN"));
  set_node(g, "blinken", "country", AttrType::String, S("US"));
  set_node(g, "dhs", "country", AttrType::String, S("U.S."));
  set_node(g, "mps", "country", AttrType::String, S("CN"));
  set_node(g, "北京", "country", AttrType::String, S("CN"));
  set_node(g, "wang_xiaohong", "side", AttrType::String, S("China"));
  set_node(g, "mps", "side", AttrType::String, S("China"));
  set_node(g, "blinken", "side", AttrType::String, S("United States"));
  set_node(g, "dhs", "side", AttrType::String, S("United States"));
  set_node(g, "wg", "side", AttrType::String, S("United States"));
  set_node(g, "wang_xiaohong", "rank", AttrType::Integer, std::int64_t{3});
  set_node(g, "blinken", "rank", AttrType::Integer, std::int64_t{2});
  set_node(g, "mps", "rank", AttrType::Integer, std::int64_t{10});
  set_node(g, "北京", "rank", AttrType::Integer, std::int64_t{9007199254740993});  // 2^53 + 1
  set_node(g, "wang_xiaohong", "score", AttrType::Real, 0.5);
  set_node(g, "blinken", "score", AttrType::Real, 1.5);
  set_node(g, "dhs", "score", AttrType::Real, 2.0);
  set_node(g, "wang_xiaohong", "active", AttrType::Bool, true);
  set_node(g, "blinken", "active", AttrType::Bool, false);
  set_node(g, "wang_xiaohong", "born", AttrType::Date, date("1957"));
  set_node(g, "blinken", "born", AttrType::Date, date("1962-04-16"));
  set_node(g, "wang_xiaohong", "aliases", AttrType::List, std::vector<S>{"Wang", "王小洪"});
  set_node(g, "blinken", "aliases", AttrType::List, std::vector<S>{"Tony"});
  set_node(g, "summit", "note", AttrType::String, S(R"(say "hi" \ bye)"));

  g.edge(*g.find_edge("e0")).valid.start = date("2023-06");
  g.edge(*g.find_edge("e3")).valid.end = date("2024-06");
  g.edge(*g.find_edge("e4")).valid = {date("2023-11-15"), date("2023-11-16")};
  set_edge(g, "e0", "confidence", AttrType::Real, 0.9);
  set_edge(g, "e1", "confidence", AttrType::Real, 0.4);
  set_edge(g, "e0", "provenance", AttrType::String, S("Reuters, 2023-06-18"));
  set_edge(g, "e1", "provenance", AttrType::String, S("state media"));
  return g;
}

const Graph& graph() {
  static const Graph g = fixture();
  return g;
}

/// Ids of the fixture's nodes matching `expr` (checked first), in graph order.
Ids nodes(std::string_view expr, const Graph& g = graph()) {
  const auto selection = Selection::parse(expr);
  selection.check(g, SelectionTarget::Nodes);
  Ids out;
  for (NodeIndex n = 0; n < g.node_count(); ++n)
    if (selection.matches_node(g, n)) out.push_back(g.node(n).id);
  return out;
}

/// Ids of the fixture's edges matching `expr` (checked first), in graph order.
Ids edges(std::string_view expr, const Graph& g = graph()) {
  const auto selection = Selection::parse(expr);
  selection.check(g, SelectionTarget::Edges);
  Ids out;
  for (EdgeIndex e = 0; e < g.edge_count(); ++e)
    if (selection.matches_edge(g, e)) out.push_back(g.edge_id(e));
  return out;
}

std::optional<ParseError> parse_error(std::string_view expr) {
  try {
    (void)Selection::parse(expr, "--where");
  } catch (const ParseError& e) {
    return e;
  }
  return std::nullopt;
}

std::optional<ParseError> check_error(std::string_view expr, SelectionTarget target) {
  try {
    Selection::parse(expr, "--where").check(graph(), target);
  } catch (const ParseError& e) {
    return e;
  }
  return std::nullopt;
}

/// The error exists, sits at `column` of line 1 of "--where", says `says`, and ends with the
/// expression and a caret under `column`.
void expect_error(const std::optional<ParseError>& error, std::string_view expr, std::size_t column,
                  std::string_view says) {
  INFO("expression: ", std::string(expr));
  REQUIRE(error.has_value());
  INFO("message: ", error->message());
  CHECK(error->file() == "--where");
  CHECK(error->line() == 1);
  CHECK(error->column() == column);
  CHECK(error->message().find(says) != std::string::npos);
  const std::string caret = fmt::format("\n  {}\n  {}^", expr, std::string(column - 1, ' '));
  CHECK(error->message().ends_with(caret));
}

}  // namespace

TEST_CASE("equality, inequality and 'and' on text fields") {
  CHECK(nodes("kind=person") == Ids{"wang_xiaohong", "blinken"});
  CHECK(nodes("kind=person and country=CN") == Ids{"wang_xiaohong"});
  CHECK(nodes("kind != person") == Ids{"dhs", "mps", "wg", "summit", "北京"});
  CHECK(nodes("country = U.S.") == Ids{"dhs"});
  CHECK(nodes("country = cn").empty());  // case-sensitive
  CHECK(nodes("id = mps") == Ids{"mps"});
  CHECK(nodes(R"(label = "Wang Xiaohong")") == Ids{"wang_xiaohong"});
}

TEST_CASE("a missing value matches only '!='") {
  // wg and summit have no country.
  CHECK(nodes("country != CN") == Ids{"blinken", "dhs", "wg", "summit"});
  CHECK(nodes("not country = CN") == Ids{"blinken", "dhs", "wg", "summit"});
  CHECK(nodes("country ~ \"\"") == Ids{"wang_xiaohong", "blinken", "dhs", "mps", "北京"});
  CHECK(nodes("country < ZZ") == Ids{"wang_xiaohong", "blinken", "dhs", "mps", "北京"});
  CHECK(nodes("country in (CN, US, U.S.)") ==
        Ids{"wang_xiaohong", "blinken", "dhs", "mps", "北京"});
}

TEST_CASE("'in' lists") {
  CHECK(edges("relation in (met_with, called)") == Ids{"e0", "e1", "call-2024"});
  CHECK(nodes("kind in (agency, forum)") == Ids{"dhs", "mps", "wg"});
  CHECK(nodes("kind in (event)") == Ids{"summit"});
  CHECK(nodes("kind in ( other ,\"event\" )") == Ids{"summit"});
  // `in` is a keyword only where an operator is expected: IN (India) is a value.
  CHECK(nodes("country in (IN, CN)") == Ids{"wang_xiaohong", "mps", "北京"});
  CHECK(nodes("country = IN").empty());
  CHECK(nodes("rank in (3, 10)") == Ids{"wang_xiaohong", "mps"});
  CHECK(nodes("active in (true, false)") == Ids{"wang_xiaohong", "blinken"});
}

TEST_CASE("'not', precedence and parentheses") {
  CHECK(nodes("not kind=event") == Ids{"wang_xiaohong", "blinken", "dhs", "mps", "wg", "北京"});
  CHECK(nodes("not not kind=event") == Ids{"summit"});
  // `not` binds tighter than `and`, which binds tighter than `or`.
  CHECK(nodes("not kind=person and country=CN") == Ids{"mps", "北京"});
  CHECK(nodes("not (kind=person and country=CN)") ==
        Ids{"blinken", "dhs", "mps", "wg", "summit", "北京"});
  CHECK(nodes("kind=person or kind=agency and country=CN") ==
        Ids{"wang_xiaohong", "blinken", "mps"});
  CHECK(nodes("(kind=person or kind=agency) and country=CN") == Ids{"wang_xiaohong", "mps"});
  CHECK(nodes("kind=agency or kind=forum and side=China") == Ids{"dhs", "mps"});
  CHECK(nodes(R"((kind=agency or kind=forum) and side="United States")") == Ids{"dhs", "wg"});
  CHECK(nodes("((((kind=event))))") == Ids{"summit"});
  CHECK(nodes("kind=event or kind=forum or kind=country") == Ids{"wg", "summit", "北京"});
  CHECK(nodes("kind=person and rank>2 and country=CN") == Ids{"wang_xiaohong"});
}

TEST_CASE("keywords are case-insensitive, field names are not") {
  CHECK(nodes("kind=person AND Not country=CN") == Ids{"blinken"});
  CHECK(nodes("kind=agency OR kind=forum") == Ids{"dhs", "mps", "wg"});
  CHECK(nodes("kind In (event)") == Ids{"summit"});
  CHECK(check_error("Kind=person", SelectionTarget::Nodes).has_value());
}

TEST_CASE("whitespace is optional and may be any blank") {
  CHECK(nodes("kind=person") == nodes(" kind = person "));
  CHECK(nodes("\tkind\n=\r\nperson  ") == Ids{"wang_xiaohong", "blinken"});
  CHECK(nodes("(kind=person)and(country=CN)") == Ids{"wang_xiaohong"});
  CHECK(nodes("kind in(person,event)") == Ids{"wang_xiaohong", "blinken", "summit"});
}

TEST_CASE("text ordering is bytewise") {
  CHECK(nodes("id < c") == Ids{"blinken"});
  CHECK(nodes("label >= W") == Ids{"wang_xiaohong", "summit", "北京"});
  CHECK(nodes("id <= blinken") == Ids{"blinken"});
  CHECK(nodes("id > wang_xiaohong") == Ids{"wg", "北京"});
}

TEST_CASE("regular expressions: case-insensitive search") {
  CHECK(nodes(R"(label~"wang")") == Ids{"wang_xiaohong"});
  CHECK(nodes("label~Wang") == Ids{"wang_xiaohong"});
  CHECK(nodes(R"(label ~ "security$")") == Ids{"dhs", "mps"});
  CHECK(nodes(R"(label ~ "^u\.s\.")") == Ids{"dhs"});  // `\.` reaches the regex as is
  CHECK(edges(R"(id ~ "^e\d$")") == Ids{"e0", "e1", "e2", "e3", "e4"});
  CHECK(edges(R"(relation ~ "^(CALLED|attended)$")") == Ids{"e1", "e4", "call-2024"});
  CHECK(edges("provenance ~ reuters") == Ids{"e0"});
  CHECK(nodes(R"(not label ~ "s")") == Ids{"wang_xiaohong", "blinken", "北京"});
}

TEST_CASE("regular expressions search the text form of typed values") {
  CHECK(nodes(R"(score ~ "^1\.5$")") == Ids{"blinken"});
  CHECK(nodes(R"(rank ~ "^1")") == Ids{"mps"});
  CHECK(nodes(R"(start ~ "^2022")") == Ids{"wang_xiaohong"});
  CHECK(nodes(R"(start ~ "-")") == Ids{"wang_xiaohong", "blinken", "summit"});
  CHECK(nodes("active ~ TRU") == Ids{"wang_xiaohong"});
  CHECK(nodes(R"(aliases ~ "^t")") == Ids{"blinken"});
  CHECK(edges(R"(weight ~ "^2")") == Ids{"e2", "e3"});
  CHECK(edges("directed ~ true") == Ids{"e0", "e4"});
}

TEST_CASE("integer attributes compare numerically") {
  CHECK(nodes("rank >= 3") == Ids{"wang_xiaohong", "mps", "北京"});
  CHECK(nodes("rank > 2.5") == Ids{"wang_xiaohong", "mps", "北京"});
  CHECK(nodes("rank = 2") == Ids{"blinken"});
  CHECK(nodes("rank = 2.0") == Ids{"blinken"});
  CHECK(nodes("rank = \"2\"") == Ids{"blinken"});
  CHECK(nodes("rank != 2") == Ids{"wang_xiaohong", "dhs", "mps", "wg", "summit", "北京"});
  CHECK(nodes("rank < 10") == Ids{"wang_xiaohong", "blinken"});
  CHECK(nodes("rank <= 1e1") == Ids{"wang_xiaohong", "blinken", "mps"});
  CHECK(nodes("rank > -1 and rank < 3") == Ids{"blinken"});
  // Integers compare exactly when the value is an integer: 2^53 + 1 is not 2^53.
  CHECK(nodes("rank = 9007199254740993") == Ids{"北京"});
  CHECK(nodes("rank = 9007199254740992").empty());
}

TEST_CASE("real attributes and weights compare numerically") {
  CHECK(nodes("score > 1") == Ids{"blinken", "dhs"});
  CHECK(nodes("score = 2") == Ids{"dhs"});
  CHECK(nodes("score <= 0.5") == Ids{"wang_xiaohong"});
  CHECK(nodes("score >= -1") == Ids{"wang_xiaohong", "blinken", "dhs"});
  CHECK(edges("weight >= 2") == Ids{"e0", "e2", "e3"});
  CHECK(edges("weight = 2.5") == Ids{"e3"});
  CHECK(edges("weight < 2") == Ids{"e1", "e4", "call-2024"});
  CHECK(edges("confidence > 0.5") == Ids{"e0"});
  CHECK(edges("confidence != 0.9") == Ids{"e1", "e2", "e3", "e4", "call-2024"});
}

TEST_CASE("validity dates compare by first day at any precision") {
  // Starts: wang 2022-10, blinken 2021-01-26, mps 1983, summit 2023-11-15; others open.
  CHECK(nodes("start < 2024-06") == Ids{"wang_xiaohong", "blinken", "mps", "summit"});
  CHECK(nodes("start < 2022-10") == Ids{"blinken", "mps"});
  CHECK(nodes("start <= 2022-10") == Ids{"wang_xiaohong", "blinken", "mps"});
  CHECK(nodes("start = 2022-10") == Ids{"wang_xiaohong"});
  CHECK(nodes("start = 2022-10-01") == Ids{"wang_xiaohong"});
  CHECK(nodes("start = 2022").empty());
  CHECK(nodes("start = 1983") == Ids{"mps"});
  CHECK(nodes("start = 1983-01-01") == Ids{"mps"});
  CHECK(nodes("start > 1983") == Ids{"wang_xiaohong", "blinken", "summit"});
  CHECK(nodes("start >= 2023-11-15") == Ids{"summit"});
  CHECK(nodes("start > 2023-11-15").empty());
  CHECK(nodes("start >= 2021 and start < 2022") == Ids{"blinken"});
}

TEST_CASE("an open end never matches except with '!='") {
  CHECK(nodes("end < 2030") == Ids{"blinken", "summit"});
  CHECK(nodes("end > 2000") == Ids{"blinken", "summit"});
  CHECK(nodes("end = 2025-01-20") == Ids{"blinken"});
  CHECK(nodes("end != 2025-01-20") == Ids{"wang_xiaohong", "dhs", "mps", "wg", "summit", "北京"});
  CHECK(edges("end <= 2024-06") == Ids{"e3", "e4"});
  CHECK(edges("start < 2024") == Ids{"e0", "e4"});
  CHECK(edges("start >= 2024-01-26") == Ids{"call-2024"});
}

TEST_CASE("date attributes") {
  CHECK(nodes("born < 1960") == Ids{"wang_xiaohong"});
  CHECK(nodes("born >= 1962-04") == Ids{"blinken"});
  CHECK(nodes("born = 1962-04-16") == Ids{"blinken"});
  CHECK(nodes("born = \"1957\"") == Ids{"wang_xiaohong"});
  CHECK(nodes("born != 1957") == Ids{"blinken", "dhs", "mps", "wg", "summit", "北京"});
}

TEST_CASE("bool fields") {
  CHECK(edges("directed = true") == Ids{"e0", "e4"});
  CHECK(edges("directed = false") == Ids{"e1", "e2", "e3", "call-2024"});
  CHECK(edges("not directed = TRUE") == Ids{"e1", "e2", "e3", "call-2024"});
  CHECK(nodes("active = true") == Ids{"wang_xiaohong"});
  CHECK(nodes("active = False") == Ids{"blinken"});
  CHECK(nodes("active != true") == Ids{"blinken", "dhs", "mps", "wg", "summit", "北京"});
}

TEST_CASE("list attributes match when any item does") {
  CHECK(nodes("aliases = Wang") == Ids{"wang_xiaohong"});
  CHECK(nodes("aliases = 王小洪") == Ids{"wang_xiaohong"});
  CHECK(nodes("aliases = wang").empty());
  CHECK(nodes("aliases != Wang") == Ids{"blinken", "dhs", "mps", "wg", "summit", "北京"});
  CHECK(nodes("aliases in (Nobody, Tony)") == Ids{"blinken"});
}

TEST_CASE("edge built-ins: id, relation, source, target") {
  CHECK(edges("source = wang_xiaohong") == Ids{"e0", "e1", "call-2024"});
  CHECK(edges("target = wg") == Ids{"e2", "e3"});
  CHECK(edges("id = call-2024") == Ids{"call-2024"});
  CHECK(edges("id in (e0, e4)") == Ids{"e0", "e4"});
  CHECK(edges("relation = met_with or relation = attended") == Ids{"e0", "e4"});
  CHECK(edges(R"(provenance = "state media")") == Ids{"e1"});
  CHECK(edges("source = blinken or target = blinken") == Ids{"e0", "e4", "call-2024"});
}

TEST_CASE("unicode in bare words and strings") {
  CHECK(nodes("id = 北京") == Ids{"北京"});
  CHECK(nodes(R"(label = "北京市")") == Ids{"北京"});
  CHECK(nodes("label ~ 北京") == Ids{"北京"});
  CHECK(nodes("label ~ 市") == Ids{"北京"});
  CHECK(nodes("kind=country and id=北京") == Ids{"北京"});
}

TEST_CASE("string escapes: \\\" and \\\\, any other backslash kept") {
  CHECK(nodes(R"(note = "say \"hi\" \\ bye")") == Ids{"summit"});
  CHECK(nodes(R"(note = "say \"hi\" \ bye")") == Ids{"summit"});
  CHECK(nodes(R"(note ~ "\"hi\"")") == Ids{"summit"});
  CHECK(nodes(R"(label = "")").empty());
}

TEST_CASE("quoted fields, and built-ins over attributes of the same name") {
  Graph g = actornet::testing::make_graph({{"a", "b"}});
  set_node(g, "a", "full name", AttrType::String, std::string("Ann Lee"));
  set_node(g, "b", "not", AttrType::String, std::string("x"));
  set_node(g, "a", "label", AttrType::String, std::string("from the attribute"));
  CHECK(nodes(R"("full name" = "Ann Lee")", g) == Ids{"a"});
  CHECK(nodes(R"("not" = x)", g) == Ids{"b"});
  CHECK(nodes("label = a", g) == Ids{"a"});
  CHECK(nodes(R"(label = "from the attribute")", g).empty());
}

TEST_CASE("parse errors point at the offending token") {
  struct Case {
    std::string_view expr;
    std::size_t column;
    std::string_view says;
  };
  const Case cases[] = {
      {"", 1, "empty selection"},
      {"   ", 1, "empty selection"},
      {"kind=", 6, "expected a value after '='"},
      {"weight >", 9, "expected a value after '>'"},
      {"kind ~ (a)", 8, "expected a value after '~'"},
      {"kind = and", 8, "expected a value after '=' (quote \"and\""},
      {R"(label = "Wang)", 9, "unterminated string"},
      {R"(label = "Wang\")", 9, "unterminated string"},
      {"(kind=person", 13, "expected ')' to close '(' at column 1"},
      {"kind=a and (kind=b or kind=c", 29, "expected ')' to close '(' at column 12"},
      {"(kind=a kind=b)", 9, "expected ')' to close '(' at column 1"},
      {"kind=person foo", 13, "unexpected 'foo' after the end of the expression"},
      {R"(label="x" "y")", 11, "unexpected '\"y\"' after the end of the expression"},
      {"kind=person)", 12, "unexpected ')' without a matching '('"},
      {"kind person", 6, "expected an operator (=, !=, ~, <, <=, >, >= or in) after 'kind'"},
      {"kind", 5, "expected an operator"},
      {"kind == person", 7, "expected a value after '='"},
      {"kind in person", 9, "expected '(' after 'in'"},
      {"kind in (a b)", 12, "expected ',' or ')' in the list opened at column 9"},
      {"kind in (a", 11, "expected ',' or ')' in the list opened at column 9"},
      {"kind in ()", 10, "expected a value after '('"},
      {"kind in (a,)", 12, "expected a value after ','"},
      {"kind = a and", 13, "expected a field name, 'not' or '(' after 'and'"},
      {"kind=a or", 10, "expected a field name, 'not' or '(' after 'or'"},
      {"not", 4, "expected a field name, 'not' or '(' after 'not'"},
      {"and kind=a", 1, "expected a field name, 'not' or '('"},
      {"()", 2, "expected a field name, 'not' or '(' after '('"},
      {"in = x", 1, "expected a field name"},
      {"kind = a & b", 10, "unexpected '&'; write 'and'"},
      {"kind = a | b", 10, "unexpected '|'; write 'or'"},
      {"kind ! a", 6, "write '!=' or 'not'"},
      {"kind='a'", 6, "strings take double quotes"},
      {"kind = a; b", 9, "unexpected character ';'"},
      {R"(label~"[a")", 7, "invalid regular expression"},
      {R"(kind=a or label ~ "(")", 19, "invalid regular expression"},
  };
  for (const Case& c : cases)
    expect_error(parse_error(c.expr), c.expr, c.column, c.says);
}

TEST_CASE("regular expressions: repetition counts above 1000 are errors") {
  // RE2's own limit, nested counts multiplied.
  expect_error(parse_error(R"(label ~ "a{100000}")"), R"(label ~ "a{100000}")", 9,
               "invalid repetition {100000} in a ~ pattern: a count may be at most 1000");
  expect_error(parse_error(R"(label ~ "a{2,1001}")"), R"(label ~ "a{2,1001}")", 9,
               "invalid repetition {2,1001}");
  expect_error(parse_error(R"(label ~ "(a{10}){101}")"), R"(label ~ "(a{10}){101}")", 9,
               "invalid repetition {101}");
  expect_error(parse_error(R"(label ~ "a{3,2}")"), R"(label ~ "a{3,2}")", 9,
               "a minimum no more than its maximum");
  CHECK(nodes(R"(id ~ "^w.{3,1000}$")") == Ids{"wang_xiaohong"});
  CHECK(nodes(R"(id ~ "^(.{1,10}){1,100}$")").size() == 7);
  // Found by fuzzing when std::regex overflowed reading it as a back-reference number; RE2
  // reads \333 as an octal escape (U+00DB) followed by digits, which no id contains.
  CHECK(nodes(R"(id ~"\3333333333333333333333")").empty());
}

TEST_CASE("regular expressions: back-references and lookaround are errors that say so") {
  const std::string_view backreference =
      "back-references are not supported in ~ patterns; RE2 syntax: "
      "https://github.com/google/re2/wiki/Syntax";
  expect_error(parse_error(R"(label ~ "(o)\1")"), R"(label ~ "(o)\1")", 9, backreference);
  expect_error(parse_error(R"(kind = event and label ~ "(?P<x>o)\k<x>")"),
               R"(kind = event and label ~ "(?P<x>o)\k<x>")", 26, backreference);
  expect_error(parse_error(R"(id~"(a)\9")"), R"(id~"(a)\9")", 4, backreference);
  for (std::string_view expr : {R"x(label ~ "Wang(?= )")x", R"x(label ~ "Wang(?! )")x",
                                R"(label ~ "(?<=U\.)S")", R"(label ~ "(?<!U\.)S")"}) {
    expect_error(parse_error(expr), expr, 9,
                 "lookahead and lookbehind are not supported in ~ patterns; RE2 syntax: "
                 "https://github.com/google/re2/wiki/Syntax");
  }
  expect_error(parse_error(R"x(label ~ "(?<x>o)")x"), R"x(label ~ "(?<x>o)")x", 9,
               "a named group is written (?P<name>...) in ~ patterns");
  CHECK(nodes(R"x(label ~ "(?P<x>oo)")x") == Ids{"summit"});
  // RE2 reads \0 and \1 followed by two digits as octal: \101 is "A".
  CHECK(nodes(R"(label ~ "^\101ntony")") == Ids{"blinken"});
}

TEST_CASE("regular expressions: other invalid patterns quote RE2's error") {
  expect_error(parse_error(R"(label ~ "[a")"), R"(label ~ "[a")", 9,
               "invalid regular expression: missing ]: [a; RE2 syntax: "
               "https://github.com/google/re2/wiki/Syntax");
  expect_error(parse_error(R"x(label ~ "a)")x"), R"x(label ~ "a)")x", 9,
               "invalid regular expression: unexpected ): a)");
  expect_error(parse_error(R"(label ~ "*")"), R"(label ~ "*")", 9,
               "invalid regular expression: no argument for repetition operator: *");
  expect_error(parse_error(R"(label ~ "a\\")"), R"(label ~ "a\\")", 9,
               "invalid regular expression: trailing \\; RE2 syntax");
  // A pattern that compiles past the memory limit: a thousand Unicode letters, case-folded.
  expect_error(parse_error(R"(label ~ "\pL{1000}")"), R"(label ~ "\pL{1000}")", 9,
               "regular expression too large: it needs more than 8 MiB compiled");
}

namespace {

// Labels in several scripts and cases, and two long runs of '-' (100,000 bytes: a backtracking
// engine recursing per character would overflow the stack on them).
//
//   zhou ── zhou_upper      zhou_ascii   later   dashes   dashes_a   empty (label "")
Graph regex_fixture() {
  Graph g = actornet::testing::make_graph({{"zhou", "zhou_upper"}},
                                          {"zhou_ascii", "later", "dashes", "dashes_a", "empty"});
  auto label = [&](std::string_view id, std::string text) {
    g.node(*g.find_node(id)).label = std::move(text);
  };
  label("zhou", "Zhōu Enlai");
  label("zhou_upper", "ZHŌU ENLAI");
  label("zhou_ascii", "Zhou Enlai");
  label("later", "Premier Zhōu");
  label("dashes", std::string(100000, '-'));
  label("dashes_a", std::string(100000, '-') + "a");
  label("empty", "");  // set after add_node, which gives an empty label the id
  return g;
}

}  // namespace

TEST_CASE("regular expressions: UTF-8, case folding and anchors") {
  const Graph g = regex_fixture();
  CHECK(nodes(R"(label ~ "^Zhōu")", g) == Ids{"zhou", "zhou_upper"});
  CHECK(nodes(R"(label ~ "^zhŌu")", g) == Ids{"zhou", "zhou_upper"});
  CHECK(nodes(R"(label ~ "zhōu")", g) == Ids{"zhou", "zhou_upper", "later"});
  CHECK(nodes(R"(label ~ "zhōu$")", g) == Ids{"later"});
  CHECK(nodes(R"(label ~ "^zhou enlai$")", g) == Ids{"zhou_ascii"});
  CHECK(nodes(R"(label ~ "enlai$")", g) == Ids{"zhou", "zhou_upper", "zhou_ascii"});
  // `.` is one character, not one byte: ō is two bytes in UTF-8.
  CHECK(nodes(R"(label ~ "^.{4} ")", g) == Ids{"zhou", "zhou_upper", "zhou_ascii"});
  CHECK(nodes(R"(label ~ "^\pL+ \pL+$")", g) == Ids{"zhou", "zhou_upper", "zhou_ascii", "later"});
  CHECK(nodes(R"(label ~ "^$")", g) == Ids{"empty"});
  // Search, not a whole-value match, unless anchored.
  CHECK(nodes(R"(label ~ "-a")", g) == Ids{"dashes_a"});
  CHECK(nodes(R"(label ~ "^(-|-)+$")", g) == Ids{"dashes"});
  CHECK(nodes(R"(label ~ "^(-|-)*a$")", g) == Ids{"dashes_a"});
}

TEST_CASE("regular expressions: nested repetition runs in linear time") {
  // Found by fuzzing: std::regex ran for more than 20 s on this expression. In RE2 (as in
  // ECMAScript) a repetition of a repetition such as `**` is a syntax error.
  const std::string_view fuzzed = R"(id ~"(a|-*******)*******a|-***\ ")";
  expect_error(parse_error(fuzzed), fuzzed, 5,
               "invalid regular expression: bad repetition operator: **");
  // The same shape with single stars is valid, and what makes a backtracking engine take
  // exponential time on a long run of '-' with no 'a' or space after it.
  const Graph g = regex_fixture();
  CHECK(nodes(R"(label ~ "(a|-*)*a|-*\ ")", g) ==
        Ids{"zhou", "zhou_upper", "zhou_ascii", "later", "dashes_a"});
  CHECK(nodes(R"(label ~ "^(-*)*$")", g) == Ids{"dashes", "empty"});
  CHECK(nodes(R"(label ~ "^(-|--)*(-|--)*b")", g).empty());
}

TEST_CASE("the error text leads with file, line and column") {
  const auto error = parse_error("kind=");
  REQUIRE(error);
  CHECK(std::string(error->what()).starts_with("--where:1:6: expected a value after '='\n"));
}

TEST_CASE("the caret counts characters, not bytes, after non-ASCII text") {
  const std::string_view expr = R"(label="北京" foo)";
  const auto error = parse_error(expr);
  REQUIRE(error);
  CHECK(error->column() == 16);  // bytes: 7 + 6 + 1 + 1 before 'foo'
  CHECK(error->message().ends_with(fmt::format("\n  {}\n  {}^", expr, std::string(11, ' '))));
}

TEST_CASE("nesting is limited to 256 levels of '(' and 'not'") {
  const auto parens = [](std::size_t depth) {
    return std::string(depth, '(') + "kind=event" + std::string(depth, ')');
  };
  CHECK(nodes(parens(256)) == Ids{"summit"});
  expect_error(parse_error(parens(257)), parens(257), 257, "more than 256 levels deep");
  expect_error(parse_error(parens(100000)), parens(100000), 257, "more than 256 levels deep");

  std::string nots;
  for (int i = 0; i < 256; ++i)
    nots += "not ";
  CHECK(nodes(nots + "kind=event") == Ids{"summit"});
  const std::string too_deep = nots + "not kind=event";
  expect_error(parse_error(too_deep), too_deep, 1025, "more than 256 levels deep");

  // Long flat chains are not nesting.
  std::string chain = "kind=event";
  for (int i = 0; i < 2000; ++i)
    chain += " or kind=other";
  CHECK(nodes(chain) == Ids{"summit"});
}

TEST_CASE("check: unknown fields are errors listing the available ones") {
  expect_error(check_error("countr = CN", SelectionTarget::Nodes), "countr = CN", 1,
               "unknown node field 'countr'; the node fields are: active, aliases, born, "
               "country, end, id, kind, label, note, rank, score, side, start");
  expect_error(check_error("relation=met_with and kind=person", SelectionTarget::Edges),
               "relation=met_with and kind=person", 23,
               "unknown edge field 'kind' ('kind' is a node field); the edge fields are: "
               "confidence, directed, end, id, provenance, relation, source, start, target, "
               "weight");
  expect_error(check_error("kind=person or relation = met_with", SelectionTarget::Nodes),
               "kind=person or relation = met_with", 16,
               "unknown node field 'relation' ('relation' is an edge field)");
  expect_error(check_error("country = CN", SelectionTarget::Edges), "country = CN", 1,
               "unknown edge field 'country'");
}

TEST_CASE("check: values must fit the field's type") {
  expect_error(check_error("rank > heavy", SelectionTarget::Nodes), "rank > heavy", 8,
               "expected a number for the field 'rank', got 'heavy'");
  expect_error(check_error("kind=person or rank in (1, x)", SelectionTarget::Nodes),
               "kind=person or rank in (1, x)", 28, "expected a number for the field 'rank'");
  // `,` outside a list is not part of the value.
  expect_error(check_error("weight >= 1,5", SelectionTarget::Edges), "weight >= 1,5", 12,
               "unexpected ',' after the end of the expression");
  expect_error(check_error("weight = nan", SelectionTarget::Edges), "weight = nan", 10,
               "expected a number for the field 'weight'");
  expect_error(check_error("start < 2024-13", SelectionTarget::Nodes), "start < 2024-13", 9,
               "expected a date (YYYY, YYYY-MM or YYYY-MM-DD) for the field 'start'");
  expect_error(check_error(R"(born = "1957-02-30")", SelectionTarget::Nodes),
               R"(born = "1957-02-30")", 8, "expected a date");
  expect_error(check_error("directed = yes", SelectionTarget::Edges), "directed = yes", 12,
               "expected true or false for the field 'directed', got 'yes'");
  expect_error(check_error("directed < true", SelectionTarget::Edges), "directed < true", 10,
               "'<' does not apply to the bool field 'directed'");
  expect_error(check_error("aliases >= a", SelectionTarget::Nodes), "aliases >= a", 9,
               "'>=' does not apply to the list field 'aliases'");
  // `~` values are patterns, never typed.
  CHECK_FALSE(check_error(R"(rank ~ "x")", SelectionTarget::Nodes).has_value());
  CHECK_FALSE(check_error("start ~ soon", SelectionTarget::Nodes).has_value());
}

TEST_CASE("check: ids, kinds and relations must be ones the graph has") {
  expect_error(check_error("id in (blinken, Blinken)", SelectionTarget::Nodes),
               "id in (blinken, Blinken)", 17,
               "no node has the id 'Blinken' (ids are case-sensitive)");
  expect_error(check_error("id != nobody", SelectionTarget::Nodes), "id != nobody", 7,
               "no node has the id 'nobody'");
  expect_error(check_error("source = dhs or target = cia", SelectionTarget::Edges),
               "source = dhs or target = cia", 26, "no node has the id 'cia'");
  expect_error(check_error("kind = persn", SelectionTarget::Nodes), "kind = persn", 8,
               "no kind is called 'persn'; the kinds are: agency, country, event, forum, other, "
               "person");
  expect_error(check_error("relation in (met_with, meets)", SelectionTarget::Edges),
               "relation in (met_with, meets)", 24, "no relation is called 'meets'");
  // An edge id names an edge, not a node; patterns are never names.
  CHECK_FALSE(check_error("id = call-2024", SelectionTarget::Edges).has_value());
  CHECK_FALSE(check_error("id ~ nobody", SelectionTarget::Nodes).has_value());
  CHECK_FALSE(check_error("kind ~ pers", SelectionTarget::Nodes).has_value());
  CHECK(nodes("id in (blinken, 北京)") == Ids{"blinken", "北京"});
}

TEST_CASE("without check, unknown fields and mistyped values read as missing") {
  const Graph& g = graph();
  for (std::string_view expr : {"nosuch = x", "rank = heavy", "start < soon", "kind ~ ."}) {
    const auto selection = Selection::parse(expr);
    INFO(std::string(expr));
    for (EdgeIndex e = 0; e < g.edge_count(); ++e)
      CHECK_FALSE(selection.matches_edge(g, e));
  }
  const auto negated = Selection::parse("nosuch != x");
  for (NodeIndex n = 0; n < g.node_count(); ++n)
    CHECK(negated.matches_node(g, n));
  const auto mistyped = Selection::parse("rank != heavy");
  for (NodeIndex n = 0; n < g.node_count(); ++n)
    CHECK(mistyped.matches_node(g, n));
}

TEST_CASE("attribute columns are found by name in every graph") {
  Graph first = actornet::testing::make_graph({{"a", "b"}});
  set_node(first, "a", "x", AttrType::Integer, std::int64_t{1});
  set_node(first, "b", "y", AttrType::String, std::string("one"));
  Graph second = actornet::testing::make_graph({{"a", "b"}});
  set_node(second, "b", "y", AttrType::String, std::string("one"));
  set_node(second, "b", "x", AttrType::Integer, std::int64_t{1});
  set_edge(second, "e0", "x", AttrType::Integer, std::int64_t{1});

  const auto selection = Selection::parse("x = 1");
  for (int round = 0; round < 2; ++round) {
    CHECK(selection.matches_node(first, 0));
    CHECK_FALSE(selection.matches_node(first, 1));
    CHECK_FALSE(selection.matches_node(second, 0));
    CHECK(selection.matches_node(second, 1));
    CHECK(selection.matches_edge(second, 0));
    CHECK_FALSE(selection.matches_edge(first, 0));
  }

  // A column declared after a first evaluation is found.
  const auto late = Selection::parse("late = true");
  CHECK_FALSE(late.matches_node(first, 0));
  set_node(first, "a", "late", AttrType::Bool, true);
  CHECK(late.matches_node(first, 0));
  CHECK_FALSE(late.matches_node(first, 1));
}

TEST_CASE("copies share the parsed expression; a default Selection matches everything") {
  const auto original = Selection::parse(" kind = event ");
  const Selection copy = original;
  CHECK(copy.text() == " kind = event ");
  CHECK(copy.matches_node(graph(), *graph().find_node("summit")));
  CHECK_FALSE(copy.matches_node(graph(), *graph().find_node("wg")));

  const Selection everything;
  CHECK_NOTHROW(everything.check(graph(), SelectionTarget::Edges));
  CHECK(everything.matches_node(graph(), 0));
  CHECK(everything.matches_edge(graph(), 0));
  CHECK(everything.text().empty());
}
