//! Questions and answers: entries written in Italian and translated, each with its sources,
//! replicated to kiosks like the rest of the reference data and searched there offline.
//!
//! An answer is short rich text in a deliberately small markup, so staff can write it in a
//! text box and no HTML ever reaches a screen:
//! - paragraphs separated by a blank line;
//! - list items on lines starting with `- `;
//! - `**bold**`;
//! - links `[text](procedure:ID)`, `[text](office:ID)`, `[text](https://…)`.

use crate::lang::Lang;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an entry is about, after the Italian integration axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FaqCategory {
    StayPermit,
    Family,
    Work,
    Citizenship,
    Protection,
    Health,
    School,
    Housing,
    Documents,
    Integration,
}

impl FaqCategory {
    pub const ALL: [FaqCategory; 10] = [
        FaqCategory::StayPermit,
        FaqCategory::Family,
        FaqCategory::Work,
        FaqCategory::Citizenship,
        FaqCategory::Protection,
        FaqCategory::Health,
        FaqCategory::School,
        FaqCategory::Housing,
        FaqCategory::Documents,
        FaqCategory::Integration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FaqCategory::StayPermit => "stay_permit",
            FaqCategory::Family => "family",
            FaqCategory::Work => "work",
            FaqCategory::Citizenship => "citizenship",
            FaqCategory::Protection => "protection",
            FaqCategory::Health => "health",
            FaqCategory::School => "school",
            FaqCategory::Housing => "housing",
            FaqCategory::Documents => "documents",
            FaqCategory::Integration => "integration",
        }
    }
}

/// How far a translation can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// Read and approved by someone who knows the language and the procedure.
    Reviewed,
    /// Translated by a machine (or a first pass): shown, and said so.
    MachineDraft,
}

/// An entry in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqText {
    pub status: TranslationStatus,
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 300))]
    pub question: String,
    /// The answer, in the markup described in this module.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 6000))]
    pub answer: String,
    /// Words people type to find it, including everyday and misspelled forms.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// Where a fact comes from: the law or the office page an answer summarises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqSource {
    pub title: String,
    pub url: String,
}

/// A question and its answer, in Italian and in the languages it has been translated into.
///
/// Unknown fields are accepted when reading (the API refuses them at its edge): an entry
/// travels to kiosks in the change feed, and a kiosk one release behind a server that added
/// a field must still read the whole page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqEntry {
    /// Stable identifier, e.g. "permesso-rinnovo-quando".
    pub id: String,
    pub category: FaqCategory,
    /// How often it is asked: 1 is the most asked. Lists and ties in search follow it.
    pub rank: u32,
    /// Booking procedures the answer leads to.
    #[serde(default)]
    pub procedures: Vec<String>,
    /// When someone last checked the answer against its sources.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub reviewed: Date,
    pub sources: Vec<FaqSource>,
    pub texts: BTreeMap<Lang, FaqText>,
}

/// Something wrong with an entry, for the person editing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FaqProblem {
    #[error("the id must be 3 to 64 lowercase letters, digits and hyphens")]
    BadId,
    #[error("the Italian text is required: it is the fallback for every language")]
    NoItalian,
    #[error("{lang}: the {field} is empty")]
    Empty { lang: Lang, field: String },
    #[error("{lang}: the {field} is too long (at most {max} characters)")]
    TooLong {
        lang: Lang,
        field: String,
        max: usize,
    },
    #[error("{lang}: {error}")]
    Markup { lang: Lang, error: MarkupError },
    #[error("at least one source is required, with an https:// address")]
    NoSource,
    #[error("source {url:?} is not an https:// address")]
    BadSourceUrl { url: String },
    #[error("{lang}: the link to {target:?} leads nowhere")]
    UnknownLink { lang: Lang, target: String },
    #[error("the procedure {id:?} does not exist")]
    UnknownProcedure { id: String },
    #[error("too many {field}: at most {max}")]
    TooMany { field: String, max: usize },
    #[error("the entry is too large (at most {max} bytes in all)")]
    TooLarge { max: usize },
}

const MAX_QUESTION: usize = 300;
const MAX_ANSWER: usize = 6000;
const MAX_KEYWORDS: usize = 30;
const MAX_KEYWORD: usize = 60;
const MAX_SOURCES: usize = 20;
const MAX_PROCEDURES: usize = 20;
const MAX_SOURCE_TEXT: usize = 500;
/// An entry in every language (the demo's, in 15, are under 30 KB): kept under the 64 KiB
/// the API takes in one body, so an entry grown by translations can always be sent whole.
pub const MAX_ENTRY_BYTES: usize = 60 * 1024;

/// What an entry with no text at all shows (the server never stores one, but a kiosk must not
/// fail on what a feed brings).
static NO_TEXT: FaqText = FaqText {
    status: TranslationStatus::MachineDraft,
    question: String::new(),
    answer: String::new(),
    keywords: Vec::new(),
};

impl FaqEntry {
    /// The text to show in `lang`: its own, else the best of its fallback chain (English or
    /// French, then Italian). The language returned says which one it is.
    pub fn text(&self, lang: Lang) -> (Lang, &FaqText) {
        lang.fallback_chain()
            .into_iter()
            .find_map(|candidate| self.texts.get(&candidate).map(|text| (candidate, text)))
            .or_else(|| self.texts.iter().next().map(|(lang, text)| (*lang, text)))
            .unwrap_or((Lang::FALLBACK, &NO_TEXT))
    }

    /// Checks the entry on its own; `exists` says whether a link's target exists.
    pub fn validate(&self, exists: impl Fn(&LinkTarget) -> bool) -> Result<(), Vec<FaqProblem>> {
        let mut problems = Vec::new();
        let id_ok = (3..=64).contains(&self.id.len())
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            problems.push(FaqProblem::BadId);
        }
        if !self.texts.contains_key(&Lang::FALLBACK) {
            problems.push(FaqProblem::NoItalian);
        }
        if self.sources.is_empty() {
            problems.push(FaqProblem::NoSource);
        }
        for (field, count, max) in [
            ("sources", self.sources.len(), MAX_SOURCES),
            ("procedures", self.procedures.len(), MAX_PROCEDURES),
        ] {
            if count > max {
                problems.push(FaqProblem::TooMany {
                    field: field.to_owned(),
                    max,
                });
            }
        }
        if serde_json::to_vec(self).map_or(usize::MAX, |bytes| bytes.len()) > MAX_ENTRY_BYTES {
            problems.push(FaqProblem::TooLarge {
                max: MAX_ENTRY_BYTES,
            });
        }
        for source in &self.sources {
            if !source.url.starts_with("https://")
                || source.title.trim().is_empty()
                || source.url.len() > MAX_SOURCE_TEXT
                || source.title.chars().count() > MAX_SOURCE_TEXT
            {
                problems.push(FaqProblem::BadSourceUrl {
                    url: source.url.clone(),
                });
            }
        }
        for procedure in &self.procedures {
            if !exists(&LinkTarget::Procedure(procedure.clone())) {
                problems.push(FaqProblem::UnknownProcedure {
                    id: procedure.clone(),
                });
            }
        }
        for (&lang, text) in &self.texts {
            for (field, value, max) in [
                ("question", &text.question, MAX_QUESTION),
                ("answer", &text.answer, MAX_ANSWER),
            ] {
                if value.trim().is_empty() {
                    problems.push(FaqProblem::Empty {
                        lang,
                        field: field.to_owned(),
                    });
                } else if value.chars().count() > max {
                    problems.push(FaqProblem::TooLong {
                        lang,
                        field: field.to_owned(),
                        max,
                    });
                }
            }
            if text.keywords.len() > MAX_KEYWORDS
                || text
                    .keywords
                    .iter()
                    .any(|k| k.chars().count() > MAX_KEYWORD)
            {
                problems.push(FaqProblem::TooLong {
                    lang,
                    field: "keywords".to_owned(),
                    max: MAX_KEYWORD,
                });
            }
            match parse_answer(&text.answer) {
                Err(error) => problems.push(FaqProblem::Markup { lang, error }),
                Ok(blocks) => {
                    for target in links(&blocks) {
                        if !matches!(target, LinkTarget::Web(_)) && !exists(target) {
                            problems.push(FaqProblem::UnknownLink {
                                lang,
                                target: target.to_string(),
                            });
                        }
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

// --- the answer's markup -----------------------------------------------------------------

/// A block of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "block", content = "content", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// A run of text within a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "inline", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Bold { text: String },
    Link { text: String, target: LinkTarget },
}

/// Where a link in an answer leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum LinkTarget {
    /// A booking procedure: the kiosk opens the wizard on it.
    Procedure(String),
    /// An office: the kiosk shows where it is.
    Office(String),
    /// A web page (https only): shown as its address and a QR code to open on a phone.
    Web(String),
}

impl std::fmt::Display for LinkTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkTarget::Procedure(id) => write!(f, "procedure:{id}"),
            LinkTarget::Office(id) => write!(f, "office:{id}"),
            LinkTarget::Web(url) => f.write_str(url),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "markup", rename_all = "snake_case")]
pub enum MarkupError {
    #[error("line {line}: a link is not closed: write [text](target)")]
    OpenLink { line: usize },
    #[error("line {line}: \"**\" is not closed")]
    OpenBold { line: usize },
    #[error("line {line}: a link leads to {target:?}: use procedure:ID, office:ID or https://…")]
    BadTarget { line: usize, target: String },
}

/// Parses an answer into blocks.
pub fn parse_answer(markup: &str) -> Result<Vec<Block>, MarkupError> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut items: Vec<Vec<Inline>> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<String>,
                           blocks: &mut Vec<Block>,
                           line: usize|
     -> Result<(), MarkupError> {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inlines(&paragraph.join(" "), line)?));
            paragraph.clear();
        }
        Ok(())
    };
    for (index, raw) in markup.lines().enumerate() {
        let line = index + 1;
        let text = raw.trim();
        if let Some(item) = text.strip_prefix("- ") {
            flush_paragraph(&mut paragraph, &mut blocks, line)?;
            items.push(inlines(item.trim(), line)?);
        } else if text.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks, line)?;
            if !items.is_empty() {
                blocks.push(Block::List(std::mem::take(&mut items)));
            }
        } else {
            if !items.is_empty() {
                blocks.push(Block::List(std::mem::take(&mut items)));
            }
            paragraph.push(text.to_owned());
        }
    }
    let last = markup.lines().count();
    flush_paragraph(&mut paragraph, &mut blocks, last)?;
    if !items.is_empty() {
        blocks.push(Block::List(items));
    }
    Ok(blocks)
}

/// The runs of one paragraph or list item.
fn inlines(text: &str, line: usize) -> Result<Vec<Inline>, MarkupError> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**") {
            let end = after.find("**").ok_or(MarkupError::OpenBold { line })?;
            flush(&mut plain, &mut out);
            out.push(Inline::Bold {
                text: after[..end].to_owned(),
            });
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix('[')
            && let Some(close) = after.find("](")
            && !after[..close].contains('[')
        {
            // "[text](" opens a link, which must close: a bracket in prose is just text.
            let target_end = after[close + 2..]
                .find(')')
                .ok_or(MarkupError::OpenLink { line })?;
            let label = &after[..close];
            let target = &after[close + 2..close + 2 + target_end];
            flush(&mut plain, &mut out);
            out.push(Inline::Link {
                text: label.to_owned(),
                target: link_target(target).ok_or_else(|| MarkupError::BadTarget {
                    line,
                    target: target.to_owned(),
                })?,
            });
            rest = &after[close + 2 + target_end + 1..];
        } else {
            let next = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '[' || *c == '*')
                .map_or(rest.len(), |(at, _)| at);
            // A lone '*' or '[' is just a character.
            let (run, after) =
                if (rest.starts_with('*') && !rest.starts_with("**")) || rest.starts_with('[') {
                    rest.split_at(1)
                } else {
                    rest.split_at(next)
                };
            plain.push_str(run);
            rest = after;
        }
    }
    flush(&mut plain, &mut out);
    Ok(out)
}

fn flush(plain: &mut String, out: &mut Vec<Inline>) {
    if !plain.is_empty() {
        out.push(Inline::Text {
            text: std::mem::take(plain),
        });
    }
}

fn link_target(target: &str) -> Option<LinkTarget> {
    let valid_id = |id: &str| {
        !id.is_empty()
            && id.len() <= 80
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if let Some(id) = target.strip_prefix("procedure:") {
        valid_id(id).then(|| LinkTarget::Procedure(id.to_owned()))
    } else if let Some(id) = target.strip_prefix("office:") {
        valid_id(id).then(|| LinkTarget::Office(id.to_owned()))
    } else if target.starts_with("https://")
        && !target.contains(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'))
    {
        Some(LinkTarget::Web(target.to_owned()))
    } else {
        None
    }
}

/// Every link of an answer, in order.
pub fn links(blocks: &[Block]) -> impl Iterator<Item = &LinkTarget> {
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph(runs) => std::slice::from_ref(runs).iter(),
            Block::List(items) => items.iter(),
        })
        .flatten()
        .filter_map(|inline| match inline {
            Inline::Link { target, .. } => Some(target),
            _ => None,
        })
}

/// The answer as plain text, for the search index and screen readers.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        let runs: Vec<&Vec<Inline>> = match block {
            Block::Paragraph(runs) => vec![runs],
            Block::List(items) => items.iter().collect(),
        };
        for run in runs {
            for inline in run {
                out.push_str(match inline {
                    Inline::Text { text } | Inline::Bold { text } | Inline::Link { text, .. } => {
                        text
                    }
                });
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(inline: &str) -> Inline {
        Inline::Text {
            text: inline.to_owned(),
        }
    }

    #[test]
    fn paragraphs_lists_bold_and_links() {
        let blocks = parse_answer(
            "Chiedi il rinnovo **60 giorni** prima.\nPrenota: [rinnovo](procedure:questura-asti-permesso-rinnovo).\n\n\
             - passaporto\n- [Questura](office:questura-asti)\n\nVedi [la pagina](https://www.poliziadistato.it/).",
        )
        .unwrap();
        assert_eq!(blocks.len(), 3);
        let Block::Paragraph(first) = &blocks[0] else {
            panic!()
        };
        assert_eq!(first[0], text("Chiedi il rinnovo "));
        assert_eq!(
            first[1],
            Inline::Bold {
                text: "60 giorni".into()
            }
        );
        assert!(matches!(
            &first[3],
            Inline::Link { target: LinkTarget::Procedure(id), .. } if id == "questura-asti-permesso-rinnovo"
        ));
        let Block::List(items) = &blocks[1] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(links(&blocks).count(), 3);
        assert!(plain_text(&blocks).contains("passaporto\nQuestura\n"));
    }

    #[test]
    fn broken_markup_is_refused_with_its_line() {
        assert_eq!(
            parse_answer("ok\n\n[open](procedure:x"),
            Err(MarkupError::OpenLink { line: 3 })
        );
        // Brackets in prose are text; a link after them still is one.
        let blocks = parse_answer("[a] x [b](procedure:y) [").unwrap();
        assert_eq!(links(&blocks).count(), 1);
        assert!(plain_text(&blocks).starts_with("[a] x b ["));
        assert!(matches!(
            parse_answer("[w](https://en.wikipedia.org/wiki/Foo_(bar))"),
            Err(MarkupError::BadTarget { .. })
        ));
        assert_eq!(
            parse_answer("**open"),
            Err(MarkupError::OpenBold { line: 1 })
        );
        assert!(matches!(
            parse_answer("[x](javascript:alert(1))"),
            Err(MarkupError::BadTarget { line: 1, .. })
        ));
        assert!(matches!(
            parse_answer("[x](http://plain.example)"),
            Err(MarkupError::BadTarget { .. })
        ));
        // A lone star and brackets in prose are text.
        assert!(parse_answer("5 * 3 = 15").is_ok());
    }

    fn entry() -> FaqEntry {
        let mut texts = BTreeMap::new();
        texts.insert(
            Lang::It,
            FaqText {
                status: TranslationStatus::Reviewed,
                question: "Quando rinnovo?".into(),
                answer: "[Prenota](procedure:questura-asti-permesso-rinnovo)".into(),
                keywords: vec!["rinnovo".into()],
            },
        );
        texts.insert(
            Lang::Fr,
            FaqText {
                status: TranslationStatus::MachineDraft,
                question: "Quand renouveler ?".into(),
                answer: "[Réserver](procedure:questura-asti-permesso-rinnovo)".into(),
                keywords: vec![],
            },
        );
        FaqEntry {
            id: "permesso-rinnovo".into(),
            category: FaqCategory::StayPermit,
            rank: 1,
            procedures: vec!["questura-asti-permesso-rinnovo".into()],
            reviewed: jiff::civil::date(2026, 11, 26),
            sources: vec![FaqSource {
                title: "Polizia di Stato".into(),
                url: "https://www.poliziadistato.it/".into(),
            }],
            texts,
        }
    }

    #[test]
    fn the_best_text_comes_from_the_fallback_chain() {
        let entry = entry();
        assert_eq!(entry.text(Lang::Fr).0, Lang::Fr);
        // Arabic is missing: English is missing too, so French, before Italian.
        assert_eq!(entry.text(Lang::Ar).0, Lang::Fr);
        assert_eq!(entry.text(Lang::En).0, Lang::Fr);
        assert_eq!(entry.text(Lang::It).0, Lang::It);
    }

    #[test]
    fn validation_names_every_problem() {
        let entry = entry();
        assert!(entry.validate(|_| true).is_ok());
        let problems = entry.validate(|_| false).unwrap_err();
        assert!(problems.contains(&FaqProblem::UnknownProcedure {
            id: "questura-asti-permesso-rinnovo".into()
        }));
        assert_eq!(
            problems
                .iter()
                .filter(|p| matches!(p, FaqProblem::UnknownLink { .. }))
                .count(),
            2
        );
        let mut broken = entry.clone();
        broken.texts.remove(&Lang::It);
        broken.sources.clear();
        broken.id = "Bad Id".into();
        let problems = broken.validate(|_| true).unwrap_err();
        for expected in [
            FaqProblem::NoItalian,
            FaqProblem::NoSource,
            FaqProblem::BadId,
        ] {
            assert!(problems.contains(&expected), "{expected:?}");
        }
    }
}
