//! The tolerant reader on its fixtures (`tests/fixtures/tolerant/forms`):
//! each recogniser has a fixture written in its form and a `.trap.md`
//! written to tempt it; `expected.tsv` lists, by hand, every question
//! they hold. Every fixture must read exactly those.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::explain::{ExplainedQuestion, explain_note};
use super::{Form, KeyForm, OptionsForm, QuestionStyle, StemForm};

fn forms_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tolerant/forms")
}

/// One question as a row of `expected.tsv`: option line, key, forms.
type Row = (usize, String, String, String, String);

fn row(q: &ExplainedQuestion) -> Row {
    let (stem, options, key) = match q.form {
        Form::Tolerant(t) => (t.stem.name(), t.options.name(), t.key.name()),
        Form::Strict => ("strict", "strict", "strict"),
    };
    (
        q.options.map_or(0, |o| o.0),
        q.answer.join(","),
        stem.to_owned(),
        options.to_owned(),
        key.to_owned(),
    )
}

fn expected() -> BTreeMap<String, Vec<Row>> {
    let text = std::fs::read_to_string(forms_dir().join("expected.tsv")).unwrap();
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "{line}");
        out.entry(f[0].to_owned()).or_default().push((
            f[1].parse().unwrap(),
            f[2].to_owned(),
            f[3].to_owned(),
            f[4].to_owned(),
            f[5].to_owned(),
        ));
    }
    out
}

fn explain(name: &str) -> super::explain::Explanation {
    let bytes = std::fs::read(forms_dir().join(name)).unwrap();
    explain_note(name, &bytes, QuestionStyle::Tolerant).unwrap()
}

fn fixture_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(forms_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_form_fixture_reads_exactly_its_questions() {
    let expected = expected();
    let files = fixture_files();
    for name in expected.keys() {
        assert!(files.contains(name), "expected.tsv names a missing {name}");
    }
    for name in &files {
        let got: Vec<Row> = explain(name).questions.iter().map(row).collect();
        let want = expected.get(name).cloned().unwrap_or_default();
        assert_eq!(got, want, "{name}");
    }
}

/// The fixture written in each recogniser's form.
fn fixture_of(name: &str) -> String {
    let file = match name {
        "lowercase letters" => "lowercase",
        "circled numbers" => "circled",
        "bare letters" => "bare-letters",
        "answer line" => "answer-line",
        "answer heading" => "answer-heading",
        "bold" => "bold",
        "(정답) tag" => "tag",
        "check mark" => "check",
        "> 정답 quote" => "quote",
        other => other,
    };
    format!("{file}.md")
}

#[test]
fn every_recogniser_has_a_fixture_in_its_form_and_a_trap() {
    let expected = expected();
    let rows: Vec<&Row> = expected.values().flatten().collect();
    let files = fixture_files();
    let check = |column: usize, name: &str, file: String| {
        let trap = file.replace(".md", ".trap.md");
        assert!(files.contains(&file), "no fixture {file} for '{name}'");
        assert!(files.contains(&trap), "no trap {trap} for '{name}'");
        let read = expected[&file].iter().any(|r| {
            let form = [&r.2, &r.3, &r.4][column];
            form == name
        });
        assert!(read, "{file} reads nothing as '{name}'");
        assert!(rows.iter().any(|r| [&r.2, &r.3, &r.4][column] == name));
    };
    for f in StemForm::ALL {
        check(0, f.name(), fixture_of(f.name()));
    }
    for f in OptionsForm::ALL {
        check(1, f.name(), fixture_of(f.name()));
    }
    for f in KeyForm::ALL {
        // The bold key's fixture is not the bold stem's.
        let file = if f == KeyForm::Bold {
            "bold-key.md".to_owned()
        } else {
            fixture_of(f.name())
        };
        check(2, f.name(), file);
    }
}

#[test]
fn conflicting_evidence_is_a_warning_at_its_line_and_column() {
    let warnings = |name: &str| -> Vec<(usize, usize, String)> {
        explain(name)
            .diagnostics
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    };
    let got = warnings("conflict.md");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (9, 1));
    assert!(
        got[0]
            .2
            .contains("says B, but option C (line 6) is marked by star")
    );
    assert_eq!((got[1].0, got[1].1), (17, 1));
    assert!(got[1].2.contains("line 16 says 3, this one says 1"));
    assert_eq!((got[2].0, got[2].1), (24, 6));
    assert!(
        got[2]
            .2
            .contains("answer 'E' names no option: the options are A–C")
    );
    let got = warnings("letters.trap.md");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (22, 1));
    assert!(got[0].2.contains("skip from 'B' to 'D'"));
}

#[test]
fn every_answer_like_line_not_read_says_why() {
    let e = explain("answer-line.trap.md");
    let why: Vec<(usize, String)> = e
        .unread
        .iter()
        .map(|u| (u.line, u.why.to_string()))
        .collect();
    assert!(why.iter().any(|(l, w)| *l == 10 && w.contains("own pick")));
    assert!(why.iter().any(|(l, w)| *l == 20 && w.contains("own pick")));
    let e = explain("numbered.trap.md");
    let last = e.unread.last().unwrap();
    assert_eq!(last.line, 17);
    assert!(
        last.why.to_string().contains("no stem above them"),
        "{}",
        last.why
    );
}

#[test]
fn strict_style_reads_none_of_it_and_says_so() {
    let bytes = std::fs::read(forms_dir().join("heading.md")).unwrap();
    let e = explain_note("heading.md", &bytes, QuestionStyle::Strict).unwrap();
    assert!(e.questions.is_empty());
    assert!(
        e.unread
            .iter()
            .all(|u| u.why.to_string().contains("questions = \"strict\""))
    );
    assert!(!e.unread.is_empty());
}

/// Recall and precision on the corpus of study notes in
/// `tests/fixtures/tolerant/corpus`, against its hand-made `answers.tsv`.
#[derive(Debug, Default)]
pub(crate) struct Score {
    /// Questions the list holds.
    pub expected: usize,
    /// Questions munje read.
    pub read: usize,
    /// Read questions that are in the list, with the list's key.
    pub right: usize,
    /// Listed questions not read right: file, line, key wanted, key read.
    pub missed: Vec<(String, usize, String, Option<String>)>,
    /// Read questions not in the list: file, line, key read.
    pub extra: Vec<(String, usize, String)>,
}

pub(crate) fn corpus_score() -> Score {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tolerant/corpus");
    let list = std::fs::read_to_string(dir.join("answers.tsv")).unwrap();
    let mut expected: BTreeMap<(String, usize), String> = BTreeMap::new();
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "{line}");
        let key = (f[0].to_owned(), f[1].parse().unwrap());
        assert!(expected.insert(key, f[2].to_owned()).is_none(), "{line}");
    }
    let mut files = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut read: BTreeMap<(String, usize), String> = BTreeMap::new();
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let e = explain_note(&rel, &std::fs::read(path).unwrap(), QuestionStyle::Tolerant).unwrap();
        for q in e.questions.iter().filter(|q| q.quizzable) {
            read.insert(
                (rel.clone(), q.options.map_or(0, |o| o.0)),
                q.answer.join(","),
            );
        }
    }
    let mut score = Score {
        expected: expected.len(),
        read: read.len(),
        ..Score::default()
    };
    for ((file, line), key) in &expected {
        match read.get(&(file.clone(), *line)) {
            Some(got) if got == key => score.right += 1,
            got => score
                .missed
                .push((file.clone(), *line, key.clone(), got.cloned())),
        }
    }
    for ((file, line), key) in &read {
        if !expected.contains_key(&(file.clone(), *line)) {
            score.extra.push((file.clone(), *line, key.clone()));
        }
    }
    score
}

#[test]
fn corpus_recall_and_precision_hold() {
    let s = corpus_score();
    #[allow(clippy::cast_precision_loss)]
    let (recall, precision) = (
        s.right as f64 / s.expected as f64,
        s.right as f64 / s.read.max(1) as f64,
    );
    println!(
        "corpus: {} questions listed, {} read, {} right: recall {:.1}%, precision {:.1}%",
        s.expected,
        s.read,
        s.right,
        recall * 100.0,
        precision * 100.0
    );
    for m in &s.missed {
        println!("missed: {m:?}");
    }
    for x in &s.extra {
        println!("extra: {x:?}");
    }
    assert!(recall >= 0.80, "recall {recall:.3} under 0.80");
    assert!(precision >= 0.97, "precision {precision:.3} under 0.97");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..proptest::prelude::ProptestConfig::default() })]

    /// The reader never panics, whatever the lines: made of the pieces it
    /// reads (labels, answers, marks, brackets, markup) in any order.
    #[test]
    fn the_reader_never_panics_on_any_mix_of_its_pieces(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "정답", "답", "정담", "찐정답", " : ", "0", "1.", "2)", "(3)", "A.", "B)", "(C)", "a.",
            "①", "㉮", "ㄱ.", "가.", "1\u{fe0f}\u{20e3}", "⭐️", "<mark>", "</mark>", "==", "**",
            "~~", "(정답)", "(선택)", "선택 ", " v", "->", "?", "[", "]", "(", ")", "- ", "- [x] ",
            "> ", "### ", "```", "\n", "\n", "\n\n", "다음 중 옳은 것은?", "Q1.", "문제 2.",
            "해설:", "BD", " ", "\t", "#####",
        ]), 0..200)
    ) {
        let body: String = pieces.concat();
        let reading = super::read(&body, 1, true);
        for q in &reading.questions {
            proptest::prop_assert!(q.options.len() >= 2);
            proptest::prop_assert!(q.answer.iter().all(|&p| p < q.options.len()));
        }
    }
}

#[test]
fn explanations_after_the_key_belong_to_the_question() {
    let text = std::fs::read_to_string(forms_dir().join("paragraph.trap.md")).unwrap();
    let reading = super::read(&text, 1, false);
    assert_eq!(reading.questions.len(), 1);
    let q = &reading.questions[0];
    assert_eq!(
        q.explanations,
        [
            (0, "인스턴스 단위는 보안 그룹이다".to_owned()),
            (1, "맞다".to_owned()),
            (2, "상태 저장은 보안 그룹의 특징이다".to_owned()),
        ]
    );
    let general = q.explanation.as_deref().unwrap();
    assert!(general.starts_with("NACL은 서브넷 경계에서"), "{general}");
    // The closing paragraph after the list is the note's, not the question's.
    assert!(!general.contains("임시 포트"), "{general}");
}
