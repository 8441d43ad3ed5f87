//! A small generator of *valid* rule bases and facts files, and a reference evaluator written
//! straight from the README's "What the verdicts mean", sharing no code with the engine.
//!
//! The vocabulary is fixed: yes/no facts `b0`..`b2`, number facts `n0`, `n1`, an amount `g`, a
//! date `d`, a per-agreement yes/no fact `p(akkoord)`, the attributes `k` (yes/no) and `s`
//! (choice `c { x, y }`), agreements `a0`..`a2`, and sources `s0`..`s3` with rules `r0`..`r2`,
//! all dated on one of [`DATES`]. Events that the checker would reject as impossible histories
//! are dropped while generating, so every case must load.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use akkoord::ast::Action;
use akkoord::check;
use akkoord::compiled::{RuleBase, RuleId};
use akkoord::error::render_all;
use akkoord::eval::{Evaluator, Verdict};
use akkoord::value::Tri;
use arbitrary::{Result, Unstructured};
use jiff::civil::{Date, date};

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
const DUTCH_ACTIONS: [&str; 4] = [
    "ondertekening",
    "instemming",
    "uitvoering",
    "onderhandeling",
];
const ENGLISH_ACTIONS: [&str; 4] = ["signing", "consent", "execution", "negotiation"];

// ---------------------------------------------------------------- the generated case

/// A comparison operator, with its own meaning (not the engine's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug)]
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
#[derive(Clone, Debug)]
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
}

/// What a rule does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// `verbied H van S totdat C`
    Forbid,
    /// `vereis C voor H van S`
    Require,
    /// `signaal "…" wanneer C`
    Signal,
}

/// The agreements a rule speaks of.
#[derive(Clone, Debug)]
pub enum Sel {
    /// `elk akkoord`
    Every,
    /// `akkoord a0, a2`
    Ids(Vec<usize>),
    /// `akkoord waar C`
    Where(Expr),
}

/// A rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// forbid, require or signal
    pub kind: RuleKind,
    /// index into [`ACTIONS`]
    pub action: usize,
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

/// What a decision does to an earlier source or rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// `hef op`
    Lift,
    /// `afgehandeld`
    Settled,
    /// `aangehouden`
    Held,
    /// `ingetrokken`
    Withdrawn,
    /// `verworpen`
    Rejected,
}

impl EventKind {
    const ALL: [EventKind; 5] = [
        EventKind::Lift,
        EventKind::Settled,
        EventKind::Held,
        EventKind::Withdrawn,
        EventKind::Rejected,
    ];

    /// Per the README: everything but `aangehouden` ends the force of its target.
    fn ends_force(self) -> bool {
        self != EventKind::Held
    }
}

/// A source or one of its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Debug)]
pub struct Event {
    /// what is decided
    pub kind: EventKind,
    /// about what
    pub target: Target,
    /// with a `bron "…"` (always for a lift)
    pub quote: bool,
}

/// A source: motion, resolution, decision or position.
#[derive(Clone, Debug)]
pub struct Source {
    /// index into the source keywords
    pub kind: usize,
    /// the meeting's date, an index into [`DATES`]
    pub date: usize,
    /// its rules `r0`, `r1`, …
    pub rules: Vec<Rule>,
    /// its lifts and statuses
    pub events: Vec<Event>,
}

/// One generated rule base with its facts.
#[derive(Clone, Debug)]
pub struct Case {
    /// English keywords instead of Dutch.
    pub english: bool,
    /// The facts.
    pub world: World,
    /// The sources `s0`, `s1`, …
    pub sources: Vec<Source>,
}

// ---------------------------------------------------------------- generating

fn timeline<T>(
    u: &mut Unstructured,
    mut value: impl FnMut(&mut Unstructured) -> Result<T>,
) -> Result<Timeline<T>> {
    let n = u.int_in_range(0..=2)?;
    let mut entries: Timeline<T> = Vec::new();
    for _ in 0..n {
        let since = if u.arbitrary()? {
            Some(u.choose_index(DATES.len())?)
        } else {
            None
        };
        let v = if u.ratio(1, 5)? {
            None
        } else {
            Some(value(u)?)
        };
        if entries.iter().all(|(s, _)| *s != since) {
            entries.push((since, v));
        }
    }
    Ok(entries)
}

fn small(u: &mut Unstructured) -> Result<i64> {
    u.int_in_range(-2..=2)
}

impl World {
    fn generate(u: &mut Unstructured) -> Result<World> {
        let agreements = u.int_in_range(1..=3)?;
        let yesno = |u: &mut Unstructured| u.arbitrary::<bool>();
        let per = |u: &mut Unstructured| -> Result<Vec<Timeline<bool>>> {
            (0..agreements).map(|_| timeline(u, yesno)).collect()
        };
        Ok(World {
            agreements,
            b: (0..YESNO_FACTS)
                .map(|_| timeline(u, yesno))
                .collect::<Result<_>>()?,
            n: (0..NUMBER_FACTS)
                .map(|_| timeline(u, small))
                .collect::<Result<_>>()?,
            g: timeline(u, |u| Ok(*u.choose(&AMOUNTS)?))?,
            d: timeline(u, |u| u.choose_index(DATES.len()))?,
            p: per(u)?,
            k: per(u)?,
            s: per(u)?,
            wrapped: u.arbitrary()?,
            amounts_as_text: u.arbitrary()?,
        })
    }
}

impl Expr {
    /// `in_agreement`: an agreement is at hand (not in a signal), so `p(akkoord)`, `k` and `s`
    /// may be used.
    fn generate(
        u: &mut Unstructured,
        depth: u32,
        in_agreement: bool,
        agreements: usize,
    ) -> Result<Expr> {
        let compound = if depth == 0 { 0 } else { 3 };
        let choice = u.int_in_range(0..=(11 + compound))?;
        let op = |u: &mut Unstructured| -> Result<Op> { Ok(*u.choose(&Op::ALL)?) };
        let eq_op = |u: &mut Unstructured| -> Result<bool> { u.arbitrary() };
        let fact = |u: &mut Unstructured| u.choose_index(YESNO_FACTS);
        Ok(match choice {
            0 => Expr::Lit(u.arbitrary()?),
            1 | 2 => Expr::Fact(fact(u)?),
            3 => Expr::FactIs(fact(u)?, eq_op(u)?, u.arbitrary()?),
            4 => {
                if in_agreement && u.arbitrary()? {
                    Expr::Per(None)
                } else {
                    Expr::Per(Some(u.choose_index(agreements)?))
                }
            }
            5 if in_agreement => Expr::Attr,
            6 if in_agreement => Expr::Choice {
                eq: eq_op(u)?,
                x: u.arbitrary()?,
                flip: u.arbitrary()?,
            },
            7 if in_agreement => {
                let n = u.int_in_range(1..=2)?;
                Expr::ChoiceIn((0..n).map(|_| u.arbitrary()).collect::<Result<_>>()?)
            }
            // 5..=7 when no agreement is at hand (a signal): a number comparison instead.
            5..=8 => Expr::Num {
                i: u.choose_index(NUMBER_FACTS)?,
                op: op(u)?,
                k: small(u)?,
                flip: u.arbitrary()?,
                alt: u.arbitrary()?,
            },
            9 => {
                let n = u.int_in_range(1..=3)?;
                let items = (0..n).map(|_| small(u)).collect::<Result<_>>()?;
                Expr::NumIn(u.choose_index(NUMBER_FACTS)?, items)
            }
            10 => Expr::Amount {
                op: op(u)?,
                euros: *u.choose(&AMOUNTS)?,
                flip: u.arbitrary()?,
                alt: u.arbitrary()?,
            },
            11 => Expr::Day {
                op: op(u)?,
                d: u.choose_index(DATES.len())?,
                flip: u.arbitrary()?,
            },
            12 => Expr::Not(Box::new(Expr::generate(
                u,
                depth - 1,
                in_agreement,
                agreements,
            )?)),
            13 => Expr::And(
                Box::new(Expr::generate(u, depth - 1, in_agreement, agreements)?),
                Box::new(Expr::generate(u, depth - 1, in_agreement, agreements)?),
            ),
            _ => Expr::Or(
                Box::new(Expr::generate(u, depth - 1, in_agreement, agreements)?),
                Box::new(Expr::generate(u, depth - 1, in_agreement, agreements)?),
            ),
        })
    }
}

impl Rule {
    fn generate(u: &mut Unstructured, adopted: usize, agreements: usize) -> Result<Rule> {
        let kind = *u.choose(&[
            RuleKind::Forbid,
            RuleKind::Require,
            RuleKind::Require,
            RuleKind::Signal,
        ])?;
        let signal = kind == RuleKind::Signal;
        let selector = match u.int_in_range(0..=2)? {
            0 => Sel::Every,
            1 => {
                let mask = u.int_in_range(1..=(1u8 << agreements) - 1)?;
                Sel::Ids((0..agreements).filter(|a| mask & (1 << a) != 0).collect())
            }
            _ => Sel::Where(Expr::generate(u, 2, true, agreements)?),
        };
        let cond = Expr::generate(u, 3, !signal, agreements)?;
        let reservation = !signal && u.ratio(1, 3)?;
        // `vanaf` on or after the adoption, `tot` after the start.
        let from = if u.ratio(1, 4)? {
            Some(u.int_in_range(adopted..=DATES.len() - 1)?)
        } else {
            None
        };
        let start = from.unwrap_or(adopted);
        let to = if start + 1 < DATES.len() && u.ratio(1, 4)? {
            Some(u.int_in_range(start + 1..=DATES.len() - 1)?)
        } else {
            None
        };
        Ok(Rule {
            kind,
            action: u.choose_index(ACTIONS.len())?,
            prep: u.choose_index(4)?,
            selector,
            cond,
            reservation,
            from,
            to,
        })
    }
}

impl Case {
    /// A case from fuzzer bytes.
    pub fn generate(u: &mut Unstructured) -> Result<Case> {
        let english = u.arbitrary()?;
        let world = World::generate(u)?;
        let n = u.int_in_range(1..=4)?;
        let mut sources = Vec::new();
        // Events as drawn: (source, kind, target source, target rule, quote).
        let mut drawn = Vec::new();
        for s in 0..n {
            let date = u.choose_index(DATES.len())?;
            let rules = (0..u.int_in_range(0..=3)?)
                .map(|_| Rule::generate(u, date, world.agreements))
                .collect::<Result<_>>()?;
            for _ in 0..u.int_in_range(0..=3)? {
                let kind = *u.choose(&EventKind::ALL)?;
                let target = u.choose_index(n)?;
                let rule: Option<u8> = u.arbitrary()?;
                drawn.push((s, kind, target, rule, u.arbitrary::<bool>()?));
            }
            sources.push(Source {
                kind: u.choose_index(4)?,
                date,
                rules,
                events: Vec::new(),
            });
        }
        let drawn: Vec<(usize, Event)> = drawn
            .into_iter()
            .map(|(s, kind, target, rule, quote)| {
                let rules = sources[target].rules.len();
                let target = match rule {
                    Some(r) if rules > 0 => Target::Rule(target, usize::from(r) % rules),
                    _ => Target::Source(target),
                };
                let quote = quote || kind == EventKind::Lift;
                (
                    s,
                    Event {
                        kind,
                        target,
                        quote,
                    },
                )
            })
            .collect();
        for (s, event) in possible_history(&sources, drawn) {
            sources[s].events.push(event);
        }
        // A source other than a motion must decide something.
        for s in &mut sources {
            if s.rules.is_empty() && s.events.is_empty() {
                s.kind = 0;
            }
        }
        Ok(Case {
            english,
            world,
            sources,
        })
    }
}

/// Keeps the events that make a possible history, in their order: none dated before its
/// target's adoption, none about something that already stopped binding (a rule whose source
/// stopped binding included), no two different decisions about one thing on one day.
fn possible_history(sources: &[Source], drawn: Vec<(usize, Event)>) -> Vec<(usize, Event)> {
    let date = |s: usize| sources[s].date;
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    order.sort_by_key(|&i| date(drawn[i].0));
    let mut keep = vec![false; drawn.len()];
    let mut ended: HashSet<Target> = HashSet::new();
    let mut same_day: HashMap<(Target, usize), EventKind> = HashMap::new();
    for i in order {
        let (by, e) = &drawn[i];
        let day = date(*by);
        let target = e.target;
        if day < date(target.source()) {
            continue;
        }
        if same_day
            .get(&(target, day))
            .is_some_and(|kind| *kind != e.kind)
        {
            continue;
        }
        if ended.contains(&target) || ended.contains(&Target::Source(target.source())) {
            continue;
        }
        keep[i] = true;
        same_day.insert((target, day), e.kind);
        if e.kind.ends_force() {
            ended.insert(target);
        }
    }
    drawn
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

// ---------------------------------------------------------------- printing

struct Words {
    english: bool,
}

impl Words {
    fn w(&self, dutch: &'static str, english: &'static str) -> &'static str {
        if self.english { english } else { dutch }
    }

    fn yes_no(&self, b: bool) -> &'static str {
        match (b, self.english) {
            (true, false) => "ja",
            (false, false) => "nee",
            (true, true) => "yes",
            (false, true) => "no",
        }
    }

    fn amount(&self, euros: i64, alt: bool) -> String {
        if alt && euros > 0 && euros % 1_000_000 == 0 {
            format!("€ {} {}", euros / 1_000_000, self.w("mln", "million"))
        } else if alt {
            format!("EUR {euros}")
        } else {
            format!("€ {euros}")
        }
    }

    fn cmp(&self, left: String, op: &str, right: String, flip: bool) -> String {
        if flip {
            // The literal on the left: `2 > n0` for `n0 < 2`.
            format!("{right} {op} {left}")
        } else {
            format!("{left} {op} {right}")
        }
    }

    fn expr(&self, e: &Expr) -> String {
        let x = |b: bool| if b { "x" } else { "y" };
        match e {
            Expr::Lit(b) => self.yes_no(*b).into(),
            Expr::Fact(i) => format!("b{i}"),
            Expr::FactIs(i, eq, v) => {
                let op = if *eq { "=" } else { "≠" };
                format!("b{i} {op} {}", self.yes_no(*v))
            }
            Expr::Per(None) => format!("p({})", self.w("akkoord", "agreement")),
            Expr::Per(Some(a)) => format!("p(a{a})"),
            Expr::Attr => "k".into(),
            Expr::Choice { eq, x: v, flip } => {
                let op = if *eq { "=" } else { "!=" };
                self.cmp("s".into(), op, x(*v).into(), *flip)
            }
            Expr::ChoiceIn(items) => {
                let items: Vec<&str> = items.iter().map(|b| x(*b)).collect();
                format!("s in {{{}}}", items.join(", "))
            }
            Expr::Num {
                i,
                op,
                k,
                flip,
                alt,
            } => self.cmp(format!("n{i}"), op.text(*alt), k.to_string(), *flip),
            Expr::NumIn(i, items) => {
                let items: Vec<String> = items.iter().map(i64::to_string).collect();
                format!("n{i} in {{{}}}", items.join(", "))
            }
            Expr::Amount {
                op,
                euros,
                flip,
                alt,
            } => self.cmp("g".into(), op.text(*alt), self.amount(*euros, *alt), *flip),
            Expr::Day { op, d, flip } => {
                self.cmp("d".into(), op.text(false), DATES[*d].to_string(), *flip)
            }
            Expr::Not(inner) => format!("{} {}", self.w("niet", "not"), self.operand(inner)),
            Expr::And(a, b) => format!(
                "{} {} {}",
                self.operand(a),
                self.w("en", "and"),
                self.operand(b)
            ),
            Expr::Or(a, b) => format!(
                "{} {} {}",
                self.operand(a),
                self.w("of", "or"),
                self.operand(b)
            ),
        }
    }

    /// An operand of `niet`, `en` or `of`: parenthesised unless it is a single name or literal.
    fn operand(&self, e: &Expr) -> String {
        match e {
            Expr::Lit(_) | Expr::Fact(_) | Expr::Per(_) | Expr::Attr => self.expr(e),
            _ => format!("({})", self.expr(e)),
        }
    }

    fn selector(&self, s: &Sel) -> String {
        let agreement = self.w("akkoord", "agreement");
        match s {
            Sel::Every => format!("{} {agreement}", self.w("elk", "every")),
            Sel::Ids(ids) => {
                let ids: Vec<String> = ids.iter().map(|a| format!("a{a}")).collect();
                format!("{agreement} {}", ids.join(", "))
            }
            Sel::Where(e) => format!("{agreement} {} {}", self.w("waar", "where"), self.expr(e)),
        }
    }

    fn rule(&self, out: &mut String, j: usize, r: &Rule) {
        let action = if self.english {
            ENGLISH_ACTIONS[r.action]
        } else {
            DUTCH_ACTIONS[r.action]
        };
        let prep = if self.english {
            ["of", "with", "on", "to"][r.prep]
        } else {
            ["van", "met", "over", "aan"][r.prep]
        };
        let _ = writeln!(out, "  {} r{j} {{", self.w("regel", "rule"));
        let _ = writeln!(out, "    {} \"regel {j}\"", self.w("bron", "source"));
        let cond = self.expr(&r.cond);
        let sel = self.selector(&r.selector);
        let _ = match r.kind {
            RuleKind::Forbid => writeln!(
                out,
                "    {} {action} {prep} {sel}\n      {} {cond}",
                self.w("verbied", "forbid"),
                self.w("totdat", "until")
            ),
            RuleKind::Require => writeln!(
                out,
                "    {} {cond}\n      {} {action} {prep} {sel}",
                self.w("vereis", "require"),
                self.w("voor", "for")
            ),
            RuleKind::Signal => writeln!(
                out,
                "    {} \"signaal {j}\" {} {cond}",
                self.w("signaal", "signal"),
                self.w("wanneer", "when")
            ),
        };
        if r.reservation {
            let _ = writeln!(
                out,
                "    {} \"later\"",
                self.w("onder voorbehoud", "under reservation")
            );
        }
        if r.from.is_some() || r.to.is_some() {
            let _ = write!(out, "    {}", self.w("geldig", "valid"));
            if let Some(f) = r.from {
                let _ = write!(out, " {} {}", self.w("vanaf", "from"), DATES[f]);
            }
            if let Some(t) = r.to {
                let _ = write!(out, " {} {}", self.w("tot", "to"), DATES[t]);
            }
            out.push('\n');
        }
        out.push_str("  }\n");
    }

    fn event(&self, out: &mut String, e: &Event) {
        let kind = match e.kind {
            EventKind::Lift => self.w("hef op", "lift"),
            EventKind::Settled => self.w("afgehandeld", "settled"),
            EventKind::Held => self.w("aangehouden", "held"),
            EventKind::Withdrawn => self.w("ingetrokken", "withdrawn"),
            EventKind::Rejected => self.w("verworpen", "rejected"),
        };
        let target = match e.target {
            Target::Source(s) => format!("s{s}"),
            Target::Rule(s, r) => format!("s{s}.r{r}"),
        };
        let _ = write!(out, "  {kind} {target}");
        if e.quote {
            let _ = write!(out, " {} \"besloten\"", self.w("bron", "source"));
        }
        out.push('\n');
    }
}

impl Case {
    fn words(&self) -> Words {
        Words {
            english: self.english,
        }
    }

    /// The rule file.
    pub fn rules_text(&self) -> String {
        let w = self.words();
        let mut out = String::new();
        let yesno = w.w("janee", "yesno");
        let fact = w.w("feit", "fact");
        let attribute = w.w("kenmerk", "attribute");
        let _ = writeln!(out, "{} c {{ x, y }}", w.w("keuze", "choice"));
        let _ = writeln!(out, "{attribute} k: {yesno} \"k?\"");
        let _ = writeln!(out, "{attribute} s: c \"s?\"");
        for i in 0..YESNO_FACTS {
            let _ = writeln!(out, "{fact} b{i}: {yesno} \"b{i}?\"");
        }
        for i in 0..NUMBER_FACTS {
            let _ = writeln!(out, "{fact} n{i}: {} \"n{i}?\"", w.w("getal", "number"));
        }
        let _ = writeln!(out, "{fact} g: {} \"g?\"", w.w("bedrag", "amount"));
        let _ = writeln!(out, "{fact} d: {} \"d?\"", w.w("datum", "date"));
        let _ = writeln!(
            out,
            "{fact} p({}): {yesno} \"p?\"",
            w.w("akkoord", "agreement")
        );
        let kinds = if self.english {
            ["motion", "resolution", "decision", "position"]
        } else {
            ["motie", "resolutie", "besluit", "standpunt"]
        };
        for (i, s) in self.sources.iter().enumerate() {
            let _ = writeln!(out, "\n{} s{i} \"Bron {i}\" {{", kinds[s.kind]);
            let _ = writeln!(
                out,
                "  {} ALV {}",
                w.w("vergadering", "meeting"),
                DATES[s.date]
            );
            for (j, r) in s.rules.iter().enumerate() {
                w.rule(&mut out, j, r);
            }
            for e in &s.events {
                w.event(&mut out, e);
            }
            out.push_str("}\n");
        }
        out
    }

    /// The facts file.
    pub fn facts_json(&self) -> String {
        let w = &self.world;
        let en = self.english;
        let key = |dutch: &'static str, english: &'static str| if en { english } else { dutch };
        let yesno = |b: &bool| b.to_string();
        let choice = |b: &bool| format!("\"{}\"", if *b { "x" } else { "y" });
        let mut agreements = Vec::new();
        for a in 0..w.agreements {
            let mut fields = vec![format!("\"{}\": \"A{a}\"", key("naam", "name"))];
            fields.extend(self.field("k", &w.k[a], yesno));
            fields.extend(self.field("s", &w.s[a], choice));
            agreements.push(format!("\"a{a}\": {{ {} }}", fields.join(", ")));
        }
        let mut facts = Vec::new();
        for (i, t) in w.b.iter().enumerate() {
            facts.extend(self.field(&format!("b{i}"), t, yesno));
        }
        for (i, t) in w.n.iter().enumerate() {
            facts.extend(self.field(&format!("n{i}"), t, i64::to_string));
        }
        let amount = |e: &i64| {
            if w.amounts_as_text {
                format!("\"€ {e}\"")
            } else {
                e.to_string()
            }
        };
        facts.extend(self.field("g", &w.g, amount));
        facts.extend(self.field("d", &w.d, |d: &usize| format!("\"{}\"", DATES[*d])));
        let per: Vec<String> = (0..w.agreements)
            .flat_map(|a| self.field(&format!("a{a}"), &w.p[a], yesno))
            .collect();
        if !per.is_empty() {
            facts.push(format!("\"p\": {{ {} }}", per.join(", ")));
        }
        format!(
            "{{\n  \"{}\": {{\n    {}\n  }},\n  \"{}\": {{\n    {}\n  }}\n}}\n",
            key("akkoorden", "agreements"),
            agreements.join(",\n    "),
            key("feiten", "facts"),
            facts.join(",\n    ")
        )
    }

    /// `"name": value` for a timeline, or nothing when it is empty.
    fn field<T>(
        &self,
        name: &str,
        t: &Timeline<T>,
        value: impl Fn(&T) -> String,
    ) -> Option<String> {
        let (waarde, sinds) = if self.english {
            ("value", "since")
        } else {
            ("waarde", "sinds")
        };
        let v = |x: &Option<T>| x.as_ref().map_or("null".to_string(), &value);
        let entry = |(since, x): &(Option<usize>, Option<T>)| match since {
            Some(d) => format!(
                "{{ \"{waarde}\": {}, \"{sinds}\": \"{}\" }}",
                v(x),
                DATES[*d]
            ),
            None => format!("{{ \"{waarde}\": {} }}", v(x)),
        };
        let json = match t.as_slice() {
            [] => return None,
            [(None, x)] if !self.world.wrapped => v(x),
            [one] => entry(one),
            many => format!(
                "[{}]",
                many.iter().map(entry).collect::<Vec<_>>().join(", ")
            ),
        };
        Some(format!("\"{name}\": {json}"))
    }
}

// ---------------------------------------------------------------- the reference

/// The value in force on `day`: the entry with the latest `sinds` on or before it, an undated
/// entry counting as earliest.
fn at<T: Clone>(t: &Timeline<T>, day: Date) -> Option<T> {
    t.iter()
        .filter(|(since, _)| since.is_none_or(|s| DATES[s] <= day))
        .max_by_key(|(since, _)| since.map(|s| DATES[s]))
        .and_then(|(_, v)| v.clone())
}

fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// `value op literal`, or `literal op value` when flipped; unknown when the value is.
fn holds<T: Ord>(value: Option<T>, op: Op, literal: T, flip: bool) -> Option<bool> {
    value.map(|v| {
        if flip {
            op.apply(&literal, &v)
        } else {
            op.apply(&v, &literal)
        }
    })
}

impl Case {
    /// The Kleene value of `e` for agreement `a` on `day`.
    pub fn eval(&self, e: &Expr, a: usize, day: Date) -> Option<bool> {
        let w = &self.world;
        match e {
            Expr::Lit(b) => Some(*b),
            Expr::Fact(i) => at(&w.b[*i], day),
            Expr::FactIs(i, eq, v) => {
                let op = if *eq { Op::Eq } else { Op::Ne };
                holds(at(&w.b[*i], day), op, *v, false)
            }
            Expr::Per(who) => at(&w.p[who.unwrap_or(a)], day),
            Expr::Attr => at(&w.k[a], day),
            Expr::Choice { eq, x, flip } => {
                let op = if *eq { Op::Eq } else { Op::Ne };
                holds(at(&w.s[a], day), op, *x, *flip)
            }
            Expr::ChoiceIn(items) => at(&w.s[a], day).map(|s| items.contains(&s)),
            Expr::Num { i, op, k, flip, .. } => holds(at(&w.n[*i], day), *op, *k, *flip),
            Expr::NumIn(i, items) => at(&w.n[*i], day).map(|n| items.contains(&n)),
            Expr::Amount {
                op, euros, flip, ..
            } => holds(at(&w.g, day), *op, *euros, *flip),
            Expr::Day { op, d, flip } => {
                holds(at(&w.d, day).map(|x| DATES[x]), *op, DATES[*d], *flip)
            }
            Expr::Not(inner) => self.eval(inner, a, day).map(|b| !b),
            Expr::And(x, y) => and(self.eval(x, a, day), self.eval(y, a, day)),
            Expr::Or(x, y) => or(self.eval(x, a, day), self.eval(y, a, day)),
        }
    }

    /// Rule `r` of source `s` binds on `day`: its source was adopted on or before it, its own
    /// validity covers it, and no lift or status dated on or before it ended the rule or its
    /// source (`aangehouden` ends nothing).
    pub fn in_force(&self, s: usize, r: usize, day: Date) -> bool {
        let source = &self.sources[s];
        let rule = &source.rules[r];
        let adopted = DATES[source.date] <= day;
        let valid =
            rule.from.is_none_or(|f| DATES[f] <= day) && rule.to.is_none_or(|t| day < DATES[t]);
        let ended = self.sources.iter().any(|by| {
            DATES[by.date] <= day
                && by.events.iter().any(|e| {
                    e.kind.ends_force()
                        && (e.target == Target::Rule(s, r) || e.target == Target::Source(s))
                })
        });
        adopted && valid && !ended
    }

    /// Every rule (source, rule) in the case.
    fn rules(&self) -> impl Iterator<Item = (usize, usize, &Rule)> {
        self.sources.iter().enumerate().flat_map(|(s, src)| {
            src.rules
                .iter()
                .enumerate()
                .map(move |(r, rule)| (s, r, rule))
        })
    }

    /// The verdict for agreement `a`, action `h`, on `day`: each rule in force about `h`
    /// contributes `niet selector of conditie`; their conjunction is *mag*, *niet* or unknown;
    /// unknown is *mag onder voorbehoud* when only rules under reservation are unknown.
    pub fn verdict(&self, a: usize, h: usize, day: Date) -> Verdict {
        let mut all = Some(true);
        let mut open_unreserved = false;
        for (s, r, rule) in self.rules() {
            if rule.kind == RuleKind::Signal || rule.action != h || !self.in_force(s, r, day) {
                continue;
            }
            let applies = match &rule.selector {
                Sel::Every => Some(true),
                Sel::Ids(ids) => Some(ids.contains(&a)),
                Sel::Where(e) => self.eval(e, a, day),
            };
            let value = or(applies.map(|b| !b), self.eval(&rule.cond, a, day));
            if value.is_none() && !rule.reservation {
                open_unreserved = true;
            }
            all = and(all, value);
        }
        match all {
            Some(true) => Verdict::Mag,
            Some(false) => Verdict::Niet,
            None if open_unreserved => Verdict::Onbepaald,
            None => Verdict::MagOnderVoorbehoud,
        }
    }

    /// The signals in force on `day`, with whether each is due.
    pub fn signals(&self, day: Date) -> Vec<((usize, usize), Option<bool>)> {
        self.rules()
            .filter(|(s, r, rule)| rule.kind == RuleKind::Signal && self.in_force(*s, *r, day))
            .map(|(s, r, rule)| ((s, r), self.eval(&rule.cond, 0, day)))
            .collect()
    }
}

// ---------------------------------------------------------------- comparing

/// The dates compared on: every date of the case and the day before each, and one long after.
fn days() -> Vec<Date> {
    let mut days = vec![date(2030, 1, 1)];
    for d in DATES {
        days.push(d);
        days.extend(d.yesterday().ok());
    }
    days.sort();
    days
}

fn rule_id(base: &RuleBase, s: usize, r: usize) -> Option<RuleId> {
    let (doc, rule) = (format!("s{s}"), format!("r{r}"));
    base.rules
        .iter()
        .position(|x| x.id == rule && base.docs[x.doc].id == doc)
}

fn tri(t: Tri) -> Option<bool> {
    match t {
        Tri::Yes => Some(true),
        Tri::No => Some(false),
        Tri::Unknown => None,
    }
}

/// Loads the case and compares the engine with the reference on every rule, agreement,
/// action and date; panics on the first difference.
pub fn compare(case: &Case) {
    let rules = case.rules_text();
    let facts = case.facts_json();
    let context = || format!("--- rules\n{rules}\n--- facts\n{facts}");
    let loaded = match check::load(
        &[("gegenereerd.akk".into(), rules.clone())],
        ("feiten.json", &facts),
    ) {
        Ok(loaded) => loaded,
        Err((problems, sources)) => panic!(
            "a generated valid case does not load:\n{}\n{}",
            render_all(&problems, &sources),
            context()
        ),
    };
    let (base, world) = (&loaded.base, &loaded.world);
    let ids: Vec<((usize, usize), RuleId)> = case
        .rules()
        .map(|(s, r, _)| {
            let id = rule_id(base, s, r)
                .unwrap_or_else(|| panic!("rule s{s}.r{r} missing after loading\n{}", context()));
            ((s, r), id)
        })
        .collect();
    let agreements: Vec<usize> = (0..case.world.agreements)
        .map(|a| {
            world
                .agreement(&format!("a{a}"))
                .unwrap_or_else(|| panic!("agreement a{a} missing after loading\n{}", context()))
        })
        .collect();
    for day in days() {
        let ev = Evaluator::new(base, world, day);
        for &((s, r), id) in &ids {
            let want = case.in_force(s, r, day);
            assert!(
                ev.in_force(id) == want,
                "s{s}.r{r} on {day}: engine says in force = {}, reference {want}\n{}",
                ev.in_force(id),
                context()
            );
        }
        for (a, &id) in agreements.iter().enumerate() {
            for (h, &action) in ACTIONS.iter().enumerate() {
                let decision = ev.decide(id, action);
                let want = case.verdict(a, h, day);
                assert!(
                    decision.verdict == want,
                    "a{a}, {action:?}, on {day}: engine says {}, reference {want}\n{}\n--- decision\n{decision:#?}",
                    decision.verdict,
                    context()
                );
            }
        }
        let mut got: Vec<((usize, usize), Option<bool>)> = ev
            .signals()
            .iter()
            .map(|sig| {
                let key = ids
                    .iter()
                    .find(|(_, id)| *id == sig.rule)
                    .map_or((usize::MAX, usize::MAX), |(k, _)| *k);
                (key, tri(sig.due))
            })
            .collect();
        got.sort();
        let mut want = case.signals(day);
        want.sort();
        assert!(
            got == want,
            "signals on {day}: engine says {got:?}, reference {want:?}\n{}",
            context()
        );
    }
}
