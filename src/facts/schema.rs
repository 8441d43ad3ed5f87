//! The JSON Schema of a facts file for one rule base: its declared facts with their types, its
//! attributes, recorded actions, and the value forms (plain, dated, a list of dated values).

use serde_json::{Value as Json, json};

use crate::compiled::RuleBase;
use crate::value::Type;

/// The schema a facts file for `base` must follow; editors and tools can validate with it.
pub fn schema(base: &RuleBase) -> Json {
    let attrs: serde_json::Map<String, Json> = base
        .attrs
        .iter()
        .map(|a| {
            (
                a.name.clone(),
                described(value_form(base, &a.ty), &a.question),
            )
        })
        .collect();
    let facts: serde_json::Map<String, Json> = base
        .facts
        .iter()
        .map(|f| {
            let form = value_form(base, &f.ty);
            let schema = if f.per_agreement {
                json!({ "type": "object", "additionalProperties": form,
                        "propertyNames": { "$ref": "#/$defs/id" } })
            } else {
                form
            };
            (f.name.clone(), described(schema, &f.question))
        })
        .collect();
    let mut agreement_props = attrs;
    for (k, v) in [
        ("naam", json!({ "type": "string" })),
        ("name", json!({ "type": "string" })),
        ("sinds", json!({ "$ref": "#/$defs/date" })),
        ("since", json!({ "$ref": "#/$defs/date" })),
        ("tot", json!({ "$ref": "#/$defs/date" })),
        ("bron", json!({ "type": "string" })),
        ("source", json!({ "type": "string" })),
        ("aanname", json!({ "type": "string" })),
        ("assumption", json!({ "type": "string" })),
        ("until", json!({ "$ref": "#/$defs/date" })),
        (
            "handelingen",
            json!({ "type": "array", "items": { "$ref": "#/$defs/recorded" } }),
        ),
        (
            "actions",
            json!({ "type": "array", "items": { "$ref": "#/$defs/recorded" } }),
        ),
    ] {
        agreement_props.insert(k.into(), v);
    }
    let agreements = json!({
        "type": "object",
        "propertyNames": { "$ref": "#/$defs/id" },
        "additionalProperties": { "type": "object", "properties": agreement_props, "additionalProperties": false }
    });
    let facts = json!({ "type": "object", "properties": facts, "additionalProperties": false });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "akkoord feitenbestand",
        "type": "object",
        "properties": {
            "akkoorden": agreements, "agreements": agreements,
            "feiten": facts, "facts": facts
        },
        "additionalProperties": false,
        "$defs": {
            "id": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "amount": { "anyOf": [
                { "type": "integer" },
                { "type": "string", "pattern": "^(€|EUR) ?-?[0-9]{1,3}(\\.[0-9]{3})*(,[0-9]+)?( (duizend|thousand|miljoen|mln|million|miljard|mld|billion))?$|^(€|EUR) ?-?[0-9]+(,[0-9]+)?( (duizend|thousand|miljoen|mln|million|miljard|mld|billion))?$" }
            ]},
            "recorded": {
                "type": "object",
                "properties": {
                    "handeling": { "enum": ["ondertekening", "instemming", "uitvoering", "onderhandeling", "signing", "consent", "execution", "negotiation"] },
                    "action": { "enum": ["ondertekening", "instemming", "uitvoering", "onderhandeling", "signing", "consent", "execution", "negotiation"] },
                    "datum": { "$ref": "#/$defs/date" }, "date": { "$ref": "#/$defs/date" },
                    "door": { "type": "string" }, "by": { "type": "string" },
                    "voorbehoud": { "anyOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] },
                    "reservation": { "anyOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] },
                    "bron": { "type": "string" }, "source": { "type": "string" }
                },
                "additionalProperties": false
            }
        }
    })
}

fn described(mut schema: Json, question: &str) -> Json {
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("description".into(), json!(question));
    }
    schema
}

/// A plain value of the type, or `null`, or a dated value, or a list of dated values.
fn value_form(base: &RuleBase, ty: &Type) -> Json {
    let plain = match ty {
        Type::Bool => json!({ "type": "boolean" }),
        Type::Number => json!({ "type": "integer" }),
        Type::Amount => json!({ "$ref": "#/$defs/amount" }),
        Type::Date => json!({ "$ref": "#/$defs/date" }),
        Type::Text => json!({ "type": "string" }),
        Type::Choice(c) => {
            json!({ "enum": base.choice(c).map_or(Vec::new(), |d| d.values.clone()) })
        }
    };
    let nullable = json!({ "anyOf": [plain, { "type": "null" }] });
    let mut fields = serde_json::Map::new();
    for key in ["waarde", "value"] {
        fields.insert(key.into(), nullable.clone());
    }
    for key in ["sinds", "since"] {
        fields.insert(key.into(), json!({ "$ref": "#/$defs/date" }));
    }
    for key in ["bron", "source", "aanname", "assumption"] {
        fields.insert(key.into(), json!({ "type": "string" }));
    }
    let mut replaced = serde_json::Map::new();
    for key in ["waarde", "value"] {
        replaced.insert(key.into(), nullable.clone());
    }
    for key in ["vervangen_op", "replaced_on"] {
        replaced.insert(key.into(), json!({ "$ref": "#/$defs/date" }));
    }
    for key in ["bron", "source", "aanname", "assumption"] {
        replaced.insert(key.into(), json!({ "type": "string" }));
    }
    let replaced = json!({ "type": "array", "items": {
        "type": "object", "properties": replaced, "additionalProperties": false,
        "description": "a value a correction replaced on the same date: history, not evaluated"
    }});
    for key in ["vervangt", "replaces"] {
        fields.insert(key.into(), replaced.clone());
    }
    let dated = json!({ "type": "object", "properties": fields, "additionalProperties": false });
    json!({ "anyOf": [nullable, dated, { "type": "array", "items": dated }] })
}
