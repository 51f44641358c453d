//! The web interface tested as people use it: in headless Chromium, driven through
//! chromedriver (WebDriver), against real instances served on loopback. Plus HTTP-level
//! checks of sessions, CSRF and the login rate limit. Screenshots of the main pages are kept
//! under `target/browser-screenshots/`.

mod admin;
mod common;
mod editor;
mod event_editor;
mod events;
mod forum;
mod funding;
mod http;
mod mobile;
mod partners;
mod partnerships;
mod public;
mod review;
mod social;
