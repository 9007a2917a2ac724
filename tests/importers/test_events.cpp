// Event data: the CAMEO table, the small parsers, and the GDELT, ICEWS and ACLED readers on the
// hand-made files of tests/golden/inputs/events (every column type, malformed rows, a zipped
// export), with filters, aliases and aggregation.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/aliases.hpp"
#include "importers/cameo.hpp"
#include "importers/events.hpp"
#include "importers/formats.hpp"
#include "importers/import.hpp"
#include "tests/importers/csv_fixture.hpp"
#include "tests/importers/foreign_fixture.hpp"

using actornet::graph::Date;
using actornet::graph::Graph;
using actornet::importers::EventAggregate;
using actornet::importers::EventRelation;
using actornet::importers::import_graph;
using actornet::importers::ImportOptions;
using actornet::importers::ImportResult;
using namespace actornet::importers;
using namespace actornet::testing;

namespace {

const std::string kEvents = std::string(ACTORNET_SOURCE_DIR) + "/tests/golden/inputs/events/";

std::string str(const Graph& g, actornet::graph::EdgeIndex e, std::string_view name) {
  return actornet::graph::format_value(g.edge_attribute(e, name));
}

std::string node_str(const Graph& g, std::string_view id, std::string_view name) {
  const auto n = g.find_node(id);
  REQUIRE(n.has_value());
  return actornet::graph::format_value(g.node_attribute(*n, name));
}

std::vector<std::size_t> rejected_lines(const ImportResult& r) {
  std::vector<std::size_t> lines;
  for (const auto& e : r.report.rejected)
    lines.push_back(e.line);
  return lines;
}

bool has_note(const ImportResult& r, std::string_view text) {
  return std::any_of(r.report.notes.begin(), r.report.notes.end(),
                     [&](const auto& n) { return n.message.find(text) != std::string::npos; });
}

std::string endpoints(const Graph& g, actornet::graph::EdgeIndex e) {
  return g.node(g.edge(e).source).id + " -> " + g.node(g.edge(e).target).id;
}

}  // namespace

TEST_CASE("the CAMEO table: well-formed codes under their roots, root names, QuadClasses") {
  std::set<std::string_view> codes;
  for (const auto& t : cameo::event_types()) {
    CAPTURE(t.code);
    CHECK(codes.insert(t.code).second);
    CHECK(t.code.size() >= 2);
    CHECK(t.code.size() <= 4);
    CHECK(std::all_of(t.code.begin(), t.code.end(), [](char c) { return c >= '0' && c <= '9'; }));
    // Every code sits under its root and, for four digits, under its three-digit parent.
    CHECK(cameo::find_event(t.code.substr(0, 2)) != nullptr);
    if (t.code.size() == 4) CHECK(cameo::find_event(t.code.substr(0, 3)) != nullptr);
    CHECK(!t.name.empty());
  }
  CHECK(codes.size() == cameo::event_types().size());
  for (int root = 1; root <= 20; ++root)
    CHECK(cameo::find_event(fmt::format("{:02}", root))->name == cameo::root_name(root));
  CHECK(cameo::root_relation(4) == "consult");
  CHECK(cameo::root_relation(20) == "use_unconventional_mass_violence");
  CHECK(cameo::root_relation(0).empty());
  // GDELT 2.0 Event Codebook: 01-05 verbal cooperation, 06-08 material cooperation, 09-13
  // verbal conflict, 14-20 material conflict.
  const int expected[21] = {0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4};
  for (int root = 0; root <= 20; ++root)
    CHECK(cameo::quad_class_of_root(root) == expected[root]);
  CHECK(cameo::quad_class_name(2) == "material_cooperation");
  CHECK(*cameo::root_of("0211") == 2);
  CHECK(!cameo::root_of("999"));
  // Names: the event code wins over its root ("Consult" is 040, not 04); case-insensitive.
  CHECK(*cameo::code_for_name("Consult") == "040");
  CHECK(*cameo::code_for_name("fight with small arms and light weapons") == "193");
  CHECK(*cameo::code_for_name("Reject judicial cooperation") == "1213");
  CHECK(!cameo::code_for_name("Have lunch"));
  CHECK(cameo::relation_word("Explosions/Remote violence") == "explosions_remote_violence");
  CHECK(cameo::relation_word("  Make a visit ") == "make_a_visit");
  CHECK(cameo::relation_word("Meet at a 'third' location") == "meet_at_a_third_location");
}

TEST_CASE("GDELT actor codes give kinds") {
  using cameo::gdelt_actor_kind;
  CHECK(gdelt_actor_kind("USA", "USA", "", {"", "", ""}) == "country");
  CHECK(gdelt_actor_kind("USAGOV", "USA", "", {"GOV", "", ""}) == "agency");
  CHECK(gdelt_actor_kind("CHNCOP", "CHN", "", {"COP", "", ""}) == "agency");
  CHECK(gdelt_actor_kind("IGOUNO", "", "UNO", {"IGO", "", ""}) == "organization");
  CHECK(gdelt_actor_kind("UNO", "", "UNO", {"", "", ""}) == "organization");
  CHECK(gdelt_actor_kind("SYRREB", "SYR", "", {"REB", "", ""}) == "armed_group");
  CHECK(gdelt_actor_kind("USABUS", "USA", "", {"BUS", "", ""}) == "business");
  CHECK(gdelt_actor_kind("CHNCVL", "CHN", "", {"CVL", "", ""}) == "group");
  CHECK(gdelt_actor_kind("", "", "", {"", "", ""}) == "other");
}

TEST_CASE("every Event Text of the ICEWS samples names a CAMEO code") {
  if (!have_shared_data()) return;
  for (const char* set : {"icews14", "icews05_15_sample"}) {
    const auto r = import_shared(std::string(set) + "/edges.csv.gz");
    std::set<std::string> unknown;
    for (actornet::graph::EdgeIndex e = 0; e < r.graph.edge_count(); ++e)
      if (!cameo::code_for_name(str(r.graph, e, "event_type")))
        unknown.insert(str(r.graph, e, "event_type"));
    CAPTURE(set);
    CHECK(unknown.empty());
  }
}

TEST_CASE("dates and codes as event files write them") {
  CHECK(*events::parse_gdelt_day("20150218") == Date::from_ymd(2015, 2, 18));
  CHECK(!events::parse_gdelt_day("20150229"));
  CHECK(!events::parse_gdelt_day("2015021"));
  CHECK(!events::parse_gdelt_day("2015-02-1"));
  CHECK(*events::parse_acled_date("2023-04-15") == Date::from_ymd(2023, 4, 15));
  CHECK(*events::parse_acled_date("16 April 2023") == Date::from_ymd(2023, 4, 16));
  CHECK(*events::parse_acled_date("17-Apr-2023") == Date::from_ymd(2023, 4, 17));
  CHECK(*events::parse_acled_date(" 1 SEPTEMBER 2020 ") == Date::from_ymd(2020, 9, 1));
  CHECK(!events::parse_acled_date("2023-04-31"));
  CHECK(!events::parse_acled_date("2023-04"));
  CHECK(!events::parse_acled_date("31 Foo 2020"));
  CHECK(!events::parse_acled_date("1 May 20"));
  CHECK(*events::normalise_cameo_code("042") == "042");
  CHECK(*events::normalise_cameo_code("42") == "042");
  CHECK(*events::normalise_cameo_code("211") == "0211");
  CHECK(*events::normalise_cameo_code("10") == "10");  // a root as written
  CHECK(!events::normalise_cameo_code("999"));
  CHECK(!events::normalise_cameo_code("4"));
}

TEST_CASE("names fold without case, punctuation or extra space, Unicode-aware") {
  CHECK(fold_name("Wang Xiaohong") == "wang xiaohong");
  CHECK(fold_name("  WANG   XIAOHONG ") == "wang xiaohong");
  CHECK(fold_name("U.S.") == "us");
  CHECK(fold_name("Xiao-hong") == "xiaohong");
  CHECK(fold_name("People's Republic of China") == "peoples republic of china");
  CHECK(fold_name("\xEF\xBC\xB7\xEF\xBC\xA1\xEF\xBC\xAE\xEF\xBC\xA7 Xiaohong") ==
        "wang xiaohong");  // full-width WANG
  CHECK(fold_name("STRASSE") == fold_name("Stra\xC3\x9F"
                                          "e"));  // German sharp s
  CHECK(fold_name("\xC3\x89LYS\xC3\x89"
                  "E") ==
        "\xC3\xA9lys\xC3\xA9"
        "e");  // ÉLYSÉE
  CHECK(fold_name("\xE7\x8E\x8B\xE5\xB0\x8F\xE6\xB4\xAA\xE3\x80\x82") ==
        "\xE7\x8E\x8B\xE5\xB0\x8F\xE6\xB4\xAA");  // a CJK name with an ideographic full stop
  CHECK(fold_name("--").empty());
}

TEST_CASE("GDELT: every column type, malformed rows listed with their line, one-sided events") {
  const auto r = import_graph({kEvents + "20150218.export.CSV"});
  const auto& g = r.graph;
  CHECK(r.report.edge_rows == 14);
  CHECK(rejected_lines(r) == std::vector<std::size_t>{5, 8, 9, 12, 13, 14});
  CHECK(r.report.rejected[0].message.find("60 tab-separated fields") != std::string::npos);
  CHECK(r.report.rejected[1].message.find("Day '20151345'") != std::string::npos);
  CHECK(r.report.rejected[2].message.find("GoldsteinScale 'x.5'") != std::string::npos);
  CHECK(r.report.rejected[3].message.find("EventCode '999'") != std::string::npos);
  CHECK(r.report.rejected[4].message.find("QuadClass '7'") != std::string::npos);
  CHECK(r.report.rejected[5].message.find("NumMentions '-3'") != std::string::npos);
  CHECK(has_note(r, "1 events name fewer than two actors"));
  CHECK(has_note(r, "14 events read, 7 kept; 6 actors"));
  // "UNITED STATES" appears as USAGOV first, then as USA: one node, the conflict reported.
  CHECK(has_note(r, "2 actors appear with more than one code or country"));
  REQUIRE(g.edge_count() == 7);
  CHECK(g.node_count() == 6);
  CHECK(!g.find_node("REBEL GROUP"));

  // The first event, column by column.
  CHECK(endpoints(g, 0) == "UNITED STATES -> MINISTRY OF PUBLIC SECURITY");
  CHECK(g.relation_name(0) == "consult");
  CHECK(g.edge(0).directed);
  CHECK(g.edge(0).weight == 1.0);
  CHECK(g.edge(0).valid.to_string() == "2015-02-01/2015-02-02");
  CHECK(str(g, 0, "event_id") == "410412347");
  CHECK(str(g, 0, "cameo") == "040");
  CHECK(str(g, 0, "quad_class") == "1");
  CHECK(str(g, 0, "goldstein") == "1");
  CHECK(str(g, 0, "mentions") == "10");
  CHECK(str(g, 0, "sources") == "2");
  CHECK(str(g, 0, "articles") == "10");
  CHECK(str(g, 0, "tone") == "2.5");
  CHECK(str(g, 0, "provenance") == "https://news.example.org/story/410412347");
  CHECK(str(g, 6, "provenance") == "https://news.example.org/a?b=1&c=2");
  CHECK(str(g, 5, "tone") == "-7.123456");
  CHECK(g.relation_name(4) == "appeal");
  CHECK(str(g, 4, "cameo") == "0231");
  CHECK(g.relation_name(5) == "coerce");

  // Actors: kinds from codes, codes and countries as attributes (the first seen kept).
  CHECK(g.kind_name(*g.find_node("UNITED STATES")) == "agency");
  CHECK(node_str(g, "UNITED STATES", "code") == "USAGOV");
  CHECK(node_str(g, "UNITED STATES", "country") == "USA");
  CHECK(node_str(g, "UNITED STATES", "types") == "GOV");
  CHECK(g.kind_name(*g.find_node("MINISTRY OF PUBLIC SECURITY")) == "agency");
  CHECK(g.kind_name(*g.find_node("CHINA")) == "country");
  CHECK(g.kind_name(*g.find_node("UNITED NATIONS")) == "organization");
  CHECK(node_str(g, "UNITED NATIONS", "known_group") == "UNO");
  CHECK(g.kind_name(*g.find_node("COMPANY")) == "business");
  CHECK(g.kind_name(*g.find_node("CITIZEN")) == "group");
}

TEST_CASE("GDELT: --strict stops at the first malformed row with its line and column") {
  ImportOptions o;
  o.strict = true;
  const auto error = parse_error_of([&] { import_graph({kEvents + "20150218.export.CSV"}, o); });
  REQUIRE(error);
  CHECK(error->line() == 5);
  CHECK(error->message().find("61") != std::string::npos);
}

TEST_CASE("GDELT: the zipped export is read directly, as the plain file") {
  const auto zipped = import_graph({kEvents + "gdelt-clean.export.CSV.zip"});
  CHECK(zipped.report.rejected.empty());
  CHECK(zipped.graph.edge_count() == 7);
  CHECK(zipped.report.files.at(0).ends_with(".zip:gdelt-clean.export.CSV"));
  const auto plain = import_graph({kEvents + "20150218.export.CSV"});
  for (actornet::graph::EdgeIndex e = 0; e < 7; ++e) {
    CHECK(endpoints(zipped.graph, e) == endpoints(plain.graph, e));
    CHECK(str(zipped.graph, e, "event_id") == str(plain.graph, e, "event_id"));
  }
  // A .zip that is not an archive.
  TempDir dir;
  const auto fake = dir.write("broken.zip", "PK this is not an archive");
  const auto error = parse_error_of([&] { import_graph({fake}); });
  REQUIRE(error);
  CHECK(error->message().find("zip") != std::string::npos);
}

TEST_CASE("GDELT filters: CAMEO prefixes, QuadClass, countries, dates") {
  const std::string file = kEvents + "20150218.export.CSV";
  auto kept = [&](auto set) {
    ImportOptions o;
    set(o);
    return import_graph({file}, o).graph.edge_count();
  };
  CHECK(kept([](ImportOptions& o) { o.events.cameo = {"04"}; }) == 4);
  CHECK(kept([](ImportOptions& o) { o.events.cameo = {"042", "17"}; }) == 3);
  CHECK(kept([](ImportOptions& o) { o.events.quad = {4}; }) == 2);
  CHECK(kept([](ImportOptions& o) { o.events.quad = {1, 4}; }) == 7);
  CHECK(kept([](ImportOptions& o) { o.events.countries = {"chn"}; }) == 7);
  CHECK(kept([](ImportOptions& o) { o.events.countries = {"usa"}; }) == 6);  // not CHINA -> UN
  CHECK(kept([](ImportOptions& o) { o.events.countries = {"SYR"}; }) == 0);
  CHECK(kept([](ImportOptions& o) { o.events.from = Date::from_ymd(2015, 2, 15); }) == 5);
  CHECK(kept([](ImportOptions& o) { o.events.to = Date::year_month(2015, 2); }) == 6);
  CHECK(kept([](ImportOptions& o) {
          o.events.from = Date::year_month(2015, 3);
          o.events.to = Date::year_month(2015, 3);
        }) == 1);
  ImportOptions o;
  o.events.cameo = {"04"};
  const auto r = import_graph({file}, o);
  CHECK(has_note(r, "4 events of other CAMEO codes than --cameo left out"));
}

TEST_CASE("GDELT aggregation: dyad, dyad-month, dyad-year keep counts, means and dates") {
  const std::string file = kEvents + "20150218.export.CSV";
  ImportOptions o;
  o.events.aggregate = EventAggregate::DyadMonth;
  auto r = import_graph({file}, o);
  const auto& g = r.graph;
  // USA -> CHINA consult: 042 and 043 in February, 046 in March: two month edges.
  std::vector<actornet::graph::EdgeIndex> usa_china;
  for (actornet::graph::EdgeIndex e = 0; e < g.edge_count(); ++e)
    if (endpoints(g, e) == "UNITED STATES -> CHINA") usa_china.push_back(e);
  REQUIRE(usa_china.size() == 2);
  const auto feb = usa_china[0];
  CHECK(g.edge(feb).weight == 2.0);
  CHECK(str(g, feb, "count") == "2");
  CHECK(str(g, feb, "first") == "2015-02-03");
  CHECK(str(g, feb, "last") == "2015-02-15");
  CHECK(std::get<double>(g.edge_attribute(feb, "goldstein_mean")) ==
        doctest::Approx((1.9 + 2.8) / 2));
  CHECK(str(g, feb, "mentions") == "10");
  CHECK(g.edge(feb).valid.to_string() == "2015-02/2015-03");  // the whole month
  CHECK(g.edge(usa_china[1]).valid.to_string() == "2015-03/2015-04");
  CHECK(g.edge_count() == 6);
  CHECK(has_note(r, "7 kept and folded into 6 edges (dyad-month)"));

  o.events.aggregate = EventAggregate::Dyad;
  r = import_graph({file}, o);
  CHECK(r.graph.edge_count() == 5);
  o.events.aggregate = EventAggregate::DyadYear;
  r = import_graph({file}, o);
  CHECK(r.graph.edge_count() == 5);
  for (actornet::graph::EdgeIndex e = 0; e < r.graph.edge_count(); ++e)
    if (endpoints(r.graph, e) == "UNITED STATES -> CHINA") {
      CHECK(str(r.graph, e, "count") == "3");
      CHECK(r.graph.edge(e).valid.to_string() == "2015/2016");
    }
  // Event-level relations split what roots join.
  o.events.relation = EventRelation::Event;
  r = import_graph({file}, o);
  CHECK(r.graph.edge_count() == 7);
  CHECK(r.graph.relations().find("make_a_visit").has_value());
}

TEST_CASE("ICEWS: header by name, padded codes, duplicates by (Event ID, Event Date), aliases") {
  const std::string file = kEvents + "icews-sample.tab";
  auto r = import_graph({file});
  CHECK(rejected_lines(r) == std::vector<std::size_t>{5, 9, 10, 12, 13});
  CHECK(r.report.rejected[0].message.find("Event Date '2024-13-01'") != std::string::npos);
  CHECK(r.report.rejected[1].message.find("CAMEO Code '999'") != std::string::npos);
  CHECK(r.report.rejected[2].message.find("12 tab-separated fields where the header has 20") !=
        std::string::npos);
  CHECK(r.report.rejected[3].message.find("Intensity 'eleven'") != std::string::npos);
  CHECK(r.report.rejected[4].message.find("duplicate event: Event ID 926685 on 2024-04-16 was "
                                          "read at line 2") != std::string::npos);
  CHECK(has_note(r, "1 CAMEO codes had lost their leading zero"));
  const auto& g = r.graph;
  REQUIRE(g.edge_count() == 8);  // 13 rows, 5 rejected
  CHECK(endpoints(g, 0) == "Wang Xiaohong -> Alejandro Mayorkas");
  CHECK(g.relation_name(0) == "consult");
  CHECK(str(g, 0, "cameo") == "042");
  CHECK(str(g, 0, "quad_class") == "1");
  CHECK(str(g, 0, "goldstein") == "1.9");
  CHECK(str(g, 0, "provenance") == "Xinhua News Agency");
  CHECK(str(g, 2, "cameo") == "046");
  CHECK(g.relation_name(3) == "yield");
  CHECK(str(g, 3, "quad_class") == "2");
  CHECK(g.relation_name(4) == "disapprove");
  CHECK(str(g, 4, "quad_class") == "3");
  CHECK(g.relation_name(5) == "protest");
  CHECK(str(g, 5, "goldstein") == "-6.5");
  CHECK(str(g, 7, "event_id") == "926685");  // same id, another day: another event
  // Without aliases, the two spellings of Wang Xiaohong are two actors.
  CHECK(g.find_node("WANG XIAOHONG").has_value());
  CHECK(g.kind_name(*g.find_node("Wang Xiaohong")) == "person");
  CHECK(node_str(g, "Wang Xiaohong", "sectors") == "Government|Police|Executive");
  CHECK(g.kind_name(*g.find_node("China")) == "country");
  CHECK(g.kind_name(*g.find_node("Police (United States)")) == "agency");
  CHECK(g.kind_name(*g.find_node("Ministry of Public Security (China)")) == "agency");
  CHECK(g.kind_name(*g.find_node("Citizen (China)")) == "group");
  CHECK(g.kind_name(*g.find_node("Xinhua News Agency")) == "organization");

  ImportOptions o;
  o.events.aliases = kEvents + "aliases.csv";
  r = import_graph({file}, o);
  const auto& h = r.graph;
  const auto wang = h.find_node("wang_xiaohong");
  REQUIRE(wang);
  CHECK(h.node(*wang).label == "Wang Xiaohong");
  CHECK(h.kind_name(*wang) == "person");
  CHECK(!h.find_node("WANG XIAOHONG"));
  CHECK(!h.find_node("Ministry of Public Security (China)"));
  CHECK(node_str(h, "wang_xiaohong", "side") == "CN");
  CHECK(endpoints(h, 3) == "wang_xiaohong -> Government (United States)");
  CHECK(endpoints(h, 4) == "CN -> US");
  // Unmatched names are listed, most frequent first.
  CHECK(has_note(r, "5 of 9 actor names match no alias"));
  CHECK(has_note(r, "no alias: 'Government (United States)' (1 events)"));
}

TEST_CASE("ICEWS: a file without the key columns is an error naming them") {
  TempDir dir;
  const auto path = dir.write("x.tab", "Event ID\tSource Name\tTarget Name\n1\ta\tb\n");
  const auto error = parse_error_of([&] { import_graph({path}); });
  REQUIRE(error);
  CHECK(error->line() == 1);
  CHECK(error->message().find("lacks Event Date, CAMEO Code, Intensity") != std::string::npos);
}

TEST_CASE("ACLED: quoted multi-line cells, three date styles, undirected, unordered dyads") {
  const std::string file = kEvents + "acled-sample.csv";
  auto r = import_graph({file});
  CHECK(r.report.edge_rows == 9);
  CHECK(rejected_lines(r) == std::vector<std::size_t>{8, 9, 10});
  CHECK(has_note(r, "1 events name fewer than two actors"));
  const auto& g = r.graph;
  REQUIRE(g.edge_count() == 5);
  CHECK(!g.edge(0).directed);
  CHECK(g.relation_name(0) == "battles");
  CHECK(g.relation_name(2) == "explosions_remote_violence");
  CHECK(g.relation_name(3) == "violence_against_civilians");
  CHECK(str(g, 1, "event_id") == "SDN1002");
  CHECK(g.edge(1).valid.start == Date::from_ymd(2023, 4, 16));
  CHECK(g.edge(2).valid.start == Date::from_ymd(2023, 4, 17));
  CHECK(str(g, 0, "fatalities") == "56");
  CHECK(str(g, 0, "sub_event_type") == "Armed clash");
  CHECK(str(g, 1, "provenance") == "Reuters");
  CHECK(g.kind_name(*g.find_node("Military Forces of Sudan (2019-)")) == "agency");
  CHECK(node_str(g, "Military Forces of Sudan (2019-)", "inter") == "State forces");
  CHECK(g.kind_name(*g.find_node("Rapid Support Forces")) == "armed_group");
  CHECK(g.kind_name(*g.find_node("Civilians (Sudan)")) == "group");

  ImportOptions o;
  o.events.aggregate = EventAggregate::Dyad;
  r = import_graph({file}, o);
  REQUIRE(r.graph.edge_count() == 4);
  CHECK(str(r.graph, 0, "count") == "2");  // actor1/actor2 swapped in the second: one dyad
  CHECK(str(r.graph, 0, "fatalities") == "68");
  CHECK(str(r.graph, 0, "first") == "2023-04-15");
  CHECK(str(r.graph, 0, "last") == "2023-04-16");

  o = {};
  o.events.countries = {"TCD"};
  CHECK(import_graph({file}, o).graph.edge_count() == 1);
  o.events.countries = {"sudan"};
  CHECK(import_graph({file}, o).graph.edge_count() == 4);
  o = {};
  o.events.relation = EventRelation::Event;
  CHECK(import_graph({file}, o).graph.relations().find("air_drone_strike").has_value());
  o = {};
  o.events.cameo = {"04"};
  CHECK_THROWS_AS(import_graph({file}, o), actornet::InputError);
}

TEST_CASE("event files are told apart by their first line; event options need event input") {
  TempDir dir;
  // The same ICEWS content under a .csv-like name, and GDELT under .txt.
  std::string tab;
  {
    std::ifstream in(kEvents + "icews-sample.tab");
    tab.assign(std::istreambuf_iterator<char>(in), {});
  }
  CHECK(*sniff_event_format(dir.write("a.txt", tab)) == InputFormat::Icews);
  CHECK(*sniff_event_format(kEvents + "20150218.export.CSV") == InputFormat::Gdelt);
  CHECK(*sniff_event_format(kEvents + "acled-sample.csv") == InputFormat::Acled);
  CHECK(!sniff_event_format(dir.write("e.csv", "source,target,actor1,actor2,event_date\n")));
  CHECK(!sniff_event_format(dir.path("missing.csv")));
  CHECK(import_graph({dir.path("a.txt")}).graph.edge_count() == 8);

  ImportOptions o;
  o.events.aggregate = EventAggregate::Dyad;
  const auto csv = dir.write("edges.csv", "source,target\na,b\n");
  CHECK_THROWS_AS(import_graph({csv}, o), actornet::InputError);
  o.format = "icews";
  CHECK_THROWS_AS(import_graph({csv}, o), actornet::ParseError);  // not an ICEWS header
}

TEST_CASE("alias tables: wide and long forms, conflicts, rule rows") {
  TempDir dir;
  const auto wide = dir.write("a.csv",
                              "id,label,aliases\n"
                              "wang,Wang Xiaohong,WANG XIAOHONG|Minister of Public Security\n"
                              "us,United States,U.S.|USA\n");
  const auto t = AliasTable::read(wide);
  REQUIRE(t.find("wang xiaohong") != nullptr);
  CHECK(t.find("Minister of  public security.")->id == "wang");
  CHECK(t.find("u s") == nullptr);
  CHECK(t.find("US")->id == "us");  // the id itself matches
  CHECK(t.find("Xiaohong") == nullptr);

  const auto long_form = dir.write("b.csv",
                                   "alias,id,kind\n"
                                   "Wang Xiaohong,wang,person\n"
                                   "Minister of Public Security,wang,\n"
                                   "met|meeting|talks,met_with,rule\n");
  const auto l = AliasTable::read(long_form);
  REQUIRE(l.entries().size() == 1);
  CHECK(l.entries()[0].kind == "person");
  CHECK(l.find("minister of public security")->id == "wang");
  REQUIRE(l.rules().size() == 1);
  CHECK(l.rules()[0].relation == "met_with");

  const auto clash = dir.write("c.csv", "id,aliases\na,Wang\nb,WANG.\n");
  const auto error = parse_error_of([&] { AliasTable::read(clash); });
  REQUIRE(error);
  CHECK(error->line() == 3);
  CHECK(error->message().find("'WANG.' names both 'a' (line 2) and 'b'") != std::string::npos);
  CHECK(parse_error_of([&] { AliasTable::read(dir.write("d.csv", "name,aliases\nx,y\n")); }));
}

namespace {

// The country ICEWS writes inside a generic actor's name: "Police (Australia)" -> "Australia".
std::string country_in_name(const std::string& name) {
  if (!name.ends_with(")")) return {};
  const auto open = name.rfind('(');
  return open == std::string::npos ? std::string() : name.substr(open + 1, name.size() - open - 2);
}

// A deterministic intensity for event i, in [-10, 10] with one decimal.
double intensity_of(std::size_t i) {
  return static_cast<double>(static_cast<int>(i * 37 % 201) - 100) / 10.0;
}

}  // namespace

TEST_CASE("ICEWS samples rewritten into the native layout read back event for event") {
  if (!have_shared_data()) return;
  for (const char* set : {"icews14", "icews05_15_sample"}) {
    CAPTURE(set);
    const auto src = import_shared(std::string(set) + "/edges.csv.gz");
    const auto& sg = src.graph;
    // The native layout: 20 tab-separated columns with a header, gzipped.
    std::string tab =
        "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO "
        "Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence "
        "Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";
    for (actornet::graph::EdgeIndex e = 0; e < sg.edge_count(); ++e) {
      const auto& s = sg.node(sg.edge(e).source).id;
      const auto& t = sg.node(sg.edge(e).target).id;
      const auto text = str(sg, e, "event_type");
      tab += fmt::format(
          "{}\t{}\t{}\t\t{}\t{}\t{}\t{}\t{}\t\t{}\t{}\t1\tTest "
          "Wire\t\t\t\t\t\t\n",
          e + 1, sg.edge(e).valid.start->to_string(), s, country_in_name(s), text,
          *cameo::code_for_name(text), intensity_of(e), t, country_in_name(t), 1000 + e);
    }
    TempDir dir;
    const auto path = dir.write_gz("events.tab.gz", tab);

    const auto r = import_graph({path});
    const auto& g = r.graph;
    CHECK(r.report.rejected.empty());
    CHECK(r.report.edge_rows == sg.edge_count());
    REQUIRE(g.edge_count() == sg.edge_count());
    std::size_t mismatches = 0;
    for (actornet::graph::EdgeIndex e = 0; e < g.edge_count(); ++e) {
      const std::string code(*cameo::code_for_name(str(sg, e, "event_type")));
      const bool same = endpoints(g, e) == endpoints(sg, e) &&
                        g.edge(e).valid.start == sg.edge(e).valid.start &&
                        str(g, e, "cameo") == code &&
                        g.relation_name(e) == cameo::root_relation(*cameo::root_of(code)) &&
                        std::get<double>(g.edge_attribute(e, "goldstein")) == intensity_of(e) &&
                        str(g, e, "event_id") == std::to_string(e + 1);
      if (!same) ++mismatches;
    }
    CHECK(mismatches == 0);

    // Aggregation against a reference folded here, the slow obvious way.
    struct Fold {
      std::int64_t count = 0;
      double sum = 0;
      Date first = Date::from_ymd(9999, 1, 1), last = Date::from_ymd(1, 1, 1);
    };
    std::map<std::tuple<std::string, std::string, std::string, std::string>, Fold> expected;
    std::size_t consult = 0, australia = 0;
    for (actornet::graph::EdgeIndex e = 0; e < sg.edge_count(); ++e) {
      const std::string code(*cameo::code_for_name(str(sg, e, "event_type")));
      const Date d = *sg.edge(e).valid.start;
      auto& f = expected[{sg.node(sg.edge(e).source).id, sg.node(sg.edge(e).target).id,
                          std::string(cameo::root_relation(*cameo::root_of(code))),
                          Date::year_month(d.year(), d.month()).to_string()}];
      ++f.count;
      f.sum += intensity_of(e);
      f.first = std::min(f.first, d);
      f.last = std::max(f.last, d);
      if (code.starts_with("04")) ++consult;
      if (country_in_name(sg.node(sg.edge(e).source).id) == "Australia" ||
          country_in_name(sg.node(sg.edge(e).target).id) == "Australia")
        ++australia;
    }
    ImportOptions o;
    o.events.aggregate = EventAggregate::DyadMonth;
    const auto agg = import_graph({path}, o);
    REQUIRE(agg.graph.edge_count() == expected.size());
    std::size_t wrong = 0;
    for (actornet::graph::EdgeIndex e = 0; e < agg.graph.edge_count(); ++e) {
      const auto& ag = agg.graph;
      const auto it =
          expected.find({ag.node(ag.edge(e).source).id, ag.node(ag.edge(e).target).id,
                         ag.relation_name(e), ag.edge(e).valid.start->to_string().substr(0, 7)});
      if (it == expected.end()) {
        ++wrong;
        continue;
      }
      const auto& f = it->second;
      const double mean = std::get<double>(ag.edge_attribute(e, "goldstein_mean"));
      if (ag.edge(e).weight != static_cast<double>(f.count) ||
          str(ag, e, "count") != std::to_string(f.count) ||
          std::abs(mean - f.sum / static_cast<double>(f.count)) > 1e-9 ||
          str(ag, e, "first") != f.first.to_string() || str(ag, e, "last") != f.last.to_string())
        ++wrong;
    }
    CHECK(wrong == 0);

    o = {};
    o.events.cameo = {"04"};
    CHECK(import_graph({path}, o).graph.edge_count() == consult);
    o = {};
    o.events.countries = {"australia"};
    CHECK(import_graph({path}, o).graph.edge_count() == australia);
  }
}

TEST_CASE("several event files read as one stream: one actor table, aggregation across them") {
  ImportOptions o;
  o.events.aggregate = EventAggregate::DyadMonth;
  const auto r =
      import_graph({kEvents + "20150218.export.CSV", kEvents + "gdelt-clean.export.CSV.zip"}, o);
  const auto& g = r.graph;
  CHECK(g.edge_count() == 6);  // the same events twice: the same dyad-months, counts doubled
  for (actornet::graph::EdgeIndex e = 0; e < g.edge_count(); ++e)
    if (endpoints(g, e) == "UNITED STATES -> CHINA" && str(g, e, "first") == "2015-02-03")
      CHECK(str(g, e, "count") == "4");
  CHECK(r.report.files.size() == 2);
  CHECK(has_note(r, "22 events read, 14 kept and folded into 6 edges (dyad-month)"));

  // ICEWS: a second copy of a file is all duplicates, named with the first file's line.
  const auto twice = import_graph({kEvents + "icews-sample.tab", kEvents + "icews-sample.tab"});
  CHECK(twice.graph.edge_count() == 8);
  const auto& last = twice.report.rejected.back();
  CHECK(last.line == 14);
  CHECK(last.message.find("was read at line 14 of " + kEvents + "icews-sample.tab") !=
        std::string::npos);
}
