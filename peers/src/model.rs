//! One workload as plain data: agreements with attributes, yes/no facts (global and per
//! agreement), motions with rules, and lifts. Every engine's input is rendered from this, and
//! [`Workload::expected`] is the reference verdict every engine must reproduce.

use crate::prng::SplitMix64;

/// A condition or selector over one agreement and the facts.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A global yes/no fact, by index in [`Workload::facts`].
    Fact(usize),
    /// A per-agreement yes/no fact of the agreement at hand, by index in
    /// [`Workload::agreement_facts`].
    AgreementFact(usize),
    /// `soort in {…}`: the agreement's kind is one of these (indices in [`Workload::kinds`]).
    KindIn(Vec<usize>),
    /// `domein = …`: the agreement's domain is this one (index in [`Workload::domains`]).
    DomainIs(usize),
    /// The agreement's yes/no attribute `financieel`.
    Financial,
    /// Negation.
    Not(Box<Expr>),
    /// Conjunction.
    And(Box<Expr>, Box<Expr>),
    /// Disjunction.
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// `a en b`
    pub fn and(a: Expr, b: Expr) -> Expr {
        Expr::And(Box::new(a), Box::new(b))
    }
    /// `a of b`
    pub fn or(a: Expr, b: Expr) -> Expr {
        Expr::Or(Box::new(a), Box::new(b))
    }
    /// `niet a`
    #[allow(clippy::should_implement_trait)]
    pub fn not(a: Expr) -> Expr {
        Expr::Not(Box::new(a))
    }

    /// The value for agreement `a`; every fact is known.
    pub fn eval(&self, w: &Workload, a: usize) -> bool {
        match self {
            Expr::Fact(f) => w.facts[*f].1,
            Expr::AgreementFact(f) => w.agreement_facts[*f].1[a],
            Expr::KindIn(kinds) => kinds.contains(&w.agreements[a].kind),
            Expr::DomainIs(d) => w.agreements[a].domain == *d,
            Expr::Financial => w.agreements[a].financial,
            Expr::Not(x) => !x.eval(w, a),
            Expr::And(x, y) => x.eval(w, a) && y.eval(w, a),
            Expr::Or(x, y) => x.eval(w, a) || y.eval(w, a),
        }
    }
}

/// Which agreements a rule speaks of.
#[derive(Clone, Debug, PartialEq)]
pub enum Selector {
    /// `akkoord waar …`
    Where(Expr),
    /// `akkoord ggz, …` (indices in [`Workload::agreements`])
    Ids(Vec<usize>),
}

impl Selector {
    /// Whether the rule speaks of agreement `a`.
    pub fn selects(&self, w: &Workload, a: usize) -> bool {
        match self {
            Selector::Where(e) => e.eval(w, a),
            Selector::Ids(ids) => ids.contains(&a),
        }
    }
}

/// How the rule is written in akkoord; both mean "signing needs the condition".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Form {
    /// `verbied ondertekening van S totdat C`
    ForbidUntil,
    /// `vereis C voor ondertekening van S`
    Require,
}

/// A rule about signing.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Its id within its motion.
    pub id: String,
    /// How it is written.
    pub form: Form,
    /// The agreements it speaks of.
    pub selector: Selector,
    /// What signing needs.
    pub condition: Expr,
}

/// A motion: an id, a title and rules, adopted on 2018-01-01.
#[derive(Clone, Debug, PartialEq)]
pub struct Motion {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its rules.
    pub rules: Vec<Rule>,
}

/// An agreement on the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// Its id.
    pub id: String,
    /// Its kind (index in [`Workload::kinds`]).
    pub kind: usize,
    /// Its domain (index in [`Workload::domains`]).
    pub domain: usize,
    /// Whether it has financial consequences.
    pub financial: bool,
}

/// A later decision lifting one rule (`hef op motie.regel`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lift {
    /// The motion (index in [`Workload::motions`]).
    pub motion: usize,
    /// The rule (index in that motion's rules).
    pub rule: usize,
    /// Dated before the evaluation day (2018-06-01), so the rule no longer binds; otherwise
    /// dated after it (2019-06-01) and the rule still binds.
    pub in_force: bool,
}

/// One generated workload.
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    /// A short name, for tables.
    pub name: String,
    /// The values of the choice `soort`.
    pub kinds: Vec<String>,
    /// The values of the choice `domein`.
    pub domains: Vec<String>,
    /// Global yes/no facts and their values.
    pub facts: Vec<(String, bool)>,
    /// Per-agreement yes/no facts and their value for each agreement.
    pub agreement_facts: Vec<(String, Vec<bool>)>,
    /// The agreements.
    pub agreements: Vec<Agreement>,
    /// The motions.
    pub motions: Vec<Motion>,
    /// Lifts by later decisions.
    pub lifts: Vec<Lift>,
    /// The agreements to decide signing for (indices), in order.
    pub decide: Vec<usize>,
}

impl Workload {
    /// The number of rules.
    pub fn rule_count(&self) -> usize {
        self.motions.iter().map(|m| m.rules.len()).sum()
    }

    /// The rules that bind on the evaluation day, with their motion: what a peer without
    /// dated lifts gets as its policy set.
    pub fn binding_rules(&self) -> Vec<(&Motion, &Rule)> {
        let lifted: std::collections::HashSet<(usize, usize)> = self
            .lifts
            .iter()
            .filter(|l| l.in_force)
            .map(|l| (l.motion, l.rule))
            .collect();
        let mut out = Vec::new();
        for (m, motion) in self.motions.iter().enumerate() {
            for (r, rule) in motion.rules.iter().enumerate() {
                if !lifted.contains(&(m, r)) {
                    out.push((motion, rule));
                }
            }
        }
        out
    }

    /// The reference verdicts for [`Workload::decide`]: may the board sign (every binding rule
    /// that selects the agreement holds)?
    pub fn expected(&self) -> Vec<bool> {
        let rules: Vec<&Rule> = self.binding_rules().into_iter().map(|(_, r)| r).collect();
        self.decide
            .iter()
            .map(|&a| {
                rules
                    .iter()
                    .all(|r| !r.selector.selects(self, a) || r.condition.eval(self, a))
            })
            .collect()
    }
}

/// Four motion-like rules in the style of the VNG rule base, over five agreements; the timed
/// decision is signing of `ggz`.
pub fn motions4() -> Workload {
    let kinds = ["deelakkoord", "uitwerkingsakkoord", "hoofdlijnenakkoord"];
    let domains = ["sociaal_domein", "zorg", "klimaat"];
    let facts = [
        ("rob_aanbevelingen_overeengekomen", false),
        ("structurele_middelen_ambulantisering_toegezegd", false),
        ("monitoringsafspraken_ggz", true),
        ("klimaatmiddelen_toegezegd", false),
    ];
    // (id, kind, domain, financial, financiele_ruimte_voldoende)
    let agreements = [
        ("ggz", 2, 1, true, false),
        ("preventie", 2, 1, false, true),
        ("klimaatadaptatie", 1, 2, true, true),
        ("buig_raming", 1, 0, true, true),
        ("ibp", 2, 0, true, true),
    ];
    let rule = |id: &str, form, selector, condition| Rule {
        id: id.to_string(),
        form,
        selector,
        condition,
    };
    let motions = vec![
        Motion {
            id: "rob_bijstand".into(),
            title: "Advies ROB over financieringssystematiek bijstand".into(),
            rules: vec![rule(
                "blokkade",
                Form::ForbidUntil,
                Selector::Where(Expr::and(
                    Expr::and(Expr::KindIn(vec![0, 1]), Expr::DomainIs(0)),
                    Expr::Financial,
                )),
                Expr::Fact(0),
            )],
        },
        Motion {
            id: "stevige_afspraken".into(),
            title: "Stevige afspraken".into(),
            rules: vec![rule(
                "financiele_weging",
                Form::Require,
                Selector::Where(Expr::Financial),
                Expr::AgreementFact(0),
            )],
        },
        Motion {
            id: "ggz_financiele_ruimte".into(),
            title: "Financiële ruimte GGZ".into(),
            rules: vec![rule(
                "ambulantisering",
                Form::Require,
                Selector::Ids(vec![0]),
                Expr::and(Expr::Fact(1), Expr::Fact(2)),
            )],
        },
        Motion {
            id: "klimaat".into(),
            title: "Middelen voor klimaatadaptatie".into(),
            rules: vec![rule(
                "middelen",
                Form::ForbidUntil,
                Selector::Where(Expr::DomainIs(2)),
                Expr::or(Expr::Fact(3), Expr::not(Expr::Financial)),
            )],
        },
    ];
    Workload {
        name: "motions4".into(),
        kinds: kinds.iter().map(|s| s.to_string()).collect(),
        domains: domains.iter().map(|s| s.to_string()).collect(),
        facts: facts.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
        agreement_facts: vec![(
            "financiele_ruimte_voldoende".into(),
            agreements.iter().map(|a| a.4).collect(),
        )],
        agreements: agreements
            .iter()
            .map(|&(id, kind, domain, financial, _)| Agreement {
                id: id.into(),
                kind,
                domain,
                financial,
            })
            .collect(),
        motions,
        lifts: Vec::new(),
        decide: vec![0],
    }
}

/// Global yes/no facts in [`rules_x_agreements`].
pub const GLOBAL_FACTS: usize = 40;
/// Per-agreement yes/no facts in [`rules_x_agreements`].
pub const AGREEMENT_FACTS: usize = 16;
/// Rules per motion in [`rules_x_agreements`].
pub const RULES_PER_MOTION: usize = 10;

/// `rules` rules over `agreements` agreements, every verdict for signing. Each rule selects
/// agreements by `soort in {x, y} en domein = d` (about a tenth of them) and requires
/// `(g_i of p_j(akkoord)) en (g_k of niet g_l)`; the second part always holds, the first fails
/// for an agreement when `g_i` is no and `p_j` is no for it. About half the verdicts are *mag*.
pub fn rules_x_agreements(rules: usize, agreements: usize, seed: u64) -> Workload {
    let mut rng = SplitMix64::new(seed);
    let kinds: Vec<String> = (0..5).map(|k| format!("s{k}")).collect();
    let domains: Vec<String> = (0..4).map(|d| format!("d{d}")).collect();
    let facts: Vec<(String, bool)> = (0..GLOBAL_FACTS)
        .map(|f| (format!("g{f}"), f % 5 != 3))
        .collect();
    let falses: Vec<usize> = (0..GLOBAL_FACTS).filter(|&f| !facts[f].1).collect();
    let agreement_facts: Vec<(String, Vec<bool>)> = (0..AGREEMENT_FACTS)
        .map(|f| {
            (
                format!("p{f}"),
                (0..agreements).map(|_| !rng.chance(40)).collect(),
            )
        })
        .collect();
    let agreements: Vec<Agreement> = (0..agreements)
        .map(|a| Agreement {
            id: format!("a{a}"),
            kind: rng.below(kinds.len()),
            domain: rng.below(domains.len()),
            financial: rng.chance(500),
        })
        .collect();
    let mut motions = Vec::new();
    for m in 0..rules.div_ceil(RULES_PER_MOTION) {
        let count = RULES_PER_MOTION.min(rules - m * RULES_PER_MOTION);
        let rules = (0..count)
            .map(|r| {
                let k1 = rng.below(kinds.len());
                let k2 = (k1 + 1 + rng.below(kinds.len() - 1)) % kinds.len();
                let mut set = vec![k1.min(k2), k1.max(k2)];
                set.dedup();
                let selector = Selector::Where(Expr::and(
                    Expr::KindIn(set),
                    Expr::DomainIs(rng.below(domains.len())),
                ));
                // Half the rules bite: their global fact is no, so the per-agreement fact decides.
                let i = if rng.chance(500) {
                    falses[rng.below(falses.len())]
                } else {
                    rng.below(GLOBAL_FACTS)
                };
                let j = rng.below(AGREEMENT_FACTS);
                let k = rng.below(GLOBAL_FACTS);
                let l = if facts[k].1 {
                    rng.below(GLOBAL_FACTS)
                } else {
                    falses[rng.below(falses.len())]
                };
                Rule {
                    id: format!("r{r}"),
                    form: if r % 2 == 0 {
                        Form::ForbidUntil
                    } else {
                        Form::Require
                    },
                    selector,
                    condition: Expr::and(
                        Expr::or(Expr::Fact(i), Expr::AgreementFact(j)),
                        Expr::or(Expr::Fact(k), Expr::not(Expr::Fact(l))),
                    ),
                }
            })
            .collect();
        motions.push(Motion {
            id: format!("m{m}"),
            title: format!("Motie {m}"),
            rules,
        });
    }
    let decide = (0..agreements.len()).collect();
    Workload {
        name: format!("rules_x_agreements {rules}x{}", agreements.len()),
        kinds,
        domains,
        facts,
        agreement_facts,
        agreements,
        motions,
        lifts: Vec::new(),
        decide,
    }
}

/// [`rules_x_agreements`] with every rule lifted once by a later decision: about half the
/// lifts are dated before the evaluation day (the rule no longer binds), the others after it.
pub fn with_lifts(rules: usize, agreements: usize, seed: u64) -> Workload {
    let mut w = rules_x_agreements(rules, agreements, seed);
    let mut rng = SplitMix64::new(seed ^ 0x11F7);
    w.lifts = w
        .motions
        .iter()
        .enumerate()
        .flat_map(|(m, motion)| (0..motion.rules.len()).map(move |r| (m, r)))
        .map(|(motion, rule)| Lift {
            motion,
            rule,
            in_force: rng.chance(500),
        })
        .collect();
    w.name = format!("lifts {rules}x{agreements} + {} lifts", w.lifts.len());
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_mixed() {
        let a = rules_x_agreements(1000, 200, 7);
        assert_eq!(a, rules_x_agreements(1000, 200, 7));
        assert_eq!(a.rule_count(), 1000);
        let verdicts = a.expected();
        let mag = verdicts.iter().filter(|v| **v).count();
        assert!(mag > 20 && mag < 180, "{mag} of 200 mag");
        assert_eq!(motions4().expected(), vec![false]);
    }
}
