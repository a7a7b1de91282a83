//! Dates and times as the person reads them, through the browser's `Intl`.

use sportello_core::Lang;
use wasm_bindgen::JsValue;

/// "25 nov, 18:42" (or its equivalent in `lang`) for a Unix time, in the kiosk's time zone.
pub fn day_and_time(unix_secs: i64, lang: Lang) -> String {
    // Seconds since 1970 fit an f64 exactly for any date a kiosk will see.
    let date = js_sys::Date::new(&JsValue::from_f64(unix_secs as f64 * 1000.0));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(lang.code(), &options).into()
}
