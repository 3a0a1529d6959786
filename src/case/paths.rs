//! The dotted paths code reads by name. Each is checked against the schema
//! by a test, so a renamed key cannot silently stop a rule from firing.

/// `verzuim.eerste_ziektedag`
pub const EERSTE_ZIEKTEDAG: &str = "verzuim.eerste_ziektedag";
/// `true` in the dossier of `pva init`'s fictional example.
pub const VOORBEELD: &str = "voorbeeld";
/// `verzuim.verloop`
pub const VERLOOP: &str = "verzuim.verloop";
/// `verzuim.einde_dienstverband`
pub const EINDE_DIENSTVERBAND: &str = "verzuim.einde_dienstverband";
/// `verzuim.ziekmelding_uwv`
pub const ZIEKMELDING_UWV: &str = "verzuim.ziekmelding_uwv";
/// `verzuim.eerstejaarsevaluatie`
pub const EERSTEJAARSEVALUATIE: &str = "verzuim.eerstejaarsevaluatie";
/// `verzuim.besluit_spoor_2`
pub const BESLUIT_SPOOR_2: &str = "verzuim.besluit_spoor_2";
/// `verzuim.start_spoor_2`
pub const START_SPOOR_2: &str = "verzuim.start_spoor_2";
/// `verzuim.arbeidsdeskundig_onderzoek`
pub const ARBEIDSDESKUNDIG: &str = "verzuim.arbeidsdeskundig_onderzoek";
/// `verzuim.deskundigenoordelen`
pub const DESKUNDIGENOORDELEN: &str = "verzuim.deskundigenoordelen";
/// `verzuim.actueel_oordeel`
pub const ACTUEEL_OORDEEL: &str = "verzuim.actueel_oordeel";
/// `spoor_2.nodig`
pub const SPOOR_2_NODIG: &str = "spoor_2.nodig";
/// `verzuim.wia_brief_uwv`
pub const WIA_BRIEF_UWV: &str = "verzuim.wia_brief_uwv";
/// `verzuim.wia_aanvraag`
pub const WIA_AANVRAAG: &str = "verzuim.wia_aanvraag";
/// `verzuim.ziek_uit_dienst_melding`
pub const ZIEK_UIT_DIENST: &str = "verzuim.ziek_uit_dienst_melding";
/// `verzuim.evaluaties_gehouden`
pub const EVALUATIES_GEHOUDEN: &str = "verzuim.evaluaties_gehouden";
/// `probleemanalyse`
pub const PROBLEEMANALYSE: &str = "probleemanalyse";
/// `probleemanalyse.datum`
pub const PROBLEEMANALYSE_DATUM: &str = "probleemanalyse.datum";
/// `probleemanalyse.bijstellingen`
pub const PROBLEEMANALYSE_BIJSTELLINGEN: &str = "probleemanalyse.bijstellingen";
/// `wijzigingen`
pub const WIJZIGINGEN: &str = "wijzigingen";
/// `bevroren`
pub const BEVROREN: &str = "bevroren";
/// `getekende_versie`, the record of the signed version.
pub const GETEKENDE_VERSIE: &str = "getekende_versie";
/// `getekende_versie.vingerafdruk`
pub const VINGERAFDRUK: &str = "getekende_versie.vingerafdruk";
/// `getekende_versie.getekend_werknemer`
pub const GETEKEND_WERKNEMER: &str = "getekende_versie.getekend_werknemer";
/// `getekende_versie.getekend_werkgever`
pub const GETEKEND_WERKGEVER: &str = "getekende_versie.getekend_werkgever";
/// `getekende_versie.pdf`
pub const GETEKENDE_PDF: &str = "getekende_versie.pdf";
/// `getekende_versie.regels`
pub const GETEKENDE_REGELS: &str = "getekende_versie.regels";
/// `werknemer.naam`
pub const WERKNEMER_NAAM: &str = "werknemer.naam";
/// `werknemer.geboortedatum`
pub const GEBOORTEDATUM: &str = "werknemer.geboortedatum";
/// `datum`, the document's own date.
pub const DATUM: &str = "datum";
/// `evaluaties`, the agreed evaluation moments.
pub const EVALUATIES: &str = "evaluaties";
/// `evaluaties.wanneer`, an evaluation moment's date.
pub const EVALUATIE_WANNEER: &str = "evaluaties.wanneer";
/// `einddoel.keuze`
pub const EINDDOEL: &str = "einddoel.keuze";
/// `document`, the kind of document.
pub const DOCUMENT: &str = "document";
/// `werknemer.functie`
pub const WERKNEMER_FUNCTIE: &str = "werknemer.functie";
/// `werkgever.bedrijfsnaam`
pub const BEDRIJFSNAAM: &str = "werkgever.bedrijfsnaam";
/// `werknemer.bsn`
pub const BSN: &str = "werknemer.bsn";
/// `casemanager.naam`
pub const CASEMANAGER_NAAM: &str = "casemanager.naam";
/// `casemanager.functie`
pub const CASEMANAGER_FUNCTIE: &str = "casemanager.functie";
/// `probleemanalyse.advies_einddoel`
pub const ADVIES_EINDDOEL: &str = "probleemanalyse.advies_einddoel";
/// `einddoel.afwijkend_van_advies`
pub const AFWIJKEND_VAN_ADVIES: &str = "einddoel.afwijkend_van_advies";
/// `einddoel.reden_afwijking`
pub const REDEN_AFWIJKING: &str = "einddoel.reden_afwijking";
/// `visie.werknemer`
pub const VISIE_WERKNEMER: &str = "visie.werknemer";
/// `visie.werkgever`
pub const VISIE_WERKGEVER: &str = "visie.werkgever";
/// `reden_te_laat`
pub const REDEN_TE_LAAT: &str = "reden_te_laat";
/// `afspraken`, the plan's agreed activities.
pub const AFSPRAKEN: &str = "afspraken";
/// `ondertekening`
pub const ONDERTEKENING: &str = "ondertekening";
/// `grond`, the verkort verslag's ground (RIVV art. 2a lid 1).
pub const GROND_VERKORT: &str = "grond";

/// The keys of one party's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    /// Who signs.
    pub naam: &'static str,
    /// In which function.
    pub functie: &'static str,
    /// On which day.
    pub datum: &'static str,
}

/// `ondertekening.werknemer`
pub const WERKNEMER_SIGNATURE: Signature = Signature {
    naam: "ondertekening.werknemer.naam",
    functie: "ondertekening.werknemer.functie",
    datum: "ondertekening.werknemer.datum",
};
/// `ondertekening.werkgever`
pub const WERKGEVER_SIGNATURE: Signature = Signature {
    naam: "ondertekening.werkgever.naam",
    functie: "ondertekening.werkgever.functie",
    datum: "ondertekening.werkgever.datum",
};

/// `plaats`, a key of every group with an address.
pub const PLAATS: &str = "plaats";

/// The keys above that are read in several groups or rows, for the test:
/// each is a key somewhere in the schema.
pub const KEYS: &[&str] = &[PLAATS];

/// Every path constant above, for the test.
pub const ALL: &[&str] = &[
    EERSTE_ZIEKTEDAG,
    VERLOOP,
    EINDE_DIENSTVERBAND,
    ZIEKMELDING_UWV,
    EERSTEJAARSEVALUATIE,
    BESLUIT_SPOOR_2,
    START_SPOOR_2,
    ARBEIDSDESKUNDIG,
    DESKUNDIGENOORDELEN,
    ACTUEEL_OORDEEL,
    SPOOR_2_NODIG,
    WIA_BRIEF_UWV,
    WIA_AANVRAAG,
    ZIEK_UIT_DIENST,
    EVALUATIES_GEHOUDEN,
    PROBLEEMANALYSE,
    PROBLEEMANALYSE_DATUM,
    PROBLEEMANALYSE_BIJSTELLINGEN,
    WIJZIGINGEN,
    BEVROREN,
    GETEKENDE_VERSIE,
    VINGERAFDRUK,
    GETEKEND_WERKNEMER,
    GETEKEND_WERKGEVER,
    GETEKENDE_PDF,
    GETEKENDE_REGELS,
    WERKNEMER_NAAM,
    GEBOORTEDATUM,
    DATUM,
    EVALUATIES,
    EVALUATIE_WANNEER,
    EINDDOEL,
    DOCUMENT,
    WERKNEMER_FUNCTIE,
    BEDRIJFSNAAM,
    BSN,
    CASEMANAGER_NAAM,
    CASEMANAGER_FUNCTIE,
    ADVIES_EINDDOEL,
    AFWIJKEND_VAN_ADVIES,
    REDEN_AFWIJKING,
    VISIE_WERKNEMER,
    VISIE_WERKGEVER,
    REDEN_TE_LAAT,
    GROND_VERKORT,
    AFSPRAKEN,
    ONDERTEKENING,
    WERKNEMER_SIGNATURE.naam,
    WERKNEMER_SIGNATURE.functie,
    WERKNEMER_SIGNATURE.datum,
    WERKGEVER_SIGNATURE.naam,
    WERKGEVER_SIGNATURE.functie,
    WERKGEVER_SIGNATURE.datum,
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::schema;

    #[test]
    fn every_path_is_in_the_schema() {
        for path in super::ALL {
            assert!(schema::field(path).is_some(), "{path}");
        }
    }

    /// Each party's signature lies under its key in `ondertekening`.
    #[test]
    fn signatures_are_the_parties_keys() {
        for party in super::super::Party::BOTH {
            let group = format!("{}.{}", super::ONDERTEKENING, party.key());
            assert!(schema::field(&group).is_some(), "{group}");
            let keys = party.signature();
            for path in [keys.naam, keys.functie, keys.datum] {
                assert!(path.starts_with(&format!("{group}.")), "{path}");
            }
        }
    }

    #[test]
    fn every_key_is_in_the_schema() {
        for key in super::KEYS {
            assert!(schema::has_key(key), "{key}");
        }
    }

    /// Calls that read a key by name; the key is their last argument.
    const LOOKUPS: &[&str] = &[
        "get",
        "text",
        "long_text",
        "anchor",
        "section_of",
        "guidance",
        "child",
        "child_mut",
        "take",
        "day",
    ];

    /// Dotted strings that are no keys: file names end in one of these.
    const EXTENSIONS: &[&str] = &["md", "yaml", "typ", "toml", "pdf", "json", "bin", "tsv"];

    /// Dotted strings that are no keys and no file names.
    const NOT_KEYS: &[&str] = &["yaml.schemas", "2.0"];

    /// Every dotted key written as a string in the code (`"werknemer.naam"`)
    /// is in the schema, and so is every key a lookup reads by name
    /// (`.child("datum")`, at least as the last part of a path): a renamed
    /// key cannot leave a rule silently reading nothing. Test code is left
    /// out: it fails by itself when it reads nothing.
    #[test]
    fn keys_written_in_the_code_are_in_the_schema() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        for file in walkdir::WalkDir::new(&src).into_iter().map(Result::unwrap) {
            let name = file.file_name().to_string_lossy();
            if !name.ends_with(".rs") || name == "tests.rs" {
                continue;
            }
            let text = std::fs::read_to_string(file.path()).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let at = file.path().display();
            for path in dotted_strings(code) {
                assert!(schema::field(path).is_some(), "{at}: \"{path}\"");
                checked += 1;
            }
            for key in looked_up(code) {
                assert!(schema::has_key(key), "{at}: \"{key}\"");
                checked += 1;
            }
        }
        assert!(checked > 50, "the scan found only {checked} keys");
    }

    /// The string literals of `code` made of lowercase words joined by dots.
    fn dotted_strings(code: &str) -> impl Iterator<Item = &str> {
        code.split('"').skip(1).step_by(2).filter(|s| {
            let key_like =
                s.contains('.') && s.split('.').all(|part| !part.is_empty() && is_word(part));
            let extension = s.rsplit('.').next().unwrap_or_default();
            key_like && !EXTENSIONS.contains(&extension) && !NOT_KEYS.contains(s)
        })
    }

    /// The keys handed as a string to one of the [`LOOKUPS`].
    fn looked_up(code: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for (open, _) in code.match_indices('(') {
            let before = &code[..open];
            let name = before
                .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default();
            if !LOOKUPS.contains(&name) {
                continue;
            }
            let args = &code[open + 1..];
            let args = &args[..args.find(')').unwrap_or_default()];
            let last = args.rsplit(',').next().unwrap_or_default().trim();
            if let Some(key) = last.strip_prefix('"').and_then(|l| l.strip_suffix('"'))
                && is_word(key)
            {
                out.push(key);
            }
        }
        out
    }

    fn is_word(text: &str) -> bool {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }
}
