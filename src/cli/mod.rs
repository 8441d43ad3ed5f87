//! The command line: what each command takes. Help is Dutch by default and English with
//! `--taal en` ([`localize`]); every command honours `--format json`, except `lsp`, which speaks
//! the Language Server Protocol and refuses it.

pub mod fmt;
pub mod localize;
pub mod record;
pub mod run;
pub mod vragen;

use std::net::IpAddr;
use std::path::PathBuf;

use akkoord::ast::{Action, SourceKind};
use akkoord::i18n::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

/// Welke akkoorden mag het VNG-bestuur ondertekenen onder de moties van de leden, en waarom.
#[derive(Parser, Debug)]
#[command(name = "akkoord", version, disable_help_subcommand = true)]
pub struct Cli {
    /// Taal van uitvoer, fouten en hulp: nl (standaard, of wat `AKKOORD_TAAL` zegt) of en.
    #[arg(long = "taal", visible_alias = "lang", global = true, value_name = "TAAL", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Uitvoer: tekst voor mensen, of één JSON-document voor programma's.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// De opdracht.
    #[command(subcommand)]
    pub command: Command,
}

/// Text for people, or one JSON document for programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// tekst
    Text,
    /// JSON
    Json,
}

/// Where the rules and facts come from, and what-if changes on top.
#[derive(Args, Debug, Clone)]
pub struct Input {
    /// Map met de regelbestanden (`*.akk`).
    #[arg(long, default_value = "rules", value_name = "MAP")]
    pub rules: PathBuf,
    /// Feitenbestand (JSON); standaard `feiten.json` in de map met regels.
    #[arg(long, value_name = "BESTAND")]
    pub facts: Option<PathBuf>,
    /// Wat-als-bestand: alleen `feiten`, die de feiten die het noemt vervangen.
    #[arg(long = "wat-als", visible_alias = "what-if", value_name = "BESTAND")]
    pub what_if: Option<PathBuf>,
    /// Zet een feit voor deze ene evaluatie: `feit=waarde` of `feit(akkoord)=waarde`; herhaalbaar.
    #[arg(long = "stel", visible_alias = "set", value_name = "FEIT=WAARDE")]
    pub set: Vec<String>,
}

/// The rule folder and the facts file a record is written to.
#[derive(Args, Debug, Clone)]
pub struct Files {
    /// Map met de regelbestanden (`*.akk`).
    #[arg(long, default_value = "rules", value_name = "MAP")]
    pub rules: PathBuf,
    /// Feitenbestand (JSON); standaard `feiten.json` in de map met regels.
    #[arg(long, value_name = "BESTAND")]
    pub facts: Option<PathBuf>,
}

/// Where a recorded value comes from.
#[derive(Args, Debug, Clone)]
pub struct Provenance {
    /// Het document of de vergadering waaruit het blijkt; `--bron` of `--aanname` is nodig.
    #[arg(long = "bron", visible_alias = "source", value_name = "TEKST")]
    pub source: Option<String>,
    /// Waarom het een aanname is, als geen document het geeft.
    #[arg(long = "aanname", visible_alias = "assumption", value_name = "TEKST")]
    pub assumption: Option<String>,
}

/// The day to evaluate on.
#[derive(Args, Debug, Clone)]
pub struct AsOf {
    /// Evalueer per deze datum (JJJJ-MM-DD); standaard vandaag.
    #[arg(long = "op", visible_alias = "as-of", value_name = "DATUM", value_parser = parse_date)]
    pub date: Option<Date>,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Oordeel per akkoord en handeling, met de regels die beslissen en wat er moet gebeuren.
    Check {
        /// Akkoorden (id's); standaard alle op tafel.
        #[arg(value_name = "AKKOORD")]
        agreements: Vec<String>,
        /// Alleen deze handeling (ondertekening, instemming, uitvoering, onderhandeling).
        #[arg(long = "handeling", visible_alias = "action", value_name = "HANDELING", value_parser = parse_action)]
        action: Option<Action>,
        /// Kort: per akkoord één alinea in gewone taal.
        #[arg(long)]
        kort: bool,
        /// Feiten ouder dan dit aantal dagen gelden als mogelijk verouderd.
        #[arg(
            long = "max-leeftijd",
            visible_alias = "max-age",
            value_name = "DAGEN",
            default_value_t = 365
        )]
        max_age: u32,
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Het antwoord in gewone taal voor één akkoord (hetzelfde als `check --kort`).
    Vraag {
        /// Het akkoord, bijvoorbeeld `ggz`.
        #[arg(value_name = "AKKOORD")]
        agreement: String,
        /// Alleen deze handeling.
        #[arg(long = "handeling", visible_alias = "action", value_name = "HANDELING", value_parser = parse_action)]
        action: Option<Action>,
        /// Feiten ouder dan dit aantal dagen gelden als mogelijk verouderd.
        #[arg(
            long = "max-leeftijd",
            visible_alias = "max-age",
            value_name = "DAGEN",
            default_value_t = 365
        )]
        max_age: u32,
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// De volledige redenering voor één akkoord: elke regel met bron, citaat, datum en feiten.
    Explain {
        /// Het akkoord, bijvoorbeeld `ggz`.
        #[arg(value_name = "AKKOORD")]
        agreement: String,
        /// De handeling; standaard elke handeling waar regels over spreken.
        #[arg(long = "handeling", visible_alias = "action", value_name = "HANDELING", value_parser = parse_action)]
        action: Option<Action>,
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Het oordeel door de tijd: opeenvolgende perioden, elk met wat ze opende.
    Timeline {
        /// Het akkoord, bijvoorbeeld `ggz`.
        #[arg(value_name = "AKKOORD")]
        agreement: String,
        /// De handeling; standaard elke handeling waar regels over spreken.
        #[arg(long = "handeling", visible_alias = "action", value_name = "HANDELING", value_parser = parse_action)]
        action: Option<Action>,
        #[command(flatten)]
        input: Input,
    },
    /// Elke vastgelegde handeling getoetst aan het oordeel op die dag, en wat er van de voorbehouden werd.
    Audit {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Elke minimale set feitwijzigingen die het oordeel `mag` maakt, kleinste eerst.
    Unblock {
        /// Het akkoord, bijvoorbeeld `ggz`.
        #[arg(value_name = "AKKOORD")]
        agreement: String,
        /// De handeling (standaard ondertekening).
        #[arg(long = "handeling", visible_alias = "action", value_name = "HANDELING", value_parser = parse_action)]
        action: Option<Action>,
        /// Een feit dat niet mag veranderen: `feit`, of `feit(akkoord)`; herhaalbaar.
        #[arg(long = "vast", visible_alias = "fixed", value_name = "FEIT")]
        fixed: Vec<String>,
        /// Toon alle manieren, niet alleen de eerste tien.
        #[arg(long = "alle", visible_alias = "all")]
        all: bool,
        /// Hoeveel combinaties van manieren de zoektocht hoogstens bekijkt.
        #[arg(long = "budget", default_value_t = akkoord::unblock::Limits::BUDGET)]
        budget: u64,
        /// Hoeveel deelplannen de zoektocht per voorwaarde hoogstens bijhoudt.
        #[arg(long = "grens", visible_alias = "bound", default_value_t = akkoord::unblock::Limits::BOUND)]
        bound: usize,
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// De oordelen die verschillen tussen twee regelsets (of twee datums), en waarom.
    Diff {
        /// De oude map met regels; standaard dezelfde als `--rules` (om datums te vergelijken).
        #[arg(long = "oud", visible_alias = "old", value_name = "MAP")]
        old: Option<PathBuf>,
        /// Evalueer de oude kant per deze datum; standaard dezelfde als `--op`.
        #[arg(long = "op-oud", visible_alias = "old-as-of", value_name = "DATUM", value_parser = parse_date)]
        old_date: Option<Date>,
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Regels die verkeerd lijken, aannames, en regels die geen scenario raakt.
    Lint {
        /// Map met scenario's, voor de dekking; standaard `tests` in de map met regels.
        #[arg(long = "tests", value_name = "MAP")]
        tests: Option<PathBuf>,
        #[command(flatten)]
        input: Input,
    },
    /// Draai de scenario's en bewijs of weerleg de eigenschappen in MAP (standaard `tests` in de map met regels).
    Test {
        /// Map met scenario- en eigenschapbestanden (`*.akk`).
        dir: Option<PathBuf>,
        /// Hoeveel gegenereerde feitensets per eigenschap als bewijzen te groot is.
        #[arg(long = "gevallen", visible_alias = "cases", default_value_t = 1000)]
        cases: u32,
        /// Zaad voor het genereren; hetzelfde zaad geeft dezelfde gevallen.
        #[arg(long = "zaad", visible_alias = "seed", default_value_t = 0)]
        seed: u64,
        #[command(flatten)]
        input: Input,
    },
    /// Laad en controleer alles: regels, feiten, citaten, scenario's en eigenschappen.
    Validate {
        /// Map met scenario's; standaard `tests` in de map met regels.
        #[arg(long = "tests", value_name = "MAP")]
        tests: Option<PathBuf>,
        #[command(flatten)]
        input: Input,
    },
    /// Het rapport voor het bestuur: één HTML-bestand met overzicht, uitleg, tijdlijnen, audit en herkomst.
    Rapport {
        /// Akkoorden (id's); standaard alle op tafel.
        #[arg(value_name = "AKKOORD")]
        agreements: Vec<String>,
        /// Het HTML-bestand om te schrijven (standaard `rapport.html`; met `--format json` alleen
        /// als het genoemd is, naast het JSON-document op stdout).
        #[arg(
            short = 'o',
            long = "uit",
            visible_alias = "out",
            value_name = "BESTAND"
        )]
        out: Option<PathBuf>,
        /// Feiten ouder dan dit aantal dagen gelden als mogelijk verouderd.
        #[arg(
            long = "max-leeftijd",
            visible_alias = "max-age",
            value_name = "DAGEN",
            default_value_t = 365
        )]
        max_age: u32,
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Taalserver voor editors (LSP): de problemen van `validate` tijdens het typen, uitleg, definities en aanvullen.
    Lsp {
        #[command(flatten)]
        as_of: AsOf,
    },
    /// De oordelen in de browser, met wat-als, en als JSON-API; op deze computer, tot Ctrl-C.
    Serve {
        /// Het adres om op te luisteren; standaard alleen deze computer.
        #[arg(long = "adres", visible_alias = "address", value_name = "ADRES", default_value = "127.0.0.1", value_parser = parse_address)]
        address: IpAddr,
        /// De poort; 0 kiest een vrije.
        #[arg(
            long = "poort",
            visible_alias = "port",
            value_name = "POORT",
            default_value_t = 8080
        )]
        port: u16,
        #[command(flatten)]
        input: Input,
    },
    /// Een geraamte van regels uit de tekst van een motie of resolutie, met gaten (`???`) om in te vullen; de tekst gaat naar `bronnen/`.
    #[command(visible_alias = "motion")]
    Motie {
        /// De tekst van de motie of resolutie, als platte tekst (UTF-8).
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Id van de bron; standaard gemaakt van de titel.
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Soort bron: motie, resolutie, besluit of standpunt; standaard zoals de tekst zichzelf noemt.
        #[arg(long = "soort", visible_alias = "kind", value_name = "SOORT", value_parser = parse_kind)]
        kind: Option<SourceKind>,
        /// Schrijf het geraamte naar dit bestand (dat nog niet mag bestaan) in plaats van het te tonen.
        #[arg(
            short = 'o',
            long = "uit",
            visible_alias = "out",
            value_name = "BESTAND"
        )]
        out: Option<PathBuf>,
        /// Kopieer de tekst niet naar `bronnen/` in de map met regels.
        #[arg(long = "niet-kopieren", visible_alias = "no-copy")]
        no_copy: bool,
        /// Map met de regelbestanden: de id's van de bronnen daarin zijn bezet, de tekst gaat naar `bronnen/` daarin.
        #[arg(long, default_value = "rules", value_name = "MAP")]
        rules: PathBuf,
    },
    /// Leg waarden van feiten vast in het feitenbestand, met datum en bron, en toon de oordelen die daardoor veranderen.
    #[command(visible_alias = "set")]
    Stel {
        /// `feit=waarde` of `feit(akkoord)=waarde`, bijvoorbeeld `monitoringsafspraken_ggz=ja`; meer dan één mag.
        #[arg(required = true, value_name = "FEIT=WAARDE")]
        assignments: Vec<String>,
        /// Vanaf welke dag de waarde geldt (JJJJ-MM-DD); standaard vandaag.
        #[arg(long = "sinds", visible_alias = "since", value_name = "DATUM", value_parser = parse_date)]
        since: Option<Date>,
        #[command(flatten)]
        provenance: Provenance,
        /// Vervang de waarde van die dag, omdat ze fout was; de oude blijft in het bestand onder `vervangt`.
        #[arg(long = "corrigeer", visible_alias = "correct")]
        correct: bool,
        /// Vergelijk de oordelen op deze dag; standaard de dag van `--sinds`.
        #[arg(long = "op", visible_alias = "as-of", value_name = "DATUM", value_parser = parse_date)]
        date: Option<Date>,
        #[command(flatten)]
        files: Files,
    },
    /// Leg een nieuw akkoord op tafel in het feitenbestand, met naam, kenmerken, datum en bron.
    #[command(name = "nieuw-akkoord", visible_alias = "new-agreement")]
    NieuwAkkoord {
        /// Het id van het akkoord: letters, cijfers en `_`, bijvoorbeeld `jeugd_2019`.
        id: String,
        /// De volledige naam.
        #[arg(long = "naam", visible_alias = "name", value_name = "NAAM")]
        name: String,
        /// Een kenmerk: `kenmerk=waarde`, bijvoorbeeld `soort=deelakkoord`; herhaalbaar.
        #[arg(
            long = "kenmerk",
            visible_alias = "attribute",
            value_name = "KENMERK=WAARDE"
        )]
        attributes: Vec<String>,
        /// Vanaf welke dag het akkoord op tafel ligt (JJJJ-MM-DD); standaard vandaag.
        #[arg(long = "sinds", visible_alias = "since", value_name = "DATUM", value_parser = parse_date)]
        since: Option<Date>,
        #[command(flatten)]
        provenance: Provenance,
        /// Toon de oordelen op deze dag; standaard de dag van `--sinds`.
        #[arg(long = "op", visible_alias = "as-of", value_name = "DATUM", value_parser = parse_date)]
        date: Option<Date>,
        #[command(flatten)]
        files: Files,
    },
    /// Stel de open vragen die ertoe doen, de beslissendste eerst, en leg de antwoorden vast.
    #[command(visible_alias = "ask")]
    Vragen {
        /// Akkoorden (id's); standaard alle op tafel.
        #[arg(value_name = "AKKOORD")]
        agreements: Vec<String>,
        /// De dag waarop de antwoorden ingaan en de oordelen gelden (JJJJ-MM-DD); standaard vandaag.
        #[arg(long = "op", visible_alias = "as-of", value_name = "DATUM", value_parser = parse_date)]
        date: Option<Date>,
        #[command(flatten)]
        provenance: Provenance,
        /// Schrijf de antwoorden aan het eind zonder het te vragen.
        #[arg(long = "schrijf", visible_alias = "write")]
        write: bool,
        #[command(flatten)]
        files: Files,
    },
    /// Zet regel- en scenariobestanden in één vaste opmaak, met opmerkingen en citaten zoals ze zijn.
    Fmt(fmt::FmtArgs),
    /// Het JSON Schema van het feitenbestand of van de JSON-uitvoer van een opdracht.
    Schema {
        /// `feiten` (voor de feiten die de regels declareren), `fouten`, of een opdracht: check, vraag, explain, timeline, audit, unblock, diff, lint, test, validate, rapport, motie, stel, nieuw-akkoord, fmt.
        what: String,
        #[command(flatten)]
        input: Input,
    },
}

fn parse_date(text: &str) -> Result<Date, String> {
    akkoord::lookup::date(text)
}

fn parse_action(text: &str) -> Result<Action, String> {
    akkoord::lookup::action(text)
}

fn parse_kind(text: &str) -> Result<SourceKind, String> {
    akkoord::motie::source_kind(text)
}

fn parse_address(text: &str) -> Result<IpAddr, String> {
    text.parse::<IpAddr>().map_err(|_| {
        akkoord::tr!(
            "`{text}` is geen IP-adres; bijvoorbeeld 127.0.0.1 of ::1",
            "`{text}` is not an IP address; e.g. 127.0.0.1 or ::1"
        )
    })
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    akkoord::lookup::lang(text)
}
