//! What the user wrote, as types. Every node carries a span; equality ignores spans, so
//! `parse(print(ast)) == ast` can be tested. `Display` prints the Dutch form.

mod print;

use jiff::civil::Date;

use crate::span::{Span, Spanned};
use crate::value::{Amount, Type};

/// A name as written, with its place.
pub type Ident = Spanned<String>;

/// One rule file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct File {
    /// Declarations and sources, in file order.
    pub items: Vec<Item>,
}

/// A top-level item of a rule file.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// `keuze domein { … }`
    Choice(ChoiceDecl),
    /// `feit naam: type "vraag"`
    Fact(FactDecl),
    /// `kenmerk naam: type "vraag"`
    Attribute(AttrDecl),
    /// `motie id "titel" { … }`
    Source(Box<Source>),
    /// `scenario id "titel" { … }`
    Scenario(Box<Scenario>),
    /// `eigenschap id "titel" { … }`
    Property(Box<Property>),
}

/// A regression case: a date, facts, and the verdicts expected.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Its id.
    pub id: Ident,
    /// What it checks, in words.
    pub title: Spanned<String>,
    /// `op …`: the date to evaluate on.
    pub date: Option<Spanned<Date>>,
    /// `feiten "…"`: a facts file instead of the rule base's.
    pub facts_file: Option<Spanned<String>>,
    /// `stel …`: facts set (or made unknown) on top of the facts file.
    pub sets: Vec<SetFact>,
    /// `verwacht …`: the verdicts expected.
    pub expects: Vec<Expect>,
    /// `verwacht voorbehoud …`: what became of reservations, expected.
    pub reservations: Vec<ExpectReservation>,
}

/// `verwacht voorbehoud bron.regel: vervallen`
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectReservation {
    /// The rule with the reservation.
    pub rule: Target,
    /// `vervuld`, `open`, `vervallen` or `beeindigd` (English words read as these).
    pub state: Spanned<String>,
}

/// `stel x(ggz) = ja`
#[derive(Clone, Debug, PartialEq)]
pub struct SetFact {
    /// The fact.
    pub fact: Ident,
    /// The agreement, for a per-agreement fact.
    pub agreement: Option<Ident>,
    /// The value; `None` for `onbekend`.
    pub value: Option<Spanned<SetItem>>,
}

/// `verwacht ondertekening van ggz: niet door bron.regel, …`
#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    /// The action.
    pub action: Spanned<Action>,
    /// The agreement.
    pub agreement: Ident,
    /// The verdict expected.
    pub verdict: Spanned<VerdictWord>,
    /// The rules expected to decide it, when given.
    pub by: Vec<Target>,
}

/// A verdict as written in a scenario or property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerdictWord {
    /// `mag`
    Mag,
    /// `mag onder voorbehoud`
    MagOnderVoorbehoud,
    /// `niet`
    Niet,
    /// `onbepaald`
    Onbepaald,
}

/// `eigenschap id "…" { op … als H van S mag dan C }`: for every possible fact set, whenever an
/// agreement the selector names gets the verdict, the condition holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    /// Its id.
    pub id: Ident,
    /// The principle, in words.
    pub title: Spanned<String>,
    /// `op …`: the date; when absent, every date on which the rule base changes.
    pub date: Option<Spanned<Date>>,
    /// `vanaf …`: every date from then on (instead of `op`).
    pub from: Option<Spanned<Date>>,
    /// The action.
    pub action: Spanned<Action>,
    /// The agreements it speaks of.
    pub selector: Selector,
    /// The verdict that triggers the claim.
    pub verdict: Spanned<VerdictWord>,
    /// What must then hold.
    pub then: Expr,
}

/// `keuze domein { sociaal_domein, zorg }`: a named set of values.
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceDecl {
    /// The choice's name, used as a type.
    pub name: Ident,
    /// Its values.
    pub values: Vec<Ident>,
}

/// `feit financiele_ruimte_voldoende(akkoord): janee "…?"`
#[derive(Clone, Debug, PartialEq)]
pub struct FactDecl {
    /// The fact's name.
    pub name: Ident,
    /// True when the fact has a value per agreement.
    pub per_agreement: bool,
    /// Its type.
    pub ty: Spanned<Type>,
    /// The Dutch question reports show when the fact is unknown.
    pub question: Spanned<String>,
    /// `eis "…"`: what is needed, stated as a requirement, for plain answers.
    pub requirement: Option<Spanned<String>>,
}

/// `kenmerk soort: soort "…?"`: an attribute every agreement may have.
#[derive(Clone, Debug, PartialEq)]
pub struct AttrDecl {
    /// The attribute's name.
    pub name: Ident,
    /// Its type.
    pub ty: Spanned<Type>,
    /// The question reports show when it is unknown.
    pub question: Spanned<String>,
}

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// `motie`: a members' motion
    Motion,
    /// `resolutie`: a members' resolution
    Resolution,
    /// `besluit`: a meeting's decision
    Decision,
    /// `standpunt`: a board position
    Position,
}

/// `motie rob_bijstand "Advies ROB …" { vergadering ALV 2018-06-27 … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// motie, resolutie, besluit or standpunt.
    pub kind: SourceKind,
    /// The id other sources use to refer to it.
    pub id: Ident,
    /// The title as the documents give it.
    pub title: Spanned<String>,
    /// The meeting body (ALV, BALV, bestuur) that adopted it.
    pub meeting: Ident,
    /// The date it was adopted.
    pub date: Spanned<Date>,
    /// `aanname "…"` after the meeting: why the date is assumed.
    pub date_assumption: Option<Spanned<String>>,
    /// `???` written for the meeting body: still to fill in (`meeting` is then empty).
    pub body_hole: Option<Hole>,
    /// `???` written for the date: still to fill in (`date` is then the earliest date).
    pub date_hole: Option<Hole>,
    /// `stemming voor …% tegen …%`: how the meeting voted.
    pub vote: Option<Vote>,
    /// `instemming met akkoord …`: agreements the meeting consented to.
    pub approvals: Vec<Ident>,
    /// Its rules.
    pub rules: Vec<Rule>,
    /// What this meeting decided about earlier sources and rules.
    pub events: Vec<Event>,
}

/// `??? "op welke datum nam de ALV de motie aan?"`: a place still to fill in, with a note on
/// what belongs there. Skeletons from `akkoord motie` hold them; the checker reports each one.
#[derive(Clone, Debug)]
pub struct Hole {
    /// What belongs there, as the note after `???` says.
    pub note: Option<Spanned<String>>,
    /// The hole as written, note included.
    pub span: Span,
}

impl PartialEq for Hole {
    fn eq(&self, other: &Self) -> bool {
        self.note == other.note
    }
}

/// `stemming voor 87% tegen 13%`
#[derive(Clone, Debug, PartialEq)]
pub struct Vote {
    /// The share for, as written.
    pub for_share: Option<Spanned<String>>,
    /// The share against, as written.
    pub against_share: Option<Spanned<String>>,
}

/// `regel blokkade { bron "…" verbied … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The rule's id within its source.
    pub id: Ident,
    /// The sentence of the source document the rule encodes.
    pub quote: Spanned<String>,
    /// What the rule does: condition an action, or signal a commitment.
    pub effect: Effect,
    /// The condition: what must hold for the action, or when the signal falls due.
    pub condition: Expr,
    /// `onder voorbehoud "…"`: the requirement may still be met after the action.
    pub reservation: Option<Spanned<String>>,
    /// `geldig vanaf …`: the first day the rule binds, when later than its adoption.
    pub valid_from: Option<Spanned<Date>>,
    /// `geldig tot …`: the first day the rule no longer binds.
    pub valid_to: Option<Spanned<Date>>,
    /// `aanname "…"`: why the rule's reading or scope is assumed.
    pub assumption: Option<Spanned<String>>,
}

/// What a rule does.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// `verbied …` or `vereis …`: conditions an action on the agreements the selector names.
    Condition {
        /// Forbid-until or require.
        kind: RuleKind,
        /// The actions the rule conditions, at least one.
        actions: Vec<Spanned<Action>>,
        /// Which agreements the rule speaks of.
        selector: Selector,
    },
    /// `signaal "…" wanneer …`: a commitment that falls due when the condition holds.
    Signal {
        /// What falls due.
        text: Spanned<String>,
    },
}

/// The two kinds of conditioning rule; both mean `niet selector of condition`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// `verbied H van S totdat C`
    Forbid,
    /// `vereis C voor H van S`
    Require,
}

/// What is done with an agreement.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// `ondertekening` / `signing`
    #[serde(rename = "ondertekening")]
    Signing,
    /// `instemming` / `consent`
    #[serde(rename = "instemming")]
    Consent,
    /// `uitvoering` / `execution`
    #[serde(rename = "uitvoering")]
    Execution,
    /// `onderhandeling` / `negotiation`
    #[serde(rename = "onderhandeling")]
    Negotiation,
}

impl Action {
    /// All actions, in report order.
    pub const ALL: [Action; 4] = [
        Action::Signing,
        Action::Consent,
        Action::Execution,
        Action::Negotiation,
    ];

    /// The Dutch keyword; also the action's id in JSON.
    pub fn dutch(self) -> &'static str {
        match self {
            Action::Signing => "ondertekening",
            Action::Consent => "instemming",
            Action::Execution => "uitvoering",
            Action::Negotiation => "onderhandeling",
        }
    }

    /// The word in the current language: `ondertekening` or `signing`.
    pub fn word(self) -> &'static str {
        use crate::i18n::t;
        match self {
            Action::Signing => t("ondertekening", "signing"),
            Action::Consent => t("instemming", "consent"),
            Action::Execution => t("uitvoering", "execution"),
            Action::Negotiation => t("onderhandeling", "negotiation"),
        }
    }

    /// Reads a Dutch or English action keyword.
    pub fn from_word(word: &str) -> Option<Action> {
        Some(match word {
            "ondertekening" | "signing" => Action::Signing,
            "instemming" | "consent" => Action::Consent,
            "uitvoering" | "execution" => Action::Execution,
            "onderhandeling" | "negotiation" => Action::Negotiation,
            _ => return None,
        })
    }
}

/// Which agreements a rule speaks of.
#[derive(Clone, Debug, PartialEq)]
pub enum Selector {
    /// `elk akkoord`
    Every,
    /// `akkoord waar …`
    Where(Expr),
    /// `akkoord ggz, preventie`
    Ids(Vec<Ident>),
}

/// A dated decision about earlier sources or rules, taken by the meeting of the source it is in.
#[derive(Clone, Debug)]
pub struct Event {
    /// Lift, settle, hold, withdraw or reject.
    pub kind: EventKind,
    /// What it applies to.
    pub targets: Vec<Target>,
    /// The sentence of the decision, when given.
    pub quote: Option<Spanned<String>>,
    /// `aanname "…"`: why the decision as encoded is assumed.
    pub assumption: Option<Spanned<String>>,
    /// The whole event as written.
    pub span: Span,
}

/// What a meeting decided about a source or rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// `hef op`: the rule or source no longer binds
    Lift,
    /// `afgehandeld`: settled, no longer binds
    Settled,
    /// `aangehouden`: held over, still binds
    Held,
    /// `ingetrokken`: withdrawn, no longer binds
    Withdrawn,
    /// `verworpen`: rejected, never binds
    Rejected,
    /// `stemming uitgesteld`: the vote was deferred; does not bind until adopted
    Deferred,
    /// `aangenomen`: a later meeting adopted what was deferred; binds from then
    Adopted,
}

impl EventKind {
    /// The Dutch keyword.
    pub fn dutch(self) -> &'static str {
        match self {
            EventKind::Lift => "hef op",
            EventKind::Settled => "afgehandeld",
            EventKind::Held => "aangehouden",
            EventKind::Withdrawn => "ingetrokken",
            EventKind::Rejected => "verworpen",
            EventKind::Deferred => "stemming uitgesteld",
            EventKind::Adopted => "aangenomen",
        }
    }

    /// The English keyword.
    pub fn english(self) -> &'static str {
        match self {
            EventKind::Lift => "lift",
            EventKind::Settled => "settled",
            EventKind::Held => "held",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Rejected => "rejected",
            EventKind::Deferred => "vote deferred",
            EventKind::Adopted => "adopted",
        }
    }

    /// The past participle reports use, in the current language: `opgeheven`, `afgehandeld`, …
    pub fn participle(self) -> &'static str {
        use crate::i18n::t;
        match self {
            EventKind::Lift => t("opgeheven", "lifted"),
            EventKind::Settled => t("afgehandeld", "settled"),
            EventKind::Held => t("aangehouden", "held"),
            EventKind::Withdrawn => t("ingetrokken", "withdrawn"),
            EventKind::Rejected => t("verworpen", "rejected"),
            EventKind::Deferred => t("stemming uitgesteld", "vote deferred"),
            EventKind::Adopted => t("aangenomen", "adopted"),
        }
    }

    /// True when a source or rule so marked stops binding (from then on).
    pub fn ends_force(self) -> bool {
        matches!(
            self,
            EventKind::Lift | EventKind::Settled | EventKind::Withdrawn
        )
    }
}

/// `rob_bijstand` or `rob_bijstand.blokkade`
#[derive(Clone, Debug)]
pub struct Target {
    /// The source.
    pub source: Ident,
    /// The rule in it, or the whole source when absent.
    pub rule: Option<Ident>,
    /// The whole target as written.
    pub span: Span,
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        (self.kind, &self.targets, &self.quote) == (other.kind, &other.targets, &other.quote)
    }
}

impl PartialEq for Target {
    fn eq(&self, other: &Self) -> bool {
        (&self.source, &self.rule) == (&other.source, &other.rule)
    }
}

/// An expression; equality ignores the span.
#[derive(Clone, Debug)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

/// The forms of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `ja`, `€ 100 mln`, `2018-11-30`, `"tekst"`, `3`
    Lit(Literal),
    /// a fact, an attribute of the agreement, or a choice value
    Name(String),
    /// `feit(akkoord)` or `feit(ggz)`: a per-agreement fact
    Call(Ident, Arg),
    /// `niet e`
    Not(Box<Expr>),
    /// `a en b`
    And(Box<Expr>, Box<Expr>),
    /// `a of b`
    Or(Box<Expr>, Box<Expr>),
    /// `a = b`, `a < b`, …
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `a in {x, y}`
    In(Box<Expr>, Vec<Spanned<SetItem>>),
    /// `??? "welke voorwaarde?"`: a condition still to fill in, with the note on what belongs there
    Hole(Option<String>),
}

/// The argument of a per-agreement fact.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `(akkoord)`: the agreement the rule is evaluated for
    This,
    /// `(ggz)`: a named agreement
    Agreement(Ident),
}

/// A literal value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    /// `ja` / `nee`
    Bool(bool),
    /// `€ 100 mln`
    Amount(Amount),
    /// `3`
    Number(i64),
    /// `2018-11-30`
    Date(Date),
    /// `"tekst"`
    Text(String),
}

/// An element of `in {…}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetItem {
    /// a literal
    Lit(Literal),
    /// a choice value
    Symbol(String),
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `=`
    Eq,
    /// `≠` or `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// Every comparison operator.
    pub const ALL: [CmpOp; 6] = [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ];

    /// True for the ordering operators.
    pub fn is_ordering(self) -> bool {
        !matches!(self, CmpOp::Eq | CmpOp::Ne)
    }

    /// Applies the operator to an ordering.
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Eq => ord == Equal,
            CmpOp::Ne => ord != Equal,
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::Ge => ord != Less,
        }
    }
}
