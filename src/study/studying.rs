//! Studying one deck for real: a [`Session`] whose every answer is in the journal, fsynced,
//! before the next card is shown. This is where the pure session meets the progress files.

use super::queue::StudiedToday;
use super::session::{Answer, Session};
use super::today::studied_in_logs;
use crate::deck::DeckError;
use crate::library::{DeckOrigin, LEECH_TAG, LibraryDeck, TagWritten, tag_card_in_file};
use crate::model::{CardId, Deck, DeckId, Rating, StudyCards, Timestamp};
use crate::schedule::{CardState, DeckSettings, ScheduleError, Scheduler, next_rollover};
use crate::store::DataDir;
use crate::store::progress::{
    DeckFiles, DeviceId, ProgressError, ProgressStore, Warning, load_readable, set_aside,
    states_in_order,
};
use std::path::{Path, PathBuf};

/// Answers between snapshot rewrites: bounds replay time after a crash while keeping the cost
/// of rewriting a big snapshot rare. The snapshot is also rewritten on close.
pub const CHECKPOINT_EVERY: usize = 200;

/// Why studying could not start or go on.
#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    #[error(transparent)]
    Progress(#[from] ProgressError),
    #[error(transparent)]
    Deck(#[from] DeckError),
    #[error("{}: the deck's settings cannot be used: {source}", file.display())]
    Settings {
        file: std::path::PathBuf,
        source: ScheduleError,
    },
    #[error(
        "{}: this is not one of deck {deck}'s progress files; nothing was renamed",
        file.display()
    )]
    NotProgressFile { file: PathBuf, deck: DeckId },
}

impl StudyError {
    /// The damaged progress file this error is about, if any: the deck can then be opened
    /// read-only, or the file set aside.
    pub fn damaged_file(&self) -> Option<&Path> {
        match self {
            StudyError::Progress(error) => error.corrupt_file(),
            _ => None,
        }
    }
}

/// A deck open for study: its session and its progress files.
pub struct StudyDeck {
    session: Session,
    /// None when the deck is open read-only: answers change the session, no file.
    store: Option<ProgressStore>,
    /// Why the deck is read-only, in words for the banner.
    read_only: Option<String>,
    /// The deck's file, where leeches are tagged (None: bundled, or read-only).
    deck_file: Option<PathBuf>,
    /// The deck as the library loaded it: a leech's tag goes into its file only while the
    /// file still holds this deck.
    source: LibraryDeck,
    /// The deck as loaded with the tags written since, made at the first leech.
    tagged: Option<Deck>,
    /// What the learner should be told that did not stop an answer (a leech tag not written).
    notes: Vec<String>,
    /// Stand-in journal numbers for read-only answers (undo needs one; nothing is written).
    unrecorded: u64,
}

impl StudyDeck {
    /// Opens `deck` for study at `now`. Writes the deck's made-up card ids into its file first
    /// (progress will refer to them). Returns warnings worth showing (e.g. a torn journal line).
    pub fn open(
        data: &DataDir,
        deck: &mut LibraryDeck,
        device: DeviceId,
        now: Timestamp,
        utc_offset_minutes: i32,
    ) -> Result<(StudyDeck, Vec<Warning>), StudyError> {
        deck.persist_assigned_ids()?;
        let files = data.deck_files(deck.id().clone());
        let (mut store, warnings) = ProgressStore::open(files.clone(), device)?;
        let settings = store.settings().clone();
        let scheduler = Scheduler::new(&settings).map_err(|source| StudyError::Settings {
            file: files.snapshot(),
            source,
        })?;
        let studied = studied_today(&files, &settings, now, utc_offset_minutes)?;
        let session = new_session(
            deck,
            |studied| store.states_in_order(studied),
            (settings, scheduler),
            studied,
            now,
            utc_offset_minutes,
        )?;
        let deck_file = match &deck.origin {
            DeckOrigin::File(path) => Some(path.clone()),
            DeckOrigin::Bundled { .. } => None,
        };
        let study = StudyDeck {
            session,
            store: Some(store),
            read_only: None,
            deck_file,
            source: deck.clone(),
            tagged: None,
            notes: Vec::new(),
            unrecorded: 0,
        };
        Ok((study, warnings))
    }

    /// Opens `deck` for study without writing any file: for a deck whose progress has a
    /// damaged file. The progress that can be read is used (a damaged snapshot counts as
    /// none, a damaged journal as absent); answers change this session only. Returns what to
    /// tell the learner about each damaged file.
    pub fn open_read_only(
        data: &DataDir,
        deck: &LibraryDeck,
        now: Timestamp,
        utc_offset_minutes: i32,
    ) -> Result<(StudyDeck, Vec<String>), StudyError> {
        let files = data.deck_files(deck.id().clone());
        let (loaded, damaged) = load_readable(&files)?;
        let settings = loaded.progress.settings.clone();
        let scheduler = Scheduler::new(&settings).map_err(|source| StudyError::Settings {
            file: files.snapshot(),
            source,
        })?;
        // A damaged history only loses today's counts for the limits.
        let studied = studied_today(&files, &settings, now, utc_offset_minutes).unwrap_or_default();
        let session = new_session(
            deck,
            |studied| {
                Ok(states_in_order(
                    files.cache(),
                    &files.snapshot(),
                    loaded.basis,
                    &loaded.progress,
                    studied,
                ))
            },
            (settings, scheduler),
            studied,
            now,
            utc_offset_minutes,
        )?;
        let banner = match damaged.first().and_then(ProgressError::corrupt_file) {
            Some(file) => format!(
                "Read-only: progress file {} is damaged — answers are not saved",
                file.display()
            ),
            None => "Read-only: answers are not saved".to_string(),
        };
        let mut notes: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        notes.extend(damaged.iter().map(ToString::to_string));
        let study = StudyDeck {
            session,
            store: None,
            read_only: Some(banner),
            deck_file: None,
            source: deck.clone(),
            tagged: None,
            notes: Vec::new(),
            unrecorded: 0,
        };
        Ok((study, notes))
    }

    /// Why nothing is saved, when the deck is open read-only.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Messages gathered since the last call (e.g. a leech tag that could not be written).
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The card to show at `now`.
    pub fn current(&mut self, now: Timestamp) -> Option<CardId> {
        self.session.current(now).cloned()
    }

    /// Answers the card on screen: recorded durably, then applied. None if no card is showing.
    pub fn answer(&mut self, rating: Rating, now: Timestamp) -> Result<Option<Answer>, StudyError> {
        let Some(answer) = self.session.prepare_answer(rating, now) else {
            return Ok(None);
        };
        let seq = match &mut self.store {
            Some(store) => store.record_answer(
                answer.card.clone(),
                answer.at,
                answer.rating,
                answer.took_ms,
                answer.state.clone(),
            )?,
            None => {
                self.unrecorded += 1;
                self.unrecorded
            }
        };
        self.session.commit_answer(answer.clone(), seq);
        if answer.became_leech {
            self.tag_leech(&answer.card);
        }
        if let Some(store) = &mut self.store
            && store.uncheckpointed() >= CHECKPOINT_EVERY
        {
            checkpoint(store, self.session.cards())?;
        }
        Ok(Some(answer))
    }

    /// Tags a new leech `leech` in the deck file (only that card's tags change). The answer
    /// is saved either way; a tag that cannot be written becomes a note.
    fn tag_leech(&mut self, card: &CardId) {
        let Some(path) = &self.deck_file else {
            if self.store.is_some() {
                self.notes.push(format!(
                    "Card {card} is a leech; this bundled deck has no file to tag it in"
                ));
            }
            return;
        };
        // A reversed side's tag goes on its card.
        let card = card.forward();
        let loaded = self
            .tagged
            .get_or_insert_with(|| self.source.deck().clone());
        match tag_card_in_file(path, loaded, &card, LEECH_TAG) {
            Ok(TagWritten::Added) => {
                if let Some(tagged) = loaded.cards.iter_mut().find(|c| c.id == card) {
                    tagged.tags.push(LEECH_TAG.to_string());
                }
            }
            Ok(TagWritten::AlreadyThere) => {}
            Err(error) => self.notes.push(format!(
                "Card {card} is a leech, but it was not tagged: {error}"
            )),
        }
    }

    /// Takes back the last answer (recorded durably as an undo); returns the card shown again.
    pub fn undo(&mut self, now: Timestamp) -> Result<Option<CardId>, StudyError> {
        let Some((answer, seq)) = self.session.last_answer().map(|(a, seq)| (a.clone(), seq))
        else {
            return Ok(None);
        };
        if let Some(store) = &mut self.store {
            store.record_undo(now, seq, answer.card.clone(), answer.previous.clone())?;
        }
        Ok(self.session.commit_undo(now).map(|a| a.card))
    }

    /// Changes the deck's settings; saved in the progress snapshot. Today's queue is rebuilt
    /// under the new settings; the summary and undo history stay.
    pub fn set_settings(
        &mut self,
        settings: DeckSettings,
        now: Timestamp,
        utc_offset_minutes: i32,
    ) -> Result<(), StudyError> {
        let Some(store) = &mut self.store else {
            return Ok(());
        };
        let scheduler = Scheduler::new(&settings).map_err(|source| StudyError::Settings {
            file: store.files().snapshot(),
            source,
        })?;
        store.set_settings(settings.clone())?;
        store.cache_order(self.session.cards());
        let studied = studied_today(store.files(), &settings, now, utc_offset_minutes)?;
        self.session
            .change_settings(settings, scheduler, studied, now, utc_offset_minutes);
        Ok(())
    }

    /// Rewrites the snapshot and trims the journal (also done every [`CHECKPOINT_EVERY`] answers).
    /// Read-only: writes nothing.
    pub fn close(self) -> Result<(), StudyError> {
        match self.store {
            Some(mut store) => checkpoint(&mut store, self.session.cards()),
            None => Ok(()),
        }
    }
}

/// Rewrites the snapshot and trims the journal; then caches the states in the order of
/// `deck` (the session's) for the next open, since the progress now is the snapshot file.
fn checkpoint(store: &mut ProgressStore, deck: &dyn StudyCards) -> Result<(), StudyError> {
    store.checkpoint()?;
    store.cache_order(deck);
    Ok(())
}

/// A session on `deck` as studied (reversed sides are cards of their own), with the states
/// `states_of` gives for it, one per card in its order.
fn new_session(
    deck: &LibraryDeck,
    states_of: impl FnOnce(&dyn StudyCards) -> Result<Vec<CardState>, ProgressError>,
    (settings, scheduler): (DeckSettings, Scheduler),
    studied: StudiedToday,
    now: Timestamp,
    utc_offset_minutes: i32,
) -> Result<Session, StudyError> {
    let cards = deck.study_cards();
    let states = states_of(&*cards)?;
    Ok(Session::in_deck_order(
        cards,
        states,
        (settings, scheduler),
        studied,
        now,
        utc_offset_minutes,
    ))
}

/// Renames the damaged progress `file` of `deck` aside (`<name>.corrupt-<millis>`, never
/// deleted), so the deck can be studied from its other files; returns the new name. Refuses
/// any file that is not one of that deck's progress files.
pub fn set_aside_damaged(
    data: &DataDir,
    deck: &DeckId,
    file: &Path,
    now: Timestamp,
) -> Result<PathBuf, StudyError> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let in_folder = file.parent() == Some(data.progress().as_path());
    let of_deck = name.starts_with(&format!("{deck}.")) && name.ends_with(".ron");
    if !(in_folder && of_deck) {
        return Err(StudyError::NotProgressFile {
            file: file.to_path_buf(),
            deck: deck.clone(),
        });
    }
    Ok(set_aside(file, now)?)
}

/// What the daily limits already count today, from the deck's review log.
fn studied_today(
    files: &DeckFiles,
    settings: &DeckSettings,
    now: Timestamp,
    utc_offset_minutes: i32,
) -> Result<StudiedToday, StudyError> {
    let day_start =
        next_rollover(now, settings.day_rollover_hour, utc_offset_minutes).plus_days(-1);
    Ok(studied_in_logs(files, day_start)?)
}

/// Saves a deck's settings in its progress snapshot when the deck is not open for study.
/// Settings the scheduler refuses are not saved.
pub fn save_deck_settings(
    data: &DataDir,
    deck: &crate::model::DeckId,
    device: DeviceId,
    settings: DeckSettings,
) -> Result<(), StudyError> {
    let files = data.deck_files(deck.clone());
    Scheduler::new(&settings).map_err(|source| StudyError::Settings {
        file: files.snapshot(),
        source,
    })?;
    let (mut store, _) = ProgressStore::open(files, device)?;
    store.set_settings(settings)?;
    Ok(())
}

/// A deck's settings as saved (defaults when it has no progress yet). Read-only.
pub fn deck_settings(
    data: &DataDir,
    deck: &crate::model::DeckId,
) -> Result<DeckSettings, StudyError> {
    let files = data.deck_files(deck.clone());
    Ok(crate::store::progress::load(&files)?.progress.settings)
}
