use std::sync::Arc;

use super::lexicon::WINDOW;
use super::terms::TERMS;
use super::*;

/// (code, column) of every finding in `text` by the rules alone: these
/// tests are of the word lists and the reading of a sentence; what the
/// model adds is measured on the corpora, and tested with [`judged`].
fn hits(text: &str) -> Vec<(&'static str, usize)> {
    findings(text, &Model::rules_only())
}

/// (code, column) of every finding in `text`, as lint reports them.
fn judged(text: &str) -> Vec<(&'static str, usize)> {
    findings(text, &model::MODEL)
}

fn findings(text: &str, model: &Model) -> Vec<(&'static str, usize)> {
    let pos = Pos {
        file: Arc::from(std::path::Path::new("x.md")),
        line: 1,
        col: 1,
    };
    let mut out = Vec::new();
    let text = Text {
        text,
        passage: Passage::Notes,
        pos,
        lenient: false,
        file: None,
    };
    scan(&text, model, &mut out);
    out.iter().map(|(_, d)| (d.code, d.column)).collect()
}

#[test]
fn whole_word_starts_only() {
    assert_eq!(hits("Hij komt terug na de contractbreuk."), vec![]);
    assert_eq!(hits("Zij heeft een burn-out."), vec![("PVA040", 15)]);
    assert_eq!(hits("Afspraak bij de Fysiotherapeut"), vec![("PVA041", 17)]);
    assert_eq!(hits("Depressieve klachten"), vec![("PVA040", 1)]);
}

#[test]
fn no_term_is_longer_than_the_window() {
    for term in TERMS {
        // Room for the second part of a compound after the longest term.
        assert!(term.text.len() + 32 <= WINDOW, "{}", term.text);
    }
}

#[test]
fn terms_late_in_a_long_paragraph_are_found() {
    let text = format!("{}psychiater", "woord ".repeat(2000));
    assert_eq!(hits(&text), vec![("PVA041", 12_001)]);
}

#[test]
fn marker_acknowledges_the_paragraph() {
    assert_eq!(
        hits("Naar de huisarts [privacy-ok: werknemer vroeg dit]\n\nNaar de huisarts"),
        vec![("PVA041", 9)]
    );
}

#[test]
fn the_job_and_the_workplace_are_not_medical() {
    let text = "Zij werkt als verloskundige in het ziekenhuis, met gebroken diensten; het team volgt de coronamaatregelen.";
    assert_eq!(hits(text), vec![]);
    assert_eq!(
        hits("Meneer Ouali is portier in het ziekenhuis en bemant de hoofdingang."),
        vec![]
    );
    assert_eq!(hits("Zij plant de spreekuren van de huisartsen."), vec![]);
    assert_eq!(
        hits("Mevrouw Lambers werkt als secretaresse bij de polikliniek orthopedie."),
        vec![]
    );
    assert_eq!(hits("De verloskundigen overleggen elke ochtend."), vec![]);
}

/// The sentence decides, not the dossier: the same words are medical or
/// not for any employer, so a hospital's nurse is protected like anyone.
#[test]
fn the_employees_own_care_is_medical_in_any_workplace() {
    assert_eq!(
        hits("Zij heeft een hernia en gaat naar de fysiotherapeut."),
        vec![("PVA040", 15), ("PVA041", 38)]
    );
    assert_eq!(
        hits("De verloskundige adviseert haar rust."),
        vec![("PVA041", 4)]
    );
    assert_eq!(hits("De huisarts denkt mee."), vec![("PVA041", 4)]);
    assert_eq!(
        hits("Mevrouw Kok (verzorgende IG) ligt zelf sinds dinsdag in het ziekenhuis."),
        vec![("PVA041", 61)]
    );
    assert_eq!(
        hits("De tandartsassistente is zelf in behandeling bij de kaakchirurg."),
        vec![("PVA041", 34), ("PVA041", 53)]
    );
    assert_eq!(
        hits("Als psycholoog in de GGZ-instelling zit hij nu zelf bij een collega in therapie."),
        vec![("PVA041", 72)]
    );
}

#[test]
fn compounds_are_read_by_their_parts() {
    assert_eq!(hits("Hij heeft een knieblessure."), vec![("PVA040", 15)]);
    assert_eq!(hits("Zij heeft stressklachten."), vec![("PVA040", 11)]);
    assert_eq!(
        hits("Na zijn heupoperatie loopt hij moeilijk."),
        vec![("PVA041", 9)]
    );
    assert_eq!(hits("Het team volgt de coronamaatregelen."), vec![]);
    assert_eq!(hits("Zij neemt zwangerschapsverlof op."), vec![]);
    assert_eq!(hits("Hij plaatst gipsplaten."), vec![]);
    assert_eq!(hits("Zij is doktersassistente."), vec![]);
    assert_eq!(hits("Hij komt uit het hoofdkantoor."), vec![]);
}

#[test]
fn broken_needs_a_body_part() {
    assert_eq!(hits("Zij werkt in gebroken diensten."), vec![]);
    assert_eq!(hits("De ruit is gebroken."), vec![]);
    assert_eq!(hits("Hij heeft een gebroken enkel."), vec![("PVA040", 15)]);
    assert_eq!(hits("Hij heeft zijn pols gebroken."), vec![("PVA040", 21)]);
}

#[test]
fn treatment_of_a_request_is_ordinary() {
    assert_eq!(hits("Gelijke behandeling van collega's."), vec![]);
    assert_eq!(
        hits("De behandeling van een aanvraag duurt acht weken."),
        vec![]
    );
    assert_eq!(hits("Zijn uitkeringsaanvraag is in behandeling."), vec![]);
    assert_eq!(hits("Zij is in behandeling."), vec![("PVA041", 11)]);
    assert_eq!(hits("De behandeling slaat aan."), vec![("PVA041", 4)]);
}

#[test]
fn people_the_work_is_for_are_not_the_employee() {
    assert_eq!(hits("Zij heeft leerlingen met ADHD."), vec![]);
    assert_eq!(hits("Zij heeft ADHD."), vec![("PVA040", 11)]);
    assert_eq!(hits("De collega die hem vervangt heeft griep."), vec![]);
    assert_eq!(
        hits("Het project lag maandenlang op de intensive care."),
        vec![]
    );
    assert_eq!(hits("De pijn van de reorganisatie is voelbaar."), vec![]);
}

#[test]
fn whole_word_terms_need_the_whole_word() {
    assert_eq!(hits("Het overleg gaat via MS Teams."), vec![]);
    assert_eq!(hits("Zij heeft MS."), vec![("PVA040", 11)]);
    assert_eq!(hits("De politie kwam langs."), vec![]);
    assert_eq!(hits("Een pijnlijk gesprek."), vec![]);
    assert_eq!(hits("Zij heeft pijn in haar rug."), vec![("PVA040", 11)]);
    assert_eq!(hits("Hij slikt pijnstillers."), vec![("PVA041", 11)]);
}

#[test]
fn a_part_after_a_hyphen_counts() {
    assert_eq!(hits("Zij heeft post-covid."), vec![("PVA040", 16)]);
    assert_eq!(hits("Een gesprek met de kno-arts."), vec![("PVA041", 20)]);
}

#[test]
fn positions_are_counted_on_across_lines() {
    let mut lines = Lines::new("ab\ncdé\n\nf");
    assert_eq!(lines.at(1), (1, 2));
    assert_eq!(lines.at(6), (2, 3), "inside `é`: its start");
    assert_eq!(lines.at(7), (2, 4));
    assert_eq!(lines.at(9), (4, 1));
    assert_eq!(lines.at(0), (1, 1));
    assert_eq!(
        hits("Zij werkt.\nHij heeft een hernia.\n\nNaar de huisarts."),
        vec![("PVA040", 15), ("PVA041", 9)]
    );
}

#[test]
fn names_and_job_titles_are_not_scanned() {
    assert!(is_identity(".werkgever.bedrijfsnaam"));
    assert!(is_identity(".werknemer.functie"));
    assert!(!is_identity(".afspraken.activiteit"));
}

#[test]
fn identity_keys_are_in_the_schema() {
    for key in IDENTITY {
        assert!(crate::case::schema::has_key(key), "{key}");
    }
}

#[test]
fn complaints_as_adjectives_and_verbs() {
    assert_eq!(hits("Hij is uitgeput."), vec![("PVA040", 8)]);
    assert_eq!(hits("Zij is kortademig."), vec![("PVA040", 8)]);
    assert_eq!(
        hits("Hij slaapt slecht en piekert."),
        vec![("PVA040", 5), ("PVA040", 22)]
    );
    assert_eq!(hits("Zij piekerde de hele vakantie."), vec![("PVA040", 5)]);
    assert_eq!(hits("Zij voelt zich somber."), vec![("PVA040", 16)]);
    assert_eq!(hits("De vooruitzichten zijn somber."), vec![]);
    assert_eq!(hits("Hij is moe."), vec![("PVA040", 8)]);
    assert_eq!(hits("Zijn moeder helpt."), vec![]);
}

#[test]
fn a_body_part_with_its_state() {
    assert_eq!(hits("Zijn enkel is nog gezwollen."), vec![("PVA040", 19)]);
    assert_eq!(
        hits("Haar schouder is nog niet hersteld."),
        vec![("PVA040", 27)]
    );
    assert_eq!(hits("Haar knie is nog opgezet."), vec![("PVA040", 18)]);
    assert_eq!(hits("Het project is opgezet."), vec![]);
    assert_eq!(hits("De relatie is hersteld."), vec![]);
}

#[test]
fn measured_values() {
    assert_eq!(
        hits("Zijn suikerwaarden waren te hoog."),
        vec![("PVA040", 6)]
    );
    assert_eq!(hits("Zijn bloeddruk is te hoog."), vec![("PVA040", 6)]);
    assert_eq!(hits("Haar ijzergehalte is laag."), vec![("PVA040", 6)]);
    assert_eq!(hits("De suiker staat in de kast."), vec![]);
}

#[test]
fn compounds_of_complaints_and_treatments() {
    assert_eq!(hits("De slaapproblematiek speelt."), vec![("PVA040", 4)]);
    assert_eq!(hits("Tim heeft hoofdpijnaanvallen."), vec![("PVA040", 11)]);
    assert_eq!(hits("Concentratieproblemen blijven."), vec![("PVA040", 1)]);
    assert_eq!(hits("Hij meet de spanningsverliezen."), vec![]);
    assert_eq!(hits("De vestiging is een hoofdpijndossier."), vec![]);
    assert_eq!(
        hits("Zij kreeg een wortelkanaalbehandeling."),
        vec![("PVA041", 15)]
    );
    assert_eq!(
        hits("De verloskundigenpraktijk heeft drie vestigingen."),
        vec![]
    );
}

#[test]
fn one_finding_per_term() {
    assert_eq!(hits("Hij heeft hoge bloeddruk."), vec![("PVA040", 11)]);
    assert_eq!(hits("Zij heeft long covid."), vec![("PVA040", 11)]);
}

#[test]
fn whose_care_it_is_decides() {
    assert_eq!(hits("Zij dient de bewoners hun medicatie toe."), vec![]);
    assert_eq!(hits("Zij controleert de medicatie van cliënten."), vec![]);
    assert_eq!(
        hits("De operatie van de verhuizing verliep chaotisch."),
        vec![]
    );
    assert_eq!(
        hits("Het was een hele operatie om het rond te krijgen."),
        vec![]
    );
    assert_eq!(
        hits("De operatiedatum is nog niet bekend."),
        vec![("PVA041", 4)]
    );
    assert_eq!(
        hits("Hij is zelf cliënt bij de GGZ."),
        vec![("PVA041", 8), ("PVA041", 27)]
    );
    assert_eq!(hits("Zij vult de schappen met pijnstillers."), vec![]);
    assert_eq!(hits("Zij is fysiotherapeut in een praktijk."), vec![]);
}

#[test]
fn a_job_title_as_subject_is_the_employee() {
    assert_eq!(
        hits("De verpleegkundige wordt behandeld door een collega."),
        vec![("PVA041", 26)]
    );
    assert_eq!(
        hits("Hij zorgt voor zijn moeder, die dementie heeft."),
        vec![]
    );
    assert_eq!(
        hits("Zij bereidt infusen voor op de dagbehandeling."),
        vec![]
    );
}

#[test]
fn a_verb_listed_by_its_stem_counts_in_every_form() {
    assert_eq!(hits("Hij kwakkelt al weken."), vec![("PVA040", 5)]);
    assert_eq!(hits("Hij kwakkelde al weken."), vec![("PVA040", 5)]);
    // The past participle, made from the stem: `ge` + stem + `d`/`t`.
    assert_eq!(
        hits("Zij heeft de hele nacht gepiekerd."),
        vec![("PVA040", 25)]
    );
    assert_eq!(hits("Hij heeft gisteren gekwakkeld."), vec![("PVA040", 20)]);
    assert_eq!(hits("Hij heeft twee keer gebraakt."), vec![("PVA040", 21)]);
    // Not a verb listed by its stem: no participle is made.
    assert_eq!(hits("Het is gepland."), vec![]);
}

#[test]
fn aids_and_forms_of_medication_as_compounds() {
    assert_eq!(hits("Zij neemt ijzerpillen."), vec![("PVA041", 11)]);
    assert_eq!(hits("Hij draagt een nekkraag."), vec![("PVA041", 16)]);
    assert_eq!(hits("Zij krijgt een pijnpleister."), vec![("PVA041", 16)]);
    assert_eq!(hits("Hij gebruikt oogdruppels."), vec![("PVA041", 14)]);
    assert_eq!(hits("Hij repareert een handpomp."), vec![]);
    assert_eq!(hits("Zij bestelt de warmtepomp."), vec![]);
}

#[test]
fn complaints_keep_their_meaning_after_any_first_part() {
    assert_eq!(hits("Hij heeft zenuwpijn."), vec![("PVA040", 11)]);
    assert_eq!(
        hits("Zij had een voedselvergiftiging."),
        vec![("PVA040", 13)]
    );
    assert_eq!(hits("Hij heeft een sportblessure."), vec![("PVA040", 15)]);
    assert_eq!(hits("Zij leidt de reddingsoperatie."), vec![]);
}

#[test]
fn a_body_part_as_the_label_of_a_note() {
    assert_eq!(hits("- schouder: stijf"), vec![("PVA040", 13)]);
    assert_eq!(hits("Project: stijf budget"), vec![]);
}

#[test]
fn the_people_after_a_number_own_the_complaint() {
    assert_eq!(
        hits("Door de griep van vier collega's liep het werk uit."),
        vec![]
    );
    assert_eq!(
        hits("Zij heeft een opname van vier dagen in het ziekenhuis gehad."),
        vec![("PVA041", 15)]
    );
}

#[test]
fn the_people_the_work_is_for_own_what_is_linked_to_them() {
    // Linked before (`met`, `naar`) or after (`bij`, `aan`) the term.
    assert_eq!(
        hits("Ze verzorgt in de wijk cliënten met decubitus en diabetische voeten."),
        vec![]
    );
    assert_eq!(
        hits("De portier begeleidt bezoekers naar de SEH en de poli's."),
        vec![]
    );
    assert_eq!(
        hits("De mondhygiëniste maakt bitewings en behandelt parodontitis bij patiënten."),
        vec![]
    );
    // Not linked: the object of another verb, and the employee named.
    assert_eq!(
        hits("De helpende werd door een bewoner geslagen en liep een hersenschudding op."),
        vec![("PVA040", 56)]
    );
    assert_eq!(
        hits("Ze liep tijdens het tillen van een cliënt een rugblessure op."),
        vec![("PVA040", 47)]
    );
    // Where a complaint came from is not whose it is.
    assert_eq!(
        hits("De verzorgende kreeg zelf corona van een bewoner."),
        vec![("PVA040", 27)]
    );
}

#[test]
fn a_term_joined_by_en_shares_the_verdict() {
    assert_eq!(
        hits("Als triagist beoordeelt hij meldingen van pijn op de borst en benauwdheid."),
        vec![]
    );
    assert_eq!(
        hits("De verpleegkundige meet bij patiënten de bloeddruk en de saturatie."),
        vec![]
    );
    // A term that lacked what it needs passes nothing on.
    assert_eq!(
        hits("Ze heeft nog altijd last van steken en een branderig gevoel."),
        vec![("PVA040", 44)]
    );
}

#[test]
fn the_employee_as_patient_in_a_care_workplace() {
    assert_eq!(
        hits("Hij werkt als fysiotherapeut maar krijgt nu zelf oefentherapie van een collega."),
        vec![("PVA041", 50)]
    );
    assert_eq!(
        hits("Zij heeft als patiënt gelegen op de afdeling waar ze normaal werkt."),
        vec![("PVA041", 11)]
    );
    assert_eq!(
        hits(
            "De röntgenlaborant liet op de afdeling radiologie een foto van haar eigen longen maken."
        ),
        vec![("PVA041", 55)]
    );
    assert_eq!(
        hits("De verpleegkundige werd op haar eigen afdeling opgenomen na een val."),
        vec![("PVA041", 48)]
    );
    assert_eq!(
        hits("De huisartsassistente wordt behandeld door een collega."),
        vec![("PVA041", 29)]
    );
    assert_eq!(
        hits("Na een prikaccident slikt de verpleegkundige nu PEP-medicatie."),
        vec![("PVA041", 53)]
    );
    // The employer and a colleague are no behandelaar of hers.
    assert_eq!(
        hits("De tandarts waar ze voor werkt plaatst implantaten."),
        vec![]
    );
    assert_eq!(
        hits("De fysiotherapeut van de praktijk is met zwangerschapsverlof."),
        vec![]
    );
    assert_eq!(
        hits("Werkneemster ging als mantelzorger met haar zoon mee naar het ziekenhuis."),
        vec![]
    );
}

#[test]
fn more_forms_of_complaints() {
    // A stem with a short vowel doubles its consonant: `snik` → `snikken`.
    assert_eq!(
        hits("Werknemer zat tijdens het gesprek te snikken."),
        vec![("PVA040", 38)]
    );
    // A body part of a body part, and diminutives.
    assert_eq!(
        hits("Hij heeft last van zijn rugspieren."),
        vec![("PVA040", 11)]
    );
    assert_eq!(hits("Rugje blijft gevoelig."), vec![("PVA040", 14)]);
    // A body part before a listed term; a head as written before a link.
    assert_eq!(hits("Ze heeft een schouderluxatie."), vec![("PVA040", 14)]);
    assert_eq!(hits("Hij heeft nierstenen."), vec![("PVA040", 11)]);
    // Sleep with a word that says how; stiff about a person.
    assert_eq!(
        hits("Zij slaapt sinds het ongeval slecht."),
        vec![("PVA040", 5)]
    );
    assert_eq!(hits("Zij slaapt bij haar moeder."), vec![]);
    assert_eq!(
        hits("Werknemer is 's ochtends stijf."),
        vec![("PVA040", 26)]
    );
    assert_eq!(hits("De procedure is stijf."), vec![]);
    // `van vorige week` says when, not whose.
    assert_eq!(
        hits("Scan van vorige week was schoon, aldus mevrouw."),
        vec![("PVA041", 1)]
    );
}

#[test]
fn a_ward_is_where_the_work_is_not_whose_the_complaint_is() {
    assert_eq!(
        hits("Ze kreeg op de afdeling een paniekaanval."),
        vec![("PVA040", 29)]
    );
    assert_eq!(hits("Hij werkt op de afdeling infectieziekten."), vec![]);
    assert_eq!(hits("Er heerst griep op de afdeling."), vec![]);
    // A mostly ordinary word counts about a person, not at work.
    assert_eq!(hits("Hij heeft een operatie gehad."), vec![("PVA041", 15)]);
    assert_eq!(hits("Ze plant de operaties op de OK."), vec![]);
    assert_eq!(
        hits("Het was een hele operatie om het rond te krijgen."),
        vec![]
    );
}

/// A tool while writing rules, not a check: prints, for each line of the
/// file named by `PVA_PRIVACY_PROBE`, the terms the check flags in it
/// (`cargo test --lib privacy::tests::probe -- --ignored --nocapture`).
/// Lines may be `label<TAB>…<TAB>sentence`: only the last column is read,
/// and with a label the line is marked when the verdict differs.
#[test]
#[ignore = "prints findings of the lines of PVA_PRIVACY_PROBE"]
fn probe() {
    let path = std::env::var("PVA_PRIVACY_PROBE").expect("PVA_PRIVACY_PROBE names a file");
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let columns: Vec<&str> = line.split('\t').collect();
        let sentence = columns[columns.len() - 1];
        let pos = Pos {
            file: Arc::from(std::path::Path::new("x.md")),
            line: 1,
            col: 1,
        };
        let mut out = Vec::new();
        let probed = Text {
            text: sentence,
            passage: Passage::Notes,
            pos,
            lenient: false,
            file: None,
        };
        scan(&probed, &model::MODEL, &mut out);
        let terms: Vec<String> = out
            .iter()
            .map(|(f, d)| format!("{}:{}", &d.code[3..], &sentence[f.range.clone()]))
            .collect();
        let mark = match columns[0] {
            "medisch" if terms.is_empty() => "MISS ",
            "geen" | "gewoon" if !terms.is_empty() => "FALSE",
            _ => "     ",
        };
        println!("{mark} {sentence}  [{}]", terms.join(", "));
    }
}

#[test]
fn complaints_said_in_idiom() {
    assert_eq!(
        hits("Het wordt hem zwart voor de ogen."),
        vec![("PVA040", 15)]
    );
    assert_eq!(
        hits("Hij zit niet lekker in zijn vel."),
        vec![("PVA040", 9)]
    );
    assert_eq!(hits("Zij is van haar stokje gegaan."), vec![("PVA040", 8)]);
    // Figures of speech that also describe things need a person.
    assert_eq!(hits("Hij is helemaal van slag."), vec![("PVA040", 17)]);
    assert_eq!(hits("De planning is van slag."), vec![]);
    // A body part that fails needs the body part.
    assert_eq!(hits("Zijn knie speelt weer op."), vec![("PVA040", 11)]);
    assert_eq!(hits("Het dossier speelt weer op."), vec![]);
    assert_eq!(
        hits("Zijn geheugen laat hem in de steek."),
        vec![("PVA040", 24)]
    );
    assert_eq!(hits("Zijn collega liet hem in de steek."), vec![]);
}

#[test]
fn what_the_people_of_the_work_are_and_have() {
    // An adjective right before them, `hun` after `van`.
    assert_eq!(
        hits("Zij bewaakt de hartritmes van opgenomen patiënten."),
        vec![]
    );
    assert_eq!(
        hits("Zij geeft klanten uitleg over bijwerkingen van hun medicijnen."),
        vec![]
    );
    // A job title right before a ward names it.
    assert_eq!(
        hits("Teamleider dialyse: het team draait drie shifts."),
        vec![]
    );
    // `zoals` joins examples of one kind.
    assert_eq!(
        hits("Zij verzorgt complexe wonden zoals diabetische voeten."),
        vec![]
    );
    assert_eq!(
        hits("Wn mag voorbehouden handelingen zoals injecteren uitvoeren."),
        vec![]
    );
    // Still the employee's own.
    assert_eq!(hits("Wn is benauwd bij inspanning."), vec![("PVA040", 7)]);
    assert_eq!(
        hits("Zij slikt voor elke dienst een paracetamol."),
        vec![("PVA041", 32)]
    );
}

/// The model compiled into pva reads: lint never runs on the rules alone
/// by accident.
#[test]
fn the_model_in_pva_reads() {
    assert!(Model::decode(include_bytes!("model.bin")).is_some());
}

/// `model.bin` is what the corpora give: retrained here from
/// [`train::TRAINING`], byte for byte. A changed corpus or feature without
/// `cargo run --release --example train_privacy` fails here.
#[test]
fn the_model_is_what_the_corpora_give() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/privacy");
    let examples = train::read(&dir, train::TRAINING).unwrap();
    let all: Vec<&train::Example> = examples.iter().collect();
    let model = train::train(&all);
    assert!(
        model.encode() == include_bytes!("model.bin"),
        "model.bin is not what the corpora give: run `cargo run --release --example train_privacy`"
    );
}

/// Sentences of the blind corpus that stand word for word in a training
/// corpus too: stock sentences that writers, each blind to the others,
/// wrote alike (the first in heldout6 as well). Each has the same label in
/// both; without them the blind figures are the same (docs/privacy.md).
const WRITTEN_ALIKE: &[&str] = &[
    "Zijn hartslag in rust ligt volgens zijn sporthorloge rond de 110.",
    "De tandartsassistente assisteert bij extracties en wortelkanaalbehandelingen.",
    "Er is een deskundigenoordeel aangevraagd bij het UWV over de passendheid van de aangeboden werkzaamheden.",
];

/// The blind corpus that measures the model is not learnt from: not as a
/// file, and no sentence of it in a training corpus but the three written
/// alike, labelled alike.
#[test]
fn the_blind_corpus_is_never_trained_on() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/privacy");
    assert!(!train::TRAINING.contains(&train::BLIND));
    let blind = train::read(&dir, &[train::BLIND]).unwrap();
    let trained: std::collections::HashMap<String, bool> = train::read(&dir, train::TRAINING)
        .unwrap()
        .into_iter()
        .map(|e| (e.text, e.medical))
        .collect();
    let shared: Vec<&train::Example> = blind
        .iter()
        .filter(|e| trained.contains_key(&e.text))
        .collect();
    let texts: Vec<&str> = shared.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, WRITTEN_ALIKE);
    for e in shared {
        assert_eq!(e.medical, trained[&e.text], "{}", e.text);
    }
}

#[test]
fn a_sentence_about_health_without_a_listed_term_is_found() {
    for text in [
        "Zijn lampje is uit en hij hangt als een zoutzak op de bank.",
        "Ze voelt zich als een geplukte kip na een uur vergaderen.",
    ] {
        assert_eq!(hits(text), vec![], "{text}");
        assert_eq!(judged(text), vec![("PVA040", 1)], "{text}");
    }
}

#[test]
fn the_sentence_finding_quotes_its_telling_words() {
    let pos = Pos {
        file: Arc::from(std::path::Path::new("x.md")),
        line: 1,
        col: 1,
    };
    let text = Text {
        text: "Eerst het werk.\nZijn lampje is uit en hij hangt als een zoutzak op de bank.",
        passage: Passage::Notes,
        pos,
        lenient: false,
        file: None,
    };
    let mut out = Vec::new();
    scan(&text, &model::MODEL, &mut out);
    let [(flagged, finding)] = &out[..] else {
        panic!("{out:?}");
    };
    // The whole sentence, on its own line: a draft blacks it out.
    assert_eq!((finding.line, finding.column), (2, 1));
    assert_eq!(
        &text.text[flagged.range.clone()],
        "Zijn lampje is uit en hij hangt als een zoutzak op de bank"
    );
    assert!(
        finding.message.starts_with(
            "deze zin lijkt iets te zeggen over de eigen gezondheid van de werknemer (vooral `"
        ),
        "{}",
        finding.message
    );
}

#[test]
fn a_listed_term_in_a_sentence_about_the_work_stays_ordinary() {
    for text in [
        "Zij werkt als verloskundige in het ziekenhuis, met gebroken diensten; het team volgt de coronamaatregelen.",
        "Hij plant de spreekuren van de huisartsen en de praktijkondersteuners.",
        "De behandeling van zijn bezwaar tegen de loonsanctie duurt nog zes weken.",
    ] {
        assert_eq!(judged(text), vec![], "{text}");
    }
}

#[test]
fn short_values_of_forms_are_ordinary() {
    for text in [
        "maart 2026",
        "Leidinggevende",
        "Werknemer en casemanager",
        "elke eerste donderdag van de maand",
        "Opbouw van uren",
    ] {
        assert_eq!(judged(text), vec![], "{text}");
    }
}

#[test]
fn a_long_sentence_is_weighed_in_pieces() {
    // Read whole, the clause about rosters, dates and the roster software
    // outweighs the diagnosis at its end; in pieces of twenty words it
    // does not.
    let text = "In het evaluatiegesprek van dinsdag 11 juni met de teamleider en de casemanager, dat vooral ging over het nieuwe rooster, de opbouw van de uren, de werkplekaanpassing, de planning van de vakantie en de vraag of wn in het najaar weer zelfstandig de kassa kan afsluiten, noemde zij haar diabetes.";
    assert_eq!(judged(text), vec![("PVA040", 286)]);
}

#[test]
fn a_term_late_in_a_long_paragraph_counts_for_the_model_too() {
    // Found and placed exactly with the model in use, as by the rules.
    let text = format!("{}psychiater", "woord ".repeat(2000));
    assert_eq!(judged(&text), vec![("PVA041", 12_001)]);
}

#[test]
fn sentences_end_at_full_stops_and_list_items_not_at_wrapped_lines() {
    let para = "Dhr. Jansen werkt i.v.m. de planning\nvan de week thuis. Hij belt op vrijdag.\n- eerste punt\n- tweede punt\n1. derde";
    let lower = lowercase(para);
    let words = words(para, &lower);
    let sentences: Vec<String> = model::sentences(para, &words)
        .into_iter()
        .map(|r| {
            let (from, to) = (words[r.start].start, end_of(words[r.end - 1]));
            para[from..to].to_string()
        })
        .collect();
    assert_eq!(
        sentences,
        [
            "Dhr. Jansen werkt i.v.m. de planning\nvan de week thuis",
            "Hij belt op vrijdag",
            "- eerste punt",
            "- tweede punt",
            "1. derde"
        ]
    );
}
