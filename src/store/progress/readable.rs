//! Loading a deck's progress around a damaged file, without changing any file: how a deck is
//! opened read-only when its snapshot or a journal cannot be read.
//!
//! A damaged snapshot counts as no snapshot (every record is merged onto empty progress); a
//! damaged journal or history counts as absent. The damaged files are returned so the user is
//! told which ones were left out.

use super::error::ProgressError;
use super::files::DeckFiles;
use super::load::{Damage, Loaded, load_with};

/// The progress that can be read, and the damaged files left out of it. Other errors (a
/// folder that cannot be listed, a file that cannot be opened) still fail.
pub fn load_readable(files: &DeckFiles) -> Result<(Loaded, Vec<ProgressError>), ProgressError> {
    let mut damage = Damage::LeftOut(Vec::new());
    let loaded = load_with(files, &mut damage)?;
    let Damage::LeftOut(damaged) = damage else {
        unreachable!("load_with keeps the kind of damage handling it is given")
    };
    Ok((loaded, damaged))
}
