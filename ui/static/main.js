// Loads the Yew app (wasm-bindgen's `--target web` output). A file, not an inline script, so
// the window's Content-Security-Policy can stay strict.
import init from "./sportello_ui.js";

init();
