//! Reviewing an exam question by question, right after it or reopened
//! from the exam history: one question at a time in exam order, with the
//! learner's answer, the right one, every explanation and the time spent;
//! `f` cycles the filter (all, wrong, flagged, unanswered), ←/→ move,
//! `o` opens the question's note, `e` its file in the editor.
//!
//! Owns the position and filter; the review itself is the quiz engine's
//! [`ExamReview`]. Drawing is [`review_lines`], a pure function.

use ratatui::text::{Line, Span};

use crate::i18n::Lang;
use crate::quiz::{ExamReview, ReviewFilter, ReviewItem};
use crate::tui::action::Action;
use crate::tui::screens::quiz_text::feedback_lines;
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap, wrap_plain};
use crate::vault::{QuestionId, QuestionIx};

/// What the app must do after a review action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewOutcome {
    /// Nothing more.
    None,
    /// Open this question's note.
    OpenNote(QuestionIx, QuestionId),
    /// Open this question's file in the editor, at its line.
    Edit(QuestionIx, QuestionId),
    /// The question is no longer in the vault: it has no note to open.
    NoNote,
    /// Close the review.
    Leave,
}

/// The review screen's state.
#[derive(Debug, Clone)]
pub struct ReviewState {
    /// Every question of the exam.
    pub review: ExamReview,
    /// Which questions are shown.
    pub filter: ReviewFilter,
    /// Position within the filtered questions.
    pub index: usize,
    /// Rows scrolled.
    pub scroll: usize,
    /// What the exam was on (the pane title).
    pub title: String,
    /// Rows shown at once, from the last frame.
    pub height: usize,
    /// Rows of the current question, from the last frame.
    pub total: usize,
}

impl ReviewState {
    /// A review at its first question, every question shown.
    pub fn new(review: ExamReview, title: String) -> Self {
        ReviewState {
            review,
            filter: ReviewFilter::All,
            index: 0,
            scroll: 0,
            title,
            height: 10,
            total: usize::MAX,
        }
    }

    /// The question on screen, if the filter leaves any.
    pub fn current(&self) -> Option<&ReviewItem> {
        self.review.filtered(self.filter).get(self.index).copied()
    }

    /// Applies an action.
    pub fn apply(&mut self, action: Action) -> ReviewOutcome {
        let shown = self.review.count(self.filter);
        let max_scroll = self.total.saturating_sub(self.height);
        let page = self.height.max(2);
        match action {
            Action::Back => return ReviewOutcome::Leave,
            Action::NextQuestion | Action::Right | Action::Confirm if self.index + 1 < shown => {
                self.index += 1;
                self.scroll = 0;
            }
            Action::PrevQuestion | Action::Left if self.index > 0 => {
                self.index -= 1;
                self.scroll = 0;
            }
            Action::NextFilter => {
                // Stay on the same question when the new filter keeps it.
                let number = self.current().map(|i| i.number);
                self.filter = self.filter.next();
                self.index = self
                    .review
                    .filtered(self.filter)
                    .iter()
                    .position(|i| Some(i.number) == number)
                    .unwrap_or(0);
                self.scroll = 0;
            }
            Action::OpenNote => {
                return match self.current() {
                    Some(item) => item.vault_question().map_or(ReviewOutcome::NoNote, |ix| {
                        ReviewOutcome::OpenNote(ix, item.question.id.clone())
                    }),
                    None => ReviewOutcome::None,
                };
            }
            Action::Edit => {
                return match self.current() {
                    Some(item) => item.vault_question().map_or(ReviewOutcome::NoNote, |ix| {
                        ReviewOutcome::Edit(ix, item.question.id.clone())
                    }),
                    None => ReviewOutcome::None,
                };
            }
            Action::Down => self.scroll = (self.scroll + 1).min(max_scroll),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::HalfPageDown => self.scroll = (self.scroll + page / 2).min(max_scroll),
            Action::HalfPageUp => self.scroll = self.scroll.saturating_sub(page / 2),
            Action::PageDown => self.scroll = (self.scroll + page).min(max_scroll),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max_scroll,
            _ => {}
        }
        ReviewOutcome::None
    }
}

/// Seconds as `1분 5초` / `1 min 5 s`.
pub fn duration_text(seconds: f64, lang: Lang) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped
    let secs = seconds.max(0.0).round().min(f64::from(u32::MAX)) as u32;
    let (m, s) = (secs / 60, secs % 60);
    match (lang, m) {
        (Lang::Ko, 0) => format!("{s}초"),
        (Lang::Ko, _) => format!("{m}분 {s}초"),
        (Lang::En, 0) => format!("{s} s"),
        (Lang::En, _) => format!("{m} min {s} s"),
    }
}

/// The review screen as lines: where we are and the filter, the question,
/// its options marked right and picked, and the explanations.
pub fn review_lines(s: &ReviewState, t: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    crate::tui::frame::count_build();
    let shown = s.review.filtered(s.filter);
    let mut lines = Vec::new();
    let filters: Vec<String> = ReviewFilter::ALL
        .iter()
        .map(|&f| {
            let label = format!("{} {}", f.label(lang), s.review.count(f));
            if f == s.filter {
                format!("[{label}]")
            } else {
                label
            }
        })
        .collect();
    lines.extend(wrap_plain(
        &format!(
            "{}: {}",
            lang.pick("f 필터", "f filter"),
            filters.join(" · ")
        ),
        t.dim,
        width,
    ));
    let Some(item) = shown.get(s.index) else {
        lines.push(Line::default());
        lines.push(Line::styled(
            lang.pick(
                "이 필터에 해당하는 문제가 없습니다",
                "No question matches this filter",
            ),
            t.dim,
        ));
        return lines;
    };
    let total = s.review.items.len();
    let (verdict, style) = match &item.picked {
        None => (lang.pick("안 품", "unanswered"), t.warning),
        Some(_) if item.is_right() => (lang.pick("✓ 맞음", "✓ right"), t.correct),
        Some(_) => (lang.pick("✗ 틀림", "✗ wrong"), t.wrong),
    };
    let mut head = vec![
        Span::styled(
            format!(
                "{} {}/{total}  ({} {}/{})  ",
                lang.pick("문제", "Question"),
                item.number,
                s.filter.label(lang),
                s.index + 1,
                shown.len()
            ),
            t.title,
        ),
        Span::styled(verdict, style),
        Span::styled(
            format!(
                "  · {} {}",
                lang.pick("걸린 시간", "time"),
                duration_text(item.seconds, lang)
            ),
            t.dim,
        ),
    ];
    if item.flagged {
        head.push(Span::styled(
            format!("  ⚑ {}", lang.pick("표시함", "flagged")),
            t.warning,
        ));
    }
    lines.push(Line::from(head));
    if !item.in_vault {
        lines.extend(wrap_plain(
            lang.pick(
                "볼트에서 사라진 문제입니다: 마지막으로 기록된 모습으로 보여 줍니다",
                "This question is no longer in the vault: shown as it was last recorded",
            ),
            t.warning,
            width,
        ));
    }
    lines.push(Line::default());
    option_lines(item, t, lang, width, &mut lines);
    lines.push(Line::default());
    let mut fb = item.feedback();
    if !item.in_vault {
        fb.note_title = None;
    }
    feedback_lines(&fb, None, t, lang, width, &mut lines);
    lines.push(Line::default());
    lines.push(Line::styled(
        lang.pick(
            "←/→ 이전·다음 문제 · f 필터 · o 노트 · Esc 돌아가기",
            "←/→ previous/next · f filter · o note · Esc back",
        ),
        t.dim,
    ));
    lines
}

/// The stem and the options, the right ones and the picked ones marked.
fn option_lines(
    item: &ReviewItem,
    t: &Theme,
    lang: Lang,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let q = &item.question;
    lines.extend(wrap_plain(&q.stem, t.bold, width));
    lines.push(Line::default());
    let picked = item.picked.clone().unwrap_or_default();
    for o in &q.options {
        let right = q.answer.contains(&o.letter);
        let mine = picked.contains(&o.letter);
        let mut mark = String::new();
        let mut style = t.text;
        if right {
            style = t.correct;
            mark.push_str(lang.pick("  ✓ 정답", "  ✓ right"));
        }
        if mine {
            if !right {
                style = t.wrong;
            }
            mark.push_str(lang.pick("  ← 내 답", "  ← your answer"));
        }
        let head = format!("  {}) ", o.letter);
        let first = Line::from(Span::styled(head.clone(), t.dim));
        let rest = Line::raw(" ".repeat(wrap::width(&head)));
        lines.extend(wrap(
            &[(o.text.clone(), style), (mark, style)],
            width,
            &first,
            &rest,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{
        ExamConfig, Mode, QuizSession, SessionConfig, SessionId, Shuffle, Timestamp,
    };
    use crate::tui::fixture;

    fn review() -> ReviewState {
        let vault = fixture::vault();
        let ix: Vec<QuestionIx> = vault.quizzable().take(3).collect();
        let config = SessionConfig {
            mode: Mode::Exam(ExamConfig::new(3, Some(10), 720)),
            shuffle: Shuffle::Off,
            id: SessionId("r".into()),
        };
        let mut s = QuizSession::new(&vault, &ix, config, Timestamp(0));
        let right = s.items()[0].question.answer.clone();
        s.answer(&right, Timestamp(65_000)).unwrap();
        s.next(Timestamp(66_000));
        s.flag();
        s.submit(Timestamp(70_000));
        ReviewState::new(ExamReview::from_session(&s), "t".into())
    }

    fn text(s: &ReviewState) -> String {
        review_lines(s, &Theme::default(), Lang::Ko, 80)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_review_walks_every_question_and_filters_keep_the_place() {
        let mut r = review();
        let first = text(&r);
        assert!(first.contains("문제 1/3"), "{first}");
        assert!(first.contains("✓ 맞음"), "{first}");
        assert!(first.contains("1분 6초"), "{first}");
        r.apply(Action::NextQuestion);
        let second = text(&r);
        assert!(
            second.contains("문제 2/3") && second.contains("안 품"),
            "{second}"
        );
        assert!(second.contains("⚑ 표시함"), "{second}");
        r.apply(Action::NextFilter); // wrong: questions 2 and 3
        assert_eq!(r.filter, ReviewFilter::Wrong);
        assert_eq!(r.current().map(|i| i.number), Some(2), "kept the place");
        r.apply(Action::NextFilter); // flagged: question 2 only
        assert_eq!(r.current().map(|i| i.number), Some(2));
        r.apply(Action::NextQuestion);
        assert_eq!(r.current().map(|i| i.number), Some(2), "only one flagged");
        r.apply(Action::NextFilter); // unanswered: 2 and 3
        r.apply(Action::NextQuestion);
        assert_eq!(r.current().map(|i| i.number), Some(3));
        assert!(text(&r).contains("[안 푼 문제 2]"), "{}", text(&r));
        assert_eq!(r.apply(Action::Back), ReviewOutcome::Leave);
    }

    #[test]
    fn a_question_gone_from_the_vault_has_no_note_to_open() {
        let mut r = review();
        r.review.items[0].in_vault = false;
        assert_eq!(r.apply(Action::OpenNote), ReviewOutcome::NoNote);
        assert!(text(&r).contains("볼트에서 사라진 문제"));
        r.apply(Action::NextQuestion);
        assert!(matches!(
            r.apply(Action::OpenNote),
            ReviewOutcome::OpenNote(..)
        ));
    }
}
