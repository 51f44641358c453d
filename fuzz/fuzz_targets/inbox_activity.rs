//! The inbox's reading of a received body: arbitrary bytes, as a remote server may POST them.
#![no_main]

libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    passerelle::fuzzing::inbox_activity(body);
});
