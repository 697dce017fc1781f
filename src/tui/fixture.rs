//! A small Korean vault built by hand for the TUI's tests, so screens can
//! be tested without the parser, and a driver that runs the app as the
//! main loop does: every event or action followed by a frame whose
//! report goes back to the app. Test-only.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::tui::action::Action;
use crate::tui::app::{App, AppEvent};

use crate::vault::{
    Date, Diagnostic, Note, NoteIx, Question, QuestionId, QuestionIx, QuestionOrigin, QuizOption,
    Section, SectionKind, Tag, Vault,
};

/// The app on the fixture vault, in Korean, with the default theme and
/// keys, after its first frame.
pub(crate) fn app() -> App {
    let mut app = App::new(
        vault(),
        crate::i18n::Lang::Ko,
        crate::tui::theme::Theme::default(),
        crate::tui::keymap::Keymap::default(),
    );
    frame(&mut app);
    app
}

/// The screen at the app's size as one run of text without spaces or line
/// ends (wide characters leave a blank cell after them), for a test that
/// looks for words on it.
pub(crate) fn screen_words(app: &mut App) -> String {
    let buffer = frame(app);
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
    }
    text.replace(' ', "")
}

/// Draws a frame at the app's size into a test terminal and hands what it
/// laid out back to the app, as the main loop does; returns the screen.
pub(crate) fn frame(app: &mut App) -> Buffer {
    let (w, h) = (app.size.width, app.size.height);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    let mut report = None;
    term.draw(|f| report = Some(app.draw(f)))
        .expect("drawing into a test backend");
    if let Some(report) = report {
        app.after_frame(report);
    }
    term.backend().buffer().clone()
}

/// Runs the app as the main loop does: each step, then a frame.
pub(crate) trait Drive {
    /// Applies an action, then draws.
    fn act(&mut self, action: Action);
    /// Handles an event, then draws.
    fn feed(&mut self, event: AppEvent);
}

impl Drive for App {
    fn act(&mut self, action: Action) {
        self.update(action);
        frame(self);
    }

    fn feed(&mut self, event: AppEvent) {
        self.handle(event);
        frame(self);
    }
}

const SPOT: &str = "# 스팟 인스턴스 활용

## 🎯 핵심 포인트

**스팟 인스턴스(Spot Instance)**는 남는 용량을 싸게 쓰는 방식이며, 중단될 수 있다.

## 📝 설명

### 노드 역할

- **마스터 노드**: 클러스터를 관리하므로 온디맨드로 둔다
- **태스크 노드**: 데이터를 저장하지 않아 스팟으로 비용을 줄인다
  - 중단되어도 데이터 손실이 없다

```
요청 → 마스터 (온디맨드) → 작업 분배
          ↓
태스크 (스팟) → 추가 연산
```

| 노드 | 인스턴스 | 비용 |
|---|---|---:|
| 마스터 | 온디맨드 | 높음 |
| 태스크 | 스팟 | 낮음 🎉 |

> 스팟은 2분 전에 중단 알림을 받는다.

## 🔍 주요개념

관련 노트: [[EMR 노드 구성]]

## 📚 관련 문제

**문제 1.** 비용을 줄이면서 데이터 손실을 막으려면 어느 노드를 스팟으로 두어야 하는가?

**보기:**
- A) 마스터 노드
- B) 코어 노드
- C) 태스크 노드

**정답: C**
";

const EMR: &str = "# EMR 노드 구성

## 핵심 포인트

EMR은 마스터, 코어, 태스크 노드로 나뉜다. [[스팟 인스턴스 활용]]을 함께 보라.

## 관련 문제

**문제.** 스팟 중단 알림은 몇 분 전에 오는가? (두 개 고르시오)

- A) 30초
- B) 2분
- C) 10분
- D) 알림 없음

**정답: B, D**
";

fn sections(body: &str, kinds: &[SectionKind], body_line: usize) -> Vec<Section> {
    let starts: Vec<usize> = body.match_indices("\n## ").map(|(i, _)| i + 1).collect();
    starts
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (&start, &kind))| {
            let end = starts.get(i + 1).copied().unwrap_or(body.len());
            let heading_end = body[start..].find('\n').map_or(body.len(), |e| start + e);
            Section::new(
                kind,
                body[start + 3..heading_end].into(),
                body_line + body[..start].matches('\n').count(),
                start..end,
            )
        })
        .collect()
}

fn tags(list: &[&str]) -> Arc<[Tag]> {
    list.iter().filter_map(|t| Tag::parse(t)).collect()
}

#[allow(clippy::too_many_arguments)]
fn question(
    id: &str,
    note: usize,
    stem: &str,
    options: &[&str],
    answer: &[char],
    explanations: &[(char, &str)],
    tags: Arc<[Tag]>,
    title: &str,
) -> Question {
    Question {
        id: QuestionId(id.into()),
        origin: QuestionOrigin::Note(NoteIx(note)),
        line: 40,
        stem: stem.into(),
        options: options
            .iter()
            .zip('A'..)
            .map(|(t, letter)| QuizOption {
                letter,
                text: (*t).into(),
            })
            .collect(),
        answer: answer.iter().copied().collect(),
        explanations: explanations.iter().copied().collect(),
        explanation: Some("태스크 노드는 상태가 없어 중단되어도 안전하다.".into()),
        tags,
        note_title: Some(title.into()),
        note: Some(NoteIx(note)),
        quizzable: true,
        form: crate::vault::Form::Strict,
    }
}

/// Two linked Korean notes with three questions and one diagnostic.
pub fn vault() -> Vault {
    use SectionKind as K;
    let spot_tags = tags(&["service/emr", "instance/spot-instances"]);
    let emr_tags = tags(&["service/emr"]);
    let spot = Note {
        root: 0,
        path: "spot.md".into(),
        title: "스팟 인스턴스 활용".into(),
        heading: Some("스팟 인스턴스 활용".into()),
        created: Date::parse("2025-08-21"),
        modified: Date::parse("2025-08-22"),
        tags: spot_tags.clone(),
        aliases: Arc::from(["spot-pricing".to_owned()]),
        key_point: Some("스팟 인스턴스는 남는 용량을 싸게 쓴다.".into()),
        body: SPOT.into(),
        body_line: 8,
        sections: sections(
            SPOT,
            &[K::KeyPoint, K::Explanation, K::Concepts, K::Questions],
            8,
        )
        .into(),
        links: Box::new(["EMR 노드 구성".into()]),
        questions: vec![QuestionIx(0)],
    };
    let emr = Note {
        root: 0,
        path: "emr.md".into(),
        title: "EMR 노드 구성".into(),
        heading: Some("EMR 노드 구성".into()),
        tags: emr_tags.clone(),
        body: EMR.into(),
        body_line: 1,
        sections: sections(EMR, &[K::KeyPoint, K::Questions], 1).into(),
        links: Box::new(["스팟 인스턴스 활용".into()]),
        questions: vec![QuestionIx(1), QuestionIx(2)],
        ..Note::default()
    };
    let questions = vec![
        question(
            "spot-1",
            0,
            "비용을 줄이면서 데이터 손실을 막으려면 어느 노드를 스팟으로 두어야 하는가?",
            &["마스터 노드", "코어 노드", "태스크 노드"],
            &['C'],
            &[
                ('A', "마스터가 중단되면 클러스터가 멈춘다"),
                ('C', "태스크 노드는 데이터를 저장하지 않는다"),
            ],
            spot_tags,
            "스팟 인스턴스 활용",
        ),
        question(
            "emr-1",
            1,
            "스팟 중단 알림은 몇 분 전에 오는가? (두 개 고르시오)",
            &["30초", "2분", "10분", "알림 없음"],
            &['B', 'D'],
            &[('B', "2분 전에 알림이 온다")],
            emr_tags.clone(),
            "EMR 노드 구성",
        ),
        question(
            "emr-2",
            1,
            "EMR에서 HDFS 데이터를 저장하는 노드는?",
            &["마스터", "코어", "태스크"],
            &['B'],
            &[],
            emr_tags,
            "EMR 노드 구성",
        ),
    ];
    Vault {
        roots: vec!["fixture".into()],
        notes: vec![spot, emr],
        banks: Vec::new(),
        questions,
        diagnostics: vec![Diagnostic::error(
            "broken.md",
            3,
            5,
            crate::vault::Message::AnswerLetterWithoutOption { letter: 'E' },
        )],
        ..Vault::default()
    }
}
