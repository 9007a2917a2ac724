#include "cli/escape.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include <fmt/format.h>

#include "graph/utf8.hpp"
#include "viz/markup.hpp"

namespace actornet::cli {

std::string html_escape(std::string_view text) {
  return viz::xml_escape(text);
}

std::string markdown_escape(std::string_view raw) {
  const std::string text = viz::xml_text(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: one space, at the LF
        out += ' ';
        break;
      case '\n':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
      case '!':
        out += '\\';
        out += ch;
        break;
      default:
        out += ch;
    }
  }
  return out;
}

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

bool is_name_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == ':' || ch == '_' || ch == '-' ||
         ch == '.';
}

// Elements Graphviz's SVG renderer writes for a diagram without images or URLs.
bool allowed_element(const std::string& name) {
  static constexpr std::array<std::string_view, 19> names{
      "svg",  "g",        "title",    "desc",           "text",          "tspan", "polygon",
      "path", "polyline", "ellipse",  "circle",         "rect",          "line",  "a",
      "defs", "stop",     "clippath", "lineargradient", "radialgradient"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A value is unsafe when it could run code or fetch something: a script URL, or a url()
// reference or link that leaves the document.
bool unsafe_value(const std::string& attribute, const std::string& value) {
  const std::string v = lower(value);
  if (v.find("javascript:") != std::string::npos) return true;
  for (auto pos = v.find("url("); pos != std::string::npos; pos = v.find("url(", pos + 4)) {
    auto inner = v.find_first_not_of(" '\"", pos + 4);
    if (inner == std::string::npos || v[inner] != '#') return true;
  }
  if (attribute == "href" || attribute == "xlink:href" || attribute == "src")
    return v.empty() || v.front() != '#';
  return false;
}

}  // namespace

std::string inline_svg(std::string_view svg) {
  const std::string folded = lower(svg);
  std::size_t start = 0;
  for (;; ++start) {
    start = folded.find("<svg", start);
    if (start == std::string::npos) return {};
    const std::size_t after = start + 4;
    if (after < folded.size() && (is_space(folded[after]) || folded[after] == '>')) break;
  }
  std::string out;
  out.reserve(svg.size() - start);
  std::size_t i = start;
  const std::size_t n = svg.size();
  while (i < n) {
    if (svg[i] != '<') {
      out += svg[i++];
      continue;
    }
    if (svg.substr(i, 4) == "<!--") {
      const auto end = svg.find("-->", i + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
      continue;
    }
    // A tag: <name attr="value" ...>, </name> or <name .../>.
    std::size_t j = i + 1;
    if (j < n && svg[j] == '/') ++j;
    const std::size_t name_start = j;
    while (j < n && is_name_char(svg[j]))
      ++j;
    if (!allowed_element(lower(svg.substr(name_start, j - name_start)))) return {};
    for (;;) {
      while (j < n && is_space(svg[j]))
        ++j;
      if (j >= n) return {};
      if (svg[j] == '>') break;
      if (svg[j] == '/') {
        ++j;
        continue;
      }
      const std::size_t attr_start = j;
      while (j < n && !is_space(svg[j]) && svg[j] != '=' && svg[j] != '>' && svg[j] != '/')
        ++j;
      if (j == attr_start) return {};  // a stray character inside the tag
      const std::string attribute = lower(svg.substr(attr_start, j - attr_start));
      if (attribute.starts_with("on")) return {};
      while (j < n && is_space(svg[j]))
        ++j;
      if (j < n && svg[j] == '=') {
        ++j;
        while (j < n && is_space(svg[j]))
          ++j;
        if (j >= n) return {};
        std::string value;
        if (svg[j] == '"' || svg[j] == '\'') {
          const auto close = svg.find(svg[j], j + 1);
          if (close == std::string_view::npos) return {};
          value = std::string(svg.substr(j + 1, close - j - 1));
          j = close + 1;
        } else {
          const std::size_t value_start = j;
          while (j < n && !is_space(svg[j]) && svg[j] != '>')
            ++j;
          value = std::string(svg.substr(value_start, j - value_start));
        }
        // xlink:title is a tooltip (Graphviz writes data labels there): text, never a URL
        // or style, whatever it says.
        if (!attribute.starts_with("xmlns") && attribute != "xlink:title" &&
            unsafe_value(attribute, value))
          return {};
      }
    }
    out.append(svg.substr(i, j + 1 - i));
    i = j + 1;
  }
  return out;
}

std::string svg_data_uri(std::string_view svg) {
  static constexpr char digits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "data:image/svg+xml;base64,";
  out.reserve(out.size() + (svg.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= svg.size(); i += 3) {
    const std::uint32_t word =
        static_cast<std::uint32_t>(static_cast<unsigned char>(svg[i])) << 16 |
        static_cast<std::uint32_t>(static_cast<unsigned char>(svg[i + 1])) << 8 |
        static_cast<unsigned char>(svg[i + 2]);
    out += digits[word >> 18 & 63];
    out += digits[word >> 12 & 63];
    out += digits[word >> 6 & 63];
    out += digits[word & 63];
  }
  const std::size_t rest = svg.size() - i;
  if (rest > 0) {
    std::uint32_t word = static_cast<std::uint32_t>(static_cast<unsigned char>(svg[i])) << 16;
    if (rest == 2) word |= static_cast<std::uint32_t>(static_cast<unsigned char>(svg[i + 1])) << 8;
    out += digits[word >> 18 & 63];
    out += digits[word >> 12 & 63];
    out += rest == 2 ? digits[word >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

std::string terminal_text(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = graph::decode_utf8(text, i, cp, bad);
    if (length == 0) {
      for (std::size_t k = 0; k < bad; ++k)
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i + k]));
      i += bad;
      continue;
    }
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    if (cp == '\n' && keep_newlines) {
      out += '\n';
    } else if (cp == '\n' || cp == '\t' || cp == '\r') {
      out += cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r";
    } else if (control && cp < 0x80) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else if (control || bidi) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace actornet::cli
