//! Escaping of case text for Typst: one function for markup positions, one for
//! string literals. Every piece of text from a case file passes through one of
//! these, so it is always shown literally and never runs as Typst code.

/// Escapes `text` for a Typst markup (content) position.
///
/// Every character with a meaning in markup gets a backslash; letters, digits
/// and whitespace never do (`\ ` would be a line break, `\u{..}` a code point).
/// Control characters are dropped, newlines become spaces: structure (line
/// breaks, paragraphs) is added by the caller, never taken from raw text.
pub fn typst_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_markup(&mut out, text);
    out
}

/// Appends `text`, escaped for markup, to `out`.
pub fn push_markup(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if is_markup_special(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

fn is_markup_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '#'
            | '['
            | ']'
            | '{'
            | '}'
            | '('
            | ')'
            | ';'
            | '*'
            | '_'
            | '`'
            | '$'
            | '<'
            | '>'
            | '@'
            | '='
            | '-'
            | '+'
            | '/'
            | '.'
            | ':'
            | '~'
            | '\''
            | '"'
    )
}

/// Quotes `text` as a Typst string literal, for code positions such as
/// `#link("…")` or `#raw("…")`. `#` becomes `\u{23}` so that a future string
/// interpolation in Typst cannot turn it into code.
pub fn typst_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '#' => out.push_str("\\u{23}"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_code_and_markup_characters() {
        assert_eq!(
            typst_markup(r#"#read("/etc/passwd") ]"#),
            r#"\#read\(\"\/etc\/passwd\"\) \]"#
        );
        assert_eq!(
            typst_markup("a_b *c* $x$ <l> @r"),
            r"a\_b \*c\* \$x\$ \<l\> \@r"
        );
    }

    #[test]
    fn markup_keeps_letters_digits_and_accents() {
        assert_eq!(
            typst_markup("Reïntegratie 2026 één"),
            "Reïntegratie 2026 één"
        );
    }

    #[test]
    fn markup_turns_newlines_into_spaces_and_drops_controls() {
        assert_eq!(typst_markup("a\nb\u{0}c\u{7}"), "a bc");
    }

    #[test]
    fn string_literal_quotes_and_hides_hash() {
        assert_eq!(typst_str("a\"b\\c#d\ne"), r#""a\"b\\c\u{23}d\ne""#);
    }
}
