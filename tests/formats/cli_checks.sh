#!/bin/sh
# `actornet export` end to end: GEXF and GraphML exports of the bundled dataset read back to
# the same `info` report, re-export to identical bytes (GEXF -> GraphML -> GEXF too), CSV
# writes a folder, and malformed XML input exits 2 naming file:line:column.
# Usage: cli_checks.sh ACTORNET DATASET OUTDIR
set -eu
actornet=$1 dataset=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

"$actornet" info "$dataset" > "$out/info.expected"
for fmt in gexf graphml; do
  "$actornet" export "$dataset" -o "$out/a.$fmt"
  "$actornet" info "$out/a.$fmt" > "$out/info.$fmt"
  diff -u "$out/info.expected" "$out/info.$fmt" || fail "info of the $fmt export differs"
  "$actornet" export "$out/a.$fmt" -o "$out/b.$fmt"
  cmp "$out/a.$fmt" "$out/b.$fmt" || fail "re-exporting the $fmt export changed it"
done
"$actornet" export "$out/a.graphml" -o "$out/c.gexf"
cmp "$out/a.gexf" "$out/c.gexf" || fail "GEXF -> GraphML -> GEXF changed the file"
"$actornet" export "$out/a.gexf" "$dataset/nodes.csv" -o "$out/merged.gexf" 2> "$out/merge.err"
cmp "$out/a.gexf" "$out/merged.gexf" || fail "merging the GEXF export with nodes.csv changed it"

"$actornet" export "$dataset" -o "$out/csv" --format csv
[ -f "$out/csv/nodes.csv" ] && [ -f "$out/csv/edges.csv" ] || fail "CSV export wrote no folder"

printf '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph>\n<nodes>\n<node id="a">\n</nodes>\n' \
  > "$out/broken.gexf"
status=0
"$actornet" export "$out/broken.gexf" -o "$out/never.graphml" 2> "$out/broken.err" || status=$?
[ "$status" -eq 2 ] || fail "malformed input exited $status, expected 2"
grep -q "broken.gexf:5:3: not well-formed XML" "$out/broken.err" || fail "no file:line:column: $(cat "$out/broken.err")"
[ ! -e "$out/never.graphml" ] || fail "a failed export left a file behind"
echo "cli checks passed"
