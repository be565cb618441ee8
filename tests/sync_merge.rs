//! Several machines sharing a data folder through a file-sync tool: each answers cards offline
//! in its own copy, then the copies are synced in every order and with every tool's way of
//! handling clashes (replace, keep, conflict copies named as Syncthing, Dropbox, Nextcloud and
//! git name them). Afterwards every machine shows the same state for every card — the state
//! of all answers replayed in time order — and sees the union of all answers.

#[path = "common/sync.rs"]
mod simulated;

use proptest::prelude::*;
use recap::model::{Rating, Timestamp};
use simulated::{Clash, Machine, expected_states, sync};

const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;
const T0: i64 = 1_795_860_000_000;

fn at(day: i64, minute: i64) -> Timestamp {
    Timestamp(T0 + day * DAY + minute * MINUTE)
}

type Answer = (String, Timestamp, Rating, String);

/// Laptop and desktop study overlapping cards offline over two days; the laptop closes the
/// app each time (snapshot rewritten, journal trimmed into the history), the desktop is
/// killed once with answers only in its journal.
fn study_offline(laptop: &Machine, desktop: &Machine) -> Vec<Answer> {
    let plan: [(&Machine, &str, Timestamp, Rating, bool); 9] = [
        (laptop, "c1", at(0, 0), Rating::Good, true),
        (laptop, "c2", at(0, 1), Rating::Again, true),
        (desktop, "c1", at(0, 5), Rating::Hard, true),
        (desktop, "c3", at(0, 6), Rating::Easy, false),
        (laptop, "c1", at(0, 20), Rating::Good, true),
        (desktop, "c2", at(0, 30), Rating::Good, false),
        (laptop, "c2", at(1, 0), Rating::Good, true),
        (desktop, "c1", at(1, 3), Rating::Again, false),
        (laptop, "c3", at(1, 10), Rating::Good, true),
    ];
    plan.iter()
        .map(|(machine, card, when, rating, close)| {
            machine.answer(card, *when, *rating, *close);
            (card.to_string(), *when, *rating, machine.device.to_string())
        })
        .collect()
}

#[test]
fn two_machines_synced_in_every_order_and_way_agree_on_every_card() {
    for clash in Clash::ALL {
        for laptop_first in [true, false] {
            let root = tempfile::tempdir().unwrap();
            let laptop = Machine::new(root.path(), "laptop");
            let desktop = Machine::new(root.path(), "desktop");
            let answers = study_offline(&laptop, &desktop);
            let mut n = 0;
            let (a, b) = if laptop_first {
                (&laptop, &desktop)
            } else {
                (&desktop, &laptop)
            };
            sync(a, b, clash, &mut n);
            sync(b, a, clash, &mut n);

            let expected = expected_states(&answers);
            let context = format!("{clash:?}, laptop first: {laptop_first}");
            assert_eq!(laptop.states(), expected, "laptop, {context}");
            assert_eq!(desktop.states(), expected, "desktop, {context}");
            assert_eq!(laptop.answers(), desktop.answers(), "{context}");
            assert_eq!(laptop.answers().len(), answers.len(), "{context}");

            // A third machine that copies both folders, one after the other, agrees.
            let third = Machine::new(root.path(), "third");
            sync(&desktop, &third, clash, &mut n);
            sync(&laptop, &third, clash, &mut n);
            assert_eq!(third.states(), expected, "third, {context}");
            assert_eq!(third.answers(), laptop.answers(), "third, {context}");
        }
    }
}

#[test]
fn answers_made_after_a_sync_build_on_the_merged_state() {
    let root = tempfile::tempdir().unwrap();
    let laptop = Machine::new(root.path(), "laptop");
    let desktop = Machine::new(root.path(), "desktop");
    let mut answers = study_offline(&laptop, &desktop);
    let mut n = 0;
    sync(&laptop, &desktop, Clash::Syncthing, &mut n);
    sync(&desktop, &laptop, Clash::Syncthing, &mut n);
    // Back online: the desktop answers c1 again, seeing every earlier answer.
    desktop.answer("c1", at(2, 0), Rating::Good, true);
    answers.push(("c1".into(), at(2, 0), Rating::Good, "desktop".into()));
    sync(&desktop, &laptop, Clash::Dropbox, &mut n);
    let expected = expected_states(&answers);
    assert_eq!(desktop.states(), expected);
    assert_eq!(laptop.states(), expected);
    assert_eq!(expected[&recap::model::CardId::new("c1").unwrap()].reps, 5);
}

#[test]
fn an_older_snapshot_brought_back_by_the_sync_tool_hides_no_answer() {
    let root = tempfile::tempdir().unwrap();
    let laptop = Machine::new(root.path(), "laptop");
    laptop.answer("c1", at(0, 0), Rating::Good, true);
    let snapshot = laptop.files().snapshot();
    let old = std::fs::read(&snapshot).unwrap();
    laptop.answer("c1", at(0, 15), Rating::Good, true);
    laptop.answer("c2", at(0, 16), Rating::Easy, true);
    // The sync tool restores the older snapshot; the newer answers are only in the history.
    std::fs::write(&snapshot, old).unwrap();
    let answers = vec![
        (
            "c1".to_string(),
            at(0, 0),
            Rating::Good,
            "laptop".to_string(),
        ),
        (
            "c1".to_string(),
            at(0, 15),
            Rating::Good,
            "laptop".to_string(),
        ),
        (
            "c2".to_string(),
            at(0, 16),
            Rating::Easy,
            "laptop".to_string(),
        ),
    ];
    assert_eq!(laptop.states(), expected_states(&answers));
}

#[test]
fn a_journal_delivered_only_as_a_conflict_copy_is_merged_and_kept() {
    let root = tempfile::tempdir().unwrap();
    let laptop = Machine::new(root.path(), "laptop");
    let desktop = Machine::new(root.path(), "desktop");
    let answers = study_offline(&laptop, &desktop);
    // Every desktop file reaches the laptop only under a conflict-copy name.
    let progress = desktop.dir.join("progress");
    for entry in std::fs::read_dir(&progress).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (stem, ext) = name.rsplit_once('.').unwrap();
        let copy = format!("{stem} (conflicted copy 2026-11-28 101500).{ext}");
        std::fs::copy(&path, laptop.dir.join("progress").join(&copy)).unwrap();
    }
    assert_eq!(laptop.states(), expected_states(&answers));
    // Studying on goes on from the merged state, and no conflict copy is removed.
    let before: Vec<_> = names(&laptop);
    laptop.answer("c3", at(3, 0), Rating::Good, true);
    let after = names(&laptop);
    assert!(
        before.iter().all(|n| after.contains(n)),
        "{before:?} ⊄ {after:?}"
    );
}

fn names(machine: &Machine) -> Vec<String> {
    std::fs::read_dir(machine.dir.join("progress"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("conflicted copy"))
        .collect()
}

/// One step of the property test.
#[derive(Debug, Clone)]
enum Step {
    Answer {
        machine: usize,
        card: usize,
        rating: usize,
        close: bool,
    },
    Sync {
        from: usize,
        to: usize,
        clash: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..3usize, 0..4usize, 0..4usize, any::<bool>())
            .prop_map(|(machine, card, rating, close)| Step::Answer { machine, card, rating, close }),
        1 => (0..3usize, 0..3usize, 0..Clash::ALL.len())
            .prop_map(|(from, to, clash)| Step::Sync { from, to, clash }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any interleaving of answers on up to three machines and any order of file copies, then
    /// a full exchange (each tool's way, in a shuffled order): every machine ends with the same
    /// state for every card, the state of all answers in time order.
    #[test]
    fn any_interleaving_and_copy_order_converges(
        steps in prop::collection::vec(step(), 1..24),
        final_order in Just([(0usize, 1usize), (1, 2), (2, 0), (1, 0), (2, 1), (0, 2)]).prop_shuffle(),
        final_clash in prop_oneof![Just(Clash::Replace), Just(Clash::Syncthing), Just(Clash::Nextcloud), Just(Clash::GitMergetool)],
    ) {
        let root = tempfile::tempdir().unwrap();
        let machines: Vec<Machine> = ["m0", "m1", "m2"].iter().map(|n| Machine::new(root.path(), n)).collect();
        let mut answers: Vec<Answer> = Vec::new();
        let mut n = 0;
        for (index, step) in steps.iter().enumerate() {
            match *step {
                Step::Answer { machine, card, rating, close } => {
                    // Times go forward, a few minutes a step, with ties across machines.
                    let when = at(0, (index as i64 / 2) * 7);
                    let card = format!("c{card}");
                    let rating = Rating::ALL[rating];
                    machines[machine].answer(&card, when, rating, close);
                    answers.push((card, when, rating, machines[machine].device.to_string()));
                }
                Step::Sync { from, to, clash } if from != to => {
                    sync(&machines[from], &machines[to], Clash::ALL[clash], &mut n);
                }
                Step::Sync { .. } => {}
            }
        }
        for _round in 0..2 {
            for (from, to) in final_order {
                sync(&machines[from], &machines[to], final_clash, &mut n);
            }
        }
        let expected = expected_states(&answers);
        for machine in &machines {
            prop_assert_eq!(machine.states(), expected.clone(), "{}", machine.device);
            prop_assert_eq!(machine.answers().len(), answers.len());
        }
    }
}

#[test]
fn a_machine_whose_clock_runs_ahead_still_converges() {
    let root = tempfile::tempdir().unwrap();
    let laptop = Machine::new(root.path(), "laptop");
    let desktop = Machine::new(root.path(), "desktop");
    // The desktop's clock is four days ahead: its answer looks newer than the laptop's.
    desktop.answer("c1", at(4, 0), Rating::Good, true);
    let mut n = 0;
    sync(&desktop, &laptop, Clash::Replace, &mut n);
    // The laptop answers c1 after seeing it, at its own (earlier) time.
    laptop.answer("c1", at(0, 10), Rating::Again, true);
    sync(&laptop, &desktop, Clash::Replace, &mut n);
    let answers = vec![
        (
            "c1".to_string(),
            at(4, 0),
            Rating::Good,
            "desktop".to_string(),
        ),
        (
            "c1".to_string(),
            at(0, 10),
            Rating::Again,
            "laptop".to_string(),
        ),
    ];
    let expected = expected_states(&answers);
    assert_eq!(
        laptop.states(),
        expected,
        "the laptop's own snapshot follows time order"
    );
    assert_eq!(desktop.states(), expected);
}

#[test]
fn a_snapshot_with_git_conflict_markers_loses_no_answer() {
    let root = tempfile::tempdir().unwrap();
    let laptop = Machine::new(root.path(), "laptop");
    let desktop = Machine::new(root.path(), "desktop");
    let answers = study_offline(&laptop, &desktop);
    // Both machines committed their snapshot; the merge left markers around the differing lines.
    let ours = std::fs::read_to_string(laptop.files().snapshot()).unwrap();
    let theirs = std::fs::read_to_string(desktop.files().snapshot()).unwrap();
    let mut n = 0;
    sync(&desktop, &laptop, Clash::Keep, &mut n);
    let conflicted = format!("<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> desktop\n");
    std::fs::write(laptop.files().snapshot(), &conflicted).unwrap();

    let loaded = recap::store::progress::load(&laptop.files()).unwrap();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("git merge conflict")),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(laptop.states(), expected_states(&answers));
    assert_eq!(
        std::fs::read_to_string(laptop.files().snapshot()).unwrap(),
        conflicted,
        "loading rewrites nothing"
    );
}

#[test]
fn opening_after_a_merge_that_refolded_saves_the_result_so_the_next_load_is_plain() {
    let root = tempfile::tempdir().unwrap();
    let laptop = Machine::new(root.path(), "laptop");
    let desktop = Machine::new(root.path(), "desktop");
    let answers = study_offline(&laptop, &desktop);
    let mut n = 0;
    sync(&desktop, &laptop, Clash::Keep, &mut n);
    let before = recap::store::progress::load(&laptop.files()).unwrap();
    assert!(
        before.merged.refolded > 0,
        "the desktop's older answers fold cards again"
    );

    // Opening for study (as the app does) writes the merged snapshot at once.
    let device = recap::store::progress::DeviceId::new("laptop").unwrap();
    let (store, _) = recap::store::progress::ProgressStore::open(laptop.files(), device).unwrap();
    drop(store);
    let after = recap::store::progress::load(&laptop.files()).unwrap();
    assert_eq!(after.merged, Default::default(), "nothing left to merge");
    assert_eq!(laptop.states(), expected_states(&answers));
}
