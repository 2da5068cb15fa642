#!/usr/bin/env bash
# Runs every benchmark suite with tiny parameters (well under a minute) and checks that the JSON
# report was written. Targets are printed but not enforced in smoke mode: this only proves the
# benchmarks still run.
set -euo pipefail
cd "$(dirname "$0")/.."
json=artifacts/bench-smoke.json
rm -f "$json"
scripts/bench.sh all --smoke --json "$json"
if [[ ! -s "$json" ]]; then
    echo "bench-smoke: $json missing or empty" >&2
    exit 1
fi
echo "bench-smoke: OK ($json, $(wc -c < "$json") bytes)"
