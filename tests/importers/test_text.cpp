// Articles: every tie the importer finds in the articles written for the suite
// (tests/golden/inputs/text), dates in text, HTML reading, and the matching rules (longest
// name, case and punctuation folded, acronyms, keyword rules from the gazetteer).
#include <algorithm>

#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "importers/aliases.hpp"
#include "importers/text.hpp"
#include "tests/importers/csv_fixture.hpp"

using actornet::graph::Date;
using namespace actornet::importers;
using namespace actornet::importers::text;
using namespace actornet::testing;

namespace {

const std::string kText = std::string(ACTORNET_SOURCE_DIR) + "/tests/golden/inputs/text/";

// source, target, relation, date, date source, sentence number: one line per tie.
std::string describe(const Tie& t) {
  return t.source + (t.directed ? " -> " : " -- ") + t.target + " " + t.relation + " " +
         (t.date ? t.date->to_string() : "-") + " (" + t.date_source + ") #" +
         std::to_string(t.sentence_number);
}

std::vector<std::string> describe(const std::vector<Tie>& ties) {
  std::vector<std::string> out;
  for (const auto& t : ties)
    out.push_back(describe(t));
  return out;
}

AliasTable gazetteer(const TempDir& dir, const std::string& rows) {
  return AliasTable::read(dir.write("g.csv", "id,label,kind,side,aliases\n" + rows));
}

}  // namespace

TEST_CASE("date expressions in text") {
  const auto d = find_dates(
      "On 16 April 2024 and April 17, 2024, then 2024-04-18; in March 2024 and in 2023. "
      "They may 2024 not; 31 February 2024 is no day; 2024-13-01 neither.");
  REQUIRE(d.size() == 5);
  CHECK(d[0].date == Date::from_ymd(2024, 4, 16));
  CHECK(d[0].begin == 3);
  CHECK(d[0].end == 16);
  CHECK(d[1].date == Date::from_ymd(2024, 4, 17));
  CHECK(d[2].date == Date::from_ymd(2024, 4, 18));
  CHECK(d[3].date == Date::year_month(2024, 3));
  CHECK(d[4].date == Date::year_only(2023));
  CHECK(find_dates("Sept 9, 2021").at(0).date == Date::from_ymd(2021, 9, 9));
  CHECK(find_dates("1 Dec. 2020").at(0).date == Date::from_ymd(2020, 12, 1));
  CHECK(find_dates("no date here, 12345").empty());
}

TEST_CASE("the plain-text article: every tie, with dates from the sentence or the article") {
  const auto article = read_article(kText + "2024-04-16-beijing.txt");
  CHECK(article.date == Date::from_ymd(2024, 4, 16));  // the Date: line
  const auto g = AliasTable::read(kText + "gazetteer.csv");
  std::vector<std::size_t> mentions(g.entries().size(), 0);
  const auto ties = find_ties(article, g, default_rules(), &mentions);
  CHECK(describe(ties) ==
        std::vector<std::string>{
            // "Minister of Public Security Wang Xiaohong met U.S. Secretary of Homeland
            // Security Alejandro Mayorkas": "U.S." does not end the sentence, the line break
            // inside it reads as a space, and each actor counts once.
            "wang_xiaohong -- us met_with 2024-04-16 (article) #2",
            "wang_xiaohong -- mayorkas met_with 2024-04-16 (article) #2",
            "us -- mayorkas met_with 2024-04-16 (article) #2",
            // "Mr. Wang said the MPS would deepen cooperation with DHS."
            "wang_xiaohong -- mps co_mentioned 2024-04-16 (article) #4",
            "wang_xiaohong -- dhs co_mentioned 2024-04-16 (article) #4",
            "mps -- dhs co_mentioned 2024-04-16 (article) #4",
            // "Officials from ICE and DHS joined the talks on 17 April 2024"
            "ice -- dhs met_with 2024-04-17 (sentence) #5",
            // "The Ministry of Public Security deported two fugitives to the United States in
            // March 2024." ("the United States" is longer than "United States")
            "mps -> us deported 2024-03 (sentence) #6",
        });
  // "the ice on the runway" is not ICE, "Let us" is not the US; "Mayorkas's" is Mayorkas.
  auto count = [&](const std::string& id) {
    for (std::size_t i = 0; i < g.entries().size(); ++i)
      if (g.entries()[i].id == id) return mentions[i];
    return std::size_t{0};
  };
  CHECK(count("ice") == 1);
  CHECK(count("us") == 2);
  CHECK(count("mayorkas") == 3);
  CHECK(count("wang_xiaohong") == 3);
  // Offsets point at the sentence in the article's text.
  for (const auto& t : ties)
    CHECK(article.text.substr(t.offset, t.sentence.size()) == t.sentence);
  CHECK(ties[6].keyword == "talks");
  CHECK(ties[7].keyword == "deported");
}

TEST_CASE("the HTML article: body text only, the published date, paragraphs end sentences") {
  const auto article = read_article(kText + "video-call.html");
  CHECK(article.title == "Video call between ministers");
  CHECK(article.date == Date::from_ymd(2024, 7, 2));
  CHECK(article.text.find("var Wang") == std::string::npos);      // script dropped
  CHECK(article.text.find("Home | China") == std::string::npos);  // navigation dropped
  const auto g = AliasTable::read(kText + "gazetteer.csv");
  const auto ties = find_ties(article, g, default_rules());
  CHECK(describe(ties) ==
        std::vector<std::string>{
            "wang_xiaohong -- mayorkas called 2024-07-02 (article) #1",  // the headline
            "wang_xiaohong -- mayorkas called 2024-07-01 (sentence) #2",
            // "The People's Republic of China released three U.S. citizens"
            "cn -> us released 2024-07-02 (article) #3",
            // "Antony Blinken welcomed the step" / "and praised the PRC": two paragraphs.
        });
  CHECK(ties[1].sentence ==
        "Wang Xiaohong held a video call with Alejandro\xC2\xA0Mayorkas on July 1, 2024.");
}

TEST_CASE("import_articles builds the graph with provenance and reports what it did") {
  const auto r = import_articles({kText + "2024-04-16-beijing.txt", kText + "video-call.html"},
                                 kText + "gazetteer.csv");
  const auto& g = r.graph;
  CHECK(g.edge_count() == 11);
  // Blinken is named, but never with another actor in a sentence: a node without ties.
  CHECK(g.node_count() == 8);
  CHECK(g.find_node("blinken").has_value());
  CHECK(!g.find_node("interpol"));
  const auto wang = *g.find_node("wang_xiaohong");
  CHECK(g.node(wang).label == "Wang Xiaohong");
  CHECK(g.kind_name(wang) == "person");
  CHECK(actornet::graph::format_value(g.node_attribute(wang, "side")) == "CN");
  CHECK(actornet::graph::format_value(g.node_attribute(wang, "mentions")) == "5");
  CHECK(g.relation_name(7) == "deported");
  CHECK(g.edge(7).directed);
  CHECK(g.edge(7).valid.to_string() == "2024-03/2024-04");
  CHECK(actornet::graph::format_value(g.edge_attribute(7, "provenance")) ==
        kText + "2024-04-16-beijing.txt");
  CHECK(actornet::graph::format_value(g.edge_attribute(7, "date_source")) == "sentence");
  CHECK(actornet::graph::format_value(g.edge_attribute(0, "evidence")).starts_with("Chinese"));
  const bool listed = std::any_of(r.report.notes.begin(), r.report.notes.end(), [](auto& n) {
    return n.message.find("never named: blinken") != std::string::npos;
  });
  CHECK(!listed);  // named, just never in a tie
  CHECK(std::any_of(r.report.notes.begin(), r.report.notes.end(), [](auto& n) {
    return n.message == "1 gazetteer actors are never named: interpol";
  }));
  CHECK_THROWS_AS(import_articles({}, kText + "gazetteer.csv"), actornet::InputError);
}

TEST_CASE("matching: longest name, folded case and width, acronyms in capitals only") {
  TempDir dir;
  const auto g = gazetteer(dir,
                           "blinken,Antony Blinken,person,US,Blinken|Secretary of State Blinken\n"
                           "state,Department of State,agency,US,State Department|Secretary of "
                           "State\n"
                           "un,United Nations,forum,,UN|U.N.\n"
                           "elysee,Elysee,agency,FR,\xC3\x89lys\xC3\xA9"
                           "e\n");
  auto ties_of = [&](const std::string& text) {
    return describe(find_ties(article_from_text("a.txt", text, false), g, default_rules()));
  };
  // "Secretary of State Blinken" is one name (Blinken), longer than "Secretary of State".
  CHECK(ties_of("SECRETARY OF STATE BLINKEN spoke at the UN.") ==
        std::vector<std::string>{"blinken -- un co_mentioned - () #1"});
  CHECK(ties_of("The State Department and the U.N. met.") ==
        std::vector<std::string>{"state -- un met_with - () #1"});
  CHECK(ties_of("Blinken told un officials nothing.").empty());  // "un" is not the UN
  CHECK(ties_of("Pour \xC3\x89LYS\xC3\x89"
                "E, Antony Blinken a parl\xC3\xA9.") ==
        std::vector<std::string>{"elysee -- blinken co_mentioned - () #1"});
  // Full-width letters fold to ASCII.
  CHECK(ties_of("\xEF\xBC\xA2\xEF\xBD\x8C\xEF\xBD\x89\xEF\xBD\x8E\xEF\xBD\x8B\xEF\xBD\x85\xEF"
                "\xBD\x8E and the UN.") ==
        std::vector<std::string>{"blinken -- un co_mentioned - () #1"});
}

TEST_CASE("keyword rules from the gazetteer replace the defaults; first rule wins") {
  TempDir dir;
  const auto path = dir.write("g.csv",
                              "id,label,kind,side,aliases\n"
                              "a,Alpha,person,,\n"
                              "b,Bravo,person,,\n"
                              "extradited,,rule,directed,extradited|handed over\n"
                              "negotiated,,rule,,held talks|negotiated\n");
  const auto g = AliasTable::read(path);
  REQUIRE(g.rules().size() == 2);
  auto ties_of = [&](const std::string& text) {
    return describe(find_ties(article_from_text("x.txt", text, false), g, g.rules()));
  };
  CHECK(ties_of("Alpha held talks with Bravo.") ==
        std::vector<std::string>{"a -- b negotiated - () #1"});
  CHECK(ties_of("Alpha handed over Bravo after they held talks.") ==
        std::vector<std::string>{"a -> b extradited - () #1"});
  CHECK(ties_of("Alpha met Bravo.") ==
        std::vector<std::string>{"a -- b co_mentioned - () #1"});  // no default rules
  // Dates: the one nearest to either actor.
  CHECK(ties_of("On 1 May 2020 nothing happened; Alpha negotiated with Bravo on 2 June 2021.") ==
        std::vector<std::string>{"a -- b negotiated 2021-06-02 (sentence) #1"});
  // An article date from the file name.
  const auto article = article_from_text("news/2022-11-05-report.txt", "Alpha met Bravo.", false);
  CHECK(article.date == Date::from_ymd(2022, 11, 5));
}

TEST_CASE("articles that cannot be read") {
  TempDir dir;
  const auto bad = dir.write("bad.txt", "Alpha \xFF Bravo\n");
  const auto error = parse_error_of([&] { read_article(bad); });
  REQUIRE(error);
  CHECK(error->line() == 1);
  CHECK(error->column() == 7);
  CHECK_THROWS_AS(read_article(dir.path("missing.txt")), actornet::InputError);
}
