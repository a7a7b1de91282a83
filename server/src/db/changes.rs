//! The change feed kiosks pull: every replicated row and tombstone with `seq > cursor`.

use super::reference::{
    attach_counters, columns, comune_from_row, counter_from_row, faq_from_row, office_from_row,
    organization_from_row, procedure_from_row,
};
use super::{Backend, Db, DbError};
use sportello_core::sync::{
    Change, ChangeOp, ChangePage, Checkpoint, Cursor, EntityKind, Record, Snapshot, summarize,
};
use sqlx::{AnyConnection, Executor, Row};

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
        changes.extend(rows_after(&mut tx, entity, cursor, Some(limit_rows)).await?);
    }
    let tombstones =
        sqlx::query("SELECT entity, id, seq FROM tombstones WHERE seq > $1 ORDER BY seq LIMIT $2")
            .bind(cursor)
            .bind(limit_rows)
            .fetch_all(&mut *tx)
            .await?;
    let mut tombstone_changes = Vec::with_capacity(tombstones.len());
    for row in &tombstones {
        let entity: String = row.try_get("entity")?;
        tombstone_changes.push(Change {
            seq: row.try_get("seq")?,
            op: ChangeOp::Delete {
                entity: EntityKind::parse(&entity)
                    .ok_or_else(|| DbError::Corrupt(format!("tombstone of {entity:?}")))?,
                id: row.try_get("id")?,
            },
        });
    }

    changes.extend(tombstone_changes);
    changes.sort_by_key(|change| change.seq);
    let more = changes.len() > limit as usize;
    changes.truncate(limit as usize);
    let cursor = changes.last().map_or(cursor, |change| change.seq);
    let checkpoint = if more {
        None
    } else {
        Some(checkpoint(&mut tx, &feed).await?)
    };
    tx.commit().await?;
    Ok(Some(ChangePage {
        feed,
        changes,
        cursor,
        more,
        checkpoint,
        slots_etag: None,
    }))
}

fn table(entity: EntityKind) -> &'static str {
    match entity {
        EntityKind::Office => "offices",
        EntityKind::Counter => "counters",
        EntityKind::Procedure => "procedures",
        EntityKind::Comune => "comuni",
        EntityKind::Faq => "faq_entries",
        EntityKind::Organization => "directory_organizations",
    }
}

/// The column a kind's rows are known by (the id records and tombstones carry).
fn id_column(entity: EntityKind) -> &'static str {
    match entity {
        EntityKind::Comune => "istat",
        _ => "id",
    }
}

/// Rows of one kind with `seq > after`, oldest first, at most `limit` of them.
async fn rows_after(
    conn: &mut AnyConnection,
    entity: EntityKind,
    after: Cursor,
    limit: Option<i64>,
) -> Result<Vec<Change>, DbError> {
    let sql = format!(
        "SELECT {}, seq FROM {} WHERE seq > $1 ORDER BY seq LIMIT $2",
        columns(entity),
        table(entity)
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(after)
        .bind(limit.unwrap_or(i64::MAX))
        .fetch_all(&mut *conn)
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
        EntityKind::Faq => rows
            .iter()
            .map(|row| faq_from_row(row).map(Record::Faq))
            .collect::<Result<_, _>>()?,
        EntityKind::Organization => rows
            .iter()
            .map(|row| organization_from_row(row).map(Record::Organization))
            .collect::<Result<_, _>>()?,
        EntityKind::Procedure => {
            let mut procedures = rows
                .iter()
                .map(procedure_from_row)
                .collect::<Result<Vec<_>, _>>()?;
            attach_counters(conn, &mut procedures).await?;
            procedures.into_iter().map(Record::Procedure).collect()
        }
    };
    Ok(seqs
        .into_iter()
        .zip(records)
        .map(|(seq, record)| Change {
            seq,
            op: ChangeOp::Upsert { record },
        })
        .collect())
}

/// Counts and checksums of every kind, and the highest `seq` of any row or tombstone.
async fn checkpoint(conn: &mut AnyConnection, feed: &str) -> Result<Checkpoint, DbError> {
    let mut rows: Vec<(EntityKind, String, i64)> = Vec::new();
    for entity in EntityKind::ALL {
        let sql = format!(
            "SELECT {} AS id, seq FROM {}",
            id_column(entity),
            table(entity)
        );
        for row in sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await?
        {
            rows.push((entity, row.try_get("id")?, row.try_get("seq")?));
        }
    }
    let tombstone_head: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM tombstones")
        .fetch_one(&mut *conn)
        .await?;
    let cursor = rows
        .iter()
        .map(|(_, _, seq)| *seq)
        .chain(tombstone_head)
        .max()
        .unwrap_or(0);
    Ok(Checkpoint {
        feed: feed.to_owned(),
        cursor,
        kinds: summarize(
            rows.iter()
                .map(|(entity, id, seq)| (*entity, id.as_str(), *seq)),
        ),
    })
}

/// Every row of one kind, read in one snapshot: for a copy that failed its checkpoint.
pub async fn snapshot(db: &Db, entity: EntityKind) -> Result<Snapshot, DbError> {
    let mut tx = db.pool().begin().await?;
    if db.backend() == Backend::Postgres {
        tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await?;
    }
    let feed: String = sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'feed_id'")
        .fetch_one(&mut *tx)
        .await?;
    let rows = rows_after(&mut tx, entity, 0, None).await?;
    tx.commit().await?;
    Ok(Snapshot { feed, entity, rows })
}
