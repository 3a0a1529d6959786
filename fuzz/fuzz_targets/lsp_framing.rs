//! Any bytes on the language server's stdin: the framing reader never
//! panics, never allocates for a claimed length over its maximum, answers
//! or skips every bad frame and always makes progress
//! (`pva::lsp::transport::check_frames`, which `cargo test` also runs
//! under proptest).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pva::lsp::transport::check_frames(data);
});
