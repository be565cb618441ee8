//! Files on disk: the data folder and safe writes.

pub mod atomic;
pub mod paths;

pub use atomic::write_atomic;
pub use paths::DataDir;
