#![recursion_limit = "256"]
//! passerelle: a federated ActivityPub server for municipal partnership networks.
//! `docs/ARCHITECTURE.md` maps the modules and the path of an activity.

pub mod api;
pub mod app;
pub mod auth;
pub mod cache;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod federation;
pub mod forum;
pub mod funding;
pub mod health;
pub mod input;
pub mod locale;
pub mod maintenance;
pub mod media;
pub mod metrics;
pub mod notify;
pub mod nuts;
pub mod orgs;
pub mod partners;
pub mod partnerships;
pub mod posts;
pub mod review;
pub mod search;
pub mod state;
pub mod testing;
pub mod text;
pub mod vocab;
pub mod web;

/// Entry points for the fuzz targets in `fuzz/`; not an API.
#[doc(hidden)]
pub mod fuzzing;
