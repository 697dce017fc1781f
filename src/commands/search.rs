//! `munje search`: ranked hits for a query, matches in bold on a terminal
//! and plain when piped, or JSON with `--json`.
//!
//! Owns printing only; the query language and ranking are `crate::search`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use serde::Serialize;

use super::source::display_path;
use crate::cli::{GlobalArgs, SearchArgs};
use crate::i18n::Lang;
use crate::search::{Hit, Query, SearchContext, SearchIndex, StreamedSearch, TermKind};
use crate::vault::{Depth, LoadOptions, QuestionId, QuestionOrigin, QuestionStyle, Vault};

/// Runs the command: exit 0 with hits, 1 with none.
pub fn run(global: &GlobalArgs, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    super::quiz::ignore_broken_pipe(print(global, args))
}

fn print(global: &GlobalArgs, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let query = Query::parse(&args.query.join(" "));
    let query_tags: Vec<crate::vault::Tag> = query.wanted_tags().cloned().collect();
    let (wrong, due) = progress_sets(global, &query)?;
    let ctx = SearchContext {
        wrong: &wrong,
        due: &due,
    };
    let roots = super::source::vault_roots(global);
    let (vault, hits) = if let Some(roots) = roots {
        let style = super::source::question_style();
        find_in_folders_as(&roots, query, &ctx, args.limit, style).map_err(|e| {
            match e.downcast_ref::<crate::vault::LoadError>() {
                Some(load) => super::source::localized(load, global),
                None => e,
            }
        })?
    } else {
        let vault = crate::vault::load_bundled();
        let hits = SearchIndex::build(&vault).search(&query, &ctx, args.limit);
        (vault, hits)
    };
    let lang = Lang::detect(global.lang);
    // Every tag of the vault is gathered to judge a query's tags: not
    // when it has none.
    if !query_tags.is_empty() {
        for unknown in crate::search::unknown_tags(&vault, query_tags.iter()) {
            eprintln!("munje: {}", unknown.message(lang));
        }
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let rows: Vec<JsonHit<'_>> = hits.iter().map(|h| JsonHit::new(&vault, h)).collect();
        super::json::to_writer(&mut out, &rows, false)?;
        writeln!(out)?;
    } else {
        let style = if out.is_terminal() {
            Style::Bold
        } else {
            Style::Plain
        };
        out.write_all(render(&vault, &hits, style).as_bytes())?;
        if hits.is_empty() {
            eprintln!("{}", lang.pick("찾는 내용이 없습니다.", "No matches."));
        }
    }
    out.flush()?;
    let found = !hits.is_empty();
    drop(hits);
    super::source::keep_until_exit(vault);
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Loads vault folders and searches them. A query that can be decided
/// note by note (no `has:`, no `is:`) is searched on the loading threads
/// as each note is read, keeping only the best hits and no note's text:
/// the same hits as an index of the whole vault, without holding it.
/// Hits name notes, so such a search reads notes only to their outline;
/// the others need the notes' questions, and load the vault whole.
pub fn find_in_folders(
    roots: &[PathBuf],
    query: Query,
    ctx: &SearchContext<'_>,
    limit: usize,
) -> anyhow::Result<(Vault, Vec<Hit>)> {
    find_in_folders_as(roots, query, ctx, limit, QuestionStyle::default())
}

/// [`find_in_folders`] reading questions in a given style.
pub fn find_in_folders_as(
    roots: &[PathBuf],
    query: Query,
    ctx: &SearchContext<'_>,
    limit: usize,
    questions: QuestionStyle,
) -> anyhow::Result<(Vault, Vec<Hit>)> {
    let query = Arc::new(query);
    let options = LoadOptions {
        questions,
        ..LoadOptions::default()
    };
    if let Some(search) = StreamedSearch::new(Arc::clone(&query), limit) {
        let options = LoadOptions {
            depth: Depth::Outline,
            ..options
        };
        return Ok(crate::vault::load_with(roots, &options, &|_| {}, search)?);
    }
    let vault = crate::vault::load(roots, &options, &|_| {})?;
    let index = SearchIndex::build(&vault);
    let hits = index.search(&query, ctx, limit);
    super::source::keep_until_exit(index);
    Ok((vault, hits))
}

/// The wrong-answer notebook and the questions due today, read from the
/// progress store only when the query asks (`is:wrong`, `is:due`), so a
/// plain search never opens or creates a database.
fn progress_sets(
    global: &GlobalArgs,
    query: &Query,
) -> anyhow::Result<(HashSet<QuestionId>, HashSet<QuestionId>)> {
    let asks = query
        .terms
        .iter()
        .any(|t| matches!(t.kind, TermKind::IsWrong | TermKind::IsDue));
    let mut wrong = HashSet::new();
    let mut due = HashSet::new();
    if !asks {
        return Ok((wrong, due));
    }
    let now = super::quiz::now();
    let store = super::store_read::open_for_reading(global, Lang::detect(global.lang), now)?;
    let day = super::quiz::study_day(&store, now);
    for (id, h) in store.history()?.questions {
        if h.is_due_today(day, now) {
            due.insert(id.clone());
        }
        if h.in_notebook() {
            wrong.insert(id);
        }
    }
    Ok((wrong, due))
}

/// How matched characters are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// ANSI bold, for a terminal.
    Bold,
    /// No marks, for pipes and files.
    Plain,
}

/// One hit as `--json` prints it.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    path: String,
    title: &'a str,
    /// The note's first `# ` heading, `null` when it has none.
    heading: Option<&'a str>,
    field: &'static str,
    line: usize,
    score: i64,
    snippet: &'a str,
    ranges: Vec<[usize; 2]>,
}

impl<'a> JsonHit<'a> {
    fn new(vault: &Vault, hit: &'a Hit) -> Self {
        JsonHit {
            path: hit_path(vault, hit),
            title: &hit.title,
            heading: hit.heading.as_deref(),
            field: hit.field.as_str(),
            line: hit.line,
            score: hit.score,
            snippet: &hit.snippet,
            ranges: hit.ranges.iter().map(|r| [r.start, r.end]).collect(),
        }
    }
}

/// The file a hit is in, with its vault root as the user named it.
fn hit_path(vault: &Vault, hit: &Hit) -> String {
    let bank = hit
        .question
        .map(|q| vault.question(q).origin)
        .and_then(|o| match o {
            QuestionOrigin::Bank(b) => vault.banks.get(b),
            QuestionOrigin::Note(_) => None,
        });
    match (bank, hit.note) {
        (Some(b), _) => display_path(vault, b.root, &b.path),
        (None, Some(n)) => {
            let note = vault.note(n);
            display_path(vault, note.root, &note.path)
        }
        (None, None) => hit.path.clone(),
    }
}

/// The hits as text: `path:line: [field] name` (the note's display
/// name), then the snippet indented, unless the snippet is the name itself.
pub fn render(vault: &Vault, hits: &[Hit], style: Style) -> String {
    let mut out = String::new();
    for hit in hits {
        let path = hit_path(vault, hit);
        let path = crate::text::visible(&path);
        let field = hit.field.as_str();
        if hit.snippet == hit.name() {
            let title = mark(&hit.snippet, &hit.ranges, style);
            let _ = writeln!(out, "{path}:{}: [{field}] {title}", hit.line);
        } else {
            let snippet = mark(&hit.snippet, &hit.ranges, style);
            let name = crate::text::visible(hit.name());
            let _ = writeln!(out, "{path}:{}: [{field}] {name}", hit.line);
            let _ = writeln!(out, "    {snippet}");
        }
    }
    out
}

/// The text with the character ranges marked, its control characters
/// made visible.
fn mark(text: &str, ranges: &[Range<usize>], style: Style) -> String {
    if style == Style::Plain || ranges.is_empty() {
        return crate::text::visible(text).into_owned();
    }
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut open = false;
    for (i, c) in text.chars().enumerate() {
        let inside = ranges.iter().any(|r| r.contains(&i));
        if inside != open {
            out.push_str(if inside { "\x1b[1m" } else { "\x1b[0m" });
            open = inside;
        }
        crate::text::push_visible(&mut out, c);
    }
    if open {
        out.push_str("\x1b[0m");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_marks_wrap_whole_characters() {
        let ranges = [0..2, 3..4];
        assert_eq!(
            mark("스팟 인스턴스", &ranges, Style::Bold),
            "\x1b[1m스팟\x1b[0m \x1b[1m인\x1b[0m스턴스"
        );
        assert_eq!(
            mark("스팟 인스턴스", &ranges, Style::Plain),
            "스팟 인스턴스"
        );
    }

    /// A query of every kind, each with hits on the bundled deck.
    const DECK_QUERIES: &[&str] = &[
        "ㅅㅍ",
        "스팟",
        "EMR 노드",
        "tmvkt",
        "\"2분 전\"",
        "중단 -#service/emr",
        "중단 -tag:instance/spot-instances",
        "#service/emr",
        "title:spot",
        "alias:온디맨드",
        "체크포인트",
        "on-demand 요금",
        "ㅇㄷㅁㄷ",
        "capacity",
        "Task 노드",
        "-스팟",
        "",
    ];

    /// The bundled deck written out as a folder.
    fn deck_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (rel, bytes) in crate::vault::bundled::bundled_files() {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        dir
    }

    /// Searches the folder note by note as it loads, checks the hits are
    /// those of `index` (the whole folder's), and returns the outline
    /// vault and the hits.
    fn streamed_as_whole(
        dir: &std::path::Path,
        index: &SearchIndex,
        q: &str,
        limit: usize,
    ) -> (Vault, Vec<Hit>) {
        let none = HashSet::new();
        let ctx = SearchContext {
            wrong: &none,
            due: &none,
        };
        let want = index.search(&Query::parse(q), &ctx, limit);
        let (vault, got) =
            find_in_folders(&[dir.to_owned()], Query::parse(q), &ctx, limit).expect("loads");
        assert!(!want.is_empty(), "{q}");
        assert_eq!(got, want, "{q} --limit {limit}");
        assert!(
            vault.notes.iter().all(|n| n.body.is_empty()),
            "no text kept"
        );
        (vault, got)
    }

    /// The bundled deck written out as a folder, loaded at one depth.
    fn deck_at(dir: &std::path::Path, depth: Depth) -> Vault {
        let options = crate::vault::LoadOptions {
            depth,
            ..crate::vault::LoadOptions::default()
        };
        crate::vault::load(&[dir.to_owned()], &options, &|_| {}).expect("deck loads")
    }

    #[test]
    fn searching_an_outline_load_finds_what_a_full_load_finds() {
        let dir = deck_dir();
        let full = deck_at(dir.path(), Depth::Full);
        let outline = deck_at(dir.path(), Depth::Outline);
        let note_questions = |v: &Vault| v.notes.iter().map(|n| n.questions.len()).sum::<usize>();
        assert!(note_questions(&full) > 50);
        assert_eq!(note_questions(&outline), 0, "the outline load skips them");
        let (full_ix, outline_ix) = (SearchIndex::build(&full), SearchIndex::build(&outline));
        let (wrong, due) = (HashSet::new(), HashSet::new());
        let ctx = SearchContext {
            wrong: &wrong,
            due: &due,
        };
        let shown = |hits: Vec<Hit>| -> Vec<String> {
            hits.iter()
                .map(|h| {
                    format!(
                        "{:?} {} {:?} {} {} {} {:?}",
                        h.note, h.path, h.field, h.line, h.score, h.snippet, h.ranges
                    )
                })
                .collect()
        };
        for &q in DECK_QUERIES {
            let query = Query::parse(q);
            let a = shown(full_ix.search(&query, &ctx, 50));
            let b = shown(outline_ix.search(&query, &ctx, 50));
            assert!(!a.is_empty(), "{q}");
            assert_eq!(a, b, "{q}");
        }
    }

    /// Searching note by note as the folder loads gives the hits of an
    /// index of the whole vault at the same depth, bank questions and
    /// cut-offs included.
    #[test]
    fn a_streamed_search_finds_what_the_whole_index_finds() {
        let dir = deck_dir();
        let whole = deck_at(dir.path(), Depth::Outline);
        let index = SearchIndex::build(&whole);
        let mut bank_hits = 0;
        for &q in DECK_QUERIES {
            for limit in [1, 4, 200] {
                let (vault, got) = streamed_as_whole(dir.path(), &index, q, limit);
                bank_hits += got
                    .iter()
                    .filter(|h| {
                        h.question.is_some_and(|qi| {
                            matches!(vault.question(qi).origin, QuestionOrigin::Bank(_))
                        })
                    })
                    .count();
            }
        }
        assert!(bank_hits > 0, "the queries reach bank questions too");
    }

    /// Enough notes that each loading thread turns most of them down
    /// before reading their text: the best hits must still all be found,
    /// whatever field they are in and in whatever order they load (titles
    /// here run against the order of the files).
    #[test]
    fn a_streamed_search_of_many_notes_keeps_exactly_the_best() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..120 {
            let alias = if i % 17 == 0 {
                "aliases: [체크포인트]\n"
            } else {
                ""
            };
            let section = match i % 3 {
                0 => "## 관련 문제\n\n**Question:** 체크포인트는 어디에?",
                1 => "## 설명\n\n체크포인트를 남깁니다.",
                _ => "## 설명\n\n다른 이야기.",
            };
            let text = format!(
                "---\ntitle: t{:03}\n{alias}---\n\n# 노트\n\n{section}\n",
                999 - i
            );
            std::fs::write(dir.path().join(format!("n{i:03}.md")), text).expect("write");
        }
        let whole = deck_at(dir.path(), Depth::Outline);
        let index = SearchIndex::build(&whole);
        for q in [
            "체크포인트",
            "체크포인트 -alias:체크포인트",
            "ㅊㅋㅍㅇㅌ",
            "노트",
        ] {
            for limit in [1, 3, 10, 100] {
                streamed_as_whole(dir.path(), &index, q, limit);
            }
        }
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod streamed_tests;
