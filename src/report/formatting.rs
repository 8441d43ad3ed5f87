//! `akkoord fmt` for people: the files changed, or under `--controleer` the files that are not
//! formatted with what would change, and a count.

use std::fmt::Write as _;

use crate::answer::{FormatAnswer, FormatStatus};
use crate::terminal::safe;
use crate::tr;

/// The files formatted (or not formatted, under `--controleer`), then how many of how many.
pub fn format_text(a: &FormatAnswer) -> String {
    let mut out = String::new();
    for file in a.files.iter().filter(|f| f.status == FormatStatus::Changed) {
        let path = safe(&file.path);
        if a.check {
            let _ = writeln!(
                out,
                "{}",
                tr!("niet geformatteerd: {path}", "not formatted: {path}")
            );
            if let Some(diff) = &file.diff {
                out.push_str(&safe(diff));
            }
        } else {
            let _ = writeln!(out, "{}", tr!("geformatteerd: {path}", "formatted: {path}"));
        }
    }
    let (n, total) = (a.changed, a.files.len() - a.failed);
    out.push_str(&match (a.check, n) {
        (_, 0) if total == 0 && a.failed > 0 => String::new(),
        (_, 0) if total == 0 => tr!(
            "geen `.akk`-bestanden gevonden\n",
            "no `.akk` files found\n"
        ),
        (_, 0) if a.failed > 0 => tr!(
            "de andere {total} zijn geformatteerd\n",
            "the other {total} are formatted\n"
        ),
        (_, 0) if total == 1 => tr!("1 bestand, geformatteerd\n", "1 file, formatted\n"),
        (_, 0) => tr!(
            "{total} bestanden, alle geformatteerd\n",
            "{total} files, all formatted\n"
        ),
        (true, n) => tr!(
            "{n} van {total} niet geformatteerd; `akkoord fmt` formatteert ze\n",
            "{n} of {total} not formatted; `akkoord fmt` formats them\n"
        ),
        (false, n) => tr!(
            "{n} van {total} geformatteerd\n",
            "{n} of {total} formatted\n"
        ),
    });
    out
}

/// The line under the problems of files that could not be formatted.
pub fn format_failed_text(a: &FormatAnswer) -> String {
    match a.failed {
        1 => tr!(
            "1 bestand niet geformatteerd vanwege een probleem; het blijft zoals het was\n",
            "1 file not formatted because of a problem; it is left as it was\n"
        ),
        n => tr!(
            "{n} bestanden niet geformatteerd vanwege een probleem; ze blijven zoals ze waren\n",
            "{n} files not formatted because of a problem; they are left as they were\n"
        ),
    }
}
