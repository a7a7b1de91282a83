//! The change feed kiosks pull: every replicated row and tombstone with `seq > cursor`.

use super::reference::{
    attach_counters, columns, comune_from_row, counter_from_row, office_from_row,
    procedure_from_row,
};
use super::{Backend, Db, DbError};
use sportello_core::sync::{Change, ChangeOp, ChangePage, Cursor, EntityKind, Record};
use sqlx::{Executor, Row};

/// The first `limit` changes after `cursor`, in `seq` order.
///
/// Each table is asked for its own first `limit + 1` rows after the cursor; merged, they hold
/// the feed's next `limit` entries (`seq` is unique across tables) and tell whether more follow.
/// All tables are read in one snapshot: a transaction that commits between two of the reads
/// must not show its later rows without its earlier ones, or the cursor would pass them by.
///
/// `None` when `cursor` is beyond the feed's head: the reader's copy came from a database that
/// was since restored or replaced, and it must start again from 0.
pub async fn changes_since(
    db: &Db,
    cursor: Cursor,
    limit: u32,
) -> Result<Option<ChangePage>, DbError> {
    let limit_rows = i64::from(limit) + 1;
    let mut tx = db.pool().begin().await?;
    if db.backend() == Backend::Postgres {
        tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await?;
    }
    let head: i64 = sqlx::query_scalar("SELECT value FROM sync_counter WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    if cursor > head {
        return Ok(None);
    }
    let feed: String = sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'feed_id'")
        .fetch_one(&mut *tx)
        .await?;
    let mut changes = Vec::new();
    for entity in EntityKind::ALL {
        let table = match entity {
            EntityKind::Office => "offices",
            EntityKind::Counter => "counters",
            EntityKind::Procedure => "procedures",
            EntityKind::Comune => "comuni",
        };
        let sql = format!(
            "SELECT {}, seq FROM {table} WHERE seq > $1 ORDER BY seq LIMIT $2",
            columns(entity)
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cursor)
            .bind(limit_rows)
            .fetch_all(&mut *tx)
            .await?;
        let seqs = rows
            .iter()
            .map(|row| row.try_get::<i64, _>("seq"))
            .collect::<Result<Vec<_>, _>>()?;
        let records: Vec<Record> = match entity {
            EntityKind::Office => rows
                .iter()
                .map(|row| office_from_row(row).map(Record::Office))
                .collect::<Result<_, _>>()?,
            EntityKind::Counter => rows
                .iter()
                .map(|row| counter_from_row(row).map(Record::Counter))
                .collect::<Result<_, _>>()?,
            EntityKind::Comune => rows
                .iter()
                .map(|row| comune_from_row(row).map(Record::Comune))
                .collect::<Result<_, _>>()?,
            EntityKind::Procedure => {
                let mut procedures = rows
                    .iter()
                    .map(procedure_from_row)
                    .collect::<Result<Vec<_>, _>>()?;
                attach_counters(&mut tx, &mut procedures).await?;
                procedures.into_iter().map(Record::Procedure).collect()
            }
        };
        changes.extend(seqs.into_iter().zip(records).map(|(seq, record)| Change {
            seq,
            op: ChangeOp::Upsert { record },
        }));
    }
    let tombstones =
        sqlx::query("SELECT entity, id, seq FROM tombstones WHERE seq > $1 ORDER BY seq LIMIT $2")
            .bind(cursor)
            .bind(limit_rows)
            .fetch_all(&mut *tx)
            .await?;
    tx.commit().await?;
    for row in &tombstones {
        let entity: String = row.try_get("entity")?;
        changes.push(Change {
            seq: row.try_get("seq")?,
            op: ChangeOp::Delete {
                entity: EntityKind::parse(&entity)
                    .ok_or_else(|| DbError::Corrupt(format!("tombstone of {entity:?}")))?,
                id: row.try_get("id")?,
            },
        });
    }

    changes.sort_by_key(|change| change.seq);
    let more = changes.len() > limit as usize;
    changes.truncate(limit as usize);
    let cursor = changes.last().map_or(cursor, |change| change.seq);
    Ok(Some(ChangePage {
        feed,
        changes,
        cursor,
        more,
    }))
}
