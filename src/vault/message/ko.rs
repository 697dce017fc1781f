//! Every diagnostic's words in Korean (`LANG=ko_KR.UTF-8` or `--lang ko`).
//! Quoted values, paths, keys and commands stay as written.

use super::{Found, Message, SpecialFile, YamlPlace};
use crate::vault::tolerant::{KeyForm, OptionsForm, StemForm};

fn found(f: &Found) -> String {
    match f {
        Found::Nothing => "빈 값".into(),
        Found::Boolean => "참/거짓 값".into(),
        Found::Number => "숫자".into(),
        Found::Text => "텍스트".into(),
        Found::List => "목록".into(),
        Found::Mapping => "키-값 매핑".into(),
        Found::Tagged => "태그 붙은 YAML 값".into(),
        Found::ListHolding(inner) => format!("{} 항목이 든 목록", found(inner)),
        Found::Value(v) => format!("'{v}'"),
    }
}

fn place(p: YamlPlace) -> &'static str {
    match p {
        YamlPlace::Frontmatter => "프런트매터",
        YamlPlace::Bank => "문제 은행",
    }
}

fn special(s: SpecialFile) -> &'static str {
    match s {
        SpecialFile::Pipe => "이름 있는 파이프(FIFO)",
        SpecialFile::Socket => "소켓",
        SpecialFile::Device => "장치 파일",
        SpecialFile::Other => "특수 파일",
    }
}

/// A key form's Korean name.
pub(crate) fn mark(k: KeyForm) -> &'static str {
    match k {
        KeyForm::AnswerLine => "정답 줄",
        KeyForm::AnswerHeading => "정답 제목",
        KeyForm::Star => "별표(⭐)",
        KeyForm::Highlight => "형광 표시",
        KeyForm::Tag => "(정답) 꼬리표",
        KeyForm::Check => "체크 표시",
        KeyForm::Bold => "굵은 글씨",
        KeyForm::Quote => "> 정답 인용",
    }
}

/// A stem form's Korean name.
pub(super) fn stem(s: StemForm) -> &'static str {
    match s {
        StemForm::Heading => "제목",
        StemForm::Numbered => "번호",
        StemForm::Label => "문제 표시",
        StemForm::Bold => "굵은 글씨",
        StemForm::Paragraph => "문단",
    }
}

/// An options form's Korean name.
pub(super) fn options(o: OptionsForm) -> &'static str {
    match o {
        OptionsForm::Letters => "대문자",
        OptionsForm::LowerLetters => "소문자",
        OptionsForm::Numbers => "숫자",
        OptionsForm::Circled => "원문자",
        OptionsForm::Hangul => "한글",
        OptionsForm::BareLetters => "표시 없는 문자",
        OptionsForm::Bullets => "글머리표",
    }
}

/// The text of `m`.
#[allow(clippy::too_many_lines)] // one table, read top to bottom
pub(super) fn text(m: &Message) -> String {
    use Message as M;
    const NOT_READ: &str = "이 문제는 읽지 않습니다";
    match m {
        M::Dropped { dropped, limit } => {
            format!("이 파일의 문제점 {dropped}개를 더 보여 주지 않습니다 (파일당 최대 {limit}개)")
        }
        M::BinaryFile => {
            "바이너리 파일(NUL 바이트)이라 건너뜁니다: 노트는 UTF-8 텍스트여야 합니다".into()
        }
        M::InvalidUtf8 { byte, offset } => {
            format!("UTF-8이 아닌 바이트(0x{byte:02x}, 위치 {offset})가 있어 파일을 건너뜁니다")
        }
        M::CannotReadFile { error } => {
            format!("파일을 읽을 수 없습니다 (시스템 메시지: \"{error}\")")
        }
        M::FileTooLarge { size, max, bank } => format!(
            "파일이 {size}바이트로 {} 크기 제한({max}바이트)을 넘어 건너뜁니다",
            if *bank { "문제 은행" } else { "노트" }
        ),
        M::WalkBudget { budget } => format!(
            "파일과 폴더를 {budget}개 넘게 돌아 탐색을 멈췄습니다: 어떤 볼트보다도 많으므로 \
             폴더의 나머지는 읽지 않습니다"
        ),
        M::WalkSkipped { error } => {
            format!("볼트를 탐색하다 건너뛰었습니다 (시스템 메시지: \"{error}\")")
        }
        M::NotRegularFile { what } => {
            format!("읽지 않음: 일반 파일이 아니라 {}입니다", special(*what))
        }
        M::LinkUnfollowable { error } => {
            format!(
                "볼트를 탐색하다 건너뛰었습니다: 링크를 따라갈 수 없습니다 (시스템 메시지: \"{error}\")"
            )
        }
        M::LinkOutside { target } => {
            format!("따라가지 않음: 링크가 볼트 밖 '{target}'(으)로 이어집니다")
        }
        M::LinkLoop { target } => format!(
            "파일 시스템 순환: 링크가 자기 위의 폴더 '{target}'(으)로 이어져 따라가지 않습니다"
        ),
        M::LinkToSpecial { what } => {
            format!(
                "읽지 않음: 링크가 일반 파일이 아닌 {}(으)로 이어집니다",
                special(*what)
            )
        }
        M::YamlTooDeep { place: p, limit } => format!(
            "{}의 목록이나 매핑이 {limit}단계보다 깊게 중첩되어 읽지 않습니다",
            place(*p)
        ),
        M::InvalidYaml { place: p, error } => {
            format!(
                "{}의 YAML이 올바르지 않습니다 (해석기 메시지: \"{error}\")",
                place(*p)
            )
        }
        M::FrontmatterNotMapping { found: f } => format!(
            "프런트매터는 키 매핑(title:, tags:, …)이어야 하는데 {}입니다",
            found(f)
        ),
        M::FrontmatterUnclosed => {
            "'---'로 연 프런트매터가 닫히지 않아 파일 전체를 본문으로 읽습니다".into()
        }
        M::TitleNotText { found: f } => {
            format!("title은 텍스트여야 하는데 {}입니다", found(f))
        }
        M::DateInvalid { key, found: f } => {
            format!("{key}는 YYYY-MM-DD 날짜여야 하는데 {}입니다", found(f))
        }
        M::TagsNotList { found: f } => {
            format!("tags는 목록이나 텍스트여야 하는데 {}입니다", found(f))
        }
        M::AliasesNotList { found: f } => {
            format!("aliases는 목록이나 텍스트여야 하는데 {}입니다", found(f))
        }
        M::MarkdownTooDeep { limit, lines } => format!(
            "인용이나 목록이 {limit}단계보다 깊게 중첩된 줄이 {lines}개 있어 더 깊은 부분은 \
             텍스트로 읽습니다"
        ),
        M::OptionWithoutLetter { text } => {
            format!("보기 '{text}'가 'A)' 같은 문자로 시작하지 않습니다")
        }
        M::ExplanationWithoutOption { letter, bank } => format!(
            "보기 '{letter}'의 해설이 있지만 이 {}에는 보기 {letter}가 없습니다",
            if *bank { "항목" } else { "문제" }
        ),
        M::NoStemText => "문제 표시 뒤에 문제 내용이 없습니다".into(),
        M::TooFewOptions { found } => {
            format!("문제에는 보기가 2개 이상 있어야 하는데 {found}개입니다")
        }
        M::NoAnswerLine => "'정답: B' 같은 정답 줄이 없습니다".into(),
        M::AnswerNamesNoLetter { answer } => {
            format!("정답 '{answer}'에 보기 문자(A–J)가 없습니다")
        }
        M::AnswerLetterWithoutOption { letter } => {
            format!("정답 문자 '{letter}'에 해당하는 보기가 없습니다")
        }
        M::OptionLetterRepeats { letter } => format!("보기 문자 '{letter}'가 반복됩니다"),
        M::OptionLettersSkip { from, to } => {
            format!("보기 문자가 '{from}'에서 '{to}'(으)로 건너뜁니다")
        }
        M::OptionLettersSkipTo { to, expected } => {
            format!("보기 문자가 '{to}'(으)로 건너뜁니다 ('{expected}'가 와야 합니다)")
        }
        M::BankNotList { found: f } => format!(
            "문제 은행은 항목('- question: …')의 목록이어야 하는데 {}입니다",
            found(f)
        ),
        M::BankEntryNotMapping { found: f } => format!(
            "문제 은행 항목은 'question:'이 있는 매핑이어야 하는데 {}입니다",
            found(f)
        ),
        M::BankEntryNoQuestion => "문제 은행 항목에 'question:' 내용이 없어 건너뜁니다".into(),
        M::BankEntryNoAnswer => "문제 은행 항목에 'answer:'가 없어 퀴즈에서 빠집니다".into(),
        M::OptionKeyNotLetter { key } => format!("보기 키 '{key}'가 A–J 문자가 아닙니다"),
        M::TooManyOptions => "보기가 10개(A–J)를 넘습니다".into(),
        M::OptionsNotMappingOrList { found: f } => {
            format!("options는 매핑이나 목록이어야 하는데 {}입니다", found(f))
        }
        M::BankNoteMissing { name } => {
            format!("노트 '{name}'가 볼트에 없어 이 항목은 자기 태그만 가집니다")
        }
        M::DuplicateId {
            id,
            other,
            line,
            derived,
        } => format!(
            "문제 ID '{id}'를 {other}:{line}에서도 써서 두 문제의 학습 기록이 섞입니다{}",
            if *derived {
                " (한쪽에 고유 ID를 주세요: 문제 끝에 '^이름', 은행에서는 'id:')"
            } else {
                " (ID는 볼트 전체에서 하나뿐이어야 합니다: 하나의 이름을 바꾸세요)"
            }
        ),
        M::Orphan { id, answers, stem } => match stem {
            Some(stem) => format!(
                "볼트에 없는 문제의 기록: {id} (답 {answers}개, 마지막 문제: \"{stem}\"). \
                 `munje progress relink {id} 새-ID`로 붙이세요"
            ),
            None => format!(
                "볼트에 없는 문제의 기록: {id} (답 {answers}개). `munje progress relink {id} \
                 새-ID`로 붙이세요"
            ),
        },
        M::UnreadHint { why, path, line } => format!(
            "이 노트에는 정답처럼 보이는 줄이 있지만 읽은 문제가 없습니다: {} \
             (`munje check --explain {path}:{line}` 참고)",
            text(why)
        ),
        M::AnswerVsMark {
            said,
            marked,
            line,
            mark: k,
        } => format!(
            "정답 줄은 {said}라고 하지만 보기 {marked}({line}번 줄)에 {}가 있습니다; {NOT_READ}",
            mark(*k)
        ),
        M::MarksDisagree {
            first,
            first_mark,
            second,
            second_mark,
        } => format!(
            "보기 {first}에는 {}, 보기 {second}에는 {}가 있습니다; {NOT_READ}",
            mark(*first_mark),
            mark(*second_mark)
        ),
        M::MarksUnasked {
            options,
            mark: k,
            count,
        } => format!(
            "보기 {options}에 모두 {}가 있지만 문제는 {count}개를 고르라고 하지 않습니다; \
             {NOT_READ}",
            mark(*k)
        ),
        M::AnswersDisagree {
            line,
            first,
            second,
        } => {
            format!("정답 줄이 서로 다릅니다: {line}번 줄은 {first}, 이 줄은 {second}; {NOT_READ}")
        }
        M::AnswerNamesNoOption { answer, range } => {
            format!("정답 '{answer}'에 해당하는 보기가 없습니다 (보기는 {range}); {NOT_READ}")
        }
        M::AnswerUnsure { answer } => {
            format!("정답 '{answer}?'는 확실하지 않다고 표시되어 정답으로 읽지 않습니다")
        }
        M::LabelRepeats { label } => format!("보기 표시 '{label}'가 반복됩니다; {NOT_READ}"),
        M::LabelsSkip { from, to } => {
            format!("보기 표시가 '{from}'에서 '{to}'(으)로 건너뜁니다; {NOT_READ}")
        }
        M::LabelsStartLate { label } => {
            format!("보기가 첫 표시가 아닌 '{label}'에서 시작합니다; {NOT_READ}")
        }
        M::WhyNoStem { from, to } => {
            format!("{from}–{to}줄에 보기가 있지만 그 위에 문제가 없습니다")
        }
        M::WhyNoKey { from, to } => {
            format!("{from}–{to}줄에 문제와 보기가 있지만 정답 줄이나 정답 표시가 없습니다")
        }
        M::WhyQuestions { from, to } => {
            format!("{from}–{to}줄의 목록은 질문들이라 보기 목록이 아닙니다")
        }
        M::WhyConflict { from, to } => {
            format!("{from}–{to}줄에 보기가 있지만 정답이 서로 어긋납니다 (경고 참고)")
        }
        M::WhyOwnPickIn { why } => format!(
            "'(선택)'은 글쓴이가 고른 답이라 정답으로 읽지 않습니다; {}",
            text(why)
        ),
        M::WhyEveryOptionMarked { from, to, mark: k } => format!(
            "{from}–{to}줄의 모든 보기에 {}가 있어 어느 것도 정답으로 표시하지 않습니다",
            mark(*k)
        ),
        M::WhyAnswerNamesNone { from, to, answer } => {
            format!("{from}–{to}줄에 보기가 있지만 '{answer}'는 그중 어느 것도 가리키지 않습니다")
        }
        M::WhyOwnPick => "글쓴이가 고른 답은 정답으로 읽지 않습니다".into(),
        M::WhyNamesNoLabel { answer } => {
            format!("'{answer}'는 어떤 보기 표시나 보기 내용도 가리키지 않습니다")
        }
        M::WhyTooFar => {
            "이 정답 줄이 위의 보기와 너무 멀거나 그 사이에 다른 문제가 시작됩니다".into()
        }
        M::WhyNoOptionsAbove => "이 정답 줄 위에 보기가 없습니다".into(),
        M::WhyStrayMark => "정답 표시가 어느 문제의 보기도 아닌 줄에 있습니다".into(),
        M::WhyStrictOff { first, last } => format!(
            "너그러운 읽기가 꺼져 있습니다(questions = \"strict\"); 켜면 {first}–{last}줄의 \
             문제를 읽습니다"
        ),
    }
}
