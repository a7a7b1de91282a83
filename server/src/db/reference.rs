//! Offices, counters, procedures and comuni: reads for the API and the booking engine, and the
//! writes that feed replication.

use super::DbError;
use sportello_core::Lang;
use sportello_core::calendar::WeeklyHours;
use sportello_core::directory::Organization;
use sportello_core::faq::FaqEntry;
use sportello_core::model::{
    Address, BookingRules, Comune, Counter, GeoPoint, Office, OfficeKind, Procedure,
    ProcedureCategory,
};
use sportello_core::sync::{EntityKind, Record};
use sportello_core::text::LocalizedText;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

const OFFICE_COLUMNS: &str = "id, kind, name, street, postcode, locality, province, \
     comune_istat, lat, lon, phone, email, website, release_schedule, walk_ins";
const COUNTER_COLUMNS: &str = "id, office_id, name, grid_minutes, seats, hours";
const PROCEDURE_COLUMNS: &str = "id, office_id, category, name, summary, slot_minutes, \
     mediator_recommended, documents, min_notice_minutes, horizon_days";
const COMUNE_COLUMNS: &str = "istat, name, province, capoluogo, lat, lon, patron_day";
const FAQ_COLUMNS: &str = "id, data";

/// Takes the next change sequence number. The counter row stays locked until the caller's
/// transaction ends, so writers commit in `seq` order and a reader never skips a late commit.
pub(super) async fn next_seq(conn: &mut AnyConnection) -> Result<i64, DbError> {
    let seq = sqlx::query_scalar(
        "UPDATE sync_counter SET value = value + 1 WHERE id = 1 RETURNING value",
    )
    .fetch_one(conn)
    .await?;
    Ok(seq)
}

/// Inserts or replaces a replicated row, giving it a new `seq` so kiosks pull it again.
pub async fn upsert_record(conn: &mut AnyConnection, record: &Record) -> Result<i64, DbError> {
    let seq = next_seq(conn).await?;
    match record {
        Record::Office(office) => upsert_office(conn, office, seq).await?,
        Record::Counter(counter) => upsert_counter(conn, counter, seq).await?,
        Record::Procedure(procedure) => upsert_procedure(conn, procedure, seq).await?,
        Record::Comune(comune) => upsert_comune(conn, comune, seq).await?,
        Record::Faq(entry) => upsert_faq(conn, entry, seq).await?,
        Record::Organization(organization) => upsert_organization(conn, organization, seq).await?,
    }
    // A row that comes back after a deletion must not stay deleted on the kiosks.
    sqlx::query("DELETE FROM tombstones WHERE entity = $1 AND id = $2")
        .bind(record.kind().as_str())
        .bind(record.id())
        .execute(&mut *conn)
        .await?;
    Ok(seq)
}

/// Deletes a replicated row and leaves a tombstone for the kiosks. Returns whether it existed.
pub async fn delete_record(
    conn: &mut AnyConnection,
    entity: EntityKind,
    id: &str,
) -> Result<bool, DbError> {
    let sql = match entity {
        EntityKind::Office => "DELETE FROM offices WHERE id = $1",
        EntityKind::Counter => "DELETE FROM counters WHERE id = $1",
        EntityKind::Procedure => "DELETE FROM procedures WHERE id = $1",
        EntityKind::Comune => "DELETE FROM comuni WHERE istat = $1",
        EntityKind::Faq => "DELETE FROM faq_entries WHERE id = $1",
        EntityKind::Organization => "DELETE FROM directory_organizations WHERE id = $1",
    };
    // The counter first, as in `upsert_record`: writers that lock in the same order cannot
    // deadlock. A deletion of nothing wastes a number; the feed does not need them dense.
    let seq = next_seq(conn).await?;
    if entity == EntityKind::Counter {
        // The procedures it served lose it from their `counter_ids`: kiosks must see them
        // change too.
        let served: Vec<String> =
            sqlx::query_scalar("SELECT procedure_id FROM procedure_counters WHERE counter_id = $1")
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
        for procedure_id in served {
            let procedure_seq = next_seq(conn).await?;
            sqlx::query("UPDATE procedures SET seq = $1 WHERE id = $2")
                .bind(procedure_seq)
                .bind(&procedure_id)
                .execute(&mut *conn)
                .await?;
        }
    }
    let deleted = sqlx::query(sql)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        > 0;
    if deleted {
        sqlx::query(
            "INSERT INTO tombstones (entity, id, seq) VALUES ($1, $2, $3) \
             ON CONFLICT (entity, id) DO UPDATE SET seq = excluded.seq",
        )
        .bind(entity.as_str())
        .bind(id)
        .bind(seq)
        .execute(conn)
        .await?;
    }
    Ok(deleted)
}

async fn upsert_office(conn: &mut AnyConnection, office: &Office, seq: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO offices (id, kind, name, street, postcode, locality, province, comune_istat, \
         lat, lon, phone, email, website, release_schedule, walk_ins, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, \
         street = excluded.street, postcode = excluded.postcode, locality = excluded.locality, \
         province = excluded.province, comune_istat = excluded.comune_istat, lat = excluded.lat, \
         lon = excluded.lon, phone = excluded.phone, email = excluded.email, \
         website = excluded.website, release_schedule = excluded.release_schedule, \
         walk_ins = excluded.walk_ins, seq = excluded.seq",
    )
    .bind(&office.id)
    .bind(office.kind.as_str())
    .bind(&office.name)
    .bind(&office.address.street)
    .bind(&office.address.postcode)
    .bind(&office.address.locality)
    .bind(&office.address.province)
    .bind(&office.address.comune_istat)
    .bind(office.location.lat)
    .bind(office.location.lon)
    .bind(office.phone.as_deref())
    .bind(office.email.as_deref())
    .bind(office.website.as_deref())
    .bind(office.release.map(|release| release.to_string()))
    .bind(i64::from(office.walk_ins))
    .bind(seq)
    .execute(conn)
    .await?;
    Ok(())
}

async fn upsert_counter(
    conn: &mut AnyConnection,
    counter: &Counter,
    seq: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO counters (id, office_id, name, grid_minutes, seats, hours, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, name = excluded.name, \
         grid_minutes = excluded.grid_minutes, seats = excluded.seats, hours = excluded.hours, \
         seq = excluded.seq",
    )
    .bind(&counter.id)
    .bind(&counter.office_id)
    .bind(&counter.name)
    .bind(i64::from(counter.grid_minutes))
    .bind(i64::from(counter.seats))
    .bind(to_json(&counter.hours))
    .bind(seq)
    .execute(conn)
    .await?;
    Ok(())
}

async fn upsert_procedure(
    conn: &mut AnyConnection,
    procedure: &Procedure,
    seq: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO procedures (id, office_id, category, name, summary, slot_minutes, \
         mediator_recommended, documents, min_notice_minutes, horizon_days, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (id) DO UPDATE SET office_id = excluded.office_id, \
         category = excluded.category, name = excluded.name, summary = excluded.summary, \
         slot_minutes = excluded.slot_minutes, \
         mediator_recommended = excluded.mediator_recommended, documents = excluded.documents, \
         min_notice_minutes = excluded.min_notice_minutes, \
         horizon_days = excluded.horizon_days, seq = excluded.seq",
    )
    .bind(&procedure.id)
    .bind(&procedure.office_id)
    .bind(procedure.category.as_str())
    .bind(to_json(&procedure.name))
    .bind(to_json(&procedure.summary))
    .bind(i64::from(procedure.slot_minutes))
    .bind(i64::from(procedure.mediator_recommended))
    .bind(to_json(&procedure.documents))
    .bind(i64::from(procedure.rules.min_notice_minutes))
    .bind(i64::from(procedure.rules.horizon_days))
    .bind(seq)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM procedure_counters WHERE procedure_id = $1")
        .bind(&procedure.id)
        .execute(&mut *conn)
        .await?;
    for counter_id in &procedure.counter_ids {
        sqlx::query("INSERT INTO procedure_counters (procedure_id, counter_id) VALUES ($1, $2)")
            .bind(&procedure.id)
            .bind(counter_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn upsert_faq(conn: &mut AnyConnection, entry: &FaqEntry, seq: i64) -> Result<(), DbError> {
    let data = serde_json::to_string(entry).map_err(|err| DbError::Corrupt(err.to_string()))?;
    sqlx::query(
        "INSERT INTO faq_entries (id, data, seq) VALUES ($1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq",
    )
    .bind(&entry.id)
    .bind(data)
    .bind(seq)
    .execute(conn)
    .await?;
    Ok(())
}

pub(super) fn faq_from_row(row: &AnyRow) -> Result<FaqEntry, DbError> {
    let data: String = row.try_get("data")?;
    serde_json::from_str(&data).map_err(|err| DbError::Corrupt(format!("faq entry: {err}")))
}

/// Every question and answer, most asked first.
pub async fn list_faq(conn: &mut AnyConnection) -> Result<Vec<FaqEntry>, DbError> {
    let sql = format!("SELECT {FAQ_COLUMNS} FROM faq_entries");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?;
    let mut entries = rows
        .iter()
        .map(faq_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|entry| (entry.rank, entry.id.clone()));
    Ok(entries)
}

pub async fn get_faq(conn: &mut AnyConnection, id: &str) -> Result<Option<FaqEntry>, DbError> {
    let sql = format!("SELECT {FAQ_COLUMNS} FROM faq_entries WHERE id = $1");
    fetch_optional(conn, sql, id, faq_from_row).await
}

const ORGANIZATION_COLUMNS: &str = "id, data, seq";

async fn upsert_organization(
    conn: &mut AnyConnection,
    organization: &Organization,
    seq: i64,
) -> Result<(), DbError> {
    let data =
        serde_json::to_string(organization).map_err(|err| DbError::Corrupt(err.to_string()))?;
    sqlx::query(
        "INSERT INTO directory_organizations (id, data, seq) VALUES ($1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq",
    )
    .bind(&organization.id)
    .bind(data)
    .bind(seq)
    .execute(conn)
    .await?;
    Ok(())
}

pub(super) fn organization_from_row(row: &AnyRow) -> Result<Organization, DbError> {
    let data: String = row.try_get("data")?;
    serde_json::from_str(&data).map_err(|err| DbError::Corrupt(format!("organization: {err}")))
}

/// The organization that has the place `location_id` (a UUID, lower case), without reading
/// the whole directory: its JSON holds the id as `"id":"…"`.
pub async fn organization_with_place(
    conn: &mut AnyConnection,
    location_id: &str,
) -> Result<Option<Organization>, DbError> {
    let sql =
        format!("SELECT {ORGANIZATION_COLUMNS} FROM directory_organizations WHERE data LIKE $1");
    let pattern = format!("%\"id\":\"{location_id}\"%");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(pattern)
        .fetch_all(conn)
        .await?;
    for row in &rows {
        let organization = organization_from_row(row)?;
        if organization.location(location_id).is_some() {
            return Ok(Some(organization));
        }
    }
    Ok(None)
}

/// The whole directory, by Italian name.
pub async fn list_directory(conn: &mut AnyConnection) -> Result<Vec<Organization>, DbError> {
    let sql = format!("SELECT {ORGANIZATION_COLUMNS} FROM directory_organizations");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?;
    let mut organizations = rows
        .iter()
        .map(organization_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    organizations.sort_by(|a, b| (a.name.get(Lang::It), &a.id).cmp(&(b.name.get(Lang::It), &b.id)));
    Ok(organizations)
}

async fn upsert_comune(conn: &mut AnyConnection, comune: &Comune, seq: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO comuni (istat, name, province, capoluogo, lat, lon, patron_day, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (istat) DO UPDATE SET name = excluded.name, province = excluded.province, \
         capoluogo = excluded.capoluogo, lat = excluded.lat, lon = excluded.lon, \
         patron_day = excluded.patron_day, seq = excluded.seq",
    )
    .bind(&comune.istat)
    .bind(&comune.name)
    .bind(&comune.province)
    .bind(i64::from(comune.capoluogo))
    .bind(comune.location.lat)
    .bind(comune.location.lon)
    .bind(comune.patron_day.map(|rule| rule.to_string()))
    .bind(seq)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list_offices(conn: &mut AnyConnection) -> Result<Vec<Office>, DbError> {
    let sql = format!("SELECT {OFFICE_COLUMNS} FROM offices ORDER BY kind, name");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?;
    rows.iter().map(office_from_row).collect()
}

pub async fn get_office(conn: &mut AnyConnection, id: &str) -> Result<Option<Office>, DbError> {
    let sql = format!("SELECT {OFFICE_COLUMNS} FROM offices WHERE id = $1");
    fetch_optional(conn, sql, id, office_from_row).await
}

/// Counters, all or those of one office, by id.
pub async fn list_counters(
    conn: &mut AnyConnection,
    office_id: Option<&str>,
) -> Result<Vec<Counter>, DbError> {
    let sql = format!(
        "SELECT {COUNTER_COLUMNS} FROM counters WHERE ($1 IS NULL OR office_id = $1) ORDER BY id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(office_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(counter_from_row).collect()
}

pub async fn get_counter(conn: &mut AnyConnection, id: &str) -> Result<Option<Counter>, DbError> {
    let sql = format!("SELECT {COUNTER_COLUMNS} FROM counters WHERE id = $1");
    fetch_optional(conn, sql, id, counter_from_row).await
}

/// Procedures, all or those of one office, in a stable order, with their counters.
pub async fn list_procedures(
    conn: &mut AnyConnection,
    office_id: Option<&str>,
) -> Result<Vec<Procedure>, DbError> {
    let sql = format!(
        "SELECT {PROCEDURE_COLUMNS} FROM procedures WHERE ($1 IS NULL OR office_id = $1) \
         ORDER BY office_id, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(office_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut procedures = rows
        .iter()
        .map(procedure_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    attach_counters(conn, &mut procedures).await?;
    Ok(procedures)
}

pub async fn get_procedure(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<Procedure>, DbError> {
    let sql = format!("SELECT {PROCEDURE_COLUMNS} FROM procedures WHERE id = $1");
    let Some(procedure) = fetch_optional(&mut *conn, sql, id, procedure_from_row).await? else {
        return Ok(None);
    };
    let mut procedures = [procedure];
    attach_counters(conn, &mut procedures).await?;
    let [procedure] = procedures;
    Ok(Some(procedure))
}

/// Fills in which counters serve each procedure. The table is small (procedures × their
/// counters in one province), so reading it whole is simpler than a dynamic `IN` list.
pub(super) async fn attach_counters(
    conn: &mut AnyConnection,
    procedures: &mut [Procedure],
) -> Result<(), DbError> {
    if procedures.is_empty() {
        return Ok(());
    }
    let rows = sqlx::query(
        "SELECT procedure_id, counter_id FROM procedure_counters ORDER BY procedure_id, counter_id",
    )
    .fetch_all(conn)
    .await?;
    let mut by_procedure: HashMap<String, Vec<String>> = HashMap::new();
    for row in rows {
        by_procedure
            .entry(row.try_get("procedure_id")?)
            .or_default()
            .push(row.try_get("counter_id")?);
    }
    for procedure in procedures {
        procedure.counter_ids = by_procedure.remove(&procedure.id).unwrap_or_default();
    }
    Ok(())
}

/// Comuni, all or those of one province, by name.
pub async fn list_comuni(
    conn: &mut AnyConnection,
    province: Option<&str>,
) -> Result<Vec<Comune>, DbError> {
    let sql = format!(
        "SELECT {COMUNE_COLUMNS} FROM comuni WHERE ($1 IS NULL OR province = $1) ORDER BY name"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(province)
        .fetch_all(conn)
        .await?;
    rows.iter().map(comune_from_row).collect()
}

pub async fn get_comune(conn: &mut AnyConnection, istat: &str) -> Result<Option<Comune>, DbError> {
    let sql = format!("SELECT {COMUNE_COLUMNS} FROM comuni WHERE istat = $1");
    fetch_optional(conn, sql, istat, comune_from_row).await
}

async fn fetch_optional<T>(
    conn: &mut AnyConnection,
    sql: String,
    key: &str,
    from_row: fn(&AnyRow) -> Result<T, DbError>,
) -> Result<Option<T>, DbError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(key)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

// Row mappers are shared with the change feed, which selects the same columns plus `seq`.

pub(super) fn office_from_row(row: &AnyRow) -> Result<Office, DbError> {
    let kind: String = row.try_get("kind")?;
    let release: Option<String> = row.try_get("release_schedule")?;
    Ok(Office {
        id: row.try_get("id")?,
        kind: OfficeKind::parse(&kind)
            .ok_or_else(|| DbError::Corrupt(format!("unknown office kind {kind:?}")))?,
        name: row.try_get("name")?,
        address: Address {
            street: row.try_get("street")?,
            postcode: row.try_get("postcode")?,
            locality: row.try_get("locality")?,
            province: row.try_get("province")?,
            comune_istat: row.try_get("comune_istat")?,
        },
        location: GeoPoint {
            lat: row.try_get("lat")?,
            lon: row.try_get("lon")?,
        },
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
        website: row.try_get("website")?,
        release: release
            .map(|text| text.parse())
            .transpose()
            .map_err(|err| DbError::Corrupt(format!("release schedule: {err}")))?,
        walk_ins: flag(row, "walk_ins")?,
    })
}

pub(super) fn counter_from_row(row: &AnyRow) -> Result<Counter, DbError> {
    Ok(Counter {
        id: row.try_get("id")?,
        office_id: row.try_get("office_id")?,
        name: row.try_get("name")?,
        grid_minutes: small(row, "grid_minutes")?,
        seats: small(row, "seats")?,
        hours: from_json::<WeeklyHours>(&row.try_get::<String, _>("hours")?)?,
    })
}

/// A procedure without its counters: see [`attach_counters`].
pub(super) fn procedure_from_row(row: &AnyRow) -> Result<Procedure, DbError> {
    let category: String = row.try_get("category")?;
    let min_notice: i64 = row.try_get("min_notice_minutes")?;
    Ok(Procedure {
        id: row.try_get("id")?,
        office_id: row.try_get("office_id")?,
        category: ProcedureCategory::parse(&category)
            .ok_or_else(|| DbError::Corrupt(format!("unknown category {category:?}")))?,
        name: from_json::<LocalizedText>(&row.try_get::<String, _>("name")?)?,
        summary: from_json::<LocalizedText>(&row.try_get::<String, _>("summary")?)?,
        slot_minutes: small(row, "slot_minutes")?,
        mediator_recommended: flag(row, "mediator_recommended")?,
        documents: from_json(&row.try_get::<String, _>("documents")?)?,
        counter_ids: Vec::new(),
        rules: BookingRules {
            min_notice_minutes: u32::try_from(min_notice)
                .map_err(|_| DbError::Corrupt(format!("min notice {min_notice}")))?,
            horizon_days: small(row, "horizon_days")?,
        },
    })
}

pub(super) fn comune_from_row(row: &AnyRow) -> Result<Comune, DbError> {
    let patron: Option<String> = row.try_get("patron_day")?;
    Ok(Comune {
        istat: row.try_get("istat")?,
        name: row.try_get("name")?,
        province: row.try_get("province")?,
        capoluogo: flag(row, "capoluogo")?,
        location: GeoPoint {
            lat: row.try_get("lat")?,
            lon: row.try_get("lon")?,
        },
        patron_day: patron
            .map(|text| text.parse())
            .transpose()
            .map_err(|err| DbError::Corrupt(format!("patron day: {err}")))?,
    })
}

pub(super) fn columns(entity: EntityKind) -> &'static str {
    match entity {
        EntityKind::Office => OFFICE_COLUMNS,
        EntityKind::Counter => COUNTER_COLUMNS,
        EntityKind::Procedure => PROCEDURE_COLUMNS,
        EntityKind::Comune => COMUNE_COLUMNS,
        EntityKind::Faq => FAQ_COLUMNS,
        EntityKind::Organization => ORGANIZATION_COLUMNS,
    }
}

/// Reads a 0/1 integer column (see the migrations for why flags are not booleans).
pub(super) fn flag(row: &AnyRow, column: &str) -> Result<bool, DbError> {
    match row.try_get::<i64, _>(column)? {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(DbError::Corrupt(format!("{column} = {other}"))),
    }
}

/// Reads a small non-negative integer column.
pub(super) fn small(row: &AnyRow, column: &str) -> Result<u16, DbError> {
    let value: i64 = row.try_get(column)?;
    u16::try_from(value).map_err(|_| DbError::Corrupt(format!("{column} = {value}")))
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("stored values always serialise")
}

pub(super) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, DbError> {
    serde_json::from_str(json).map_err(|err| DbError::Corrupt(format!("stored JSON: {err}")))
}
