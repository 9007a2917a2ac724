#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and runs each for a while,
# seeded with a corpus from datasets/, tests/golden/inputs/ and ../shared/data (when present)
# and with the format's dictionary from tests/fuzz/dict/.
#
#   tests/fuzz/run.sh [--seconds N] [--jobs J] [--replay] [TARGET...]
#
#   --seconds N  fuzzing time per target (default 60)
#   --jobs J     targets run at once (default 2)
#   --replay     only run every checked-in regression input (tests/fuzz/regressions/TARGET/)
#                once through its target, and fail if any of them fails
#   TARGET       csv gexf graphml gml pajek dl dot json gdelt icews acled text selection
#                scenario_yaml scenario_json (default: all)
#
# The growing corpus is kept in build-fuzz/corpus/TARGET (not in git). A crash, leak, timeout
# or out-of-memory input lands in build-fuzz/findings/TARGET/ and makes the script exit 1; each
# finding, minimised, belongs in tests/fuzz/regressions/TARGET/ once fixed. An input running
# over 10 s lands there too, as slow-unit-*, counted apart and not a failure. Per target, a line
# "TARGET: N runs in C CPU s (S s wall), corpus K, findings F, slow units U" is printed and a
# line (date, target, wall s, CPU s, runs, findings, exit status) appended to
# build-fuzz/fuzz-log.tsv (for tests/fuzz/README.md).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$repo/build-fuzz"
seconds=60
jobs=2
replay=0
targets=()
all=(csv gexf graphml gml pajek dl dot json gdelt icews acled text selection scenario_yaml
     scenario_json)
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --replay) replay=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("${all[@]}")

mkdir -p "$build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DACTORNET_FUZZ=ON \
  -DACTORNET_TESTS=OFF -DACTORNET_WERROR=OFF > "$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j"$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}") > "$build/build.log" 2>&1 ||
  { tail -50 "$build/build.log"; exit 1; }

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$repo/tests/lsan.supp"

# The file readers' targets write each input to a temporary file under $TMPDIR first
# (fuzz_target.cpp). Give them a directory of this run's own, removed at the end, and in memory
# when /dev/shm is there: rewriting that file for every input on a disk-backed /tmp kept a gexf
# fuzzer waiting on the disk for almost half of its wall time.
scratch_parent=${TMPDIR:-/tmp}
[[ -d /dev/shm && -w /dev/shm ]] && scratch_parent=/dev/shm
TMPDIR=$(mktemp -d "$scratch_parent/actornet-fuzz.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

if ((replay)); then
  failed=0
  for t in "${targets[@]}"; do
    dir="$here/regressions/$t"
    [[ -d "$dir" ]] || continue
    for input in "$dir"/*; do
      [[ -f "$input" ]] || continue
      if ! "$build/tests/fuzz/fuzz_$t" -rss_limit_mb=2048 -timeout=30 "$input" \
           > "$build/replay.log" 2>&1; then
        echo "FAIL: $t $(basename "$input")"
        tail -30 "$build/replay.log"
        failed=1
      fi
    done
  done
  ((failed == 0)) && echo "every regression input passes"
  exit $failed
fi

# Seeds: small files of the target's format (the first 16 kB of bigger ones).
data="$repo/../shared/data"
seed() {
  local t=$1 dir="$build/seeds/$t"
  rm -rf "$dir"
  mkdir -p "$dir"
  local -a patterns
  case "$t" in
    csv) patterns=('*.csv' '*.csv.gz') ;;
    gexf) patterns=('*.gexf') ;;
    graphml) patterns=('*.graphml') ;;
    gml) patterns=('*.gml') ;;
    pajek) patterns=('*.net' '*.paj') ;;
    dl) patterns=('*.dl') ;;
    dot) patterns=('*.dot' '*.gv') ;;
    json) patterns=('*.json') ;;
    gdelt) patterns=('*.export.CSV' 'gdelt*.csv' 'gdelt*.tsv') ;;
    icews) patterns=('*icews*.tab' '*icews*.tsv' 'events.*.tab') ;;
    acled) patterns=('*acled*.csv') ;;
    scenario_yaml) patterns=('*.yaml' '*.yml') ;;
    scenario_json) patterns=('scenario*.json' '*-change.json') ;;
    *) patterns=() ;;
  esac
  local n=0 p f
  for p in "${patterns[@]}"; do
    while IFS= read -r -d '' f; do
      if [[ "$f" == *.gz ]]; then
        gzip -dc "$f" 2> /dev/null | head -c 16384 > "$dir/$n" || true
      else
        head -c 16384 "$f" > "$dir/$n"
      fi
      n=$((n + 1))
      ((n < 60)) || return 0
    done < <(find "$repo/datasets" "$repo/tests/golden/inputs" "$repo/tests/formats" \
                  "$data" -name "$p" -type f -print0 2> /dev/null | sort -z)
  done
  case "$t" in
    text)
      local inputs="$repo/tests/golden/inputs/text"
      for f in "$inputs"/*.txt "$inputs"/*.html; do
        { cat "$inputs/gazetteer.csv"; printf '\n---\n'; head -c 16384 "$f"; } > "$dir/$n"
        n=$((n + 1))
      done ;;
    selection)
      printf '%s\n' 'kind = person and rank >= 2' 'id in (a, b) or not label ~ "^B"' \
        'born < 1970-01 and tags = x' 'relation = met_with and start >= 2024' \
        'directed = true or weight > 0.5' '"first name" = "Ann \"A\""' |
        while IFS= read -r line; do printf '%s' "$line" > "$dir/sel$n"; n=$((n + 1)); done ;;
  esac
}

failed=0
run_one() {
  local t=$1 corpus="$build/corpus/$t" findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  seed "$t"
  local dict=()
  [[ -f "$here/dict/$t.dict" ]] && dict=(-dict="$here/dict/$t.dict")
  local log="$build/logs/$t.log"
  mkdir -p "$build/logs"
  local status=0
  # Findings of earlier runs stay in $findings for a look; only this run's count.
  local mark="$build/logs/$t.start"
  touch "$mark"
  # 2 GB is far above any seed's need: a bigger appetite is a finding.
  # The subshell's `times` gives the fuzzer's CPU time (user + system), which is what the
  # record counts: on a busy or niced machine it falls short of the wall-clock --seconds.
  (cd "$findings" && status=0 && "$build/tests/fuzz/fuzz_$t" "$corpus" "$build/seeds/$t" \
     "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len=65536 \
     -print_final_stats=1 > "$log" 2>&1 || status=$?
   times > "$log.cpu"
   exit $status) || status=$?
  local runs corpus_size found slow cpu
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus_size=$(find "$corpus" -type f | wc -l)
  # A unit running over 10 s is written as slow-unit-*: worth a look, but not a failure (the
  # -timeout is). Stopping a fuzzer (SIGSTOP, to time something else) makes one of the unit
  # it was running.
  found=$(find "$findings" -type f -newer "$mark" ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$findings" -type f -newer "$mark" -name 'slow-unit-*' | wc -l)
  # "0m12.345s 0m0.678s" -> whole CPU seconds
  cpu=$(awk 'END { s = 0; for (i = 1; i <= 2; ++i) { split($i, p, /[ms]/); s += p[1] * 60 + p[2] }
               printf "%d", s + 0.5 }' "$log.cpu")
  echo "$t: ${runs:-?} runs in $cpu CPU s ($seconds s wall), corpus $corpus_size," \
    "findings $found, slow units $slow, exit $status"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$seconds" "$cpu" \
    "${runs:-0}" "$found" "$status" >> "$build/fuzz-log.tsv"
  if ((status != 0 || found > 0)); then
    grep -E "ERROR|SUMMARY|==[0-9]+==|runtime error|deadly signal|Test unit written" "$log" |
      head -20
    return 1
  fi
}

pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
exit $failed
