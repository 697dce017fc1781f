//! The app's layers: what an action does on the screen on top of the
//! study screen (a pager, a note, a quiz, the review, the exam history,
//! stats, the start dialog, search, links), and putting one on top. Part
//! of `App::update`'s one place of change, split out by subject.

use super::action::Action;
use super::app::{App, Layer};
use super::screens::links::LinksState;
use super::screens::quiz_start::Scope;

impl App {
    /// Puts a screen on top, unless the same pager or the search is
    /// already there.
    pub(crate) fn push(&mut self, layer: Layer) {
        let same = |a: &Layer, b: &Layer| match (a, b) {
            (Layer::Pager(x), Layer::Pager(y)) => x.kind == y.kind,
            (Layer::Search(_), Layer::Search(_)) => true,
            _ => false,
        };
        if let Some(top) = self.layers.last()
            && same(top, &layer)
        {
            return;
        }
        self.layers.push(layer);
    }

    /// Applies an action to the screen on top.
    pub(crate) fn update_layer(&mut self, action: Action) {
        let Some(top) = self.layers.last_mut() else {
            return;
        };
        match top {
            Layer::Pager(p) => {
                if action == Action::Back {
                    self.layers.pop();
                } else {
                    p.apply(action);
                }
            }
            Layer::Note(_) => self.update_note_layer(action),
            Layer::Quiz(q) if action == Action::Edit => {
                let shown = q
                    .session
                    .current()
                    .or_else(|| q.session.items().get(q.session.position()));
                if let Some((ix, id)) = shown.map(|i| (i.question.ix, i.question.id.clone())) {
                    self.edit_question(ix, &id);
                }
            }
            Layer::Quiz(_) => self.update_quiz(action),
            Layer::Review(r) => {
                let outcome = r.apply(action);
                self.review_outcome(outcome);
            }
            Layer::Exams(e) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                other => {
                    if e.apply(other) {
                        self.review_past_exam();
                    }
                }
            },
            Layer::Stats(s) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                Action::Retry => self.retry_wrong(),
                Action::ExamHistory => self.open_exams(),
                Action::Optimize => self.optimize(),
                other => s.apply(other),
            },
            Layer::QuizStart(d) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                other => {
                    if d.apply(other) {
                        let d = d.clone();
                        self.start_from_dialog(&d);
                    } else {
                        let mut d = d.clone();
                        self.count_available(&mut d);
                        if let Some(Layer::QuizStart(top)) = self.layers.last_mut() {
                            *top = d;
                        }
                    }
                }
            },
            Layer::Search(s) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                Action::Confirm => {
                    let hit = s.selected().cloned();
                    match hit {
                        Some(hit) => self.open_hit(&hit),
                        None => self.say(self.lang.pick("열 결과가 없습니다", "No result to open")),
                    }
                }
                other => {
                    if s.apply(other) {
                        self.refresh_search();
                    }
                }
            },
            Layer::Links(l) => match action {
                Action::Back => {
                    self.layers.pop();
                }
                Action::Confirm => {
                    let chosen = l.chosen();
                    self.layers.pop();
                    match chosen {
                        Ok(ix) => self.follow(ix),
                        Err(name) => self.error(format!(
                            "{} \"{name}\"",
                            self.lang
                                .pick("이 볼트에 없는 노트:", "no note in this vault named")
                        )),
                    }
                }
                other => l.apply(other),
            },
        }
    }

    /// A note opened full screen (from a quiz or a search).
    fn update_note_layer(&mut self, action: Action) {
        let Some(Layer::Note(r)) = self.layers.last_mut() else {
            return;
        };
        if action == Action::Back && !r.back() {
            self.layers.pop();
        } else if action == Action::Links {
            let note = r.note;
            let links = LinksState::new(&self.vault, note);
            self.layers.push(Layer::Links(links));
        } else if action == Action::Edit {
            let note = r.note;
            let line = r.top_line(&self.vault);
            self.edit_note(note, line);
        } else if action == Action::StartQuiz {
            let note = r.note;
            if self.layers.iter().any(|l| matches!(l, Layer::Quiz(_))) {
                self.say(self.lang.pick(
                    "퀴즈 중입니다: Esc로 돌아가 이어 푸세요",
                    "A quiz is running: Esc goes back to it",
                ));
            } else {
                self.open_start_dialog(Some(Scope::Note(note)));
            }
        } else {
            r.apply(action);
        }
    }
}
