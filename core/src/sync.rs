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
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Office,
        EntityKind::Counter,
        EntityKind::Procedure,
        EntityKind::Comune,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Office => "office",
            EntityKind::Counter => "counter",
            EntityKind::Procedure => "procedure",
            EntityKind::Comune => "comune",
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
}

impl Record {
    pub fn kind(&self) -> EntityKind {
        match self {
            Record::Office(_) => EntityKind::Office,
            Record::Counter(_) => EntityKind::Counter,
            Record::Procedure(_) => EntityKind::Procedure,
            Record::Comune(_) => EntityKind::Comune,
        }
    }

    /// The row alone, as JSON, without the kind tag: how caches store it.
    pub fn data_json(&self) -> String {
        match self {
            Record::Office(office) => serde_json::to_string(office),
            Record::Counter(counter) => serde_json::to_string(counter),
            Record::Procedure(procedure) => serde_json::to_string(procedure),
            Record::Comune(comune) => serde_json::to_string(comune),
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
    pub changes: Vec<Change>,
    /// The cursor to store once this page is applied, and to ask from next.
    pub cursor: Cursor,
    /// Whether more changes follow: ask again at once with `cursor`.
    pub more: bool,
}

/// Largest page a client may ask for; the server's default is [`DEFAULT_PAGE`].
pub const MAX_PAGE: u32 = 1000;
pub const DEFAULT_PAGE: u32 = 500;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GeoPoint;

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
    fn records_know_their_kind_and_key() {
        let record = Record::Comune(asti());
        assert_eq!(record.kind(), EntityKind::Comune);
        assert_eq!(record.id(), "005005");
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::parse(kind.as_str()), Some(kind));
        }
    }
}
