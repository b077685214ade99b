#!/usr/bin/env bash
# Sets up and starts the app on the embedded default: SQLite in .data/, guest sign-in, the SRCNet
# example catalogue, local git remotes. Frontend on http://localhost:3000, backend on :7007.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$SRC_GITOPS_ROOT/scripts/setup.sh"
cd "$SRC_GITOPS_ROOT"
src_log "starting Backstage: http://localhost:3000 (backend http://localhost:7007)"
exec yarn start "$@"
