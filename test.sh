#!/usr/bin/env bash
# Runs every test: formatting and lints, unit and integration tests on SQLite and a throwaway
# PostgreSQL, the end-to-end test of the real kiosk window under Xvfb over WebDriver, the
# integration tests again with the clock a year ahead, and a fuzz of the server's API from its
# OpenAPI document with every Schemathesis check.
# Screenshots of the end-to-end steps land in $CARGO_TARGET_DIR/tmp/kiosk_e2e/, the office
# console's (Chromium over WebDriver) in $CARGO_TARGET_DIR/tmp/console/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

ensure_apt "${BUILD_PACKAGES[@]}" xvfb webkit2gtk-driver imagemagick postgresql python3 \
  python3-venv curl cups cups-client printer-driver-cups-pdf poppler-utils zbar-tools faketime \
  chromium chromium-driver
ensure_axe_core
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

# A test that mixes a pinned date with the real clock passes today and fails once the date is
# behind us. The server's and the kiosk's integration tests run again with the system clock a
# year ahead (libfaketime; the monotonic clock left alone so timers keep working), so such a
# test fails here, not next year. The window tests are left out: they drive WebKit, whose own
# clock is no part of this question.
say "cargo test with the clock a year ahead (faketime +365d)"
# libfaketime must really move the clock, or this run would prove nothing: at least 364 days.
ahead=$(( $(FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +365d date -u +%s) - $(date -u +%s) ))
(( ahead > 364 * 86400 )) || { echo "faketime does not move the clock here" >&2; exit 1; }
# Cargo runs test binaries through the runner of the host's target.
host=$(rustc -vV | sed -n 's/^host: //p')
runner="CARGO_TARGET_$(tr 'a-z-' 'A-Z_' <<<"$host")_RUNNER"
export FAKETIME_DONT_FAKE_MONOTONIC=1
# Every kiosk integration test but the window tests (kiosk_*).
kiosk_tests=()
for file in tests/*.rs; do
  name=$(basename "$file" .rs)
  [[ $name == kiosk_* ]] || kiosk_tests+=(--test "$name")
done
# The console's browser test too is left out: Chromium would inherit the faked clock.
env "$runner=faketime -f +365d" cargo test -p sportello-server --tests -- --skip console_in_a_browser
env "$runner=faketime -f +365d" cargo test -p sportello "${kiosk_tests[@]}"
unset FAKETIME_DONT_FAKE_MONOTONIC
scripts/fuzz-api.sh
say "all tests passed"
