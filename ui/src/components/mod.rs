pub mod back_button;
pub mod icons;
pub mod lang_picker;
pub mod status_bar;
