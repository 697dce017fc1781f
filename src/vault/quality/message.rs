//! The lint's words, in Korean and English: one message per warning and
//! the one-line summary `check` closes with.

use std::fmt::Write as _;

use super::{Figures, QualityWarning, place};
use crate::i18n::Lang;
use crate::vault::model::{Letter, QuestionIx, Vault};

/// A share as a whole percentage.
fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn share(part: usize, whole: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let s = part as f64 / whole.max(1) as f64;
    s
}

/// What a warning says, in one line, without its place (the caller prints
/// `path:line:` first for a question's warning).
pub fn warning(vault: &Vault, item: &QualityWarning, lang: Lang) -> String {
    if item.question().is_some() {
        about_a_question(vault, item, lang)
    } else {
        about_the_deck(item, lang)
    }
}

/// The words of a deck-wide warning.
fn about_the_deck(item: &QualityWarning, lang: Lang) -> String {
    match item {
        QualityWarning::LongestKey { keyed, of, chance } => {
            let (p, c) = (pct(share(*keyed, *of)), pct(*chance));
            match lang {
                Lang::Ko => format!(
                    "단일 정답 문제 {of}개 중 {keyed}개({p})에서 정답 보기가 가장 깁니다 \
                     (우연이면 약 {c}): 읽지 않고 가장 긴 보기를 골라도 맞습니다"
                ),
                Lang::En => format!(
                    "the right option is the strictly longest in {keyed} of {of} single-answer \
                     questions ({p}; by chance about {c}): picking the longest option scores \
                     without reading"
                ),
            }
        }
        QualityWarning::LetterSkew {
            letter,
            keyed,
            of,
            chance,
        } => {
            let (p, c) = (pct(share(*keyed, *of)), pct(*chance));
            match lang {
                Lang::Ko => format!(
                    "보기 {letter}가 있는 단일 정답 문제 {of}개 중 {keyed}개({p})의 정답이 \
                     {letter}입니다 (우연이면 약 {c})"
                ),
                Lang::En => format!(
                    "{letter} is the key of {keyed} of the {of} single-answer questions that \
                     offer it ({p}; by chance about {c})"
                ),
            }
        }
        QualityWarning::RepeatedPair {
            pair: [first, second],
            keyed,
            of,
            chance,
        } => {
            let (p, c) = (pct(share(*keyed, *of)), pct(*chance));
            match lang {
                Lang::Ko => format!(
                    "두 개 고르기 문제 {of}개 중 {keyed}개({p})의 정답이 {first}+{second}입니다 \
                     (우연이면 약 {c})"
                ),
                Lang::En => format!(
                    "{first}+{second} is the key of {keyed} of {of} \"choose two\" questions ({p}; by \
                     chance about {c})"
                ),
            }
        }
        _ => String::new(),
    }
}

/// The words of a warning about one question.
fn about_a_question(vault: &Vault, item: &QualityWarning, lang: Lang) -> String {
    match item {
        QualityWarning::GiveawayKey {
            letters,
            width,
            widest_other,
            ..
        } if letters.len() > 1 => {
            let list = join(letters);
            match lang {
                Lang::Ko => format!(
                    "정답 보기 {list}가 모두 {width}칸 이상으로, 가장 긴 다른 보기({widest_other}칸)\
                     보다 훨씬 깁니다: 길이만 보고 맞힐 수 있습니다"
                ),
                Lang::En => format!(
                    "the right options {list} are each at least {width} columns wide and no \
                     other option is wider than {widest_other}: their length gives them away"
                ),
            }
        }
        QualityWarning::GiveawayKey {
            letters,
            width,
            widest_other,
            ..
        } => match (lang, join(letters)) {
            (Lang::Ko, letter) => format!(
                "정답 보기 {letter}가 {width}칸으로, 가장 긴 다른 보기({widest_other}칸)보다 \
                 훨씬 깁니다: 길이만 보고 맞힐 수 있습니다"
            ),
            (Lang::En, letter) => format!(
                "the right option {letter} is {width} columns wide and no other option is wider \
                 than {widest_other}: its length gives it away"
            ),
        },
        QualityWarning::UnexplainedKey { letters, .. } => {
            let list = join(letters);
            match lang {
                Lang::Ko => format!("정답 보기 {list}에 설명이 없습니다"),
                Lang::En if letters.len() == 1 => {
                    format!("the right option {list} has no explanation")
                }
                Lang::En => format!("the right options {list} have no explanation"),
            }
        }
        QualityWarning::RepeatedOption {
            question,
            letter,
            earlier,
            earlier_letter,
        } => {
            let at = where_is(vault, *earlier, *question, lang);
            match lang {
                Lang::Ko => {
                    format!(
                        "보기 {letter}가 {at} 문제의 보기 {earlier_letter}와 글자 그대로 같습니다"
                    )
                }
                Lang::En => format!(
                    "option {letter} repeats option {earlier_letter} of the question at {at} word \
                     for word"
                ),
            }
        }
        QualityWarning::ShortStem { words, .. } => match lang {
            Lang::Ko => format!("문제 지문이 {words}단어뿐입니다: 한 문장이 되지 않습니다"),
            Lang::En => format!("the stem has only {words} words: shorter than a sentence"),
        },
        _ => about_the_deck(item, lang),
    }
}

fn join(letters: &[Letter]) -> String {
    let mut s = String::new();
    for (i, l) in letters.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push(*l);
    }
    s
}

/// "line 12" when `earlier` is in the same file as `later`, else
/// "path:12".
fn where_is(vault: &Vault, earlier: QuestionIx, later: QuestionIx, lang: Lang) -> String {
    let (Some((r1, p1, line)), Some((r2, p2, _))) = (place(vault, earlier), place(vault, later))
    else {
        return "?".to_owned();
    };
    if r1 == r2 && p1 == p2 {
        match lang {
            Lang::Ko => format!("{line}행"),
            Lang::En => format!("line {line}"),
        }
    } else {
        format!("{p1}:{line}")
    }
}

/// The label a quality warning carries where a diagnostic says "warning".
pub fn label(lang: Lang) -> &'static str {
    lang.pick("품질 경고", "quality warning")
}

/// The one-line summary: the longest-key share, the keyed letters, the
/// most keyed "choose two" pair, the exam-framing share and the number of
/// warnings. Empty when no question was assessed.
pub fn summary(fig: &Figures, warnings: usize, lang: Lang) -> String {
    if fig.questions == 0 {
        return String::new();
    }
    let mut line = String::from(lang.pick("품질: ", "quality: "));
    if fig.single_answer > 0 {
        let percent = pct(fig.longest_key_share);
        let (keyed, single) = (fig.longest_key, fig.single_answer);
        let _ = match lang {
            Lang::Ko => write!(
                line,
                "가장 긴 보기가 정답 {keyed}/{single} ({percent}), 정답 글자"
            ),
            Lang::En => write!(
                line,
                "longest option keyed {keyed}/{single} ({percent}), keys"
            ),
        };
        for l in &fig.letters {
            let _ = write!(line, " {} {}", l.letter, pct(l.share));
            if l.of < single {
                // E counts over the questions that offer it.
                let of = l.of;
                let _ = match lang {
                    Lang::Ko => write!(line, "({of}문제 중)"),
                    Lang::En => write!(line, " (of {of})"),
                };
            }
        }
        line.push_str(", ");
    }
    if let Some(top) = fig
        .pairs
        .iter()
        .max_by(|x, y| x.keyed.cmp(&y.keyed).then(y.pair.cmp(&x.pair)))
    {
        let [first, second] = top.pair;
        let (percent, of) = (pct(top.share), fig.choose_two);
        let _ = match lang {
            Lang::Ko => write!(
                line,
                "두 개 고르기 {of}개 중 최다 쌍 {first}+{second} {percent}, "
            ),
            Lang::En => write!(
                line,
                "top \"choose two\" pair {first}+{second} {percent} of {of}, "
            ),
        };
    }
    let framed = pct(fig.framed_share);
    let _ = match lang {
        Lang::Ko => write!(line, "시험형 질문 {framed}, 품질 경고 {warnings}건"),
        Lang::En => write!(
            line,
            "exam framing {framed}, {warnings} quality warning{}",
            if warnings == 1 { "" } else { "s" }
        ),
    };
    line
}
