//! The lint on small hand-built vaults: a balanced one that raises nothing,
//! and skewed ones that raise each warning.

use std::sync::Arc;

use super::*;
use crate::i18n::Lang;
use crate::vault::model::{Bank, Explanations, Note, NoteIx, Options, Question, QuestionId};

/// Builds a vault question by question: each goes to note `note` (notes
/// are created as needed), every option explained unless told otherwise.
#[derive(Default)]
struct Deck {
    vault: Vault,
}

fn question(stem: &str, options: &[String], answer: &[Letter]) -> Question {
    let opts: Options = ('A'..)
        .zip(options.iter())
        .map(|(l, t)| (l, t.as_str()))
        .collect();
    let explanations: Explanations = ('A'..)
        .take(options.len())
        .map(|l| (l, format!("{l} 설명")))
        .collect();
    Question {
        id: QuestionId(stem.to_owned()),
        origin: QuestionOrigin::Note(NoteIx(0)),
        line: 1,
        stem: stem.into(),
        options: opts,
        answer: answer.iter().copied().collect(),
        explanations,
        explanation: None,
        tags: Arc::from([]),
        note_title: None,
        note: None,
        quizzable: true,
    }
}

impl Deck {
    /// Adds a question to note `note` at line `10 × (its place in the
    /// note + 1)`, returning its index.
    fn add(&mut self, note: usize, mut q: Question) -> QuestionIx {
        while self.vault.notes.len() <= note {
            let n = self.vault.notes.len();
            self.vault.notes.push(Note {
                path: format!("note-{n}.md"),
                title: format!("note {n}").into(),
                ..Note::default()
            });
        }
        let ix = QuestionIx(self.vault.questions.len());
        let n = &mut self.vault.notes[note];
        n.questions.push(ix);
        q.origin = QuestionOrigin::Note(NoteIx(note));
        q.note = Some(NoteIx(note));
        q.line = 10 * n.questions.len();
        self.vault.questions.push(q);
        ix
    }

    /// A single-answer question of four equally wide options, keyed on `key`.
    fn single(&mut self, i: usize, key: Letter) -> QuestionIx {
        self.single_n(i, key, 4)
    }

    fn single_n(&mut self, i: usize, key: Letter, n: usize) -> QuestionIx {
        let opts: Vec<String> = ('A'..)
            .take(n)
            .map(|l| format!("choice {l} of item {i:03}"))
            .collect();
        let stem = format!("Which choice fits the scenario of item {i:03}?");
        self.add(i % 5, question(&stem, &opts, &[key]))
    }

    /// A "choose two" question of five options keyed on `pair`.
    fn two(&mut self, i: usize, pair: [Letter; 2]) -> QuestionIx {
        let opts: Vec<String> = ('A'..='E')
            .map(|l| format!("choice {l} of pair item {i:03}"))
            .collect();
        let stem = format!("Which TWO choices fit pair item {i:03}? (Choose two.)");
        self.add(i % 5, question(&stem, &opts, &pair))
    }
}

/// The warnings with their chance rounded to six places, to compare.
fn rounded(q: &Quality) -> Vec<QualityWarning> {
    let round = |c: &mut f64| *c = (*c * 1e6).round() / 1e6;
    let mut ws = q.warnings.clone();
    for w in &mut ws {
        match w {
            QualityWarning::LongestKey { chance, .. }
            | QualityWarning::LetterSkew { chance, .. }
            | QualityWarning::RepeatedPair { chance, .. } => round(chance),
            _ => {}
        }
    }
    ws
}

const ABCD: [Letter; 4] = ['A', 'B', 'C', 'D'];
const PAIRS: [[Letter; 2]; 10] = [
    ['A', 'B'],
    ['A', 'C'],
    ['A', 'D'],
    ['A', 'E'],
    ['B', 'C'],
    ['B', 'D'],
    ['B', 'E'],
    ['C', 'D'],
    ['C', 'E'],
    ['D', 'E'],
];

/// 24 single-answer questions keyed A, B, C, D in turn, every option the
/// same width, and 20 "choose two" questions over all ten pairs twice.
fn balanced() -> Deck {
    let mut d = Deck::default();
    for i in 0..24 {
        d.single(i, ABCD[i % 4]);
    }
    for i in 0..20 {
        d.two(100 + i, PAIRS[i % 10]);
    }
    d
}

/// Makes question `ix`'s option `letter` wider than the others by `extra`.
fn widen(d: &mut Deck, ix: QuestionIx, letter: Letter, extra: &str) {
    let q = &mut d.vault.questions[ix.0];
    let opts: Vec<(Letter, String)> = q
        .options
        .iter()
        .map(|o| {
            let t = if o.letter == letter {
                format!("{}{extra}", o.text)
            } else {
                o.text.to_owned()
            };
            (o.letter, t)
        })
        .collect();
    q.options = opts.iter().map(|(l, t)| (*l, t.as_str())).collect();
}

#[test]
fn a_balanced_vault_raises_no_warning() {
    let q = assess(&balanced().vault);
    assert_eq!(q.warnings, []);
    let f = &q.figures;
    assert_eq!((f.questions, f.single_answer, f.choose_two), (44, 24, 20));
    assert_eq!(f.longest_key, 0);
    assert!((f.longest_key_chance - 0.25).abs() < 1e-9);
    for l in ABCD {
        let fig = f.letter(l).unwrap();
        assert_eq!((fig.keyed, fig.of), (6, 24), "{l}");
        assert!((fig.share - 0.25).abs() < 1e-9 && (fig.chance - 0.25).abs() < 1e-9);
    }
    assert_eq!(f.letter('E'), None);
    assert_eq!(f.pairs.len(), 10);
    assert!(
        f.pairs
            .iter()
            .all(|p| p.keyed == 2 && (p.chance - 0.1).abs() < 1e-9)
    );
}

#[test]
fn a_key_strictly_longest_too_often_is_a_deck_warning() {
    let mut d = balanced();
    // 9 of 24 (37.5%) is over 25% + 10 points; 8 of 24 (33%) is not.
    for i in 0..8 {
        let key = ABCD[i % 4];
        widen(&mut d, QuestionIx(i), key, " x");
    }
    assert_eq!(assess(&d.vault).warnings, []);
    widen(&mut d, QuestionIx(8), 'A', " x");
    let q = assess(&d.vault);
    assert_eq!(q.figures.longest_key, 9);
    assert_eq!(
        rounded(&q),
        [QualityWarning::LongestKey {
            keyed: 9,
            of: 24,
            chance: 0.25
        }]
    );
    // A tie for longest is not "strictly longest".
    widen(&mut d, QuestionIx(8), 'B', " x");
    assert_eq!(assess(&d.vault).figures.longest_key, 8);
}

#[test]
fn skews_below_the_minimum_sample_stay_quiet() {
    let mut d = Deck::default();
    for i in 0..MIN_SAMPLE - 1 {
        let ix = d.single(i, 'B');
        widen(&mut d, ix, 'B', " x");
    }
    for i in 0..MIN_SAMPLE - 1 {
        d.two(100 + i, ['B', 'C']);
    }
    let q = assess(&d.vault);
    assert_eq!(q.figures.longest_key, MIN_SAMPLE - 1);
    assert_eq!(q.warnings, []);
}

#[test]
fn a_letter_keyed_too_often_or_too_rarely_warns_for_that_letter() {
    let mut d = Deck::default();
    // B keyed 12 of 24 (50%); A, C, D 4 each (17%, inside 15–35%).
    for i in 0..24 {
        d.single(
            i,
            if i % 2 == 0 {
                'B'
            } else {
                ['A', 'C', 'D'][i / 2 % 3]
            },
        );
    }
    let q = assess(&d.vault);
    assert_eq!(
        rounded(&q),
        [QualityWarning::LetterSkew {
            letter: 'B',
            keyed: 12,
            of: 24,
            chance: 0.25
        }]
    );
    let mut d = Deck::default();
    // A never keyed: 0% against 25%; B, C and D 8 each (33%) are fine.
    for i in 0..24 {
        d.single(i, ['B', 'C', 'D'][i % 3]);
    }
    let kinds: Vec<Letter> = assess(&d.vault)
        .warnings
        .iter()
        .filter_map(|w| match w {
            QualityWarning::LetterSkew { letter, .. } => Some(*letter),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ['A']);
}

#[test]
fn e_is_counted_over_the_questions_that_offer_it() {
    let mut d = Deck::default();
    // 24 four-option questions balanced, 20 five-option ones never keyed E.
    for i in 0..24 {
        d.single(i, ABCD[i % 4]);
    }
    for i in 0..20 {
        d.single_n(100 + i, ABCD[i % 4], 5);
    }
    let q = assess(&d.vault);
    let e = q.figures.letter('E').unwrap();
    assert_eq!((e.keyed, e.of), (0, 20));
    assert!((e.chance - 0.2).abs() < 1e-9);
    let a = q.figures.letter('A').unwrap();
    assert_eq!((a.keyed, a.of), (11, 44));
    assert_eq!(
        rounded(&q),
        [QualityWarning::LetterSkew {
            letter: 'E',
            keyed: 0,
            of: 20,
            chance: 0.2
        }]
    );
}

#[test]
fn a_choose_two_pair_keyed_too_often_is_a_deck_warning() {
    let mut d = balanced();
    // Turn six more "choose two" keys into B+C: 8 of 20 (40%) against 10%.
    for q in d
        .vault
        .questions
        .iter_mut()
        .filter(|q| q.answer.len() == 2 && !q.answer.contains('B'))
        .take(6)
    {
        q.answer = ['B', 'C'].into_iter().collect();
    }
    let q = assess(&d.vault);
    let bc = q
        .figures
        .pairs
        .iter()
        .find(|p| p.pair == ['B', 'C'])
        .unwrap();
    assert_eq!(bc.keyed, 8);
    assert_eq!(
        rounded(&q),
        [QualityWarning::RepeatedPair {
            pair: ['B', 'C'],
            keyed: 8,
            of: 20,
            chance: 0.1
        }]
    );
}

#[test]
fn a_right_option_without_explanation_warns_at_its_question() {
    let mut d = balanced();
    let ix = d.single(200, 'C');
    d.vault.questions[ix.0].explanations =
        [('A', "a"), ('B', "b"), ('D', "d")].into_iter().collect();
    let two = d.two(201, ['A', 'E']);
    d.vault.questions[two.0].explanations = Explanations::default();
    // A general explanation explains the key too.
    let general = d.single(202, 'D');
    let g = &mut d.vault.questions[general.0];
    g.explanations = Explanations::default();
    g.explanation = Some("D가 맞는 이유".into());
    let q = assess(&d.vault);
    assert_eq!(
        q.warnings,
        [
            QualityWarning::UnexplainedKey {
                question: ix,
                letters: vec!['C']
            },
            QualityWarning::UnexplainedKey {
                question: two,
                letters: vec!['A', 'E']
            },
        ]
    );
    assert_eq!(q.figures.unexplained_keys, 2);
    assert_eq!(place(&d.vault, ix), Some((0, "note-0.md", 100)));
}

#[test]
fn an_option_repeated_across_questions_of_one_note_warns_at_the_later() {
    let mut d = Deck::default();
    let opts = |a: &str| -> Vec<String> {
        vec![
            a.into(),
            "Use Spot Instances for everything".into(),
            "2분".into(),
        ]
    };
    let first = d.add(
        0,
        question("Which one fits the batch job?", &opts("A one"), &['A']),
    );
    // Same words, other case and spacing, and a closing period: repeated;
    // "2분" is too short to count.
    let mut o = opts("B one");
    o[1] = "use spot  instances for Everything.".into();
    let second = d.add(0, question("Which one fits the streaming job?", &o, &['A']));
    // In another note: not compared.
    d.add(
        1,
        question("Which one fits the other job?", &opts("C one"), &['A']),
    );
    let q = assess(&d.vault);
    assert_eq!(
        q.warnings,
        [QualityWarning::RepeatedOption {
            question: second,
            letter: 'B',
            earlier: first,
            earlier_letter: 'B'
        }]
    );
}

#[test]
fn a_bank_question_is_compared_with_the_note_it_studies() {
    let mut d = Deck::default();
    let opts = vec![
        "Run the core nodes On-Demand".to_owned(),
        "Run every node on Spot".to_owned(),
    ];
    let first = d.add(
        0,
        question("Which is right for the core nodes?", &opts, &['A']),
    );
    let mut b = question("Which is right for the cluster here?", &opts, &['A']);
    b.origin = QuestionOrigin::Bank(0);
    b.note = Some(NoteIx(0));
    b.line = 7;
    d.vault.banks.push(Bank {
        path: "questions/x.yaml".into(),
        questions: vec![QuestionIx(1)],
        ..Bank::default()
    });
    d.vault.questions.push(b);
    let q = assess(&d.vault);
    assert_eq!(q.warnings.len(), 2, "{:?}", q.warnings);
    let msg = message::warning(&d.vault, &q.warnings[0], Lang::En);
    assert_eq!(
        msg,
        "option A repeats option A of the question at note-0.md:10 word for word"
    );
    assert_eq!(
        q.warnings[0],
        QualityWarning::RepeatedOption {
            question: QuestionIx(1),
            letter: 'A',
            earlier: first,
            earlier_letter: 'A'
        }
    );
    assert_eq!(
        place(&d.vault, QuestionIx(1)),
        Some((0, "questions/x.yaml", 7))
    );
}

#[test]
fn a_stem_shorter_than_a_sentence_warns() {
    let mut d = Deck::default();
    let opts = vec![
        "one choice here".to_owned(),
        "another choice here".to_owned(),
    ];
    let short = d.add(0, question("Spot 중단 알림?", &opts, &['A']));
    let other = vec![
        "third choice here".to_owned(),
        "fourth choice here".to_owned(),
    ];
    d.add(0, question("스팟 중단 알림은 언제 오는가?", &other, &['A']));
    let q = assess(&d.vault);
    assert_eq!(
        q.warnings,
        [QualityWarning::ShortStem {
            question: short,
            words: 3
        }]
    );
    assert_eq!(q.figures.short_stems, 1);
}

#[test]
fn a_key_much_wider_than_every_other_option_gives_itself_away() {
    let mut d = Deck::default();
    let stem = "Which option is the right one here?";
    let opts = |key: &str| -> Vec<String> {
        vec![
            "Spot Instances".into(),
            key.into(),
            "Savings Plans".into(),
            "Dedicated Hosts".into(),
        ]
    };
    // 15 columns widest other; 34 columns key: 2.3 times, 19 wider.
    let away = d.add(
        0,
        question(stem, &opts("On-Demand for the core, Spot tasks"), &['B']),
    );
    // 20 columns: 1.33 times, not enough.
    d.add(1, question(stem, &opts("On-Demand core nodes"), &['B']));
    // Hangul counts two columns a syllable: 온디맨드 코어와 스팟 태스크 노드 = 32.
    d.add(
        2,
        question(stem, &opts("온디맨드 코어와 스팟 태스크 노드"), &['B']),
    );
    let q = assess(&d.vault);
    assert_eq!(
        q.warnings,
        [
            QualityWarning::GiveawayKey {
                question: away,
                letter: 'B',
                width: 34,
                widest_other: 15
            },
            QualityWarning::GiveawayKey {
                question: QuestionIx(2),
                letter: 'B',
                width: 32,
                widest_other: 15
            }
        ]
    );
}

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
            letter: 'B',
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
