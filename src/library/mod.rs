//! The library: the decks bundled with the app plus every `*.ron` deck in the data folder.
//!
//! Loading only reads: nothing in the data folder is rewritten by it. A bad file becomes an
//! entry carrying its problems while every other deck loads.

mod bundled;
mod conflicts;
mod persist_ids;
mod tag_card;

pub use bundled::BUNDLED_DECKS;
pub use conflicts::{DeckConflict, Resolution, merged};
pub use tag_card::{LEECH_TAG, TagWritten, tag_card_in_file};

use crate::deck::{AssignedIds, DeckError, Location, ParsedDeck, Problem, parse_deck};
use crate::model::{Deck, DeckId, Source, StudyCards};
use crate::store::deck_cache::{self, CachedStudyCards, MappedDeck};
use crate::store::{DataDir, FileKey};
use rand::Rng;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Where a deck in the library comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckOrigin {
    /// Built into the binary; `name` is its file name in the source tree's decks/.
    Bundled { name: &'static str },
    /// A file in the data folder's decks/.
    File(PathBuf),
}

/// A deck that loaded.
///
/// A deck read from its cache is not built card by card until something asks for all its
/// cards ([`LibraryDeck::deck`]): the library's list and a study session read the few cards
/// they show from the cache (see [`LibraryDeck::study_cards`]).
#[derive(Debug, Clone)]
pub struct LibraryDeck {
    /// The deck with every card; made from `cached` the first time it is asked for, once for
    /// every clone of this entry. Shared with study sessions: a big deck is not copied to be
    /// studied.
    full: Arc<OnceLock<Arc<Deck>>>,
    /// The deck's cache, when it was read from one.
    cached: Option<Arc<MappedDeck>>,
    /// Ids made up while reading, to be written into the file before progress uses them.
    pub assigned: AssignedIds,
    pub origin: DeckOrigin,
}

/// Two entries are equal when their decks, made-up ids and origins are (however read).
impl PartialEq for LibraryDeck {
    fn eq(&self, other: &LibraryDeck) -> bool {
        self.deck() == other.deck()
            && self.assigned == other.assigned
            && self.origin == other.origin
    }
}

impl LibraryDeck {
    pub fn new(parsed: ParsedDeck, origin: DeckOrigin) -> LibraryDeck {
        LibraryDeck {
            full: Arc::new(OnceLock::from(Arc::new(parsed.deck))),
            cached: None,
            assigned: parsed.assigned,
            origin,
        }
    }

    /// A deck read from its cache (it has no made-up ids: only such decks are cached).
    pub fn from_cache(cached: MappedDeck, origin: DeckOrigin) -> LibraryDeck {
        LibraryDeck {
            full: Arc::default(),
            cached: Some(Arc::new(cached)),
            assigned: AssignedIds::default(),
            origin,
        }
    }

    /// The deck with all its cards (built from the cache the first time).
    pub fn deck(&self) -> &Deck {
        self.full.get_or_init(|| match &self.cached {
            Some(cached) => Arc::new(cached.to_deck()),
            None => unreachable!("a library deck is read whole or from its cache"),
        })
    }

    /// The deck itself, shared (no copy).
    pub fn shared_deck(&self) -> Arc<Deck> {
        self.deck();
        Arc::clone(self.full.get().expect("made just above"))
    }

    /// The deck's own fields (its `cards` may be empty: ask [`LibraryDeck::card_count`]).
    fn head(&self) -> &Deck {
        match (self.full.get(), &self.cached) {
            (Some(deck), _) => deck,
            (None, Some(cached)) => cached.head(),
            (None, None) => unreachable!("a library deck is read whole or from its cache"),
        }
    }

    pub fn id(&self) -> &DeckId {
        &self.head().id
    }

    pub fn title(&self) -> &str {
        &self.head().title
    }

    pub fn description(&self) -> &str {
        &self.head().description
    }

    pub fn source(&self) -> Option<&Source> {
        self.head().source.as_ref()
    }

    pub fn tags(&self) -> &[String] {
        &self.head().tags
    }

    /// How many cards the deck has (reversed sides not counted).
    pub fn card_count(&self) -> usize {
        match (self.full.get(), &self.cached) {
            (None, Some(cached)) => cached.len(),
            _ => self.deck().cards.len(),
        }
    }

    /// The deck's cards as studied (reversed sides made), for a study session: read from the
    /// cache one at a time when the deck came from one and was not built yet.
    pub fn study_cards(&self) -> Arc<dyn StudyCards> {
        if let (None, Some(cached)) = (self.full.get(), &self.cached) {
            return Arc::new(CachedStudyCards::new(Arc::clone(cached)));
        }
        match self.deck().as_studied() {
            std::borrow::Cow::Borrowed(_) => self.shared_deck(),
            std::borrow::Cow::Owned(expanded) => Arc::new(expanded),
        }
    }
}

/// A deck file that did not load, with every problem found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedDeck {
    pub path: PathBuf,
    pub error: DeckError,
}

/// Every deck the user can study, newest article first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub decks: Vec<LibraryDeck>,
    pub failed: Vec<FailedDeck>,
    /// Sync tools' conflict copies of deck files, for the user to resolve.
    pub conflicts: Vec<DeckConflict>,
}

impl Library {
    /// Loads the bundled decks and the data folder's decks. A file whose deck id is also a
    /// bundled deck's replaces the bundled one (a teacher's edited copy); two files with the
    /// same id: the second is reported as failed.
    pub fn load(data: &DataDir, rng: &mut impl Rng) -> Library {
        let mut library = Library::default();
        let files = deck_files(&data.decks(), &mut library.failed);
        for path in &files {
            match conflict_of(path) {
                Some(conflict) => library.conflicts.push(conflict),
                None => library.add_file(path, data.cache(), rng),
            }
        }
        // Only when the folder could be listed: an unreadable folder is not an empty one.
        if !library.failed.iter().any(|f| f.path == data.decks()) {
            deck_cache::prune(data.cache(), &files);
        }
        for (name, text) in BUNDLED_DECKS {
            if let Ok(parsed) = parse_deck(text, Path::new(name), rng) {
                if library.find(parsed.deck.id.as_str()).is_none() {
                    let origin = DeckOrigin::Bundled { name };
                    library.decks.push(LibraryDeck::new(parsed, origin));
                }
            }
        }
        library.sort_newest_first();
        library
    }

    fn add_file(&mut self, path: &Path, cache: &Path, rng: &mut impl Rng) {
        let loaded = read_deck_file(path, cache, rng);
        match loaded {
            Ok(loaded) => match self.find(loaded.id().as_str()) {
                Some(other) => {
                    let message = format!(
                        "deck id \"{}\" is already used by {}",
                        loaded.id(),
                        describe(&other.origin)
                    );
                    let hint = "give one of the decks another `id` (its progress follows the id)";
                    let problem = Problem::new(path, Location::START, message, hint);
                    self.failed.push(FailedDeck {
                        path: path.to_path_buf(),
                        error: problem.into(),
                    });
                }
                None => self.decks.push(loaded),
            },
            Err(error) => self.failed.push(FailedDeck {
                path: path.to_path_buf(),
                error,
            }),
        }
    }

    /// The deck with this id.
    pub fn find(&self, id: &str) -> Option<&LibraryDeck> {
        self.decks.iter().find(|d| d.id().as_str() == id)
    }

    /// Whether a deck already has this id (ids name progress files, so they must not clash).
    pub fn has_id(&self, id: &DeckId) -> bool {
        self.find(id.as_str()).is_some()
    }

    /// News goes stale: newest source date first, undated decks last, then by title.
    fn sort_newest_first(&mut self) {
        self.decks.sort_by(|a, b| {
            let date = |d: &LibraryDeck| d.source().and_then(|s| s.date.clone());
            date(b)
                .cmp(&date(a))
                .then_with(|| a.title().to_lowercase().cmp(&b.title().to_lowercase()))
        });
        self.failed.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// When `path` is a sync tool's copy of a deck file, what it copies.
fn conflict_of(path: &Path) -> Option<DeckConflict> {
    let name = path.file_name()?.to_str()?;
    let (original, tool) = crate::store::progress::conflict_original(name)?;
    Some(DeckConflict {
        copy: path.to_path_buf(),
        original: path.with_file_name(original),
        tool,
    })
}

fn describe(origin: &DeckOrigin) -> String {
    match origin {
        DeckOrigin::Bundled { name } => format!("the bundled deck {name}"),
        DeckOrigin::File(path) => path.display().to_string(),
    }
}

/// The `*.ron` files in `folder`, sorted; a missing folder is an empty library.
fn deck_files(folder: &Path, failed: &mut Vec<FailedDeck>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            let problem = Problem::new(
                folder,
                Location::START,
                format!("cannot read the decks folder: {e}"),
                "check its permissions",
            );
            failed.push(FailedDeck {
                path: folder.to_path_buf(),
                error: problem.into(),
            });
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron") && p.is_file())
        .collect();
    files.sort();
    files
}

/// The deck in `path`: from its cache in `cache` while the file is unchanged, else parsed (and
/// then cached, when it needs no ids written back).
fn read_deck_file(path: &Path, cache: &Path, rng: &mut impl Rng) -> Result<LibraryDeck, DeckError> {
    let origin = DeckOrigin::File(path.to_path_buf());
    if let Some(cached) = deck_cache::load(cache, path) {
        return Ok(LibraryDeck::from_cache(cached, origin));
    }
    let key = FileKey::of(path);
    let parsed = read_text(path).and_then(|text| parse_deck(&text, path, rng))?;
    if let Some(key) = key
        && parsed.assigned.is_empty()
    {
        deck_cache::save(cache, path, key, &parsed.deck);
    }
    Ok(LibraryDeck::new(parsed, origin))
}

/// A deck file's text; unreadable or non-UTF-8 files become a problem at 1:1.
pub fn read_text(path: &Path) -> Result<String, DeckError> {
    let bytes = std::fs::read(path).map_err(|e| {
        Problem::new(
            path,
            Location::START,
            format!("cannot read the file: {e}"),
            "check that it exists and can be read",
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(before);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problem::new(
            path,
            Location::new(line, column),
            "the file is not UTF-8 text",
            "save it as UTF-8 in your editor",
        )
        .into()
    })
}
