//! `akkoord stel` and `akkoord nieuw-akkoord`: a record in the facts file, made under the file's
//! lock, checked before it is written, and what it changes.

use std::path::Path;

use akkoord::error::Problem;
use akkoord::load::{LoadError, Options};
use akkoord::record::{self, NewAgreement, NewValue, State};
use akkoord::{answer, report, terminal, tr};
use jiff::civil::Date;

use super::run::{Failure, Outcome, failed, rendered};
use super::{Cli, Command, Files, Format, Provenance};

/// Runs `stel` or `nieuw-akkoord`. On failure nothing is written, and the text says so.
pub fn run(cli: &Cli) -> Outcome {
    let (files, result) = match &cli.command {
        Command::Stel {
            assignments,
            since,
            provenance,
            correct,
            date,
            files,
        } => {
            let asked = Asked {
                since: *since,
                provenance,
                date: *date,
            };
            (files, stel(cli, files, assignments, &asked, *correct))
        }
        Command::NieuwAkkoord {
            id,
            name,
            attributes,
            since,
            provenance,
            date,
            files,
        } => {
            let asked = Asked {
                since: *since,
                provenance,
                date: *date,
            };
            (
                files,
                new_agreement(cli, files, id, name, attributes, &asked),
            )
        }
        // `run.rs` sends only these two commands here.
        _ => {
            return Outcome {
                stdout: String::new(),
                stderr: String::new(),
                code: 0,
                stream: None,
            };
        }
    };
    result.unwrap_or_else(|f| nothing_written(cli, files, f))
}

/// The problems as any command reports them, and in text that nothing was written (unless a
/// problem says so itself).
pub(super) fn nothing_written(cli: &Cli, files: &Files, f: Failure) -> Outcome {
    let said = f
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Write { .. }));
    let mut outcome = failed(cli, f);
    if cli.format == Format::Text && !said {
        let path = options(files).facts_path();
        outcome.stderr.push_str(&tr!(
            "niets geschreven naar {}\n",
            "nothing written to {}\n",
            path.display()
        ));
    }
    outcome
}

/// The date, source and assumption a record was asked with.
struct Asked<'a> {
    since: Option<Date>,
    provenance: &'a Provenance,
    date: Option<Date>,
}

impl Asked<'_> {
    /// A value without a source or a reason would be an unmarked assumption: one of the two is
    /// required.
    fn provenance(&self) -> Result<(Option<String>, Option<String>), Problem> {
        let p = self.provenance;
        let given = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
        let (source, assumption) = (given(&p.source), given(&p.assumption));
        if source.is_none() && assumption.is_none() {
            return Err(Problem::Argument {
                message: tr!(
                    "waar komt dit vandaan? `--bron` of `--aanname` ontbreekt",
                    "where does this come from? `--source` or `--assumption` is missing"
                ),
                help: Some(tr!(
                    "noem het document of de vergadering: `--bron \"Ledenbrief 12 juni 2019\"`; geeft geen document het, zeg dan waarom u het aanneemt: `--aanname \"…\"`",
                    "name the document or meeting: `--source \"Ledenbrief 12 juni 2019\"`; when no document gives it, say why you assume it: `--assumption \"…\"`"
                )),
            });
        }
        Ok((source, assumption))
    }
}

pub(super) fn options(files: &Files) -> Options {
    Options {
        facts: files.facts.clone(),
        ..Options::new(&files.rules)
    }
}

/// Today, where the computer is.
pub(super) fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Takes the facts file's lock, saying so on standard error when another writer has it.
pub(super) fn lock(path: &Path) -> Result<akkoord::store::Lock, Problem> {
    record::lock(path, || {
        terminal::eprint(&tr!(
            "wacht tot een andere schrijver klaar is met {} …\n",
            "waiting for another writer to finish with {} …\n",
            path.display()
        ));
    })
}

/// Reads every text with `read`; fails with the problems of all that do not read.
fn read_all<T>(
    state: &mut State,
    texts: &[String],
    mut read: impl FnMut(&mut State, &str) -> Result<T, LoadError>,
) -> Result<Vec<T>, Failure> {
    let mut problems = Vec::new();
    let mut found = Vec::new();
    for text in texts {
        match read(state, text) {
            Ok(t) => found.push(t),
            Err(e) => problems.extend(e.problems),
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(Failure {
            problems,
            sources: state.loaded.base.sources.clone(),
        })
    }
}

fn stel(
    cli: &Cli,
    files: &Files,
    assignments: &[String],
    asked: &Asked,
    correct: bool,
) -> Result<Outcome, Failure> {
    let (source, assumption) = asked.provenance()?;
    let options = options(files);
    let path = options.facts_path();
    let today = today();
    let since = asked.since.unwrap_or(today);
    let lock = lock(&path)?;
    let mut state = State::read(&options)?;
    let values = read_all(&mut state, assignments, |state, text| {
        state.assignment("stel", text).map(|a| NewValue {
            fact: a.fact,
            agreement: a.agreement,
            value: a.value,
            since,
            source: source.clone(),
            assumption: assumption.clone(),
        })
    })?;
    let (after, placed) = state.add_values(&options, &values, correct, today)?;
    record::commit(&lock, &path, &state, &after)?;
    drop(lock);
    let answer = answer::record(
        &state.loaded,
        &after.loaded,
        &path.display().to_string(),
        &placed,
        asked.since.is_none(),
        asked.date.unwrap_or(since),
    );
    Ok(rendered(cli, &answer, report::record_text, 0))
}

fn new_agreement(
    cli: &Cli,
    files: &Files,
    id: &str,
    name: &str,
    attributes: &[String],
    asked: &Asked,
) -> Result<Outcome, Failure> {
    let (source, assumption) = asked.provenance()?;
    if name.trim().is_empty() {
        return Err(Problem::Argument {
            message: tr!("`--naam` is leeg", "`--name` is empty"),
            help: Some(tr!(
                "geef de volledige naam, zoals de stukken hem noemen",
                "give the full name, as the documents give it"
            )),
        }
        .into());
    }
    let options = options(files);
    let path = options.facts_path();
    let since = asked.since.unwrap_or_else(today);
    let lock = lock(&path)?;
    let mut state = State::read_for(&options, id)?;
    let read = read_all(&mut state, attributes, |state, text| {
        state.attribute("kenmerk", text)
    })?;
    let new = NewAgreement {
        id: id.to_string(),
        name: name.trim().to_string(),
        since: Some(since),
        source,
        assumption,
        attributes: read,
    };
    let after = state.add_agreement(&options, &new)?;
    record::commit(&lock, &path, &state, &after)?;
    drop(lock);
    let answer = answer::new_agreement(
        &after.loaded,
        &path.display().to_string(),
        &new,
        asked.since.is_none(),
        asked.date.unwrap_or(since),
    );
    Ok(rendered(cli, &answer, report::new_agreement_text, 0))
}
