//! Cutting a document body at its level-2 headings: each `## Kop` names a
//! question of the form, the text under it answers it. Part of reading a
//! case file, so the Markdown dialect pva reads is defined here too.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The Markdown extensions pva reads: the same for cutting the body here
/// and for writing Typst later, so both see the same headings.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// The body of a document, cut at its `##` headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Sections<'a> {
    /// Text before the first heading: general notes.
    pub notes: &'a str,
    /// The headed sections, in order.
    pub sections: Vec<Section<'a>>,
}

/// One `##` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Section<'a> {
    /// The heading text, trimmed.
    pub title: String,
    /// Byte offset of the heading's `#` in the body.
    pub offset: usize,
    /// Byte offset of the text under the heading.
    pub body_offset: usize,
    /// The Markdown under the heading.
    pub markdown: &'a str,
}

/// Splits `body` at its level-2 headings (not those inside code blocks).
pub(super) fn split(body: &str) -> Sections<'_> {
    let mut heads: Vec<(String, usize, usize)> = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                current = Some((String::new(), range.start));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((title, start)) = current.take() {
                    heads.push((title.trim().to_string(), start, range.end));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((title, _)) = &mut current {
                    title.push_str(&text);
                }
            }
            _ => {}
        }
    }
    let notes_end = heads.first().map_or(body.len(), |(_, start, _)| *start);
    let sections = heads
        .iter()
        .enumerate()
        .map(|(i, (title, start, end))| {
            let next = heads.get(i + 1).map_or(body.len(), |(_, s, _)| *s);
            Section {
                title: title.clone(),
                offset: *start,
                body_offset: *end,
                markdown: &body[*end..next],
            }
        })
        .collect();
    Sections {
        notes: &body[..notes_end],
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_level_two_headings_only() {
        let body =
            "Notitie.\n\n## Te nemen stappen\n\nStap 1.\n\n### Sub\n\n## Visie werknemer\nGoed.\n";
        let split = split(body);
        assert_eq!(split.notes, "Notitie.\n\n");
        assert_eq!(split.sections.len(), 2);
        assert_eq!(split.sections[0].title, "Te nemen stappen");
        assert_eq!(split.sections[0].markdown, "\nStap 1.\n\n### Sub\n\n");
        assert_eq!(split.sections[1].title, "Visie werknemer");
        assert_eq!(&body[split.sections[1].offset..][..2], "##");
    }

    #[test]
    fn ignores_headings_in_code_blocks() {
        let split = split("```\n## niet\n```\n");
        assert!(split.sections.is_empty());
    }
}
