//! Limits far above real use (the VNG rule base is 20 KB in six files), so that no input, however
//! large or strange, crashes akkoord, hangs it, or lets its memory grow without bound. Reaching
//! one is a clear error that names it; a search that reaches its bound says so in its answer.

/// The largest single file read: rule file, facts file, what-if file, source document.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most bytes of rule, scenario and source-document files read for one run.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// How deep parentheses and runs of `niet` may nest in a condition.
pub const MAX_NESTING: usize = crate::parse::MAX_NESTING;

/// How deep arrays and objects may nest in a JSON file.
pub const MAX_JSON_DEPTH: usize = crate::json::MAX_DEPTH;

/// The most problems printed; a count says how many more there are.
pub const MAX_PROBLEMS_SHOWN: usize = crate::error::MAX_SHOWN;

/// How to raise a limit, for error messages.
pub fn how_to_raise(name: &str) -> String {
    crate::tr!(
        "deze grens ligt ver boven werkelijk gebruik; splits de invoer, of verhoog {name} in src/limits.rs",
        "this limit is far above real use; split the input, or raise {name} in src/limits.rs"
    )
}

/// Stack of the threads that parse and evaluate (the CLI's worker, the server's pool): syntax
/// trees of very long `en`/`of` chains are deep, and dropping or walking them recurses.
/// Nesting itself is capped by the parser. Only what is used is ever mapped.
pub const STACK_BYTES: usize = 256 * 1024 * 1024;
