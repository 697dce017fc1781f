//! Per-question warnings: an unexplained key, a repeated option, a short
//! stem, a key that gives itself away.

use super::*;
use crate::i18n::Lang;
use crate::vault::model::Bank;

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
                letters: vec!['B'],
                width: 34,
                widest_other: 15
            },
            QualityWarning::GiveawayKey {
                question: QuestionIx(2),
                letters: vec!['B'],
                width: 32,
                widest_other: 15
            }
        ]
    );
}

#[test]
fn two_keys_each_much_wider_than_every_wrong_option_give_themselves_away() {
    let mut d = Deck::default();
    let stem = "Which TWO options are right here? (Choose two.)";
    let opts = |c: &str| -> Vec<String> {
        vec![
            "Run the core nodes On-Demand, tasks Spot".into(),
            "Spot Instances".into(),
            c.into(),
            "Savings Plans".into(),
        ]
    };
    // Keys 40 columns wide each, the widest wrong option 14: both give away.
    let away = d.add(
        0,
        question(
            stem,
            &opts("Checkpoint to S3 so a retry resumes work"),
            &['A', 'C'],
        ),
    );
    // One key as short as the wrong options: the pair does not stand out.
    d.add(1, question(stem, &opts("Reserved Hosts"), &['A', 'C']));
    let q = assess(&d.vault);
    assert_eq!(
        q.warnings,
        [QualityWarning::GiveawayKey {
            question: away,
            letters: vec!['A', 'C'],
            width: 40,
            widest_other: 14
        }]
    );
    assert_eq!(
        message::warning(&d.vault, &q.warnings[0], Lang::En),
        "the right options A, C are each at least 40 columns wide and no other option is \
         wider than 14: their length gives them away"
    );
    assert!(
        message::warning(&d.vault, &q.warnings[0], Lang::Ko)
            .starts_with("정답 보기 A, C가 모두 40칸 이상으로")
    );
}
