//! Values and types that rules and facts share: yes/no, exact euro amounts, numbers, dates,
//! text and choices, and the three truth values.

use std::fmt;

use jiff::civil::Date;

use crate::tr;

/// An amount of money in euro cents. Exact: there are no floats anywhere in akkoord.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub i64);

impl Amount {
    /// Reads an amount as rules and facts files write it: `€ 100 mln`, `€ 1,5 mld`,
    /// `EUR 1.400.000`, `€ 40,25`. The one reader for both, so a text never means two amounts.
    ///
    /// `,` starts the decimals; `.` only groups thousands, in groups of three (`1.400.000`);
    /// a scale word (`duizend`, `mln`/`miljoen`, `mld`/`miljard`, and English `thousand`,
    /// `million`, `billion`) follows after a space. The amount must come to whole cents and fit.
    /// Anything else is an error that says how to write it.
    pub fn parse(text: &str) -> Result<Amount, AmountError> {
        let trimmed = text.trim();
        let rest = trimmed
            .strip_prefix('€')
            .or_else(|| trimmed.strip_prefix("EUR"))
            .ok_or(AmountError::Syntax)?
            .trim_start();
        let (number, scale) = match rest.split_once(char::is_whitespace) {
            Some((n, s)) => (n, Some(s.trim())),
            None => (rest, None),
        };
        if let (Some(at), None) = (number.find(char::is_alphabetic), scale) {
            let (n, word) = number.split_at(at);
            return Err(AmountError::NoSpace {
                suggestion: format!("€ {n} {word}"),
            });
        }
        let factor: i128 = match scale {
            None => 1,
            Some("duizend" | "thousand") => 1_000,
            Some("miljoen" | "mln" | "million") => 1_000_000,
            Some("miljard" | "mld" | "billion") => 1_000_000_000,
            Some(word) => {
                return Err(AmountError::UnknownScale {
                    word: word.to_string(),
                });
            }
        };
        let (negative, digits) = match number.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, number),
        };
        let (whole, frac) = match digits.split_once(',') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let groups: Vec<&str> = whole.split('.').collect();
        if !groups.iter().all(|g| all_digits(g)) || (digits.contains(',') && !all_digits(frac)) {
            return Err(AmountError::Syntax);
        }
        let grouped =
            groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
        if !grouped {
            return Err(AmountError::Separator {
                suggestion: comma_instead(negative, &groups, frac, scale),
            });
        }
        let whole: i128 = groups.concat().parse().map_err(|_| AmountError::TooLarge)?;
        let mut cents = whole
            .checked_mul(factor * 100)
            .ok_or(AmountError::TooLarge)?;
        let frac = frac.trim_end_matches('0');
        if !frac.is_empty() {
            let places = u32::try_from(frac.len()).map_err(|_| AmountError::NotWholeCents)?;
            let denom = 10i128
                .checked_pow(places)
                .ok_or(AmountError::NotWholeCents)?;
            let frac_value: i128 = frac.parse().map_err(|_| AmountError::NotWholeCents)?;
            let scaled = frac_value
                .checked_mul(factor * 100)
                .ok_or(AmountError::NotWholeCents)?;
            if scaled % denom != 0 {
                return Err(AmountError::NotWholeCents);
            }
            cents = cents
                .checked_add(scaled / denom)
                .ok_or(AmountError::TooLarge)?;
        }
        if negative {
            cents = -cents;
        }
        i64::try_from(cents)
            .map(Amount)
            .map_err(|_| AmountError::TooLarge)
    }

    /// An amount of whole euros, as a JSON number in a facts file.
    pub fn euros(euros: i64) -> Result<Amount, AmountError> {
        euros
            .checked_mul(100)
            .map(Amount)
            .ok_or(AmountError::TooLarge)
    }
}

/// The amount as it was probably meant: the last `.` read as the decimal comma.
fn comma_instead(negative: bool, groups: &[&str], frac: &str, scale: Option<&str>) -> String {
    let sign = if negative { "-" } else { "" };
    let (last, first) = groups.split_last().unwrap_or((&"", &[]));
    let scale = scale.map_or(String::new(), |s| format!(" {s}"));
    format!("€ {sign}{},{last}{frac}{scale}", first.concat())
}

/// Why an amount could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// e.g. `€ 1.5 mld` or `€ 15.00 mln`: a `.` that does not group thousands
    Separator {
        /// The amount written with a decimal comma.
        suggestion: String,
    },
    /// e.g. `€ 1,5mld`
    NoSpace {
        /// The amount with a space before the scale word.
        suggestion: String,
    },
    /// e.g. `€ 0,001`
    NotWholeCents,
    /// e.g. `€ 99999999999 mld`
    TooLarge,
    /// e.g. `€ 3 zillion`
    UnknownScale {
        /// The word.
        word: String,
    },
    /// e.g. `100 euro`
    Syntax,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            AmountError::Separator { .. } => tr!(
                "een `.` scheidt alleen duizendtallen, in groepen van drie cijfers",
                "a `.` only separates thousands, in groups of three digits"
            ),
            AmountError::NoSpace { .. } => tr!(
                "tussen het getal en het schaalwoord hoort een spatie",
                "the number and the scale word need a space between them"
            ),
            AmountError::NotWholeCents => tr!(
                "het bedrag is geen heel aantal centen",
                "the amount is not a whole number of cents"
            ),
            AmountError::TooLarge => tr!("het bedrag is te groot", "the amount is too large"),
            AmountError::UnknownScale { word } => {
                tr!(
                    "onbekend schaalwoord `{word}`",
                    "unknown scale word `{word}`"
                )
            }
            AmountError::Syntax => tr!("dit is geen bedrag", "this is not an amount"),
        })
    }
}

impl AmountError {
    /// How to write the amount instead.
    pub fn hint(&self) -> String {
        match self {
            AmountError::Separator { suggestion } => tr!(
                "schrijf decimalen met een komma: `{suggestion}`",
                "write decimals with a comma: `{suggestion}`"
            ),
            AmountError::NoSpace { suggestion } => {
                tr!("schrijf `{suggestion}`", "write `{suggestion}`")
            }
            _ => tr!(
                "bedragen zijn exacte euro's met hoogstens centen, bijvoorbeeld `€ 100 mln`, `€ 1,5 mld` of `€ 40,25`",
                "amounts are exact euros with at most cents, e.g. `€ 100 mln`, `€ 1,5 mld` or `€ 40,25`"
            ),
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = self.0;
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        let (euros, rest) = (abs / 100, abs % 100);
        for (factor, word) in [(1_000_000_000u64, "mld"), (1_000_000, "mln")] {
            if rest == 0 && euros >= factor && euros % (factor / 1000) == 0 {
                let whole = euros / factor;
                let frac = euros % factor / (factor / 1000);
                return if frac == 0 {
                    write!(f, "€ {sign}{whole} {word}")
                } else {
                    let frac = format!("{frac:03}");
                    write!(f, "€ {sign}{whole},{} {word}", frac.trim_end_matches('0'))
                };
            }
        }
        if rest == 0 {
            write!(f, "€ {sign}{euros}")
        } else {
            write!(f, "€ {sign}{euros},{rest:02}")
        }
    }
}

/// The type of a fact, an attribute or an expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// `janee` / `yesno`
    Bool,
    /// `bedrag` / `amount`
    Amount,
    /// `getal` / `number`
    Number,
    /// `datum` / `date`
    Date,
    /// `tekst` / `text`
    Text,
    /// a declared choice, by name
    Choice(String),
}

impl Type {
    /// True for types that `<`, `<=`, `>` and `>=` apply to.
    pub fn is_ordered(&self) -> bool {
        matches!(self, Type::Amount | Type::Number | Type::Date)
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("janee"),
            Type::Amount => f.write_str("bedrag"),
            Type::Number => f.write_str("getal"),
            Type::Date => f.write_str("datum"),
            Type::Text => f.write_str("tekst"),
            Type::Choice(name) => f.write_str(name),
        }
    }
}

/// A known value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// ja / nee
    Bool(bool),
    /// an exact euro amount
    Amount(Amount),
    /// a whole number
    Number(i64),
    /// a calendar date
    Date(Date),
    /// free text
    Text(String),
    /// a value of a declared choice, by name
    Choice(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(true) => f.write_str("ja"),
            Value::Bool(false) => f.write_str("nee"),
            Value::Amount(a) => a.fmt(f),
            Value::Number(n) => n.fmt(f),
            Value::Date(d) => d.fmt(f),
            Value::Text(t) => write!(f, "{t:?}"),
            Value::Choice(c) => f.write_str(c),
        }
    }
}

/// A truth value in three-valued (Kleene) logic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tri {
    /// no
    No,
    /// not known yet
    Unknown,
    /// yes
    Yes,
}

impl Tri {
    /// Kleene conjunction.
    pub fn and(self, other: Tri) -> Tri {
        self.min(other)
    }

    /// Kleene disjunction.
    pub fn or(self, other: Tri) -> Tri {
        self.max(other)
    }
}

impl std::ops::Not for Tri {
    type Output = Tri;

    /// Kleene negation.
    fn not(self) -> Tri {
        match self {
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
            Tri::Yes => Tri::No,
        }
    }
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::Yes } else { Tri::No }
    }
}

impl fmt::Display for Tri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tri::Yes => "ja",
            Tri::No => "nee",
            Tri::Unknown => "onbekend",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_exactly() {
        assert_eq!(Amount::parse("€ 100 mln"), Ok(Amount(10_000_000_000)));
        assert_eq!(Amount::parse("€ 1,5 mld"), Ok(Amount(150_000_000_000)));
        assert_eq!(Amount::parse("EUR 1.400.000"), Ok(Amount(140_000_000)));
        assert_eq!(Amount::parse("€ 40,25"), Ok(Amount(4025)));
        assert_eq!(Amount::parse("€ 0,001"), Err(AmountError::NotWholeCents));
        assert_eq!(Amount::parse("100"), Err(AmountError::Syntax));
        assert_eq!(Amount::parse("€ 1,234 mln"), Ok(Amount(123_400_000)));
        assert_eq!(Amount::parse("€ -5"), Ok(Amount(-500)));
    }

    #[test]
    fn odd_amounts_are_errors_that_say_how_to_write_them() {
        let hint = |text: &str| Amount::parse(text).map_err(|e| e.hint());
        let comma = |s: &str| Err(format!("schrijf decimalen met een komma: `{s}`"));
        assert_eq!(hint("€ 1.5 mld"), comma("€ 1,5 mld"));
        assert_eq!(hint("€ 15.00 mln"), comma("€ 15,00 mln"));
        assert_eq!(hint("€ 1.50 mld"), comma("€ 1,50 mld"));
        assert_eq!(hint("€ 1400.000"), comma("€ 1400,000"));
        assert_eq!(hint("€ 1,5mld"), Err("schrijf `€ 1,5 mld`".into()));
        assert_eq!(
            Amount::parse("€ 1,100000000000000000000000000000 mld"),
            Ok(Amount(110_000_000_000))
        );
        assert_eq!(
            Amount::parse("€ 1,100000000000000000000000000001 mld"),
            Err(AmountError::NotWholeCents)
        );
        assert_eq!(
            Amount::parse("€ 99999999999999999999999 mld"),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn amounts_print_as_written() {
        for text in [
            "€ 100 mln",
            "€ 1,5 mld",
            "€ 40",
            "€ 40,25",
            "€ 17 mln",
            "€ 1,4 mld",
        ] {
            assert_eq!(
                Amount::parse(text).map(|a| a.to_string()).as_deref(),
                Ok(text)
            );
        }
    }
}
