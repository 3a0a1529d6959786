//! Any bytes as a case file: splitting the front matter, parsing the YAML
//! and linting the result must never panic, and every finding must point
//! inside the file.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use pva::case::{self, Node};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = case::normalise(text);
    let lines = text.lines().count().max(1) + 1;
    let file = Path::new("fuzz.md");
    let base = Node::empty_map(Arc::from(file));
    match case::parse_document(file, text, &case::Chain::default(), &base) {
        Ok(doc) => {
            let _ = doc.long_text("stappen");
            for section in &doc.sections {
                assert!(section.pos.line <= lines);
            }
        }
        Err(diag) => assert!(diag.line <= lines, "finding past the end: {diag:?}"),
    }
});
