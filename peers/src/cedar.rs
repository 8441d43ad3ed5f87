//! Cedar: one `permit` for signing and one `forbid … when { selector } unless { condition }`
//! per binding rule, so a request is allowed exactly when no rule that selects the agreement
//! fails. Agreements are `Akkoord` entities with their attributes and per-agreement facts; the
//! global facts are the request context.

use std::fmt::Write;
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Context, Decision, Entities, EntityUid, PolicySet, Request, Response, Schema,
    ValidationMode, Validator,
};
use serde_json::{Map, Value, json};

use crate::model::{Expr, Selector, Workload};

fn expr(w: &Workload, e: &Expr, out: &mut String) {
    match e {
        Expr::Fact(f) => {
            let _ = write!(out, "context.{}", w.facts[*f].0);
        }
        Expr::AgreementFact(f) => {
            let _ = write!(out, "resource.{}", w.agreement_facts[*f].0);
        }
        Expr::KindIn(kinds) => {
            let names: Vec<String> = kinds
                .iter()
                .map(|k| format!("\"{}\"", w.kinds[*k]))
                .collect();
            let _ = write!(out, "[{}].contains(resource.soort)", names.join(", "));
        }
        Expr::DomainIs(d) => {
            let _ = write!(out, "resource.domein == \"{}\"", w.domains[*d]);
        }
        Expr::Financial => out.push_str("resource.financieel"),
        Expr::Not(x) => {
            out.push('!');
            group(w, x, out);
        }
        Expr::And(x, y) => {
            group(w, x, out);
            out.push_str(" && ");
            group(w, y, out);
        }
        Expr::Or(x, y) => {
            group(w, x, out);
            out.push_str(" || ");
            group(w, y, out);
        }
    }
}

fn group(w: &Workload, e: &Expr, out: &mut String) {
    if matches!(e, Expr::And(..) | Expr::Or(..) | Expr::DomainIs(_)) {
        out.push('(');
        expr(w, e, out);
        out.push(')');
    } else {
        expr(w, e, out);
    }
}

/// The policy set: a permit for signing, and a forbid per binding rule.
pub fn policies_text(w: &Workload) -> String {
    let mut out =
        String::from("permit (principal, action == Action::\"ondertekening\", resource);\n");
    for (m, r) in w.binding_rules() {
        let _ = writeln!(out, "\n// {}.{}", m.id, r.id);
        match &r.selector {
            Selector::Ids(ids) if ids.len() == 1 => {
                let _ = writeln!(
                    out,
                    "forbid (principal, action == Action::\"ondertekening\", resource == Akkoord::\"{}\")",
                    w.agreements[ids[0]].id
                );
            }
            Selector::Ids(ids) => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|a| format!("Akkoord::\"{}\"", w.agreements[*a].id))
                    .collect();
                let _ = writeln!(
                    out,
                    "forbid (principal, action == Action::\"ondertekening\", resource)\nwhen {{ [{}].contains(resource) }}",
                    names.join(", ")
                );
            }
            Selector::Where(sel) => {
                out.push_str(
                    "forbid (principal, action == Action::\"ondertekening\", resource)\nwhen { ",
                );
                expr(w, sel, &mut out);
                out.push_str(" }\n");
            }
        }
        out.push_str("unless { ");
        expr(w, &r.condition, &mut out);
        out.push_str(" };\n");
    }
    out
}

/// The entities: the board and every agreement with its attributes and per-agreement facts.
pub fn entities_value(w: &Workload) -> Value {
    let mut list =
        vec![json!({ "uid": { "type": "Bestuur", "id": "vng" }, "attrs": {}, "parents": [] })];
    for (a, agreement) in w.agreements.iter().enumerate() {
        let mut attrs = Map::new();
        attrs.insert("soort".into(), json!(w.kinds[agreement.kind]));
        attrs.insert("domein".into(), json!(w.domains[agreement.domain]));
        attrs.insert("financieel".into(), json!(agreement.financial));
        for (name, values) in &w.agreement_facts {
            attrs.insert(name.clone(), json!(values[a]));
        }
        list.push(json!({
            "uid": { "type": "Akkoord", "id": agreement.id },
            "attrs": attrs,
            "parents": [],
        }));
    }
    Value::Array(list)
}

/// The request context: the global facts.
pub fn context_value(w: &Workload) -> Value {
    Value::Object(
        w.facts
            .iter()
            .map(|(n, v)| (n.clone(), Value::Bool(*v)))
            .collect(),
    )
}

/// The schema, in Cedar's schema syntax: the board, agreements with their attributes and
/// per-agreement facts, and signing with the global facts as context.
pub fn schema_text(w: &Workload) -> String {
    let mut attrs = vec![
        "soort: String".to_string(),
        "domein: String".to_string(),
        "financieel: Bool".to_string(),
    ];
    attrs.extend(w.agreement_facts.iter().map(|(n, _)| format!("{n}: Bool")));
    let context: Vec<String> = w.facts.iter().map(|(n, _)| format!("{n}: Bool")).collect();
    format!(
        "entity Bestuur;\nentity Akkoord {{ {} }};\naction ondertekening appliesTo {{ principal: Bestuur, resource: Akkoord, context: {{ {} }} }};\n",
        attrs.join(", "),
        context.join(", ")
    )
}

/// A validator for the workload's schema.
pub fn validator(w: &Workload) -> Result<Validator, String> {
    let schema: Schema = Schema::from_cedarschema_str(&schema_text(w))
        .map(|(schema, _warnings)| schema)
        .map_err(|e| format!("cedar schema: {e}"))?;
    Ok(Validator::new(schema))
}

/// Parses a policy set and validates it against the schema (strict mode).
pub fn parse_and_validate(policies: &str, validator: &Validator) -> Result<PolicySet, String> {
    let set = parse(policies)?;
    let result = validator.validate(&set, ValidationMode::Strict);
    match result.validation_errors().next() {
        Some(e) => Err(format!("cedar validation: {e}")),
        None => Ok(set),
    }
}

/// Policies, entities and one request per agreement to decide.
pub struct Cedar {
    /// The parsed policy set.
    pub policies: PolicySet,
    /// The entity store.
    pub entities: Entities,
    /// One request per agreement to decide, built once.
    pub requests: Vec<Request>,
    authorizer: Authorizer,
}

/// Parses a policy set.
pub fn parse(policies: &str) -> Result<PolicySet, String> {
    PolicySet::from_str(policies).map_err(|e| format!("cedar policies: {e:?}"))
}

fn uid(text: &str) -> Result<EntityUid, String> {
    EntityUid::from_str(text).map_err(|e| format!("cedar uid {text}: {e}"))
}

impl Cedar {
    /// Renders, parses and prepares a workload.
    pub fn new(w: &Workload) -> Result<Self, String> {
        let policies = parse(&policies_text(w))?;
        let entities = Entities::from_json_value(entities_value(w), None)
            .map_err(|e| format!("cedar entities: {e}"))?;
        let context = context_value(w);
        let principal = uid("Bestuur::\"vng\"")?;
        let action = uid("Action::\"ondertekening\"")?;
        let requests = w
            .decide
            .iter()
            .map(|&a| {
                let context = Context::from_json_value(context.clone(), None)
                    .map_err(|e| format!("cedar context: {e}"))?;
                let resource = uid(&format!("Akkoord::\"{}\"", w.agreements[a].id))?;
                Request::new(principal.clone(), action.clone(), resource, context, None)
                    .map_err(|e| format!("cedar request: {e}"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Cedar {
            policies,
            entities,
            requests,
            authorizer: Authorizer::new(),
        })
    }

    /// The response to each request, with its reasons (what is timed).
    pub fn decide_all(&self) -> Vec<Response> {
        self.requests
            .iter()
            .map(|r| {
                self.authorizer
                    .is_authorized(r, &self.policies, &self.entities)
            })
            .collect()
    }

    /// The decisions as may-sign booleans; an error when a policy failed to evaluate.
    pub fn verdicts(&self) -> Result<Vec<bool>, String> {
        self.decide_all()
            .into_iter()
            .map(|r| {
                if let Some(e) = r.diagnostics().errors().next() {
                    return Err(format!("cedar evaluation error: {e}"));
                }
                Ok(r.decision() == Decision::Allow)
            })
            .collect()
    }
}
