//! akkoord: may the VNG board sign this agreement under the motions the members adopted?
pub mod ast;
pub mod error;
pub mod parse;
pub mod span;
pub mod value;
pub mod check;
pub mod compiled;
pub mod facts;
pub mod suggest;
pub mod eval;
pub mod report;
pub mod load;
