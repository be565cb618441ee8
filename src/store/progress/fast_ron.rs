//! Progress files are read with the deck module's fast RON reader (one reader for every file
//! Recap writes); see [`crate::deck::fast_ron`] for what it reads and when it gives up.

pub(crate) use crate::deck::fast_ron::from_str;
