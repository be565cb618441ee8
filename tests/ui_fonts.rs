//! Names in the news must draw in their own script: Korean (김정은) and Russian (Путин).
//!
//! Checked through egui's own font system, without a display: every character of a label has a
//! glyph in the installed fonts, the Hangul comes from the bundled fallback while egui's default
//! fonts keep drawing the Cyrillic, and the Hangul glyphs rasterize to real pixels (the bundled
//! file loads and its outlines draw). Without `install_fonts` the Hangul is not covered, so the
//! test can fail.

use egui::FontId;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use recap::ui::install_fonts;

const TEXT: &str = "김정은 and Путин";
const HANGUL: &str = "김정은";
const CYRILLIC: &str = "Путин";
/// The name src/ui/fonts.rs registers the bundled font under.
const BUNDLED: &str = "RecapHangul-Regular";

/// A window that shows the label. With `install`, the fonts are installed in the first frame
/// and the label drawn from the second (egui applies new fonts at the next frame). Without,
/// nothing is drawn: egui refuses to lay out text it has no glyph for.
fn label_harness(install: bool) -> Harness<'static, u32> {
    let mut harness = Harness::new_ui_state(
        move |ui, frame: &mut u32| {
            if install && *frame == 0 {
                install_fonts(ui.ctx());
                ui.ctx().request_repaint();
            } else if install {
                ui.label(TEXT);
            }
            *frame += 1;
        },
        0,
    );
    harness.run();
    harness.run();
    if install {
        harness.get_by_label(TEXT);
    }
    harness
}

fn families() -> [FontId; 2] {
    [FontId::proportional(14.0), FontId::monospace(14.0)]
}

#[test]
fn korean_and_russian_names_have_glyphs_once_the_fonts_are_installed() {
    let harness = label_harness(true);
    for font_id in families() {
        let family = font_id.family.clone();
        harness.ctx.fonts_mut(|fonts| {
            for c in TEXT.chars() {
                assert!(
                    fonts.has_glyph(&font_id, c),
                    "{c:?} has no glyph in {family:?}"
                );
            }
            let characters = fonts.characters(&family);
            for c in HANGUL.chars() {
                assert_eq!(
                    characters[&c].first().map(String::as_str),
                    Some(BUNDLED),
                    "{c:?}"
                );
            }
            // egui's defaults stay first for what they have: the fallback does not take over.
            for c in CYRILLIC.chars() {
                assert_ne!(
                    characters[&c].first().map(String::as_str),
                    Some(BUNDLED),
                    "{c:?}"
                );
            }
        });
    }
}

#[test]
fn the_bundled_hangul_glyphs_rasterize_to_pixels() {
    let harness = label_harness(true);
    harness.ctx.fonts_mut(|fonts| {
        let galley = fonts.layout_no_wrap(
            HANGUL.to_owned(),
            FontId::proportional(14.0),
            egui::Color32::WHITE,
        );
        let atlas = fonts.image();
        let glyphs: Vec<_> = galley.rows.iter().flat_map(|row| &row.glyphs).collect();
        assert_eq!(glyphs.len(), 3);
        for glyph in glyphs {
            let uv = glyph.uv_rect;
            assert!(!uv.is_nothing(), "{:?} was not rasterized", glyph.chr);
            let inked = (uv.min[1]..uv.max[1])
                .flat_map(|y| (uv.min[0]..uv.max[0]).map(move |x| (x as usize, y as usize)))
                .filter(|&(x, y)| atlas[(x, y)].a() > 0)
                .count();
            // A Hangul syllable at 14 pt covers dozens of pixels; an empty outline covers none.
            assert!(inked > 20, "{:?} drew only {inked} pixels", glyph.chr);
        }
    });
}

#[test]
fn without_the_bundled_font_hangul_is_missing_but_cyrillic_is_not() {
    let harness = label_harness(false);
    for font_id in families() {
        harness.ctx.fonts_mut(|fonts| {
            assert!(
                fonts.has_glyphs(&font_id, CYRILLIC),
                "egui's defaults lack Cyrillic"
            );
            for c in HANGUL.chars() {
                assert!(
                    !fonts.has_glyph(&font_id, c),
                    "{c:?} covered without install_fonts"
                );
            }
        });
    }
}
