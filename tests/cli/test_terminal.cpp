// Text printed on a terminal: data may hold control sequences (ESC [ ... m recolours, ESC ] 0 ;
// retitles, U+009B is a one-byte CSI) and bidirectional overrides; none of them may reach the
// terminal as such, from the Table format or from an error message.
#include <iostream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "cli/escape.hpp"
#include "cli/output.hpp"

using actornet::cli::Report;
using actornet::cli::Table;
using actornet::cli::terminal_text;

TEST_CASE("terminal_text: controls, C1, bidi and ill-formed bytes become visible escapes") {
  CHECK(terminal_text("plain Zhōu 北京") == "plain Zhōu 北京");
  CHECK(terminal_text("\x1b[31mred\x1b]0;title\x07") == "\\x1b[31mred\\x1b]0;title\\x07");
  CHECK(terminal_text("a\tb\nc\rd\x7f") == "a\\tb\\nc\\rd\\x7f");
  CHECK(terminal_text("\xc2\x9b"
                      "2J") == "\\u009b2J");  // C1 CSI
  CHECK(terminal_text("\xe2\x80\xae"
                      "txt") == "\\u202etxt");  // RIGHT-TO-LEFT OVERRIDE
  CHECK(terminal_text("\xe2\x81\xa6"
                      "x\xe2\x81\xa9") == "\\u2066x\\u2069");  // isolates
  CHECK(terminal_text("\xe2\x80\x8f") == "\xe2\x80\x8f");      // RLM is a mark, not an override
  CHECK(terminal_text("\xff\xc3") == "\\xff\\xc3");
  CHECK(terminal_text(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(terminal_text("line 1\nline 2\x1b", true) == "line 1\nline 2\\x1b");
}

TEST_CASE("the Table format escapes every data text; CSV and JSON keep the data") {
  Report report;
  report.preamble.push_back("file \x1b[2J.csv");
  Table table{{"id", "label\x1b"}, {}};
  table.rows.push_back({std::string("\x1b]0;pwned\x07"), std::string("ok")});
  report.sections.push_back({"section \xc2\x9b", table});
  const std::string text = actornet::cli::render(report, actornet::cli::Format::Table, 6);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\xc2\x9b") == std::string::npos);
  CHECK(text.find("\\x1b]0;pwned\\x07") != std::string::npos);
  CHECK(text.find("# file \\x1b[2J.csv") != std::string::npos);
  const std::string json = actornet::cli::render(report, actornet::cli::Format::Json, 6);
  CHECK(json.find("\\u001b]0;pwned\\u0007") != std::string::npos);
}

TEST_CASE("notes and warnings on stderr escape what they quote, line breaks included") {
  std::ostringstream captured;
  auto* const saved = std::cerr.rdbuf(captured.rdbuf());
  actornet::cli::print_message("note", "attribute 'x\x1b[2J' \u202e\nactornet: error: fake");
  actornet::cli::print_message("export: warning", "plain");
  std::cerr.rdbuf(saved);
  CHECK(captured.str() ==
        "actornet: note: attribute 'x\\x1b[2J' \\u202e\\nactornet: error: fake\n"
        "actornet: export: warning: plain\n");
}
