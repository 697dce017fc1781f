//! The YAML half of the nesting limit: one pass over frontmatter or a
//! bank that finds where flow and block levels together pass the limit.
//! It models the YAML parser's own rules for quotes, comments, block
//! scalars and indentation, and never parses values.

/// Where a YAML text first nests deeper than `limit` levels, as a 1-based
/// line and column (in characters), or `None` when it stays within.
pub fn yaml_too_deep(yaml: &str, limit: usize) -> Option<(usize, usize)> {
    let mut scan = YamlScan::default();
    for (ix, line) in yaml.split('\n').enumerate() {
        if let Some(col) = scan.line(line.strip_suffix('\r').unwrap_or(line), limit) {
            let column = line.get(..col).map_or(col, |t| t.chars().count()) + 1;
            return Some((ix + 1, column));
        }
    }
    None
}

/// A block level: a collection opened at the start of a line or after a
/// compact indicator (`- `, `? `), or a line of a scalar (counted, to be
/// safe).
#[derive(Clone, Copy)]
struct Level {
    /// The column its first token is at.
    column: usize,
    /// What opened it.
    kind: Kind,
}

/// What opened a block level.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A list: its first token is a block entry `- `.
    List,
    /// A list at the column of the key it is the value of (`a:\n- b`),
    /// a level of its own to the parser on top of the mapping.
    KeyList,
    /// A mapping, or anything else.
    Other,
}

/// The block collection a scalar belongs to: the lines indented past its
/// column go on with a plain scalar, or are the lines of a block scalar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holder {
    /// The document itself: a plain scalar goes on over every line.
    Root,
    /// The collection whose `- `, `? ` or key is at this column.
    At(usize),
}

impl Holder {
    /// True when a line indented `indent` spaces is inside the holder.
    fn holds(self, indent: usize) -> bool {
        match self {
            Holder::Root => true,
            Holder::At(column) => indent > column,
        }
    }
}

/// Where the scan is, between one character and the next.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Place {
    /// The next character may start a token: a quote there opens a quoted
    /// scalar, and `#` a comment.
    #[default]
    Token,
    /// Inside a plain scalar. In block context it goes on over the next
    /// lines its holder holds, as the YAML parser reads it (YAML 1.2,
    /// 7.3.3: only more indented than the collection), until a line
    /// starting with `#`.
    Plain { holder: Holder },
    /// Just after a quoted scalar, a flow collection or an alias: `#`
    /// here starts a comment, and `:` is a value indicator.
    After,
}

/// The state of a YAML scan between lines.
struct YamlScan {
    /// Open flow levels: the collections (`[` and `{`) and the implicit
    /// single-pair mappings inside sequences (`[a: [b: …`), each a level
    /// to the parser.
    flow: usize,
    /// The open flow collections: a sequence or not, and whether a pair
    /// (`key: value` or `? key`) is open in it.
    open: Vec<(bool, bool)>,
    /// The open block levels, innermost last.
    levels: Vec<Level>,
    /// Block levels open where the current flow collection started: the
    /// indentation levels and the compact ones (`- - x`) of its line.
    block: usize,
    /// Inside a quoted scalar that goes on past the line: its quote.
    quote: Option<u8>,
    /// Inside a block scalar (`|`, `>`): its lines are those indented
    /// past this column.
    block_scalar: Option<usize>,
    /// Where the scan is on the line.
    place: Place,
    /// The block collection whose value may come next (after its `- `,
    /// `? ` or key, or the root before anything). Kept over line breaks,
    /// comments, anchors and tags; a scalar starting there belongs to it.
    value_of: Option<Holder>,
}

impl Default for YamlScan {
    fn default() -> Self {
        Self {
            flow: 0,
            open: Vec::new(),
            levels: Vec::new(),
            block: 0,
            quote: None,
            block_scalar: None,
            place: Place::Token,
            value_of: Some(Holder::Root),
        }
    }
}

/// True for a space or a tab.
fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// True for a character of an anchor or alias name (`&x`, `*x`).
fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// True for a document marker (`---`, `...`) at the start of `line`.
fn is_document_marker(line: &[u8]) -> bool {
    (line.starts_with(b"---") || line.starts_with(b"..."))
        && line.get(3).is_none_or(|&b| is_blank(b))
}

impl YamlScan {
    /// One flow level more (a collection or a pair); true past `limit`.
    fn deeper(&mut self, limit: usize) -> bool {
        self.flow += 1;
        self.place = Place::Token;
        self.value_of = None;
        self.block + self.flow > limit
    }

    /// A block entry (`- `, `? `) at `at`: its content starts a level of
    /// its own, at the column after the indicator. True past `limit`.
    fn compact(&mut self, bytes: &[u8], at: usize, limit: usize) -> bool {
        let column = at + 1 + bytes[at + 1..].iter().take_while(|&&n| n == b' ').count();
        let list =
            bytes.get(column) == Some(&b'-') && bytes.get(column + 1).is_none_or(|&n| is_blank(n));
        let kind = if list { Kind::List } else { Kind::Other };
        self.levels.push(Level { column, kind });
        self.value_of = Some(Holder::At(at));
        self.block = self.levels.len();
        self.block > limit
    }

    /// A pair opens in the innermost flow collection; true past `limit`.
    fn open_pair(&mut self, limit: usize) -> bool {
        if let Some(top) = self.open.last_mut() {
            top.1 = true;
        }
        self.deeper(limit)
    }

    /// A flow collection closes, with the pair open in it.
    fn leave_flow(&mut self) {
        let pair = self.open.pop().is_some_and(|(_, pair)| pair);
        self.flow = self.flow.saturating_sub(1 + usize::from(pair));
        self.place = Place::After;
    }

    /// `,` in a flow collection ends the pair open in it.
    fn end_pair(&mut self) {
        if let Some(top) = self.open.last_mut().filter(|t| t.1) {
            top.1 = false;
            self.flow = self.flow.saturating_sub(1);
        }
        self.place = Place::Token;
    }

    /// The column of the collection a scalar starting here belongs to:
    /// the one waiting for a value, or else the level of its own line
    /// (where a key is, the only valid reading).
    fn holder(&mut self) -> Holder {
        let own = self.own_level();
        self.value_of.take().unwrap_or(own)
    }

    /// The innermost block level, as a holder.
    fn own_level(&self) -> Holder {
        self.levels
            .last()
            .map_or(Holder::Root, |l| Holder::At(l.column))
    }

    /// A line in block context starts a new token at `indent`: the levels
    /// deeper than it end, and it opens one unless it goes on with the
    /// collection at its column.
    fn start_line(&mut self, bytes: &[u8], indent: usize) {
        let entry =
            bytes.get(indent) == Some(&b'-') && bytes.get(indent + 1).is_none_or(|&n| is_blank(n));
        while self.levels.last().is_some_and(|l| l.column > indent) {
            self.levels.pop();
        }
        match self.levels.last().map(|l| (l.column, l.kind)) {
            Some((column, kind)) if column == indent => match (entry, kind) {
                (true, Kind::Other) => self.levels.push(Level {
                    column,
                    kind: Kind::KeyList,
                }),
                (false, Kind::KeyList) => {
                    self.levels.pop();
                }
                _ => {}
            },
            _ => {
                let kind = if entry { Kind::List } else { Kind::Other };
                self.levels.push(Level {
                    column: indent,
                    kind,
                });
            }
        }
        self.place = Place::Token;
        self.block = self.levels.len();
    }

    /// Scans one line (no line break); the byte offset where the depth
    /// passes `limit`, if it does.
    fn line(&mut self, line: &str, limit: usize) -> Option<usize> {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = bytes[indent..].iter().all(|&b| is_blank(b) || b == b'\r');
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return None;
            }
            self.block_scalar = None;
        }
        let mut at = 0;
        if self.quote.is_none() && self.flow == 0 {
            if blank {
                return None;
            }
            if bytes.get(indent) == Some(&b'#') {
                // A comment line ends a plain scalar, however indented.
                if matches!(self.place, Place::Plain { .. }) {
                    self.place = Place::Token;
                }
                return None;
            }
            at = self.begin(bytes, indent);
            if self.block > limit {
                return Some(indent);
            }
        }
        let mut prev_space = true;
        while let Some(&b) = bytes.get(at) {
            if self.quote.is_some() {
                at = self.quoted(bytes, at);
                prev_space = false;
                continue;
            }
            if b == b'#' && (prev_space || !matches!(self.place, Place::Plain { .. })) {
                // In plain text only after a space; anywhere else at once.
                self.place = Place::Token;
                break;
            }
            if self.token(bytes, &mut at, limit) {
                return Some(at);
            }
            prev_space = is_blank(b);
            at += 1;
        }
        None
    }

    /// A line in block context, outside quotes, that is neither blank nor
    /// a comment: where its tokens start.
    fn begin(&mut self, bytes: &[u8], indent: usize) -> usize {
        if is_document_marker(bytes) {
            *self = Self::default();
            return 3;
        }
        match self.place {
            // The line goes on with the plain scalar: text.
            Place::Plain { holder } if holder.holds(indent) => {}
            _ => self.start_line(bytes, indent),
        }
        indent
    }

    /// One character inside a quoted scalar, at `at`; where the next is.
    fn quoted(&mut self, bytes: &[u8], at: usize) -> usize {
        let b = bytes[at];
        match self.quote {
            Some(b'"') if b == b'\\' => return at + 2,
            Some(b'\'') if b == b'\'' && bytes.get(at + 1) == Some(&b'\'') => return at + 2,
            Some(q) if b == q => {
                self.quote = None;
                self.place = Place::After;
            }
            _ => {}
        }
        at + 1
    }

    /// The character at `at`, outside quotes and comments (a name or tag
    /// moves `at` to its last character); true when it passes `limit`.
    fn token(&mut self, bytes: &[u8], at: &mut usize, limit: usize) -> bool {
        let b = bytes[*at];
        let next = bytes.get(*at + 1).copied();
        let ends_token = next.is_none_or(is_blank);
        let token = self.place == Place::Token;
        let plain = matches!(self.place, Place::Plain { .. });
        // `:` is a value indicator when followed by a space; in flow
        // context also right after a token, or before a flow indicator,
        // but inside plain text (`[a:"b]`) it is text.
        let colon = b == b':'
            && (ends_token
                || self.flow > 0 && (!plain || next.is_some_and(|n| b",[]{}".contains(&n))));
        match b {
            b'"' | b'\'' if token => {
                self.quote = Some(b);
                self.value_of = None;
            }
            // In block context a bracket inside a plain scalar is text; in
            // flow context every one counts (a stray one is a parse error,
            // found at once).
            b'[' | b'{' if token || self.flow > 0 => {
                self.open.push((b == b'[', false));
                return self.deeper(limit);
            }
            b']' | b'}' if self.flow > 0 => self.leave_flow(),
            b',' if self.flow > 0 => self.end_pair(),
            // A pair inside a flow collection: in a sequence it is a
            // mapping of its own, one level deeper (counted for `?` in any
            // collection, to be safe). There the parser reads `?` as a key
            // wherever a token may start, space after it or not.
            b':' | b'?'
                if self.flow > 0
                    && (colon || (b == b'?' && token))
                    && self
                        .open
                        .last()
                        .is_some_and(|&(seq, pair)| !pair && (seq || b == b'?')) =>
            {
                return self.open_pair(limit);
            }
            b':' if colon => {
                self.place = Place::Token;
                if self.flow == 0 {
                    self.value_of = Some(self.own_level());
                }
            }
            // (In flow context `- ` is an error the parser finds at once.)
            b'-' | b'?' if token && ends_token && self.flow == 0 => {
                return self.compact(bytes, *at, limit);
            }
            b'|' | b'>' if token && self.flow == 0 => {
                // At the root its lines need one space at least.
                self.block_scalar = Some(match self.holder() {
                    Holder::Root => 0,
                    Holder::At(column) => column,
                });
                self.place = Place::After;
                *at = bytes.len();
            }
            // An anchor or alias name ends where a name character does.
            b'&' | b'*' if token => {
                while bytes.get(*at + 1).is_some_and(|&n| is_name(n)) {
                    *at += 1;
                }
                if b == b'*' {
                    self.place = Place::After;
                    self.value_of = None;
                }
            }
            // A tag goes on to a space (or a flow indicator).
            b'!' if token => {
                let flow = self.flow > 0;
                while bytes
                    .get(*at + 1)
                    .is_some_and(|&n| !(is_blank(n) || flow && b",[]{}".contains(&n)))
                {
                    *at += 1;
                }
            }
            b' ' | b'\t' => {}
            _ if token => {
                let holder = self.holder();
                self.place = Place::Plain { holder };
            }
            _ => {}
        }
        false
    }
}

#[cfg(test)]
#[path = "yaml_tests.rs"]
mod tests;
