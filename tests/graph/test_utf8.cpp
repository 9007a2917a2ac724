// graph::decode_utf8 against the Unicode Standard 15.0: table 3-7 (well-formed byte sequences)
// and the worked example of table 3-8 (one U+FFFD per maximal ill-formed subpart).
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "graph/utf8.hpp"

using actornet::graph::decode_utf8;
using namespace std::string_view_literals;

namespace {

// The code points (well formed) or -length of the ill-formed subparts, in order.
std::vector<long> decode_all(std::string_view text) {
  std::vector<long> out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = decode_utf8(text, i, cp, bad);
    if (length == 0) {
      REQUIRE(bad >= 1);
      out.push_back(-static_cast<long>(bad));
      i += bad;
    } else {
      out.push_back(static_cast<long>(cp));
      i += length;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("decode_utf8: the well-formed ranges of table 3-7, first and last of each") {
  CHECK(decode_all("\x00\x7F"sv) == std::vector<long>{0x0, 0x7F});
  CHECK(decode_all("\xC2\x80\xDF\xBF") == std::vector<long>{0x80, 0x7FF});
  CHECK(decode_all("\xE0\xA0\x80\xEC\xBF\xBF") == std::vector<long>{0x800, 0xCFFF});
  CHECK(decode_all("\xED\x80\x80\xED\x9F\xBF") == std::vector<long>{0xD000, 0xD7FF});
  CHECK(decode_all("\xEE\x80\x80\xEF\xBF\xBF") == std::vector<long>{0xE000, 0xFFFF});
  CHECK(decode_all("\xF0\x90\x80\x80\xF3\xBF\xBF\xBF") == std::vector<long>{0x10000, 0xFFFFF});
  CHECK(decode_all("\xF4\x80\x80\x80\xF4\x8F\xBF\xBF") == std::vector<long>{0x100000, 0x10FFFF});
}

TEST_CASE("decode_utf8: maximal ill-formed subparts, as in table 3-8") {
  // Table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 gives
  // a, FFFD (F1 80 80), FFFD (E1 80), FFFD (C2), b, FFFD (80), c, FFFD (80), FFFD (BF), d.
  CHECK(decode_all("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") ==
        std::vector<long>{0x61, -3, -2, -1, 0x62, -1, 0x63, -1, -1, 0x64});
  CHECK(decode_all("\xC0\xAF") == std::vector<long>{-1, -1});                  // overlong '/'
  CHECK(decode_all("\xED\xA0\x80") == std::vector<long>{-1, -1, -1});          // surrogate D800
  CHECK(decode_all("\xF4\x90\x80\x80") == std::vector<long>{-1, -1, -1, -1});  // > 10FFFF
  CHECK(decode_all("\xFF\xFE") == std::vector<long>{-1, -1});
  CHECK(decode_all("\xE2\x82") == std::vector<long>{-2});  // truncated at the end
  CHECK(decode_all("\xC3") == std::vector<long>{-1});
}
