//! The browser's shell: the office console and the waiting-room display, served by the
//! central server at `/ufficio/`.

fn main() {
    yew::Renderer::<sportello_ui::console::Console>::new().render();
}
