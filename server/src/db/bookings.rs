//! Bookings, the seat claims that make overbooking impossible, the people booked for,
//! idempotency records, daily queues and the audit log.

use super::DbError;
use super::reference::{from_json, to_json};
use sportello_core::booking::{BookingStatus, ExistingBooking};
use sportello_core::identity::Person;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// A booking as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingRow {
    pub id: String,
    pub code: String,
    pub procedure_id: String,
    pub office_id: String,
    pub counter_id: String,
    pub slot_start: i64,
    pub slot_end: i64,
    pub day: String,
    pub status: BookingStatus,
    pub hold_expires_at: Option<i64>,
    pub person_key: Option<String>,
    pub organization_id: Option<String>,
    pub booked_by: String,
    pub mediator_language: Option<String>,
    pub queue_number: Option<i64>,
    pub issued_at: Option<i64>,
    /// The kiosk holding it as a lease, or that booked it offline.
    pub kiosk_id: Option<String>,
    /// When the row was made (for a lease: when it was granted).
    pub created_at: i64,
}

const BOOKING_COLUMNS: &str = "id, code, procedure_id, office_id, counter_id, slot_start, \
     slot_end, day, status, hold_expires_at, person_key, organization_id, booked_by, \
     mediator_language, queue_number, issued_at, kiosk_id, created_at";

fn booking_from_row(row: &AnyRow) -> Result<BookingRow, DbError> {
    let status: String = row.try_get("status")?;
    Ok(BookingRow {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        procedure_id: row.try_get("procedure_id")?,
        office_id: row.try_get("office_id")?,
        counter_id: row.try_get("counter_id")?,
        slot_start: row.try_get("slot_start")?,
        slot_end: row.try_get("slot_end")?,
        day: row.try_get("day")?,
        status: BookingStatus::parse(&status)
            .ok_or_else(|| DbError::Corrupt(format!("booking status {status:?}")))?,
        hold_expires_at: row.try_get("hold_expires_at")?,
        person_key: row.try_get("person_key")?,
        organization_id: row.try_get("organization_id")?,
        booked_by: row.try_get("booked_by")?,
        mediator_language: row.try_get("mediator_language")?,
        queue_number: row.try_get("queue_number")?,
        issued_at: row.try_get("issued_at")?,
        kiosk_id: row.try_get("kiosk_id")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Inserts a booking row as it stands (a hold, a lease, a booking reported by a kiosk; its
/// seats are claimed separately), made at `row.created_at`. `false` if its id or code is
/// taken (pick another code and retry).
pub async fn insert_booking(conn: &mut AnyConnection, row: &BookingRow) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO bookings (id, code, procedure_id, office_id, counter_id, slot_start, \
         slot_end, day, status, hold_expires_at, person_key, organization_id, booked_by, \
         mediator_language, queue_number, issued_at, kiosk_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $18) ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.code)
    .bind(&row.procedure_id)
    .bind(&row.office_id)
    .bind(&row.counter_id)
    .bind(row.slot_start)
    .bind(row.slot_end)
    .bind(&row.day)
    .bind(row.status.as_str())
    .bind(row.hold_expires_at)
    .bind(&row.person_key)
    .bind(&row.organization_id)
    .bind(&row.booked_by)
    .bind(&row.mediator_language)
    .bind(row.queue_number)
    .bind(row.issued_at)
    .bind(&row.kiosk_id)
    .bind(row.created_at)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// Claims one place in each of `cells` on `counter_id` for a booking: all or none. Each
/// claim is an insert the primary key (counter, cell, seat) may refuse, so two bookings can
/// never hold the same place, whatever runs concurrently.
pub async fn claim_cells(
    conn: &mut AnyConnection,
    booking_id: &str,
    counter_id: &str,
    cells: &[i64],
    seats: u16,
) -> Result<bool, DbError> {
    for &cell in cells {
        let mut claimed = false;
        for seat in 0..i64::from(seats) {
            let inserted = sqlx::query(
                "INSERT INTO seat_claims (counter_id, cell_start, seat, booking_id) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(counter_id)
            .bind(cell)
            .bind(seat)
            .bind(booking_id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if inserted == 1 {
                claimed = true;
                break;
            }
        }
        if !claimed {
            release_claims(conn, booking_id).await?;
            return Ok(false);
        }
    }
    Ok(true)
}

pub async fn release_claims(conn: &mut AnyConnection, booking_id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM seat_claims WHERE booking_id = $1")
        .bind(booking_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Places taken per (counter, cell) of some counters in `[from, to)` (Unix seconds).
pub async fn taken_cells(
    conn: &mut AnyConnection,
    counter_ids: &[&str],
    from: i64,
    to: i64,
) -> Result<HashMap<(String, i64), u16>, DbError> {
    if counter_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let placeholders: Vec<String> = (0..counter_ids.len())
        .map(|i| format!("${}", i + 3))
        .collect();
    let sql = format!(
        "SELECT counter_id, cell_start, COUNT(*) AS taken FROM seat_claims \
         WHERE cell_start >= $1 AND cell_start < $2 AND counter_id IN ({}) \
         GROUP BY counter_id, cell_start",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(from).bind(to);
    for id in counter_ids {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(conn).await?;
    rows.iter()
        .map(|row| {
            let taken: i64 = row.try_get("taken")?;
            Ok((
                (row.try_get("counter_id")?, row.try_get("cell_start")?),
                u16::try_from(taken).unwrap_or(u16::MAX),
            ))
        })
        .collect()
}

/// Whether a counter has places claimed from `from` (Unix seconds) on.
pub async fn claims_from(
    conn: &mut AnyConnection,
    counter_id: &str,
    from: i64,
) -> Result<bool, DbError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT cell_start FROM seat_claims WHERE counter_id = $1 AND cell_start >= $2 LIMIT 1",
    )
    .bind(counter_id)
    .bind(from)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Reads a booking and locks it for the rest of the transaction, so concurrent changes to
/// the same booking run one after the other. A no-op `UPDATE … RETURNING` does it the same way
/// on PostgreSQL (a row lock; the newest committed version is returned) and on SQLite (which
/// already serialises writers).
pub async fn lock_booking(
    conn: &mut AnyConnection,
    by: BookingKey<'_>,
) -> Result<Option<BookingRow>, DbError> {
    let (column, value) = match by {
        BookingKey::Id(id) => ("id", id),
        BookingKey::Code(code) => ("code", code),
    };
    let sql = format!(
        "UPDATE bookings SET updated_at = updated_at WHERE {column} = $1 RETURNING {BOOKING_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(value)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(booking_from_row).transpose()
}

/// How to find a booking: by its secret id (holds) or its public code.
#[derive(Debug, Clone, Copy)]
pub enum BookingKey<'a> {
    Id(&'a str),
    Code(&'a str),
}

/// Bookings matching `condition` (SQL after `WHERE`, with `$1` bound to `value`).
pub(super) async fn select_where(
    conn: &mut AnyConnection,
    condition: &'static str,
    value: &str,
) -> Result<Vec<BookingRow>, DbError> {
    let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE {condition}");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(value)
        .fetch_all(conn)
        .await?;
    rows.iter().map(booking_from_row).collect()
}

pub async fn booking_by_id(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<BookingRow>, DbError> {
    let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(booking_from_row).transpose()
}

pub async fn booking_by_code(
    conn: &mut AnyConnection,
    code: &str,
) -> Result<Option<BookingRow>, DbError> {
    let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE code = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(code)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(booking_from_row).transpose()
}

/// Which bookings to list: any of an office, an organisation, and one day or from a moment
/// on.
#[derive(Debug, Clone, Default)]
pub struct BookingQuery<'a> {
    pub office_id: Option<&'a str>,
    pub organization_id: Option<&'a str>,
    /// A local day (YYYY-MM-DD)…
    pub day: Option<&'a str>,
    /// …or appointments starting from then on (Unix seconds).
    pub since: Option<i64>,
}

/// The bookings `query` names (not holds nor leases), by time.
pub async fn list_bookings(
    conn: &mut AnyConnection,
    query: &BookingQuery<'_>,
) -> Result<Vec<BookingRow>, DbError> {
    // Each condition is fixed text with its own parameter; an absent one is bound as '' (or
    // the smallest time) and lets every row through, so one statement serves every mix.
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM bookings \
         WHERE ($1 = '' OR office_id = $1) \
         AND ($2 = '' OR COALESCE(organization_id, '') = $2) \
         AND ($3 = '' OR day = $3) \
         AND slot_start >= $4 \
         AND status NOT IN ('held', 'leased') ORDER BY slot_start, code"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(query.office_id.unwrap_or_default())
        .bind(query.organization_id.unwrap_or_default())
        .bind(query.day.unwrap_or_default())
        .bind(query.since.unwrap_or(i64::MIN))
        .fetch_all(conn)
        .await?;
    rows.iter().map(booking_from_row).collect()
}

/// Turns past confirmed bookings of a person for a procedure into `lapsed`: an appointment
/// that is over, attended or not, no longer blocks a new one.
pub async fn lapse_past(
    conn: &mut AnyConnection,
    procedure_id: &str,
    person_key: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE bookings SET status = 'lapsed', updated_at = $4 WHERE procedure_id = $1 \
         AND person_key = $2 AND status = 'confirmed' AND slot_end <= $3",
    )
    .bind(procedure_id)
    .bind(person_key)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A person's active booking for a procedure, and the organisation that made it.
pub struct ActiveBooking {
    pub id: String,
    pub booking: ExistingBooking,
    pub organization_id: Option<String>,
}

/// The person's active booking for a procedure, if any.
pub async fn active_booking(
    conn: &mut AnyConnection,
    procedure_id: &str,
    person_key: &str,
) -> Result<Option<ActiveBooking>, DbError> {
    let row = sqlx::query(
        "SELECT id, code, office_id, procedure_id, slot_start, organization_id FROM bookings \
         WHERE procedure_id = $1 AND person_key = $2 AND status = 'confirmed'",
    )
    .bind(procedure_id)
    .bind(person_key)
    .fetch_optional(conn)
    .await?;
    row.map(|row| {
        let start: i64 = row.try_get("slot_start")?;
        Ok(ActiveBooking {
            id: row.try_get("id")?,
            booking: ExistingBooking {
                code: Some(row.try_get("code")?),
                office_id: Some(row.try_get("office_id")?),
                procedure_id: row.try_get("procedure_id")?,
                start: Some(
                    jiff::Timestamp::from_second(start)
                        .map_err(|_| DbError::Corrupt(format!("slot start {start}")))?,
                ),
            },
            organization_id: row.try_get("organization_id")?,
        })
    })
    .transpose()
}

/// What confirming a hold writes.
pub struct Confirmation<'a> {
    pub id: &'a str,
    pub person_key: &'a str,
    pub organization_id: Option<&'a str>,
    pub booked_by: &'a str,
    pub mediator_language: Option<&'a str>,
    pub now: i64,
}

/// Turns a live hold into a booking. `Ok(false)` if the hold is gone or expired. A second
/// active booking of the same person for the procedure is refused by the database's unique
/// index (the caller checks first; the index holds under races).
pub async fn confirm_hold(conn: &mut AnyConnection, c: &Confirmation<'_>) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE bookings SET status = 'confirmed', hold_expires_at = NULL, person_key = $2, \
         organization_id = $3, booked_by = $4, mediator_language = $5, issued_at = $6, \
         updated_at = $6 WHERE id = $1 AND status = 'held' AND hold_expires_at > $6",
    )
    .bind(c.id)
    .bind(c.person_key)
    .bind(c.organization_id)
    .bind(c.booked_by)
    .bind(c.mediator_language)
    .bind(c.now)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(updated == 1)
}

pub async fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    from: BookingStatus,
    to: BookingStatus,
    now: i64,
) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE bookings SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Moves a booking to another slot (its claims are the caller's business).
#[allow(clippy::too_many_arguments)]
pub async fn move_booking(
    conn: &mut AnyConnection,
    id: &str,
    office_id: &str,
    counter_id: &str,
    slot_start: i64,
    slot_end: i64,
    day: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE bookings SET office_id = $2, counter_id = $3, slot_start = $4, slot_end = $5, \
         day = $6, issued_at = $7, updated_at = $7 WHERE id = $1 AND status = 'confirmed'",
    )
    .bind(id)
    .bind(office_id)
    .bind(counter_id)
    .bind(slot_start)
    .bind(slot_end)
    .bind(day)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_counter(
    conn: &mut AnyConnection,
    id: &str,
    counter_id: &str,
) -> Result<(), DbError> {
    sqlx::query("UPDATE bookings SET counter_id = $2 WHERE id = $1")
        .bind(id)
        .bind(counter_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Names who holds a hold, for the cap on live holds per holder.
pub async fn set_holder(conn: &mut AnyConnection, id: &str, holder: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE bookings SET holder = $2 WHERE id = $1")
        .bind(id)
        .bind(holder)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many live holds `holder` has at `now`, and when the first of them ends.
pub async fn live_holds(
    conn: &mut AnyConnection,
    holder: &str,
    now: i64,
) -> Result<(i64, Option<i64>), DbError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS live, MIN(hold_expires_at) AS first_end FROM bookings \
         WHERE holder = $1 AND status = 'held' AND hold_expires_at > $2",
    )
    .bind(holder)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok((row.try_get("live")?, row.try_get("first_end")?))
}

/// Counts one more failed confirmation of a live hold; how many it has had, if it is one.
pub async fn count_confirm_failure(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<i64>, DbError> {
    Ok(sqlx::query_scalar(
        "UPDATE bookings SET confirm_failures = confirm_failures + 1 \
         WHERE id = $1 AND status = 'held' RETURNING confirm_failures",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Forgets the person of a booking that no longer stands (cancelled): their details, and
/// the key that tied the booking to them.
pub async fn forget_person(conn: &mut AnyConnection, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM booking_people WHERE booking_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE bookings SET person_key = NULL WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The live and lapsed holds on an office's day.
pub async fn holds_of_day(
    conn: &mut AnyConnection,
    office_id: &str,
    day: &str,
) -> Result<Vec<BookingRow>, DbError> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM bookings WHERE office_id = $1 AND day = $2 \
         AND status = 'held' ORDER BY slot_start, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(office_id)
        .bind(day)
        .fetch_all(conn)
        .await?;
    rows.iter().map(booking_from_row).collect()
}

/// Ends a hold (its seat claims go with it); `false` if it is no longer a hold.
pub async fn delete_hold(conn: &mut AnyConnection, id: &str) -> Result<bool, DbError> {
    let deleted = sqlx::query("DELETE FROM bookings WHERE id = $1 AND status = 'held'")
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(deleted == 1)
}

pub async fn delete_booking(conn: &mut AnyConnection, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM bookings WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn save_person(
    conn: &mut AnyConnection,
    booking_id: &str,
    person: &Person,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO booking_people (booking_id, person) VALUES ($1, $2) \
         ON CONFLICT (booking_id) DO UPDATE SET person = excluded.person",
    )
    .bind(booking_id)
    .bind(to_json(person))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn person_of(
    conn: &mut AnyConnection,
    booking_id: &str,
) -> Result<Option<Person>, DbError> {
    let json: Option<String> =
        sqlx::query_scalar("SELECT person FROM booking_people WHERE booking_id = $1")
            .bind(booking_id)
            .fetch_optional(conn)
            .await?;
    json.map(|json| from_json(&json)).transpose()
}

/// The next number in an office's queue for a day: 1, 2, 3, …
pub async fn next_queue_number(
    conn: &mut AnyConnection,
    office_id: &str,
    day: &str,
) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO daily_queues (office_id, day, last) VALUES ($1, $2, 1) \
         ON CONFLICT (office_id, day) DO UPDATE SET last = daily_queues.last + 1 RETURNING last",
    )
    .bind(office_id)
    .bind(day)
    .fetch_one(conn)
    .await?)
}

pub async fn check_in(
    conn: &mut AnyConnection,
    id: &str,
    queue_number: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE bookings SET status = 'checked_in', queue_number = $2, updated_at = $3, \
         checked_in_at = $3 WHERE id = $1 AND status = 'confirmed'",
    )
    .bind(id)
    .bind(queue_number)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// An office's appointments of a day by code: their ids (calls name bookings by id) and when
/// each person checked in.
pub async fn day_marks(
    conn: &mut AnyConnection,
    office_id: &str,
    day: &str,
) -> Result<HashMap<String, (String, Option<i64>)>, DbError> {
    let rows = sqlx::query(
        "SELECT id, code, checked_in_at FROM bookings WHERE office_id = $1 AND day = $2 \
         AND status NOT IN ('held', 'leased')",
    )
    .bind(office_id)
    .bind(day)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("code")?,
                (row.try_get("id")?, row.try_get("checked_in_at")?),
            ))
        })
        .collect()
}

/// Marks as no-shows the appointments of days before `today` that nobody checked in: the
/// office's numbers count them. Their codes and offices, for the audit log.
pub async fn no_shows_before(
    conn: &mut AnyConnection,
    today: &str,
    now: i64,
) -> Result<Vec<(String, String)>, DbError> {
    let rows = sqlx::query(
        "UPDATE bookings SET status = 'no_show', updated_at = $2 \
         WHERE status = 'confirmed' AND day < $1 RETURNING code, office_id",
    )
    .bind(today)
    .bind(now)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("code")?, row.try_get("office_id")?)))
        .collect()
}
