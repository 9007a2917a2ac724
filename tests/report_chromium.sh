#!/usr/bin/env bash
# Opens the report's index.html in headless Chromium: it must load with no console message
# (the page has no script, so any message is an error: a blocked or failed resource, a parse
# problem), its DOM must hold the inlined diagram and the sections, and a screenshot must be
# produced (kept at SCREENSHOT for a human to look at).
#   report_chromium.sh ACTORNET SCREENSHOT
# Exits 77 (ctest: skipped) when /usr/bin/chromium is not installed.
set -u
actornet=$1
shot=$2
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  echo "chromium not installed (apt-get install chromium): skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$actornet" report datasets/us-china-law-enforcement -o "$tmp/out" \
  --title "China-U.S. law-enforcement cooperation" >/dev/null || { echo "FAIL: report"; exit 1; }
url="file://$tmp/out/index.html"
browse() {
  timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" "$@"
}

rm -f "$shot"
browse --screenshot="$shot" --window-size=1400,2000 "$url" >"$tmp/shot.out" 2>"$tmp/shot.err" ||
  fail "chromium --screenshot failed: $(tail -3 "$tmp/shot.err")"
[ -s "$shot" ] || fail "no screenshot at $shot"
head -c 8 "$shot" | od -An -tx1 | grep -q '89 50 4e 47' || fail "the screenshot is not a PNG"

browse --enable-logging=stderr --v=0 --dump-dom "$url" >"$tmp/dom.html" 2>"$tmp/console.err" ||
  fail "chromium --dump-dom failed: $(tail -3 "$tmp/console.err")"
if grep -qiE 'CONSOLE|Uncaught|Failed to load resource|Refused to' "$tmp/console.err"; then
  fail "console messages:"
  grep -iE 'CONSOLE|Uncaught|Failed to load resource|Refused to' "$tmp/console.err" | head -10
fi
grep -q '<svg' "$tmp/dom.html" || fail "the DOM holds no inlined diagram"
grep -q 'class="node"' "$tmp/dom.html" || fail "the diagram in the DOM has no node"
for section in "In brief" "Central actors" "Who they are" "Data notes"; do
  grep -qF "$section" "$tmp/dom.html" || fail "the DOM lacks '$section'"
done

[ "$failures" = 0 ] && echo "report page: loads without console messages; screenshot at $shot"
[ "$failures" = 0 ]
