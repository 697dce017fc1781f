//! The 오답노트 (wrong-answer notebook): every question whose latest answer
//! was wrong or that was missed twice or more, how often it was missed and
//! which wrong options were picked how often, grouped by tag, and its
//! markdown form.
//!
//! Owns the notebook's content and its markdown; where it is written (never
//! into a vault) is the `wrong` command's business.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::Lang;
use crate::vault::{Letter, QuestionId, Vault};

use super::history::History;
use super::present::PresentedQuestion;

/// A wrong option and how often it was picked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongPick {
    /// The note's letter.
    pub letter: Letter,
    /// The option's text (empty when the question is gone from the notes).
    pub text: String,
    /// Times picked.
    pub times: u32,
}

/// One option of a notebook question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotebookOption {
    /// The note's letter.
    pub letter: Letter,
    /// The option's text.
    pub text: String,
    /// True for a right option.
    pub right: bool,
    /// The note's explanation of it.
    pub explanation: Option<String>,
}

/// One question of the notebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedQuestion {
    /// Its id.
    pub id: QuestionId,
    /// The tag it is filed under (its first), or none.
    pub tag: Option<String>,
    /// The stem (`None` when it is no longer in the notes).
    pub stem: Option<String>,
    /// Options in the note's order.
    pub options: Vec<NotebookOption>,
    /// Times answered.
    pub attempts: u32,
    /// Times answered wrong.
    pub misses: u32,
    /// Whether the latest answer was wrong.
    pub last_wrong: bool,
    /// Wrong options picked, most often first.
    pub wrong_picks: Vec<WrongPick>,
    /// The general explanation.
    pub explanation: Option<String>,
    /// The note it studies.
    pub note_title: Option<String>,
    /// Where it is written, `path:line`.
    pub location: Option<String>,
}

/// The whole notebook, grouped by tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Notebook {
    /// Questions, ordered by tag group, then most missed first.
    pub questions: Vec<MissedQuestion>,
}

impl Notebook {
    /// Builds the notebook from the vault and the history.
    pub fn build(vault: &Vault, history: &History) -> Notebook {
        let mut questions: Vec<MissedQuestion> = Vec::new();
        let mut known = std::collections::HashSet::new();
        for (i, q) in vault.questions.iter().enumerate() {
            known.insert(&q.id);
            let Some(h) = history.get(&q.id).filter(|h| h.in_notebook()) else {
                continue;
            };
            let p = PresentedQuestion::new(vault, crate::vault::QuestionIx(i), None);
            questions.push(MissedQuestion {
                id: q.id.clone(),
                tag: q.tags.first().map(ToString::to_string),
                stem: Some(q.stem.to_string()),
                options: q
                    .options
                    .iter()
                    .map(|o| NotebookOption {
                        letter: o.letter,
                        text: o.text.to_string(),
                        right: q.answer.contains(o.letter),
                        explanation: q.explanations.get(o.letter).map(str::to_owned),
                    })
                    .collect(),
                attempts: h.attempts,
                misses: h.misses,
                last_wrong: h.last_correct == Some(false),
                wrong_picks: picks(h, |l| q.option(l).map(|o| o.text.to_string())),
                explanation: q.explanation.as_deref().map(str::to_owned),
                note_title: p.note_title,
                location: p.location.map(|l| l.to_string()),
            });
        }
        // Questions answered once but since removed from the notes still
        // belong in the notebook; the user may want to know.
        for (id, h) in &history.questions {
            if known.contains(id) || !h.in_notebook() {
                continue;
            }
            questions.push(MissedQuestion {
                id: id.clone(),
                tag: None,
                stem: None,
                options: Vec::new(),
                attempts: h.attempts,
                misses: h.misses,
                last_wrong: h.last_correct == Some(false),
                wrong_picks: picks(h, |_| None),
                explanation: None,
                note_title: None,
                location: None,
            });
        }
        questions.sort_by(|a, b| {
            (a.tag.is_none(), &a.tag, b.misses, &a.id).cmp(&(
                b.tag.is_none(),
                &b.tag,
                a.misses,
                &b.id,
            ))
        });
        Notebook { questions }
    }

    /// The notebook as a markdown note: plain CommonMark (no wikilinks, no
    /// frontmatter) so it reads well in any viewer.
    pub fn to_markdown(&self, lang: Lang, date: &str) -> String {
        let mut out = String::new();
        let title = lang.pick("오답노트", "Wrong-answer notebook (오답노트)");
        let _ = writeln!(out, "# {title}\n");
        let _ = writeln!(
            out,
            "{}\n",
            match lang {
                Lang::Ko => format!(
                    "틀린 문제 {}개 · {date} munje에서 내보냄 · 보기 글자는 노트에 적힌 그대로",
                    self.questions.len()
                ),
                Lang::En => format!(
                    "{} missed questions · exported by munje on {date} · option letters as the notes have them",
                    self.questions.len()
                ),
            }
        );
        let mut groups: BTreeMap<(bool, Option<&str>), Vec<&MissedQuestion>> = BTreeMap::new();
        for q in &self.questions {
            groups
                .entry((q.tag.is_none(), q.tag.as_deref()))
                .or_default()
                .push(q);
        }
        for ((_, tag), list) in groups {
            let heading = tag.map_or_else(
                || lang.pick("태그 없음", "No tag").to_owned(),
                |t| format!("#{t}"),
            );
            let _ = writeln!(out, "## {heading}\n");
            for (n, q) in list.iter().enumerate() {
                write_question(&mut out, lang, n + 1, q);
            }
        }
        out
    }
}

fn picks(
    h: &super::history::QuestionHistory,
    text: impl Fn(Letter) -> Option<String>,
) -> Vec<WrongPick> {
    let mut v: Vec<WrongPick> = h
        .wrong_picks
        .iter()
        .map(|(&letter, &times)| WrongPick {
            letter,
            text: text(letter).unwrap_or_default(),
            times,
        })
        .collect();
    v.sort_by(|a, b| b.times.cmp(&a.times).then(a.letter.cmp(&b.letter)));
    v
}

fn write_question(out: &mut String, lang: Lang, n: usize, q: &MissedQuestion) {
    let stem = q.stem.clone().unwrap_or_else(|| {
        format!(
            "{} `{}`",
            lang.pick("노트에서 사라진 문제", "Question no longer in the notes:"),
            q.id
        )
    });
    let _ = writeln!(out, "### {n}. {stem}\n");
    let missed = match lang {
        Lang::Ko => format!("**{}번 틀림** ({}번 중)", q.misses, q.attempts),
        Lang::En => format!("**Missed {} of {} times**", q.misses, q.attempts),
    };
    let _ = writeln!(out, "{missed}\n");
    for o in &q.options {
        let times = q
            .wrong_picks
            .iter()
            .find(|p| p.letter == o.letter)
            .map(|p| p.times);
        let mark = match (o.right, times, lang) {
            (true, _, Lang::Ko) => " — ✅ 정답".to_owned(),
            (true, _, Lang::En) => " — ✅ right answer".to_owned(),
            (false, Some(t), Lang::Ko) => format!(" — ❌ {t}번 고름"),
            (false, Some(t), Lang::En) => {
                format!(" — ❌ chosen {t} {}", if t == 1 { "time" } else { "times" })
            }
            (false, None, _) => String::new(),
        };
        let _ = writeln!(out, "- **{})** {}{mark}", o.letter, o.text);
        if let Some(e) = &o.explanation {
            let _ = writeln!(out, "  - {e}");
        }
    }
    if q.options.is_empty() {
        for p in &q.wrong_picks {
            let line = match lang {
                Lang::Ko => format!("- **{})** ❌ {}번 고름", p.letter, p.times),
                Lang::En => format!("- **{})** ❌ chosen {} times", p.letter, p.times),
            };
            let _ = writeln!(out, "{line}");
        }
    }
    out.push('\n');
    if let Some(e) = &q.explanation {
        let _ = writeln!(out, "> {}\n", e.replace('\n', "\n> "));
    }
    if let Some(title) = &q.note_title {
        let place = q
            .location
            .as_deref()
            .map(|l| format!(" (`{l}`)"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}: {title}{place}\n", lang.pick("노트", "Note"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::{attempt, sample_vault};

    fn history() -> History {
        History::from_attempts(&[
            attempt("emr-primary", &['C'], &['A'], 1),
            attempt("emr-primary", &['C'], &['A'], 2),
            attempt("emr-primary", &['B'], &['A'], 3),
            attempt("spot-notice", &['C'], &['B'], 4),
            attempt("spot-fit", &['A', 'C'], &['A', 'C'], 4),
            attempt("gone", &['D'], &['A'], 5),
        ])
    }

    #[test]
    fn counts_misses_and_wrong_picks_per_question() {
        let nb = Notebook::build(&sample_vault(), &history());
        let ids: Vec<_> = nb.questions.iter().map(|q| q.id.0.as_str()).collect();
        assert_eq!(ids, ["spot-notice", "emr-primary", "gone"]);
        let emr = &nb.questions[1];
        assert_eq!((emr.misses, emr.attempts), (3, 3));
        let picks: Vec<_> = emr
            .wrong_picks
            .iter()
            .map(|p| (p.letter, p.times, p.text.as_str()))
            .collect();
        assert_eq!(picks, [('C', 2, "태스크 노드"), ('B', 1, "코어 노드")]);
    }

    #[test]
    fn markdown_groups_by_tag_and_says_how_often_each_option_was_chosen() {
        let md = Notebook::build(&sample_vault(), &history()).to_markdown(Lang::En, "2026-11-21");
        assert!(md.starts_with("# Wrong-answer notebook"));
        let spot = md.find("## #instance/spot").unwrap();
        let emr = md.find("## #service/emr").unwrap();
        let none = md.find("## No tag").unwrap();
        assert!(spot < emr && emr < none);
        assert!(
            md.contains("- **C)** 태스크 노드 — ❌ chosen 2 times"),
            "{md}"
        );
        assert!(md.contains("- **A)** 프라이머리 노드 — ✅ right answer"));
        assert!(md.contains("**Missed 3 of 3 times**"));
        assert!(md.contains("Note: EMR 클러스터 크기 (`vault/emr/sizing.md:12`)"));
        let ko = Notebook::build(&sample_vault(), &history()).to_markdown(Lang::Ko, "2026-11-21");
        assert!(ko.contains("❌ 2번 고름"));
        assert!(!ko.contains("[["), "no wikilinks");
    }
}
