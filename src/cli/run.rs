//! Running a command: load what it needs, ask the library, render the answer.

use akkoord::ast::Action;
use akkoord::check::Loaded;
use akkoord::error::Problem;
use akkoord::eval::{Decision, Evaluator};
use akkoord::load::{self, LoadError, Options};
use akkoord::span::Sources;
use akkoord::testing;
use akkoord::{diff, eval, report, suggest, tr, unblock};
use jiff::civil::Date;

use super::{AsOf, Cli, Command, Format, Input};

/// What a command printed and how it ended.
pub struct Outcome {
    /// For standard output.
    pub stdout: String,
    /// For standard error.
    pub stderr: String,
    /// The exit code: 0 ran, 1 a check failed, 2 bad input.
    pub code: u8,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
}

/// The problems that stopped a command, with the files they point into.
struct Failure {
    problems: Vec<Problem>,
    sources: Sources,
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
pub fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// Runs the command; problems become exit code 2 with every problem on standard error.
pub fn run(cli: &Cli) -> Outcome {
    match command(cli) {
        Ok(outcome) => outcome,
        Err(f) => Outcome {
            stdout: String::new(),
            stderr: match cli.format {
                Format::Json => json_text(&akkoord::error::json(&f.problems, &f.sources)),
                Format::Text => akkoord::error::render_all(&f.problems, &f.sources),
            },
            code: 2,
        },
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
    let json = cli.format == Format::Json;
    match &cli.command {
        Command::Check {
            agreements,
            action,
            input,
            as_of,
            ..
        } => {
            let loaded = load::load_all(&options(input))?;
            let date = today(as_of);
            let ev = Evaluator::new(&loaded.base, &loaded.world, date);
            let ids = if agreements.is_empty() {
                (0..loaded.world.agreements.len())
                    .filter(|&a| ev.on_table(a))
                    .collect()
            } else {
                agreements
                    .iter()
                    .map(|a| find(&loaded, a))
                    .collect::<Result<Vec<_>, _>>()?
            };
            let decisions: Vec<Decision> = ids
                .into_iter()
                .flat_map(|a| actions(&ev, a, *action).into_iter().map(move |h| (a, h)))
                .map(|(a, h)| ev.decide(a, h))
                .collect();
            let signals = ev.signals();
            let (base, world) = (&loaded.base, &loaded.world);
            Ok(Outcome::ok(if json {
                report::check_json(base, world, &decisions, &signals)
            } else {
                report::check_text(base, world, &decisions, &signals)
            }))
        }
        Command::Vraag { .. } => Err(Problem::Argument {
            message: tr!("nog niet beschikbaar", "not available yet"),
            help: None,
        }
        .into()),
        Command::Explain {
            agreement,
            action,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let ev = Evaluator::new(&loaded.base, &loaded.world, today(as_of));
            let a = find(&loaded, agreement)?;
            let decisions: Vec<Decision> = actions(&ev, a, *action)
                .into_iter()
                .map(|h| ev.decide(a, h))
                .collect();
            let (base, world) = (&loaded.base, &loaded.world);
            Ok(Outcome::ok(if json {
                report::explain_json(base, world, &decisions)
            } else {
                let texts: Vec<String> = decisions
                    .iter()
                    .map(|d| report::explain_text(base, world, d))
                    .collect();
                texts.join("\n")
            }))
        }
        Command::Timeline {
            agreement,
            action,
            input,
        } => {
            let loaded = load::load_all(&options(input))?;
            let a = find(&loaded, agreement)?;
            let ev = Evaluator::new(&loaded.base, &loaded.world, Date::MAX);
            let (base, world) = (&loaded.base, &loaded.world);
            let mut outs = Vec::new();
            for h in actions(&ev, a, *action) {
                let periods = eval::timeline(base, world, a, h);
                outs.push(if json {
                    report::timeline_json(base, world, &periods)
                } else {
                    report::timeline_text(base, world, &periods)
                });
            }
            Ok(Outcome::ok(outs.join("\n")))
        }
        Command::Audit { input, as_of } => {
            let loaded = load::load_all(&options(input))?;
            let (base, world) = (&loaded.base, &loaded.world);
            let audited = eval::audit(base, world, today(as_of));
            let code = if audited.iter().all(|a| a.in_order()) {
                0
            } else {
                1
            };
            let out = if json {
                report::audit_json(base, world, &audited)
            } else {
                report::audit_text(base, world, &audited)
            };
            Ok(Outcome {
                stdout: out,
                stderr: String::new(),
                code,
            })
        }
        Command::Unblock {
            agreement,
            action,
            fixed,
            bound,
            input,
            as_of,
        } => {
            let loaded = load::load_all(&options(input))?;
            let (base, world) = (&loaded.base, &loaded.world);
            let a = find(&loaded, agreement)?;
            let slots =
                unblock::fixed_slots(base, world, fixed).map_err(|message| Problem::Argument {
                    message,
                    help: None,
                })?;
            let h = action.unwrap_or(Action::Signing);
            let result = unblock::unblock(base, world, today(as_of), a, h, &slots, *bound);
            Ok(Outcome::ok(if json {
                report::unblock_json(base, world, &result)
            } else {
                report::unblock_text(base, world, &result, fixed)
            }))
        }
        Command::Diff {
            old,
            old_date,
            input,
            as_of,
        } => compare(input, old.as_deref(), *old_date, today(as_of), json),
        Command::Lint { tests, input } => lint(input, tests.as_deref(), json),
        Command::Test {
            dir,
            cases,
            seed,
            input,
        } => test(
            input,
            dir.as_deref(),
            testing::Options {
                cases: *cases,
                seed: *seed,
            },
        ),
        Command::Validate { tests, input } => {
            let dir = tests.clone().unwrap_or_else(|| input.rules.join("tests"));
            let mut opts = options(input);
            if dir.is_dir() {
                opts.tests = Some(dir);
            }
            let loaded = load::load_all(&opts)?;
            let (base, world) = (&loaded.base, &loaded.world);
            Ok(Outcome::ok(format!(
                "ok: {} rule files, {} sources, {} rules, {} facts declared, {} agreements, {} recorded actions\n",
                loaded.rule_files,
                base.docs.len(),
                base.rules.len(),
                base.facts.len(),
                world.agreements.len(),
                world.recorded.len(),
            )))
        }
        Command::Schema { .. } => Err(Problem::Argument {
            message: tr!("nog niet beschikbaar", "not available yet"),
            help: None,
        }
        .into()),
    }
}

/// `akkoord diff`: the old rules are read against the same facts file as the new.
fn compare(
    input: &Input,
    old: Option<&std::path::Path>,
    old_date: Option<Date>,
    date: Date,
    json: bool,
) -> Result<Outcome, Failure> {
    let opts = options(input);
    let new = load::load_all(&opts)?;
    let old_dir = old.unwrap_or(&input.rules);
    let old_loaded = load::load_for_comparison(old_dir, &opts.facts_path())?;
    let old_date = old_date.unwrap_or(date);
    let result = diff::diff(&old_loaded, old_date, &new, date);
    if json {
        return Ok(Outcome::ok(report::diff_json(&new.world, &result)));
    }
    let label = |dir: &std::path::Path, d: Date| format!("{} (op {d})", dir.display());
    let mut out = report::diff_text(
        &new.base,
        &new.world,
        &result,
        &label(old_dir, old_date),
        &label(&input.rules, date),
    );
    if !old_loaded.ignored_facts.is_empty() {
        out.push_str(&format!(
            "\nNiet gedeclareerd in de oude regels, daar dus onbekend: {}\n",
            old_loaded.ignored_facts.join(", ")
        ));
    }
    Ok(Outcome::ok(out))
}

/// `akkoord lint`: with the scenarios in the tests folder when it exists, for coverage.
fn lint(input: &Input, tests: Option<&std::path::Path>, json: bool) -> Result<Outcome, Failure> {
    let dir = tests.map_or_else(|| input.rules.join("tests"), std::path::Path::to_path_buf);
    let with_tests = dir.is_dir();
    if tests.is_some() && !with_tests {
        let dir = dir.display();
        return Err(Problem::Argument {
            message: tr!(
                "`--tests {dir}`: die map bestaat niet",
                "`--tests {dir}`: no such folder"
            ),
            help: Some(tr!(
                "de map bevat scenariobestanden (`*.akk`)",
                "the folder should hold scenario files (`*.akk`)"
            )),
        }
        .into());
    }
    let mut opts = options(input);
    if with_tests {
        opts.tests = Some(dir);
    }
    let mut loaded = load::load_all(&opts)?;
    let covered = if with_tests {
        match testing::run_scenarios(&mut loaded) {
            Ok(outcomes) => Some(outcomes.into_iter().flat_map(|o| o.covered).collect()),
            Err(problems) => {
                return Err(Failure {
                    problems,
                    sources: loaded.base.sources,
                });
            }
        }
    } else {
        None
    };
    let lints = akkoord::lint::lint(&loaded.base, &loaded.world, covered.as_ref());
    Ok(Outcome::ok(if json {
        report::lint_json(&loaded.base, &lints)
    } else {
        report::lint_text(&loaded.base, &lints, covered.is_some())
    }))
}

/// `akkoord test`: scenarios and properties; exit 1 when any fails.
fn test(
    input: &Input,
    dir: Option<&std::path::Path>,
    options_: testing::Options,
) -> Result<Outcome, Failure> {
    let dir = dir.map_or_else(|| input.rules.join("tests"), std::path::Path::to_path_buf);
    let mut opts = options(input);
    opts.tests = Some(dir);
    let mut loaded = load::load_all(&opts)?;
    let scenarios = match testing::run_scenarios(&mut loaded) {
        Ok(s) => s,
        Err(problems) => {
            return Err(Failure {
                problems,
                sources: loaded.base.sources,
            });
        }
    };
    let (base, world) = (&loaded.base, &loaded.world);
    let properties: Vec<_> = (0..base.properties.len())
        .map(|p| testing::check_property(base, world, p, options_))
        .collect();
    let failed = scenarios.iter().any(|s| !s.failures.is_empty())
        || properties
            .iter()
            .any(|p| matches!(p, testing::PropertyOutcome::Failed(_)));
    Ok(Outcome {
        stdout: report::test_text(base, world, &scenarios, &properties),
        stderr: String::new(),
        code: u8::from(failed),
    })
}

/// The action asked for, or every action the rules speak of for the agreement.
fn actions(ev: &Evaluator, agreement: usize, asked: Option<Action>) -> Vec<Action> {
    asked.map_or_else(|| ev.actions(agreement), |h| vec![h])
}

fn find(loaded: &Loaded, id: &str) -> Result<usize, Problem> {
    loaded.world.agreement(id).ok_or_else(|| {
        let known: Vec<&str> = loaded
            .world
            .agreements
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        let hint = suggest::did_you_mean(id, known.iter().copied()).unwrap_or_else(|| {
            tr!(
                "bekende akkoorden: {}",
                "known agreements: {}",
                known.join(", ")
            )
        });
        Problem::Argument {
            message: tr!("onbekend akkoord `{id}`", "unknown agreement `{id}`"),
            help: Some(hint),
        }
    })
}
