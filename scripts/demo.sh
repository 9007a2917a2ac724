#!/usr/bin/env bash
# The main job on the bundled dataset: install, build, then summarise the China-U.S. law
# enforcement network and rank its actors.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
data=datasets/us-china-law-enforcement
build/cli/actornet info "$data"
echo
# Ties such as holds_office or participated_in are directed, but contact runs both ways:
# rank actors on the undirected reading.
build/cli/actornet centrality "$data" --undirected --top 15
