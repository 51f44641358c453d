//! One file per table group. Queries live here, next to their rows; handlers never build
//! queries themselves. Models know nothing of HTTP.

pub mod account;
pub mod actor;
pub mod delivery;
pub mod event;
pub mod follow;
pub mod funding;
pub mod group;
pub mod group_report;
pub mod inbox;
pub mod media;
pub mod moderation;
pub mod partner_search;
pub mod partnership;
pub mod person;
pub mod post;
pub mod relay;
pub mod showcase;
pub mod submission;
pub mod web_session;
