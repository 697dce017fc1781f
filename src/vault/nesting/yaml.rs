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

/// The state of a YAML scan between lines.
#[derive(Default)]
struct YamlScan {
    /// Open flow levels: the collections (`[` and `{`) and the implicit
    /// single-pair mappings inside sequences (`[a: [b: …`), each a level
    /// to the parser.
    flow: usize,
    /// The open flow collections: a sequence or not, and whether a pair
    /// (`key: value` or `? key`) is open in it.
    open: Vec<(bool, bool)>,
    /// Indentations of the open block levels.
    indents: Vec<usize>,
    /// Block levels open where the current flow collection started: the
    /// indentation levels and the compact ones (`- - x`) of its line.
    block: usize,
    /// Inside a quoted scalar that goes on past the line: its quote.
    quote: Option<u8>,
    /// Inside a block scalar (`|`, `>`) whose parent line had this indent.
    block_scalar: Option<usize>,
    /// The next character may start a token (a quote there opens a quoted
    /// scalar); false inside a plain scalar, which may go on to the next
    /// line.
    token_start: bool,
}

impl YamlScan {
    /// One flow level more (a collection or a pair); true past `limit`.
    fn deeper(&mut self, limit: usize) -> bool {
        self.flow += 1;
        self.token_start = true;
        self.block + self.flow > limit
    }

    /// A block entry (`- `, `? `) at `at`: its content starts a level of
    /// its own, at the column after the indicator. True past `limit`.
    fn compact(&mut self, bytes: &[u8], at: usize, limit: usize) -> bool {
        let content = at + 1 + bytes[at + 1..].iter().take_while(|&&n| n == b' ').count();
        self.indents.push(content);
        self.block = self.indents.len();
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
        self.token_start = false;
    }

    /// `,` in a flow collection ends the pair open in it.
    fn end_pair(&mut self) {
        if let Some(top) = self.open.last_mut().filter(|t| t.1) {
            top.1 = false;
            self.flow = self.flow.saturating_sub(1);
        }
        self.token_start = true;
    }

    /// Scans one line (no line break); the byte offset where the depth
    /// passes `limit`, if it does.
    fn line(&mut self, line: &str, limit: usize) -> Option<usize> {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = bytes[indent..]
            .iter()
            .all(|&b| b == b' ' || b == b'\t' || b == b'\r');
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return None;
            }
            self.block_scalar = None;
        }
        let mut at = 0;
        if self.quote.is_none() && self.flow == 0 {
            if blank || bytes.get(indent) == Some(&b'#') {
                return None;
            }
            // A more indented line after an unfinished plain scalar goes on
            // with it; anything else starts a new token.
            let continues = !self.token_start && self.indents.last().is_some_and(|&i| indent > i);
            if !continues {
                while self.indents.last().is_some_and(|&i| i >= indent) {
                    self.indents.pop();
                }
                self.indents.push(indent);
                self.token_start = true;
            }
            at = indent;
            self.block = self.indents.len();
            if self.block > limit {
                return Some(indent);
            }
        }
        let mut prev_space = true;
        while let Some(&b) = bytes.get(at) {
            let next = bytes.get(at + 1).copied();
            let ends_token = next.is_none_or(|n| n == b' ' || n == b'\t');
            if let Some(q) = self.quote {
                if q == b'"' && b == b'\\' {
                    at += 2;
                    continue;
                }
                if b == q {
                    if q == b'\'' && next == Some(b'\'') {
                        at += 2;
                        continue;
                    }
                    self.quote = None;
                    self.token_start = false;
                }
                at += 1;
                prev_space = false;
                continue;
            }
            match b {
                b'#' if prev_space => break,
                b'"' | b'\'' if self.token_start => self.quote = Some(b),
                // In block context a bracket inside a plain scalar is text;
                // in flow context every one counts (a stray one is a
                // parse error, found at once).
                b'[' | b'{' if self.token_start || self.flow > 0 => {
                    self.open.push((b == b'[', false));
                    if self.deeper(limit) {
                        return Some(at);
                    }
                }
                b']' | b'}' => self.leave_flow(),
                b',' if self.flow > 0 => self.end_pair(),
                // A pair inside a flow collection: in a sequence it is a
                // mapping of its own, one level deeper (counted for `?` in
                // any collection, to be safe).
                b':' | b'?'
                    if self.flow > 0
                        && (b == b':' || (self.token_start && ends_token))
                        && self
                            .open
                            .last()
                            .is_some_and(|&(seq, pair)| !pair && (seq || b == b'?')) =>
                {
                    if self.open_pair(limit) {
                        return Some(at);
                    }
                }
                b':' if ends_token || self.flow > 0 => self.token_start = true,
                // (In flow context `- ` is an error the parser finds at once.)
                b'-' | b'?' if self.token_start && ends_token && self.flow == 0 => {
                    if self.compact(bytes, at, limit) {
                        return Some(at);
                    }
                }
                b'|' | b'>' if self.token_start && self.flow == 0 => {
                    self.block_scalar = Some(indent);
                    self.token_start = false;
                    return None;
                }
                b'&' | b'!' | b'*' if self.token_start => {
                    // An anchor, tag or alias: a token of its own.
                    while bytes.get(at + 1).is_some_and(|&n| n != b' ' && n != b'\t') {
                        at += 1;
                    }
                    self.token_start = b != b'*';
                }
                b' ' | b'\t' => {}
                _ => self.token_start = false,
            }
            prev_space = b == b' ' || b == b'\t';
            at += 1;
        }
        None
    }
}

#[cfg(test)]
#[path = "yaml_tests.rs"]
mod tests;
