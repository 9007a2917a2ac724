// Data text made safe for XML 1.0 and HTML: the one escaping function of the SVG charts, the
// Graphviz diagrams (their HTML-like legend) and the report pages (cli/escape.hpp).
//
// Policy for text the markup cannot hold (the same as the XML exporters', see
// exporters/writer_support.hpp):
// - ill-formed UTF-8: each maximal ill-formed subsequence becomes one U+FFFD REPLACEMENT
//   CHARACTER (Unicode 15.0, section 3.9, "U+FFFD Substitution of Maximal Subparts", which the
//   WHATWG Encoding Standard, browsers and Python's 'replace' decoder follow): a lone `\xff`,
//   a truncated `\xc3`, each byte of an overlong `\xc0\xaf` and of an encoded surrogate
//   `\xed\xa0\x80`;
// - characters XML 1.0 does not allow, even as character references (its production Char):
//   the C0 controls other than tab, line feed and carriage return (NUL, U+0001..U+0008,
//   U+000B, U+000C, U+000E..U+001F), and U+FFFE, U+FFFF: each becomes U+FFFD;
// - bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
//   kept, and those the text leaves open are closed at its end (a PDF or PDI is appended), so
//   that a right-to-left override in a label cannot reverse the page or picture text that
//   follows it (an override lasts to the end of the paragraph, across inline elements);
// - everything else is kept: DEL and the C1 controls, marks such as U+200F, and
//   noncharacters other than U+FFFE/U+FFFF.
// This is text for showing: the exporters, which must give data back as it is, apply only the
// replacements (exporters/writer_support.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace actornet::viz {

/// `text` with each maximal ill-formed UTF-8 subsequence and each character XML 1.0 does not
/// allow replaced by U+FFFD, and the bidirectional formatting it leaves open closed (see
/// above). Adds the number of replacements to `*replaced` when given. Other text comes back
/// unchanged. O(length).
std::string xml_text(std::string_view text, std::size_t* replaced = nullptr);

/// xml_text(text) with `&`, `<`, `>`, `"`, `'` written as `&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`, and tab, line feed and carriage return as `&#9;`, `&#10;`, `&#13;` (so that an
/// attribute value keeps them through attribute-value normalisation, and a CR survives
/// line-end normalisation). The result is well-formed, inert text anywhere in XML 1.0 or
/// HTML5 character data and inside a single- or double-quoted attribute value (not inside a
/// `<script>`, `<style>` or comment, which we never write data into). O(length).
std::string xml_escape(std::string_view text, std::size_t* replaced = nullptr);

}  // namespace actornet::viz
