//! `akkoord vragen`: the open questions that matter, asked one by one in the terminal (or read
//! from piped input), most decisive first; each answer is recorded in memory and the verdicts
//! are shown again. Only at the end, after a `ja` (or with `--schrijf`), are all answers written
//! at once, as `akkoord stel` writes; an input that ends early (Ctrl-D) or Ctrl-C writes nothing.

use std::io::{BufRead, IsTerminal};

use akkoord::compiled::AgreementId;
use akkoord::error::Problem;
use akkoord::record::{self, NewValue, Placed, State};
use akkoord::unblock::Slot;
use akkoord::{answer, lookup, report, terminal, tr};
use jiff::civil::Date;

use super::record::{lock, nothing_written, options, today};
use super::run::{Failure, Outcome};
use super::{Cli, Command, Files, Format, Provenance};

/// Runs `akkoord vragen`.
pub fn run(cli: &Cli) -> Outcome {
    let Command::Vragen {
        agreements,
        date,
        provenance,
        write,
        files,
    } = &cli.command
    else {
        // `run.rs` sends only this command here.
        return Outcome {
            stdout: String::new(),
            stderr: String::new(),
            code: 0,
            stream: None,
        };
    };
    let result = if cli.format == Format::Json {
        Err(Problem::Argument {
            message: tr!(
                "`akkoord vragen` is een gesprek; `--format json` past daar niet bij",
                "`akkoord vragen` is a conversation; `--format json` does not apply"
            ),
            help: Some(tr!(
                "leg waarden vast met `akkoord stel --format json`",
                "record values with `akkoord stel --format json`"
            )),
        }
        .into())
    } else {
        let stdin = std::io::stdin();
        let interactive = stdin.is_terminal();
        Interview::start(files, agreements, date.unwrap_or_else(today), provenance).and_then(
            |mut interview| {
                interview.interactive = interactive;
                interview.run(&mut stdin.lock(), *write)
            },
        )
    };
    result.unwrap_or_else(|f| nothing_written(cli, files, f))
}

/// Where an answer comes from: a source, or why it is assumed.
type SourceOrAssumption = (Option<String>, Option<String>);

/// An answer as typed, to give it back as an `akkoord stel` command if it cannot be written.
struct Typed {
    name: String,
    answer: String,
    source: Option<String>,
    assumption: Option<String>,
}

struct Interview<'a> {
    files: &'a Files,
    date: Date,
    scope: Vec<AgreementId>,
    defaults: SourceOrAssumption,
    interactive: bool,
    before: State,
    state: State,
    asked: Vec<Slot>,
    placed: Vec<Placed>,
    typed: Vec<Typed>,
}

impl<'a> Interview<'a> {
    fn start(
        files: &'a Files,
        agreements: &[String],
        date: Date,
        provenance: &Provenance,
    ) -> Result<Self, Failure> {
        let before = State::read(&options(files))?;
        let loaded = &before.loaded;
        let scope = if agreements.is_empty() {
            (0..loaded.world.agreements.len())
                .filter(|&a| loaded.world.on_table(a, date))
                .collect()
        } else {
            let mut scope = Vec::new();
            for id in agreements {
                let a = lookup::agreement(loaded, id)?;
                lookup::on_table(loaded, a, date)?;
                scope.push(a);
            }
            scope
        };
        let given = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
        Ok(Interview {
            files,
            date,
            scope,
            defaults: (given(&provenance.source), given(&provenance.assumption)),
            interactive: false,
            state: before.clone(),
            before,
            asked: Vec::new(),
            placed: Vec::new(),
            typed: Vec::new(),
        })
    }

    fn run(&mut self, input: &mut impl BufRead, write: bool) -> Result<Outcome, Failure> {
        self.say(&self.header());
        let mut number = 0;
        while let Some(q) = self.next_question() {
            number += 1;
            self.asked.push(q.slot());
            let info = answer::question(&self.state.loaded, self.date, &q);
            self.say(&report::question_text(number, &info));
            let Some((answer, assignment)) = self.answer(input, &q.name, &info)? else {
                self.say(&tr!("  overgeslagen\n", "  skipped\n"));
                continue;
            };
            let (source, assumption) = self.provenance(input, &q.name)?;
            let value = NewValue {
                fact: assignment.fact,
                agreement: assignment.agreement,
                value: assignment.value,
                since: self.date,
                source: source.clone(),
                assumption: assumption.clone(),
            };
            let (next, placed) =
                self.state
                    .add_values(&options(self.files), &[value], false, today())?;
            let after = answer::verdicts_of(&next.loaded, self.date, &q.about);
            self.say(&report::after_answer_text(&info.about, &after));
            self.state = next;
            self.placed.extend(placed);
            self.typed.push(Typed {
                name: q.name.clone(),
                answer,
                source,
                assumption,
            });
        }
        self.finish(input, write)
    }

    fn header(&self) -> String {
        let world = &self.state.loaded.world;
        let names: Vec<String> = self
            .scope
            .iter()
            .map(|&a| terminal::safe(&world.agreements[a].name).into_owned())
            .collect();
        tr!(
            "Open vragen per {} voor: {}.\nEen leeg antwoord slaat een vraag over; Ctrl-D of Ctrl-C stopt zonder iets te schrijven.\n",
            "Open questions as of {} for: {}.\nAn empty answer skips a question; Ctrl-D or Ctrl-C stops without writing anything.\n",
            self.date,
            names.join(", ")
        )
    }

    /// The most decisive question not yet asked, as things stand with the answers so far.
    fn next_question(&self) -> Option<record::Question> {
        let loaded = &self.state.loaded;
        record::questions(
            &loaded.base,
            &loaded.world,
            self.date,
            &self.scope,
            &self.asked,
        )
        .into_iter()
        .next()
    }

    fn say(&self, text: &str) {
        let _ = terminal::print(text);
    }

    /// Reads a line; the end of the input ends the interview, and nothing is written.
    fn line(&self, input: &mut impl BufRead) -> Result<String, Failure> {
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => Err(self.ended()),
            Ok(_) => {
                let line = line.trim().to_string();
                // A terminal shows what was typed; piped input is echoed, so that the output
                // reads as the conversation it was.
                if !self.interactive {
                    self.say(&format!("{}\n", terminal::safe(&line)));
                }
                Ok(line)
            }
        }
    }

    fn ended(&self) -> Failure {
        if self.interactive {
            self.say("\n");
        }
        Problem::Write {
            path: self.state.path.display().to_string(),
            message: tr!(
                "de invoer hield op voordat de vragen klaar waren",
                "the input ended before the questions did"
            ),
            help: Some(tr!(
                "er is niets veranderd; begin opnieuw met `akkoord vragen`",
                "nothing changed; start again with `akkoord vragen`"
            )),
        }
        .into()
    }

    /// The answer to one question, read as `akkoord stel` reads a value; `None` when skipped.
    /// On a terminal a bad answer is asked again; from piped input it ends the interview.
    fn answer(
        &mut self,
        input: &mut impl BufRead,
        name: &str,
        info: &answer::QuestionInfo,
    ) -> Result<Option<(String, akkoord::check::Assignment)>, Failure> {
        loop {
            let line = self.line(input)?;
            if line.is_empty() {
                return Ok(None);
            }
            match self.state.assignment("antwoord", &format!("{name}={line}")) {
                Ok(a) => return Ok(Some((line, a))),
                Err(e) if self.interactive => {
                    for p in &e.problems {
                        terminal::eprint(&akkoord::error::render(p, &e.sources));
                    }
                    self.say(&report::answer_prompt(info));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The source of an answer: a line with the document, or `aanname: why`; an empty line
    /// takes `--bron` or `--aanname`, when given.
    fn provenance(
        &self,
        input: &mut impl BufRead,
        name: &str,
    ) -> Result<SourceOrAssumption, Failure> {
        let default = self.defaults.0.as_deref().or(self.defaults.1.as_deref());
        loop {
            self.say(&report::source_prompt(default));
            let line = self.line(input)?;
            match provenance_of(line, default.map(|_| &self.defaults)) {
                Some(found) => return Ok(found),
                None if self.interactive => self.say(&tr!(
                    "  Een bron of een aanname is nodig: waar komt dit antwoord vandaan?\n",
                    "  A source or an assumption is needed: where does this answer come from?\n"
                )),
                None => {
                    return Err(Problem::Argument {
                        message: tr!(
                            "het antwoord voor `{name}` heeft geen bron en geen aanname",
                            "the answer for `{name}` has no source and no assumption"
                        ),
                        help: Some(tr!(
                            "geef op de regel na het antwoord de bron, of `aanname: waarom`; of geef `--bron` voor alle antwoorden",
                            "give the source on the line after the answer, or `aanname: why`; or give `--source` for all answers"
                        )),
                    }
                    .into());
                }
            }
        }
    }

    /// What will be written and what it changes; after a `ja` (or with `--schrijf`), all
    /// answers in one write.
    fn finish(&self, input: &mut impl BufRead, write: bool) -> Result<Outcome, Failure> {
        let done = |stdout: String| Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
            stream: None,
        };
        if self.asked.is_empty() {
            return Ok(done(tr!(
                "Er zijn geen open vragen die ertoe doen.\n",
                "There are no open questions that matter.\n"
            )));
        }
        if self.placed.is_empty() {
            return Ok(done(tr!(
                "\nGeen antwoorden; niets geschreven.\n",
                "\nNo answers; nothing written.\n"
            )));
        }
        let path = self.state.path.display().to_string();
        let summary = answer::record(
            &self.before.loaded,
            &self.state.loaded,
            &path,
            &self.placed,
            false,
            self.date,
        );
        self.say(&report::answers_text(&summary));
        if !write {
            self.say(&report::confirm_prompt(self.placed.len(), &path));
            let line = self.line(input)?.to_lowercase();
            if !matches!(line.as_str(), "ja" | "j" | "yes" | "y") {
                return Ok(done(tr!("Niets geschreven.\n", "Nothing written.\n")));
            }
        }
        let lock = lock(&self.state.path)?;
        if let Err(p) = record::commit(&lock, &self.state.path, &self.before, &self.state) {
            terminal::eprint(&self.as_commands());
            return Err(p.into());
        }
        Ok(done(tr!(
            "Geschreven naar {path}.\n",
            "Written to {path}.\n"
        )))
    }

    /// The answers as `akkoord stel` commands, so that none is lost when they cannot be written.
    fn as_commands(&self) -> String {
        let mut out = tr!(
            "Uw antwoorden, als opdrachten om ze alsnog vast te leggen:\n",
            "Your answers, as commands to record them after all:\n"
        );
        let mut place = String::new();
        if self.files.rules.as_os_str() != "rules" {
            place.push_str(&format!(
                " --rules {}",
                quote(&self.files.rules.display().to_string())
            ));
        }
        if let Some(facts) = &self.files.facts {
            place.push_str(&format!(" --facts {}", quote(&facts.display().to_string())));
        }
        for t in &self.typed {
            let mut line = format!(
                "  akkoord stel {} --sinds {}",
                quote(&format!("{}={}", t.name, t.answer)),
                self.date
            );
            if let Some(s) = &t.source {
                line.push_str(&format!(" --bron {}", quote(s)));
            }
            if let Some(a) = &t.assumption {
                line.push_str(&format!(" --aanname {}", quote(a)));
            }
            out.push_str(&format!("{line}{place}\n"));
        }
        out
    }
}

/// A source line: the source, or `aanname: why`; empty, the defaults. `None` when it gives
/// neither.
fn provenance_of(
    line: String,
    defaults: Option<&SourceOrAssumption>,
) -> Option<SourceOrAssumption> {
    let lower = line.to_lowercase();
    let assumed = ["aanname:", "assumption:"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| line[p.len()..].trim().to_string());
    match assumed {
        Some(reason) if reason.is_empty() => None,
        Some(reason) => Some((None, Some(reason))),
        None if line.is_empty() => defaults.cloned(),
        None => Some((Some(line), None)),
    }
}

/// A shell word in single quotes.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
