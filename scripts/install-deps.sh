#!/usr/bin/env bash
# Installs every Debian 12 package actornet needs to build, test and benchmark.
# Idempotent: packages already present are left alone. Run as root.
#   scripts/install-deps.sh          build + test dependencies
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config clang-format
  libigraph-dev libboost-graph-dev libcli11-dev doctest-dev libgraphviz-dev
  libfmt-dev nlohmann-json3-dev zlib1g-dev libpugixml-dev libyaml-cpp-dev
  libzip-dev libicu-dev libxml2-dev  # event .zip files; Unicode names and sentences; HTML
  libre2-dev  # `~` in selections: linear-time regular expressions
)
# Oracles for the tests and peers for bench/: Debian's Python, not the one on PATH.
test_pkgs=(python3 python3-networkx python3-igraph python3-numpy python3-scipy libxml2-utils
  chromium  # opens the report page headless in tests/report_chromium.sh
  graphviz  # dot, for formats.adversarial's check of the DOT writer
  clang libclang-rt-14-dev)  # libFuzzer targets of tests/fuzz (tests/fuzz/run.sh)

wanted=("${build_pkgs[@]}" "${test_pkgs[@]}")
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
