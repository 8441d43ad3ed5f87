//! `akkoord motie` on disk: read the motion's file, choose an id no source in the rule folder
//! has, keep the text in `bronnen/` (never over another text), and write the skeleton where
//! asked. Everything is checked before anything is written; each write is atomic.

use std::path::{Path, PathBuf};

use super::{MotionError, Options, Skeleton, document_name, is_name, render, skeleton};
use crate::compiled::squash;
use crate::error::Problem;
use crate::load::{self, DOCUMENTS};
use crate::tr;

/// Where [`make`] finds the rules and puts what it makes.
#[derive(Clone, Debug)]
pub struct Output<'a> {
    /// The rule folder: ids are chosen against its sources, the text goes to its `bronnen/`.
    pub rules: &'a Path,
    /// Where to write the skeleton; `None`: only return it.
    pub out: Option<&'a Path>,
    /// Copy the text into `bronnen/`.
    pub copy: bool,
}

/// Reads the motion in `file` and makes its skeleton, keeping the text in `bronnen/` and
/// writing the skeleton as `output` asks; the skeleton's notes say what was done.
pub fn make(file: &Path, output: &Output<'_>, options: &Options) -> Result<Skeleton, Problem> {
    let path = file.display().to_string();
    let raw = load::read(file).map_err(|p| MotionError::Unreadable {
        path: path.clone(),
        message: match p {
            Problem::Io { message, .. } => message,
            other => other.to_string(),
        },
    })?;
    let text = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let taken = source_ids(output.rules, output.copy)?;
    if let Some(id) = &options.id {
        check_id(id, &taken)?;
    }
    let mut s = skeleton(text, &path, options)?;
    free_id(&mut s, &taken);
    let (header, copy) = if output.copy {
        keep(output.rules, &mut s, text)?
    } else {
        s.notes.push(tr!(
            "de tekst is niet naar `{DOCUMENTS}/` gekopieerd: de citaten zijn pas te controleren als hij daar staat",
            "the text was not copied to `{DOCUMENTS}/`: the quotes can only be checked once it is there"
        ));
        (options.document.clone().unwrap_or(path), None)
    };
    render(&mut s, &header);
    if let Some(out) = output.out {
        check_free(out, &s.text, false)?;
    }
    if let Some(copy) = copy {
        write_new(&copy, text)?;
    }
    if let Some(out) = output.out {
        write_new(out, &s.text)?;
        let out = out.display();
        s.notes.push(tr!(
            "geraamte geschreven naar {out}",
            "skeleton written to {out}"
        ));
    }
    s.notes.push(summary(&s));
    Ok(s)
}

/// A suggested id a source in the rules has already gets `_2` (or the first number free).
fn free_id(s: &mut Skeleton, taken: &[(String, String)]) {
    if !taken.iter().any(|(t, _)| *t == s.id) {
        return;
    }
    let free = (2..)
        .map(|n| format!("{}_{n}", s.id))
        .find(|id| !taken.iter().any(|(t, _)| t == id))
        .unwrap_or_default();
    let old = std::mem::replace(&mut s.id, free.clone());
    s.notes.push(tr!(
        "de id `{old}` is al in gebruik in de regels: `{free}` gekozen (anders: `--id`)",
        "the id `{old}` is taken in the rules: `{free}` chosen (otherwise: `--id`)"
    ));
}

/// `3 regels met 8 gaten om in te vullen; …`
fn summary(s: &Skeleton) -> String {
    let (n, h) = (s.rules.len(), s.holes);
    let rules = crate::i18n::lang().pick(
        if n == 1 { "regel" } else { "regels" },
        if n == 1 { "rule" } else { "rules" },
    );
    let holes = crate::i18n::lang().pick(
        if h == 1 { "gat" } else { "gaten" },
        if h == 1 { "hole" } else { "holes" },
    );
    tr!(
        "{n} {rules} met {h} {holes} om in te vullen; `akkoord validate` wijst ze aan",
        "{n} {rules} with {h} {holes} to fill in; `akkoord validate` points them out"
    )
}

/// The ids of the sources in the rule folder, with where each is declared. A folder without
/// rule files has none; a missing folder is an error when the text is to be copied into it.
fn source_ids(rules: &Path, copy: bool) -> Result<Vec<(String, String)>, Problem> {
    if !rules.is_dir() {
        return if copy {
            Err(Problem::Io {
                path: rules.display().to_string(),
                message: tr!(
                    "de map met regels bestaat niet",
                    "the rules folder does not exist"
                ),
            })
        } else {
            Ok(Vec::new())
        };
    }
    let files = load::rule_files(rules).unwrap_or_default();
    let mut ids = Vec::new();
    for (i, (name, text)) in files.iter().enumerate() {
        let id = crate::span::FileId(u32::try_from(i).unwrap_or(u32::MAX));
        let (parsed, _) = crate::check::parse_recovering(id, text);
        for item in parsed.items {
            if let crate::ast::Item::Source(s) = item {
                ids.push((s.id.node.clone(), name.clone()));
            }
        }
    }
    Ok(ids)
}

/// An id given with `--id` must be a name no source in the rules has.
fn check_id(id: &str, taken: &[(String, String)]) -> Result<(), Problem> {
    if !is_name(id) {
        return Err(Problem::Argument {
            message: tr!("`--id {id}` is geen naam", "`--id {id}` is not a name"),
            help: Some(tr!(
                "een id bestaat uit letters (zonder accenten), cijfers en `_`, begint met een letter en is geen woord van de taal, bijvoorbeeld `rob_bijstand`",
                "an id is made of letters (without accents), digits and `_`, starts with a letter and is not a word of the language, e.g. `rob_bijstand`"
            )),
        });
    }
    match taken.iter().find(|(t, _)| t == id) {
        Some((_, file)) => Err(Problem::Argument {
            message: tr!(
                "er is al een bron `{id}` in {file}",
                "there is a source `{id}` in {file} already"
            ),
            help: Some(tr!("kies een andere `--id`", "choose another `--id`")),
        }),
        None => Ok(()),
    }
}

/// Where the text is kept in `bronnen/`: a document there with the same text (nothing is
/// copied then), or a new name that is free. Sets the skeleton's `document` and says so in a
/// note; returns the name as the skeleton's header gives it, and the file to write, if any.
fn keep(rules: &Path, s: &mut Skeleton, text: &str) -> Result<(String, Option<PathBuf>), Problem> {
    let dir = rules.join(DOCUMENTS);
    let existing = if dir.is_dir() {
        load::documents(rules)?
    } else {
        Vec::new()
    };
    let squashed = squash(text);
    let found = existing.into_iter().find(|(_, t)| squash(t) == squashed);
    let (name, write) = match found {
        Some((name, _)) => (name, false),
        None => {
            let name = document_name(s.date.as_deref(), s.meeting.as_deref(), &s.kind, &s.id);
            check_free(&dir.join(&name), text, true)?;
            (name, true)
        }
    };
    let path = dir.join(&name);
    let shown = path.display();
    s.notes.push(if write {
        tr!(
            "de tekst is gekopieerd naar {shown}",
            "the text was copied to {shown}"
        )
    } else {
        tr!(
            "de tekst staat al in {shown}; niet opnieuw gekopieerd",
            "the text is in {shown} already; not copied again"
        )
    });
    s.document = Some(shown.to_string());
    Ok((format!("{DOCUMENTS}/{name}"), write.then_some(path)))
}

/// An error when `path` exists with another text than `text`.
fn check_free(path: &Path, text: &str, document: bool) -> Result<(), MotionError> {
    if !path.exists() {
        return Ok(());
    }
    match std::fs::read_to_string(path) {
        Ok(existing) if existing == text => Ok(()),
        _ => Err(MotionError::Exists {
            path: path.display().to_string(),
            document,
        }),
    }
}

/// Writes `text` to `path` atomically, creating its folder; nothing when it holds `text` already.
fn write_new(path: &Path, text: &str) -> Result<(), MotionError> {
    if std::fs::read_to_string(path).is_ok_and(|t| t == text) {
        return Ok(());
    }
    let error = |e: std::io::Error| MotionError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(error)?;
    }
    crate::store::write_atomic(path, text.as_bytes()).map_err(error)
}
