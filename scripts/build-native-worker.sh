#!/usr/bin/env bash
# Compiles the engine worker ahead of time (NativeAOT) into the folder given as $1.
# A native worker needs about half the memory of the managed one and starts faster; the server uses
# it when it sits in an `aot/` folder beside the server's assemblies or when ORATOR_WORKER_PATH names it.
# Needs a C toolchain for the final link (Debian: gcc libc6-dev zlib1g-dev, installed by install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/build-native-worker.sh OUTPUT_DIR}
dotnet publish src/Orator.Worker -c Release --use-current-runtime -p:PublishAot=true -nologo -v q -o "$out" >/dev/null
test -x "$out/Orator.Worker"
