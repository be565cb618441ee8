//! The egui screens, one file per screen. Screens turn user actions into core calls; they never
//! touch files or schedule cards themselves.
