//! Every message in both languages: Korean text is Korean, not English
//! with Korean around it.

use super::{Found, Message, SpecialFile, YamlPlace};
use crate::i18n::Lang;
use crate::vault::tolerant::KeyForm;

/// One of every variant (and of every value kind it can quote).
#[allow(clippy::too_many_lines)]
fn every_message() -> Vec<Message> {
    use Message as M;
    let s = |v: &str| v.to_owned();
    let founds = [
        Found::Nothing,
        Found::Boolean,
        Found::Number,
        Found::Text,
        Found::List,
        Found::Mapping,
        Found::Tagged,
        Found::ListHolding(Box::new(Found::Mapping)),
        Found::Value(s("soon")),
    ];
    let specials = [
        SpecialFile::Pipe,
        SpecialFile::Socket,
        SpecialFile::Device,
        SpecialFile::Other,
    ];
    let mut out = vec![
        M::Dropped {
            dropped: 3,
            limit: 100,
        },
        M::BinaryFile,
        M::InvalidUtf8 {
            byte: 0xff,
            offset: 9,
        },
        M::CannotReadFile { error: s("(os)") },
        M::FileTooLarge {
            size: 9,
            max: 8,
            bank: true,
        },
        M::FileTooLarge {
            size: 9,
            max: 8,
            bank: false,
        },
        M::WalkBudget { budget: 10 },
        M::WalkSkipped { error: s("(os)") },
        M::LinkUnfollowable { error: s("(os)") },
        M::LinkOutside { target: s("/etc") },
        M::LinkLoop { target: s("/v") },
        M::FrontmatterUnclosed,
        M::MarkdownTooDeep {
            limit: 100,
            lines: 2,
        },
        M::OptionWithoutLetter { text: s("x") },
        M::ExplanationWithoutOption {
            letter: 'E',
            bank: true,
        },
        M::ExplanationWithoutOption {
            letter: 'E',
            bank: false,
        },
        M::NoStemText,
        M::TooFewOptions { found: 1 },
        M::NoAnswerLine,
        M::AnswerNamesNoLetter { answer: s("x") },
        M::AnswerLetterWithoutOption { letter: 'E' },
        M::OptionLetterRepeats { letter: 'B' },
        M::OptionLettersSkip { from: 'B', to: 'D' },
        M::OptionLettersSkipTo {
            to: 'D',
            expected: 'C',
        },
        M::BankEntryNoQuestion,
        M::BankEntryNoAnswer,
        M::OptionKeyNotLetter { key: s("1") },
        M::TooManyOptions,
        M::BankNoteMissing { name: s("x") },
        M::Orphan {
            id: s("x"),
            answers: 2,
            stem: Some(s("y")),
        },
        M::Orphan {
            id: s("x"),
            answers: 2,
            stem: None,
        },
        M::UnreadHint {
            why: Box::new(M::WhyOwnPick),
            path: s("a.md"),
            line: 3,
        },
        M::AnswersDisagree {
            line: 3,
            first: s("B"),
            second: s("C"),
        },
        M::AnswerNamesNoOption {
            answer: s("E"),
            range: s("A–C"),
        },
        M::AnswerUnsure { answer: s("B") },
        M::LabelRepeats { label: s("B") },
        M::LabelsSkip {
            from: s("B"),
            to: s("D"),
        },
        M::LabelsStartLate { label: s("B") },
        M::WhyNoStem { from: 1, to: 3 },
        M::WhyNoKey { from: 1, to: 3 },
        M::WhyQuestions { from: 1, to: 3 },
        M::WhyConflict { from: 1, to: 3 },
        M::WhyOwnPickIn {
            why: Box::new(M::WhyNoKey { from: 1, to: 3 }),
        },
        M::WhyAnswerNamesNone {
            from: 1,
            to: 3,
            answer: s("x"),
        },
        M::WhyOwnPick,
        M::WhyNamesNoLabel { answer: s("x") },
        M::WhyTooFar,
        M::WhyNoOptionsAbove,
        M::WhyStrayMark,
        M::WhyStrictOff { first: 1, last: 3 },
    ];
    for d in [true, false] {
        out.push(M::DuplicateId {
            id: s("x"),
            other: s("a.md"),
            line: 2,
            derived: d,
        });
    }
    for what in specials {
        out.push(M::NotRegularFile { what });
        out.push(M::LinkToSpecial { what });
    }
    for place in [YamlPlace::Frontmatter, YamlPlace::Bank] {
        out.push(M::YamlTooDeep { place, limit: 100 });
        out.push(M::InvalidYaml {
            place,
            error: s("(yaml)"),
        });
    }
    for found in founds {
        out.push(M::FrontmatterNotMapping {
            found: found.clone(),
        });
        out.push(M::TitleNotText {
            found: found.clone(),
        });
        out.push(M::DateInvalid {
            key: s("created"),
            found: found.clone(),
        });
        out.push(M::TagsNotList {
            found: found.clone(),
        });
        out.push(M::AliasesNotList {
            found: found.clone(),
        });
        out.push(M::BankNotList {
            found: found.clone(),
        });
        out.push(M::BankEntryNotMapping {
            found: found.clone(),
        });
        out.push(M::OptionsNotMappingOrList { found });
    }
    for k in [
        KeyForm::AnswerLine,
        KeyForm::AnswerHeading,
        KeyForm::Star,
        KeyForm::Highlight,
        KeyForm::Tag,
        KeyForm::Check,
        KeyForm::Bold,
        KeyForm::Quote,
    ] {
        out.push(M::AnswerVsMark {
            said: s("B"),
            marked: s("C"),
            line: 4,
            mark: k,
        });
        out.push(M::MarksDisagree {
            first: s("B"),
            first_mark: k,
            second: s("C"),
            second_mark: KeyForm::Star,
        });
        out.push(M::MarksUnasked {
            options: s("B, C"),
            mark: k,
            count: 2,
        });
        out.push(M::WhyEveryOptionMarked {
            from: 1,
            to: 3,
            mark: k,
        });
    }
    out
}

/// The text with quoted values (`'…'`, `"…"`, `` `…` ``) taken out.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close = None;
    for c in text.chars() {
        match close {
            Some(q) if c == q => close = None,
            Some(_) => {}
            None if matches!(c, '\'' | '"' | '`') => close = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// The longest run of consecutive English words (ASCII letters only,
/// two or more letters) outside quoted values.
fn longest_english_run(text: &str) -> usize {
    let (mut run, mut best) = (0, 0);
    for word in unquoted(text).split(|c: char| c.is_whitespace() || ",;:()".contains(c)) {
        if word.is_empty() {
            continue;
        }
        if word.len() > 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[test]
fn every_korean_message_is_korean_with_no_english_sentence() {
    for m in every_message() {
        let ko = m.text(Lang::Ko);
        assert!(
            ko.chars().any(|c| ('가'..='힣').contains(&c)),
            "no Hangul in {m:?}: {ko}"
        );
        assert!(
            longest_english_run(&ko) < 3,
            "English words in the Korean text of {m:?}: {ko}"
        );
    }
}

#[test]
fn every_message_has_its_own_english_text() {
    for m in every_message() {
        let en = m.text(Lang::En);
        assert!(!en.is_empty() && en != m.text(Lang::Ko), "{m:?}: {en}");
        assert_eq!(en, m.to_string(), "Display is the English text");
    }
}

#[test]
fn the_english_check_finds_an_english_sentence_left_in_korean() {
    assert_eq!(longest_english_run("보기 'a b c d'가 없습니다"), 0);
    assert!(longest_english_run("file is too large 파일") >= 3);
    assert!(longest_english_run("`munje progress relink x 새-ID`로") < 3);
}
