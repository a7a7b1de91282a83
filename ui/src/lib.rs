//! Sportello's user interface: Yew compiled to wasm32, for two shells. The kiosk's window
//! (`sportello-ui`) talks to its Tauri backend; the office console in the browser
//! (`sportello-console`, served at `/ufficio/`) talks to the central server over HTTP. The
//! screens, components, messages and formatting are shared; `backend` is the one seam.

pub mod app;
pub mod backend;
pub mod components;
pub mod console;
pub mod format;
pub mod i18n;
pub mod screens;
