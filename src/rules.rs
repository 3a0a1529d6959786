//! The registry of lint rules: stable codes, default severities and the
//! explanation `pva lint --explain` prints.

// Each rule's `title` and `explain` are its documentation (docs/rules.md is
// generated from them); a doc comment on the constant would repeat them.
#![allow(missing_docs)]

use crate::diag::Severity;
pub use crate::diag::{Group, Milder, Rule};

const fn rule(
    code: &'static str,
    group: Group,
    severity: Severity,
    title: &'static str,
    explain: &'static str,
) -> Rule {
    Rule {
        code,
        group,
        severity,
        title,
        explain,
        milder: None,
    }
}

/// `rule` with a milder severity in `context`.
const fn milder(rule: Rule, severity: Severity, context: &'static str) -> Rule {
    Rule {
        milder: Some(Milder { severity, context }),
        ..rule
    }
}

use Severity::{Error, Info, Warning};

/// Day counting, shared by every timing rule's explanation.
pub const COUNTING: &str = "Telling: dag 1 is de eerste ziektedag (D); ziekteweek N loopt van D + 7×(N − 1) tot en met D + 7×N − 1. \
Elke termijn staat als formule in de tabel van stappen (docs/rules.md, 'Steps of the law'): zes weken na D is D + 42, \
de 42e-weeksmelding D + 294, de eerstejaarsevaluatie in week 46 tot en met 52 (D + 315 tot en met D + 363), \
het re-integratieverslag uiterlijk 13 weken voor het einde van de wachttijd (D + 637). \
Na de termijn is het te laat (fout), op de dag ervoor al een waarschuwing. Bij samengesteld \
verzuim (een onderbreking korter dan 4 weken, zichtbaar in verzuim.verloop als 0% gevolgd door \
een nieuwe ziekmelding) schuiven alle termijnen op met het aantal dagen van de onderbreking. \
Een regel van 0% zonder nieuwe ziekte binnen 28 dagen is herstel: de periode eindigt op die datum. \
Eindigt het dienstverband (verzuim.einde_dienstverband), dan eindigt de periode de dag erna. \
Stappen na het einde van de periode vervallen. Na een onderbreking van 28 dagen of meer begint een nieuwe periode; \
wat van voor haar eerste dag is, telt niet voor haar stappen (PVA073). \
Twee dossiers van dezelfde werknemer (hetzelfde BSN, dezelfde werkgever) met minder dan 28 dagen hersteld ertussen tellen samen: \
het latere telt vanaf de eerste ziektedag van het eerdere, zonder de dagen ertussen, en wat voor zijn eigen eerste ziektedag viel, beoordeelt het eerdere dossier (BW 7:629 lid 10; PVA072). Wat na --today gedateerd is, telt niet als gedaan. De 104 weken eindigen op D + 727 (hun laatste dag). \
Het Plan van aanpak is uiterlijk klaar op de vroegste van D + 56 en twee weken na ontvangst van de probleemanalyse.";

pub const YAML: Rule = rule(
    "PVA001",
    Group::Structure,
    Error,
    "ongeldige YAML",
    "De front matter (tussen de regels --- en ---) en de bestanden dossier.yaml en gedeeld.yaml moeten geldige YAML zijn: inspringen met spaties (geen tabs), elke sleutel één keer, tekst met een dubbele punt tussen aanhalingstekens.",
);
pub const FRONT_MATTER: Rule = rule(
    "PVA002",
    Group::Structure,
    Error,
    "front matter ontbreekt",
    "Een document begint met een regel ---, daarna de velden in YAML, dan weer een regel ---, en daarna de tekst in Markdown.",
);
pub const UNKNOWN_KEY: Rule = rule(
    "PVA003",
    Group::Structure,
    Error,
    "onbekend veld",
    "Elk veld moet een bekend veld van het formaat zijn (`pva fields` toont ze). Een tikfout in een veldnaam zou het veld stil laten verdwijnen uit het formulier.",
);
pub const UNKNOWN_HEADING: Rule = rule(
    "PVA004",
    Group::Structure,
    Error,
    "onbekende kop",
    "Koppen van niveau 2 (## …) noemen een vraag van het formulier. Andere koppen worden niet geplaatst; gebruik ### voor tussenkopjes binnen een antwoord.",
);
pub const WRONG_PLACE: Rule = rule(
    "PVA005",
    Group::Structure,
    Warning,
    "veld hoort niet bij dit document",
    "Sommige velden horen alleen bij een Plan van aanpak of alleen bij een Bijstelling, of alleen in een document en niet in dossier.yaml of gedeeld.yaml. Op een andere plek worden ze niet gebruikt.",
);
pub const WRONG_TYPE: Rule = rule(
    "PVA006",
    Group::Structure,
    Error,
    "verkeerd soort waarde",
    "Elk veld heeft een soort waarde: tekst, datum, ja/nee, getal, lijst of groep; `pva fields` toont de soort van elk veld.",
);
pub const DOUBLE_TEXT: Rule = rule(
    "PVA007",
    Group::Structure,
    Error,
    "tekst dubbel opgegeven",
    "Een lange tekst staat óf in de front matter óf onder een kop in de tekst, niet allebei.",
);
pub const DOCUMENT_KIND: Rule = rule(
    "PVA008",
    Group::Structure,
    Error,
    "soort document onbekend",
    "Elk document noemt zijn soort: document: plan-van-aanpak of document: bijstelling.",
);
pub const DOSSIER: Rule = rule(
    "PVA009",
    Group::Structure,
    Error,
    "dossier onvolledig",
    "Een dossier is een map met een dossier.yaml en daarin hooguit één Plan van aanpak; een Bijstelling stelt het plan van het eigen dossier bij.",
);

pub const PROBLEEMANALYSE_LATE: Rule = rule(
    "PVA010",
    Group::Timing,
    Warning,
    "probleemanalyse na week 6",
    "De werkgever vraagt binnen zes weken na de eerste ziektedag een oordeel (probleemanalyse) van de bedrijfsarts (Regeling procesgang, art. 2 lid 2). Afwijken mag gemotiveerd (art. 5).",
);
pub const PLAN_AFTER_ANALYSIS: Rule = rule(
    "PVA011",
    Group::Timing,
    Warning,
    "plan later dan 2 weken na de probleemanalyse",
    "Het Plan van aanpak wordt binnen twee weken na de probleemanalyse opgesteld (Regeling procesgang, art. 4 lid 1; UWV-formulier: twee weken nadat u de probleemanalyse heeft gekregen). Gerekend vanaf probleemanalyse.ontvangen_op, of anders probleemanalyse.datum.",
);
pub const PLAN_LATE: Rule = rule(
    "PVA012",
    Group::Timing,
    Error,
    "plan meer dan acht weken na de eerste ziektedag zonder reden",
    "UWV-formulier Plan van aanpak, Ondertekening: 'Is het Plan van aanpak meer dan acht weken na de eerste arbeidsongeschiktheidsdag opgesteld, dan is dat te laat.' Dan vraagt het formulier de reden: vul reden_te_laat in. Op tijd is: datum ≤ D + 56 dagen.",
);
pub const VERKORT: Rule = rule(
    "PVA013",
    Group::Timing,
    Info,
    "verkort re-integratieverslag in plaats van plan",
    "UWV: 'Eindigt het dienstverband van de werknemer binnen tien weken na de eerste ziektedag? Maak dan geen Plan van Aanpak, maar een Verkort re-integratieverslag.' Binnen tien weken: de laatste dag L ligt op of voor D + 68 (D tot en met L is korter dan tien weken, Regeling re-integratieverslag art. 2a). Een plan dat al gemaakt is, blijft geldig en deel van het dossier (het verkort verslag 'kan volstaan'); daarom is dit een mededeling, geen fout.",
);
pub const EVALUATION_GAP: Rule = rule(
    "PVA014",
    Group::Timing,
    Warning,
    "evaluaties meer dan 6 weken uit elkaar",
    "UWV-formulier: 'Kom minimaal een keer per zes weken bij elkaar om de voortgang van de re-integratieactiviteiten te bespreken.' Tussen het document en de eerste evaluatie, en tussen twee evaluaties, liggen hooguit 42 dagen.",
);
pub const BIJSTELLING_ORDER: Rule = rule(
    "PVA015",
    Group::Timing,
    Error,
    "bijstelling niet na het plan",
    "Een Bijstelling stelt een bestaand Plan van aanpak bij (Regeling procesgang, art. 4 lid 4) en is dus van een latere datum dan het plan en de vorige bijstelling.",
);
pub const BIJSTELLING_UNCHANGED: Rule = rule(
    "PVA016",
    Group::Timing,
    Info,
    "bijstelling zonder gewijzigd einddoel",
    "ArboNed: 'Een bijstelling op het Plan van aanpak is alleen noodzakelijk als het geformuleerde einddoel tussendoor wijzigt.' Nieuwe afspraken zonder nieuw einddoel kunnen ook in het evaluatieverslag.",
);
pub const CHRONOLOGY: Rule = rule(
    "PVA017",
    Group::Timing,
    Error,
    "data in onmogelijke volgorde",
    "Geboortedatum < eerste ziektedag ≤ probleemanalyse ≤ plan van aanpak; een ondertekening ligt niet voor de datum van het document.",
);
pub const VERLOOP: Rule = rule(
    "PVA018",
    Group::Timing,
    Error,
    "verloop van het verzuim klopt niet",
    "ArboNed-formulier, vraag 4: het percentage arbeidsongeschiktheid per datum. De data staan oplopend en niet voor de eerste ziektedag; de eerste regel valt op de eerste ziektedag.",
);
pub const DOCUMENT_MISSING: Rule = rule(
    "PVA019",
    Group::Steps,
    Error,
    "document ontbreekt na de termijn",
    "Eindevaluatie: zonder ondertekende eindevaluatie in het dossier na D + 637 (uiterlijk 13 weken voor het einde van de wachttijd). Eindigt het dienstverband tijdens ziekte, dan is het verslag er uiterlijk op de laatste dag van het dienstverband (Beleidsregels beoordelingskader poortwachter): bij een ziekte korter dan zes weken (laatste dag ≤ D + 40) geen verslag, korter dan tien weken (≤ D + 68) het verkort re-integratieverslag, anders het volledige verslag met de eindevaluatie. Plan van aanpak: zonder Plan van aanpak in het dossier na de termijn is die verstreken; vanaf de dag ervoor volgt een waarschuwing. De termijn is meer dan acht weken na de eerste ziektedag (D + 56), of eerder twee weken na ontvangst van de probleemanalyse; zag de bedrijfsarts eerst geen benutbare mogelijkheden, dan twee weken na ontvangst van de bijstelling die ze wel ziet. Een plan telt zodra beide partijen het ondertekenden, zoals in pva agenda. Geen bevinding als geen plan nodig is, na herstel of einde dienstverband. Beoordeeld tegen --today.",
);

pub const REQUIRED: Rule = rule(
    "PVA020",
    Group::Required,
    Error,
    "verplicht veld ontbreekt",
    "Het formulier vraagt dit veld (UWV Plan van aanpak / ArboNed Bijstelling) of de Regeling procesgang art. 4 eist het (activiteiten, termijnen, begeleider).",
);
pub const CONDITIONAL: Rule = rule(
    "PVA021",
    Group::Required,
    Error,
    "toelichting ontbreekt",
    "Sommige keuzes vragen een toelichting: 'Nog niet bekend, omdat …', 'ander einddoel, inclusief toelichting', een ander einddoel dan het advies van de bedrijfsarts (reden), obstakels 'Ja, dit zijn' met 'Hoe kunnen deze blijvend worden opgelost?'.",
);
pub const VISIE: Rule = rule(
    "PVA022",
    Group::Required,
    Error,
    "visie ontbreekt",
    "Sinds 1 juli 2023 leggen werkgever én werknemer hun visie vast in het Plan van aanpak en elke bijstelling (Regeling procesgang, wijziging 9 mei 2023, Stcrt. 2023, 13931).",
);
pub const SIGNATURE: Rule = rule(
    "PVA023",
    Group::Required,
    Error,
    "ondertekening onvolledig",
    "Elk onderdeel van het re-integratieverslag vermeldt datum, naam en functie van wie het opstelde en ondertekende (Beleidsregels vorm- en herkenbaarheidsvereisten, art. 2 lid 3).",
);
pub const UNSIGNED: Rule = rule(
    "PVA024",
    Group::Required,
    Info,
    "nog niet ondertekend",
    "Het document heeft nog geen datum van ondertekening; de PDF toont lege regels om te tekenen.",
);

pub const BSN: Rule = rule(
    "PVA030",
    Group::Format,
    Error,
    "BSN ongeldig",
    "Een burgerservicenummer heeft 9 cijfers en voldoet aan de elfproef: 9×c1 + 8×c2 + … + 2×c8 − 1×c9 is deelbaar door 11 (en niet 0). Zet het tussen aanhalingstekens, zodat voorloopnullen blijven staan.",
);
pub const POSTCODE: Rule = rule(
    "PVA031",
    Group::Format,
    Error,
    "postcode ongeldig",
    "Een Nederlandse postcode is vier cijfers (niet beginnend met 0) en twee hoofdletters, bijvoorbeeld 3511 AB; SA, SD en SS worden niet gebruikt.",
);
pub const PHONE: Rule = rule(
    "PVA032",
    Group::Format,
    Error,
    "telefoonnummer ongeldig",
    "Een Nederlands nummer heeft 10 cijfers en begint met 0 (of +31 met 9 cijfers); 0800/0900-nummers hebben 8 of 11 cijfers, zoals 0900 - 92 95.",
);
pub const EMAIL: Rule = rule(
    "PVA033",
    Group::Format,
    Error,
    "e-mailadres ongeldig",
    "Een e-mailadres heeft de vorm naam@domein.nl.",
);
pub const DATE: Rule = rule(
    "PVA034",
    Group::Format,
    Error,
    "datum ongeldig",
    "Data staan in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-07-14) en bestaan in de kalender.",
);
pub const PERCENT: Rule = rule(
    "PVA035",
    Group::Format,
    Error,
    "percentage buiten 0–100",
    "Percentages liggen tussen 0 en 100.",
);
pub const CHOICE: Rule = rule(
    "PVA036",
    Group::Format,
    Error,
    "waarde niet toegestaan",
    "Dit veld kent een vaste lijst waarden, de vakjes van het formulier; `pva fields` toont ze.",
);

pub const CHANGED_AFTER_SIGNING: Rule = rule(
    "PVA042",
    Group::Signed,
    Error,
    "gewijzigd na ondertekening",
    "Beide partijen tekenden deze versie, en `pva freeze` legde haar vingerafdruk vast (getekende_versie:, met een vingerafdruk per regel). Elke latere wijziging van de tekst of de waarden van het document verandert wat UWV krijgt zonder dat iemand het tekende; pva wijst de gewijzigde regels aan en bouwt de PDF niet. Nieuwe afspraken horen in een bijstelling of evaluatieverslag. Een bewuste correctie van dit document tekenen beide partijen opnieuw: vul beide nieuwe datums van ondertekening in en voer `pva freeze` uit. De vorige versie blijft in git. Alleen de regels van getekende_versie zelf en wat niets verandert aan de PDF (commentaar, aanhalingstekens, spaties of de volgorde van sleutels in de YAML) tellen niet.",
);
pub const SIGNED_PDF_CHANGES: Rule = rule(
    "PVA043",
    Group::Signed,
    Warning,
    "nieuwe opmaak voor een getekend document",
    "Bij ondertekening legde `pva freeze` vast waarmee de PDF gemaakt werd: de Typst-bron uit het sjabloon, de vormgeving (pva.typ), de lettertypen en de versie van typst. Geeft deze versie van pva (of een sjabloon in templates/) een andere PDF, dan zegt pva welk deel anders is, bij pva lint en pva build, ook in CI. De inhoud is dezelfde, maar de PDF ziet er anders uit dan wat getekend is. De getekende kopie in het dossier blijft het stuk dat telt en wordt nooit overschreven. Akkoord met de nieuwe opmaak? `pva freeze --accept-layout DOCUMENT` legt haar vast.",
);
pub const SIGNED_COPY_MISSING: Rule = rule(
    "PVA044",
    Group::Signed,
    Warning,
    "getekende kopie ontbreekt",
    "UWV beoordeelt het re-integratieverslag met de originele, getekende documenten. Hebben beide partijen getekend, bewaar de getekende versie (scan of elektronisch getekende PDF) dan naast het document als NAAM.getekend.pdf, bijvoorbeeld plan-van-aanpak.getekend.pdf; `pva riv` zet die ongewijzigd in de set voor UWV en toont haar pagina's in de kopie voor de werknemer; een onderdeel zonder getekende kopie meldt pva riv ook, bij het onderdeel en in zijn oordelen. Bewaart uw organisatie de getekende stukken elders, zet de regel dan uit in pva.toml, onder [lint]: PVA044 = \"off\".",
);
pub const SIGNED_COPY_INVALID: Rule = rule(
    "PVA045",
    Group::Signed,
    Error,
    "getekende kopie ongeldig",
    "Een getekende kopie (NAAM.getekend.pdf) is een echte PDF van hooguit 10 MB, de grens van UWV per document. Draagt zij een vingerafdruk van pva (in de eigenschappen van de PDF), dan is die van de getekende versie; is zij gemaakt (gescand) voor de laatste datum van ondertekening, dan is zij niet van de getekende versie. Een scan zonder leesbare gegevens wordt niet beoordeeld: vergelijk de vingerafdruk onderaan de pagina's met `pva verify VINGERAFDRUK`.",
);

pub const PRIVACY_MEDICAL: Rule = rule(
    "PVA040",
    Group::Privacy,
    Error,
    "medisch gegeven",
    "De werkgever mag geen diagnose of aard van de klachten vastleggen, ook niet als de werknemer die zelf vertelt (AP Beleidsregels De zieke werknemer; ArboNed: 'neem ook géén medische informatie op'). Beschrijf beperkingen en mogelijkheden, niet de ziekte. Ook klachten als bijvoeglijk naamwoord of werkwoord ('is uitgeput', 'slaapt slecht'), een lichaamsdeel met zijn toestand ('zijn enkel is gezwollen') en meetwaarden ('zijn suikerwaarden waren te hoog') tellen. Een woord wordt in zijn zin gelezen: gaat het over de mensen voor wie de werknemer werkt ('leerlingen met ADHD'), over iemand anders ('de collega die hem vervangt heeft griep') of staat het in een samenstelling als 'coronamaatregelen' of 'gebroken diensten', dan is het geen medisch gegeven. Elke zin wordt als geheel gewogen: een zin die zonder zo'n woord toch over de eigen gezondheid gaat ('zijn lampje is uit', 'hij hangt erbij als een zoutzak') wordt als zin gemeld, met de woorden die het zwaarst wegen; een zin over het werk houdt zijn woorden ('de doktersassistente verwijdert hechtingen'). Bewust toch nodig? Zet in de alinea [privacy-ok: reden]; die markering komt niet in de PDF.",
);
pub const PRIVACY_TREATMENT: Rule = milder(
    rule(
        "PVA041",
        Group::Privacy,
        Error,
        "behandeling of behandelaar genoemd",
        "Het soort behandeling of behandelaar is een medisch gegeven (ArboNed: geen 'type behandelaar'). Schrijf 'de door de bedrijfsarts geadviseerde interventie'. De zin beslist, niet de sector van de werkgever: 'werkt als verloskundige', 'portier in het ziekenhuis' en 'plant de spreekuren van de huisartsen' zijn werk, bij elke werkgever; 'gaat naar de fysiotherapeut', 'ligt zelf in het ziekenhuis' en 'haar eigen huisarts' zijn medisch, ook in een ziekenhuis. 'De behandeling van een aanvraag' is geen behandeling. Bij het probleemveld sociaal-medische zaken en bij interventies is dit een waarschuwing. Bewust toch nodig? Zet in de alinea [privacy-ok: reden]; die markering komt niet in de PDF.",
    ),
    Warning,
    "bij het probleemveld sociaal-medische zaken en bij interventies",
);

pub const ANALYSIS_MISSING: Rule = rule(
    "PVA050",
    Group::Steps,
    Error,
    "probleemanalyse ontbreekt na week 6",
    "De werkgever vraagt binnen zes weken na de eerste ziektedag een oordeel (probleemanalyse) van de bedrijfsarts (Regeling procesgang, art. 2 lid 2). Staat er na week 6 (D + 42) geen probleemanalyse.datum in het dossier, dan is de termijn verstreken; de dag ervoor volgt een waarschuwing. Niet na herstel of einde dienstverband. Beoordeeld tegen --today.",
);
pub const MELDING_42_MISSING: Rule = rule(
    "PVA051",
    Group::Steps,
    Error,
    "ziekmelding bij UWV (42e week) niet vastgelegd",
    "De werkgever meldt de werknemer uiterlijk op de eerste dag nadat de ongeschiktheid 42 weken heeft geduurd ziek bij UWV (Ziektewet art. 38 lid 1): D + 294. Leg de datum vast in verzuim.ziekmelding_uwv. Niet na herstel of einde dienstverband. Beoordeeld tegen --today.",
);
pub const EERSTEJAARS_MISSING: Rule = rule(
    "PVA052",
    Group::Steps,
    Error,
    "eerstejaarsevaluatie niet vastgelegd",
    "Aan het einde van het eerste ziektejaar (in de praktijk week 46 tot en met 52) evalueren werkgever en werknemer de re-integratie (Regeling procesgang, art. 4 lid 2 b). Na week 52 (na D + 363) zonder verzuim.eerstejaarsevaluatie of ondertekende eerstejaarsevaluatie is de termijn verstreken. Beoordeeld tegen --today.",
);
pub const RETENTION: Rule = rule(
    "PVA053",
    Group::Steps,
    Warning,
    "bewaartermijn verstreken",
    "De Autoriteit Persoonsgegevens acht het bewaren van een re-integratiedossier hooguit twee jaar na het einde van de re-integratie redelijk. Eindigde de periode (herstel of einde dienstverband) meer dan twee jaar voor --today, verwijder dan het dossier, ook uit de git-geschiedenis (zie README).",
);
pub const NOT_FROZEN: Rule = rule(
    "PVA054",
    Group::Signed,
    Warning,
    "getekend document niet vastgelegd",
    "Een document dat beide partijen hebben getekend, moet blijven wat getekend is. Zolang het erft uit dossier.yaml en gedeeld.yaml, verandert een latere wijziging daar de PDF; zolang zijn vingerafdruk niet is vastgelegd, valt een wijziging van het document zelf niet op. `pva freeze DOCUMENT` schrijft wat het document erfde in het document zelf (bevroren:) en legt de vingerafdruk van de getekende versie vast (getekende_versie:). Een document dat bevroren werd voordat pva vingerafdrukken vastlegde, krijgt die bij de volgende `pva freeze`; controleer dan eerst in git dat het nog is wat getekend is.",
);
pub const CHANGED_SINCE_SIGNED: Rule = rule(
    "PVA055",
    Group::Signed,
    Warning,
    "gedeeld gegeven gewijzigd na ondertekening",
    "Een bevroren document houdt de waarden van het moment van tekenen. Staat in dossier.yaml of gedeeld.yaml nu iets anders voor de datum van het document, dan meldt pva dat, met de plek van de nieuwe waarde. Hoort de correctie ook in het getekende document, dan is dat een nieuwe versie die beide partijen opnieuw tekenen (zie PVA042); anders blijft het zoals getekend.",
);

pub const EERSTEJAARS_WINDOW: Rule = rule(
    "PVA056",
    Group::Timing,
    Warning,
    "eerstejaarsevaluatie buiten week 46–52",
    "De eerstejaarsevaluatie hoort aan het einde van het eerste ziektejaar (Regeling procesgang, art. 4 lid 2 b); in de praktijk in week 46 tot en met 52: van D + 315 (de eerste dag van week 46) tot en met D + 363 (de laatste dag van week 52). Eerder is het nog geen evaluatie van het eerste jaar, later is het te laat.",
);
pub const EIND_LATE: Rule = rule(
    "PVA057",
    Group::Timing,
    Warning,
    "eindevaluatie na week 91",
    "Het re-integratieverslag, met de eindevaluatie, is uiterlijk 13 weken voor het einde van de wachttijd klaar (Wet WIA art. 25 lid 3): de wachttijd eindigt op D + 728, dus D + 637. Eindigt het dienstverband eerder, dan hoort de eindevaluatie bij het einde van het dienstverband.",
);
pub const VERKORT_NOT_ALLOWED: Rule = rule(
    "PVA058",
    Group::Timing,
    Error,
    "verkort re-integratieverslag niet van toepassing",
    "Een verkort re-integratieverslag is alleen voor een dienstverband dat binnen tien weken na de eerste ziektedag eindigt (Regeling re-integratieverslag art. 2a): de laatste dag van het dienstverband ligt op of voor D + 68 (D tot en met die dag is korter dan tien weken). Eindigt het later, dan maakt de werkgever een volledig re-integratieverslag (plan, evaluaties, eindevaluatie).",
);

pub const RIV_INCOMPLETE: Rule = rule(
    "PVA059",
    Group::Steps,
    Error,
    "re-integratieverslag onvolledig",
    "Uiterlijk 13 weken voor het einde van de wachttijd (D + 637) beoordeelt UWV het hele re-integratieverslag (Wet WIA art. 25 lid 3; Regeling procesgang art. 6; Regeling re-integratieverslag art. 2): het Plan van aanpak (of de vastgelegde reden dat er geen is), elke bijstelling, de eerstejaarsevaluatie, de gehouden evaluaties (een evaluatieverslag of een datum in verzuim.evaluaties_gehouden voor elk afgesproken moment dat voorbij is), de eindevaluatie en het actueel oordeel van de bedrijfsarts (art. 2 lid 2 c: een PDF van de arbodienst in de dossiermap, actueel-oordeel-JJJJ-MM-DD.pdf, niet later dan de eindevaluatie); bij einde dienstverband binnen tien weken het verkort re-integratieverslag. Elk onderdeel is ondertekend en vermeldt BSN en datum; een onderdeel gedateerd of getekend na --today telt niet. Een onvolledig verslag is de meest voorkomende vermijdbare sanctie (administratieve loonsanctie). `pva riv` controleert en maakt de set.",
);
pub const ARBODIENST_FILE: Rule = rule(
    "PVA060",
    Group::Steps,
    Error,
    "document van de arbodienst ontbreekt",
    "De probleemanalyse en haar bijstellingen komen van de arbodienst en horen bij het re-integratieverslag. Bewaar elke PDF in de dossiermap als probleemanalyse-JJJJ-MM-DD.pdf (de datum van de analyse); `pva riv` zet ze in de gebundelde kopie. Zonder die PDF is het verslag niet compleet.",
);

pub const STEP_LATE: Rule = rule(
    "PVA061",
    Group::Steps,
    Warning,
    "stap te laat gezet",
    "Een vastgelegde stap (ziekmelding bij UWV in de 42e week, ziek-uit-dienstmelding, re-integratieverslag bij einde dienstverband, start van spoor 2, WIA-aanvraag) met een datum na zijn termijn: de melding noemt hoeveel dagen te laat en wat daarop volgt (bij een te late ziekmelding een bestuurlijke boete, Ziektewet art. 38 lid 3). Leg in het dossier vast waarom het later was; UWV weegt dat mee. De termijnen staan in de tabel van stappen in docs/rules.md.",
);
pub const ZIEK_UIT_DIENST_MISSING: Rule = rule(
    "PVA062",
    Group::Steps,
    Error,
    "ziek-uit-dienstmelding niet vastgelegd",
    "Eindigt het dienstverband terwijl de werknemer ziek is, dan meldt de werkgever dat uiterlijk op de laatste dag van het dienstverband bij UWV (Ziektewet art. 38 lid 2); te laat of niet: een bestuurlijke boete (lid 3). Leg de datum vast in verzuim.ziek_uit_dienst_melding. Beoordeeld tegen --today.",
);
pub const WIA_AANVRAAG_MISSING: Rule = rule(
    "PVA063",
    Group::Steps,
    Warning,
    "WIA-aanvraag niet vastgelegd",
    "De werknemer vraagt de WIA-uitkering aan uiterlijk elf weken voor het einde van de wachttijd: D + 651 (Wet WIA art. 64 lid 3). Komt de aanvraag later, dan loopt de loondoorbetaling door tot de aanvraag er is (BW 7:629 lid 11 a). Leg de datum vast in verzuim.wia_aanvraag. Beoordeeld tegen --today.",
);
pub const SPOOR_2_MISSING: Rule = rule(
    "PVA064",
    Group::Steps,
    Warning,
    "spoor 2 niet gestart",
    "Vindt de eerstejaarsevaluatie spoor 2 nodig (spoor_2.nodig: true), of zegt geen ondertekende eerstejaarsevaluatie er iets over, dan begint spoor 2 uiterlijk zes weken (42 dagen) na de eerstejaarsevaluatie (Beleidsregels beoordelingskader poortwachter, tweede spoor; BW 7:658a lid 1). Leg de start vast in verzuim.start_spoor_2 (of, als geen evaluatie spoor 2 nodig vindt, het besluit in verzuim.besluit_spoor_2). Te laat of niet: UWV kan een loonsanctie opleggen.",
);
pub const EVALUATIONS_NOT_HELD: Rule = rule(
    "PVA065",
    Group::Steps,
    Warning,
    "evaluaties niet gehouden",
    "UWV toetst of het plan 'daadwerkelijk uitgevoerd, tussentijds geëvalueerd en, indien nodig, bijgesteld' is (Beleidsregels beoordelingskader poortwachter); het formulier vraagt minimaal eens per zes weken een evaluatie. Zolang een plan loopt (vanaf de datum van het plan tot de eindevaluatie of het einde van de periode), liggen gehouden evaluaties (verzuim.evaluaties_gehouden of een evaluatieverslag) hooguit 42 dagen uit elkaar. Afgesproken momenten tellen niet: alleen gehouden evaluaties.",
);
pub const BIJSTELLING_AFTER_ADVICE: Rule = rule(
    "PVA066",
    Group::Steps,
    Warning,
    "plan niet bijgesteld na nieuw advies",
    "Een bijgestelde probleemanalyse die een ander einddoel adviseert dan het plan (of de laatste bijstelling) is aanleiding om het plan bij te stellen, binnen twee weken na ontvangst (Regeling procesgang art. 4 lid 5 met lid 1). De termijn telt vanaf de dag van ontvangst (ontvangen_op, anders de datum): ontvangen op dag R, dan is een Bijstelling Plan van aanpak gedateerd op R + 14 op tijd, op R + 15 te laat. Is er na R + 14 geen bijstelling, of kwam zij later, dan volgt deze waarschuwing (een late bijstelling met het aantal dagen te laat: te laat is niet hetzelfde als op tijd, en `pva riv` beantwoordt de vraag 'bijgesteld toen het advies veranderde' dan met nee); wijkt u bewust af van het advies, leg dan de reden vast (einddoel.reden_afwijking).",
);
pub const SPOOR_2_CONTRADICTS: Rule = rule(
    "PVA067",
    Group::Steps,
    Warning,
    "eerstejaarsevaluatie en einddoel spreken elkaar tegen",
    "Vindt de eerstejaarsevaluatie spoor 2 niet nodig (spoor_2.nodig: false) terwijl het einddoel werk bij een andere werkgever is (andere_werkgever), dan kan UWV niet zien welke kant de re-integratie op gaat (Beleidsregels beoordelingskader poortwachter, eerstejaarsevaluatie). Pas het antwoord of het einddoel aan.",
);
pub const ARBEIDSDESKUNDIG_MISSING: Rule = rule(
    "PVA068",
    Group::Steps,
    Warning,
    "geen arbeidsdeskundig onderzoek",
    "Is vanaf week 52 (vanaf D + 357, de eerste dag van week 52; week 52 loopt van D + 357 tot en met D + 363) het einddoel iets anders dan het eigen werk (eigen_functie of gedeeltelijk_eigen_functie), dan verwacht UWV een arbeidsdeskundig onderzoek naar passende arbeid (Beleidsregels beoordelingskader poortwachter). Leg de datum vast in verzuim.arbeidsdeskundig_onderzoek.",
);
pub const ONE_SIGNATURE: Rule = rule(
    "PVA069",
    Group::Steps,
    Info,
    "door één partij getekend",
    "Een document dat één partij meer dan 14 dagen geleden tekende en de ander nog niet, wijst op onenigheid. Werkgever of werknemer kan UWV om een deskundigenoordeel vragen (Wet SUWI art. 32; UWV-formulier: 'Als u er niet uitkomt'); leg het vast in verzuim.deskundigenoordelen (datum, vraag, uitkomst).",
);
pub const EVALUATION_MISSED: Rule = rule(
    "PVA070",
    Group::Steps,
    Warning,
    "afgesproken evaluatie niet vastgelegd",
    "Elk evaluatiemoment dat het plan of een bijstelling afspreekt (evaluaties: wanneer), staat in pva agenda. Is de dag voorbij en is er geen gehouden evaluatie vastgelegd (een datum in verzuim.evaluaties_gehouden of een evaluatieverslag, hooguit 14 dagen voor of na het moment), dan is de evaluatie verlopen: de agenda zegt dat en lint ook, op de regel van het afgesproken moment. UWV toetst of het plan 'tussentijds geëvalueerd' is (Regeling procesgang art. 4 lid 2 b; Beleidsregels beoordelingskader poortwachter); een evaluatie zonder verslag of vastlegging mist in het re-integratieverslag. Ging ze niet door, spreek dan in een evaluatieverslag of bijstelling een nieuw moment af.",
);
pub const WIA_BRIEF_MISSING: Rule = rule(
    "PVA071",
    Group::Steps,
    Info,
    "brief van UWV over de WIA-aanvraag niet vastgelegd",
    "UWV stuurt de werknemer uiterlijk als de wachttijd 89 weken heeft geduurd (D + 622) een brief over de WIA-aanvraag (Wet WIA art. 64 lid 2). Staat er daarna geen datum in verzuim.wia_brief_uwv, dan toont pva agenda de stap als verlopen en meldt lint het: vraag de werknemer of de brief er is en leg de datum vast. Zonder brief dreigt een te late WIA-aanvraag, en daarmee langere loondoorbetaling (BW 7:629 lid 11 a).",
);

pub const PERIOD_LINKED: Rule = rule(
    "PVA072",
    Group::Steps,
    Warning,
    "ziekteperiodes tellen samen",
    "Twee dossiers van dezelfde werknemer (hetzelfde werknemer.bsn, en dezelfde werkgever als beide er een noemen) waarvan de ziekteperiodes elkaar opvolgen met minder dan vier weken (28 dagen) hersteld ertussen, tellen samen (BW 7:629 lid 10): de termijnen van het latere dossier tellen vanaf de eerste ziektedag van het eerdere, zonder de dagen ertussen; 14 dagen hersteld schuift de 42e week dus 14 dagen op, niet een hele periode. Hersteld is de eerste dag met 0% in verzuim.verloop; van die dag tot de nieuwe eerste ziektedag zijn de dagen ertussen (27 dagen telt samen, 28 niet). Meldt het eerdere dossier geen herstel, dan overlappen de periodes en tellen ze als één. pva leest daarvoor alle dossiers van het project (de map cases/) en meldt de koppeling op beide dossiers, met de naam van de andere dossiermap (nooit het BSN); `pva agenda` toont de samengetelde data en wat voor de eigen eerste ziektedag viel, beoordeelt het eerdere dossier.",
);
pub const NEW_PERIOD: Rule = rule(
    "PVA073",
    Group::Steps,
    Warning,
    "nieuwe ziekteperiode in het verloop",
    "Na vier weken (28 dagen) of meer hersteld begint een nieuwe ziekteperiode met eigen termijnen (BW 7:629 lid 10, omgekeerd). Toont verzuim.verloop zo'n herstel gevolgd door nieuwe ziekte, dan telt pva de termijnen vanaf de nieuwe eerste ziektedag, en telt niets van de vorige periode mee voor haar stappen: geen probleemanalyse, plan, evaluatie of ander document van voor die dag. De melding staat bij de eerste ziektedag en bij elk document en elke probleemanalyse van de vorige periode. Begin voor de nieuwe periode een nieuw dossier (`pva new dossier`) en laat dit dossier bij het herstel eindigen, of pas verzuim.eerste_ziektedag aan.",
);

pub const OUTSIDE_PROJECT: Rule = rule(
    "PVA080",
    Group::Structure,
    Error,
    "bestand buiten het project",
    "pva leest alleen bestanden binnen de projectmap. Een document, dossier.yaml of gedeeld.yaml dat een koppeling (symbolic link) is naar een bestand daarbuiten wordt niet gelezen en niet getoond: zo komt er nooit iets van buiten het project (een wachtwoordbestand, de omgeving van het proces) in een PDF of een CI-log.",
);

pub const YAML_TAG: Rule = rule(
    "PVA081",
    Group::Structure,
    Error,
    "YAML-tag",
    "Een waarde met een tag (`!!binary`, `!!str`, `!eigen`) zou stil iets anders worden dan er staat: `!!binary` wordt gedecodeerde tekst, een eigen tag valt weg. pva weigert tags; schrijf de waarde gewoon uit.",
);
pub const CONTROL_CHARACTER: Rule = rule(
    "PVA082",
    Group::Structure,
    Error,
    "onzichtbaar stuurteken",
    "Een tab, een NUL of een ander stuurteken in een waarde of in de tekst is onzichtbaar in de editor en verdwijnt of verschuift in de PDF (een tab in een naam gaf \"Sannede Vries\"). pva meldt het in plaats van het stil weg te laten; vervang het door een spatie.",
);
pub const UNCLOSED_COMMENT: Rule = rule(
    "PVA083",
    Group::Structure,
    Error,
    "opmerking niet afgesloten",
    "Een opmerking begint met `<!--` en eindigt met `-->`. Zonder einde valt alle tekst erna weg uit de PDF, ook de antwoorden op de vragen.",
);
pub const EXPENSIVE: Rule = rule(
    "PVA084",
    Group::Structure,
    Error,
    "document te zwaar om te zetten",
    "Een document dat veel meer vraagt dan een echt plan (een tabel van duizenden rijen, lijsten of citaten tientallen niveaus diep, tienduizenden harde regeleinden, een woord van duizenden tekens) kan het zetten minuten en gigabytes laten kosten, of het laten mislukken. De grenzen liggen ver boven elk echt document; docs/performance.md noemt ze en wat het zwaarste toegelaten document kost.",
);
pub const MISSING_GLYPH: Rule = rule(
    "PVA085",
    Group::Structure,
    Error,
    "teken niet in het lettertype",
    "De PDF gebruikt vaste, ingebedde lettertypen (Latijns schrift met accenten, Grieks, Cyrillisch en veel leestekens). Een teken daarbuiten (een emoji, Chinese of Arabische tekens, een privé-teken) kan niet gedrukt worden en laat de PDF van het hele document mislukken. Schrijf de naam of tekst in Latijnse letters.",
);

pub const LAYOUT_UNCHECKED: Rule = rule(
    "PVA086",
    Group::Signed,
    Error,
    "opmaak van een getekend document niet na te gaan",
    "Voor een getekend document gaat pva na of de PDF nog wordt zoals bij ondertekening (PVA043). Daarvoor vult pva het sjabloon van het document in. Een eigen sjabloon van het project (in templates/) is code die kan blijven lopen of steeds meer geheugen kan vragen; pva breekt het af na de grenzen onder [build] in pva.toml (`max_seconds`, `max_memory_mb`, dezelfde als bij het bouwen). Dan is niet te beoordelen of de PDF nog is zoals getekend, en pva bouwt de PDF van dat document niet. Zet de lus of herhaling in het sjabloon recht, of verhoog de grens als het sjabloon echt zo veel nodig heeft. De andere documenten worden gewoon gecontroleerd en gebouwd.",
);

pub const EXAMPLE_ASIDE: Rule = rule(
    "PVA090",
    Group::Structure,
    Warning,
    "voorbeeld telt niet mee",
    "Het voorbeelddossier van `pva init` (voorbeeld: true in zijn dossier.yaml) gaat over een verzonnen werknemer. Zodra het project een eigen dossier heeft, laten lint, build, agenda en de agenda als kalenderbestand (--ics) het voorbeeld weg, zodat geen verzonnen termijn in de agenda of het rapport staat. Het is een waarschuwing, geen opmerking: wat weggelaten wordt, wordt niet gecontroleerd, en een echt dossier dat als kopie van het voorbeeld nog voorbeeld: true heeft, zou zo ongemerkt buiten lint en agenda blijven. Verwijder het voorbeeld als u het niet meer nodig heeft: rm -r cases/voorbeeld.",
);

pub const NAME_REFUSED: Rule = rule(
    "PVA095",
    Group::Structure,
    Warning,
    "map- of bestandsnaam die CI of een upload weigert",
    "De naam van een dossiermap of document wordt de naam van de PDF (output/map/document.pdf). Een naam met een van de tekens \" : < > * ? \\ of een verticale streep, of met een regeleinde of ander stuurteken, weigert GitHub bij het bewaren van de PDF's als artefact: het hele artefact, niet alleen die ene PDF (actions/upload-artifact; zie docs/ci.md). Windows verbiedt dezelfde tekens en een naam die op een punt of spatie eindigt, zodat zo'n PDF op een Windows-pc niet op te slaan of te kiezen is voor een upload in het werkgeversportaal van UWV. Hernoem de map of het bestand met `git mv`; de melding stelt een naam voor.",
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
    CHANGED_AFTER_SIGNING,
    SIGNED_PDF_CHANGES,
    SIGNED_COPY_MISSING,
    SIGNED_COPY_INVALID,
    ANALYSIS_MISSING,
    MELDING_42_MISSING,
    EERSTEJAARS_MISSING,
    RETENTION,
    NOT_FROZEN,
    CHANGED_SINCE_SIGNED,
    EERSTEJAARS_WINDOW,
    EIND_LATE,
    VERKORT_NOT_ALLOWED,
    RIV_INCOMPLETE,
    ARBODIENST_FILE,
    STEP_LATE,
    ZIEK_UIT_DIENST_MISSING,
    WIA_AANVRAAG_MISSING,
    SPOOR_2_MISSING,
    EVALUATIONS_NOT_HELD,
    BIJSTELLING_AFTER_ADVICE,
    SPOOR_2_CONTRADICTS,
    ARBEIDSDESKUNDIG_MISSING,
    ONE_SIGNATURE,
    EVALUATION_MISSED,
    WIA_BRIEF_MISSING,
    PERIOD_LINKED,
    NEW_PERIOD,
    OUTSIDE_PROJECT,
    YAML_TAG,
    CONTROL_CHARACTER,
    UNCLOSED_COMMENT,
    EXPENSIVE,
    MISSING_GLYPH,
    LAYOUT_UNCHECKED,
    EXAMPLE_ASIDE,
    NAME_REFUSED,
];

/// Finds a rule by its code.
pub fn find(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// What `pva lint --explain` prints for `rule`: code, default severity,
/// title, the rule and its source, and the day counting where it counts days.
pub fn explanation(rule: &Rule) -> String {
    let mut text = format!(
        "{} ({}): {}\n\n{}\n",
        rule.code,
        severity_text(rule),
        rule.title,
        rule.explain
    );
    if rule.group.counts_days() {
        text.push_str(&format!("\n{COUNTING}\n"));
    }
    text
}

/// The default severity, and where the rule is milder: `error; warning bij
/// …`. A severity in `pva.toml` replaces both.
fn severity_text(rule: &Rule) -> String {
    match rule.milder {
        Some(m) => format!(
            "{}; {} {}",
            rule.severity.name(),
            m.severity.name(),
            m.context
        ),
        None => rule.severity.name().to_string(),
    }
}

/// The rule table of `docs/rules.md`, generated from [`ALL`] so the
/// documentation cannot drift from the code (a test compares them).
pub fn reference_markdown() -> String {
    let mut out =
        String::from("| Code | Default | Rule | Source and what to do |\n|---|---|---|---|\n");
    for rule in ALL {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            rule.code,
            severity_text(rule),
            rule.title,
            rule.explain
        ));
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Replaces the table starting with the line `header` (and the lines
    /// after it that start with `|`) by `table`.
    pub(crate) fn replace_table(doc: &str, header: &str, table: &str) -> String {
        let start = doc.find(header).expect("table header in docs/rules.md");
        let rest = &doc[start..];
        let mut end = 0;
        for line in rest.split_inclusive('\n') {
            if !line.starts_with('|') {
                break;
            }
            end += line.len();
        }
        format!("{}{table}{}", &doc[..start], &rest[end..])
    }

    /// With `PVA_BLESS=1`, writes the generated tables into docs/rules.md.
    pub(crate) fn bless_rules_doc(header: &str, table: &str) {
        bless_doc("docs/rules.md", header, table);
    }

    /// With `PVA_BLESS=1`, writes a generated table into a file of docs/.
    pub(crate) fn bless_doc(file: &str, header: &str, table: &str) {
        if std::env::var_os("PVA_BLESS").is_none() {
            return;
        }
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let doc = std::fs::read_to_string(&path).unwrap();
        crate::fs::write_atomic(&path, replace_table(&doc, header, table).as_bytes()).unwrap();
    }

    /// `docs/rules.md` holds the generated table and the counting verbatim.
    #[test]
    fn documentation_is_generated_from_the_table() {
        bless_rules_doc("| Code | Default |", &reference_markdown());
        if std::env::var_os("PVA_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
            let doc = std::fs::read_to_string(path).unwrap();
            let start = doc.find("\nTelling: ").unwrap() + 1;
            let end = start + doc[start..].find('\n').unwrap();
            let text = format!("{}{COUNTING}{}", &doc[..start], &doc[end..]);
            crate::fs::write_atomic(std::path::Path::new(path), text.as_bytes()).unwrap();
        }
        let doc = include_str!("../docs/rules.md");
        let reference = reference_markdown();
        assert!(
            doc.contains(&reference),
            "docs/rules.md is out of date; its rule table must be:\n{reference}"
        );
        assert!(
            doc.contains(COUNTING),
            "docs/rules.md: the day counting must read:\n{COUNTING}"
        );
    }

    #[test]
    fn codes_are_unique_and_documented() {
        let doc = include_str!("../docs/rules.md");
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
                    severity_text(rule),
                    rule.title
                )),
                "{} undocumented in docs/rules.md",
                rule.code
            );
        }
    }
}
