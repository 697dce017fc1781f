//! An unknown tag in `--tag`, `tag:` or `#` is answered with the nearest
//! existing tags, in the user's language, instead of a silent "no questions".

use std::process::Command;

fn munje(lang: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_munje"));
    for var in ["MUNJE_NOTES", "MUNJE_DATA_DIR", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", lang);
    cmd
}

#[test]
fn search_with_a_misspelt_tag_suggests_the_nearest() {
    let data = tempfile::tempdir().unwrap();
    for (lang, want) in [
        ("ko_KR.UTF-8", "혹시 service/emr?"),
        ("C", "did you mean service/emr?"),
    ] {
        for query in ["#servce/emr", "tag:servce/emr"] {
            let out = munje(lang)
                .arg("--data-dir")
                .arg(data.path())
                .args(["search", query])
                .output()
                .unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains(want), "{query} in {lang}: {err}");
        }
    }
}

#[test]
fn quiz_with_a_misspelt_tag_suggests_the_nearest() {
    let data = tempfile::tempdir().unwrap();
    let out = munje("ko_KR.UTF-8")
        .arg("--data-dir")
        .arg(data.path())
        .args(["quiz", "--plain", "--tag", "emr"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("태그 \"emr\"는 이 볼트에 없습니다. 혹시 service/emr?"),
        "{err}"
    );
}
