//! Source text to syntax tree. The only file that names pest: one function per grammar rule,
//! named after it, and a Pratt parser for the operators. Pairs become AST nodes at once.

use jiff::civil::Date;
use pest::Parser as _;
use pest::iterators::Pair;

use crate::ast::{
    Action, AttrDecl, ChoiceDecl, Effect, Event, EventKind, Expr, ExprKind, FactDecl, File, Hole,
    Ident, Item, Literal, Rule, RuleKind, Selector, Source, SourceKind, Target, Vote,
};
use crate::error::ParseError;
use crate::span::{FileId, Span, Spanned};
use crate::tr;
use crate::value::Type;

mod errors;
mod expr;
mod scenario;
mod tree;

pub use tree::{Syntax, Tree, parse_tree};

pub(crate) use errors::date_reason;
use errors::{prescan, syntax_error};

mod grammar {
    #![allow(missing_docs, reason = "the rules' doc comments are the grammar's")]
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/akkoord.pest"]
    pub struct Grammar;
}

/// pest's generated rule type; named `Syn` because "rule" is our domain word.
use grammar::{Grammar, Rule as Syn};

type R<T> = Result<T, ParseError>;

/// How deep parentheses may nest. Conditions people write are a few levels deep; the limit keeps
/// the recursive stages after parsing within the stack on any input.
pub const MAX_NESTING: usize = 64;

/// Files at least this large are parsed in pieces, one per core: pest reads about 10 MB/s on
/// one core, so a large generated rule base is read in half the time on two.
const PIECES_FROM: usize = 256 * 1024;

/// Parses one rule file.
pub fn parse_file(file: FileId, text: &str) -> R<File> {
    if let Some(err) = prescan(file, text) {
        return Err(err);
    }
    if text.len() >= PIECES_FROM
        && let Some(items) = parse_in_pieces(file, text)
    {
        return Ok(File { items });
    }
    match parse_items(file, text, 0) {
        Ok(items) => Ok(File { items }),
        Err(Unparsed::Syntax(e)) => Err(syntax_error(file, text, *e)),
        Err(Unparsed::Item(e)) => Err(e),
    }
}

/// Why a text did not parse: pest's syntax error (placed in the whole file by the caller), or
/// an item the grammar accepts but that is wrong (an amount that cannot be read, …).
enum Unparsed {
    Syntax(Box<pest::error::Error<Syn>>),
    Item(ParseError),
}

impl From<ParseError> for Unparsed {
    fn from(e: ParseError) -> Self {
        Unparsed::Item(e)
    }
}

/// Parses a large file as pieces cut where a top-level item starts a line, on as many threads
/// as there are cores, and joins their items in order. `None` when a piece does not parse: the
/// file is then parsed whole, which gives the errors their exact places. (Were a cut ever to
/// fall inside a text or comment, the piece before it would end unclosed and fail, so a wrong
/// cut cannot go unnoticed.)
fn parse_in_pieces(file: FileId, text: &str) -> Option<Vec<Item>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 {
        return None;
    }
    let mut cuts = cuts(text, threads);
    cuts.push(text.len());
    std::thread::scope(|scope| {
        let pieces: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let (start, end) = (w[0], w[1]);
                std::thread::Builder::new()
                    .stack_size(crate::limits::STACK_BYTES)
                    .spawn_scoped(scope, move || {
                        parse_items(file, &text[start..end], start).ok()
                    })
            })
            .collect();
        let mut items = Vec::new();
        for piece in pieces {
            items.extend(piece.ok()?.join().ok()??);
        }
        Some(items)
    })
}

/// The words that start a top-level item (`motie`, `feit`, `scenario`, …), in both languages.
pub(crate) const ITEM_WORDS: [&str; 17] = [
    "keuze",
    "choice",
    "feit",
    "fact",
    "kenmerk",
    "attribute",
    "motie",
    "motion",
    "resolutie",
    "resolution",
    "besluit",
    "decision",
    "standpunt",
    "position",
    "scenario",
    "eigenschap",
    "property",
];

/// Places to cut `text` into about `n` pieces: lines that start with a word that starts a
/// top-level item (`motie`, `feit`, `scenario`, …), outside texts in quotes and comments.
fn cuts(text: &str, n: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let starts_item = |at: usize| {
        let rest = &bytes[at..];
        ITEM_WORDS.iter().any(|w| {
            rest.starts_with(w.as_bytes())
                && rest
                    .get(w.len())
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_')
        })
    };
    let mut cuts = vec![0];
    let (mut in_text, mut in_comment, mut in_line_comment) = (false, false, false);
    let mut i = 0;
    while i < bytes.len() && cuts.len() < n {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        if in_text {
            match b {
                b'\\' => i += 1,
                b'"' => in_text = false,
                _ => {}
            }
        } else if in_comment {
            if b == b'*' && next == Some(b'/') {
                in_comment = false;
                i += 1;
            }
        } else if in_line_comment {
            in_line_comment = b != b'\n';
        } else {
            match (b, next) {
                (b'"', _) => in_text = true,
                (b'/', Some(b'*')) => {
                    in_comment = true;
                    i += 1;
                }
                (b'/', Some(b'/')) => in_line_comment = true,
                _ => {}
            }
        }
        if b == b'\n' && !in_text && !in_comment {
            let target = cuts.len() * bytes.len() / n;
            if i + 1 >= target && i + 1 < bytes.len() && starts_item(i + 1) {
                cuts.push(i + 1);
            }
        }
        i += 1;
    }
    cuts
}

/// The items of `text`, a whole file or a piece of one that starts at byte `offset` of it.
fn parse_items(file: FileId, text: &str, offset: usize) -> Result<Vec<Item>, Unparsed> {
    let mut pairs = Grammar::parse(Syn::file, text).map_err(|e| Unparsed::Syntax(Box::new(e)))?;
    let Some(top) = pairs.next() else {
        return Ok(Vec::new());
    };
    let cx = Cx { file, offset };
    let mut items = Vec::new();
    for pair in top.into_inner() {
        items.push(match pair.as_rule() {
            Syn::choice_decl => Item::Choice(cx.choice_decl(pair)),
            Syn::fact_decl => Item::Fact(cx.fact_decl(pair)),
            Syn::attr_decl => Item::Attribute(cx.attr_decl(pair)),
            Syn::source => Item::Source(Box::new(cx.source(pair)?)),
            Syn::scenario => Item::Scenario(Box::new(cx.scenario(pair)?)),
            Syn::property => Item::Property(Box::new(cx.property(pair)?)),
            // `file` holds only the items above and EOI.
            _ => continue,
        });
    }
    Ok(items)
}

/// Parses a fact override as given on the command line: `x(ggz) = ja`, `x = onbekend`.
pub fn parse_override(file: FileId, text: &str) -> R<crate::ast::SetFact> {
    let mut pairs =
        Grammar::parse(Syn::set_override, text).map_err(|e| syntax_error(file, text, e))?;
    let pair = pairs.next().ok_or_else(|| ParseError::Syntax {
        expected: tr!("`feit=waarde`", "`fact=value`"),
        span: Span::new(file, 0, text.len()),
        help: None,
    })?;
    Cx { file, offset: 0 }.set_fact(pair)
}

/// Parses a lone expression, as written in a rule's condition.
pub fn parse_expr(file: FileId, text: &str) -> R<Expr> {
    if let Some(err) = prescan(file, text) {
        return Err(err);
    }
    let mut pairs = Grammar::parse(Syn::expr, text).map_err(|e| syntax_error(file, text, e))?;
    let end = pairs.as_str().len();
    if text[end..].trim().is_empty() {
        // `Grammar::parse` succeeded, so there is one `expr` pair.
        match pairs.next() {
            Some(pair) => Cx { file, offset: 0 }.expr(pair),
            None => Err(ParseError::Syntax {
                expected: tr!("een voorwaarde", "a condition"),
                span: Span::new(file, 0, 0),
                help: None,
            }),
        }
    } else {
        Err(ParseError::Syntax {
            expected: tr!(
                "`en`, `of`, een vergelijking of het einde van de voorwaarde",
                "`en`, `of`, a comparison or the end of the condition"
            ),
            span: Span::new(file, end, text.len()),
            help: None,
        })
    }
}

struct Cx {
    file: FileId,
    /// Where the text being parsed starts in the file (a piece of a large file).
    offset: usize,
}

impl Cx {
    fn span(&self, pair: &Pair<Syn>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, self.offset + s.start(), self.offset + s.end())
    }

    fn ident(&self, pair: Pair<Syn>) -> Ident {
        Spanned::new(pair.as_str().to_string(), self.span(&pair))
    }

    fn string(&self, pair: Pair<Syn>) -> Spanned<String> {
        let span = self.span(&pair);
        let body = pair.into_inner().next().map_or("", |p| p.as_str());
        Spanned::new(unescape(body), span)
    }

    fn date(&self, pair: Pair<Syn>) -> R<Spanned<Date>> {
        let span = self.span(&pair);
        let text = pair.as_str();
        text.parse::<Date>()
            .map(|d| Spanned::new(d, span))
            .map_err(|e| ParseError::Date {
                text: text.into(),
                span,
                reason: date_reason(&e),
            })
    }

    /// `keuze domein { sociaal_domein, zorg }`
    fn choice_decl(&self, pair: Pair<Syn>) -> ChoiceDecl {
        let mut idents = pair.into_inner().filter(|p| p.as_rule() == Syn::ident);
        // The grammar requires a name and at least one value.
        let name = idents
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let values = idents.map(|p| self.ident(p)).collect();
        ChoiceDecl { name, values }
    }

    /// `feit naam(akkoord): type "vraag"`
    fn fact_decl(&self, pair: Pair<Syn>) -> FactDecl {
        let (mut name, mut per_agreement, mut ty, mut question) = (None, false, None, None);
        let mut requirement = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::ident => name = Some(self.ident(p)),
                Syn::per_agreement => per_agreement = true,
                Syn::type_name => ty = Some(self.type_name(p)),
                Syn::string => question = Some(self.string(p)),
                Syn::requirement => requirement = Some(self.quote(p)),
                _ => {}
            }
        }
        FactDecl {
            name: name.unwrap_or_default_ident(),
            per_agreement,
            ty: ty.unwrap_or_else(|| Spanned::new(Type::Bool, Span::default())),
            question: question.unwrap_or_else(|| Spanned::new(String::new(), Span::default())),
            requirement,
        }
    }

    /// `kenmerk naam: type "vraag"`
    fn attr_decl(&self, pair: Pair<Syn>) -> AttrDecl {
        let fact = self.fact_decl(pair);
        AttrDecl {
            name: fact.name,
            ty: fact.ty,
            question: fact.question,
        }
    }

    /// `janee`, `bedrag`, … or a choice name
    fn type_name(&self, pair: Pair<Syn>) -> Spanned<Type> {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(Type::Bool, span);
        };
        let ty = match inner.as_rule() {
            Syn::kw_yesno => Type::Bool,
            Syn::kw_amount => Type::Amount,
            Syn::kw_number => Type::Number,
            Syn::kw_date => Type::Date,
            Syn::kw_text => Type::Text,
            _ => Type::Choice(inner.as_str().to_string()),
        };
        Spanned::new(ty, span)
    }

    /// `motie id "titel" { vergadering ALV 2018-06-27 regel … }`
    fn source(&self, pair: Pair<Syn>) -> R<Source> {
        let mut inner = pair.into_inner();
        let kind = match inner
            .next()
            .and_then(|k| k.into_inner().next())
            .map(|k| k.as_rule())
        {
            Some(Syn::kw_resolution) => SourceKind::Resolution,
            Some(Syn::kw_decision) => SourceKind::Decision,
            Some(Syn::kw_position) => SourceKind::Position,
            _ => SourceKind::Motion,
        };
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let title = inner
            .next()
            .map(|p| self.string(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()));
        let meeting = match inner.next() {
            Some(m) => self.meeting(m)?,
            None => Meeting::default(),
        };
        let mut source = Source {
            kind,
            id,
            title,
            meeting: meeting.body,
            date: meeting.date,
            date_assumption: meeting.assumption,
            body_hole: meeting.body_hole,
            date_hole: meeting.date_hole,
            vote: None,
            approvals: Vec::new(),
            rules: Vec::new(),
            events: Vec::new(),
        };
        for item in inner {
            match item.as_rule() {
                Syn::rule => source.rules.push(self.rule(item)?),
                Syn::lift => source.events.push(self.lift(item)),
                Syn::status => source.events.push(self.status(item)),
                Syn::vote => {
                    if source.vote.is_some() {
                        return Err(self.twice(tr!("stemming", "vote"), &item));
                    }
                    source.vote = Some(self.vote(item));
                }
                Syn::approval => source.approvals.extend(
                    item.into_inner()
                        .filter(|p| p.as_rule() == Syn::selector_ids)
                        .flat_map(|p| p.into_inner())
                        .filter(|p| p.as_rule() == Syn::ident)
                        .map(|p| self.ident(p)),
                ),
                _ => {}
            }
        }
        Ok(source)
    }

    /// The error for a second `op`, `aanname`, … where a block holds one.
    fn twice(&self, what: String, pair: &Pair<Syn>) -> ParseError {
        ParseError::Syntax {
            expected: tr!(
                "hoogstens één `{what}` in dit blok",
                "at most one `{what}` in this block"
            ),
            span: self.span(pair),
            help: Some(tr!(
                "dit is de tweede; voeg ze samen of laat er één weg",
                "this is the second; merge them or drop one"
            )),
        }
    }

    /// `vergadering ALV 2018-06-27 aanname "…"`, or with holes: `vergadering ALV ??? "…"`
    fn meeting(&self, pair: Pair<Syn>) -> R<Meeting> {
        let mut meeting = Meeting::default();
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::meeting_body => meeting.body = self.ident(p),
                // The grammar puts the body's place before the date's.
                Syn::hole if meeting.body.node.is_empty() && meeting.body_hole.is_none() => {
                    meeting.body_hole = Some(self.hole(p));
                }
                Syn::hole => meeting.date_hole = Some(self.hole(p)),
                Syn::date => meeting.date = self.date(p)?,
                Syn::assumption => meeting.assumption = Some(self.assumption(p)),
                _ => {}
            }
        }
        Ok(meeting)
    }

    /// `??? "wat hier hoort"`
    pub(super) fn hole(&self, pair: Pair<Syn>) -> Hole {
        let span = self.span(&pair);
        let note = pair
            .into_inner()
            .find(|p| p.as_rule() == Syn::string)
            .map(|p| self.string(p));
        Hole { note, span }
    }

    /// `aanname "…"`
    fn assumption(&self, pair: Pair<Syn>) -> Spanned<String> {
        self.quote(pair)
    }

    /// `stemming voor 87% tegen 13%`
    fn vote(&self, pair: Pair<Syn>) -> Vote {
        let mut vote = Vote {
            for_share: None,
            against_share: None,
        };
        for p in pair.into_inner() {
            let is_for = p.as_rule() == Syn::vote_for;
            let share = p
                .into_inner()
                .find(|x| x.as_rule() == Syn::percent)
                .map(|x| Spanned::new(x.as_str().to_string(), self.span(&x)));
            if is_for {
                vote.for_share = share;
            } else {
                vote.against_share = share;
            }
        }
        vote
    }

    /// `regel id { bron "…" verbied … | vereis … }`
    fn rule(&self, pair: Pair<Syn>) -> R<Rule> {
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Syn::kw_rule);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_default_ident();
        let quote = inner
            .next()
            .map(|p| self.quote(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()));
        let Some(body) = inner.next() else {
            return Err(ParseError::Syntax {
                expected: tr!(
                    "`verbied`, `vereis` of `signaal`",
                    "`verbied`, `vereis` or `signaal`"
                ),
                span: id.span,
                help: None,
            });
        };
        let body_rule = body.as_rule();
        let (mut actions, mut selector, mut condition, mut text) = (Vec::new(), None, None, None);
        for p in body.into_inner() {
            match p.as_rule() {
                Syn::actions => {
                    actions = p
                        .into_inner()
                        .filter(|a| a.as_rule() == Syn::action)
                        .map(|a| self.action(a))
                        .collect()
                }
                Syn::selector => selector = Some(self.selector(p)?),
                Syn::expr => condition = Some(self.expr(p)?),
                Syn::string => text = Some(self.string(p)),
                _ => {}
            }
        }
        let effect = match body_rule {
            Syn::signal => Effect::Signal {
                text: text.unwrap_or_else(|| Spanned::new(String::new(), Span::default())),
            },
            kind => Effect::Condition {
                kind: if kind == Syn::forbid {
                    RuleKind::Forbid
                } else {
                    RuleKind::Require
                },
                actions: if actions.is_empty() {
                    vec![Spanned::new(Action::Signing, Span::default())]
                } else {
                    actions
                },
                selector: selector.unwrap_or(Selector::Every),
            },
        };
        let mut rule = Rule {
            id,
            quote,
            effect,
            condition: condition.unwrap_or(Expr {
                kind: ExprKind::Lit(Literal::Bool(true)),
                span: Span::default(),
            }),
            reservation: None,
            valid_from: None,
            valid_to: None,
            assumption: None,
        };
        for p in inner {
            match p.as_rule() {
                Syn::reservation => {
                    rule.reservation = p
                        .into_inner()
                        .find(|s| s.as_rule() == Syn::string)
                        .map(|s| self.string(s))
                }
                Syn::validity => self.validity(p, &mut rule)?,
                Syn::assumption => rule.assumption = Some(self.assumption(p)),
                _ => {}
            }
        }
        Ok(rule)
    }

    /// `geldig vanaf … tot …`
    fn validity(&self, pair: Pair<Syn>, rule: &mut Rule) -> R<()> {
        for p in pair.into_inner() {
            let is_from = p.as_rule() == Syn::valid_from;
            let Some(date) = p.into_inner().find(|d| d.as_rule() == Syn::date) else {
                continue;
            };
            let date = Some(self.date(date)?);
            if is_from {
                rule.valid_from = date;
            } else {
                rule.valid_to = date;
            }
        }
        Ok(())
    }

    /// `bron "…"`
    fn quote(&self, pair: Pair<Syn>) -> Spanned<String> {
        pair.into_inner()
            .find(|p| p.as_rule() == Syn::string)
            .map(|p| self.string(p))
            .unwrap_or_else(|| Spanned::new(String::new(), Span::default()))
    }

    /// `ondertekening`, `instemming`, `uitvoering`, `onderhandeling`
    fn action(&self, pair: Pair<Syn>) -> Spanned<Action> {
        let span = self.span(&pair);
        let action = match pair.into_inner().next().map(|p| p.as_rule()) {
            Some(Syn::kw_consent) => Action::Consent,
            Some(Syn::kw_execution) => Action::Execution,
            Some(Syn::kw_negotiation) => Action::Negotiation,
            _ => Action::Signing,
        };
        Spanned::new(action, span)
    }

    /// `elk akkoord`, `akkoord waar …`, `akkoord ggz, preventie`
    fn selector(&self, pair: Pair<Syn>) -> R<Selector> {
        let Some(inner) = pair.into_inner().next() else {
            return Ok(Selector::Every);
        };
        match inner.as_rule() {
            Syn::selector_where => match inner.into_inner().find(|p| p.as_rule() == Syn::expr) {
                Some(e) => Ok(Selector::Where(self.expr(e)?)),
                None => Ok(Selector::Every),
            },
            Syn::selector_ids => Ok(Selector::Ids(
                inner
                    .into_inner()
                    .filter(|p| p.as_rule() == Syn::ident)
                    .map(|p| self.ident(p))
                    .collect(),
            )),
            _ => Ok(Selector::Every),
        }
    }

    /// `hef op bron.regel bron "…"`
    fn lift(&self, pair: Pair<Syn>) -> Event {
        let span = self.span(&pair);
        let mut targets = Vec::new();
        let (mut quote, mut assumption) = (None, None);
        for p in pair.into_inner() {
            match p.as_rule() {
                Syn::target => targets.push(self.target(p)),
                Syn::quote => quote = Some(self.quote(p)),
                Syn::assumption => assumption = Some(self.assumption(p)),
                _ => {}
            }
        }
        Event {
            kind: EventKind::Lift,
            targets,
            quote,
            assumption,
            span,
        }
    }

    /// `afgehandeld a, b bron "…"`
    fn status(&self, pair: Pair<Syn>) -> Event {
        let mut event = self.lift(pair.clone());
        let kind = pair
            .into_inner()
            .find(|p| p.as_rule() == Syn::status_kind)
            .and_then(|p| p.into_inner().next())
            .map(|p| p.as_rule());
        event.kind = match kind {
            Some(Syn::kw_held) => EventKind::Held,
            Some(Syn::kw_withdrawn) => EventKind::Withdrawn,
            Some(Syn::kw_rejected) => EventKind::Rejected,
            Some(Syn::kw_deferred) => EventKind::Deferred,
            Some(Syn::kw_adopted) => EventKind::Adopted,
            _ => EventKind::Settled,
        };
        event
    }

    /// `bron` or `bron.regel`
    fn target(&self, pair: Pair<Syn>) -> Target {
        let span = self.span(&pair);
        let mut idents = pair.into_inner().map(|p| self.ident(p));
        Target {
            source: idents.next().unwrap_or_default_ident(),
            rule: idents.next(),
            span,
        }
    }
}

/// A source's meeting as parsed: body, date, the reason the date is assumed, and holes.
struct Meeting {
    body: Ident,
    date: Spanned<Date>,
    assumption: Option<Spanned<String>>,
    body_hole: Option<Hole>,
    date_hole: Option<Hole>,
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting {
            body: Ident::default_ident(),
            date: Spanned::new(Date::MIN, Span::default()),
            assumption: None,
            body_hole: None,
            date_hole: None,
        }
    }
}

trait DefaultIdent {
    fn unwrap_or_default_ident(self) -> Ident;
}

impl DefaultIdent for Option<Ident> {
    fn unwrap_or_default_ident(self) -> Ident {
        self.unwrap_or_else(Ident::default_ident)
    }
}

impl Ident {
    fn default_ident() -> Ident {
        Spanned::new(String::new(), Span::default())
    }
}

fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(text: &str) -> String {
        match parse_expr(FileId(0), text) {
            Ok(e) => e.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn and_binds_tighter_than_or() {
        assert_eq!(expr("a of b en c"), "(a) of ((b) en (c))");
        assert_eq!(expr("a or b and c"), "(a) of ((b) en (c))");
    }

    #[test]
    fn not_applies_to_a_whole_comparison() {
        assert_eq!(expr("niet x = 3"), "niet ((x) = (3))");
    }

    #[test]
    fn in_takes_choice_values_and_literals() {
        assert_eq!(
            expr("soort in {deelakkoord, uitwerkingsakkoord}"),
            "(soort) in {deelakkoord, uitwerkingsakkoord}"
        );
        assert_eq!(expr("bedrag >= € 1,5 mld"), "(bedrag) >= (€ 1,5 mld)");
    }

    #[test]
    fn keywords_do_not_swallow_longer_names() {
        assert_eq!(expr("energie en ingang"), "(energie) en (ingang)");
    }

    #[test]
    fn a_bad_date_is_reported() {
        assert!(expr("d = 2018-02-30").starts_with("error: `2018-02-30` is geen geldige datum"));
    }

    /// A file large enough to be parsed in pieces, with texts and comments across lines that
    /// hold what looks like the start of an item.
    fn large(broken_at: Option<usize>) -> String {
        let mut text = String::from("feit f: janee \"?\"\n");
        for i in 0..2_500 {
            let quote = if i % 7 == 0 {
                format!("Zin {i},\nmotie nep {{ vergadering ALV 2018-01-01 }}")
            } else {
                format!("Zin {i}.")
            };
            let condition = if broken_at == Some(i) { "f en" } else { "f" };
            text.push_str(&format!(
                "/* opmerking\nscenario nep */\nmotie m{i} \"M\" {{\n  vergadering ALV 2018-01-01\n  regel r {{\n    bron \"{quote}\"\n    vereis {condition} voor ondertekening van elk akkoord\n  }}\n}}\n"
            ));
        }
        text
    }

    #[test]
    fn a_large_file_read_in_pieces_is_the_file_read_whole() {
        let text = large(None);
        assert!(text.len() >= PIECES_FROM);
        let whole = match parse_items(FileId(3), &text, 0) {
            Ok(items) => items,
            Err(_) => panic!("the file parses"),
        };
        let in_pieces = parse_file(FileId(3), &text).expect("the file parses");
        assert_eq!(in_pieces.items, whole, "same items, same places");
        if std::thread::available_parallelism().is_ok_and(|n| n.get() > 1) {
            let pieces = parse_in_pieces(FileId(3), &text).expect("read in pieces, not whole");
            assert_eq!(pieces, whole);
        }
        // Each cut is at a line that starts an item, not inside a text or comment that holds one.
        let at = cuts(&text, 4);
        assert_eq!(at.len(), 4, "{at:?}");
        for &cut in &at[1..] {
            assert!(
                text[cut..].starts_with("motie m"),
                "{}",
                &text[cut..cut + 20]
            );
        }
    }

    #[test]
    fn an_error_in_a_piece_is_placed_as_in_the_whole_file() {
        let text = large(Some(2_000));
        let err = parse_file(FileId(0), &text).expect_err("a syntax error");
        let line = text[..err.span().start].matches('\n').count() + 1;
        let broken = text.find("vereis f en voor").expect("the broken rule");
        assert_eq!(line, text[..broken].matches('\n').count() + 1);
    }
}
