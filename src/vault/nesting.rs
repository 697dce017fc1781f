//! Nesting limits checked before a parser sees a file: YAML (frontmatter
//! and banks) nested deeper than [`MAX_NESTING`] is refused with a
//! diagnostic at the place the limit is hit, and markdown quotes and lists
//! nested deeper are read as text from that level on.
//!
//! Both parsers cost more than linear time or memory in the depth: the
//! YAML parser rescans its stack of open levels for every token (a note of
//! 100,000 `[` took a minute, 4 MB of them never finished), and
//! pulldown-cmark keeps a tree node per open level on every line (8 MiB of
//! `>` took 450 MB). Real notes nest a handful of levels deep.
//!
//! The YAML scan is a cheap model of YAML's own rules for quotes, comments,
//! block scalars and indentation, in one pass; it never parses values.

/// The deepest nesting read: YAML flow and block levels together, or
/// markdown quotes and list items on one line.
pub const MAX_NESTING: usize = 100;

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

/// Markdown quotes and list items nested deeper than `limit` on one line:
/// the marker that passes the limit is replaced, in place, by a backslash,
/// which makes the rest of the line text. Returns the 1-based line and
/// column (in characters) of the first such marker and how many lines were
/// cut, or `None` when nothing nests that deep (the text is unchanged).
///
/// Only markers written on one line can nest deeply: nesting by
/// indentation needs more indentation per level, so the size limit bounds
/// it to a few thousand levels.
pub fn cut_deep_markdown(body: &mut String, limit: usize) -> Option<((usize, usize), usize)> {
    let mut cuts = Vec::new();
    let mut start = 0;
    for (ix, line) in body.split('\n').enumerate() {
        if let Some(at) = deep_marker(line.as_bytes(), limit) {
            cuts.push((ix, start, at));
        }
        start += line.len() + 1;
    }
    let &(first_line, first_start, first_at) = cuts.first()?;
    let column = body
        .get(first_start..first_start + first_at)
        .map_or(first_at, |t| t.chars().count())
        + 1;
    let count = cuts.len();
    // Safety of the text: every marker byte is ASCII, and so is `\`.
    let mut bytes = std::mem::take(body).into_bytes();
    for (_, line_start, at) in cuts {
        if let Some(b) = bytes.get_mut(line_start + at) {
            *b = b'\\';
        }
    }
    *body = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Some(((first_line + 1, column), count))
}

/// The offset of the container marker on `line` that is level `limit + 1`.
fn deep_marker(line: &[u8], limit: usize) -> Option<usize> {
    let mut at = 0;
    let mut level = 0;
    loop {
        let spaces = line[at..].iter().take_while(|&&b| b == b' ').count();
        if spaces >= 4 && level == 0 {
            return None;
        }
        at += spaces;
        let marker = at;
        match *line.get(at)? {
            b'>' => at += 1,
            b'-' | b'*' | b'+' if matches!(line.get(at + 1), Some(b' ' | b'\t') | None) => at += 1,
            b'0'..=b'9' => {
                let digits = line[at..].iter().take_while(|b| b.is_ascii_digit()).count();
                let delimiter = matches!(line.get(at + digits), Some(b'.' | b')'));
                let then_blank = matches!(line.get(at + digits + 1), Some(b' ' | b'\t') | None);
                if digits > 9 || !delimiter || !then_blank {
                    return None;
                }
                at += digits + 1;
            }
            _ => return None,
        }
        level += 1;
        if level > limit {
            return Some(marker);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fuzz targets' oracle: nesting the scan lets through but the
    /// parser finds deeper than its own limit (128) shows as this error.
    #[test]
    fn the_parser_names_nesting_past_its_own_limit() {
        for (open, close) in [("[", "]"), ("{a: ", "}"), ("- ", "")] {
            let (open, close) = (open.repeat(200), close.repeat(200));
            let yaml = format!("x:\n  {open}1{close}\n");
            let err = serde_yaml::from_str::<serde_yaml::Value>(&yaml).unwrap_err();
            assert!(
                err.to_string().contains("recursion limit exceeded"),
                "{err}"
            );
        }
    }

    #[test]
    fn ordinary_yaml_is_within_the_limit() {
        let yaml =
            "title: 제목\ntags: [a, b]\naliases:\n  - x\n  - 'it''s [ok'\nmeta: {a: {b: [1, 2]}}\n";
        assert_eq!(yaml_too_deep(yaml, 4), None);
    }

    #[test]
    fn deep_flow_nesting_is_found_where_it_passes_the_limit() {
        let yaml = format!("title: t\nx: {}", "[".repeat(1000));
        assert_eq!(yaml_too_deep(&yaml, 100), Some((2, 4 + 99)));
        let yaml = format!("x: {}", "{a: ".repeat(1000));
        assert_eq!(yaml_too_deep(&yaml, 10), Some((1, 4 + 9 * 4)));
    }

    #[test]
    fn brackets_in_quotes_comments_and_block_scalars_do_not_count() {
        let many = "[".repeat(50);
        let yaml = format!(
            "a: \"{many}\"\nb: '{many}'\n# {many}\nc: |\n  {many}\n  {many}\nd: x {many}\n"
        );
        // Brackets inside a plain scalar in block context are text too.
        assert_eq!(yaml_too_deep(&yaml, 10), None);
    }

    #[test]
    fn a_quote_inside_a_plain_scalar_does_not_hide_later_nesting() {
        let deep = "[".repeat(200);
        for yaml in [
            format!("a: b \"\nc: {deep}"),
            format!("a: b\n  \"\nc: {deep}"),
            format!("a: [b \", {deep}"),
            format!("a: it's\nc: {deep}"),
        ] {
            assert!(yaml_too_deep(&yaml, 100).is_some(), "{yaml:.30}");
        }
    }

    /// Found by the `bank_nesting` fuzz target: a bracket inside a plain
    /// scalar was taken for an open flow collection that never closed, and
    /// the block nesting after it (`- - - …` on a later line) went
    /// uncounted.
    #[test]
    fn a_bracket_in_plain_text_does_not_hide_later_block_nesting() {
        let yaml = format!(
            "- question: q\n  options: \\? ? - -  [#- -\n  answer: A\n- question: r\n  \
             explanation:\n    {}a\n",
            "- ".repeat(150)
        );
        assert_eq!(yaml_too_deep(&yaml, 100), Some((6, 4 + 2 * 97 + 1)));
    }

    /// Found by the `frontmatter_nesting` fuzz target: brackets and quotes
    /// inside a plain scalar, then `x: ` ends the scalar and real flow
    /// nesting starts.
    #[test]
    fn flow_nesting_after_a_plain_scalar_with_brackets_and_quotes_is_found() {
        let yaml = format!(
            "x: \n    ? \\- - !t [[[[''['x: {}1{}\n",
            "[".repeat(150),
            "]".repeat(150)
        );
        assert!(yaml_too_deep(&yaml, 100).is_some());
    }

    /// Found by the fuzz targets: `[x: [x: …` nests a single-pair mapping
    /// in each sequence, two levels per bracket to the parser.
    #[test]
    fn pairs_inside_flow_sequences_count_as_levels() {
        let yaml = format!("x: {}1{}\n", "[x: ".repeat(60), "]".repeat(60));
        assert_eq!(yaml_too_deep(&yaml, 100), Some((1, 4 + 4 * 49 + 2)));
        let yaml = format!("x: {}1{}\n", "[? ".repeat(60), "]".repeat(60));
        assert!(yaml_too_deep(&yaml, 100).is_some());
        let flat = format!("x: [{}]\n", "a: 1, ".repeat(500));
        assert_eq!(yaml_too_deep(&flat, 3), None);
        let maps = format!("x: {}1{}\n", "{a: ".repeat(60), "}".repeat(60));
        assert_eq!(yaml_too_deep(&maps, 100), None);
    }

    /// The fuzz inputs that found it, as frontmatter and as a bank: the
    /// scan refuses them, or the parser finds them within its own limit.
    #[test]
    fn fuzz_finds_with_pairs_in_sequences_are_caught() {
        for yaml in [
            include_str!("../../tests/fixtures/fuzz/frontmatter-pairs.yaml"),
            include_str!("../../tests/fixtures/fuzz/bank-pairs.yaml"),
        ] {
            if yaml_too_deep(yaml, MAX_NESTING).is_none()
                && let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(yaml)
            {
                assert!(!e.to_string().contains("recursion limit"), "{e}");
            }
        }
    }

    #[test]
    fn deep_block_nesting_is_found() {
        let yaml = format!("x:\n{}a\n", "- ".repeat(300));
        assert_eq!(yaml_too_deep(&yaml, 100), Some((2, 2 * 99 + 1)));
        let mut yaml = String::new();
        for i in 0..200 {
            yaml.push_str(&" ".repeat(i));
            yaml.push_str("a:\n");
        }
        assert_eq!(yaml_too_deep(&yaml, 100), Some((101, 101)));
    }

    #[test]
    fn deep_quotes_are_cut_to_text_past_the_limit() {
        let mut body = format!("intro\n{}\nafter\n", ">".repeat(1000));
        let cut = cut_deep_markdown(&mut body, 100);
        assert_eq!(cut, Some(((2, 101), 1)));
        assert_eq!(&body[6..6 + 101], format!("{}\\", ">".repeat(100)));
        assert_eq!(body.len(), 6 + 1000 + 7);
        let mut lists = format!("{}x\n", "- ".repeat(150));
        assert_eq!(cut_deep_markdown(&mut lists, 100), Some(((1, 201), 1)));
        let mut numbered = format!("{}x\n", "1. > ".repeat(80));
        assert_eq!(cut_deep_markdown(&mut numbered, 100), Some(((1, 251), 1)));
    }

    #[test]
    fn ordinary_markdown_is_left_alone() {
        let text = "> quote\n> > inner\n- a\n  - b\n1. one\n2) two\n    code\n**bold** - no\n";
        let mut body = text.to_owned();
        assert_eq!(cut_deep_markdown(&mut body, 3), None);
        assert_eq!(body, text);
    }
}
