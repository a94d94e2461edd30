#!/usr/bin/env bash
# The README's second command: install what the tests need, then run every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec bash scripts/test-all.sh
