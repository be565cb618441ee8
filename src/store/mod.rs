//! Files on disk: the data folder and safe writes.

pub mod atomic;
pub(crate) mod cache_bytes;
pub mod deck_cache;
mod file_key;
pub mod paths;
pub mod progress;
pub mod watch;

pub use atomic::write_atomic;
pub use file_key::FileKey;
pub use paths::DataDir;
pub use watch::FolderWatch;
