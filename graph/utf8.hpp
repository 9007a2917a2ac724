// UTF-8 decoding, one sequence at a time, for the readers that validate text and the writers
// that must replace what their format cannot hold.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace actornet::graph {

/// U+FFFD REPLACEMENT CHARACTER, encoded.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// Decodes the UTF-8 sequence starting at byte `i` of `text` (i < text.size()), following
/// Unicode 15.0, table 3-7 (well-formed byte sequences: no overlong forms, no surrogates,
/// nothing above U+10FFFF). Returns the sequence's length and sets `cp` when it is well formed;
/// otherwise returns 0 and sets `bad` to the length of the maximal ill-formed subpart (at
/// least 1), which is how many bytes one U+FFFD replaces (as browsers and Python decode).
///
/// Written here because no library we use does this: iconv stops at the first ill-formed byte
/// (EILSEQ) without saying how long the ill-formed subpart is, nlohmann-json replaces silently
/// and only while dumping, pugixml passes bytes through, and ICU is linked only by importers/.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp, std::size_t& bad);

/// Appends the UTF-8 encoding of `cp` (at most U+10FFFF; the caller rules out surrogates
/// where they matter).
void encode_utf8(std::string& out, char32_t cp);

}  // namespace actornet::graph
