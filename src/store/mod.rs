//! Files on disk: the data folder and safe writes.

pub mod atomic;
pub mod paths;
pub mod progress;
pub mod watch;

pub use atomic::write_atomic;
pub use paths::DataDir;
pub use watch::FolderWatch;
