#!/usr/bin/env bash
# Fuzzes the central server's API from its own OpenAPI document with Schemathesis: thousands
# of generated requests, valid and not, anonymous and as an administrator; any 5xx answer
# fails. Run by ./test.sh after the Rust tests (it uses the server binary they built).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

SCHEMATHESIS_VERSION=4.32.5
venv="$HOME/.cache/sportello/venv"
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  say "installing Schemathesis $SCHEMATHESIS_VERSION (PyPI)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

work=$(mktemp -d)
port=$(free_port)
base="http://127.0.0.1:$port"
# No hold limit: every request comes from this one address.
"$CARGO_TARGET_DIR/debug/sportello-server" --listen "127.0.0.1:$port" --seed demo \
  --database "$work/fuzz.sqlite3" --holds-per-address 0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 300); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

run() {
  "$venv/bin/schemathesis" run "$base/api/v1/openapi.json" --url "$base" \
    --checks not_a_server_error --max-examples 60 --workers 2 --no-color "$@"
}
say "fuzzing the API anonymously"
run
say "fuzzing the API as an administrator"
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"sportello-admin"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
# Not logout nor disabling accounts: they would end the session the run uses.
run -H "Authorization: Bearer $token" --exclude-path /api/v1/auth/logout \
  --exclude-path-regex '/disable$'
