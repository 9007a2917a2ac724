#!/usr/bin/env bash
# Faults around output files: a file-size limit hit mid-write (a full disk as the process sees
# it), a folder that cannot be written, an input that has vanished, and SIGINT or SIGTERM in the
# middle of a long run. Each must end with a clear message, the right exit status, and no
# output or temporary file left behind. Run from the project root:
#   tests/cli/faults_test.sh ACTORNET
set -uo pipefail
actornet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# No file at all in $tmp/out: neither the target nor a hidden temporary beside it.
expect_empty_out() {
  local left
  left=$(find "$tmp/out" -mindepth 1 -print)
  [[ -z "$left" ]] || fail "$1: files left behind: $left"
}

# expect STATUS MESSAGE-REGEX DESCRIPTION -- COMMAND...: runs the command with stderr captured.
expect() {
  local want=$1 pattern=$2 what=$3
  shift 4
  "$@" 2> "$tmp/err" > /dev/null
  local got=$?
  [[ $got -eq $want ]] || fail "$what: exit status $got, expected $want ($(cat "$tmp/err"))"
  grep -Eq "$pattern" "$tmp/err" || fail "$what: message '$(cat "$tmp/err")' lacks /$pattern/"
}

mkdir "$tmp/out"
data=datasets/us-china-law-enforcement

# A write past the file-size limit (512-byte blocks): EFBIG, reported, exit 1, nothing left.
expect 1 "cannot write '.*big.gexf'.*File too large" "file-size limit" -- \
  bash -c "ulimit -f 1; exec '$actornet' export $data -o '$tmp/out/big.gexf'"
[[ -e "$tmp/out/big.gexf" ]] && fail "file-size limit: big.gexf exists"
expect_empty_out "file-size limit"

# The same output under no limit is well over one block, so the test above did hit the limit.
"$actornet" centrality $data --format csv -o "$tmp/whole.csv" 2> /dev/null
size=$(stat -c %s "$tmp/whole.csv")
((size > 512)) || fail "the reference output is only $size bytes: the limit test proves nothing"
expect 1 "cannot write '.*scores.csv'.*File too large" "file-size limit (centrality)" -- \
  bash -c "ulimit -f 1; exec '$actornet' centrality $data --format csv -o '$tmp/out/scores.csv'"
expect_empty_out "file-size limit (centrality)"

# A folder that does not exist, a path through a regular file, and a folder that cannot be
# written to (permissions do not stop root, so as root a sysfs folder stands in for it).
expect 1 "cannot write '.*missing/x.csv'.*folder exists and is writable" "missing folder" -- \
  "$actornet" centrality $data -o "$tmp/out/missing/x.csv"
touch "$tmp/plain"
expect 1 "cannot write '.*plain/x.csv'" "path through a file" -- \
  "$actornet" centrality $data -o "$tmp/plain/x.csv"
if [[ $(id -u) -eq 0 ]]; then
  readonly_dir=/sys/kernel
else
  mkdir "$tmp/readonly" && chmod 555 "$tmp/readonly"
  readonly_dir=$tmp/readonly
fi
expect 1 "cannot write '$readonly_dir/x.csv'" "unwritable folder" -- \
  "$actornet" centrality $data -o "$readonly_dir/x.csv"
[[ -e "$readonly_dir/x.csv" ]] && fail "unwritable folder: x.csv exists"

# An input that is not there (any more): exit 2, naming it.
cp -r $data "$tmp/input"
rm -r "$tmp/input"
expect 2 "input" "vanished dataset folder" -- "$actornet" centrality "$tmp/input" -o "$tmp/out/x.csv"
expect 2 "nowhere.csv" "vanished input file" -- "$actornet" info "$tmp/nowhere.csv"
expect_empty_out "vanished input"

# A signal in the middle of a long run: the process dies of the signal (128 + its number), says
# so, and leaves nothing. Exact betweenness on 400,000 random edges takes far longer than the
# two seconds given.
awk 'BEGIN { srand(7); print "source,target";
             for (i = 0; i < 400000; ++i) printf "%d,%d\n", int(rand() * 100000), int(rand() * 100000) }' \
  > "$tmp/big.csv"
for signal in INT TERM; do
  "$actornet" centrality "$tmp/big.csv" --measures betweenness \
    -o "$tmp/out/scores.csv" 2> "$tmp/err" &
  pid=$!
  sleep 2
  kill -s $signal $pid
  wait $pid
  got=$?
  want=$((128 + $(kill -l $signal)))
  [[ $got -eq $want ]] || fail "SIG$signal: exit status $got, expected $want"
  grep -q "interrupted; no output written" "$tmp/err" || fail "SIG$signal: message '$(cat "$tmp/err")'"
  expect_empty_out "SIG$signal"
done

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "faults ok"
