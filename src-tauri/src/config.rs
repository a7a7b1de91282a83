//! The kiosk's configuration file: which server it talks to and who it is.
//!
//! It lives at `kiosk.toml` in the platform's config folder for the app
//! (`~/.config/it.sportello.kiosk/` on Linux). A kiosk that starts without one writes the
//! defaults there, so the deployer has a commented file to edit.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;
use url::{Host, Url};

pub const FILE_NAME: &str = "kiosk.toml";

/// Overrides `server_url` from the file; handy for one-off runs and tests.
pub const SERVER_URL_ENV: &str = "SPORTELLO_SERVER_URL";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskConfig {
    /// Base URL of the central server.
    pub server_url: String,
    /// This kiosk's identifier, unique in the province.
    pub kiosk_id: String,
    /// Where the kiosk stands, as people would say it.
    pub place: String,
    /// ISTAT code of the comune the kiosk stands in.
    pub comune_istat: String,
    /// Seconds between two pulls from the server.
    pub sync_interval_secs: u64,
    /// A public terminal: full screen, no window frame, cannot be closed from the screen.
    /// Off by default, for desks and development.
    #[serde(default)]
    pub kiosk_mode: bool,
    /// Seconds without a touch before the screen asks whether the person is still there.
    #[serde(default = "default_idle_secs")]
    pub idle_secs: u32,
    /// Seconds that question stays before everything typed is wiped.
    #[serde(default = "default_idle_warning_secs")]
    pub idle_warning_secs: u32,
    /// The receipt printer (see [`crate::printing::Printer`] for how it is written); none
    /// when absent (receipts stay on screen to be photographed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printer: Option<String>,
    /// The paper a CUPS printer has: "a4" or "roll80".
    #[serde(default = "default_paper")]
    pub paper: crate::printing::Paper,
    /// The central server's address as phones reach it, for the receipt's QR code; the
    /// server URL when absent (a kiosk may reach the server by an internal address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// Where the kiosk stands (e.g. its town hall's door), for the services map's "near you";
    /// the comune's centre when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<sportello_core::model::GeoPoint>,
    /// A street-level map of the province, a PMTiles archive of vector tiles, drawn under the
    /// services map instead of the comune outlines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_map: Option<PathBuf>,
}

fn default_paper() -> crate::printing::Paper {
    crate::printing::Paper::A4
}

fn default_idle_secs() -> u32 {
    90
}

fn default_idle_warning_secs() -> u32 {
    20
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            server_url: "http://127.0.0.1:8787".to_owned(),
            kiosk_id: "demo-kiosk".to_owned(),
            place: "Comune di Asti – demo".to_owned(),
            comune_istat: "005005".to_owned(),
            sync_interval_secs: 60,
            kiosk_mode: false,
            idle_secs: default_idle_secs(),
            idle_warning_secs: default_idle_warning_secs(),
            printer: None,
            paper: default_paper(),
            public_url: None,
            location: None,
            street_map: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the default configuration to {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {source}")]
    Parse {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },
}

const HEADER: &str = "\
# Sportello kiosk configuration.
# server_url: the central server; kiosk_id: unique in the province; place: where the kiosk stands;
# comune_istat: ISTAT code of its comune; sync_interval_secs: seconds between pulls (5 to 3600);
# kiosk_mode: full screen without a frame, for public terminals.
# idle_secs, idle_warning_secs: after idle_secs without a touch (2 to 3600) the screen asks
# whether the person is still there; idle_warning_secs later (2 to 120) it wipes what was typed.
# printer: where receipts print: \"escpos://192.168.1.50:9100\" (a thermal printer on the
# network), \"escpos:/dev/usb/lp0\" (on a USB or serial port), \"cups:Queue\" or
# \"cups://host:631/Queue\" (a CUPS queue, as a PDF); paper: a CUPS printer's paper, \"a4\" or
# \"roll80\". public_url: the server's address for phones (the receipt's QR code), if it differs.
# location = { lat = 44.89930, lon = 8.20650 }: where the kiosk stands, for the services map's
# distances (the comune's centre when absent). street_map: a .pmtiles archive of vector tiles
# (e.g. an OpenStreetMap extract) drawn under the services map instead of the comune outlines.
# server_url must be https:// unless the server is on this machine.
";

/// HTTPS, or HTTP to this very machine.
fn secure_or_local(url: &Url) -> bool {
    let loopback = match url.host() {
        Some(Host::Domain(name)) => name == "localhost",
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    url.scheme() == "https" || (url.scheme() == "http" && loopback)
}

impl KioskConfig {
    /// Reads the file at `path`, writing the defaults there first if it does not exist.
    /// `SPORTELLO_SERVER_URL`, when set, overrides the server URL.
    pub fn load_or_create(path: &Path) -> Result<KioskConfig, ConfigError> {
        let mut config = match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|source| ConfigError::Parse {
                path: path.to_owned(),
                source,
            })?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                let config = KioskConfig::default();
                config.write(path)?;
                config
            }
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        if let Ok(url) = std::env::var(SERVER_URL_ENV) {
            config.server_url = url;
        }
        config.validate()?;
        Ok(config)
    }

    fn write(&self, path: &Path) -> Result<(), ConfigError> {
        let write_error = |source| ConfigError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error)?;
        }
        let body = toml::to_string(self).expect("the configuration always serialises");
        std::fs::write(path, format!("{HEADER}{body}")).map_err(write_error)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let url = Url::parse(&self.server_url).map_err(|err| ConfigError::Invalid {
            field: "server_url",
            reason: err.to_string(),
        })?;
        // Plain HTTP would let anyone on the path change what kiosks show (an office's
        // address, a procedure's documents): only for a server on this very machine.
        if !secure_or_local(&url) {
            return Err(ConfigError::Invalid {
                field: "server_url",
                reason: "must start with https:// (http:// only for this machine)".to_owned(),
            });
        }
        if self.comune_istat.len() != 6 || !self.comune_istat.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ConfigError::Invalid {
                field: "comune_istat",
                reason: "must be the comune's six-digit ISTAT code".to_owned(),
            });
        }
        if let Some(printer) = &self.printer
            && let Err(err) = printer.parse::<crate::printing::Printer>()
        {
            return Err(ConfigError::Invalid {
                field: "printer",
                reason: err.to_string(),
            });
        }
        // The receipt's address carries its token: over plain HTTP anyone on the way could
        // read it and cancel the appointment. A query or fragment would swallow the path.
        if let Some(public) = &self.public_url
            && !Url::parse(public).is_ok_and(|url| {
                secure_or_local(&url) && url.query().is_none() && url.fragment().is_none()
            })
        {
            return Err(ConfigError::Invalid {
                field: "public_url",
                reason: "an https:// address without ? or # (http:// only for this machine)"
                    .to_owned(),
            });
        }
        if let Some(point) = self.location
            && !point.in_italy()
        {
            return Err(ConfigError::Invalid {
                field: "location",
                reason: "latitude and longitude in degrees, in Italy".to_owned(),
            });
        }
        if !(2..=3600).contains(&self.idle_secs) {
            return Err(ConfigError::Invalid {
                field: "idle_secs",
                reason: "2 to 3600".to_owned(),
            });
        }
        if !(2..=120).contains(&self.idle_warning_secs) {
            return Err(ConfigError::Invalid {
                field: "idle_warning_secs",
                reason: "2 to 120".to_owned(),
            });
        }
        if !(5..=3600).contains(&self.sync_interval_secs) {
            return Err(ConfigError::Invalid {
                field: "sync_interval_secs",
                reason: "must be 5 to 3600".to_owned(),
            });
        }
        if self.kiosk_id.trim().is_empty() {
            return Err(ConfigError::Invalid {
                field: "kiosk_id",
                reason: "must not be empty".to_owned(),
            });
        }
        Ok(())
    }

    /// The receipt printer, if one is configured.
    pub fn receipt_printer(&self) -> Option<crate::printing::Printer> {
        self.printer.as_deref().and_then(|text| text.parse().ok())
    }

    /// Where phones find receipts: the public URL's, else the server's, `/r/`.
    pub fn receipt_url(&self) -> String {
        let base = self.public_url.as_deref().unwrap_or(&self.server_url);
        sportello_core::receipt::page_url(base, "")
    }

    /// Where phones find a place of the services map: the public URL's, else the server's, `/p/`.
    pub fn place_url(&self) -> String {
        let base = self.public_url.as_deref().unwrap_or(&self.server_url);
        format!("{}/p/", base.trim_end_matches('/'))
    }

    pub fn sync_interval(&self) -> Duration {
        Duration::from_secs(self.sync_interval_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_created_with_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join(FILE_NAME);
        let config = KioskConfig::load_or_create(&path).unwrap();
        assert_eq!(config.kiosk_id, "demo-kiosk");
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with("# Sportello kiosk configuration."));
        // What was written reads back the same.
        assert_eq!(KioskConfig::load_or_create(&path).unwrap(), config);
    }

    #[test]
    fn an_edited_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "server_url = \"https://sportello.example\"\nkiosk_id = \"nizza-1\"\n\
             place = \"Nizza Monferrato, municipio\"\ncomune_istat = \"005080\"\n\
             sync_interval_secs = 120\n",
        )
        .unwrap();
        let config = KioskConfig::load_or_create(&path).unwrap();
        assert_eq!(config.kiosk_id, "nizza-1");
        assert_eq!(config.sync_interval(), Duration::from_secs(120));
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "server_url = 3").unwrap();
        let err = KioskConfig::load_or_create(&path).unwrap_err();
        assert!(matches!(err, ConfigError::Parse { .. }), "{err}");

        let bad_interval = KioskConfig {
            sync_interval_secs: 0,
            ..KioskConfig::default()
        };
        bad_interval.write(&path).unwrap();
        let err = KioskConfig::load_or_create(&path).unwrap_err();
        assert!(err.to_string().contains("sync_interval_secs"), "{err}");

        for bad_url in [
            "ftp://server",
            "http://sportello.example",
            "http://10.0.0.5:8787",
        ] {
            let config = KioskConfig {
                server_url: bad_url.into(),
                ..KioskConfig::default()
            };
            config.write(&path).unwrap();
            let err = KioskConfig::load_or_create(&path).unwrap_err();
            assert!(err.to_string().contains("https"), "{bad_url}: {err}");
        }
        for good_url in [
            "https://sportello.example/base/",
            "http://localhost:8787",
            "http://[::1]:1",
        ] {
            let config = KioskConfig {
                server_url: good_url.into(),
                ..KioskConfig::default()
            };
            config.write(&path).unwrap();
            assert!(KioskConfig::load_or_create(&path).is_ok(), "{good_url}");
        }
        let bad_comune = KioskConfig {
            comune_istat: "Asti".into(),
            ..KioskConfig::default()
        };
        bad_comune.write(&path).unwrap();
        assert!(KioskConfig::load_or_create(&path).is_err());
    }
}
