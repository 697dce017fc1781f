//! Deck-wide warnings: the longest key, keyed letters, "choose two" pairs,
//! and the minimum sample.

use super::*;

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
