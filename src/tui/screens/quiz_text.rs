//! The quiz's question as text: the stem, the options with their marks
//! and, after an answer, the feedback (picked option marked, right one
//! highlighted, explanations, key point, the note). Pure functions of
//! `&QuizState`; the same lines give the option rows for mouse clicks.

use ratatui::text::{Line, Span};

use super::quiz::{Phase, QuizState};
use crate::i18n::Lang;
use crate::quiz::{Feedback, SessionItem, next_review_text};
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap, wrap_plain};
use crate::vault::Letter;

/// The question on screen: the current one, or the one revisited from
/// the summary.
fn shown_item(state: &QuizState) -> (usize, Option<&SessionItem>) {
    if let Phase::Revisit { index } = state.phase {
        return (index, state.session.items().get(index));
    }
    let at = state.session.position();
    let item = state
        .session
        .current()
        .or_else(|| state.session.items().get(at));
    (at, item)
}

/// The question (and feedback) as lines, with the row of each option.
pub fn question_lines(
    state: &QuizState,
    t: &Theme,
    lang: Lang,
    width: usize,
) -> (Vec<Line<'static>>, Vec<(usize, Letter)>) {
    crate::tui::frame::count_build();
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    let (shown, item) = shown_item(state);
    let Some(item) = item else {
        return (lines, rows);
    };
    let q = &item.question;
    lines.extend(wrap_plain(&q.stem, t.bold, width));
    lines.push(Line::default());
    let need = q.pick_count();
    let feedback = if matches!(state.phase, Phase::Feedback | Phase::Revisit { .. }) {
        state.session.feedback(shown)
    } else {
        None
    };
    if need > 1 && feedback.is_none() {
        let text = match lang {
            Lang::Ko => format!(
                "{need}개를 고르세요 (Space로 선택, Enter로 답하기) · {}개 선택됨",
                state.toggled.len()
            ),
            Lang::En => format!(
                "Choose {need} (Space toggles, Enter answers) · {} chosen",
                state.toggled.len()
            ),
        };
        lines.extend(wrap_plain(&text, t.warning, width));
        lines.push(Line::default());
    }
    for (i, opt) in q.options.iter().enumerate() {
        let picked = state.toggled.contains(&opt.letter);
        let cursor = i == state.cursor && feedback.is_none() && state.shows_highlight();
        let mut style = t.text;
        let mut mark = String::new();
        if let Some(fb) = &feedback {
            let right = fb.answer.contains(&opt.letter);
            if right {
                style = t.correct;
                lang.pick("  ✓ 정답", "  ✓ right").clone_into(&mut mark);
            }
            if picked {
                if !right {
                    style = t.wrong;
                }
                mark.push_str(lang.pick("  ← 내 답", "  ← your answer"));
            }
        }
        let boxed = if need > 1 {
            if picked { "[x] " } else { "[ ] " }
        } else if state.is_exam() && feedback.is_none() {
            // Every option gets a marker, so the chosen one does not shift.
            if picked { "(•) " } else { "( ) " }
        } else {
            ""
        };
        let head = format!(
            "{}{boxed}{}) {}",
            if cursor { "▶ " } else { "  " },
            opt.letter,
            opt.label
                .as_ref()
                .map(|l| format!("{l} "))
                .unwrap_or_default()
        );
        let first = Line::from(Span::styled(
            head.clone(),
            if cursor { t.hint_key } else { t.dim },
        ));
        let rest = Line::raw(" ".repeat(wrap::width(&head)));
        rows.push((lines.len(), opt.letter));
        let pieces = vec![(opt.text.clone(), style), (mark, style)];
        let mut opt_lines = wrap(&pieces, width, &first, &rest);
        if cursor {
            for l in &mut opt_lines {
                l.style = t.selected;
            }
        }
        lines.extend(opt_lines);
    }
    if let Some(fb) = feedback {
        lines.push(Line::default());
        let response = item.response.as_ref();
        let mut schedule = Vec::new();
        if response.is_some_and(|r| r.guessed) {
            schedule.push(
                lang.pick("찍어서 맞힘 (어려움으로 기록)", "a guess (rated Hard)")
                    .to_owned(),
            );
        }
        if let (Some(due), Some(r)) = (state.next_review, response) {
            schedule.push(next_review_text(due, r.at, lang));
        }
        let schedule = (!schedule.is_empty()).then(|| schedule.join(" · "));
        feedback_lines(&fb, schedule, t, lang, width, &mut lines);
    }
    (lines, rows)
}

/// The verdict, when the question comes back (`schedule`), the
/// explanations, the key point and the note.
pub(crate) fn feedback_lines(
    fb: &Feedback,
    schedule: Option<String>,
    t: &Theme,
    lang: Lang,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let verdict = if fb.correct {
        (lang.pick("✓ 맞았습니다", "✓ Right"), t.correct)
    } else {
        (lang.pick("✗ 틀렸습니다", "✗ Wrong"), t.wrong)
    };
    let answer: String = fb
        .answer
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    lines.push(Line::from(vec![
        Span::styled(verdict.0, verdict.1),
        Span::styled(
            format!("  · {} {answer}", lang.pick("정답", "answer")),
            t.dim,
        ),
    ]));
    if let Some(text) = schedule {
        lines.extend(wrap_plain(&text, t.dim, width));
    }
    let explained = fb
        .picked
        .iter()
        .chain(&fb.right)
        .chain(&fb.others)
        .filter(|o| o.explanation.is_some());
    let mut any = false;
    for o in explained {
        if !any {
            lines.push(Line::default());
            lines.push(Line::styled(lang.pick("해설", "Explanations"), t.heading));
            any = true;
        }
        let style = if o.is_right {
            t.correct
        } else if fb.picked.iter().any(|p| p.letter == o.letter) {
            t.wrong
        } else {
            t.dim
        };
        let head = format!("{} ", o.letter);
        let first = Line::from(Span::styled(head.clone(), style));
        let rest = Line::raw(" ".repeat(wrap::width(&head)));
        let text = o.explanation.clone().unwrap_or_default();
        lines.extend(wrap(&[(text, t.text)], width, &first, &rest));
    }
    if let Some(e) = &fb.explanation {
        lines.push(Line::default());
        lines.extend(wrap_plain(e, t.text, width));
    }
    if let Some(k) = &fb.key_point {
        lines.push(Line::default());
        let first = Line::styled(lang.pick("핵심  ", "Key point  "), t.heading);
        let rest = Line::raw(" ".repeat(wrap::line_width(&first)));
        lines.extend(wrap(&[(k.clone(), t.text)], width, &first, &rest));
    }
    if let Some(title) = &fb.note_title {
        lines.push(Line::default());
        let text = format!(
            "📄 {title}  ·  o {}",
            lang.pick("노트 보기", "open the note")
        );
        lines.extend(wrap_plain(&text, t.link, width));
    }
}
