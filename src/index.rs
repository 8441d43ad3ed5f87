//! Where to find the rules that can speak of an agreement without trying every rule: rules that
//! name agreements by id, per agreement; rules whose selector requires attributes to have one
//! of some values (`soort in {…} en domein = zorg en financiele_consequenties`), by the values
//! of up to two of those attributes, the two that narrow best in the world at hand; and the
//! rest (`elk akkoord`, or a selector the index cannot use). A decision looks up its
//! agreement's values of each indexed pair on the day and visits only those rules; when a value
//! is unknown, every rule indexed under that pair may apply and is visited.
//!
//! The index only narrows: each visited rule's selector is still evaluated, so which attributes
//! are chosen changes how many rules a decision visits, never its verdict.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ast::CmpOp;
use crate::compiled::{AgreementId, AttrId, ExprNode, Node, NodeId, Rule, RuleId, Selector};
use crate::facts::World;
use crate::value::Value;

/// The rules that can speak of each agreement, indexed by what their selectors test.
#[derive(Clone, Debug, Default)]
pub struct RuleIndex {
    /// Rules naming agreements by id, per agreement.
    by_id: Vec<Vec<RuleId>>,
    /// Rules that need one or two attributes to have one of some values, grouped by the
    /// attributes tested.
    groups: Vec<Group>,
    /// Every other rule with a selector.
    rest: Vec<RuleId>,
    /// Per rule, what deciding a verdict reads of it, side by side in memory.
    hot: Vec<Hot>,
}

/// What the verdict-only path reads of a rule: when it binds, what it conditions, its
/// selector and condition, in a few bytes.
#[derive(Clone, Copy, Debug)]
pub struct Hot {
    /// The first day it binds (`Date::MAX` when never).
    pub from: Date,
    /// The first day it no longer binds (`Date::MAX` when it does not end).
    pub until: Date,
    /// The actions it conditions, one bit per action.
    actions: u8,
    /// True when it is a reservation (`onder voorbehoud`).
    pub reserved: bool,
    /// Its selector's node for `akkoord waar …`; `None` when it selects every agreement or the
    /// agreement naming it (the index hands it only to those).
    pub selector: Option<NodeId>,
    /// Its condition.
    pub condition: NodeId,
}

impl Hot {
    /// True when it conditions `action` and binds on `date`.
    pub fn binds(&self, action: crate::ast::Action, date: Date) -> bool {
        self.actions & (1 << action as u8) != 0 && self.from <= date && date < self.until
    }
}

/// The rules indexed under one attribute or one pair of attributes.
#[derive(Clone, Debug)]
struct Group {
    /// The attributes, one or two.
    attrs: Vec<AttrId>,
    /// Per attribute, a code for each value some rule accepts.
    codes: Vec<HashMap<Value, u32>>,
    /// The rules per combination of value codes (the second code is 0 for one attribute),
    /// with [`ANY`] standing for a value that is unknown: `[c, ANY]` holds every rule that
    /// accepts value `c` of the first attribute, whatever it accepts of the second.
    rules: HashMap<[u32; 2], Vec<RuleId>>,
    /// Every rule in the group.
    all: Vec<RuleId>,
}

/// The code of an unknown value.
const ANY: u32 = u32::MAX;

/// One attribute test a selector requires: the attribute and the values it accepts.
type Key = (AttrId, Vec<Value>);

impl RuleIndex {
    /// Indexes `rules` for the agreements of `world`; `nodes` are the expressions they refer
    /// to. Which attributes a rule is filed under is chosen by how few of the world's
    /// agreements can have the values it accepts.
    pub fn build(rules: &[Rule], nodes: &[ExprNode], world: &World) -> Self {
        let mut index = RuleIndex {
            by_id: vec![Vec::new(); world.agreements.len()],
            ..RuleIndex::default()
        };
        let spread = Spread::of(world);
        index.hot = rules
            .iter()
            .map(|rule| Hot {
                from: rule.life.start.map_or(Date::MAX, |(d, _)| d),
                until: rule.life.end.map_or(Date::MAX, |(d, _)| d),
                actions: rule.actions().iter().fold(0, |m, &a| m | 1 << a as u8),
                reserved: rule.reservation.is_some(),
                selector: match rule.selector() {
                    Some(Selector::Where(node)) => Some(*node),
                    _ => None,
                },
                condition: rule.condition,
            })
            .collect();
        for (r, rule) in rules.iter().enumerate() {
            match rule.selector() {
                None => {}
                Some(Selector::Ids(ids)) => {
                    for &a in ids {
                        // `akkoord ggz, ggz` files the rule once.
                        if let Some(list) = index.by_id.get_mut(a)
                            && list.last() != Some(&r)
                        {
                            list.push(r);
                        }
                    }
                }
                Some(Selector::Every) => index.rest.push(r),
                Some(Selector::Where(node)) => {
                    let mut keys = keys(nodes, *node);
                    if keys.is_empty() {
                        index.rest.push(r);
                        continue;
                    }
                    keys.sort_by_key(|k| (spread.reach(k), k.0));
                    keys.dedup_by_key(|k| k.0);
                    keys.truncate(2);
                    keys.sort_by_key(|k| k.0);
                    index.add(&keys, r);
                }
            }
        }
        index
    }

    fn add(&mut self, keys: &[Key], rule: RuleId) {
        let attrs: Vec<AttrId> = keys.iter().map(|k| k.0).collect();
        let slot = match self.groups.iter().position(|g| g.attrs == attrs) {
            Some(i) => i,
            None => {
                self.groups.push(Group {
                    codes: vec![HashMap::new(); attrs.len()],
                    attrs,
                    rules: HashMap::new(),
                    all: Vec::new(),
                });
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[slot];
        let coded: Vec<Vec<u32>> = keys
            .iter()
            .zip(&mut group.codes)
            .map(|((_, values), codes)| {
                values
                    .iter()
                    .map(|v| {
                        let next = codes.len() as u32;
                        *codes.entry(v.clone()).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let mut firsts = coded[0].clone();
        let mut seconds = coded.get(1).cloned().unwrap_or_else(|| vec![0]);
        firsts.push(ANY);
        if coded.len() == 2 {
            seconds.push(ANY);
        }
        for &first in &firsts {
            for &second in &seconds {
                let list = group.rules.entry([first, second]).or_default();
                if list.last() != Some(&rule) {
                    list.push(rule);
                }
            }
        }
        group.all.push(rule);
    }

    /// The rules that can speak of `agreement` on `date`, each once, in no particular order:
    /// the ones naming it, the ones whose indexed attributes fit its values on the day (or all
    /// of a group when a value is unknown), and the rest.
    pub fn candidates<'a>(
        &'a self,
        agreement: AgreementId,
        date: Date,
        world: &'a World,
    ) -> impl Iterator<Item = RuleId> + 'a {
        let named = self.by_id.get(agreement).into_iter().flatten();
        let by_attr = self.groups.iter().flat_map(move |g| {
            let mut code = [0u32; 2];
            for (i, (&attr, codes)) in g.attrs.iter().zip(&g.codes).enumerate() {
                code[i] = match world.attr(agreement, attr).at(date) {
                    // A value no rule of the group accepts: none of them applies.
                    Some(v) => match codes.get(v) {
                        Some(&c) => c,
                        None => return [].iter(),
                    },
                    None => ANY,
                }
            }
            g.rules.get(&code).map_or(&[][..], Vec::as_slice).iter()
        });
        named.chain(by_attr).chain(self.rest.iter()).copied()
    }

    /// What the verdict-only path reads of a rule.
    pub fn hot(&self, rule: RuleId) -> &Hot {
        &self.hot[rule]
    }

    /// The rules that can speak of `agreement` on some day, in rule order.
    pub fn about(&self, agreement: AgreementId) -> Vec<RuleId> {
        let mut rules: Vec<RuleId> = self
            .by_id
            .get(agreement)
            .into_iter()
            .flatten()
            .chain(self.groups.iter().flat_map(|g| &g.all))
            .chain(&self.rest)
            .copied()
            .collect();
        rules.sort_unstable();
        rules
    }
}

/// How the world's agreements spread over the values of each attribute, to estimate how many
/// agreements an attribute test can let through.
struct Spread {
    /// Per attribute and value, the number of agreements that have it on some day.
    counts: HashMap<(AttrId, Value), usize>,
    /// Per attribute, the number of agreements whose value is unknown on some day.
    unknown: HashMap<AttrId, usize>,
}

impl Spread {
    fn of(world: &World) -> Self {
        let mut spread = Spread {
            counts: HashMap::new(),
            unknown: HashMap::new(),
        };
        for attrs in &world.attrs {
            for (attr, timeline) in attrs.iter().enumerate() {
                let unknown = timeline.0.is_empty()
                    || timeline.0.iter().any(|e| e.value.is_none())
                    || timeline.0.first().is_some_and(|e| e.since.is_some());
                if unknown {
                    *spread.unknown.entry(attr).or_default() += 1;
                }
                for value in timeline.0.iter().filter_map(|e| e.value.as_ref()) {
                    *spread.counts.entry((attr, value.clone())).or_default() += 1;
                }
            }
        }
        spread
    }

    /// How many agreements a test can let through: those with an accepted value or none.
    fn reach(&self, (attr, values): &Key) -> usize {
        let accepted: usize = values
            .iter()
            .map(|v| self.counts.get(&(*attr, v.clone())).copied().unwrap_or(0))
            .sum();
        accepted + self.unknown.get(attr).copied().unwrap_or(0)
    }
}

/// The attribute tests a selector requires: the selector itself or the parts of a
/// conjunction (nested or not) of the form `attr = value`, `attr in {values}` or a bare yes/no `attr`.
fn keys(nodes: &[ExprNode], node: NodeId) -> Vec<Key> {
    let test = |n: NodeId| -> Option<Key> {
        let constant = |n: NodeId| match &nodes[n].node {
            Node::Const(v) => Some(v.clone()),
            _ => None,
        };
        match &nodes[n].node {
            Node::Attr(a) => Some((*a, vec![Value::Bool(true)])),
            Node::Cmp(CmpOp::Eq, x, y) => match (&nodes[*x].node, &nodes[*y].node) {
                (Node::Attr(a), _) => constant(*y).map(|v| (*a, vec![v])),
                (_, Node::Attr(a)) => constant(*x).map(|v| (*a, vec![v])),
                _ => None,
            },
            Node::In(k, values) => match &nodes[*k].node {
                Node::Attr(a) => Some((*a, values.clone())),
                _ => None,
            },
            _ => None,
        }
    };
    let mut keys = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &nodes[n].node {
            Node::And(kids) => stack.extend(kids.iter().rev()),
            _ => keys.extend(test(n)),
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use crate::check;

    #[test]
    fn a_decision_visits_only_the_rules_its_agreement_can_meet() {
        let mut rules = String::from(
            "keuze soort { a, b, c }\nkenmerk soort: soort \"?\"\nfeit f: janee \"?\"\nmotie m \"M\" { vergadering ALV 2018-01-01\n",
        );
        for r in 0..300 {
            let soort = ["a", "b", "c"][r % 3];
            rules.push_str(&format!(
                " regel r{r} {{ bron \"z\" vereis f voor ondertekening van akkoord waar soort = {soort} }}\n"
            ));
        }
        rules.push_str(" regel alle { bron \"z\" vereis f voor ondertekening van elk akkoord }\n}");
        let facts = r#"{ "akkoorden": { "x": { "soort": "b" }, "y": {} } }"#;
        let loaded = check::load(&[("r.akk".into(), rules)], ("f.json", facts)).expect("loads");
        let day = jiff::civil::date(2019, 1, 1);
        let visited = |a: &str| {
            let a = loaded.world.agreement(a).expect("agreement");
            loaded.base.index.candidates(a, day, &loaded.world).count()
        };
        // x is of soort b: its 100 rules and `elk akkoord`; y's soort is unknown: every rule.
        assert_eq!(visited("x"), 101);
        assert_eq!(visited("y"), 301);
    }

    #[test]
    fn two_attribute_tests_narrow_to_the_rules_that_accept_both_values() {
        let mut rules = String::from(
            "keuze soort { a, b, c, d }\nkeuze domein { p, q, r, s }\nkenmerk soort: soort \"?\"\nkenmerk domein: domein \"?\"\nkenmerk fin: janee \"?\"\nfeit f: janee \"?\"\nmotie m \"M\" { vergadering ALV 2018-01-01\n",
        );
        for r in 0..160 {
            let (s1, s2) = (
                ["a", "b", "c", "d"][r % 4],
                ["a", "b", "c", "d"][(r / 4) % 4],
            );
            let d = ["p", "q", "r", "s"][(r / 16) % 4];
            rules.push_str(&format!(
                " regel r{r} {{ bron \"z\" vereis f voor ondertekening van akkoord waar fin en soort in {{{s1}, {s2}}} en domein = {d} }}\n"
            ));
        }
        rules.push('}');
        let facts = r#"{ "akkoorden": {
            "x": { "soort": "a", "domein": "p", "fin": true },
            "y": { "soort": "b", "domein": "q", "fin": false },
            "z": { "soort": "c", "domein": "r", "fin": true },
            "w": { "soort": "d", "fin": true } } }"#;
        let loaded = check::load(&[("r.akk".into(), rules)], ("f.json", facts)).expect("loads");
        let day = jiff::civil::date(2019, 1, 1);
        let ev = crate::eval::Evaluator::new(&loaded.base, &loaded.world, day);
        // x: soort a in 7 of every 16 rules' sets, domein p in 48 rules: 21; z: domein r in 32
        // rules: 14; w's domein is unknown: every rule whose soort set holds d, 70.
        for (name, visits) in [("x", 21), ("z", 14), ("w", 70)] {
            let a = loaded.world.agreement(name).expect("agreement");
            let candidates: Vec<_> = loaded
                .base
                .index
                .candidates(a, day, &loaded.world)
                .collect();
            assert_eq!(candidates.len(), visits, "{name}");
            // Every rule that selects the agreement is among the candidates.
            let selecting = (0..loaded.base.rules.len())
                .filter(|&r| ev.selects(r, a) != crate::value::Tri::No)
                .count();
            assert_eq!(
                selecting,
                candidates
                    .iter()
                    .filter(|&&r| ev.selects(r, a) != crate::value::Tri::No)
                    .count(),
                "{name}"
            );
        }
    }
}
