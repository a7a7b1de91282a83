//! Command-line flags and environment variables of `sportello-server`.

use crate::api::ProxyHeader;
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

    /// Reference data to load into a database that has none yet. `demo` loads public demo
    /// accounts (their passwords are in the source): for trying Sportello, never for a
    /// province.
    #[arg(long, env = "SPORTELLO_SEED", value_enum, default_value_t = Seed::None)]
    pub seed: Seed,

    /// This server is a public demonstration: let it listen beyond this machine although its
    /// database holds demo accounts, whose passwords anyone can read.
    #[arg(long, env = "SPORTELLO_DEMO")]
    pub demo: bool,

    /// The file of the server's secrets (receipt signing keys, identity key), for its owner
    /// only. Default: beside the SQLite file (`server.keys`), or `sportello/server.keys` in the
    /// platform's data directory. Its content may come in SPORTELLO_KEYS instead.
    #[arg(long, env = "SPORTELLO_KEY_FILE")]
    pub key_file: Option<PathBuf>,

    /// A reverse proxy in front of the server (an address or CIDR block, repeatable): only from
    /// these peers is the client named by `--proxy-header` believed.
    #[arg(
        long = "trusted-proxy",
        env = "SPORTELLO_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "CIDR",
        value_parser = address_or_network
    )]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// The one header in which the trusted proxies name the client; the other is ignored,
    /// since a proxy passes on what a client wrote in a header it does not set itself.
    #[arg(long, env = "SPORTELLO_PROXY_HEADER", value_enum, default_value_t = ProxyHeader::XForwardedFor)]
    pub proxy_header: ProxyHeader,

    /// Minutes a picked slot stays held while the person completes the booking (1 to 60).
    #[arg(long, env = "SPORTELLO_HOLD_MINUTES", default_value_t = DEFAULT_HOLD_MINUTES,
          value_parser = clap::value_parser!(u16).range(1..=60))]
    pub hold_minutes: u16,

    /// Days after the appointment when the person's details are deleted (1 to 365).
    #[arg(long, env = "SPORTELLO_RETENTION_DAYS", default_value_t = DEFAULT_RETENTION_DAYS,
          value_parser = clap::value_parser!(u16).range(1..=365))]
    pub retention_days: u16,

    /// For people without an account, per address: at most this many holds a minute, and this
    /// many live at once (0: no limit).
    #[arg(long, env = "SPORTELLO_HOLDS_PER_ADDRESS", default_value_t = DEFAULT_HOLDS_PER_ADDRESS)]
    pub holds_per_address: u32,

    /// Live holds at once per account and per kiosk (1 to 1000): an operator or a kiosk books
    /// for one person at a time, and a stolen session must not hold a whole release.
    #[arg(long, env = "SPORTELLO_HOLDS_PER_ACCOUNT", default_value_t = DEFAULT_HOLDS_PER_ACCOUNT,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub holds_per_account: u32,

    /// An HTTP SMS gateway: each message telling a person that the office moved or cancelled
    /// their appointment is POSTed there as JSON (`{"to", "text", "reference"}`; any 2xx is
    /// sent). Without one, the office console lists whom to call.
    #[arg(long, env = "SPORTELLO_SMS_GATEWAY", value_parser = parse_gateway)]
    pub sms_gateway: Option<reqwest::Url>,

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
    /// Manage the server's keys (the file given by --key-file).
    #[command(subcommand)]
    Keys(KeysCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum KeysCommand {
    /// Makes a new receipt signing key. New receipts are signed with it; GET /keys keeps
    /// publishing the old one until the last appointment it signed is over. Restart every
    /// server process of the database afterwards.
    Rotate {
        /// The old key may be in others' hands: it stops verifying at once. Receipts and
        /// leases it signed are refused from then on; the bookings themselves stand, and the
        /// office finds them by code.
        #[arg(long)]
        compromised: bool,
    },
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
        /// The password is a temporary one to hand over: its owner must change it at first
        /// login.
        #[arg(long)]
        temporary: bool,
    },
    /// Sets an account's password and ends its sessions. The password comes from
    /// SPORTELLO_PASSWORD, or standard input.
    Passwd {
        #[arg(long)]
        username: String,
        /// A temporary password: its owner must change it at first login.
        #[arg(long)]
        temporary: bool,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| "one of: admin, staff, operator".to_owned())
}

const DEFAULT_HOLD_MINUTES: u16 = 10;
const DEFAULT_RETENTION_DAYS: u16 = 30;
const DEFAULT_HOLDS_PER_ADDRESS: u32 = 10;
const DEFAULT_HOLDS_PER_ACCOUNT: u32 = 20;

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
    /// The defaults, with this address and database: for embedding the server. Like a server
    /// started with no flags, it loads nothing (an empty province).
    pub fn new(listen: SocketAddr, database: impl Into<String>) -> Config {
        Config {
            listen,
            database: Some(database.into()),
            seed: Seed::None,
            demo: false,
            key_file: None,
            trusted_proxies: Vec::new(),
            proxy_header: ProxyHeader::XForwardedFor,
            hold_minutes: DEFAULT_HOLD_MINUTES,
            retention_days: DEFAULT_RETENTION_DAYS,
            holds_per_address: DEFAULT_HOLDS_PER_ADDRESS,
            holds_per_account: DEFAULT_HOLDS_PER_ACCOUNT,
            sms_gateway: None,
            log_format: LogFormat::Text,
            command: None,
        }
    }

    /// [`Config::new`] with the demo province of Asti loaded, as a demonstration (its public
    /// accounts may be served through a proxy): for tests and benchmarks.
    pub fn demo(listen: SocketAddr, database: impl Into<String>) -> Config {
        Config {
            seed: Seed::Demo,
            demo: true,
            ..Config::new(listen, database)
        }
    }

    pub fn booking_settings(&self) -> crate::booking::Settings {
        crate::booking::Settings {
            hold: jiff::SignedDuration::from_mins(i64::from(self.hold_minutes)),
            retention: jiff::SignedDuration::from_hours(24 * i64::from(self.retention_days)),
            holds_per_account: self.holds_per_account,
            sms_gateway: self.sms_gateway.is_some(),
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

    /// The key file: the flag, else `server.keys` beside the SQLite file, else in the
    /// platform's data directory.
    pub fn key_file_location(&self) -> PathBuf {
        if let Some(path) = &self.key_file {
            return path.clone();
        }
        let database = self.database_location();
        if crate::db::is_postgres(&database) {
            return data_dir().join("server.keys");
        }
        std::path::Path::new(crate::db::sqlite_path(&database)).with_file_name("server.keys")
    }
}

fn data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("sportello")
}

fn default_database_path() -> PathBuf {
    data_dir().join("server.sqlite3")
}

/// A network written as a CIDR block, or one address (a block of one).
fn address_or_network(text: &str) -> Result<ipnet::IpNet, String> {
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is neither an address nor a CIDR block like 10.0.0.0/8"))
}

/// An SMS gateway's address: http or https, nothing else.
fn parse_gateway(text: &str) -> Result<reqwest::Url, String> {
    let url = reqwest::Url::parse(text).map_err(|err| format!("{text:?}: {err}"))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!("{text:?}: an http or https address, not {other}:")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_configuration() {
        let config = Config::try_parse_from(["sportello-server"]).unwrap();
        assert_eq!(config.listen, "127.0.0.1:8787".parse().unwrap());
        assert_eq!(config.seed, Seed::None, "no demo accounts unless asked for");
        assert!(!config.demo);
        assert!(config.database_location().ends_with("server.sqlite3"));
        assert!(
            config
                .key_file_location()
                .ends_with("sportello/server.keys")
        );
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
    fn the_key_file_lies_beside_the_sqlite_file_unless_named() {
        let config = Config::try_parse_from([
            "sportello-server",
            "--database",
            "/var/lib/sportello/db.sqlite3",
            "--trusted-proxy",
            "10.0.0.0/8",
            "--trusted-proxy",
            "192.0.2.1",
        ])
        .unwrap();
        assert_eq!(
            config.key_file_location(),
            PathBuf::from("/var/lib/sportello/server.keys")
        );
        assert_eq!(config.trusted_proxies.len(), 2);
        assert_eq!(
            config.trusted_proxies[1],
            "192.0.2.1/32".parse::<ipnet::IpNet>().unwrap()
        );
        let config = Config::try_parse_from([
            "sportello-server",
            "--database",
            "postgres://h/db",
            "--key-file",
            "/etc/sportello/keys",
        ])
        .unwrap();
        assert_eq!(
            config.key_file_location(),
            PathBuf::from("/etc/sportello/keys")
        );
        assert!(Config::try_parse_from(["sportello-server", "--trusted-proxy", "proxy"]).is_err());
    }

    #[test]
    fn a_bad_listen_address_is_refused() {
        assert!(Config::try_parse_from(["sportello-server", "--listen", "nowhere"]).is_err());
    }
}
