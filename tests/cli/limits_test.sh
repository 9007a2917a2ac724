#!/usr/bin/env bash
# The readers' limits (README.md, "Limits"; importers/limits.hpp) through the command line:
# inputs past a limit end with exit status 2 and a message naming file, line and column and
# pointing at the limit, never with a crash. Run from the project root:
#   tests/cli/limits_test.sh ACTORNET
set -uo pipefail
actornet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
data=datasets/us-china-law-enforcement

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect STATUS MESSAGE-REGEX DESCRIPTION -- COMMAND...: runs the command with stderr captured.
expect() {
  local want=$1 pattern=$2 what=$3
  shift 4
  "$@" 2> "$tmp/err" > /dev/null
  local got=$?
  [[ $got -eq $want ]] || fail "$what: exit status $got, expected $want ($(head -c 400 "$tmp/err"))"
  grep -Eq -e "$pattern" "$tmp/err" || fail "$what: message '$(head -c 400 "$tmp/err")' lacks /$pattern/"
}

# repeat TEXT N: TEXT written N times.
repeat() {
  awk -v t="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; ++i) printf "%s", t }'
}

deep=100000

# Nesting: 100,000 levels, which would overflow the stack of a recursive parser.
{
  printf '{"nodes": [{"id": "a", "x": '
  repeat '[' $deep
  repeat ']' $deep
  printf '}], "links": []}\n'
} > "$tmp/deep.json"
expect 2 "deep.json:1:[0-9]+: JSON arrays and objects nested more than 256 levels deep.*Limits" \
  "JSON nesting" -- "$actornet" validate "$tmp/deep.json"

{
  printf 'graph [\n node [ id 1 x '
  repeat '[ a ' $deep
} > "$tmp/deep.gml"
expect 2 "deep.gml:2:[0-9]+: records nested more than 256 levels deep" "GML nesting" -- \
  "$actornet" validate "$tmp/deep.gml"

{
  printf 'digraph {\n'
  repeat 'subgraph { ' $deep
  printf 'a -> b'
  repeat ' }' $deep
  printf '\n}\n'
} > "$tmp/deep.dot"
expect 2 "deep.dot:2:[0-9]+: DOT braces \(subgraphs in subgraphs\) nested more than 256" \
  "DOT nesting" -- "$actornet" validate "$tmp/deep.dot"

{
  printf 'interventions: '
  repeat '[' $deep
  repeat ']' $deep
  printf '\n'
} > "$tmp/deep.yaml"
expect 2 "deep.yaml:1:[0-9]+: YAML collections nested more than 256 levels deep" \
  "YAML nesting" -- "$actornet" scenario $data --side-a kind=person --side-b kind=agency \
  --scenario "$tmp/deep.yaml"

{
  printf '<html><body>\n'
  repeat '<div>' $deep
  printf 'Wang met Li.'
  repeat '</div>' $deep
  printf '</body></html>\n'
} > "$tmp/deep.html"
printf 'id,label,kind,aliases\nwang,Wang,person,Wang\nli,Li,person,Li\n' > "$tmp/gazetteer.csv"
mkdir "$tmp/out"
expect 2 "deep.html:2: HTML elements nested more than 256 levels deep" "HTML nesting" -- \
  "$actornet" import-text "$tmp/deep.html" --gazetteer "$tmp/gazetteer.csv" -o "$tmp/out/ties.csv"
[[ -z $(find "$tmp/out" -mindepth 1 -print) ]] || fail "HTML nesting: output left behind"

# The selection language: 30,000 '(' (an argument holds at most 128 KiB).
expect 2 "--where:1:257: the selection nests '\(' and 'not' more than 256 levels deep" \
  "selection nesting" -- "$actornet" info $data --where "$(repeat '(' 30000)kind=person"

# XML needs no nesting limit: pugixml does not recurse.
{
  printf '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a">'
  repeat '<x>' $deep
  repeat '</x>' $deep
  printf '</node></nodes></graph></gexf>\n'
} > "$tmp/deep.gexf"
"$actornet" validate "$tmp/deep.gexf" > "$tmp/out.txt" 2>&1 || fail "XML nesting: exit status $?"
grep -q "deep.gexf: 1 nodes, 0 edges: valid" "$tmp/out.txt" || fail "XML nesting: $(head -c 400 "$tmp/out.txt")"

# Attribute names: a header past 16,384 columns, GraphML keys past 16,384.
{
  printf 'source,target'
  awk 'BEGIN { for (i = 0; i < 16384; ++i) printf ",a%d", i; print "" }'
  printf 'x,y'
  repeat ',' 16384
  printf '\n'
} > "$tmp/wide.csv"
expect 2 "wide.csv:1:[0-9]+: the header has 16386 columns; actornet reads at most 16384" \
  "CSV columns" -- "$actornet" validate "$tmp/wide.csv"

{
  printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
  awk 'BEGIN { for (i = 0; i <= 16384; ++i)
                 printf "<key id=\"k%d\" for=\"node\" attr.name=\"n%d\" attr.type=\"int\"/>\n", i, i }'
  printf '<graph edgedefault="undirected"/></graphml>\n'
} > "$tmp/keys.graphml"
expect 2 "keys.graphml:16386:[0-9]+: more than 16384 distinct node attribute names \(the next is 'n16384'\)" \
  "GraphML keys" -- "$actornet" validate "$tmp/keys.graphml"

# Field and record length: 17 MiB in one CSV field, and in one GDELT record.
{
  printf 'source,target,note\na,b,'
  head -c $((17 << 20)) /dev/zero | tr '\0' 'y'
  printf '\n'
} > "$tmp/long.csv"
expect 2 "long.csv:2:5: this field is longer than 16 MiB" "CSV field" -- \
  "$actornet" validate "$tmp/long.csv"

{
  printf '1\t2\n1\t'
  head -c $((17 << 20)) /dev/zero | tr '\0' 'x'
  printf '\n'
} > "$tmp/long.export.CSV"
expect 2 "long.export.CSV:2: the record starting on this line runs on for more than 16 MiB" \
  "GDELT record" -- "$actornet" validate "$tmp/long.export.CSV" --input-format gdelt

# Counts a header declares.
printf '*Vertices 100000001\n' > "$tmp/big.net"
expect 2 "big.net:1:11: \*Vertices 100000001: actornet reads Pajek networks of at most 100000000" \
  "Pajek vertex count" -- "$actornet" validate "$tmp/big.net"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "limits ok"
