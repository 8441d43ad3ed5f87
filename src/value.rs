//! Values and types that rules and facts share: yes/no, exact euro amounts, numbers, dates,
//! text and choices, and the three truth values.

use std::fmt;

use jiff::civil::Date;

/// An amount of money in euro cents. Exact: there are no floats anywhere in akkoord.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub i64);

impl Amount {
    /// Reads the number part and optional scale word of an amount literal, e.g. `1,5` and `mld`.
    /// Digits may be grouped with `.`; `,` starts the decimals. Fails when the amount is not a
    /// whole number of cents or does not fit.
    pub fn from_parts(number: &str, scale: Option<&str>) -> Result<Amount, AmountError> {
        let (whole, frac) = number.split_once(',').unwrap_or((number, ""));
        let digits: String = whole.chars().filter(|c| *c != '.').collect();
        let factor: i128 = match scale {
            None => 1,
            Some("duizend" | "thousand") => 1_000,
            Some("miljoen" | "mln" | "million") => 1_000_000,
            Some("miljard" | "mld" | "billion") => 1_000_000_000,
            Some(_) => return Err(AmountError::UnknownScale),
        };
        let whole: i128 = digits.parse().map_err(|_| AmountError::TooLarge)?;
        let mut cents = whole
            .checked_mul(factor * 100)
            .ok_or(AmountError::TooLarge)?;
        if !frac.is_empty() {
            let frac_value: i128 = frac.parse().map_err(|_| AmountError::TooLarge)?;
            let denom = 10i128
                .checked_pow(u32::try_from(frac.len()).map_err(|_| AmountError::TooLarge)?)
                .ok_or(AmountError::NotWholeCents)?;
            let scaled = frac_value * factor * 100;
            if scaled % denom != 0 {
                return Err(AmountError::NotWholeCents);
            }
            cents += scaled / denom;
        }
        i64::try_from(cents)
            .map(Amount)
            .map_err(|_| AmountError::TooLarge)
    }

    /// Reads a whole amount literal such as `€ 100 mln` or `EUR 40`.
    pub fn parse(text: &str) -> Result<Amount, AmountError> {
        let rest = text
            .trim()
            .strip_prefix('€')
            .or_else(|| text.trim().strip_prefix("EUR"))
            .ok_or(AmountError::Syntax)?;
        let mut words = rest.split_whitespace();
        let number = words.next().ok_or(AmountError::Syntax)?;
        let scale = words.next();
        let well_formed = number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && number.starts_with(|c: char| c.is_ascii_digit());
        if words.next().is_some() || !well_formed {
            return Err(AmountError::Syntax);
        }
        Amount::from_parts(number, scale)
    }
}

/// Why an amount could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// e.g. `€ 0,001`
    #[error("amount is not a whole number of cents")]
    NotWholeCents,
    /// e.g. `€ 99999999999 mld`
    #[error("amount is too large")]
    TooLarge,
    /// e.g. `€ 3 zillion`
    #[error("unknown scale word")]
    UnknownScale,
    /// e.g. `100 euro`
    #[error("not an amount")]
    Syntax,
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
