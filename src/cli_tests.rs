//! Tests of `cli`: flags to requests, the query-word order, the help text.

use super::*;
use clap::CommandFactory;

#[test]
fn cli_definition_is_consistent() {
    Cli::command().debug_assert();
}

fn quiz_args(words: &[&str]) -> QuizArgs {
    let cli = Cli::try_parse_from(std::iter::once("munje").chain(words.iter().copied())).unwrap();
    match cli.command {
        Some(Command::Quiz(args)) => args,
        other => panic!("{other:?}"),
    }
}

#[test]
fn quiz_flags_become_a_request() {
    let req = quiz_args(&["quiz", "--exam", "--tag", "#Service/EMR", "--not-tag", "x"])
        .request(7, Lang::En)
        .unwrap();
    assert_eq!(
        req.exam,
        Some(ExamRequest {
            minutes: None,
            pass: 720
        })
    );
    assert_eq!(req.title.as_deref(), Some("#service/emr"));
    let sel = req.selection;
    assert_eq!(sel.count, Some(EXAM_DEFAULT_QUESTIONS));
    assert_eq!(sel.tags, [Tag::parse("service/emr").unwrap()]);
    assert_eq!(sel.shuffle, Shuffle::Seeded(7));
    let sel = quiz_args(&["quiz", "--seed", "3", "--count", "5"])
        .request(7, Lang::En)
        .unwrap()
        .selection;
    assert_eq!((sel.shuffle, sel.count), (Shuffle::Seeded(3), Some(5)));
    let sel = quiz_args(&["quiz", "--no-shuffle"])
        .request(7, Lang::En)
        .unwrap()
        .selection;
    assert_eq!(sel.shuffle, Shuffle::Off);
}

#[test]
fn bad_quiz_flags_name_the_flag_and_value() {
    let err = quiz_args(&["quiz", "--tag", "#"])
        .request(0, Lang::En)
        .unwrap_err();
    assert!(err.contains("\"#\" is not a tag"), "{err}");
    let err = quiz_args(&["quiz", "--tag", "#"])
        .request(0, Lang::Ko)
        .unwrap_err();
    assert!(err.contains("태그가 아닙니다"), "{err}");
    let err = quiz_args(&["quiz", "--exam-date", "2026-02-30"])
        .request(0, Lang::Ko)
        .unwrap_err();
    assert!(err.starts_with("--exam-date"), "{err}");
    assert!(err.contains("2026-02-30") && err.contains("날짜"), "{err}");
}

fn reordered(words: &[&str]) -> Vec<String> {
    query_words_last(std::iter::once("munje").chain(words.iter().copied()))
        .into_iter()
        .map(|a| a.into_string().unwrap())
        .collect()
}

#[test]
fn search_words_starting_with_a_dash_are_query_words_wherever_they_stand() {
    assert_eq!(
        reordered(&[
            "search",
            "스팟",
            "-#service/emr",
            "--limit",
            "5",
            "-tag:x",
            "--json"
        ]),
        [
            "munje",
            "search",
            "--limit",
            "5",
            "--json",
            "--",
            "스팟",
            "-#service/emr",
            "-tag:x"
        ]
    );
    assert_eq!(
        reordered(&[
            "--notes",
            "v",
            "search",
            "--limit=3",
            "-중단",
            "--notes",
            "w",
            "a"
        ]),
        [
            "munje",
            "--notes",
            "v",
            "search",
            "--limit=3",
            "--notes",
            "w",
            "--",
            "-중단",
            "a"
        ]
    );
    // After a `--` typed by the user, even an option's name is a word.
    assert_eq!(
        reordered(&["search", "a", "--", "--json", "-b"]),
        ["munje", "search", "--", "a", "--json", "-b"]
    );
    // Other commands, and a search with no query, are left alone.
    let quiz = ["quiz", "--tag", "x", "-h"];
    assert_eq!(reordered(&quiz), [&["munje"][..], &quiz].concat());
    assert_eq!(
        reordered(&["search", "--help"]),
        ["munje", "search", "--help"]
    );
    let cli =
        Cli::try_parse_from(reordered(&["search", "spot", "-#service/emr", "--json"])).unwrap();
    match cli.command {
        Some(Command::Search(args)) => {
            assert_eq!(args.query, ["spot", "-#service/emr"]);
            assert!(args.json);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn notes_flag_repeats_and_works_after_the_subcommand() {
    let cli = Cli::try_parse_from(["munje", "check", "--notes", "a", "--notes", "b"]).unwrap();
    assert_eq!(cli.global.notes, [PathBuf::from("a"), PathBuf::from("b")]);
}
