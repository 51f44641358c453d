//! ActivityPub wire structs. They are tolerant readers: unknown fields are ignored, a single
//! value is accepted where a list is usual (and the other way round), and a malformed
//! optional field is skipped rather than refusing the whole document.

pub mod activity;
pub mod actor;
pub mod article;
pub mod collection;
pub mod event;
pub mod funding;
pub mod helpers;
pub mod relationship;
