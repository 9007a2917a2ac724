// Scenario files: the YAML and JSON examples shipped with the dataset read the same, and every
// schema error names the file and the entry (and the line, in YAML).
#include <string>

#include <doctest/doctest.h>

#include "graph/errors.hpp"
#include "importers/scenario_file.hpp"

using namespace actornet;
using graph::InterventionType;
using importers::parse_scenario;

namespace {

const std::string kExamples =
    std::string(ACTORNET_SOURCE_DIR) + "/datasets/us-china-law-enforcement/scenarios/";

// The message of the error that parsing `text` throws, or "no error".
std::string error_of(const std::string& text, bool yaml) {
  try {
    parse_scenario(text, yaml ? "s.yaml" : "s.json", yaml);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("scenario file: the YAML and JSON examples agree") {
  const auto yaml = importers::read_scenario_file(kExamples + "administration-change.yaml");
  const auto json = importers::read_scenario_file(kExamples + "administration-change.json");
  CHECK(yaml.name == "Change of U.S. administration, January 2025");
  CHECK(yaml.name == json.name);
  CHECK(yaml.description == json.description);
  REQUIRE(yaml.interventions.size() == 7);
  REQUIRE(json.interventions.size() == yaml.interventions.size());
  for (std::size_t i = 0; i < yaml.interventions.size(); ++i) {
    CAPTURE(i);
    const auto& y = yaml.interventions[i];
    const auto& j = json.interventions[i];
    CHECK(y.type == j.type);
    CHECK(y.node == j.node);
    CHECK(y.position == j.position);
    CHECK(y.relation == j.relation);
    CHECK(y.source == j.source);
    CHECK(y.target == j.target);
    CHECK(y.id == j.id);
    CHECK(y.directed == j.directed);
    CHECK(y.weight == j.weight);
    CHECK(y.date == j.date);
    CHECK(y.until == j.until);
    CHECK(y.note == j.note);
  }
  const auto& first = yaml.interventions[0];
  CHECK(first.type == InterventionType::EndTenure);
  CHECK(first.node == "biden");
  CHECK(first.position.empty());
  CHECK(first.date.to_string() == "2025-01-20");
  CHECK(contains(first.origin, "administration-change.yaml entry 1 (line "));
  CHECK(contains(json.interventions[0].origin, "administration-change.json entry 1"));
  const auto& suspend = yaml.interventions[4];
  CHECK(suspend.type == InterventionType::Suspend);
  CHECK(suspend.entry == 5);
  CHECK(suspend.date.to_string() == "2025-03-01");  // `from` is the date
  REQUIRE(suspend.until.has_value());
  CHECK(suspend.until->to_string() == "2025-06-01");
  const auto& tie = yaml.interventions[5];
  CHECK(tie.type == InterventionType::AddTie);
  CHECK(tie.id == "hypothetical_call_2025_04");
  CHECK_FALSE(tie.directed);
}

TEST_CASE("scenario file: fields, aliases and defaults") {
  const auto s = parse_scenario(R"(interventions:
  - {type: add_tie, source: a, target: b, relation: called, date: 2025, directed: yes, weight: 2.5}
  - {type: end_tenure, node: p, date: 2025-01}
  - {type: drop_relation, relation: met_with, from: "2025-02-01"}
)",
                                "s.yaml", true);
  REQUIRE(s.interventions.size() == 3);
  CHECK(s.interventions[0].directed);
  CHECK(s.interventions[0].weight == 2.5);
  CHECK(s.interventions[0].date.to_string() == "2025");
  CHECK(s.interventions[1].node == "p");
  CHECK(s.interventions[2].date.to_string() == "2025-02-01");
  CHECK_FALSE(s.interventions[2].until.has_value());
  CHECK(s.interventions[1].origin == "s.yaml entry 2 (line 3)");

  const auto j = parse_scenario(R"({"interventions": [{"type": "remove", "node": "x",
                                   "date": 2024}]})",
                                "s.json", false);
  CHECK(j.interventions[0].date.to_string() == "2024");
  CHECK(j.interventions[0].origin == "s.json entry 1");
}

TEST_CASE("scenario file: a JSON number beyond a double is a parse error") {
  // Found by fuzzing: nlohmann reports it as out_of_range, which used to escape.
  const auto message = error_of("{\"interventions\": [{\"type\": \"remove\", \"node\": 2e308}]}",
                                /*yaml=*/false);
  CHECK(contains(message, "s.json:1:47: malformed JSON: a number is beyond the range of a double"));
}

TEST_CASE("scenario file: errors name the file, the entry and the line") {
  // YAML: file, line and entry.
  auto m = error_of("interventions:\n  - type: remove\n    node: x\n    date: 2025-13-01\n", true);
  CHECK(contains(m, "s.yaml:4"));
  CHECK(contains(m, "entry 1"));
  CHECK(contains(m, "'2025-13-01' is not a date"));

  m = error_of(
      "interventions:\n  - {type: remove, node: x, date: 2025}\n  - {type: explode, "
      "node: x, date: 2025}\n",
      true);
  CHECK(contains(m, "s.yaml:3"));
  CHECK(contains(m, "entry 2"));
  CHECK(contains(m, "unknown type 'explode'"));

  m = error_of("interventions:\n  - {type: suspend, node: x, from: 2025-02, until: 2025-02}\n",
               true);
  CHECK(contains(m, "entry 1"));
  CHECK(contains(m, "not after"));

  m = error_of("interventions:\n  - {type: suspend, node: x, from: 2025-02}\n", true);
  CHECK(contains(m, "suspend needs a field 'until'"));

  m = error_of("interventions:\n  - {type: remove, date: 2025}\n", true);
  CHECK(contains(m, "remove needs a field 'node'"));

  m = error_of("interventions:\n  - {type: remove, node: x, date: 2025, until: 2026}\n", true);
  CHECK(contains(m, "remove takes no field 'until'"));

  m = error_of("interventions:\n  - {node: x, date: 2025}\n", true);
  CHECK(contains(m, "no 'type'"));

  m = error_of("interventions:\n  - {type: remove, node: x, date: 2025, from: 2025}\n", true);
  CHECK(contains(m, "both 'from' and 'date'"));

  m = error_of(
      "interventions:\n  - {type: add_tie, source: a, target: b, relation: r, date: "
      "2025, weight: heavy}\n",
      true);
  CHECK(contains(m, "weight 'heavy'"));

  m = error_of("interventions:\n  - {type: remove, node: x, date: [2025]}\n", true);
  CHECK(contains(m, "must be a single value"));

  CHECK(contains(error_of("interventions: [\n", true), "malformed YAML"));
  CHECK(contains(error_of("- a\n- b\n", true), "a mapping with an 'interventions' list"));
  CHECK(contains(error_of("name: x\n", true), "no 'interventions' list"));
  CHECK(contains(error_of("interventions: []\n", true), "is empty"));
  CHECK(contains(error_of("interventions: []\nowner: me\n", true), "unknown top-level field"));

  // JSON: file and entry (nlohmann keeps no positions), line and column for syntax errors.
  m = error_of(R"({"interventions": [{"type": "remove", "node": "x", "date": "2025"},
                  {"type": "remove", "node": "x", "date": "20x5"}]})",
               false);
  CHECK(contains(m, "s.json: entry 2"));
  CHECK(contains(m, "date '20x5' is not a date"));
  m = error_of(R"({"interventions": [{"type": "remove", "node": "x", "from": "2025-02-30"}]})",
               false);
  CHECK(contains(m, "from '2025-02-30' is not a date"));
  m = error_of("{\"interventions\": [\n  {\"type\": \"remove\",, }]}", false);
  CHECK(contains(m, "s.json:2:"));
  CHECK(contains(m, "malformed JSON"));
  CHECK(contains(error_of("[1, 2]", false), "an object with an \"interventions\" array"));

  // The extension picks the format; anything else is an error.
  CHECK_THROWS_AS(importers::read_scenario_file("scenario.txt"), InputError);
  CHECK_THROWS_AS(importers::read_scenario_file("/no/such/file.yaml"), InputError);
}
