#!/usr/bin/env bash
# Runs `actornet report` end to end and checks the folder it writes:
#   report_test.sh ACTORNET
# From the project root. Checks: every file exists and is non-empty; index.html is
# self-contained (no script, no stylesheet link, no resource fetched from the network) and
# names the top actors; centrality.csv is what `actornet centrality --undirected --format csv`
# prints; labels that are markup stay text, in the page and in the inlined SVG; a rerun
# replaces the files and leaves no temporary file; input errors write nothing.
set -u
actornet=$1
data=datasets/us-china-law-enforcement
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
html_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"; }

out=$tmp/nested/us-china
if ! "$actornet" report "$data" -o "$out" >"$tmp/stdout" 2>"$tmp/stderr"; then
  fail "actornet report exited $?"; cat "$tmp/stderr"; exit 1
fi
for f in index.html report.md diagram.svg diagram.png centrality.csv; do
  [ -s "$out/$f" ] || fail "$f missing or empty"
  grep -qxF "$out/$f" "$tmp/stdout" || fail "stdout does not list $out/$f"
done
[ -s "$tmp/stderr" ] && fail "stderr is not a terminal, yet something was printed: $(cat "$tmp/stderr")"

page=$out/index.html
grep -qiE '(src|href|action|poster|data)[[:space:]]*=[[:space:]]*["'\'']?[[:space:]]*(https?:)?//' "$page" &&
  fail "index.html references a network resource: $(grep -oiE '(src|href)=["'\'']?(https?:)?//[^"'\'' >]*' "$page" | head -3)"
grep -qi '<script' "$page" && fail "index.html holds a <script>"
grep -qi '<link' "$page" && fail "index.html links an external file"
grep -qiE '@import|url\((["'\'']?)(https?:)?//' "$page" && fail "index.html's CSS fetches something"
grep -q '<svg' "$page" || fail "the diagram is not inlined as SVG"
for section in "In brief" "Central actors" "Who they are" "The network" "How this was computed" "Data notes"; do
  grep -qF "$section" "$page" || fail "index.html lacks the section '$section'"
done
# The top three actors by each headline measure are on the page (labels HTML-escaped).
for measure in degree betweenness pagerank; do
  "$actornet" centrality "$data" --undirected --measures "$measure" --top 3 --format csv |
    tail -n +2 | cut -d, -f2 | while IFS= read -r label; do
      escaped=$(printf '%s' "$label" | html_escape)
      grep -qF "$escaped" "$page" || echo "missing $measure leader: $label"
    done >"$tmp/missing"
  [ -s "$tmp/missing" ] && fail "$(cat "$tmp/missing")"
done
"$actornet" centrality "$data" --undirected --format csv >"$tmp/expected.csv"
cmp -s "$tmp/expected.csv" "$out/centrality.csv" ||
  fail "centrality.csv differs from 'actornet centrality --undirected --format csv'"
grep -qF '](<diagram.png>)' "$out/report.md" || fail "report.md does not show diagram.png"
head -c 8 "$out/diagram.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || fail "diagram.png is not a PNG"
grep -q '<svg' "$out/diagram.svg" || fail "diagram.svg is not SVG"

# Into the same, now non-empty folder: files replaced, no temporary file left behind.
"$actornet" report "$data" -o "$out" --at 2024-07 --top 5 >/dev/null 2>&1 || fail "rerun failed"
grep -qF 'Snapshot on <strong>2024-07</strong>' "$page" || fail "rerun did not replace index.html"
leftovers=$(find "$out" -name '.*tmp*' | head -3)
[ -n "$leftovers" ] && fail "temporary files left: $leftovers"

# Labels that are markup stay text everywhere.
evil=$tmp/evil
mkdir -p "$evil"
cat >"$evil/nodes.csv" <<'CSV'
Id,Label,kind,side,description
x,<script>alert(1)</script>,person,A,"<img src=x onerror=alert(2)>"
y,"""onmouseover=alert(3) x=""",person,B,plain
z,a<b & c,agency,A,
CSV
cat >"$evil/edges.csv" <<'CSV'
Source,Target,Kind
x,y,met_with
y,z,leads
x,z,<b>bold</b>
CSV
if "$actornet" report "$evil" -o "$tmp/evil-out" >/dev/null 2>"$tmp/stderr"; then
  for f in index.html report.md; do
    p=$tmp/evil-out/$f
    grep -qi '<script' "$p" && fail "$f lets <script> through"
    # Escaped, the label's quote is &quot;: a raw quote before onmouseover, or onmouseover
    # as an attribute name of a tag, would mean it broke out of a value.
    grep -qiE '<[^>]*[[:space:]]onmouseover[[:space:]]*=' "$p" &&
      fail "$f lets an onmouseover attribute through"
    [ "$f" = index.html ] && grep -qi '"onmouseover' "$p" && fail "$f lets a quote through"
    grep -qiE '<img[^>]*onerror' "$p" && fail "$f lets an <img onerror> through"
    grep -qi '<b>bold' "$p" && fail "$f lets a relation name be markup"
    grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$p" || fail "$f does not show the label as text"
  done
  sed -n '/<svg/,/<\/svg>/p' "$tmp/evil-out/index.html" >"$tmp/inlined.svg"
  [ -s "$tmp/inlined.svg" ] || fail "the diagram of the hostile dataset is not inlined"
  grep -qF '&lt;script&gt;' "$tmp/inlined.svg" || fail "the inlined SVG does not escape the label"
  grep -qF 'a&lt;b &amp; c' "$tmp/evil-out/index.html" || fail "'a<b & c' is not escaped"
else
  fail "report on the hostile dataset failed: $(cat "$tmp/stderr")"
fi

# With two sides and a change of office holders: the channel sections, with the figures that
# `actornet resilience` and `actornet scenario` print for the same question.
sides=(--side-a country=CN --side-b country=US)
if "$actornet" report "$data" "${sides[@]}" --transition 2025-01-20 --compare 2024-12-01,2025-02-01 \
  -o "$tmp/sides" >/dev/null 2>"$tmp/stderr"; then
  for section in "Channels between the sides" "When the office holders change on 2025-01-20" \
    "channels lost"; do
    grep -qF "$section" "$tmp/sides/index.html" || fail "index.html lacks '$section'"
    grep -qF "$section" "$tmp/sides/report.md" || fail "report.md lacks '$section'"
  done
  grep -qF "Brokers and communities" "$tmp/sides/report.md" || fail "report.md lacks the brokers"
  # The top broker: label, side and total as `actornet brokerage` gives them.
  mapfile -t top < <("$actornet" brokerage "$data" --partition side --undirected --top 1 \
    --format csv | awk -F, '$3=="label" || $3=="group" || $3=="total" {print $4}')
  label=${top[0]} group=${top[1]} total=${top[2]}
  grep -qE "^\| $label \| $group( \| [0-9]+){5} \| $total \|$" "$tmp/sides/report.md" ||
    fail "report.md's top broker differs from actornet brokerage ($label, $group, $total)"
  disjoint=$("$actornet" resilience "$data" "${sides[@]}" --format csv |
    awk -F, '$1=="section" {next} $3=="name" && $4=="disjoint_channels" {row=$2} $2==row && $3=="value" {print $4; exit}')
  grep -qF "| disjoint\_channels | $disjoint |" "$tmp/sides/report.md" ||
    fail "report.md's disjoint_channels differs from actornet resilience ($disjoint)"
  "$actornet" scenario "$data" "${sides[@]}" --transition 2025-01-20 --dates 2024-12-01,2025-02-01 \
    --format csv >"$tmp/scenario.csv" || fail "actornet scenario failed"
  grep -q "2025-02-01" "$tmp/scenario.csv" || fail "actornet scenario printed no 2025-02-01 row"
else
  fail "report with sides failed: $(cat "$tmp/stderr")"
fi
"$actornet" report "$data" --side-a country=CN -o "$tmp/one-side" >/dev/null 2>&1
[ $? = 2 ] || fail "--side-a without --side-b should exit 2"
"$actornet" report "$data" "${sides[@]}" --transition 2025-01-21 -o "$tmp/no-tenure" >/dev/null 2>&1
[ $? = 2 ] || fail "a --transition date ending no tenure should exit 2"
[ -e "$tmp/no-tenure" ] && fail "a failed run created its folder"

# Usage and input errors: exit 2, nothing written.
"$actornet" report "$data" -o "$tmp/bad" --at 2024-13 >/dev/null 2>&1
[ $? = 2 ] || fail "a bad --at should exit 2"
[ -e "$tmp/bad" ] && fail "a failed run created its folder"
touch "$tmp/file"
"$actornet" report "$data" -o "$tmp/file" >/dev/null 2>"$tmp/stderr"
[ $? = 2 ] || fail "-o naming a file should exit 2"
grep -q "not a folder" "$tmp/stderr" || fail "-o naming a file: unclear message: $(cat "$tmp/stderr")"

[ "$failures" = 0 ] && echo "report: all checks passed"
[ "$failures" = 0 ]
