//! Conversions between database rows and wire structs, and activitypub_federation's `Object`
//! and `Actor` traits for them. This is the one place where rows become JSON and back.

pub mod actor;
pub mod partnership;
pub mod post;
