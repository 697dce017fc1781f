//! Tests of `markdown`.
use super::*;
use ratatui::style::Modifier;

fn note(body: &str) -> Note {
    Note {
        path: "n.md".into(),
        title: "n".into(),
        body: body.into(),
        body_line: 1,
        ..Note::default()
    }
}

fn body_rows(body: &str, width: usize) -> Vec<Row> {
    let r = render_note(&note(body), body, width, &Theme::default(), Lang::Ko);
    // Skip the header: the path line and the rule under it.
    let start = r
        .rows
        .iter()
        .position(|row| row.line.to_string().starts_with('─'))
        .unwrap()
        + 1;
    r.rows[start..]
        .iter()
        .skip_while(|row| row.line.spans.is_empty())
        .cloned()
        .collect()
}

fn is_bold(row: &Row, text: &str) -> bool {
    row.line
        .spans
        .iter()
        .any(|s| s.content.contains(text) && s.style.add_modifier.contains(Modifier::BOLD))
}

#[test]
fn bold_right_before_a_korean_particle_is_bold_without_stars() {
    let rows = body_rows("**강조(Bold)**을 확인하고 **스팟**은 싸다.", 80);
    let text = rows[0].line.to_string();
    assert_eq!(text, "강조(Bold)을 확인하고 스팟은 싸다.");
    assert!(is_bold(&rows[0], "강조(Bold)"));
    assert!(is_bold(&rows[0], "스팟"));
    assert!(!is_bold(&rows[0], "확인하고"));
}

#[test]
fn an_unpaired_double_star_stays_literal() {
    let rows = body_rows("별표 ** 하나만", 80);
    assert_eq!(rows[0].line.to_string(), "별표 ** 하나만");
}

#[test]
fn code_blocks_keep_every_space_and_are_never_wrapped() {
    let body =
        "```\n요청 →   마스터 (온디맨드) → 작업 분배 → 아주 긴 줄이 이어진다\n          ↓\n```\n";
    let rows = body_rows(body, 20);
    assert_eq!(
        rows[0].line.to_string(),
        "  요청 →   마스터 (온디맨드) → 작업 분배 → 아주 긴 줄이 이어진다"
    );
    assert_eq!(rows[1].line.to_string(), "            ↓");
    assert!(rows[0].wide && rows[1].wide);
}

#[test]
fn table_columns_line_up_by_display_width() {
    let body = "| 노드 | 비용 |\n|---|---:|\n| 마스터 | 높음 |\n| task | 🎉 |\n";
    let rows = body_rows(body, 80);
    let lines: Vec<String> = rows.iter().map(|r| r.line.to_string()).collect();
    let bar_cols: Vec<usize> = lines
        .iter()
        .filter(|l| l.contains('│'))
        .map(|l| wrap::width(&l[..l.find('│').unwrap()]))
        .collect();
    assert_eq!(bar_cols.len(), 3, "{lines:?}");
    assert!(bar_cols.iter().all(|&c| c == bar_cols[0]), "{lines:?}");
    assert!(lines[3].ends_with("🎉"), "right-aligned: {lines:?}");
}

#[test]
fn lists_hang_their_wrapped_lines_under_the_text() {
    let rows = body_rows(
        "- 첫째 항목은 길어서 다음 줄로 넘어간다\n  - 안쪽 항목\n",
        16,
    );
    let lines: Vec<String> = rows.iter().map(|r| r.line.to_string()).collect();
    assert!(lines[0].starts_with("• 첫째"), "{lines:?}");
    assert!(lines[1].starts_with("  "), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("  • 안쪽")), "{lines:?}");
}

#[test]
fn wikilinks_show_their_label_and_are_collected() {
    let body = "[[EMR 노드|EMR]]와 [[스팟#핵심]]을 보라";
    let r = render_note(&note(body), body, 80, &Theme::default(), Lang::Ko);
    assert_eq!(r.links, ["EMR 노드", "스팟"]);
    let last = r.rows.last().unwrap().line.to_string();
    assert_eq!(last, "EMR와 스팟 › 핵심을 보라");
}

#[test]
fn search_offsets_map_to_the_row_of_their_block() {
    let body = "첫 문단\n\n## 둘째\n\n셋째 문단\n";
    let r = render_note(&note(body), body, 80, &Theme::default(), Lang::Ko);
    let row = r.row_of_offset(body.find("셋째").unwrap());
    assert_eq!(r.rows[row].line.to_string(), "셋째 문단");
}

#[test]
fn block_ids_ending_a_paragraph_are_not_shown() {
    let rows = body_rows(
        "**Question:** 알림은 몇 초 전에 오는가? ^spot-notice\n\n2^10 은 1024 ^ 아님\n",
        60,
    );
    let text: Vec<String> = rows.iter().map(|r| r.line.to_string()).collect();
    assert!(
        text.iter()
            .any(|l| l.trim_end() == "Question: 알림은 몇 초 전에 오는가?"),
        "{text:?}"
    );
    assert!(!text.iter().any(|l| l.contains("spot-notice")), "{text:?}");
    assert!(
        text.iter().any(|l| l.contains("2^10 은 1024 ^ 아님")),
        "{text:?}"
    );
}

#[test]
fn the_metadata_line_never_ends_or_starts_with_a_separator() {
    let mut n = note("본문.\n");
    n.created = crate::vault::Date::parse("2025-08-21");
    n.modified = crate::vault::Date::parse("2025-08-22");
    n.path = "instance/spot-instances.md".into();
    n.questions = vec![crate::vault::QuestionIx(0)];
    for width in 20..60 {
        let r = render_note(
            &n,
            n.body.own().unwrap(),
            width,
            &Theme::default(),
            Lang::Ko,
        );
        for row in &r.rows {
            let text = row.line.to_string();
            let text = text.trim();
            assert!(
                !text.ends_with('·') && !text.starts_with('·'),
                "width {width}: {text:?}"
            );
        }
    }
}
