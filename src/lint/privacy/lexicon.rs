//! The words of the privacy check: medical terms, the parts of Dutch
//! compounds (`knie` + `blessure`), and the heads that make a compound
//! ordinary (`corona` + `maatregelen`). Terms match at the start of a word
//! or of a part after a hyphen, never inside a word, so `terug` or
//! `contractbreuk` never trip it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// What a term names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
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
pub enum Need {
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
pub struct Term {
    /// Lowercase text, matched at a word start.
    pub text: &'static str,
    /// What it names.
    pub kind: Kind,
    /// What it needs around it.
    pub need: Need,
    /// Whether only the whole word counts (`ms`, not `msn`).
    pub whole: bool,
}

const fn term(text: &'static str, kind: Kind, need: Need, whole: bool) -> Term {
    Term {
        text,
        kind,
        need,
        whole,
    }
}
const fn d(text: &'static str) -> Term {
    term(text, Kind::Diagnosis, Need::Nothing, false)
}
const fn t(text: &'static str) -> Term {
    term(text, Kind::Treatment, Need::Nothing, false)
}
const fn p(text: &'static str) -> Term {
    term(text, Kind::Provider, Need::Nothing, false)
}
const fn whole(base: Term) -> Term {
    Term {
        whole: true,
        ..base
    }
}
const fn needs(base: Term, need: Need) -> Term {
    Term { need, ..base }
}

/// Every term. Where two terms start a word, the first listed wins, so a
/// longer term comes before a shorter one it starts with, and diagnoses
/// come before treatments (`chemotherapie` is reported as `chemo`).
pub const TERMS: &[Term] = &[
    // Diagnoses and conditions.
    d("burn-out"),
    d("burnout"),
    d("overspannen"),
    d("depressie"),
    d("depressief"),
    d("angststoornis"),
    d("paniekstoornis"),
    d("paniekaanval"),
    d("ptss"),
    d("psychose"),
    d("psychotisch"),
    d("bipolair"),
    d("schizofren"),
    d("adhd"),
    d("autisme"),
    d("autistisch"),
    d("dyslexie"),
    d("verslaving"),
    d("verslaafd"),
    d("alcoholisme"),
    d("alcoholist"),
    d("drugsgebruik"),
    d("kanker"),
    d("tumor"),
    d("borstkanker"),
    d("leukemie"),
    d("chemo"),
    d("hernia"),
    d("artrose"),
    p("reumatoloog"),
    p("reumatologie"),
    d("reuma"),
    d("fibromyalgie"),
    d("whiplash"),
    d("tennisarm"),
    d("tenniselleboog"),
    d("muisarm"),
    d("eczeem"),
    d("psoriasis"),
    whole(d("rsi")),
    d("hartinfarct"),
    d("infarct"),
    d("embolie"),
    d("trombose"),
    d("hartfalen"),
    d("hartritmestoornis"),
    d("beroerte"),
    whole(d("cva")),
    whole(d("tia")),
    d("epilepsie"),
    d("migraine"),
    d("diabetes"),
    d("astma"),
    d("copd"),
    d("long covid"),
    d("covid"),
    d("corona"),
    d("griep"),
    d("multiple sclerose"),
    whole(d("ms")),
    d("parkinson"),
    d("alzheimer"),
    d("crohn"),
    d("pfeiffer"),
    d("bechterew"),
    d("hashimoto"),
    d("ménière"),
    d("meniere"),
    whole(d("cvs")),
    d("dementie"),
    d("hersenletsel"),
    d("hersenschudding"),
    d("fractuur"),
    needs(d("gebroken"), Need::BodyPart),
    d("zwangerschapsvergiftiging"),
    d("zwangerschap"),
    d("zwanger"),
    d("bekkeninstabiliteit"),
    d("miskraam"),
    whole(d("ivf")),
    d("hoge bloeddruk"),
    d("obesitas"),
    d("eetstoornis"),
    d("slaapstoornis"),
    d("slaapapneu"),
    d("slaapproblemen"),
    d("tinnitus"),
    d("gehoorverlies"),
    d("allergi"),
    d("psychische klachten"),
    d("psychische problemen"),
    d("lichamelijke klachten"),
    d("fysieke klachten"),
    d("botbreuk"),
    d("ontsteking"),
    d("blessure"),
    d("duizelig"),
    d("misselijk"),
    d("overgeven"),
    d("braken"),
    d("diarree"),
    d("koorts"),
    d("verkouden"),
    d("verkoudheid"),
    d("kortademig"),
    d("hartkloppingen"),
    d("verstuikt"),
    d("gekneusd"),
    d("tinteling"),
    d("huilbui"),
    d("hyperventil"),
    d("bloedverlies"),
    d("kramp"),
    needs(d("somber"), Need::Cue),
    // Complaints only when a body part is near: `last van zijn rug`,
    // `klachten aan haar schouder`, not `last van de verbouwing`.
    whole(needs(d("last"), Need::BodyPart)),
    whole(needs(d("klachten"), Need::BodyPart)),
    whole(needs(d("zere"), Need::BodyPart)),
    // Kinds of treatment, examination and medication.
    t("behandeling"),
    t("behandeld"),
    t("ingreep"),
    t("therapie"),
    t("psychotherapie"),
    t("emdr"),
    t("cognitieve gedragstherapie"),
    t("traumabehandeling"),
    t("burn-out training"),
    t("burn-outtraining"),
    t("fysiotherapie"),
    t("oefentherapie"),
    t("manuele therapie"),
    t("rugtraining"),
    t("haptotherapie"),
    t("ergotherapie"),
    t("logopedie"),
    t("revalid"),
    t("chemotherapie"),
    t("bestraling"),
    t("bestraald"),
    t("radiotherapie"),
    t("ziekenhuisopname"),
    t("dagbehandeling"),
    t("dialyse"),
    t("geopereerd"),
    t("staaroperatie"),
    t("maagverkleining"),
    t("keizersnede"),
    t("transplantatie"),
    needs(t("operatie"), Need::Cue),
    t("kijkoperatie"),
    t("infuus"),
    t("infusen"),
    t("gips"),
    whole(t("mri")),
    t("ct-scan"),
    t("röntgen"),
    t("bloedonderzoek"),
    t("medicatie"),
    t("medicijn"),
    t("antidepressiv"),
    t("pijnstiller"),
    t("slaapmedicatie"),
    t("slaappil"),
    t("slaapmiddel"),
    t("bloedverdunner"),
    t("kalmeringsmiddel"),
    t("antibiotica"),
    t("insuline"),
    t("morfine"),
    t("methadon"),
    t("oxazepam"),
    t("diazepam"),
    t("temazepam"),
    t("sertraline"),
    t("citalopram"),
    t("paroxetine"),
    t("ritalin"),
    t("methylfenidaat"),
    t("prednison"),
    t("paracetamol"),
    t("ibuprofen"),
    t("diclofenac"),
    t("tramadol"),
    t("oxycodon"),
    t("metformine"),
    t("bètablokker"),
    t("betablokker"),
    t("lithium"),
    t("afkickkliniek"),
    t("afkick"),
    t("verslavingszorg"),
    // Kinds of behandelaar and places of care.
    p("huisarts"),
    p("medisch specialist"),
    p("psycholoog"),
    p("psychologen"),
    p("gz-psycholoog"),
    p("psychiater"),
    p("psychiatrie"),
    p("psychiatrisch"),
    p("poh-ggz"),
    p("ggz"),
    p("psychotherapeut"),
    p("fysiotherapeut"),
    whole(p("fysio")),
    p("oefentherapeut"),
    p("haptotherapeut"),
    p("ergotherapeut"),
    p("neuroloog"),
    p("neurologen"),
    p("neurologie"),
    p("cardioloog"),
    p("cardiologen"),
    p("cardiologie"),
    p("oncoloog"),
    p("oncologen"),
    p("oncologie"),
    p("orthopeed"),
    p("orthopeden"),
    p("orthopedie"),
    p("chirurg"),
    p("internist"),
    p("longarts"),
    p("gynaecoloog"),
    p("gynaecologen"),
    p("gynaecologie"),
    p("verloskund"),
    p("revalidatiearts"),
    p("kno-arts"),
    p("oogarts"),
    p("dermatoloog"),
    p("diëtist"),
    p("tandarts"),
    whole(p("arts")),
    whole(p("specialist")),
    p("wijkverpleeg"),
    p("dokter"),
    p("polikliniek"),
    whole(p("poli")),
    p("ziekenhuis"),
    p("kliniek"),
    p("behandelaar"),
    p("behandelend arts"),
    // Last: a whole-word term must not shadow a longer term it starts
    // (`pijnstiller`).
    whole(d("pijn")),
];

/// Body parts: the first part of a medical compound (`knieblessure`) and,
/// as whole words, a sign that a text is about someone's body.
pub const BODY_PARTS: &[&str] = &[
    "knie", "knieën", "rug", "nek", "schouder", "heup", "pols", "enkel", "arm", "been", "benen",
    "hand", "voet", "elleboog", "ellebogen", "hoofd", "buik", "borst", "bekken", "pees", "pezen",
    "spier", "gewricht", "hart", "long", "maag", "darm", "blaas", "nier", "lever", "oog", "ogen",
    "oor", "oren", "keel", "vinger", "teen", "tenen", "kaak", "rib", "neus", "hersen", "zenuw",
    "huid", "slijmbeurs", "sleutelbeen", "scheenbeen", "dijbeen", "bovenbeen", "onderbeen",
    "bovenarm", "onderarm", "schouderblad", "achillespees", "duim", "kuit", "dij", "wervel",
    "knieschijf", "lichaam",
];

/// Complaints that, like body parts, start a medical compound
/// (`stressklachten`, `vermoeidheidsklachten`).
const COMPLAINTS: &[&str] = &[
    "stress",
    "spanning",
    "vermoeidheid",
    "overgang",
    "angst",
    "paniek",
    "slaap",
];

/// The second part of a medical compound, and what the compound names.
const HEADS: &[(&str, Kind)] = &[
    ("pijn", Kind::Diagnosis),
    ("klacht", Kind::Diagnosis),
    ("letsel", Kind::Diagnosis),
    ("blessure", Kind::Diagnosis),
    ("breuk", Kind::Diagnosis),
    ("fractuur", Kind::Diagnosis),
    ("ontsteking", Kind::Diagnosis),
    ("infectie", Kind::Diagnosis),
    ("hernia", Kind::Diagnosis),
    ("kanker", Kind::Diagnosis),
    ("griep", Kind::Diagnosis),
    ("aanval", Kind::Diagnosis),
    ("infarct", Kind::Diagnosis),
    ("embolie", Kind::Diagnosis),
    ("trombose", Kind::Diagnosis),
    ("kramp", Kind::Diagnosis),
    ("stoornis", Kind::Diagnosis),
    ("operatie", Kind::Treatment),
    ("prothese", Kind::Treatment),
    ("fysiotherapie", Kind::Treatment),
    ("therapie", Kind::Treatment),
    ("transplantatie", Kind::Treatment),
    ("chirurg", Kind::Provider),
    ("arts", Kind::Provider),
];

/// Heads that make any compound medical, whatever its first part
/// (`groepstherapie`, `pijnkliniek`), matched at the end of a word.
const FREE_HEADS: &[(&str, Kind)] = &[
    ("ziekte", Kind::Diagnosis),
    ("kanker", Kind::Diagnosis),
    ("verslaafd", Kind::Diagnosis),
    ("verslaving", Kind::Diagnosis),
    ("therapie", Kind::Treatment),
    ("therapieën", Kind::Treatment),
    ("therapeut", Kind::Provider),
    ("therapeuten", Kind::Provider),
    ("kliniek", Kind::Provider),
];

/// Second parts that make a compound of a medical term ordinary: it names
/// a rule, a period, a department or a product, not someone's health
/// (`coronamaatregelen`, `medicatieronde`, `gipsplaten`, `doktersassistente`).
const ORDINARY_HEADS: &[&str] = &[
    "maatregel",
    "regel",
    "richtlijn",
    "protocol",
    "beleid",
    "tijd",
    "crisis",
    "periode",
    "pandemie",
    "golf",
    "uitbraak",
    "jaar",
    "jaren",
    "sluiting",
    "lockdown",
    "prik",
    "vaccinatie",
    "campagne",
    "afdeling",
    "patiënten",
    "verpleegkundige",
    "consulent",
    "fonds",
    "bestrijding",
    "preventie",
    "plaat",
    "platen",
    "wand",
    "batterij",
    "accu",
    "ion",
    "ronde",
    "uitgifte",
    "beheer",
    "voorraad",
    "veiligheid",
    "verlof",
    "uitkering",
    "assistent",
    "opleiding",
    "stage",
];

/// Names that start with a term and are not about health.
const ORDINARY_PHRASES: &[&str] = &[
    "ms teams",
    "ms office",
    "ms word",
    "ms excel",
    "ms outlook",
];

/// Places: a treatment term followed by one of these names a workplace
/// (`fysiotherapiepraktijk`), judged like a behandelaar.
const PLACE_HEADS: &[&str] = &["praktijk", "centrum", "kliniek", "instelling", "post"];

/// A medical term found at a word start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The term (for a compound: its head).
    pub term: &'static str,
    /// What the word names, after looking at its second part.
    pub kind: Kind,
    /// What it needs around it.
    pub need: Need,
}

/// Longest text a lookup reads from a word start, in bytes: every term and
/// a compound's second part fit in it, so a long word costs constant time.
pub const WINDOW: usize = 64;

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
    automaton(ORDINARY_PHRASES.iter().copied().chain(TERMS.iter().map(|t| t.text)))
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
pub enum Match {
    /// No term.
    None,
    /// A term in an ordinary compound (`coronamaatregelen`).
    Ordinary,
    /// A medical term, still to be judged in its context.
    Medical(Found),
}

/// Whether `c` belongs to a word (compounds keep their hyphens).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// What the lowercased `window` starts with: a listed term, or a compound
/// of a body part or complaint and a medical head. `window` holds at most
/// [`WINDOW`] characters of the text; `cut` says whether the text goes on;
/// `in_compound` that the window starts after a hyphen, where whole-word
/// terms do not count (`ICT-specialist`).
pub fn lookup(window: &str, cut: bool, in_compound: bool) -> Match {
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
pub fn free_head(word: &str) -> Option<Found> {
    FREE_HEADS
        .iter()
        .find(|(head, _)| {
            let start = word.len().saturating_sub(head.len());
            start > 0
                && word.is_char_boundary(start)
                && word[start..].eq_ignore_ascii_case(head)
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
pub fn is_body_part(word: &str) -> bool {
    let word = word
        .strip_prefix("rechter")
        .or_else(|| word.strip_prefix("linker"))
        .unwrap_or(word);
    BODY_PARTS.iter().any(|part| {
        word.strip_prefix(part)
            .is_some_and(|rest| matches!(rest, "" | "s" | "en"))
    })
}
