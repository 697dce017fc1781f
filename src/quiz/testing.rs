//! A small hand-built vault for unit tests of the quiz engine, so they do
//! not depend on the parser.

use std::sync::Arc;

use super::attempt::{Attempt, ModeKind, SessionId};
use super::schedule::Rating;
use super::time::Timestamp;
use crate::vault::{
    Explanations, Note, NoteIx, Options, Question, QuestionId, QuestionIx, QuestionOrigin,
    QuizOption, Tag, Vault,
};

fn tags(list: &[&str]) -> Arc<[Tag]> {
    list.iter().filter_map(|t| Tag::parse(t)).collect()
}

fn options(texts: &[&str]) -> Options {
    texts
        .iter()
        .zip('A'..)
        .map(|(t, letter)| QuizOption {
            letter,
            text: (*t).into(),
        })
        .collect()
}

/// Two notes, four questions:
/// 0. spot, single answer B (with explanations);
/// 1. spot, multi answer A+C;
/// 2. emr, single answer A;
/// 3. emr/sizing, single answer D.
pub fn sample_vault() -> Vault {
    let spot_tags = tags(&["instance/spot", "exam/saa"]);
    let emr_tags = tags(&["service/emr"]);
    let sizing_tags = tags(&["service/emr/sizing"]);
    let notes = vec![
        Note {
            root: 0,
            path: "spot.md".into(),
            title: "스팟 인스턴스".into(),
            tags: spot_tags.clone(),
            key_point: Some("스팟은 2분 전에 중단 알림을 받는다.".into()),
            body_line: 6,
            questions: vec![QuestionIx(0), QuestionIx(1)],
            ..Note::default()
        },
        Note {
            root: 0,
            path: "emr/sizing.md".into(),
            title: "EMR 클러스터 크기".into(),
            tags: emr_tags.clone(),
            key_point: Some("작업량에 맞춰 코어 노드를 늘린다.".into()),
            body_line: 1,
            questions: vec![QuestionIx(2), QuestionIx(3)],
            ..Note::default()
        },
    ];
    let q =
        |id: &str, note: usize, line: usize, stem: &str, opts: &[&str], answer: &[char]| Question {
            id: QuestionId(id.into()),
            origin: QuestionOrigin::Note(NoteIx(note)),
            line,
            stem: stem.into(),
            options: options(opts),
            answer: answer.iter().copied().collect(),
            explanations: Explanations::default(),
            explanation: None,
            tags: tags(&[]),
            note_title: Some(Arc::clone(&notes[note].title)),
            note: Some(NoteIx(note)),
            quizzable: true,
            form: crate::vault::Form::Strict,
        };
    let mut q0 = q(
        "spot-notice",
        0,
        20,
        "스팟 인스턴스 중단 알림은 언제 오는가?",
        &["30초 전", "2분 전", "10분 전", "알림 없음"],
        &['B'],
    );
    q0.tags = spot_tags.clone();
    q0.explanations = [
        ('A', "30초는 너무 짧다."),
        ('B', "정확히 2분 전에 알림이 온다."),
        ('C', "10분은 너무 길다."),
    ]
    .into_iter()
    .collect();
    q0.explanation = Some("알림은 2분 전에 온다.".into());
    let mut q1 = q(
        "spot-fit",
        0,
        34,
        "스팟에 알맞은 작업 두 가지를 고르시오.",
        &["배치 처리", "단일 DB 서버", "CI 빌드", "결제 API"],
        &['A', 'C'],
    );
    q1.tags = spot_tags;
    let mut q2 = q(
        "emr-primary",
        1,
        12,
        "EMR에서 클러스터를 관리하는 노드는?",
        &["프라이머리 노드", "코어 노드", "태스크 노드"],
        &['A'],
    );
    q2.tags = emr_tags;
    let mut q3 = q(
        "emr-sizing",
        1,
        25,
        "HDFS 용량을 늘리려면 무엇을 늘리는가?",
        &[
            "태스크 노드",
            "프라이머리 노드",
            "EBS 없이 스팟",
            "코어 노드",
        ],
        &['D'],
    );
    q3.tags = sizing_tags;
    Vault {
        roots: vec!["vault".into()],
        notes,
        banks: Vec::new(),
        questions: vec![q0, q1, q2, q3],
        diagnostics: Vec::new(),
        ..Vault::default()
    }
}

/// A practice attempt at second `at`; right when `chosen == answer`.
pub fn attempt(id: &str, chosen: &[char], answer: &[char], at: i64) -> Attempt {
    Attempt {
        session: SessionId("s".into()),
        mode: ModeKind::Practice,
        question: QuestionId(id.into()),
        tags: Vec::new(),
        chosen: chosen.to_vec(),
        correct_letters: answer.to_vec(),
        correct: chosen == answer,
        seconds: 5.0,
        at: Timestamp::from_secs(at),
        rating: Rating::Good,
    }
}

/// A history with questions for the 오답노트: one missed three times with
/// two different wrong picks, one missed once, one right, and one no
/// longer in [`sample_vault`].
pub fn missed_history() -> super::History {
    super::History::from_attempts(&[
        attempt("emr-primary", &['C'], &['A'], 1),
        attempt("emr-primary", &['C'], &['A'], 2),
        attempt("emr-primary", &['B'], &['A'], 3),
        attempt("spot-notice", &['C'], &['B'], 4),
        attempt("spot-fit", &['A', 'C'], &['A', 'C'], 4),
        attempt("gone", &['D'], &['A'], 5),
    ])
}

/// A practice session over every question of [`sample_vault`].
pub fn practice_session() -> super::QuizSession {
    let vault = sample_vault();
    let all: Vec<QuestionIx> = vault.quizzable().collect();
    let config = super::SessionConfig {
        mode: super::Mode::Practice,
        shuffle: super::Shuffle::Off,
        id: SessionId("practice".into()),
    };
    super::QuizSession::new(&vault, &all, config, Timestamp(0))
}
