#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (the README quotes them):
#   click day: 2,000 clients race over HTTP for one office-day of 300 places, on SQLite and
#   on a throwaway PostgreSQL, with a pgbench-style baseline of that PostgreSQL.
# Not part of ./test.sh: figures are reported, never asserted on time.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

ensure_apt "${BUILD_PACKAGES[@]}" postgresql
trap stop_throwaway_postgres EXIT
start_throwaway_postgres
cargo bench -p sportello-server --bench clickday
