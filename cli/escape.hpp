// Escaping data strings (labels, ids, attribute values) for the HTML and Markdown a report
// writes, so that nothing coming from the data is ever read as markup or executed.
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
