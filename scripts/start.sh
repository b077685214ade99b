#!/usr/bin/env bash
# Sets up and starts the app on the embedded default: SQLite in .data/, guest sign-in, the SRCNet
# example catalogue, local git remotes. Frontend on http://localhost:3000, backend on :7007.
#
# With no real clusters configured (no srcGitops.clusters in app-config.local.yaml), it also
# starts the fleet simulator with the example sites and points the backend at it; the UI says
# these clusters are simulated. Set SRC_GITOPS_SIMULATOR=0 to start without it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$SRC_GITOPS_ROOT/scripts/setup.sh"
cd "$SRC_GITOPS_ROOT"

# The example sites' GitOps repositories, read into the catalog by the site repository processor.
node -r @backstage/cli/config/nodeTransform.cjs scripts/example-site-repos.ts .data/git-remotes/examples \
  | while read -r line; do src_log "$line"; done

# Absolute paths: the backend resolves --config from its own package folder.
configs=(--config "$SRC_GITOPS_ROOT/app-config.yaml")
[ -f app-config.local.yaml ] && configs+=(--config "$SRC_GITOPS_ROOT/app-config.local.yaml")

if [ "${SRC_GITOPS_SIMULATOR:-1}" != "0" ] && ! grep -qs '^\s*clusters:' app-config.local.yaml; then
  sim_dir=.data/simulator
  mkdir -p "$sim_dir"
  rm -f "$sim_dir/backend.yaml"
  src_log "no real clusters configured: starting the fleet simulator (example SRCNet sites)"
  node -r @backstage/cli/config/nodeTransform.cjs packages/fleet-simulator/src/cli.ts \
    --fleet examples --objects 24 \
    --kubeconfig "$sim_dir/kubeconfig" --backend-config "$sim_dir/backend.yaml" \
    >"$sim_dir/simulator.log" 2>&1 &
  sim_pid=$!
  trap 'kill "$sim_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    [ -s "$sim_dir/backend.yaml" ] && break
    kill -0 "$sim_pid" 2>/dev/null || { cat "$sim_dir/simulator.log" >&2; exit 1; }
    sleep 0.5
  done
  configs+=(--config "$SRC_GITOPS_ROOT/$sim_dir/backend.yaml")
  src_log "simulated clusters ready (kubectl --kubeconfig $sim_dir/kubeconfig get applications.argoproj.io -A)"
fi

src_log "starting Backstage: http://localhost:3000 (backend http://localhost:7007)"
yarn start "${configs[@]}" "$@"
