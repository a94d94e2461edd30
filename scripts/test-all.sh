#!/usr/bin/env bash
# Runs every suite and ends with one line "N passed, N failed" that sums them all (the CI reader does not
# understand vitest's or Playwright's own summaries). Type-check and lint count as one check each.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
OUT=test-results
mkdir -p "$OUT"
passed=0
failed=0

check() { # name, command...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

count_json() { # file, kind → adds its counts
  local counts
  counts=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
    if (process.argv[2] === "vitest") console.log(r.numPassedTests, r.numFailedTests)
    else console.log(r.stats.expected + r.stats.flaky, r.stats.unexpected)
  ' "$1" "$2" 2>/dev/null || echo "0 1")
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
}

suite_vitest() { # project
  local file="$OUT/vitest-$1.json"
  rm -f "$file"
  npx vitest run --project "$1" --reporter=default --reporter=json --outputFile="$file"
  local rc=$?
  if [ -f "$file" ]; then count_json "$file" vitest; else failed=$((failed + 1)); fi
  [ $rc -eq 0 ] || echo "FAILED: vitest $1 (exit $rc)"
  if [ $rc -ne 0 ] && [ -f "$file" ] && [ "$(node -p "require('./$file').numFailedTests" 2>/dev/null)" = "0" ]; then failed=$((failed + 1)); fi
}

suite_e2e() {
  local file="$OUT/playwright.json"
  rm -f "$file"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$file" npx playwright test --reporter=list,json
  local rc=$?
  if [ -f "$file" ]; then count_json "$file" playwright; else failed=$((failed + 1)); fi
  [ $rc -eq 0 ] || echo "FAILED: e2e (exit $rc)"
  if [ $rc -ne 0 ] && [ -f "$file" ] && [ "$(node -p "require('./$file').stats.unexpected" 2>/dev/null)" = "0" ]; then failed=$((failed + 1)); fi
}

check typecheck npx tsc -b
check lint npm run --silent lint
check build npm run --silent build
echo "=== unit";        suite_vitest unit
echo "=== integration"; suite_vitest integration
echo "=== e2e";         suite_e2e

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
