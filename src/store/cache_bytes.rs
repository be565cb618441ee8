//! Little-endian numbers and length-prefixed strings, the building blocks of the cache layout.

/// Where the cache of `source` goes in `folder`: the source's file name and `.cache`.
pub fn cache_file_for(folder: &std::path::Path, source: &std::path::Path) -> std::path::PathBuf {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder.join(format!("{name}.cache"))
}

/// The cache file at `path`, mapped into memory; None when there is none or it cannot be read.
pub fn map_cache(path: &std::path::Path) -> Option<memmap2::Mmap> {
    let file = std::fs::File::open(path).ok()?;
    // Safety: a cache is this app's own file and is replaced by renaming a new one over it,
    // never changed in place (see `store::deck_cache`); a mapping of it therefore never
    // changes while it is in use.
    unsafe { memmap2::Mmap::map(&file) }.ok()
}

/// Appends to a cache being written.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// A string as its byte length and its bytes.
    pub fn str(&mut self, text: &str) {
        self.u32(text.len() as u32);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// An optional string: a 0 or 1 byte, then the string.
    pub fn opt(&mut self, text: Option<&str>) {
        self.bytes.push(u8::from(text.is_some()));
        if let Some(text) = text {
            self.str(text);
        }
    }

    pub fn list(&mut self, items: &[String]) {
        self.u32(items.len() as u32);
        for item in items {
            self.str(item);
        }
    }
}

/// Reads a cache; every read is checked, so a damaged cache gives None, never a panic.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], at: usize) -> Reader<'a> {
        Reader { bytes, at }
    }

    pub fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(len)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }

    pub fn opt(&mut self) -> Option<Option<String>> {
        match self.take(1)?[0] {
            0 => Some(None),
            1 => Some(Some(self.str()?.to_owned())),
            _ => None,
        }
    }

    pub fn list(&mut self) -> Option<Vec<String>> {
        let count = self.u32()? as usize;
        // A damaged count cannot make us reserve gigabytes: each item takes at least 4 bytes.
        if count > self.bytes.len().saturating_sub(self.at) / 4 {
            return None;
        }
        (0..count).map(|_| self.str().map(str::to_owned)).collect()
    }
}

/// A fast 64-bit checksum (multiply and rotate over 8-byte words, in four independent lanes
/// so the processor works on them side by side): catches a damaged cache, not an attacker.
/// Every step is invertible, so changing any one byte always changes the sum.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |hash: u64, value: u64| (hash ^ value).wrapping_mul(K).rotate_left(29);
    let mut lanes = [bytes.len() as u64, 1, 2, 3];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = mix(*lane, u64::from_le_bytes(word.try_into().unwrap()));
        }
    }
    let mut hash = lanes.into_iter().fold(0, mix);
    for &byte in blocks.remainder() {
        hash = mix(hash, u64::from(byte));
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_changed_byte_or_swapped_word_changes_the_checksum() {
        let bytes: Vec<u8> = (0..100u8).map(|b| b.wrapping_mul(37)).collect();
        let sum = checksum(&bytes);
        for at in 0..bytes.len() {
            for bit in 0..8 {
                let mut changed = bytes.clone();
                changed[at] ^= 1 << bit;
                assert_ne!(checksum(&changed), sum, "byte {at} bit {bit}");
            }
        }
        let mut swapped = bytes.clone();
        swapped.copy_within(0..8, 32);
        swapped[..8].copy_from_slice(&bytes[32..40]);
        assert_ne!(checksum(&swapped), sum);
        assert_ne!(checksum(&bytes[..99]), sum, "a cut");
    }

    #[test]
    fn what_is_written_reads_back_and_short_input_gives_none() {
        let mut writer = Writer::default();
        writer.u32(7);
        writer.str("김정은");
        writer.opt(None);
        writer.opt(Some("x"));
        writer.list(&["a".into(), "bc".into()]);
        let mut reader = Reader::new(&writer.bytes, 0);
        assert_eq!(reader.u32(), Some(7));
        assert_eq!(reader.str(), Some("김정은"));
        assert_eq!(reader.opt(), Some(None));
        assert_eq!(reader.opt(), Some(Some("x".into())));
        assert_eq!(reader.list(), Some(vec!["a".into(), "bc".into()]));
        assert_eq!(reader.u32(), None);
        let cut = &writer.bytes[..6];
        let mut reader = Reader::new(cut, 0);
        assert_eq!(reader.u32(), Some(7));
        assert_eq!(reader.str(), None);
    }

    #[test]
    fn the_checksum_sees_a_changed_byte() {
        let bytes = b"0123456789abcdef-tail".to_vec();
        let mut changed = bytes.clone();
        changed[12] ^= 1;
        assert_ne!(checksum(&bytes), checksum(&changed));
    }
}

/// An empty vector with room for `len` values, to be filled at once (the cards or states of a
/// big deck). On Linux a big one asks for transparent huge pages: filling fresh memory costs a
/// page fault per 4 kB page otherwise, and on a 100,000-card deck those faults were a third of
/// the time to open it in a fresh process (the kernel may decline; nothing else changes).
pub fn big_vec<T>(len: usize) -> Vec<T> {
    let mut values = Vec::with_capacity(len);
    #[cfg(target_os = "linux")]
    advise_huge_pages(values.as_mut_ptr() as usize, len * std::mem::size_of::<T>());
    values
}

/// Marks the whole 2 MB pages inside `len` bytes at `start` as wanting huge pages.
#[cfg(target_os = "linux")]
fn advise_huge_pages(start: usize, len: usize) {
    const HUGE: usize = 2 << 20;
    let first = start.next_multiple_of(HUGE);
    let end = (start + len) / HUGE * HUGE;
    if end > first {
        // Safety: the range lies inside an allocation this process owns, and MADV_HUGEPAGE
        // only sets how the kernel backs it; no byte of memory changes. Failure is harmless.
        unsafe { libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE) };
    }
}
