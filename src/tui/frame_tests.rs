//! Update never renders; each frame renders once and reports back what
//! the next keys act on. Flows driven action by action, counting the
//! screen texts built and the notes wrapped on this thread.

use super::action::Action;
use super::app::{App, AppEvent, Layer};
use super::fixture::{self, Drive};
use super::frame::{builds, frames, wraps};
use super::quiz_tests::quiz_app;
use crate::vault::SectionKind;

/// A flow through every screen that builds text: the list, the reader,
/// help, diagnostics, stats, search, a practice quiz to its summary, an
/// exam to its result and its question-by-question review.
const FLOW: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::NextPane,
    Action::PageDown,
    Action::JumpSection(SectionKind::Questions),
    Action::Help,
    Action::PageDown,
    Action::Bottom,
    Action::Back,
    Action::Diagnostics,
    Action::Down,
    Action::Back,
    Action::Stats,
    Action::PageDown,
    Action::Back,
    Action::Search,
    Action::Input('스'),
    Action::Down,
    Action::Back,
    Action::StartQuiz,
    Action::Confirm,
    Action::Down,
    Action::Confirm,
    Action::PageDown,
    Action::Back,
    Action::Bottom,
    Action::Toggle,
    Action::Back,
    Action::Back,
    Action::StartQuiz,
    Action::Up,
    Action::Up,
    Action::Toggle,
    Action::Confirm,
    Action::Pick('A'),
    Action::Review,
    Action::Right,
    Action::Submit,
    Action::Confirm,
    Action::PageDown,
    Action::Review,
    Action::PageDown,
    Action::Bottom,
    Action::Back,
    Action::Back,
];

/// Runs the flow, one frame after each action, and checks what each
/// step built.
fn run_flow(a: &mut App) {
    for &action in FLOW {
        let before = builds();
        a.update(action);
        assert_eq!(builds(), before, "update built screen text for {action:?}");
        let (frames_before, builds_before) = (frames(), builds());
        fixture::frame(a);
        assert_eq!(frames(), frames_before + 1, "after {action:?}");
        assert!(
            builds() - builds_before <= 1,
            "a frame built {} screen texts after {action:?}",
            builds() - builds_before
        );
    }
}

#[test]
fn update_never_builds_a_screen_and_a_frame_builds_each_at_most_once() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut a = quiz_app(w, h);
        let start = builds();
        run_flow(&mut a);
        assert!(builds() > start + 10, "the flow showed text screens");
        assert!(a.layers.is_empty(), "the flow ends on the study screen");
    }
}

#[test]
fn events_never_build_a_screen_either() {
    let mut a = quiz_app(80, 24);
    a.update(Action::Help);
    let before = builds();
    a.handle(AppEvent::Resize(60, 20));
    a.handle(AppEvent::Tick);
    a.handle(AppEvent::Reloaded(Box::new(fixture::vault())));
    assert_eq!(builds(), before);
}

#[test]
fn moving_through_a_note_never_wraps_it_again() {
    let mut a = quiz_app(80, 24);
    a.act(Action::NextPane);
    let wrapped = wraps();
    for action in [
        Action::Down,
        Action::PageDown,
        Action::JumpSection(SectionKind::Concepts),
        Action::NextSection,
        Action::Bottom,
        Action::Top,
        Action::Right,
    ] {
        a.act(action);
    }
    assert_eq!(wraps(), wrapped, "moving rewrapped the note");
    a.feed(AppEvent::Resize(100, 24));
    assert_eq!(wraps(), wrapped + 1, "a new width wraps once");
    a.feed(AppEvent::Resize(100, 30));
    assert_eq!(wraps(), wrapped + 1, "a new height only clamps");
}

#[test]
fn a_scroll_past_the_end_before_any_frame_is_clamped_by_the_first() {
    let mut a = quiz_app(80, 24);
    for action in [
        Action::StartQuiz,
        Action::Up,
        Action::Up,
        Action::Toggle,
        Action::Confirm,
        Action::Submit,
        Action::Confirm,
        Action::Bottom,
    ] {
        a.update(action);
    }
    let scroll = |a: &App| match a.layers.last() {
        Some(Layer::Quiz(q)) => (q.scroll, q.max_scroll),
        _ => panic!("the exam result is on top"),
    };
    // No frame has shown the result yet: the end is not known.
    assert_eq!(scroll(&a).0, usize::MAX);
    let text = super::snapshots::buffer_text(&fixture::frame(&mut a));
    let (at, max) = scroll(&a);
    assert_eq!(at, max, "the frame showed the last page");
    assert!(max < 100, "{max}");
    assert!(text.contains("Enter"), "the last page is drawn:\n{text}");
}

#[test]
fn a_resize_clamps_a_review_scrolled_to_its_end() {
    let mut a = quiz_app(40, 12);
    for action in [
        Action::StartQuiz,
        Action::Up,
        Action::Up,
        Action::Toggle,
        Action::Confirm,
        Action::Submit,
        Action::Confirm,
        Action::Review,
        Action::Bottom,
    ] {
        a.act(action);
    }
    let review = |a: &App| match a.layers.last() {
        Some(Layer::Review(r)) => (r.scroll, r.total, r.height),
        _ => panic!("the review is on top"),
    };
    let (small, ..) = review(&a);
    assert!(small > 0, "the review scrolled at 40×12");
    a.feed(AppEvent::Resize(100, 40));
    let (scroll, total, height) = review(&a);
    assert_eq!(scroll, total.saturating_sub(height), "at the new last page");
    assert!(scroll < small);
}

#[test]
fn help_scrolls_on_from_the_heading_its_first_frame_opened_at() {
    let mut a = quiz_app(80, 24);
    a.act(Action::NextPane);
    a.update(Action::Help);
    let pager = |a: &App| match a.layers.last() {
        Some(Layer::Pager(p)) => (p.scroll, p.start_at.is_some()),
        _ => panic!("help is on top"),
    };
    assert_eq!(pager(&a), (0, true), "no frame has found the heading yet");
    fixture::frame(&mut a);
    let (opened_at, pending) = pager(&a);
    assert!(
        opened_at > 0 && !pending,
        "at the reader's keys: {opened_at}"
    );
    a.act(Action::Down);
    assert_eq!(pager(&a).0, opened_at + 1);
}
