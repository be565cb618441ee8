//! Studying one deck for real: a [`Session`] whose every answer is in the journal, fsynced,
//! before the next card is shown. This is where the pure session meets the progress files.

use super::queue::StudiedToday;
use super::session::{Answer, Session};
use super::today::studied_since;
use crate::deck::DeckError;
use crate::library::LibraryDeck;
use crate::model::{CardId, Rating, Timestamp};
use crate::schedule::{DeckSettings, ScheduleError, Scheduler, next_rollover};
use crate::store::DataDir;
use crate::store::progress::{
    DeckFiles, DeviceId, ProgressError, ProgressStore, Warning, read_history,
};

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
}

/// A deck open for study: its session and its progress files.
pub struct StudyDeck {
    session: Session,
    store: ProgressStore,
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
        let files = DeckFiles::new(data.progress(), deck.deck().id.clone());
        let (store, warnings) = ProgressStore::open(files.clone(), device)?;
        let settings = store.settings().clone();
        let scheduler = Scheduler::new(&settings).map_err(|source| StudyError::Settings {
            file: files.snapshot(),
            source,
        })?;
        let studied = studied_today(&files, &settings, now, utc_offset_minutes)?;
        // Reversed sides of cards studied both ways are cards of their own from here on.
        let cards = deck.deck().as_studied().into_owned();
        let states = cards
            .cards
            .iter()
            .filter_map(|c| store.state(&c.id).map(|s| (c.id.clone(), s.clone())))
            .collect();
        let session = Session::new(
            cards,
            states,
            settings,
            scheduler,
            studied,
            now,
            utc_offset_minutes,
        );
        Ok((StudyDeck { session, store }, warnings))
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
        let seq = self.store.record_answer(
            answer.card.clone(),
            answer.at,
            answer.rating,
            answer.took_ms,
            answer.state.clone(),
        )?;
        self.session.commit_answer(answer.clone(), seq);
        if self.store.uncheckpointed() >= CHECKPOINT_EVERY {
            self.store.checkpoint()?;
        }
        Ok(Some(answer))
    }

    /// Takes back the last answer (recorded durably as an undo); returns the card shown again.
    pub fn undo(&mut self, now: Timestamp) -> Result<Option<CardId>, StudyError> {
        let Some((answer, seq)) = self.session.last_answer().cloned() else {
            return Ok(None);
        };
        self.store
            .record_undo(now, seq, answer.card.clone(), answer.previous.clone())?;
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
        let scheduler = Scheduler::new(&settings).map_err(|source| StudyError::Settings {
            file: self.store.files().snapshot(),
            source,
        })?;
        self.store.set_settings(settings.clone())?;
        let studied = studied_today(self.store.files(), &settings, now, utc_offset_minutes)?;
        self.session
            .change_settings(settings, scheduler, studied, now, utc_offset_minutes);
        Ok(())
    }

    /// Rewrites the snapshot and trims the journal (also done every [`CHECKPOINT_EVERY`] answers).
    pub fn close(self) -> Result<(), StudyError> {
        Ok(self.store.close()?)
    }
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
    Ok(studied_since(&read_history(files)?, day_start))
}

/// Saves a deck's settings in its progress snapshot when the deck is not open for study.
/// Settings the scheduler refuses are not saved.
pub fn save_deck_settings(
    data: &DataDir,
    deck: &crate::model::DeckId,
    device: DeviceId,
    settings: DeckSettings,
) -> Result<(), StudyError> {
    let files = DeckFiles::new(data.progress(), deck.clone());
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
    let files = DeckFiles::new(data.progress(), deck.clone());
    Ok(crate::store::progress::load(&files)?.progress.settings)
}
