//! `akkoord fmt`: the command line around [`akkoord::format`].

use std::io::Read as _;
use std::path::PathBuf;

use akkoord::error::Problem;
use akkoord::format::{self, Input, Mode};
use akkoord::i18n::Lang;
use akkoord::limits::MAX_FILE_BYTES;
use akkoord::span::Sources;
use akkoord::{report, tr};
use clap::Args;

use super::run::{Outcome, json_text};
use super::{Cli, Format};

/// The options of `akkoord fmt`.
#[derive(Args, Debug)]
pub struct FmtArgs {
    /// Bestanden of mappen (een map: elk `.akk`-bestand erin en in de mappen daarin); `-` leest standaardinvoer en schrijft naar standaarduitvoer. Standaard de map met regels.
    #[arg(value_name = "PAD")]
    pub paths: Vec<PathBuf>,
    /// Verander niets: noem elk bestand dat niet geformatteerd is, met wat er zou veranderen; code 1 als er een is.
    #[arg(long = "controleer", visible_alias = "check")]
    pub check: bool,
    /// Schrijf het geformatteerde bestand naar standaarduitvoer in plaats van erover (één bestand).
    #[arg(long)]
    pub stdout: bool,
    /// Sleutelwoorden in het Nederlands (nl) of Engels (en); standaard de taal waarin elk bestand grotendeels staat.
    #[arg(long = "sleutelwoorden", visible_alias = "keywords", value_name = "TAAL", value_parser = super::parse_lang)]
    pub keywords: Option<Lang>,
    /// Map met de regelbestanden (`*.akk`), als er geen pad gegeven is.
    #[arg(long, default_value = "rules", value_name = "MAP")]
    pub rules: PathBuf,
}

/// Formats what the arguments name; exit 1 under `--controleer` when a file is not formatted,
/// 2 when a file or an argument has a problem (the other files are formatted all the same).
pub fn run(cli: &Cli, args: &FmtArgs) -> Outcome {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let to_stdout = (args.stdout || stdin) && !args.check;
    if let Some(problem) = refusal(cli, args, stdin, to_stdout) {
        return failure(cli, &[problem], &Sources::new());
    }
    let inputs = match inputs(args, stdin) {
        Ok(inputs) => inputs,
        Err(problem) => return failure(cli, &[problem], &Sources::new()),
    };
    let mode = match (args.check, to_stdout) {
        (true, _) => Mode::Check,
        (false, true) => Mode::Print,
        (false, false) => Mode::Write,
    };
    let run = format::format_inputs(&inputs, mode, args.keywords);
    rendered(cli, &run, mode)
}

/// What happened, as the format asks: the formatted texts or the answer on standard output,
/// the problems on standard error.
fn rendered(cli: &Cli, run: &format::Run, mode: Mode) -> Outcome {
    let stdout = match (mode, cli.format) {
        (Mode::Print, _) => run.texts.concat(),
        (_, Format::Json) => json_text(&run.answer),
        (_, Format::Text) => report::format_text(&run.answer),
    };
    let stderr = match (run.problems.is_empty(), cli.format) {
        (true, _) => String::new(),
        (false, Format::Json) => json_text(&akkoord::error::json(&run.problems, &run.sources)),
        (false, Format::Text) => {
            render_each(&run.problems, &run.sources) + &report::format_failed_text(&run.answer)
        }
    };
    let code = match (run.problems.is_empty(), mode) {
        (false, _) => 2,
        (true, Mode::Check) => u8::from(run.answer.changed > 0),
        (true, _) => 0,
    };
    Outcome {
        stdout,
        stderr,
        code,
        stream: None,
    }
}

/// The combinations of options `fmt` cannot honour.
fn refusal(cli: &Cli, args: &FmtArgs, stdin: bool, to_stdout: bool) -> Option<Problem> {
    let argument = |message: String, help: String| Problem::Argument {
        message,
        help: Some(help),
    };
    if args.stdout && args.check {
        return Some(argument(
            tr!(
                "`--stdout` gaat niet samen met `--controleer`",
                "`--stdout` conflicts with `--check`"
            ),
            tr!(
                "`--controleer` schrijft niets; laat een van beide weg",
                "`--check` writes nothing; leave one out"
            ),
        ));
    }
    if (args.stdout || stdin) && args.paths.len() != 1 {
        return Some(argument(
            tr!(
                "`--stdout` en `-` schrijven één bestand naar standaarduitvoer",
                "`--stdout` and `-` write one file to standard output"
            ),
            tr!("geef precies één bestand", "name exactly one file"),
        ));
    }
    if args.stdout && args.paths.iter().any(|p| p.is_dir()) {
        return Some(argument(
            tr!(
                "`--stdout` schrijft één bestand, geen map",
                "`--stdout` writes one file, not a folder"
            ),
            tr!("geef één `.akk`-bestand", "name one `.akk` file"),
        ));
    }
    if to_stdout && cli.format == Format::Json {
        return Some(argument(
            tr!(
                "het geformatteerde bestand gaat naar standaarduitvoer; `--format json` past daar niet bij",
                "the formatted file goes to standard output; `--format json` does not apply"
            ),
            tr!("laat `--format` weg", "leave out `--format`"),
        ));
    }
    None
}

/// The files asked for (every `.akk` file in the rules folder when none is), or standard input
/// for `-`.
fn inputs(args: &FmtArgs, stdin: bool) -> Result<Vec<Input>, Problem> {
    if stdin {
        let mut bytes = Vec::new();
        let read = std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes);
        let problem = |message: String| Problem::Io {
            path: "-".into(),
            message,
        };
        read.map_err(|e| problem(e.to_string()))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            let mb = MAX_FILE_BYTES / (1024 * 1024);
            return Err(problem(tr!(
                "de invoer is groter dan {mb} MB, de grens voor één bestand",
                "the input is larger than {mb} MB, the limit for one file"
            )));
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            problem(tr!(
                "de invoer is geen UTF-8-tekst",
                "the input is not UTF-8 text"
            ))
        })?;
        return Ok(vec![Input::Text {
            name: "-".into(),
            text,
        }]);
    }
    let paths = if args.paths.is_empty() {
        vec![args.rules.clone()]
    } else {
        args.paths.clone()
    };
    // a path that does not exist is a bad argument: nothing is formatted
    let mut files = Vec::new();
    for path in paths {
        files.extend(format::rule_files(&path)?.into_iter().map(Input::Path));
    }
    Ok(files)
}

fn failure(cli: &Cli, problems: &[Problem], sources: &Sources) -> Outcome {
    Outcome {
        stdout: String::new(),
        stderr: match cli.format {
            Format::Json => json_text(&akkoord::error::json(problems, sources)),
            Format::Text => render_each(problems, sources),
        },
        code: 2,
        stream: None,
    }
}

/// Each problem drawn with its place, as every command draws them.
fn render_each(problems: &[Problem], sources: &Sources) -> String {
    problems
        .iter()
        .map(|p| akkoord::error::render(p, sources) + "\n")
        .collect()
}
