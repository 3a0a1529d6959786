//! Any Markdown body: the Typst the writer makes from it holds no code but
//! the writer's own calls and escaped text (`markdown::check_generated`,
//! read by Typst's own parser), every word of its text appears in it, and
//! when lint finds nothing that makes the body too expensive or impossible
//! to build (`lint::expensive_findings`: limits, control characters,
//! characters no font has, an unclosed comment), it compiles.
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Parser};
use pva::case::{self, Chain, Node};
use pva::compile::{self, Engine};
use pva::{lint, markdown};
use typst::foundations::Datetime;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&BTreeMap::new()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.len() > 8192 {
        return;
    }
    let text = case::normalise(text);
    let typst = markdown::to_typst(&text);
    if let Err(e) = markdown::check_generated(&typst) {
        panic!("{e}\n--- markdown:\n{text}\n--- typst:\n{typst}");
    }
    // Privacy markers are left out on purpose; every other word stays.
    let shown = case::strip_privacy_markers(&text);
    for event in Parser::new_ext(&shown, markdown::options()) {
        if let Event::Text(words) | Event::Code(words) = event {
            for word in words
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                assert!(
                    typst.contains(word),
                    "word {word:?} lost\n--- markdown:\n{text}\n--- typst:\n{typst}"
                );
            }
        }
    }
    if lint_accepts(&text) {
        let source = format!("#set page(width: 20cm, height: auto)\n{typst}\n");
        let date = Datetime::from_ymd(2026, 1, 1).unwrap();
        if let Err(e) = compile::typeset(engine(), source, date) {
            panic!(
                "lint accepts it, but the Typst does not compile: {e:?}\n--- markdown:\n{text}\n--- typst:\n{typst}"
            );
        }
        typst::comemo::evict(10);
    }
});

/// Whether lint lets `body`, as a document's body, be built.
fn lint_accepts(body: &str) -> bool {
    let file = Path::new("fuzz.md");
    let text = format!("---\ndocument: plan-van-aanpak\n---\n{body}");
    let base = Node::empty_map(Arc::from(file));
    match case::parse_document(file, text, &Chain::default(), &base) {
        Ok(doc) => lint::expensive_findings(&doc).is_empty(),
        Err(_) => false,
    }
}
