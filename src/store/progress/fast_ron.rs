//! A fast reader for the small part of RON that progress files are written in.
//!
//! Why: the `ron` crate reads about 15 MB/s here, so a 100,000-card snapshot (16 MB) took a
//! second to open. Progress files are written by us in a narrow, regular subset of RON
//! (structs `(a: 1, b: x)`, unit enum variants, `Some(..)`/`None`, numbers, plain strings,
//! lists and maps), which this serde deserializer reads an order of magnitude faster.
//!
//! It is only a fast path: anything it does not know (comments, escapes, raw strings, struct
//! names, hex numbers, unknown fields, ...) makes it give up, and the caller parses the same
//! text again with `ron`, which stays the authority on meaning and reports errors with their
//! line and column. So a file this reader accepts is one `ron` would read the same way.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

/// The fast path gave up; the caller falls back to `ron` for the verdict and the location.
#[derive(Debug)]
pub struct GaveUp;

impl std::fmt::Display for GaveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not in the fast RON subset")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: std::fmt::Display>(_: T) -> GaveUp {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

/// Reads one value of type `T` filling all of `text` (surrounding whitespace allowed).
pub fn from_str<'a, T: de::Deserialize<'a>>(text: &'a str) -> Result<T> {
    let mut reader = Reader {
        text: text.as_bytes(),
        pos: 0,
        source: text,
    };
    let value = T::deserialize(&mut reader)?;
    reader.skip_space();
    if reader.pos == reader.text.len() {
        Ok(value)
    } else {
        Err(GaveUp)
    }
}

struct Reader<'a> {
    text: &'a [u8],
    source: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.text.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GaveUp)
        }
    }

    /// Consumes `byte` if it comes next.
    fn accept(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn identifier(&mut self) -> Result<&'a str> {
        self.skip_space();
        let start = self.pos;
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.text.get(self.pos) {
            self.pos += 1;
        }
        let word = &self.source[start..self.pos];
        if word.is_empty()
            || word.as_bytes()[0].is_ascii_digit()
            || word == "r" && self.text.get(self.pos) == Some(&b'#')
        {
            return Err(GaveUp);
        }
        Ok(word)
    }

    /// A number as written: sign, digits, '.', exponent. Parsing is left to the caller.
    fn number_token(&mut self) -> Result<&'a str> {
        self.skip_space();
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.text.get(self.pos) {
            self.pos += 1;
        }
        if start == self.pos {
            Err(GaveUp)
        } else {
            Ok(&self.source[start..self.pos])
        }
    }

    /// A plain string: no escapes (those go to `ron`).
    fn string(&mut self) -> Result<&'a str> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.text.get(self.pos) {
                Some(b'"') => break,
                Some(b'\\') | None => return Err(GaveUp),
                Some(_) => self.pos += 1,
            }
        }
        let text = &self.source[start..self.pos];
        self.pos += 1;
        Ok(text)
    }

    fn integer<T: std::str::FromStr>(&mut self) -> Result<T> {
        let token = self.number_token()?;
        if token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) || token.starts_with('+') {
            return Err(GaveUp);
        }
        token.parse().map_err(|_| GaveUp)
    }

    fn float<T: std::str::FromStr>(&mut self) -> Result<T> {
        let token = self.number_token()?;
        if token.starts_with('+') || token.starts_with('.') || token.ends_with('.') {
            return Err(GaveUp);
        }
        token.parse().map_err(|_| GaveUp)
    }
}

macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(self.integer::<$ty>()?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    /// Self-describing reads (untagged enums, ignored fields) are left to `ron`.
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    integers!(
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16, deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64, deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64
    );

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f32(self.float()?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GaveUp),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(GaveUp),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        self.deserialize_unit(v)
    }

    /// Newtype structs are written bare or `(x)` by ron; only bare is read here.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Items {
            reader: self,
            close: b']',
        })?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Items {
            reader: self,
            close: b')',
        })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        let value = visitor.visit_map(Entries {
            reader: self,
            close: b'}',
        })?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_map(Entries {
            reader: self,
            close: b')',
        })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }
}

/// Items of a list or tuple, comma separated, trailing comma allowed.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.reader.peek() == Some(self.close) {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        if !self.reader.accept(b',') && self.reader.peek() != Some(self.close) {
            return Err(GaveUp);
        }
        Ok(Some(value))
    }
}

/// `key: value` pairs of a map (`{}`) or a struct (`()`).
struct Entries<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.reader.peek() == Some(self.close) {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.reader)?;
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        if !self.reader.accept(b',') && self.reader.peek() != Some(self.close) {
            return Err(GaveUp);
        }
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let value = seed.deserialize(name.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        if self.peek() == Some(b'(') {
            Err(GaveUp)
        } else {
            Ok(())
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;
    use crate::schedule::{CardState, DeckSettings, MemoryState, Phase};

    fn sample_state() -> CardState {
        CardState {
            phase: Phase::Review,
            step: 0,
            memory: Some(MemoryState {
                stability: 12.345678,
                difficulty: 5.4321,
            }),
            due: Timestamp(1_700_000_000_000),
            last_review: Some(Timestamp(-5)),
            reps: 7,
            lapses: 1,
        }
    }

    #[test]
    fn reads_what_ron_writes_the_same_way_ron_does() {
        let state = sample_state();
        let text = ron::to_string(&state).unwrap();
        assert_eq!(from_str::<CardState>(&text).unwrap(), state);
        let settings = DeckSettings {
            parameters: Some(vec![0.1, 2.5e-5, 3.0]),
            ..DeckSettings::default()
        };
        let text = ron::to_string(&settings).unwrap();
        assert_eq!(from_str::<DeckSettings>(&text).unwrap(), settings);
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        assert!(from_str::<CardState>("CardState(phase: New, due: 0)").is_err());
        assert!(from_str::<CardState>("(phase: New, due: 0) // note").is_err());
        assert!(from_str::<CardState>("(phase: New, due: 0x10)").is_err());
        assert!(from_str::<CardState>("(phase: New, due: 0, extra: 1)").is_err());
        assert!(from_str::<String>("\"a\\\"b\"").is_err());
        assert!(from_str::<CardState>("(phase: New, due: 0").is_err());
        assert_eq!(
            from_str::<CardState>(" ( phase : New , due : 3 , ) ")
                .unwrap()
                .due,
            Timestamp(3)
        );
    }
}
