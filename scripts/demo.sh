#!/usr/bin/env bash
# The main job on the bundled dataset: install, build, summarise the China-U.S. law
# enforcement network, then write its briefing (page, diagram, centrality table, the
# channels between China and the United States, and what the change of U.S. administration
# on 2025-01-20 does to them) to out/us-china.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
data=datasets/us-china-law-enforcement
build/cli/actornet info "$data"
echo
# Centrality reads every tie both ways (contact runs both ways, even along holds_office);
# the diagram keeps the stored directions.
build/cli/actornet report "$data" -o out/us-china \
  --title "China-U.S. law-enforcement cooperation, 2023-2025" \
  --side-a country=CN --side-b country=US \
  --transition 2025-01-20 --compare 2024-12-01,2025-02-01
echo
echo "Briefing written: open out/us-china/index.html in a browser (or read out/us-china/report.md)."
