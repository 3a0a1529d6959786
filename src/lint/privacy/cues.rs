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
    /// A patient unless the clause is about the work: `bij de
    /// psycholoog`, but `werkt bij de polikliniek`.
    WeakPatient,
    /// A body part: `knie`, `rechterarm`.
    Body,
    /// The job: `als`, `werkt`, `collega`, `team`.
    Work,
    /// A job title (`verpleegkundige`, `teamleider`): the work, unless a
    /// word nearby makes the employee a patient (`slikt de verpleegkundige
    /// nu PEP-medicatie`).
    Job,
    /// Care given to what follows, right before the term or after it:
    /// `verzorgt wonden`, `controleert de hartslag`, `medicatie
    /// klaarzetten`.
    CareGiven,
    /// Delivering or building something, anywhere in the clause:
    /// `levert`, `bouwt`.
    StrongWork,
    /// What the work is about: a request, a file, a claim, a department.
    Matter,
    /// A ward or department: where the work is, and where a complaint
    /// may still be the employee's (`kreeg op de afdeling een
    /// paniekaanval`).
    Ward,
    /// `in` right before a treatment: `in behandeling`, `in therapie`.
    InTreatment,
    /// A copula before a behandelaar: `is verloskundige`, `is al jaren
    /// fysiotherapeut` names the job.
    Role,
    /// The people the work is for: `patiënten`, `leerlingen`, `klanten`.
    Recipient,
    /// Someone else, right before: `zijn moeder, die dementie heeft`.
    Other,
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
/// `haar klas heeft diabetes`. `hun` is the clients' (`dient hun
/// medicatie toe`), not the employee's.
const POSSESSIVES: &[&str] = &["haar", "zijn", "mijn", "eigen"];

/// Point at the employee as a patient when they stand before the term
/// (`naar de fysiotherapeut`, `slikt medicijnen`).
const PATIENT_BEFORE: &[&str] = &[
    "afbouwen",
    "afgebouwd",
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
    "gesprek",
    "gesprekken",
    "consulten",
    "ingeschreven",
    "verwijst",
    "verwees",
    "zichzelf",
    "hijzelf",
    "zijzelf",
    "ik",
    "traject",
    "programma",
    "revalideert",
    "revalideren",
];

/// Point at the employee as a patient, unless the clause is about the
/// work (`onder behandeling bij een psycholoog`, `behandeld door een
/// collega-internist`; but `werkt bij de polikliniek`).
const WEAK_PATIENT_BEFORE: &[&str] = &["bij", "door", "met"];

/// Point at the employee as a patient when they follow the term
/// (`de huisarts adviseert`, `de verloskundige van werkneemster`).
const PATIENT_AFTER: &[&str] = &[
    "afgebouwd",
    "afbouwen",
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
    "verwees",
    "verwijst",
    "schreef",
    "constateert",
    "constateerde",
    "stelde",
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
    "slikt",
    "slikte",
    "slikken",
    "geslikt",
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
    "triage",
    "samenwerkt",
    "samenwerken",
    "overlegt",
    "overleg",
    "taak",
    "taken",
    "werkzaamheden",
    "ploeg",
    "ploegen",
    "instrumenten",
    "instrumentarium",
    "reinigt",
    "reinigen",
    "schoonmaken",
    "poetst",
    "opruimen",
    "klaarleggen",
];

/// Care given, not received: in a clause with these a treatment is work
/// (`bereidt infusen voor`, `verpleegt patiënten na een operatie`).
const CARE_WORK: &[&str] = &[
    "bereidt",
    "verpleegt",
    "verzorgt",
    "begeleidt",
    "wast",
    "verricht",
    "controleert",
    "registreert",
    "verwerkt",
    "archiveert",
    "steriliseert",
    "instrumenteert",
    "observeert",
    "rapporteert",
    "indiceert",
    "coördineert",
    "ontvangt",
    "verstrekt",
    "klaarzetten",
    "klaargezet",
    "toedienen",
    "toegediend",
    "uitdelen",
    "uitgedeeld",
    "aanreiken",
    "delen",
    "geven",
    "patiëntenzorg",
    "zorgverlening",
];

/// Verbs of care given: what follows them closely is the care, not the
/// employee's complaint or treatment (`verzorgt wonden`, `controleert de
/// hartslag van de baby`, `zet infusen`).
const CARE_GIVEN: &[&str] = &[
    "verzorgt",
    "verzorgen",
    "verpleegt",
    "verplegen",
    "controleert",
    "controleren",
    "zet",
    "zetten",
    "meet",
    "meten",
    "prikt",
    "behandelt",
    "bewaakt",
    "bewaken",
    "beoordeelt",
    "analyseert",
    "verbindt",
    "toedienen",
    "klaarzetten",
    "uitdelen",
    "begeleidt",
    "assisteert",
    "observeert",
    "registreert",
    "behandelen",
    "hecht",
    "hechten",
    "beoordelen",
];

/// Job titles: a cue of the work, except as the subject of the clause,
/// where they name the employee (`de verpleegkundige wordt zelf
/// behandeld`).
const ROLES: &[&str] = &[
    "leider",
    "leidster",
    "medewerker",
    "medewerkster",
    "secretaresse",
    "assistent",
    "assistente",
    "planner",
    "portier",
    "receptionist",
    "receptioniste",
    "coördinator",
    "manager",
    "codeur",
    "laborant",
    "vervoerder",
    "schoonmaker",
    "baliemedewerker",
    "verpleegkundige",
    "verpleegkundigen",
    "verzorgende",
    "verzorgenden",
    "helpende",
];

/// Whether the lowercase `word` is a job title (`teamleider`,
/// `doktersassistente`).
pub(super) fn is_role(word: &str) -> bool {
    ROLES.iter().any(|r| word.ends_with(r))
}

/// The job, also as the head of a compound (`nachtdiensten`, `bouwplaats`).
const WORK_HEADS: &[&str] = &[
    "spreekuur",
    "spreekuren",
    "telefoon",
    "telefoontjes",
    "balie",
    "receptie",
    "agenda",
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

/// Delivering and building: the place named is a client or a site.
const STRONG_WORK: &[&str] = &[
    "fabrikant",
    "fabrikanten",
    "fabriceert",
    "producent",
    "produceert",
    "groothandel",
    "verkoopt",
    "verkopen",
    "verkocht",
    "vult",
    "bestelt",
    "bestellen",
    "deelt",
    "dient",
    "sorteert",
    "scant",
    "levert",
    "leveren",
    "bezorgt",
    "bezorgen",
    "rijdt",
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
    "storing",
    "storingen",
    "etiket",
    "etiketten",
    "verpakking",
    "verpakkingen",
    "bijsluiter",
    "bijsluiters",
    "poli",
    "polikliniek",
    "vakgroep",
    "voorbehouden",
    "bevoegd",
    "bevoegdheid",
    "bevoegdheden",
    "bekwaam",
    "bekwaamheid",
    "registratie",
];

/// Wards and departments, also as the head of a compound
/// (`kraamafdeling`).
const WARDS: &[&str] = &["afdeling", "afdelingen"];

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
    "vrouwen",
    "mannen",
    "baby",
    "baby's",
    "zuigeling",
    "zuigelingen",
    "pasgeborenen",
    "kindje",
    "kindjes",
    "iemand",
];

/// Articles and numbers that may open a subject (`een leerling`).
const OPENERS: &[&str] = &[
    "een", "de", "het", "veel", "sommige", "enkele", "twee", "drie", "zijn", "haar", "hun", "diens",
];

/// People other than the employee: their health is not the employee's
/// (`de collega die hem vervangt is zelf ziek`, `zijn vrouw heeft
/// kanker`), also as the head of a compound (`teamleider`).
const OTHERS: &[&str] = &[
    "collega",
    "collegae",
    "leidinggevende",
    "chef",
    "directeur",
    "manager",
    "teamleider",
    "partner",
    "vrouw",
    "echtgenote",
    "echtgenoot",
    "moeder",
    "vader",
    "zoon",
    "dochter",
    "kind",
    "broer",
    "zus",
    "schoonmoeder",
    "schoonvader",
    "buurman",
    "buurvrouw",
    "vriend",
    "vriendin",
    "familie",
    "anderen",
    "zoontje",
    "dochtertje",
    "kleinkind",
    "kleinzoon",
    "kleindochter",
    "stiefzoon",
    "stiefdochter",
    "schoonzus",
    "zwager",
    "opa",
    "oma",
    "oom",
    "tante",
    "neef",
    "nicht",
    "huisgenoot",
    "uitzendkracht",
    "invalkracht",
    "stagiair",
    "stagiaire",
];

/// Things that can be the subject of a figure of speech (`het project lag
/// op de intensive care`, `het bedrijf kampt met groeipijnen`).
const THINGS: &[&str] = &[
    "project",
    "projecten",
    "bedrijf",
    "organisatie",
    "team",
    "afdeling",
    "systeem",
    "netwerk",
    "server",
    "servers",
    "printer",
    "machine",
    "vestiging",
    "magazijn",
    "school",
    "winkel",
    "markt",
    "economie",
    "reorganisatie",
    "verhuizing",
    "overname",
    "fusie",
    "vergadering",
    "verlies",
    "besluit",
    "beslissing",
    "nieuws",
    "bezuiniging",
    "bezuinigingen",
    "verpleeghuis",
    "gemeente",
    "begroting",
    "budget",
    "kas",
    "financiën",
    "omzet",
    "sector",
    "branche",
    "bedrijfsvoering",
    "administratie",
    "software",
    "website",
    "auto",
    "bus",
    "vrachtwagen",
    "pand",
    "gebouw",
    "installatie",
    "planning",
    "afdeling",
    "plaats",
    "kantoor",
    "fabriek",
    "loods",
    "terrein",
    "bakkerij",
    "onderneming",
    "firma",
    "zaak",
    "stichting",
    "vereniging",
    "wachtlijst",
    "wachtlijsten",
    "beleid",
    "instelling",
];

/// Words for the employee as a person: a complaint that also describes
/// things (`somber`, `benauwd`) is medical only about a person.
const PERSONS: &[&str] = &[
    "hij",
    "zij",
    "ze",
    "hem",
    "haar",
    "zich",
    "zichzelf",
    "hijzelf",
    "zijzelf",
    "ik",
    "mij",
    "me",
    "werknemer",
    "werkneemster",
    "medewerker",
    "medewerkster",
    "meneer",
    "mevrouw",
    "dhr",
    "mevr",
    "mw",
    "wn",
    "betrokkene",
    "voelt",
    "oogt",
];

/// Capitalised words that open a sentence and are no name.
const STARTERS: &[&str] = &[
    "de",
    "het",
    "een",
    "bij",
    "in",
    "op",
    "na",
    "door",
    "tijdens",
    "sinds",
    "volgens",
    "er",
    "dit",
    "dat",
    "deze",
    "die",
    "wat",
    "hoe",
    "als",
    "ook",
    "nog",
    "daarnaast",
    "verder",
    "vanaf",
    "vanwege",
    "wegens",
    "ondanks",
    "toen",
    "nu",
    "om",
    "met",
    "zonder",
    "voor",
    "over",
    "uit",
    "onder",
    "tot",
    "aan",
    "naar",
    "zijn",
    "haar",
    "hun",
    "mijn",
    "ons",
    "onze",
    "zo",
    "geen",
    "niet",
    "alle",
    "elke",
    "iedere",
    "veel",
    "soms",
    "vaak",
    "altijd",
    "vandaag",
    "gisteren",
    "morgen",
    "inmiddels",
    "wel",
    "maar",
    "en",
    "of",
    "want",
    "omdat",
    "hierdoor",
    "daardoor",
    "hiervoor",
    "daarvoor",
    "afgelopen",
    "vorige",
    "volgende",
    "komende",
    "per",
    "ter",
    "te",
];

/// Verbs that make a behandelaar after them a job (`is verloskundige`).
const COPULAS: &[&str] = &["is", "was", "wordt", "werd", "blijft"];

/// Steps of the sick-leave procedure, which say nothing about the work or
/// the illness (`sinds de ziekmelding prikkelbaar`).
const PROCEDURE: &[&str] = &[
    "ziekmelding",
    "hersteldmelding",
    "betermelding",
    "verzuimmelding",
];

/// Words anywhere in a clause that make the employee the patient of a
/// treatment, behandelaar or place in it (`ligt zelf sinds dinsdag in het
/// ziekenhuis`).
const PATIENT_CLAUSE: &[&str] = &[
    "zelf",
    "hijzelf",
    "zijzelf",
    "ligt",
    "lag",
    "opgenomen",
    "patiënt",
    "gebracht",
    "gelegen",
    "ontslagen",
    "nagekeken",
    "gereanimeerd",
];

/// Whether the lowercase `word` makes the employee the patient anywhere in
/// a clause.
pub(super) fn is_patient_in_clause(word: &str) -> bool {
    PATIENT_CLAUSE.contains(&word)
}

/// Whether the lowercase `word` names someone other than the employee.
pub(super) fn is_other(word: &str) -> bool {
    let bare = ["s", "en", "eren"]
        .iter()
        .find_map(|plural| word.strip_suffix(plural))
        .filter(|w| OTHERS.contains(w))
        .unwrap_or(word);
    OTHERS.contains(&bare)
}

/// Whether the lowercase `word` names a thing that can be a subject.
pub(super) fn is_thing(word: &str) -> bool {
    THINGS.iter().any(|t| word.ends_with(t))
}

/// Whether `word` (as written, with `lower` its lowercase, `first` whether
/// it opens its sentence) stands for a person: a pronoun, `werknemer`,
/// `mevrouw`, or a name.
pub(super) fn is_person(word: &str, lower: &str, first: bool) -> bool {
    if PERSONS.contains(&lower) {
        return true;
    }
    let capital = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    capital && !(first && STARTERS.contains(&lower))
}

/// Whether the lowercase `word` starts a new part of a sentence.
pub(super) fn is_conjunction(word: &str) -> bool {
    CONJUNCTIONS.contains(&word)
}

/// Whether the lowercased `word` names people the work is for.
pub(super) fn is_recipient(word: &str) -> bool {
    RECIPIENTS.iter().any(|r| word.ends_with(r))
}

/// Whether a clause that starts with the lowercase `words` is about someone
/// or something other than the employee: the people the work is for (`Een
/// leerling in haar klas …`), others (`zijn collega …`) or a thing (`het
/// project …`).
pub(super) fn starts_clause_subject<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let mut possessive = false;
    for word in words {
        if OPENERS.contains(&word) {
            possessive = POSSESSIVES.contains(&word);
            continue;
        }
        // `haar man`, not `de man`, who may be the employee.
        let partner = possessive && word == "man";
        let matter = MATTER.iter().chain(WARDS).any(|m| word.ends_with(m));
        // `de teamleider thuiszorg` may be the employee; `zijn teamleider`
        // is not.
        let other = is_other(word) && (possessive || !is_role(word));
        return partner || matter || is_recipient(word) || other || is_thing(word);
    }
    false
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
    // `in behandeling`, `in therapie`: right before the term only.
    if side == Side::Before && word == "in" && distance == 1 {
        return Some(Cue::InTreatment);
    }
    // `zelf cliënt bij de GGZ`, `zelf patiënt`.
    if is_recipient(word) && after("zelf") {
        return Some(Cue::StrongPatient);
    }
    if side == Side::Before && COPULAS.contains(&word) && distance <= 3 {
        return Some(Cue::Role);
    }
    // `sinds de ziekmelding`: the procedure, no matter of the work.
    if PROCEDURE.iter().any(|p| word.ends_with(p)) {
        return None;
    }
    if side == Side::Before && WEAK_PATIENT_BEFORE.contains(&word) {
        return Some(Cue::WeakPatient);
    }
    if side == Side::Before && POSSESSIVES.contains(&word) {
        return (distance <= 2).then_some(Cue::Patient);
    }
    if side == Side::Before && word == "hun" {
        return (distance <= 2).then_some(Cue::Recipient);
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
    if side == Side::Before && is_other(word) {
        return Some(Cue::Other);
    }
    // `de afdeling longziekten`: the ward's name.
    if WARDS.iter().any(|h| word.ends_with(h)) {
        let name = side == Side::Before && distance == 1;
        return Some(if name { Cue::Matter } else { Cue::Ward });
    }
    // `er heerst griep op de afdeling`: going round, nobody's in
    // particular.
    if matches!(
        word,
        "heerst" | "heerste" | "heersen" | "rondgaat" | "rondging"
    ) {
        return Some(Cue::Other);
    }
    if MATTER.iter().any(|h| word.ends_with(h)) {
        return Some(Cue::Matter);
    }
    if STRONG_WORK.contains(&word) {
        return Some(Cue::StrongWork);
    }
    // `behandeld door een collega`: the colleague after the term treats.
    let colleague = matches!(word, "collega" | "collegae");
    if is_role(word) {
        return Some(Cue::Job);
    }
    // `verzorgt wonden`, `zet infusen`: the care given; further off,
    // only the work.
    // `maakt zij ecg's`: making a test is doing it, right before it.
    let making = side == Side::Before && distance <= 2 && matches!(word, "maakt" | "maken");
    if making || CARE_GIVEN.contains(&word) && (side == Side::After || distance <= 3) {
        return Some(Cue::CareGiven);
    }
    if (WORK.contains(&word) && !(colleague && side == Side::After))
        || CARE_WORK.contains(&word)
        || WORK_HEADS.iter().any(|h| word.ends_with(h))
    {
        return Some(Cue::Work);
    }
    None
}

/// Words that link people the work is for to what follows them: their
/// complaint, their treatment or where they go (`cliënten met decubitus`,
/// `bezoekers naar de SEH`, `kraamvrouwen die een keizersnede hadden`).
const RECIPIENT_LINKS: &[&str] = &[
    "met", "naar", "na", "van", "bij", "die", "zonder", "uit", "voor", "tegen", "rond", "in", "op",
];

/// Whether the lowercase `word`, right after people the work is for,
/// links them to what follows.
pub(super) fn is_recipient_link(word: &str) -> bool {
    RECIPIENT_LINKS.contains(&word)
}

/// Prepositions after which people the work is for own what comes before
/// (`parodontitis bij patiënten`, `insuline aan cliënten`).
const OWNER_LINKS: &[&str] = &["bij", "van", "voor", "aan"];

/// Whether the lowercase `word` links a term to the people it is of.
pub(super) fn is_owner_link(word: &str) -> bool {
    OWNER_LINKS.contains(&word)
}

/// Words that mark the employee in a clause, against the people the work
/// is for: `zelf`, `eigen`, a pronoun.
const EMPLOYEE: &[&str] = &[
    "zelf",
    "hijzelf",
    "zijzelf",
    "zichzelf",
    "eigen",
    "zich",
    "hij",
    "zij",
    "ze",
    "werknemer",
    "werkneemster",
    "wn",
    "mevrouw",
    "meneer",
];

/// Whether the lowercase `word` marks the employee.
pub(super) fn is_employee(word: &str) -> bool {
    EMPLOYEE.contains(&word)
}

/// Verbs of getting: after them, `van een cliënt` is where a complaint
/// came from, not whose it is (`kreeg zelf corona van een cliënt`).
const GETTING: &[&str] = &[
    "kreeg",
    "kregen",
    "krijgt",
    "gekregen",
    "liep",
    "loopt",
    "opgelopen",
    "besmet",
    "raakte",
    "raakt",
];

/// Whether the lowercase `word` is a verb of getting.
pub(super) fn is_getting(word: &str) -> bool {
    GETTING.contains(&word)
}
