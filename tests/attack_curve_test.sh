#!/usr/bin/env bash
# `actornet resilience --attack ... --curve FILE.svg`: the chart is well-formed SVG with three
# panels (pairs joined, disjoint channels, largest component), each with one line and one
# legend entry per order; the same run twice gives the same bytes; a failing run leaves no
# file behind. Run from the project root:  tests/attack_curve_test.sh ACTORNET
set -euo pipefail
actornet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=(resilience datasets/us-china-law-enforcement --side-a country=CN --side-b country=US
      --attack degree,random,tenure-end --runs 3 --format csv -o /dev/null)

"$actornet" "${args[@]}" --curve "$tmp/a.svg"
"$actornet" "${args[@]}" --curve "$tmp/b.svg"
cmp "$tmp/a.svg" "$tmp/b.svg" || { echo "two runs drew different charts"; exit 1; }

/usr/bin/python3 - "$tmp/a.svg" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
charts = root.findall("s:svg", ns)
assert len(charts) == 3, f"{len(charts)} panels, expected 3"
want = ["degree (static)", "random (mean of 3 runs, seed 1)", "tenure-end (by end of office)"]
for chart in charts:
    series = [g.get("data-name") for g in chart.iter("{http://www.w3.org/2000/svg}g")
              if g.get("class") == "series"]
    assert series == want, series
    legend = [t.text for g in chart.iter("{http://www.w3.org/2000/svg}g")
              if g.get("class") == "legend-entry" for t in g.findall("s:text", ns)]
    assert legend == want, legend
    titles = {t.get("class"): t.text for t in chart.findall("s:text", ns)}
    assert titles.get("x-title") == "nodes removed", titles
    for g in chart.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") == "series":
            assert g.findall("s:polyline", ns), f"no line for {g.get('data-name')}"
print("chart ok")
PY

# An input error after the flags are read: no chart is written.
if "$actornet" "${args[@]}" --attack-list nobody --curve "$tmp/c.svg" 2>/dev/null; then
  echo "expected a failure"; exit 1
fi
[[ ! -e "$tmp/c.svg" ]] || { echo "a failing run left $tmp/c.svg"; exit 1; }
echo "ok"
