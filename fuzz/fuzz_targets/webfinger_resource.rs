//! WebFinger's `resource` parameter on arbitrary text.
#![no_main]

libfuzzer_sys::fuzz_target!(|resource: &str| {
    passerelle::fuzzing::webfinger_resource(resource);
});
