//! The signed record: a signed document records its fingerprint (`pva
//! freeze`); a change after signing is an error at its line, the PDF names
//! its version (footer and metadata, `pva verify`), and a newer layout for a
//! signed document is reported.

use crate::support::{Project, Run};

const PLAN: &str = "cases/de-vries-2026/plan-van-aanpak.md";
const PDF: &str = "output/cases/de-vries-2026/plan-van-aanpak.pdf";
const VISIE: &str = "Ik wil graag terug in mijn eigen functie.";
const TODAY: &str = "--today=2026-11-23";

fn lint(project: &Project) -> Run {
    project.run(&["lint", TODAY, "--format", "json", "cases/de-vries-2026"])
}

fn read(project: &Project, path: &str) -> String {
    std::fs::read_to_string(project.path(path)).unwrap()
}

fn write(project: &Project, path: &str, text: &str) {
    std::fs::write(project.path(path), text).unwrap();
}

/// The 1-based line of the first line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.starts_with(start)).unwrap() + 1
}

/// The fingerprint the example plan recorded when it was frozen.
fn recorded_fingerprint(project: &Project) -> String {
    let text = read(project, PLAN);
    let line = text
        .lines()
        .find(|l| l.starts_with("  vingerafdruk: "))
        .expect("the example is recorded (pva freeze)");
    line.trim_start_matches("  vingerafdruk: ")
        .trim_matches('"')
        .to_string()
}

fn reverse_the_visie(project: &Project) -> usize {
    let text = read(project, PLAN);
    let line = line_of(&text, VISIE);
    write(
        project,
        PLAN,
        &text.replace(VISIE, "Ik wil NIET terug in mijn eigen functie."),
    );
    line
}

#[test]
fn the_visie_changed_after_signing_is_an_error_at_its_line() {
    let project = Project::with_examples();
    assert_eq!(lint(&project).success().findings(), vec![]);
    let line = reverse_the_visie(&project);
    let run = lint(&project).code(1);
    assert_eq!(
        run.findings(),
        vec![("PVA042".into(), PLAN.into(), line, 1)]
    );
    assert_eq!(
        run.messages(),
        vec![format!(
            "regel {line} is gewijzigd na ondertekening (onder '## Visie werknemer'): beide partijen tekenden een andere tekst op 22-10-2026"
        )]
    );
    assert!(
        run.hints()[0].starts_with(
            "zet de getekende tekst terug (`git diff cases/de-vries-2026/plan-van-aanpak.md`"
        ),
        "{:?}",
        run.hints()
    );
    // The build does not print the reversed visie under both signatures.
    let build = project
        .run(&["build", TODAY, "cases/de-vries-2026"])
        .code(1);
    assert!(!project.path(PDF).exists(), "{}", build.stderr);
    // Nor does freeze make the change the signed version.
    let freeze = project.run(&["freeze", PLAN]).code(1);
    assert_eq!(
        freeze.stderr,
        "niet vastgelegd: cases/de-vries-2026/plan-van-aanpak.md: het is gewijzigd na ondertekening (`pva lint cases/de-vries-2026/plan-van-aanpak.md` wijst aan waar); zet de getekende tekst terug, of laat beide partijen de gecorrigeerde versie tekenen en vul beide nieuwe datums van ondertekening in\n"
    );
}

#[test]
fn a_corrected_version_signed_again_is_recorded_anew() {
    let project = Project::with_examples();
    reverse_the_visie(&project);
    // The signed copy of the previous version goes (PVA045 would say it is
    // older than the new signatures); the new one is stored after signing.
    std::fs::remove_file(project.path(COPY)).unwrap();
    let text = read(&project, PLAN);
    // Only the werknemer signs again: still a change after signing.
    let once = text.replacen("    datum: 2026-10-22", "    datum: 2026-11-02", 1);
    write(&project, PLAN, &once);
    let run = lint(&project).code(1);
    assert_eq!(
        run.codes(),
        ["PVA042".to_string(), "PVA044".to_string()].into()
    );
    // Both sign again: the hint says to record it, and freeze does.
    write(
        &project,
        PLAN,
        &once.replace("    datum: 2026-10-22", "    datum: 2026-11-02"),
    );
    let run = lint(&project).code(1);
    let hints: Vec<String> = run
        .findings()
        .iter()
        .zip(run.hints())
        .filter(|(f, _)| f.0 == "PVA042")
        .map(|(_, h)| h)
        .collect();
    assert!(
        !hints.is_empty() && hints.iter().all(|h| h.starts_with(
            "beide partijen tekenden opnieuw na 22-10-2026: leg deze versie vast met `pva freeze cases/de-vries-2026/plan-van-aanpak.md`"
        )),
        "{hints:?}"
    );
    let freeze = project.run(&["freeze", PLAN]).success();
    assert_eq!(
        freeze.stderr,
        "vastgelegd: cases/de-vries-2026/plan-van-aanpak.md: de opnieuw getekende versie vastgelegd (de versie getekend op 22-10-2026 blijft in git)\n"
    );
    assert_eq!(
        lint(&project).success().codes(),
        ["PVA044".to_string()].into()
    );
    assert!(read(&project, PLAN).contains("  getekend_werknemer: 2026-11-02\n"));
}

#[test]
fn comments_quotes_and_spaces_in_the_yaml_are_no_change() {
    let project = Project::with_examples();
    let text = read(&project, PLAN);
    let edited = text
        .replacen("einddoel:\n", "# toegevoegd commentaar\neinddoel:   \n", 1)
        .replacen("  keuze: eigen_functie", "  keuze: \"eigen_functie\"", 1);
    write(&project, PLAN, &edited);
    assert_eq!(lint(&project).success().findings(), vec![]);
}

#[test]
fn the_pdf_names_its_version_and_verify_finds_its_source() {
    let project = Project::with_examples();
    let fingerprint = recorded_fingerprint(&project);
    project
        .run(&["build", TODAY, "cases/de-vries-2026"])
        .success();
    let text = project.pdf_text(PDF);
    assert!(
        text.contains(&format!("vingerafdruk {fingerprint} · pagina 1 van")),
        "{text}"
    );
    let keywords = keywords(&project, PDF);
    assert!(
        keywords.contains(&format!("pva-vingerafdruk:{fingerprint}")),
        "{keywords}"
    );
    assert!(
        keywords.contains("pva-document:cases/de-vries-2026/plan-van-aanpak.md"),
        "{keywords}"
    );
    let run = project.run(&["verify", PDF]).success();
    assert_eq!(
        run.stdout,
        format!(
            "komt overeen: cases/de-vries-2026/plan-van-aanpak.md (vingerafdruk {fingerprint}); de PDF is gemaakt van de huidige tekst\n"
        )
    );
    // The fingerprint read off a print or scan works too.
    project.run(&["verify", &fingerprint]).success();

    let line = reverse_the_visie(&project);
    let run = project.run(&["verify", PDF]).code(1);
    let now = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        run.stdout,
        format!(
            "de PDF is gemaakt van een eerdere versie van cases/de-vries-2026/plan-van-aanpak.md (de versie die beide partijen tekenden): vingerafdruk {fingerprint}, nu {now}\n  gewijzigd sindsdien:\n  cases/de-vries-2026/plan-van-aanpak.md:{line}: regel {line} is gewijzigd (onder '## Visie werknemer')\n"
        )
    );
    assert_ne!(now, fingerprint);
    write(&project, "kopie.pdf", "geen pdf");
    let run = project.run(&["verify", "kopie.pdf"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "fout: kopie.pdf: het bestand is geen PDF (het begint niet met %PDF-)\n"
        )
    );
}

/// The keywords of a PDF's document information.
fn keywords(project: &Project, path: &str) -> String {
    let pdf = lopdf::Document::load(project.path(path)).unwrap();
    let info = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = pdf.get_dictionary(info).unwrap();
    let bytes = info.get(b"Keywords").unwrap().as_str().unwrap();
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_template_change_to_a_signed_document_is_reported() {
    let project = Project::with_examples();
    project.run(&["templates", "export", "templates"]).success();
    let layout = read(&project, "templates/pva.typ");
    write(
        &project,
        "templates/pva.typ",
        &layout.replace("#let klein = 8pt", "#let klein = 7pt"),
    );
    let text = read(&project, PLAN);
    let record = line_of(&text, "getekende_versie:");
    let run = project
        .run(&["lint", TODAY, "--format", "json", "cases"])
        .success();
    let signed: Vec<_> = run.findings().into_iter().filter(|f| f.1 == PLAN).collect();
    assert_eq!(signed, vec![("PVA043".into(), PLAN.into(), record, 1)]);
    let messages = run.messages();
    assert!(
        messages.contains(&"de PDF van dit getekende document wordt nu anders dan bij ondertekening: de vormgeving is anders (pva.typ of een ander bestand van de sjablonen)".to_string()),
        "{messages:#?}"
    );
    // The build says so too, in CI as anywhere (output/ starts empty).
    let build = project
        .run(&["build", TODAY, "cases/de-vries-2026"])
        .success();
    assert!(
        build.stderr.starts_with("warning[PVA043]: de PDF van dit getekende document wordt nu anders dan bij ondertekening"),
        "{}",
        build.stderr
    );

    // A change of the document's own template is named.
    let form = read(&project, "templates/plan-van-aanpak.typ");
    write(
        &project,
        "templates/plan-van-aanpak.typ",
        &form.replace(
            "Onderdeel van het re-integratieverslag",
            "Deel van het re-integratieverslag",
        ),
    );
    let run = lint(&project).success();
    assert!(
        run.messages()[0].contains("het sjabloon plan-van-aanpak.typ (of hoe pva het invult) geeft een andere Typst-bron; de vormgeving is anders"),
        "{:?}",
        run.messages()
    );
    // The team agrees: the new layout is recorded, and lint is quiet.
    let accept = project.run(&["freeze", "--accept-layout", PLAN]).success();
    assert_eq!(
        accept.stderr,
        "vastgelegd: cases/de-vries-2026/plan-van-aanpak.md: de opmaak van deze pva vastgelegd (de inhoud is zoals getekend)\n"
    );
    assert_eq!(lint(&project).success().findings(), vec![]);
}

#[test]
fn a_document_frozen_before_fingerprints_gets_one_on_its_next_freeze() {
    let project = Project::with_examples();
    let text = read(&project, PLAN);
    let start = text.find("# Vastgelegd met `pva freeze`").unwrap();
    let end = text[start..].find("\n---\n").unwrap() + start + 1;
    let legacy = format!("{}{}", &text[..start], &text[end..]);
    write(&project, PLAN, &legacy);
    let run = lint(&project).success();
    assert_eq!(run.codes(), ["PVA054".to_string()].into());
    assert_eq!(
        run.messages(),
        vec![
            "dit getekende document is bevroren voordat pva vingerafdrukken vastlegde: een wijziging van zijn eigen tekst valt nog niet op"
        ]
    );
    let freeze = project.run(&["freeze", "cases/de-vries-2026"]).success();
    assert_eq!(
        freeze.stderr,
        "vastgelegd: cases/de-vries-2026/plan-van-aanpak.md: vingerafdruk vastgelegd (het was bevroren voordat pva vingerafdrukken vastlegde: controleer met `git log -p` dat het is wat getekend is)\n"
    );
    assert_eq!(
        read(&project, PLAN),
        text,
        "the record is what freeze wrote"
    );
    let again = project.run(&["freeze", "cases/de-vries-2026"]).success();
    assert_eq!(
        again.stderr,
        "niet vastgelegd: cases/de-vries-2026/plan-van-aanpak.md: het is al vastgelegd\n"
    );
}

const COPY: &str = "cases/de-vries-2026/plan-van-aanpak.getekend.pdf";

/// A finding as (code, file, line, column).
type Finding = (String, String, usize, usize);

/// The findings of lint about the signed copy of the example plan.
fn copy_findings(project: &Project) -> (Vec<Finding>, Vec<String>) {
    let run = lint(project);
    (run.findings(), run.messages())
}

#[test]
fn a_signed_plan_without_its_signed_copy_is_a_reminder_that_can_be_switched_off() {
    let project = Project::with_examples();
    std::fs::remove_file(project.path(COPY)).unwrap();
    let text = read(&project, PLAN);
    let run = lint(&project).success();
    assert_eq!(
        run.findings(),
        vec![(
            "PVA044".into(),
            PLAN.into(),
            line_of(&text, "ondertekening:"),
            1
        )]
    );
    assert_eq!(
        run.messages(),
        vec![
            "beide partijen tekenden dit document (op 22-10-2026), maar de getekende kopie staat niet in het dossier"
        ]
    );
    let project = project.file("pva.toml", "[lint]\nPVA044 = \"off\"\n");
    assert_eq!(lint(&project).success().findings(), vec![]);
}

#[test]
fn a_fake_signed_copy_is_refused_with_a_clear_message() {
    let project = Project::with_examples();
    write(&project, COPY, "dit is een foto, geen pdf");
    let (findings, messages) = copy_findings(&project);
    assert_eq!(findings, vec![("PVA045".into(), COPY.into(), 1, 1)]);
    assert_eq!(
        messages,
        vec![
            "de getekende kopie is niet te gebruiken: het bestand is geen PDF (het begint niet met %PDF-)"
        ]
    );
    // Over UWV's 10 MB: refused before it is read.
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    std::fs::write(project.path(COPY), big).unwrap();
    let (findings, messages) = copy_findings(&project);
    assert_eq!(findings, vec![("PVA045".into(), COPY.into(), 1, 1)]);
    assert_eq!(
        messages,
        vec![
            "de getekende kopie is niet te gebruiken: het bestand is 10.5 MB; UWV neemt per document hooguit 10 MB aan"
        ]
    );
    // A PDF that is damaged.
    write(&project, COPY, "%PDF-1.7\nkapot");
    let (_, messages) = copy_findings(&project);
    assert_eq!(
        messages,
        vec![
            "de getekende kopie is niet te gebruiken: het bestand begint als een PDF maar is niet te lezen (beschadigd of beveiligd)"
        ]
    );
}

#[test]
fn a_signed_copy_of_another_version_is_refused() {
    let project = Project::with_examples();
    let fingerprint = recorded_fingerprint(&project);
    project
        .run(&["build", TODAY, "cases/de-vries-2026"])
        .success();
    // The PDF pva built from the signed version: its fingerprint matches.
    std::fs::copy(project.path(PDF), project.path(COPY)).unwrap();
    assert_eq!(lint(&project).success().findings(), vec![]);
    // The same PDF with another fingerprint in its metadata.
    let mut bytes = std::fs::read(project.path(PDF)).unwrap();
    let word = format!("pva-vingerafdruk:{fingerprint}");
    let places: Vec<usize> = bytes
        .windows(word.len())
        .enumerate()
        .filter(|(_, w)| *w == word.as_bytes())
        .map(|(at, _)| at)
        .collect();
    assert!(!places.is_empty(), "the keywords are plain text in the PDF");
    for at in places {
        bytes[at..at + word.len()].copy_from_slice(b"pva-vingerafdruk:000000000000");
    }
    std::fs::write(project.path(COPY), &bytes).unwrap();
    let (findings, messages) = copy_findings(&project);
    assert_eq!(findings, vec![("PVA045".into(), COPY.into(), 1, 1)]);
    assert_eq!(
        messages,
        vec![format!(
            "de getekende kopie is van een andere versie: zij draagt vingerafdruk 000000000000, de getekende versie van cases/de-vries-2026/plan-van-aanpak.md heeft {fingerprint}"
        )]
    );
}

#[test]
fn riv_puts_the_signed_copy_in_the_set_byte_for_byte() {
    let project = Project::with_examples();
    let riv = [
        "riv",
        "cases/visser-2024",
        "--today=2026-08-20",
        "--out",
        "set",
    ];
    let run = project.run(&riv).success();
    let copy =
        std::fs::read(project.path("cases/visser-2024/01-plan-van-aanpak.getekend.pdf")).unwrap();
    let sent = std::fs::read(project.path("set/01-plan-van-aanpak-2024-10-17.pdf")).unwrap();
    assert!(copy == sent, "the signed copy is sent as it is");
    assert!(
        run.stderr.contains(
            "Plan van aanpak · 17-10-2024 · set/01-plan-van-aanpak-2024-10-17.pdf (getekende kopie)"
        ),
        "{}",
        run.stderr
    );
    // A part that exists only unsigned: a finding, and pva's PDF in the set.
    std::fs::remove_file(project.path("cases/visser-2024/03-bijstelling.getekend.pdf")).unwrap();
    let run = project.run(&riv).success();
    assert!(
        run.stdout.contains("warning[PVA044]: Bijstelling Plan van aanpak staat alleen ongetekend in het dossier: de set voor UWV krijgt de PDF die pva maakte, zonder handtekeningen"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("set/03-bijstelling-2025-02-03.pdf (zonder handtekeningen)"),
        "{}",
        run.stderr
    );
    // pva's PDF is the one `pva build` makes, named by its version.
    project
        .run(&["build", "--today=2026-08-20", "cases/visser-2024"])
        .success();
    let built = std::fs::read(project.path("output/cases/visser-2024/03-bijstelling.pdf")).unwrap();
    let sent = std::fs::read(project.path("set/03-bijstelling-2025-02-03.pdf")).unwrap();
    assert!(built == sent, "the set holds the PDF pva build makes");
    let run = project
        .run(&["verify", "set/03-bijstelling-2025-02-03.pdf"])
        .success();
    assert!(
        run.stdout
            .starts_with("komt overeen: cases/visser-2024/03-bijstelling.md (vingerafdruk "),
        "{}",
        run.stdout
    );
}

/// The signed documents of the examples: each `.md` that records its signed
/// version (`getekende_versie:`), with the fingerprint it recorded.
fn recorded_examples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dossier in std::fs::read_dir(crate::support::repo().join("cases")).unwrap() {
        let dir = dossier.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if path.extension().is_some_and(|e| e == "md") && text.contains("\ngetekende_versie:") {
                let fingerprint = text
                    .lines()
                    .find_map(|l| l.strip_prefix("  vingerafdruk: "))
                    .unwrap()
                    .trim_matches('"')
                    .to_string();
                let rel = path.strip_prefix(crate::support::repo()).unwrap();
                out.push((rel.to_string_lossy().into_owned(), fingerprint));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_example_signed_copy_is_its_signed_version() {
    let project = Project::with_examples();
    let recorded = recorded_examples();
    assert!(recorded.len() >= 10, "{recorded:?}");
    for (doc, fingerprint) in &recorded {
        let copy = doc.replace(".md", ".getekend.pdf");
        // pva verify finds the document by the fingerprint in the copy's
        // metadata: the version both parties signed.
        let run = project.run(&["verify", &copy]).success();
        assert_eq!(
            run.stdout,
            format!(
                "komt overeen: {doc} (vingerafdruk {fingerprint}); de PDF is gemaakt van de huidige tekst\n"
            )
        );
        assert!(
            keywords(&project, &copy).contains(&format!("pva-vingerafdruk:{fingerprint}")),
            "{copy}"
        );
        // Its pages are the signed version's: each names it at its foot.
        let text = project.pdf_text(&copy);
        assert!(
            text.contains(&format!("vingerafdruk {fingerprint} · pagina 1 van")),
            "{copy}: {text}"
        );
        // Small: far below UWV's 10 MB.
        let size = std::fs::metadata(project.path(&copy)).unwrap().len();
        assert!(size < 150_000, "{copy}: {size} bytes");
    }
    // Lint judges them as the signed versions (PVA045 passes, PVA044 has
    // nothing to remind).
    let run = project.run(&["lint", TODAY, "--format", "json", "cases"]);
    let codes = run.codes();
    assert!(
        !codes.contains("PVA044") && !codes.contains("PVA045"),
        "{}",
        run.stdout
    );
}

const VISSER_RIV: [&str; 5] = [
    "riv",
    "cases/visser-2024",
    "--today=2026-08-20",
    "--out",
    "set",
];
const BUNDLE: &str = "set/re-integratieverslag-kopie-werknemer.pdf";

/// The pages of the bound copy that belong to the part with `title` in
/// their footer ("Plan van aanpak · datum 17-10-2024").
fn part_pages(pages: &[String], footer: &str) -> Vec<String> {
    pages
        .iter()
        .filter(|p| p.contains(footer))
        .cloned()
        .collect()
}

#[test]
fn the_bound_copy_shows_the_signed_pages_and_says_which_parts_are_unsigned() {
    let project = Project::with_examples();
    std::fs::remove_file(project.path("cases/visser-2024/03-bijstelling.getekend.pdf")).unwrap();
    project.run(&VISSER_RIV).success();
    let pages = project.pdf_pages(BUNDLE);
    // The plan: its signed copy's pages, as images, under a line saying so.
    let plan = part_pages(&pages, "Plan van aanpak · datum 17-10-2024");
    assert_eq!(plan.len(), 4, "{plan:?}");
    assert!(
        plan[0].contains(
            "Getekende versie. De pagina’s hieronder zijn de getekende kopie uit het dossier"
        ),
        "{}",
        plan[0]
    );
    assert!(plan[0].contains("zoals UWV die ontvangt"), "{}", plan[0]);
    // Nothing of the form's own text: the pages are the copy, not pva's text.
    assert!(
        plan.iter().all(|p| !p.contains("Burgerservicenummer")),
        "{plan:?}"
    );
    let fingerprint = |doc: &str| {
        recorded_examples()
            .into_iter()
            .find(|(d, _)| d.ends_with(doc))
            .unwrap()
            .1
    };
    assert!(
        plan[0].contains(&format!(
            "vingerafdruk {}",
            fingerprint("visser-2024/01-plan-van-aanpak.md")
        )),
        "{}",
        plan[0]
    );
    // The bijstelling has no signed copy: pva's text, saying it is unsigned.
    let bijstelling = part_pages(&pages, "Bijstelling Plan van aanpak · datum 03-02-2025");
    assert!(!bijstelling.is_empty(), "{pages:?}");
    assert!(
        bijstelling[0].contains("Ongetekende versie. De getekende kopie van dit onderdeel staat niet in het dossier; volgens het dossier tekenden beide partijen op 03-02-2025")
            && bijstelling[0].contains("Hieronder de tekst zoals pva die opmaakte, zonder handtekeningen."),
        "{}",
        bijstelling[0]
    );
    assert!(
        bijstelling[0].contains("Burgerservicenummer"),
        "{}",
        bijstelling[0]
    );
    assert!(
        bijstelling[0].contains(&format!(
            "vingerafdruk {}",
            fingerprint("visser-2024/03-bijstelling.md")
        )),
        "{}",
        bijstelling[0]
    );
    // The arbodienst's pages and the cover carry no fingerprint.
    assert!(!pages[0].contains("vingerafdruk"), "{}", pages[0]);
    let arbodienst = part_pages(&pages, "Probleemanalyse (arbodienst) · datum 07-10-2024");
    assert!(
        arbodienst.iter().all(|p| !p.contains("vingerafdruk")),
        "{arbodienst:?}"
    );
}

#[test]
fn riv_verdicts_say_how_each_part_is_signed() {
    let project = Project::with_examples();
    std::fs::remove_file(project.path("cases/visser-2024/03-bijstelling.getekend.pdf")).unwrap();
    let run = project.run(&VISSER_RIV).success();
    let lines: Vec<&str> = run.stderr.lines().collect();
    let after = |question: &str| {
        let at = lines.iter().position(|l| l.contains(question)).unwrap();
        (lines[at], lines[at + 1])
    };
    let plan = after("Is het Plan van aanpak op tijd opgesteld?");
    assert!(plan.0.starts_with("  ja "), "{}", plan.0);
    assert_eq!(
        plan.1.trim(),
        "cases/visser-2024/01-plan-van-aanpak.getekend.pdf: getekende kopie, met de vingerafdruk van de getekende versie (97fd0de1a622)"
    );
    // Signed by the dates, but only unsigned in the dossier: ja, with a note.
    let bijstelling = after("Is het plan bijgesteld toen het advies veranderde?");
    assert!(
        bijstelling.0.starts_with("  ja ")
            && bijstelling.0.contains(
                "; let op: van 1 onderdeel staat alleen de ongetekende tekst in het dossier"
            ),
        "{}",
        bijstelling.0
    );
    assert_eq!(
        bijstelling.1.trim(),
        "cases/visser-2024/03-bijstelling.md:32: alleen ongetekend in het dossier: getekend op 03-02-2025 volgens de datums, maar cases/visser-2024/03-bijstelling.getekend.pdf ontbreekt"
    );
    // And a finding with its fix.
    assert!(
        run.stdout.contains(
            "warning[PVA044]: Bijstelling Plan van aanpak staat alleen ongetekend in het dossier"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("hint: sla de getekende versie (de scan of de elektronisch getekende PDF) op als cases/visser-2024/03-bijstelling.getekend.pdf"),
        "{}",
        run.stdout
    );

    // The same in JSON.
    let mut json_args = VISSER_RIV.to_vec();
    json_args.extend(["--format", "json"]);
    let run = project.run(&json_args).success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let verdict = |key: &str| {
        json["oordelen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["vraag"] == key)
            .unwrap()
            .clone()
    };
    let plan = verdict("plan-van-aanpak");
    assert_eq!(plan["antwoord"], "ja");
    assert_eq!(plan["ondertekening"][0]["status"], "getekende kopie");
    assert_eq!(
        plan["ondertekening"][0]["getekende_kopie"],
        "cases/visser-2024/01-plan-van-aanpak.getekend.pdf"
    );
    let bijstelling = verdict("bijstelling");
    assert_eq!(bijstelling["antwoord"], "ja");
    assert_eq!(
        bijstelling["ondertekening"][0]["status"],
        "alleen datums van ondertekening"
    );
    assert_eq!(
        bijstelling["ondertekening"][0]["document"],
        "cases/visser-2024/03-bijstelling.md"
    );
    assert_eq!(bijstelling["ondertekening"][0]["regel"], 32);
    assert_eq!(
        bijstelling["ondertekening"][0]["getekende_kopie"],
        serde_json::Value::Null
    );
    let uploads = json["uploads"].as_array().unwrap();
    assert_eq!(uploads[0]["getekende_kopie"], true);
    assert_eq!(uploads[2]["getekende_kopie"], false);

    // A part not signed by both: a ja resting on it cannot stand.
    let report = "cases/visser-2024/06-evaluatieverslag.md";
    let text = read(&project, report);
    write(
        &project,
        report,
        &text.replacen("    datum: 2025-11-27", "    datum:", 1),
    );
    let run = project.run(&VISSER_RIV).code(1);
    assert!(
        run.stdout.contains(
            "error[PVA059]: Evaluatieverslag is nog niet door beide partijen ondertekend"
        ) && run.stdout.contains(
            "sla de getekende versie op als cases/visser-2024/06-evaluatieverslag.getekend.pdf"
        ),
        "{}",
        run.stdout
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Is er minstens eens per zes weken geëvalueerd?"))
        .unwrap();
    assert!(
        lines[at].starts_with("  niet te beoordelen ")
            && lines[at].contains("maar 1 onderdeel waarop dit rust, is niet (geldig) ondertekend"),
        "{}",
        lines[at]
    );
    assert!(
        lines[at + 1..at + 4].iter().any(|l| l
            .trim()
            .starts_with("cases/visser-2024/06-evaluatieverslag.md:")
            && l.ends_with(": niet door beide partijen ondertekend")),
        "{:?}",
        &lines[at..at + 4]
    );
}

/// The 1-based line of the first line of prose in the body of `text`.
fn first_prose_line(text: &str) -> usize {
    let mut fences = 0;
    for (i, line) in text.lines().enumerate() {
        if line == "---" {
            fences += 1;
            continue;
        }
        let prose = !line.is_empty() && line.starts_with(|c: char| c.is_alphabetic());
        if fences >= 2 && prose {
            return i + 1;
        }
    }
    panic!("no prose in\n{text}")
}

/// Replaces line `line` (1-based) of `text` with `new`.
fn with_line(text: &str, line: usize, new: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line - 1] = new;
    lines.join("\n") + "\n"
}

#[test]
fn a_change_after_signing_is_found_in_every_kind_and_verify_names_it() {
    let project = Project::with_examples();
    let recorded = recorded_examples();
    let kinds: std::collections::BTreeSet<String> = recorded
        .iter()
        .map(|(doc, _)| {
            let text = read(&project, doc);
            let kind = text.lines().find_map(|l| l.strip_prefix("document: "));
            kind.unwrap_or_else(|| panic!("{doc} names its kind"))
                .to_string()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "bijstelling",
            "eerstejaarsevaluatie",
            "eindevaluatie",
            "evaluatieverslag",
            "plan-van-aanpak",
            "verkort-reintegratieverslag"
        ]
        .map(String::from)
        .into(),
        "every kind has a signed example"
    );
    for (doc, fingerprint) in &recorded {
        let dossier = doc.rsplit_once('/').unwrap().0;
        let copy = doc.replace(".md", ".getekend.pdf");
        let text = read(&project, doc);
        // The text of the body, and a value it froze (YAML).
        let prose = first_prose_line(&text);
        let frozen = text
            .lines()
            .skip(line_of(&text, "bevroren:"))
            .position(|l| l.starts_with("    bedrijfsnaam: "))
            .map(|i| i + line_of(&text, "bevroren:") + 1)
            .unwrap_or_else(|| panic!("{doc}: no bevroren werkgever"));
        let changes = [
            (
                prose,
                format!(
                    "{} Achteraf toegevoegd.",
                    text.lines().nth(prose - 1).unwrap()
                ),
            ),
            (
                frozen,
                "    bedrijfsnaam: Van Dijk Holding B.V.".to_string(),
            ),
        ];
        for (line, new) in changes {
            write(&project, doc, &with_line(&text, line, &new));
            let run = project.run(&["lint", TODAY, "--format", "json", dossier]);
            let found: Vec<_> = run
                .findings()
                .into_iter()
                .filter(|f| f.0 == "PVA042")
                .collect();
            assert_eq!(
                found,
                vec![("PVA042".to_string(), doc.clone(), line, 1)],
                "{doc}:{line}: {:#?}",
                run.messages()
            );
            // The signed copy names its version; verify says what changed since.
            let run = project.run(&["verify", &copy]).code(1);
            assert!(
                run.stdout.starts_with(&format!(
                    "de PDF is gemaakt van een eerdere versie van {doc} (de versie die beide partijen tekenden): vingerafdruk {fingerprint}, nu "
                )) && run.stdout.contains(&format!("  {doc}:{line}: regel {line} is gewijzigd")),
                "{doc}:{line}: {}",
                run.stdout
            );
        }
        write(&project, doc, &text);
    }
}

/// A one-page PDF as a scanner makes it: no keywords of pva; made on
/// `made` (`D:YYYYMMDD…`) when given.
fn scan(made: Option<&str>) -> Vec<u8> {
    let content = "BT /F1 12 Tf 72 760 Td (Gescand: getekend plan van aanpak) Tj ET";
    let info = made.map_or_else(
        || "<< /Producer (Scanner) >>".to_string(),
        |d| format!("<< /Producer (Scanner) /CreationDate ({d}) >>"),
    );
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        info,
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for at in offsets {
        out.push_str(&format!("{at:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

#[test]
fn a_scan_is_judged_by_its_date_and_bound_in_as_it_is() {
    let project = Project::with_examples();
    // Made the day before the werkgever signed (22-10-2026): not the signed version.
    std::fs::write(project.path(COPY), scan(Some("D:20261021120000Z"))).unwrap();
    let (findings, messages) = copy_findings(&project);
    assert_eq!(findings, vec![("PVA045".into(), COPY.into(), 1, 1)]);
    assert_eq!(
        messages,
        vec![
            "de getekende kopie is gemaakt op 21-10-2026, vóór de laatste handtekening (22-10-2026): zij is niet van de getekende versie"
        ]
    );
    // Made after both signed, or without a date: accepted.
    std::fs::write(project.path(COPY), scan(Some("D:20261023090000Z"))).unwrap();
    assert_eq!(lint(&project).success().findings(), vec![]);
    std::fs::write(project.path(COPY), scan(None)).unwrap();
    assert_eq!(lint(&project).success().findings(), vec![]);

    // In riv: the scan goes to UWV as it is, the verdict says what it is,
    // and the bound copy shows its page.
    let plan_copy = "cases/visser-2024/01-plan-van-aanpak.getekend.pdf";
    let bytes = scan(Some("D:20241018100000Z"));
    std::fs::write(project.path(plan_copy), &bytes).unwrap();
    let run = project.run(&VISSER_RIV).success();
    assert!(
        run.stderr.contains(
            "                     cases/visser-2024/01-plan-van-aanpak.getekend.pdf: getekende kopie, gemaakt op 18-10-2024, na de handtekeningen (een scan zonder vingerafdruk)\n"
        ),
        "{}",
        run.stderr
    );
    let sent = std::fs::read(project.path("set/01-plan-van-aanpak-2024-10-17.pdf")).unwrap();
    assert!(sent == bytes, "the scan is sent as it is");
    let pages = project.pdf_pages(BUNDLE);
    let plan = part_pages(&pages, "Plan van aanpak · datum 17-10-2024");
    assert_eq!(plan.len(), 1, "the scan's one page: {plan:?}");
    assert!(plan[0].contains("Getekende versie."), "{}", plan[0]);
    assert!(
        !plan[0].contains("vingerafdruk"),
        "a scan names no version: {}",
        plan[0]
    );
    // Without a date it cannot say which version it is, and says so.
    std::fs::write(project.path(plan_copy), scan(None)).unwrap();
    let run = project.run(&VISSER_RIV).success();
    assert!(
        run.stderr.contains(
            "cases/visser-2024/01-plan-van-aanpak.getekend.pdf: getekende kopie; van welke versie zij is, staat niet in de PDF (vergelijk de vingerafdruk onderaan de pagina's met `pva verify`)"
        ),
        "{}",
        run.stderr
    );
}
