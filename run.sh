#!/usr/bin/env bash
# Runs Sportello: the central server on its embedded SQLite with the demo data of Asti (whose
# demo accounts have public passwords), and the kiosk window connected to it. Without a
# display it says so and keeps the server running.
#
#   SPORTELLO_LISTEN=127.0.0.1:8787   where the server listens (the kiosk follows)
#   SPORTELLO_DATABASE=…              SQLite path or postgres:// URL (default: ~/.local/share/sportello)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

ensure_apt "${BUILD_PACKAGES[@]}"
ensure_rust_parts
ensure_wasm_bindgen
build_ui
say "building the server and the kiosk"
cargo build --quiet -p sportello-server -p sportello

listen="${SPORTELLO_LISTEN:-127.0.0.1:8787}"
children=()
stop_all() {
  ((${#children[@]})) && kill -TERM "${children[@]}" 2>/dev/null
  wait 2>/dev/null
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# The demo province, explicitly: a server started without flags loads nothing.
"$CARGO_TARGET_DIR/debug/sportello-server" --listen "$listen" --seed demo &
server=$!
children+=("$server")

# Wait for our server (not another program on the port) to answer /health.
ready=0
for _ in $(seq 300); do
  kill -0 "$server" 2>/dev/null || { echo "the server did not start (see above)" >&2; exit 1; }
  if exec 3<>"/dev/tcp/${listen%:*}/${listen##*:}" 2>/dev/null; then
    printf 'GET /health HTTP/1.0\r\n\r\n' >&3
    grep -q '"status":"ok"' <&3 && ready=1
    exec 3<&-
    ((ready)) && break
  fi
  sleep 0.1
done
((ready)) || { echo "the server did not answer on $listen within 30 s" >&2; exit 1; }
say "server: http://$listen (API documentation: http://$listen/api/v1/openapi.json)"
say "office console: http://$listen/ufficio/ (waiting-room display: http://$listen/ufficio/display?office=questura-asti)"
say "demo data: its accounts' passwords are public (README); never use this database for real"

if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  say "no display (DISPLAY and WAYLAND_DISPLAY are unset): the kiosk window cannot open."
  say "the server keeps running; stop it with Ctrl-C."
  wait "$server"
else
  say "opening the kiosk window; close it to stop everything"
  # WebKitGTK's DMA-BUF renderer shows blank windows on virtual and remote displays.
  # The demo kiosk enrols with a fresh one-time code (a kiosk already enrolled ignores it).
  code=$("$CARGO_TARGET_DIR/debug/sportello-server" kiosk enrolment-code demo-kiosk) ||
    { echo "cannot make an enrolment code for the demo kiosk" >&2; exit 1; }
  WEBKIT_DISABLE_DMABUF_RENDERER="${WEBKIT_DISABLE_DMABUF_RENDERER:-1}" \
    SPORTELLO_ENROLMENT_CODE="$code" \
    SPORTELLO_SERVER_URL="http://$listen" "$CARGO_TARGET_DIR/debug/sportello" &
  children+=($!)
  wait $!
fi
