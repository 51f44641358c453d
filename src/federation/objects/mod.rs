//! Conversions between database rows and wire structs: the one place where rows become JSON
//! and back (actors, posts, partnerships).

pub mod actor;
pub mod event;
pub mod funding;
pub mod images;
pub mod partnership;
pub mod post;
