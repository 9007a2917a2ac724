// Escaping data strings (labels, ids, attribute values) for the HTML and Markdown a report
// writes and for the terminal, so that nothing coming from the data is ever read as markup,
// executed, or taken by a terminal as a command.
#pragma once

#include <string>
#include <string_view>

namespace actornet::cli {

/// `text` made safe anywhere in HTML text or in a double- or single-quoted attribute value:
/// viz::xml_escape (viz/markup.hpp), the one escaping of every page, SVG and XML label we
/// write: `&`, `<`, `>`, `"`, `'`, tab, line feed and CR become character references;
/// ill-formed UTF-8 and the control characters XML 1.0 cannot hold become U+FFFD. O(length).
std::string html_escape(std::string_view text);

/// `text` made literal in Markdown running text and table cells: `\`, `` ` ``, `*`, `_`, `[`,
/// `]`, `|`, `#`, `~` and `!` are backslash-escaped, `&`, `<` and `>` become character
/// references (so no raw HTML reaches a renderer that allows it), and line breaks become
/// spaces. Ill-formed UTF-8 and control characters other than tab, LF and CR become U+FFFD
/// first (viz::xml_text), so the file is valid UTF-8 text. O(length).
std::string markdown_escape(std::string_view text);

/// `text` safe to print on a terminal: control characters (C0 and DEL, and C1 such as the
/// one-byte CSI, U+009B) and the bidirectional embeddings, overrides and isolates (U+202A to
/// U+202E, U+2066 to U+2069) become visible escapes (`\t`, `\n`, `\r`, `\x1b`, `\u202e`),
/// and each byte of ill-formed UTF-8 becomes `\xff` (its value), so that no data can move the
/// cursor, recolour or retitle the terminal or reorder what follows it. With
/// `keep_newlines`, line feeds pass (messages that lay out several lines). Everything else,
/// other scripts included, passes unchanged. O(length).
std::string terminal_text(std::string_view text, bool keep_newlines = false);

/// An SVG document ready to be placed inside an HTML page: everything before the `<svg`
/// element (XML declaration, DOCTYPE, comments) and every comment are removed, so the page's
/// parser sees one element. Returns an empty string when `svg` has no `<svg` element or
/// holds anything able to run code or load a resource (an element other than those Graphviz
/// and our charts write, such as `<script`, `<foreignObject`, `<iframe`, `<image`; an
/// `on...=` event attribute; a `javascript:` value, a `url()` or link that leaves the
/// document, outside the namespace declarations and `xlink:title` tooltips, which are text):
/// the caller must then embed the document as an image (see svg_data_uri), where browsers run
/// nothing. Checks are case-insensitive. O(length).
std::string inline_svg(std::string_view svg);

/// `svg` as a `data:image/svg+xml;base64,...` URI for an `<img src>`: browsers never run
/// scripts nor fetch resources from an SVG loaded as an image. O(length).
std::string svg_data_uri(std::string_view svg);

}  // namespace actornet::cli
