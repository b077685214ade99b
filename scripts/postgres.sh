#!/usr/bin/env bash
# Makes a local PostgreSQL (Debian's package, on loopback) available to the tests that are about
# databases, and exports its connection string the way Backstage's TestDatabases reads it.
# Source it: `source scripts/postgres.sh`. Installs and starts the server only when root.
src_postgres_url="postgresql://src_test:src_test@127.0.0.1:5432"

src_postgres_ready() {
  PGPASSWORD=src_test psql -h 127.0.0.1 -U src_test -d postgres -Atqc 'select 1' >/dev/null 2>&1
}

ensure_postgres() {
  if src_postgres_ready; then return 0; fi
  if [ "$(id -u)" != "0" ]; then
    echo "[src-gitops] PostgreSQL is not reachable as src_test@127.0.0.1:5432; as root, scripts/postgres.sh installs and starts it" >&2
    return 1
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "[src-gitops] installing Debian's postgresql for the database tests (apt-get)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  local cluster
  cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    pg_createcluster 15 main >/dev/null || return 1
    cluster="15 main"
  fi
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start 2>/dev/null || true
  for _ in $(seq 1 30); do
    su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'src_test') THEN CREATE ROLE src_test LOGIN SUPERUSER PASSWORD 'src_test'; END IF; END \\\$\\\$;\"" >/dev/null || return 1
  src_postgres_ready
}

if ensure_postgres; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$src_postgres_url"
fi
