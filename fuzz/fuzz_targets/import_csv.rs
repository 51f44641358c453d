//! The partnership import's CSV parser on arbitrary text, and the events' participants CSV
//! cell on the same text (it must read back as written, never as a formula).
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    passerelle::fuzzing::partnership_csv(text);
    passerelle::fuzzing::csv_cell(text);
});
