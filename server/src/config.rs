//! Command-line flags and environment variables of `sportello-server`.

use clap::{Parser, Subcommand, ValueEnum};
use sportello_core::account::Role;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Sportello central server: agendas, content and accounts for a province's kiosks and phones.
#[derive(Debug, Clone, Parser)]
#[command(name = "sportello-server", version)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "SPORTELLO_LISTEN", default_value = "127.0.0.1:8787")]
    pub listen: SocketAddr,

    /// SQLite file path (created if missing) or `postgres://…` URL.
    /// Default: `sportello/server.sqlite3` in the platform's data directory.
    #[arg(long, env = "SPORTELLO_DATABASE")]
    pub database: Option<String>,

    /// Reference data to load into a database that has none yet.
    #[arg(long, env = "SPORTELLO_SEED", value_enum, default_value_t = Seed::Demo)]
    pub seed: Seed,

    /// Minutes a picked slot stays held while the person completes the booking (1 to 60).
    #[arg(long, env = "SPORTELLO_HOLD_MINUTES", default_value_t = DEFAULT_HOLD_MINUTES,
          value_parser = clap::value_parser!(u16).range(1..=60))]
    pub hold_minutes: u16,

    /// Days after the appointment when the person's details are deleted (1 to 365).
    #[arg(long, env = "SPORTELLO_RETENTION_DAYS", default_value_t = DEFAULT_RETENTION_DAYS,
          value_parser = clap::value_parser!(u16).range(1..=365))]
    pub retention_days: u16,

    /// For people without an account, per address: at most this many holds a minute, and this
    /// many live at once (0: no limit). Kiosks and operators are not limited.
    #[arg(long, env = "SPORTELLO_HOLDS_PER_ADDRESS", default_value_t = DEFAULT_HOLDS_PER_ADDRESS)]
    pub holds_per_address: u32,

    /// Log line format.
    #[arg(long, env = "SPORTELLO_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Without a command, the server runs.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Manage accounts on the database given by --database.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage kiosks on the database given by --database.
    #[command(subcommand)]
    Kiosk(KioskCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum KioskCommand {
    /// Prints a new one-time enrolment code for a registered kiosk (any earlier unused code
    /// stops working).
    EnrolmentCode {
        /// The kiosk's id, as registered.
        kiosk_id: String,
    },
}

#[derive(Debug, Clone, Subcommand)]
pub enum UserCommand {
    /// Creates an account. The password comes from SPORTELLO_PASSWORD, or standard input.
    Add {
        #[arg(long)]
        username: String,
        /// admin, staff or operator.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The office of a staff member.
        #[arg(long)]
        office_id: Option<String>,
        /// The organisation of an operator.
        #[arg(long)]
        organization_id: Option<String>,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| "one of: admin, staff, operator".to_owned())
}

const DEFAULT_HOLD_MINUTES: u16 = 10;
const DEFAULT_RETENTION_DAYS: u16 = 30;
const DEFAULT_HOLDS_PER_ADDRESS: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// The demo province of Asti: its immigration offices, their procedures and its 117 comuni.
    Demo,
    /// Nothing: an administrator loads the data.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    /// The defaults, with this address and database: for tests and for embedding the server.
    pub fn new(listen: SocketAddr, database: impl Into<String>) -> Config {
        Config {
            listen,
            database: Some(database.into()),
            seed: Seed::Demo,
            hold_minutes: DEFAULT_HOLD_MINUTES,
            retention_days: DEFAULT_RETENTION_DAYS,
            holds_per_address: DEFAULT_HOLDS_PER_ADDRESS,
            log_format: LogFormat::Text,
            command: None,
        }
    }

    pub fn booking_settings(&self) -> crate::booking::Settings {
        crate::booking::Settings {
            hold: jiff::SignedDuration::from_mins(i64::from(self.hold_minutes)),
            retention: jiff::SignedDuration::from_hours(24 * i64::from(self.retention_days)),
            ..crate::booking::Settings::default()
        }
    }

    /// The database to open: the flag, or the default SQLite file.
    pub fn database_location(&self) -> String {
        match &self.database {
            Some(location) => location.clone(),
            None => default_database_path().to_string_lossy().into_owned(),
        }
    }
}

fn default_database_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("sportello")
        .join("server.sqlite3")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_configuration() {
        let config = Config::try_parse_from(["sportello-server"]).unwrap();
        assert_eq!(config.listen, "127.0.0.1:8787".parse().unwrap());
        assert_eq!(config.seed, Seed::Demo);
        assert!(config.database_location().ends_with("server.sqlite3"));
    }

    #[test]
    fn flags_override_defaults() {
        let config = Config::try_parse_from([
            "sportello-server",
            "--listen",
            "0.0.0.0:9000",
            "--database",
            "postgres://localhost/sportello",
            "--seed",
            "none",
        ])
        .unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.database_location(), "postgres://localhost/sportello");
        assert_eq!(config.seed, Seed::None);
    }

    #[test]
    fn a_bad_listen_address_is_refused() {
        assert!(Config::try_parse_from(["sportello-server", "--listen", "nowhere"]).is_err());
    }
}
