//! The forms: one row per kind of document, reached through one exhaustive
//! match ([`DocKind::form`]). Everything that differs per kind is a column
//! of its row: code asks the row, never matches on the kind with a
//! fallback arm (a test in `tests/cli/stages.rs` scans `src/` for one).
//! Adding a kind means its variant, its row (the compiler insists), its
//! template and the schema's fields it asks.
//!
//! Sources per form: `docs/forms/`.

use super::schema::Choice;

/// The kinds of document: the parts of the re-integratieverslag the employer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    /// UWV Plan van aanpak.
    Plan,
    /// ArboNed Bijstelling Plan van aanpak.
    Bijstelling,
    /// Verslag van een (zesweekse) evaluatie.
    Evaluatie,
    /// Eerstejaarsevaluatie (week 46–52).
    Eerstejaars,
    /// Eindevaluatie (uiterlijk week 91, of bij einde dienstverband).
    Eind,
    /// Verkort re-integratieverslag (dienstverband eindigt binnen tien weken).
    Verkort,
}

/// Which wording of a choice a form prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// The UWV Plan van aanpak's (no "ongewijzigd").
    Plan,
    /// The ArboNed bijstelling's, which has "Nee, het einddoel is ongewijzigd".
    Bijstelling,
    /// The bijstelling's, without "ongewijzigd": the form asks to name the
    /// goal (the eerstejaarsevaluatie's "Wat is het einddoel voor het
    /// tweede ziektejaar?" answered "ongewijzigd" names no goal).
    Named,
}

/// How `pva new` starts a document of the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skeleton {
    /// The plan: the bedrijfsarts's advised goal filled in (`scaffold`).
    Plan,
    /// The bijstelling: the previous goal and agreements filled in (`scaffold`).
    Bijstelling,
    /// These front-matter keys (with their comments), then the row's
    /// headings as an empty body.
    Report(&'static str),
}

/// The visie questions a form asks, one per party (Regeling procesgang
/// art. 4 lid 2 a and b since 1 July 2023).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visie {
    /// Asked of the werknemer.
    pub werknemer: &'static str,
    /// Asked of the werkgever.
    pub werkgever: &'static str,
}

/// One form: everything `pva` knows per kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    /// The value written in `document:`.
    pub key: &'static str,
    /// The title of the form.
    pub title: &'static str,
    /// The article of the title: "het Plan van aanpak", "de Bijstelling".
    pub article: &'static str,
    /// Which wording of a choice the form prints.
    pub wording: Wording,
    /// The template file in `templates/`.
    pub template: &'static str,
    /// How `pva new` starts one.
    pub skeleton: Skeleton,
    /// The dotted keys of the `##` headings its body may use (each in
    /// `schema::HEADINGS`), in form order; the template prints every one.
    pub headings: &'static [&'static str],
    /// The visie questions it asks; `None`: it asks none (the verkort
    /// verslag asks the werknemer's oordeel instead, RIVV art. 2a lid 3 c).
    pub visie: Option<Visie>,
    /// Which element of the re-integratieverslag it is, with its source.
    pub part: &'static str,
    /// The document type to choose in UWV's werkgeversportaal.
    pub upload: &'static str,
    /// The key of the step it completes in the law's one table
    /// (`law::STEPS`; `law` comes after `case`, so the row names the key
    /// and a test in `render::context` checks it resolves to a step this
    /// kind completes). `None`: a bijstelling completes no step of its own;
    /// it changes the plan (Regeling procesgang art. 4 lid 5).
    pub step: Option<&'static str>,
}

impl DocKind {
    /// Every kind, in the order of the re-integratieverslag.
    pub const ALL: &'static [DocKind] = &[
        DocKind::Plan,
        DocKind::Bijstelling,
        DocKind::Evaluatie,
        DocKind::Eerstejaars,
        DocKind::Eind,
        DocKind::Verkort,
    ];

    /// The row of this kind: the one match over kinds.
    pub const fn form(self) -> &'static Form {
        match self {
            DocKind::Plan => &PLAN,
            DocKind::Bijstelling => &BIJSTELLING,
            DocKind::Evaluatie => &EVALUATIE,
            DocKind::Eerstejaars => &EERSTEJAARS,
            DocKind::Eind => &EIND,
            DocKind::Verkort => &VERKORT,
        }
    }

    /// Parses the `document:` value.
    pub fn parse(value: &str) -> Option<DocKind> {
        DocKind::ALL
            .iter()
            .copied()
            .find(|k| k.key() == value.trim())
    }

    /// The value written in `document:`.
    pub fn key(self) -> &'static str {
        self.form().key
    }

    /// The title of the form.
    pub fn title(self) -> &'static str {
        self.form().title
    }

    /// The article of the title.
    pub fn article(self) -> &'static str {
        self.form().article
    }

    /// The label of a choice on this kind's form, `None` when the form
    /// does not offer it.
    pub fn label(self, choice: &Choice) -> Option<&'static str> {
        match self.form().wording {
            Wording::Plan => choice.plan,
            Wording::Bijstelling => choice.bijstelling,
            Wording::Named => choice.bijstelling.filter(|_| choice.key != UNCHANGED),
        }
    }

    /// The title with its article, for running text: "het Plan van aanpak"
    /// (het plan), "de Bijstelling Plan van aanpak" (de bijstelling).
    pub fn title_with_article(self) -> String {
        format!("{} {}", self.article(), self.title())
    }

    /// Whether its body may have the heading that fills `path`.
    pub fn has_heading(self, path: &str) -> bool {
        self.form().headings.contains(&path)
    }
}

/// The einddoel's "Nee, het einddoel is ongewijzigd".
const UNCHANGED: &str = "ongewijzigd";

/// The visie of an evaluation: the three questions of the post-2023 UWV
/// forms (BOONTJE in docs/forms/evaluatieverslag.md), per party.
const VISIE_EVALUATIE: Visie = Visie {
    werknemer: "Welke mogelijkheden ziet de werknemer om weer (meer) te gaan werken? Wat vindt de werknemer van de activiteiten die tot nu toe zijn ingezet bij het re-integreren, en van de (nieuwe) afspraken?",
    werkgever: "Welke mogelijkheden ziet de werkgever voor de werknemer om weer (meer) te gaan werken? Wat vindt de werkgever van de activiteiten die tot nu toe zijn ingezet bij het re-integreren, en van de (nieuwe) afspraken?",
};

const PLAN: Form = Form {
    key: "plan-van-aanpak",
    title: "Plan van aanpak",
    article: "het",
    wording: Wording::Plan,
    template: "plan-van-aanpak.typ",
    skeleton: Skeleton::Plan,
    headings: &[
        "einddoel.nog_niet_bekend_omdat",
        "einddoel.reden_afwijking",
        "stappen",
        "motivering_afwijking_advies",
        "evaluatie_probleemanalyse",
        "visie.werknemer",
        "visie.werkgever",
        "reden_te_laat",
    ],
    // The 05-23 form's two questions per party (AG140-RECON in
    // docs/forms/plan-van-aanpak-2023.md), asked together.
    visie: Some(Visie {
        werknemer: "Welke mogelijkheden ziet de werknemer om weer (meer) te gaan werken, en wat vindt de werknemer van de afspraken?",
        werkgever: "Welke mogelijkheden ziet de werkgever voor de werknemer om weer (meer) te gaan werken, en wat vindt de werkgever van de afspraken?",
    }),
    part: "plan van aanpak (RIVV art. 2 lid 2 b)",
    upload: "Plan van aanpak",
    step: Some("plan-van-aanpak"),
};

const BIJSTELLING: Form = Form {
    key: "bijstelling",
    title: "Bijstelling Plan van aanpak",
    article: "de",
    wording: Wording::Bijstelling,
    template: "bijstelling.typ",
    skeleton: Skeleton::Bijstelling,
    headings: &[
        "einddoel.toelichting",
        "obstakels.omschrijving",
        "obstakels.oplossing",
        "afspraken_nabije_toekomst",
        "interventies",
        "visie.werknemer",
        "visie.werkgever",
    ],
    visie: Some(Visie {
        werknemer: "Wat is de visie van de werknemer op de functie, de arbeidsmogelijkheden en de kwaliteit van de arbeidsverhouding?",
        werkgever: "Wat is de visie van de werkgever op de re-integratie van de werknemer, de functie en de arbeidsmogelijkheden?",
    }),
    part: "bijstelling van het plan van aanpak (RIVV art. 2 lid 2 b en lid 8)",
    upload: "Bijstelling plan van aanpak",
    step: None,
};

const EVALUATIE: Form = Form {
    key: "evaluatieverslag",
    title: "Evaluatieverslag",
    article: "het",
    wording: Wording::Bijstelling,
    template: "evaluatieverslag.typ",
    skeleton: Skeleton::Report(EVALUATIE_FIELDS),
    headings: &[
        "besproken",
        "volgens_plan_toelichting",
        "spoor_2.toelichting",
        "toelichting_bijstelling",
        "visie.werknemer",
        "visie.werkgever",
    ],
    visie: Some(VISIE_EVALUATIE),
    part: "evaluatie van het plan van aanpak (Regeling procesgang art. 4 lid 2 b en art. 6 h)",
    upload: "Evaluatie",
    step: Some("evaluatie"),
};

const EERSTEJAARS: Form = Form {
    key: "eerstejaarsevaluatie",
    title: "Eerstejaarsevaluatie",
    article: "de",
    wording: Wording::Named,
    template: "eerstejaarsevaluatie.typ",
    skeleton: Skeleton::Report(EERSTEJAARS_FIELDS),
    headings: &[
        "eerste_jaar",
        "volgens_plan_toelichting",
        "einddoel.toelichting",
        "toelichting_bijstelling",
        "spoor_2.toelichting",
        "afspraken_tweede_jaar",
        "visie.werknemer",
        "visie.werkgever",
    ],
    visie: Some(VISIE_EVALUATIE),
    part: "eerstejaarsevaluatie (Regeling procesgang art. 4 lid 2 b en art. 6 h)",
    upload: "Eerstejaarsevaluatie",
    step: Some("eerstejaarsevaluatie"),
};

const EIND: Form = Form {
    key: "eindevaluatie",
    title: "Eindevaluatie",
    article: "de",
    wording: Wording::Bijstelling,
    template: "eindevaluatie.typ",
    skeleton: Skeleton::Report(EIND_FIELDS),
    headings: &[
        "werkgever.aard_bedrijf",
        "stand_van_zaken",
        "passende_arbeid",
        "kwaliteit_arbeidsrelatie",
        "visie.werknemer",
        "visie.werkgever",
    ],
    visie: Some(VISIE_EVALUATIE),
    part: "eindevaluatie (RIVV art. 2 lid 2 d, lid 5 en lid 10)",
    upload: "Eindevaluatie",
    step: Some("re-integratieverslag"),
};

const VERKORT: Form = Form {
    key: "verkort-reintegratieverslag",
    title: "Verkort re-integratieverslag",
    article: "het",
    wording: Wording::Bijstelling,
    template: "verkort-reintegratieverslag.typ",
    skeleton: Skeleton::Report(VERKORT_FIELDS),
    headings: &[
        "werkgever.aard_bedrijf",
        "werknemer.bekwaamheden",
        "stand_van_zaken",
        "oordeel_werknemer",
    ],
    visie: None,
    part: "verkort re-integratieverslag Ziektewet (RIVV art. 2a)",
    upload: "Verkort re-integratieverslag",
    step: Some("ziek-uit-dienst-verslag"),
};

const EVALUATIE_FIELDS: &str = "
# Wie namen deel aan het gesprek (werknemer, leidinggevende, casemanager …).
deelnemers:
  - naam:
    functie:

# Verloopt de re-integratie volgens het plan? true of false. Bij false: zeg
# onder `## Volgens plan` waarom niet.
volgens_plan:

spoor_2:
  # Is een tweede spoor (werk bij een andere werkgever) nodig? true of false.
  # Zeg onder `## Tweede spoor` waarom wel of niet.
  nodig:

# Moet het Plan van aanpak worden bijgesteld? true of false. Bij true: zeg
# onder `## Toelichting bijstelling` wat er verandert, en maak daarna een
# Bijstelling Plan van aanpak (pva new bijstelling).
bijstelling_nodig:

# De volgende evaluatiemomenten (minstens eens per zes weken).
evaluaties:
  - wanneer:
    wat:
    wie:
";

const EERSTEJAARS_FIELDS: &str = "
# Wie namen deel aan het gesprek.
deelnemers:
  - naam:
    functie:

# Verloopt de re-integratie volgens het plan? true of false. Bij false: zeg
# onder `## Volgens plan` waarom niet.
volgens_plan:

# Is het einddoel van de re-integratie nog juist? true of false.
einddoel_juist:
einddoel:
  # Het einddoel voor het tweede jaar, bij naam: eigen_functie,
  # gedeeltelijk_eigen_functie, andere_functie_eigen_werkgever,
  # gedeeltelijk_andere_functie_eigen_werkgever, andere_werkgever, ander
  keuze:

# Moet de aanpak van de re-integratie worden bijgesteld? true of false.
# Bij true: zeg onder `## Toelichting bijstelling` wat er verandert.
bijstelling_nodig:

spoor_2:
  # Is een tweede spoor (werk bij een andere werkgever) nodig? true of false.
  # Zeg onder `## Tweede spoor` waarom wel of niet.
  nodig:
  # Is het tweede spoor gestart? Zo ja, per wanneer (JJJJ-MM-DD).
  gestart:
";

const EIND_FIELDS: &str = "
# Vul in dossier.yaml ook in: werkgever.aard_bedrijf (de aard van het bedrijf,
# RIVV art. 2 lid 5), werknemer.functie en arbodienst.bedrijfsarts.
";

const VERKORT_FIELDS: &str = "
# Op welke grond volstaat een verkort verslag (RIVV art. 2a lid 1)?
# korter_dan_tien_weken of geen_dreigend_langdurig_verzuim
grond:
# Vul in dossier.yaml ook in: werkgever.aard_bedrijf, werknemer.functie,
# werknemer.bekwaamheden en arbodienst.bedrijfsarts.
";
