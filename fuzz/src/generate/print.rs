//! A case as the files a user writes: the rule file and the facts file, in Dutch or English
//! keywords, with the spellings the README allows.

use std::fmt::Write as _;

use super::{
    Case, DATES, Event, EventKind, Expr, NUMBER_FACTS, Rule, RuleKind, Sel, Target, Timeline,
    YESNO_FACTS,
};

const DUTCH_ACTIONS: [&str; 4] = [
    "ondertekening",
    "instemming",
    "uitvoering",
    "onderhandeling",
];
const ENGLISH_ACTIONS: [&str; 4] = ["signing", "consent", "execution", "negotiation"];

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
            Expr::NumPair { op, flip, alt } => {
                self.cmp("n0".into(), op.text(*alt), "n1".into(), *flip)
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

    /// `ondertekening`, `onderhandeling en ondertekening`, `a, b en c`.
    fn actions(&self, actions: &[usize]) -> String {
        let names: Vec<&str> = actions
            .iter()
            .map(|&h| {
                if self.english {
                    ENGLISH_ACTIONS[h]
                } else {
                    DUTCH_ACTIONS[h]
                }
            })
            .collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{} {} {last}", rest.join(", "), self.w("en", "and"))
            }
            _ => names.join(""),
        }
    }

    fn rule(&self, out: &mut String, j: usize, r: &Rule) {
        let action = self.actions(&r.actions);
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

    /// A source's lifts and statuses; with `lists`, adjacent statuses of one kind as one line
    /// (a lift names one target).
    fn events(&self, out: &mut String, events: &[Event], lists: bool) {
        let mut i = 0;
        while i < events.len() {
            let e = &events[i];
            let mut n = 1;
            while lists
                && e.kind != EventKind::Lift
                && events.get(i + n).is_some_and(|next| next.kind == e.kind)
            {
                n += 1;
            }
            self.event(out, &events[i..i + n]);
            i += n;
        }
    }

    /// One line: a kind, its targets, and the quote of the first.
    fn event(&self, out: &mut String, events: &[Event]) {
        let Some(e) = events.first() else {
            return;
        };
        let kind = match e.kind {
            EventKind::Lift => self.w("hef op", "lift"),
            EventKind::Settled => self.w("afgehandeld", "settled"),
            EventKind::Held => self.w("aangehouden", "held"),
            EventKind::Withdrawn => self.w("ingetrokken", "withdrawn"),
            EventKind::Rejected => self.w("verworpen", "rejected"),
            EventKind::Deferred => self.w("stemming uitgesteld", "vote deferred"),
            EventKind::Adopted => self.w("aangenomen", "adopted"),
        };
        let targets: Vec<String> = events
            .iter()
            .map(|e| match e.target {
                Target::Source(s) => format!("s{s}"),
                Target::Rule(s, r) => format!("s{s}.r{r}"),
            })
            .collect();
        let _ = write!(out, "  {kind} {}", targets.join(", "));
        if e.quote {
            let _ = write!(out, " {} \"besloten\"", self.w("bron", "source"));
        }
        out.push('\n');
    }

    /// `stemming voor 60% tegen 40%`
    fn vote(&self, out: &mut String, (yes, no): (u8, u8)) {
        let _ = writeln!(
            out,
            "  {} {} {yes}% {} {no}%",
            self.w("stemming", "vote"),
            self.w("voor", "for"),
            self.w("tegen", "against")
        );
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
            if let Some(vote) = s.vote {
                w.vote(&mut out, vote);
            }
            for (j, r) in s.rules.iter().enumerate() {
                w.rule(&mut out, j, r);
            }
            w.events(&mut out, &s.events, self.lists);
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
            let (since, until) = w.table[a];
            if let Some(d) = since {
                fields.push(format!("\"{}\": \"{}\"", key("sinds", "since"), DATES[d]));
            }
            if let Some(d) = until {
                fields.push(format!("\"{}\": \"{}\"", key("tot", "until"), DATES[d]));
            }
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
