//! Partnerships between municipalities, confirmed by both sides across networks: the
//! handshake, the registry, statistics, open data (export and import).

pub mod export;
pub mod import;
