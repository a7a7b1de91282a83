#!/usr/bin/env bash
# Runs every test: formatting and lints, unit and integration tests on SQLite and a throwaway
# PostgreSQL, the end-to-end test of the real kiosk window under Xvfb over WebDriver, and a
# fuzz of the server's API from its OpenAPI document (no request may get a 5xx).
# Screenshots of the end-to-end steps land in $CARGO_TARGET_DIR/tmp/kiosk_e2e/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

ensure_apt "${BUILD_PACKAGES[@]}" xvfb webkit2gtk-driver imagemagick postgresql python3 \
  python3-venv curl cups cups-client printer-driver-cups-pdf poppler-utils zbar-tools
ensure_cups_pdf_instance
ensure_rust_parts rustfmt clippy
ensure_wasm_bindgen
ensure_tauri_driver
build_ui

say "cargo fmt --check"
cargo fmt --all --check
say "cargo clippy (native and wasm32)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p sportello-ui -p sportello-core --target wasm32-unknown-unknown -- -D warnings

trap stop_throwaway_postgres EXIT
start_throwaway_postgres
say "cargo test"
# The end-to-end test starts the server binary: build it with the tests.
cargo build --quiet -p sportello-server
cargo test --workspace
scripts/fuzz-api.sh
say "all tests passed"
