//! The `akkoord` command: files in, rendered answers and an exit code out. A thin shell: the
//! library decides, `cli::run` picks the rendering.

mod cli;

use std::process::ExitCode;

use akkoord::i18n;
use akkoord::terminal;
use clap::FromArgMatches;

use cli::{Cli, Format, localize};

/// Stack for the worker thread (see `limits::STACK_BYTES`).
const STACK_BYTES: usize = akkoord::limits::STACK_BYTES;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || work(&args));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            terminal::eprint(&akkoord::tr!(
                "fout: akkoord stopte onverwacht; meld dit alstublieft met de invoer die het veroorzaakte\n",
                "error: akkoord stopped unexpectedly; please report this with the input that caused it\n"
            ));
            ExitCode::from(70)
        }
    }
}

fn work(args: &[String]) -> u8 {
    let (lang, format) = localize::pre_scan(args);
    i18n::set_lang(lang);
    let matches = match localize::command(lang).try_get_matches_from(args) {
        Ok(m) => m,
        Err(err) => return clap_error(&err, format),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return clap_error(&err, format),
    };
    // `--taal` as clap read it; without it, `AKKOORD_TAAL` or Dutch, as the pre-scan found.
    if let Some(lang) = cli.lang {
        i18n::set_lang(lang);
    }
    let outcome = cli::run::run(&cli);
    // A reader that went away or a full disk ends the output; the exit code stays the command's.
    let _ = terminal::print(&outcome.stdout);
    if let Some(stream) = outcome.stream {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let _ = stream(&mut out).and_then(|()| std::io::Write::flush(&mut out));
    }
    if !outcome.stderr.is_empty() {
        terminal::eprint(&outcome.stderr);
    }
    outcome.code
}

/// Help and version go to standard output (exit 0); an argument error is told in our words
/// (as JSON with `--format json`) with exit 2.
fn clap_error(err: &clap::Error, format: Format) -> u8 {
    match localize::clap_problem(err) {
        None => {
            let _ = terminal::print(&err.render().to_string());
            0
        }
        Some(problem) => {
            let sources = akkoord::span::Sources::new();
            let problems = [problem];
            terminal::eprint(&match format {
                Format::Json => cli::run::json_text(&akkoord::error::json(&problems, &sources)),
                Format::Text => akkoord::error::render(&problems[0], &sources),
            });
            2
        }
    }
}
