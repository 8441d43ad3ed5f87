//! A small generator of *valid* rule bases and facts files ([`Case`]), and a reference
//! evaluator written straight from the README ("What the verdicts mean" and "History"),
//! sharing no code with the engine: [`reference`]. [`compare`] loads a case into the engine
//! and panics on the first difference.
//!
//! The vocabulary is fixed: yes/no facts `b0`..`b2`, number facts `n0`, `n1`, an amount `g`, a
//! date `d`, a per-agreement yes/no fact `p(akkoord)`, the attributes `k` (yes/no) and `s`
//! (choice `c { x, y }`), agreements `a0`..`a2` (each on the table always or from/until a
//! date), and sources `s0`..`s3` with rules `r0`..`r2`, all dated on one of [`DATES`]. Events
//! that the README calls impossible histories are dropped while generating ([`history`]), so
//! every case must load.
//!
//! Left out: text facts, recorded actions and `instemming met akkoord` (audited, not
//! evaluated), assumptions (`aanname`, which change no verdict), and lifts, statuses and
//! withdrawals of what still waits for a deferred vote (the README does not say what they
//! mean); see [`history`].

mod compare;
mod draw;
mod history;
mod print;
mod reference;

pub use compare::compare;

use akkoord::ast::Action;
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

/// Every date a case uses: meetings, validity, facts' `sinds`.
pub const DATES: [Date; 5] = [
    date(2018, 1, 1),
    date(2018, 6, 27),
    date(2018, 11, 30),
    date(2019, 6, 1),
    date(2020, 1, 1),
];

const YESNO_FACTS: usize = 3;
const NUMBER_FACTS: usize = 2;
const AMOUNTS: [i64; 4] = [0, 5, 1_000_000, 2_000_000];
const ACTIONS: [Action; 4] = Action::ALL;

/// A comparison operator, with its own meaning (not the engine's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// `=`
    Eq,
    /// `≠` or `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=` or `≤`
    Le,
    /// `>`
    Gt,
    /// `>=` or `≥`
    Ge,
}

impl Op {
    const ALL: [Op; 6] = [Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge];

    fn apply<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
        }
    }

    fn text(self, alt: bool) -> &'static str {
        match (self, alt) {
            (Op::Eq, _) => "=",
            (Op::Ne, false) => "≠",
            (Op::Ne, true) => "!=",
            (Op::Lt, _) => "<",
            (Op::Le, false) => "<=",
            (Op::Le, true) => "≤",
            (Op::Gt, _) => ">",
            (Op::Ge, false) => ">=",
            (Op::Ge, true) => "≥",
        }
    }
}

/// A condition or selector. Comparisons may be written with the literal on the left (`flip`)
/// and with the other spelling of the operator (`alt`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Expr {
    /// `ja` / `nee`
    Lit(bool),
    /// `b0`
    Fact(usize),
    /// `b0 = ja`, `b0 ≠ nee`
    FactIs(usize, bool, bool),
    /// `p(akkoord)`, or `p(a1)` for a named agreement
    Per(Option<usize>),
    /// `k`
    Attr,
    /// `s = x`, `s ≠ y`, `x = s`
    Choice {
        /// `=` rather than `≠`
        eq: bool,
        /// `x` rather than `y`
        x: bool,
        /// value on the left
        flip: bool,
    },
    /// `s in {x, y}`
    ChoiceIn(Vec<bool>),
    /// `n0 < 2`
    Num {
        /// which number fact
        i: usize,
        /// the operator
        op: Op,
        /// the literal
        k: i64,
        /// literal on the left
        flip: bool,
        /// other spelling of the operator
        alt: bool,
    },
    /// `n0 in {1, -2}`
    NumIn(usize, Vec<i64>),
    /// `g >= € 1 mln`
    Amount {
        /// the operator
        op: Op,
        /// the literal, in euros
        euros: i64,
        /// literal on the left
        flip: bool,
        /// other spelling of operator and literal
        alt: bool,
    },
    /// `d < 2019-06-01`
    Day {
        /// the operator
        op: Op,
        /// index into [`DATES`]
        d: usize,
        /// literal on the left
        flip: bool,
    },
    /// `n0 < n1`: two facts compared with each other
    NumPair {
        /// the operator
        op: Op,
        /// `n1 < n0` instead
        flip: bool,
        /// other spelling of the operator
        alt: bool,
    },
    /// `niet (…)`
    Not(Box<Expr>),
    /// `(…) en (…)`
    And(Box<Expr>, Box<Expr>),
    /// `(…) of (…)`
    Or(Box<Expr>, Box<Expr>),
}

/// The values of one fact over time: (`sinds` as an index into [`DATES`] or undated, value or
/// unknown). At most one entry per `sinds`.
pub type Timeline<T> = Vec<(Option<usize>, Option<T>)>;

/// The facts file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct World {
    /// How many agreements (`a0`, …).
    pub agreements: usize,
    /// `b0`..`b2`
    pub b: Vec<Timeline<bool>>,
    /// `n0`, `n1`
    pub n: Vec<Timeline<i64>>,
    /// `g`, in euros
    pub g: Timeline<i64>,
    /// `d`, an index into [`DATES`]
    pub d: Timeline<usize>,
    /// `p(akkoord)`, per agreement
    pub p: Vec<Timeline<bool>>,
    /// attribute `k`, per agreement
    pub k: Vec<Timeline<bool>>,
    /// attribute `s`, per agreement: `x` when true
    pub s: Vec<Timeline<bool>>,
    /// Single undated values as `{"waarde": v}` instead of `v`.
    pub wrapped: bool,
    /// Amounts as text (`"€ 5"`) instead of numbers.
    pub amounts_as_text: bool,
    /// Per agreement, the days it is on the table: from (`sinds`) and until (`tot`, the first
    /// day it is not), as indices into [`DATES`].
    pub table: Vec<(Option<usize>, Option<usize>)>,
}

/// What a rule does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleKind {
    /// `verbied H van S totdat C`
    Forbid,
    /// `vereis C voor H van S`
    Require,
    /// `signaal "…" wanneer C`
    Signal,
}

/// The agreements a rule speaks of.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Sel {
    /// `elk akkoord`
    Every,
    /// `akkoord a0, a2`
    Ids(Vec<usize>),
    /// `akkoord waar C`
    Where(Expr),
}

/// A rule.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Rule {
    /// forbid, require or signal
    pub kind: RuleKind,
    /// indices into [`ACTIONS`], at least one, each once
    pub actions: Vec<usize>,
    /// which preposition is written
    pub prep: usize,
    /// the agreements (ignored for a signal)
    pub selector: Sel,
    /// the condition
    pub cond: Expr,
    /// `onder voorbehoud "…"` (never on a signal)
    pub reservation: bool,
    /// `geldig vanaf`, an index into [`DATES`]
    pub from: Option<usize>,
    /// `geldig tot`, an index into [`DATES`]
    pub to: Option<usize>,
}

/// What a decision does to a source or rule (the README's "History").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// `hef op`: stops binding
    Lift,
    /// `afgehandeld`: stops binding
    Settled,
    /// `aangehouden`: an adopted motion held open; keeps binding
    Held,
    /// `ingetrokken`: stops binding
    Withdrawn,
    /// `verworpen`: never bound (at its own meeting, or after a deferred vote)
    Rejected,
    /// `stemming uitgesteld`: at its own meeting; does not bind until adopted
    Deferred,
    /// `aangenomen`: a deferred vote adopted at a later meeting; binds from then
    Adopted,
}

impl EventKind {
    /// The kinds to draw from: deferrals and adoptions more often, since an adoption needs a
    /// deferral at an earlier meeting to be kept.
    const DRAWN: [EventKind; 10] = [
        EventKind::Lift,
        EventKind::Settled,
        EventKind::Held,
        EventKind::Withdrawn,
        EventKind::Rejected,
        EventKind::Deferred,
        EventKind::Deferred,
        EventKind::Adopted,
        EventKind::Adopted,
        EventKind::Adopted,
    ];

    /// Per the README: a lift, a settlement and a withdrawal end the force of their target
    /// from their date on.
    fn ends_force(self) -> bool {
        matches!(
            self,
            EventKind::Lift | EventKind::Settled | EventKind::Withdrawn
        )
    }
}

/// A source or one of its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// `s1`
    Source(usize),
    /// `s1.r0`
    Rule(usize, usize),
}

impl Target {
    fn source(self) -> usize {
        match self {
            Target::Source(s) | Target::Rule(s, _) => s,
        }
    }
}

/// A lift or status, decided by the source it is written in, on that source's date.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Event {
    /// what is decided
    pub kind: EventKind,
    /// about what
    pub target: Target,
    /// with a `bron "…"` (always for a lift)
    pub quote: bool,
}

/// A source: motion, resolution, decision or position.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Source {
    /// index into the source keywords
    pub kind: usize,
    /// the meeting's date, an index into [`DATES`]
    pub date: usize,
    /// its rules `r0`, `r1`, …
    pub rules: Vec<Rule>,
    /// its lifts and statuses
    pub events: Vec<Event>,
    /// `stemming voor …% tegen …%`, printed only: a vote changes nothing
    pub vote: Option<(u8, u8)>,
}

/// One generated rule base with its facts.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Case {
    /// English keywords instead of Dutch.
    pub english: bool,
    /// The facts.
    pub world: World,
    /// The sources `s0`, `s1`, …
    pub sources: Vec<Source>,
    /// Adjacent statuses of one kind in a source are written as one list
    /// (`afgehandeld s0, s1.r2`).
    pub lists: bool,
}
