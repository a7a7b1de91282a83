#!/usr/bin/env bash
# Builds the Yew UI into ui/dist: cargo for wasm32, then wasm-bindgen (the CLI must be exactly
# the wasm-bindgen version in Cargo.lock; ../scripts/setup.sh installs it). No tool is
# downloaded here. wasm-opt is not used: Debian's is too old for this Rust's wasm, and the
# size gain (about a third) does not matter for a kiosk loading from its own disk.
#
#   ui/build.sh            release build (what the app embeds)
#   ui/build.sh --dev      debug build: faster to compile, larger
set -euo pipefail
cd "$(dirname "$0")"

case "${1:---release}" in
  --release) profile=release; cargo_flags=(--release) ;;
  --dev) profile=debug; cargo_flags=() ;;
  *) echo "usage: ui/build.sh [--release|--dev]" >&2; exit 2 ;;
esac
target_dir="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}"

cargo build -p sportello-ui --target wasm32-unknown-unknown "${cargo_flags[@]}"

staging="$(mktemp -d dist.XXXXXX)"
trap 'rm -rf "$staging"' EXIT
wasm-bindgen --target web --no-typescript --out-name sportello_ui --out-dir "$staging" \
  "$target_dir/wasm32-unknown-unknown/$profile/sportello-ui.wasm"
cp static/* "$staging/"
# The fonts for every script the UI speaks ship with it (see fonts/README.md).
mkdir "$staging/fonts"
cp ../fonts/*.ttf ../fonts/*.woff2 ../fonts/OFL.txt "$staging/fonts/"
cp ../icons/128x128.png "$staging/icon.png"

# Swap in the new build whole, so the app never embeds half of one; and only when it differs,
# because the kiosk re-embeds (recompiles) whenever ui/dist changes.
if [[ -d dist ]] && diff -rq "$staging" dist >/dev/null; then
  rm -rf "$staging"
else
  rm -rf dist
  mv "$staging" dist
fi
trap - EXIT
echo "ui/dist: $(du -sh dist | cut -f1) ($profile)"
