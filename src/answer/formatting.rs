//! What `akkoord fmt` did to each file.

use schemars::JsonSchema;
use serde::Serialize;

/// What `akkoord fmt` did, or under `--controleer` would do, file by file.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FormatAnswer {
    /// True under `--controleer`: nothing was written.
    pub check: bool,
    /// Every file looked at, in the order given (a folder's files sorted by path).
    pub files: Vec<FileFormat>,
    /// How many files were changed (under `--controleer`: are not formatted).
    pub changed: usize,
    /// How many files could not be read, formatted or written (their problems are on standard
    /// error); they are left as they were.
    pub failed: usize,
}

/// One file.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct FileFormat {
    /// The file as named (`-` for standard input).
    pub path: String,
    /// What happened to it.
    pub status: FormatStatus,
    /// The language of its keywords after formatting: `nl` or `en`; absent when it failed.
    pub keywords: Option<String>,
    /// Under `--controleer`, for a file that is not formatted: what formatting would change, as
    /// a unified diff of its first hunks.
    pub diff: Option<String>,
}

/// What happened to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FormatStatus {
    /// It was formatted already.
    Unchanged,
    /// It was changed (under `--controleer`: it would be).
    Changed,
    /// It could not be read, formatted or written.
    Failed,
}
