//! Integration tests of one instance, served for real on a loopback port with a database of
//! its own. One binary with modules, to link once.

mod accounts;
mod actors;
mod common;
mod db;
mod delivery_queue;
mod duplicates;
mod editor_forms;
mod eu_codes;
mod event_editor;
mod event_pages;
mod forum_pages;
mod forum_reports;
mod funding;
mod funding_editor;
mod hardening;
mod languages;
mod maintenance;
mod open_data;
mod openapi;
mod operations;
mod page_cache;
mod pages;
mod partners;
mod partnerships_io;
mod person;
mod posts;
mod reactions;
mod remote_actors;
mod review;
mod search;
mod showcase;
mod stored_words;
mod subscriptions;
