//! Printing the syntax tree in its Dutch form. Expressions are fully parenthesised, so that
//! printing then parsing gives the same tree.

use std::fmt;

use super::{
    Arg, CmpOp, Effect, Expr, ExprKind, File, Item, Literal, Property, RuleKind, Scenario,
    Selector, SetItem, Source, SourceKind, Target, VerdictWord,
};

impl fmt::Display for CmpOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        })
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Bool(true) => f.write_str("ja"),
            Literal::Bool(false) => f.write_str("nee"),
            Literal::Amount(a) => a.fmt(f),
            Literal::Number(n) => n.fmt(f),
            Literal::Date(d) => d.fmt(f),
            Literal::Text(t) => write_string(f, t),
        }
    }
}

impl fmt::Display for SetItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetItem::Lit(l) => l.fmt(f),
            SetItem::Symbol(s) => f.write_str(s),
        }
    }
}

/// Prints an expression fully parenthesised, so that printing then parsing gives it back.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Lit(l) => l.fmt(f),
            ExprKind::Name(n) => f.write_str(n),
            ExprKind::Call(name, Arg::This) => write!(f, "{name}(akkoord)"),
            ExprKind::Call(name, Arg::Agreement(a)) => write!(f, "{name}({a})"),
            ExprKind::Not(e) => write!(f, "niet ({e})"),
            ExprKind::And(a, b) => write!(f, "({a}) en ({b})"),
            ExprKind::Or(a, b) => write!(f, "({a}) of ({b})"),
            ExprKind::Cmp(op, a, b) => write!(f, "({a}) {op} ({b})"),
            ExprKind::In(e, items) => {
                write!(f, "({e}) in {{")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    item.fmt(f)?;
                }
                f.write_str("}")
            }
            ExprKind::Hole(note) => write_hole(f, note.as_deref()),
        }
    }
}

/// `???`, with its note when there is one.
fn write_hole(f: &mut fmt::Formatter<'_>, note: Option<&str>) -> fmt::Result {
    f.write_str("???")?;
    match note {
        Some(note) => {
            f.write_str(" ")?;
            write_string(f, note)
        }
        None => Ok(()),
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Every => f.write_str("elk akkoord"),
            Selector::Where(e) => write!(f, "akkoord waar {e}"),
            Selector::Ids(ids) => {
                f.write_str("akkoord ")?;
                let names: Vec<&str> = ids.iter().map(|i| i.node.as_str()).collect();
                f.write_str(&names.join(", "))
            }
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.rule {
            Some(rule) => write!(f, "{}.{}", self.source, rule),
            None => write!(f, "{}", self.source),
        }
    }
}

impl fmt::Display for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for item in &self.items {
            match item {
                Item::Choice(c) => {
                    let values: Vec<&str> = c.values.iter().map(|v| v.node.as_str()).collect();
                    writeln!(f, "keuze {} {{ {} }}", c.name, values.join(", "))?;
                }
                Item::Fact(d) => {
                    let per = if d.per_agreement { "(akkoord)" } else { "" };
                    write!(f, "feit {}{per}: {} ", d.name, d.ty)?;
                    write_string(f, &d.question.node)?;
                    if let Some(r) = &d.requirement {
                        f.write_str(" eis ")?;
                        write_string(f, &r.node)?;
                    }
                    writeln!(f)?;
                }
                Item::Attribute(d) => {
                    write!(f, "kenmerk {}: {} ", d.name, d.ty)?;
                    write_string(f, &d.question.node)?;
                    writeln!(f)?;
                }
                Item::Source(s) => s.fmt(f)?,
                Item::Scenario(s) => s.fmt(f)?,
                Item::Property(p) => p.fmt(f)?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            SourceKind::Motion => "motie",
            SourceKind::Resolution => "resolutie",
            SourceKind::Decision => "besluit",
            SourceKind::Position => "standpunt",
        };
        write!(f, "{kind} {} ", self.id)?;
        write_string(f, &self.title.node)?;
        f.write_str(" {\n  vergadering ")?;
        match &self.body_hole {
            Some(hole) => write_hole(f, hole.note.as_ref().map(|n| n.node.as_str()))?,
            None => write!(f, "{}", self.meeting)?,
        }
        f.write_str(" ")?;
        match &self.date_hole {
            Some(hole) => write_hole(f, hole.note.as_ref().map(|n| n.node.as_str()))?,
            None => write!(f, "{}", self.date)?,
        }
        if let Some(a) = &self.date_assumption {
            f.write_str(" aanname ")?;
            write_string(f, &a.node)?;
        }
        writeln!(f)?;
        if let Some(vote) = &self.vote {
            f.write_str("  stemming")?;
            if let Some(share) = &vote.for_share {
                write!(f, " voor {share}")?;
            }
            if let Some(share) = &vote.against_share {
                write!(f, " tegen {share}")?;
            }
            writeln!(f)?;
        }
        for a in &self.approvals {
            writeln!(f, "  instemming met akkoord {a}")?;
        }
        for rule in &self.rules {
            write!(f, "  regel {} {{\n    bron ", rule.id)?;
            write_string(f, &rule.quote.node)?;
            let cond = &rule.condition;
            match &rule.effect {
                Effect::Condition {
                    kind: RuleKind::Forbid,
                    actions,
                    selector,
                } => write!(
                    f,
                    "\n    verbied {} van {selector} totdat {cond}",
                    action_list(actions)
                )?,
                Effect::Condition {
                    kind: RuleKind::Require,
                    actions,
                    selector,
                } => write!(
                    f,
                    "\n    vereis {cond} voor {} van {selector}",
                    action_list(actions)
                )?,
                Effect::Signal { text } => {
                    f.write_str("\n    signaal ")?;
                    write_string(f, &text.node)?;
                    write!(f, " wanneer {cond}")?;
                }
            }
            if let Some(reservation) = &rule.reservation {
                f.write_str("\n    onder voorbehoud ")?;
                write_string(f, &reservation.node)?;
            }
            if rule.valid_from.is_some() || rule.valid_to.is_some() {
                f.write_str("\n    geldig")?;
                if let Some(from) = &rule.valid_from {
                    write!(f, " vanaf {from}")?;
                }
                if let Some(to) = &rule.valid_to {
                    write!(f, " tot {to}")?;
                }
            }
            if let Some(a) = &rule.assumption {
                f.write_str("\n    aanname ")?;
                write_string(f, &a.node)?;
            }
            writeln!(f, "\n  }}")?;
        }
        for event in &self.events {
            let targets: Vec<String> = event.targets.iter().map(|t| t.to_string()).collect();
            write!(f, "  {} {}", event.kind.dutch(), targets.join(", "))?;
            if let Some(quote) = &event.quote {
                f.write_str(" bron ")?;
                write_string(f, &quote.node)?;
            }
            if let Some(a) = &event.assumption {
                f.write_str(" aanname ")?;
                write_string(f, &a.node)?;
            }
            writeln!(f)?;
        }
        writeln!(f, "}}")
    }
}

/// `ondertekening`, `onderhandeling en ondertekening`, `a, b en c`
fn action_list(actions: &[crate::span::Spanned<super::Action>]) -> String {
    let words: Vec<&str> = actions.iter().map(|a| a.node.dutch()).collect();
    match words.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl fmt::Display for VerdictWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            VerdictWord::Mag => "mag",
            VerdictWord::MagOnderVoorbehoud => "mag onder voorbehoud",
            VerdictWord::Niet => "niet",
            VerdictWord::Onbepaald => "onbepaald",
        })
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "scenario {} ", self.id)?;
        write_string(f, &self.title.node)?;
        f.write_str(" {\n")?;
        if let Some(d) = &self.date {
            writeln!(f, "  op {d}")?;
        }
        if let Some(file) = &self.facts_file {
            f.write_str("  feiten ")?;
            write_string(f, &file.node)?;
            writeln!(f)?;
        }
        for s in &self.sets {
            write!(f, "  stel {}", s.fact)?;
            if let Some(a) = &s.agreement {
                write!(f, "({a})")?;
            }
            match &s.value {
                Some(v) => writeln!(f, " = {v}")?,
                None => writeln!(f, " = onbekend")?,
            }
        }
        for r in &self.reservations {
            writeln!(f, "  verwacht voorbehoud {}: {}", r.rule, r.state)?;
        }
        for e in &self.expects {
            write!(
                f,
                "  verwacht {} van {}: {}",
                e.action.node.dutch(),
                e.agreement,
                e.verdict
            )?;
            if !e.by.is_empty() {
                let by: Vec<String> = e.by.iter().map(ToString::to_string).collect();
                write!(f, " door {}", by.join(", "))?;
            }
            writeln!(f)?;
        }
        writeln!(f, "}}")
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "eigenschap {} ", self.id)?;
        write_string(f, &self.title.node)?;
        f.write_str(" {\n")?;
        if let Some(d) = &self.date {
            writeln!(f, "  op {d}")?;
        }
        if let Some(d) = &self.from {
            writeln!(f, "  vanaf {d}")?;
        }
        let action = self.action.node.dutch();
        writeln!(
            f,
            "  als {action} van {} {} dan {}\n}}",
            self.selector, self.verdict, self.then
        )
    }
}
