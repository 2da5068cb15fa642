#!/usr/bin/env bash
# Runs the benchmark program against the server as scripts/serve.sh installs it: with the natively
# compiled engine worker. Arguments go to the program, e.g. scripts/bench.sh memory --runs 3
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build-native-worker.sh artifacts/aot-worker
export ORATOR_WORKER_PATH="$PWD/artifacts/aot-worker/Orator.Worker"
exec dotnet run -c Release --project bench/Orator.Bench -- "$@"
