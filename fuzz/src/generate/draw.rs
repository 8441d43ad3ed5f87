//! Drawing a case from the fuzzer's bytes: small worlds, expressions of bounded depth, rules,
//! and histories kept only when possible ([`super::history`]).

use arbitrary::{Result, Unstructured};

use super::{
    ACTIONS, AMOUNTS, Case, DATES, Event, EventKind, Expr, NUMBER_FACTS, Op, Rule, RuleKind, Sel,
    Source, Target, Timeline, World, YESNO_FACTS, history,
};

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
            table: (0..agreements)
                .map(|_| on_the_table(u))
                .collect::<Result<_>>()?,
        })
    }
}

/// Mostly always on the table; else from a day, until a day, or both (`tot` after `sinds`).
fn on_the_table(u: &mut Unstructured) -> Result<(Option<usize>, Option<usize>)> {
    if u.ratio(2, 3)? {
        return Ok((None, None));
    }
    let since = if u.arbitrary()? {
        Some(u.choose_index(DATES.len() - 1)?)
    } else {
        None
    };
    let until = if u.arbitrary()? {
        Some(u.int_in_range(since.map_or(0, |s| s + 1)..=DATES.len() - 1)?)
    } else {
        None
    };
    Ok((since, until))
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
        let choice = u.int_in_range(0..=(12 + compound))?;
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
            12 => Expr::NumPair {
                op: op(u)?,
                flip: u.arbitrary()?,
                alt: u.arbitrary()?,
            },
            13 => Expr::Not(Box::new(Expr::generate(
                u,
                depth - 1,
                in_agreement,
                agreements,
            )?)),
            14 => Expr::And(
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
        let mut actions = vec![u.choose_index(ACTIONS.len())?];
        if !signal {
            for _ in 0..u.int_in_range(0..=2)? {
                let h = u.choose_index(ACTIONS.len())?;
                if !actions.contains(&h) {
                    actions.push(h);
                }
            }
        }
        Ok(Rule {
            kind,
            actions,
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
        let lists = u.arbitrary()?;
        let world = World::generate(u)?;
        let n = u.int_in_range(1..=4)?;
        let mut sources = Vec::new();
        for _ in 0..n {
            let date = u.choose_index(DATES.len())?;
            let rules = (0..u.int_in_range(0..=3)?)
                .map(|_| Rule::generate(u, date, world.agreements))
                .collect::<Result<_>>()?;
            let vote = if u.ratio(1, 4)? {
                let yes = u.int_in_range(0..=100)?;
                Some((yes, 100 - yes))
            } else {
                None
            };
            sources.push(Source {
                kind: u.choose_index(4)?,
                date,
                rules,
                events: Vec::new(),
                vote,
            });
        }
        // Events as drawn: (source, kind, target source, target rule, quote).
        let mut drawn = Vec::new();
        for s in 0..n {
            for _ in 0..u.int_in_range(0..=3)? {
                let kind = *u.choose(&EventKind::DRAWN)?;
                let target = draw_target(u, &sources, s, kind)?;
                let rule: Option<u8> = u.arbitrary()?;
                drawn.push((s, kind, target, rule, u.arbitrary::<bool>()?));
            }
        }
        // An adoption is mostly of a vote drawn as deferred.
        let deferrals: Vec<(usize, Option<u8>)> = drawn
            .iter()
            .filter(|d| d.1 == EventKind::Deferred)
            .map(|d| (d.2, d.3))
            .collect();
        for d in drawn.iter_mut().filter(|d| d.1 == EventKind::Adopted) {
            if !deferrals.is_empty() && u.ratio(3, 4)? {
                (d.2, d.3) = *u.choose(&deferrals)?;
            }
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
        for (s, event) in history::possible(&sources, drawn) {
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
            lists,
        })
    }
}

/// The source an event of `kind` written in source `by` is about. A deferral or rejection is
/// mostly about the source it is written in, at its own meeting (the README's example); an
/// adoption mostly about a source of an earlier meeting, whose vote may have been deferred.
fn draw_target(
    u: &mut Unstructured,
    sources: &[Source],
    by: usize,
    kind: EventKind,
) -> Result<usize> {
    let earlier: Vec<usize> = (0..sources.len())
        .filter(|&t| sources[t].date < sources[by].date)
        .collect();
    Ok(match kind {
        EventKind::Deferred | EventKind::Rejected if u.arbitrary()? => by,
        EventKind::Adopted if !earlier.is_empty() && u.ratio(3, 4)? => *u.choose(&earlier)?,
        _ => u.choose_index(sources.len())?,
    })
}
