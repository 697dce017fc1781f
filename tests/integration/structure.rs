//! The shape of the source tree, checked by reading every file under
//! `src/`: only the command line's own code imports `cli`, no module is
//! declared at a `#[path]` outside a test module, and no two source files
//! import each other.
//!
//! The reader is deliberately small: it strips comments and literals,
//! follows `mod` declarations from `lib.rs` (with their `#[path]`s) to map
//! module paths to files, and resolves every `use` path and every path that
//! starts with `crate::`, `super::` or `self::` to the file that defines it,
//! following re-exports (`pub use`) through facades such as `mod.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// Known exceptions: none today. An entry needs a reason beside it, and
// the lists only shrink: an entry whose problem is gone fails the test
// until it is deleted, so a fixed problem cannot quietly come back.

/// Pairs of files that still import each other (relative to `src/`, the
/// pair in sorted order).
const KNOWN_CYCLES: &[(&str, &str)] = &[];

/// Files outside the command line's own code that still import `cli`
/// (relative to `src/`).
const KNOWN_CLI_IMPORTS: &[&str] = &[];

/// Files that still declare a module at a `#[path]` outside a test module
/// (relative to `src/`).
const KNOWN_PATH_ATTRIBUTES: &[&str] = &[];

#[test]
fn the_reader_reaches_every_source_file() {
    let tree = Tree::read();
    let reached: BTreeSet<&str> = tree.modules.values().map(|m| m.file.as_str()).collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missed = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = normalise(path.strip_prefix(&src).unwrap());
                // The binary's root: it names the library as `munje::`.
                if rel != "main.rs" && !reached.contains(rel.as_str()) {
                    missed.push(rel);
                }
            }
        }
    }
    assert!(
        missed.is_empty(),
        "files the module reader never reached: {missed:?}"
    );
}

#[test]
fn only_the_command_line_imports_cli() {
    let tree = Tree::read();
    let offenders: BTreeSet<String> = tree
        .edges()
        .filter(|e| e.target_module.first().map(String::as_str) == Some("cli"))
        .map(|e| e.from.clone())
        .filter(|f| !is_command_line(f))
        .collect();
    check_against(
        "files outside commands/, cli*.rs, cli/, main.rs and lib.rs that import cli",
        &offenders,
        KNOWN_CLI_IMPORTS.iter().map(|s| (*s).to_owned()).collect(),
    );
}

#[test]
fn no_path_attribute_outside_test_modules() {
    let tree = Tree::read();
    let offenders: BTreeSet<String> = tree
        .path_declarations
        .iter()
        .filter(|d| !d.in_test)
        .map(|d| d.file.clone())
        .collect();
    check_against(
        "files declaring a module at a #[path] outside a test module",
        &offenders,
        KNOWN_PATH_ATTRIBUTES
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
    );
}

#[test]
fn no_two_files_import_each_other() {
    // A file and the file of a module it declares are one unit: the child
    // is part of its parent (`store/attempts.rs` holds `impl Store` and
    // `store/mod.rs` re-exports what it defines), so only siblings and
    // strangers importing each other are a cycle. Test code may reach
    // anything it tests, so only the code that is built counts.
    let tree = Tree::read();
    let mut edges: BTreeMap<(String, String), String> = BTreeMap::new();
    for e in tree.edges().filter(|e| !e.in_test) {
        if let Some(to) = tree.file_of(&e.target_module)
            && to != e.from
        {
            edges
                .entry((e.from.clone(), to))
                .or_insert_with(|| e.written.clone());
        }
    }
    let mut cycles = BTreeSet::new();
    let mut shown = Vec::new();
    for ((a, b), written) in &edges {
        if a < b
            && !tree.is_parent_of(a, b)
            && !tree.is_parent_of(b, a)
            && let Some(back) = edges.get(&(b.clone(), a.clone()))
        {
            cycles.insert(format!("{a} <-> {b}"));
            shown.push(format!("{a} <-> {b} ({a}: {written}; {b}: {back})"));
        }
    }
    let known = KNOWN_CYCLES
        .iter()
        .map(|(a, b)| format!("{a} <-> {b}"))
        .collect();
    if cycles != known {
        eprintln!("every cycle, with one import each way:");
        for line in &shown {
            eprintln!("  {line}");
        }
    }
    check_against("pairs of files that import each other", &cycles, known);
}

/// The reader itself: a test of the structure tests must be able to fail.
#[test]
fn the_reader_sees_a_cycle_a_cli_import_and_a_path() {
    let tree = Tree::from_sources(&[
        (
            "lib.rs",
            "pub mod cli;\npub mod a;\nmod b;\n#[path = \"c_impl.rs\"]\nmod c;\n",
        ),
        ("cli.rs", "pub struct Flag;"),
        (
            "a.rs",
            "// use crate::b::Nothing; in a comment\nuse crate::b::B;\npub struct A;\n",
        ),
        (
            "b.rs",
            "use super::{a::A as Alias, cli::Flag};\nlet s = \"crate::c\";\n",
        ),
        ("c_impl.rs", "fn f() { crate::a::A; }"),
    ]);
    let edges: BTreeSet<(String, Vec<String>)> = tree
        .edges()
        .map(|e| (e.from.clone(), e.target_module.clone()))
        .collect();
    let edge = |from: &str, to: &str| (from.to_owned(), vec![to.to_owned()]);
    let expected: BTreeSet<_> = [
        edge("a.rs", "b"),
        edge("b.rs", "a"),
        edge("b.rs", "cli"),
        edge("c_impl.rs", "a"),
    ]
    .into_iter()
    .collect();
    assert_eq!(edges, expected);
    assert_eq!(tree.path_declarations.len(), 1);
    assert!(!tree.path_declarations[0].in_test);
}

/// Re-exports lead to the file that defines the item, and code in a test
/// module is marked as such.
#[test]
fn the_reader_follows_re_exports_and_marks_test_code() {
    let tree = Tree::from_sources(&[
        ("lib.rs", "mod m;\nmod n;\n"),
        ("m/mod.rs", "mod inner;\npub use inner::Thing;\n"),
        (
            "m/inner.rs",
            "pub struct Thing;\n#[cfg(test)]\nmod tests {\n    use crate::n::helper;\n}\n",
        ),
        ("n.rs", "use crate::m::Thing;\npub fn helper() {}\n"),
    ]);
    let edges: BTreeSet<(String, String, bool)> = tree
        .edges()
        .filter_map(|e| Some((e.from.clone(), tree.file_of(&e.target_module)?, e.in_test)))
        .collect();
    let edge = |from: &str, to: &str, test: bool| (from.to_owned(), to.to_owned(), test);
    let expected: BTreeSet<_> = [
        edge("m/mod.rs", "m/inner.rs", false),
        edge("n.rs", "m/inner.rs", false),
        edge("m/inner.rs", "n.rs", true),
    ]
    .into_iter()
    .collect();
    assert_eq!(edges, expected);
    assert!(tree.is_parent_of("m/mod.rs", "m/inner.rs"));
}

/// Fails listing what is new and what is known but gone.
fn check_against(what: &str, found: &BTreeSet<String>, known: BTreeSet<String>) {
    let new: Vec<&String> = found.difference(&known).collect();
    let gone: Vec<&String> = known.difference(found).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "{what}:\n  new: {new:#?}\n  known but no longer found (remove from the list): {gone:#?}"
    );
}

/// `commands/`, `cli*.rs` and the `cli` module's own files, `main.rs` and
/// `lib.rs`: the code that may know the command line.
fn is_command_line(file: &str) -> bool {
    file.starts_with("commands/")
        || file.starts_with("cli/")
        || (file.starts_with("cli") && !file.contains('/'))
        || file == "main.rs"
        || file == "lib.rs"
}

/// One module: where its code is, what it declares and what it names.
#[derive(Debug, Default)]
struct Module {
    /// The file, relative to `src/`.
    file: String,
    /// Child modules declared in it (inline or in files).
    children: BTreeSet<String>,
    /// Names brought in by `use`, to the path they stand for.
    imports: BTreeMap<String, Vec<String>>,
    /// Every path it names that may lead into the crate.
    paths: Vec<Vec<String>>,
    /// Whether it is test code (`#[cfg(test)]`, or inside such a module).
    in_test: bool,
}

/// A `mod` declared at a `#[path]`.
#[derive(Debug)]
struct PathDeclaration {
    file: String,
    in_test: bool,
}

/// A file being read: where it is and where its child modules are.
struct FileAt {
    file: String,
    /// Its folder, where a `#[path]` starts.
    dir: PathBuf,
    /// Where `mod x;` looks without a `#[path]`: beside `mod.rs` and
    /// `lib.rs`, in a folder named after the file otherwise.
    child_dir: PathBuf,
    /// How deep its module is, to tell inline modules' folders.
    depth: usize,
}

impl FileAt {
    fn new(file: &str, module: &[String]) -> FileAt {
        let path = Path::new(file);
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let owns_dir = file.ends_with("mod.rs") || file == "lib.rs";
        let child_dir = if owns_dir {
            dir.clone()
        } else {
            dir.join(path.file_stem().unwrap_or_default())
        };
        FileAt {
            file: file.to_owned(),
            dir,
            child_dir,
            depth: module.len(),
        }
    }
}

/// One file naming another module.
struct Edge {
    from: String,
    /// Named by test code.
    in_test: bool,
    target_module: Vec<String>,
    written: String,
}

/// Every module of the library, by module path (`[]` is the crate root).
#[derive(Debug, Default)]
struct Tree {
    modules: BTreeMap<Vec<String>, Module>,
    path_declarations: Vec<PathDeclaration>,
    /// Each file to the file that declares its module.
    parents: BTreeMap<String, String>,
    /// Where file contents come from: the real `src/`, or a test's table.
    sources: BTreeMap<String, String>,
    from_disk: Option<PathBuf>,
}

impl Tree {
    /// The library under `src/`, from `lib.rs` down.
    fn read() -> Tree {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut tree = Tree {
            from_disk: Some(src),
            ..Tree::default()
        };
        tree.load(&[], "lib.rs", false);
        tree
    }

    /// Test use: a crate from `(file, text)` pairs, `lib.rs` its root.
    fn from_sources(files: &[(&str, &str)]) -> Tree {
        let mut tree = Tree {
            sources: files
                .iter()
                .map(|(f, t)| ((*f).to_owned(), (*t).to_owned()))
                .collect(),
            ..Tree::default()
        };
        tree.load(&[], "lib.rs", false);
        tree
    }

    fn text_of(&self, file: &str) -> Option<String> {
        match &self.from_disk {
            Some(src) => std::fs::read_to_string(src.join(file)).ok(),
            None => self.sources.get(file).cloned(),
        }
    }

    /// Reads the file of module `module` and every file it declares.
    fn load(&mut self, module: &[String], file: &str, in_test: bool) {
        let Some(text) = self.text_of(file) else {
            return;
        };
        let code = strip(&text);
        let at = FileAt::new(file, module);
        let entry = self.modules.entry(module.to_vec()).or_default();
        file.clone_into(&mut entry.file);
        entry.in_test = in_test;

        // Inline modules open a scope: (brace depth inside, path, in test).
        let mut scopes: Vec<(usize, Vec<String>, bool)> = vec![(0, module.to_vec(), in_test)];
        let mut depth = 0usize;
        let mut pending_inline: Option<(Vec<String>, bool)> = None;
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c == b'{' {
                depth += 1;
                if let Some((path, test)) = pending_inline.take() {
                    scopes.push((depth, path, test));
                }
                i += 1;
                continue;
            }
            if c == b'}' {
                if scopes.last().is_some_and(|s| s.0 == depth) && scopes.len() > 1 {
                    scopes.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
                continue;
            }
            if !is_ident_start(c) || (i > 0 && is_ident_char(bytes[i - 1])) {
                i += 1;
                continue;
            }
            let word_end = ident_end(bytes, i);
            let (_, scope, scope_test) = scopes.last().cloned().unwrap_or_default();
            match &code[i..word_end] {
                "mod" => {
                    let in_test = scope_test
                        || attributes_before(&code, &text, i)
                            .iter()
                            .any(|a| a.contains("cfg(test)"));
                    let (next, inline) =
                        self.declare(&at, &code, &text, (i, word_end), &scope, in_test);
                    pending_inline = inline.map(|path| (path, in_test));
                    i = next;
                }
                "use" => {
                    let end = code[word_end..]
                        .find(';')
                        .map_or(code.len(), |e| word_end + e);
                    let tree_text = tidy_use(&code[word_end..end]);
                    let entry = self.modules.entry(scope).or_default();
                    for (name, path) in expand_use(&tree_text) {
                        if name != "*" && name != "_" {
                            entry.imports.insert(name, path.clone());
                        }
                        entry.paths.push(path);
                    }
                    i = end;
                }
                "crate" | "super" | "self" if bytes.get(word_end..word_end + 2) == Some(b"::") => {
                    let mut end = word_end;
                    while bytes.get(end..end + 2) == Some(b"::")
                        && bytes.get(end + 2).is_some_and(|&b| is_ident_start(b))
                    {
                        end = ident_end(bytes, end + 2);
                    }
                    let path = code[i..end].split("::").map(str::to_owned).collect();
                    self.modules.entry(scope).or_default().paths.push(path);
                    i = end;
                }
                _ => i = word_end,
            }
        }
    }

    /// A `mod` declaration at `keyword` (its byte range) in module
    /// `scope`: a file is loaded now; an inline module's path is returned
    /// to open at the next `{`. Returns where to read on.
    fn declare(
        &mut self,
        at: &FileAt,
        code: &str,
        text: &str,
        keyword: (usize, usize),
        scope: &[String],
        in_test: bool,
    ) -> (usize, Option<Vec<String>>) {
        let bytes = code.as_bytes();
        let name_start = skip_space(bytes, keyword.1);
        let name_end = ident_end(bytes, name_start);
        let name = code[name_start..name_end].to_owned();
        let after = skip_space(bytes, name_end);
        let mut child = scope.to_vec();
        child.push(name.clone());
        self.modules
            .entry(scope.to_vec())
            .or_default()
            .children
            .insert(name.clone());
        if bytes.get(after) != Some(&b';') {
            let entry = self.modules.entry(child.clone()).or_default();
            at.file.clone_into(&mut entry.file);
            entry.in_test = in_test;
            return (after, Some(child));
        }
        let attrs = attributes_before(code, text, keyword.0);
        let child_file = if let Some(p) = attrs.iter().find_map(|a| path_attribute(a)) {
            self.path_declarations.push(PathDeclaration {
                file: at.file.clone(),
                in_test,
            });
            normalise(&at.dir.join(p))
        } else {
            let mut d = at.child_dir.clone();
            d.extend(&scope[at.depth..]);
            let flat = normalise(&d.join(format!("{name}.rs")));
            if self.text_of(&flat).is_some() {
                flat
            } else {
                normalise(&d.join(&name).join("mod.rs"))
            }
        };
        self.parents.insert(child_file.clone(), at.file.clone());
        self.load(&child, &child_file, in_test);
        (after + 1, None)
    }

    /// Every path every module names, resolved to the module it reaches.
    fn edges(&self) -> impl Iterator<Item = Edge> + '_ {
        self.modules.iter().flat_map(move |(at, module)| {
            module.paths.iter().filter_map(move |path| {
                let target = self.resolve(at, path, 0)?;
                Some(Edge {
                    from: module.file.clone(),
                    in_test: module.in_test,
                    target_module: target,
                    written: path.join("::"),
                })
            })
        })
    }

    /// The module `path`, named in module `at`, leads to, or `None` when
    /// it leads out of the crate.
    fn resolve(&self, at: &[String], path: &[String], hops: usize) -> Option<Vec<String>> {
        if hops > 16 {
            return None;
        }
        let (first, rest) = path.split_first()?;
        let mut here: Vec<String> = match first.as_str() {
            "crate" => Vec::new(),
            "self" => at.to_vec(),
            "super" => at[..at.len().checked_sub(1)?].to_vec(),
            name => {
                let module = self.modules.get(at)?;
                if module.children.contains(name) {
                    let mut p = at.to_vec();
                    p.push(name.to_owned());
                    p
                } else if let Some(target) = module.imports.get(name)
                    && target.as_slice() != path
                {
                    let mut full = target.clone();
                    full.extend_from_slice(rest);
                    return self.resolve(at, &full, hops + 1);
                } else {
                    return None;
                }
            }
        };
        let mut rest = rest;
        while let Some((seg, more)) = rest.split_first() {
            if seg == "super" {
                here.pop();
            } else if seg == "self" {
            } else {
                let module = self.modules.get(&here)?;
                if module.children.contains(seg) {
                    here.push(seg.clone());
                } else if let Some(target) = module.imports.get(seg) {
                    let mut full = target.clone();
                    full.extend_from_slice(more);
                    return self.resolve(&here, &full, hops + 1).or(Some(here));
                } else {
                    break;
                }
            }
            rest = more;
        }
        Some(here)
    }

    /// Whether `parent` declares the module of `child`.
    fn is_parent_of(&self, parent: &str, child: &str) -> bool {
        self.parents.get(child).is_some_and(|p| p == parent)
    }

    /// The file (relative to `src/`) that holds module `module`.
    fn file_of(&self, module: &[String]) -> Option<String> {
        self.modules.get(module).map(|m| m.file.clone())
    }
}

/// `a/./b/../c.rs` as `a/c.rs`, with `/` separators.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// A use tree with no whitespace except one space on each side of `as`.
fn tidy_use(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    // Words of a use tree are separated by `::`, `{`, `,` or `as`, never
    // by a space alone, so joining them loses nothing.
    for word in words {
        if word == "as" {
            out.push_str(" as ");
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Expands a use tree (tidied by [`tidy_use`], no `use` and `;`) into the
/// names it binds and the paths they stand for.
fn expand_use(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    expand_into(&[], text, &mut out);
    out
}

fn expand_into(prefix: &[String], text: &str, out: &mut Vec<(String, Vec<String>)>) {
    let text = text.trim_start_matches("::");
    if text.is_empty() {
        return;
    }
    if let Some(open) = text.find('{') {
        let mut head: Vec<String> = prefix.to_vec();
        head.extend(
            text[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        let inner = text[open + 1..]
            .strip_suffix('}')
            .unwrap_or(&text[open + 1..]);
        for part in split_top_level(inner) {
            if part == "self" {
                if let Some(last) = head.last() {
                    out.push((last.clone(), head.clone()));
                }
            } else {
                expand_into(&head, part, out);
            }
        }
        return;
    }
    let (path_text, alias) = match text.split_once(" as ") {
        Some((p, a)) => (p, Some(a)),
        None => (text, None),
    };
    let mut path: Vec<String> = prefix.to_vec();
    path.extend(path_text.split("::").map(str::to_owned));
    let name = alias.map_or_else(|| path.last().cloned().unwrap_or_default(), str::to_owned);
    if path.last().map(String::as_str) == Some("*") {
        path.pop();
        out.push(("*".to_owned(), path));
    } else {
        out.push((name, path));
    }
}

/// `a, b::{c, d}, e` split at the commas outside braces.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// The attributes (`#[...]`, original text) just before byte `at`,
/// skipping a visibility such as `pub` or `pub(crate)`.
fn attributes_before(code: &str, original: &str, at: usize) -> Vec<String> {
    let mut attrs = Vec::new();
    let mut end = code[..at].trim_end().len();
    // A visibility before `mod`.
    let before = &code[..end];
    if let Some(stripped) = before.strip_suffix(')')
        && let Some(open) = stripped.rfind("pub(")
    {
        end = code[..open].trim_end().len();
    } else if before.ends_with("pub") {
        end = code[..end - 3].trim_end().len();
    }
    while code[..end].ends_with(']') {
        let Some(open) = code[..end].rfind("#[") else {
            break;
        };
        attrs.push(original[open..end].to_owned());
        end = code[..open].trim_end().len();
    }
    attrs
}

/// `"x.rs"` from `#[path = "x.rs"]`.
fn path_attribute(attr: &str) -> Option<String> {
    let inner = attr.strip_prefix("#[")?.trim_start();
    let rest = inner.strip_prefix("path")?.trim_start().strip_prefix('=')?;
    let start = rest.find('"')? + 1;
    let len = rest[start..].find('"')?;
    Some(rest[start..start + len].to_owned())
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn ident_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while bytes.get(end).is_some_and(|&b| is_ident_char(b)) {
        end += 1;
    }
    end
}

fn skip_space(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The code with comments and the insides of string and char literals
/// blanked, byte for byte, so offsets still match the original text.
fn strip(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            let end = memchr_from(bytes, i, b'\n');
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0usize, i);
            while j < bytes.len() {
                if bytes[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if bytes[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if (rest.starts_with(b"r\"") || rest.starts_with(b"r#") || rest.starts_with(b"br"))
            && (i == 0 || !is_ident_char(bytes[i - 1]))
        {
            let start = i + usize::from(rest[0] == b'b') + 1;
            let hashes = bytes[start..].iter().take_while(|&&b| b == b'#').count();
            if bytes.get(start + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let body = start + hashes + 1;
            let closing: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let end = (body..bytes.len())
                .find(|&j| bytes[j..].starts_with(&closing))
                .unwrap_or(bytes.len());
            blank(&mut out, body, end);
            i = end + closing.len();
        } else if rest[0] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i + 1, j.min(bytes.len()));
            i = j + 1;
        } else if rest[0] == b'\'' {
            // A char literal ('x', '\n', '한') or a lifetime ('a).
            let close = if rest.get(1) == Some(&b'\\') {
                (i + 2..bytes.len()).find(|&j| bytes[j] == b'\'')
            } else {
                let ch_len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (bytes.get(i + 1 + ch_len) == Some(&b'\'')).then_some(i + 1 + ch_len)
            };
            match close {
                Some(end) => {
                    blank(&mut out, i + 1, end);
                    i = end + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn memchr_from(bytes: &[u8], from: usize, needle: u8) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map_or(bytes.len(), |p| from + p)
}
