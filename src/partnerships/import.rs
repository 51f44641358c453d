//! Import of an existing partnership list (CSV).
