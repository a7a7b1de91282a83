//! What time ends: expired holds, personal data past retention, old sessions and records.

use super::{Settings, leases};
use crate::db::audit::{self, AuditEntry};
use crate::db::{Db, DbError, retention};
use jiff::{SignedDuration, Timestamp};

/// Expires holds, purges personal data past retention, drops old sessions and idempotency
/// records. Run periodically by the server; tests call it directly.
pub async fn housekeeping(db: &Db, now: Timestamp, settings: &Settings) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let at = now.as_second();
    for (code, office_id) in retention::delete_expired_holds(&mut tx, at).await? {
        audit::record(&mut tx, &system_entry("hold_expired", code, office_id, at)).await?;
    }
    leases::expire(&mut tx, at).await?;
    // A day over: whoever never came is a no-show, for the office's numbers.
    let today = sportello_core::calendar::local_date(now).to_string();
    for (code, office_id) in crate::db::bookings::no_shows_before(&mut tx, &today, at).await? {
        audit::record(&mut tx, &system_entry("no_show", code, office_id, at)).await?;
    }
    // Consoles compare the pulse's newest rows only.
    crate::db::calls::prune_pulses(&mut tx, 10_000).await?;
    crate::db::kiosks::purge_expired(&mut tx, at).await?;
    let cutoff = now
        .checked_sub(settings.retention)
        .unwrap_or(now)
        .as_second();
    for (code, office_id) in retention::purge_people(&mut tx, cutoff).await? {
        audit::record(
            &mut tx,
            &system_entry("personal_data_purged", code, office_id, at),
        )
        .await?;
    }
    // A client retries within minutes; a day of idempotency records is plenty.
    let idempotency_cutoff = now
        .checked_sub(SignedDuration::from_hours(24))
        .unwrap_or(now);
    retention::purge_old_records(&mut tx, at, idempotency_cutoff.as_second()).await?;
    crate::db::limits::prune(&mut tx, now.as_millisecond()).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) fn system_entry(action: &str, code: String, office_id: String, at: i64) -> AuditEntry {
    AuditEntry {
        at,
        actor: "system".to_owned(),
        action: action.to_owned(),
        booking_code: Some(code),
        office_id: Some(office_id),
        organization_id: None,
        detail: String::new(),
    }
}
