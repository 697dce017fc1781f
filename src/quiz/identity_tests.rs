//! The matching rule, one case at a time.

use super::*;

fn snap(id: &str, stem: &str, options: &[&str], answers: &[&str], path: &str) -> Snapshot {
    Snapshot {
        id: QuestionId(id.into()),
        stem: stem.into(),
        options: options.iter().map(|s| (*s).to_owned()).collect(),
        answers: answers.iter().map(|s| (*s).to_owned()).collect(),
        note_title: "스팟".into(),
        path: path.into(),
    }
}

const STEM: &str = "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내는가?";
const OPTS: [&str; 3] = ["30초", "2분", "10분"];

#[test]
fn similarity_is_one_for_the_same_text_and_zero_for_unrelated_text() {
    assert!((stem_similarity(STEM, STEM) - 1.0).abs() < 1e-9);
    assert!((stem_similarity("Hello, World", "hello world") - 1.0).abs() < 1e-9);
    assert!(stem_similarity(STEM, "EMR 클러스터의 마스터 노드 크기") < 0.2);
}

#[test]
fn a_typo_fix_is_alike_enough_for_the_same_file_rule() {
    let fixed = "스팟 인스턴스가 중단되기 전에 EC2는 몇 분 전에 알림을 보내나요?";
    let s = stem_similarity(STEM, fixed);
    assert!(s >= SAME_FILE_SIMILARITY, "{s}");
    let old = snap("q-old", STEM, &OPTS, &["2분"], "a.md");
    let new = snap(
        "q-new",
        fixed,
        &["30 seconds", "2 minutes", "10 minutes"],
        &["2 minutes"],
        "a.md",
    );
    assert!(matches!(evidence(&old, &new), Some(Evidence::SameFile(_))));
}

#[test]
fn a_reworded_stem_needs_the_same_options() {
    let reworded = "EC2는 스팟 인스턴스를 중단하기 몇 분 전에 알림을 보내나요?";
    let s = stem_similarity(STEM, reworded);
    assert!(
        (SAME_OPTIONS_SIMILARITY..SAME_FILE_SIMILARITY).contains(&s),
        "{s}"
    );
    let old = snap("q-old", STEM, &OPTS, &["2분"], "a.md");
    let reordered = snap(
        "q-new",
        reworded,
        &["2분", "10분", "30초"],
        &["2분"],
        "b/c.md",
    );
    assert!(matches!(
        evidence(&old, &reordered),
        Some(Evidence::SameOptions(_))
    ));
    let other_answer = snap("q-new", reworded, &OPTS, &["10분"], "b/c.md");
    assert_eq!(evidence(&old, &other_answer), None);
}

#[test]
fn an_unrelated_question_in_the_same_file_does_not_match() {
    let old = snap("q-old", STEM, &OPTS, &["2분"], "a.md");
    let new = snap(
        "q-new",
        "EMR 마스터 노드에 알맞은 인스턴스는?",
        &["m5", "r5"],
        &["r5"],
        "a.md",
    );
    assert_eq!(evidence(&old, &new), None);
}

#[test]
fn one_candidate_for_one_orphan_is_matched() {
    let old = snap("q-old", STEM, &OPTS, &["2분"], "a.md");
    let new = snap(
        "q-new",
        &STEM.replace("보내는가", "보내나"),
        &OPTS,
        &["2분"],
        "a.md",
    );
    let other = snap("q-x", "EMR 마스터 노드?", &["m5", "r5"], &["r5"], "a.md");
    let m = match_orphans(&[old], &[other, new]);
    assert_eq!(m.ambiguous, []);
    assert_eq!(m.matched.len(), 1);
    assert_eq!(&*m.matched[0].old.0, "q-old");
    assert_eq!(&*m.matched[0].new.0, "q-new");
}

#[test]
fn two_candidates_for_one_orphan_match_nothing() {
    let old = snap("q-old", STEM, &OPTS, &["2분"], "a.md");
    let a = snap(
        "q-a",
        &STEM.replace("보내는가", "보내나"),
        &OPTS,
        &["2분"],
        "a.md",
    );
    let b = snap(
        "q-b",
        &STEM.replace("보내는가", "보내요"),
        &OPTS,
        &["2분"],
        "b.md",
    );
    let m = match_orphans(&[old], &[a, b]);
    assert_eq!(m.matched, []);
    assert_eq!(m.ambiguous.len(), 1);
    assert_eq!(m.ambiguous[0].1.len(), 2);
}

#[test]
fn one_candidate_claimed_by_two_orphans_matches_neither() {
    let old1 = snap("q-1", STEM, &OPTS, &["2분"], "a.md");
    let old2 = snap(
        "q-2",
        &STEM.replace("EC2는", "AWS는"),
        &OPTS,
        &["2분"],
        "a.md",
    );
    let new = snap(
        "q-new",
        &STEM.replace("보내는가", "보내나"),
        &OPTS,
        &["2분"],
        "a.md",
    );
    let m = match_orphans(&[old1, old2], &[new]);
    assert_eq!(m.matched, []);
    assert_eq!(m.ambiguous.len(), 2);
}

#[test]
fn fingerprints_change_with_any_field() {
    let a = snap("q-old", STEM, &OPTS, &["2분"], "a.md");
    let mut b = a.clone();
    assert_eq!(a.fingerprint(), b.fingerprint());
    b.path = "b.md".into();
    assert_ne!(a.fingerprint(), b.fingerprint());
    let mut c = a.clone();
    c.options = vec!["30초2분".into(), "10분".into()];
    assert_ne!(a.fingerprint(), c.fingerprint());
}

#[test]
fn the_fingerprint_of_a_vault_question_is_its_snapshots() {
    let vault = crate::quiz::testing::sample_vault();
    for q in &vault.questions {
        let snap = Snapshot::of(&vault, q);
        assert_eq!(
            Snapshot::fingerprint_of(&vault, q),
            snap.fingerprint(),
            "{}",
            q.id
        );
    }
    let a = &vault.questions[0];
    let b = &vault.questions[1];
    assert_ne!(
        Snapshot::fingerprint_of(&vault, a),
        Snapshot::fingerprint_of(&vault, b)
    );
}
