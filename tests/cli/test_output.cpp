#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli/output.hpp"

using namespace actornet::cli;
namespace fs = std::filesystem;

namespace {

Report sample() {
  Report r;
  r.preamble = {"3 vertices"};
  r.sections.push_back({"scores",
                        {{"id", "degree", "score"},
                         {{std::string("b"), std::int64_t{2}, 0.5},
                          {std::string("a, \"x\""), std::int64_t{1}, 1.0 / 3.0},
                          {std::string("c|d"), std::int64_t{0}, std::nan("")}}}});
  return r;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("aligned text: numbers right-aligned, whole columns without decimals, NaN empty") {
  CHECK(render(sample(), Format::Table, 3) ==
        "# 3 vertices\n"
        "\n"
        "scores\n"
        "id      degree  score\n"
        "------  ------  -----\n"
        "b            2  0.500\n"
        "a, \"x\"       1  0.333\n"
        "c|d          0\n");
}

TEST_CASE("csv quotes what needs quoting and prints reals exactly") {
  CHECK(render(sample(), Format::Csv) ==
        "id,degree,score\n"
        "b,2,0.5\n"
        "\"a, \"\"x\"\"\",1,0.3333333333333333\n"
        "c|d,0,\n");
}

TEST_CASE("csv of several sections is long form") {
  Report r = sample();
  r.sections.push_back({"kinds", {{"kind", "nodes"}, {{std::string("person"), std::int64_t{3}}}}});
  const auto text = render(r, Format::Csv);
  CHECK(text.starts_with("section,row,column,value\nscores,1,id,b\nscores,1,degree,2\n"));
  CHECK(text.ends_with("kinds,1,kind,person\nkinds,1,nodes,3\n"));
}

TEST_CASE("json keeps numbers as numbers and NaN as null") {
  auto doc = nlohmann::json::parse(render(sample(), Format::Json));
  CHECK(doc["preamble"][0] == "3 vertices");
  CHECK(doc["scores"].size() == 3);
  CHECK(doc["scores"][0]["degree"] == 2);
  CHECK(doc["scores"][1]["score"].get<double>() == doctest::Approx(1.0 / 3.0));
  CHECK(doc["scores"][2]["score"].is_null());
}

TEST_CASE("markdown escapes pipes and marks numeric columns") {
  const auto text = render(sample(), Format::Markdown, 2);
  CHECK(text.find("| id | degree | score |\n| --- | ---: | ---: |\n") != std::string::npos);
  CHECK(text.find("| c\\|d | 0 |  |") != std::string::npos);
}

TEST_CASE("an empty section says so in text and Markdown") {
  Report r;
  r.sections.push_back({"merged", {{"file", "line"}, {}}});
  CHECK(render(r, Format::Table) == "merged\n(none)\n");
  CHECK(render(r, Format::Markdown) == "## merged\n\n(none)\n");
  CHECK(render(r, Format::Csv) == "file,line\n");
}

TEST_CASE("formats by name") {
  CHECK(format_from_string("md") == Format::Markdown);
  CHECK(format_from_string("csv") == Format::Csv);
  CHECK_FALSE(format_from_string("xlsx"));
}

TEST_CASE("write_output replaces a file whole and leaves no temporary behind") {
  const fs::path dir = fs::temp_directory_path() / "actornet_test_output";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto target = dir / "out.csv";
  write_output(target.string(), "first\n");
  write_output(target.string(), "second\n");
  CHECK(slurp(target) == "second\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

  // A missing folder: a clear error naming the path, and nothing written.
  const auto missing = dir / "no_such_folder" / "out.csv";
  const std::string expected = "cannot write '" + missing.string() + "'";
  CHECK_THROWS_WITH(write_output(missing.string(), "x"), doctest::Contains(expected.c_str()));
  CHECK_FALSE(fs::exists(missing));
  fs::remove_all(dir);
}
