//! Words for the pages people open on their phones, from the same Fluent files as the kiosk
//! (`locales/`), compiled in. `fl!` checks every message id against Italian at compile time.

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
    let all: Vec<unic_langid::LanguageIdentifier> = Lang::ALL
        .iter()
        .filter_map(|lang| lang.code().parse().ok())
        .collect();
    loader
        .load_languages(&Localizations, &all)
        .expect("the messages are compiled in");
    loader
});

/// The messages in `lang`, falling back to Italian message by message.
pub fn messages(lang: Lang) -> FluentLanguageLoader {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("language codes are valid tags");
    LOADER.select_languages(&[id])
}

/// The language a phone asks for: `?lang=` first, then its `Accept-Language`, else Italian.
pub fn negotiate(requested: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(lang) = requested.and_then(|code| code.parse().ok()) {
        return lang;
    }
    accept_language
        .into_iter()
        .flat_map(|header| header.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            // "q=0" means "not this one".
            let refused = parts.any(|part| {
                part.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    == Some(0.0)
            });
            if refused {
                return None;
            }
            tag.split('-').next()?.to_ascii_lowercase().parse().ok()
        })
        .next()
        .unwrap_or(Lang::FALLBACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_link_then_the_phone() {
        assert_eq!(negotiate(Some("ar"), Some("fr-FR")), Lang::Ar);
        assert_eq!(negotiate(None, Some("de-DE,fr;q=0.8,en;q=0.5")), Lang::Fr);
        assert_eq!(negotiate(Some("xx"), None), Lang::It);
        assert_eq!(negotiate(None, Some("*")), Lang::It);
        assert_eq!(negotiate(None, Some("ar;q=0, en;q=0.5")), Lang::En);
        assert_eq!(
            i18n_embed_fl::fl!(messages(Lang::Ar), "phone-calendar"),
            "أضف إلى التقويم"
        );
    }
}
