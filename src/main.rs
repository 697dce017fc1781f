//! The `munje` binary: parse the command line, run, turn the outcome into
//! an exit status. Everything else is in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = munje::cli::Cli::parse_args();
    let lang = munje::i18n::Lang::detect(cli.global.lang);
    match munje::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}", munje::error_line(&err, lang));
            ExitCode::from(2)
        }
    }
}
