//! The query language explained, in Korean and English: for
//! `munje search --help` and the app's help screen. One table of operators
//! with both texts, so neither language can miss a row.

use std::fmt::Write;

use crate::i18n::Lang;

/// Each operator: how it is written, what it does in Korean and English.
const OPERATORS: [(&str, &str, &str); 9] = [
    ("spot emr", "두 단어 모두", "both words"),
    (
        "\"exact phrase\"",
        "쓴 그대로의 구문, 어디서든",
        "the phrase as written, anywhere",
    ),
    (
        "tag:service/emr",
        "service/emr 태그나 그 아래 태그 (#service/emr도 같음)",
        "tagged service/emr or below it (also #service/emr)",
    ),
    (
        "-word -tag:x -#x",
        "그 단어가 있거나 그 태그가 붙은 노트 빼기",
        "leave out notes matching the word or carrying the tag",
    ),
    (
        "title:word",
        "제목에서만 찾기",
        "the word in the title only",
    ),
    ("alias:word", "별칭에서만 찾기", "the word in an alias only"),
    (
        "has:question",
        "문제가 하나 이상 있는 노트",
        "notes with at least one question",
    ),
    (
        "is:wrong",
        "오답노트에 든 문제가 있는 노트",
        "notes with a question in the wrong-answer notebook",
    ),
    (
        "is:due",
        "오늘 복습할 문제가 있는 노트",
        "notes with a question due for review",
    ),
];

/// The query language: what matches, the operators as an aligned table,
/// Korean matching and how hits are ranked.
pub fn query_help(lang: Lang) -> String {
    let width = OPERATORS
        .iter()
        .map(|(op, _, _)| op.len())
        .max()
        .unwrap_or(0);
    let mut out = String::from(lang.pick(
        "모든 단어가 맞아야 합니다 (AND). 단어는 노트의 제목, 별칭, 태그, 제목줄(# )에서는\n\
         흐릿하게(fuzzy), 본문과 문제(지문, 보기, 해설)에서는 부분 문자열로 찾습니다.\n\
         대소문자는 가리지 않고, macOS가 쓰는 NFD 글자도 찾습니다.\n\n",
        "Every word must match (AND). A word matches fuzzily in a note's title,\n\
         aliases, tags and heading, and as a substring of its body and questions\n\
         (stems, options, explanations). Case does not matter; text typed in NFD\n\
         (as macOS does) matches too.\n\n",
    ));
    for (op, ko, en) in OPERATORS {
        let _ = writeln!(out, "  {op:<width$}  {}", lang.pick(ko, en));
    }
    out.push_str(lang.pick(
        "\ntag:service는 service/emr를 찾지만 service-x는 찾지 않습니다. 없는 태그를 쓰면\n\
         가장 가까운 태그를 알려 줍니다.\n\n",
        "\ntag:service matches service/emr, not service-x. A tag no note has is\n\
         answered with the nearest ones.\n\n",
    ));
    out.push_str(lang.pick(
        "한국어: 초성으로 찾습니다 (ㅅㅍ → 스팟, ㅇㄷㅁㄷ → 온디맨드). 제목뿐 아니라 본문과\n\
         문제에서도 찾고(두 글자 이상), 다른 단어와 섞어 써도 됩니다 (EMR ㅌㅅㅋ). 영문 자판\n\
         그대로 친 단어(tmvkt)도 두벌식 한글(스팟)로 읽어 봅니다.\n\n\
         순위: 먼저 어디서 맞았는지(제목, 별칭, 태그, 제목줄, 문제, 본문 순), 다음으로 얼마나\n\
         잘 맞았는지입니다. 온전한 단어가 더 긴 단어의 앞부분보다 앞서고 (ㅅㅍ이면 스팟이\n\
         스파크보다 먼저), 쓴 그대로가 초성보다, 초성이 자판 추측보다 앞섭니다. 같으면 제목순.",
        "Korean: initial consonants find words (ㅅㅍ finds 스팟, ㅇㄷㅁㄷ finds\n\
         온디맨드), in titles and also in the body and questions (two or more), mixed\n\
         with other words (EMR ㅌㅅㅋ); a word typed with the keyboard on English\n\
         (tmvkt) is also read as Hangul on the 2-set layout (스팟).\n\n\
         Ranking: first where a word matched (title, alias, tag, heading, question,\n\
         body), then how well: a whole word beats the start of a longer one (for\n\
         ㅅㅍ, 스팟 before 스파크), a word as typed beats its initial consonants, and\n\
         those beat a keyboard-layout guess. Ties go by title.",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operator_is_explained_in_both_languages_in_aligned_columns() {
        for lang in [Lang::Ko, Lang::En] {
            let help = query_help(lang);
            let rows: Vec<&str> = help
                .lines()
                .filter(|l| {
                    OPERATORS
                        .iter()
                        .any(|(op, _, _)| l.starts_with(&format!("  {op} ")))
                })
                .collect();
            assert_eq!(rows.len(), OPERATORS.len(), "{help}");
            // The descriptions start in one column.
            let col = |l: &str| {
                l[2..]
                    .find("  ")
                    .map(|i| i + 2 + l[2 + i..].len() - l[2 + i..].trim_start().len())
            };
            let first = col(rows[0]);
            assert!(rows.iter().all(|r| col(r) == first), "{help}");
        }
        assert!(query_help(Lang::Ko).contains("초성으로 찾습니다"));
        assert!(!query_help(Lang::Ko).contains("Every word"));
    }
}
