//! The language people read: Dutch by default, English on request. Every text meant for a
//! person (errors, reports, summaries) is written once per language at the place it is made,
//! with [`tr!`](crate::tr); identifiers, keys and enum values in JSON never change with it.
//!
//! The language is a per-thread setting, so a server can answer one request in Dutch and the
//! next in English without the two mixing: [`with_lang`] sets it for one computation.

use std::cell::Cell;

/// A language reports and errors can be read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Nederlands (default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Reads `nl`, `en` (and the names of the languages); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Some(Lang::Nl),
            "en" | "engels" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The Dutch or the English text, whichever is this language.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Nl) };
}

/// The language texts are made in on this thread.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Sets the language for this thread from now on.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// Runs `f` with texts made in `lang`, then restores the previous language.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            set_lang(self.0);
        }
    }
    let _restore = Restore(self::lang());
    set_lang(lang);
    f()
}

/// A text in the current language: `tr!("onbekend feit `{name}`", "unknown fact `{name}`")`.
/// Both are format strings and capture the same variables.
#[macro_export]
macro_rules! tr {
    ($nl:literal, $en:literal $(,)?) => {
        match $crate::i18n::lang() {
            $crate::i18n::Lang::Nl => format!($nl),
            $crate::i18n::Lang::En => format!($en),
        }
    };
    ($nl:literal, $en:literal, $($arg:tt)+) => {
        match $crate::i18n::lang() {
            $crate::i18n::Lang::Nl => format!($nl, $($arg)+),
            $crate::i18n::Lang::En => format!($en, $($arg)+),
        }
    };
}

/// A fixed text in the current language, without formatting: `t("ja", "yes")`.
pub fn t(nl: &'static str, en: &'static str) -> &'static str {
    lang().pick(nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_follows_the_language_of_its_thread() {
        let name = "x";
        assert_eq!(
            tr!("onbekend feit `{name}`", "unknown fact `{name}`"),
            "onbekend feit `x`"
        );
        let english = with_lang(Lang::En, || tr!("feit {}", "fact {}", name));
        assert_eq!(english, "fact x");
        assert_eq!(lang(), Lang::Nl);
    }
}
