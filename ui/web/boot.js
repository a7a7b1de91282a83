// Starts the console (wasm-bindgen's `--target web` output). A file of its own, not an inline
// script, so the page's Content-Security-Policy needs no 'unsafe-inline'.
import init from "./@JS@";

init({ module_or_path: new URL("./@WASM@", import.meta.url) });
