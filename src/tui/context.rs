//! The screen contexts keys are read in: each has its own bindings in the
//! table, and a title in help. Owns which contexts exist and which one is
//! a text field; not which keys they bind (`bindings` does).

use crate::i18n::Lang;

/// Where keys are being read: each has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Bindings every non-text context shares.
    Global,
    /// The note list of the study screen.
    NoteList,
    /// The note reader.
    Reader,
    /// A pop-up list (links, start dialog fields).
    Picker,
    /// The search field (a text field).
    Search,
    /// A practice question waiting for an answer.
    Question,
    /// The feedback after an answer.
    Feedback,
    /// An exam question.
    Exam,
    /// The exam review grid and the result screen.
    ExamReview,
    /// The exam's "submit or leave?" dialog.
    ExamSubmit,
    /// The exam result.
    ExamResult,
    /// Reviewing an exam question by question.
    ExamAnswers,
    /// The statistics screen.
    Stats,
    /// Help and diagnostics: scrolled text.
    Pager,
    /// The end of a quiz: the summary or the exam result.
    Summary,
    /// A question of the practice summary shown again with its
    /// explanations.
    Revisit,
}

impl Context {
    /// Every context, for help and tests.
    pub const ALL: [Context; 16] = [
        Context::Global,
        Context::NoteList,
        Context::Reader,
        Context::Picker,
        Context::Search,
        Context::Question,
        Context::Feedback,
        Context::Exam,
        Context::ExamReview,
        Context::ExamSubmit,
        Context::ExamResult,
        Context::ExamAnswers,
        Context::Stats,
        Context::Pager,
        Context::Summary,
        Context::Revisit,
    ];

    /// True in a text field: printable keys type, jamo stay jamo, and the
    /// global bindings are off.
    pub fn is_text_field(self) -> bool {
        self == Context::Search
    }

    /// The section title of this context in help.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("어디서나", "Everywhere"),
            Context::NoteList => lang.pick("노트 목록", "Note list"),
            Context::Reader => lang.pick("노트 보기", "Reader"),
            Context::Picker => lang.pick("선택 창", "Pickers"),
            Context::Search => lang.pick("검색", "Search"),
            Context::Question => lang.pick("문제", "Question"),
            Context::Feedback => lang.pick("채점 결과", "Feedback"),
            Context::Exam => lang.pick("모의고사", "Exam"),
            Context::ExamReview => lang.pick("모의고사 검토", "Exam review"),
            Context::ExamSubmit => lang.pick("모의고사 제출", "Exam submission"),
            Context::ExamResult => lang.pick("모의고사 결과", "Exam result"),
            Context::ExamAnswers => lang.pick("문제별 검토", "Question review"),
            Context::Stats => lang.pick("통계", "Stats"),
            Context::Pager => lang.pick("도움말·진단", "Help and diagnostics"),
            Context::Summary => lang.pick("퀴즈 결과", "Quiz summary"),
            Context::Revisit => lang.pick("결과에서 다시 보는 문제", "A question from the summary"),
        }
    }
}
