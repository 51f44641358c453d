//! Federation benchmarks (`cargo bench --bench federation`); written next.
fn main() {}
