//! The `akkoord` command: files in, rendered verdicts and an exit code out.

use std::path::PathBuf;
use std::process::ExitCode;

use akkoord::ast::Action;
use akkoord::check::Loaded;
use akkoord::eval::{Decision, Evaluator};
use akkoord::testing::{self, Options};
use akkoord::{diff, eval, load, report, suggest, unblock};
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

const EXIT_CODES: &str = "\
Exit codes:
  0  ran; the verdicts are in the output
  1  audit: a recorded action was taken without the rules' consent; test: a scenario or property failed
  2  bad input: a rule file, the facts file or an argument has a problem (all are listed)";

/// Which agreements may the VNG board sign under the motions the members adopted, and why.
#[derive(Parser)]
#[command(name = "akkoord", version, after_help = EXIT_CODES)]
struct Cli {
    /// Folder with the rule files (`*.akk`).
    #[arg(long, global = true, default_value = "rules", value_name = "DIR")]
    rules: PathBuf,
    /// Facts file (JSON); default: `feiten.json` in the rules folder.
    #[arg(long, global = true, value_name = "FILE")]
    facts: Option<PathBuf>,
    /// Evaluate as of this date (YYYY-MM-DD); default: today.
    #[arg(long = "op", visible_alias = "as-of", global = true, value_name = "DATUM", value_parser = parse_date)]
    date: Option<Date>,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A table of agreements, their verdicts and the deciding rules.
    Check {
        /// Agreement ids to check; default: all in the facts file.
        agreements: Vec<String>,
        /// Only this action (ondertekening, instemming, uitvoering, onderhandeling).
        #[arg(long = "handeling", visible_alias = "action", value_parser = parse_action)]
        action: Option<Action>,
    },
    /// The full reasoning for one agreement, as a tree with quotes, meetings, dates and facts.
    Explain {
        /// The agreement id, e.g. `ggz`.
        agreement: String,
        /// The action; default: every action rules speak of.
        #[arg(long = "handeling", visible_alias = "action", value_parser = parse_action)]
        action: Option<Action>,
    },
    /// The verdict over time: consecutive periods, each with the events that opened it.
    Timeline {
        /// The agreement id, e.g. `ggz`.
        agreement: String,
        /// The action; default: every action rules speak of.
        #[arg(long = "handeling", visible_alias = "action", value_parser = parse_action)]
        action: Option<Action>,
    },
    /// Every minimal set of fact changes that makes the verdict `mag`, smallest first.
    Unblock {
        /// The agreement id, e.g. `ggz`.
        agreement: String,
        /// The action (default: ondertekening).
        #[arg(long = "handeling", visible_alias = "action", value_parser = parse_action)]
        action: Option<Action>,
        /// A fact no change may touch: `feit`, or `feit(akkoord)` for one agreement. Repeatable.
        #[arg(long = "vast", visible_alias = "fixed", value_name = "FEIT")]
        fixed: Vec<String>,
        /// How many partial plans to keep while combining rules.
        #[arg(long = "grens", visible_alias = "bound", default_value_t = 10_000)]
        bound: usize,
    },
    /// The verdicts that differ between two rule sets (or two dates), and why.
    Diff {
        /// The old rule folder; default: the same as `--rules` (to compare dates).
        #[arg(long = "oud", visible_alias = "old", value_name = "DIR")]
        old: Option<PathBuf>,
        /// Evaluate the old side as of this date; default: the same as `--op`.
        #[arg(long = "op-oud", visible_alias = "old-as-of", value_name = "DATUM", value_parser = parse_date)]
        old_date: Option<Date>,
    },
    /// Rules that look wrong, and rules no scenario exercises.
    Lint {
        /// Folder with scenarios, for coverage; default: `tests` in the rules folder.
        #[arg(long = "tests", value_name = "DIR")]
        tests: Option<PathBuf>,
    },
    /// Every recorded action checked against the verdict on the day it was taken.
    Audit,
    /// Run the scenarios and check the properties in DIR (default: `tests` in the rules folder).
    Test {
        /// Folder with scenario and property files (`*.akk`).
        dir: Option<PathBuf>,
        /// Fact sets to generate per property; fewer combinations are checked exhaustively.
        #[arg(long = "gevallen", visible_alias = "cases", default_value_t = 1000)]
        cases: u32,
        /// Seed for generating fact sets; the same seed gives the same cases.
        #[arg(long = "zaad", visible_alias = "seed", default_value_t = 0)]
        seed: u64,
    },
    /// Load and check the rules and facts only; report every problem.
    Validate,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2018-11-30"))
}

fn parse_action(text: &str) -> Result<Action, String> {
    Action::from_word(text).ok_or_else(|| {
        format!(
            "`{text}` is not an action; use ondertekening, instemming, uitvoering or onderhandeling"
        )
    })
}

/// Stack for the worker thread: syntax trees of very long `en`/`of` chains are deep, and
/// dropping or walking them recurses. Nesting itself is capped by the parser.
const STACK_BYTES: usize = 256 * 1024 * 1024;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || work(&cli));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!(
                "error: akkoord stopped unexpectedly; please report this with the input that caused it"
            );
            ExitCode::from(70)
        }
    }
}

fn work(cli: &Cli) -> ExitCode {
    if let Command::Lint { tests } = &cli.command {
        return lint(cli, tests.as_deref());
    }
    if let Command::Diff { old, old_date } = &cli.command {
        return compare(cli, old.as_deref(), *old_date);
    }
    if let Command::Test { dir, cases, seed } = &cli.command {
        return test(
            cli,
            dir.as_deref(),
            Options {
                cases: *cases,
                seed: *seed,
            },
        );
    }
    let loaded = match load::load(&cli.rules, cli.facts.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(2);
        }
    };
    let date = cli.date.unwrap_or_else(|| jiff::Zoned::now().date());
    match run(cli, &loaded, date) {
        Ok((out, code)) => {
            print!("{out}");
            code
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli, loaded: &Loaded, date: Date) -> Result<(String, ExitCode), String> {
    let (base, world) = (&loaded.base, &loaded.world);
    let ev = Evaluator::new(base, world, date);
    let json = matches!(cli.format, Format::Json);
    let ok = |out: String| Ok((out, ExitCode::SUCCESS));
    match &cli.command {
        Command::Validate => ok(format!(
            "ok: {} rule files, {} sources, {} rules, {} facts declared, {} agreements, {} recorded actions\n",
            loaded.rule_files,
            base.docs.len(),
            base.rules.len(),
            base.facts.len(),
            world.agreements.len(),
            world.recorded.len(),
        )),
        Command::Check { agreements, action } => {
            let ids = if agreements.is_empty() {
                (0..world.agreements.len()).collect()
            } else {
                agreements
                    .iter()
                    .map(|a| find(loaded, a))
                    .collect::<Result<Vec<_>, _>>()?
            };
            let decisions: Vec<Decision> = ids
                .into_iter()
                .flat_map(|a| actions(&ev, a, *action).into_iter().map(move |h| (a, h)))
                .map(|(a, h)| ev.decide(a, h))
                .collect();
            let signals = ev.signals();
            ok(if json {
                report::check_json(base, world, &decisions, &signals)
            } else {
                report::check_text(base, world, &decisions, &signals)
            })
        }
        Command::Explain { agreement, action } => {
            let a = find(loaded, agreement)?;
            let decisions: Vec<Decision> = actions(&ev, a, *action)
                .into_iter()
                .map(|h| ev.decide(a, h))
                .collect();
            ok(if json {
                report::explain_json(base, world, &decisions)
            } else {
                let texts: Vec<String> = decisions
                    .iter()
                    .map(|d| report::explain_text(base, world, d))
                    .collect();
                texts.join("\n")
            })
        }
        Command::Timeline { agreement, action } => {
            let a = find(loaded, agreement)?;
            let mut outs = Vec::new();
            for h in actions(&ev, a, *action) {
                let periods = eval::timeline(base, world, a, h);
                outs.push(if json {
                    report::timeline_json(base, world, &periods)
                } else {
                    report::timeline_text(base, world, &periods)
                });
            }
            ok(outs.join("\n"))
        }
        Command::Test { .. } | Command::Diff { .. } | Command::Lint { .. } => {
            Err("this command runs on its own".into())
        }
        Command::Unblock {
            agreement,
            action,
            fixed,
            bound,
        } => {
            let a = find(loaded, agreement)?;
            let slots = unblock::fixed_slots(base, world, fixed)?;
            let h = action.unwrap_or(Action::Signing);
            let result = unblock::unblock(base, world, date, a, h, &slots, *bound);
            ok(if json {
                report::unblock_json(base, world, &result)
            } else {
                report::unblock_text(base, world, &result, fixed)
            })
        }
        Command::Audit => {
            let audited = eval::audit(base, world);
            let code = if audited.iter().all(|a| a.allowed) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            };
            let out = if json {
                report::audit_json(base, world, &audited)
            } else {
                report::audit_text(base, world, &audited)
            };
            Ok((out, code))
        }
    }
}

/// `akkoord diff`: the old rules are read against the same facts file as the new.
fn compare(cli: &Cli, old: Option<&std::path::Path>, old_date: Option<Date>) -> ExitCode {
    let new = match load::load(&cli.rules, cli.facts.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(2);
        }
    };
    let old_dir = old.unwrap_or(&cli.rules);
    let facts = cli
        .facts
        .clone()
        .unwrap_or_else(|| cli.rules.join(load::DEFAULT_FACTS));
    let old_loaded = match load::load_for_comparison(old_dir, &facts) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(2);
        }
    };
    let date = cli.date.unwrap_or_else(|| jiff::Zoned::now().date());
    let old_date = old_date.unwrap_or(date);
    let result = diff::diff(&old_loaded, old_date, &new, date);
    if matches!(cli.format, Format::Json) {
        print!("{}", report::diff_json(&new.world, &result));
    } else {
        let label = |dir: &std::path::Path, d: Date| format!("{} (op {d})", dir.display());
        let mut out = report::diff_text(
            &new.base,
            &new.world,
            &result,
            &label(old_dir, old_date),
            &label(&cli.rules, date),
        );
        if !old_loaded.ignored_facts.is_empty() {
            out.push_str(&format!(
                "\nNiet gedeclareerd in de oude regels, daar dus onbekend: {}\n",
                old_loaded.ignored_facts.join(", ")
            ));
        }
        print!("{out}");
    }
    ExitCode::SUCCESS
}

/// `akkoord lint`: with the scenarios in the tests folder when it exists, for coverage.
fn lint(cli: &Cli, tests: Option<&std::path::Path>) -> ExitCode {
    let dir = tests.map_or_else(|| cli.rules.join("tests"), std::path::Path::to_path_buf);
    let with_tests = dir.is_dir();
    if tests.is_some() && !with_tests {
        eprintln!(
            "error: `--tests {}`: no such folder; it should hold scenario files (`*.akk`)",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let loaded = if with_tests {
        load::load_with_tests(&cli.rules, cli.facts.as_deref(), &dir)
    } else {
        load::load(&cli.rules, cli.facts.as_deref())
    };
    let mut loaded = match loaded {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(2);
        }
    };
    let covered = if with_tests {
        match testing::run_scenarios(&mut loaded) {
            Ok(outcomes) => Some(outcomes.into_iter().flat_map(|o| o.covered).collect()),
            Err(problems) => {
                eprint!(
                    "{}",
                    akkoord::error::render_all(&problems, &loaded.base.sources)
                );
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let lints = akkoord::lint::lint(&loaded.base, &loaded.world, covered.as_ref());
    print!(
        "{}",
        match cli.format {
            Format::Json => report::lint_json(&loaded.base, &lints),
            Format::Text => report::lint_text(&loaded.base, &lints, covered.is_some()),
        }
    );
    ExitCode::SUCCESS
}

/// `akkoord test`: scenarios and properties; exit 1 when any fails.
fn test(cli: &Cli, dir: Option<&std::path::Path>, options: Options) -> ExitCode {
    let dir = dir.map_or_else(|| cli.rules.join("tests"), std::path::Path::to_path_buf);
    let mut loaded = match load::load_with_tests(&cli.rules, cli.facts.as_deref(), &dir) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(2);
        }
    };
    let scenarios = match testing::run_scenarios(&mut loaded) {
        Ok(s) => s,
        Err(problems) => {
            eprint!(
                "{}",
                akkoord::error::render_all(&problems, &loaded.base.sources)
            );
            return ExitCode::from(2);
        }
    };
    let (base, world) = (&loaded.base, &loaded.world);
    let properties: Vec<_> = (0..base.properties.len())
        .map(|p| testing::check_property(base, world, p, options))
        .collect();
    print!(
        "{}",
        report::test_text(base, world, &scenarios, &properties)
    );
    let failed = scenarios.iter().any(|s| !s.failures.is_empty())
        || properties
            .iter()
            .any(|p| matches!(p, testing::PropertyOutcome::Failed(_)));
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The action asked for, or every action the rules speak of for the agreement.
fn actions(ev: &Evaluator, agreement: usize, asked: Option<Action>) -> Vec<Action> {
    asked.map_or_else(|| ev.actions(agreement), |h| vec![h])
}

fn find(loaded: &Loaded, id: &str) -> Result<usize, String> {
    loaded.world.agreement(id).ok_or_else(|| {
        let known: Vec<&str> = loaded
            .world
            .agreements
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        let hint = suggest::did_you_mean(id, known.iter().copied())
            .unwrap_or_else(|| format!("known agreements: {}", known.join(", ")));
        format!("unknown agreement `{id}`; {hint}")
    })
}
