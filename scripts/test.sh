#!/usr/bin/env bash
# Runs every test project, then prints one line: "tests: N passed, M failed".
# Installs the Debian packages the tests need when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test || exit 1

(cd tests/node-sdk && npm ci --no-audit --no-fund --loglevel=error) || { echo "tests: 0 passed, 1 failed"; exit 1; }
(cd tests/playground && npm ci --no-audit --no-fund --loglevel=error) || { echo "tests: 0 passed, 1 failed"; exit 1; }

# The tests run against the natively compiled worker that scripts/serve.sh installs.
scripts/build-native-worker.sh artifacts/aot-worker || { echo "native worker build failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
export ORATOR_WORKER_PATH="$PWD/artifacts/aot-worker/Orator.Worker" ORATOR_EXPECT_NATIVE_WORKER=1

results=artifacts/test-results
rm -rf "$results"
dotnet build Orator.slnx -c Release -nologo -v q || { echo "tests: 0 passed, 1 failed"; exit 1; }
dotnet test Orator.slnx -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done

if (( total == 0 )); then
  failed=$((failed + 1))
  echo "no test results were produced" >&2
fi
if (( status != 0 && failed == 0 )); then
  # The runner failed without a failing test (crash, build error): count it as a failure.
  failed=1
fi
if (( failed > 0 )) && command -v python3 >/dev/null; then
  # CI shows the tail of the log: name what failed right above the summary.
  python3 scripts/lib/trx-failures.py "$results"/*.trx
fi
echo "tests: ${passed} passed, ${failed} failed"
(( failed == 0 ))
