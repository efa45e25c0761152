#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 cluster and make sure the role and database used by the tests
# exist. Idempotent; used by .ci/run. Needs root (or the postgres user) on a Debian machine.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL (pg_ctlcluster) not found: install postgresql-15" >&2
  exit 1
fi
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

as_postgres() { su postgres -c "$1"; }
as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='kiemdiem'\"" | grep -q 1 \
  || as_postgres "psql -q -c \"CREATE ROLE kiemdiem LOGIN CREATEDB PASSWORD 'kiemdiem'\""
as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='kiemdiem'\"" | grep -q 1 \
  || as_postgres "createdb -O kiemdiem kiemdiem"
echo "PostgreSQL 15 ready on 127.0.0.1:5432 (role and database: kiemdiem)"
