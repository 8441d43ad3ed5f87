//! Where to find the rules that can speak of an agreement without trying every rule: rules that
//! name agreements by id, per agreement; rules whose selector requires an attribute to have one
//! of some values (`soort in {…}`, `domein = zorg`, `financiele_consequenties`), by attribute
//! and value; and the rest (`elk akkoord`, or a selector the index cannot use). A decision looks
//! up the agreement's value of each indexed attribute on the day and visits only those rules;
//! when the value is unknown, every rule indexed under the attribute may apply and is visited.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::ast::CmpOp;
use crate::compiled::{AgreementId, AttrId, Node, NodeId, Rule, RuleId, Selector};
use crate::facts::World;
use crate::value::Value;

/// The rules that can speak of each agreement, indexed by what their selectors test.
#[derive(Clone, Debug, Default)]
pub struct RuleIndex {
    /// Rules naming agreements by id, per agreement.
    by_id: Vec<Vec<RuleId>>,
    /// Rules that need an attribute to have one of some values: per attribute, the rules per
    /// value, and all of them (for when the value is unknown).
    by_attr: Vec<AttrRules>,
    /// Every other rule with a selector.
    rest: Vec<RuleId>,
}

#[derive(Clone, Debug)]
struct AttrRules {
    attr: AttrId,
    by_value: HashMap<Value, Vec<RuleId>>,
    all: Vec<RuleId>,
}

impl RuleIndex {
    /// Indexes `rules` for `agreements` agreements; `nodes` are the expressions they refer to.
    pub fn build(rules: &[Rule], nodes: &[crate::compiled::ExprNode], agreements: usize) -> Self {
        let mut index = RuleIndex {
            by_id: vec![Vec::new(); agreements],
            ..RuleIndex::default()
        };
        for (r, rule) in rules.iter().enumerate() {
            match rule.selector() {
                None => {}
                Some(Selector::Ids(ids)) => {
                    for &a in ids {
                        if let Some(list) = index.by_id.get_mut(a) {
                            list.push(r);
                        }
                    }
                }
                Some(Selector::Every) => index.rest.push(r),
                Some(Selector::Where(node)) => match key(nodes, *node) {
                    Some((attr, values)) => index.add(attr, values, r),
                    None => index.rest.push(r),
                },
            }
        }
        index
    }

    fn add(&mut self, attr: AttrId, values: Vec<Value>, rule: RuleId) {
        let slot = match self.by_attr.iter().position(|a| a.attr == attr) {
            Some(i) => i,
            None => {
                self.by_attr.push(AttrRules {
                    attr,
                    by_value: HashMap::new(),
                    all: Vec::new(),
                });
                self.by_attr.len() - 1
            }
        };
        let entry = &mut self.by_attr[slot];
        for v in values {
            let list = entry.by_value.entry(v).or_default();
            if list.last() != Some(&rule) {
                list.push(rule);
            }
        }
        entry.all.push(rule);
    }

    /// The rules that can speak of `agreement` on `date`, each once, in no particular order:
    /// the ones naming it, the ones whose indexed attribute fits its value on the day (or all
    /// of them when the value is unknown), and the rest.
    pub fn candidates<'a>(
        &'a self,
        agreement: AgreementId,
        date: Date,
        world: &'a World,
    ) -> impl Iterator<Item = RuleId> + 'a {
        let named = self.by_id.get(agreement).into_iter().flatten();
        let by_attr = self.by_attr.iter().flat_map(move |a| {
            let list = match world.attr(agreement, a.attr).at(date) {
                Some(v) => a.by_value.get(v).map_or(&[][..], Vec::as_slice),
                None => a.all.as_slice(),
            };
            list.iter()
        });
        named.chain(by_attr).chain(self.rest.iter()).copied()
    }

    /// The rules that can speak of `agreement` on some day, in rule order.
    pub fn about(&self, agreement: AgreementId) -> Vec<RuleId> {
        let mut rules: Vec<RuleId> = self
            .by_id
            .get(agreement)
            .into_iter()
            .flatten()
            .chain(self.by_attr.iter().flat_map(|a| &a.all))
            .chain(&self.rest)
            .copied()
            .collect();
        rules.sort_unstable();
        rules
    }
}

/// The attribute test a selector requires and the values it accepts: the selector itself or one
/// part of a conjunction, of the form `attr = value`, `attr in {values}` or a bare yes/no `attr`.
fn key(nodes: &[crate::compiled::ExprNode], node: NodeId) -> Option<(AttrId, Vec<Value>)> {
    let test = |n: NodeId| -> Option<(AttrId, Vec<Value>)> {
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
    match &nodes[node].node {
        Node::And(kids) => kids.iter().find_map(|&k| test(k)),
        _ => test(node),
    }
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
}
