#!/usr/bin/env bash
# Runs one golden CLI test: the command's stdout must equal GOLDEN and its exit status
# STATUS; when GOLDEN.err exists, stderr must equal it too. Differences print as a unified diff.
# ACTORNET_UPDATE_GOLDEN=1 rewrites the golden files from the current output instead.
#   run_golden.sh GOLDEN STATUS COMMAND [ARGS...]
set -u
golden=$1
want_status=$2
shift 2
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$@" >"$out" 2>"$err"
status=$?

if [ "${ACTORNET_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" "$golden"
  if [ "$want_status" != 0 ] || [ -s "$err" ] || [ -f "$golden.err" ]; then cp "$err" "$golden.err"; fi
fi

failed=0
if [ "$status" != "$want_status" ]; then
  echo "exit status $status, expected $want_status"
  echo "stderr:"; cat "$err"
  failed=1
fi
if ! diff -u --label "expected ($golden)" --label "actual stdout" "$golden" "$out"; then
  failed=1
fi
if [ -f "$golden.err" ] && ! diff -u --label "expected ($golden.err)" --label "actual stderr" "$golden.err" "$err"; then
  failed=1
fi
exit $failed
