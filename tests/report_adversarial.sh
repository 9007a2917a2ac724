#!/usr/bin/env bash
# The report of the adversarial dataset (tests/formats/adversarial: markup, quotes, DOT syntax,
# controls, bidirectional overrides, 10 kB strings in ids, labels, kinds, relations and
# attributes), and of a GraphML file with ill-formed UTF-8 when the reader takes it:
#   - index.html and report.md are valid UTF-8 holding no control character but tab, LF, CR;
#     index.html holds no <script>, and its inlined diagram parses as XML (expat);
#   - in headless Chromium (/usr/bin/chromium) the page logs nothing to the console, its DOM
#     holds no element or attribute the data injected (no script, img, iframe, object, embed,
#     foreignObject, no on* attribute, no link but to the files beside it), the diagram is
#     inlined as SVG, and the labels show as text;
#   - a copy of the page with a trap for alert(), confirm(), prompt() and print() loaded first
#     never springs it, while the same trap does spring on a copy with an injected
#     <img onerror> (so the check can fail);
#   - laid out in a 1280 px window, nothing is wider than its box: the page does not scroll
#     sideways and no 10 kB label pushes a ranking card's scores out (while, without the
#     page's overflow-wrap rule, a card does overflow: the check can fail).
#   report_adversarial.sh ACTORNET FIXTURE
# Exit 77 (ctest: skipped) when the file checks pass but /usr/bin/chromium is not installed.
set -u
actornet=$1
fixture=$2
python=/usr/bin/python3
chromium=/usr/bin/chromium
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The files of one report folder: UTF-8, controls, no script, the inlined SVG parses.
check_files() {
  "$python" - "$1" <<'PY' || fail "$1: file checks"
import re, sys, xml.etree.ElementTree as ET
folder = sys.argv[1]
bad = 0
for name in ("index.html", "report.md"):
    data = open(f"{folder}/{name}", "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"FAIL: {name} is not UTF-8: {e}"); bad += 1; continue
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text):
        print(f"FAIL: {name} holds a control character"); bad += 1
page = open(f"{folder}/index.html", encoding="utf-8").read()
if re.search(r"<script", page, re.I):
    print("FAIL: index.html holds <script"); bad += 1
start, end = page.find("<svg"), page.find("</svg>")
if start < 0 or end < 0:
    print("FAIL: the diagram is not inlined"); bad += 1
else:
    try:
        ET.fromstring(page[start:end + 6])
    except ET.ParseError as e:
        print(f"FAIL: the inlined SVG does not parse: {e}"); bad += 1
sys.exit(1 if bad else 0)
PY
}

browse() {
  timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" "$@"
}

# The DOM Chromium built from a page: nothing injected, the diagram inlined, `labels` (one
# per line in $3) shown as text.
check_dom() {
  "$python" - "$1" "$2" <<'PY' || fail "$1: DOM checks"
import sys
from html.parser import HTMLParser
dom_file, labels_file = sys.argv[1], sys.argv[2]
forbidden = {"script", "img", "iframe", "object", "embed", "foreignobject", "image", "frame",
             "applet", "base", "form", "input", "button", "link", "meta-refresh", "video", "audio"}
class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad, self.svg, self.text = [], 0, []
    def handle_starttag(self, tag, attrs):
        if tag in forbidden:
            self.bad.append(f"<{tag}>")
        if tag == "svg":
            self.svg += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "xlink:href", "action", "formaction") and value not in (
                    "diagram.svg", "diagram.png", "centrality.csv", "report.md"):
                self.bad.append(f"{name}={value!r} on <{tag}>")
    def handle_data(self, data):
        self.text.append(data)
dom = Dom()
dom.feed(open(dom_file, encoding="utf-8").read())
text = "".join(dom.text)
bad = 0
for b in dom.bad:
    print("FAIL: the DOM holds", b); bad += 1
if dom.svg != 1:
    print(f"FAIL: the DOM holds {dom.svg} <svg> elements, not the one inlined diagram"); bad += 1
for label in open(labels_file, encoding="utf-8").read().splitlines():
    if label and label not in text:
        print(f"FAIL: {label!r} is not shown as text"); bad += 1
sys.exit(1 if bad else 0)
PY
}

# A copy of page $1 at $2 with $3 inserted after <head>, $4 before </main> and $5 before
# </body>, once $6 (when given) is removed.
edit_page() {
  "$python" - "$@" <<'PY'
import sys
page, copy, head, main_end, body_end, remove = (sys.argv[1:] + [""] * 6)[:6]
html = open(page, encoding="utf-8").read()
if remove:
    html = html.replace(remove, "")
html = html.replace("<head>", "<head>" + head, 1).replace("</main>", main_end + "</main>", 1)
html = html.replace("</body>", body_end + "</body>", 1)
open(copy, "w", encoding="utf-8").write(html)
PY
}

# The page with a trap loaded first; prints "sprung" when a dialog function was called.
trap_page() {
  local trap="<script>(function(){var s=function(){document.documentElement.setAttribute("
  trap+="'data-trap','sprung');};window.alert=s;window.confirm=s;window.prompt=s;"
  trap+="window.print=s;})();</script>"
  edit_page "$1" "$2" "$trap" "${3:-}"
  browse --dump-dom "file://$2" 2>/dev/null | grep -q 'data-trap="sprung"' && echo sprung
}

# What overflows the laid-out page in a 1280 px wide window: "page" when the page scrolls
# sideways, "card" for each ranking card whose content is wider than the card (a long
# unbreakable label pushing the scores out); "none" when nothing does. With a third argument,
# that text is first removed from the page (to show the check can fail).
overflow() {
  local probe="<script>(function(){var d=document.documentElement,w=[];"
  probe+="if(d.scrollWidth>d.clientWidth)w.push('page');"
  probe+="document.querySelectorAll('.card').forEach(function(c){"
  probe+="if(c.scrollWidth>c.clientWidth+1)w.push('card');});"
  probe+="d.setAttribute('data-overflow',w.length?w.join(' '):'none');})();</script>"
  edit_page "$1" "$2" "" "" "$probe" "${3:-}"
  browse --window-size=1280,1000 --dump-dom "file://$2" 2>/dev/null |
    sed -n 's/.*data-overflow="\([^"]*\)".*/\1/p' | head -1
}

# One report: files, then (with Chromium) console, DOM, the trap and the layout.
check_report() {
  local name=$1 dir=$2 labels=$3
  check_files "$dir"
  [ -x "$chromium" ] || return 0
  browse --enable-logging=stderr --v=0 --dump-dom "file://$dir/index.html" >"$tmp/$name.dom" \
    2>"$tmp/$name.console" || fail "$name: chromium --dump-dom failed"
  if grep -qiE 'CONSOLE|Uncaught|Failed to load resource|Refused to' "$tmp/$name.console"; then
    fail "$name: console messages:"
    grep -iE 'CONSOLE|Uncaught|Failed to load resource|Refused to' "$tmp/$name.console" | head -5
  fi
  check_dom "$tmp/$name.dom" "$labels"
  [ "$(trap_page "$dir/index.html" "$dir/trap.html")" = sprung ] &&
    fail "$name: a dialog function was called while the page loaded"
  [ "$(trap_page "$dir/index.html" "$dir/control.html" '<img src=x onerror=alert(1)>')" = sprung ] ||
    fail "$name: the trap did not spring on an injected <img onerror> (the check is blind)"
  local wide
  wide=$(overflow "$dir/index.html" "$dir/overflow.html")
  [ "$wide" = none ] || fail "$name: content wider than its box: ${wide:-no layout result}"
}

# The adversarial dataset, with two sides and a hostile title.
if "$actornet" report "$fixture" -o "$tmp/adv" --side-a 'side=A' --side-b 'side=B' \
  --title '<script>alert("title")</script> & '"'x'" >/dev/null 2>"$tmp/stderr"; then
  printf '%s\n' '<script>alert(1)</script>' '<img src=x onerror=alert(1)>' \
    '"double" and '"'single'"' quotes' '<kind onclick=alert(3)>' '<b>B</b> & "C"' \
    ']]> &amp; --> <!-- comment' '<script>alert("title")</script> & '"'x'" >"$tmp/adv.labels"
  check_report adversarial "$tmp/adv" "$tmp/adv.labels"
  # Its 10 kB labels overflow the cards without the page's overflow-wrap rule.
  if [ -x "$chromium" ]; then
    case $(overflow "$tmp/adv/index.html" "$tmp/adv/wide.html" "overflow-wrap: anywhere;") in
      *card*) ;;
      *) fail "adversarial: no card overflows without overflow-wrap (the layout check is blind)" ;;
    esac
  fi
else
  fail "report on the adversarial dataset: $(head -c 500 "$tmp/stderr")"
fi

# Ill-formed UTF-8, through GraphML, when the reader takes it.
"$python" - "$tmp/ill.graphml" <<'PY'
import sys
nodes = [(b"a\xff", b"lone \xc3 &lt;script&gt;alert(7)&lt;/script&gt;"),
         (b"b\xc0\xaf", b"overlong \xc0\xaf"), (b"c\xed\xa0\x80", b"surrogate \xed\xa0\x80")]
doc = [b'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
       b'<key id="l" for="node" attr.name="label" attr.type="string"/>'
       b'<key id="s" for="node" attr.name="side" attr.type="string"/>'
       b'<key id="r" for="edge" attr.name="relation" attr.type="string"/><graph edgedefault="undirected">']
for k, (i, l) in enumerate(nodes):
    doc.append(b'<node id="' + i + b'"><data key="l">' + l + b'</data><data key="s">' + (b"A" if k else b"B") + b"</data></node>")
doc.append(b'<edge source="a\xff" target="b\xc0\xaf"><data key="r">rel\xff</data></edge>')
doc.append(b'<edge source="b\xc0\xaf" target="c\xed\xa0\x80"><data key="r">met_with</data></edge>')
doc.append(b"</graph></graphml>\n")
open(sys.argv[1], "wb").write(b"".join(doc))
PY
"$actornet" report "$tmp/ill.graphml" -o "$tmp/ill" >/dev/null 2>"$tmp/stderr"
case $? in
  0)
    printf '%s\n' "lone $(printf '\xef\xbf\xbd') <script>alert(7)</script>" >"$tmp/ill.labels"
    check_report ill-formed "$tmp/ill" "$tmp/ill.labels"
    ;;
  2) echo "note: the GraphML reader refuses ill-formed UTF-8; that report is not built" ;;
  *) fail "report on ill-formed UTF-8: $(head -c 500 "$tmp/stderr")" ;;
esac

if [ "$failures" != 0 ]; then
  echo "$failures failed"
  exit 1
fi
if [ ! -x "$chromium" ]; then
  echo "file checks passed; chromium not installed (apt-get install chromium): browser checks skipped"
  exit 77
fi
echo "adversarial report: files, console, DOM, dialog trap and layout checks passed"
