#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (the README quotes them):
#   click day: 2,000 clients race over HTTP for one office-day of 300 places, on SQLite and
#   on a throwaway PostgreSQL, with a pgbench-style baseline of that PostgreSQL;
#   sync pull: bytes and time of a kiosk's first full pull, of an idle pull, and of an enrolled
#   kiosk's idle round, through a loopback proxy that counts the bytes;
#   receipts (layout, PDF, ESC/POS), the FAQ search and the services map's filters on the kiosk;
#   the office console's agenda of 300 appointments in headless Chromium.
# Not part of ./test.sh: figures are reported, never asserted on time.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

ensure_apt "${BUILD_PACKAGES[@]}" postgresql
trap stop_throwaway_postgres EXIT
start_throwaway_postgres
cargo bench -p sportello-server --bench clickday
# The kiosk crate embeds the UI: build it first.
ensure_rust_parts
ensure_wasm_bindgen
build_ui
# The console's agenda in Chromium (the server embeds the UI's browser build).
ensure_apt chromium chromium-driver
cargo bench -p sportello-server --bench console_agenda
cargo bench -p sportello --bench sync_pull
cargo bench -p sportello --bench receipt
cargo bench -p sportello --bench faq_search
cargo bench -p sportello --bench directory
