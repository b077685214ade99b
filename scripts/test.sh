#!/usr/bin/env bash
# Sets up and runs every check: TypeScript, lint, all unit and integration tests (Jest), and the
# Playwright end-to-end tests in Debian's Chromium against the app it starts.
# Runs every step even when one fails, then prints a summary and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SRC_GITOPS_ROOT"
bash scripts/setup.sh || { src_log "setup failed"; exit 1; }

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    src_log "installing Debian's chromium for the end-to-end tests (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$chromium" ] && return 0
  fi
  src_log "Chromium is missing: install Debian's package as root (apt-get install -y chromium)," \
    "or set CHROMIUM_PATH to a Chromium binary"
  return 1
}

ensure_kubectl() {
  # The fleet simulator's tests drive it with Debian's real kubectl.
  if command -v kubectl >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    src_log "installing Debian's kubectl for the simulator tests (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null
    command -v kubectl >/dev/null 2>&1 && return 0
  fi
  src_log "kubectl is missing: install Debian's package as root (apt-get install -y kubectl)"
  return 1
}
ensure_kubectl || true
# The search tests run against a real PostgreSQL as well as the in-memory engine.
source scripts/postgres.sh || true

passed=0
failed=0
failures=()
step() {
  local name="$1"; shift
  local start=$SECONDS
  src_log "── $name"
  if "$@"; then
    passed=$((passed + 1)); src_log "✔ $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); src_log "✘ $name ($((SECONDS - start)) s)"
  fi
}

export CI=true
step "typescript (yarn tsc)" yarn tsc
step "lint (backstage-cli repo lint)" yarn lint
step "unit and integration tests (backstage-cli repo test)" yarn test
if ensure_chromium; then
  step "end-to-end tests (playwright, headless chromium)" yarn test:e2e
else
  failed=$((failed + 1)); failures+=("end-to-end tests (no chromium)")
fi

echo
[ "$failed" -eq 0 ] || src_log "failed: ${failures[*]}"
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
