//! The languages Sportello speaks, with what the UI needs to show and lay them out.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Writing direction of a script, as HTML's `dir` attribute spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_html(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language of the user interface and of translated content.
///
/// Italian is the fallback: every message and every content entry exists in Italian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    It,
    En,
    Fr,
    Ar,
    Sq,
    Zh,
    Uk,
    Ru,
    Ro,
    Bn,
    Ur,
    Pa,
    Hi,
    Tl,
    Es,
}

impl Lang {
    /// The fallback language: the one every text must exist in.
    pub const FALLBACK: Lang = Lang::It;

    /// Every language, in the order the language picker shows them: Italian, the two
    /// languages most people who do not read their own read instead, then the largest
    /// foreign communities in Italy.
    pub const ALL: [Lang; 15] = [
        Lang::It,
        Lang::En,
        Lang::Fr,
        Lang::Ar,
        Lang::Sq,
        Lang::Zh,
        Lang::Uk,
        Lang::Ru,
        Lang::Ro,
        Lang::Bn,
        Lang::Ur,
        Lang::Pa,
        Lang::Hi,
        Lang::Tl,
        Lang::Es,
    ];

    /// BCP 47 tag, also the folder name under `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Sq => "sq",
            // Simplified Chinese: what the Chinese community in Italy reads.
            Lang::Zh => "zh",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Ro => "ro",
            Lang::Bn => "bn",
            Lang::Ur => "ur",
            // Punjabi in Gurmukhi script.
            Lang::Pa => "pa",
            Lang::Hi => "hi",
            Lang::Tl => "tl",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself: what a person looks for in the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
            Lang::Sq => "Shqip",
            Lang::Zh => "中文",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
            Lang::Ro => "Română",
            Lang::Bn => "বাংলা",
            Lang::Ur => "اردو",
            Lang::Pa => "ਪੰਜਾਬੀ",
            Lang::Hi => "हिन्दी",
            Lang::Tl => "Tagalog",
            Lang::Es => "Español",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::Ar | Lang::Ur => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Where to look for a text missing in `self`, best first, ending with Italian.
    ///
    /// People who do not find their own language usually read English or French better than
    /// Italian, so those come before the fallback: French first for Arabic (most Arabic
    /// speakers in Italy come from the Maghreb, where French is the second language), English
    /// first for everyone else.
    pub fn fallback_chain(self) -> Vec<Lang> {
        let mut chain = vec![self];
        let second = match self {
            Lang::Ar => [Lang::Fr, Lang::En],
            _ => [Lang::En, Lang::Fr],
        };
        for lang in second.into_iter().chain([Lang::FALLBACK]) {
            if !chain.contains(&lang) {
                chain.push(lang);
            }
        }
        chain
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language tag Sportello does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language: {0:?}")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts a bare code or a full tag (`ar-EG` is Arabic), case-insensitively.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        // Filipino phones say "fil": the same language as Tagalog for Sportello.
        if primary.eq_ignore_ascii_case("fil") {
            return Ok(Lang::Tl);
        }
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
            .ok_or_else(|| UnknownLang(tag.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_full_tags() {
        assert_eq!("ar".parse::<Lang>(), Ok(Lang::Ar));
        assert_eq!("fr-BE".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("EN_gb".parse::<Lang>(), Ok(Lang::En));
        assert!("xx".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
    }

    #[test]
    fn arabic_and_urdu_are_right_to_left() {
        for lang in Lang::ALL {
            let expected = if matches!(lang, Lang::Ar | Lang::Ur) {
                Direction::Rtl
            } else {
                Direction::Ltr
            };
            assert_eq!(lang.direction(), expected, "{lang}");
        }
    }

    #[test]
    fn fallback_chain_ends_in_italian_without_repeats() {
        assert_eq!(
            Lang::Ar.fallback_chain(),
            [Lang::Ar, Lang::Fr, Lang::En, Lang::It]
        );
        assert_eq!(
            Lang::Bn.fallback_chain(),
            [Lang::Bn, Lang::En, Lang::Fr, Lang::It]
        );
        assert_eq!(Lang::Fr.fallback_chain(), [Lang::Fr, Lang::En, Lang::It]);
        assert_eq!(Lang::It.fallback_chain(), [Lang::It, Lang::En, Lang::Fr]);
        for lang in Lang::ALL {
            assert!(lang.fallback_chain().contains(&Lang::FALLBACK));
        }
    }

    #[test]
    fn native_names_are_distinct() {
        let mut names: Vec<_> = Lang::ALL.iter().map(|l| l.native_name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Lang::ALL.len());
    }
}
