//! Notes are named to a person by their display name (the `# ` heading
//! when the title is a slug) in `munje search`, the line-mode quiz and the
//! 오답노트, while `--json` keeps the title and adds the heading.

use std::path::Path;

use serde_json::Value;

use crate::quiz_plain::run_with_input;

const SLUG_NOTE: &str = "---
title: batch-emr-spot-ondemand
tags: [service/emr]
---

# 배치와 EMR의 스팟 전략

## 관련 문제

**Question:** EMR에서 스팟으로 두기 좋은 노드는?

**Options:**
- A) 태스크 노드
- B) 프라이머리 노드

**정답: A**
";

fn vault() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("batch.md"), SLUG_NOTE).unwrap();
    dir
}

fn munje(vault: &Path, data: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in ["MUNJE_NOTES", "MUNJE_DATA_DIR", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "ko_KR.UTF-8")
        .arg("--data-dir")
        .arg(data)
        .arg("--notes")
        .arg(vault);
    cmd
}

#[test]
fn search_names_a_slug_titled_note_by_its_heading_and_json_has_both() {
    let (v, data) = (vault(), tempfile::tempdir().unwrap());
    let out = munje(v.path(), data.path())
        .args(["search", "스팟"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("배치와 EMR의 스팟 전략"), "{text}");
    assert!(!text.contains("] batch-emr-spot-ondemand"), "{text}");
    let out = munje(v.path(), data.path())
        .args(["search", "스팟", "--json"])
        .output()
        .unwrap();
    let hits: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["title"], "batch-emr-spot-ondemand");
    assert_eq!(hits[0]["heading"], "배치와 EMR의 스팟 전략");
}

#[test]
fn quiz_feedback_and_the_wrong_answer_notebook_name_the_note_by_its_heading() {
    let (v, data) = (vault(), tempfile::tempdir().unwrap());
    let mut cmd = munje(v.path(), data.path());
    cmd.args(["quiz", "--plain", "--no-shuffle"]);
    let out = run_with_input(cmd, "b\n");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("노트: 배치와 EMR의 스팟 전략"), "{text}");
    let out = munje(v.path(), data.path())
        .args(["wrong"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("배치와 EMR의 스팟 전략"), "{text}");
    assert!(!text.contains("batch-emr-spot-ondemand"), "{text}");
}
