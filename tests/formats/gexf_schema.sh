#!/bin/sh
# Exports INPUT as GEXF with the given extra flags and validates the file against the GEXF 1.3
# RELAX NG schema. Usage: gexf_schema.sh ACTORNET SCHEMA OUTFILE INPUT [export flags...]
set -eu
actornet=$1 schema=$2 out=$3 input=$4
shift 4
mkdir -p "$(dirname "$out")"
"$actornet" export "$input" -o "$out" "$@"
xmllint --noout --relaxng "$schema" "$out"
