//! Replacing a note in place against building the edited vault afresh:
//! random edits of fixture and generated notes (body, title, tags,
//! aliases, question count up and down), then every kind of query on both
//! indexes, compared hit for hit.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Replaced, SearchIndex};
use crate::search::{Query, SearchContext};
use crate::vault::load::tests::copy_dir;
use crate::vault::{LoadOptions, NoteIx, QuestionId, Vault, load};

/// A small seeded generator: the test is the same on every run.
pub(crate) struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const WORDS: &[&str] = &[
    "스팟",
    "인스턴스",
    "체크포인트",
    "파티션",
    "온디맨드",
    "클러스터",
    "노드",
    "중단",
    "알림",
    "spark",
    "streaming",
    "EMR",
    "m5.large",
    "Spot",
    "HDFS",
    "Task",
    "태스크",
    "코어",
];
const TAGS: &[&str] = &[
    "service/emr",
    "instance/spot",
    "exam/saa",
    "cost",
    "data/stream",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 3 + rng.below(6);
    (0..n)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn question_block(rng: &mut Rng, k: usize) -> String {
    format!(
        "**문제 {k}.** {}?\n\n- A) {}\n- B) {}\n- C) {}\n\n**정답: B**\n\n",
        sentence(rng),
        rng.pick(WORDS),
        sentence(rng),
        rng.pick(WORDS)
    )
}

/// A whole note: frontmatter, heading, body lines, 0–3 questions.
fn generated_note(rng: &mut Rng, title: &str) -> String {
    let tags: Vec<&str> = (0..rng.below(3)).map(|_| rng.pick(TAGS)).collect();
    let alias = rng.pick(WORDS);
    let mut s = format!(
        "---\ntitle: {title}\ntags: [{}]\naliases: [\"{alias}\"]\n---\n\n# {}\n\n## 설명\n\n",
        tags.join(", "),
        sentence(rng)
    );
    for _ in 0..=rng.below(4) {
        s.push_str(&sentence(rng));
        s.push('\n');
    }
    let questions = rng.below(4);
    if questions > 0 {
        s.push_str("\n## 관련 문제\n\n");
        for k in 1..=questions {
            s.push_str(&question_block(rng, k));
        }
    }
    s
}

/// A smaller change of a note's text: a line added to the body, a
/// question added or the last one dropped, the title or a tag changed.
fn mutated(rng: &mut Rng, text: &str) -> String {
    match rng.below(5) {
        0 => format!("{text}\n{}\n", sentence(rng)),
        1 if text.contains("## 관련 문제") => format!("{text}\n{}", question_block(rng, 9)),
        1 => format!("{text}\n## 관련 문제\n\n{}", question_block(rng, 1)),
        2 => match text.rfind("**문제") {
            Some(at) => text[..at].to_owned(),
            None => format!("{text}\n{}\n", sentence(rng)),
        },
        3 => text.replacen("title: ", &format!("title: {} ", rng.pick(WORDS)), 1),
        _ => text.replacen("tags: [", &format!("tags: [{}, ", rng.pick(TAGS)), 1),
    }
}

pub(crate) fn load_dir(dir: &Path) -> Vault {
    load(&[dir.to_path_buf()], &LoadOptions::default(), &|_| {}).unwrap()
}

/// [`make_vault`] with `seed` in a folder of its own, loaded: the folder
/// lives as long as the returned guard.
pub(crate) fn generated_vault(seed: u64) -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    make_vault(dir.path(), &mut Rng(seed));
    let vault = load_dir(dir.path());
    (dir, vault)
}

/// Fixture vaults and generated notes under one root, with a bank that
/// names some generated notes.
pub(crate) fn make_vault(dir: &Path, rng: &mut Rng) {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    copy_dir(&fixtures.join("search"), &dir.join("search"));
    copy_dir(&fixtures.join("vaults/forms"), &dir.join("forms"));
    let gen_dir = dir.join("gen");
    std::fs::create_dir_all(&gen_dir).unwrap();
    let mut bank = String::new();
    for i in 0..12 {
        let title = format!("생성 노트 {i}");
        std::fs::write(
            gen_dir.join(format!("n{i:02}.md")),
            generated_note(rng, &title),
        )
        .unwrap();
        if i % 3 == 0 {
            let (stem, a, b) = (sentence(rng), rng.pick(WORDS), rng.pick(WORDS));
            writeln!(
                bank,
                "- id: gen-bank-{i}\n  note: {title}\n  question: {stem}?\n  options:\n    A: {a}\n    B: {b}\n  answer: A"
            )
            .unwrap();
        }
    }
    std::fs::write(gen_dir.join("bank.yaml"), bank).unwrap();
}

fn queries(vault: &Vault) -> Vec<String> {
    let mut qs: Vec<String> = [
        "",
        "스팟",
        "스팟 인스턴스",
        "체크포인트",
        "ㅅㅍ",
        "ㅊㅋㅍㅇㅌ",
        "ㅇㄷㅁㄷ",
        "EMR ㅌㅅㅋ",
        "spark",
        "spark streaming",
        "m5.large",
        "tmvkt",
        "cpzmvhdlsxm",
        "emr",
        "노드",
        "#service/emr",
        "-#cost 노드",
        "#instance",
        "\"스팟 인스턴스\"",
        "\"2분\"",
        "title:emr",
        "alias:spot",
        "-title:생성 노드",
        "has:question",
        "-has:question 스팟",
        "is:wrong",
        "is:due 노드",
        "-is:wrong",
        "태스크 -스팟",
        "생성",
        "hdfs task",
        "ㅈㄷ",
        "코어 노드",
        "알림",
        "중단 알림",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    qs.extend(vault.notes.iter().take(6).map(|n| n.title.to_string()));
    qs
}

/// The wrong and due sets: every third and every fifth question's id.
pub(crate) fn progress(vault: &Vault) -> (HashSet<QuestionId>, HashSet<QuestionId>) {
    let pick = |every: usize| {
        vault
            .questions
            .iter()
            .step_by(every)
            .map(|q| q.id.clone())
            .collect()
    };
    (pick(3), pick(5))
}

fn assert_same_hits(updated: &SearchIndex, vault: &Vault, step: &str) {
    let fresh = SearchIndex::build(vault);
    let (wrong, due) = progress(vault);
    let ctx = SearchContext {
        wrong: &wrong,
        due: &due,
    };
    for q in queries(vault) {
        let query = Query::parse(&q);
        for limit in [3, 1000] {
            // Twice: the second time from remembered scans.
            for _ in 0..2 {
                assert_eq!(
                    updated.search_counted(&query, &ctx, limit),
                    fresh.search_counted(&query, &ctx, limit),
                    "{step}: query {q:?}, limit {limit}"
                );
            }
        }
    }
}

#[test]
fn replacing_notes_gives_the_hits_of_a_fresh_build() {
    for seed in [7_u64, 1_234_567, 99_991] {
        let mut rng = Rng(seed);
        let dir = tempfile::tempdir().unwrap();
        make_vault(dir.path(), &mut rng);
        let vault = load_dir(dir.path());
        let mut index = SearchIndex::build(&vault);
        if seed == 99_991 {
            // A large index's paths (threads, remembered words) forget
            // nothing they should across edits either.
            index.split_in(2);
        }
        let mut vault = vault;
        for step in 0..14 {
            let ix = rng.below(vault.notes.len());
            let note = &vault.notes[ix];
            let path = dir.path().join(&*note.path);
            let text = std::fs::read_to_string(&path).unwrap();
            let new = if rng.below(2) == 0 {
                let title = format!("{} {}", note.title, rng.pick(WORDS));
                generated_note(&mut rng, &title)
            } else {
                mutated(&mut rng, &text)
            };
            std::fs::write(&path, new).unwrap();
            let edited = load_dir(dir.path());
            assert_eq!(edited.notes.len(), vault.notes.len());
            assert_eq!(
                index.replace_note(&edited, NoteIx(ix)),
                Replaced::InPlace,
                "seed {seed} step {step}: {}",
                note.path
            );
            vault = edited;
            assert_same_hits(&index, &vault, &format!("seed {seed} step {step}"));
        }
    }
}

#[test]
fn an_edit_the_index_cannot_take_leaves_it_whole_and_asks_for_a_build() {
    let mut rng = Rng(5);
    let dir = tempfile::tempdir().unwrap();
    make_vault(dir.path(), &mut rng);
    let vault = load_dir(dir.path());
    let mut index = SearchIndex::build(&vault);
    std::fs::write(
        dir.path().join("gen/zz-new.md"),
        generated_note(&mut rng, "새 노트"),
    )
    .unwrap();
    let grown = load_dir(dir.path());
    assert_eq!(index.replace_note(&grown, NoteIx(0)), Replaced::Stale);
    // Not built here, and not half replaced: the index of the vault before.
    assert_same_hits(&index, &vault, "the vault before the note was added");
    let past_the_end = NoteIx(grown.notes.len());
    assert_eq!(index.replace_note(&grown, past_the_end), Replaced::Stale);
    assert_same_hits(&index, &vault, "the vault before the note was added");
}
