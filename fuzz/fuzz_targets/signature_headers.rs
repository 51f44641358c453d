//! Both signature header parsers (draft-cavage `Signature`, RFC 9421 `Signature-Input` with
//! `Signature`) on arbitrary header values, and a cavage header written from parts taken
//! from the same input parsing back to those parts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    passerelle::fuzzing::signature_headers(data);
    let text = String::from_utf8_lossy(data);
    let mut words = text.split_whitespace().map(|w| {
        w.chars()
            .filter(|c| c.is_ascii_graphic() && !matches!(c, '"' | ','))
            .collect::<String>()
    });
    let key_id = words.next().unwrap_or_default();
    let header_names: Vec<String> = words.by_ref().take(8).filter(|w| !w.is_empty()).collect();
    passerelle::fuzzing::cavage_round_trip(&key_id, &header_names, data);
});
