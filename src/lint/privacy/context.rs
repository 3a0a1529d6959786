//! Context: whether a medical term found in a text is about the employee's
//! health, or about the work. It reads a few words on each side within the
//! same clause, and the employer and job from the dossier, so a term costs
//! constant time and a text stays linear.
//!
//! The verdict, in order:
//! 1. a term that needs a body part (`gebroken`) is medical only next to one;
//! 2. a word that is unmistakably about a patient (`opgenomen`,
//!    `voorgeschreven`) makes a treatment or behandelaar medical;
//! 3. otherwise the nearest telling word decides (`naar de fysiotherapeut`,
//!    `werkt als verloskundige`, `leerlingen met ADHD`);
//! 4. a clause about the people the work is for (`een leerling heeft …`)
//!    is ordinary; so is a treatment or place of care in a clause about
//!    delivering or building (`levert brood aan het ziekenhuis`), or about
//!    working, in a workplace of care (`werkt mee op de dagbehandeling`);
//! 5. else the term decides: a diagnosis is medical; a treatment is, unless
//!    it is the employer's own field; a behandelaar or place of care is,
//!    unless the employee works in care.

use super::cues::{
    Cue, Side, cue, is_conjunction, is_recipient, is_working, starts_clause_subject,
};
use super::lexicon::{Found, Kind, Match, Need, lookup};

/// How far the telling words reach, in words on each side.
const REACH: usize = 4;

/// How far back a clause is read for its subject and its verbs.
const CLAUSE_REACH: usize = 12;

/// A word of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    /// Byte offset in the paragraph.
    pub start: usize,
    /// The word as written.
    pub text: &'a str,
    /// The word in lowercase.
    pub lower: &'a str,
    /// Number of the clause (split at `.`, `!`, `?`, `;`, `:`).
    pub clause: usize,
}

/// Words in an employer's name or a job title that make it a workplace
/// of care, where behandelaars are colleagues and the hospital is the
/// office.
const CARE: &[&str] = &[
    "ziekenhuis",
    "medisch",
    "kliniek",
    "umc",
    "zorg",
    "ggz",
    "ggd",
    "apothe",
    "huisarts",
    "verloskund",
    "fysiotherap",
    "revalid",
    "verpleeg",
    "verzorg",
    "tandarts",
    "doktersassist",
    "psycholo",
    "psychiat",
    "ergotherap",
    "arts",
];

/// Fields of work: a term of the same field as the employer or the job
/// is the work itself (`fysiotherapie` at a fysiotherapiepraktijk).
const FIELDS: &[&str] = &[
    "fysiotherap",
    "verloskund",
    "ergotherap",
    "oefentherap",
    "haptotherap",
    "revalid",
    "psycholo",
    "psychiat",
    "logoped",
    "dialyse",
    "huisarts",
    "tandarts",
    "oncolo",
    "cardiolo",
    "neurolo",
    "chirurg",
];

/// The employee's workplace, from `werkgever.bedrijfsnaam` and
/// `werknemer.functie`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Workplace {
    /// Employer and job, lowercased.
    text: String,
    /// Whether it is a workplace of care.
    care: bool,
}

impl Workplace {
    /// The workplace of an employer named `employer` for a job `job`.
    pub(super) fn new(employer: &str, job: &str) -> Workplace {
        let text = format!("{employer} {job}").to_lowercase();
        let care = CARE.iter().any(|w| text.contains(w));
        Workplace { text, care }
    }

    /// Whether `term` belongs to the employer's or the job's own field.
    fn owns(&self, term: &str) -> bool {
        self.text.contains(term)
            || FIELDS
                .iter()
                .any(|f| term.starts_with(f) && self.text.contains(f))
    }
}

/// The telling words around a term.
struct Around {
    /// Cues before the term, nearest first.
    before: Vec<Option<Cue>>,
    /// Cues after the term, nearest first.
    after: Vec<Option<Cue>>,
    /// Cues of the clause before the term, further back than `before`.
    clause: Vec<Cue>,
    /// Whether the clause is about the people the work is for.
    about_recipients: bool,
    /// Whether the clause, before the term, is about working.
    working: bool,
}

/// Whether `found`, in `words[index]` (through `words[last]` for a term of
/// several words), is a medical fact about the employee.
pub(super) fn is_medical(
    found: Found,
    words: &[Word<'_>],
    index: usize,
    last: usize,
    workplace: &Workplace,
) -> bool {
    // `zwangeren`, `kankerpatiënten`: the people the work is for.
    if is_recipient(words[index].lower) {
        return false;
    }
    let around = around(words, index, last);
    let cues = || around.before.iter().chain(&around.after).flatten();
    if found.need == Need::BodyPart {
        return cues().any(|c| *c == Cue::Body);
    }
    if found.kind != Kind::Diagnosis && cues().any(|c| *c == Cue::StrongPatient) {
        return true;
    }
    if let Some(verdict) = object_of_treatment(found, words, last) {
        return verdict;
    }
    let nearest = (0..REACH)
        .flat_map(|i| [around.before.get(i), around.after.get(i)])
        .flatten()
        .flatten()
        .find_map(|c| says(found.kind, *c));
    if let Some(verdict) = nearest {
        return verdict;
    }
    let care_work = workplace.care && around.working;
    let building = around.clause.contains(&Cue::StrongWork);
    if around.about_recipients || (found.kind != Kind::Diagnosis && (building || care_work)) {
        return false;
    }
    default(found, workplace)
}

/// `behandeling van …`: what is treated decides. A request, a complaint
/// or people the work is for make it work (`de behandeling van een
/// aanvraag`); someone's body or complaints make it medical (`de
/// behandeling van haar rug`); anything else is a matter, not a patient.
fn object_of_treatment(found: Found, words: &[Word<'_>], last: usize) -> Option<bool> {
    if found.term != "behandeling" {
        return None;
    }
    let clause = words[last].clause;
    let mut next = words[last + 1..].iter().take_while(|w| w.clause == clause);
    if next.next()?.lower != "van" {
        return None;
    }
    let object: Vec<Option<Cue>> = next
        .take(3)
        .enumerate()
        .map(|(i, w)| object_cue(w.lower, i + 1))
        .collect();
    let work = object
        .iter()
        .flatten()
        .any(|c| matches!(c, Cue::Matter | Cue::Recipient));
    let medical = object
        .iter()
        .flatten()
        .any(|c| matches!(c, Cue::Patient | Cue::Body));
    Some(medical && !work)
}

/// What the lowercase `word` after `behandeling van` says: a medical term
/// or complaints are a patient's, like a possessive.
fn object_cue(word: &str, distance: usize) -> Option<Cue> {
    if word == "klachten" || matches!(lookup(word, false, false), Match::Medical(_)) {
        return Some(Cue::Patient);
    }
    cue(word, Side::Before, None, distance)
}

/// The cues around `words[index..=last]`.
fn around(words: &[Word<'_>], index: usize, last: usize) -> Around {
    let clause = words[index].clause;
    let earlier: Vec<&Word<'_>> = words[..index]
        .iter()
        .rev()
        .take(CLAUSE_REACH)
        .take_while(|w| w.clause == clause)
        .collect();
    let mut before = Vec::new();
    for (i, word) in earlier.iter().take(REACH).enumerate() {
        let previous = earlier.get(i + 1).map(|w| w.lower);
        // `patiënten die herstellen van een hartoperatie`: the clause is
        // about the word before `die`.
        if is_conjunction(word.lower) && word.lower != "en" {
            before.push(previous.and_then(|p| cue(p, Side::Before, None, i + 2)));
            break;
        }
        before.push(cue(word.lower, Side::Before, previous, i + 1));
    }
    // What follows a conjunction has a subject of its own:
    // `zij werkt als ergotherapeut en adviseert cliënten`.
    let after = words[last + 1..]
        .iter()
        .take(REACH)
        .take_while(|w| w.clause == clause && !is_conjunction(w.lower))
        .enumerate()
        .map(|(i, w)| cue(w.lower, Side::After, None, i + 1))
        .collect();
    let clause_cues = earlier
        .iter()
        .skip(REACH)
        .filter_map(|w| cue(w.lower, Side::Before, None, CLAUSE_REACH))
        .collect();
    let starts_clause = earlier.len() < CLAUSE_REACH;
    let about_recipients =
        starts_clause && starts_clause_subject(earlier.iter().rev().map(|w| w.lower));
    Around {
        before,
        after,
        clause: clause_cues,
        about_recipients,
        working: earlier.iter().any(|w| is_working(w.lower)),
    }
}

/// What `cue` says about a term of `kind`: medical, ordinary, or nothing.
fn says(kind: Kind, cue: Cue) -> Option<bool> {
    match cue {
        Cue::Patient | Cue::StrongPatient | Cue::Body => Some(true),
        Cue::Recipient | Cue::Matter => Some(false),
        // A diagnosis stays one at work: `haar collega's hebben corona`.
        Cue::Work | Cue::StrongWork if kind == Kind::Diagnosis => None,
        Cue::Work | Cue::StrongWork => Some(false),
    }
}

/// The verdict without cues: a diagnosis is medical; a treatment is,
/// unless it is the employer's own field; a behandelaar or place of care
/// is, unless the employee works in care.
fn default(found: Found, workplace: &Workplace) -> bool {
    match (found.need, found.kind) {
        (Need::Cue, _) => false,
        (_, Kind::Diagnosis) => true,
        (_, Kind::Treatment) => !workplace.owns(found.term),
        (_, Kind::Provider) => !(workplace.care || workplace.owns(found.term)),
    }
}
