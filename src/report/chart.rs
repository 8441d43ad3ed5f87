//! The timeline chart: the verdict over time as an inline SVG of coloured bands, with the
//! meetings and fact changes that moved it numbered and listed. The board report and the web
//! page draw it with the same code.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::html::{colour, esc, verdict_cell, verdict_class};
use crate::answer::{PeriodInfo, TimelineAnswer, long_date};
use crate::tr;

/// The time axis charts on one page share: from before the first change to after the day shown.
pub(crate) struct Axis {
    start: Date,
    end: Date,
    today: Date,
}

const WIDTH: f64 = 760.0;

impl Axis {
    /// The axis for these timelines, marking `today`.
    pub(crate) fn new(timelines: &[TimelineAnswer], today: Date) -> Axis {
        let starts = timelines
            .iter()
            .flat_map(|t| &t.periods)
            .filter_map(|p| p.from.as_deref().and_then(|d| d.parse::<Date>().ok()));
        let first = starts.clone().min().unwrap_or(today);
        let last = starts.max().unwrap_or(today).max(today);
        let start = first.saturating_sub(jiff::Span::new().days(180));
        let end = last.saturating_add(jiff::Span::new().days(120));
        Axis { start, end, today }
    }

    fn x(&self, d: Date) -> f64 {
        let total = f64::from((self.end - self.start).get_days().max(1));
        let at = f64::from((d.max(self.start).min(self.end) - self.start).get_days());
        (at / total * WIDTH).round()
    }

    /// The verdict over time as coloured bands, with the changes that moved it numbered and
    /// listed under the chart.
    pub(crate) fn chart(&self, out: &mut String, t: &TimelineAnswer) {
        let _ = write!(
            out,
            "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} 72\" role=\"img\" aria-label=\"{}\">",
            esc(&tr!("tijdlijn van het oordeel", "timeline of the verdict"))
        );
        let mut events = Vec::new();
        for p in &t.periods {
            self.band(out, p);
            if let Some(from) = p.from.as_deref().and_then(|d| d.parse::<Date>().ok())
                && !p.opened_by.is_empty()
                && from >= self.start
            {
                events.push((from, p));
            }
        }
        for year in self.start.year()..=self.end.year() {
            let Ok(jan) = Date::new(year, 1, 1) else {
                continue;
            };
            if jan < self.start || jan > self.end {
                continue;
            }
            let x = self.x(jan);
            let label = x.clamp(14.0, WIDTH - 14.0);
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"40\" x2=\"{x}\" y2=\"46\" stroke=\"#98a2b3\"/><text x=\"{label}\" y=\"58\" font-size=\"10\" text-anchor=\"middle\" fill=\"#667085\">{year}</text>"
            );
        }
        for (i, (from, _)) in events.iter().enumerate() {
            let x = self.x(*from);
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"8\" x2=\"{x}\" y2=\"40\" stroke=\"#1d2939\" stroke-width=\"1\"/><circle cx=\"{x}\" cy=\"8\" r=\"7\" fill=\"#1d2939\"/><text x=\"{x}\" y=\"11\" font-size=\"9\" text-anchor=\"middle\" fill=\"#fff\">{}</text>",
                i + 1
            );
        }
        let x = self.x(self.today);
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"14\" x2=\"{x}\" y2=\"46\" stroke=\"#175cd3\" stroke-dasharray=\"3 2\"/><text x=\"{x}\" y=\"70\" font-size=\"10\" text-anchor=\"middle\" fill=\"#175cd3\">{}</text>",
            esc(&self.today.to_string())
        );
        out.push_str("</svg>\n");
        if !events.is_empty() {
            out.push_str("<ol class=\"events\">");
            for (from, p) in &events {
                let what: Vec<String> = p.opened_by.iter().map(|h| esc(&h.text)).collect();
                let _ = write!(
                    out,
                    "<li><strong>{}</strong> → {}: {}</li>",
                    esc(&long_date(*from)),
                    verdict_cell(p.verdict, &p.verdict_text),
                    what.join("; ")
                );
            }
            out.push_str("</ol>\n");
        }
    }

    fn band(&self, out: &mut String, p: &PeriodInfo) {
        let from = p
            .from
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .unwrap_or(self.start);
        let until = p
            .until
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .and_then(|d| d.tomorrow().ok())
            .unwrap_or(self.end);
        let (x1, x2) = (self.x(from), self.x(until));
        if x2 <= x1 {
            return;
        }
        let span = match (&p.from, &p.until) {
            (Some(f), Some(u)) => format!("{f} – {u}"),
            (Some(f), None) => tr!("vanaf {f}", "from {f}"),
            (None, Some(u)) => tr!("t/m {u}", "until {u}"),
            (None, None) => tr!("altijd", "always"),
        };
        let _ = write!(
            out,
            "<rect class=\"band {}\" x=\"{x1}\" y=\"16\" width=\"{}\" height=\"24\" fill=\"{}\"><title>{}: {}</title></rect>",
            verdict_class(p.verdict).0,
            x2 - x1,
            colour(p.verdict),
            esc(&span),
            esc(&p.verdict_text)
        );
    }
}
