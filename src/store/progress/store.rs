//! One deck's progress, open for studying on this device: answers are appended to this
//! device's journal and are durable when the call returns; a checkpoint rewrites the snapshot
//! and moves the journal into the history.

use super::appender::Appender;
use super::device::DeviceId;
use super::error::{ProgressError, Warning};
use super::files::DeckFiles;
use super::load::{cards_of, every_record, load_deferring_cards};
use super::log_file::read_log_tail;
use super::merge::apply_own;
use super::order_cache;
use super::order_cache::{Basis, looked_up};
use super::record::{Record, Seq};
use super::snapshot::Snapshot;
use super::snapshot_cache::{self, CachedSnapshot};
use crate::model::{CardId, Rating, StudyCards, Timestamp};
use crate::schedule::{CardState, DeckSettings};
use crate::store::FileKey;
use crate::store::write_atomic;

/// A deck's progress, writable by this device. Dropping it without [`close`](Self::close)
/// loses nothing: the journal already holds every answer.
#[derive(Debug)]
pub struct ProgressStore {
    files: DeckFiles,
    device: DeviceId,
    /// Settings, what is applied, and every card's state, unless the cards are still `unread`.
    progress: Snapshot,
    /// The snapshot's cache, when the cards have not been read from it yet: opening a deck
    /// for study needs only its states in deck order (see `order_cache`), so the map of every
    /// card's state is built at the first answer.
    unread: Option<CachedSnapshot>,
    journal: Appender,
    /// The records in this device's journal file, not yet moved into its history.
    journal_records: Vec<Record>,
    last_seq: Seq,
    /// The snapshot file `progress` equals exactly, while it does (see `order_cache`).
    basis: Option<Basis>,
}

impl ProgressStore {
    /// Loads the deck's progress and opens this device's journal for appending. Returns the
    /// warnings the user should see (a torn last line skipped). A corrupt file gives
    /// [`ProgressError::Corrupt`] and is left untouched: the caller can [`load`] the deck
    /// read-only instead (which fails the same way for that file) or set the file aside.
    pub fn open(
        files: DeckFiles,
        device: DeviceId,
    ) -> Result<(ProgressStore, Vec<Warning>), ProgressError> {
        let (mut loaded, unread) = load_deferring_cards(&files)?;
        let own = loaded.journals.remove(&device).unwrap_or_default();
        let (history_last, _) = read_log_tail(&files.history(&device))?;
        // Numbers are never reused, even if an older snapshot was restored by a sync tool.
        let last_seq = [
            loaded.progress.applied.get(&device).copied(),
            own.records.last().map(Record::seq),
            history_last,
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
        let journal = Appender::open(&files.journal(&device), own.valid_len, true)?;
        let mut store = ProgressStore {
            files,
            device,
            progress: loaded.progress,
            unread,
            journal,
            journal_records: own.records,
            last_seq,
            basis: loaded.basis,
        };
        // Folding cards again read every history file; a snapshot that includes the result
        // spares the next load that work (on this machine and on those it syncs with).
        if loaded.merged.refolded > 0 {
            store.checkpoint()?;
        }
        Ok((store, loaded.warnings))
    }

    pub fn device(&self) -> &DeviceId {
        &self.device
    }

    pub fn files(&self) -> &DeckFiles {
        &self.files
    }

    /// Every card's state, the settings, and what is applied. Reads the cards from the
    /// snapshot's cache if that was not done yet, which can fail like any read.
    pub fn progress(&mut self) -> Result<&Snapshot, ProgressError> {
        Ok(self.with_cards()?)
    }

    /// The progress with its cards read (see [`Self::progress`]).
    fn with_cards(&mut self) -> Result<&mut Snapshot, ProgressError> {
        if let Some(cached) = &self.unread {
            // On failure the cache stays unread: the cards are never taken for none.
            self.progress = cards_of(cached, &self.files)?;
            self.unread = None;
        }
        Ok(&mut self.progress)
    }

    pub fn settings(&self) -> &DeckSettings {
        &self.progress.settings
    }

    /// The state of each card of `deck` (as studied), in the deck's order (a card never
    /// answered has the default state): what a study session and its queue work from. Read
    /// from the order cache when it was made from the progress as it is now; otherwise looked
    /// up card by card, and cached for the next open.
    pub fn states_in_order(
        &mut self,
        deck: &dyn StudyCards,
    ) -> Result<Vec<CardState>, ProgressError> {
        let snapshot = self.files.snapshot();
        if let Some(states) = order_cache::cached(self.files.cache(), &snapshot, self.basis, deck) {
            return Ok(states);
        }
        self.with_cards()?;
        let (cache, basis) = (self.files.cache(), self.basis);
        Ok(looked_up(cache, &snapshot, basis, &self.progress, deck))
    }

    /// Caches the states of `deck`'s cards in its order for the next open (see
    /// [`Self::states_in_order`]), when the progress is exactly the snapshot file, as it is
    /// after a checkpoint.
    pub fn cache_order(&mut self, deck: &dyn StudyCards) {
        if self.basis.is_some() && self.files.cache().is_some() && self.with_cards().is_ok() {
            let snapshot = self.files.snapshot();
            looked_up(
                self.files.cache(),
                &snapshot,
                self.basis,
                &self.progress,
                deck,
            );
        }
    }

    /// The card's state; None for a card never answered (it is New).
    pub fn state(&mut self, card: &CardId) -> Result<Option<&CardState>, ProgressError> {
        Ok(self.with_cards()?.cards.get(card))
    }

    /// Answers since the last checkpoint: the caller checkpoints when this grows large.
    pub fn uncheckpointed(&self) -> usize {
        self.journal_records.len()
    }

    /// The phase `card` is in now (New when it has no state). The cards must have been read.
    fn phase_of(&self, card: &CardId) -> crate::schedule::Phase {
        self.progress
            .cards
            .get(card)
            .map_or(crate::schedule::Phase::New, |state| state.phase)
    }

    /// Records an answer durably and applies it; returns its number (for undo).
    pub fn record_answer(
        &mut self,
        card: CardId,
        at: Timestamp,
        rating: Rating,
        took_ms: u32,
        state: CardState,
    ) -> Result<Seq, ProgressError> {
        self.with_cards()?;
        let seq = self.last_seq + 1;
        let from = Some(self.phase_of(&card));
        self.append(Record::Answer {
            seq,
            card,
            at,
            rating,
            took_ms,
            state,
            from,
        })
    }

    /// Records that answer `undoes` was taken back, the card returning to `restored`.
    pub fn record_undo(
        &mut self,
        at: Timestamp,
        undoes: Seq,
        card: CardId,
        restored: CardState,
    ) -> Result<Seq, ProgressError> {
        let seq = self.last_seq + 1;
        self.append(Record::Undo {
            seq,
            at,
            undoes,
            card,
            restored,
        })
    }

    /// Records that `card` now has `state` without an answer (e.g. made due now), so replay
    /// on every device gives the same state and the review log shows no answer.
    pub fn record_reschedule(
        &mut self,
        at: Timestamp,
        card: CardId,
        state: CardState,
    ) -> Result<Seq, ProgressError> {
        let seq = self.last_seq + 1;
        self.append(Record::Reschedule {
            seq,
            at,
            card,
            state,
        })
    }

    /// Records many answers at once, durably with one write and one sync: a review history
    /// brought in from elsewhere (an Anki import), each with its resulting state. Returns how
    /// many were recorded.
    pub fn record_answers(
        &mut self,
        answers: impl IntoIterator<Item = (CardId, Timestamp, Rating, u32, CardState)>,
    ) -> Result<usize, ProgressError> {
        self.with_cards()?;
        let mut seq = self.last_seq;
        let mut phases = crate::model::CardMap::default();
        let records: Vec<Record> = answers
            .into_iter()
            .map(|(card, at, rating, took_ms, state)| {
                seq += 1;
                // Answers to one card follow each other: each starts where the one before left it.
                let from = Some(
                    phases
                        .insert(card.clone(), state.phase)
                        .unwrap_or_else(|| self.phase_of(&card)),
                );
                Record::Answer {
                    seq,
                    card,
                    at,
                    rating,
                    took_ms,
                    state,
                    from,
                }
            })
            .collect();
        self.journal.append(&records)?;
        self.last_seq = seq;
        for record in &records {
            self.apply_recorded(record)?;
        }
        let count = records.len();
        self.journal_records.extend(records);
        Ok(count)
    }

    /// Applies a record just made durable to the progress in memory (see `merge::apply_own`:
    /// the full history is read only when the record lands behind another machine's).
    fn apply_recorded(&mut self, record: &Record) -> Result<(), ProgressError> {
        self.basis = None;
        let files = &self.files;
        apply_own(&mut self.progress, &self.device, record, || {
            every_record(&files.log_sources()?)
        })
    }

    fn append(&mut self, record: Record) -> Result<Seq, ProgressError> {
        // Read before the record is written: a record is applied as soon as it is durable.
        self.with_cards()?;
        self.journal.append(std::slice::from_ref(&record))?;
        let seq = record.seq();
        self.last_seq = seq;
        self.apply_recorded(&record)?;
        self.journal_records.push(record);
        Ok(seq)
    }

    /// Changes the deck's settings (e.g. new FSRS parameters) and saves them in the snapshot.
    pub fn set_settings(&mut self, settings: DeckSettings) -> Result<(), ProgressError> {
        self.with_cards()?.settings = settings;
        self.basis = None;
        self.checkpoint()
    }

    /// Rewrites the snapshot, then moves this device's journal into its history.
    ///
    /// Each step is safe to interrupt: the snapshot is replaced atomically and says which
    /// records it includes (so replaying a journal it covers changes nothing); records are
    /// appended to the history (skipping those already there) and synced before the journal
    /// is emptied. The journal is emptied in place rather than rewritten: one device writes
    /// it, and the snapshot just written covers every record in it.
    pub fn checkpoint(&mut self) -> Result<(), ProgressError> {
        self.with_cards()?;
        let snapshot_path = self.files.snapshot();
        write_atomic(&snapshot_path, self.progress.to_text().as_bytes()).map_err(
            ProgressError::io(&snapshot_path, "save the progress snapshot"),
        )?;
        self.basis = FileKey::of(&snapshot_path).map(|key| Basis {
            key,
            written_here: true,
        });
        if let Some(dir) = self.files.cache() {
            snapshot_cache::save_written(dir, &snapshot_path, &self.progress);
        }
        let history_path = self.files.history(&self.device);
        let (history_last, history_len) = read_log_tail(&history_path)?;
        let already = history_last.unwrap_or(0);
        let new: Vec<Record> = self
            .journal_records
            .iter()
            .filter(|r| r.seq() > already)
            .cloned()
            .collect();
        if !new.is_empty() {
            Appender::open(&history_path, history_len, false)?.append(&new)?;
        }
        self.journal.empty()?;
        self.journal_records.clear();
        Ok(())
    }

    /// Checkpoints and releases the journal.
    pub fn close(mut self) -> Result<(), ProgressError> {
        self.checkpoint()
    }
}
