// Tests for viz/markup: the one escaping of every SVG, HTML-like label and report page. The
// replacement of ill-formed UTF-8 is compared with Python's decoder (samples in
// tests/support/adversarial.hpp), results are checked with iconv and read back with pugixml.
#include <pugixml.hpp>
#include <string>

#include <doctest/doctest.h>

#include "support/adversarial.hpp"
#include "viz/markup.hpp"

namespace {

namespace viz = actornet::viz;
using actornet::testing::ill_formed_samples;
using actornet::testing::xml_safe;

const std::string kFffd = "\xEF\xBF\xBD";
const std::string kPdf = "\xE2\x80\xAC";  // U+202C POP DIRECTIONAL FORMATTING
const std::string kPdi = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE
const std::string kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kRli = "\xE2\x81\xA7";  // U+2067 RIGHT-TO-LEFT ISOLATE

// What an XML reader gives back for `escaped` in element text and in an attribute value.
std::pair<std::string, std::string> read_back(const std::string& escaped) {
  pugi::xml_document doc;
  const std::string xml = "<r a=\"" + escaped + "\" b='" + escaped + "'>" + escaped + "</r>";
  const auto ok = doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  INFO(ok.description());
  REQUIRE(ok);
  const auto r = doc.child("r");
  CHECK(std::string(r.attribute("a").value()) == r.attribute("b").value());
  return {r.text().get(), r.attribute("a").value()};
}

}  // namespace

TEST_CASE("xml_escape: markup characters and whitespace controls become references") {
  CHECK(viz::xml_escape("a & b < c > d \"e\" 'f'") ==
        "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
  CHECK(viz::xml_escape("t\tn\nr\r") == "t&#9;n&#10;r&#13;");
  CHECK(viz::xml_escape("]]> --> <!-- &amp; <![CDATA[") ==
        "]]&gt; --&gt; &lt;!-- &amp;amp; &lt;![CDATA[");
  // Valid UTF-8 passes: Chinese, an emoji (4 bytes), DEL, a C1 control, marks.
  const std::string kept = "\xe7\x8e\x8b \xf0\x9f\x98\x80 \x7f \xc2\x85 \xe2\x80\x8f \xef\xb7\x90";
  CHECK(viz::xml_escape(kept) == kept);
  CHECK(viz::xml_text(kept) == kept);
  std::size_t replaced = 0;
  viz::xml_escape(kept, &replaced);
  CHECK(replaced == 0);
}

TEST_CASE("xml_escape: any text reads back as xml_text gives it, in text and attributes") {
  const std::string text =
      "<script>alert('x')</script> & \"q\" \\N\t\n\r\n ]]> \x01\x1b\x7f \xff end\xc3";
  const auto escaped = viz::xml_escape(text);
  CHECK(xml_safe(escaped));
  const auto [content, attribute] = read_back(escaped);
  CHECK(content == viz::xml_text(text));
  CHECK(attribute == viz::xml_text(text));
}

TEST_CASE("xml_text: ill-formed UTF-8 becomes U+FFFD per maximal subpart, as Python decodes") {
  for (const auto& sample : ill_formed_samples()) {
    CAPTURE(sample.bytes);
    std::size_t replaced = 0;
    CHECK(viz::xml_text(sample.bytes, &replaced) == sample.replaced);
    CHECK(replaced == sample.replaced.size() / kFffd.size());
    CHECK(viz::xml_text("a" + sample.bytes + "b") == "a" + sample.replaced + "b");
    CHECK(viz::xml_escape("<" + sample.bytes + ">") == "&lt;" + sample.replaced + "&gt;");
  }
  // A truncated sequence before a valid one: the valid one is kept.
  CHECK(viz::xml_text("\xe2\x82\xe2\x82\xac") == kFffd + "\xe2\x82\xac");
}

TEST_CASE("xml_text: characters XML 1.0 cannot hold become U+FFFD, the rest is kept") {
  for (int c = 0; c < 0x20; ++c) {
    CAPTURE(c);
    const std::string one(1, static_cast<char>(c));
    const bool allowed = c == 0x9 || c == 0xA || c == 0xD;
    CHECK(viz::xml_text("x" + one + "y") == (allowed ? "x" + one + "y" : "x" + kFffd + "y"));
  }
  CHECK(viz::xml_text("\xef\xbf\xbe\xef\xbf\xbf") == kFffd + kFffd);  // U+FFFE, U+FFFF
  CHECK(viz::xml_text(std::string("nul\0nul", 7)) == "nul" + kFffd + "nul");
}

TEST_CASE("xml_text: bidirectional formatting left open is closed at the end") {
  CHECK(viz::xml_text("abc" + kRlo + "def") == "abc" + kRlo + "def" + kPdf);
  CHECK(viz::xml_text(kRli + "x") == kRli + "x" + kPdi);
  // Closed ones are left alone; a stray PDF or PDI opens nothing.
  CHECK(viz::xml_text(kRlo + "x" + kPdf) == kRlo + "x" + kPdf);
  CHECK(viz::xml_text(kPdf + kPdi + "x") == kPdf + kPdi + "x");
  // Innermost first: an override inside an isolate closes before it.
  CHECK(viz::xml_text(kRli + kRlo) == kRli + kRlo + kPdf + kPdi);
  CHECK(viz::xml_text(kRlo + kRli) == kRlo + kRli + kPdi + kPdf);
  // A PDI closes the embeddings opened inside its isolate.
  CHECK(viz::xml_text(kRli + kRlo + kPdi) == kRli + kRlo + kPdi);
  // LRE, RLE, LRO (U+202A, U+202B, U+202D) and LRI, FSI (U+2066, U+2068) count too.
  CHECK(viz::xml_text("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad") ==
        "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad" + kPdf + kPdf + kPdf);
  CHECK(viz::xml_text("\xe2\x81\xa6\xe2\x81\xa8") == "\xe2\x81\xa6\xe2\x81\xa8" + kPdi + kPdi);
  // U+200F RIGHT-TO-LEFT MARK is a character, not an embedding.
  CHECK(viz::xml_text("\xe2\x80\x8f") == "\xe2\x80\x8f");
}
