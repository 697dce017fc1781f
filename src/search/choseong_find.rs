//! Finding a word in the folded text: a plain word by a SIMD substring
//! search, a 초성 word (ㅅㅍ) by reading the folded text as its 초성 form
//! (every syllable its initial consonant) where it lies. The 초성 form of
//! a character has the length of the character, so a place in one is the
//! same place in the other, and no 초성 copy of the text is made: at
//! 100,000 notes that copy was 311 MB and took 1.8–2.0 s on the first
//! 초성 query (issue #15; BENCHMARKS.md, "Question texts kept once,
//! capitals by their distances, 초성 in place").
//!
//! The simple path is the copy: `hangul::choseong_form` of the text and a
//! substring search in it. The tests give both the same texts and words.
//!
//! Owns these two searches; the 초성 form of a character is `hangul`'s.

use memchr::memmem::Finder;

use super::hangul::choseong;

/// A word to find in the folded text. One is made per word scanned and
/// lives on the stack, so the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum WordFinder<'n> {
    /// The word as it is written.
    Plain(Finder<'n>),
    /// A word of initial consonants, found in the text's 초성 form.
    Choseong(ChoseongFinder),
}

impl WordFinder<'_> {
    /// The offset in `hay` of the word's first occurrence (`hay` may start
    /// or end inside a character).
    pub(super) fn find(&self, hay: &[u8]) -> Option<usize> {
        match self {
            WordFinder::Plain(f) => f.find(hay),
            WordFinder::Choseong(f) => f.find(hay),
        }
    }

    /// True when `hay` starts with the word.
    pub(super) fn starts(&self, hay: &[u8]) -> bool {
        match self {
            WordFinder::Plain(f) => hay.starts_with(f.needle()),
            WordFinder::Choseong(f) => f.holds_at(hay, 0),
        }
    }

    /// How many bytes of text the word takes where it occurs: its own
    /// length, as a syllable and its initial consonant have one length.
    pub(super) fn len(&self) -> usize {
        match self {
            WordFinder::Plain(f) => f.needle().len(),
            WordFinder::Choseong(f) => f.needle.iter().map(|c| c.len_utf8()).sum(),
        }
    }
}

/// Finds where the 초성 form of a text holds a word.
pub(super) struct ChoseongFinder {
    needle: Box<[char]>,
    /// The bytes that can start a character whose 초성 form is the word's
    /// first: the character itself, and for an initial consonant the
    /// syllables it starts and its conjoining form.
    starts: Box<[u8]>,
}

impl ChoseongFinder {
    pub(super) fn new(needle: &str) -> ChoseongFinder {
        let chars: Box<[char]> = needle.chars().collect();
        let mut starts = Vec::new();
        if let Some(&first) = chars.first() {
            starts.push(lead_byte(first));
            if let Some(k) = super::hangul::initial_index(first) {
                let syllables = 0xAC00 + 588 * k;
                for code in [syllables, syllables + 587, 0x1100 + k] {
                    if let Some(c) = char::from_u32(code) {
                        starts.push(lead_byte(c));
                    }
                }
            }
        }
        starts.sort_unstable();
        starts.dedup();
        ChoseongFinder {
            needle: chars,
            starts: starts.into_boxed_slice(),
        }
    }

    /// The offset in `hay` of the first place whose 초성 form starts with
    /// the word.
    pub(super) fn find(&self, hay: &[u8]) -> Option<usize> {
        if self.needle.is_empty() {
            return Some(0);
        }
        let mut from = 0;
        while from < hay.len() {
            let at = from + self.next_start(&hay[from..])?;
            if self.holds_at(hay, at) {
                return Some(at);
            }
            from = at + 1;
        }
        None
    }

    /// The next byte that may start a match.
    fn next_start(&self, hay: &[u8]) -> Option<usize> {
        match *self.starts {
            [a] => memchr::memchr(a, hay),
            [a, b] => memchr::memchr2(a, b, hay),
            [a, b, c] => memchr::memchr3(a, b, c, hay),
            ref all => hay.iter().position(|b| all.contains(b)),
        }
    }

    /// True when the 초성 form of `hay` from `at` on starts with the word.
    fn holds_at(&self, hay: &[u8], mut at: usize) -> bool {
        self.needle.iter().all(|&want| match choseong_at(hay, at) {
            Some((c, len)) if c == want => {
                at += len;
                true
            }
            _ => false,
        })
    }
}

/// The 초성 form of the character starting at byte `at` of `hay`, and the
/// character's length. A three-byte character (every syllable and jamo) is
/// read by arithmetic, without a UTF-8 check of the slice: the search
/// tries a third of a Korean text's syllables.
fn choseong_at(hay: &[u8], at: usize) -> Option<(char, usize)> {
    let b0 = *hay.get(at)?;
    if (0xE0..0xF0).contains(&b0) {
        let (b1, b2) = (*hay.get(at + 1)?, *hay.get(at + 2)?);
        if b1 & 0xC0 != 0x80 || b2 & 0xC0 != 0x80 {
            return None;
        }
        let code =
            (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        // Overlong forms are not UTF-8; surrogates are no characters.
        let c = char::from_u32(code).filter(|_| code >= 0x800)?;
        return Some((choseong(c), 3));
    }
    let (c, len) = char_at(hay, at)?;
    Some((choseong(c), len))
}

/// The first byte of a character's UTF-8 form.
fn lead_byte(c: char) -> u8 {
    let mut buf = [0; 4];
    c.encode_utf8(&mut buf);
    buf[0]
}

/// The character starting at byte `at` of `hay`, and its length: `None`
/// when a character does not start there whole.
fn char_at(hay: &[u8], at: usize) -> Option<(char, usize)> {
    let len = match *hay.get(at)? {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        0xF0.. => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(hay.get(at..at + len)?)
        .ok()?
        .chars()
        .next()?;
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::hangul::choseong_form;

    /// The simple path: the word in a 초성 copy of the text.
    fn in_copy(hay: &[u8], needle: &str) -> Option<usize> {
        let from = (0..=hay.len()).find(|&i| std::str::from_utf8(&hay[i..]).is_ok())?;
        let copy = choseong_form(std::str::from_utf8(&hay[from..]).ok()?);
        memchr::memmem::find(copy.as_bytes(), needle.as_bytes()).map(|i| from + i)
    }

    #[test]
    fn initials_find_syllables_jamo_and_conjoining_initials() {
        let text = "EMR 스팟 인스턴스, ㅅ만 쓴 ㅍ 그리고 \u{1109}\u{1161} 끝";
        for (needle, at) in [
            ("ㅅㅍ", text.find("스팟")),
            ("ㅇㅅㅌㅅ", text.find("인스턴스")),
            ("ㅅ", text.find("스")),
            ("ㄲ", text.find("끝")),
            ("ㅅㅁ", text.find("ㅅ만")),
            ("ㄱㄹㄱ", text.find("그리고")),
            ("ㅅ", text.find("스")),
            ("emr ㅅ", None),
            ("EMR ㅅ", text.find("EMR")),
            ("ㅎㅎ", None),
        ] {
            let f = ChoseongFinder::new(needle);
            assert_eq!(f.find(text.as_bytes()), at, "{needle}");
            assert_eq!(in_copy(text.as_bytes(), needle), at, "{needle}");
        }
        let conjoining = text.find('\u{1109}').unwrap();
        let after = conjoining - 1;
        assert_eq!(
            ChoseongFinder::new("ㅅ").find(&text.as_bytes()[after..]),
            Some(1)
        );
    }

    proptest::proptest! {
        /// Any text, any word of initials, any start inside a character:
        /// the first place is the one a 초성 copy gives.
        #[test]
        fn find_is_a_search_in_the_choseong_copy(
            text in "[스팟인턴ㅅㅍ까끝 a\u{1109}\u{1161}]{0,40}",
            needle in "[ㅅㅍㅇㅌㄲ a]{1,3}",
            cut in 0usize..4,
        ) {
            let hay = &text.as_bytes()[cut.min(text.len())..];
            let f = ChoseongFinder::new(&needle);
            proptest::prop_assert_eq!(f.find(hay), in_copy(hay, &needle));
        }
    }
}
