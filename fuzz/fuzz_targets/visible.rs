//! Fuzz target: the control-character filter every output path uses
//! (`munje::text::visible`, `visible_lines`) and the JSON writer's escapes.
//! Nothing a terminal acts on may come out (but line breaks and tabs from
//! `visible_lines`), text without such characters must come out unchanged,
//! and JSON must read back as the text that went in.

#![no_main]

use libfuzzer_sys::fuzz_target;
use munje::text::{is_unsafe_for_terminal, visible, visible_lines};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let one = visible(&text);
    assert!(!one.chars().any(is_unsafe_for_terminal), "{one:?}");
    let lines = visible_lines(&text);
    assert!(
        !lines
            .chars()
            .any(|c| is_unsafe_for_terminal(c) && c != '\n' && c != '\t'),
        "{lines:?}"
    );
    if !text.chars().any(is_unsafe_for_terminal) {
        assert_eq!(one, text);
    }
    let mut json = Vec::new();
    munje::commands::json::to_writer(&mut json, &[text.as_ref()], false).unwrap();
    let json = String::from_utf8(json).unwrap();
    assert!(!json.chars().any(is_unsafe_for_terminal), "{json:?}");
    let back: Vec<String> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, [text.as_ref()]);
});
