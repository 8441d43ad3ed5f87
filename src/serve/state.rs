//! What the server serves: the rule folder as last loaded cleanly, and the problems of a newer
//! version that did not load. A poller compares the files' modification times and sizes every
//! second and reloads when they change; only a clean load replaces what is served. What-if
//! changes are applied to a copy for one request: nothing is written, nothing is kept.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use axum::http::StatusCode;

use super::Refusal;
use crate::check::{self, Loaded};
use crate::load::{self, LoadError, Options};

/// One file as seen by the poller: its path, modification time and size.
type Seen = (PathBuf, Option<SystemTime>, u64);

/// The served rule base and what became of the last attempt to reload it.
pub(crate) struct Snapshot {
    /// The last version that loaded cleanly.
    pub loaded: Arc<Loaded>,
    /// The problems of the files as they are now, when they did not load.
    pub failed: Option<Arc<LoadError>>,
    /// When `loaded` was loaded, as an RFC 3339 time stamp.
    pub loaded_at: String,
    /// The files as they were when last loaded or tried.
    seen: Vec<Seen>,
}

/// The server's state, shared by every request.
pub(crate) struct Shared {
    options: Options,
    current: RwLock<Arc<Snapshot>>,
}

impl Shared {
    /// Loads the rule folder; its problems when it does not load cleanly.
    pub fn load(options: Options) -> Result<Shared, LoadError> {
        let seen = files(&options);
        let loaded = load::load_all(&options)?;
        Ok(Shared {
            current: RwLock::new(Arc::new(Snapshot {
                loaded: Arc::new(loaded),
                failed: None,
                loaded_at: now(),
                seen,
            })),
            options,
        })
    }

    /// The rule folder served.
    pub fn rules(&self) -> &Path {
        &self.options.rules
    }

    /// What is served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Reloads when a file changed since the last look; says what happened, for the log.
    pub fn reload_if_changed(&self) -> Option<Result<(), Arc<LoadError>>> {
        let old = self.snapshot();
        let seen = files(&self.options);
        if seen == old.seen {
            return None;
        }
        let next = match load::load_all(&self.options) {
            Ok(loaded) => Snapshot {
                loaded: Arc::new(loaded),
                failed: None,
                loaded_at: now(),
                seen,
            },
            Err(e) => Snapshot {
                loaded: Arc::clone(&old.loaded),
                failed: Some(Arc::new(e)),
                loaded_at: old.loaded_at.clone(),
                seen,
            },
        };
        let outcome = next.failed.clone().map_or(Ok(()), Err);
        match self.current.write() {
            Ok(mut s) => *s = Arc::new(next),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(next),
        }
        Some(outcome)
    }
}

/// How often the poller looks at the files.
pub(crate) const POLL: Duration = Duration::from_secs(1);

fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// Every file a load reads, with its modification time and size, sorted: the rule files, the
/// facts and what-if files, the source documents. A file that cannot be read counts as seen
/// without a time, so its return is a change too.
fn files(options: &Options) -> Vec<Seen> {
    let mut paths = listed(&options.rules, "akk");
    paths.extend(listed(&options.rules.join(load::DOCUMENTS), "txt"));
    paths.push(options.facts_path());
    paths.extend(options.what_if.clone());
    paths.extend(options.tests.iter().flat_map(|t| listed(t, "akk")));
    let mut seen: Vec<Seen> = paths
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let time = meta.as_ref().and_then(|m| m.modified().ok());
            (p, time, meta.map_or(0, |m| m.len()))
        })
        .collect();
    seen.sort();
    seen
}

fn listed(dir: &Path, extension: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == extension))
                .collect()
        })
        .unwrap_or_default()
}

/// The loaded rule base with facts set for one request (`fact(agreement)=value`, as `--stel`
/// takes them), on a copy; the problems in the CLI's words when one does not fit.
pub(crate) fn what_if(loaded: &Arc<Loaded>, set: &[String]) -> Result<Arc<Loaded>, Refusal> {
    if set.is_empty() {
        return Ok(Arc::clone(loaded));
    }
    let mut copy = Loaded::clone(loaded);
    match check::apply_overrides(&mut copy, set) {
        Ok(()) => Ok(Arc::new(copy)),
        Err(problems) => Err(Refusal {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            problems,
            sources: copy.base.sources,
        }),
    }
}
