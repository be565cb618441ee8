//! The library window, driven without a display through egui_kittest.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use recap::store::DataDir;
use recap::ui::RecapApp;

#[test]
fn the_library_shows_the_bundled_deck_and_a_broken_files_error() {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("broken.ron"), "(format: 1, title: \"Oops\", cards: [(front: \"Q\")])").unwrap();

    let mut harness = Harness::new_ui_state(|ui, app: &mut RecapApp| app.show(ui), RecapApp::new(DataDir::new(data.path())));
    harness.run();
    harness.get_by_label("Kim Jong Un and Vladimir Putin exchange letters");
    harness.get_by_label_contains("5 cards · 2023-08-15");
    let problem = format!("{}:1:36: missing field `back` in a card", decks.join("broken.ron").display());
    harness.get_by_label_contains(&problem);
}
