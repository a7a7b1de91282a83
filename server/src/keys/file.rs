//! The server's secrets at rest: a key file of their own (mode 0600), apart from the database,
//! so that a copy of the database (a backup, a dump sent for support) signs no receipt and
//! turns no identity into its person key. Or the same content in `SPORTELLO_KEYS`, for hosts
//! that hand secrets over in the environment.
//!
//! The file holds the identity HMAC key (never rotated: every stored person key depends on
//! it) and the receipt signing keys: the current one, and retired ones that `GET /keys` still
//! publishes until the last appointment they signed is over.

use super::random_bytes;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The environment variable that may carry the key file's content instead of a file.
pub const KEYS_ENV: &str = "SPORTELLO_KEYS";

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("cannot read the key file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the key file {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the key file {0} can be read by other users: make it its owner's only \
         (chmod 600), and replace the keys if others may have read it"
    )]
    Exposed(PathBuf),
    #[error("the key file {origin} is not valid: {detail}")]
    Invalid { origin: String, detail: String },
}

/// A secret of 32 bytes, written base64url in the file. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub [u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    pub fn random() -> Secret {
        Secret(random_bytes::<32>())
    }

    pub fn from_text(text: &str) -> Option<Secret> {
        URL_SAFE_NO_PAD
            .decode(text.trim())
            .ok()
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .map(Secret)
    }
}

impl Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&URL_SAFE_NO_PAD.encode(self.0))
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Secret::from_text(&text)
            .ok_or_else(|| serde::de::Error::custom("a secret is 32 bytes in base64url"))
    }
}

/// One receipt signing key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptKeyEntry {
    /// The `kid` receipts name it by.
    pub id: String,
    pub secret: Secret,
    pub created: Timestamp,
    /// When it stopped signing; `None` for the current key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Timestamp>,
    /// Until when `GET /keys` still publishes it: the end of the last appointment it signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_until: Option<Timestamp>,
}

/// The key file's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    pub identity: Secret,
    /// Oldest first; exactly one is not retired.
    pub receipt: Vec<ReceiptKeyEntry>,
}

const HEADER: &str = "\
# Sportello server keys: the identity key (person keys depend on it; never change it) and the
# receipt signing keys (rotate with `sportello-server keys rotate`). Keep this file readable
# by the server's account only, back it up with the database, and give every server process
# of one database the same file.
";

impl KeyFile {
    /// Fresh keys for a new database.
    pub fn generate(now: Timestamp) -> KeyFile {
        KeyFile {
            identity: Secret::random(),
            receipt: vec![ReceiptKeyEntry {
                id: "receipt-1".to_owned(),
                secret: Secret::random(),
                created: now,
                retired: None,
                publish_until: None,
            }],
        }
    }

    pub fn parse(text: &str, origin: &str) -> Result<KeyFile, KeyFileError> {
        let invalid = |detail: String| KeyFileError::Invalid {
            origin: origin.to_owned(),
            detail,
        };
        let file: KeyFile = toml::from_str(text).map_err(|err| invalid(err.to_string()))?;
        let current = file
            .receipt
            .iter()
            .filter(|key| key.retired.is_none())
            .count();
        if current != 1 {
            return Err(invalid(format!(
                "exactly one receipt key must be current (not retired), found {current}"
            )));
        }
        let mut ids: Vec<&str> = file.receipt.iter().map(|key| key.id.as_str()).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|pair| pair[0] == pair[1]) {
            return Err(invalid("two receipt keys have the same id".to_owned()));
        }
        if file
            .receipt
            .iter()
            .any(|key| key.id.is_empty() || key.id.starts_with("kiosk:") || key.id.len() > 32)
        {
            return Err(invalid(
                "a receipt key id is 1 to 32 characters and does not start with kiosk:".to_owned(),
            ));
        }
        Ok(file)
    }

    pub fn to_text(&self) -> String {
        format!(
            "{HEADER}\n{}",
            toml::to_string(self).expect("key files serialise")
        )
    }

    /// The key that signs now.
    pub fn current(&self) -> &ReceiptKeyEntry {
        self.receipt
            .iter()
            .find(|key| key.retired.is_none())
            .expect("checked on parse: one current key")
    }

    /// Retires the current key (published until `publish_until`) and makes a new one
    /// current. The new key's id.
    pub fn rotate(&mut self, now: Timestamp, publish_until: Timestamp) -> String {
        let next = self
            .receipt
            .iter()
            .filter_map(|key| key.id.strip_prefix("receipt-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        for key in &mut self.receipt {
            if key.retired.is_none() {
                key.retired = Some(now);
                key.publish_until = Some(publish_until);
            }
        }
        let id = format!("receipt-{next}");
        self.receipt.push(ReceiptKeyEntry {
            id: id.clone(),
            secret: Secret::random(),
            created: now,
            retired: None,
            publish_until: None,
        });
        id
    }

    /// Reads the file, refusing one that others can read.
    pub fn read(path: &Path) -> Result<Option<KeyFile>, KeyFileError> {
        let read_error = |source| KeyFileError::Read {
            path: path.to_owned(),
            source,
        };
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(read_error(err)),
        };
        if metadata.permissions().mode() & 0o077 != 0 {
            return Err(KeyFileError::Exposed(path.to_owned()));
        }
        let text = std::fs::read_to_string(path).map_err(read_error)?;
        KeyFile::parse(&text, &path.display().to_string()).map(Some)
    }

    /// Writes a new file for its owner only; `false` if one appeared meanwhile (another
    /// process on this machine made it first: read that one).
    pub fn create(&self, path: &Path) -> Result<bool, KeyFileError> {
        let write_error = |source| KeyFileError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_private_dir(parent).map_err(write_error)?;
        }
        let mut file = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
            Err(err) => return Err(write_error(err)),
        };
        file.write_all(self.to_text().as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(write_error)?;
        Ok(true)
    }

    /// Replaces the file whole: written beside it, then renamed over it, so a crash leaves
    /// the old file or the new one, never half of either.
    pub fn replace(&self, path: &Path) -> Result<(), KeyFileError> {
        let write_error = |source| KeyFileError::Write {
            path: path.to_owned(),
            source,
        };
        let mut staging = path.as_os_str().to_owned();
        staging.push(".new");
        let staging = PathBuf::from(staging);
        let _ = std::fs::remove_file(&staging);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&staging)
            .map_err(write_error)?;
        file.write_all(self.to_text().as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(write_error)?;
        std::fs::rename(&staging, path).map_err(write_error)
    }
}

/// Creates a folder (and its parents) for the server's account only; folders that exist are
/// left as they are (an operator may have chosen their permissions).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2030-01-07T08:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_key_file_round_trips_and_rotates() {
        let mut file = KeyFile::generate(now());
        let parsed = KeyFile::parse(&file.to_text(), "test").unwrap();
        assert_eq!(parsed, file);
        assert_eq!(file.current().id, "receipt-1");
        let until: Timestamp = "2030-03-01T00:00:00Z".parse().unwrap();
        assert_eq!(file.rotate(now(), until), "receipt-2");
        assert_eq!(file.current().id, "receipt-2");
        assert_eq!(file.receipt[0].publish_until, Some(until));
        let parsed = KeyFile::parse(&file.to_text(), "test").unwrap();
        assert_eq!(parsed, file);
        assert!(!format!("{file:?}").contains(&URL_SAFE_NO_PAD.encode(file.identity.0)));
    }

    #[test]
    fn a_wrong_key_file_is_explained() {
        let two_current = KeyFile {
            receipt: vec![
                KeyFile::generate(now()).receipt[0].clone(),
                KeyFile::generate(now()).receipt[0].clone(),
            ],
            ..KeyFile::generate(now())
        };
        let err = KeyFile::parse(&two_current.to_text(), "f").unwrap_err();
        assert!(err.to_string().contains("exactly one"), "{err}");
        let err = KeyFile::parse("identity = \"short\"\nreceipt = []", "f").unwrap_err();
        assert!(err.to_string().contains("32 bytes"), "{err}");
        assert!(KeyFile::parse("nonsense", "f").is_err());
    }

    #[test]
    fn files_are_for_their_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/server.keys");
        let file = KeyFile::generate(now());
        assert!(file.create(&path).unwrap());
        assert!(!KeyFile::generate(now()).create(&path).unwrap(), "kept");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(
            std::fs::metadata(path.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
        assert_eq!(KeyFile::read(&path).unwrap(), Some(file));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            KeyFile::read(&path),
            Err(KeyFileError::Exposed(_))
        ));
    }
}
