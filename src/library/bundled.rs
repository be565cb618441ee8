//! Decks built into the binary, so the app has something to study on first run from any
//! folder. Each is made by `recap import` from an article in assets/.

/// (file name, RON text) of each bundled deck.
pub const BUNDLED_DECKS: &[(&str, &str)] = &[(
    "kim-putin-letters.ron",
    include_str!("../../decks/kim-putin-letters.ron"),
)];
