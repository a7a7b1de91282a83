//! Searching the questions and answers on the kiosk, offline, in the cache's SQLite.
//!
//! Two indexes, kept in step with the cached entries in the same transactions:
//! - `faq_words`, by words (`unicode61 remove_diacritics 2`), for every script that puts
//!   spaces between words. Each entry has a row per language: its question and answer in that
//!   language, and the keywords of *all* its languages, so "permesso" typed on an Arabic
//!   screen finds the Arabic answer.
//! - `faq_cjk`, the Chinese rows' text, searched by substring (Chinese has no spaces).
//!
//! Text and queries go through the same folding (`sportello_core::search::fold`: accents,
//! Arabic letter variants and marks). A short Latin or Cyrillic word that matches nothing is
//! looked up again among the index's own words within one or two edits ("permeso" finds
//! "permesso"). Each entry has a row per language of the interface, holding the text a
//! person reading it is shown (theirs, or the fallback's): a search looks only at one
//! language's rows, ranked by relevance (BM25), then by how often they are asked.

use rusqlite::{Connection, params};
use sportello_core::Lang;
use sportello_core::faq::{FaqCategory, FaqEntry, parse_answer, plain_text};
use sportello_core::kiosk::FaqItem;
use sportello_core::search::{fold, is_unspaced, within_edits_chars, words};
use std::collections::HashMap;

/// The index tables; created with the cache, dropped with it when its layout changes.
/// `faq_titles` has a row per entry and language (what lists show, no JSON to decode); the
/// full-text tables share its rowids.
pub(crate) const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS faq_titles (
        id       TEXT NOT NULL,
        lang     TEXT NOT NULL,
        shown    TEXT NOT NULL,
        category TEXT NOT NULL,
        rank     INTEGER NOT NULL,
        question TEXT NOT NULL,
        UNIQUE (id, lang)
    );
    CREATE INDEX IF NOT EXISTS faq_titles_by_lang ON faq_titles (lang, rank, id);
    CREATE VIRTUAL TABLE IF NOT EXISTS faq_words USING fts5(
        lang, question, answer, keywords,
        tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co Mn Mc'\");
    CREATE VIRTUAL TABLE IF NOT EXISTS faq_terms USING fts5vocab(faq_words, 'row');
    CREATE TABLE IF NOT EXISTS faq_cjk (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
";

pub(crate) const DROP: &str = "
    DROP TABLE IF EXISTS faq_terms;
    DROP TABLE IF EXISTS faq_words;
    DROP TABLE IF EXISTS faq_cjk;
    DROP TABLE IF EXISTS faq_titles;
";

/// Weights of question, answer and keywords in the ranking.
const WEIGHTS: &str = "bm25(faq_words, 0.0, 8.0, 1.0, 4.0)";
/// Rows looked at per search: plenty for the few dozen results a person reads.
const ROWS: u32 = 300;

/// The index's own words, split into characters, for forgiving typos. Read once and kept
/// until the entries change.
pub(crate) type Vocabulary = Vec<(Vec<char>, String)>;

/// (Re)indexes one entry: a row for every language of the interface, with the text a person
/// reading it is shown (its own, or the fallback's), so a search looks only at the rows of
/// one language. Every row carries the keywords of all the entry's languages and its Italian
/// question: Italian words find it on any screen.
pub(crate) fn index(conn: &Connection, entry: &FaqEntry) -> rusqlite::Result<()> {
    unindex(conn, &entry.id)?;
    let mut keywords = entry
        .texts
        .values()
        .flat_map(|text| text.keywords.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(italian) = entry.texts.get(&Lang::FALLBACK) {
        keywords.push(' ');
        keywords.push_str(&italian.question);
    }
    let keywords = fold(&keywords);
    let mut title = conn.prepare_cached(
        "INSERT INTO faq_titles (id, lang, shown, category, rank, question) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut words_row = conn.prepare_cached(
        "INSERT INTO faq_words (rowid, lang, question, answer, keywords) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut cjk_row = conn.prepare_cached("INSERT INTO faq_cjk (rowid, text) VALUES (?1, ?2)")?;
    // Folded once per language shown, not once per language of the interface.
    let mut folded: HashMap<Lang, (String, String)> = HashMap::new();
    for lang in Lang::ALL {
        let (shown, text) = entry.text(lang);
        title.execute(params![
            entry.id,
            lang.code(),
            shown.code(),
            entry.category.as_str(),
            entry.rank,
            text.question
        ])?;
        let rowid = conn.last_insert_rowid();
        let (question, answer) = &*folded.entry(shown).or_insert_with(|| {
            let answer = parse_answer(&text.answer)
                .map(|blocks| plain_text(&blocks))
                .unwrap_or_else(|_| text.answer.clone());
            (fold(&text.question), fold(&answer))
        });
        words_row.execute(params![rowid, lang.code(), question, answer, keywords])?;
        if lang == Lang::Zh || is_unspaced(question) {
            let all = format!("{question}\n{answer}\n{keywords}");
            cjk_row.execute(params![rowid, all])?;
        }
    }
    Ok(())
}

pub(crate) fn unindex(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    let rowids: Vec<i64> = conn
        .prepare_cached("SELECT rowid FROM faq_titles WHERE id = ?1")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for rowid in rowids {
        conn.execute("DELETE FROM faq_words WHERE rowid = ?1", [rowid])?;
        conn.execute("DELETE FROM faq_cjk WHERE rowid = ?1", [rowid])?;
    }
    conn.execute("DELETE FROM faq_titles WHERE id = ?1", [id])?;
    Ok(())
}

pub(crate) fn clear(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM faq_words; DELETE FROM faq_cjk; DELETE FROM faq_titles;")
}

/// Every entry's question for a person reading `lang`, of one category or all, most asked
/// first.
pub fn list(
    conn: &Connection,
    lang: Lang,
    category: Option<FaqCategory>,
) -> rusqlite::Result<Vec<FaqItem>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, shown, category, question FROM faq_titles \
         WHERE lang = ?1 AND (?2 IS NULL OR category = ?2) ORDER BY rank, id",
    )?;
    let rows = statement.query_map(
        params![lang.code(), category.map(FaqCategory::as_str)],
        item_from_row,
    )?;
    Ok(rows.filter_map(Result::ok).flatten().collect())
}

/// The question of entry `id` for a person reading `lang`.
fn item_of(conn: &Connection, id: &str, lang: Lang) -> rusqlite::Result<Option<FaqItem>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, shown, category, question FROM faq_titles WHERE id = ?1 AND lang = ?2",
    )?;
    let mut rows = statement.query_map(params![id, lang.code()], item_from_row)?;
    Ok(rows.next().transpose()?.flatten())
}

fn item_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Option<FaqItem>> {
    let shown: String = row.get(1)?;
    let category: String = row.get(2)?;
    Ok(match (shown.parse::<Lang>(), category_of(&category)) {
        (Ok(shown), Some(category)) => Some(FaqItem {
            id: row.get(0)?,
            category,
            question: row.get(3)?,
            lang: shown,
        }),
        _ => None,
    })
}

fn category_of(text: &str) -> Option<FaqCategory> {
    FaqCategory::ALL.into_iter().find(|c| c.as_str() == text)
}

/// The entries matching `query`, of one category or all, best first, at most `limit`, for a
/// person reading `lang`.
pub fn search(
    conn: &Connection,
    vocabulary: &mut Option<Vocabulary>,
    query: &str,
    scope: Scope,
    limit: usize,
) -> rusqlite::Result<Vec<FaqItem>> {
    let lang = scope.lang;
    let folded = fold(query);
    let folded = folded.trim();
    if folded.is_empty() {
        return Ok(Vec::new());
    }
    let terms: Vec<&str> = words(folded).collect();
    let rows = if is_unspaced(folded) {
        by_characters(conn, &terms, scope)?
    } else {
        let mut rows = by_words(conn, &all_of(&terms), scope)?;
        if rows.is_empty() {
            let widened = widen_with_typos(conn, vocabulary, &terms)?;
            rows = by_words(conn, &all_of_any(&widened), scope)?;
            if rows.is_empty() && terms.len() > 1 {
                rows = by_words(conn, &any_of(&widened), scope)?;
            }
        }
        rows
    };
    // Rows come best first, one per entry; ties keep the most asked first.
    let mut items = Vec::with_capacity(rows.len().min(limit));
    for id in rows.into_iter().take(limit) {
        if let Some(item) = item_of(conn, &id, lang)? {
            items.push(item);
        }
    }
    Ok(items)
}

/// Where a search looks: one language's rows, of one category or all.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub lang: Lang,
    pub category: Option<FaqCategory>,
}

fn by_words(conn: &Connection, fts_query: &str, scope: Scope) -> rusqlite::Result<Vec<String>> {
    if fts_query.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = conn.prepare_cached(&format!(
        "SELECT t.id FROM faq_words JOIN faq_titles t ON t.rowid = faq_words.rowid \
         WHERE faq_words MATCH ?1 AND (?2 IS NULL OR t.category = ?2) \
         ORDER BY {WEIGHTS}, t.rank LIMIT {ROWS}"
    ))?;
    // The words are looked for in the text columns only: "es" typed on a Spanish screen is
    // a word, not the language column.
    let query = format!(
        "lang : {} AND {{question answer keywords}} : ({fts_query})",
        quoted(scope.lang.code())
    );
    statement
        .query_map(
            params![query, scope.category.map(FaqCategory::as_str)],
            |row| row.get(0),
        )?
        .collect()
}

/// Chinese, which has no spaces between words: a substring of the Chinese rows, any length
/// from one character. Measured faster here than FTS5's trigram index (1 ms against 7 ms for
/// 500 entries), because each row is one entry in one language and the scan stops early on
/// the most asked.
fn by_characters(
    conn: &Connection,
    pieces: &[&str],
    scope: Scope,
) -> rusqlite::Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT t.id, c.text FROM faq_titles t JOIN faq_cjk c ON c.rowid = t.rowid \
         WHERE t.lang = ?1 AND (?2 IS NULL OR t.category = ?2) AND instr(c.text, ?3) > 0 \
         ORDER BY t.rank",
    )?;
    // The first piece narrows in SQL; every other piece must be there too (a query with
    // spaces, punctuation or a Latin word beside the Chinese).
    let Some((first, rest)) = pieces.split_first() else {
        return Ok(Vec::new());
    };
    let rows = statement.query_map(
        params![
            scope.lang.code(),
            scope.category.map(FaqCategory::as_str),
            first
        ],
        |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
    )?;
    let mut ids = Vec::new();
    for row in rows {
        let (id, text) = row?;
        if rest.iter().all(|piece| text.contains(piece)) {
            ids.push(id);
            if ids.len() >= ROWS as usize {
                break;
            }
        }
    }
    Ok(ids)
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

/// The index's words, for [`Vocabulary`].
pub(crate) fn read_vocabulary(conn: &Connection) -> rusqlite::Result<Vocabulary> {
    conn.prepare_cached("SELECT term FROM faq_terms")?
        .query_map([], |row| row.get::<_, String>(0))?
        .map(|term| term.map(|term| (term.chars().collect(), term)))
        .collect()
}

/// For each word, itself as typed and, if it is alphabetic and not too short, the index's
/// words one or two edits away.
fn widen_with_typos(
    conn: &Connection,
    vocabulary: &mut Option<Vocabulary>,
    terms: &[&str],
) -> rusqlite::Result<Vec<Vec<String>>> {
    let mut widened = Vec::with_capacity(terms.len());
    for term in terms {
        let mut alternatives = vec![as_typed(term)];
        let length = term.chars().count();
        if (4..=20).contains(&length) && term.chars().all(char::is_alphabetic) {
            let vocabulary = match vocabulary {
                Some(vocabulary) => vocabulary,
                None => vocabulary.insert(read_vocabulary(conn)?),
            };
            let edits = if length <= 6 { 1 } else { 2 };
            let typed: Vec<char> = term.chars().collect();
            alternatives.extend(
                vocabulary
                    .iter()
                    .filter(|(chars, _)| within_edits_chars(&typed, chars, edits))
                    .take(8)
                    .map(|(_, word)| quoted(word)),
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
            .search_faq(query, lang, None)
            .unwrap()
            .into_iter()
            .map(|item| item.id)
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
    fn lists_and_results_show_the_best_language_there_is() {
        let cache = demo();
        let list = cache.faq_list(Lang::Zh, None).unwrap();
        assert_eq!(
            list.iter().map(|item| item.id.as_str()).collect::<Vec<_>>(),
            ["rinnovo", "ricongiungimento", "codice-fiscale"],
            "most asked first"
        );
        assert_eq!(list[0].lang, Lang::Zh);
        assert_eq!(list[0].question, "什么时候续签居留许可？");
        // No Chinese, no English, no French: Italian.
        assert_eq!(list[1].lang, Lang::It);
        let found = cache.search_faq("permesso", Lang::Ar, None).unwrap();
        assert_eq!(found[0].lang, Lang::Ar);
        assert_eq!(found[0].question, "متى أجدد تصريح الإقامة؟");
    }

    #[test]
    fn hindi_and_bengali_words_are_whole_words() {
        let cache = cache(vec![
            entry(
                "rinnovo",
                1,
                vec![
                    (
                        Lang::It,
                        text("Rinnovo del permesso", "Prima della scadenza.", &[]),
                    ),
                    (
                        Lang::Hi,
                        text(
                            "निवास परमिट का नवीनीकरण कब करें?",
                            "समाप्ति से पहले आवेदन करें।",
                            &["नवीनीकरण"],
                        ),
                    ),
                    (
                        Lang::Bn,
                        text("অনুমতিপত্র নবায়ন কখন?", "মেয়াদ শেষের আগে আবেদন করুন।", &[]),
                    ),
                ],
            ),
            entry(
                "lavoro",
                2,
                vec![
                    (Lang::It, text("Posso lavorare?", "Sì.", &[])),
                    (Lang::Hi, text("क्या मैं काम कर सकता हूँ?", "हाँ।", &["काम"])),
                ],
            ),
        ]);
        assert_eq!(ids(&cache, "नवीनीकरण", Lang::Hi), ["rinnovo"]);
        // A short word with a vowel sign is that word, not its first consonant.
        assert_eq!(ids(&cache, "काम", Lang::Hi), ["lavoro"]);
        assert_eq!(ids(&cache, "কি", Lang::Bn), Vec::<String>::new());
        assert_eq!(ids(&cache, "নবায়ন", Lang::Bn), ["rinnovo"]);
    }

    #[test]
    fn a_category_narrows_before_the_results_are_cut() {
        let mut entries = Vec::new();
        for n in 0..40 {
            let mut entry = entry(
                &format!("permesso-{n}"),
                n,
                vec![(Lang::It, text("Il permesso", "Il permesso.", &[]))],
            );
            if n == 39 {
                entry.category = FaqCategory::Health;
            }
            entries.push(entry);
        }
        let cache = cache(entries);
        let health = cache
            .search_faq("permesso", Lang::It, Some(FaqCategory::Health))
            .unwrap();
        assert_eq!(health.len(), 1);
        assert_eq!(health[0].id, "permesso-39");
        assert_eq!(
            cache
                .faq_list(Lang::It, Some(FaqCategory::Health))
                .unwrap()
                .len(),
            1
        );
        // "es" on a Spanish screen is a word to find, not the language column.
        assert!(cache.search_faq("es", Lang::Es, None).unwrap().is_empty());
    }

    #[test]
    fn chinese_with_punctuation_and_latin_words() {
        let cache = demo();
        assert_eq!(ids(&cache, "居留许可？", Lang::Zh), ["rinnovo"]);
        assert_eq!(ids(&cache, "permesso 居留", Lang::Zh), ["rinnovo"]);
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
