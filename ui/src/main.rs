//! Sportello's user interface: a Yew app compiled to wasm32, shown in the kiosk's window.

mod app;
mod backend;
mod components;
mod format;
mod i18n;
mod screens;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
