#include "viz/markup.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "graph/utf8.hpp"

namespace actornet::viz {
namespace {

// XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF] (surrogates never come out of graph::decode_utf8()).
bool xml_char(char32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
}

// The explicit bidirectional formatting characters still open at the end of a text (Unicode
// Standard Annex 9, rules X1-X8): embeddings and overrides (LRE, RLE, LRO, RLO) close at PDF,
// isolates (LRI, RLI, FSI) at PDI, which also closes the embeddings opened inside them.
class OpenBidi {
 public:
  void see(char32_t cp) {
    if (cp == 0x202A || cp == 0x202B || cp == 0x202D || cp == 0x202E) {
      open_.push_back(false);
    } else if (cp == 0x2066 || cp == 0x2067 || cp == 0x2068) {
      open_.push_back(true);
    } else if (cp == 0x202C) {
      if (!open_.empty() && !open_.back()) open_.pop_back();
    } else if (cp == 0x2069) {
      const auto isolate = std::find(open_.rbegin(), open_.rend(), true);
      if (isolate != open_.rend()) open_.erase(std::prev(isolate.base()), open_.end());
    }
  }
  // PDF or PDI for each one still open, innermost first.
  std::string closers() const {
    std::string out;
    for (auto it = open_.rbegin(); it != open_.rend(); ++it)
      out += *it ? "\xE2\x81\xA9" : "\xE2\x80\xAC";  // U+2069 PDI, U+202C PDF
    return out;
  }

 private:
  std::vector<bool> open_;  // true: an isolate
};

// Appends xml_text(text) to `out`, passing each kept character's bytes to `put`.
template <typename Put>
void for_each_char(std::string_view text, std::size_t* replaced, std::string& out, Put put) {
  std::size_t i = 0;
  OpenBidi bidi;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = graph::decode_utf8(text, i, cp, bad);
    if (length == 0 || !xml_char(cp)) {
      out += graph::kReplacementCharacter;
      if (replaced) ++*replaced;
      i += length == 0 ? bad : length;
      continue;
    }
    bidi.see(cp);
    put(text.substr(i, length), cp);
    i += length;
  }
  out += bidi.closers();
}

}  // namespace

std::string xml_text(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  for_each_char(text, replaced, out, [&](std::string_view bytes, char32_t) { out += bytes; });
  return out;
}

std::string xml_escape(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for_each_char(text, replaced, out, [&](std::string_view bytes, char32_t cp) {
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += bytes;
    }
  });
  return out;
}

}  // namespace actornet::viz
