//! The kiosk's shell: the Yew app in the kiosk's window.

fn main() {
    yew::Renderer::<sportello_ui::app::App>::new().render();
}
