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
    Cue, Side, cue, is_conjunction, is_employee, is_getting, is_other, is_owner_link,
    is_patient_in_clause, is_person, is_recipient, is_recipient_link, is_role, is_thing,
    starts_clause_subject,
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
                Cue::Work
                    | Cue::Job
                    | Cue::CareGiven
                    | Cue::StrongWork
                    | Cue::Recipient
                    | Cue::Matter
                    | Cue::Ward
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
        // `heeft de verpleegkundige een trauma opgelopen`: a job title
        // after an article names the employee.
        let mut previous = None;
        self.earlier.iter().rev().chain(&self.later).any(|w| {
            let role = is_role(w.lower) && matches!(previous, Some("de" | "onze"));
            previous = Some(w.lower);
            role || is_person(w.text, w.lower, Some(w.start) == first)
        })
    }

    /// Whether the clause names a place of care, a behandelaar, a
    /// treatment or a diagnosis (`opgenomen in het ziekenhuis`, `de uitslag
    /// van de scan`, `de echo liet geen afwijkingen zien`).
    fn care(&self) -> bool {
        self.earlier.iter().chain(&self.later).any(|w| {
            matches!(
                lookup(w.lower, false, false),
                Match::Medical(f) if f.need == Need::Nothing
                    || (f.need == Need::Care && f.kind != Kind::Diagnosis)
            )
        })
    }

    /// Whether one of `words` stands within four words of the term.
    fn qualified(&self, words: &[&str]) -> bool {
        self.earlier
            .iter()
            .take(4)
            .chain(self.later.iter().take(4))
            .any(|w| words.contains(&w.lower))
    }

    /// Whether the clause names a ward or a place of care, where someone
    /// is admitted (`op haar eigen afdeling opgenomen`).
    fn ward(&self) -> bool {
        self.care()
            || self
                .earlier
                .iter()
                .chain(&self.later)
                .any(|w| matches!(w.lower, "afdeling" | "verpleegafdeling" | "ziekenhuis"))
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
    // `opgenomen patiënten`, `diabetische cliënten`, `zieke kinderen`: a
    // term right before the people the work is for says what they are.
    if words
        .get(last + 1)
        .is_some_and(|w| w.clause == words[last].clause && is_recipient(w.lower))
    {
        return false;
    }
    // `Teamleider dialyse`, `verpleegkundige oncologie`: a job title right
    // before the term names its department.
    if index > 0
        && found.kind != Kind::Diagnosis
        && words[index - 1].clause == words[index].clause
        && is_role(words[index - 1].lower)
        && !matches!(
            words.get(index.wrapping_sub(2)).map(|w| w.lower),
            Some("de" | "het" | "een")
        )
    {
        return false;
    }
    let around = around(words, index, last);
    if found.need == Need::BodyPart && !around.body_part() {
        return false;
    }
    if found.need == Need::BodyOrPerson && !around.body_part() && !around.person() {
        return false;
    }
    if let Need::Qualified(words) = found.need
        && !around.qualified(words)
    {
        return false;
    }
    if about_someone_else(words, index) {
        return false;
    }
    // `als patiënt gelegen`, `zelf cliënt bij een andere instelling`: the
    // term says it of the employee.
    if matches!(
        found.term,
        "als patiënt" | "zelf patiënt" | "zelf cliënt" | "zelf positief"
    ) {
        return true;
    }
    // `ging als mantelzorger met haar zoon mee naar het ziekenhuis`:
    // someone else's care.
    if found.kind != Kind::Diagnosis && accompanies(&around) {
        return false;
    }
    let cues = || around.before.iter().chain(&around.after).flatten();
    if found.kind != Kind::Diagnosis && cues().any(|c| *c == Cue::StrongPatient) {
        return true;
    }
    if let Some(verdict) = object_of_treatment(found, words, last) {
        return verdict;
    }
    // `de tandarts waar ze voor werkt`: the employer.
    let employer = found.kind != Kind::Diagnosis
        && !around.patient()
        && around.later.first().is_some_and(|w| w.lower == "waar")
        && around.later.iter().any(|w| {
            w.lower.ends_with("werkt") || w.lower.ends_with("werkte") || w.lower == "werkzaam"
        });
    if employer
        || recipients_own(&around, words, last)
        || provider_at_work(found, words, index, last)
    {
        return false;
    }
    // `kreeg zelf corona van een cliënt`: where it came from, not whose.
    let got = around.earlier.iter().any(|w| is_getting(w.lower));
    if let Some(verdict) = whose(found, words, last).filter(|_| !got) {
        return verdict;
    }
    // `zit nu zelf in therapie`, `krijgt zelf oefentherapie van een
    // collega`: the employee, whatever the work around it.
    // Not for a word that is mostly ordinary: `regelt zelf de planning
    // van de operaties`.
    if !matches!(found.need, Need::Cue | Need::Care | Need::Person)
        && around
            .earlier
            .iter()
            .any(|w| matches!(w.lower, "zelf" | "hijzelf" | "zijzelf"))
    {
        return true;
    }
    // `een foto van haar eigen longen`, `haar eigen insuline`: hers.
    if own_nearby(&around) {
        return true;
    }
    // `werd op haar eigen afdeling opgenomen`: admitted where she works.
    if found.term == "opgenomen" && around.person() && around.ward() {
        return true;
    }
    if found.need == Need::Person {
        // `een bedrijf dat krukken levert`: the work, not the person.
        return around.person() && !(found.kind != Kind::Diagnosis && around.about_work());
    }
    // A job title near a sign of a patient is the patient's (`slikt de
    // verpleegkundige nu PEP-medicatie`).
    let patient = cues().any(|c| matches!(c, Cue::Patient | Cue::StrongPatient));
    let nearest = (0..REACH)
        .flat_map(|i| [around.before.get(i), around.after.get(i)])
        .flatten()
        .flatten()
        .filter(|c| !(patient && **c == Cue::Job))
        .find_map(|c| says(found, *c, &around));
    if let Some(verdict) = nearest {
        return verdict;
    }
    if matches!(found.need, Need::BodyPart | Need::BodyOrPerson) {
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

/// Whether `haar eigen`, `zijn eigen` stands near the term, on either
/// side (`een foto van haar eigen longen`), but not before the people
/// the work is for (`haar eigen cliënten`).
fn own_nearby(around: &Around<'_, '_>) -> bool {
    let before = around.earlier.iter().take(REACH).rev();
    let after = around.later.iter().take(REACH);
    let words: Vec<&str> = before.chain(after).map(|w| w.lower).collect();
    words.windows(3).any(|w| {
        matches!(w[0], "haar" | "zijn" | "mijn")
            && w[1] == "eigen"
            && !is_recipient(w[2])
            && !matches!(
                cue(w[2], Side::After, None, 1),
                Some(Cue::Work | Cue::Job | Cue::Matter)
            )
    })
}

/// Whether the clause has the employee go along with someone else or
/// care for them (`met haar zoon mee`, `als mantelzorger`).
fn accompanies(around: &Around<'_, '_>) -> bool {
    let mut previous: Option<&str> = None;
    for w in around.earlier.iter().rev() {
        if w.lower.starts_with("mantelzorg") {
            return true;
        }
        if is_other(w.lower) && matches!(previous, Some("met" | "haar" | "zijn")) {
            return around.earlier.iter().any(|w| w.lower == "mee");
        }
        previous = Some(w.lower);
    }
    false
}

/// Whether the term starting at `words[first]` is joined by `en` or `of`
/// to an ordinary term ending at `words[end]`, and so shares its verdict
/// (`meldingen van pijn op de borst en benauwdheid`, `de bloeddruk en de
/// saturatie bij patiënten`): at most four words between, the last of
/// them `en` or `of`, none of them the employee.
pub(super) fn coordinated(words: &[Word<'_>], end: usize, first: usize) -> bool {
    let between = &words[end + 1..first];
    let joined = between
        .iter()
        .rposition(|w| matches!(w.lower, "en" | "of" | "noch" | "zoals"))
        .is_some_and(|i| between[i + 1..].iter().all(|w| is_article(w.lower)));
    joined
        && between.len() <= 4
        && words[end].clause == words[first].clause
        && !between
            .iter()
            .any(|w| is_employee(w.lower) || matches!(w.lower, "haar" | "zijn"))
}

/// Whether the lowercase `word` is an article or a plain adjective of
/// amount that may stand between `en` and a noun.
fn is_article(word: &str) -> bool {
    matches!(word, "de" | "het" | "een" | "veel" | "soms" | "ook")
}

/// Whether a behandelaar that opens its clause does the work of the
/// clause (`De mondhygiëniste maakt bitewings en behandelt parodontitis
/// bij patiënten`): people the work is for or care given in it, and no
/// word for the employee.
fn provider_at_work(found: Found, words: &[Word<'_>], index: usize, last: usize) -> bool {
    let clause = words[index].clause;
    let opens = words[..index]
        .iter()
        .rev()
        .take_while(|w| w.clause == clause)
        .all(|w| matches!(w.lower, "de" | "het" | "een" | "onze" | "ons"));
    if found.kind != Kind::Provider || !opens {
        return false;
    }
    let rest = || {
        words[last + 1..]
            .iter()
            .take(CLAUSE_REACH)
            .take_while(|w| w.clause == clause)
    };
    let employee = rest().any(|w| {
        is_employee(w.lower)
            || matches!(w.lower, "werknemer" | "werkneemster" | "hem" | "haar")
            || matches!(
                cue(w.lower, Side::After, None, 1),
                Some(Cue::Patient | Cue::StrongPatient)
            )
    });
    !employee
        && rest().any(|w| {
            is_recipient(w.lower)
                || matches!(
                    cue(w.lower, Side::After, None, 2),
                    Some(Cue::Work | Cue::StrongWork)
                )
        })
}

/// Whether the people the work is for own the term: linked to it before
/// (`cliënten met decubitus en diabetische voeten`, `bezoekers naar de
/// SEH`, `patiënten van de afdeling naar de MRI`) or after it
/// (`parodontitis bij patiënten`, `insuline aan cliënten`), with no word
/// for the employee between (`zelf`, `eigen`, `hij`).
fn recipients_own(around: &Around<'_, '_>, words: &[Word<'_>], last: usize) -> bool {
    let mut closer = words[last].lower;
    for word in around.earlier.iter().take(8) {
        if is_employee(word.lower) || matches!(word.lower, "haar" | "zijn") {
            break;
        }
        if is_recipient(word.lower) && is_recipient_link(closer) {
            return true;
        }
        closer = word.lower;
    }
    if around.earlier.iter().any(|w| is_getting(w.lower)) {
        return false;
    }
    let mut later = around.later.iter().map(|w| w.lower);
    while let Some(word) = later.next() {
        if is_employee(word) || matches!(word, "haar" | "zijn") {
            return false;
        }
        if is_owner_link(word) {
            // `van het gebit van patiënten`: through a chain of `van`.
            loop {
                let owner = later.find(|w| {
                    !matches!(
                        *w,
                        "de" | "het" | "een" | "hun" | "onze" | "alle" | "veel" | "andere"
                    )
                });
                match owner {
                    Some(owner) if is_recipient(owner) => return true,
                    Some(_) if later.next() == Some("van") => continue,
                    _ => return false,
                }
            }
        }
    }
    false
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
        .any(|c| matches!(c, Cue::Matter | Cue::Ward | Cue::Recipient));
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
    // `bijwerkingen van hun medicijnen`: theirs, the people the work is for.
    if owner.lower == "hun" {
        return Some(false);
    }
    // `de scan van vorige week`: when, not whose.
    if TIMES.contains(&owner.lower) || crate::case::date::MONTHS.contains(&owner.lower) {
        return None;
    }
    // `een opname van drie dagen`: a length, not an owner; but `de griep
    // van drie collega's` is theirs: the word after the number decides.
    if owner.lower.starts_with(|c: char| c.is_ascii_digit()) || NUMBERS.contains(&owner.lower) {
        owner = owners.next()?;
        if !is_other(owner.lower) && !is_recipient(owner.lower) {
            return None;
        }
    }
    // `de fysiotherapeut van de praktijk`: a colleague.
    let opens = words[..last]
        .iter()
        .rev()
        .take_while(|w| w.clause == clause)
        .all(|w| matches!(w.lower, "de" | "het" | "een" | "onze" | "ons"));
    let workplace = found.kind == Kind::Provider
        && opens
        && WORKPLACES.iter().any(|p| owner.lower.ends_with(p));
    let other = is_other(owner.lower)
        || workplace
        || is_thing(owner.lower)
        || is_recipient(owner.lower)
        || matches!(
            cue(owner.lower, Side::After, None, 2),
            Some(Cue::Matter | Cue::Ward | Cue::Work | Cue::StrongWork)
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

/// Words of time after `van` (`de scan van vorige week`); the months
/// (`case::date::MONTHS`) count too.
const TIMES: &[&str] = &[
    "vorige",
    "afgelopen",
    "volgende",
    "komende",
    "vandaag",
    "gisteren",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "vanochtend",
    "vanmiddag",
    "vorig",
    "laatste",
];

/// Workplaces that a behandelaar can be of (`van de praktijk`).
const WORKPLACES: &[&str] = &[
    "praktijk",
    "kliniek",
    "ziekenhuis",
    "afdeling",
    "instelling",
    "team",
    "organisatie",
    "zaak",
    "centrum",
    "locatie",
    "vestiging",
];

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
        let cue = cue(word.lower, Side::Before, previous, i + 1);
        // People the work is for further off count only when linked to
        // the term (`cliënten met …`), not as the object of another verb
        // (`door een bewoner geslagen en liep een hersenschudding op`).
        let next = if i == 0 {
            words[index].lower
        } else {
            earlier[i - 1].lower
        };
        let linked = is_recipient_link(next)
            || previous.is_some_and(|p| matches!(p, "bij" | "voor" | "aan"));
        let unlinked = cue == Some(Cue::Recipient) && word.lower != "hun" && !linked;
        before.push(if unlinked { None } else { cue });
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
fn says(found: Found, cue: Cue, around: &Around<'_, '_>) -> Option<bool> {
    let kind = found.kind;
    match cue {
        Cue::Patient | Cue::StrongPatient | Cue::Body => Some(true),
        // `bij de psycholoog`, but `werkt bij de polikliniek`.
        Cue::WeakPatient if matches!(kind, Kind::Diagnosis | Kind::Place) => None,
        Cue::WeakPatient if around.about_work() => None,
        Cue::WeakPatient => Some(true),
        Cue::Recipient | Cue::Matter | Cue::Other | Cue::CareGiven => Some(false),
        Cue::Ward if kind == Kind::Diagnosis => None,
        Cue::Ward => Some(false),
        // A diagnosis stays one at work: `haar collega's hebben corona`.
        Cue::Work | Cue::Job | Cue::StrongWork if kind == Kind::Diagnosis => None,
        Cue::Work | Cue::Job | Cue::StrongWork => Some(false),
        // `wordt behandeld`, `werd geopereerd`: the employee, passive.
        Cue::Role if kind == Kind::Treatment && found.term.ends_with('d') => Some(true),
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
