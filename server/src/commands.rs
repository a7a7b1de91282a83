//! What `sportello-server` does besides serving: accounts, kiosk enrolment codes and keys, on
//! the database (and key file) its flags name. Each answers with a line for the operator.

use crate::auth::{self, AccountError, NewPassword};
use crate::clock::Clock;
use crate::config::{Command, Config, KeysCommand, KioskCommand, UserCommand};
use crate::db::Db;
use crate::keys::{KEYS_ENV, KeyFile};
use sportello_core::account::NewUser;
use sportello_core::calendar;

/// Runs `command` at `clock`'s time: what to print on success, or why it failed.
pub async fn run(config: &Config, command: Command, clock: &dyn Clock) -> Result<String, String> {
    let now = clock.now();
    match command {
        Command::User(UserCommand::Add {
            username,
            role,
            office_id,
            organization_id,
            temporary,
        }) => {
            let password = NewPassword::hash(read_password()?)
                .await
                .map_err(|err| err.to_string())?;
            // The password goes as `password`, checked and hashed; the request's is not read.
            let request = NewUser {
                username,
                password: String::new(),
                role,
                office_id,
                organization_id,
            };
            let db = open(config).await?;
            let mut conn = db.conn().await.map_err(|err| err.to_string())?;
            let info =
                auth::create_account(&mut conn, request, password, temporary, now.as_second())
                    .await
                    .map_err(|err| err.to_string())?;
            Ok(format!(
                "created {} ({}){}",
                info.username,
                info.role.as_str(),
                if temporary {
                    ": the password must be changed at first login"
                } else {
                    ""
                }
            ))
        }
        Command::User(UserCommand::Passwd {
            username,
            temporary,
        }) => {
            let password = NewPassword::hash(read_password()?)
                .await
                .map_err(|err| err.to_string())?;
            let db = open(config).await?;
            let mut tx = db.begin_write().await.map_err(|err| err.to_string())?;
            auth::set_password(&mut tx, &username, password, temporary, None)
                .await
                .map_err(|err| match err {
                    AccountError::NoSuchAccount => format!("no account {username}"),
                    err => err.to_string(),
                })?;
            tx.commit().await.map_err(|err| err.to_string())?;
            Ok(format!(
                "password of {username} set; its sessions ended{}",
                if temporary {
                    "; it must be changed at first login"
                } else {
                    ""
                }
            ))
        }
        Command::Kiosk(KioskCommand::EnrolmentCode { kiosk_id }) => {
            let db = open(config).await?;
            let code = auth::kiosk::issue_enrolment_code(&db, &kiosk_id, now)
                .await
                .map_err(|err| err.to_string())?;
            Ok(code.code)
        }
        Command::Keys(KeysCommand::Rotate { compromised }) => {
            rotate_keys(config, now, compromised).await
        }
    }
}

/// Retires the receipt signing key for a new one. The old key stays published until the end
/// of the last appointment it may have signed (every booking still standing, and every lease);
/// a `compromised` one not at all.
async fn rotate_keys(
    config: &Config,
    now: jiff::Timestamp,
    compromised: bool,
) -> Result<String, String> {
    if std::env::var_os(KEYS_ENV).is_some() {
        return Err(format!(
            "the keys come from {KEYS_ENV}: rotate them in the file that variable is set from \
             (sportello-server --key-file FILE keys rotate), then set it again"
        ));
    }
    let path = config.key_file_location();
    let mut file = KeyFile::read(&path)
        .map_err(|err| err.to_string())?
        .ok_or_else(|| {
            format!(
                "no key file at {}: start the server once, or name the file with --key-file",
                path.display()
            )
        })?;
    if compromised {
        let retired = file.current().id.clone();
        let id = file.rotate(now, now);
        file.replace(&path).map_err(|err| err.to_string())?;
        return Ok(format!(
            "new receipt key {id}; {retired} no longer verifies anything. Restart every server \
             process of this database now; receipts and leases it signed are refused from then on"
        ));
    }
    let db = open(config).await?;
    let last_end: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(slot_end) FROM bookings \
         WHERE status IN ('confirmed', 'checked_in', 'leased')",
    )
    .fetch_one(db.pool())
    .await
    .map_err(|err| err.to_string())?;
    // Until every process is restarted, the old key still signs: bookings as far ahead as the
    // furthest a procedure may be booked.
    let horizon_days: Option<i64> = sqlx::query_scalar("SELECT MAX(horizon_days) FROM procedures")
        .fetch_one(db.pool())
        .await
        .map_err(|err| err.to_string())?;
    let horizon = u16::try_from(horizon_days.unwrap_or(0).clamp(0, 3660)).unwrap_or(0);
    // The end of the last day open for booking (a release schedule only ever opens less).
    let last_day = calendar::bookable_until(now, horizon, None);
    let still_signing = last_day
        .checked_add(jiff::ToSpan::days(1))
        .ok()
        .and_then(|next| calendar::to_instant(next, 0))
        .unwrap_or(now);
    let last_end = last_end
        .and_then(|end| jiff::Timestamp::from_second(end).ok())
        .unwrap_or(now)
        .max(still_signing);
    // A day beyond: the receipt page and the counters' checks of the last day still work.
    let publish_until = last_end
        .checked_add(jiff::SignedDuration::from_hours(24))
        .unwrap_or(last_end);
    let retired = file.current().id.clone();
    let id = file.rotate(now, publish_until);
    file.replace(&path).map_err(|err| err.to_string())?;
    Ok(format!(
        "new receipt key {id}; {retired} is published until {publish_until}. Restart every \
         server process of this database to sign with the new key."
    ))
}

async fn open(config: &Config) -> Result<Db, String> {
    Db::open(&config.database_location())
        .await
        .map_err(|err| err.to_string())
}

/// The password from SPORTELLO_PASSWORD or standard input, never from the arguments (they
/// show in `ps` and in shell histories).
fn read_password() -> Result<String, String> {
    match std::env::var("SPORTELLO_PASSWORD") {
        Ok(password) => Ok(password),
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|err| format!("cannot read the password: {err}"))?;
            Ok(line.trim_end_matches(['\r', '\n']).to_owned())
        }
    }
}
