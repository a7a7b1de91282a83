//! Dates and times as the person reads them, through the browser's `Intl`.

use sportello_core::Lang;
use wasm_bindgen::JsValue;

/// "25 nov, 18:42" (or its equivalent in `lang`) for a Unix time, in Italian time.
pub fn day_and_time(unix_secs: i64, lang: Lang) -> String {
    // Seconds since 1970 fit an f64 exactly for any date a kiosk will see.
    let date = js_sys::Date::new(&JsValue::from_f64(unix_secs as f64 * 1000.0));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        // Appointments are at Italian offices: their time, whatever the machine's zone.
        ("timeZone", "Europe/Rome"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(lang.code(), &options).into()
}

/// "lunedì 30 novembre 2026, 09:30" (or its equivalent in `lang`), in Italian time.
pub fn long_day_and_time(unix_secs: i64, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix_secs as f64 * 1000.0));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "long"),
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        // Appointments are at Italian offices: their time, whatever the machine's zone.
        ("timeZone", "Europe/Rome"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(lang.code(), &options).into()
}

/// "26 novembre 2026" (or its equivalent in `lang`): a civil date, as written.
pub fn long_date(date: jiff::civil::Date, lang: Lang) -> String {
    // Noon UTC of that day: the same calendar day in every time zone of Europe.
    let date = js_sys::Date::new(&JsValue::from_str(&format!("{date}T12:00:00Z")));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(lang.code(), &options).into()
}

/// What `Intl.DisplayNames` calls `code` (of `kind`: "region", "language") in `lang`, if the
/// browser knows.
fn display_name(kind: &str, code: &str, lang: Lang) -> Option<String> {
    use wasm_bindgen::JsCast;
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &kind.into()).ok()?;
    let names = js_sys::Reflect::construct(
        &constructor,
        &js_sys::Array::of2(&js_sys::Array::of1(&lang.code().into()), &options),
    )
    .ok()?;
    let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into())
        .ok()?
        .dyn_into()
        .ok()?;
    of.call1(&names, &code.into()).ok()?.as_string()
}

/// A country's name in `lang`, or its code if the browser has none.
pub fn country_name(code: &str, lang: Lang) -> String {
    display_name("region", code, lang).unwrap_or_else(|| code.to_owned())
}

/// A language's name in `lang`, e.g. "wolof" for `wo` in Italian; its own name for the
/// languages Sportello speaks when the browser has none.
pub fn language_name(code: &str, lang: Lang) -> String {
    display_name("language", code, lang)
        .filter(|name| name != code)
        .or_else(|| {
            code.parse::<Lang>()
                .ok()
                .map(|l| l.native_name().to_owned())
        })
        .unwrap_or_else(|| code.to_owned())
}

/// A date as people type it: "12/04/1981" (day first, as in Italy), with "/", "-", "." or
/// spaces between, or "1981-04-12".
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<jiff::civil::Date>() {
        return Some(date);
    }
    let parts: Vec<&str> = text
        .split(['/', '-', '.', ' '])
        .filter(|part| !part.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let (day, month, year) = (day.parse().ok()?, month.parse().ok()?, year.parse().ok()?);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    jiff::civil::Date::new(year, month, day).ok()
}
