#!/usr/bin/env bash
# Builds the Yew UI for its two shells: ui/dist for the kiosk's window, ui/dist-web for the
# browser (the office console the server embeds and serves at /ufficio/). Cargo for wasm32, then
# wasm-bindgen (the CLI must be exactly
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
wasm_dir="$target_dir/wasm32-unknown-unknown/$profile"

staging="$(mktemp -d dist.XXXXXX)"
trap 'rm -rf "$staging"' EXIT
wasm-bindgen --target web --no-typescript --out-name sportello_ui --out-dir "$staging" \
  "$wasm_dir/sportello-ui.wasm"
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

# The browser's build. Every file but index.html is named by its content's hash, so the server
# can tell browsers to keep it for a year; index.html (never cached) names the current ones.
# Each is stored precompressed too (brotli and gzip), and the server sends what the browser
# takes. No inline script or style: the page's Content-Security-Policy forbids them.
web="$(mktemp -d dist-web.XXXXXX)"
trap 'rm -rf "$web"' EXIT
wasm-bindgen --target web --no-typescript --out-name console --out-dir "$web" \
  "$wasm_dir/sportello-console.wasm"
hash() { sha256sum "$1" | cut -c1-16; }
name_by_hash() { # file stem extension → the new name
  local name="$2-$(hash "$1").$3"
  mv "$1" "$web/$name"
  echo "$name"
}
wasm=$(name_by_hash "$web/console_bg.wasm" console wasm)
js=$(name_by_hash "$web/console.js" console js)
cp web/console.css "$web/c.css"
css=$(name_by_hash "$web/c.css" console css)
sed -e "s/@JS@/$js/" -e "s/@WASM@/$wasm/" web/boot.js >"$web/b.js"
boot=$(name_by_hash "$web/b.js" boot js)
sed -e "s/@JS@/$js/" -e "s/@CSS@/$css/" -e "s/@BOOT@/$boot/" web/index.html >"$web/index.html"
for file in "$web"/*; do
  gzip -9 -n -k "$file"
  brotli -q 11 -k "$file"
done
if [[ -d dist-web ]] && diff -rq "$web" dist-web >/dev/null; then
  rm -rf "$web"
else
  rm -rf dist-web
  mv "$web" dist-web
fi
trap - EXIT
echo "ui/dist-web: $(du -sh dist-web | cut -f1) ($profile; wasm $(stat -c %s dist-web/"$wasm" | numfmt --to=iec), brotli $(stat -c %s dist-web/"$wasm".br | numfmt --to=iec))"
