//! Fonts beyond egui's defaults, so names in the news (김정은, Путин) never draw as boxes.
//!
//! egui's default fonts (Ubuntu-Light, Hack, the emoji fonts) cover Latin and Cyrillic but no
//! Hangul. The app bundles "Recap Hangul", a 1.3 MB Hangul + Cyrillic subset of the OFL font
//! NanumGothic (assets/fonts/, made by scripts/make_font_subset.py), and puts it last in both
//! families: egui's own fonts still draw everything they have, and only what they lack falls
//! through to the bundled one. Bundling rather than asking the system keeps the look the same
//! on every machine and works where no Korean font is installed.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// The bundled subset; its licence is assets/fonts/OFL.txt.
const RECAP_HANGUL: &[u8] = include_bytes!("../../assets/fonts/RecapHangul-Regular.ttf");

/// The name the font is registered under in egui's font definitions.
const RECAP_HANGUL_NAME: &str = "RecapHangul-Regular";

/// Adds the bundled Hangul font as the last fallback of the proportional and monospace families.
///
/// Call once when the app starts (eframe's creation context); calling it again is harmless,
/// as egui skips a font whose name it already has.
pub fn install_fonts(ctx: &egui::Context) {
    let fallback = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    ctx.add_font(FontInsert::new(
        RECAP_HANGUL_NAME,
        FontData::from_static(RECAP_HANGUL),
        vec![
            fallback(FontFamily::Proportional),
            fallback(FontFamily::Monospace),
        ],
    ));
}
