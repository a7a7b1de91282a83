//! Searching the questions and answers on the kiosk, offline, in the cache's SQLite.
//!
//! Two FTS5 indexes, kept in step with the cached entries in the same transactions:
//! - `faq_words`, by words (`unicode61 remove_diacritics 2`), for every script that puts
//!   spaces between words. Each entry has a row per language: its question and answer in that
//!   language, and the keywords of *all* its languages, so "permesso" typed on an Arabic
//!   screen finds the Arabic answer.
//! - `faq_chars`, by character trigrams, for Chinese, which has no spaces; queries of one or
//!   two characters scan it with `LIKE`.
//!
//! Text and queries go through the same folding (`sportello_core::search::fold`: accents,
//! Arabic letter variants and marks). A short Latin or Cyrillic word that matches nothing is
//! looked up again among the index's own words within one or two edits ("permeso" finds
//! "permesso"). Entries in the person's language rank first; then by relevance (BM25), then
//! by how often they are asked.

use rusqlite::{Connection, params};
use sportello_core::Lang;
use sportello_core::faq::{FaqEntry, parse_answer, plain_text};
use sportello_core::search::{fold, is_unspaced, within_edits, words};
use std::collections::HashMap;

/// The index tables; created with the cache, dropped with it when its layout changes.
pub(crate) const SCHEMA: &str = "
    CREATE VIRTUAL TABLE IF NOT EXISTS faq_words USING fts5(
        id UNINDEXED, lang UNINDEXED, question, answer, keywords,
        tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE IF NOT EXISTS faq_chars USING fts5(
        id UNINDEXED, lang UNINDEXED, text, tokenize = 'trigram');
    CREATE VIRTUAL TABLE IF NOT EXISTS faq_terms USING fts5vocab(faq_words, 'row');
";

pub(crate) const DROP: &str = "
    DROP TABLE IF EXISTS faq_terms;
    DROP TABLE IF EXISTS faq_words;
    DROP TABLE IF EXISTS faq_chars;
";

/// Weights of question, answer and keywords in the ranking.
const WEIGHTS: &str = "bm25(faq_words, 0.0, 0.0, 8.0, 1.0, 4.0)";
/// How much better a hit in the person's own language counts.
const OWN_LANGUAGE: f64 = 2.0;

/// (Re)indexes one entry.
pub(crate) fn index(conn: &Connection, entry: &FaqEntry) -> rusqlite::Result<()> {
    unindex(conn, &entry.id)?;
    let keywords = fold(
        &entry
            .texts
            .values()
            .flat_map(|text| text.keywords.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let mut words_row = conn.prepare_cached(
        "INSERT INTO faq_words (id, lang, question, answer, keywords) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut chars_row =
        conn.prepare_cached("INSERT INTO faq_chars (id, lang, text) VALUES (?1, ?2, ?3)")?;
    for (lang, text) in &entry.texts {
        let answer = parse_answer(&text.answer)
            .map(|blocks| plain_text(&blocks))
            .unwrap_or_else(|_| text.answer.clone());
        let question = fold(&text.question);
        let answer = fold(&answer);
        words_row.execute(params![entry.id, lang.code(), question, answer, keywords])?;
        if is_unspaced(&question) || is_unspaced(&answer) || is_unspaced(&keywords) {
            chars_row.execute(params![
                entry.id,
                lang.code(),
                format!("{question}\n{answer}\n{keywords}")
            ])?;
        }
    }
    Ok(())
}

pub(crate) fn unindex(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM faq_words WHERE id = ?1", [id])?;
    conn.execute("DELETE FROM faq_chars WHERE id = ?1", [id])?;
    Ok(())
}

pub(crate) fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM faq_words", [])?;
    conn.execute("DELETE FROM faq_chars", [])?;
    Ok(())
}

/// The ids of the entries matching `query`, best first, for a person reading `lang`.
pub fn search(conn: &Connection, query: &str, lang: Lang) -> rusqlite::Result<Vec<String>> {
    let folded = fold(query);
    let folded = folded.trim();
    if folded.is_empty() {
        return Ok(Vec::new());
    }
    let rows = if is_unspaced(folded) {
        by_characters(conn, folded)?
    } else {
        let terms: Vec<&str> = words(folded).collect();
        let mut rows = by_words(conn, &all_of(&terms))?;
        if rows.is_empty() {
            let widened = widen_with_typos(conn, &terms)?;
            rows = by_words(conn, &all_of_any(&widened))?;
            if rows.is_empty() && terms.len() > 1 {
                rows = by_words(conn, &any_of(&widened))?;
            }
        }
        rows
    };
    // The best row of each entry, the person's language counting double.
    let mut best: HashMap<String, f64> = HashMap::new();
    for (id, row_lang, score) in rows {
        // BM25 is negative: lower is better.
        let score = if row_lang == lang.code() {
            score * OWN_LANGUAGE
        } else {
            score
        };
        best.entry(id)
            .and_modify(|kept| *kept = kept.min(score))
            .or_insert(score);
    }
    let mut ids: Vec<(String, f64)> = best.into_iter().collect();
    ids.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    Ok(ids.into_iter().map(|(id, _)| id).collect())
}

type Row = (String, String, f64);

fn by_words(conn: &Connection, fts_query: &str) -> rusqlite::Result<Vec<Row>> {
    if fts_query.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, lang, {WEIGHTS} FROM faq_words WHERE faq_words MATCH ?1 LIMIT 500"
    ))?;
    statement
        .query_map([fts_query], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect()
}

fn by_characters(conn: &Connection, folded: &str) -> rusqlite::Result<Vec<Row>> {
    let pattern = format!(
        "%{}%",
        folded
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut statement = conn.prepare_cached(
        "SELECT id, lang, -1.0 FROM faq_chars WHERE text LIKE ?1 ESCAPE '\\' LIMIT 500",
    )?;
    statement
        .query_map([pattern], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect()
}

/// A word as an FTS5 string: quoted, so nothing typed is read as query syntax.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// A word as typed: a prefix from three letters on ("perm" finds "permesso").
fn as_typed(word: &str) -> String {
    if word.chars().count() >= 3 {
        format!("{}*", quoted(word))
    } else {
        quoted(word)
    }
}

fn all_of(terms: &[&str]) -> String {
    terms
        .iter()
        .map(|term| as_typed(term))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Every word, each as typed or as one of the words it could be.
fn all_of_any(alternatives: &[Vec<String>]) -> String {
    alternatives
        .iter()
        .map(|words| format!("({})", words.join(" OR ")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn any_of(alternatives: &[Vec<String>]) -> String {
    alternatives
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// For each word, itself as typed and, if it is short and alphabetic, the index's words one
/// or two edits away.
fn widen_with_typos(conn: &Connection, terms: &[&str]) -> rusqlite::Result<Vec<Vec<String>>> {
    let mut vocabulary: Option<Vec<String>> = None;
    let mut widened = Vec::with_capacity(terms.len());
    for term in terms {
        let mut alternatives = vec![as_typed(term)];
        let length = term.chars().count();
        if (4..=20).contains(&length) && term.chars().all(char::is_alphabetic) {
            let vocabulary = match &mut vocabulary {
                Some(vocabulary) => vocabulary,
                None => vocabulary.insert(
                    conn.prepare_cached("SELECT term FROM faq_terms")?
                        .query_map([], |row| row.get(0))?
                        .collect::<rusqlite::Result<Vec<String>>>()?,
                ),
            };
            let edits = if length <= 6 { 1 } else { 2 };
            alternatives.extend(
                vocabulary
                    .iter()
                    .filter(|word| within_edits(term, word, edits))
                    .take(8)
                    .map(|word| quoted(word)),
            );
        }
        widened.push(alternatives);
    }
    Ok(widened)
}

#[cfg(test)]
mod tests {
    use crate::cache::Cache;
    use sportello_core::Lang;
    use sportello_core::faq::{FaqCategory, FaqEntry, FaqSource, FaqText, TranslationStatus};
    use sportello_core::sync::{Change, ChangeOp, ChangePage, Record};

    fn text(question: &str, answer: &str, keywords: &[&str]) -> FaqText {
        FaqText {
            status: TranslationStatus::Reviewed,
            question: question.into(),
            answer: answer.into(),
            keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        }
    }

    fn entry(id: &str, rank: u32, texts: Vec<(Lang, FaqText)>) -> FaqEntry {
        FaqEntry {
            id: id.into(),
            category: FaqCategory::StayPermit,
            rank,
            procedures: vec![],
            reviewed: jiff::civil::date(2026, 11, 26),
            sources: vec![FaqSource {
                title: "Polizia di Stato".into(),
                url: "https://www.poliziadistato.it/".into(),
            }],
            texts: texts.into_iter().collect(),
        }
    }

    fn cache(entries: Vec<FaqEntry>) -> Cache {
        let mut cache = Cache::open_in_memory().unwrap();
        let changes = entries
            .into_iter()
            .enumerate()
            .map(|(seq, entry)| Change {
                seq: seq as i64 + 1,
                op: ChangeOp::Upsert {
                    record: Record::Faq(entry),
                },
            })
            .collect::<Vec<_>>();
        cache
            .apply(
                &ChangePage {
                    feed: "f".into(),
                    cursor: changes.len() as i64,
                    changes,
                    more: false,
                    checkpoint: None,
                    slots_etag: None,
                },
                false,
            )
            .unwrap();
        cache
    }

    fn ids(cache: &Cache, query: &str, lang: Lang) -> Vec<String> {
        cache
            .search_faq(query, lang)
            .unwrap()
            .into_iter()
            .map(|entry| entry.id)
            .collect()
    }

    fn demo() -> Cache {
        cache(vec![
            entry(
                "rinnovo",
                1,
                vec![
                    (
                        Lang::It,
                        text(
                            "Quando rinnovo il permesso di soggiorno?",
                            "Chiedi il rinnovo almeno 60 giorni prima della scadenza.",
                            &["permesso", "rinnovo", "scadenza"],
                        ),
                    ),
                    (
                        Lang::Ar,
                        text(
                            "متى أجدد تصريح الإقامة؟",
                            "اطلب التجديد قبل انتهاء الصلاحية بستين يوماً.",
                            &["تجديد", "إقامة"],
                        ),
                    ),
                    (
                        Lang::Ru,
                        text(
                            "Когда продлевать вид на жительство?",
                            "Подайте заявление за 60 дней до истечения срока.",
                            &["продление", "вид на жительство"],
                        ),
                    ),
                    (
                        Lang::Zh,
                        text(
                            "什么时候续签居留许可？",
                            "请在到期前六十天申请续签。",
                            &["续签", "居留"],
                        ),
                    ),
                ],
            ),
            entry(
                "ricongiungimento",
                2,
                vec![(
                    Lang::It,
                    text(
                        "Come faccio il ricongiungimento familiare?",
                        "Chiedi il nulla osta allo Sportello Unico.",
                        &["ricongiungimento", "famiglia", "nulla osta"],
                    ),
                )],
            ),
            entry(
                "codice-fiscale",
                3,
                vec![(
                    Lang::It,
                    text(
                        "Dove si chiede il codice fiscale?",
                        "All'Agenzia delle Entrate, gratis. Serve anche per il permesso.",
                        &["codice fiscale", "tessera"],
                    ),
                )],
            ),
        ])
    }

    #[test]
    fn italian_terms_find_entries_on_an_arabic_screen() {
        let cache = demo();
        // "permesso" is an Italian keyword: the Arabic screen still finds the renewal, first.
        assert_eq!(ids(&cache, "permesso", Lang::Ar)[0], "rinnovo");
        assert_eq!(
            ids(&cache, "ricongiungimento", Lang::Bn),
            ["ricongiungimento"]
        );
        assert_eq!(ids(&cache, "Codice Fiscale", Lang::It), ["codice-fiscale"]);
    }

    #[test]
    fn arabic_is_found_whatever_the_hamza_and_taa_marbuta() {
        let cache = demo();
        // Typed without hamza and with haa for taa marbuta, as people type.
        assert_eq!(ids(&cache, "الاقامه", Lang::Ar), ["rinnovo"]);
        assert_eq!(ids(&cache, "تَجْدِيد", Lang::Ar), ["rinnovo"]);
    }

    #[test]
    fn cyrillic_and_chinese_are_found() {
        let cache = demo();
        assert_eq!(ids(&cache, "продлевать", Lang::Ru), ["rinnovo"]);
        assert_eq!(ids(&cache, "вид на жительство", Lang::Uk), ["rinnovo"]);
        // Chinese has no spaces: by characters, down to two.
        assert_eq!(ids(&cache, "居留许可", Lang::Zh), ["rinnovo"]);
        assert_eq!(ids(&cache, "续签", Lang::Zh), ["rinnovo"]);
        assert_eq!(ids(&cache, "居", Lang::Zh), ["rinnovo"]);
    }

    #[test]
    fn short_typos_and_prefixes_are_forgiven() {
        let cache = demo();
        assert_eq!(ids(&cache, "permeso", Lang::It)[0], "rinnovo");
        assert_eq!(
            ids(&cache, "ricongiungimeto", Lang::It),
            ["ricongiungimento"]
        );
        assert_eq!(ids(&cache, "ricong", Lang::It), ["ricongiungimento"]);
        assert!(ids(&cache, "xyzzy", Lang::It).is_empty());
        // Query syntax typed by a person is just text.
        assert!(ids(&cache, "\"permesso OR * NEAR(", Lang::It).len() <= 3);
        assert!(ids(&cache, "   ", Lang::It).is_empty());
    }

    #[test]
    fn a_retired_entry_leaves_the_index() {
        let mut cache = demo();
        cache
            .apply(
                &ChangePage {
                    feed: "f".into(),
                    cursor: 10,
                    changes: vec![Change {
                        seq: 10,
                        op: ChangeOp::Delete {
                            entity: sportello_core::sync::EntityKind::Faq,
                            id: "ricongiungimento".into(),
                        },
                    }],
                    more: false,
                    checkpoint: None,
                    slots_etag: None,
                },
                false,
            )
            .unwrap();
        assert!(ids(&cache, "ricongiungimento", Lang::It).is_empty());
    }
}
