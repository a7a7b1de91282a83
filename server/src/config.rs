//! Command-line flags and environment variables of `sportello-server`.

use clap::{Parser, ValueEnum};
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

    /// Log line format.
    #[arg(long, env = "SPORTELLO_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

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
