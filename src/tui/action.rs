//! What the user asked for, independent of the key that asked: the one
//! vocabulary between the keymap and `App::update`.
//!
//! Screens match on `Action`, never on key codes; the keymap owns which key
//! means what.

use crate::vault::SectionKind;

/// One user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave munje (from the top level; elsewhere `q` is `Back`).
    Quit,
    /// Leave munje from anywhere (Ctrl-C).
    ForceQuit,
    /// Go back one level; never quits.
    Back,
    /// Open the help screen.
    Help,
    /// Open the search screen.
    Search,
    /// Open the statistics screen.
    Stats,
    /// Open the diagnostics panel.
    Diagnostics,
    /// Move the selection or scroll up one row.
    Up,
    /// Move the selection or scroll down one row.
    Down,
    /// Scroll left, or collapse a tree node.
    Left,
    /// Scroll right, or expand a tree node.
    Right,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Move focus to the next pane.
    NextPane,
    /// Open, confirm or answer the highlighted item.
    Confirm,
    /// Toggle the highlighted item (a tree node, a multi-answer option).
    Toggle,
    /// Switch the note list between the tag tree and a flat list.
    ToggleListView,
    /// Filter the note list by the highlighted tag (again to clear).
    FilterTag,
    /// Jump to a kind of section in the open note.
    JumpSection(SectionKind),
    /// Jump to the next section heading.
    NextSection,
    /// Jump to the previous section heading.
    PrevSection,
    /// Follow a wikilink or backlink of the open note.
    Links,
    /// Start a quiz (on the open note's questions, or the start dialog).
    StartQuiz,
    /// Show or hide the answers and explanations in the reader.
    ToggleSpoilers,
    /// Open the note or question in `$VISUAL`/`$EDITOR` at its line.
    Edit,
    /// Answer or toggle the option with this letter (`A`–`J`).
    Pick(char),
    /// Open the current question's note at its section.
    OpenNote,
    /// Flag the current exam question for review.
    Flag,
    /// Show the exam review grid.
    Review,
    /// Submit the exam.
    Submit,
    /// Previous question (exam).
    PrevQuestion,
    /// Next question (exam).
    NextQuestion,
    /// Start today's review: every question due today.
    ReviewDue,
    /// Practice feedback: mark the answer as a guess (or not).
    Guessed,
    /// Practice feedback: take the answer back.
    Undo,
    /// Retry the wrong-answer notebook.
    Retry,
    /// Stats: fit the FSRS parameters to the learner's own reviews.
    Optimize,
    /// Leave an exam without submitting it (not scored).
    Abandon,
    /// Open the exam history.
    ExamHistory,
    /// Show the next review filter (all, wrong, flagged, unanswered).
    NextFilter,
    /// Switch between the dark and light theme.
    ToggleTheme,
    /// Type a character into a text field.
    Input(char),
    /// Delete the character before the cursor in a text field.
    DeleteBack,
    /// Clear a text field.
    ClearInput,
}
