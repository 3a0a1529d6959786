//! The registry of lint rules: stable codes, default severities and the
//! explanation `pva lint --explain` prints.

use crate::diag::Severity;

/// One lint rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, never reused.
    pub code: &'static str,
    /// Default severity; `pva.toml` may change it.
    pub severity: Severity,
    /// One line: what the rule checks.
    pub title: &'static str,
    /// The rule, its source and the counting used.
    pub explain: &'static str,
}

const fn rule(
    code: &'static str,
    severity: Severity,
    title: &'static str,
    explain: &'static str,
) -> Rule {
    Rule {
        code,
        severity,
        title,
        explain,
    }
}

use Severity::{Error, Info, Warning};

/// Day counting, shared by every timing rule's explanation.
pub const COUNTING: &str = "Telling: dag 1 is de eerste ziektedag (D). De termijn 'week N' eindigt op D + 7×N dagen; \
na die datum is het te laat (fout), op de dag ervoor al een waarschuwing. Bij samengesteld \
verzuim (een onderbreking korter dan 4 weken, zichtbaar in verzuim.verloop als 0% gevolgd door \
een nieuwe ziekmelding) schuiven alle termijnen op met het aantal dagen van de onderbreking.";

pub const YAML: Rule = rule(
    "PVA001",
    Error,
    "ongeldige YAML",
    "De front matter (tussen de regels --- en ---) en de bestanden dossier.yaml en gedeeld.yaml moeten geldige YAML zijn: inspringen met spaties (geen tabs), elke sleutel één keer, tekst met een dubbele punt tussen aanhalingstekens.",
);
pub const FRONT_MATTER: Rule = rule(
    "PVA002",
    Error,
    "front matter ontbreekt",
    "Een document begint met een regel ---, daarna de velden in YAML, dan weer een regel ---, en daarna de tekst in Markdown.",
);
pub const UNKNOWN_KEY: Rule = rule(
    "PVA003",
    Error,
    "onbekend veld",
    "Elk veld moet een bekend veld van het formaat zijn (zie docs/case-format.md). Een tikfout in een veldnaam zou het veld stil laten verdwijnen uit het formulier.",
);
pub const UNKNOWN_HEADING: Rule = rule(
    "PVA004",
    Error,
    "onbekende kop",
    "Koppen van niveau 2 (## …) noemen een vraag van het formulier. Andere koppen worden niet geplaatst; gebruik ### voor tussenkopjes binnen een antwoord.",
);
pub const WRONG_PLACE: Rule = rule(
    "PVA005",
    Warning,
    "veld hoort niet bij dit document",
    "Sommige velden horen alleen bij een Plan van aanpak of alleen bij een Bijstelling, of alleen in een document en niet in dossier.yaml of gedeeld.yaml. Op een andere plek worden ze niet gebruikt.",
);
pub const WRONG_TYPE: Rule = rule(
    "PVA006",
    Error,
    "verkeerd soort waarde",
    "Elk veld heeft een soort waarde: tekst, datum, ja/nee, getal, lijst of groep. Zie docs/case-format.md.",
);
pub const DOUBLE_TEXT: Rule = rule(
    "PVA007",
    Error,
    "tekst dubbel opgegeven",
    "Een lange tekst staat óf in de front matter óf onder een kop in de tekst, niet allebei.",
);
pub const DOCUMENT_KIND: Rule = rule(
    "PVA008",
    Error,
    "soort document onbekend",
    "Elk document noemt zijn soort: document: plan-van-aanpak of document: bijstelling.",
);
pub const DOSSIER: Rule = rule(
    "PVA009",
    Error,
    "dossier onvolledig",
    "Een dossier is een map met een dossier.yaml en daarin hooguit één Plan van aanpak; een Bijstelling stelt het plan van het eigen dossier bij.",
);

pub const PROBLEEMANALYSE_LATE: Rule = rule(
    "PVA010",
    Warning,
    "probleemanalyse na week 6",
    "De werkgever vraagt binnen zes weken na de eerste ziektedag een oordeel (probleemanalyse) van de bedrijfsarts (Regeling procesgang, art. 2 lid 2). Afwijken mag gemotiveerd (art. 5).",
);
pub const PLAN_AFTER_ANALYSIS: Rule = rule(
    "PVA011",
    Warning,
    "plan later dan 2 weken na de probleemanalyse",
    "Het Plan van aanpak wordt binnen twee weken na de probleemanalyse opgesteld (Regeling procesgang, art. 4 lid 1; UWV-formulier: twee weken nadat u de probleemanalyse heeft gekregen). Gerekend vanaf probleemanalyse.ontvangen_op, of anders probleemanalyse.datum.",
);
pub const PLAN_LATE: Rule = rule(
    "PVA012",
    Error,
    "plan na week 8 zonder reden",
    "UWV-formulier Plan van aanpak, Ondertekening: 'Is het Plan van aanpak meer dan acht weken na de eerste arbeidsongeschiktheidsdag opgesteld, dan is dat te laat.' Dan vraagt het formulier de reden: vul reden_te_laat in. Op tijd is: datum ≤ D + 56 dagen.",
);
pub const VERKORT: Rule = rule(
    "PVA013",
    Error,
    "verkort re-integratieverslag in plaats van plan",
    "UWV: 'Eindigt het dienstverband van de werknemer binnen tien weken na de eerste ziektedag? Maak dan geen Plan van Aanpak, maar een Verkort re-integratieverslag.' Binnen tien weken: einde_dienstverband < D + 70 dagen.",
);
pub const EVALUATION_GAP: Rule = rule(
    "PVA014",
    Warning,
    "evaluaties meer dan 6 weken uit elkaar",
    "UWV-formulier: 'Kom minimaal een keer per zes weken bij elkaar om de voortgang van de re-integratieactiviteiten te bespreken.' Tussen het document en de eerste evaluatie, en tussen twee evaluaties, liggen hooguit 42 dagen.",
);
pub const BIJSTELLING_ORDER: Rule = rule(
    "PVA015",
    Error,
    "bijstelling niet na het plan",
    "Een Bijstelling stelt een bestaand Plan van aanpak bij (Regeling procesgang, art. 4 lid 4) en is dus van een latere datum dan het plan en de vorige bijstelling.",
);
pub const BIJSTELLING_UNCHANGED: Rule = rule(
    "PVA016",
    Info,
    "bijstelling zonder gewijzigd einddoel",
    "ArboNed: 'Een bijstelling op het Plan van aanpak is alleen noodzakelijk als het geformuleerde einddoel tussendoor wijzigt.' Nieuwe afspraken zonder nieuw einddoel kunnen ook in het evaluatieverslag.",
);
pub const CHRONOLOGY: Rule = rule(
    "PVA017",
    Error,
    "data in onmogelijke volgorde",
    "Geboortedatum < eerste ziektedag ≤ probleemanalyse ≤ plan van aanpak; een ondertekening ligt niet voor de datum van het document.",
);
pub const VERLOOP: Rule = rule(
    "PVA018",
    Error,
    "verloop van het verzuim klopt niet",
    "ArboNed-formulier, vraag 4: het percentage arbeidsongeschiktheid per datum. De data staan oplopend en niet voor de eerste ziektedag; de eerste regel valt op de eerste ziektedag.",
);
pub const DOCUMENT_MISSING: Rule = rule(
    "PVA019",
    Error,
    "document ontbreekt na de termijn",
    "Zonder Plan van aanpak in het dossier na week 8 (D + 56) is de termijn verstreken; vanaf de dag ervoor volgt een waarschuwing. Beoordeeld tegen --today.",
);

pub const REQUIRED: Rule = rule(
    "PVA020",
    Error,
    "verplicht veld ontbreekt",
    "Het formulier vraagt dit veld (UWV Plan van aanpak / ArboNed Bijstelling) of de Regeling procesgang art. 4 eist het (activiteiten, termijnen, begeleider).",
);
pub const CONDITIONAL: Rule = rule(
    "PVA021",
    Error,
    "toelichting ontbreekt",
    "Sommige keuzes vragen een toelichting: 'Nog niet bekend, omdat …', 'ander einddoel, inclusief toelichting', een ander einddoel dan het advies van de bedrijfsarts (reden), obstakels 'Ja, dit zijn' met 'Hoe kunnen deze blijvend worden opgelost?'.",
);
pub const VISIE: Rule = rule(
    "PVA022",
    Error,
    "visie ontbreekt",
    "Sinds 1 juli 2023 leggen werkgever én werknemer hun visie vast in het Plan van aanpak en elke bijstelling (Regeling procesgang, wijziging 9 mei 2023, Stcrt. 2023, 13931).",
);
pub const SIGNATURE: Rule = rule(
    "PVA023",
    Error,
    "ondertekening onvolledig",
    "Elk onderdeel van het re-integratieverslag vermeldt datum, naam en functie van wie het opstelde en ondertekende (Beleidsregels vorm- en herkenbaarheidsvereisten, art. 2 lid 3).",
);
pub const UNSIGNED: Rule = rule(
    "PVA024",
    Info,
    "nog niet ondertekend",
    "Het document heeft nog geen datum van ondertekening; de PDF toont lege regels om te tekenen.",
);

pub const BSN: Rule = rule(
    "PVA030",
    Error,
    "BSN ongeldig",
    "Een burgerservicenummer heeft 9 cijfers en voldoet aan de elfproef: 9×c1 + 8×c2 + … + 2×c8 − 1×c9 is deelbaar door 11 (en niet 0). Zet het tussen aanhalingstekens, zodat voorloopnullen blijven staan.",
);
pub const POSTCODE: Rule = rule(
    "PVA031",
    Error,
    "postcode ongeldig",
    "Een Nederlandse postcode is vier cijfers (niet beginnend met 0) en twee hoofdletters, bijvoorbeeld 3511 AB; SA, SD en SS worden niet gebruikt.",
);
pub const PHONE: Rule = rule(
    "PVA032",
    Error,
    "telefoonnummer ongeldig",
    "Een Nederlands nummer heeft 10 cijfers en begint met 0 (of +31 met 9 cijfers); 0800/0900-nummers hebben 8 of 11 cijfers, zoals 0900 - 92 95.",
);
pub const EMAIL: Rule = rule(
    "PVA033",
    Error,
    "e-mailadres ongeldig",
    "Een e-mailadres heeft de vorm naam@domein.nl.",
);
pub const DATE: Rule = rule(
    "PVA034",
    Error,
    "datum ongeldig",
    "Data staan in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-07-14) en bestaan in de kalender.",
);
pub const PERCENT: Rule = rule(
    "PVA035",
    Error,
    "percentage buiten 0–100",
    "Percentages liggen tussen 0 en 100.",
);
pub const CHOICE: Rule = rule(
    "PVA036",
    Error,
    "waarde niet toegestaan",
    "Dit veld kent een vaste lijst waarden, de vakjes van het formulier. Zie docs/case-format.md.",
);

pub const PRIVACY_MEDICAL: Rule = rule(
    "PVA040",
    Error,
    "medisch gegeven",
    "De werkgever mag geen diagnose of aard van de klachten vastleggen, ook niet als de werknemer die zelf vertelt (AP Beleidsregels De zieke werknemer; ArboNed: 'neem ook géén medische informatie op'). Beschrijf beperkingen en mogelijkheden, niet de ziekte. Een woord wordt in zijn zin gelezen: gaat het over de mensen voor wie de werknemer werkt ('leerlingen met ADHD') of staat het in een samenstelling als 'coronamaatregelen' of 'gebroken diensten', dan is het geen medisch gegeven. Bewust toch nodig? Zet in de alinea [privacy-ok: reden]; die markering komt niet in de PDF. Zie docs/privacy.md.",
);
pub const PRIVACY_TREATMENT: Rule = rule(
    "PVA041",
    Error,
    "behandeling of behandelaar genoemd",
    "Het soort behandeling of behandelaar is een medisch gegeven (ArboNed: geen 'type behandelaar'). Schrijf 'de door de bedrijfsarts geadviseerde interventie'. De eigen functie en werkplek tellen niet mee: werkt de werknemer in de zorg (werkgever.bedrijfsnaam, werknemer.functie), dan zijn 'verloskundige' en 'ziekenhuis' werk, tenzij de zin over de werknemer als patiënt gaat ('naar de fysiotherapeut', 'zelf onder controle bij'). 'De behandeling van een aanvraag' is geen behandeling. Bij het probleemveld sociaal-medische zaken en bij interventies is dit een waarschuwing. Bewust toch nodig? Zet in de alinea [privacy-ok: reden]; die markering komt niet in de PDF. Zie docs/privacy.md.",
);

/// Every rule, in code order.
pub const ALL: &[Rule] = &[
    YAML,
    FRONT_MATTER,
    UNKNOWN_KEY,
    UNKNOWN_HEADING,
    WRONG_PLACE,
    WRONG_TYPE,
    DOUBLE_TEXT,
    DOCUMENT_KIND,
    DOSSIER,
    PROBLEEMANALYSE_LATE,
    PLAN_AFTER_ANALYSIS,
    PLAN_LATE,
    VERKORT,
    EVALUATION_GAP,
    BIJSTELLING_ORDER,
    BIJSTELLING_UNCHANGED,
    CHRONOLOGY,
    VERLOOP,
    DOCUMENT_MISSING,
    REQUIRED,
    CONDITIONAL,
    VISIE,
    SIGNATURE,
    UNSIGNED,
    BSN,
    POSTCODE,
    PHONE,
    EMAIL,
    DATE,
    PERCENT,
    CHOICE,
    PRIVACY_MEDICAL,
    PRIVACY_TREATMENT,
];

/// Finds a rule by its code.
pub fn find(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Whether the rule is a timing rule (its explanation includes the counting).
pub fn is_timing(rule: &Rule) -> bool {
    rule.code.starts_with("PVA01")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let doc = include_str!("../../docs/rules.md");
        for (i, rule) in ALL.iter().enumerate() {
            assert!(
                ALL[i + 1..].iter().all(|r| r.code != rule.code),
                "{} twice",
                rule.code
            );
            assert!(
                doc.contains(&format!(
                    "| {} | {} | {} |",
                    rule.code,
                    rule.severity.name(),
                    rule.title
                )),
                "{} undocumented in docs/rules.md",
                rule.code
            );
        }
    }
}
