//! Context: whether a medical term found in a text is about the employee's
//! health, or about the work. It reads the sentence only — a few words on
//! each side and the clause back to its subject — never the employer's
//! sector: a nurse's own hospital stay is as medical as a bricklayer's,
//! and a porter's hospital is a workplace in any dossier. A term costs
//! constant time, so a text stays linear.
//!
//! The verdict, in order:
//! 1. a term that needs a body part (`gebroken`, `opgezet`) is medical
//!    only with one in its clause;
//! 2. a clause about someone or something else (`een leerling heeft …`,
//!    `de collega die …`, `het project lag …`) is ordinary;
//! 3. a word that is unmistakably about a patient (`opgenomen`,
//!    `voorgeschreven`) makes a treatment or behandelaar medical;
//! 4. what is treated (`behandeling van een aanvraag`) or whose the
//!    complaint is (`de pijn van de reorganisatie`) decides;
//! 5. the nearest telling word decides (`naar de fysiotherapeut`, `werkt
//!    als verloskundige`, `leerlingen met ADHD`);
//! 6. a complaint that also describes things (`somber`) needs a person;
//!    a treatment, behandelaar or place in a clause about the work (`als
//!    planner`, `levert aan`, `voor cliënten`) is ordinary;
//! 7. else the term decides: a diagnosis, a treatment and one behandelaar
//!    are medical; behandelaars in the plural (colleagues) and places of
//!    care (workplaces) are not.

use super::cues::{
    Cue, Side, cue, is_conjunction, is_other, is_patient_in_clause, is_person, is_recipient,
    is_role, is_thing, starts_clause_subject,
};
use super::lexicon::{Found, Kind, Match, Need, is_body_part, lookup};

/// How far the telling words reach, in words on each side.
const REACH: usize = 5;

/// How far back a clause is read for its subject and its verbs.
const CLAUSE_REACH: usize = 12;

/// How far after a term a body part or a person is looked for
/// (`zijn knie is opgezet`, `stijfheid in beide handen`).
const AFTER_REACH: usize = 6;

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

/// Conjunctions after which a new subject starts, for reading who a
/// clause is about (`de collega die hem vervangt`, `omdat hij …`); `en`
/// only before a pronoun (`en hij …`), as it mostly joins words.
/// `die` and `waar` open a relative clause inside the subject's clause
/// (`de collega die hem vervangt, heeft griep`) and are no break.
const SUBJECT_BREAKS: &[&str] = &[
    "dat", "omdat", "doordat", "terwijl", "waardoor", "zodat", "maar", "want",
];

/// The telling words around a term.
struct Around<'w, 'a> {
    /// Cues before the term, nearest first.
    before: Vec<Option<Cue>>,
    /// Cues after the term, nearest first.
    after: Vec<Option<Cue>>,
    /// The words of the clause before the term, nearest first, at most
    /// [`CLAUSE_REACH`].
    earlier: Vec<&'w Word<'a>>,
    /// The words of the clause after the term, at most [`AFTER_REACH`].
    later: Vec<&'w Word<'a>>,
    /// The offset of the clause's subject when it is a job title, which
    /// names the employee, not the work.
    subject: Option<usize>,
}

impl Around<'_, '_> {
    /// Cues of the clause before the term, further back than `before`,
    /// and after it, further than `after`.
    fn clause_cues(&self) -> impl Iterator<Item = Cue> + '_ {
        self.earlier
            .iter()
            .skip(REACH)
            .chain(self.later.iter().skip(REACH))
            .filter(|w| Some(w.start) != self.subject)
            .filter_map(|w| cue(w.lower, Side::Before, None, CLAUSE_REACH))
    }

    /// Whether the clause is about the work: a job, a delivery, the people
    /// the work is for, a matter of the work (`als planner`, `levert aan`,
    /// `voor cliënten`, `aanvraag`).
    fn about_work(&self) -> bool {
        let near = self.before.iter().chain(&self.after).flatten().copied();
        near.chain(self.clause_cues()).any(|c| {
            matches!(
                c,
                Cue::Work | Cue::StrongWork | Cue::Recipient | Cue::Matter
            )
        })
    }

    /// Whether a body part is in the clause (`zijn knie is nog opgezet`).
    fn body_part(&self) -> bool {
        let mut previous = None;
        for word in self.earlier.iter().rev().chain(&self.later) {
            if is_body(word.lower, previous) {
                return true;
            }
            previous = Some(word.lower);
        }
        false
    }

    /// Whether the clause names a person as its subject or object
    /// (`hij`, `zich`, `werkneemster`, `Kees`).
    fn person(&self) -> bool {
        let first = self.earlier.last().map(|w| w.start);
        self.earlier
            .iter()
            .chain(&self.later)
            .any(|w| is_person(w.text, w.lower, Some(w.start) == first))
    }

    /// Whether the clause names a place of care, a behandelaar or a
    /// treatment (`opgenomen in het ziekenhuis`, `de uitslag van de scan`).
    fn care(&self) -> bool {
        self.earlier.iter().chain(&self.later).any(|w| {
            matches!(
                lookup(w.lower, false, false),
                Match::Medical(f) if f.kind != Kind::Diagnosis && f.need == Need::Nothing
            )
        })
    }

    /// Whether the clause says the employee is the patient (`zelf`, `ligt`).
    fn patient(&self) -> bool {
        self.earlier
            .iter()
            .chain(&self.later)
            .any(|w| is_patient_in_clause(w.lower))
    }
}

/// Whether the lowercase `word` is a body part; `previous` is the word
/// before it (`aan de hand van`, `het hoofd van de afdeling` are none).
fn is_body(word: &str, previous: Option<&str>) -> bool {
    is_body_part(word)
        && !(word == "hand" && previous == Some("de"))
        && !(word == "hoofd" && previous == Some("het"))
}

/// Whether `found`, in `words[index]` (through `words[last]` for a term of
/// several words), is a medical fact about the employee.
pub(super) fn is_medical(found: Found, words: &[Word<'_>], index: usize, last: usize) -> bool {
    // `zwangeren`, `kankerpatiënten`: the people the work is for.
    if is_recipient(words[index].lower) {
        return false;
    }
    let around = around(words, index, last);
    if found.need == Need::BodyPart && !around.body_part() {
        return false;
    }
    if about_someone_else(words, index) {
        return false;
    }
    let cues = || around.before.iter().chain(&around.after).flatten();
    if found.kind != Kind::Diagnosis && cues().any(|c| *c == Cue::StrongPatient) {
        return true;
    }
    if let Some(verdict) = object_of_treatment(found, words, last) {
        return verdict;
    }
    if let Some(verdict) = whose(found, words, last) {
        return verdict;
    }
    if found.need == Need::Person {
        // `een bedrijf dat krukken levert`: the work, not the person.
        return around.person() && !(found.kind != Kind::Diagnosis && around.about_work());
    }
    let nearest = (0..REACH)
        .flat_map(|i| [around.before.get(i), around.after.get(i)])
        .flatten()
        .flatten()
        .find_map(|c| says(found.kind, *c, &around));
    if let Some(verdict) = nearest {
        return verdict;
    }
    if found.need == Need::BodyPart {
        return true;
    }
    if found.kind != Kind::Diagnosis && around.patient() {
        return true;
    }
    if found.kind != Kind::Diagnosis && around.about_work() {
        return false;
    }
    default(found, &around)
}

/// Whether the part of the clause with `words[index]` is about someone or
/// something other than the employee: it opens with the people the work
/// is for, another person or a thing (`Een leerling in haar klas heeft
/// diabetes`, `de collega die hem vervangt`, `het project lag …`).
fn about_someone_else(words: &[Word<'_>], index: usize) -> bool {
    let clause = words[index].clause;
    let start = words[..index]
        .iter()
        .rposition(|w| w.clause != clause)
        .map_or(0, |i| i + 1);
    if index - start > CLAUSE_REACH {
        return false;
    }
    let part = &words[start..index];
    // The subject follows the last conjunction that starts a new one.
    let from = part
        .iter()
        .enumerate()
        .rev()
        .find(|(i, w)| {
            SUBJECT_BREAKS.contains(&w.lower)
                || (w.lower == "en"
                    && part
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.lower, "hij" | "zij" | "ze")))
        })
        .map_or(0, |(i, _)| i + 1);
    starts_clause_subject(part[from..].iter().map(|w| w.lower))
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
    // An adjective's noun may stand between: `emotionele problemen van
    // anderen`.
    let adjective = found.need == Need::Person;
    if next.next()?.lower != "van" && !(adjective && next.next()?.lower == "van") {
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

/// `de pijn van de reorganisatie`, `de griep van drie collega's`, `de
/// hartslag van het netwerk`, `de operatie van de verhuizing`, `de
/// medicatie van de bewoners`: a complaint or treatment of a thing or of
/// someone else is not the employee's. `van mevrouw Peters`, `van het
/// lange zitten` say nothing.
fn whose(found: Found, words: &[Word<'_>], last: usize) -> Option<bool> {
    let clause = words[last].clause;
    let mut next = words[last + 1..].iter().take_while(|w| w.clause == clause);
    // An adjective's noun may stand between: `emotionele problemen van
    // anderen`.
    let adjective = found.need == Need::Person;
    if next.next()?.lower != "van" && !(adjective && next.next()?.lower == "van") {
        return None;
    }
    let mut owners = next.filter(|w| {
        !matches!(
            w.lower,
            "de" | "het" | "een" | "die" | "deze" | "dit" | "dat"
        )
    });
    let mut owner = owners.next()?;
    // `een opname van drie dagen`: a length, not an owner; but `de griep
    // van drie collega's` is theirs: the word after the number decides.
    if owner.lower.starts_with(|c: char| c.is_ascii_digit()) || NUMBERS.contains(&owner.lower) {
        owner = owners.next()?;
        if !is_other(owner.lower) && !is_recipient(owner.lower) {
            return None;
        }
    }
    let other = is_other(owner.lower)
        || is_thing(owner.lower)
        || is_recipient(owner.lower)
        || matches!(
            cue(owner.lower, Side::After, None, 2),
            Some(Cue::Matter | Cue::Work | Cue::StrongWork)
        );
    // A treatment of anything but a person or a body (`de diagnose van
    // het probleem`) is a figure of speech; a complaint `van het lange
    // zitten` may still be the employee's.
    let anything = found.kind == Kind::Treatment
        && !is_person(owner.text, owner.lower, false)
        && !matches!(owner.lower, "zijn" | "mijn" | "eigen")
        && !is_body_part(owner.lower)
        && !matches!(lookup(owner.lower, false, false), Match::Medical(_));
    (other || anything).then_some(false)
}

/// Numbers that open a length or an amount (`van drie dagen`).
const NUMBERS: &[&str] = &[
    "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "enkele", "paar",
    "ruim", "bijna", "ongeveer", "circa", "ca",
];

/// The cue of the lowercase `word` in the object of `behandeling van`: a
/// medical term or complaints are a patient's, like a possessive.
fn object_cue(word: &str, distance: usize) -> Option<Cue> {
    if word == "klachten" || matches!(lookup(word, false, false), Match::Medical(_)) {
        return Some(Cue::Patient);
    }
    cue(word, Side::Before, None, distance)
}

/// The cues around `words[index..=last]`.
fn around<'w, 'a>(words: &'w [Word<'a>], index: usize, last: usize) -> Around<'w, 'a> {
    let clause = words[index].clause;
    let earlier: Vec<&Word<'_>> = words[..index]
        .iter()
        .rev()
        .take(CLAUSE_REACH)
        .take_while(|w| w.clause == clause)
        .collect();
    let later: Vec<&Word<'_>> = words[last + 1..]
        .iter()
        .take(AFTER_REACH)
        .take_while(|w| w.clause == clause)
        .collect();
    // The subject of the clause: a job title there names the employee.
    let opens = earlier.len() < CLAUSE_REACH;
    let subject = earlier
        .iter()
        .rev()
        .find(|w| !matches!(w.lower, "de" | "het" | "een" | "onze" | "ons"))
        .filter(|w| opens && is_role(w.lower))
        .map(|w| w.start);
    let mut before = Vec::new();
    for (i, word) in earlier.iter().take(REACH).enumerate() {
        let previous = earlier.get(i + 1).map(|w| w.lower);
        if Some(word.start) == subject {
            before.push(None);
            continue;
        }
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
    let after = later
        .iter()
        .take(REACH)
        .take_while(|w| !is_conjunction(w.lower))
        .enumerate()
        .map(|(i, w)| cue(w.lower, Side::After, None, i + 1))
        .collect();
    Around {
        before,
        after,
        earlier,
        later,
        subject,
    }
}

/// What `cue` says about a term of `kind`: medical, ordinary, or nothing.
fn says(kind: Kind, cue: Cue, around: &Around<'_, '_>) -> Option<bool> {
    match cue {
        Cue::Patient | Cue::StrongPatient | Cue::Body => Some(true),
        // `bij de psycholoog`, but `werkt bij de polikliniek`.
        Cue::WeakPatient if matches!(kind, Kind::Diagnosis | Kind::Place) => None,
        Cue::WeakPatient if around.about_work() => None,
        Cue::WeakPatient => Some(true),
        Cue::Recipient | Cue::Matter | Cue::Other => Some(false),
        // A diagnosis stays one at work: `haar collega's hebben corona`.
        Cue::Work | Cue::StrongWork if kind == Kind::Diagnosis => None,
        Cue::Work | Cue::StrongWork => Some(false),
        Cue::Role => (kind == Kind::Provider).then_some(false),
        Cue::InTreatment => (kind == Kind::Treatment).then_some(true),
    }
}

/// The verdict without cues: a diagnosis, a treatment and one behandelaar
/// are medical; behandelaars in the plural are colleagues and a place of
/// care is a workplace until a word says otherwise; a term that needs a
/// patient or a place of care stays ordinary without one.
fn default(found: Found, around: &Around<'_, '_>) -> bool {
    match (found.need, found.kind) {
        (Need::Cue, _) => false,
        (Need::Care, _) => around.care(),
        (_, Kind::Diagnosis | Kind::Treatment) => true,
        (_, Kind::Provider) => !found.plural,
        (_, Kind::Place) => false,
    }
}
