//! Behaviour of the whole engine on a small vault built in code: every
//! operator, Korean matching, ranking and highlight ranges.

use std::collections::HashSet;
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use super::*;
use crate::vault::{
    Bank, Explanations, Note, NoteIx, Question, QuestionId, QuestionIx, QuestionOrigin, QuizOption,
    Section, SectionKind, Tag, Vault,
};

fn tags(list: &[&str]) -> Arc<[Tag]> {
    list.iter().filter_map(|t| Tag::parse(t)).collect()
}

fn note(title: &str, aliases: &[&str], tag_list: &[&str], heading: &str, body: &str) -> Note {
    let sections = body
        .find("## 관련 문제")
        .map(|at| {
            Section::new(
                SectionKind::Questions,
                "관련 문제".into(),
                10 + body[..at].matches('\n').count(),
                at..body.len(),
            )
        })
        .into_iter()
        .collect();
    Note {
        path: format!("{title}.md").into(),
        title: title.into(),
        heading: (!heading.is_empty()).then(|| heading.into()),
        tags: tags(tag_list),
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        body: body.into(),
        body_line: 10,
        sections,
        ..Note::default()
    }
}

fn question(id: &str, origin: QuestionOrigin, line: usize, stem: &str, opts: &[&str]) -> Question {
    Question {
        id: QuestionId(id.into()),
        origin,
        line,
        stem: stem.into(),
        options: opts
            .iter()
            .zip('A'..)
            .map(|(t, letter)| QuizOption {
                letter,
                text: (*t).into(),
            })
            .collect(),
        answer: ['B'].into_iter().collect(),
        explanations: Explanations::default(),
        explanation: None,
        tags: Arc::default(),
        note_title: None,
        note: None,
        quizzable: true,
        form: crate::vault::Form::Strict,
    }
}

const SPOT_BODY: &str = "## 핵심 포인트\n\n중단될 수 있는 저렴한 EC2 용량이다.\n\n\
## 관련 문제\n\n**Question:** 중단 알림은 몇 분 전에 오는가?\n\n- A) 30초\n- B) 2분\n\n**정답: B**\n";

/// Notes 0–4 and one bank question (ix 1) about the EMR note.
fn vault() -> Vault {
    let mut v = Vault {
        notes: vec![
            note(
                "스팟 인스턴스 (Spot Instance)",
                &["Spot", "스팟"],
                &["instance/spot-instances", "architecture/cost-optimization"],
                "스팟 인스턴스",
                SPOT_BODY,
            ),
            note(
                "온디맨드 인스턴스",
                &["On-Demand"],
                &["instance/on-demand"],
                "",
                "스팟과 달리 중단되지 않는다.\n",
            ),
            note(
                "EMR 클러스터 구성",
                &["Elastic MapReduce"],
                &["service/emr"],
                "EMR 클러스터: 마스터, 코어, 태스크 노드",
                "## 설명\n\n마스터 노드는 온디맨드로 둔다.\n태스크 노드(Task Node)는 스팟으로 운영한다.\n",
            ),
            note(
                "EMR Serverless",
                &[],
                &["service/emr-serverless"],
                "",
                "서버리스로 실행한다.\n",
            ),
            note(
                "AWS Batch",
                &[],
                &["service/aws-batch"],
                "",
                "job queue와 Fargate.\n",
            ),
        ],
        banks: vec![Bank {
            path: "questions/spot.yaml".into(),
            questions: vec![QuestionIx(1)],
            ..Bank::default()
        }],
        ..Vault::default()
    };
    let mut q0 = question(
        "spot-1",
        QuestionOrigin::Note(NoteIx(0)),
        16,
        "중단 알림은 몇 분 전에 오는가?",
        &["30초", "2분"],
    );
    q0.note = Some(NoteIx(0));
    let mut q1 = question(
        "bank-1",
        QuestionOrigin::Bank(0),
        3,
        "Which node type should run on Spot capacity?",
        &["Master", "Task"],
    );
    q1.note = Some(NoteIx(2));
    q1.note_title = Some("EMR 클러스터 구성".into());
    v.notes[0].questions = vec![QuestionIx(0)];
    v.questions = vec![q0, q1];
    v
}

fn search_with(v: &Vault, q: &str, wrong: &[&str], due: &[&str]) -> Vec<Hit> {
    let set = |ids: &[&str]| -> HashSet<QuestionId> {
        ids.iter().map(|i| QuestionId((*i).into())).collect()
    };
    let (wrong, due) = (set(wrong), set(due));
    let ctx = SearchContext {
        wrong: &wrong,
        due: &due,
    };
    SearchIndex::build(v).search(&Query::parse(q), &ctx, 50)
}

fn search(q: &str) -> Vec<Hit> {
    search_with(&vault(), q, &[], &[])
}

fn titles(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| h.title.clone()).collect()
}

/// The highlighted parts of a hit's snippet, by character ranges.
fn marked(hit: &Hit) -> Vec<String> {
    hit.ranges
        .iter()
        .map(|r| hit.snippet.chars().skip(r.start).take(r.len()).collect())
        .collect()
}

#[test]
fn choseong_query_finds_spot_title_first() {
    let hits = search("ㅅㅍ");
    assert_eq!(hits[0].title, "스팟 인스턴스 (Spot Instance)");
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(marked(&hits[0]), ["스팟"]);
}

#[test]
fn a_whole_word_by_initials_ranks_above_the_start_of_a_longer_word() {
    let notes = vec![
        note("스파크 튜닝", &[], &[], "스파크 튜닝", "실행기 메모리."),
        note("스팟 요금", &[], &[], "스팟 요금", "중단될 수 있다."),
    ];
    let vault = Vault {
        notes,
        ..Vault::default()
    };
    let index = SearchIndex::build(&vault);
    let none = std::collections::HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let hits = index.search(&Query::parse("ㅅㅍ"), &ctx, 10);
    assert_eq!(titles(&hits), ["스팟 요금", "스파크 튜닝"]);
}

#[test]
fn initials_find_a_word_in_the_body_and_in_questions() {
    let hits = search("ㅇㄹㅇ");
    assert_eq!(titles(&hits), ["스팟 인스턴스 (Spot Instance)"]);
    assert_eq!(hits[0].field, Field::Question);
    assert_eq!(marked(&hits[0]), ["알림은"]);
    let hits = search("ㅅㅂㄹㅅ");
    assert_eq!(titles(&hits), ["EMR Serverless"]);
    assert_eq!(hits[0].field, Field::Body);
    assert_eq!(marked(&hits[0]), ["서버리스"]);
}

#[test]
fn four_initials_find_on_demand() {
    let hits = search("ㅇㄷㅁㄷ");
    // The title first; then a note that only says 온디맨드 in its text.
    assert_eq!(titles(&hits), ["온디맨드 인스턴스", "EMR 클러스터 구성"]);
    assert_eq!(marked(&hits[0]), ["온디맨드"]);
    assert!(hits[1].field >= Field::Question, "{:?}", hits[1].field);
    assert_eq!(marked(&hits[1]), ["온디맨드"]);
}

#[test]
fn nfd_query_finds_nfc_text() {
    let nfd: String = "온디맨드".nfd().collect();
    assert_ne!(nfd, "온디맨드");
    let hits = search(&nfd);
    assert_eq!(hits[0].title, "온디맨드 인스턴스");
    assert_eq!(marked(&hits[0]), ["온디맨드"]);
}

#[test]
fn wrong_layout_latin_is_read_as_hangul() {
    let hits = search("tmvkt");
    assert_eq!(hits[0].title, "스팟 인스턴스 (Spot Instance)");
    assert_eq!(marked(&hits[0]), ["스팟"]);
    let hits = search("dhselaosem");
    assert_eq!(hits[0].title, "온디맨드 인스턴스");
}

#[test]
fn syllable_still_being_typed_matches_its_next_initial() {
    // 슾 is what an IME shows on the way from 스 to 스팟.
    assert_eq!(search("슾")[0].title, "스팟 인스턴스 (Spot Instance)");
    assert!(search("슾 ").is_empty());
}

#[test]
fn mixed_latin_and_initials_must_both_match() {
    let hits = search("EMR ㅌㅅㅋ");
    assert_eq!(titles(&hits), ["EMR 클러스터 구성"]);
}

#[test]
fn latin_matches_ignore_case() {
    let emr = titles(&search("emr"));
    assert_eq!(emr[..2], ["EMR Serverless", "EMR 클러스터 구성"]);
    assert_eq!(search("SPOT")[0].title, "스팟 인스턴스 (Spot Instance)");
}

#[test]
fn words_are_fuzzy_in_short_fields() {
    let hits = search("spotinst");
    assert_eq!(titles(&hits), ["스팟 인스턴스 (Spot Instance)"]);
    assert_eq!(marked(&hits[0]), ["Spot", "Inst"]);
}

#[test]
fn tag_filter_is_hierarchical_and_case_insensitive() {
    let mut t = titles(&search("tag:service")).join("|");
    assert_eq!(t, "AWS Batch|EMR Serverless|EMR 클러스터 구성");
    t = titles(&search("#SERVICE/EMR")).join("|");
    assert_eq!(t, "EMR 클러스터 구성");
    let hits = search("tag:service/emr");
    assert_eq!(hits[0].field, Field::Tag);
    assert_eq!(hits[0].snippet, "service/emr");
}

#[test]
fn negated_tags_and_words_exclude() {
    let t = titles(&search("tag:service -tag:service/emr"));
    assert_eq!(t, ["AWS Batch", "EMR Serverless"]);
    assert_eq!(
        titles(&search("tag:service -#service/aws-batch -serverless")),
        ["EMR 클러스터 구성"]
    );
    let t = titles(&search("인스턴스 -온디맨드"));
    assert_eq!(t, ["스팟 인스턴스 (Spot Instance)"]);
}

#[test]
fn exact_phrase_keeps_word_order() {
    assert_eq!(
        titles(&search("\"중단되지 않는다\"")),
        ["온디맨드 인스턴스"]
    );
    assert!(search("\"않는다 중단되지\"").is_empty());
    assert!(
        search("-\"중단되지 않는다\" 인스턴스")
            .iter()
            .all(|h| h.title != "온디맨드 인스턴스")
    );
}

#[test]
fn title_and_alias_look_in_one_field() {
    assert_eq!(
        titles(&search("title:스팟")),
        ["스팟 인스턴스 (Spot Instance)"]
    );
    let hits = search("alias:mapreduce");
    assert_eq!(titles(&hits), ["EMR 클러스터 구성"]);
    assert_eq!(hits[0].field, Field::Alias);
    assert!(search("alias:serverless").is_empty());
}

#[test]
fn has_question_keeps_notes_and_bank_questions_with_questions() {
    let hits = search("has:question");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().any(|h| h.path == "questions/spot.yaml"));
    assert_eq!(search("-has:question").len(), 4);
}

#[test]
fn is_wrong_and_is_due_come_from_the_context() {
    let v = vault();
    assert!(search_with(&v, "is:wrong", &[], &[]).is_empty());
    let hits = search_with(&v, "is:wrong", &["spot-1"], &[]);
    assert_eq!(titles(&hits), ["스팟 인스턴스 (Spot Instance)"]);
    assert_eq!(hits[0].question, Some(QuestionIx(0)));
    let hits = search_with(&v, "is:due spot", &[], &["bank-1"]);
    assert_eq!(hits[0].path, "questions/spot.yaml");
    assert_eq!(search_with(&v, "-is:due", &[], &["bank-1"]).len(), 5);
}

#[test]
fn match_in_a_question_names_the_question_and_its_line() {
    let hits = search("알림");
    assert_eq!(hits[0].field, Field::Question);
    assert_eq!(hits[0].question, Some(QuestionIx(0)));
    assert_eq!(hits[0].line, 16);
    let hits = search("capacity");
    assert_eq!(hits[0].question, Some(QuestionIx(1)));
    assert_eq!(hits[0].note, Some(NoteIx(2)));
    assert_eq!(hits[0].line, 3);
}

#[test]
fn body_hit_has_its_line_and_wide_character_ranges() {
    let hits = search("운영한다");
    assert_eq!(hits[0].field, Field::Body);
    assert_eq!(hits[0].line, 13);
    assert_eq!(
        hits[0].snippet,
        "태스크 노드(Task Node)는 스팟으로 운영한다."
    );
    assert_eq!(hits[0].ranges, [24..28]);
    assert_eq!(marked(&hits[0]), ["운영한다"]);
}

#[test]
fn every_word_of_a_query_is_highlighted_in_the_snippet() {
    let hits = search("task 스팟으로");
    assert_eq!(hits[0].title, "EMR 클러스터 구성");
    assert_eq!(marked(&hits[0]), ["Task", "스팟으로"]);
}

#[test]
fn empty_query_lists_every_document_by_title() {
    let hits = search("  ");
    assert_eq!(hits.len(), 6);
    assert_eq!(hits[0].title, "AWS Batch");
}

fn ranked_vault() -> Vault {
    let q_body = "## 관련 문제\n\n**Question:** kinesis 스트림은?\n";
    let mut v = Vault {
        notes: vec![
            note("f body", &[], &[], "", "kinesis 본문\n"),
            note("e question", &[], &[], "", q_body),
            note("d heading", &[], &[], "kinesis 제목", ""),
            note("c tag", &[], &["service/kinesis"], "", ""),
            note("b alias", &["kinesis"], &[], "", ""),
            note("a title kinesis", &[], &[], "", ""),
            note("0 title kinesis", &[], &[], "", ""),
        ],
        ..Vault::default()
    };
    v.questions = vec![question(
        "k",
        QuestionOrigin::Note(NoteIx(1)),
        12,
        "kinesis 스트림은?",
        &["a", "b"],
    )];
    v.notes[1].questions = vec![QuestionIx(0)];
    v
}

#[test]
fn fields_rank_title_alias_tag_heading_question_body_then_title() {
    let hits = search_with(&ranked_vault(), "kinesis", &[], &[]);
    let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
    assert_eq!(
        fields,
        [
            Field::Title,
            Field::Title,
            Field::Alias,
            Field::Tag,
            Field::Heading,
            Field::Question,
            Field::Body
        ]
    );
    assert_eq!(titles(&hits)[..2], ["0 title kinesis", "a title kinesis"]);
}

#[test]
fn better_match_quality_ranks_first_within_a_field() {
    let v = Vault {
        notes: vec![
            note("a sparse potato tool", &[], &[], "", ""),
            note("z spot", &[], &[], "", ""),
        ],
        ..Vault::default()
    };
    assert_eq!(titles(&search_with(&v, "spot", &[], &[]))[0], "z spot");
}

#[test]
fn scattered_letters_do_not_match() {
    let v = Vault {
        notes: vec![note("sharp optics toolkit", &[], &[], "", "")],
        ..Vault::default()
    };
    assert!(search_with(&v, "spot", &[], &[]).is_empty());
}

#[test]
fn limit_caps_the_hits() {
    let v = vault();
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let ix = SearchIndex::build(&v);
    assert_eq!(ix.search(&Query::parse(""), &ctx, 2).len(), 2);
    assert!(ix.search(&Query::parse("스팟"), &ctx, 0).is_empty());
}

#[test]
fn remembered_scans_give_the_same_hits_as_a_fresh_index() {
    let v = vault();
    let none = HashSet::new();
    let ctx = SearchContext {
        wrong: &none,
        due: &none,
    };
    let warm = SearchIndex::build(&v);
    let typed = [
        "스",
        "스팟",
        "스팟으로",
        "스",
        "운",
        "운영",
        "운영한다",
        "중단",
        "중단되지",
        "task 스",
        "task 스팟",
    ];
    for q in typed {
        let fresh = SearchIndex::build(&v).search(&Query::parse(q), &ctx, 50);
        assert_eq!(warm.search(&Query::parse(q), &ctx, 50), fresh, "{q}");
        assert!(!fresh.is_empty(), "{q}");
    }
}

#[test]
fn short_words_match_only_as_a_run_and_mixed_syllables_exactly() {
    let v = Vault {
        notes: vec![
            note("세이빙스 플랜", &[], &[], "", ""),
            note("사포", &[], &[], "", ""),
        ],
        ..Vault::default()
    };
    assert_eq!(titles(&search_with(&v, "ㅅㅍ", &[], &[])), ["사포"]);
    assert!(search_with(&v, "스ㅍ", &[], &[]).is_empty());
    assert_eq!(titles(&search_with(&v, "사ㅍ", &[], &[])), ["사포"]);
}
