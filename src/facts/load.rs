//! Reading a facts file: JSON checked against the declarations, every error with its JSON path.

use jiff::civil::Date;
use serde_json::{Map, Value as Json};

use crate::ast::Action;
use crate::compiled::{Agreement, AgreementId, FactId, RuleBase};
use crate::error::FactsError;
use crate::span::{FileId, Span};
use crate::suggest::did_you_mean;
use crate::value::{Amount, Type, Value};

use super::{Entry, Recorded, Timeline, World};

const AGREEMENTS: [&str; 2] = ["akkoorden", "agreements"];
const FACTS: [&str; 2] = ["feiten", "facts"];
const NAME: [&str; 2] = ["naam", "name"];
const RECORDED: [&str; 2] = ["handelingen", "actions"];

/// Reads and validates a facts file against the declarations in `base`. Collects every error;
/// the world holds whatever could be read, so later checks can still name its agreements.
pub fn load(id: FileId, file: &str, text: &str, base: &RuleBase) -> (World, Vec<FactsError>) {
    let json = match parse_json(id, file, text) {
        Ok(json) => json,
        Err(e) => return (World::default(), vec![e]),
    };
    let mut cx = Loader {
        file,
        base,
        errors: Vec::new(),
        world: World::default(),
    };
    cx.top(&json);
    (cx.world, cx.errors)
}

/// Reads a scenario's facts file: only its `feiten`, which replace every fact value of `world`;
/// the agreements and their attributes stay those of the rule base.
pub fn load_values(
    id: FileId,
    file: &str,
    text: &str,
    base: &RuleBase,
    world: &World,
) -> (World, Vec<FactsError>) {
    let json = match parse_json(id, file, text) {
        Ok(json) => json,
        Err(e) => return (world.clone(), vec![e]),
    };
    let mut cx = Loader {
        file,
        base,
        errors: Vec::new(),
        world: world.clone(),
    };
    for slot in cx.world.facts.iter_mut().flatten() {
        *slot = Timeline::default();
    }
    match json.as_object() {
        Some(obj) => {
            for key in obj.keys().filter(|k| !FACTS.contains(&k.as_str())) {
                let help = "a scenario's facts file holds only `feiten`; agreements come from the rule base";
                cx.unknown(format!("$.{key}"), "section", key, Some(help.into()));
            }
            if let Some((key, facts)) = get(obj, &FACTS) {
                cx.facts(&format!("$.{key}"), facts);
            }
        }
        None => cx.type_error("$", "an object with `feiten`", &json, None),
    }
    (cx.world, cx.errors)
}

/// The JSON of a facts file, or an error pointing at the line and column serde_json reports.
fn parse_json(id: FileId, file: &str, text: &str) -> Result<Json, FactsError> {
    serde_json::from_str(text).map_err(|e| {
        let offset = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            + e.column().saturating_sub(1);
        let offset = offset.min(text.len());
        FactsError::Json {
            file: file.into(),
            line: e.line(),
            column: e.column(),
            message: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or("")
                .to_string(),
            span: Some(Span::new(id, offset, offset)),
        }
    })
}

struct Loader<'a> {
    file: &'a str,
    base: &'a RuleBase,
    errors: Vec<FactsError>,
    world: World,
}

impl Loader<'_> {
    fn type_error(&mut self, path: &str, expected: &str, found: &Json, help: Option<String>) {
        self.errors.push(FactsError::Type {
            file: self.file.into(),
            path: path.into(),
            expected: expected.into(),
            found: describe(found),
            help,
        });
    }

    fn unknown(&mut self, path: String, what: &'static str, name: &str, help: Option<String>) {
        self.errors.push(FactsError::Unknown {
            file: self.file.into(),
            path,
            what,
            name: name.into(),
            help,
        });
    }

    fn top(&mut self, json: &Json) {
        let Some(obj) = json.as_object() else {
            self.type_error("$", "an object with `akkoorden` and `feiten`", json, None);
            return;
        };
        for key in obj.keys() {
            if !AGREEMENTS.contains(&key.as_str()) && !FACTS.contains(&key.as_str()) {
                let known: Vec<&str> = AGREEMENTS.iter().chain(&FACTS).copied().collect();
                let help = did_you_mean(key, known);
                self.unknown(format!("$.{key}"), "section", key, help);
            }
        }
        self.world.facts = self
            .base
            .facts
            .iter()
            .map(|_| vec![Timeline::default()])
            .collect();
        if let Some((key, agreements)) = get(obj, &AGREEMENTS) {
            self.agreements(&format!("$.{key}"), agreements);
        }
        let n = self.world.agreements.len();
        for (slots, decl) in self.world.facts.iter_mut().zip(&self.base.facts) {
            if decl.per_agreement {
                *slots = vec![Timeline::default(); n];
            }
        }
        if let Some((key, facts)) = get(obj, &FACTS) {
            self.facts(&format!("$.{key}"), facts);
        }
    }

    fn agreements(&mut self, path: &str, json: &Json) {
        let Some(obj) = json.as_object() else {
            self.type_error(path, "an object keyed by agreement id", json, None);
            return;
        };
        for (id, body) in obj {
            let path = format!("{path}.{id}");
            if !is_name(id) {
                self.type_error(
                    &path,
                    "an agreement id of letters, digits and `_`",
                    &Json::String(id.clone()),
                    None,
                );
            }
            let mut attrs = vec![Timeline::default(); self.base.attrs.len()];
            let mut name = id.clone();
            match body.as_object() {
                Some(fields) => {
                    for (key, value) in fields {
                        let path = format!("{path}.{key}");
                        if NAME.contains(&key.as_str()) {
                            match value.as_str() {
                                Some(s) => name = s.to_string(),
                                None => self.type_error(&path, "text", value, None),
                            }
                        } else if RECORDED.contains(&key.as_str()) {
                            let agreement = self.world.agreements.len();
                            self.recorded(&path, agreement, value);
                        } else if let Some(a) = self.base.attrs.iter().position(|a| &a.name == key)
                        {
                            let ty = self.base.attrs[a].ty.clone();
                            attrs[a] = self.timeline(&path, value, &ty);
                        } else {
                            let known: Vec<&str> = self
                                .base
                                .attrs
                                .iter()
                                .map(|a| a.name.as_str())
                                .chain(NAME)
                                .collect();
                            let help = did_you_mean(key, known);
                            self.unknown(path, "attribute", key, help);
                        }
                    }
                }
                None => self.type_error(&path, "an object with `naam` and attributes", body, None),
            }
            self.world.agreements.push(Agreement {
                id: id.clone(),
                name,
            });
            self.world.attrs.push(attrs);
        }
    }

    /// `"handelingen": [{"handeling": "ondertekening", "datum": "…", "door": "…", "voorbehoud": "…"}]`
    fn recorded(&mut self, path: &str, agreement: AgreementId, json: &Json) {
        let Some(items) = json.as_array() else {
            self.type_error(path, "a list of recorded actions", json, None);
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("{path}[{i}]");
            let Some(obj) = item.as_object() else {
                self.type_error(&path, "an object with `handeling` and `datum`", item, None);
                continue;
            };
            let mut record = Recorded {
                agreement,
                action: Action::Signing,
                date: Date::MIN,
                by: None,
                reservation: None,
                source: None,
                path: path.clone(),
            };
            let (mut has_action, mut has_date) = (false, false);
            for (key, field) in obj {
                let p = format!("{path}.{key}");
                match key.as_str() {
                    "handeling" | "action" => match field.as_str().and_then(Action::from_word) {
                        Some(a) => (record.action, has_action) = (a, true),
                        None => {
                            let expected =
                                "`ondertekening`, `instemming`, `uitvoering` or `onderhandeling`";
                            self.type_error(&p, expected, field, None);
                        }
                    },
                    "datum" | "date" => {
                        if let Some(d) = self.date(&p, field) {
                            (record.date, has_date) = (d, true);
                        }
                    }
                    "door" | "by" => record.by = self.text(&p, field),
                    "voorbehoud" | "reservation" => record.reservation = self.text(&p, field),
                    "bron" | "source" => record.source = self.text(&p, field),
                    _ => {
                        let known = ["handeling", "datum", "door", "voorbehoud", "bron"];
                        let help = did_you_mean(key, known);
                        self.unknown(p, "field", key, help);
                    }
                }
            }
            if has_action && has_date {
                self.world.recorded.push(record);
            } else {
                let help = Some("each recorded action needs `handeling` and `datum`".to_string());
                self.type_error(&path, "an object with `handeling` and `datum`", item, help);
            }
        }
    }

    fn text(&mut self, path: &str, json: &Json) -> Option<String> {
        let text = json.as_str().map(str::to_string);
        if text.is_none() {
            self.type_error(path, "text", json, None);
        }
        text
    }

    fn facts(&mut self, path: &str, json: &Json) {
        let Some(obj) = json.as_object() else {
            self.type_error(path, "an object keyed by fact name", json, None);
            return;
        };
        for (name, value) in obj {
            let path = format!("{path}.{name}");
            let Some(f) = self.base.facts.iter().position(|d| &d.name == name) else {
                let known: Vec<&str> = self.base.facts.iter().map(|d| d.name.as_str()).collect();
                let help = did_you_mean(name, known);
                self.unknown(path, "fact", name, help);
                continue;
            };
            let decl = &self.base.facts[f];
            let ty = decl.ty.clone();
            if decl.per_agreement {
                self.per_agreement(&path, f, value, &ty);
            } else {
                self.world.facts[f] = vec![self.timeline(&path, value, &ty)];
            }
        }
    }

    fn per_agreement(&mut self, path: &str, fact: FactId, json: &Json, ty: &Type) {
        let Some(obj) = json.as_object() else {
            let help = Some(format!(
                "`{}` is declared per agreement: write {{\"<agreement id>\": <value>, …}}",
                self.base.facts[fact].name
            ));
            self.type_error(path, "an object keyed by agreement id", json, help);
            return;
        };
        for (id, value) in obj {
            let path = format!("{path}.{id}");
            match self.world.agreement(id) {
                Some(a) => {
                    let timeline = self.timeline(&path, value, ty);
                    self.world.facts[fact][a] = timeline;
                }
                None => {
                    let known: Vec<&str> = self
                        .world
                        .agreements
                        .iter()
                        .map(|a| a.id.as_str())
                        .collect();
                    let help = did_you_mean(id, known);
                    self.unknown(path, "agreement", id, help);
                }
            }
        }
    }

    /// A value form: a plain value or `null`, `{"waarde": …, "sinds": …, "bron": …}`, or a list
    /// of those objects.
    fn timeline(&mut self, path: &str, json: &Json, ty: &Type) -> Timeline {
        let mut entries = match json {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| self.dated(&format!("{path}[{i}]"), item, ty))
                .collect(),
            Json::Object(_) => self.dated(path, json, ty).into_iter().collect(),
            plain => vec![Entry {
                since: None,
                value: self.value(path, plain, ty),
                source: None,
            }],
        };
        entries.sort_by_key(|e| e.since);
        for pair in entries.windows(2) {
            if pair[0].since == pair[1].since {
                let date = pair[0]
                    .since
                    .map_or("undated".to_string(), |d| d.to_string());
                self.errors.push(FactsError::Type {
                    file: self.file.into(),
                    path: path.into(),
                    expected: "at most one value per date".into(),
                    found: format!("two values for {date}"),
                    help: Some("give each value its own `sinds` date".into()),
                });
            }
        }
        Timeline(entries)
    }

    fn dated(&mut self, path: &str, json: &Json, ty: &Type) -> Option<Entry> {
        let Some(obj) = json.as_object() else {
            self.type_error(path, "an object with `waarde` and `sinds`", json, None);
            return None;
        };
        let mut entry = Entry {
            since: None,
            value: None,
            source: None,
        };
        let mut has_value = false;
        for (key, field) in obj {
            let p = format!("{path}.{key}");
            match key.as_str() {
                "waarde" | "value" => {
                    has_value = true;
                    entry.value = self.value(&p, field, ty);
                }
                "sinds" | "since" => entry.since = self.date(&p, field),
                "bron" | "source" => match field.as_str() {
                    Some(s) => entry.source = Some(s.to_string()),
                    None => self.type_error(&p, "text", field, None),
                },
                _ => {
                    let help = did_you_mean(key, ["waarde", "sinds", "bron"]);
                    self.unknown(p, "field", key, help);
                }
            }
        }
        if !has_value {
            self.type_error(
                path,
                "an object with `waarde`",
                json,
                Some("write `\"waarde\": null` for a value that is unknown".into()),
            );
        }
        Some(entry)
    }

    fn date(&mut self, path: &str, json: &Json) -> Option<Date> {
        match json.as_str().map(str::parse::<Date>) {
            Some(Ok(d)) => Some(d),
            _ => {
                self.type_error(path, "a date \"YYYY-MM-DD\"", json, None);
                None
            }
        }
    }

    /// A plain JSON value checked against a declared type; `null` is unknown.
    fn value(&mut self, path: &str, json: &Json, ty: &Type) -> Option<Value> {
        if json.is_null() {
            return None;
        }
        let value = match (ty, json) {
            (Type::Bool, Json::Bool(b)) => Some(Value::Bool(*b)),
            (Type::Number, Json::Number(n)) => n.as_i64().map(Value::Number),
            (Type::Amount, Json::Number(n)) => n
                .as_i64()
                .and_then(|e| e.checked_mul(100))
                .map(|c| Value::Amount(Amount(c))),
            (Type::Amount, Json::String(s)) => Amount::parse(s).ok().map(Value::Amount),
            (Type::Date, Json::String(s)) => s.parse::<Date>().ok().map(Value::Date),
            (Type::Text, Json::String(s)) => Some(Value::Text(s.clone())),
            (Type::Choice(c), Json::String(s)) => {
                let choice = self.base.choices.iter().find(|d| &d.name == c);
                match choice {
                    Some(d) if d.values.contains(s) => Some(Value::Choice(s.clone())),
                    Some(d) => {
                        let known: Vec<&str> = d.values.iter().map(String::as_str).collect();
                        let expected = format!("one of the `{c}` values");
                        let help = did_you_mean(s, known);
                        self.type_error(path, &expected, json, help);
                        return None;
                    }
                    None => None,
                }
            }
            _ => None,
        };
        if value.is_none() {
            self.type_error(path, expected_json(ty), json, json_hint(ty));
        }
        value
    }
}

fn get<'j>(obj: &'j Map<String, Json>, keys: &[&'static str]) -> Option<(&'static str, &'j Json)> {
    keys.iter().find_map(|k| obj.get(*k).map(|v| (*k, v)))
}

fn expected_json(ty: &Type) -> &'static str {
    match ty {
        Type::Bool => "`true` or `false` (janee)",
        Type::Amount => "an amount in whole euros or text such as \"€ 100 mln\" (bedrag)",
        Type::Number => "a whole number (getal)",
        Type::Date => "a date \"YYYY-MM-DD\" (datum)",
        Type::Text => "text (tekst)",
        Type::Choice(_) => "a choice value as text",
    }
}

fn json_hint(ty: &Type) -> Option<String> {
    match ty {
        Type::Bool => Some("write true or false without quotes; null when unknown".into()),
        Type::Amount => Some("amounts are exact: no fractions of a cent".into()),
        _ => None,
    }
}

fn describe(json: &Json) -> String {
    match json {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("`{b}`"),
        Json::Number(n) => format!("the number `{n}`"),
        Json::String(s) => format!("the text \"{s}\""),
        Json::Array(_) => "a list".into(),
        Json::Object(_) => "an object".into(),
    }
}

fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
