#!/usr/bin/env bash
# Sums the counters of every TRX file under a results directory and prints
# "N passed, N failed, N skipped". Exits non-zero when any test failed or no result was found.
set -euo pipefail
dir="${1:-artifacts/test-results}"
shopt -s nullglob globstar
files=("$dir"/**/*.trx)
if [ ${#files[@]} -eq 0 ]; then
  echo "no TRX results found under $dir" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
passed=0; failed=0; skipped=0
for f in "${files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
  # A run whose outcome is not Completed (e.g. a crashed test host) counts as a failure.
  if ! grep -q '<ResultSummary outcome="Completed"' "$f" && [ "$(get failed)" = 0 ]; then
    if grep -q '<ResultSummary outcome="Failed"' "$f" || grep -q '<ResultSummary outcome="Error"' "$f" || grep -q '<ResultSummary outcome="Aborted"' "$f"; then
      failed=$((failed + 1))
    fi
  fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
