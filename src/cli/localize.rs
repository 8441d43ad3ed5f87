//! The command line in the reader's language: help in Dutch (as written in the definitions) or
//! English (from the table below), and clap's errors retold in our words.

use akkoord::error::Problem;
use akkoord::i18n::Lang;
use akkoord::tr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::{Cli, Format};

/// The language and format asked for, read before the arguments are parsed, so that even an
/// argument error is told in the right language and form. `AKKOORD_TAAL` sets a default.
pub fn pre_scan(args: &[String]) -> (Lang, Format) {
    let mut lang = std::env::var("AKKOORD_TAAL")
        .ok()
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or_default();
    let mut format = Format::Text;
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        let value = || inline.clone().or_else(|| iter.clone().next().cloned());
        match name {
            "--taal" | "--lang" => {
                if let Some(l) = value().and_then(|v| Lang::from_code(&v)) {
                    lang = l;
                }
            }
            "--format" if value().as_deref() == Some("json") => format = Format::Json,
            _ => {}
        }
    }
    (lang, format)
}

/// The clap command with help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    let cmd = translate(cmd, "", lang);
    let cmd = cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        translate(sub, &name, lang)
    });
    cmd.mut_subcommands(|sub| headings(sub, lang))
        .pipe(|c| headings(c, lang))
}

trait Pipe: Sized {
    fn pipe(self, f: impl FnOnce(Self) -> Self) -> Self {
        f(self)
    }
}

impl Pipe for Command {}

/// Section headings, the usage heading, and the help and version flags, in `lang`.
fn headings(cmd: Command, lang: Lang) -> Command {
    let (usage, options, arguments, commands, help, version) = match lang {
        Lang::Nl => (
            "Gebruik:",
            "Opties",
            "Argumenten",
            "Opdrachten",
            "Toon deze hulp",
            "Toon de versie",
        ),
        Lang::En => (
            "Usage:",
            "Options",
            "Arguments",
            "Commands",
            "Print this help",
            "Print the version",
        ),
    };
    let has_version = cmd.get_version().is_some();
    let mut cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(help),
        )
        .mut_args(|a| {
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            a.help_heading(heading)
        });
    if has_version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(version)
                .help_heading(options),
        );
    }
    cmd
}

/// Replaces the Dutch help of a command and its arguments by the English, for `Lang::En`.
fn translate(cmd: Command, name: &str, lang: Lang) -> Command {
    if lang == Lang::Nl {
        return cmd;
    }
    let mut cmd = match english_about(name) {
        Some(about) => cmd.about(about),
        None => cmd,
    };
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(help) = english_arg(name, &id) {
            cmd = cmd.mut_arg(id, |a| a.help(help));
        }
    }
    cmd
}

fn english_about(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => {
            "Which agreements may the VNG board sign under the motions the members adopted, and why."
        }
        "check" => {
            "Verdict per agreement and action, with the deciding rules and what must happen."
        }
        "vraag" => "The plain-language answer for one agreement (the same as `check --kort`).",
        "explain" => {
            "The full reasoning for one agreement: every rule with source, quote, date and facts."
        }
        "timeline" => "The verdict over time: consecutive periods, each with what opened it.",
        "audit" => {
            "Every recorded action checked against the verdict on its day, and what became of its reservations."
        }
        "unblock" => {
            "Every minimal set of fact changes that makes the verdict `mag`, smallest first."
        }
        "diff" => "The verdicts that differ between two rule sets (or two dates), and why.",
        "lint" => "Rules that look wrong, assumptions, and rules no scenario exercises.",
        "test" => {
            "Run the scenarios and prove or refute the properties in DIR (default: `tests` in the rules folder)."
        }
        "validate" => "Load and check everything: rules, facts, quotes, scenarios and properties.",
        "schema" => "The JSON Schema of the facts file or of a command's JSON output.",
        "lsp" => {
            "Language server for editors (LSP): the problems of `validate` as you type, hover, definitions and completion."
        }
        "serve" => {
            "The verdicts in a browser, with what-if, and as a JSON API; on this computer, until Ctrl-C."
        }
        "rapport" => {
            "The board report: one HTML file with overview, reasons, timelines, audit and provenance."
        }
        "motie" => {
            "A skeleton of rules from the text of a motion or resolution, with holes (`???`) to fill in; the text goes to `bronnen/`."
        }
        "stel" => {
            "Record values of facts in the facts file, with date and source, and show the verdicts they change."
        }
        "nieuw-akkoord" => {
            "Put a new agreement on the table in the facts file, with name, attributes, date and source."
        }
        "vragen" => {
            "Ask the open questions that matter, most decisive first, and record the answers."
        }
        "fmt" => {
            "Put rule and scenario files in one canonical layout, comments and quotes kept as they are."
        }
        _ => return None,
    })
}

fn english_arg(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        (_, "lang") => "Language of output, errors and help: nl (default) or en.",
        (_, "format") => "Output: text for people, or one JSON document for programs.",
        ("motie", "rules") => {
            "Folder with the rule files: the ids of its sources are taken, the text goes to its `bronnen/`."
        }
        ("fmt", "rules") => "Folder with the rule files (`*.akk`), when no path is given.",
        (_, "rules") => "Folder with the rule files (`*.akk`).",
        (_, "facts") => "Facts file (JSON); default: `feiten.json` in the rules folder.",
        (_, "what_if") => "What-if file: only `feiten`, replacing the facts it names.",
        (_, "set") => {
            "Set a fact for this evaluation only: `fact=value` or `fact(agreement)=value`; repeatable."
        }
        ("stel", "assignments") => {
            "`fact=value` or `fact(agreement)=value`, e.g. `monitoringsafspraken_ggz=ja`; more than one may be given."
        }
        ("stel", "since") => "The day the value holds from (YYYY-MM-DD); default: today.",
        ("stel", "correct") => {
            "Replace that day's value because it was wrong; the old one stays in the file under `vervangt`."
        }
        ("stel", "date") => "Compare the verdicts on this day; default: the `--since` day.",
        (_, "source") => {
            "The document or meeting it comes from; `--source` or `--assumption` is needed."
        }
        (_, "assumption") => "Why it is an assumption, when no document gives it.",
        ("nieuw-akkoord", "id") => {
            "The agreement's id: letters, digits and `_`, e.g. `jeugd_2019`."
        }
        ("nieuw-akkoord", "name") => "The full name.",
        ("nieuw-akkoord", "attributes") => {
            "An attribute: `attribute=value`, e.g. `soort=deelakkoord`; repeatable."
        }
        ("nieuw-akkoord", "since") => {
            "The day the agreement is on the table from (YYYY-MM-DD); default: today."
        }
        ("nieuw-akkoord", "date") => "Show the verdicts on this day; default: the `--since` day.",
        ("vragen", "date") => {
            "The day the answers hold from and the verdicts are given for (YYYY-MM-DD); default: today."
        }
        ("vragen", "write") => "Write the answers at the end without asking.",
        (_, "date") => "Evaluate as of this date (YYYY-MM-DD); default: today.",
        (_, "action") => {
            "Only this action (ondertekening, instemming, uitvoering, onderhandeling)."
        }
        (_, "max_age") => "Facts older than this many days count as possibly stale.",
        (_, "agreements") => "Agreements (ids); default: all on the table.",
        ("check", "kort") => "Short: one paragraph in plain language per agreement.",
        (_, "agreement") => "The agreement, e.g. `ggz`.",
        ("unblock", "fixed") => {
            "A fact no change may touch: `fact`, or `fact(agreement)`; repeatable."
        }
        ("unblock", "bound") => "How many partial plans the search keeps per condition at most.",
        ("unblock", "all") => "Show every way, not only the first ten.",
        ("unblock", "budget") => "How many combinations of ways the search examines at most.",
        ("diff", "old") => {
            "The old rules folder; default: the same as `--rules` (to compare dates)."
        }
        ("diff", "old_date") => {
            "Evaluate the old side as of this date; default: the same as `--op`."
        }
        (_, "tests") => "Folder with scenarios; default: `tests` in the rules folder.",
        ("test", "dir") => "Folder with scenario and property files (`*.akk`).",
        ("test", "cases") => "Generated fact sets per property when proving is too large.",
        ("test", "seed") => "Seed for generating; the same seed gives the same cases.",
        ("rapport", "out") => {
            "The HTML file to write (default `rapport.html`; with `--format json` only when named, beside the JSON document on stdout)."
        }
        ("serve", "address") => "The address to listen on; default: this computer only.",
        ("serve", "port") => "The port; 0 picks a free one.",
        ("motie", "file") => "The motion's or resolution's text, as plain text (UTF-8).",
        ("motie", "id") => "The source's id; default: made from the title.",
        ("motie", "kind") => {
            "Kind of source: motie, resolutie, besluit or standpunt; default: as the text calls itself."
        }
        ("motie", "out") => {
            "Write the skeleton to this file (which must not exist yet) instead of printing it."
        }
        ("motie", "no_copy") => "Do not copy the text to `bronnen/` in the rules folder.",
        ("schema", "what") => {
            "`feiten`, `fouten`, or a command: check, explain, timeline, audit, unblock, diff, lint, test, validate, motie, stel, nieuw-akkoord, fmt."
        }
        ("fmt", "paths") => {
            "Files or folders (a folder: every `.akk` file in it and in the folders inside it); `-` reads standard input and writes to standard output. Default: the rules folder."
        }
        ("fmt", "check") => {
            "Change nothing: name every file that is not formatted, with what would change; exit 1 if there is one."
        }
        ("fmt", "stdout") => {
            "Write the formatted file to standard output instead of over it (one file)."
        }
        ("fmt", "keywords") => {
            "Keywords in Dutch (nl) or English (en); default: the language each file is mostly in."
        }
        _ => return None,
    })
}

/// A clap error as a problem in our words; `None` when clap was asked to show help or the
/// version (which is not an error).
pub fn clap_problem(err: &clap::Error) -> Option<Problem> {
    let get = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .map(|s| tr!("bedoelde u `{s}`?", "did you mean `{s}`?"));
    let valid = get(ContextKind::ValidValue)
        .or_else(|| get(ContextKind::ValidSubcommand))
        .map(|v| tr!("mogelijk: {v}", "possible: {v}"));
    let help_hint = tr!(
        "zie `akkoord --help` of `akkoord <opdracht> --help`",
        "see `akkoord --help` or `akkoord <command> --help`"
    );
    let (message, help) = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => (
            tr!("onbekende optie `{arg}`", "unknown option `{arg}`"),
            suggestion.or(Some(help_hint)),
        ),
        ErrorKind::InvalidSubcommand => (
            tr!("onbekende opdracht `{arg}`", "unknown command `{arg}`"),
            suggestion.or(Some(help_hint)),
        ),
        ErrorKind::InvalidValue => (
            tr!(
                "ongeldige waarde `{value}` voor `{arg}`",
                "invalid value `{value}` for `{arg}`"
            ),
            valid,
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(err)
                .map(ToString::to_string)
                .unwrap_or_default();
            (
                tr!(
                    "ongeldige waarde voor `{arg}`: {reason}",
                    "invalid value for `{arg}`: {reason}"
                ),
                None,
            )
        }
        ErrorKind::MissingRequiredArgument => (
            tr!("ontbrekend argument {arg}", "missing argument {arg}"),
            Some(help_hint),
        ),
        ErrorKind::MissingSubcommand => (
            tr!("geen opdracht gegeven", "no command given"),
            Some(help_hint),
        ),
        ErrorKind::ArgumentConflict => (
            tr!(
                "`{arg}` gaat niet samen met een andere optie",
                "`{arg}` conflicts with another option"
            ),
            Some(help_hint),
        ),
        ErrorKind::TooManyValues | ErrorKind::NoEquals => (
            tr!(
                "onverwacht argument `{value}`",
                "unexpected argument `{value}`"
            ),
            Some(help_hint),
        ),
        _ => (err.kind().to_string(), Some(help_hint)),
    };
    Some(Problem::Argument { message, help })
}
