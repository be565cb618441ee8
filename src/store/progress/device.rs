//! Which machine is writing: each device appends only to its own journal files, so machines
//! that share a data folder through a sync tool never write the same file.
//!
//! The id is kept *outside* the data folder, in a machine-local registry (`devices.ron` in the
//! platform's local data folder) that maps each data folder's canonical path to its device id:
//! an id stored inside a synced folder would be copied to the other machine, which would then
//! write the same journal. `RECAP_DEVICE_ID` overrides the registry (tests, CI).

use super::error::ProgressError;
use crate::store::write_atomic;
use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Environment variable that fixes the device id, bypassing the registry.
pub const DEVICE_ID_VAR: &str = "RECAP_DEVICE_ID";

/// Letters of generated device ids: lowercase and digits without look-alikes.
const ALPHABET: &[u8] = b"23456789abcdefghijkmnpqrstuvwxyz";
/// 32^8 ≈ 10^12: two machines of one user never draw the same id.
const GENERATED_LEN: usize = 8;
const MAX_LEN: usize = 32;

/// Names one machine's journals: `<deck>.<device>.journal.ron`. No dots, so file names split
/// unambiguously.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DeviceId(String);

impl DeviceId {
    /// Accepts 1 to 32 characters of a-z, A-Z, 0-9, '-' and '_'.
    pub fn new(text: impl Into<String>) -> Result<DeviceId, String> {
        let text = text.into();
        if text.is_empty() || text.len() > MAX_LEN {
            return Err(format!("it must have 1 to {MAX_LEN} characters"));
        }
        match text
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            Some(bad) => Err(format!("{bad:?} is not allowed")),
            None => Ok(DeviceId(text)),
        }
    }

    /// A fresh random id.
    pub fn generate(rng: &mut impl Rng) -> DeviceId {
        let text = (0..GENERATED_LEN)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect();
        DeviceId(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DeviceId {
    type Error = String;
    fn try_from(text: String) -> Result<DeviceId, String> {
        DeviceId::new(text)
    }
}

impl From<DeviceId> for String {
    fn from(id: DeviceId) -> String {
        id.0
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The machine-local file mapping data folders to this machine's device ids.
#[derive(Debug, Clone)]
pub struct DeviceRegistry {
    file: PathBuf,
}

impl DeviceRegistry {
    /// A registry kept in `file` (tests pass a temporary one).
    pub fn at(file: impl Into<PathBuf>) -> DeviceRegistry {
        DeviceRegistry { file: file.into() }
    }

    /// The platform's registry, e.g. ~/.local/share/recap/devices.ron on Linux; None when the
    /// platform has no home folder.
    pub fn platform() -> Option<DeviceRegistry> {
        let dirs = directories::ProjectDirs::from("", "", "recap")?;
        Some(DeviceRegistry::at(
            dirs.data_local_dir().join("devices.ron"),
        ))
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// This machine's device id for `data_folder`: `RECAP_DEVICE_ID` if set, else the one
    /// registered, else a new one drawn from `rng` and registered before it is returned.
    pub fn device_for(
        &self,
        data_folder: &Path,
        rng: &mut impl Rng,
    ) -> Result<DeviceId, ProgressError> {
        if let Ok(id) = std::env::var(DEVICE_ID_VAR) {
            return DeviceId::new(id.clone()).map_err(|reason| ProgressError::BadDeviceId {
                file: PathBuf::from(format!("${DEVICE_ID_VAR}")),
                id,
                reason,
            });
        }
        std::fs::create_dir_all(data_folder)
            .map_err(ProgressError::io(data_folder, "create the data folder"))?;
        let key = data_folder
            .canonicalize()
            .map_err(ProgressError::io(
                data_folder,
                "find the data folder's full path",
            ))?
            .to_string_lossy()
            .into_owned();
        let mut known = self.read()?;
        if let Some(id) = known.get(&key) {
            return Ok(id.clone());
        }
        let id = DeviceId::generate(rng);
        known.insert(key, id.clone());
        let text = ron::ser::to_string_pretty(&known, ron::ser::PrettyConfig::default())
            .expect("a map of strings always has a RON form");
        write_atomic(&self.file, text.as_bytes())
            .map_err(ProgressError::io(&self.file, "write the device registry"))?;
        Ok(id)
    }

    fn read(&self) -> Result<BTreeMap<String, DeviceId>, ProgressError> {
        match std::fs::read_to_string(&self.file) {
            Ok(text) => super::parse::parse_text(&text, &self.file, 1, "device registry"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(ProgressError::io(&self.file, "read the device registry")(e)),
        }
    }
}
