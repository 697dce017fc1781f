//! Finding a word in the folded text: a plain word by a SIMD substring
//! search, a 초성 word (ㅅㅍ) by reading the folded text as its 초성 form
//! (every syllable its initial consonant) where it lies. The 초성 form of
//! a character has the length of the character, so a place in one is the
//! same place in the other, and no 초성 copy of the text is made: at
//! 100,000 notes that copy was 311 MB and took 1.8–2.0 s on the first
//! 초성 query (issue #15; BENCHMARKS.md, "Question texts kept once,
//! capitals by their distances, 초성 in place").
//!
//! A word of two initial consonants or more is looked for where two
//! syllables in a row can start with them (`SyllablePairs`); trying every
//! character that can start it is the path it is compared with.
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

    /// The finder with a needle of its own, to be kept past the word it
    /// was made from (see `scan::TextMatches`).
    pub(super) fn into_owned(self) -> WordFinder<'static> {
        match self {
            WordFinder::Plain(f) => WordFinder::Plain(f.into_owned()),
            WordFinder::Choseong(f) => WordFinder::Choseong(f),
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
    /// For a word of two initial consonants or more: where two syllables
    /// in a row can start with them (see [`SyllablePairs`]).
    pairs: Option<SyllablePairs>,
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
            pairs: SyllablePairs::new(&chars),
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
        if let Some(pairs) = &self.pairs {
            return self.find_by_pairs(pairs, hay);
        }
        self.find_each(hay)
    }

    /// [`ChoseongFinder::find`] trying every character that may start the
    /// word: the simple path.
    fn find_each(&self, hay: &[u8]) -> Option<usize> {
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

    /// [`ChoseongFinder::find`] of a word whose first two consonants each
    /// begin syllables of one lead byte. A place where the word starts is
    /// either two such syllables in a row, found by the pair search, or a
    /// jamo or a conjoining letter (led by `0xE3` or `0xE1`) as its first
    /// or second character: the places of those bytes are looked at one by
    /// one. The text is taken a window at a time, so a word found early in
    /// a long text reads little past it.
    fn find_by_pairs(&self, pairs: &SyllablePairs, hay: &[u8]) -> Option<usize> {
        let mut from = 0;
        while from < hay.len() {
            let window = (from + PAIR_WINDOW).min(hay.len());
            let letter = memchr::memchr2(0xE1, 0xE3, &hay[from..window]).map(|i| from + i);
            // Two syllables in a row, the second starting before the
            // letter (or three bytes past the window).
            let end = letter.map_or((window + 3).min(hay.len()), |l| l);
            let mut at = from;
            while let Some(i) = pairs.next(&hay[at..end]) {
                if self.holds_at(hay, at + i) {
                    return Some(at + i);
                }
                at += i + 1;
            }
            let Some(letter) = letter else {
                from = window;
                continue;
            };
            // The letter as the word's second character, or its first.
            for at in [letter.saturating_sub(3), letter] {
                if self.holds_at(hay, at) {
                    return Some(at);
                }
            }
            from = letter + 1;
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

/// Bytes of text a pair search takes at a time (see
/// [`ChoseongFinder::find_by_pairs`]): the search for jamo and
/// conjoining letters reads no further ahead. At 2,048 the keystroke ㅌㅅ
/// took 38 ms, at 512 35 ms; a word is found some 500 bytes into a
/// generated note. The tests take a small one, so their texts cross
/// windows.
const PAIR_WINDOW: usize = if cfg!(test) { 40 } else { 512 };

/// Where two syllables in a row can begin with two initial consonants:
/// the lead byte of the first's syllables, then three bytes on the lead
/// byte of the second's, found by a SIMD search for the two bytes at
/// once. Every syllable of most consonants shares one lead byte (ㅌ's are
/// all `0xED`, ㅅ's `0xEC`); ㄲ, ㅃ and ㅋ straddle two and get none.
///
/// A 초성 word (ㅌㅅ) found by its first consonant alone stops at every
/// syllable led by that byte (ㅋ, ㅌ, ㅍ and ㅎ share `0xED`), once in 43
/// bytes of the generated vault's text, and each stop begins a new
/// search. The two lead bytes three apart stop it once in 124, and the
/// bytes between are read by one SIMD pass: the keystroke ㅌㅅ at
/// 100,000 notes took 35 ms instead of 55 (BENCHMARKS.md, "초성 words
/// found by their syllables in pairs").
struct SyllablePairs {
    first: u8,
    second: u8,
    #[cfg(target_arch = "x86_64")]
    simd: Option<memchr::arch::x86_64::avx2::packedpair::Finder>,
}

impl SyllablePairs {
    fn new(needle: &[char]) -> Option<SyllablePairs> {
        let lead = |c: char| {
            let k = super::hangul::initial_index(c)?;
            let first = char::from_u32(0xAC00 + 588 * k)?;
            let last = char::from_u32(0xAC00 + 588 * k + 587)?;
            (lead_byte(first) == lead_byte(last)).then(|| lead_byte(first))
        };
        let (first, second) = (lead(*needle.first()?)?, lead(*needle.get(1)?)?);
        Some(SyllablePairs {
            first,
            second,
            #[cfg(target_arch = "x86_64")]
            simd: {
                use memchr::arch::all::packedpair::Pair;
                use memchr::arch::x86_64::avx2::packedpair::Finder;
                let bytes = [first, 0, 0, second];
                Pair::with_indices(&bytes, 0, 3).and_then(|pair| Finder::with_pair(&bytes, pair))
            },
        })
    }

    /// The first place in `hay` led by the first byte with the second
    /// three bytes on.
    fn next(&self, hay: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(simd) = &self.simd
            && hay.len() >= simd.min_haystack_len()
        {
            return simd.find_prefilter(hay);
        }
        hay.windows(4)
            .position(|w| w[0] == self.first && w[3] == self.second)
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

    /// The word at every place against the pair search's windows, as
    /// two syllables, with a jamo or a conjoining letter first or second:
    /// found where it lies.
    #[test]
    fn a_word_is_found_wherever_it_lies_against_the_windows() {
        for at in 0..3 * PAIR_WINDOW {
            for word in ["스턴", "스ㅌ", "ㅅ턴", "\u{1109}턴"] {
                let text = format!("{}{word}트하 스", "e".repeat(at));
                let f = ChoseongFinder::new("ㅅㅌ");
                assert_eq!(f.find(text.as_bytes()), Some(at), "{word} at {at}");
            }
        }
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

        /// Long texts of syllables, now and then a jamo or a conjoining
        /// letter, across many windows of the pair search: the first place
        /// is the one a 초성 copy gives, and the one trying every
        /// character gives.
        #[test]
        fn pairs_of_syllables_find_what_every_character_finds(
            text in "[스팟인턴트하성탄사가ㅅㅌ \u{1110}\u{1161}e]{0,160}",
            needle in "[ㅅㅍㅇㅌㄱㅎ]{2,3}",
            cut in 0usize..4,
        ) {
            let hay = &text.as_bytes()[cut.min(text.len())..];
            let f = ChoseongFinder::new(&needle);
            proptest::prop_assert!(f.pairs.is_some(), "{}", needle);
            proptest::prop_assert_eq!(f.find(hay), in_copy(hay, &needle));
            proptest::prop_assert_eq!(f.find(hay), f.find_each(hay));
        }
    }
}
