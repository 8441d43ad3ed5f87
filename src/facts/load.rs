//! Reading a facts file: JSON checked against the declarations, every error with its JSON path
//! and its line and column.

use jiff::civil::Date;

use crate::ast::Action;
use crate::compiled::{Agreement, AgreementId, FactId, RuleBase};
use crate::error::{FactsError, What};
use crate::json::{self, Json, JsonKind};
use crate::span::{FileId, Span, Spanned};
use crate::suggest::did_you_mean;
use crate::tr;
use crate::value::{Amount, Type, Value};

use super::{Entry, Recorded, Timeline, World};

const AGREEMENTS: [&str; 2] = ["akkoorden", "agreements"];
const FACTS: [&str; 2] = ["feiten", "facts"];
const NAME: [&str; 2] = ["naam", "name"];
const RECORDED: [&str; 2] = ["handelingen", "actions"];
const SINCE: [&str; 2] = ["sinds", "since"];
const UNTIL: [&str; 2] = ["tot", "until"];

/// Reads and validates a facts file against the declarations in `base`. Collects every error;
/// the world holds whatever could be read, so later checks can still name its agreements.
pub fn load(id: FileId, text: &str, base: &RuleBase) -> (World, Vec<FactsError>) {
    let json = match json::parse(id, text) {
        Ok(json) => json,
        Err(e) => return (World::default(), vec![json_error(e)]),
    };
    let mut cx = Loader::new(base, World::default());
    cx.top(&json);
    (cx.world, cx.errors)
}

/// Reads a scenario's facts file: only its `feiten`, which replace every fact value of `world`;
/// the agreements and their attributes stay those of the rule base.
pub fn load_values(
    id: FileId,
    text: &str,
    base: &RuleBase,
    world: &World,
) -> (World, Vec<FactsError>) {
    let mut blank = world.clone();
    for slot in blank.facts.iter_mut().flatten() {
        *slot = Timeline::default();
    }
    overlay(id, text, base, &blank)
}

/// Reads a what-if file: only its `feiten`, each replacing the values of the fact (or of the
/// one agreement's value) it names in `world`; everything else stays as it was.
pub fn overlay(id: FileId, text: &str, base: &RuleBase, world: &World) -> (World, Vec<FactsError>) {
    let json = match json::parse(id, text) {
        Ok(json) => json,
        Err(e) => return (world.clone(), vec![json_error(e)]),
    };
    let mut cx = Loader::new(base, world.clone());
    match json.as_object() {
        Some(members) => {
            for m in members.iter().filter(|m| !FACTS.contains(&m.key.as_str())) {
                let help = tr!(
                    "dit bestand bevat alleen `feiten`; de akkoorden komen uit het feitenbestand van de regels",
                    "this file holds only `feiten`; the agreements come from the rules' facts file"
                );
                cx.unknown(
                    format!("$.{}", m.key),
                    What::Section,
                    &m.key,
                    m.key_span,
                    Some(help),
                );
            }
            if let Some((key, facts)) = cx.section(&json, &FACTS) {
                cx.facts(&format!("$.{key}"), facts);
            }
        }
        None => cx.type_error(
            "$",
            &tr!("een object met `feiten`", "an object with `feiten`"),
            &json,
            None,
        ),
    }
    (cx.world, cx.errors)
}

fn json_error(e: json::JsonError) -> FactsError {
    FactsError::Json {
        message: e.message,
        span: e.span,
        label: e.label,
        help: e.help,
    }
}

struct Loader<'a> {
    base: &'a RuleBase,
    errors: Vec<FactsError>,
    world: World,
}

impl<'a> Loader<'a> {
    fn new(base: &'a RuleBase, world: World) -> Self {
        Loader {
            base,
            errors: Vec::new(),
            world,
        }
    }

    fn type_error(&mut self, path: &str, expected: &str, found: &Json, help: Option<String>) {
        self.errors.push(FactsError::Type {
            path: path.into(),
            expected: expected.into(),
            found: found.describe(),
            span: found.span,
            help,
        });
    }

    fn unknown(&mut self, path: String, what: What, name: &str, span: Span, help: Option<String>) {
        self.errors.push(FactsError::Unknown {
            path,
            what,
            name: name.into(),
            span,
            help,
        });
    }

    /// The value under one of `keys` (Dutch or English); both at once is an error.
    fn section<'j>(
        &mut self,
        json: &'j Json,
        keys: &[&'static str],
    ) -> Option<(&'static str, &'j Json)> {
        let members = json.as_object()?;
        let found: Vec<_> = members
            .iter()
            .filter(|m| keys.contains(&m.key.as_str()))
            .collect();
        if let [first, second, ..] = found.as_slice() {
            let (a, b) = (&first.key, &second.key);
            self.errors.push(FactsError::Json {
                message: tr!(
                    "`{a}` en `{b}` betekenen hetzelfde en staan hier allebei",
                    "`{a}` and `{b}` mean the same and both appear here"
                ),
                span: second.key_span,
                label: tr!("tweede keer", "second time"),
                help: Some(tr!(
                    "voeg ze samen onder één sleutel",
                    "merge them under one key"
                )),
            });
        }
        json.get(keys)
    }

    fn top(&mut self, json: &Json) {
        let Some(members) = json.as_object() else {
            let expected = tr!(
                "een object met `akkoorden` en `feiten`",
                "an object with `akkoorden` and `feiten`"
            );
            self.type_error("$", &expected, json, None);
            return;
        };
        for m in members {
            if !AGREEMENTS.contains(&m.key.as_str()) && !FACTS.contains(&m.key.as_str()) {
                let known = AGREEMENTS.iter().chain(&FACTS).copied();
                let help = did_you_mean(&m.key, known);
                self.unknown(
                    format!("$.{}", m.key),
                    What::Section,
                    &m.key,
                    m.key_span,
                    help,
                );
            }
        }
        self.world.facts = self
            .base
            .facts
            .iter()
            .map(|_| vec![Timeline::default()])
            .collect();
        if let Some((key, agreements)) = self.section(json, &AGREEMENTS) {
            self.agreements(&format!("$.{key}"), agreements);
        }
        let n = self.world.agreements.len();
        for (slots, decl) in self.world.facts.iter_mut().zip(&self.base.facts) {
            if decl.per_agreement {
                *slots = vec![Timeline::default(); n];
            }
        }
        if let Some((key, facts)) = self.section(json, &FACTS) {
            self.facts(&format!("$.{key}"), facts);
        }
    }

    fn agreements(&mut self, path: &str, json: &Json) {
        let Some(members) = json.as_object() else {
            let expected = tr!(
                "een object met akkoorden op id",
                "an object keyed by agreement id"
            );
            self.type_error(path, &expected, json, None);
            return;
        };
        for m in members {
            let (id, body) = (&m.key, &m.value);
            let path = format!("{path}.{id}");
            if !is_name(id) {
                self.errors.push(FactsError::Type {
                    path: path.clone(),
                    expected: tr!(
                        "een id van letters, cijfers en `_`",
                        "an id of letters, digits and `_`"
                    ),
                    found: format!("\"{id}\""),
                    span: m.key_span,
                    help: None,
                });
            }
            let a = self.world.agreements.len();
            let mut agreement = Agreement {
                id: id.clone(),
                name: id.clone(),
                since: None,
                until: None,
                source: None,
                assumption: None,
                span: m.key_span,
            };
            let mut attrs = vec![Timeline::default(); self.base.attrs.len()];
            match body.as_object() {
                Some(fields) => {
                    for f in fields {
                        let p = format!("{path}.{}", f.key);
                        let key = f.key.as_str();
                        if NAME.contains(&key) {
                            if let Some(s) = self.text(&p, &f.value) {
                                agreement.name = s;
                            }
                        } else if SINCE.contains(&key) {
                            agreement.since = self.date(&p, &f.value);
                        } else if UNTIL.contains(&key) {
                            agreement.until = self.date(&p, &f.value);
                        } else if key == "bron" || key == "source" {
                            agreement.source = self.text(&p, &f.value);
                        } else if key == "aanname" || key == "assumption" {
                            agreement.assumption = self.text(&p, &f.value);
                        } else if RECORDED.contains(&key) {
                            self.recorded(&p, a, &f.value);
                        } else if let Some(attr) = self.base.attr_id(key) {
                            let ty = self.base.attrs[attr].ty.clone();
                            attrs[attr] = self.timeline(&p, &f.value, &ty);
                        } else {
                            let known = self
                                .base
                                .attrs
                                .iter()
                                .map(|a| a.name.as_str())
                                .chain(NAME)
                                .chain(SINCE)
                                .chain(UNTIL)
                                .chain(RECORDED)
                                .chain(["bron", "aanname"]);
                            let help = did_you_mean(key, known);
                            self.unknown(p, What::Attribute, key, f.key_span, help);
                        }
                    }
                }
                None => {
                    let expected = tr!(
                        "een object met `naam` en kenmerken",
                        "an object with `naam` and attributes"
                    );
                    self.type_error(&path, &expected, body, None);
                }
            }
            if let (Some(since), Some(until)) = (agreement.since, agreement.until)
                && until <= since
            {
                self.errors.push(FactsError::Type {
                    path: format!("{path}.tot"),
                    expected: tr!(
                        "een datum na `sinds` ({since})",
                        "a date after `sinds` ({since})"
                    ),
                    found: until.to_string(),
                    span: m.key_span,
                    help: Some(tr!(
                        "`tot` is de eerste dag dat het akkoord niet meer op tafel ligt",
                        "`tot` is the first day the agreement is no longer on the table"
                    )),
                });
            }
            self.world.add_agreement(agreement, attrs);
        }
    }

    /// `"handelingen": [{"handeling": "ondertekening", "datum": "…", "door": "…", "voorbehoud": "…"}]`
    fn recorded(&mut self, path: &str, agreement: AgreementId, json: &Json) {
        let JsonKind::Array(items) = &json.kind else {
            let expected = tr!(
                "een lijst van vastgelegde handelingen",
                "a list of recorded actions"
            );
            self.type_error(path, &expected, json, None);
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("{path}[{i}]");
            let Some(fields) = item.as_object() else {
                let expected = tr!(
                    "een object met `handeling` en `datum`",
                    "an object with `handeling` and `datum`"
                );
                self.type_error(&path, &expected, item, None);
                continue;
            };
            let mut record = Recorded {
                agreement,
                action: Action::Signing,
                date: Date::MIN,
                by: None,
                reservations: Vec::new(),
                under: Vec::new(),
                source: None,
                path: path.clone(),
                span: item.span,
            };
            let (mut has_action, mut has_date) = (false, false);
            for f in fields {
                let p = format!("{path}.{}", f.key);
                match f.key.as_str() {
                    "handeling" | "action" => match f.value.as_str().and_then(Action::from_word) {
                        Some(a) => (record.action, has_action) = (a, true),
                        None => {
                            let expected = tr!(
                                "`ondertekening`, `instemming`, `uitvoering` of `onderhandeling`",
                                "`ondertekening`, `instemming`, `uitvoering` or `onderhandeling`"
                            );
                            self.type_error(&p, &expected, &f.value, None);
                        }
                    },
                    "datum" | "date" => {
                        if let Some(d) = self.date(&p, &f.value) {
                            (record.date, has_date) = (d, true);
                        }
                    }
                    "door" | "by" => record.by = self.text(&p, &f.value),
                    "voorbehoud" | "reservation" => {
                        record.reservations = self.rule_names(&p, &f.value)
                    }
                    "bron" | "source" => record.source = self.text(&p, &f.value),
                    key => {
                        let known = ["handeling", "datum", "door", "voorbehoud", "bron"];
                        let help = did_you_mean(key, known);
                        self.unknown(p, What::Field, key, f.key_span, help);
                    }
                }
            }
            if has_action && has_date {
                self.world.recorded.push(record);
            } else {
                let help = Some(tr!(
                    "elke vastgelegde handeling heeft `handeling` en `datum`",
                    "each recorded action needs `handeling` and `datum`"
                ));
                let expected = tr!(
                    "een object met `handeling` en `datum`",
                    "an object with `handeling` and `datum`"
                );
                self.type_error(&path, &expected, item, help);
            }
        }
    }

    /// `"bron.regel"` or a list of them: the reservations an action was taken under.
    fn rule_names(&mut self, path: &str, json: &Json) -> Vec<Spanned<String>> {
        let items: Vec<&Json> = match &json.kind {
            JsonKind::Array(items) => items.iter().collect(),
            _ => vec![json],
        };
        let mut names = Vec::new();
        for item in items {
            match item.as_str() {
                Some(s) => names.push(Spanned::new(s.to_string(), item.span)),
                None => {
                    let expected = tr!(
                        "de regel(s) met het voorbehoud, als \"bron.regel\" of een lijst daarvan",
                        "the rule(s) with the reservation, as \"source.rule\" or a list of those"
                    );
                    self.type_error(path, &expected, item, None);
                }
            }
        }
        names
    }

    fn text(&mut self, path: &str, json: &Json) -> Option<String> {
        let text = json.as_str().map(str::to_string);
        if text.is_none() {
            self.type_error(path, &tr!("tekst", "text"), json, None);
        }
        text
    }

    fn facts(&mut self, path: &str, json: &Json) {
        let Some(members) = json.as_object() else {
            let expected = tr!(
                "een object met feiten op naam",
                "an object keyed by fact name"
            );
            self.type_error(path, &expected, json, None);
            return;
        };
        for m in members {
            let (name, value) = (&m.key, &m.value);
            let path = format!("{path}.{name}");
            let Some(f) = self.base.fact_id(name) else {
                let known = self.base.facts.iter().map(|d| d.name.as_str());
                let help = did_you_mean(name, known);
                self.unknown(path, What::Fact, name, m.key_span, help);
                continue;
            };
            let decl = &self.base.facts[f];
            let ty = decl.ty.clone();
            if decl.per_agreement {
                self.per_agreement(&path, f, value, &ty);
            } else {
                let timeline = self.timeline(&path, value, &ty);
                if let Some(slots) = self.world.facts.get_mut(f) {
                    *slots = vec![timeline];
                }
            }
        }
    }

    fn per_agreement(&mut self, path: &str, fact: FactId, json: &Json, ty: &Type) {
        let Some(members) = json.as_object() else {
            let name = &self.base.facts[fact].name;
            let help = Some(tr!(
                "`{name}` heeft een waarde per akkoord: schrijf {{\"<akkoord-id>\": <waarde>, …}}",
                "`{name}` has a value per agreement: write {{\"<agreement id>\": <value>, …}}"
            ));
            let expected = tr!(
                "een object met akkoorden op id",
                "an object keyed by agreement id"
            );
            self.type_error(path, &expected, json, help);
            return;
        };
        for m in members {
            let path = format!("{path}.{}", m.key);
            match self.world.agreement(&m.key) {
                Some(a) => {
                    let timeline = self.timeline(&path, &m.value, ty);
                    if let Some(slot) = self.world.facts.get_mut(fact).and_then(|s| s.get_mut(a)) {
                        *slot = timeline;
                    }
                }
                None => {
                    let known = self.world.agreements.iter().map(|a| a.id.as_str());
                    let help = did_you_mean(&m.key, known);
                    self.unknown(path, What::Agreement, &m.key, m.key_span, help);
                }
            }
        }
    }

    /// A value form: a plain value or `null`, `{"waarde": …, "sinds": …, "bron": …}`, or a list
    /// of those objects.
    fn timeline(&mut self, path: &str, json: &Json, ty: &Type) -> Timeline {
        let mut entries: Vec<Entry> = match &json.kind {
            JsonKind::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| self.dated(&format!("{path}[{i}]"), item, ty))
                .collect(),
            JsonKind::Object(_) => self.dated(path, json, ty).into_iter().collect(),
            _ => vec![Entry {
                since: None,
                value: self.value(path, json, ty),
                source: None,
                assumption: None,
                span: Some(json.span),
            }],
        };
        entries.sort_by_key(|e| e.since);
        for pair in entries.windows(2) {
            if pair[0].since == pair[1].since {
                let date = pair[0]
                    .since
                    .map_or(tr!("zonder datum", "undated"), |d| d.to_string());
                self.errors.push(FactsError::Type {
                    path: path.into(),
                    expected: tr!(
                        "hoogstens één waarde per datum",
                        "at most one value per date"
                    ),
                    found: tr!("twee waarden voor {date}", "two values for {date}"),
                    span: pair[1].span.unwrap_or(json.span),
                    help: Some(tr!(
                        "geef elke waarde een eigen `sinds`-datum",
                        "give each value its own `sinds` date"
                    )),
                });
            }
        }
        Timeline(entries)
    }

    fn dated(&mut self, path: &str, json: &Json, ty: &Type) -> Option<Entry> {
        let Some(fields) = json.as_object() else {
            let expected = tr!(
                "een object met `waarde` en `sinds`",
                "an object with `waarde` and `sinds`"
            );
            self.type_error(path, &expected, json, None);
            return None;
        };
        let mut entry = Entry {
            since: None,
            value: None,
            source: None,
            assumption: None,
            span: Some(json.span),
        };
        let mut has_value = false;
        for f in fields {
            let p = format!("{path}.{}", f.key);
            match f.key.as_str() {
                "waarde" | "value" => {
                    has_value = true;
                    entry.value = self.value(&p, &f.value, ty);
                }
                "sinds" | "since" => entry.since = self.date(&p, &f.value),
                "bron" | "source" => entry.source = self.text(&p, &f.value),
                "aanname" | "assumption" => entry.assumption = self.text(&p, &f.value),
                "vervangt" | "replaces" => self.replaced(&p, &f.value, ty),
                key => {
                    let known = ["waarde", "sinds", "bron", "aanname", "vervangt"];
                    let help = did_you_mean(key, known);
                    self.unknown(p, What::Field, key, f.key_span, help);
                }
            }
        }
        if !has_value {
            let expected = tr!("een object met `waarde`", "an object with `waarde`");
            let help = Some(tr!(
                "schrijf `\"waarde\": null` voor een waarde die onbekend is",
                "write `\"waarde\": null` for a value that is unknown"
            ));
            self.type_error(path, &expected, json, help);
        }
        Some(entry)
    }

    /// `"vervangt": [{"waarde": …, "bron": …, "vervangen_op": "…"}]`: the values a correction
    /// (`akkoord stel --corrigeer`) replaced on the same date, kept as the file's history. They
    /// are checked like any value but do not count: the entry that holds them does.
    fn replaced(&mut self, path: &str, json: &Json, ty: &Type) {
        let JsonKind::Array(items) = &json.kind else {
            let expected = tr!(
                "een lijst van vervangen waarden",
                "a list of replaced values"
            );
            self.type_error(path, &expected, json, None);
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("{path}[{i}]");
            let Some(fields) = item.as_object() else {
                let expected = tr!(
                    "een object met `waarde` en `vervangen_op`",
                    "an object with `waarde` and `vervangen_op`"
                );
                self.type_error(&path, &expected, item, None);
                continue;
            };
            let (mut has_value, mut has_date) = (false, false);
            for f in fields {
                let p = format!("{path}.{}", f.key);
                match f.key.as_str() {
                    "waarde" | "value" => {
                        has_value = true;
                        self.value(&p, &f.value, ty);
                    }
                    "vervangen_op" | "replaced_on" => {
                        has_date = true;
                        self.date(&p, &f.value);
                    }
                    "bron" | "source" | "aanname" | "assumption" => {
                        self.text(&p, &f.value);
                    }
                    key => {
                        let known = ["waarde", "bron", "aanname", "vervangen_op"];
                        let help = did_you_mean(key, known);
                        self.unknown(p, What::Field, key, f.key_span, help);
                    }
                }
            }
            if !(has_value && has_date) {
                let expected = tr!(
                    "een object met `waarde` en `vervangen_op`",
                    "an object with `waarde` and `vervangen_op`"
                );
                let help = Some(tr!(
                    "een vervangen waarde houdt haar `waarde` en de dag waarop ze werd vervangen",
                    "a replaced value keeps its `waarde` and the day it was replaced"
                ));
                self.type_error(&path, &expected, item, help);
            }
        }
    }

    fn date(&mut self, path: &str, json: &Json) -> Option<Date> {
        match json.as_str().map(str::parse::<Date>) {
            Some(Ok(d)) => Some(d),
            other => {
                let expected = tr!("een datum \"JJJJ-MM-DD\"", "a date \"YYYY-MM-DD\"");
                // Written as a date, but not one on the calendar: say why (`2025-06-31`).
                let shaped = json.as_str().is_some_and(|t| {
                    t.len() == 10
                        && t.bytes().enumerate().all(|(i, b)| match i {
                            4 | 7 => b == b'-',
                            _ => b.is_ascii_digit(),
                        })
                });
                let help = match other {
                    Some(Err(e)) if shaped => Some(crate::parse::date_reason(&e)),
                    _ => None,
                };
                self.type_error(path, &expected, json, help);
                None
            }
        }
    }

    /// A plain JSON value checked against a declared type; `null` is unknown.
    fn value(&mut self, path: &str, json: &Json, ty: &Type) -> Option<Value> {
        if json.is_null() {
            return None;
        }
        match read_value(self.base, json, ty) {
            Ok(v) => Some(v),
            Err(ValueError { expected, help }) => {
                self.type_error(path, &expected, json, help);
                None
            }
        }
    }
}

/// Why a JSON value does not fit a type.
pub struct ValueError {
    /// What the type asks for.
    pub expected: String,
    /// How to write it.
    pub help: Option<String>,
}

/// A JSON value as a value of `ty`: the one reading of values in facts files, what-if files and
/// overrides.
pub fn read_value(base: &RuleBase, json: &Json, ty: &Type) -> Result<Value, ValueError> {
    let fail = |help: Option<String>| ValueError {
        expected: expected_json(ty),
        help,
    };
    match (ty, &json.kind) {
        (Type::Bool, JsonKind::Bool(b)) => Ok(Value::Bool(*b)),
        (Type::Bool, _) => Err(fail(Some(tr!(
            "schrijf true of false zonder aanhalingstekens; null als het onbekend is",
            "write true or false without quotes; null when unknown"
        )))),
        (Type::Number, JsonKind::Number(_)) => {
            json.as_i64().map(Value::Number).ok_or_else(|| fail(None))
        }
        (Type::Amount, JsonKind::Number(n)) => match json.as_i64() {
            Some(euros) => Amount::euros(euros)
                .map(Value::Amount)
                .map_err(|e| fail(Some(e.hint()))),
            None => Err(fail(Some(tr!(
                "een getal is een bedrag in hele euro's; schrijf euro's met centen als tekst, bijvoorbeeld \"€ {}\"",
                "a number is an amount in whole euros; write euros with cents as text, e.g. \"€ {}\"",
                n.replace('.', ",")
            )))),
        },
        (Type::Amount, JsonKind::Text(s)) => Amount::parse(s)
            .map(Value::Amount)
            .map_err(|e| fail(Some(format!("{e}; {}", e.hint())))),
        (Type::Date, JsonKind::Text(s)) => {
            s.parse::<Date>().map(Value::Date).map_err(|_| fail(None))
        }
        (Type::Text, JsonKind::Text(s)) => Ok(Value::Text(s.clone())),
        (Type::Choice(c), JsonKind::Text(s)) => match base.choice(c) {
            Some(d) if d.values.contains(s) => Ok(Value::Choice(s.clone())),
            Some(d) => Err(ValueError {
                expected: tr!("een van de waarden van `{c}`", "one of the `{c}` values"),
                help: did_you_mean(s, d.values.iter().map(String::as_str))
                    .or_else(|| Some(tr!("mogelijk: {}", "possible: {}", d.values.join(", ")))),
            }),
            None => Err(fail(None)),
        },
        _ => Err(fail(None)),
    }
}

fn expected_json(ty: &Type) -> String {
    match ty {
        Type::Bool => tr!("`true` of `false` (janee)", "`true` or `false` (janee)"),
        Type::Amount => tr!(
            "een bedrag in hele euro's of als tekst zoals \"€ 100 mln\" (bedrag)",
            "an amount in whole euros or as text such as \"€ 100 mln\" (bedrag)"
        ),
        Type::Number => tr!("een geheel getal (getal)", "a whole number (getal)"),
        Type::Date => tr!(
            "een datum \"JJJJ-MM-DD\" (datum)",
            "a date \"YYYY-MM-DD\" (datum)"
        ),
        Type::Text => tr!("tekst (tekst)", "text (tekst)"),
        Type::Choice(c) => tr!("een waarde van `{c}` als tekst", "a `{c}` value as text"),
    }
}

fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
