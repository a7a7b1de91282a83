//! The replication feed from the central server to kiosks.
//!
//! Every replicated row on the server carries a change sequence number (`seq`), unique across
//! all tables and increasing with every write; deletions leave tombstones with a `seq` of their
//! own. A kiosk remembers the highest `seq` it has applied (its cursor) and asks for what came
//! after it, one page at a time. Because a row that changes again moves to a new `seq`, the
//! feed holds only the latest state of each row, and a page applied together with its cursor
//! in one transaction can be interrupted and resumed without gaps or duplicates.
//!
//! Every page names its feed: a random id the server's database gets when it is created. A
//! kiosk that sees another feed id (a new or replaced database), or whose cursor the server
//! refuses as ahead of its feed (a database restored from a backup), drops its cache and
//! pulls again from 0, instead of keeping rows that no longer exist and skipping new ones.

use crate::directory::Organization;
use crate::faq::FaqEntry;
use crate::model::{Comune, Counter, Office, Procedure};
use serde::{Deserialize, Serialize};

/// Position in the change feed: the highest `seq` a reader has applied. 0 before the first pull.
pub type Cursor = i64;

/// The kinds of replicated rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Office,
    Counter,
    Procedure,
    Comune,
    Faq,
    Organization,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Office,
        EntityKind::Counter,
        EntityKind::Procedure,
        EntityKind::Comune,
        EntityKind::Faq,
        EntityKind::Organization,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Office => "office",
            EntityKind::Counter => "counter",
            EntityKind::Procedure => "procedure",
            EntityKind::Comune => "comune",
            EntityKind::Faq => "faq",
            EntityKind::Organization => "organization",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == s)
    }
}

/// One replicated row, tagged with its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "entity", content = "data", rename_all = "snake_case")]
pub enum Record {
    Office(Office),
    Counter(Counter),
    Procedure(Procedure),
    Comune(Comune),
    Faq(FaqEntry),
    /// A directory entry of the services map, with its places and services.
    Organization(Organization),
}

impl Record {
    pub fn kind(&self) -> EntityKind {
        match self {
            Record::Office(_) => EntityKind::Office,
            Record::Counter(_) => EntityKind::Counter,
            Record::Procedure(_) => EntityKind::Procedure,
            Record::Comune(_) => EntityKind::Comune,
            Record::Faq(_) => EntityKind::Faq,
            Record::Organization(_) => EntityKind::Organization,
        }
    }

    /// The row alone, as JSON, without the kind tag: how caches store it.
    pub fn data_json(&self) -> String {
        match self {
            Record::Office(office) => serde_json::to_string(office),
            Record::Counter(counter) => serde_json::to_string(counter),
            Record::Procedure(procedure) => serde_json::to_string(procedure),
            Record::Comune(comune) => serde_json::to_string(comune),
            Record::Faq(entry) => serde_json::to_string(entry),
            Record::Organization(organization) => serde_json::to_string(organization),
        }
        .expect("records serialise to JSON")
    }

    /// The row's key within its kind.
    pub fn id(&self) -> &str {
        match self {
            Record::Office(office) => &office.id,
            Record::Counter(counter) => &counter.id,
            Record::Procedure(procedure) => &procedure.id,
            Record::Comune(comune) => &comune.istat,
            Record::Faq(entry) => &entry.id,
            Record::Organization(organization) => &organization.id,
        }
    }
}

/// What happened to a row.
// Nearly every change is an upsert: boxing the record would cost an allocation per row and
// save no memory in practice.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum ChangeOp {
    /// The row now reads like this (inserted or updated).
    Upsert { record: Record },
    /// The row is gone.
    Delete { entity: EntityKind, id: String },
}

/// One entry of the change feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub seq: i64,
    #[serde(flatten)]
    pub op: ChangeOp,
}

/// A page of the change feed, in increasing `seq` order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePage {
    /// Which feed this is (see the module documentation).
    pub feed: String,
    /// Changes of kinds this build does not know (added by a newer server) are skipped, so
    /// a kiosk keeps syncing what it can show while it waits for its update.
    #[serde(deserialize_with = "known_kinds")]
    pub changes: Vec<Change>,
    /// The cursor to store once this page is applied, and to ask from next.
    pub cursor: Cursor,
    /// Whether more changes follow: ask again at once with `cursor`.
    pub more: bool,
    /// On the last page (`more` false): the server's data as of this page, summarised, read
    /// in the same snapshot. A copy that applied every page must match it; a kind that does
    /// not is pulled again whole ([`Snapshot`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<Checkpoint>,
    /// On the last page: the `ETag` of the current free places (`/sync/slots`), so a kiosk
    /// whose copy is current need not ask; an idle pull stays one round trip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slots_etag: Option<String>,
}

/// Reads a list of changes or summaries, leaving out those of entity kinds this build does
/// not know; anything else wrong is still an error.
fn known_kinds<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let items = Vec::<serde_json::Value>::deserialize(deserializer)?;
    items
        .into_iter()
        .filter(|item| {
            // An upsert names its kind in `record.entity`, a deletion and a summary in `entity`.
            let entity = item
                .get("record")
                .and_then(|record| record.get("entity"))
                .or_else(|| item.get("entity"))
                .and_then(serde_json::Value::as_str);
            entity.is_none_or(|name| EntityKind::parse(name).is_some())
        })
        .map(|item| serde_json::from_value(item).map_err(serde::de::Error::custom))
        .collect()
}

/// Largest page a client may ask for; the server's default is [`DEFAULT_PAGE`].
pub const MAX_PAGE: u32 = 1000;
pub const DEFAULT_PAGE: u32 = 500;

// --- checkpoints ---------------------------------------------------------------------------

/// A summary of one kind of row, to compare a copy with the original without sending it.
///
/// The checksum adds up, modulo 2^64, the first 8 bytes of SHA-256(`kind:id:seq`) of every row:
/// the order of rows does not matter, and since a row's `seq` changes with every edit, a copy
/// that missed an edit, kept a deleted row or lacks one differs (but for a 2^-64 chance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindSummary {
    pub entity: EntityKind,
    pub count: u64,
    /// Hexadecimal, 16 digits.
    #[serde(with = "hex_u64")]
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub checksum: u64,
}

/// The server's replicated data at one point of the feed, summarised per kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Checkpoint {
    pub feed: String,
    /// The highest `seq` of any row or tombstone: a copy whose cursor equals it has applied
    /// everything the summaries cover, and must match them.
    pub cursor: Cursor,
    #[serde(deserialize_with = "known_kinds")]
    pub kinds: Vec<KindSummary>,
}

/// One row's share of its kind's checksum.
pub fn row_digest(entity: EntityKind, id: &str, seq: i64) -> u64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{}:{id}:{seq}", entity.as_str()).as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// Sums rows into per-kind summaries; kinds with no rows are listed with zeros.
pub fn summarize<'a>(
    rows: impl IntoIterator<Item = (EntityKind, &'a str, i64)>,
) -> Vec<KindSummary> {
    let mut kinds: Vec<KindSummary> = EntityKind::ALL
        .into_iter()
        .map(|entity| KindSummary {
            entity,
            count: 0,
            checksum: 0,
        })
        .collect();
    for (entity, id, seq) in rows {
        if let Some(summary) = kinds.iter_mut().find(|summary| summary.entity == entity) {
            summary.count += 1;
            summary.checksum = summary.checksum.wrapping_add(row_digest(entity, id, seq));
        }
    }
    kinds
}

mod hex_u64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{value:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        let text = String::deserialize(deserializer)?;
        u64::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
    }
}

/// Every row of one kind with its `seq`: what a copy that fails its checkpoint pulls again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Snapshot {
    pub feed: String,
    pub entity: EntityKind,
    /// Every row of the kind, as upserts with their `seq`.
    pub rows: Vec<Change>,
}

// --- slot availability -----------------------------------------------------------------------

/// Free places of one procedure at one office over the booking horizon, compactly: the first
/// start, then each next start as minutes after the previous one, and the free places of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotRun {
    #[serde(rename = "p")]
    pub procedure_id: String,
    #[serde(rename = "o")]
    pub office_id: String,
    /// Length of every slot, minutes.
    #[serde(rename = "m")]
    pub minutes: u32,
    /// First start, Unix seconds.
    #[serde(rename = "t")]
    pub first: i64,
    /// Minutes from each start to the next (one fewer than `free`).
    #[serde(rename = "d")]
    pub steps: Vec<u32>,
    #[serde(rename = "f")]
    pub free: Vec<u32>,
}

impl SlotRun {
    /// Every slot as (start in Unix seconds, free places). Garbage in (steps and free of
    /// different lengths) gives the slots both describe.
    pub fn slots(&self) -> impl Iterator<Item = (i64, u32)> + '_ {
        let starts =
            std::iter::once(0)
                .chain(self.steps.iter().copied())
                .scan(self.first, |at, step| {
                    *at += i64::from(step) * 60;
                    Some(*at)
                });
        starts.zip(self.free.iter().copied())
    }
}

/// Free places of every procedure, for kiosks to show offline. Served with an `ETag`: a kiosk
/// whose copy is current gets `304 Not Modified` and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotsSnapshot {
    /// When the server computed it.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: jiff::Timestamp,
    pub runs: Vec<SlotRun>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GeoPoint;

    #[test]
    fn kinds_from_a_newer_server_are_skipped_not_fatal() {
        let page = serde_json::json!({
            "feed": "f",
            "cursor": 3,
            "more": false,
            "changes": [
                {"seq": 1, "op": "upsert", "record": {"entity": "bus_stop", "data": {"id": "x"}}},
                {"seq": 2, "op": "delete", "entity": "bus_stop", "id": "y"},
                {"seq": 3, "op": "delete", "entity": "faq", "id": "z"}
            ],
            "checkpoint": {"feed": "f", "cursor": 3, "kinds": [
                {"entity": "bus_stop", "count": 4, "checksum": "0000000000000001"},
                {"entity": "faq", "count": 0, "checksum": "0000000000000000"}
            ]}
        });
        let page: ChangePage = serde_json::from_value(page).unwrap();
        assert_eq!(page.changes.len(), 1);
        assert_eq!(page.changes[0].seq, 3);
        assert_eq!(page.checkpoint.unwrap().kinds.len(), 1);
        // A known kind that is malformed is still an error.
        let broken = serde_json::json!({
            "feed": "f", "cursor": 1, "more": false,
            "changes": [{"seq": 1, "op": "upsert", "record": {"entity": "faq", "data": {}}}]
        });
        assert!(serde_json::from_value::<ChangePage>(broken).is_err());
    }

    fn asti() -> Comune {
        Comune {
            istat: "005005".into(),
            name: "Asti".into(),
            province: "AT".into(),
            capoluogo: true,
            location: GeoPoint {
                lat: 44.9,
                lon: 8.2,
            },
            patron_day: None,
        }
    }

    #[test]
    fn changes_have_a_flat_tagged_wire_form() {
        let upsert = Change {
            seq: 7,
            op: ChangeOp::Upsert {
                record: Record::Comune(asti()),
            },
        };
        let json = serde_json::to_value(&upsert).unwrap();
        assert_eq!(json["seq"], 7);
        assert_eq!(json["op"], "upsert");
        assert_eq!(json["record"]["entity"], "comune");
        assert_eq!(json["record"]["data"]["istat"], "005005");
        assert_eq!(serde_json::from_value::<Change>(json).unwrap(), upsert);

        let delete = Change {
            seq: 8,
            op: ChangeOp::Delete {
                entity: EntityKind::Office,
                id: "questura-asti".into(),
            },
        };
        let json = serde_json::to_value(&delete).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"seq": 8, "op": "delete", "entity": "office", "id": "questura-asti"})
        );
        assert_eq!(serde_json::from_value::<Change>(json).unwrap(), delete);
    }

    #[test]
    fn summaries_ignore_order_and_notice_any_difference() {
        let rows = [
            (EntityKind::Office, "a", 1),
            (EntityKind::Office, "b", 2),
            (EntityKind::Comune, "005005", 3),
        ];
        let forward = summarize(rows.iter().map(|(k, id, seq)| (*k, *id, *seq)));
        let backward = summarize(rows.iter().rev().map(|(k, id, seq)| (*k, *id, *seq)));
        assert_eq!(forward, backward);
        let office = forward
            .iter()
            .find(|s| s.entity == EntityKind::Office)
            .unwrap();
        assert_eq!(office.count, 2);
        // A missed edit (old seq), a missing row: both show.
        let stale = summarize([(EntityKind::Office, "a", 1), (EntityKind::Office, "b", 1)]);
        assert_ne!(
            stale,
            summarize([(EntityKind::Office, "a", 1), (EntityKind::Office, "b", 2)])
        );
        assert_eq!(forward.len(), EntityKind::ALL.len());
        let json = serde_json::to_value(office).unwrap();
        assert_eq!(json["checksum"].as_str().unwrap().len(), 16);
        assert_eq!(
            serde_json::from_value::<KindSummary>(json).unwrap(),
            *office
        );
    }

    #[test]
    fn slot_runs_unfold_into_starts() {
        let run = SlotRun {
            procedure_id: "p".into(),
            office_id: "o".into(),
            minutes: 15,
            first: 1_000_000,
            steps: vec![15, 1440],
            free: vec![2, 0, 1],
        };
        let slots: Vec<_> = run.slots().collect();
        assert_eq!(slots, [(1_000_000, 2), (1_000_900, 0), (1_087_300, 1)]);
    }

    #[test]
    fn records_know_their_kind_and_key() {
        let record = Record::Comune(asti());
        assert_eq!(record.kind(), EntityKind::Comune);
        assert_eq!(record.id(), "005005");
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::parse(kind.as_str()), Some(kind));
        }
    }
}
