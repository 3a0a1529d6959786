//! Context: whether a medical term found in a text is about the employee's
//! health, or about the work. It reads at most four words on each side
//! within the same clause, and the employer and job from the dossier, so a
//! term costs constant time and a text stays linear.

use super::lexicon::{Found, Kind, Need, is_body_part};

/// How far the context reaches, in words on each side.
const REACH: usize = 4;

/// A word of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset in the paragraph.
    pub start: usize,
    /// The word as written.
    pub text: &'a str,
    /// Number of the clause (split at `.`, `!`, `?`, `;`, `:`).
    pub clause: usize,
}

/// What a word near a term says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The employee as a patient: `haar`, `naar`, `afspraak`, `slikt`.
    Patient,
    /// Unmistakably the employee as a patient, wherever it stands in the
    /// clause: `opgenomen`, `voorgeschreven`, `patiënt`.
    StrongPatient,
    /// A body part: `knie`, `rechterarm`.
    Body,
    /// Work: the job, colleagues, the workplace, requests and files.
    Work,
    /// The people the work is for: `patiënten`, `leerlingen`, `klanten`.
    Recipient,
}

/// Before or after the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// Point at the employee as a patient when they stand before the term
/// (`haar huisarts`, `naar de fysiotherapeut`, `slikt medicijnen`).
const PATIENT_BEFORE: &[&str] = &[
    "haar", "zijn", "mijn", "eigen", "zelf", "naar", "afspraak", "wachtlijst", "sessie", "sessies",
    "controle", "consult", "ligt", "lag", "krijgt", "kreeg", "gebruikt", "slikt", "neemt",
    "spuit", "ingesteld", "voelt", "last", "onder", "wegens", "vanwege",
];

/// Point at the employee as a patient when they follow the term
/// (`de huisarts adviseert`, `de verloskundige van werkneemster`).
const PATIENT_AFTER: &[&str] = &[
    "geadviseerd",
    "adviseert",
    "geweest",
    "ondergaan",
    "onderzocht",
    "vastgesteld",
    "werknemer",
    "werkneemster",
    "medewerker",
    "medewerkster",
];

/// Point at the employee as a patient anywhere in the clause.
const STRONG_PATIENT: &[&str] = &[
    "patiënt",
    "opgenomen",
    "verwezen",
    "doorverwezen",
    "verwijzing",
    "voorgeschreven",
    "geopereerd",
    "gediagnosticeerd",
];

/// Words that start a new part of a sentence, with a subject of its own.
const CONJUNCTIONS: &[&str] = &[
    "en", "maar", "want", "omdat", "doordat", "terwijl", "die", "dat", "waar", "waardoor", "zodat",
];

/// Work words, whole.
const WORK: &[&str] = &[
    "als", "functie", "functies", "beroep", "vak", "werkt", "werkte", "werken", "gewerkt",
    "werkzaam", "werk", "baan", "collega", "collegae", "stage", "assisteert",
    "assisteren", "ondersteunt", "personeel", "organisatie", "bedrijf", "nieuwbouw",
    "verbouwing", "levert", "bezorgt", "route", "routes", "leverancier", "gelijke", "ongelijke",
    "eerlijke", "oneerlijke", "klacht", "zaak", "zaken", "polis", "contract", "office", "word",
    "excel", "outlook", "planning", "docent", "leerkracht",
];

/// Work nouns, also as the head of a compound (`uitkeringsaanvraag`).
const WORK_HEADS: &[&str] = &[
    "aanvraag",
    "aanvragen",
    "verzoek",
    "verzoeken",
    "bezwaar",
    "bezwaren",
    "bezwaarschrift",
    "bezwaarschriften",
    "dossier",
    "dossiers",
    "declaratie",
    "declaraties",
    "factuur",
    "facturen",
    "offerte",
    "offertes",
    "order",
    "orders",
    "bestelling",
    "bestellingen",
    "claim",
    "claims",
    "melding",
    "meldingen",
    "magazijn",
    "project",
    "rooster",
    "roosters",
    "dienst",
    "diensten",
    "afdeling",
    "afdelingen",
    "team",
    "teams",
    "opleiding",
    "medewerkers",
];

/// The people the work is for, also as the head of a compound
/// (`kankerpatiënten`).
const RECIPIENTS: &[&str] = &[
    "patiënten",
    "cliënten",
    "bewoners",
    "leerlingen",
    "kinderen",
    "zwangeren",
    "kraamvrouwen",
    "klanten",
    "gasten",
    "mensen",
    "ouderen",
    "deelnemers",
    "studenten",
    "jongeren",
    "sporters",
    "slachtoffers",
    "zorgvragers",
    "reizigers",
    "passagiers",
    "bezoekers",
    "ouders",
];

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
pub struct Workplace {
    /// Employer and job, lowercased.
    text: String,
    /// Whether it is a workplace of care.
    care: bool,
}

impl Workplace {
    /// The workplace of an employer named `employer` for a job `job`.
    pub fn new(employer: &str, job: &str) -> Workplace {
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

/// Whether `found`, in `words[index]` (through `words[last]` for a term of
/// several words), is a medical fact about the employee.
pub fn is_medical(
    found: Found,
    words: &[Word<'_>],
    index: usize,
    last: usize,
    workplace: &Workplace,
) -> bool {
    let clause = words[index].clause;
    let before = words[..index]
        .iter()
        .rev()
        .take(REACH)
        .take_while(|w| w.clause == clause);
    // What follows a conjunction or `die` has a subject of its own:
    // `zij werkt als ergotherapeut en adviseert cliënten`.
    let after = words[last + 1..]
        .iter()
        .take(REACH)
        .take_while(|w| w.clause == clause && !is_conjunction(w.text));
    let before: Vec<Option<Cue>> = before
        .enumerate()
        .map(|(i, w)| {
            let previous = (index - i - 1).checked_sub(1).map(|j| &words[j]);
            cue(w.text, Side::Before, previous)
        })
        .collect();
    let after: Vec<Option<Cue>> = after.map(|w| cue(w.text, Side::After, None)).collect();
    verdict(found, &before, &after, workplace)
}

fn is_conjunction(word: &str) -> bool {
    CONJUNCTIONS.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// The verdict from the cues before (nearest first) and after the term.
fn verdict(
    found: Found,
    before: &[Option<Cue>],
    after: &[Option<Cue>],
    workplace: &Workplace,
) -> bool {
    let all = || before.iter().chain(after).flatten();
    if found.need == Need::BodyPart {
        return all().any(|c| *c == Cue::Body);
    }
    if found.kind != Kind::Diagnosis && all().any(|c| *c == Cue::StrongPatient) {
        return true;
    }
    let nearest = (0..REACH)
        .flat_map(|i| [before.get(i), after.get(i)])
        .flatten()
        .flatten()
        .find_map(|c| says(found.kind, *c));
    nearest.unwrap_or_else(|| default(found, workplace))
}

/// What `cue` says about a term of `kind`: medical, ordinary, or nothing.
fn says(kind: Kind, cue: Cue) -> Option<bool> {
    match cue {
        Cue::Patient | Cue::StrongPatient | Cue::Body => Some(true),
        Cue::Recipient => Some(false),
        // A diagnosis stays one at work: `haar collega's hebben corona`.
        Cue::Work if kind == Kind::Diagnosis => None,
        Cue::Work => Some(false),
    }
}

/// The verdict without cues: a diagnosis is medical; a treatment is,
/// unless it is the employer's own field; a behandelaar or place of care
/// is, unless the employee works in care or in that field.
fn default(found: Found, workplace: &Workplace) -> bool {
    match (found.need, found.kind) {
        (Need::Cue, _) => false,
        (_, Kind::Diagnosis) => true,
        (_, Kind::Treatment) => !workplace.owns(found.term),
        (_, Kind::Provider) => !(workplace.care || workplace.owns(found.term)),
    }
}

/// The cue `text` gives from `side`; `previous` is the word before it
/// (`terug naar` is about going back to work).
fn cue(text: &str, side: Side, previous: Option<&Word<'_>>) -> Option<Cue> {
    if text.len() > 40 {
        return None;
    }
    let word = text.to_lowercase();
    let word = word.as_str();
    if STRONG_PATIENT.contains(&word) {
        return Some(Cue::StrongPatient);
    }
    if is_body_part(word) {
        return Some(Cue::Body);
    }
    if word == "naar" && previous.is_some_and(|p| p.text.eq_ignore_ascii_case("terug")) {
        return Some(Cue::Work);
    }
    let patient = match side {
        Side::Before => PATIENT_BEFORE,
        Side::After => PATIENT_AFTER,
    };
    if patient.contains(&word) {
        return Some(Cue::Patient);
    }
    if RECIPIENTS.iter().any(|r| word.ends_with(r)) {
        return Some(Cue::Recipient);
    }
    if WORK.contains(&word) || WORK_HEADS.iter().any(|h| word.ends_with(h)) {
        return Some(Cue::Work);
    }
    None
}
