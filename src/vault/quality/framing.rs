//! Exam framing: whether a stem asks for the best option under constraints
//! the way certification exams do ("Which solution is the MOST
//! cost-effective?", "운영 오버헤드가 가장 적은 방법은?") rather than for a
//! fact to recall.

/// English phrases, matched in the lowercased stem.
const ENGLISH: &[&str] = &[
    "most cost-effective",
    "most cost effective",
    "most cost-efficient",
    "least expensive",
    "lowest cost",
    "least operational overhead",
    "least operational effort",
    "least management overhead",
    "least administrative",
    "least amount of operational",
    "least development effort",
    "most operationally efficient",
    "most resilient",
    "most fault-tolerant",
    "most fault tolerant",
    "most highly available",
    "most durable",
    "most reliable",
    "most appropriate",
    "most suitable",
    "most secure",
    "most scalable",
    "most efficient",
    "most likely",
];

/// Korean phrases, matched with spaces removed (so "비용효율적" and
/// "비용 효율적" both count).
const KOREAN: &[&str] = &[
    "가장비용효율적",
    "가장비용효과적",
    "비용효율이가장",
    "가장저렴",
    "비용이가장적",
    "오버헤드가가장적",
    "부담이가장적",
    "노력이가장적",
    "가장적은운영",
    "가장복원력",
    "복원력이가장",
    "가장탄력적",
    "가용성이가장높",
    "가장높은가용성",
    "가장안정적",
    "가장적절",
    "가장적합",
    "가장효율적",
    "가능성이가장높",
    "가장가능성",
];

/// True when a stem uses the exams' framing: the capitalised `MOST` or
/// `LEAST` the exams print, or one of the phrases above in English or
/// Korean.
pub fn is_exam_framed(stem: &str) -> bool {
    let shouted = stem
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w == "MOST" || w == "LEAST");
    if shouted {
        return true;
    }
    // The phrases are looked for only in a stem that could hold one, so
    // most stems are never lowercased or packed (a tenth of `check` on a
    // large vault otherwise). Every English phrase starts with one of
    // `LEADS`, whose letters only their own ASCII letters lowercase to;
    // every Korean phrase holds 가장.
    if could_lead(stem.as_bytes()) {
        let lower = stem.to_lowercase();
        if ENGLISH.iter().any(|p| lower.contains(p)) {
            return true;
        }
    }
    if !(stem.contains('가') && stem.contains('장')) {
        return false;
    }
    let packed: String = stem.chars().filter(|c| !c.is_whitespace()).collect();
    KOREAN.iter().any(|p| packed.contains(p))
}

/// The words every [`ENGLISH`] phrase starts with.
const LEADS: &[&str] = &["most", "least", "lowest"];

/// Whether a lead word starts anywhere in `stem`, in any ASCII case: a
/// byte-wise look at each `m` and `l`.
fn could_lead(stem: &[u8]) -> bool {
    stem.iter().enumerate().any(|(i, &b)| {
        matches!(b | 0x20, b'm' | b'l')
            && LEADS.iter().any(|w| {
                stem.get(i..i + w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            })
    })
}

/// [`is_exam_framed`] without looking first whether a phrase could be
/// there: the simple path the fast one is checked against.
#[cfg(test)]
pub fn is_exam_framed_simple(stem: &str) -> bool {
    let shouted = stem
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w == "MOST" || w == "LEAST");
    if shouted {
        return true;
    }
    let lower = stem.to_lowercase();
    if ENGLISH.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let packed: String = stem.chars().filter(|c| !c.is_whitespace()).collect();
    KOREAN.iter().any(|p| packed.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_english_phrase_starts_with_a_lead_and_every_korean_one_holds_gajang() {
        for p in ENGLISH {
            assert!(LEADS.iter().any(|l| p.starts_with(l)), "{p}");
        }
        for l in LEADS {
            assert!(matches!(l.as_bytes()[0], b'm' | b'l'), "{l}");
        }
        for p in KOREAN {
            assert!(p.contains("가장"), "{p}");
        }
    }

    #[test]
    fn only_ascii_letters_lowercase_to_a_leads_letters() {
        let letters: Vec<char> = LEADS.iter().flat_map(|w| w.chars()).collect();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if !c.is_ascii() {
                assert!(!c.to_lowercase().any(|l| letters.contains(&l)), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_simple_one(
            stem in "([ \\t]|[a-zA-Z]{1,8}|MOST|LEAST|Most|LoWeSt|cost|-|\\?|가|장|가장|적|비용|효율|높|\\PC){0,24}"
        ) {
            proptest::prop_assert_eq!(is_exam_framed(&stem), is_exam_framed_simple(&stem));
        }
    }

    #[test]
    fn the_fast_path_agrees_with_the_simple_one_on_every_phrase() {
        for p in ENGLISH.iter().chain(KOREAN) {
            let upper = p.to_uppercase();
            let spaced: String = p.chars().flat_map(|c| [c, ' ']).collect();
            for stem in [p.to_string(), upper, format!("Which is {p}?")] {
                assert!(is_exam_framed(&stem), "{stem}");
            }
            for stem in [
                p.to_string(),
                p.to_uppercase(),
                spaced,
                format!("Which is {p}?"),
            ] {
                assert_eq!(
                    is_exam_framed(&stem),
                    is_exam_framed_simple(&stem),
                    "{stem}"
                );
            }
        }
    }
}
