//! The arguments of `munje search` put in order before clap reads them:
//! options first, then the query words, so a word such as `-#service/emr`
//! is a query word wherever it stands. Knows only clap's own definition of
//! the commands.

use clap::CommandFactory;

use super::Cli;

/// Reorders the arguments of `munje search` so that clap reads every
/// query word as one: options (and their values) first, then `--`, then
/// the query words in the order typed. A word counts as an option only
/// when the command knows it (`--limit`, `--json`, `--notes`, `-h`, …,
/// also as `--limit=5`), so `munje search 스팟 -#service/emr --limit 5`
/// excludes the tag and still limits the hits. Everything after a `--`
/// typed by the user is a query word too. Other commands are left as
/// they are.
pub fn query_words_last<I>(args: I) -> Vec<std::ffi::OsString>
where
    I: IntoIterator,
    I::Item: Into<std::ffi::OsString>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let mut cmd = Cli::command();
    cmd.build();
    // Options and whether each takes a value, by how they are written.
    let options = |c: &clap::Command| -> Vec<(String, bool)> {
        c.get_arguments()
            .filter(|a| !a.is_positional())
            .flat_map(|a| {
                let takes = a.get_action().takes_values();
                let long = a.get_long().map(|l| (format!("--{l}"), takes));
                let short = a.get_short().map(|s| (format!("-{s}"), takes));
                long.into_iter().chain(short)
            })
            .collect()
    };
    let top = options(&cmd);
    // The subcommand is the first word that is neither an option nor an
    // option's value.
    let mut i = 1;
    while let Some(word) = args.get(i).and_then(|a| a.to_str()) {
        match top.iter().find(|(name, _)| name == word) {
            Some((_, takes)) => i += if *takes { 2 } else { 1 },
            None if word.starts_with("--") && word.contains('=') => i += 1,
            None => break,
        }
    }
    let Some(search) = (args.get(i).and_then(|a| a.to_str()) == Some("search"))
        .then(|| cmd.find_subcommand("search"))
        .flatten()
    else {
        return args;
    };
    let known = options(search);
    let (mut flags, mut words) = (Vec::new(), Vec::new());
    let mut rest = args[i + 1..].iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_str().unwrap_or_default();
        if text == "--" {
            words.extend(rest.by_ref().cloned());
            break;
        }
        let name = text.split_once('=').map_or(text, |(n, _)| n);
        match known.iter().find(|(n, _)| n == name) {
            Some((_, takes)) => {
                flags.push(arg.clone());
                if *takes && name == text {
                    flags.extend(rest.next().cloned());
                }
            }
            None => words.push(arg.clone()),
        }
    }
    let mut out = args[..=i].to_vec();
    out.extend(flags);
    if !words.is_empty() {
        out.push("--".into());
        out.extend(words);
    }
    out
}
