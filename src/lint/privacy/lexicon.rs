//! Looking words up: medical terms (listed in `terms`), the parts of Dutch
//! compounds (`knie` + `blessure`), and the heads that make a compound
//! ordinary (`corona` + `maatregelen`). Terms match at the start of a word
//! or of a part after a hyphen, never inside a word, so `terug` or
//! `contractbreuk` never trip it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::terms::{
    BODY_PARTS, COMPLAINTS, FREE_HEADS, HEADS, ORDINARY_HEADS, ORDINARY_PHRASES, PLACE_HEADS, TERMS,
};

/// What a term names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A diagnosis or the nature of complaints (PVA040).
    Diagnosis,
    /// A kind of treatment, examination or medication (PVA041).
    Treatment,
    /// A kind of behandelaar or place of care (PVA041). It can as well be
    /// the employee's own job or workplace.
    Provider,
}

/// What a term needs around it before it counts as medical.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    /// Medical unless the context makes it ordinary.
    Nothing,
    /// Ordinary unless a word nearby points at the employee's health
    /// (`operatie`: a business operation, or surgery on `zijn knie`).
    Cue,
    /// Only next to a body part (`gebroken enkel`, not `gebroken diensten`).
    BodyPart,
}

/// One entry of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Term {
    /// Lowercase text, matched at a word start.
    pub text: &'static str,
    /// What it names.
    pub kind: Kind,
    /// What it needs around it.
    pub need: Need,
    /// Whether only the whole word counts (`ms`, not `msn`).
    pub whole: bool,
}

/// A medical term found at a word start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    /// The term (for a compound: its head).
    pub term: &'static str,
    /// What the word names, after looking at its second part.
    pub kind: Kind,
    /// What it needs around it.
    pub need: Need,
}

/// Longest text a lookup reads from a word start, in bytes: every term and
/// a compound's second part fit in it, so a long word costs constant time.
pub(super) const WINDOW: usize = 64;

/// An anchored automaton over `patterns`. A contiguous NFA: it is built
/// three times faster than a DFA, and searches of a few bytes from a word
/// start do not need a DFA's speed.
fn automaton(patterns: impl IntoIterator<Item = &'static str>) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .expect("the word lists are small, fixed strings")
}

/// Ordinary phrases first, then the terms: one pass finds either.
static TERM_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(
        ORDINARY_PHRASES
            .iter()
            .copied()
            .chain(TERMS.iter().map(|t| t.text)),
    )
});
static FIRST_PARTS: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(BODY_PARTS.iter().chain(COMPLAINTS).copied()));
static HEAD_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(HEADS.iter().map(|(h, _)| *h)));
static ORDINARY_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(ORDINARY_HEADS.iter().copied()));
static PLACE_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(PLACE_HEADS.iter().copied()));

/// Length in bytes of the pattern of `automaton` that `text` starts with.
fn starts_with_any(automaton: &AhoCorasick, text: &str) -> Option<(usize, usize)> {
    let found = automaton.find(Input::new(text).anchored(Anchored::Yes))?;
    Some((found.pattern().as_usize(), found.end()))
}

/// What a word start holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Match {
    /// No term.
    None,
    /// A term in an ordinary compound (`coronamaatregelen`).
    Ordinary,
    /// A medical term, still to be judged in its context.
    Medical(Found),
}

/// Whether `c` belongs to a word (compounds keep their hyphens).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// What the lowercased `window` starts with: a listed term, or a compound
/// of a body part or complaint and a medical head. `window` holds at most
/// [`WINDOW`] characters of the text; `cut` says whether the text goes on;
/// `in_compound` that the window starts after a hyphen, where whole-word
/// terms do not count (`ICT-specialist`).
pub(super) fn lookup(window: &str, cut: bool, in_compound: bool) -> Match {
    let word_end = |from: usize| {
        window[from..]
            .find(|c: char| !is_word_char(c))
            .map_or(window.len(), |i| from + i)
    };
    let Some((id, end)) = starts_with_any(&TERM_AUTOMATON, window) else {
        return compound(&window[..word_end(0)]);
    };
    let Some(entry) = id.checked_sub(ORDINARY_PHRASES.len()).map(|i| TERMS[i]) else {
        return Match::Ordinary;
    };
    let rest_end = word_end(end);
    let rest = &window[end..rest_end];
    let open_ended = cut && rest_end == window.len();
    let whole_word = !in_compound && !open_ended && (rest.is_empty() || rest.starts_with('-'));
    if entry.whole && !whole_word {
        return Match::None;
    }
    judge_rest(entry, rest)
}

/// A listed term followed by `rest`, the remainder of its word.
fn judge_rest(entry: Term, rest: &str) -> Match {
    let found = Found {
        term: entry.text,
        kind: entry.kind,
        need: entry.need,
    };
    let head = second_part(rest);
    if head.is_empty() {
        return Match::Medical(found);
    }
    if starts_with_any(&ORDINARY_AUTOMATON, head).is_some() {
        return Match::Ordinary;
    }
    if entry.kind == Kind::Treatment && starts_with_any(&PLACE_AUTOMATON, head).is_some() {
        return Match::Medical(Found {
            kind: Kind::Provider,
            ..found
        });
    }
    Match::Medical(found)
}

/// `knie` + `blessure`, `stress` + `klachten`: a medical compound.
fn compound(word: &str) -> Match {
    let Some((_, end)) = starts_with_any(&FIRST_PARTS, word) else {
        return Match::None;
    };
    let head = second_part(&word[end..]);
    let Some((id, _)) = starts_with_any(&HEAD_AUTOMATON, head) else {
        return Match::None;
    };
    let (text, kind) = HEADS[id];
    Match::Medical(Found {
        term: text,
        kind,
        need: Need::Nothing,
    })
}

/// The medical head `word` ends with, after a first part
/// (`gedragstherapie`, `suikerziekte`).
pub(super) fn free_head(word: &str) -> Option<Found> {
    FREE_HEADS
        .iter()
        .find(|(head, _)| {
            let start = word.len().saturating_sub(head.len());
            start > 0 && word.is_char_boundary(start) && word[start..].eq_ignore_ascii_case(head)
        })
        .map(|(head, kind)| Found {
            term: head,
            kind: *kind,
            need: Need::Nothing,
        })
}

/// The second part of a compound: `rest` without a joining `-` or `s`
/// (`zwangerschaps|verlof`, `corona-|maatregelen`).
fn second_part(rest: &str) -> &str {
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let unlinked = rest.strip_prefix('s').unwrap_or(rest);
    if starts_with_any(&ORDINARY_AUTOMATON, unlinked).is_some()
        || starts_with_any(&HEAD_AUTOMATON, unlinked).is_some()
        || starts_with_any(&PLACE_AUTOMATON, unlinked).is_some()
    {
        unlinked
    } else {
        rest
    }
}

/// Whether the lowercased `word` is a body part (`knie`, `rechterarm`,
/// `schouders`).
pub(super) fn is_body_part(word: &str) -> bool {
    let word = word
        .strip_prefix("rechter")
        .or_else(|| word.strip_prefix("linker"))
        .unwrap_or(word);
    BODY_PARTS.iter().any(|part| {
        word.strip_prefix(part)
            .is_some_and(|rest| matches!(rest, "" | "s" | "en"))
    })
}
