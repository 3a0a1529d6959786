//! The escaping property, checked by typst itself: for any text, the
//! escaped markup compiles and renders exactly that text.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use typst::foundations::Datetime;
use typst::layout::{Frame, FrameItem};

use super::pdf::layout;
use super::world::{DocWorld, Engine};
use crate::markdown::{to_typst, typst_markup, typst_str};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&BTreeMap::new()))
}

/// Compiles `body` on an auto-sized page and returns the text it shows.
fn rendered(body: &str) -> Result<String, String> {
    let source = format!(
        "#set page(width: 30cm, height: auto, margin: 0pt)\n#set text(font: \"Liberation Sans\")\n{body}\n"
    );
    let date = Datetime::from_ymd(2026, 1, 1).expect("date");
    let world = DocWorld::new(engine(), source, date);
    let document = layout(&world).map_err(|e| e.to_string())?;
    let mut text = String::new();
    for page in document.pages() {
        collect(&page.frame, &mut text);
    }
    Ok(text)
}

fn collect(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => collect(&group.frame, out),
            FrameItem::Text(text) => out.push_str(&text.text),
            _ => {}
        }
    }
}

/// Every visible character in order: line breaks and font fallback split
/// text into runs, so whitespace is left out of the comparison.
fn visible(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && !ignorable(*c))
        .collect()
}

/// Unicode's Default_Ignorable_Code_Point: never drawn (variation
/// selectors, zero-width joiners, soft hyphen…), so typst may drop them.
fn ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Any Unicode except right-to-left scripts, whose visual reordering makes
/// reading text back from frames unreliable (the escaping is the same).
fn left_to_right() -> impl Strategy<Value = String> {
    let rtl = |c: char| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF);
    any::<String>().prop_map(move |s| s.chars().filter(|c| !rtl(*c)).collect())
}

fn sorted(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = visible(text).chars().collect();
    chars.sort_unstable();
    // Font fallback can split a cluster over two frame runs that both carry
    // its text, so compare which characters appear, not how often.
    chars.dedup();
    chars
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any Unicode: every character shown, none added. (Order is visual,
    /// and right-to-left scripts are reordered, so compare sorted.)
    #[test]
    fn escaped_markup_renders_the_exact_text(text in left_to_right()) {
        let shown = rendered(&typst_markup(&text)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(sorted(&shown), sorted(&text));
    }

    #[test]
    fn escaped_markup_of_typst_like_text(text in "[#\\[\\]$*_`<>@=+/\\\\.:~'\"(){};a-z0-9 \\n-]{0,40}") {
        let shown = rendered(&typst_markup(&text)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(visible(&shown), visible(&text));
    }

    #[test]
    fn string_literal_holds_the_exact_text(text in left_to_right()) {
        let shown = rendered(&format!("#text({})", typst_str(&text))).map_err(TestCaseError::fail)?;
        prop_assert_eq!(sorted(&shown), sorted(&text));
    }

    /// Any Markdown converts to Typst that compiles and keeps its words.
    #[test]
    fn markdown_always_compiles(text in "[#\\[\\]$*_`<>@=+/\\\\.:~'\"(){}|>!a-z0-9 \\n-]{0,80}") {
        let typst = to_typst(&text);
        rendered(&typst).map_err(|e| TestCaseError::fail(format!("{e}\n--- markdown:\n{text}\n--- typst:\n{typst}")))?;
    }
}

#[test]
fn markdown_payloads_compile() {
    for text in [
        "] #panic(\"x\")",
        "*a* [b](javascript:x)",
        "1. a\n\n   - b\n     > c",
        "| a |\n|---|\n| `#x` |",
        "<!-- x -->",
        "```\n]\n```",
    ] {
        rendered(&to_typst(text)).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

/// The layout library's keep-together rule (`bijeen` in pva.typ), on a
/// column so narrow that lines break every few words: "t/m" with its
/// word, dates and amounts are never split over two lines.
#[test]
fn dates_amounts_and_t_m_never_break_over_lines() {
    let phrases = [
        "t/m 12 maart 2026",
        "t/m vrijdag",
        "12-03-2026",
        "3 apr. 2026",
        "€ 1.250,-",
        "1.250 euro",
    ];
    // Every phrase at many positions in the line.
    let text: String = (0..40)
        .map(|i| {
            let pad = "ab ".repeat(i % 9);
            format!(
                "{pad}Werkt {} en krijgt {} of {} vanaf {} tot {} en {}. ",
                phrases[0], phrases[4], phrases[5], phrases[2], phrases[3], phrases[1]
            )
        })
        .collect();
    let kept = |with_rule: bool| {
        let rule = if with_rule { "#show: bijeen\n" } else { "" };
        let source = format!(
            "#import \"pva.typ\": *\n#set page(width: 4.5cm, height: auto, margin: 0pt)\n#set text(font: \"Liberation Sans\", size: 9.5pt, lang: \"nl\")\n{rule}{}\n",
            typst_markup(&text)
        );
        let lines = laid_out_lines(&source).join("|");
        phrases.map(|p| lines.matches(&visible(p)).count())
    };
    assert_eq!(kept(true), [40; 6]);
    // Without the rule the same text does break them: the test can see it.
    assert!(kept(false).iter().any(|&n| n < 40), "{:?}", kept(false));
}

/// The text of each laid-out line (items grouped by their baseline, in
/// reading order), whitespace left out.
fn laid_out_lines(source: &str) -> Vec<String> {
    let assets = BTreeMap::from([(
        "pva.typ".to_string(),
        include_bytes!("../../templates/pva.typ").to_vec(),
    )]);
    let engine = Engine::new(&assets);
    let date = Datetime::from_ymd(2026, 1, 1).expect("date");
    let document = layout(&DocWorld::new(&engine, source.to_string(), date)).expect("compiles");
    let mut items = Vec::new();
    for page in document.pages() {
        positioned(&page.frame, typst::layout::Point::zero(), &mut items);
    }
    // Baselines within half a point are one line.
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lines: Vec<(f64, String)> = Vec::new();
    for (y, _, text) in items {
        match lines.last_mut() {
            Some((line_y, line)) if (y - *line_y).abs() < 0.5 => line.push_str(&visible(&text)),
            _ => lines.push((y, visible(&text))),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

/// (baseline y, x, text) of every text item, at its place on the page.
fn positioned(frame: &Frame, at: typst::layout::Point, out: &mut Vec<(f64, f64, String)>) {
    for (pos, item) in frame.items() {
        let here = at + *pos;
        match item {
            FrameItem::Group(group) => positioned(&group.frame, here, out),
            FrameItem::Text(text) => {
                out.push((here.y.to_pt(), here.x.to_pt(), text.text.to_string()))
            }
            _ => {}
        }
    }
}
