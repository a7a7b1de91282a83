//! UI strings from the Fluent files in `locales/`, compiled into the wasm.

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use rust_embed::RustEmbed;
use sportello_core::Lang;
use std::sync::LazyLock;

#[derive(RustEmbed)]
#[folder = "../locales/"]
struct Localizations;

static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the Italian messages are compiled in");
    loader
});

pub fn loader() -> &'static FluentLanguageLoader {
    &LOADER
}

/// A message in Italian whatever the current language: a receipt is read by the office too.
pub fn italian(id: &str) -> String {
    let it: unic_langid::LanguageIdentifier = "it".parse().expect("a valid tag");
    loader().select_languages(&[it]).get(id)
}

/// A UI message in the current language: `t!("back")`, `t!("slot-minutes", minutes = 15)`.
/// The message id is checked against `locales/it` at compile time.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $id)
    };
    ($id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $id, $($args)*)
    };
}

/// Switches the messages to `lang` (missing ones fall back to Italian) and lays the whole
/// document out in its direction.
pub fn set_language(lang: Lang) {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("language codes are valid tags");
    if let Err(err) = loader().load_languages(&Localizations, &[id]) {
        web_sys::console::error_1(&format!("cannot load {lang}: {err}").into());
    }
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.direction().as_html());
    }
}
