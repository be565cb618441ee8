//! A forgiving, position-keeping reading of RON text.
//!
//! serde tells *whether* a deck file is valid; this tells *where* each part of it is, so that
//! problems found after parsing (an empty `front`, a duplicate id) can name a line and column,
//! and so that ids can be written into the file without touching anything else in it.

/// One value in the text, with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub start: usize,
    pub end: usize,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `(name: value, ...)`, optionally preceded by a struct name.
    Struct(Vec<Field>),
    /// `(a, b)`, `Some(x)`, or an empty `()`.
    Tuple(Vec<Node>),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// A string literal, unescaped.
    Str(String),
    /// Anything else (number, bool, identifier), as written.
    Atom(String),
}

/// `name: value` inside a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub name_start: usize,
    pub value: Node,
}

impl Node {
    /// The field of a struct with this name.
    pub fn field(&self, name: &str) -> Option<&Field> {
        match &self.kind {
            NodeKind::Struct(fields) => fields.iter().find(|f| f.name == name),
            _ => None,
        }
    }

    /// The deepest struct whose text spans `offset` (its closing parenthesis included).
    pub fn innermost_struct_at(&self, offset: usize) -> Option<&Node> {
        if offset < self.start || offset > self.end {
            return None;
        }
        let inner = match &self.kind {
            NodeKind::Struct(fields) => fields
                .iter()
                .find_map(|f| f.value.innermost_struct_at(offset)),
            NodeKind::Tuple(items) | NodeKind::List(items) => {
                items.iter().find_map(|n| n.innermost_struct_at(offset))
            }
            NodeKind::Map(entries) => entries
                .iter()
                .find_map(|(_, v)| v.innermost_struct_at(offset)),
            NodeKind::Str(_) | NodeKind::Atom(_) => None,
        };
        match (&self.kind, inner) {
            (_, Some(inner)) => Some(inner),
            (NodeKind::Struct(_), None) => Some(self),
            _ => None,
        }
    }

    /// The items of a list.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::List(items) => items,
            _ => &[],
        }
    }

    /// Seen through `Some(...)`: the value inside, else the node itself.
    #[cfg(test)]
    pub fn unwrap_some(&self) -> &Node {
        match &self.kind {
            NodeKind::Tuple(items) if items.len() == 1 => &items[0],
            _ => self,
        }
    }
}

/// Deeper nesting than any deck needs; stops hostile input from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Reads the first value in `text` (after `#![enable(...)]` attributes). None when the text
/// does not have the shape of RON; serde then says what is wrong.
pub fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader { text, pos: 0 };
    reader.skip_attributes()?;
    reader.value(0)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, expected: char) -> bool {
        self.skip_blank();
        if self.peek() == Some(expected) {
            self.pos += expected.len_utf8();
            true
        } else {
            false
        }
    }

    /// Skips white space and comments (`//`, and nested `/* */`).
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            let skipped = rest.len() - rest.trim_start().len();
            self.pos += skipped;
            let rest = self.rest();
            if rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.skip_block_comment();
            } else {
                return;
            }
        }
    }

    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while !self.rest().is_empty() {
            if self.rest().starts_with("/*") {
                depth += 1;
                self.pos += 2;
            } else if self.rest().starts_with("*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    fn skip_attributes(&mut self) -> Option<()> {
        loop {
            self.skip_blank();
            if !self.rest().starts_with("#!") {
                return Some(());
            }
            let end = self.rest().find(']')?;
            self.pos += end + 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_blank();
        let start = self.pos;
        let kind = match self.peek()? {
            '(' => self.parenthesized(depth)?,
            '[' => {
                self.bump();
                NodeKind::List(self.sequence(']', depth)?)
            }
            '{' => self.map(depth)?,
            '"' => NodeKind::Str(self.string()?),
            'r' if self.rest()[1..].starts_with(['"', '#']) => NodeKind::Str(self.raw_string()?),
            'b' if self.rest()[1..].starts_with('"') => {
                self.bump();
                NodeKind::Str(self.string()?)
            }
            '\'' => NodeKind::Atom(self.char_literal()?),
            c if c.is_alphabetic() || c == '_' => {
                let word = self.word();
                self.skip_blank();
                if self.peek() == Some('(') {
                    self.parenthesized(depth)?
                } else {
                    NodeKind::Atom(word)
                }
            }
            _ => NodeKind::Atom(self.atom()?),
        };
        Some(Node {
            start,
            end: self.pos,
            kind,
        })
    }

    /// `( ... )`: a struct when it starts with `name:`, else a tuple.
    fn parenthesized(&mut self, depth: usize) -> Option<NodeKind> {
        self.eat('(');
        self.skip_blank();
        let save = self.pos;
        let is_struct = if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
            self.word();
            self.skip_blank();
            let colon = self.peek() == Some(':') && !self.rest().starts_with("::");
            self.pos = save;
            colon
        } else {
            false
        };
        if !is_struct {
            return Some(NodeKind::Tuple(self.sequence(')', depth)?));
        }
        let mut fields = Vec::new();
        loop {
            self.skip_blank();
            if self.eat(')') {
                return Some(NodeKind::Struct(fields));
            }
            let name_start = self.pos;
            let name = self.word();
            if name.is_empty() || !self.eat(':') {
                return None;
            }
            let value = self.value(depth + 1)?;
            fields.push(Field {
                name,
                name_start,
                value,
            });
            if !self.eat(',') {
                return self.eat(')').then_some(NodeKind::Struct(fields));
            }
        }
    }

    /// Comma-separated values up to `close` (the opening bracket already read).
    fn sequence(&mut self, close: char, depth: usize) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        loop {
            if self.eat(close) {
                return Some(items);
            }
            items.push(self.value(depth + 1)?);
            if !self.eat(',') {
                return self.eat(close).then_some(items);
            }
        }
    }

    fn map(&mut self, depth: usize) -> Option<NodeKind> {
        self.bump();
        let mut entries = Vec::new();
        loop {
            if self.eat('}') {
                return Some(NodeKind::Map(entries));
            }
            let key = self.value(depth + 1)?;
            if !self.eat(':') {
                return None;
            }
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            if !self.eat(',') {
                return self.eat('}').then_some(NodeKind::Map(entries));
            }
        }
    }

    fn word(&mut self) -> String {
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(self.rest().len());
        let word = self.rest()[..len].to_string();
        self.pos += len;
        word
    }

    /// A number or other bare token, up to the next delimiter.
    fn atom(&mut self) -> Option<String> {
        let len = self
            .rest()
            .find(|c: char| c.is_whitespace() || ",:()[]{}\"'/".contains(c))
            .unwrap_or(self.rest().len());
        if len == 0 {
            return None;
        }
        let atom = self.rest()[..len].to_string();
        self.pos += len;
        Some(atom)
    }

    fn string(&mut self) -> Option<String> {
        self.bump();
        let mut out = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(out),
                '\\' => out.push(self.escape()?),
                c => out.push(c),
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.bump()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            'u' => {
                let braced = self.eat('{');
                let len = self
                    .rest()
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .unwrap_or(0);
                let len = if braced { len } else { len.min(4) };
                let code = u32::from_str_radix(&self.rest()[..len], 16).ok()?;
                self.pos += len;
                if braced && !self.eat('}') {
                    return None;
                }
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            'x' => {
                let hex = self.rest().get(..2)?;
                let code = u8::from_str_radix(hex, 16).ok()?;
                self.pos += 2;
                code as char
            }
            other => other,
        })
    }

    fn raw_string(&mut self) -> Option<String> {
        self.bump();
        let hashes = self.rest().len() - self.rest().trim_start_matches('#').len();
        self.pos += hashes;
        if self.bump()? != '"' {
            return None;
        }
        let closing = format!("\"{}", "#".repeat(hashes));
        let end = self.rest().find(&closing)?;
        let out = self.rest()[..end].to_string();
        self.pos += end + closing.len();
        Some(out)
    }

    fn char_literal(&mut self) -> Option<String> {
        let start = self.pos;
        self.bump();
        if self.bump()? == '\\' {
            self.escape()?;
        }
        (self.bump()? == '\'').then(|| self.text[start..self.pos].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_lists_and_positions() {
        let text = "#![enable(implicit_some)]\n// deck\n(\n  format: 1,\n  cards: [\n    (id: \"a\", front: r#\"x\"y\"#),\n  ],\n)\n";
        let root = parse(text).unwrap();
        assert_eq!(
            root.field("format").unwrap().value.kind,
            NodeKind::Atom("1".into())
        );
        let cards = &root.field("cards").unwrap().value;
        let card = &cards.items()[0];
        let lines = super::super::line_index::LineIndex::new(text);
        assert_eq!(lines.location(card.start), crate::deck::Location::new(6, 5));
        let front = card.field("front").unwrap();
        assert_eq!(front.value.kind, NodeKind::Str("x\"y".into()));
    }

    #[test]
    fn named_structs_some_and_escapes() {
        let root = parse("Deck(a: Some(\"\\u{48}i\\n\"), b: [], c: {\"k\": 1})").unwrap();
        let a = root.field("a").unwrap().value.unwrap_some();
        assert_eq!(a.kind, NodeKind::Str("Hi\n".into()));
        assert!(matches!(
            root.field("c").unwrap().value.kind,
            NodeKind::Map(_)
        ));
    }

    #[test]
    fn hostile_input_gives_none_not_a_panic() {
        for text in [
            "",
            "(",
            "((((((",
            "(a: ",
            "\"unterminated",
            "r#\"x",
            "[1,",
            "(a: 1 b: 2)",
        ] {
            assert!(parse(text).is_none(), "{text:?}");
        }
        assert!(parse(&"[".repeat(10_000)).is_none());
    }
}
