//! Looking words up: medical terms (listed in `terms`), the parts of Dutch
//! compounds (`knie` + `blessure`), and the heads that make a compound
//! ordinary (`corona` + `maatregelen`). Terms match at the start of a word
//! or of a part after a hyphen, never inside a word, so `terug` or
//! `contractbreuk` never trip it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::terms::{
    BODY, BODY_PARTS, COMPLAINT, COMPLAINTS, FREE_HEADS, HEADS, ORDINARY_HEADS, ORDINARY_PHRASES,
    PLACE_HEADS, SUBSTANCE, SUBSTANCES, TERMS, VERB as VERB_FORMS,
};

/// What a term names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A diagnosis or the nature of complaints (PVA040).
    Diagnosis,
    /// A kind of treatment, examination or medication (PVA041).
    Treatment,
    /// A kind of behandelaar (PVA041). It can as well be the employee's
    /// own job or a colleague.
    Provider,
    /// A place of care: a hospital, a clinic (PVA041). Often the
    /// workplace; medical only where the employee is the patient there.
    Place,
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
    /// Only with one of these words within a few words on either side
    /// (`slaapt sinds het ongeval slecht`, `verliest regelmatig zijn
    /// evenwicht`; not `slaapt bij zijn moeder`).
    Qualified(&'static [&'static str]),
    /// Next to a body part or about a person (`zijn rug is stijf`,
    /// `werknemer is 's ochtends stijf`; not `een stijve procedure`).
    BodyOrPerson,
    /// Only about a person (`hij voelt zich somber`, not `sombere cijfers`).
    Person,
    /// Only with a sign of a patient or a place of care in the clause
    /// (`opgenomen in het ziekenhuis`, not `verlof opgenomen`).
    Care,
}

/// Which words a term counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ends {
    /// At the start of any word; the rest is read as a compound's second
    /// part (`burn-out|klachten`, `corona|maatregelen`).
    Any,
    /// Only as a whole word (`ms`, not `msn`).
    Whole,
    /// Only as a whole word with one of these endings (`moe`, `moeheid`;
    /// not `moeder`).
    Forms(&'static [&'static str]),
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
    /// Which words it counts in.
    pub ends: Ends,
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
    /// Whether the word is a plural (`huisartsen`, `psychologen`): the
    /// colleagues or the work, rarely one's own behandelaar.
    pub plural: bool,
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
/// Body parts, complaints and substances, longest first within each
/// (`knieschijf` before `knie`); [`first_part_class`] says which is which.
static FIRST_PART_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(first_parts);
static FIRST_PARTS: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(FIRST_PART_LIST.iter().copied()));
static HEAD_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(HEADS.iter().map(|(h, ..)| *h)));
static ORDINARY_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(ORDINARY_HEADS.iter().copied()));
static PLACE_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(PLACE_HEADS.iter().copied()));

/// The first parts of compounds, each with its class, longest first so a
/// leftmost-first search finds `knieschijf`, not `knie`.
fn first_parts() -> Vec<&'static str> {
    let mut parts: Vec<&'static str> = BODY_PARTS
        .iter()
        .chain(COMPLAINTS)
        .chain(SUBSTANCES)
        .copied()
        .collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    parts
}

/// Whether `part` is a body part, a complaint or a substance.
fn first_part_class(part: &str) -> u8 {
    if BODY_PARTS.contains(&part) {
        BODY
    } else if COMPLAINTS.contains(&part) {
        COMPLAINT
    } else if SUBSTANCES.contains(&part) {
        SUBSTANCE
    } else {
        0
    }
}

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
/// of a body part, complaint or substance and a medical head. `window`
/// holds at most [`WINDOW`] characters of the text; `cut` says whether the
/// text goes on; `in_compound` that the window starts after a hyphen,
/// where whole-word terms do not count (`ICT-specialist`).
pub(super) fn lookup(window: &str, cut: bool, in_compound: bool) -> Match {
    let word_end = |from: usize| {
        window[from..]
            .find(|c: char| !is_word_char(c))
            .map_or(window.len(), |i| from + i)
    };
    let word = &window[..word_end(0)];
    let Some((id, end)) = starts_with_any(&TERM_AUTOMATON, window) else {
        return participle(word).unwrap_or_else(|| compound(word));
    };
    let Some(entry) = id.checked_sub(ORDINARY_PHRASES.len()).map(|i| TERMS[i]) else {
        return Match::Ordinary;
    };
    let rest_end = word_end(end);
    let rest = &window[end..rest_end];
    let open_ended = cut && rest_end == window.len();
    let whole_word = !in_compound && !open_ended && (rest.is_empty() || rest.starts_with('-'));
    let counts = match entry.ends {
        Ends::Any => true,
        Ends::Whole => whole_word,
        Ends::Forms(endings) => {
            !in_compound && !open_ended && (endings.contains(&rest) || doubled(entry, rest))
        }
    };
    if !counts {
        // `suikerwaarden` is no `suiker`, but may still be a compound.
        return compound(word);
    }
    let plural = entry.text.ends_with("en")
        || matches!(rest, "s" | "n")
        || (word.ends_with("en") && !entry.text.ends_with('e'));
    let rest = if matches!(entry.ends, Ends::Forms(_)) {
        ""
    } else {
        rest
    };
    judge_rest(entry, rest, word, plural)
}

/// A verb listed by a stem with a short vowel doubles its last consonant
/// before `en`, `end`: `snik` → `snikken`, `snikkend`.
fn doubled(entry: Term, rest: &str) -> bool {
    let Ends::Forms(endings) = entry.ends else {
        return false;
    };
    let Some(last) = entry.text.chars().last() else {
        return false;
    };
    endings == VERB_FORMS
        && !"aeiou".contains(last)
        && rest
            .strip_prefix(last)
            .is_some_and(|r| matches!(r, "en" | "end" | "ende"))
}

/// The past participle of a listed complaint verb: `ge` + its stem + `d`
/// or `t` (`gekokhalsd`, `gepiekerd`, `gebraakt`), so every verb listed
/// by its stem counts in all its forms.
fn participle(word: &str) -> Option<Match> {
    let stem_and_ending = word.strip_prefix("ge")?;
    let (id, end) = starts_with_any(&TERM_AUTOMATON, stem_and_ending)?;
    let entry = TERMS.get(id.checked_sub(ORDINARY_PHRASES.len())?)?;
    let is_verb = matches!(entry.ends, Ends::Forms(endings) if endings == VERB_FORMS);
    (is_verb && matches!(&stem_and_ending[end..], "d" | "t")).then_some(Match::Medical(Found {
        term: entry.text,
        kind: entry.kind,
        need: entry.need,
        plural: false,
    }))
}

/// A listed term followed by `rest`, the remainder of its `word`.
fn judge_rest(entry: Term, rest: &str, word: &str, plural: bool) -> Match {
    let found = Found {
        term: entry.text,
        kind: entry.kind,
        need: entry.need,
        plural,
    };
    // A plural is the word itself, no compound: `operaties`.
    if matches!(rest, "s" | "n" | "en" | "'s") {
        return Match::Medical(found);
    }
    let head = second_part(rest);
    if head.is_empty() {
        return Match::Medical(found);
    }
    if starts_with_any(&ORDINARY_AUTOMATON, head).is_some() || ends_ordinary(word) {
        return Match::Ordinary;
    }
    let place = PLACE_HEADS
        .iter()
        .any(|p| head.starts_with(p) || ends_with_head(word, p));
    if entry.kind != Kind::Diagnosis && place {
        return Match::Medical(Found {
            kind: Kind::Place,
            plural: false,
            ..found
        });
    }
    // `operatiedatum`, `klachtenpatroon`: a compound says more than the
    // word alone.
    let need = if matches!(entry.need, Need::Cue | Need::Person) {
        Need::Nothing
    } else {
        entry.need
    };
    Match::Medical(Found { need, ..found })
}

/// Whether `word` ends in `head`, bare or as a plural (`…praktijk`,
/// `…praktijken`).
fn ends_with_head(word: &str, head: &str) -> bool {
    ["", "s", "en", "n"].iter().any(|plural| {
        word.strip_suffix(plural)
            .is_some_and(|w| w.len() > head.len() && w.ends_with(head))
    })
}

/// Whether the last part of `word` makes it ordinary, whatever came
/// before (`hoofdpijn|dossier`, `infuus|zakken`).
fn ends_ordinary(word: &str) -> bool {
    ORDINARY_HEADS
        .iter()
        .filter(|h| h.len() >= 4)
        .any(|h| ends_with_head(word, h))
}

/// `knie` + `blessure`, `stress` + `klachten`, `bloed` + `suiker` +
/// `waarden`: a medical compound. First parts may follow each other;
/// the head decides, if it takes the last first part's class.
fn compound(word: &str) -> Match {
    let mut at = 0;
    while let Some((id, end)) = starts_with_any(&FIRST_PARTS, &word[at..]) {
        let class = first_part_class(FIRST_PART_LIST[id]);
        at += end;
        let head = second_part(&word[at..]);
        at = word.len() - head.len();
        let Some((id, _)) = starts_with_any(&HEAD_AUTOMATON, head) else {
            // `schouder|luxatie`, `knie|reconstructie`: a body part before a
            // listed term of any kind.
            if class == BODY
                && let Some(found) = listed_head(head)
                && !ends_ordinary(word)
            {
                return Match::Medical(found);
            }
            continue;
        };
        let (text, kind, takes) = HEADS[id];
        if takes & class == 0 || ends_ordinary(word) {
            return Match::None;
        }
        return Match::Medical(Found {
            term: text,
            kind,
            need: Need::Nothing,
            plural: false,
        });
    }
    Match::None
}

/// A listed term that counts anywhere in a word (`luxatie`, `ruptuur`,
/// `hernia`), as the head of a compound after a body part.
fn listed_head(head: &str) -> Option<Found> {
    let (id, _) = starts_with_any(&TERM_AUTOMATON, head)?;
    let entry = TERMS.get(id.checked_sub(ORDINARY_PHRASES.len())?)?;
    (entry.ends == Ends::Any && entry.need == Need::Nothing).then_some(Found {
        term: entry.text,
        kind: entry.kind,
        need: Need::Nothing,
        plural: false,
    })
}

/// The medical head `word` ends with, after a first part
/// (`gedragstherapie`, `suikerziekte`).
pub(super) fn free_head(word: &str) -> Option<Found> {
    FREE_HEADS
        .iter()
        // `word` is lowercased already: a plain suffix compare.
        .find(|(head, _)| word.len() > head.len() && word.ends_with(head))
        .map(|(head, kind)| Found {
            term: head,
            kind: *kind,
            need: Need::Nothing,
            plural: head.ends_with("en"),
        })
}

/// The second part of a compound: `rest` without a joining `-`, `s` or
/// `en` (`zwangerschaps|verlof`, `corona-|maatregelen`,
/// `huisartsen|praktijk`).
fn second_part(rest: &str) -> &str {
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let known = |part: &str| {
        starts_with_any(&ORDINARY_AUTOMATON, part).is_some()
            || starts_with_any(&HEAD_AUTOMATON, part).is_some()
            || starts_with_any(&PLACE_AUTOMATON, part).is_some()
            || starts_with_any(&FIRST_PARTS, part).is_some()
    };
    // A head as written comes first: `nier|stenen`, not `nier|s|tenen`.
    let head = |part: &str| {
        starts_with_any(&HEAD_AUTOMATON, part).is_some()
            || starts_with_any(&ORDINARY_AUTOMATON, part).is_some()
    };
    if head(rest) {
        return rest;
    }
    ["s", "en", "e"]
        .iter()
        .filter_map(|link| rest.strip_prefix(link))
        .find(|unlinked| known(unlinked))
        .unwrap_or(rest)
}

/// Whether the lowercased `word` is a body part (`knie`, `rechterarm`,
/// `schouders`).
pub(super) fn is_body_part(word: &str) -> bool {
    let word = ["rechter", "linker", "onder", "boven"]
        .iter()
        .find_map(|side| word.strip_prefix(side))
        .unwrap_or(word);
    // `rug|spieren`, `knie|banden`: a body part of a body part.
    if let Some((id, end)) = starts_with_any(&FIRST_PARTS, word)
        && end < word.len()
        && first_part_class(FIRST_PART_LIST[id]) == BODY
        && is_simple_body_part(&word[end..])
    {
        return true;
    }
    is_simple_body_part(word)
}

/// Whether `word` is a listed body part, as a plural or diminutive too.
fn is_simple_body_part(word: &str) -> bool {
    // Diminutives too: `rugje`, `handje`, `stuitje`.
    BODY_PARTS.iter().any(|part| {
        word.strip_prefix(part)
            .is_some_and(|rest| matches!(rest, "" | "s" | "en" | "je" | "jes" | "tje" | "tjes"))
    })
}
