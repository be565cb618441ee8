//! Files on disk: the data folder and safe writes.

pub mod atomic;
pub mod paths;
pub mod progress;

pub use atomic::write_atomic;
pub use paths::DataDir;
