#!/usr/bin/env bash
# The main job on the bundled dataset: install, build, summarise the China-U.S. law
# enforcement network, then write its briefing (page, diagram, centrality table) to
# out/us-china.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
data=datasets/us-china-law-enforcement
build/cli/actornet info "$data"
echo
# Centrality reads every tie both ways (contact runs both ways, even along holds_office);
# the diagram keeps the stored directions.
build/cli/actornet report "$data" -o out/us-china \
  --title "China-U.S. law-enforcement cooperation, 2023-2025"
echo
echo "Briefing written: open out/us-china/index.html in a browser (or read out/us-china/report.md)."
