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
}

impl Lang {
    /// The fallback language: the one every text must exist in.
    pub const FALLBACK: Lang = Lang::It;

    /// Every language, in the order the language picker shows them.
    pub const ALL: [Lang; 4] = [Lang::It, Lang::En, Lang::Fr, Lang::Ar];

    /// BCP 47 tag, also the folder name under `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself: what a person looks for in the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::Ar => Direction::Rtl,
            Lang::It | Lang::En | Lang::Fr => Direction::Ltr,
        }
    }

    /// Where to look for a text missing in `self`, best first, ending with Italian.
    ///
    /// People who do not find their own language usually read English or French better than
    /// Italian, so those come before the fallback.
    pub fn fallback_chain(self) -> Vec<Lang> {
        let mut chain = vec![self];
        for lang in [Lang::En, Lang::Fr, Lang::FALLBACK] {
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
    fn only_arabic_is_right_to_left() {
        for lang in Lang::ALL {
            let expected = if lang == Lang::Ar {
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
            [Lang::Ar, Lang::En, Lang::Fr, Lang::It]
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
