//! Content text kept in several languages (procedure names, descriptions, …).
//!
//! UI strings live in Fluent files under `locales/`; this type is for the data the server owns.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in several languages. Serialises as `{"it": "…", "en": "…"}`.
///
/// The Italian text is required: [`LocalizedText::new`] takes it, and deserialising a map
/// without it fails, so every lookup has somewhere to fall back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct LocalizedText(BTreeMap<Lang, String>);

/// The text chosen for a reader, and the language it is actually in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl LocalizedText {
    pub fn new(italian: impl Into<String>) -> Self {
        Self(BTreeMap::from([(Lang::FALLBACK, italian.into())]))
    }

    /// Adds or replaces the text in `lang`.
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Self {
        self.0.insert(lang, text.into());
        self
    }

    /// The best text for a reader of `lang`, following [`Lang::fallback_chain`].
    pub fn resolve(&self, lang: Lang) -> Resolved<'_> {
        lang.fallback_chain()
            .into_iter()
            .find_map(|candidate| {
                self.0.get(&candidate).map(|text| Resolved {
                    text,
                    lang: candidate,
                })
            })
            .expect("LocalizedText always holds the fallback language")
    }

    /// Shorthand for the resolved text alone.
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).text
    }

    /// The languages this text exists in.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }
}

/// Why a map of texts is not a valid [`LocalizedText`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalizedTextError {
    #[error("the Italian text (\"it\") is missing")]
    MissingFallback,
    #[error("the text in {0} is empty")]
    Empty(Lang),
}

impl TryFrom<BTreeMap<Lang, String>> for LocalizedText {
    type Error = LocalizedTextError;

    fn try_from(map: BTreeMap<Lang, String>) -> Result<Self, Self::Error> {
        if let Some((lang, _)) = map.iter().find(|(_, text)| text.trim().is_empty()) {
            return Err(LocalizedTextError::Empty(*lang));
        }
        if !map.contains_key(&Lang::FALLBACK) {
            return Err(LocalizedTextError::MissingFallback);
        }
        Ok(Self(map))
    }
}

impl<'de> Deserialize<'de> for LocalizedText {
    /// Texts in languages this build does not know are skipped, not refused: a server that
    /// adds a language must not break the kiosks that do not have it yet.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, String>::deserialize(deserializer)?
            .into_iter()
            .filter_map(|(tag, text)| Some((tag.parse::<Lang>().ok()?, text)))
            .collect::<BTreeMap<Lang, String>>();
        LocalizedText::try_from(map).map_err(serde::de::Error::custom)
    }
}

/// The document says what deserialising checks: Italian present, no blank text in a known
/// language; texts in languages this build does not know are allowed (and skipped).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for LocalizedText {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let text = || {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(r"\S"))
        };
        Lang::ALL
            .iter()
            .fold(ObjectBuilder::new(), |object, lang| {
                object.property(lang.code(), text())
            })
            .required(Lang::FALLBACK.code())
            // Skipped whatever they hold.
            .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
            .examples([serde_json::json!({
                "it": "Rinnovo del permesso di soggiorno",
                "en": "Residence permit renewal"
            })])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for LocalizedText {}

#[cfg(test)]
mod tests {
    use super::*;

    fn permit() -> LocalizedText {
        LocalizedText::new("Rinnovo del permesso").with(Lang::Fr, "Renouvellement du titre")
    }

    #[test]
    fn resolves_the_requested_language_when_present() {
        let text = permit();
        let resolved = text.resolve(Lang::Fr);
        assert_eq!(resolved.text, "Renouvellement du titre");
        assert_eq!(resolved.lang, Lang::Fr);
    }

    #[test]
    fn falls_back_through_english_and_french_before_italian() {
        // Arabic is missing: French comes before Italian.
        assert_eq!(permit().resolve(Lang::Ar).lang, Lang::Fr);
        let only_italian = LocalizedText::new("Cittadinanza");
        assert_eq!(only_italian.resolve(Lang::Ar).text, "Cittadinanza");
        assert_eq!(only_italian.resolve(Lang::Ar).lang, Lang::It);
    }

    #[test]
    fn round_trips_as_a_plain_json_map() {
        let json = serde_json::to_string(&permit()).unwrap();
        assert_eq!(
            json,
            r#"{"it":"Rinnovo del permesso","fr":"Renouvellement du titre"}"#
        );
        assert_eq!(
            serde_json::from_str::<LocalizedText>(&json).unwrap(),
            permit()
        );
    }

    #[test]
    fn rejects_maps_without_italian_or_with_empty_texts() {
        let err = serde_json::from_str::<LocalizedText>(r#"{"en":"Citizenship"}"#).unwrap_err();
        assert!(err.to_string().contains("Italian"), "{err}");
        assert!(serde_json::from_str::<LocalizedText>(r#"{"it":"  "}"#).is_err());
    }

    #[test]
    fn texts_in_unknown_languages_are_skipped() {
        let text: LocalizedText =
            serde_json::from_str(r#"{"it":"Cittadinanza","tlh":"Qapla'"}"#).unwrap();
        assert_eq!(text, LocalizedText::new("Cittadinanza"));
    }
}
