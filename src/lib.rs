//! akkoord: may the VNG board sign this agreement under the motions the members adopted?
pub mod ast;
pub mod error;
pub mod parse;
pub mod span;
pub mod value;
