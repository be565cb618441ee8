//! Just enough of the protobuf wire format to read two numbers Anki stores that way: the
//! package version in `meta` and a note type's kind in its config. A full protobuf crate and
//! Anki's schema would be a large dependency for that.

/// One field's value; only varints are looked at, the rest is skipped over.
enum Value {
    Varint(u64),
    Other,
}

/// The varint at the start of `bytes` and its length.
fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// The next field of a message: its number, value and length in bytes.
fn field(bytes: &[u8]) -> Option<(u64, Value, usize)> {
    let (key, key_len) = varint(bytes)?;
    let rest = &bytes[key_len..];
    let (value, len) = match key & 7 {
        0 => varint(rest).map(|(v, len)| (Value::Varint(v), len))?,
        1 => (Value::Other, 8),
        2 => {
            let (len, len_len) = varint(rest)?;
            let len = usize::try_from(len).ok()?.checked_add(len_len)?;
            (Value::Other, len)
        }
        5 => (Value::Other, 4),
        _ => return None,
    };
    (rest.len() >= len).then_some((key >> 3, value, key_len + len))
}

/// The value of varint field `number` of the message in `bytes`: Some(0) when the field is
/// absent (protobuf leaves defaults out), None when the bytes are not a message.
pub fn varint_field(bytes: &[u8], number: u64) -> Option<u64> {
    let mut found = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (n, value, len) = field(&bytes[at..])?;
        if let (true, Value::Varint(v)) = (n == number, value) {
            found = v;
        }
        at += len;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_varint_field_among_others() {
        assert_eq!(varint_field(&[0x08, 0x03], 1), Some(3));
        assert_eq!(
            varint_field(&[0x1a, 0x02, b'a', b'b', 0x08, 0x01], 1),
            Some(1)
        );
        assert_eq!(varint_field(&[0x1a, 0x01, b'a'], 1), Some(0));
        assert_eq!(varint_field(&[0x08, 0xac, 0x02], 1), Some(300));
        assert_eq!(varint_field(&[0x1a, 0x09, b'a'], 1), None);
        assert_eq!(varint_field(&[0x0f], 1), None);
    }
}
