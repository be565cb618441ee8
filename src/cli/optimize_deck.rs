//! `recap optimize DECK` / `--all`: fit FSRS parameters to the learner's own answers.

use super::Cli;
use super::optimize::OptimizeArgs;
use crate::library::Library;
use crate::model::{Clock, SystemClock, local_utc_offset_minutes};
use crate::optimize::{DayBoundary, OptimizeError, optimize_deck, reviews_from_history};
use crate::store::DataDir;
use crate::store::progress::{DeviceRegistry, ProgressStore, read_history};

pub fn run(cli: &Cli, args: &OptimizeArgs) -> i32 {
    let Some(data) = cli.data_dir() else { return 1 };
    let library = Library::load(&data, &mut rand::rng());
    let ids: Vec<String> = if args.all {
        library.decks.iter().map(|d| d.id().to_string()).collect()
    } else {
        let id = args.deck.clone().unwrap_or_default();
        if library.find(&id).is_none() {
            eprintln!(
                "error: no deck with the id {id:?} in the library. `recap list` shows the ids."
            );
            return 1;
        }
        vec![id]
    };
    let offset = args
        .utc_offset
        .unwrap_or_else(|| local_utc_offset_minutes(SystemClock.now()));
    let mut failed = false;
    for id in ids {
        match optimize_one(&data, &id, offset) {
            Ok(line) => println!("{id}: {line}"),
            Err(message) => {
                eprintln!("error: {id}: {message}");
                failed = true;
            }
        }
    }
    i32::from(failed)
}

/// Optimizes one deck; returns what changed, in one line.
fn optimize_one(data: &DataDir, id: &str, utc_offset_minutes: i32) -> Result<String, String> {
    let deck = crate::model::DeckId::new(id).map_err(|e| e.to_string())?;
    let files = data.deck_files(deck);
    let reviews = reviews_from_history(&read_history(&files).map_err(|e| e.to_string())?);
    if reviews.is_empty() {
        return Ok("no answers yet; parameters unchanged".to_string());
    }
    let registry = DeviceRegistry::platform().ok_or("no home folder for the device registry")?;
    let device = registry
        .device_for(data.root(), &mut rand::rng())
        .map_err(|e| e.to_string())?;
    let (mut store, _) = ProgressStore::open(files, device).map_err(|e| e.to_string())?;
    let mut settings = store.settings().clone();
    let days = DayBoundary {
        rollover_hour: settings.day_rollover_hour.min(23) as u8,
        utc_offset_minutes,
    };
    let found = match optimize_deck(&reviews, days, settings.parameters.as_deref()) {
        Ok(found) => found,
        Err(OptimizeError::NotEnoughData { evaluated }) => {
            return Ok(format!(
                "not enough history yet ({} answers, {evaluated} on a later day than the card's \
                 previous one); parameters unchanged",
                reviews.len()
            ));
        }
        Err(other) => return Err(other.to_string()),
    };
    let figures = format!(
        "log_loss {:.4} -> {:.4}, rmse_bins {:.4} -> {:.4} on {} answers ({} evaluated)",
        found.current.log_loss,
        found.fitted.log_loss,
        found.current.rmse_bins,
        found.fitted.rmse_bins,
        found.reviews,
        found.evaluated
    );
    if !found.improves() {
        return Ok(format!(
            "kept the current parameters: the fitted ones are not better ({figures})"
        ));
    }
    settings.parameters = Some(found.parameters.clone());
    store.set_settings(settings).map_err(|e| e.to_string())?;
    Ok(format!("new parameters saved ({figures})"))
}
