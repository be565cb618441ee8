//! Study progress in RON files, durable across crashes and shareable between machines.
//!
//! Per deck, in the data folder's `progress/` folder:
//! - a snapshot `<deck>.ron` ([`Snapshot`]): settings and every card's state, and per device
//!   the last journal record it includes;
//! - per device, a journal `<deck>.<device>.journal.ron`: one [`Record`] a line, appended and
//!   fsynced before the next card is shown;
//! - per device, a history `<deck>.<device>.history.ron`: the journal's records once a
//!   snapshot covers them — the review log for statistics and the optimizer.
//!
//! Loading is the snapshot plus every device's journal records it does not include, in time
//! order. Files are only ever replaced atomically or appended to; a damaged one is reported
//! with FILE:LINE:COLUMN and never overwritten or deleted (see [`set_aside`]).

mod appender;
mod conflict_names;
mod device;
mod error;
mod fast_ron;
mod files;
mod fixed_layout;
mod history;
mod load;
mod log_file;
mod merge;
mod order_cache;
mod parse;
mod readable;
mod record;
mod snapshot;
mod snapshot_cache;
mod snapshot_write;
mod store;

pub use conflict_names::{SyncTool, conflict_original};
pub use device::{DEVICE_ID_VAR, DeviceId, DeviceRegistry};
pub use error::{ProgressError, Warning};
pub use files::{DeckFiles, LogKind, LogSource, set_aside};
pub use history::{Entry, answers_in_effect, read_history, read_recent};
pub use load::{Loaded, load};
pub use log_file::{LogFile, read_log};
pub use merge::MergeReport;
pub use order_cache::{Basis, load_in_order, states_in_order};
pub use readable::load_readable;
pub use record::{Record, Seq};
pub use snapshot::{SNAPSHOT_FORMAT, Snapshot};
pub use store::ProgressStore;
