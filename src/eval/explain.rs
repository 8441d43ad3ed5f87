//! Explanations: the parts of a condition that decide its value, and the facts they read.

use crate::compiled::{AgreementId, FactId, Node, NodeId};
use crate::facts::Entry;

use super::{Atom, Evaluator, FactUse};

impl Evaluator<'_> {
    /// Collects the atoms that explain the node's value: for *and* the false parts when it is
    /// false, for *or* the true parts when it is true, otherwise the parts with the same value.
    pub fn reasons(&self, node: NodeId, agreement: AgreementId, out: &mut Vec<NodeId>) {
        let value = self.tri(node, agreement);
        match &self.base.nodes[node].node {
            Node::And(kids) | Node::Or(kids) => {
                for &k in kids {
                    if self.tri(k, agreement) == value {
                        self.reasons(k, agreement, out);
                    }
                }
            }
            Node::Not(k) => self.reasons(*k, agreement, out),
            _ => out.push(node),
        }
    }

    /// An atom with the facts it reads.
    pub fn atom(&self, node: NodeId, agreement: AgreementId) -> Atom {
        let mut facts = Vec::new();
        self.facts_in(node, agreement, &mut facts);
        Atom {
            node,
            value: self.tri(node, agreement),
            facts,
        }
    }

    fn facts_in(&self, node: NodeId, agreement: AgreementId, out: &mut Vec<FactUse>) {
        let fact_use = match &self.base.nodes[node].node {
            Node::Const(_) => return,
            Node::Fact(f) => self.fact_use(*f, agreement, false),
            Node::FactOf(f, who) => self.fact_use(*f, who.resolve(agreement), true),
            Node::Attr(attr) => {
                let decl = &self.base.attrs[*attr];
                let entry = self
                    .world
                    .attr(agreement, *attr)
                    .entry_at(self.date)
                    .cloned();
                FactUse {
                    name: format!("{}({})", decl.name, self.world.agreement_id(agreement)),
                    value: entry.as_ref().and_then(|e| e.value.clone()),
                    question: decl.question.clone(),
                    entry,
                    attribute: true,
                }
            }
            Node::Not(k) | Node::In(k, _) => return self.facts_in(*k, agreement, out),
            Node::Cmp(_, a, b) => {
                self.facts_in(*a, agreement, out);
                return self.facts_in(*b, agreement, out);
            }
            Node::And(kids) | Node::Or(kids) => {
                for &k in kids {
                    self.facts_in(k, agreement, out);
                }
                return;
            }
        };
        if !out.iter().any(|f| f.name == fact_use.name) {
            out.push(fact_use);
        }
    }

    fn fact_use(&self, fact: FactId, agreement: AgreementId, per_agreement: bool) -> FactUse {
        let decl = &self.base.facts[fact];
        let mut entry = self
            .world
            .fact(fact, agreement)
            .entry_at(self.date)
            .cloned();
        if let Some(changed) = self
            .changes
            .and_then(|c| c.get(&(fact, self.slot(fact, agreement))))
        {
            entry = Some(Entry {
                since: None,
                value: changed.clone(),
                source: None,
                assumption: None,
                span: None,
            });
        }
        let name = if per_agreement {
            format!("{}({})", decl.name, self.world.agreement_id(agreement))
        } else {
            decl.name.clone()
        };
        FactUse {
            name,
            value: entry.as_ref().and_then(|e| e.value.clone()),
            question: decl.question.clone(),
            entry,
            attribute: false,
        }
    }
}
