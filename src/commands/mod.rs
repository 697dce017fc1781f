//! The subcommands: each turns parsed arguments into output and an exit
//! status, using the library's core modules. Terminal-free except for the
//! full-screen app, which lives in `tui`.

mod app;
mod check;
mod config;
mod exams;
mod explain;
mod export;
mod follow;
pub mod json;
mod progress;
mod quiz;
mod recovery;
mod search;
mod source;
mod stats;
mod store_read;
mod tags;
mod write_out;
mod wrong;

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, Command};

pub use follow::follow_message;
pub use search::find_in_folders;
pub use source::open_vault;

/// Runs the command the user asked for.
pub fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = &cli.global;
    match &cli.command {
        None => app::run(global, None),
        Some(Command::Check(args)) => check::run(global, args),
        Some(Command::Export) => export::run(global),
        Some(Command::Tags) => tags::run(global),
        Some(Command::Search(args)) => search::run(global, args),
        Some(Command::Quiz(args)) => quiz::run(global, args),
        Some(Command::Stats(args)) => stats::run(global, args),
        Some(Command::Wrong(args)) => wrong::run(global, args),
        Some(Command::Progress(cmd)) => progress::run(global, cmd),
        Some(Command::Exams(args)) => exams::run(global, args),
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            clap_complete::generate(*shell, &mut cmd, "munje", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
