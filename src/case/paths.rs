//! The dotted paths code reads by name. Each is checked against the schema
//! by a test, so a renamed key cannot silently stop a rule from firing.

/// `verzuim.eerste_ziektedag`
pub const EERSTE_ZIEKTEDAG: &str = "verzuim.eerste_ziektedag";
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
/// `werknemer.naam`
pub const WERKNEMER_NAAM: &str = "werknemer.naam";
/// `werknemer.geboortedatum`
pub const GEBOORTEDATUM: &str = "werknemer.geboortedatum";
/// `datum`, the document's own date.
pub const DATUM: &str = "datum";
/// `evaluaties`, the agreed evaluation moments.
pub const EVALUATIES: &str = "evaluaties";
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
    WIA_BRIEF_UWV,
    WIA_AANVRAAG,
    ZIEK_UIT_DIENST,
    EVALUATIES_GEHOUDEN,
    PROBLEEMANALYSE,
    PROBLEEMANALYSE_DATUM,
    PROBLEEMANALYSE_BIJSTELLINGEN,
    WIJZIGINGEN,
    BEVROREN,
    WERKNEMER_NAAM,
    GEBOORTEDATUM,
    DATUM,
    EVALUATIES,
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
    use super::super::schema;

    #[test]
    fn every_path_is_in_the_schema() {
        for path in super::ALL {
            assert!(schema::field(path).is_some(), "{path}");
        }
    }

    #[test]
    fn every_key_is_in_the_schema() {
        let paths = schema::all_paths();
        for key in super::KEYS {
            assert!(
                paths.iter().any(|p| p.rsplit('.').next() == Some(key)),
                "{key}"
            );
        }
    }
}
