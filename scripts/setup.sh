#!/usr/bin/env bash
# Idempotent setup: Node >= 22 (project-local when the system's is older), the registry for Yarn,
# `yarn install --immutable`, and the git-ignored data folders of the embedded default.
# Needs no root. Safe to run again: it skips what is already done.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SRC_GITOPS_ROOT"

src_log "node $(node --version), yarn $(yarn --version)"
stamp="node_modules/.src-gitops-install-stamp"
lock_sum="$( (cat yarn.lock package.json packages/*/package.json plugins/*/package.json; node --version) | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
  src_log "dependencies are up to date (yarn.lock unchanged since the last install)"
else
  src_log "installing dependencies: yarn install --immutable (cold: about 2-5 min)"
  yarn install --immutable
  echo "$lock_sum" >"$stamp"
fi

mkdir -p .data/sqlite .data/scaffolder .data/git-remotes artifacts
src_log "setup done"
