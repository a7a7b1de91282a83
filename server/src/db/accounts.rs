//! Users, their sessions, and the organisations operators belong to.

use super::DbError;
use sportello_core::account::{Organization, OrganizationKind, Role, UserInfo};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// A stored account: what login needs besides the public [`UserInfo`].
pub struct StoredUser {
    pub info: UserInfo,
    pub password_hash: String,
    pub disabled: bool,
    /// The password is a temporary one its owner must change first.
    pub must_change_password: bool,
}

const USER_COLUMNS: &str =
    "username, password_hash, role, office_id, organization_id, disabled, must_change_password";

fn user_from_row(row: &AnyRow) -> Result<StoredUser, DbError> {
    let role: String = row.try_get("role")?;
    Ok(StoredUser {
        info: UserInfo {
            username: row.try_get("username")?,
            role: Role::parse(&role).ok_or_else(|| DbError::Corrupt(format!("role {role:?}")))?,
            office_id: row.try_get("office_id")?,
            organization_id: row.try_get("organization_id")?,
        },
        password_hash: row.try_get("password_hash")?,
        disabled: super::reference::flag(row, "disabled")?,
        must_change_password: super::reference::flag(row, "must_change_password")?,
    })
}

/// Creates an account; `false` if the username is taken. A `temporary` password must be
/// changed at first login.
pub async fn create_user(
    conn: &mut AnyConnection,
    info: &UserInfo,
    password_hash: &str,
    temporary: bool,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO users (username, password_hash, role, office_id, organization_id, \
         created_at, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (username) DO NOTHING",
    )
    .bind(&info.username)
    .bind(password_hash)
    .bind(info.role.as_str())
    .bind(info.office_id.as_deref())
    .bind(info.organization_id.as_deref())
    .bind(now)
    .bind(i64::from(temporary))
    .execute(conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

pub async fn find_user(
    conn: &mut AnyConnection,
    username: &str,
) -> Result<Option<StoredUser>, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(username)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

pub async fn list_users(conn: &mut AnyConnection) -> Result<Vec<StoredUser>, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY username");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(conn)
        .await?;
    rows.iter().map(user_from_row).collect()
}

/// Disables an account and ends its sessions; `false` if there is no such account.
pub async fn disable_user(conn: &mut AnyConnection, username: &str) -> Result<bool, DbError> {
    let updated = sqlx::query("UPDATE users SET disabled = 1 WHERE username = $1")
        .bind(username)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM sessions WHERE username = $1")
        .bind(username)
        .execute(conn)
        .await?;
    Ok(updated == 1)
}

/// Sets an account's password (`temporary`: to be changed at first login) and ends its
/// sessions but `keep` (the owner's own, when they change it themselves). `false` if there is
/// no such account.
pub async fn set_password(
    conn: &mut AnyConnection,
    username: &str,
    password_hash: &str,
    temporary: bool,
    keep: Option<&str>,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE users SET password_hash = $1, must_change_password = $2 WHERE username = $3",
    )
    .bind(password_hash)
    .bind(i64::from(temporary))
    .bind(username)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM sessions WHERE username = $1 AND token_hash <> $2")
        .bind(username)
        .bind(keep.unwrap_or_default())
        .execute(conn)
        .await?;
    Ok(updated == 1)
}

pub async fn create_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    username: &str,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(username)
        .bind(expires_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// The user behind a session token, if the session is current and the account enabled.
pub async fn session_user(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<StoredUser>, DbError> {
    let sql = format!(
        "SELECT {} FROM sessions s JOIN users u ON u.username = s.username \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0",
        USER_COLUMNS
            .split(", ")
            .map(|column| format!("u.{column}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(token_hash)
        .bind(now)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

pub async fn delete_session(conn: &mut AnyConnection, token_hash: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn create_organization(
    conn: &mut AnyConnection,
    organization: &Organization,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO organizations (id, name, kind, comune_istat) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&organization.id)
    .bind(&organization.name)
    .bind(organization_kind(organization.kind))
    .bind(&organization.comune_istat)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

pub async fn list_organizations(conn: &mut AnyConnection) -> Result<Vec<Organization>, DbError> {
    let rows = sqlx::query("SELECT id, name, kind, comune_istat FROM organizations ORDER BY id")
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            Ok(Organization {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                kind: match kind.as_str() {
                    "comune" => OrganizationKind::Comune,
                    "patronato" => OrganizationKind::Patronato,
                    "association" => OrganizationKind::Association,
                    other => return Err(DbError::Corrupt(format!("organisation kind {other}"))),
                },
                comune_istat: row.try_get("comune_istat")?,
            })
        })
        .collect()
}

pub async fn organization_exists(conn: &mut AnyConnection, id: &str) -> Result<bool, DbError> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM organizations WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

fn organization_kind(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Comune => "comune",
        OrganizationKind::Patronato => "patronato",
        OrganizationKind::Association => "association",
    }
}
