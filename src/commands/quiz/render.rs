//! The words of the line-mode quiz: a question with its lettered options,
//! the verdict and explanations, the review grid, and the final score.
//! Plain text only, no escape codes, Korean or English.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::quiz::{
    ExamResult, ExamReview, Feedback, GridCell, OptionFeedback, QuizSession, ReviewFilter,
    SessionItem,
};

/// Shows control characters (escape sequences above all) in text that
/// came from notes or from the user as visible escapes, keeping line
/// breaks, tabs as spaces: the line mode promises a stream with no escape
/// codes, whatever a note contains.
pub fn plain(text: &str) -> String {
    crate::text::visible_lines(text).replace('\t', " ")
}

/// `[2/5] stem`, the options, and "choose N" for multi-answer questions.
pub fn question(
    item: &SessionItem,
    index: usize,
    total: usize,
    lang: Lang,
    left: Option<f64>,
) -> String {
    let q = &item.question;
    let mut s = String::new();
    let clock = left
        .map(|l| format!(" ({})", time_left(l, lang)))
        .unwrap_or_default();
    let flag = if item.flagged {
        lang.pick(" [표시됨]", " [flagged]")
    } else {
        ""
    };
    let _ = writeln!(s, "\n[{}/{total}]{clock}{flag} {}", index + 1, q.stem);
    for o in &q.options {
        match &o.label {
            Some(label) => writeln!(s, "  {}) {label} {}", o.letter, o.text),
            None => writeln!(s, "  {}) {}", o.letter, o.text),
        }
        .ok();
    }
    if q.pick_count() > 1 {
        let _ = writeln!(s, "{}", choose(q.pick_count(), lang));
    }
    s
}

/// "(Choose 2.)"
pub fn choose(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("({n}개를 고르세요.)"),
        Lang::En => format!("(Choose {n}.)"),
    }
}

/// "12:05 left"
pub fn time_left(secs: f64, lang: Lang) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped, whole seconds
    let secs = secs.max(0.0).ceil().min(f64::from(u32::MAX)) as u32;
    let (m, s) = (secs / 60, secs % 60);
    match lang {
        Lang::Ko => format!("{m}:{s:02} 남음"),
        Lang::En => format!("{m}:{s:02} left"),
    }
}

/// What `?` prints.
pub fn help(item: &SessionItem, exam: bool, lang: Lang) -> String {
    let n = item.question.pick_count();
    let first = item.question.options.first().map_or('A', |o| o.letter);
    let last = item.question.options.last().map_or('A', |o| o.letter);
    let mut s = match lang {
        Lang::Ko => {
            format!("{n}개를 고르세요 ({first}–{last}; 예: B, AC, a c). s 건너뛰기, q 그만하기")
        }
        Lang::En => format!(
            "Pick {n} letter{} ({first}–{last}; e.g. B, AC, a c). s skips, q stops",
            if n == 1 { "" } else { "s" }
        ),
    };
    if exam {
        s.push_str(lang.pick(
            ", f 검토 표시 (보기 F는 대문자로)",
            ", f flags for review (type a capital F for option F)",
        ));
    }
    s.push('.');
    s
}

/// The verdict line and the explanations, as practice shows after each answer.
pub fn feedback(fb: &Feedback, lang: Lang) -> String {
    let mut s = String::new();
    let answer = fb
        .answer
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let verdict = match (fb.correct, fb.unanswered, lang) {
        (true, _, Lang::Ko) => "정답입니다.".to_owned(),
        (true, _, Lang::En) => "Correct.".to_owned(),
        (false, false, Lang::Ko) => format!("오답입니다. 정답은 {answer}입니다."),
        (false, false, Lang::En) => format!("Incorrect. The answer is {answer}."),
        (false, true, Lang::Ko) => format!("답하지 않았습니다. 정답은 {answer}입니다."),
        (false, true, Lang::En) => format!("Not answered. The answer is {answer}."),
    };
    let _ = writeln!(s, "{verdict}");
    let mut group = |label: &str, opts: &[OptionFeedback]| {
        if opts.is_empty() {
            return;
        }
        let _ = writeln!(s, "  {label}");
        for o in opts {
            let mark = if o.is_right { "✓" } else { "✗" };
            let _ = write!(s, "    {mark} {}) {}", o.letter, o.text);
            if let Some(e) = &o.explanation {
                let _ = write!(s, " — {e}");
            }
            s.push('\n');
        }
    };
    group(lang.pick("고른 답:", "You picked:"), &fb.picked);
    group(lang.pick("정답:", "Right answer:"), &fb.right);
    group(lang.pick("나머지:", "Other options:"), &fb.others);
    if let Some(e) = &fb.explanation {
        let _ = writeln!(s, "  {} {e}", lang.pick("해설:", "Explanation:"));
    }
    if let Some(k) = &fb.key_point {
        let _ = writeln!(s, "  {} {k}", lang.pick("핵심:", "Key point:"));
    }
    let title = fb.note_title.as_deref().unwrap_or("");
    match (&fb.note_location, &fb.location) {
        (Some(note), _) => {
            let _ = writeln!(s, "  {} {title} ({note})", lang.pick("노트:", "Note:"));
        }
        (None, Some(here)) => {
            let _ = writeln!(s, "  {} {title} ({here})", lang.pick("노트:", "Note:"));
        }
        (None, None) => {}
    }
    s
}

/// The review grid in words: answered, unanswered, flagged.
pub fn grid(cells: &[GridCell], lang: Lang) -> String {
    let list = |f: &dyn Fn(&GridCell) -> bool| {
        let v: Vec<String> = cells
            .iter()
            .filter(|c| f(c))
            .map(|c| (c.index + 1).to_string())
            .collect();
        if v.is_empty() {
            "-".to_owned()
        } else {
            v.join(" ")
        }
    };
    let (a, u, f) = (
        list(&|c| c.answered),
        list(&|c| !c.answered),
        list(&|c| c.flagged),
    );
    match lang {
        Lang::Ko => format!(
            "\n검토: 답함 {a} | 안 함 {u} | 표시 {f}\n번호를 입력하면 그 문제로 갑니다. 빈 줄이나 submit은 제출, q는 그만하기(채점), abandon은 채점 없이 그만두기.\n"
        ),
        Lang::En => format!(
            "\nReview: answered {a} | unanswered {u} | flagged {f}\nType a question number to go back to it; an empty line or `submit` submits; q stops (graded); `abandon` leaves unscored.\n"
        ),
    }
}

/// `Score: X/Y (P%)`: right out of answered in practice, out of all in an exam.
pub fn score(session: &QuizSession, lang: Lang) -> String {
    let sc = session.score();
    let (x, y) = match session.exam_result() {
        Some(r) => (r.correct, r.total),
        None => (sc.correct, sc.answered),
    };
    let p = crate::quiz::percent(x, y).round();
    format!("{} {x}/{y} ({p}%)", lang.pick("점수:", "Score:"))
}

/// The exam summary: scaled score, pass or fail, and the by-tag breakdown.
pub fn exam_result(r: &ExamResult, lang: Lang) -> String {
    let mut s = String::new();
    if r.timed_out {
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "시간이 다 되어 자동으로 제출했습니다.",
                "Time is up; the exam was submitted."
            )
        );
    }
    let verdict = match (r.passed, lang) {
        (true, Lang::Ko) => "합격",
        (false, Lang::Ko) => "불합격",
        (true, Lang::En) => "pass",
        (false, Lang::En) => "fail",
    };
    let _ = writeln!(
        s,
        "{} {}/1000 — {verdict} ({} {})",
        lang.pick("환산 점수:", "Scaled score:"),
        r.scaled,
        lang.pick("합격선", "pass mark"),
        r.pass_mark
    );
    if !r.domains.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            lang.pick(
                "영역별 (약한 순, 충족 기준은 합격선 비율):",
                "By domain (weakest first; meets at the pass mark's share):"
            )
        );
        for d in &r.domains {
            let p = crate::quiz::percent(d.correct, d.questions).round();
            let _ = writeln!(
                s,
                "  {}  {}/{} ({p}%) {}",
                d.name,
                d.correct,
                d.questions,
                d.level.label(lang)
            );
        }
    }
    if !r.by_tag.is_empty() {
        let _ = writeln!(s, "{}", lang.pick("태그별:", "By tag:"));
        let width = r
            .by_tag
            .iter()
            .map(|t| t.tag.as_str().chars().count())
            .max()
            .unwrap_or(0);
        for t in &r.by_tag {
            let p = crate::quiz::percent(t.correct, t.total).round();
            let _ = writeln!(
                s,
                "  {:width$}  {}/{} ({p}%)",
                t.tag.as_str(),
                t.correct,
                t.total
            );
        }
    }
    s
}

/// The review of an exam: every question the filter keeps, in exam
/// order, with the answer given, the right one, the explanations and the
/// time spent (the caller makes it plain).
pub fn review(review: &ExamReview, filter: ReviewFilter, lang: Lang) -> String {
    let mut s = String::new();
    let total = review.items.len();
    let shown = review.filtered(filter);
    let _ = writeln!(
        s,
        "\n{} ({}, {}/{total})",
        lang.pick("문제별 검토", "Review"),
        filter.label(lang),
        shown.len()
    );
    for item in shown {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped
        let secs = item.seconds.max(0.0).round().min(f64::from(u32::MAX)) as u32;
        let time = match lang {
            Lang::Ko => format!("{secs}초"),
            Lang::En => format!("{secs} s"),
        };
        let flag = if item.flagged {
            lang.pick(" [표시함]", " [flagged]")
        } else {
            ""
        };
        let gone = if item.in_vault {
            ""
        } else {
            lang.pick(
                " (볼트에서 사라진 문제: 마지막 기록)",
                " (no longer in the vault: as last recorded)",
            )
        };
        let _ = writeln!(
            s,
            "\n[{}/{total}]{flag}{gone} {}\n{} {time}",
            item.number,
            item.question.stem,
            lang.pick("걸린 시간", "Time spent:")
        );
        s.push_str(&feedback(&item.feedback(), lang));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_escape_codes() {
        let hostile = "스팟\x1b[2J\x1b]0;title\x07 알림\u{9b}31m\tend\n";
        assert_eq!(
            plain(hostile),
            "스팟\\u{1b}[2J\\u{1b}]0;title\\u{7} 알림\\u{9b}31m end\n"
        );
    }
}
