#!/usr/bin/env bash
# Runs the Orator server (default http://127.0.0.1:8000), installing flite/espeak-ng if missing.
# Extra arguments go to `orator serve`, e.g. scripts/serve.sh --urls http://0.0.0.0:8000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
dotnet build src/Orator.Cli -c Release -nologo -v q -o out/orator >/dev/null
# The natively compiled engine worker halves the workers' memory; without a C toolchain the managed one runs.
scripts/build-native-worker.sh out/orator/aot || echo "note: native engine worker not built; using the managed worker" >&2
exec dotnet out/orator/orator.dll serve "$@"
