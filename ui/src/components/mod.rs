pub mod back_button;
pub mod icons;
pub mod idle_guard;
pub mod keyboard;
pub mod lang_picker;
pub mod lockdown;
pub mod qr;
pub mod status_bar;
