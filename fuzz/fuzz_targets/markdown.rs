//! Any Markdown converts to Typst that compiles, and every word of its text
//! appears in the generated source.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Parser};
use pva::compile::{self, Engine};
use pva::markdown;
use typst::foundations::Datetime;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&BTreeMap::new()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if text.len() > 4096 {
        return;
    }
    let typst = markdown::to_typst(text);
    let source = format!("#set page(width: 20cm, height: auto)\n{typst}\n");
    let date = Datetime::from_ymd(2026, 1, 1).unwrap();
    if let Err(e) = compile::typeset(engine(), source, date) {
        panic!("generated Typst does not compile: {e}\n--- markdown:\n{text}\n--- typst:\n{typst}");
    }
    for event in Parser::new_ext(text, markdown::options()) {
        if let Event::Text(words) | Event::Code(words) = event {
            for word in words.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                assert!(typst.contains(word), "word {word:?} lost\n--- markdown:\n{text}\n--- typst:\n{typst}");
            }
        }
    }
    typst::comemo::evict(10);
});
