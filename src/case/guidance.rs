//! Guidance in a Markdown text: HTML comments (`<!-- … -->`). The skeletons
//! of `pva new` write what a question asks as a comment under its heading,
//! so it stays visible in the editor but is never printed and never counts
//! as an answer: a section with only guidance is blank.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::marker::strip_privacy_markers;
use super::sections::markdown_options;

/// Separates raw HTML into what is printed and the comments. A comment may
/// span several raw-HTML events (pulldown-cmark gives an HTML block one
/// event per line), so an open comment is carried to the next event.
#[derive(Debug, Default)]
pub struct Comments {
    open: Option<String>,
    /// The text of every finished comment, in order.
    pub found: Vec<String>,
}

impl Comments {
    /// Feeds one raw-HTML event; returns its text outside comments.
    pub fn filter(&mut self, html: &str) -> String {
        let mut visible = String::new();
        let mut rest = html;
        loop {
            match self.open.as_mut() {
                Some(comment) => match rest.find("-->") {
                    Some(end) => {
                        comment.push_str(&rest[..end]);
                        self.close();
                        rest = &rest[end + 3..];
                    }
                    None => {
                        comment.push_str(rest);
                        return visible;
                    }
                },
                None => match rest.find("<!--") {
                    Some(start) => {
                        visible.push_str(&rest[..start]);
                        self.open = Some(String::new());
                        rest = &rest[start + 4..];
                    }
                    None => {
                        visible.push_str(rest);
                        return visible;
                    }
                },
            }
        }
    }

    /// Ends a block: a comment never reaches past the block it opened in.
    pub fn end_block(&mut self) {
        self.close();
    }

    fn close(&mut self) {
        if let Some(comment) = self.open.take() {
            self.found.push(comment);
        }
    }
}

/// True when `markdown` prints nothing: only whitespace, guidance and
/// privacy markers (which are notes for the reviewer, never printed).
pub fn is_blank(markdown: &str) -> bool {
    let markdown = strip_privacy_markers(markdown);
    if !markdown.contains("<!--") {
        return markdown.trim().is_empty();
    }
    let mut comments = Comments::default();
    Parser::new_ext(&markdown, markdown_options()).all(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => comments.filter(&html).trim().is_empty(),
        Event::Text(text) | Event::Code(text) => text.trim().is_empty(),
        Event::End(TagEnd::HtmlBlock | TagEnd::Paragraph) => {
            comments.end_block();
            true
        }
        Event::Start(Tag::Image { .. }) => false,
        Event::Start(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak => true,
        _ => false,
    })
}

/// The guidance comments of `markdown`, in order, each on one line with its
/// whitespace collapsed; empty comments are left out.
pub fn guidance(markdown: &str) -> Vec<String> {
    if !markdown.contains("<!--") {
        return Vec::new();
    }
    let mut comments = Comments::default();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                comments.filter(&html);
            }
            Event::End(TagEnd::HtmlBlock | TagEnd::Paragraph) => comments.end_block(),
            _ => {}
        }
    }
    comments.end_block();
    comments
        .found
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_only_comments_is_blank() {
        assert!(is_blank("\n<!-- Welke stappen?\n   Met data. -->\n\n"));
        assert!(is_blank("  \n"));
        assert!(!is_blank("<!-- uitleg -->\nStap 1.\n"));
        assert!(!is_blank("Stap 1. <!-- uitleg -->"));
    }

    #[test]
    fn a_comment_in_code_is_text() {
        assert!(!is_blank("`<!-- geen uitleg -->`"));
        assert!(!is_blank("```\n<!-- geen uitleg -->\n```\n"));
        assert!(guidance("    <!-- code -->\n").is_empty());
    }

    #[test]
    fn guidance_is_each_comment_on_one_line() {
        let text = "\n<!-- Welke stappen worden genomen?\n  Met data. -->\n\nTekst <!-- inline --> meer.\n<!---->\n";
        assert_eq!(
            guidance(text),
            ["Welke stappen worden genomen? Met data.", "inline"]
        );
    }

    #[test]
    fn an_unclosed_comment_ends_with_its_block() {
        assert_eq!(guidance("<!-- open\nnog open\n"), ["open nog open"]);
        assert!(is_blank("<!-- open\nnog open\n"));
    }
}
