// The adversarial fixture: the dataset tests/formats/adversarial (read by the CSV reader; see
// its generate.py: quotes, markup, DOT syntax and escapes, backslashes, tabs, line breaks, CR,
// NUL and other C0 controls, DEL, bidirectional overrides and marks, 10 kB strings, a markup
// attribute name) plus what no file we read can hold: ill-formed UTF-8 in a node id, label,
// kind, attribute name and value, an edge id and a relation.
//
// Also an independent view of the text rules, for checking writers: UTF-8 is decoded by
// glibc's iconv (not by our decoders), and what U+FFFD substitution makes of each ill-formed
// sample is written out as Python's `bytes.decode("utf-8", "replace")` gives it.
#pragma once

#include <cerrno>
#include <iconv.h>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.hpp"
#include "importers/import.hpp"

namespace actornet::testing {

/// Ill-formed UTF-8 and its U+FFFD substitution of maximal subparts, from
/// /usr/bin/python3 -c 'print(ascii(b"...".decode("utf-8", "replace")))'.
struct IllFormed {
  std::string bytes;
  std::string replaced;
};

inline const std::vector<IllFormed>& ill_formed_samples() {
  static const std::vector<IllFormed> samples{
      {"\xff", "\xEF\xBF\xBD"},                                  // never a lead byte
      {"\xc3", "\xEF\xBF\xBD"},                                  // a lead byte alone
      {"\xc0\xaf", "\xEF\xBF\xBD\xEF\xBF\xBD"},                  // overlong '/'
      {"\xed\xa0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate U+D800
      {"\xe2\x82", "\xEF\xBF\xBD"},                              // truncated euro sign
      {"\xf4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}};  // > U+10FFFF
  return samples;
}

/// `text` decoded by iconv; nullopt when it is not well-formed UTF-8.
inline std::optional<std::u32string> utf8_decode(std::string_view text) {
  iconv_t cd = iconv_open("UTF-32LE", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string in(text);
  std::string out(4 * in.size() + 4, '\0');
  char* src = in.data();
  char* dst = out.data();
  std::size_t src_left = in.size(), dst_left = out.size();
  const std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1) || src_left != 0) return std::nullopt;
  std::u32string result;
  for (std::size_t i = 0; i + 4 <= out.size() - dst_left; i += 4)
    result.push_back(static_cast<char32_t>(static_cast<unsigned char>(out[i])) |
                     static_cast<char32_t>(static_cast<unsigned char>(out[i + 1])) << 8 |
                     static_cast<char32_t>(static_cast<unsigned char>(out[i + 2])) << 16 |
                     static_cast<char32_t>(static_cast<unsigned char>(out[i + 3])) << 24);
  return result;
}

// Written out here rather than graph::encode_utf8: the checks stay independent of the code
// they check.
inline std::string utf8_encode(const std::u32string& text) {
  std::string out;
  for (char32_t cp : text) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

/// Whether XML 1.0 holds `cp` (its production Char).
inline bool xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// Whether `text` is well-formed UTF-8 holding only characters XML 1.0 holds.
inline bool xml_safe(std::string_view text) {
  const auto decoded = utf8_decode(text);
  if (!decoded) return false;
  for (char32_t cp : *decoded)
    if (!xml_char(cp)) return false;
  return true;
}

/// `text` with the ill-formed samples replaced as Python replaces them (the fixture's
/// ill-formed texts are made of those samples and ASCII), then every character for which
/// `unholdable` says true replaced by U+FFFD.
inline std::string expected_text(std::string_view text, bool (*unholdable)(char32_t) = nullptr) {
  std::string out(text);
  if (!utf8_decode(out)) {
    for (const auto& sample : ill_formed_samples())
      for (auto at = out.find(sample.bytes); at != std::string::npos;
           at = out.find(sample.bytes, at + sample.replaced.size()))
        out.replace(at, sample.bytes.size(), sample.replaced);
  }
  auto decoded = utf8_decode(out);
  if (!decoded) return "(not a sample: " + out + ")";
  if (unholdable)
    for (char32_t& cp : *decoded)
      if (unholdable(cp)) cp = 0xFFFD;
  return utf8_encode(*decoded);
}

/// The adversarial dataset as the CSV reader reads it, plus the ill-formed node `bad\xff`
/// (label, kind, a string attribute, an attribute with an ill-formed name) and an edge from
/// it to `ctl` with an ill-formed id, relation and label.
inline graph::Graph adversarial_graph() {
  auto g = importers::import_graph({ACTORNET_SOURCE_DIR "/tests/formats/adversarial"}).graph;
  const auto bad =
      g.add_node("bad\xff", "lone \xc3 overlong \xc0\xaf surrogate \xed\xa0\x80", "kind\xe2\x82");
  auto& nodes = g.node_attributes();
  nodes.set(*nodes.find("description"), bad, std::string("\xc3(\xf4\x90\x80\x80)"));
  nodes.set(nodes.declare("name\xc0\xaf", graph::AttrType::String), bad, std::string("value"));
  const auto e = g.add_edge({.id = "edge\xed\xa0\x80",
                             .source = bad,
                             .target = *g.find_node("ctl"),
                             .relation = "rel\xff",
                             .directed = true});
  auto& edges = g.edge_attributes();
  edges.set(*edges.find("label"), e, std::string("\xc3("));
  return g;
}

}  // namespace actornet::testing
