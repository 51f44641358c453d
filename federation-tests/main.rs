//! Federation tests: several real instances (dfi, nrw, afccre) served on loopback ports,
//! each with its own database, talking signed HTTP to each other; and parsing of other
//! servers' JSON from hand-written fixtures. Tests wait on conditions, never on fixed sleeps.

mod common;
mod events;
mod fedify;
mod fixtures;
mod flows;
mod forum;
mod forum_lemmy;
mod forum_mbin_friendica;
mod forum_report_forwarding;
mod funding;
mod kill;
mod lemmy;
mod partners;
mod partnerships;
mod person;
mod processes;
mod relays;
mod resilience;
mod review;
mod search;
mod security;
mod strict;
