//! Running a command: load what it needs, ask the library for the answer, render it.

use std::net::IpAddr;
use std::path::Path;

use akkoord::answer::{self, AnswerOptions};
use akkoord::ast::Action;
use akkoord::check::Loaded;
use akkoord::error::Problem;
use akkoord::eval::Evaluator;
use akkoord::load::{self, LoadError, Options};
use akkoord::span::Sources;
use akkoord::{lookup, report, terminal, testing, tr, unblock};
use jiff::civil::Date;
use serde::Serialize;

use super::{AsOf, Cli, Command, Format, Input};

/// What a command printed and how it ended.
pub struct Outcome {
    /// For standard output.
    pub stdout: String,
    /// For standard error.
    pub stderr: String,
    /// The exit code: 0 ran, 1 a check failed, 2 bad input.
    pub code: u8,
    /// Output written after `stdout` as it is worked out, so that a large answer is never
    /// held whole (`check` on many agreements).
    pub stream: Option<Stream>,
}

/// Output written to standard output as it is produced.
pub type Stream = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>>;

/// The problems that stopped a command, with the files they point into.
pub(super) struct Failure {
    pub(super) problems: Vec<Problem>,
    pub(super) sources: Sources,
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure {
            problems: e.problems,
            sources: e.sources,
        }
    }
}

impl From<Problem> for Failure {
    fn from(p: Problem) -> Self {
        Failure {
            problems: vec![p],
            sources: Sources::new(),
        }
    }
}

/// Pretty JSON with a final newline.
pub fn json_text<T: Serialize>(value: &T) -> String {
    report::json(value)
}

/// Runs the command; problems become exit code 2 with every problem on standard error.
pub fn run(cli: &Cli) -> Outcome {
    command(cli).unwrap_or_else(|f| failed(cli, f))
}

/// Every problem on standard error, with exit code 2.
pub(super) fn failed(cli: &Cli, f: Failure) -> Outcome {
    Outcome {
        stdout: String::new(),
        stderr: match cli.format {
            Format::Json => json_text(&akkoord::error::json(&f.problems, &f.sources)),
            Format::Text => akkoord::error::render_all(&f.problems, &f.sources),
        },
        code: 2,
        stream: None,
    }
}

/// The answer rendered as the format asks, with exit code `code`.
pub(super) fn rendered<T: Serialize>(
    cli: &Cli,
    answer: &T,
    text: impl FnOnce(&T) -> String,
    code: u8,
) -> Outcome {
    Outcome {
        stdout: match cli.format {
            Format::Json => json_text(answer),
            Format::Text => text(answer),
        },
        stderr: String::new(),
        code,
        stream: None,
    }
}

fn options(input: &Input) -> Options {
    Options {
        facts: input.facts.clone(),
        what_if: input.what_if.clone(),
        set: input.set.clone(),
        ..Options::new(&input.rules)
    }
}

fn today(as_of: &AsOf) -> Date {
    as_of.date.unwrap_or_else(|| jiff::Zoned::now().date())
}

fn command(cli: &Cli) -> Result<Outcome, Failure> {
    match &cli.command {
        Command::Check {
            agreements,
            action,
            kort,
            max_age,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let ids = agreements
                .iter()
                .map(|a| find(&loaded, a))
                .collect::<Result<Vec<_>, _>>()?;
            let opts = AnswerOptions {
                max_age_days: *max_age,
                ..AnswerOptions::default()
            };
            let (date, action, kort, format) = (today(as_of), *action, *kort, cli.format);
            // Each answer is written as soon as it is worked out: nothing holds them all.
            let stream: Stream = Box::new(move |w| {
                let s = answer::OverviewStream::new(
                    &loaded.base,
                    &loaded.world,
                    date,
                    &ids,
                    action,
                    opts,
                );
                match (format, kort) {
                    (Format::Json, _) => report::write_json(&answer::StreamedOverview(&s), w),
                    (Format::Text, true) => report::write_short(&s, w),
                    (Format::Text, false) => report::write_check(&s, w),
                }
            });
            Ok(Outcome {
                stdout: String::new(),
                stderr: String::new(),
                code: 0,
                stream: Some(stream),
            })
        }
        Command::Vraag {
            agreement,
            action,
            max_age,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let a = find(&loaded, agreement)?;
            let opts = AnswerOptions {
                max_age_days: *max_age,
                ..AnswerOptions::default()
            };
            let o = answer::overview(
                &loaded.base,
                &loaded.world,
                today(as_of),
                &[a],
                *action,
                opts,
            );
            Ok(rendered(cli, &o, report::short_text, 0))
        }
        Command::Explain {
            agreement,
            action,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let a = find(&loaded, agreement)?;
            let date = today(as_of);
            on_table(&loaded, a, date)?;
            let answers = answer::explain(
                &loaded.base,
                &loaded.world,
                date,
                a,
                *action,
                AnswerOptions::default(),
            );
            Ok(rendered(cli, &answers, |a| report::explain_text(a), 0))
        }
        Command::Timeline {
            agreement,
            action,
            input,
        } => {
            let loaded = load::load_all(&options(input))?;
            let a = find(&loaded, agreement)?;
            let ev = Evaluator::new(&loaded.base, &loaded.world, Date::MAX);
            let actions = action.map_or_else(|| ev.actions(a), |h| vec![h]);
            let timelines: Vec<_> = actions
                .into_iter()
                .map(|h| answer::timeline(&loaded.base, &loaded.world, a, h))
                .collect();
            Ok(rendered(cli, &timelines, |t| report::timeline_text(t), 0))
        }
        Command::Audit { input, as_of } => {
            let loaded = load::load_all(&options(input))?;
            let audit = answer::audit(&loaded.base, &loaded.world, today(as_of));
            let code = u8::from(audit.not_in_order > 0);
            Ok(rendered(cli, &audit, report::audit_text, code))
        }
        Command::Unblock {
            agreement,
            action,
            fixed,
            all,
            budget,
            bound,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let (base, world) = (&loaded.base, &loaded.world);
            let a = find(&loaded, agreement)?;
            let date = today(as_of);
            on_table(&loaded, a, date)?;
            let slots =
                unblock::fixed_slots(base, world, fixed).map_err(|message| Problem::Argument {
                    message,
                    help: None,
                })?;
            let h = action.unwrap_or(Action::Signing);
            let limits = unblock::Limits {
                keep: if *all {
                    usize::MAX
                } else {
                    unblock::Limits::KEEP
                },
                stop_after: None,
                budget: *budget,
                bound: *bound,
            };
            let u = answer::unblock(base, world, date, a, h, &slots, fixed, limits);
            Ok(rendered(cli, &u, report::unblock_text, 0))
        }
        Command::Diff {
            old,
            old_date,
            input,
            as_of,
        } => {
            let opts = options(input);
            let new = load::load_all(&opts)?;
            let old_dir = old.as_deref().unwrap_or(&input.rules);
            let old_loaded = load::load_for_comparison(old_dir, &opts.facts_path())?;
            let date = today(as_of);
            let d = answer::diff(
                &old_loaded,
                &old_dir.display().to_string(),
                old_date.unwrap_or(date),
                &new,
                &input.rules.display().to_string(),
                date,
            );
            Ok(rendered(cli, &d, report::diff_text, 0))
        }
        Command::Lint { tests, input } => lint(cli, input, tests.as_deref()),
        Command::Test {
            dir,
            cases,
            seed,
            input,
        } => test(
            cli,
            input,
            dir.as_deref(),
            testing::Options {
                cases: *cases,
                seed: *seed,
                ..testing::Options::default()
            },
        ),
        Command::Validate { tests, input } => {
            let mut opts = options(input);
            opts.tests = tests_dir(input, tests.as_deref())?;
            let validated = load::validate(&opts)?;
            let v = answer::validate(&validated.loaded, &validated.documents);
            Ok(rendered(cli, &v, report::validate_text, 0))
        }
        Command::Rapport {
            agreements,
            out,
            max_age,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let documents: Vec<String> = load::documents(&input.rules)?
                .into_iter()
                .map(|(name, _)| name)
                .collect();
            let opts = AnswerOptions {
                max_age_days: *max_age,
                ..AnswerOptions::default()
            };
            let ids = agreements
                .iter()
                .map(|a| find(&loaded, a))
                .collect::<Result<Vec<_>, _>>()?;
            let r = answer::board_report(
                &loaded.base,
                &loaded.world,
                today(as_of),
                &ids,
                &documents,
                opts,
            );
            let write = |out: &std::path::Path| {
                akkoord::store::write_atomic(out, report::board_html(&r).as_bytes()).map_err(|e| {
                    Problem::Io {
                        path: out.display().to_string(),
                        message: e.to_string(),
                    }
                })
            };
            if cli.format == Format::Json {
                // The report's data on stdout; the HTML file too when one is named.
                if let Some(out) = out {
                    write(out)?;
                }
                return Ok(rendered(cli, &r, |_| String::new(), 0));
            }
            let out = out
                .as_deref()
                .unwrap_or(std::path::Path::new("rapport.html"));
            write(out)?;
            let n = r.overview.answers.len();
            let path = out.display();
            Ok(Outcome {
                stdout: tr!(
                    "rapport geschreven naar {path} ({n} oordelen)\n",
                    "report written to {path} ({n} verdicts)\n"
                ),
                stderr: String::new(),
                code: 0,
                stream: None,
            })
        }
        Command::Motie {
            file,
            id,
            kind,
            out,
            no_copy,
            rules,
        } => {
            let output = akkoord::motie::Output {
                rules,
                out: out.as_deref(),
                copy: !no_copy,
            };
            let options = akkoord::motie::Options {
                id: id.clone(),
                kind: *kind,
                document: None,
            };
            motie(cli, file, &output, &options)
        }
        Command::Stel { .. } | Command::NieuwAkkoord { .. } => Ok(super::record::run(cli)),
        Command::Vragen { .. } => Ok(super::vragen::run(cli)),
        Command::Lsp { as_of } => lsp(cli, as_of),
        Command::Fmt(args) => Ok(super::fmt::run(cli, args)),
        Command::Serve {
            address,
            port,
            input,
        } => serve(cli, *address, *port, input),
        Command::Schema { what, input } => {
            let schema = if what == "feiten" || what == "facts" {
                let loaded = load::load_all(&options(input))?;
                akkoord::facts::schema(&loaded.base)
            } else {
                answer::schema(what).ok_or_else(|| Problem::Argument {
                    message: tr!("geen schema voor `{what}`", "no schema for `{what}`"),
                    help: Some(tr!(
                        "kies uit: {}",
                        "choose from: {}",
                        answer::SCHEMAS.join(", ")
                    )),
                })?
            };
            Ok(Outcome {
                stdout: json_text(&schema),
                stderr: String::new(),
                code: 0,
                stream: None,
            })
        }
    }
}

/// `akkoord serve`: says where it listens as soon as it does, and serves until stopped.
fn serve(cli: &Cli, address: IpAddr, port: u16, input: &Input) -> Result<Outcome, Failure> {
    let config = akkoord::serve::Config {
        options: options(input),
        address,
        port,
        lang: akkoord::i18n::lang(),
    };
    akkoord::serve::serve(config, |at| {
        let url = format!("http://{at}/");
        let _ = terminal::print(&match cli.format {
            Format::Json => json_text(&serde_json::json!({ "url": url })),
            Format::Text => tr!(
                "akkoord serve luistert op {url} (stoppen: Ctrl-C)\n",
                "akkoord serve is listening on {url} (stop: Ctrl-C)\n"
            ),
        });
    })?;
    Ok(Outcome {
        stdout: String::new(),
        stderr: tr!("akkoord serve is gestopt\n", "akkoord serve has stopped\n"),
        code: 0,
        stream: None,
    })
}

/// The scenario folder: the one asked for (which must exist), or `tests` in the rule folder
/// when it exists.
fn tests_dir(input: &Input, asked: Option<&Path>) -> Result<Option<std::path::PathBuf>, Failure> {
    match asked {
        Some(dir) if !dir.is_dir() => {
            let dir = dir.display();
            Err(Problem::Argument {
                message: tr!(
                    "`--tests {dir}`: die map bestaat niet",
                    "`--tests {dir}`: no such folder"
                ),
                help: Some(tr!(
                    "de map bevat scenariobestanden (`*.akk`)",
                    "the folder should hold scenario files (`*.akk`)"
                )),
            }
            .into())
        }
        Some(dir) => Ok(Some(dir.to_path_buf())),
        None => Ok(load::default_tests(&input.rules, &load::Overlay::new())),
    }
}

/// `akkoord lint`: with the scenarios in the tests folder when it exists, for coverage.
fn lint(cli: &Cli, input: &Input, tests: Option<&Path>) -> Result<Outcome, Failure> {
    let mut opts = options(input);
    opts.tests = tests_dir(input, tests)?;
    let mut loaded = load::load_all(&opts)?;
    let covered = match opts.tests {
        Some(_) => match testing::run_scenarios(&mut loaded) {
            Ok(outcomes) => Some(outcomes.into_iter().flat_map(|o| o.covered).collect()),
            Err(problems) => {
                return Err(Failure {
                    problems,
                    sources: loaded.base.sources,
                });
            }
        },
        None => None,
    };
    let lints = akkoord::lint::lint(&loaded.base, &loaded.world, covered.as_ref());
    let l = answer::lint(&loaded.base, &loaded.world, &lints, covered.is_some());
    Ok(rendered(cli, &l, report::lint_text, 0))
}

/// `akkoord test`: scenarios and properties; exit 1 when any fails.
fn test(
    cli: &Cli,
    input: &Input,
    dir: Option<&Path>,
    options_: testing::Options,
) -> Result<Outcome, Failure> {
    let mut opts = options(input);
    opts.tests = Some(dir.map_or_else(|| input.rules.join("tests"), Path::to_path_buf));
    let mut loaded = load::load_all(&opts)?;
    let scenarios = testing::run_scenarios(&mut loaded).map_err(|problems| Failure {
        problems,
        sources: loaded.base.sources.clone(),
    })?;
    let (base, world) = (&loaded.base, &loaded.world);
    let properties: Vec<_> = (0..base.properties.len())
        .map(|p| testing::check_property(base, world, p, options_))
        .collect();
    let t = answer::test(&loaded, &scenarios, &properties);
    let code = u8::from(t.failed > 0);
    Ok(rendered(cli, &t, report::test_text, code))
}

/// `akkoord motie`: the skeleton on standard output (unless `-o` wrote it), what was found,
/// chosen and written on standard error; with `--format json` all in one document.
fn motie(
    cli: &Cli,
    file: &Path,
    output: &akkoord::motie::Output<'_>,
    options: &akkoord::motie::Options,
) -> Result<Outcome, Failure> {
    let s = akkoord::motie::make(file, output, options)?;
    if cli.format == Format::Json {
        return Ok(rendered(cli, &s, |_| String::new(), 0));
    }
    Ok(Outcome {
        stdout: if output.out.is_some() {
            String::new()
        } else {
            s.text.clone()
        },
        stderr: s.notes.iter().map(|n| format!("{n}\n")).collect(),
        code: 0,
        stream: None,
    })
}

/// `akkoord lsp`: serves an editor on standard input and output until it asks to exit.
fn lsp(cli: &Cli, as_of: &AsOf) -> Result<Outcome, Failure> {
    if cli.format == Format::Json {
        return Err(Problem::Argument {
            message: tr!(
                "`akkoord lsp` spreekt het Language Server Protocol; `--format json` past daar niet bij",
                "`akkoord lsp` speaks the Language Server Protocol; `--format json` does not apply"
            ),
            help: Some(tr!("laat `--format` weg", "leave out `--format`")),
        }
        .into());
    }
    let settings = akkoord::lsp::Settings { date: as_of.date };
    let (stderr, code) = match akkoord::lsp::run_stdio(settings) {
        Ok(()) => (String::new(), 0),
        Err(e) => (
            tr!(
                "fout: de taalserver stopte: {e}\n",
                "error: the language server stopped: {e}\n"
            ),
            1,
        ),
    };
    Ok(Outcome {
        stdout: String::new(),
        stderr,
        code,
        stream: None,
    })
}

/// An error when the agreement is not on the table on the date: no verdict is given for it.
fn on_table(loaded: &Loaded, agreement: usize, date: Date) -> Result<(), Problem> {
    lookup::on_table(loaded, agreement, date)
}

fn find(loaded: &Loaded, id: &str) -> Result<usize, Problem> {
    lookup::agreement(loaded, id)
}
