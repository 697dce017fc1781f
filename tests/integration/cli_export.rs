//! `munje export`: the JSON shape other tools read, the two real seed
//! notes, and exit 0 even with diagnostics.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::cli_check::{fixture, munje};

fn export(root: &Path) -> Value {
    let out = munje()
        .arg("export")
        .arg("--notes")
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn export_has_exactly_the_documented_shape() {
    let v = export(&fixture("forms"));
    assert_eq!(keys(&v), BTreeSet::from(["notes", "banks", "diagnostics"]));
    let note = &v["notes"][1];
    assert_eq!(
        keys(note),
        BTreeSet::from([
            "path",
            "title",
            "heading",
            "created",
            "modified",
            "tags",
            "aliases",
            "key_point",
            "questions"
        ])
    );
    assert_eq!(note["path"], "notes/aws/spot-interruption.md");
    assert_eq!(
        note["tags"],
        serde_json::json!(["service/ec2", "instance/spot-instances"])
    );
    let q = &note["questions"][0];
    assert_eq!(
        keys(q),
        BTreeSet::from([
            "id",
            "line",
            "stem",
            "options",
            "answer",
            "explanations",
            "explanation",
            "tags",
            "note",
            "quizzable"
        ])
    );
    assert_eq!(
        q["options"][1],
        serde_json::json!({"letter": "B", "text": "2분 전"})
    );
    assert_eq!(q["answer"], serde_json::json!(["B"]));
    assert_eq!(q["note"], "spot-interruption");
    assert!(q["id"].as_str().unwrap().starts_with("q-"));
    let bank = &v["banks"][0];
    assert_eq!(keys(bank), BTreeSet::from(["path", "questions"]));
    assert_eq!(bank["questions"][0]["id"], "spot-notice-bank");
    let no_fm = &v["notes"][3];
    assert_eq!(no_fm["created"], Value::Null);
    assert_eq!(no_fm["heading"], "예약 인스턴스와 절감형 플랜");
}

#[test]
fn export_exits_0_with_diagnostics_and_lists_broken_questions() {
    let v = export(&fixture("broken"));
    let d = &v["diagnostics"][0];
    assert_eq!(
        keys(d),
        BTreeSet::from(["path", "line", "column", "severity", "message"])
    );
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 15);
    let errors = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == "question-errors.md")
        .unwrap();
    let quizzable: Vec<bool> = errors["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["quizzable"].as_bool().unwrap())
        .collect();
    assert_eq!(quizzable, [false, false, false, false, false, true]);
}

#[test]
fn the_two_seed_notes_export_with_every_field_right() {
    // `../shared` beside the package (CI, the main checkout), or beside
    // the worktrees folder.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = ["../shared/seeds", "../../shared/seeds"]
        .iter()
        .map(|p| manifest.join(p))
        .find(|p| p.is_dir())
        .expect("the seed notes in ../shared/seeds");
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned() + ".md";
            std::fs::copy(&path, dir.path().join(name)).unwrap();
            n += 1;
        }
    }
    assert_eq!(n, 2, "expected two seeds in {}", seeds.display());
    let v = export(dir.path());
    assert_eq!(v["diagnostics"], serde_json::json!([]));
    let notes = v["notes"].as_array().unwrap();
    let expect = [
        (
            "batch-emr-spot-ondemand",
            "B",
            "ACDE",
            "service/aws-batch",
            "spot-pricing",
        ),
        (
            "emr-spark-ml-interactivity",
            "C",
            "ABDE",
            "service/emr",
            "ml-distributed",
        ),
    ];
    for (note, (title, answer, explained, first_tag, last_alias)) in notes.iter().zip(expect) {
        assert_eq!(note["title"], title);
        assert_eq!(note["created"], "2025-08-21");
        assert_eq!(note["modified"], "2025-08-21");
        assert_eq!(note["tags"][0], first_tag);
        assert_eq!(note["tags"].as_array().unwrap().len(), 5);
        assert_eq!(note["aliases"][2], last_alias);
        assert!(
            note["heading"].as_str().unwrap().starts_with("EMR")
                || note["heading"].as_str().unwrap().starts_with("AWS")
        );
        let kp = note["key_point"].as_str().unwrap();
        assert!(kp.ends_with("수 있다."), "{kp}");
        assert_eq!(note["questions"].as_array().unwrap().len(), 1);
        let q = &note["questions"][0];
        assert!(q["stem"].as_str().unwrap().ends_with('?'));
        let letters: String = q["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["letter"].as_str().unwrap())
            .collect();
        assert_eq!(letters, "ABCDE");
        assert!(q["options"].as_array().unwrap().iter().all(|o| {
            let t = o["text"].as_str().unwrap();
            !t.is_empty() && t == t.trim() && !t.contains("**")
        }));
        assert_eq!(q["answer"], serde_json::json!([answer]));
        let keys: String = q["explanations"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, explained);
        assert!(q["explanations"].as_object().unwrap().values().all(|t| {
            let t = t.as_str().unwrap();
            !t.is_empty() && !t.starts_with(['-', '*', ' ']) && !t.contains("**")
        }));
        assert_eq!(q["explanation"], Value::Null);
        assert_eq!(q["note"], title);
        assert_eq!(q["quizzable"], true);
        assert_eq!(q["tags"], note["tags"]);
    }
}
