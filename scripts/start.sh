#!/usr/bin/env bash
# The README's first command: install what is missing, build, create the demo database once, and start
# RiskDesk: the Electron window where Electron can run, otherwise the browser harness on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/node-env.sh
npm run --silent build
DATA="${RISKDESK_DATA:-.data/demo}"
PORT="${PORT:-5174}"
ELECTRON_BIN=node_modules/electron/dist/electron
if [ -x "$ELECTRON_BIN" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  node dist/main/harness.mjs --data "$DATA" --seed demo --seed-only
  exec "$ELECTRON_BIN" . --riskdesk-data="$DATA"
fi
echo "Electron cannot start here; opening the browser harness instead."
exec node dist/main/harness.mjs --data "$DATA" --port "$PORT" --seed demo
