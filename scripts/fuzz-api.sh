#!/usr/bin/env bash
# Fuzzes the central server's API from its own OpenAPI document with Schemathesis, as each
# kind of caller: anonymous, office staff, an operator, an administrator. Every check runs:
# no 5xx, every status and body as documented, schema-valid requests accepted and invalid
# ones refused, auth enforced where the document says. What a JSON Schema cannot say (an id
# that must exist, spans that must not overlap…) is in scripts/schemathesis.toml, each rule
# also written in its operation's description.
#
# Run by ./test.sh after the Rust tests (it uses the server binary they built). The seed is
# fixed so that a red run can be replayed; SPORTELLO_FUZZ_SEED=random (or a number) explores.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

SCHEMATHESIS_VERSION=4.32.5
# Pinned too: a new Hypothesis can change what a seed generates.
HYPOTHESIS_VERSION=6.170.27
EXAMPLES=${SPORTELLO_FUZZ_EXAMPLES:-25}
SEED=${SPORTELLO_FUZZ_SEED:-20261207}
venv="$HOME/.cache/sportello/venv"
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION" ||
  ! "$venv/bin/python" -c "import hypothesis, sys; sys.exit(hypothesis.__version__ != '$HYPOTHESIS_VERSION')" 2>/dev/null; then
  say "installing Schemathesis $SCHEMATHESIS_VERSION and Hypothesis $HYPOTHESIS_VERSION (PyPI)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION" "hypothesis==$HYPOTHESIS_VERSION"
fi

work=$(mktemp -d)
port=$(free_port)
base="http://127.0.0.1:$port"
# The demo's public accounts, on loopback; no hold limit: every request comes from one address.
"$CARGO_TARGET_DIR/debug/sportello-server" --listen "127.0.0.1:$port" --seed demo \
  --database "$work/fuzz.sqlite3" --holds-per-address 0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
up=
for _ in $(seq 300); do
  curl -sf "$base/health" >/dev/null && { up=1; break; }
  sleep 0.1
done
[[ -n $up ]] || { cat "$work/server.log" >&2; echo "the server did not start" >&2; exit 1; }

seed_args=()
[[ $SEED == random ]] || seed_args=(--seed "$SEED")

# One worker: Hypothesis is not thread-safe in this version ("AST constructor recursion depth
# mismatch" with two).
run() {
  "$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run \
    "$base/api/v1/openapi.json" --url "$base" --checks all --continue-on-failure \
    --max-examples "$EXAMPLES" --workers 1 --no-color "${seed_args[@]}" "$@"
}

# A session for the account, checked: a run with a token that does not work would meet only
# documented 401s and pass while testing nothing.
token() {
  local answer token
  answer=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}") || { echo "cannot log in as $1" >&2; return 1; }
  token=$(sed -E 's/.*"token":"([^"]+)".*/\1/' <<<"$answer")
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/auth/me" ||
    { echo "the session of $1 does not work" >&2; return 1; }
  printf '%s' "$token"
}

# Signed in: not what would end the session the run uses (logging out, changing its
# password; for an administrator, also disabling or resetting accounts).
as() {
  local who=$1 username=$2 session=$3
  shift 3
  say "fuzzing the API as $who"
  run -H "Authorization: Bearer $session" \
    --exclude-path /api/v1/auth/logout --exclude-path /api/v1/auth/password "$@"
  # Still the same session at the end: the run tested what it was meant to.
  curl -sf -o /dev/null -H "Authorization: Bearer $session" "$base/api/v1/auth/me" ||
    { echo "the session of $username ended during the run" >&2; exit 1; }
}

# Logged in before the anonymous run, whose wrong logins use up this address's allowance.
staff=$(token questura.staff sportello-staff)
operator=$(token asti.operatore sportello-operatore)
admin=$(token admin sportello-admin)

say "fuzzing the API anonymously"
run
as "office staff" questura.staff "$staff"
as "an operator" asti.operatore "$operator"
# One regex: Schemathesis keeps only the last of several --exclude-path-regex.
as "an administrator" admin "$admin" \
  --exclude-path-regex '/users/\{username\}/(disable|password)$'
