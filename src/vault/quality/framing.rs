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
    let lower = stem.to_lowercase();
    if ENGLISH.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let packed: String = stem.chars().filter(|c| !c.is_whitespace()).collect();
    KOREAN.iter().any(|p| packed.contains(p))
}
