//! What a build cannot set, or only at great cost, found before the build:
//! characters no embedded font has, invisible control characters, an
//! unclosed comment, and structures far beyond any real plan (thousands of
//! table rows, nesting dozens deep, tens of thousands of hard line breaks,
//! a "word" of thousands of characters). The limits are chosen so the
//! worst document that passes builds in under 2 s and 300 MB
//! (docs/performance.md has the measurements).

use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag};

use crate::case::{Document, Node, Pos, Value, line_col, markdown_options};
use crate::diag::Diagnostic;
use crate::glyphs;
use crate::rules;

/// The limits of one document's body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Rows of all tables together.
    pub table_rows: usize,
    /// Lists and block quotes inside each other.
    pub depth: usize,
    /// Hard line breaks (a backslash or two spaces at a line end).
    pub hard_breaks: usize,
    /// Characters of one word (text without a space).
    pub word: usize,
    /// Raw HTML pieces (`<span>`, `<br>`; comments do not count).
    pub html: usize,
    /// Characters of the body (about 40 pages; a plan has 2–3).
    pub text: usize,
}

/// The limits every document is held to.
pub(crate) const LIMITS: Limits = Limits {
    table_rows: 500,
    depth: 8,
    hard_breaks: 2_000,
    word: 1_000,
    html: 1_000,
    text: 100_000,
};

/// Every finding for `doc`: its own front matter's values and its body.
pub(crate) fn document(doc: &Document) -> Vec<Diagnostic> {
    let mut out = values(&doc.own);
    out.extend(body(doc, &LIMITS));
    out
}

/// The values of a shared file (`dossier.yaml`, `gedeeld.yaml`).
pub(crate) fn shared(file: &Node) -> Vec<Diagnostic> {
    values(file)
}

/// Control characters (a tab too) and unprintable characters in values:
/// in a name they would vanish or fail the build.
fn values(node: &Node) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(node, &mut |node| {
        if let Value::Str(text) = &node.value {
            out.extend(characters(text, &node.pos, true));
        }
    });
    out
}

fn walk(node: &Node, visit: &mut dyn FnMut(&Node)) {
    visit(node);
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| walk(n, visit)),
        Value::Map(entries) => entries.iter().for_each(|(_, n)| walk(n, visit)),
        _ => {}
    }
}

/// The first control character and the first unprintable one in `text`
/// (at `pos`, a value's position: the finding names the character).
fn characters(text: &str, pos: &Pos, value: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let control = text
        .chars()
        .find(|&c| is_control(c) && (value || c != '\t') && c != '\n');
    if let Some(c) = control {
        out.push(control_finding(c, pos));
    }
    if let Some(c) = text
        .chars()
        .find(|&c| !is_control(c) && !glyphs::can_print(c))
    {
        out.push(glyph_finding(c, pos));
    }
    out
}

fn is_control(c: char) -> bool {
    c.is_control()
}

fn control_finding(c: char, pos: &Pos) -> Diagnostic {
    let name = match c {
        '\t' => "een tab".to_string(),
        '\0' => "een NUL-teken".to_string(),
        c => format!("het stuurteken U+{:04X}", c as u32),
    };
    Diagnostic::new(
        &rules::CONTROL_CHARACTER,
        pos,
        format!("hier staat {name}: onzichtbaar in de editor, en in de PDF valt het weg of verschuift de tekst"),
    )
    .hint("vervang het door een spatie (of haal het weg) en typ de tekst zo nodig opnieuw")
}

fn glyph_finding(c: char, pos: &Pos) -> Diagnostic {
    Diagnostic::new(
        &rules::MISSING_GLYPH,
        pos,
        format!(
            "het teken `{c}` (U+{:04X}) staat in geen van de lettertypen van de PDF; het document kan zo niet gemaakt worden",
            c as u32
        ),
    )
    .hint("schrijf het in Latijnse letters of laat het weg (emoji en Chinese, Japanse of Arabische tekens kan de PDF niet tonen)")
}

/// The body: characters, an unclosed comment, and the limits.
fn body(doc: &Document, limits: &Limits) -> Vec<Diagnostic> {
    let start = doc.body_offset.min(doc.text.len());
    let text = &doc.text[start..];
    let file: Arc<std::path::Path> = Arc::from(doc.path.as_path());
    let at = |offset: usize| {
        let (line, col) = line_col(&doc.text, start + offset);
        Pos {
            file: file.clone(),
            line,
            col,
        }
    };
    let mut out = Vec::new();
    if text.len() > limits.text && text.chars().count() > limits.text {
        out.push(
            expensive(
                format!(
                    "de tekst van dit document is langer dan {} tekens (zo'n 40 bladzijden); zo'n document kost bij het maken te veel tijd en geheugen",
                    limits.text
                ),
                "zet lange stukken (verslagen, overzichten) in een bijlage buiten het document en verwijs ernaar",
            )
            .at(at(0)),
        );
    }
    let control = text
        .char_indices()
        .find(|&(_, c)| is_control(c) && c != '\n' && c != '\t');
    if let Some((offset, c)) = control {
        out.push(control_finding(c, &at(offset)));
    }
    let mut count = Count::default();
    let mut unprintable = None;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        if let Some(finding) = count.event(&event, &text[range.clone()], limits) {
            out.push(finding.at(at(range.start)));
        }
        // The text as printed: `&#x1F600;` is the emoji it stands for.
        if let (None, Event::Text(words) | Event::Code(words)) = (unprintable, &event) {
            let missing = words
                .chars()
                .find(|&c| !is_control(c) && !glyphs::can_print(c));
            unprintable = missing.map(|c| (c, range.start));
        }
    }
    if let Some((c, offset)) = unprintable {
        out.push(glyph_finding(c, &at(offset)));
    }
    out
}

/// What the body holds so far.
#[derive(Debug, Default)]
struct Count {
    rows: usize,
    depth: usize,
    breaks: usize,
    html: usize,
    /// Which limits were reported already: one finding each.
    reported: [bool; 6],
}

/// A finding without its position yet.
struct Found {
    rule: &'static crate::rules::Rule,
    message: String,
    hint: &'static str,
}

impl Found {
    fn at(self, pos: Pos) -> Diagnostic {
        Diagnostic::new(self.rule, &pos, self.message).hint(self.hint)
    }
}

impl Count {
    fn event(&mut self, event: &Event<'_>, source: &str, limits: &Limits) -> Option<Found> {
        match event {
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                self.rows += 1;
                (self.rows > limits.table_rows).then(|| {
                    expensive(format!(
                        "de tabellen hebben samen meer dan {} rijen; zo'n document kost bij het maken minuten en gigabytes",
                        limits.table_rows
                    ), "zet lange lijsten of overzichten in een bijlage buiten het document, of vat ze samen")
                }).and_then(|f| self.once(0, f))
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                self.depth += 1;
                (self.depth > limits.depth).then(|| {
                    expensive(format!(
                        "lijsten of citaten staan hier meer dan {} niveaus in elkaar",
                        limits.depth
                    ), "gebruik hooguit een paar niveaus; haal de extra inspringing of >-tekens weg")
                }).and_then(|f| self.once(1, f))
            }
            Event::End(pulldown_cmark::TagEnd::List(_) | pulldown_cmark::TagEnd::BlockQuote(_)) => {
                self.depth = self.depth.saturating_sub(1);
                None
            }
            Event::HardBreak => {
                self.breaks += 1;
                (self.breaks > limits.hard_breaks).then(|| {
                    expensive(format!(
                        "de tekst heeft meer dan {} harde regeleinden (een \\ of twee spaties aan het eind van de regel)",
                        limits.hard_breaks
                    ), "maak van losse regels alinea's (een lege regel ertussen) of een lijst")
                }).and_then(|f| self.once(2, f))
            }
            Event::Html(html) | Event::InlineHtml(html) if !html.trim_start().starts_with("<!--") => {
                self.html += 1;
                (self.html > limits.html).then(|| {
                    expensive(format!(
                        "de tekst heeft meer dan {} HTML-stukjes (zoals <span>)",
                        limits.html
                    ), "haal de HTML weg; de PDF toont ze niet en ze maken het document traag")
                }).and_then(|f| self.once(3, f))
            }
            Event::Text(words) | Event::Code(words) => {
                let longest = words.split_whitespace().map(|w| w.chars().count()).max()?;
                (longest > limits.word).then(|| {
                    expensive(format!(
                        "hier staat een woord van {longest} tekens zonder spatie; meer dan {} past niet in een PDF-regel",
                        limits.word
                    ), "zet spaties in de tekst, of laat een bijlage of lange link weg")
                }).and_then(|f| self.once(4, f))
            }
            Event::Start(Tag::HtmlBlock) if is_unclosed_comment(source) => self.once(5, Found {
                rule: &rules::UNCLOSED_COMMENT,
                message: "deze opmerking (<!--) wordt nergens afgesloten: alle tekst hierna valt weg uit de PDF".into(),
                hint: "zet --> aan het eind van de opmerking",
            }),
            _ => None,
        }
    }

    fn once(&mut self, which: usize, found: Found) -> Option<Found> {
        let first = !self.reported[which];
        self.reported[which] = true;
        first.then_some(found)
    }
}

fn expensive(message: String, hint: &'static str) -> Found {
    Found {
        rule: &rules::EXPENSIVE,
        message,
        hint,
    }
}

/// An HTML block that opens a comment and runs to the end of the text
/// without closing it (pulldown-cmark then swallows everything after it).
fn is_unclosed_comment(block: &str) -> bool {
    let Some(open) = block.find("<!--") else {
        return false;
    };
    let mut rest = &block[open + 4..];
    // Every comment opened in the block must be closed in it.
    loop {
        match rest.find("-->") {
            None => return true,
            Some(end) => match rest[end + 3..].find("<!--") {
                None => return false,
                Some(next) => rest = &rest[end + 3 + next + 4..],
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_comment_is_one_that_never_ends() {
        assert!(is_unclosed_comment("<!-- vraag\n\n## Visie\n"));
        assert!(is_unclosed_comment("<!-- a --> <!-- b\n"));
        assert!(!is_unclosed_comment("<!-- a -->\n"));
        assert!(!is_unclosed_comment("<!-- a\nb -->\n"));
    }
}
