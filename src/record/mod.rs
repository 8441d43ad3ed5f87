//! Recording what is known in the facts file itself: a new dated value of a fact
//! (`akkoord stel`), a new agreement (`akkoord nieuw-akkoord`), the answers of an interview
//! (`akkoord vragen`).
//!
//! A change is made to the file's text where [`crate::json`] says its place is (`splice`):
//! nothing else in the file moves. The whole result is then loaded and checked like any facts
//! file, and only a result that loads is written: atomically, while holding the file's lock,
//! and only when the file still holds the text the change was made to ([`crate::store`]).
//! A value is never overwritten: a new value is added in date order, and a correction of the
//! value of one day keeps the value it replaces under `vervangt`.

mod questions;
mod splice;

pub use questions::{Question, questions};

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::check::{self, Assignment, Loaded};
use crate::compiled::{AgreementId, AttrId, FactId, RuleBase};
use crate::error::{FactsError, Problem};
use crate::facts::Entry;
use crate::json::{self, Json, JsonKind};
use crate::load::{self, LoadError, Options};
use crate::span::{FileId, Sources};
use crate::store;
use crate::tr;
use crate::value::{Type, Value};

use splice::{Edit, Layout, Lines, Out};

/// A facts file as read, and the rules loaded with exactly that text.
#[derive(Clone, Debug)]
pub struct State {
    /// The facts file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The rules and facts.
    pub loaded: Loaded,
    /// The agreement the rules were loaded with a placeholder for (see [`State::read_for`]).
    placeholder: Option<String>,
}

/// A dated value to add to a fact.
#[derive(Clone, Debug, PartialEq)]
pub struct NewValue {
    /// The fact.
    pub fact: FactId,
    /// The agreement, for a per-agreement fact.
    pub agreement: Option<AgreementId>,
    /// The value; `None` records an explicit unknown.
    pub value: Option<Value>,
    /// From when it holds.
    pub since: Date,
    /// The document that establishes it.
    pub source: Option<String>,
    /// Why it is an assumption, when it is one.
    pub assumption: Option<String>,
}

/// Where a new value went.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The value.
    pub value: NewValue,
    /// For a correction: the value of the same day it replaced (kept under `vervangt`).
    pub replaced: Option<Entry>,
    /// When a later value takes over, its date.
    pub until: Option<Date>,
}

/// An agreement to put on the table.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAgreement {
    /// Its id, as rules and the CLI name it.
    pub id: String,
    /// Its full name.
    pub name: String,
    /// The day it came on the table.
    pub since: Option<Date>,
    /// The document that puts it there.
    pub source: Option<String>,
    /// Why something about it is an assumption.
    pub assumption: Option<String>,
    /// Its attributes, each with the same source or assumption.
    pub attributes: Vec<(AttrId, Value)>,
}

impl State {
    /// Reads the facts file the options name and loads the rules with it. What-if files and
    /// `--stel` are left out: a record is made to the file as it is.
    pub fn read(options: &Options) -> Result<State, LoadError> {
        let text = options
            .overlay
            .read(&options.facts_path())
            .map_err(|p| LoadError {
                problems: vec![p],
                sources: Sources::new(),
            })?;
        State::with_text(options, text)
    }

    /// The rules loaded with `text` standing in for the facts file.
    fn with_text(options: &Options, text: String) -> Result<State, LoadError> {
        let mut options = options.clone();
        options.what_if = None;
        options.set.clear();
        options.overlay.set(options.facts_path(), text.clone());
        let loaded = load::load_all(&options)?;
        Ok(State {
            path: options.facts_path(),
            text,
            loaded,
            placeholder: None,
        })
    }

    /// Reads as [`State::read`], to put agreement `id` on the table. Rules that already name it
    /// (written before the agreement was added) do not stop that: when they are the only
    /// problem, the rules are loaded with a placeholder for it, and the file is left as it was.
    pub fn read_for(options: &Options, id: &str) -> Result<State, LoadError> {
        let text = options
            .overlay
            .read(&options.facts_path())
            .map_err(|p| LoadError {
                problems: vec![p],
                sources: Sources::new(),
            })?;
        let names_it = |p: &Problem| {
            matches!(p, Problem::Check(crate::error::CheckError::Unknown {
                what: crate::error::What::Agreement,
                name,
                ..
            }) if name == id)
        };
        match State::with_text(options, text.clone()) {
            Err(e) if !e.problems.is_empty() && e.problems.iter().all(names_it) => {
                let Some(stub) = with_placeholder(&text, id) else {
                    return Err(e);
                };
                let mut state = State::with_text(options, stub)?;
                state.text = text;
                state.placeholder = Some(id.to_string());
                Ok(state)
            }
            other => other,
        }
    }

    fn failed(&self, problems: Vec<Problem>) -> LoadError {
        LoadError {
            problems,
            sources: self.loaded.base.sources.clone(),
        }
    }

    /// Reads `feit(akkoord)=waarde` as `--stel` does. For a text fact the value may be written
    /// without quotes: `notitie=in behandeling` is the text "in behandeling". `origin` names the
    /// text in errors.
    pub fn assignment(&mut self, origin: &str, text: &str) -> Result<Assignment, LoadError> {
        let Some((name, value)) = text.split_once('=') else {
            let problem = Problem::Argument {
                message: tr!(
                    "`{text}` zegt niet welke waarde het feit krijgt",
                    "`{text}` does not say which value the fact gets"
                ),
                help: Some(tr!(
                    "schrijf `feit=waarde` of `feit(akkoord)=waarde`, bijvoorbeeld `monitoringsafspraken_ggz=ja`",
                    "write `fact=value` or `fact(agreement)=value`, e.g. `monitoringsafspraken_ggz=ja`"
                )),
            };
            return Err(self.failed(vec![problem]));
        };
        let fact = name.split('(').next().unwrap_or_default().trim();
        let is_text = self
            .loaded
            .base
            .fact_id(fact)
            .is_some_and(|f| self.loaded.base.facts[f].ty == Type::Text);
        let value = value.trim();
        let text = if is_text && !value.starts_with('"') && !is_unknown_word(value) {
            let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
            format!("{name}=\"{escaped}\"")
        } else {
            text.to_string()
        };
        check::read_assignment(&mut self.loaded, origin, &text).map_err(|p| self.failed(p))
    }

    /// Reads `kenmerk=waarde` for a new agreement.
    pub fn attribute(&mut self, origin: &str, text: &str) -> Result<(AttrId, Value), LoadError> {
        check::read_attribute(&mut self.loaded, origin, text).map_err(|p| self.failed(p))
    }

    /// The file with `values` added, loaded and checked. A value on a day that already has
    /// one is refused, unless `correct`: then it replaces that day's value, which stays in the
    /// file under `vervangt`, marked as replaced on `today`.
    pub fn add_values(
        &self,
        options: &Options,
        values: &[NewValue],
        correct: bool,
        today: Date,
    ) -> Result<(State, Vec<Placed>), LoadError> {
        let mut problems = Vec::new();
        for (i, v) in values.iter().enumerate() {
            if let Err(p) = self.fits(v, correct) {
                problems.push(p);
            }
            let twice = values[..i]
                .iter()
                .any(|w| (w.fact, w.agreement, w.since) == (v.fact, v.agreement, v.since));
            if twice {
                let name = self.slot_name(v);
                problems.push(Problem::Argument {
                    message: tr!(
                        "`{name}` krijgt twee keer een waarde op {}",
                        "`{name}` gets a value twice on {}",
                        v.since
                    ),
                    help: Some(tr!("geef het één waarde", "give it one value")),
                });
            }
        }
        if !problems.is_empty() {
            return Err(self.failed(problems));
        }
        let mut text = self.text.clone();
        for v in values {
            text = self
                .splice_value(&text, v, correct, today)
                .map_err(|p| self.failed(vec![p]))?;
        }
        let after = State::with_text(options, text)?;
        let placed = values
            .iter()
            .map(|v| self.placed(&after, v, correct))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|p| self.failed(vec![p]))?;
        Ok((after, placed))
    }

    /// `x(ggz)` or `x`.
    fn slot_name(&self, v: &NewValue) -> String {
        let name = &self.loaded.base.facts[v.fact].name;
        match v.agreement {
            Some(a) => format!("{name}({})", self.loaded.world.agreement_id(a)),
            None => name.clone(),
        }
    }

    /// The entry a new value would meet on its day, refused unless it is corrected; a
    /// correction of a day without a value, refused.
    fn fits(&self, v: &NewValue, correct: bool) -> Result<(), Problem> {
        let timeline = self.loaded.world.fact(v.fact, v.agreement.unwrap_or(0));
        match (
            timeline.0.iter().find(|e| e.since == Some(v.since)),
            correct,
        ) {
            (Some(e), false) => Err(self.taken(v, e)),
            (None, true) => {
                let dates: Vec<String> = timeline
                    .0
                    .iter()
                    .filter_map(|e| e.since.map(|d| d.to_string()))
                    .collect();
                Err(self.nothing_to_correct(v, &dates))
            }
            _ => Ok(()),
        }
    }

    /// A new value for a day that has one, `e`: refused, pointing at it.
    fn taken(&self, v: &NewValue, e: &Entry) -> Problem {
        let (value, since) = (crate::answer::value_text(e.value.as_ref()), v.since);
        let message = tr!(
            "heeft op {since} al een waarde ({value})",
            "already has a value on {since} ({value})"
        );
        let help = Some(tr!(
            "een waarde wordt nooit overschreven: geef de nieuwe een latere `--sinds`, of corrigeer een fout met `--corrigeer` (de oude waarde blijft dan in het bestand, onder `vervangt`)",
            "a value is never overwritten: give the new one a later `--since`, or correct a mistake with `--correct` (the old value then stays in the file, under `vervangt`)"
        ));
        let fact = &self.loaded.base.facts[v.fact].name;
        let path = match v.agreement {
            Some(a) => format!("$.feiten.{fact}.{}", self.loaded.world.agreement_id(a)),
            None => format!("$.feiten.{fact}"),
        };
        match e.span {
            Some(span) => Problem::Facts(FactsError::Conflict {
                path,
                message,
                span,
                help,
            }),
            None => Problem::Argument { message, help },
        }
    }

    /// A correction of a day without a value; `dates` are the days that have one.
    fn nothing_to_correct(&self, v: &NewValue, dates: &[String]) -> Problem {
        let (name, since) = (self.slot_name(v), v.since);
        Problem::Argument {
            message: tr!(
                "`{name}` heeft op {since} geen waarde om te corrigeren",
                "`{name}` has no value on {since} to correct"
            ),
            help: Some(if dates.is_empty() {
                tr!(
                    "laat `--corrigeer` weg om een nieuwe waarde toe te voegen",
                    "leave out `--correct` to add a new value"
                )
            } else {
                tr!(
                    "waarden staan op: {}; of laat `--corrigeer` weg",
                    "values stand on: {}; or leave out `--correct`",
                    dates.join(", ")
                )
            }),
        }
    }

    /// Checks that the loaded result holds the value on its day, and says where it went.
    fn placed(&self, after: &State, v: &NewValue, correct: bool) -> Result<Placed, Problem> {
        let slot = v.agreement.unwrap_or(0);
        let now = after.loaded.world.fact(v.fact, slot);
        let holds = now
            .entry_at(v.since)
            .is_some_and(|e| e.since == Some(v.since) && e.value == v.value);
        if !holds {
            return Err(Problem::Write {
                path: self.path.display().to_string(),
                message: tr!(
                    "de nieuwe waarde van `{}` kwam niet op haar plaats; meld dit alstublieft",
                    "the new value of `{}` did not land in its place; please report this",
                    self.slot_name(v)
                ),
                help: None,
            });
        }
        let before = self.loaded.world.fact(v.fact, slot);
        Ok(Placed {
            value: v.clone(),
            replaced: correct
                .then(|| before.0.iter().find(|e| e.since == Some(v.since)).cloned())
                .flatten(),
            until: now.0.iter().filter_map(|e| e.since).find(|&d| d > v.since),
        })
    }

    /// `text` with `v` spliced in where its fact's values are.
    fn splice_value(
        &self,
        text: &str,
        v: &NewValue,
        correct: bool,
        today: Date,
    ) -> Result<String, Problem> {
        let (base, world) = (&self.loaded.base, &self.loaded.world);
        let root = parse(text)?;
        let cx = Splicer {
            text,
            keys: Keys::of(&root),
            layout: Layout::of(text, &root),
        };
        let decl = &base.facts[v.fact];
        let agreement = v.agreement.map(|a| world.agreement_id(a).to_string());
        let entry = |lines| cx.entry(v, lines);
        let in_section = |value: Out| match &agreement {
            Some(a) => Out::Object(vec![(a.clone(), value)], Lines::Many),
            None => value,
        };
        let Some((_, facts)) = root.get(&[DUTCH.facts, ENGLISH.facts]) else {
            let section = Out::Object(
                vec![(decl.name.clone(), in_section(entry(Lines::Many)))],
                Lines::Many,
            );
            return Ok(
                splice::add_member(text, &cx.layout, &root, cx.keys.facts, &section).apply(text),
            );
        };
        let Some(member) = member(facts, &decl.name) else {
            let value = in_section(entry(Lines::Many));
            return Ok(splice::add_member(text, &cx.layout, facts, &decl.name, &value).apply(text));
        };
        let member = match &agreement {
            None => member,
            Some(a) => match self::member(&member.value, a) {
                Some(m) => m,
                None => {
                    let lines = sibling_lines(text, &member.value);
                    let edit =
                        splice::add_member(text, &cx.layout, &member.value, a, &entry(lines));
                    return Ok(edit.apply(text));
                }
            },
        };
        let inline = !starts_line(text, member.key_span.start);
        Ok(cx
            .place(&member.value, v, correct, today, inline)
            .apply(text))
    }

    /// The file with a new agreement on the table, loaded and checked.
    pub fn add_agreement(&self, options: &Options, new: &NewAgreement) -> Result<State, LoadError> {
        if let Err(p) = self.new_id(&new.id) {
            return Err(self.failed(vec![p]));
        }
        let text = &self.text;
        let root = parse(text).map_err(|p| self.failed(vec![p]))?;
        let cx = Splicer {
            text,
            keys: Keys::of(&root),
            layout: Layout::of(text, &root),
        };
        let body = cx.agreement(&self.loaded.base, new);
        let edit = match root.get(&[DUTCH.agreements, ENGLISH.agreements]) {
            Some((_, section)) => splice::add_member(text, &cx.layout, section, &new.id, &body),
            None => {
                let section = Out::Object(vec![(new.id.clone(), body)], Lines::Many);
                splice::add_member(text, &cx.layout, &root, cx.keys.agreements, &section)
            }
        };
        let after = State::with_text(options, edit.apply(text))?;
        let landed = after
            .loaded
            .world
            .agreement(&new.id)
            .is_some_and(|a| after.loaded.world.agreements[a].name == new.name);
        if !landed {
            let problem = Problem::Write {
                path: self.path.display().to_string(),
                message: tr!(
                    "het nieuwe akkoord kwam niet op zijn plaats; meld dit alstublieft",
                    "the new agreement did not land in its place; please report this"
                ),
                help: None,
            };
            return Err(self.failed(vec![problem]));
        }
        Ok(after)
    }

    /// An id a new agreement may take: a name, not taken.
    fn new_id(&self, id: &str) -> Result<(), Problem> {
        let is_name = id
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_name {
            return Err(Problem::Argument {
                message: tr!(
                    "`{id}` is geen id: gebruik letters, cijfers en `_`, en begin niet met een cijfer",
                    "`{id}` is not an id: use letters, digits and `_`, and do not start with a digit"
                ),
                help: Some(tr!("bijvoorbeeld `ggz_2019`", "e.g. `ggz_2019`")),
            });
        }
        if let Some(a) = self
            .loaded
            .world
            .agreement(id)
            .filter(|_| self.placeholder.as_deref() != Some(id))
        {
            let name = &self.loaded.world.agreements[a].name;
            return Err(Problem::Argument {
                message: tr!(
                    "akkoord `{id}` staat al in het feitenbestand: {name}",
                    "agreement `{id}` is already in the facts file: {name}"
                ),
                help: Some(tr!(
                    "kies een ander id, of leg feiten over dit akkoord vast met `akkoord stel`",
                    "choose another id, or record facts about this agreement with `akkoord stel`"
                )),
            });
        }
        Ok(())
    }
}

/// The facts file's text with agreement `id` on the table by its id alone, or `None` when the
/// text is not a JSON object.
fn with_placeholder(text: &str, id: &str) -> Option<String> {
    let mut root: serde_json::Value = serde_json::from_str(text).ok()?;
    let object = root.as_object_mut()?;
    let english = object.contains_key(ENGLISH.agreements);
    let (section, name) = if english {
        (ENGLISH.agreements, "name")
    } else {
        (DUTCH.agreements, "naam")
    };
    let agreements = object
        .entry(section)
        .or_insert_with(|| serde_json::json!({}))
        .as_object_mut()?;
    agreements.insert(id.to_string(), serde_json::json!({ name: id }));
    serde_json::to_string(&root).ok()
}

/// True for the word that makes a value unknown.
fn is_unknown_word(text: &str) -> bool {
    matches!(text, "onbekend" | "unknown")
}

fn parse(text: &str) -> Result<Json, Problem> {
    json::parse(FileId(0), text).map_err(|e| Problem::Argument {
        message: e.message,
        help: e.help,
    })
}

fn member<'j>(object: &'j Json, key: &str) -> Option<&'j json::Member> {
    object.as_object()?.iter().find(|m| m.key == key)
}

fn starts_line(text: &str, at: usize) -> bool {
    text[..at]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.chars().all(|c| c == ' ' || c == '\t'))
}

/// How the values among the members of `object` are written: one line or many.
fn sibling_lines(text: &str, object: &Json) -> Lines {
    object
        .as_object()
        .and_then(|m| m.iter().map(|m| &m.value).find(|v| v.as_object().is_some()))
        .map_or(Lines::Many, |v| splice::lines_of(text, v))
}

/// The keys a facts file uses: Dutch, or English when its sections are.
#[derive(Clone, Copy)]
struct Keys {
    facts: &'static str,
    agreements: &'static str,
    name: &'static str,
    value: &'static str,
    since: &'static str,
    source: &'static str,
    assumption: &'static str,
    replaces: &'static str,
    replaced_on: &'static str,
}

const DUTCH: Keys = Keys {
    facts: "feiten",
    agreements: "akkoorden",
    name: "naam",
    value: "waarde",
    since: "sinds",
    source: "bron",
    assumption: "aanname",
    replaces: "vervangt",
    replaced_on: "vervangen_op",
};

const ENGLISH: Keys = Keys {
    facts: "facts",
    agreements: "agreements",
    name: "name",
    value: "value",
    since: "since",
    source: "source",
    assumption: "assumption",
    replaces: "replaces",
    replaced_on: "replaced_on",
};

impl Keys {
    fn of(root: &Json) -> Keys {
        let has = |k: &str| {
            root.as_object()
                .is_some_and(|m| m.iter().any(|m| m.key == k))
        };
        if !has(DUTCH.facts)
            && !has(DUTCH.agreements)
            && (has(ENGLISH.facts) || has(ENGLISH.agreements))
        {
            ENGLISH
        } else {
            DUTCH
        }
    }
}

/// What a splice needs: the text, its keys and its layout.
struct Splicer<'t> {
    text: &'t str,
    keys: Keys,
    layout: Layout,
}

impl Splicer<'_> {
    /// `{"waarde": …, "sinds": …, "bron": …, "aanname": …}`
    fn entry(&self, v: &NewValue, lines: Lines) -> Out {
        let k = self.keys;
        let value = crate::answer::value_json(v.value.as_ref()).to_string();
        let mut fields = vec![
            (k.value.to_string(), Out::Raw(value)),
            (k.since.to_string(), Out::text(&v.since.to_string())),
        ];
        fields.extend(
            v.source
                .as_ref()
                .map(|s| (k.source.to_string(), Out::text(s))),
        );
        fields.extend(
            v.assumption
                .as_ref()
                .map(|a| (k.assumption.to_string(), Out::text(a))),
        );
        Out::Object(fields, lines)
    }

    /// The edit that adds `v` to the values `json` holds: a list gets it in date order; one
    /// dated value, or a plain value (which holds always), becomes a list of two.
    fn place(&self, json: &Json, v: &NewValue, correct: bool, today: Date, inline: bool) -> Edit {
        let (text, layout) = (self.text, &self.layout);
        match &json.kind {
            JsonKind::Array(items) => {
                let lines = items
                    .first()
                    .map_or(Lines::Many, |i| splice::lines_of(text, i));
                match items.iter().find(|i| correct && since(i) == Some(v.since)) {
                    Some(old) => splice::replace(text, layout, old, &self.corrected(v, old, today)),
                    None => {
                        let index = items.iter().filter(|i| since(i) <= Some(v.since)).count();
                        splice::add_item(text, layout, json, index, &self.entry(v, lines))
                    }
                }
            }
            JsonKind::Object(_) if correct && since(json) == Some(v.since) => {
                splice::replace(text, layout, json, &self.corrected(v, json, today))
            }
            JsonKind::Object(_) => {
                let old = layout.deeper(text, json);
                let new = self.entry(v, splice::lines_of(text, json));
                let items = if since(json) <= Some(v.since) {
                    vec![old, new]
                } else {
                    vec![new, old]
                };
                splice::wrap(text, layout, json, items, inline)
            }
            _ => {
                let lines = if inline { Lines::One } else { Lines::Many };
                let plain = &text[json.span.start..json.span.end];
                let old = Out::Object(
                    vec![(self.keys.value.to_string(), Out::Raw(plain.to_string()))],
                    lines,
                );
                splice::wrap(text, layout, json, vec![old, self.entry(v, lines)], inline)
            }
        }
    }

    /// The new value of a day, holding the value it replaces (and what that one replaced).
    fn corrected(&self, v: &NewValue, old: &Json, today: Date) -> Out {
        let k = self.keys;
        let Out::Object(mut fields, lines) = self.entry(v, splice::lines_of(self.text, old)) else {
            return self.entry(v, Lines::Many);
        };
        let members = old.as_object().unwrap_or_default();
        let is = |m: &json::Member, keys: [&str; 2]| keys.contains(&m.key.as_str());
        let mut history: Vec<Out> = members
            .iter()
            .filter(|m| is(m, [DUTCH.replaces, ENGLISH.replaces]))
            .flat_map(|m| match &m.value.kind {
                JsonKind::Array(items) => items.iter().map(|i| self.copy(i)).collect(),
                _ => Vec::new(),
            })
            .collect();
        let mut record: Vec<(String, Out)> = members
            .iter()
            .filter(|m| {
                !is(m, [DUTCH.since, ENGLISH.since]) && !is(m, [DUTCH.replaces, ENGLISH.replaces])
            })
            .map(|m| (m.key.clone(), self.copy(&m.value)))
            .collect();
        record.push((k.replaced_on.to_string(), Out::text(&today.to_string())));
        history.push(Out::Object(record, Lines::One));
        fields.push((k.replaces.to_string(), Out::List(history, Lines::Many)));
        Out::Object(fields, lines)
    }

    /// A value as the file has it, to be written on one line.
    fn copy(&self, json: &Json) -> Out {
        match &json.kind {
            JsonKind::Object(members) => Out::Object(
                members
                    .iter()
                    .map(|m| (m.key.clone(), self.copy(&m.value)))
                    .collect(),
                Lines::One,
            ),
            JsonKind::Array(items) => {
                Out::List(items.iter().map(|i| self.copy(i)).collect(), Lines::One)
            }
            _ => Out::Raw(self.text[json.span.start..json.span.end].to_string()),
        }
    }

    /// A new agreement's member: its name, dates, source, then its attributes, each on one line.
    fn agreement(&self, base: &RuleBase, new: &NewAgreement) -> Out {
        let k = self.keys;
        let mut fields = vec![(k.name.to_string(), Out::text(&new.name))];
        fields.extend(
            new.since
                .map(|d| (k.since.to_string(), Out::text(&d.to_string()))),
        );
        let provenance: Vec<(String, Out)> = [
            new.source
                .as_ref()
                .map(|s| (k.source.to_string(), Out::text(s))),
            new.assumption
                .as_ref()
                .map(|a| (k.assumption.to_string(), Out::text(a))),
        ]
        .into_iter()
        .flatten()
        .collect();
        fields.extend(provenance.iter().cloned());
        for (attr, value) in &new.attributes {
            let mut attribute = vec![(
                k.value.to_string(),
                Out::Raw(crate::answer::value_json(Some(value)).to_string()),
            )];
            attribute.extend(provenance.iter().cloned());
            fields.push((
                base.attrs[*attr].name.clone(),
                Out::Object(attribute, Lines::One),
            ));
        }
        Out::Object(fields, Lines::Many)
    }
}

/// The `sinds` of a dated value; `None` when it has none (it holds always, so it comes first).
fn since(json: &Json) -> Option<Date> {
    json.get(&[DUTCH.since, ENGLISH.since])
        .and_then(|(_, d)| d.as_str())
        .and_then(|d| d.parse().ok())
}

/// Takes the lock on the facts file, so that writers take turns; `waiting` is called when
/// another writer holds it.
pub fn lock(path: &Path, waiting: impl FnOnce()) -> Result<store::Lock, Problem> {
    store::lock(path, waiting).map_err(|e| Problem::Write {
        path: path.display().to_string(),
        message: match e.kind() {
            std::io::ErrorKind::NotFound => tr!("het bestand bestaat niet", "no such file"),
            std::io::ErrorKind::PermissionDenied => tr!("geen toegang", "permission denied"),
            _ => e.to_string(),
        },
        help: Some(tr!(
            "`--facts` noemt het feitenbestand; standaard `feiten.json` in de map van `--rules`",
            "`--facts` names the facts file; by default `feiten.json` in the `--rules` folder"
        )),
    })
}

/// Writes `after` over the facts file, which must still hold `before`'s text; the caller holds
/// the file's [`lock`].
pub fn commit(
    _lock: &store::Lock,
    path: &Path,
    before: &State,
    after: &State,
) -> Result<(), Problem> {
    store::replace(path, &before.text, after.text.as_bytes()).map_err(|e| Problem::Write {
        path: path.display().to_string(),
        message: match e {
            store::ReplaceError::Changed => tr!(
                "het bestand is veranderd sinds akkoord het las",
                "the file changed since akkoord read it"
            ),
            store::ReplaceError::Io(e) => e.to_string(),
        },
        help: Some(tr!(
            "bekijk wat er veranderde en geef de opdracht opnieuw: ze voegt dan toe aan het bestand zoals het nu is",
            "look at what changed and give the command again: it then adds to the file as it is now"
        )),
    })
}
