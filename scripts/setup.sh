# Shared set-up for ./run.sh and ./test.sh (sourced, not run): installs what is missing, and
# only that. Every step checks first, so a second run installs nothing.

# One target dir outside the clone, reused by every checkout and by CI when it is there.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sportello/target}"
export PATH="$HOME/.cargo/bin:$PATH"

if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Debian packages the kiosk needs to compile (WebKitGTK 4.1 and friends), and brotli for the
# console's precompressed files (ui/build.sh).
BUILD_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  librsvg2-dev brotli)

ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    say "installing Debian packages: ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_rust_parts() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target (takes a minute or two)"
    rustup target add wasm32-unknown-unknown
  fi
  local component
  for component in "$@"; do
    rustup component list --installed | grep -q "^$component" \
      || rustup component add "$component"
  done
}

# wasm-bindgen's CLI must be exactly the version of the crate in Cargo.lock.
ensure_wasm_bindgen() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  # `|| true`: a missing wasm-bindgen must not end the script under `set -o pipefail`.
  have=$( { wasm-bindgen --version 2>/dev/null || true; } | awk '{ print $2 }')
  if [[ "$have" != "$want" ]]; then
    say "installing wasm-bindgen-cli $want (about 2 minutes)"
    # Not --locked: its own lock file pins a yanked crate.
    cargo install --quiet --force wasm-bindgen-cli --version "$want"
  fi
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    say "installing tauri-driver (about a minute)"
    cargo install --quiet --locked tauri-driver --version 2.1.0
  fi
}

# The receipt tests print through a private CUPS scheduler to cups-pdf. cups-pdf reads its
# settings from /etc/cups only: this instance ("cups-pdf:/sportello") writes to its own folder.
ensure_cups_pdf_instance() {
  local conf=/etc/cups/cups-pdf-sportello.conf out=/var/spool/cups-pdf-sportello
  if [[ ! -f $conf ]]; then
    say "setting up the cups-pdf instance for the receipt tests ($conf)"
    printf 'Out %s\nAnonDirName %s\nLabel 0\nGrp root\nLog /var/log/cups\n' "$out" "$out" \
      | "${SUDO[@]}" tee "$conf" >/dev/null
  fi
  [[ -d $out ]] || "${SUDO[@]}" mkdir -p -m 0700 "$out"
}

# axe-core, the accessibility checker the browser tests inject, from npm into our cache.
AXE_DIR="$HOME/.cache/sportello/npm"
export SPORTELLO_AXE_JS="$AXE_DIR/node_modules/axe-core/axe.min.js"
ensure_axe_core() {
  if [[ ! -f $SPORTELLO_AXE_JS ]]; then
    # npm from Debian unless the machine has one already (Node's own packages conflict).
    command -v npm >/dev/null || ensure_apt npm
    say "installing axe-core from npm"
    mkdir -p "$AXE_DIR"
    (cd "$AXE_DIR" && npm install --no-audit --no-fund --silent axe-core@4.14)
  fi
}

build_ui() {
  say "building the UI (ui/dist)"
  ui/build.sh
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# Starts a throwaway PostgreSQL (initdb in a temp dir, loopback only, as a non-root user) unless
# SPORTELLO_TEST_POSTGRES already names one; exports its URL for the tests. Stopped on exit.
start_throwaway_postgres() {
  if [[ -n "${SPORTELLO_TEST_POSTGRES:-}" ]]; then
    say "using PostgreSQL at $SPORTELLO_TEST_POSTGRES"
    return
  fi
  local bin run_as=() port
  bin=$( { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1)
  [[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/sportello-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  port=$(free_port)
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U sportello -E UTF8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  PG_STOP=("${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  export SPORTELLO_TEST_POSTGRES="postgres://sportello@127.0.0.1:$port/postgres"
  say "throwaway PostgreSQL on port $port"
}

stop_throwaway_postgres() {
  if [[ -n "${PG_DIR:-}" ]]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
