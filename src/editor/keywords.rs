//! The keywords of the rule language, Dutch and English, each with one line that says what it
//! does: for hovering over a keyword and for completing one.

use crate::i18n::t;

/// A keyword and its spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keyword {
    /// The Dutch spellings, first the usual one.
    pub dutch: &'static [&'static str],
    /// The English spellings.
    pub english: &'static [&'static str],
    /// What it does, in Dutch.
    nl: &'static str,
    /// What it does, in English.
    en: &'static str,
}

impl Keyword {
    /// What it does, in the current language.
    pub fn explanation(&self) -> &'static str {
        t(self.nl, self.en)
    }

    /// Every spelling, Dutch first.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> {
        self.dutch.iter().chain(self.english).copied()
    }

    /// The keyword spelled `word` (one word, or two separated by a space), if any. Where a word
    /// is spelled by two keywords (`op`, `of`), the first in [`KEYWORDS`] wins.
    pub fn find(word: &str) -> Option<&'static Keyword> {
        KEYWORDS.iter().find(|k| k.spellings().any(|s| s == word))
    }
}

const fn kw(
    dutch: &'static [&'static str],
    english: &'static [&'static str],
    nl: &'static str,
    en: &'static str,
) -> Keyword {
    Keyword {
        dutch,
        english,
        nl,
        en,
    }
}

/// `???`: a hole, a place still to fill in. Not offered as a completion: holes are what
/// `akkoord motie` leaves, not something to write.
pub const HOLE: Keyword = kw(
    &["???"],
    &[],
    "Een gat: hier moet nog iets ingevuld worden, zoals de tekst erachter zegt. `akkoord validate` meldt elk gat tot het gevuld is.",
    "A hole: something still to be filled in here, as the text after it says. `akkoord validate` reports every hole until it is filled.",
);

/// Every keyword of the grammar.
#[rustfmt::skip]
pub const KEYWORDS: &[Keyword] = &[
    kw(&["keuze"], &["choice"], "Declareert een keuze: een type met een vaste lijst waarden.", "Declares a choice: a type with a fixed list of values."),
    kw(&["feit"], &["fact"], "Declareert een feit met type en vraag; `(akkoord)`: één waarde per akkoord.", "Declares a fact with its type and question; `(akkoord)`: one value per agreement."),
    kw(&["kenmerk"], &["attribute"], "Declareert een kenmerk dat elk akkoord kan hebben.", "Declares an attribute every agreement may have."),
    kw(&["eis"], &["requirement"], "Wat er nodig is, als eis geformuleerd, voor antwoorden in gewone taal.", "What is needed, stated as a requirement, for plain answers."),
    kw(&["janee"], &["yesno"], "Type: ja of nee.", "Type: yes or no."),
    kw(&["bedrag"], &["amount"], "Type: een bedrag in euro's, zoals `€ 1,5 mld`.", "Type: an amount in euros, such as `€ 1,5 mld`."),
    kw(&["getal"], &["number"], "Type: een geheel getal.", "Type: a whole number."),
    kw(&["datum"], &["date"], "Type: een datum, zoals `2018-11-30`.", "Type: a date, such as `2018-11-30`."),
    kw(&["tekst"], &["text"], "Type: vrije tekst.", "Type: free text."),
    kw(&["motie"], &["motion"], "Een bron: een motie van de leden, met id, titel en vergadering.", "A source: a members' motion, with id, title and meeting."),
    kw(&["resolutie"], &["resolution"], "Een bron: een resolutie van de leden.", "A source: a members' resolution."),
    kw(&["besluit"], &["decision"], "Een bron: een besluit van een vergadering.", "A source: a meeting's decision."),
    kw(&["standpunt"], &["position"], "Een bron: een standpunt van het bestuur.", "A source: a position of the board."),
    kw(&["vergadering"], &["meeting"], "Wie de bron aannam en wanneer: `vergadering ALV 2018-06-27`.", "Who adopted the source and when: `meeting ALV 2018-06-27`."),
    kw(&["aanname"], &["assumption"], "Een keuze die geen document geeft, met de reden.", "A choice no document gives, with the reason."),
    kw(&["stemming"], &["vote"], "Hoe de vergadering stemde: `stemming voor 87% tegen 13%`.", "How the meeting voted: `vote for 87% against 13%`."),
    kw(&["tegen"], &["against"], "Het aandeel stemmen tegen.", "The share of votes against."),
    kw(&["regel"], &["rule"], "Een regel van de bron, met het citaat dat hij vastlegt.", "A rule of the source, with the sentence it encodes."),
    kw(&["bron"], &["source"], "Het citaat uit het brondocument, woord voor woord.", "The sentence of the source document, word for word."),
    kw(&["verbied"], &["forbid"], "`verbied H van S totdat C`: H is niet toegestaan voor S totdat C geldt.", "`forbid H of S until C`: H is not allowed for S until C holds."),
    kw(&["vereis"], &["require"], "`vereis C voor H van S`: H voor S vraagt dat C geldt.", "`require C for H of S`: H for S needs C to hold."),
    kw(&["totdat"], &["until"], "De voorwaarde waaronder een verbod vervalt.", "The condition under which a prohibition ends."),
    kw(&["voor"], &["for"], "`vereis C voor H`: de handeling die de voorwaarde vraagt; in een stemming het aandeel voor.", "`require C for H`: the action that needs the condition; in a vote the share for."),
    kw(&["ondertekening"], &["signing"], "Handeling: ondertekening van het akkoord.", "Action: signing the agreement."),
    kw(&["instemming"], &["consent"], "Handeling: instemming met het akkoord; in een bron: de vergadering stemde in met een akkoord.", "Action: consent to the agreement; in a source: the meeting consented to an agreement."),
    kw(&["uitvoering"], &["execution"], "Handeling: uitvoering van het akkoord.", "Action: carrying out the agreement."),
    kw(&["onderhandeling"], &["negotiation"], "Handeling: onderhandeling over het akkoord.", "Action: negotiating the agreement."),
    kw(&["elk"], &["every"], "`elk akkoord`: de regel gaat over elk akkoord.", "`every agreement`: the rule speaks of every agreement."),
    kw(&["akkoord"], &["agreement"], "`akkoord ggz`: akkoorden op id; `akkoord waar …`: op kenmerk; `feit(akkoord)`: het akkoord in kwestie.", "`agreement ggz`: agreements by id; `agreement where …`: by attribute; `fact(agreement)`: the agreement at hand."),
    kw(&["waar"], &["where"], "`akkoord waar C`: de akkoorden waarvoor C geldt.", "`agreement where C`: the agreements for which C holds."),
    kw(&["hef op"], &["lift"], "Heft een regel of bron op: vanaf deze vergadering bindt die niet meer.", "Lifts a rule or source: from this meeting on it no longer binds."),
    kw(&["afgehandeld"], &["settled"], "Afgehandeld: de regel of bron bindt vanaf deze vergadering niet meer.", "Settled: the rule or source no longer binds from this meeting on."),
    kw(&["aangehouden"], &["held"], "Aangehouden: een aangenomen motie blijft gelden.", "Held open: an adopted motion keeps binding."),
    kw(&["ingetrokken"], &["withdrawn"], "Ingetrokken: de regel of bron bindt vanaf deze vergadering niet meer.", "Withdrawn: the rule or source no longer binds from this meeting on."),
    kw(&["verworpen"], &["rejected"], "Verworpen: heeft nooit gegolden.", "Rejected: never bound."),
    kw(&["stemming uitgesteld"], &["vote deferred"], "De stemming is uitgesteld: bindt niet tot een latere vergadering het aanneemt.", "The vote was deferred: does not bind until a later meeting adopts it."),
    kw(&["aangenomen"], &["adopted"], "Een latere vergadering nam aan wat was uitgesteld: bindt vanaf dan.", "A later meeting adopted what was deferred: binds from then on."),
    kw(&["signaal"], &["signal"], "Een toezegging die aan de orde komt wanneer de voorwaarde geldt.", "A commitment that falls due when the condition holds."),
    kw(&["wanneer"], &["when"], "De voorwaarde waaronder een signaal aan de orde is.", "The condition under which a signal falls due."),
    kw(&["onder voorbehoud"], &["under reservation"], "De eis mag na de handeling nog vervuld worden.", "The requirement may still be met after the action."),
    kw(&["geldig"], &["valid"], "`geldig vanaf D tot D`: wanneer de regel zelf bindt.", "`valid from D to D`: when the rule itself binds."),
    kw(&["vanaf"], &["from"], "De eerste dag dat iets geldt.", "The first day something holds."),
    kw(&["tot"], &["to"], "De eerste dag dat de regel niet meer bindt; ook een voorzetsel na een handeling.", "The first day the rule no longer binds; also a preposition after an action."),
    kw(&["van", "met", "over", "aan"], &["with"], "Voorzetsel tussen handeling en akkoord.", "Preposition between action and agreement."),
    kw(&["scenario"], &["scenario"], "Een regressiegeval: een datum, feiten en de verwachte oordelen.", "A regression case: a date, facts and the verdicts expected."),
    kw(&["op"], &["on"], "`op D`: de dag waarop het scenario of de eigenschap evalueert.", "`on D`: the day the scenario or property evaluates on."),
    kw(&["feiten"], &["facts"], "`feiten \"bestand.json\"`: een eigen feitenbestand voor het scenario.", "`facts \"file.json\"`: a facts file of the scenario's own."),
    kw(&["stel"], &["set"], "`stel feit = waarde`: zet een feit voor dit scenario.", "`set fact = value`: sets a fact for this scenario."),
    kw(&["onbekend"], &["unknown"], "Een onbekende waarde: noch ja, noch nee.", "An unknown value: neither yes nor no."),
    kw(&["verwacht"], &["expect"], "`verwacht H van akkoord: oordeel`: het oordeel dat het scenario verwacht.", "`expect H of agreement: verdict`: the verdict the scenario expects."),
    kw(&["door"], &["by"], "`door bron.regel, …`: precies de regels die het oordeel moeten bepalen.", "`by source.rule, …`: exactly the rules that must decide the verdict."),
    kw(&["voorbehoud"], &["reservation"], "`verwacht voorbehoud bron.regel: toestand`: wat er van het voorbehoud werd.", "`expect reservation source.rule: state`: what became of the reservation."),
    kw(&["vervuld", "open", "vervallen", "beeindigd"], &["met", "failed", "ended"], "Wat er van een voorbehoud werd: vervuld, open, vervallen of beëindigd.", "What became of a reservation: met, open, failed or ended."),
    kw(&["eigenschap"], &["property"], "Een principe dat voor elke feitenset moet gelden: `als … dan …`.", "A principle that must hold for every fact set: `if … then …`."),
    kw(&["als"], &["if"], "`als H van S oordeel`: wanneer een akkoord dit oordeel krijgt…", "`if H of S verdict`: whenever an agreement gets this verdict…"),
    kw(&["dan"], &["then"], "…dan geldt deze voorwaarde.", "…then this condition holds."),
    kw(&["of"], &["or"], "Logisch of; `niet` bindt het sterkst, dan `en`, dan `of`.", "Logical or; `not` binds tightest, then `and`, then `or`."),
    kw(&["en"], &["and"], "Logisch en.", "Logical and."),
    kw(&["niet"], &["not"], "Logisch niet; in een verwachting ook het oordeel `niet`.", "Logical not; in an expectation also the verdict `may not`."),
    kw(&["in"], &[], "`x in {a, b}`: x is een van de waarden.", "`x in {a, b}`: x is one of the values."),
    kw(&["ja"], &["yes", "true"], "Waar.", "True."),
    kw(&["nee"], &["no", "false"], "Onwaar.", "False."),
    kw(&["mag"], &["may"], "Oordeel: het bestuur mag de handeling verrichten.", "Verdict: the board may take the action."),
    kw(&["onbepaald"], &["undetermined"], "Oordeel: hangt af van feiten die nog onbekend zijn.", "Verdict: depends on facts still unknown."),
];
