//! The screens: each owns its state type (changed by `App::update`) and a
//! view widget that draws from `&state`.

pub mod links;
pub mod pager;
pub mod reader;
pub mod study;
