//! Unit tests of the body walk: section names, the heading, key point,
//! links, and the units of a questions section.

use super::*;
use crate::vault::fast::scan;

#[test]
fn section_names_ignore_emoji_spaces_and_case() {
    assert_eq!(section_kind("🎯 핵심 포인트"), SectionKind::KeyPoint);
    assert_eq!(section_kind("📝 관련 문제"), SectionKind::Questions);
    assert_eq!(section_kind("🔍 주요 개념"), SectionKind::Concepts);
    assert_eq!(section_kind("Practice Questions"), SectionKind::Questions);
    assert_eq!(section_kind("KEY POINTS"), SectionKind::KeyPoint);
    assert_eq!(section_kind("📝 Details"), SectionKind::Explanation);
    assert_eq!(section_kind("참고 자료"), SectionKind::Other);
}

#[test]
fn every_section_name_of_the_spec_is_recognised() {
    let table = [
        (
            SectionKind::KeyPoint,
            &["핵심 포인트", "핵심", "Key Point", "Key Points", "Summary"][..],
        ),
        (
            SectionKind::Explanation,
            &["설명", "Explanation", "Details"][..],
        ),
        (
            SectionKind::Concepts,
            &[
                "주요개념",
                "주요 개념",
                "핵심 개념",
                "Key Concepts",
                "Concepts",
            ][..],
        ),
        (
            SectionKind::Questions,
            &[
                "관련 문제",
                "문제",
                "연습 문제",
                "Related Questions",
                "Questions",
                "Practice Questions",
                "Practice Question",
            ][..],
        ),
    ];
    for (kind, names) in table {
        for name in names {
            assert_eq!(section_kind(name), kind, "{name}");
            assert_eq!(
                section_kind(&format!("✅ {}", name.to_uppercase())),
                kind,
                "{name}"
            );
        }
    }
}

#[test]
fn scan_finds_heading_sections_key_point_and_links() {
    let body = "# 스팟 **정리**\n\n## 🎯 핵심 포인트\n\n중단 *가능* **2분** 전 알림.\n둘째 줄 [[EMR 노드|노드]]\n\n## 기타\n\n[[배치#절]]\n";
    let s = scan(body, 10);
    assert_eq!(s.heading.as_deref(), Some("스팟 정리"));
    assert_eq!(s.sections.len(), 2);
    assert_eq!(s.sections[0].line, 12);
    assert_eq!(&*s.sections[1].heading, "기타");
    assert_eq!(&body[s.sections[1].span()], "## 기타\n\n[[배치#절]]\n");
    assert_eq!(
        s.key_point.as_deref(),
        Some("중단 가능 2분 전 알림. 둘째 줄 노드")
    );
    assert_eq!(s.links, ["EMR 노드", "배치"]);
}

#[test]
fn questions_section_becomes_lines_and_lists_with_bold_marked() {
    let body = "## 문제\n\n**Question:** 무엇?\n다음 줄\n\n- A) 하나\n- B) **둘**\n  - 중첩\n\n**정답: A**\n";
    let s = scan(body, 1);
    let Unit::Line(l) = &s.units[0] else {
        panic!("{:?}", s.units)
    };
    assert_eq!((&*l.text, l.line), ("**Question:** 무엇?", 3));
    let Unit::Line(l2) = &s.units[1] else {
        panic!()
    };
    assert_eq!((&*l2.text, l2.line), ("다음 줄", 4));
    let Unit::List(items) = &s.units[2] else {
        panic!()
    };
    assert_eq!(
        crate::text::fold_whitespace(&items[1].text),
        "B) **둘** 중첩"
    );
    assert_eq!(items[1].line, 7);
    assert!(matches!(&s.units[3], Unit::Line(l) if l.text == "**정답: A**"));
    assert_eq!(s.units.last(), Some(&Unit::Break));
}
