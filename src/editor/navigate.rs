//! Going to where a name is declared, and finding everywhere it is written.

use std::path::{Path, PathBuf};

use super::{Analysis, Position, Range};

/// A range in a file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// The range in it.
    pub range: Range,
}

/// Where the name at a position is declared: a fact, attribute or choice at its declaration,
/// a value in its choice, a source or rule where it is written, an agreement at its key in the
/// facts file. Empty when there is no name there, or it is declared nowhere.
pub fn definition(analysis: &Analysis, path: &Path, position: Position) -> Vec<Location> {
    let Some((file, offset)) = analysis.offset(path, position) else {
        return Vec::new();
    };
    let Some(at) = analysis.index.at(file, offset) else {
        return Vec::new();
    };
    analysis
        .index
        .declarations(&at.symbol)
        .filter_map(|o| analysis.location(o.span))
        .collect()
}

/// Everywhere the name at a position is written, in every file of the folder, declarations
/// included when asked.
pub fn references(
    analysis: &Analysis,
    path: &Path,
    position: Position,
    with_declarations: bool,
) -> Vec<Location> {
    let Some((file, offset)) = analysis.offset(path, position) else {
        return Vec::new();
    };
    let Some(at) = analysis.index.at(file, offset) else {
        return Vec::new();
    };
    analysis
        .index
        .references(&at.symbol, with_declarations)
        .filter_map(|o| analysis.location(o.span))
        .collect()
}
