//! The screens: each owns its state type (changed by `App::update`) and a
//! view widget that draws from `&state`.

pub mod exams;
pub mod links;
pub mod pager;
pub mod quiz;
mod quiz_answer;
pub mod quiz_result;
pub mod quiz_start;
pub mod quiz_text;
pub mod quiz_view;
pub mod reader;
pub mod review;
pub mod search;
pub mod stats;
pub mod study;
