//! Markdown → Typst markup, as a writer over pulldown-cmark events.
//!
//! Structure is produced with explicit function calls (`#emph[..];`,
//! `#list(..)`, `#table(..)`) and every piece of text is escaped, so no input
//! can produce Typst code or leave the box it was written in. Comments
//! (`<!-- … -->`, the guidance of `pva new`) are never printed.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::escape::{push_markup, typst_str};
use crate::case::{Comments, markdown_options, strip_privacy_markers};

/// Converts Markdown `source` to Typst markup. Privacy markers are notes
/// for the reviewer, not text of the form: they are left out.
pub fn to_typst(source: &str) -> String {
    let source = strip_privacy_markers(source);
    let mut writer = Writer::default();
    for event in Parser::new_ext(&source, markdown_options()) {
        writer.event(event);
    }
    writer.out.trim().to_string()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Set while inside a code block: its text is collected, then written as one `#raw`.
    code: Option<String>,
    /// Raw HTML is printed literally, except its comments.
    comments: Comments,
    /// Set while inside a heading: where it starts in `out`, and whether
    /// it has any text yet (a heading without text is left out: it holds
    /// nothing the user wrote, and PDF/UA refuses an empty heading).
    heading: Option<Heading>,
}

/// A heading being written.
struct Heading {
    start: usize,
    close: &'static str,
    has_text: bool,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                self.mark_text(&text);
                push_markup(&mut self.out, &text);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let visible = self.comments.filter(&html);
                push_markup(&mut self.out, &visible);
            }
            Event::Code(code) => {
                self.mark_text(&code);
                self.call("raw", &typst_str(&code));
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => push_markup(&mut self.out, &text),
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak();"),
            Event::Rule => self.out.push_str("#line(length: 100%, stroke: 0.5pt);\n\n"),
            Event::TaskListMarker(done) => self.out.push_str(if done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(name) => push_markup(&mut self.out, &format!("[^{name}]")),
        }
    }

    fn call(&mut self, function: &str, args: &str) {
        self.out.push('#');
        self.out.push_str(function);
        self.out.push('(');
        self.out.push_str(args);
        self.out.push_str(");");
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => self.start_heading(level),
            Tag::BlockQuote(_) => self.out.push_str("#quote(block: true)["),
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::List(first) => self.start_list(first),
            Tag::Item => self.out.push('['),
            Tag::Table(alignments) => self.start_table(&alignments),
            Tag::TableHead => self.out.push_str("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.out.push('['),
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            Tag::Link { dest_url, .. } => self.start_link(&dest_url),
            Tag::Image { .. } => self.out.push_str("#emph["),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if matches!(tag, TagEnd::HtmlBlock | TagEnd::Paragraph) {
            self.comments.end_block();
        }
        match tag {
            TagEnd::Paragraph => self.out.push_str("\n\n"),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => self.out.push_str("];\n\n"),
            TagEnd::List(_) | TagEnd::Table => self.out.push_str(");\n\n"),
            TagEnd::Item => self.out.push_str("], "),
            TagEnd::TableHead => self.out.push_str("), "),
            TagEnd::TableCell => self.out.push_str("], "),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Image
            | TagEnd::Link => self.out.push_str("];"),
            _ => {}
        }
    }

    fn start_list(&mut self, first: Option<u64>) {
        match first {
            Some(start) => self.out.push_str(&format!("#enum(start: {start}, ")),
            None => self.out.push_str("#list("),
        }
    }

    fn start_table(&mut self, alignments: &[Alignment]) {
        let align: Vec<&str> = alignments.iter().map(|a| align_name(*a)).collect();
        self.out.push_str(&format!(
            "#table(columns: {}, align: ({},), ",
            alignments.len().max(1),
            align.join(", ")
        ));
    }

    fn start_link(&mut self, url: &str) {
        if is_safe_url(url) {
            self.out.push_str(&format!("#link({})[", typst_str(url)));
        } else {
            // Shown as plain text: other schemes (file:, javascript:) are not links in a form.
            self.out.push_str("#[");
        }
    }

    fn end_code_block(&mut self) {
        let code = self.code.take().unwrap_or_default();
        let code = code.strip_suffix('\n').unwrap_or(&code);
        self.out
            .push_str(&format!("#raw(block: true, {});\n\n", typst_str(code)));
    }
}

impl Writer {
    /// A heading the user writes is a real heading (tagged H3 in the PDF,
    /// under the section band's H2), drawn bold by the layout; `####` and
    /// deeper are also italic. All are level 3, so no level is skipped
    /// however the user numbers them.
    fn start_heading(&mut self, level: HeadingLevel) {
        let start = self.out.len();
        self.out.push_str("#heading(level: 3)[");
        let close = match level {
            HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3 => "];\n\n",
            _ => {
                self.out.push_str("#emph[");
                "]];\n\n"
            }
        };
        self.heading = Some(Heading {
            start,
            close,
            has_text: false,
        });
    }

    fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        if heading.has_text {
            self.out.push_str(heading.close);
        } else {
            self.out.truncate(heading.start);
        }
    }

    fn mark_text(&mut self, text: &str) {
        if let Some(heading) = &mut self.heading
            && !text.trim().is_empty()
        {
            heading.has_text = true;
        }
    }
}

fn align_name(alignment: Alignment) -> &'static str {
    match alignment {
        Alignment::None | Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Right => "right",
    }
}

/// Only web and mail links become clickable; anything else stays text.
fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::to_typst;

    #[test]
    fn comments_are_never_printed() {
        assert_eq!(
            to_typst("<!-- weg -->\n\nStap <!-- ook weg --> één.\n\n<!-- a\nb\nc -->\n"),
            "Stap  één\\."
        );
        // Other raw HTML is still printed literally.
        assert_eq!(to_typst("<b>x</b>"), "\\<b\\>x\\<\\/b\\>");
    }
}
