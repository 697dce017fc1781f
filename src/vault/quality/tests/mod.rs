//! The lint on small hand-built vaults: a balanced one that raises nothing,
//! and skewed ones that raise each warning. This file builds the vaults.

mod deck;
mod question;
mod words;

use std::sync::Arc;

use super::*;
use crate::vault::model::{Explanations, Note, NoteIx, Options, Question, QuestionId};

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
        id: QuestionId(stem.into()),
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
        form: crate::vault::Form::default(),
    }
}

impl Deck {
    /// Adds a question to note `note` at line `10 × (its place in the
    /// note + 1)`, returning its index.
    fn add(&mut self, note: usize, mut q: Question) -> QuestionIx {
        while self.vault.notes.len() <= note {
            let n = self.vault.notes.len();
            self.vault.notes.push(Note {
                path: format!("note-{n}.md").into(),
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
                o.text.into_owned()
            };
            (o.letter, t)
        })
        .collect();
    q.options = opts.iter().map(|(l, t)| (*l, t.as_str())).collect();
}
