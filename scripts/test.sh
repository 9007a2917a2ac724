#!/usr/bin/env bash
# Installs, builds and runs every test (unit, golden CLI, oracle, format).
#   scripts/test.sh              the suite on a RelWithDebInfo build in build/
#   scripts/test.sh --sanitize   the suite under AddressSanitizer + UBSan in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --sanitize ]; then
  export BUILD_DIR=build-asan BUILD_TYPE=Debug
  # Graphviz, fontconfig and pango keep allocations until exit; tests/lsan.supp names only them.
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  scripts/build.sh -DACTORNET_SANITIZE=ON
else
  export BUILD_DIR=build
  scripts/build.sh
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
