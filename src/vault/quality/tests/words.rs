//! Exam framing, what is assessed, and the messages in both languages.

use super::*;
use crate::i18n::Lang;

#[test]
fn exam_framing_is_found_in_english_and_korean_stems() {
    for stem in [
        "Which solution meets these requirements MOST cost-effectively?",
        "Which approach has the LEAST operational overhead?",
        "Which design is the most resilient to an AZ failure?",
        "What is the most appropriate instance purchase option?",
        "요구사항을 가장 비용 효율적으로 충족하는 방법은?",
        "운영 오버헤드가 가장 적은 방법은 무엇입니까?",
        "가장 복원력 있는 구성은?",
        "이 상황에 가장 적절한 설정은?",
        "Which storage class keeps these logs for the LEAST cost?",
    ] {
        assert!(is_exam_framed(stem), "{stem}");
    }
    for stem in [
        "How long is the Spot interruption notice?",
        "스팟 중단 알림은 몇 분 전에 오는가?",
        "Which instance type has the most memory?",
        "Almost every node is lost; what happens?",
    ] {
        assert!(!is_exam_framed(stem), "{stem}");
    }
    let mut d = Deck::default();
    let opts = vec![
        "one choice here".to_owned(),
        "another choice here".to_owned(),
    ];
    d.add(
        0,
        question("Which is the MOST resilient design here?", &opts, &['A']),
    );
    d.add(0, question("What does the notice say here?", &opts, &['B']));
    let f = assess(&d.vault).figures;
    assert_eq!(f.framed, 1);
    assert!((f.framed_share - 0.5).abs() < 1e-9);
}

#[test]
fn questions_kept_out_of_quizzes_are_not_assessed() {
    let mut d = balanced();
    for q in &mut d.vault.questions {
        q.quizzable = false;
    }
    let q = assess(&d.vault);
    assert_eq!(q.figures.questions, 0);
    assert_eq!(q.warnings, []);
    assert_eq!(message::summary(&q.figures, 0, Lang::En), "");
}

#[test]
fn every_warning_reads_in_korean_and_english() {
    let mut d = balanced();
    let ix = d.single(300, 'A');
    let all = [
        QualityWarning::LongestKey {
            keyed: 9,
            of: 24,
            chance: 0.25,
        },
        QualityWarning::LetterSkew {
            letter: 'E',
            keyed: 1,
            of: 62,
            chance: 0.2,
        },
        QualityWarning::RepeatedPair {
            pair: ['B', 'C'],
            keyed: 7,
            of: 21,
            chance: 0.1,
        },
        QualityWarning::GiveawayKey {
            question: ix,
            letters: vec!['B'],
            width: 34,
            widest_other: 15,
        },
        QualityWarning::UnexplainedKey {
            question: ix,
            letters: vec!['A', 'C'],
        },
        QualityWarning::RepeatedOption {
            question: ix,
            letter: 'B',
            earlier: QuestionIx(0),
            earlier_letter: 'D',
        },
        QualityWarning::ShortStem {
            question: ix,
            words: 2,
        },
    ];
    let en: Vec<String> = all
        .iter()
        .map(|w| message::warning(&d.vault, w, Lang::En))
        .collect();
    let ko: Vec<String> = all
        .iter()
        .map(|w| message::warning(&d.vault, w, Lang::Ko))
        .collect();
    assert_eq!(
        en[0],
        "the right option is the strictly longest in 9 of 24 single-answer questions \
         (38%; by chance about 25%): picking the longest option scores without reading"
    );
    assert_eq!(
        ko[1],
        "보기 E가 있는 단일 정답 문제 62개 중 1개(2%)의 정답이 E입니다 (우연이면 약 20%)"
    );
    assert_eq!(
        en[2],
        "B+C is the key of 7 of 21 \"choose two\" questions (33%; by chance about 10%)"
    );
    assert_eq!(
        ko[3],
        "정답 보기 B가 34칸으로, 가장 긴 다른 보기(15칸)보다 훨씬 깁니다: 길이만 보고 맞힐 수 있습니다"
    );
    assert_eq!(
        en[3],
        "the right option B is 34 columns wide and no other option is wider than 15: its length \
         gives it away"
    );
    assert_eq!(en[4], "the right options A, C have no explanation");
    assert_eq!(ko[4], "정답 보기 A, C에 설명이 없습니다");
    assert_eq!(
        en[5],
        "option B repeats option D of the question at line 10 word for word"
    );
    assert_eq!(ko[5], "보기 B가 10행 문제의 보기 D와 글자 그대로 같습니다");
    for (k, e) in ko.iter().zip(&en) {
        assert!(k.chars().any(|c| ('가'..='힣').contains(&c)), "{k}");
        assert!(!e.chars().any(|c| ('가'..='힣').contains(&c)), "{e}");
    }
}

#[test]
fn the_summary_line_gives_the_figures_in_either_language() {
    let mut d = balanced();
    let q0 = d.vault.questions[0].clone();
    let framed = question("Which design is the MOST resilient here?", &[], &['A']);
    d.vault.questions[0] = Question {
        stem: framed.stem,
        ..q0
    };
    let f = assess(&d.vault).figures;
    assert_eq!(
        message::summary(&f, 3, Lang::En),
        "quality: longest option keyed 0/24 (0%), keys A 25% B 25% C 25% D 25%, \
         top \"choose two\" pair A+B 10% of 20, exam framing 2%, 3 quality warnings"
    );
    assert_eq!(
        message::summary(&f, 3, Lang::Ko),
        "품질: 가장 긴 보기가 정답 0/24 (0%), 정답 글자 A 25% B 25% C 25% D 25%, \
         두 개 고르기 20개 중 최다 쌍 A+B 10%, 시험형 질문 2%, 품질 경고 3건"
    );
}
