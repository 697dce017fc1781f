//! Which characters and pairs of characters occur anywhere in the indexed
//! text: a word holding one that occurs nowhere is in no document, and the
//! scan of the whole text is skipped. A word being typed often is such a word for a
//! keystroke or two (the IME's 첰 on the way to 체크), and without this
//! each of those keystrokes read the whole vault's text to find nothing.
//!
//! The table of the text's 초성 form also holds its runs of three
//! characters: that form has few characters (the initial consonants and
//! what is not Hangul), so its triples are few, and a 초성 word is costly
//! to look for (every syllable of its first consonant is a candidate).
//! ㅌㅅㅋ typed where the text has ㅌㅅ and ㅅㅋ but never the three in a
//! row read the whole text to find nothing, 100 ms at 100,000 notes
//! (BENCHMARKS.md, "초성 words that occur nowhere"). The text as written
//! has far more distinct triples (syllables), which would fill the table;
//! its table keeps characters and pairs.
//!
//! Owns the table; when to ask it is `scan`'s.

/// A Bloom filter of the text's characters and pairs of neighbouring
/// characters (256 KiB, one bit each): a word one of whose characters, or
/// pairs of its characters, is not set cannot occur (첰 is no character of
/// the vault; 체크폰 has characters that are, but 크폰 never occurs). A set
/// bit only says "maybe", so the table never turns away a present word.
/// A table of the 초성 form (`triples`) also has a bit for each run of
/// three characters.
#[derive(Debug, Clone)]
pub(super) struct CharPairs {
    bits: Vec<u64>,
    triples: bool,
}

const BITS: usize = 1 << 21;

impl CharPairs {
    fn empty(form: Form) -> CharPairs {
        CharPairs {
            bits: vec![0; BITS / 64],
            triples: form == Form::Choseong,
        }
    }
}

/// Bytes of the UTF-8 character led by `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0..0xE0 => 1 + usize::from(lead >= 0xC0),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Which form of a text a table is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    AsWritten,
    Choseong,
}

/// A character's bytes in the 초성 form (`hangul::choseong`), written into
/// `jamo` when that form differs.
fn choseong_bytes<'a>(c: &'a [u8], jamo: &'a mut [u8; 4]) -> &'a [u8] {
    let [lead @ (0xE1 | 0xEA..=0xED), b1, b2] = *c else {
        return c;
    };
    let code = (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
    match char::from_u32(code) {
        Some(ch) if super::hangul::choseong(ch) != ch => {
            let n = super::hangul::choseong(ch).encode_utf8(jamo).len();
            &jamo[..n]
        }
        _ => c,
    }
}

/// The bit of a run of `chars` characters (one, two or three), `bytes`
/// long: the run's bytes folded onto a start that tells the lengths apart.
fn bit(bytes: &[u8], chars: u64) -> usize {
    let x = bytes
        .iter()
        .fold(chars - 1, |x, &b| x.rotate_left(8) ^ u64::from(b));
    hashed(x)
}

/// The table's bit for a character's (or pair's) folded bytes.
fn hashed(x: u64) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let b = (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 43) as usize;
    b
}

/// The bits of a text's characters and runs of two neighbouring
/// characters, and of three with `triples`.
fn bits(text: &[u8], triples: bool) -> impl Iterator<Item = usize> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let j = i + char_len(*text.get(i)?);
        let one = bit(text.get(i..j)?, 1);
        let k = text.get(j).map(|&b| j + char_len(b));
        let two = k.and_then(|k| text.get(i..k)).map(|pair| bit(pair, 2));
        let three = k
            .filter(|_| triples)
            .and_then(|k| Some(k + char_len(*text.get(k)?)))
            .and_then(|l| text.get(i..l))
            .map(|run| bit(run, 3));
        i = j;
        Some(std::iter::once(one).chain(two).chain(three))
    })
    .flatten()
}

impl CharPairs {
    /// The table of a text (or of any bytes: the tests read some that are
    /// not text).
    #[cfg(test)]
    pub(super) fn of(text: &[u8]) -> CharPairs {
        let mut t = CharPairs::empty(Form::AsWritten);
        t.add(text);
        t
    }

    /// The table of a text, its parts read on `parts` threads (cut
    /// between characters; the runs across each cut are added on their
    /// own) and the parts' tables joined.
    pub(super) fn of_in_parts(text: &str, parts: usize) -> CharPairs {
        CharPairs::in_parts(text, parts, Form::AsWritten)
    }

    /// The table of a text's 초성 form (`hangul::choseong_form`), read
    /// from the text itself as [`CharPairs::of_in_parts`] reads it, without
    /// making the 초성 text. It reads the whole text (about a second at
    /// 100,000 notes), so the app has it made on a thread of its own
    /// (`SearchIndex::prepare_choseong`).
    pub(super) fn of_choseong_in_parts(text: &str, parts: usize) -> CharPairs {
        CharPairs::in_parts(text, parts, Form::Choseong)
    }

    fn in_parts(text: &str, parts: usize, form: Form) -> CharPairs {
        let cuts = super::parts::char_cuts(text, parts);
        if cuts.len() <= 2 {
            let mut t = CharPairs::empty(form);
            t.add_as(text.as_bytes(), form);
            return t;
        }
        let tables: Vec<CharPairs> = std::thread::scope(|scope| {
            let threads: Vec<_> = cuts
                .windows(2)
                .map(|w| {
                    let part = &text.as_bytes()[w[0]..w[1]];
                    scope.spawn(move || {
                        let mut t = CharPairs::empty(form);
                        t.add_as(part, form);
                        t
                    })
                })
                .collect();
            threads
                .into_iter()
                .map(|t| {
                    t.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let mut all = CharPairs::empty(form);
        for t in &tables {
            for (a, b) in all.bits.iter_mut().zip(&t.bits) {
                *a |= b;
            }
        }
        // The runs across each cut: the characters either side of it,
        // and with triples two either side.
        let reach = if all.triples { 2 } else { 1 };
        for &cut in &cuts[1..cuts.len() - 1] {
            let (mut before, mut after) = (cut, cut);
            for _ in 0..reach {
                before = (0..before)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                after = (after + 1..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len());
            }
            all.add_as(&text.as_bytes()[before..after], form);
        }
        all
    }

    /// Adds the characters of more text: the bits of [`bits`], worked out
    /// in one pass that folds each character's bytes once, and rotates
    /// the runs before it past the character to continue them.
    /// With it and the parts on every core, the 100,000-note index build
    /// took 1.27 s instead of 2.43 s (BENCHMARKS.md, "One copy of the
    /// text").
    pub(super) fn add(&mut self, text: &[u8]) {
        self.add_as(text, Form::AsWritten);
    }

    /// [`CharPairs::add`] of the text as written, or of its 초성 form
    /// (with its triples, as the table was made for).
    fn add_as(&mut self, text: &[u8], form: Form) {
        let triples = self.triples;
        let bits = &mut self.bits;
        let mut set = |x: u64| {
            let b = hashed(x);
            bits[b / 64] |= 1 << (b % 64);
        };
        let mut i = 0;
        // The character before folded as a pair begins, and the two
        // before (and the one before) as a triple begins.
        let mut before: Option<u64> = None;
        let mut two_before: Option<u64> = None;
        let mut one_before: Option<u64> = None;
        while let Some(&lead) = text.get(i) {
            let Some(written) = text.get(i..i + char_len(lead)) else {
                break;
            };
            let mut jamo = [0; 4];
            let c = match form {
                Form::Choseong => choseong_bytes(written, &mut jamo),
                Form::AsWritten => written,
            };
            // A run's fold is its start's rotated past the character,
            // with the character's own fold: folded once, combined thrice.
            let own = c.iter().fold(0u64, |x, &b| x.rotate_left(8) ^ u64::from(b));
            let rotation = 8 * u32::try_from(c.len()).unwrap_or(0);
            let fold = |x: u64| x.rotate_left(rotation) ^ own;
            set(fold(0));
            if let Some(x) = before {
                set(fold(x));
            }
            before = Some(fold(1));
            if triples {
                if let Some(x) = two_before {
                    set(fold(x));
                }
                two_before = one_before.map(fold);
                one_before = Some(fold(2));
            }
            i += written.len();
        }
    }

    /// False when `needle` cannot occur in the text; true when it may.
    pub(super) fn may_hold(&self, needle: &[u8]) -> bool {
        bits(needle, self.triples).all(|b| self.bits[b / 64] >> (b % 64) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table as [`bits`] gives it, one bit at a time: the simple path.
    fn simple(text: &[u8], form: Form) -> CharPairs {
        let mut t = CharPairs::empty(form);
        for b in bits(text, t.triples) {
            t.bits[b / 64] |= 1 << (b % 64);
        }
        t
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_table_is_the_table_of_bits(
            text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            s in "[가-힣ᄀ-ᄒa-zA-Z0-9 ㄱ-ㅎ\\n\\x00é😀]{0,80}",
        ) {
            let plain = Form::AsWritten;
            proptest::prop_assert!(CharPairs::of(&text).bits == simple(&text, plain).bits);
            proptest::prop_assert!(CharPairs::of(s.as_bytes()).bits == simple(s.as_bytes(), plain).bits);
            let choseong = crate::search::hangul::choseong_form(&s);
            for parts in 1..=4 {
                proptest::prop_assert!(
                    CharPairs::of_in_parts(&s, parts).bits == simple(s.as_bytes(), plain).bits
                );
                proptest::prop_assert!(
                    CharPairs::of_choseong_in_parts(&s, parts).bits
                        == simple(choseong.as_bytes(), Form::Choseong).bits
                );
            }
        }
    }

    #[test]
    fn every_part_of_the_text_may_be_there_and_a_missing_syllable_is_not() {
        let text = "체크포인트를 남긴다\0spark streaming m5.large";
        let t = CharPairs::of(text.as_bytes());
        for (i, _) in text.char_indices() {
            for (j, _) in text[i..].char_indices().skip(1) {
                assert!(
                    t.may_hold(&text.as_bytes()[i..i + j]),
                    "{}",
                    &text[i..i + j]
                );
            }
        }
        for absent in ["첰", "체킈", "sparc", "ㅊ", "체크폰", "트체"] {
            assert!(!t.may_hold(absent.as_bytes()), "{absent}");
        }
    }

    #[test]
    fn the_choseong_table_turns_away_three_initials_never_in_a_row() {
        // ㅌㅅ (특성) and ㅅㅋ (스크) are there, never ㅌㅅㅋ.
        let text = "특성 스크린, 태블릿의 특성";
        let cho = crate::search::hangul::choseong_form(text);
        for parts in 1..=3 {
            let t = CharPairs::of_choseong_in_parts(text, parts);
            for (i, _) in cho.char_indices() {
                for (j, c) in cho[i..].char_indices() {
                    let part = &cho[i..i + j + c.len_utf8()];
                    assert!(t.may_hold(part.as_bytes()), "{part}");
                }
            }
            for absent in ["ㅌㅅㅋ", "ㅅㅋㅌ", "ㅌㅂㅌ"] {
                assert!(!t.may_hold(absent.as_bytes()), "{absent}");
            }
        }
        // Characters and pairs alone could not tell.
        assert!(CharPairs::of(cho.as_bytes()).may_hold("ㅌㅅㅋ".as_bytes()));
    }
}
