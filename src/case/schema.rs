//! Every key of the case format: its type, the form field it fills and the
//! documents it belongs to. Lint, rendering and the docs test read this table.

pub use super::forms::DocKind;

/// The type of a key's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Longer text; Markdown allowed.
    LongText,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// `true` / `false`.
    Bool,
    /// A number.
    Number,
    /// A percentage, 0–100.
    Percent,
    /// A burgerservicenummer, quoted.
    Bsn,
    /// A Dutch postcode.
    Postcode,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// One of a fixed list of values.
    Choice(&'static [Choice]),
    /// A group of named keys.
    Group(&'static [Field]),
    /// A table: a list of rows with these keys.
    Rows(&'static [Field]),
}

/// One allowed value of a [`Kind::Choice`] key, with its label on each form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value written in the case file.
    pub key: &'static str,
    /// The exact wording on the UWV Plan van aanpak, if the form has it.
    pub plan: Option<&'static str>,
    /// The exact wording on the ArboNed Bijstelling, if the form has it.
    pub bijstelling: Option<&'static str>,
}

/// Which files may hold a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Shared dossier data: `gedeeld.yaml`, `dossier.yaml` or a document.
    Shared,
    /// Only a Plan van aanpak.
    Plan,
    /// Only a Bijstelling Plan van aanpak.
    Bijstelling,
    /// Any document, not the shared files.
    Document,
    /// Only the shared files (`gedeeld.yaml`, `dossier.yaml`): the dossier's
    /// own history, which a document does not repeat.
    Inherited,
    /// Only these kinds of document.
    Kinds(&'static [DocKind]),
}

/// One key of the case format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The YAML key.
    pub key: &'static str,
    /// Its type.
    pub kind: Kind,
    /// Where it may be written.
    pub scope: Scope,
    /// The form field it fills, or its meaning.
    pub label: &'static str,
    /// Which documents must fill it (PVA020, PVA021); `None`: none must.
    pub required: Option<Required>,
}

/// Which documents must fill a key, declared next to its type: PVA020 and
/// PVA021 walk these (`lint::required`, where the few rules that need more
/// than one key's answer are computed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Required {
    /// The kinds of document whose form asks it.
    pub kinds: &'static [DocKind],
    /// Asked only when another key has this answer (PVA021); `None`: always
    /// (PVA020).
    pub when: Option<When>,
    /// A sibling key that answers it as well: a row's `frequentie` stands in
    /// for its `wanneer`.
    pub or: Option<&'static str>,
    /// Added to the finding: why the form asks it, or what counts.
    pub why: &'static str,
}

/// The answer that makes a key required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The dotted path of the key answered (checked against this table by a test).
    pub path: &'static str,
    /// The answer that asks for more.
    pub is: Answer,
}

/// An answer to a question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A [`Kind::Bool`] key is `true`.
    Yes,
    /// A [`Kind::Bool`] key is `false`.
    No,
    /// A [`Kind::Choice`] key has this value.
    Choice(&'static str),
}

const fn f(key: &'static str, kind: Kind, scope: Scope, label: &'static str) -> Field {
    Field {
        key,
        kind,
        scope,
        label,
        required: None,
    }
}

impl Field {
    /// The field, asked by the forms of `kinds`.
    const fn asked(self, kinds: &'static [DocKind]) -> Field {
        self.asked_because(kinds, "")
    }

    /// The field, asked by the forms of `kinds`; `why` is added to the finding.
    const fn asked_because(mut self, kinds: &'static [DocKind], why: &'static str) -> Field {
        self.required = Some(Required {
            kinds,
            when: None,
            or: None,
            why,
        });
        self
    }

    /// The field, asked by the forms of `kinds` when `path` is answered `is`.
    const fn asked_when(
        mut self,
        kinds: &'static [DocKind],
        path: &'static str,
        is: Answer,
        why: &'static str,
    ) -> Field {
        self.required = Some(Required {
            kinds,
            when: Some(When { path, is }),
            or: None,
            why,
        });
        self
    }

    /// The field, also answered by its sibling `key`.
    const fn or(mut self, key: &'static str) -> Field {
        let Some(mut required) = self.required else {
            panic!("`or` is for a field that is asked");
        };
        required.or = Some(key);
        self.required = Some(required);
        self
    }
}

const fn c(
    key: &'static str,
    plan: Option<&'static str>,
    bijstelling: Option<&'static str>,
) -> Choice {
    Choice {
        key,
        plan,
        bijstelling,
    }
}

use Kind::*;
use Scope::*;

/// The reintegration goals of both forms, in form order.
pub const EINDDOEL: &[Choice] = &[
    c(
        "ongewijzigd",
        None,
        Some("Nee, het einddoel is ongewijzigd"),
    ),
    c(
        "eigen_functie",
        Some("Werkhervatting in de eigen functie"),
        Some("Werkhervatting in de eigen functie."),
    ),
    c(
        "gedeeltelijk_eigen_functie",
        Some("Gedeeltelijke werkhervatting in de eigen functie"),
        Some("Gedeeltelijke werkhervatting in de eigen functie."),
    ),
    c(
        "andere_functie_eigen_werkgever",
        Some("Werkhervatting in een andere functie bij de eigen werkgever"),
        Some("Werkhervatting in een andere functie bij de eigen werkgever."),
    ),
    c(
        "gedeeltelijk_andere_functie_eigen_werkgever",
        Some("Gedeeltelijke werkhervatting in een andere functie bij de eigen werkgever"),
        Some("Gedeeltelijke werkhervatting in een andere functie bij de eigen werkgever."),
    ),
    c(
        "andere_werkgever",
        Some("Gehele of gedeeltelijke werkhervatting bij een andere werkgever"),
        Some("Gehele of gedeeltelijke werkhervatting bij een andere werkgever."),
    ),
    c("nog_niet_bekend", Some("Nog niet bekend, omdat"), None),
    c(
        "ander",
        None,
        Some("ander einddoel, inclusief toelichting:"),
    ),
];

/// The probleemvelden of the UWV form (examples there, so `overig` is allowed).
pub const PROBLEEMVELD: &[Choice] = &[
    c("arbeidsinhoud", Some("Arbeidsinhoud"), None),
    c("arbeidsomstandigheden", Some("Arbeidsomstandigheden"), None),
    c("arbeidsvoorwaarden", Some("Arbeidsvoorwaarden"), None),
    c("arbeidsverhoudingen", Some("Arbeidsverhoudingen"), None),
    c(
        "sociaal_medische_zaken",
        Some("Sociaal-medische zaken"),
        None,
    ),
    c("overig", Some("Overig"), None),
];

/// The kinds of document.
pub const DOCUMENT: &[Choice] = &[
    c("plan-van-aanpak", Some("Plan van aanpak"), None),
    c("bijstelling", None, Some("Bijstelling Plan van aanpak")),
    c("evaluatieverslag", None, Some("Evaluatieverslag")),
    c("eerstejaarsevaluatie", None, Some("Eerstejaarsevaluatie")),
    c("eindevaluatie", None, Some("Eindevaluatie")),
    c(
        "verkort-reintegratieverslag",
        None,
        Some("Verkort re-integratieverslag"),
    ),
];

/// The verkort verslag's ground: the bedrijfsarts expected no dreigend
/// langdurig verzuim (then the ten weeks do not apply).
pub const GEEN_DREIGEND_VERZUIM: &str = "geen_dreigend_langdurig_verzuim";

/// The grounds on which a verkort re-integratieverslag suffices, in the
/// words of RIVV art. 2a lid 1.
pub const GROND: &[Choice] = &[
    c(
        "korter_dan_tien_weken",
        None,
        Some(
            "De tijdsperiode tussen de eerste dag van de ongeschiktheid tot werken en de laatste dag voordat de dienstbetrekking eindigt, is korter dan tien weken.",
        ),
    ),
    c(
        GEEN_DREIGEND_VERZUIM,
        None,
        Some(
            "Naar de verwachting van de bedrijfsarts of de arbodienst is er geen sprake van dreigend langdurig ziekteverzuim; daarom zijn geen probleemanalyse en geen plan van aanpak opgesteld.",
        ),
    ),
];

// UWV asks name, BSN and date on each part of the re-integratieverslag
// (Beleidsregels vorm- en herkenbaarheidsvereisten).
const ALL_KINDS: &[DocKind] = DocKind::ALL;
const ONLY_PLAN: &[DocKind] = &[DocKind::Plan];
const ONLY_BIJSTELLING: &[DocKind] = &[DocKind::Bijstelling];
const PLANS: &[DocKind] = &[DocKind::Plan, DocKind::Bijstelling];
const GOAL_KINDS: &[DocKind] = &[DocKind::Plan, DocKind::Bijstelling, DocKind::Eerstejaars];
const EVALUATIE_KINDS: &[DocKind] = &[DocKind::Evaluatie, DocKind::Eerstejaars];
/// The forms that ask the visie (each row's `visie`; a test keeps them equal).
const VISIE_KINDS: &[DocKind] = &[
    DocKind::Plan,
    DocKind::Bijstelling,
    DocKind::Evaluatie,
    DocKind::Eerstejaars,
    DocKind::Eind,
];
/// The forms that name the bedrijfsarts: the plan (3.2), the bijstelling,
/// and the closing reports (RIVV art. 2a lid 3 a; Regeling procesgang art. 6 a).
const BEDRIJFSARTS_KINDS: &[DocKind] = &[
    DocKind::Plan,
    DocKind::Bijstelling,
    DocKind::Eind,
    DocKind::Verkort,
];
const EERSTEJAARS: &[DocKind] = &[DocKind::Eerstejaars];
/// The forms with the bijstelling's "ander einddoel, inclusief toelichting".
const NAMED_GOAL_KINDS: &[DocKind] = &[DocKind::Bijstelling, DocKind::Eerstejaars];
const EVALUATIEVERSLAG: &[DocKind] = &[DocKind::Evaluatie];
const CLOSING: &[DocKind] = &[DocKind::Eind, DocKind::Verkort];
const EIND: &[DocKind] = &[DocKind::Eind];
const VERKORT: &[DocKind] = &[DocKind::Verkort];
const BEDRIJFSNAAM_KINDS: &[DocKind] = &[
    DocKind::Plan,
    DocKind::Bijstelling,
    DocKind::Eind,
    DocKind::Verkort,
];

const DEELNEMER: &[Field] = &[
    f("naam", Text, Kinds(EVALUATIE_KINDS), "Naam").asked(EVALUATIE_KINDS),
    f("functie", Text, Kinds(EVALUATIE_KINDS), "Functie of rol"),
];

const SPOOR_2: &[Field] = &[
    f(
        "nodig",
        Bool,
        Kinds(EVALUATIE_KINDS),
        "Is een tweede spoor (werk bij een andere werkgever) nodig?",
    )
    .asked(EVALUATIE_KINDS),
    f(
        "toelichting",
        LongText,
        Kinds(EVALUATIE_KINDS),
        "Waarom wel of geen tweede spoor",
    )
    .asked(EVALUATIE_KINDS),
    f(
        "gestart",
        Date,
        Kinds(EVALUATIE_KINDS),
        "Is het tweede spoor gestart, en zo ja per wanneer",
    ),
];

/// A contact person; the bijstelling asks name and phone number, and for
/// the arbodienst's also the e-mail address.
const fn contact(email_asked: bool) -> [Field; 4] {
    let email = f("email", Email, Shared, "E-mailadres contactpersoon");
    [
        f("naam", Text, Shared, "Naam contactpersoon").asked(ONLY_BIJSTELLING),
        f("functie", Text, Shared, "Functie contactpersoon"),
        f("telefoon", Phone, Shared, "Telefoonnummer contactpersoon").asked(ONLY_BIJSTELLING),
        if email_asked {
            email.asked(ONLY_BIJSTELLING)
        } else {
            email
        },
    ]
}

const WERKGEVER_CONTACT: &[Field] = &contact(false);
const ARBODIENST_CONTACT: &[Field] = &contact(true);

const WERKGEVER: &[Field] = &[
    f("bedrijfsnaam", Text, Shared, "Bedrijfsnaam").asked(BEDRIJFSNAAM_KINDS),
    f(
        "aard_bedrijf",
        LongText,
        Shared,
        "Aard van het bedrijf (RIVV art. 2 lid 5, art. 2a lid 3 a)",
    )
    .asked(CLOSING),
    f("adres", Text, Shared, "Adres"),
    f("postcode", Postcode, Shared, "Postcode"),
    f("plaats", Text, Shared, "Plaats"),
    f(
        "contactpersoon",
        Group(WERKGEVER_CONTACT),
        Shared,
        "Contactpersoon werkgever",
    ),
];

const WERKNEMER: &[Field] = &[
    f("naam", Text, Shared, "Naam (1.1)").asked(ALL_KINDS),
    f("bsn", Bsn, Shared, "Burgerservicenummer (1.2)").asked(ALL_KINDS),
    f("adres", Text, Shared, "Adres").asked(ONLY_BIJSTELLING),
    f("postcode", Postcode, Shared, "Postcode").asked(ONLY_BIJSTELLING),
    f("plaats", Text, Shared, "Plaats").asked(ONLY_BIJSTELLING),
    f("geboortedatum", Date, Shared, "Geboortedatum").asked(ONLY_BIJSTELLING),
    f("functie", Text, Shared, "Functie van de werknemer").asked(CLOSING),
    f(
        "bekwaamheden",
        LongText,
        Shared,
        "Bekwaamheden van de werknemer: opleiding, ervaring, vaardigheden (RIVV art. 2a lid 3 a)",
    )
    .asked(VERKORT),
];

const CASEMANAGER: &[Field] = &[
    f("naam", Text, Shared, "Naam (2.1)").asked(ONLY_PLAN),
    f("adres", Text, Shared, "Adres (2.2)"),
    f("postcode", Postcode, Shared, "Postcode (2.3)"),
    f("plaats", Text, Shared, "Plaats (2.3)"),
    f("telefoon", Phone, Shared, "Telefoonnummer (2.4)"),
    f("functie", Text, Shared, "Functie (2.5)"),
    f("email", Email, Shared, "E-mailadres"),
];

const ARBODIENST: &[Field] = &[
    f("naam", Text, Shared, "Naam arbodienst (3.1)").asked(ONLY_PLAN),
    f("vestiging", Text, Shared, "Naam vestiging").asked(ONLY_BIJSTELLING),
    f("adres", Text, Shared, "Adres").asked(ONLY_BIJSTELLING),
    f("postcode", Postcode, Shared, "Postcode").asked(ONLY_BIJSTELLING),
    f("plaats", Text, Shared, "Plaats").asked(ONLY_BIJSTELLING),
    f("telefoon", Phone, Shared, "Telefoonnummer (3.3)"),
    f(
        "bedrijfsarts",
        Text,
        Shared,
        "Naam arbo-/bedrijfsarts (3.2)",
    )
    .asked(BEDRIJFSARTS_KINDS),
    f(
        "contactpersoon",
        Group(ARBODIENST_CONTACT),
        Shared,
        "Contactpersoon arbodienst",
    ),
];

const VERLOOP: &[Field] = &[
    f("datum", Date, Shared, "Datum"),
    f(
        "percentage",
        Percent,
        Shared,
        "Percentage arbeidsongeschiktheid",
    ),
];

const VERZUIM: &[Field] = &[
    f(
        "eerste_ziektedag",
        Date,
        Shared,
        "Eerste arbeidsongeschiktheidsdag",
    )
    .asked(ALL_KINDS),
    f("verloop", Rows(VERLOOP), Shared, "Verloop van het verzuim"),
    f(
        "einde_dienstverband",
        Date,
        Shared,
        "Laatste dag van het dienstverband",
    )
    .asked(VERKORT),
    f(
        "ziekmelding_uwv",
        Date,
        Shared,
        "Datum van de ziekmelding bij UWV (42e week), voor pva agenda",
    ),
    f(
        "eerstejaarsevaluatie",
        Date,
        Shared,
        "Datum van de eerstejaarsevaluatie, voor pva agenda",
    ),
    f(
        "besluit_spoor_2",
        Date,
        Shared,
        "Datum van het besluit over spoor 2 (binnen zes weken na de eerstejaarsevaluatie), voor pva agenda",
    ),
    f(
        "start_spoor_2",
        Date,
        Shared,
        "Datum waarop spoor 2 (re-integratie bij een andere werkgever) begon, bijvoorbeeld de opdracht aan een re-integratiebedrijf",
    ),
    f(
        "arbeidsdeskundig_onderzoek",
        Date,
        Shared,
        "Datum van het arbeidsdeskundig onderzoek (nodig bij een einddoel buiten de eigen functie vanaf week 52)",
    ),
    f(
        "deskundigenoordelen",
        Rows(DESKUNDIGENOORDEEL),
        Shared,
        "Deskundigenoordelen van UWV (Wet SUWI art. 32), elk met datum, vraag en uitkomst",
    ),
    f(
        "actueel_oordeel",
        Date,
        Shared,
        "Datum van het actueel oordeel van de bedrijfsarts voor het re-integratieverslag; bewaar de PDF als actueel-oordeel-JJJJ-MM-DD.pdf in de dossiermap",
    ),
    f(
        "ziek_uit_dienst_melding",
        Date,
        Shared,
        "Datum van de ziek-uit-dienstmelding bij UWV (bij einde dienstverband tijdens ziekte), voor pva agenda",
    ),
    f(
        "wia_brief_uwv",
        Date,
        Shared,
        "Datum van de brief van UWV over de WIA-aanvraag (rond week 89), voor pva agenda",
    ),
    f(
        "wia_aanvraag",
        Date,
        Shared,
        "Datum van de WIA-aanvraag door de werknemer, voor pva agenda",
    ),
    f(
        "evaluaties_gehouden",
        Rows(GEHOUDEN),
        Shared,
        "Gehouden evaluaties: zo telt een afgesproken evaluatiemoment als gedaan",
    ),
];

const DESKUNDIGENOORDEEL: &[Field] = &[
    f("datum", Date, Shared, "Datum van het deskundigenoordeel"),
    f(
        "vraag",
        Text,
        Shared,
        "De vraag aan UWV (bijvoorbeeld: passende arbeid, re-integratie-inspanningen)",
    ),
    f("uitkomst", Text, Shared, "Het oordeel van UWV"),
];

const GEHOUDEN: &[Field] = &[f("datum", Date, Shared, "Datum van de gehouden evaluatie")];

const PROBLEEMANALYSE: &[Field] = &[
    f(
        "datum",
        Date,
        Shared,
        "Datum van de probleemanalyse (oordeel bedrijfsarts)",
    ),
    f(
        "ontvangen_op",
        Date,
        Shared,
        "Datum waarop de werkgever de probleemanalyse ontving",
    ),
    f(
        "advies_einddoel",
        Choice(EINDDOEL),
        Shared,
        "Einddoel volgens het advies van de bedrijfsarts",
    ),
    f(
        "geen_benutbare_mogelijkheden",
        Bool,
        Shared,
        "De bedrijfsarts ziet geen duurzaam benutbare mogelijkheden: (nog) geen Plan van aanpak",
    ),
    f(
        "bijstellingen",
        Rows(PA_BIJSTELLING),
        Inherited,
        "Latere bijstellingen van de probleemanalyse, elk vanaf de dag van ontvangst",
    ),
];

const PA_BIJSTELLING: &[Field] = &[
    f(
        "datum",
        Date,
        Inherited,
        "Datum van de bijstelling (oordeel bedrijfsarts)",
    ),
    f(
        "ontvangen_op",
        Date,
        Inherited,
        "Datum waarop de werkgever de bijstelling ontving",
    ),
    f(
        "advies_einddoel",
        Choice(EINDDOEL),
        Inherited,
        "Einddoel volgens het bijgestelde advies",
    ),
    f(
        "geen_benutbare_mogelijkheden",
        Bool,
        Inherited,
        "Geen duurzaam benutbare mogelijkheden volgens deze bijstelling",
    ),
];

const EINDDOEL_GROUP: &[Field] = &[
    f(
        "keuze",
        Choice(EINDDOEL),
        Document,
        "Einddoel (plan 4 / bijstelling 5)",
    )
    .asked(GOAL_KINDS),
    f(
        "nog_niet_bekend_omdat",
        LongText,
        Plan,
        "Nog niet bekend, omdat …",
    )
    .asked_when(
        ONLY_PLAN,
        "einddoel.keuze",
        Answer::Choice("nog_niet_bekend"),
        ": bij 'Nog niet bekend' vraagt het formulier 'omdat …'",
    ),
    f(
        "afwijkend_van_advies",
        Bool,
        Plan,
        "Einddoel wijkt af van het advies van de bedrijfsarts",
    ),
    f(
        "reden_afwijking",
        LongText,
        Plan,
        "Reden voor een ander einddoel dan het advies",
    ),
    f(
        "toelichting",
        LongText,
        Kinds(NAMED_GOAL_KINDS),
        "ander einddoel, inclusief toelichting",
    )
    .asked_when(
        NAMED_GOAL_KINDS,
        "einddoel.keuze",
        Answer::Choice("ander"),
        ": bij 'ander einddoel' hoort een toelichting",
    ),
];

const AFSPRAAK: &[Field] = &[
    f("probleemveld", Choice(PROBLEEMVELD), Plan, "Probleemveld").asked(ONLY_PLAN),
    f("activiteit", Text, Plan, "Activiteit").asked(ONLY_PLAN),
    f("door", Text, Plan, "Door").asked(ONLY_PLAN),
    f("planning", Text, Plan, "Planning").asked(ONLY_PLAN),
];

/// A moment is dated (`wanneer`), recurring (`frequentie`), or both: the
/// bijstelling asks for "Evaluatiemomenten (frequentie/vorm)".
const EVALUATIE: &[Field] = &[
    f("wanneer", Date, Document, "Wanneer")
        .asked(PLANS)
        .or("frequentie"),
    f(
        "frequentie",
        Text,
        Document,
        "Frequentie, zoals elke 6 weken",
    ),
    f("vorm", Text, Document, "Vorm, zoals gesprek op het werk"),
    f("wat", Text, Document, "Wat").asked(PLANS),
    f("wie", Text, Document, "Wie").asked(PLANS),
];

const VISIE: &[Field] = &[
    f(
        "werknemer",
        LongText,
        Kinds(VISIE_KINDS),
        "Visie van de werknemer",
    ),
    f(
        "werkgever",
        LongText,
        Kinds(VISIE_KINDS),
        "Visie van de werkgever",
    ),
];

const OBSTAKELS_JA: &str =
    ": bij obstakels 'Ja' vraagt het formulier wat ze zijn en hoe ze blijvend worden opgelost";

const OBSTAKELS: &[Field] = &[
    f("aanwezig", Bool, Bijstelling, "Zijn er obstakels (ja/nee)").asked(ONLY_BIJSTELLING),
    f("omschrijving", LongText, Bijstelling, "Ja, dit zijn:").asked_when(
        ONLY_BIJSTELLING,
        "obstakels.aanwezig",
        Answer::Yes,
        OBSTAKELS_JA,
    ),
    f(
        "oplossing",
        LongText,
        Bijstelling,
        "Hoe kunnen deze blijvend worden opgelost?",
    )
    .asked_when(
        ONLY_BIJSTELLING,
        "obstakels.aanwezig",
        Answer::Yes,
        OBSTAKELS_JA,
    ),
];

const HERVATTING: &[Field] = &[
    f("vanaf", Date, Bijstelling, "Datum van werkhervatting"),
    f("uren_per_week", Number, Bijstelling, "Uren per week"),
    f(
        "deelherstel_percentage",
        Percent,
        Bijstelling,
        "Percentage deelherstel",
    ),
    f(
        "volledig_verwacht",
        Date,
        Bijstelling,
        "Verwachte volledige werkhervatting",
    ),
];

const HANDTEKENING: &[Field] = &[
    f("naam", Text, Document, "Naam"),
    f("functie", Text, Document, "Functie"),
    f("datum", Date, Document, "Datum van ondertekening"),
];

const ONDERTEKENING: &[Field] = &[
    f(
        "werknemer",
        Group(HANDTEKENING),
        Document,
        "Handtekening werknemer",
    ),
    f(
        "werkgever",
        Group(HANDTEKENING),
        Document,
        "Handtekening (casemanager) werkgever",
    ),
];

const WERKGEVER_FIELD: Field = f("werkgever", Group(WERKGEVER), Shared, "Gegevens werkgever");
const WERKNEMER_FIELD: Field = f("werknemer", Group(WERKNEMER), Shared, "Werknemer");
const CASEMANAGER_FIELD: Field = f("casemanager", Group(CASEMANAGER), Shared, "Casemanager");
const ARBODIENST_FIELD: Field = f("arbodienst", Group(ARBODIENST), Shared, "Arbodienst");
const VERZUIM_FIELD: Field = f("verzuim", Group(VERZUIM), Shared, "Gegevens verzuim");
const PROBLEEMANALYSE_FIELD: Field = f(
    "probleemanalyse",
    Group(PROBLEEMANALYSE),
    Shared,
    "Probleemanalyse",
);

/// A change from a date on: the groups that may change over time.
const WIJZIGING: &[Field] = &[
    f(
        "vanaf",
        Date,
        Inherited,
        "Datum vanaf wanneer de gegevens gelden",
    ),
    WERKGEVER_FIELD,
    WERKNEMER_FIELD,
    CASEMANAGER_FIELD,
    ARBODIENST_FIELD,
];

/// What a signed document inherited, written into it by `pva freeze`.
const BEVROREN: &[Field] = &[
    WERKGEVER_FIELD,
    WERKNEMER_FIELD,
    CASEMANAGER_FIELD,
    ARBODIENST_FIELD,
    VERZUIM_FIELD,
    PROBLEEMANALYSE_FIELD,
];

/// The version both parties signed, recorded by `pva freeze`
/// (`case::fingerprint` reads it, docs/case-format.md explains it).
const GETEKENDE_VERSIE: &[Field] = &[
    f(
        "vingerafdruk",
        Text,
        Document,
        "Vingerafdruk van de getekende versie (ook onderaan elke pagina van de PDF)",
    ),
    f(
        "getekend_werknemer",
        Date,
        Document,
        "De datum waarop de werknemer deze versie tekende",
    ),
    f(
        "getekend_werkgever",
        Date,
        Document,
        "De datum waarop de werkgever deze versie tekende",
    ),
    f(
        "pdf",
        Group(GETEKENDE_PDF),
        Document,
        "Waarmee pva de PDF maakte",
    ),
    f(
        "regels",
        Text,
        Document,
        "Een vingerafdruk per regel, om een wijziging aan te wijzen",
    ),
];

/// What made the PDF of the signed version, besides its content.
const GETEKENDE_PDF: &[Field] = &[
    f("bron", Text, Document, "De Typst-bron uit het sjabloon"),
    f(
        "opmaak",
        Text,
        Document,
        "De vormgeving (pva.typ en de andere bestanden van de sjablonen)",
    ),
    f("lettertypen", Text, Document, "De ingebouwde lettertypen"),
    f("typst", Text, Document, "De versie van typst"),
];

/// The top-level keys.
pub const ROOT: &[Field] = &[
    f("document", Choice(DOCUMENT), Document, "Soort document"),
    f(
        "datum",
        Date,
        Document,
        "Datum waarop het document is opgesteld",
    )
    .asked(ALL_KINDS),
    WERKGEVER_FIELD,
    WERKNEMER_FIELD,
    CASEMANAGER_FIELD,
    ARBODIENST_FIELD,
    VERZUIM_FIELD,
    PROBLEEMANALYSE_FIELD,
    f(
        super::paths::VOORBEELD,
        Bool,
        Inherited,
        "Dit dossier is het verzonnen voorbeeld van pva init: het telt niet mee zodra er een eigen dossier is",
    ),
    f(
        WIJZIGINGEN_KEY,
        Rows(WIJZIGING),
        Inherited,
        "Gegevens die vanaf een datum anders zijn (casemanager, arbodienst …)",
    ),
    f(
        BEVROREN_KEY,
        Group(BEVROREN),
        Document,
        "Wat het getekende document erfde, vastgelegd door pva freeze",
    ),
    f(
        GETEKENDE_VERSIE_KEY,
        Group(GETEKENDE_VERSIE),
        Document,
        "De getekende versie, vastgelegd door pva freeze",
    ),
    f(
        "einddoel",
        Group(EINDDOEL_GROUP),
        Document,
        "Einddoel van de re-integratie",
    ),
    f("stappen", LongText, Plan, "Te nemen stappen (5)").asked(ONLY_PLAN),
    f("afspraken", Rows(AFSPRAAK), Plan, "Afspraken (6)").asked(ONLY_PLAN),
    f(
        "motivering_afwijking_advies",
        LongText,
        Plan,
        "Motivering als activiteiten afwijken van het advies",
    ),
    f(
        "evaluaties",
        Rows(EVALUATIE),
        Document,
        "Evaluatiemomenten (plan 7 / bijstelling 8)",
    )
    .asked(PLANS),
    f(
        "evaluatie_probleemanalyse",
        LongText,
        Plan,
        "Afspraken over evaluatie van de probleemanalyse (8)",
    )
    .asked(ONLY_PLAN),
    f(
        "visie",
        Group(VISIE),
        Kinds(VISIE_KINDS),
        "Visie werknemer en werkgever",
    ),
    f(
        "reden_te_laat",
        LongText,
        Plan,
        "Reden dat het plan te laat is opgesteld",
    ),
    f("obstakels", Group(OBSTAKELS), Bijstelling, "Obstakels (6)"),
    f(
        "afspraken_nabije_toekomst",
        LongText,
        Bijstelling,
        "Afspraken nabije toekomst (7)",
    )
    .asked_because(
        ONLY_BIJSTELLING,
        "; ook als werkhervatting nog niet mogelijk is",
    ),
    f(
        "hervatting",
        Group(HERVATTING),
        Bijstelling,
        "Werkhervatting (7)",
    ),
    f(
        "interventies",
        LongText,
        Bijstelling,
        "Welke interventies u inzet (7)",
    ),
    f(
        "deelnemers",
        Rows(DEELNEMER),
        Kinds(EVALUATIE_KINDS),
        "Wie namen deel aan het gesprek",
    )
    .asked(EVALUATIE_KINDS),
    f(
        "besproken",
        LongText,
        Kinds(EVALUATIEVERSLAG),
        "Wat is besproken en afgesproken",
    )
    .asked(EVALUATIEVERSLAG),
    f(
        "volgens_plan",
        Bool,
        Kinds(EVALUATIE_KINDS),
        "Verloopt de re-integratie volgens plan?",
    )
    .asked(EVALUATIE_KINDS),
    f(
        "volgens_plan_toelichting",
        LongText,
        Kinds(EVALUATIE_KINDS),
        "Zo niet, waarom niet?",
    )
    .asked_when(
        EVALUATIE_KINDS,
        "volgens_plan",
        Answer::No,
        ": verloopt de re-integratie niet volgens plan, dan vraagt het formulier waarom niet",
    ),
    f(
        "bijstelling_nodig",
        Bool,
        Kinds(EVALUATIE_KINDS),
        "Moet het Plan van aanpak (de aanpak van de re-integratie) worden bijgesteld?",
    )
    .asked(EVALUATIE_KINDS),
    f(
        "toelichting_bijstelling",
        LongText,
        Kinds(EVALUATIE_KINDS),
        "Wat moet er worden bijgesteld (of waarom niet)",
    )
    .asked_when(
        EVALUATIE_KINDS,
        "bijstelling_nodig",
        Answer::Yes,
        ": als het plan moet worden bijgesteld, zeg wat er verandert; leg de bijstelling daarna vast in een Bijstelling Plan van aanpak",
    ),
    f(
        "eerste_jaar",
        LongText,
        Kinds(EERSTEJAARS),
        "Wat is er in het eerste ziektejaar aan re-integratie gedaan?",
    )
    .asked(EERSTEJAARS),
    f(
        "einddoel_juist",
        Bool,
        Kinds(EERSTEJAARS),
        "Is het einddoel van de re-integratie nog juist?",
    )
    .asked(EERSTEJAARS),
    f(
        "spoor_2",
        Group(SPOOR_2),
        Kinds(EVALUATIE_KINDS),
        "Tweede spoor",
    ),
    f(
        "afspraken_tweede_jaar",
        LongText,
        Kinds(EERSTEJAARS),
        "Welke afspraken maken werkgever en werknemer voor het tweede ziektejaar?",
    )
    .asked(EERSTEJAARS),
    f(
        "stand_van_zaken",
        LongText,
        Kinds(CLOSING),
        "Wat is de stand van zaken van de re-integratie?",
    )
    .asked(CLOSING),
    f(
        "passende_arbeid",
        LongText,
        Kinds(EIND),
        "Is er passende arbeid bij de werkgever, en zo ja welke?",
    )
    .asked(EIND),
    f(
        "kwaliteit_arbeidsrelatie",
        LongText,
        Kinds(EIND),
        "Oordeel van de werkgever over de kwaliteit van de arbeidsrelatie (RIVV art. 2 lid 10)",
    )
    .asked(EIND),
    f(
        "grond",
        Choice(GROND),
        Kinds(VERKORT),
        "Grond voor een verkort re-integratieverslag (RIVV art. 2a lid 1)",
    )
    .asked(VERKORT),
    f(
        "oordeel_werknemer",
        LongText,
        Kinds(VERKORT),
        "Het oordeel van de werknemer over de re-integratie",
    )
    .asked(VERKORT),
    f(
        "ondertekening",
        Group(ONDERTEKENING),
        Document,
        "Ondertekening",
    ),
];

/// A `##` heading of the Markdown body and the key its text fills. Which
/// kinds of document have it is their form's row (`forms::Form::headings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    /// The heading as written, compared case-insensitively.
    pub title: &'static str,
    /// The dotted key it fills.
    pub path: &'static str,
}

impl Heading {
    /// Whether a document of `kind` may have it (`None`: a document whose
    /// kind is not known yet has none).
    pub fn allows(&self, kind: Option<DocKind>) -> bool {
        kind.is_some_and(|k| k.has_heading(self.path))
    }

    /// The kinds of document that have it.
    pub fn kinds(&self) -> impl Iterator<Item = DocKind> + '_ {
        DocKind::ALL
            .iter()
            .copied()
            .filter(|k| k.has_heading(self.path))
    }
}

const fn h(title: &'static str, path: &'static str) -> Heading {
    Heading { title, path }
}

/// The headings a document body may use.
pub const HEADINGS: &[Heading] = &[
    h("Aard van het bedrijf", "werkgever.aard_bedrijf"),
    h("Bekwaamheden", "werknemer.bekwaamheden"),
    h("Te nemen stappen", "stappen"),
    h("Nog niet bekend omdat", "einddoel.nog_niet_bekend_omdat"),
    h("Reden afwijking advies", "einddoel.reden_afwijking"),
    h("Motivering afwijking advies", "motivering_afwijking_advies"),
    h("Evaluatie probleemanalyse", "evaluatie_probleemanalyse"),
    h("Reden te laat", "reden_te_laat"),
    h("Toelichting einddoel", "einddoel.toelichting"),
    h("Obstakels", "obstakels.omschrijving"),
    h("Oplossing obstakels", "obstakels.oplossing"),
    h("Afspraken nabije toekomst", "afspraken_nabije_toekomst"),
    h("Interventies", "interventies"),
    h("Besproken en afgesproken", "besproken"),
    h("Volgens plan", "volgens_plan_toelichting"),
    h("Toelichting bijstelling", "toelichting_bijstelling"),
    h("Eerste ziektejaar", "eerste_jaar"),
    h("Tweede spoor", "spoor_2.toelichting"),
    h("Afspraken tweede ziektejaar", "afspraken_tweede_jaar"),
    h("Stand van zaken", "stand_van_zaken"),
    h("Passende arbeid", "passende_arbeid"),
    h("Kwaliteit arbeidsrelatie", "kwaliteit_arbeidsrelatie"),
    h("Oordeel werknemer", "oordeel_werknemer"),
    h("Visie werknemer", "visie.werknemer"),
    h("Visie werkgever", "visie.werkgever"),
];

const WIJZIGINGEN_KEY: &str = "wijzigingen";
const BEVROREN_KEY: &str = "bevroren";
const GETEKENDE_VERSIE_KEY: &str = "getekende_versie";

/// The keys of the form: [`ROOT`] without the records that repeat other
/// keys (`wijzigingen`, the dossier's dated changes; `bevroren`, what a
/// signed document inherited; `getekende_versie`, its fingerprints), so a walk over the form meets each question
/// once.
pub fn form() -> impl Iterator<Item = &'static Field> {
    ROOT.iter().filter(|f| !is_record(f))
}

fn is_record(field: &Field) -> bool {
    [WIJZIGINGEN_KEY, BEVROREN_KEY, GETEKENDE_VERSIE_KEY].contains(&field.key)
}

/// Finds the field at a dotted path (row fields by their column key).
pub fn field(path: &str) -> Option<&'static Field> {
    let mut fields = ROOT;
    let mut found = None;
    for key in path.split('.') {
        let field = fields.iter().find(|f| f.key == key)?;
        fields = match field.kind {
            Group(children) | Rows(children) => children,
            _ => &[],
        };
        found = Some(field);
    }
    found
}

/// Every value in `node` (a parsed file or a document's data) whose key the
/// format knows, with its dotted path and field: the values inside groups
/// and each table row, not the groups and tables themselves. Unknown keys
/// are left out (the structure check reports them).
pub fn known_values(node: &super::Node) -> Vec<(String, &'static Field, &super::Node)> {
    let mut out = Vec::new();
    known_in(node, ROOT, "", &mut out);
    out
}

fn known_in<'a>(
    node: &'a super::Node,
    fields: &'static [Field],
    prefix: &str,
    out: &mut Vec<(String, &'static Field, &'a super::Node)>,
) {
    for (key, value) in node.entries() {
        let Some(field) = fields.iter().find(|f| f.key == key.name) else {
            continue;
        };
        let path = format!("{prefix}{}", key.name);
        match field.kind {
            Group(children) => known_in(value, children, &format!("{path}."), out),
            Rows(columns) => {
                for row in value.items() {
                    known_in(row, columns, &format!("{path}."), out);
                }
            }
            _ => out.push((path, field, value)),
        }
    }
}

/// Every dotted path of the format, for documentation checks.
pub fn all_paths() -> Vec<String> {
    let mut out = Vec::new();
    collect(ROOT, "", &mut out);
    out
}

/// Whether some key of the format, at any depth, is named `key`: for tests
/// of code that reads a key inside a group or row.
#[cfg(test)]
pub(crate) fn has_key(key: &str) -> bool {
    all_paths()
        .iter()
        .any(|path| path.rsplit('.').next() == Some(key))
}

fn collect(fields: &[Field], prefix: &str, out: &mut Vec<String>) {
    for field in fields {
        let path = format!("{prefix}{}", field.key);
        out.push(path.clone());
        if let Group(children) | Rows(children) = field.kind {
            collect(children, &format!("{path}."), out);
        }
    }
}

impl Scope {
    /// Whether a key of this scope may appear in a document of `kind`
    /// (`None` for the shared files).
    pub fn allows(self, kind: Option<DocKind>) -> bool {
        match (self, kind) {
            (Shared, _) => true,
            (Inherited, kind) => kind.is_none(),
            (_, None) => false,
            (Document, Some(_)) => true,
            (Plan, Some(k)) => k == DocKind::Plan,
            (Bijstelling, Some(k)) => k == DocKind::Bijstelling,
            (Kinds(kinds), Some(k)) => kinds.contains(&k),
        }
    }
}

/// The key reference of `docs/case-format.md`, generated from this table so
/// the documentation cannot drift from the code (a test compares them).
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "| Key | Type | Where | Required in | Form field / meaning |\n|---|---|---|---|---|\n",
    );
    reference_rows(ROOT, "", true, &mut out);
    out
}

/// The rows of `fields`; `asked` is false inside a record of other keys,
/// where nothing is required.
fn reference_rows(fields: &[Field], prefix: &str, asked: bool, out: &mut String) {
    for field in fields {
        let asked = asked && !is_record(field);
        let path = format!("{prefix}{}", field.key);
        let kind = match field.kind {
            Text => "text".to_string(),
            LongText => "long text (Markdown)".to_string(),
            Date => "date `YYYY-MM-DD`".to_string(),
            Bool => "`true` / `false`".to_string(),
            Number => "number".to_string(),
            Percent => "percentage 0–100".to_string(),
            Bsn => "BSN, quoted `\"123456782\"`".to_string(),
            Postcode => "postcode `1234 AB`".to_string(),
            Phone => "phone number".to_string(),
            Email => "e-mail address".to_string(),
            Choice(options) => {
                let keys: Vec<String> = options.iter().map(|c| format!("`{}`", c.key)).collect();
                format!("one of {}", keys.join(", "))
            }
            Group(_) => "group".to_string(),
            Rows(_) => "list of rows".to_string(),
        };
        let scope = match field.scope {
            Shared => "shared",
            Plan => "plan",
            Bijstelling => "bijstelling",
            Document => "document",
            Inherited => "dossier",
            Kinds(kinds) => &kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join(", "),
        };
        out.push_str(&format!(
            "| `{path}` | {kind} | {scope} | {} | {} |\n",
            field
                .required
                .filter(|_| asked)
                .map(asked_in)
                .unwrap_or_default(),
            field.label
        ));
        if let Group(children) | Rows(children) = field.kind {
            let child_prefix = if matches!(field.kind, Rows(_)) {
                format!("{path}[].")
            } else {
                format!("{path}.")
            };
            reference_rows(children, &child_prefix, asked, out);
        }
    }
}

/// The "Required in" cell of the key reference.
fn asked_in(required: Required) -> String {
    let mut out = if required.kinds == ALL_KINDS {
        "every document".to_string()
    } else {
        let kinds: Vec<&str> = required.kinds.iter().map(|k| k.key()).collect();
        kinds.join(", ")
    };
    if let Some(key) = required.or {
        out.push_str(&format!(" (or `{key}`)"));
    }
    if let Some(when) = required.when {
        let answer = match when.is {
            Answer::Yes => "true",
            Answer::No => "false",
            Answer::Choice(key) => key,
        };
        out.push_str(&format!(", when `{}` is `{answer}`", when.path));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every requirement is of a key the kinds it names may hold, and names
    /// keys and answers that exist.
    #[test]
    fn requirements_name_real_keys_and_answers() {
        check_requirements(ROOT, "", false);
    }

    fn check_requirements(fields: &[Field], prefix: &str, in_rows: bool) {
        for f in fields {
            let path = format!("{prefix}{}", f.key);
            if let Some(required) = f.required {
                check_requirement(fields, f, &path, required, in_rows);
            }
            match f.kind {
                Group(children) => check_requirements(children, &format!("{path}."), in_rows),
                Rows(columns) => check_requirements(columns, &format!("{path}."), true),
                _ => {}
            }
        }
    }

    fn check_requirement(
        siblings: &[Field],
        asked: &Field,
        path: &str,
        required: Required,
        in_rows: bool,
    ) {
        assert!(!required.kinds.is_empty(), "{path}: asked nowhere");
        assert!(!matches!(asked.kind, Group(_)), "{path}: ask its keys");
        for kind in required.kinds {
            assert!(asked.scope.allows(Some(*kind)), "{path}: not in {kind:?}");
        }
        if let Some(key) = required.or {
            assert!(siblings.iter().any(|s| s.key == key), "{path} or {key}");
        }
        let Some(when) = required.when else { return };
        // A row is checked on its own: its columns depend on nothing else.
        assert!(!in_rows, "{path}: a column asked when {}", when.path);
        let answered = field(when.path).unwrap_or_else(|| panic!("{path}: {}", when.path));
        match (when.is, answered.kind) {
            (Answer::Yes | Answer::No, Bool) => {}
            (Answer::Choice(key), Choice(options)) => {
                assert!(options.iter().any(|c| c.key == key), "{path}: {key}");
            }
            (is, kind) => panic!("{path}: {is:?} is no answer to a {kind:?}"),
        }
    }

    /// `docs/case-format.md` holds the generated key reference verbatim.
    /// After changing the schema, paste `reference_markdown()` into the doc.
    #[test]
    fn documentation_lists_every_key() {
        let reference = reference_markdown();
        crate::rules::tests::bless_doc("docs/case-format.md", "| Key | Type |", &reference);
        let doc = include_str!("../../docs/case-format.md");
        assert!(
            doc.contains(&reference),
            "docs/case-format.md is out of date; its key table must be:\n{reference}"
        );
        for heading in HEADINGS {
            assert!(
                doc.contains(&format!("`## {}`", heading.title)),
                "heading {} undocumented",
                heading.title
            );
        }
    }

    #[test]
    fn every_path_resolves() {
        for path in all_paths() {
            assert!(field(&path).is_some(), "{path}");
        }
    }
}
