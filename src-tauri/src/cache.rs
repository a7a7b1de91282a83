//! The kiosk's local copy of the server's reference data, in SQLite.
//!
//! The UI reads only from here, so a kiosk synced once keeps working with the server down.
//! Rows are stored as the JSON the server sent, keyed by kind and id: the cache needs no
//! schema change when a record gains a field, and reads deserialise into the core types.

use crate::faq_search;
use rusqlite::{Connection, OptionalExtension, params};
use serde::de::DeserializeOwned;
use sportello_core::Lang;
use sportello_core::directory::Organization;
use sportello_core::faq::{FaqCategory, FaqEntry};
use sportello_core::kiosk::FaqItem;
use sportello_core::model::{Comune, Office, Procedure};
use sportello_core::sync::{
    ChangeOp, ChangePage, Checkpoint, Cursor, EntityKind, Record, SlotsSnapshot, Snapshot,
    summarize,
};
use std::path::Path;

/// Bumped when the cache's tables change; an older cache is rebuilt from the server.
const SCHEMA_VERSION: i64 = 4;

const CURSOR_KEY: &str = "cursor";
const FEED_KEY: &str = "feed";
const LAST_SYNC_KEY: &str = "last_sync";
const SLOTS_KEY: &str = "slots";
const SLOTS_ETAG_KEY: &str = "slots_etag";

/// Search results shown at most: a person reads the first few.
pub const FAQ_HITS: usize = 30;

#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("cache database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot move the damaged cache aside: {0}")]
    MoveAside(std::io::Error),
    #[error("cached {entity} {id} cannot be read: {source}")]
    Decode {
        entity: &'static str,
        id: String,
        source: serde_json::Error,
    },
}

pub struct Cache {
    conn: Connection,
    /// The search index's words, read at the first typo and kept until the entries change.
    vocabulary: std::cell::RefCell<Option<faq_search::Vocabulary>>,
    /// Counts the writes to the records, so what is built from them in memory (the services
    /// map's places) knows it is stale, even when a repair rewrote a kind without moving the
    /// cursor.
    generation: u64,
}

impl Cache {
    pub fn open(path: &Path) -> Result<Cache, CacheError> {
        if let Some(parent) = path.parent() {
            // If this fails, opening the file below reports the problem.
            let _ = std::fs::create_dir_all(parent);
        }
        Self::init(Connection::open(path)?)
    }

    /// Opens the cache, or, if the file is damaged, moves it aside and starts an empty one:
    /// the cache is only a copy, and a kiosk that refuses to start helps nobody.
    pub fn open_or_recreate(path: &Path) -> Result<Cache, CacheError> {
        match Self::open(path) {
            Ok(cache) => Ok(cache),
            Err(err) => {
                let aside = path.with_extension("damaged");
                tracing::error!(error = %err, aside = %aside.display(), "cache unreadable; starting a new one");
                std::fs::rename(path, &aside).map_err(CacheError::MoveAside)?;
                for suffix in ["-wal", "-shm"] {
                    let mut sidecar = path.as_os_str().to_owned();
                    sidecar.push(suffix);
                    let _ = std::fs::remove_file(sidecar);
                }
                Self::open(path)
            }
        }
    }

    pub fn open_in_memory() -> Result<Cache, CacheError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Cache, CacheError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version != SCHEMA_VERSION {
            // A cache is a copy: when its layout changes, start over and pull everything.
            conn.execute_batch(
                "DROP TABLE IF EXISTS records;
                 DROP TABLE IF EXISTS meta;",
            )?;
            conn.execute_batch(faq_search::DROP)?;
        }
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (
                 key   TEXT PRIMARY KEY,
                 value TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS records (
                 entity TEXT NOT NULL,
                 id     TEXT NOT NULL,
                 body   TEXT NOT NULL,
                 -- The change that wrote the row: checkpoints sum (kind, id, seq).
                 seq    INTEGER NOT NULL,
                 PRIMARY KEY (entity, id)
             );",
        )?;
        conn.execute_batch(faq_search::SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Cache {
            conn,
            vocabulary: std::cell::RefCell::new(None),
            generation: 0,
        })
    }

    /// Changes each time the records are written (see the field).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The highest change `seq` applied so far; 0 for an empty cache.
    pub fn cursor(&self) -> Result<Cursor, CacheError> {
        Ok(self
            .meta(CURSOR_KEY)?
            .and_then(|value| value.parse().ok())
            .unwrap_or(0))
    }

    /// The id of the server feed the cache follows, once it has pulled a page.
    pub fn feed(&self) -> Result<Option<String>, CacheError> {
        self.meta(FEED_KEY)
    }

    /// Applies a page of changes and moves the cursor past it, all in one transaction: a
    /// kiosk switched off halfway through keeps either the whole page or none of it.
    /// With `replace`, everything cached before goes in the same transaction (the first page
    /// of a feed that replaced the one the cache followed).
    pub fn apply(&mut self, page: &ChangePage, replace: bool) -> Result<(), CacheError> {
        let answers_changed = replace
            || page.changes.iter().any(|change| match &change.op {
                ChangeOp::Upsert { record } => record.kind() == EntityKind::Faq,
                ChangeOp::Delete { entity, .. } => *entity == EntityKind::Faq,
            });
        self.generation += 1;
        let tx = self.conn.transaction()?;
        if replace {
            tx.execute("DELETE FROM records", [])?;
            faq_search::clear(&tx)?;
        }
        {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO records (entity, id, body, seq) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (entity, id) DO UPDATE SET body = excluded.body, seq = excluded.seq",
            )?;
            let mut delete =
                tx.prepare_cached("DELETE FROM records WHERE entity = ?1 AND id = ?2")?;
            for change in &page.changes {
                match &change.op {
                    ChangeOp::Upsert { record } => {
                        upsert.execute(params![
                            record.kind().as_str(),
                            record.id(),
                            record.data_json(),
                            change.seq
                        ])?;
                        if let Record::Faq(entry) = record {
                            faq_search::index(&tx, entry)?;
                        }
                    }
                    ChangeOp::Delete { entity, id } => {
                        delete.execute(params![entity.as_str(), id])?;
                        if *entity == EntityKind::Faq {
                            faq_search::unindex(&tx, id)?;
                        }
                    }
                }
            }
        }
        for (key, value) in [
            (CURSOR_KEY, page.cursor.to_string()),
            (FEED_KEY, page.feed.clone()),
        ] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
        }
        tx.commit()?;
        if answers_changed {
            self.refresh_vocabulary();
        }
        Ok(())
    }

    /// Reads the search index's words now, during a sync, so no person waits for it at their
    /// first typo. If it fails, the first search reads it instead.
    fn refresh_vocabulary(&mut self) {
        *self.vocabulary.get_mut() = faq_search::read_vocabulary(&self.conn).ok();
    }

    /// The kinds whose rows differ from `checkpoint`'s summaries.
    pub fn differing(&self, checkpoint: &Checkpoint) -> Result<Vec<EntityKind>, CacheError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT entity, id, seq FROM records")?;
        let rows: Vec<(String, String, i64)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mine = summarize(rows.iter().filter_map(|(entity, id, seq)| {
            EntityKind::parse(entity).map(|entity| (entity, id.as_str(), *seq))
        }));
        Ok(checkpoint
            .kinds
            .iter()
            .filter(|theirs| !mine.contains(theirs))
            .map(|theirs| theirs.entity)
            .collect())
    }

    /// Replaces every row of one kind with a snapshot's, in one transaction. The cursor stays:
    /// later changes to these rows come again in the feed, and applying them twice is harmless.
    pub fn replace_kind(&mut self, snapshot: &Snapshot) -> Result<(), CacheError> {
        self.generation += 1;
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM records WHERE entity = ?1",
            [snapshot.entity.as_str()],
        )?;
        if snapshot.entity == EntityKind::Faq {
            faq_search::clear(&tx)?;
        }
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO records (entity, id, body, seq) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for change in &snapshot.rows {
                if let ChangeOp::Upsert { record } = &change.op
                    && record.kind() == snapshot.entity
                {
                    insert.execute(params![
                        record.kind().as_str(),
                        record.id(),
                        record.data_json(),
                        change.seq
                    ])?;
                    if let Record::Faq(entry) = record {
                        faq_search::index(&tx, entry)?;
                    }
                }
            }
        }
        tx.commit()?;
        if snapshot.entity == EntityKind::Faq {
            self.refresh_vocabulary();
        }
        Ok(())
    }

    /// Free places as last fetched, with their `ETag`.
    pub fn slots(&self) -> Result<Option<(String, SlotsSnapshot)>, CacheError> {
        let (Some(etag), Some(body)) = (self.meta(SLOTS_ETAG_KEY)?, self.meta(SLOTS_KEY)?) else {
            return Ok(None);
        };
        Ok(serde_json::from_str(&body).ok().map(|slots| (etag, slots)))
    }

    pub fn set_slots(&mut self, etag: &str, slots: &SlotsSnapshot) -> Result<(), CacheError> {
        let body = serde_json::to_string(slots).expect("serialises");
        let tx = self.conn.transaction()?;
        for (key, value) in [(SLOTS_KEY, body.as_str()), (SLOTS_ETAG_KEY, etag)] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Records when the kiosk last completed a pull (Unix seconds).
    pub fn set_last_sync(&self, unix_secs: i64) -> Result<(), CacheError> {
        self.set_meta(LAST_SYNC_KEY, &unix_secs.to_string())
    }

    /// When the kiosk last completed a pull, if ever: shown to people as the data's age.
    pub fn last_sync(&self) -> Result<Option<i64>, CacheError> {
        Ok(self
            .meta(LAST_SYNC_KEY)?
            .and_then(|value| value.parse().ok()))
    }

    /// Offices by kind, then name.
    pub fn offices(&self) -> Result<Vec<Office>, CacheError> {
        let mut offices: Vec<Office> = self.all(EntityKind::Office)?;
        offices.sort_by(|a, b| (a.kind.as_str(), &a.name).cmp(&(b.kind.as_str(), &b.name)));
        Ok(offices)
    }

    /// Procedures, all or one office's, by id.
    pub fn procedures(&self, office_id: Option<&str>) -> Result<Vec<Procedure>, CacheError> {
        let mut procedures: Vec<Procedure> = self.all(EntityKind::Procedure)?;
        procedures.retain(|p| office_id.is_none_or(|id| p.office_id == id));
        procedures.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(procedures)
    }

    /// Every question for a person reading `lang`, most asked first, in the best language
    /// each has (read from the index: no entry is decoded).
    pub fn faq_list(
        &self,
        lang: Lang,
        category: Option<FaqCategory>,
    ) -> Result<Vec<FaqItem>, CacheError> {
        Ok(faq_search::list(&self.conn, lang, category)?)
    }

    /// The questions matching what a person typed, best first, at most [`FAQ_HITS`] (see
    /// [`faq_search`]).
    pub fn search_faq(
        &self,
        query: &str,
        lang: Lang,
        category: Option<FaqCategory>,
    ) -> Result<Vec<FaqItem>, CacheError> {
        let mut vocabulary = self.vocabulary.borrow_mut();
        Ok(faq_search::search(
            &self.conn,
            &mut vocabulary,
            query,
            faq_search::Scope { lang, category },
            FAQ_HITS,
        )?)
    }

    /// One entry, in every language it has.
    pub fn faq_entry(&self, id: &str) -> Result<Option<FaqEntry>, CacheError> {
        let body: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM records WHERE entity = 'faq' AND id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?;
        body.map(|body| {
            serde_json::from_str(&body).map_err(|source| CacheError::Decode {
                entity: "faq",
                id: id.to_owned(),
                source,
            })
        })
        .transpose()
    }

    /// The services map's directory.
    pub fn organizations(&self) -> Result<Vec<Organization>, CacheError> {
        self.all(EntityKind::Organization)
    }

    /// Comuni by name.
    pub fn comuni(&self) -> Result<Vec<Comune>, CacheError> {
        let mut comuni: Vec<Comune> = self.all(EntityKind::Comune)?;
        comuni.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(comuni)
    }

    /// How many rows of each kind the cache holds.
    pub fn count(&self, entity: EntityKind) -> Result<usize, CacheError> {
        let count: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM records WHERE entity = ?1",
            [entity.as_str()],
            |row| row.get(0),
        )?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    fn all<T: DeserializeOwned>(&self, entity: EntityKind) -> Result<Vec<T>, CacheError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, body FROM records WHERE entity = ?1")?;
        let rows = statement.query_map([entity.as_str()], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        rows.map(|row| {
            let (id, body) = row?;
            serde_json::from_str(&body).map_err(|source| CacheError::Decode {
                entity: entity.as_str(),
                id,
                source,
            })
        })
        .collect()
    }

    fn meta(&self, key: &str) -> Result<Option<String>, CacheError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<(), CacheError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_core::model::{Address, GeoPoint, OfficeKind};
    use sportello_core::sync::{Change, Record};

    fn office(id: &str, name: &str) -> Office {
        Office {
            id: id.into(),
            kind: OfficeKind::Questura,
            name: name.into(),
            address: Address {
                street: "Corso XXV Aprile, 19".into(),
                postcode: "14100".into(),
                locality: "Asti".into(),
                province: "AT".into(),
                comune_istat: "005005".into(),
            },
            location: GeoPoint {
                lat: 44.9,
                lon: 8.2,
            },
            phone: None,
            email: None,
            website: None,
            release: None,
            walk_ins: false,
        }
    }

    fn upsert(seq: i64, office: Office) -> Change {
        Change {
            seq,
            op: ChangeOp::Upsert {
                record: Record::Office(office),
            },
        }
    }

    #[test]
    fn pages_apply_upserts_and_deletes_and_move_the_cursor() {
        let mut cache = Cache::open_in_memory().unwrap();
        assert_eq!(cache.cursor().unwrap(), 0);
        cache
            .apply(
                &ChangePage {
                    feed: "f1".into(),
                    changes: vec![
                        upsert(1, office("a", "Old name")),
                        upsert(2, office("b", "B")),
                    ],
                    cursor: 2,
                    more: false,
                    checkpoint: None,
                    slots_etag: None,
                },
                false,
            )
            .unwrap();
        assert_eq!(cache.cursor().unwrap(), 2);
        assert_eq!(cache.offices().unwrap().len(), 2);

        cache
            .apply(
                &ChangePage {
                    feed: "f1".into(),
                    changes: vec![
                        upsert(3, office("a", "New name")),
                        Change {
                            seq: 4,
                            op: ChangeOp::Delete {
                                entity: EntityKind::Office,
                                id: "b".into(),
                            },
                        },
                    ],
                    cursor: 4,
                    more: false,
                    checkpoint: None,
                    slots_etag: None,
                },
                false,
            )
            .unwrap();
        let offices = cache.offices().unwrap();
        assert_eq!(offices.len(), 1);
        assert_eq!(offices[0].name, "New name");
        assert_eq!(cache.cursor().unwrap(), 4);
    }

    #[test]
    fn the_cache_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite3");
        {
            let mut cache = Cache::open(&path).unwrap();
            cache
                .apply(
                    &ChangePage {
                        feed: "f1".into(),
                        changes: vec![upsert(5, office("a", "A"))],
                        cursor: 5,
                        more: false,
                        checkpoint: None,
                        slots_etag: None,
                    },
                    false,
                )
                .unwrap();
            cache.set_last_sync(1_764_000_000).unwrap();
        }
        let mut cache = Cache::open(&path).unwrap();
        assert_eq!(cache.cursor().unwrap(), 5);
        assert_eq!(cache.feed().unwrap().as_deref(), Some("f1"));
        assert_eq!(cache.last_sync().unwrap(), Some(1_764_000_000));
        assert_eq!(cache.offices().unwrap()[0].id, "a");

        // A replacing page drops what came from the old feed.
        cache
            .apply(
                &ChangePage {
                    feed: "f2".into(),
                    changes: vec![upsert(1, office("z", "Z"))],
                    cursor: 1,
                    more: false,
                    checkpoint: None,
                    slots_etag: None,
                },
                true,
            )
            .unwrap();
        let ids: Vec<_> = cache.offices().unwrap().into_iter().map(|o| o.id).collect();
        assert_eq!(ids, ["z"]);
        assert_eq!(cache.cursor().unwrap(), 1);
    }

    #[test]
    fn a_damaged_cache_file_is_moved_aside_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite3");
        std::fs::write(
            &path,
            b"this is not a database, just bytes on a broken disk........",
        )
        .unwrap();
        assert!(Cache::open(&path).is_err());
        let cache = Cache::open_or_recreate(&path).unwrap();
        assert_eq!(cache.cursor().unwrap(), 0);
        assert!(dir.path().join("cache.damaged").exists());
    }

    #[test]
    fn a_cache_of_another_layout_starts_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE records (whatever TEXT); PRAGMA user_version = 99;")
                .unwrap();
        }
        let cache = Cache::open(&path).unwrap();
        assert_eq!(cache.cursor().unwrap(), 0);
        assert_eq!(cache.count(EntityKind::Office).unwrap(), 0);
    }
}
