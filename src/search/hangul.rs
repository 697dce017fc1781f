//! Hangul for search: initial consonants (초성), composing jamo into
//! syllables, and reading Latin keys as the standard 2-set (두벌식) layout.
//!
//! Owns only character arithmetic on the Unicode Hangul blocks; knows
//! nothing of fields, notes or scoring.

/// First precomposed syllable, 가.
const SYLLABLE_BASE: u32 = 0xAC00;
/// Last precomposed syllable, 힣.
const SYLLABLE_LAST: u32 = 0xD7A3;
/// Syllables per initial consonant (21 vowels × 28 finals).
const PER_INITIAL: u32 = 588;
/// Finals per vowel, the first being "no final".
const PER_VOWEL: u32 = 28;

/// The 19 initial consonants as compatibility jamo, in syllable order.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The 27 final consonants as compatibility jamo; index + 1 is the final's
/// number inside a syllable.
const FINALS: [char; 27] = [
    'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ',
    'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// Vowels, U+314F ㅏ to U+3163 ㅣ, are in syllable order.
const VOWEL_FIRST: u32 = 0x314F;
const VOWEL_LAST: u32 = 0x3163;

/// Two vowels typed in a row that make one.
const COMPOUND_VOWELS: [(char, char, char); 7] = [
    ('ㅗ', 'ㅏ', 'ㅘ'),
    ('ㅗ', 'ㅐ', 'ㅙ'),
    ('ㅗ', 'ㅣ', 'ㅚ'),
    ('ㅜ', 'ㅓ', 'ㅝ'),
    ('ㅜ', 'ㅔ', 'ㅞ'),
    ('ㅜ', 'ㅣ', 'ㅟ'),
    ('ㅡ', 'ㅣ', 'ㅢ'),
];

/// Two finals typed in a row that make one.
const COMPOUND_FINALS: [(char, char, char); 11] = [
    ('ㄱ', 'ㅅ', 'ㄳ'),
    ('ㄴ', 'ㅈ', 'ㄵ'),
    ('ㄴ', 'ㅎ', 'ㄶ'),
    ('ㄹ', 'ㄱ', 'ㄺ'),
    ('ㄹ', 'ㅁ', 'ㄻ'),
    ('ㄹ', 'ㅂ', 'ㄼ'),
    ('ㄹ', 'ㅅ', 'ㄽ'),
    ('ㄹ', 'ㅌ', 'ㄾ'),
    ('ㄹ', 'ㅍ', 'ㄿ'),
    ('ㄹ', 'ㅎ', 'ㅀ'),
    ('ㅂ', 'ㅅ', 'ㅄ'),
];

/// Parts of a precomposed syllable: initial, vowel and final indices
/// (final 0 means none).
fn parts(c: char) -> Option<(u32, u32, u32)> {
    let code = u32::from(c);
    if !(SYLLABLE_BASE..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let ix = code - SYLLABLE_BASE;
    Some((
        ix / PER_INITIAL,
        ix % PER_INITIAL / PER_VOWEL,
        ix % PER_VOWEL,
    ))
}

/// The syllable with these indices (all in range by construction).
fn syllable(initial: u32, vowel: u32, fin: u32) -> char {
    char::from_u32(SYLLABLE_BASE + initial * PER_INITIAL + vowel * PER_VOWEL + fin)
        .unwrap_or('\u{FFFD}')
}

/// The place of an initial consonant (ㄱ, ㅅ, ㅍ, …) among the 19 that
/// start a syllable.
pub(super) fn initial_index(c: char) -> Option<u32> {
    initial_ix(c)
}

fn initial_ix(c: char) -> Option<u32> {
    INITIALS
        .iter()
        .position(|&j| j == c)
        .and_then(|i| u32::try_from(i).ok())
}

fn final_ix(c: char) -> Option<u32> {
    FINALS
        .iter()
        .position(|&j| j == c)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn vowel_ix(c: char) -> Option<u32> {
    let code = u32::from(c);
    (VOWEL_FIRST..=VOWEL_LAST)
        .contains(&code)
        .then(|| code - VOWEL_FIRST)
}

/// The initial consonant of a syllable as a compatibility jamo (스 → ㅅ);
/// a conjoining initial jamo (U+1100–U+1112) becomes its compatibility
/// form; any other character is returned unchanged. Always one character
/// for one, so character offsets carry over between a text and its 초성 form.
pub fn choseong(c: char) -> char {
    if let Some((l, _, _)) = parts(c) {
        return INITIALS[l as usize];
    }
    let code = u32::from(c);
    if (0x1100..=0x1112).contains(&code) {
        return INITIALS[(code - 0x1100) as usize];
    }
    c
}

/// True for a compatibility jamo that can start a syllable (ㄱ, ㅅ, ㅍ, …):
/// the characters a 초성 query is made of.
pub fn is_initial_jamo(c: char) -> bool {
    initial_ix(c).is_some()
}

/// True for a precomposed Hangul syllable.
pub fn is_syllable(c: char) -> bool {
    parts(c).is_some()
}

/// The 초성 form of a text: every syllable replaced by its initial
/// consonant, other characters kept (see [`write_choseong`]).
pub fn choseong_form(s: &str) -> String {
    let mut out = s.as_bytes().to_vec();
    write_choseong(s, &mut out);
    String::from_utf8(out).unwrap_or_else(|_| s.chars().map(choseong).collect())
}

/// Writes the 초성 form of `s` into `out`, which holds `s`'s bytes: each
/// character that [`choseong`] changes is three bytes, and so is what it
/// becomes, so only those bytes are written, in place: the text is
/// copied once and only three-byte characters are looked at, and a large
/// text can be written in parts, a thread each (`parts::choseong_form`).
pub fn write_choseong(s: &str, out: &mut [u8]) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        let len = match lead {
            0..0xC0 => 1,
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        // Syllables lead with 0xEA–0xED, conjoining initials with 0xE1.
        if matches!(lead, 0xE1 | 0xEA..=0xED)
            && let Some(c) = s.get(i..i + 3).and_then(|t| t.chars().next())
        {
            let j = choseong(c);
            if j != c
                && let Some(place) = out.get_mut(i..i + 3)
            {
                j.encode_utf8(place);
            }
        }
        i += len;
    }
}

/// The jamo a Latin key types on the 2-set layout (`t` → ㅅ, `k` → ㅏ);
/// shifted keys give the tense consonants and ㅒ, ㅖ.
pub fn dubeolsik_key(c: char) -> Option<char> {
    let j = match c {
        'Q' => 'ㅃ',
        'W' => 'ㅉ',
        'E' => 'ㄸ',
        'R' => 'ㄲ',
        'T' => 'ㅆ',
        'O' => 'ㅒ',
        'P' => 'ㅖ',
        _ => match c.to_ascii_lowercase() {
            'q' => 'ㅂ',
            'w' => 'ㅈ',
            'e' => 'ㄷ',
            'r' => 'ㄱ',
            't' => 'ㅅ',
            'y' => 'ㅛ',
            'u' => 'ㅕ',
            'i' => 'ㅑ',
            'o' => 'ㅐ',
            'p' => 'ㅔ',
            'a' => 'ㅁ',
            's' => 'ㄴ',
            'd' => 'ㅇ',
            'f' => 'ㄹ',
            'g' => 'ㅎ',
            'h' => 'ㅗ',
            'j' => 'ㅓ',
            'k' => 'ㅏ',
            'l' => 'ㅣ',
            'z' => 'ㅋ',
            'x' => 'ㅌ',
            'c' => 'ㅊ',
            'v' => 'ㅍ',
            'b' => 'ㅠ',
            'n' => 'ㅜ',
            'm' => 'ㅡ',
            _ => return None,
        },
    };
    Some(j)
}

/// Reads a word of Latin letters as keys typed on the 2-set layout and
/// composes the jamo into syllables the way a Korean IME does
/// (`tmvkt` → 스팟, `dhsepakse` → 온디맨드). `None` when the word holds
/// anything but ASCII letters.
pub fn from_dubeolsik(word: &str) -> Option<String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let jamo: Vec<char> = word.chars().filter_map(dubeolsik_key).collect();
    Some(compose(&jamo))
}

/// A syllable being composed.
#[derive(Clone, Copy)]
enum Block {
    Empty,
    Initial(char),
    Vowel(char),
    Syllable {
        initial: char,
        vowel: char,
        fin: Option<char>,
    },
}

/// Composes compatibility jamo into syllables as a 2-set IME does; a final
/// consonant moves to the next syllable when a vowel follows it.
pub fn compose(jamo: &[char]) -> String {
    let mut out = String::new();
    let mut block = Block::Empty;
    for &c in jamo {
        block = if vowel_ix(c).is_some() {
            push_vowel(&mut out, block, c)
        } else if initial_ix(c).is_some() || final_ix(c).is_some() {
            push_consonant(&mut out, block, c)
        } else {
            flush(&mut out, block);
            out.push(c);
            Block::Empty
        };
    }
    flush(&mut out, block);
    out
}

fn push_vowel(out: &mut String, block: Block, v: char) -> Block {
    match block {
        Block::Initial(l) => Block::Syllable {
            initial: l,
            vowel: v,
            fin: None,
        },
        Block::Vowel(prev) => {
            if let Some(both) = combine(&COMPOUND_VOWELS, prev, v) {
                Block::Vowel(both)
            } else {
                out.push(prev);
                Block::Vowel(v)
            }
        }
        Block::Syllable {
            initial,
            vowel,
            fin: None,
        } => {
            if let Some(both) = combine(&COMPOUND_VOWELS, vowel, v) {
                Block::Syllable {
                    initial,
                    vowel: both,
                    fin: None,
                }
            } else {
                flush(out, block);
                Block::Vowel(v)
            }
        }
        Block::Syllable {
            initial,
            vowel,
            fin: Some(f),
        } => {
            // The final moves over: 습 + ㅏ → 스 + 파; 닭 + ㅏ → 달 + 가.
            let (keep, moved) = split_final(f);
            flush(
                out,
                Block::Syllable {
                    initial,
                    vowel,
                    fin: keep,
                },
            );
            Block::Syllable {
                initial: moved,
                vowel: v,
                fin: None,
            }
        }
        Block::Empty => Block::Vowel(v),
    }
}

fn push_consonant(out: &mut String, block: Block, c: char) -> Block {
    match block {
        Block::Syllable {
            initial,
            vowel,
            fin: None,
        } if final_ix(c).is_some() => Block::Syllable {
            initial,
            vowel,
            fin: Some(c),
        },
        Block::Syllable {
            initial,
            vowel,
            fin: Some(f),
        } => {
            if let Some(both) = combine(&COMPOUND_FINALS, f, c) {
                Block::Syllable {
                    initial,
                    vowel,
                    fin: Some(both),
                }
            } else {
                flush(out, block);
                Block::Initial(c)
            }
        }
        other => {
            flush(out, other);
            Block::Initial(c)
        }
    }
}

fn combine(table: &[(char, char, char)], a: char, b: char) -> Option<char> {
    table
        .iter()
        .find(|&&(x, y, _)| x == a && y == b)
        .map(|&(_, _, both)| both)
}

/// Splits a final into what stays and the consonant that moves on.
fn split_final(f: char) -> (Option<char>, char) {
    match COMPOUND_FINALS.iter().find(|&&(_, _, both)| both == f) {
        Some(&(a, b, _)) => (Some(a), b),
        None => (None, f),
    }
}

fn flush(out: &mut String, block: Block) {
    match block {
        Block::Empty => {}
        Block::Initial(c) | Block::Vowel(c) => out.push(c),
        Block::Syllable {
            initial,
            vowel,
            fin,
        } => {
            let l = initial_ix(initial);
            let v = vowel_ix(vowel);
            let t = fin.map_or(Some(0), final_ix);
            if let (Some(l), Some(v), Some(t)) = (l, v, t) {
                out.push(syllable(l, v, t));
            } else {
                out.push(initial);
                out.push(vowel);
                out.extend(fin);
            }
        }
    }
}

/// While a syllable is still being typed, its final may really be the next
/// syllable's initial (슾 on the way to 스팟). For a word ending in a
/// syllable with a final, gives the word with that final moved out as an
/// initial jamo (슾 → 스ㅍ, 닭 → 달ㄱ); `None` otherwise.
pub fn split_trailing_final(word: &str) -> Option<String> {
    let last = word.chars().next_back()?;
    let (l, v, t) = parts(last)?;
    if t == 0 {
        return None;
    }
    let (keep, moved) = split_final(FINALS[(t - 1) as usize]);
    let keep_ix = keep.map_or(Some(0), final_ix)?;
    let mut out = word[..word.len() - last.len_utf8()].to_owned();
    out.push(syllable(l, v, keep_ix));
    out.push(moved);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn choseong_form_is_choseong_of_every_character(s in "[가-힣ᄀ-ᄒa-zA-Z0-9 ㄱ-ㅎ\\n.é€😀]{0,60}") {
            let simple: String = s.chars().map(choseong).collect();
            proptest::prop_assert_eq!(choseong_form(&s), simple);
        }
    }

    #[test]
    fn choseong_of_syllables_and_conjoining_jamo() {
        assert_eq!(choseong_form("스팟 EMR"), "ㅅㅍ EMR");
        assert_eq!(choseong_form("온디맨드"), "ㅇㄷㅁㄷ");
        assert_eq!(choseong('\u{1109}'), 'ㅅ');
        assert!(is_initial_jamo('ㅅ'));
        assert!(!is_initial_jamo('ㅏ'));
        assert!(!is_initial_jamo('ㄳ'));
    }

    #[test]
    fn latin_keys_compose_into_syllables_on_the_two_set_layout() {
        assert_eq!(from_dubeolsik("tmvkt").as_deref(), Some("스팟"));
        assert_eq!(from_dubeolsik("dhselaosem").as_deref(), Some("온디맨드"));
        assert_eq!(from_dubeolsik("rhksfl").as_deref(), Some("관리"));
        assert_eq!(from_dubeolsik("Tkd").as_deref(), Some("쌍"));
        assert_eq!(from_dubeolsik("ekfrdl").as_deref(), Some("닭이"));
        assert_eq!(from_dubeolsik("tv").as_deref(), Some("ㅅㅍ"));
        assert_eq!(from_dubeolsik("s3"), None);
    }

    #[test]
    fn keystroke_prefixes_compose_like_an_ime() {
        let steps: Vec<String> = (1..=5)
            .map(|n| from_dubeolsik(&"tmvkt"[..n]).unwrap())
            .collect();
        assert_eq!(steps, ["ㅅ", "스", "슾", "스파", "스팟"]);
    }

    #[test]
    fn a_trailing_final_can_be_the_next_initial() {
        assert_eq!(split_trailing_final("슾").as_deref(), Some("스ㅍ"));
        assert_eq!(split_trailing_final("온딤").as_deref(), Some("온디ㅁ"));
        assert_eq!(split_trailing_final("닭").as_deref(), Some("달ㄱ"));
        assert_eq!(split_trailing_final("스"), None);
        assert_eq!(split_trailing_final("emr"), None);
    }
}
