//! The names file-sync tools give the copies they make when two machines changed a file at
//! once, mapped back to the file they are a copy of.
//!
//! Recap never writes such names and never deletes such files: a journal's or history's copy
//! is read as one more source of answers (see `merge`), and a deck file's copy is shown in the
//! library for the user to pick or merge.

/// The tool that made a conflict copy, for messages ("Syncthing's conflict copy of …").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SyncTool {
    /// `name.sync-conflict-20261128-101500-ABCDEFG.ron`
    Syncthing,
    /// `name (conflicted copy).ron`, `name (Alice's conflicted copy 2026-11-28).ron`; Dropbox
    /// and Nextcloud (`name (conflicted copy 2026-11-28 101500).ron`) use the same shape.
    ConflictedCopy,
    /// ownCloud's older `name_conflict-20261128-101500.ron`.
    OwnCloud,
    /// What `git merge` and `git mergetool` leave: `name.ron.orig`,
    /// `name_BASE_1234.ron`, `_LOCAL_`, `_REMOTE_`, `_BACKUP_`.
    Git,
}

impl SyncTool {
    pub fn name(self) -> &'static str {
        match self {
            SyncTool::Syncthing => "Syncthing",
            SyncTool::ConflictedCopy => "Dropbox or Nextcloud",
            SyncTool::OwnCloud => "ownCloud",
            SyncTool::Git => "git",
        }
    }
}

/// When `name` is a sync tool's conflict copy, the name of the file it copies and the tool.
pub fn conflict_original(name: &str) -> Option<(String, SyncTool)> {
    if let Some(original) = name.strip_suffix(".orig") {
        return Some((original.to_string(), SyncTool::Git));
    }
    let (stem, ext) = split_extension(name);
    if let Some(stem) = strip_syncthing(stem) {
        return Some((format!("{stem}{ext}"), SyncTool::Syncthing));
    }
    if let Some(stem) = strip_conflicted_copy(stem) {
        return Some((format!("{stem}{ext}"), SyncTool::ConflictedCopy));
    }
    if let Some(stem) = strip_owncloud(stem) {
        return Some((format!("{stem}{ext}"), SyncTool::OwnCloud));
    }
    strip_mergetool(stem).map(|stem| (format!("{stem}{ext}"), SyncTool::Git))
}

/// "a.b.journal.ron" → ("a.b.journal", ".ron"); the tools insert their marker before the last
/// extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    }
}

/// "x.sync-conflict-20261128-101500-ABCDEFG" → "x".
fn strip_syncthing(stem: &str) -> Option<&str> {
    let at = stem.rfind(".sync-conflict-")?;
    let marker = &stem[at + ".sync-conflict-".len()..];
    let mut parts = marker.splitn(3, '-');
    let (date, time, device) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let device_ok = !device.is_empty() && device.bytes().all(|b| b.is_ascii_alphanumeric());
    (digits(date, 8) && digits(time, 6) && device_ok).then_some(&stem[..at])
}

/// "x (Alice's conflicted copy 2026-11-28)" or "x (conflicted copy 2026-11-28 101500) (1)"
/// → "x".
fn strip_conflicted_copy(stem: &str) -> Option<&str> {
    let marker = stem.find(" (")?;
    let rest = &stem[marker..];
    let inside_end = rest.find(')')?;
    rest[..inside_end]
        .contains("conflicted copy")
        .then_some(&stem[..marker])
}

/// "x_conflict-20261128-101500" → "x".
fn strip_owncloud(stem: &str) -> Option<&str> {
    let at = stem.rfind("_conflict-")?;
    let marker = &stem[at + "_conflict-".len()..];
    let ok = !marker.is_empty() && marker.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    ok.then_some(&stem[..at])
}

/// "x_BASE_1234" (also LOCAL, REMOTE, BACKUP) → "x".
fn strip_mergetool(stem: &str) -> Option<&str> {
    ["_BASE_", "_LOCAL_", "_REMOTE_", "_BACKUP_"]
        .iter()
        .find_map(|marker| {
            let at = stem.rfind(marker)?;
            let pid = &stem[at + marker.len()..];
            (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())).then_some(&stem[..at])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tools_copy_names_its_original() {
        let cases = [
            (
                "kim.a1.journal.sync-conflict-20261128-101500-ABCDEFG.ron",
                "kim.a1.journal.ron",
                SyncTool::Syncthing,
            ),
            (
                "kim.a1.journal (conflicted copy).ron",
                "kim.a1.journal.ron",
                SyncTool::ConflictedCopy,
            ),
            (
                "kim.a1.history (Alice's conflicted copy 2026-11-28).ron",
                "kim.a1.history.ron",
                SyncTool::ConflictedCopy,
            ),
            (
                "kim.a1.journal (conflicted copy 2026-11-28 101500) (1).ron",
                "kim.a1.journal.ron",
                SyncTool::ConflictedCopy,
            ),
            (
                "kim.a1.journal_conflict-20261128-101500.ron",
                "kim.a1.journal.ron",
                SyncTool::OwnCloud,
            ),
            ("kim.ron.orig", "kim.ron", SyncTool::Git),
            (
                "kim.a1.journal_REMOTE_4242.ron",
                "kim.a1.journal.ron",
                SyncTool::Git,
            ),
            ("kim_BASE_17.ron", "kim.ron", SyncTool::Git),
        ];
        for (copy, original, tool) in cases {
            assert_eq!(
                conflict_original(copy),
                Some((original.to_string(), tool)),
                "{copy}"
            );
        }
    }

    #[test]
    fn ordinary_names_are_not_copies() {
        for name in [
            "kim.a1.journal.ron",
            "kim.ron",
            "my (notes).ron",
            "kim.sync-conflict-2026.ron",
            "kim_BASE_.ron",
            "kim_conflict-.ron",
            "kim.ron.corrupt-1795860000000",
        ] {
            assert_eq!(conflict_original(name), None, "{name}");
        }
    }
}
