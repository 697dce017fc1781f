//! Diagnostics that point at the problem: a control character in YAML, a
//! duplicate key, a bad option key in a bank, and a bank over the size
//! limit, each reported at its own line and column by `munje check`.

use super::bounded::{path_str, run_bounded, write, write_good_note};

#[test]
fn check_points_at_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    write_good_note(dir.path());
    write(
        dir.path(),
        "ctl.md",
        "---\naliases: {a: 1}\ntitle: \"a\u{1}b\"\n---\n# t\n",
    );
    write(
        dir.path(),
        "dup.md",
        "---\ntitle: a\ntags: [x]\ntitle: b\n---\n# t\n",
    );
    write(
        dir.path(),
        "questions/keys.yaml",
        "- question: q\n  options:\n    A: x\n    X: y\n    B: z\n  answer: A\n",
    );
    let big = std::fs::File::create(dir.path().join("questions/big.yaml")).unwrap();
    big.set_len(9 * 1024 * 1024).unwrap();
    let out = run_bounded(
        &["check", "--format", "json", "--notes", path_str(dir.path())],
        b"",
        &[],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    let at = |path: &str, message: &str| {
        let d = diags
            .iter()
            .find(|d| {
                d["path"].as_str().unwrap().ends_with(path)
                    && d["message"].as_str().unwrap().contains(message)
            })
            .unwrap_or_else(|| panic!("no {path}: {message} in {report:#}"));
        (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap())
    };
    assert_eq!(at("ctl.md", "control characters"), (3, 10));
    assert_eq!(at("dup.md", "duplicate entry"), (4, 1));
    assert_eq!(at("keys.yaml", "option key 'X'"), (4, 5));
    assert_eq!(at("big.yaml", "limit for a question bank"), (1, 1));
}
