//! What a request asks, read in the CLI's words: the language (`?taal=en`), the day
//! (`?op=2019-06-01`), the action (`?handeling=…`), and for a what-if the JSON body
//! `{"op": "2019-06-01", "stel": ["fact(agreement)=value", …]}`.

use axum::extract::{FromRequestParts, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use jiff::civil::Date;
use serde::Deserialize;

use super::Refusal;
use crate::ast::Action;
use crate::error::Problem;
use crate::i18n::Lang;
use crate::{lookup, tr};

/// The query string as name–value pairs, or why it cannot be read.
pub(crate) struct Params(Result<Vec<(String, String)>, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let query = Query::<Vec<(String, String)>>::from_request_parts(parts, state).await;
        Ok(Params(query.map(|q| q.0).map_err(|e| e.body_text())))
    }
}

impl Params {
    /// The language a raw query asks for, as [`Params::lang`] reads it.
    pub(crate) fn lang_of(query: Option<&str>) -> Lang {
        let pairs = query
            .unwrap_or("")
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Params(Ok(pairs)).lang()
    }

    /// The language asked for (`taal` or `lang`); Dutch when none or an unknown one, which
    /// [`Params::asked`] then refuses.
    pub(crate) fn lang(&self) -> Lang {
        self.value(&["taal", "lang"])
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }

    fn value(&self, names: &[&str]) -> Option<&str> {
        let pairs = self.0.as_ref().ok()?;
        pairs
            .iter()
            .rev()
            .find(|(k, _)| names.contains(&k.as_str()))
            .map(|(_, v)| v.as_str())
    }

    /// What the query asks, or a 400 in the CLI's words.
    pub(crate) fn asked(&self) -> Result<Asked, Refusal> {
        if let Err(e) = &self.0 {
            return Err(bad(
                tr!(
                    "de vraag in de URL is niet te lezen: {e}",
                    "the URL's query cannot be read: {e}"
                ),
                None,
            ));
        }
        let lang = match self.value(&["taal", "lang"]) {
            Some(t) => lookup::lang(t).map_err(|m| invalid("taal", m))?,
            None => Lang::default(),
        };
        let date = match self.value(&["op", "as-of"]) {
            Some("") | None => None,
            Some(t) => Some(lookup::date(t).map_err(|m| invalid("op", m))?),
        };
        let action = match self.value(&["handeling", "action"]) {
            Some("") | None => None,
            Some(t) => Some(lookup::action(t).map_err(|m| invalid("handeling", m))?),
        };
        Ok(Asked {
            lang,
            date,
            action,
            set: Vec::new(),
        })
    }
}

/// What a request asks.
#[derive(Clone)]
pub(crate) struct Asked {
    /// The language of the texts.
    pub lang: Lang,
    /// The day; today when none.
    pub date: Option<Date>,
    /// Only this action, when given.
    pub action: Option<Action>,
    /// Facts set for this request only, as `--stel` takes them.
    pub set: Vec<String>,
}

impl Asked {
    /// The day asked about, or today.
    pub(crate) fn day(&self) -> Date {
        self.date.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    /// Reads a what-if body, `{"op": "YYYY-MM-DD", "stel": ["fact(agreement)=value", …]}`;
    /// its `op` wins over the query's.
    pub(crate) fn with_body(mut self, body: &[u8]) -> Result<Asked, Refusal> {
        let question: Question = serde_json::from_slice(body).map_err(|e| {
            bad(
                tr!(
                    "de inhoud van het verzoek is geen geldige wat-als-vraag: {e}",
                    "the request body is not a valid what-if question: {e}"
                ),
                Some(tr!(
                    "stuur JSON: {{\"op\": \"JJJJ-MM-DD\", \"stel\": [\"feit(akkoord)=waarde\", …]}}",
                    "send JSON: {{\"op\": \"YYYY-MM-DD\", \"stel\": [\"fact(agreement)=value\", …]}}"
                )),
            )
        })?;
        if let Some(t) = question.op.as_deref().filter(|t| !t.is_empty()) {
            self.date = Some(lookup::date(t).map_err(|m| invalid("op", m))?);
        }
        self.set = question.stel;
        Ok(self)
    }
}

/// The body of a what-if request.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    /// The day, `YYYY-MM-DD`.
    #[serde(default)]
    op: Option<String>,
    /// Facts to set, as `--stel` takes them.
    #[serde(default)]
    stel: Vec<String>,
}

fn invalid(name: &str, reason: String) -> Refusal {
    bad(
        tr!(
            "ongeldige waarde voor `{name}`: {reason}",
            "invalid value for `{name}`: {reason}"
        ),
        None,
    )
}

fn bad(message: String, help: Option<String>) -> Refusal {
    Refusal::new(StatusCode::BAD_REQUEST, Problem::Argument { message, help })
}
