//! Telling words: the words near a medical term that say whether it is
//! about the employee as a patient or about the work.

use super::lexicon::is_body_part;

/// What a word near a term says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// The employee as a patient: `haar`, `naar`, `afspraak`, `slikt`.
    Patient,
    /// Unmistakably the employee as a patient: `opgenomen`, `patiënt`.
    StrongPatient,
    /// A body part: `knie`, `rechterarm`.
    Body,
    /// The job: `als`, `werkt`, `collega`, `team`.
    Work,
    /// Delivering or building something, anywhere in the clause:
    /// `levert`, `bouwt`.
    StrongWork,
    /// What the work is about: a request, a file, a claim, a department.
    Matter,
    /// The people the work is for: `patiënten`, `leerlingen`, `klanten`.
    Recipient,
}

/// Before or after the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// The word comes before the term.
    Before,
    /// The word follows the term.
    After,
}

/// Possessives: the employee's own, when right before the term or one
/// word from it (`haar huisarts`, `zijn eigen medicatie`), not
/// `haar klas heeft diabetes`.
const POSSESSIVES: &[&str] = &["haar", "zijn", "mijn", "hun", "eigen"];

/// Point at the employee as a patient when they stand before the term
/// (`naar de fysiotherapeut`, `slikt medicijnen`).
const PATIENT_BEFORE: &[&str] = &[
    "zelf",
    "naar",
    "afspraak",
    "wachtlijst",
    "sessie",
    "sessies",
    "controle",
    "consult",
    "ligt",
    "lag",
    "krijgt",
    "kreeg",
    "gebruikt",
    "slikt",
    "neemt",
    "spuit",
    "ingesteld",
    "voelt",
    "last",
    "onder",
    "wegens",
    "vanwege",
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

/// Point at the employee as a patient anywhere near.
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

/// The job, whole words.
const WORK: &[&str] = &[
    "als",
    "functie",
    "functies",
    "beroep",
    "vak",
    "werkt",
    "werkte",
    "werken",
    "gewerkt",
    "werkzaam",
    "werk",
    "baan",
    "collega",
    "collegae",
    "stage",
    "assisteert",
    "assisteren",
    "ondersteunt",
    "personeel",
    "organisatie",
    "bedrijf",
    "nieuwbouw",
    "verbouwing",
    "route",
    "routes",
    "leverancier",
    "gelijke",
    "ongelijke",
    "eerlijke",
    "oneerlijke",
    "polis",
    "contract",
    "office",
    "word",
    "excel",
    "outlook",
    "planning",
    "docent",
    "leerkracht",
    "plant",
    "plannen",
    "roostert",
    "organiseert",
    "regelt",
];

/// The job, also as the head of a compound (`nachtdiensten`, `bouwplaats`).
const WORK_HEADS: &[&str] = &[
    "magazijn",
    "project",
    "rooster",
    "roosters",
    "dienst",
    "diensten",
    "team",
    "teams",
    "opleiding",
    "medewerkers",
    "rit",
    "ritten",
    "lading",
    "levering",
    "zending",
    "pakket",
    "vracht",
    "apotheek",
    "apotheken",
    "administratie",
    "gevel",
    "pand",
    "gebouw",
    "dak",
    "terrein",
    "bouwplaats",
    "steiger",
];

/// Working: in a workplace of care, a clause about working is about the
/// care given, not received (`werkt mee op de dagbehandeling`).
const WORKING: &[&str] = &["werkt", "werkte", "werken", "gewerkt", "werkzaam"];

/// Whether the lowercase `word` is a form of working.
pub(super) fn is_working(word: &str) -> bool {
    WORKING.contains(&word)
}

/// Delivering and building: the place named is a client or a site.
const STRONG_WORK: &[&str] = &[
    "levert",
    "leveren",
    "bezorgt",
    "bezorgen",
    "rijdt",
    "bouwt",
    "bouwen",
    "verbouwt",
    "renoveert",
    "installeert",
];

/// What the work is about, also as the head of a compound
/// (`uitkeringsaanvraag`, `kraamafdeling`).
const MATTER: &[&str] = &[
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
    "schade",
    "melding",
    "meldingen",
    "vergoeding",
    "vergoedingen",
    "verzekering",
    "verzekeringen",
    "klacht",
    "afdeling",
    "afdelingen",
    "poli",
    "polikliniek",
    "vakgroep",
];

/// The people the work is for, also as the head of a compound
/// (`kankerpatiënten`).
const RECIPIENTS: &[&str] = &[
    "patiënten",
    "cliënt",
    "cliënten",
    "bewoner",
    "bewoners",
    "leerling",
    "leerlingen",
    "kinderen",
    "zwangeren",
    "kraamvrouwen",
    "klant",
    "klanten",
    "gast",
    "gasten",
    "mensen",
    "ouderen",
    "deelnemers",
    "student",
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

/// Articles and numbers that may open a subject (`een leerling`).
const OPENERS: &[&str] = &[
    "een", "de", "het", "veel", "sommige", "enkele", "twee", "drie",
];

/// Whether the lowercase `word` starts a new part of a sentence.
pub(super) fn is_conjunction(word: &str) -> bool {
    CONJUNCTIONS.contains(&word)
}

/// Whether the lowercased `word` names people the work is for.
pub(super) fn is_recipient(word: &str) -> bool {
    RECIPIENTS.iter().any(|r| word.ends_with(r))
}

/// Whether a clause that starts with the lowercase `words` is about people
/// the work is for (`Een leerling in haar klas …`).
pub(super) fn starts_clause_subject<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    let first = words.find(|w| !OPENERS.contains(w));
    first.is_some_and(is_recipient)
}

/// The cue the lowercase `word` gives from `side`, `distance` words from
/// the term; `previous` is the word before it (`terug naar`, `aan de hand
/// van`).
pub(super) fn cue(word: &str, side: Side, previous: Option<&str>, distance: usize) -> Option<Cue> {
    let after = |w: &str| previous == Some(w);
    if STRONG_PATIENT.contains(&word) {
        return Some(Cue::StrongPatient);
    }
    // `aan de hand van`, `het hoofd van de afdeling` are no body parts.
    if is_body_part(word) && !(word == "hand" && after("de")) && !(word == "hoofd" && after("het"))
    {
        return Some(Cue::Body);
    }
    if word == "naar" && after("terug") {
        return Some(Cue::Work);
    }
    if side == Side::Before && POSSESSIVES.contains(&word) {
        return (distance <= 2).then_some(Cue::Patient);
    }
    let patient = match side {
        Side::Before => PATIENT_BEFORE,
        Side::After => PATIENT_AFTER,
    };
    if patient.contains(&word) {
        return Some(Cue::Patient);
    }
    if is_recipient(word) {
        return Some(Cue::Recipient);
    }
    if MATTER.iter().any(|h| word.ends_with(h)) {
        return Some(Cue::Matter);
    }
    if STRONG_WORK.contains(&word) {
        return Some(Cue::StrongWork);
    }
    if WORK.contains(&word) || WORK_HEADS.iter().any(|h| word.ends_with(h)) {
        return Some(Cue::Work);
    }
    None
}
