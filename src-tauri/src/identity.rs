//! Who this kiosk is to the server: an Ed25519 key made on the device, and the enrolment that
//! bound it to a kiosk id. The key never leaves the machine; the file is readable by its owner
//! only. Losing it means enrolling again with a new code.

use crate::client::{ServerClient, SyncError};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

const KEY_FILE: &str = "device.key";
const ENROLMENT_FILE: &str = "enrolment.json";

/// The environment variable an installer (or `./run.sh`) may pass an enrolment code in.
pub const ENROLMENT_CODE_ENV: &str = "SPORTELLO_ENROLMENT_CODE";

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is damaged")]
    Damaged(PathBuf),
}

/// An enrolled kiosk: its id and the key the server knows.
#[derive(Clone)]
pub struct Identity {
    pub kiosk_id: String,
    pub place: String,
    pub comune_istat: String,
    pub key: SigningKey,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        f.debug_struct("Identity")
            .field("kiosk_id", &self.kiosk_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct EnrolmentFile {
    kiosk_id: String,
    place: String,
    comune_istat: String,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> IdentityError + '_ {
    move |source| IdentityError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The device's key, made on first use.
pub fn device_key(dir: &Path) -> Result<SigningKey, IdentityError> {
    let path = dir.join(KEY_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let bytes: [u8; 32] = bytes
                .try_into()
                .map_err(|_| IdentityError::Damaged(path.clone()))?;
            Ok(SigningKey::from_bytes(&bytes))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(io_error(dir))?;
            let key = new_signing_key();
            write_private(&path, key.as_bytes())?;
            Ok(key)
        }
        Err(err) => Err(io_error(&path)(err)),
    }
}

/// Writes a file only its owner can read, in full or not at all.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), IdentityError> {
    use std::os::unix::fs::OpenOptionsExt;
    let partial = path.with_extension("partial");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&partial)
        .map_err(io_error(&partial))?;
    file.write_all(bytes).map_err(io_error(&partial))?;
    file.sync_all().map_err(io_error(&partial))?;
    std::fs::rename(&partial, path).map_err(io_error(path))
}

/// The kiosk's identity, once enrolled.
pub fn load(dir: &Path) -> Result<Option<Identity>, IdentityError> {
    let path = dir.join(ENROLMENT_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(io_error(&path)(err)),
    };
    let file: EnrolmentFile =
        serde_json::from_str(&text).map_err(|_| IdentityError::Damaged(path.clone()))?;
    Ok(Some(Identity {
        kiosk_id: file.kiosk_id,
        place: file.place,
        comune_istat: file.comune_istat,
        key: device_key(dir)?,
    }))
}

/// A fresh device key from the operating system's randomness.
fn new_signing_key() -> SigningKey {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).expect("the operating system provides randomness");
    SigningKey::from_bytes(&seed)
}

/// Enrols this device with a one-time code and remembers the kiosk it now is. With
/// `new_key` (a kiosk the server refused, taken back into service) it makes a new device key
/// first: the old one is published as revoked, and what it would sign from now on would be
/// refused. The new key replaces the old one only once the server has accepted it.
pub async fn enrol(
    dir: &Path,
    client: &ServerClient,
    code: &str,
    new_key: bool,
) -> Result<Identity, EnrolError> {
    let key = if new_key {
        new_signing_key()
    } else {
        device_key(dir)?
    };
    let public = sportello_core::lease::key_text(&key.verifying_key());
    let enrolment = client.enrol(code, &public).await?;
    if new_key {
        write_private(&dir.join(KEY_FILE), key.as_bytes())?;
    }
    let file = EnrolmentFile {
        kiosk_id: enrolment.kiosk_id,
        place: enrolment.place,
        comune_istat: enrolment.comune_istat,
    };
    write_private(
        &dir.join(ENROLMENT_FILE),
        serde_json::to_string_pretty(&file)
            .expect("serialises")
            .as_bytes(),
    )?;
    Ok(Identity {
        kiosk_id: file.kiosk_id,
        place: file.place,
        comune_istat: file.comune_istat,
        key,
    })
}

#[derive(Debug, thiserror::Error)]
pub enum EnrolError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Server(#[from] SyncError),
}
