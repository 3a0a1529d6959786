use super::*;

fn numbered(text: &str) -> Vec<(usize, u16)> {
    lines(text, None)
}

fn recorded(text: &str) -> Vec<u16> {
    decode(&encode(&numbered(text))).unwrap()
}

const SIGNED: &str = "a\nb\nc\nd\ne\n";

#[test]
fn only_changed_lines_are_changes() {
    assert_eq!(changes(&recorded(SIGNED), &numbered(SIGNED)), vec![]);
    // Spaces at the end of a line are a change: two are a line break in Markdown.
    assert_eq!(
        changes(&recorded(SIGNED), &numbered("a  \nb\nc\nd\ne\n")),
        vec![Change {
            first: 1,
            last: 1,
            removed: 1
        }]
    );
}

#[test]
fn a_changed_line_is_found_at_its_number() {
    assert_eq!(
        changes(&recorded(SIGNED), &numbered("a\nb\nC\nd\ne\n")),
        vec![Change {
            first: 3,
            last: 3,
            removed: 1
        }]
    );
}

#[test]
fn two_changes_apart_are_two_stretches() {
    assert_eq!(
        changes(&recorded(SIGNED), &numbered("A\nb\nc\nD\nD2\ne\n")),
        vec![
            Change {
                first: 1,
                last: 1,
                removed: 1
            },
            Change {
                first: 4,
                last: 5,
                removed: 1
            }
        ]
    );
}

#[test]
fn removed_lines_are_placed_before_the_line_after_them() {
    assert_eq!(
        changes(&recorded(SIGNED), &numbered("a\nd\ne\n")),
        vec![Change {
            first: 2,
            last: 1,
            removed: 2
        }]
    );
    assert_eq!(
        changes(&recorded(SIGNED), &numbered("a\nb\nc\n")),
        vec![Change {
            first: 4,
            last: 3,
            removed: 2
        }]
    );
}

#[test]
fn skipped_lines_keep_the_numbers_of_the_others() {
    let text = "a\nrecord\n  x\nb\n";
    let skip = 2..=3;
    let now = lines("a\nrecord\n  y\nB\n", Some(&skip));
    assert_eq!(
        changes(&decode(&encode(&lines(text, Some(&skip)))).unwrap(), &now),
        vec![Change {
            first: 4,
            last: 4,
            removed: 1
        }]
    );
}

#[test]
fn hashes_read_back_from_folded_yaml() {
    let hashes = numbered(SIGNED);
    let encoded = encode(&hashes);
    let folded = format!("{} {}", &encoded[..8], &encoded[8..]);
    assert_eq!(
        decode(&folded),
        Some(hashes.iter().map(|(_, h)| *h).collect())
    );
    assert_eq!(decode("abc"), None);
    assert_eq!(decode("zzzz"), None);
}
