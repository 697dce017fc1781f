//! `munje search` as a user runs it: ranked hits, Korean queries, JSON
//! with character ranges, plain output when piped, exit status.

use assert_cmd::Command;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/search");

fn munje() -> Command {
    let mut cmd = Command::cargo_bin("munje").unwrap();
    cmd.env_remove("MUNJE_NOTES")
        .env_remove("MUNJE_DATA_DIR")
        .env("XDG_DATA_HOME", super::cli_check::no_data_yet())
        .env_remove("NO_COLOR")
        .env("LANG", "C");
    cmd
}

fn search(args: &[&str]) -> String {
    let out = munje()
        .args(["search", "--notes", FIXTURE])
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str::<Value>(&search(&all))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn paths(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            let p = h["path"].as_str().unwrap();
            p.rsplit_once("search/")
                .map_or(p, |(_, rel)| rel)
                .to_owned()
        })
        .collect()
}

/// The characters of a JSON hit's snippet inside its ranges.
fn marked(hit: &Value) -> Vec<String> {
    let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
    hit["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (s, e) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
            snippet[usize::try_from(s).unwrap()..usize::try_from(e).unwrap()]
                .iter()
                .collect()
        })
        .collect()
}

#[test]
fn initials_find_the_spot_note_first() {
    let hits = json(&["ㅅㅍ"]);
    assert_eq!(paths(&hits)[0], "notes/spot.md");
    assert_eq!(hits[0]["field"], "title");
    assert_eq!(marked(&hits[0]), ["스팟"]);
}

#[test]
fn json_hits_carry_every_field_with_char_ranges_into_the_snippet() {
    let hits = json(&["운영하기"]);
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(paths(&hits), ["notes/emr/cluster.md"]);
    assert_eq!(h["title"], "EMR 클러스터 노드");
    assert_eq!(h["field"], "body");
    assert_eq!(h["line"], 12);
    assert!(h["score"].as_i64().unwrap() > 0);
    assert_eq!(marked(h), ["운영하기"]);
}

#[test]
fn wrong_layout_and_nfd_queries_find_korean_text() {
    assert_eq!(paths(&json(&["tmvkt"]))[0], "notes/spot.md");
    let nfd: String = "온디맨드".nfd().collect();
    assert_eq!(paths(&json(&[&nfd]))[0], "notes/on-demand.md");
}

#[test]
fn several_arguments_form_one_query() {
    assert_eq!(paths(&json(&["EMR", "ㅌㅅㅋ"])), ["notes/emr/cluster.md"]);
}

#[test]
fn tag_filters_are_hierarchical_and_negatable() {
    let p = paths(&json(&["tag:service/emr"]));
    assert_eq!(p, ["notes/emr/cluster.md", "questions/bank.yaml"]);
    let p = paths(&json(&["--", "tag:service", "-#service/emr"]));
    assert_eq!(p, ["notes/emr/serverless.md"]);
    // Without `--` too, with options before and after the words.
    let p = paths(&json(&["tag:service", "-#service/emr", "--limit", "5"]));
    assert_eq!(p, ["notes/emr/serverless.md"]);
    let p = paths(&json(&["tag:service", "-tag:service/emr"]));
    assert_eq!(p, ["notes/emr/serverless.md"]);
}

#[test]
fn question_text_is_searched_and_ranked_above_body() {
    let hits = json(&["중단"]);
    let fields: Vec<&str> = hits.iter().map(|h| h["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["question", "body"]);
    assert_eq!(paths(&hits)[0], "notes/spot.md");
    let bank = json(&["hdfs", "has:question"]);
    assert_eq!(paths(&bank), ["questions/bank.yaml"]);
}

#[test]
fn piped_output_is_plain_text_with_path_line_and_field() {
    let out = search(&["스팟", "--limit", "1"]);
    assert!(!out.contains('\x1b'), "{out:?}");
    let first = out.lines().next().unwrap();
    assert!(
        first.ends_with("notes/spot.md:7: [title] 스팟 인스턴스 기초"),
        "{first}"
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn no_match_exits_with_status_one() {
    munje()
        .args(["search", "--notes", FIXTURE, "없는단어"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn bundled_deck_lists_spot_notes_first_for_initials() {
    let out = munje()
        .args(["search", "--json", "--limit", "4", "ㅅㅍ"])
        .assert()
        .success();
    let hits: Vec<Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(hits.len(), 4);
    for h in &hits {
        // Spot notes live in notes/spot/ and, for Spot capacity, elsewhere.
        let path = h["path"].as_str().unwrap();
        let name = path.rsplit('/').next().unwrap();
        assert!(name.starts_with("spot-"), "{path}");
    }
}

#[test]
fn is_wrong_reads_the_progress_store() {
    let data = tempfile::tempdir().unwrap();
    let with_data = |args: &[&str]| {
        let mut cmd = munje();
        cmd.arg("--data-dir").arg(data.path()).args(args);
        cmd
    };
    // Nothing answered yet: nothing is wrong.
    with_data(&["search", "--notes", FIXTURE, "is:wrong"])
        .assert()
        .code(1);
    // Miss the spot question (the answer is B).
    with_data(&[
        "quiz",
        "--plain",
        "--no-shuffle",
        "--notes",
        FIXTURE,
        "--note",
        "스팟 인스턴스 기초",
        "--lang",
        "en",
    ])
    .write_stdin("A\n")
    .assert()
    .success();
    let out = with_data(&["search", "--json", "--notes", FIXTURE, "is:wrong"])
        .assert()
        .success();
    let hits: Vec<Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(paths(&hits), ["notes/spot.md"]);
    let none = with_data(&["search", "--notes", FIXTURE, "--", "-is:wrong", "스팟"])
        .assert()
        .success();
    assert!(!String::from_utf8_lossy(&none.get_output().stdout).contains("spot.md"));
}
