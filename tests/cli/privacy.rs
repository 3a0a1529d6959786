//! The privacy check (PVA040/PVA041) measured on labelled corpora of
//! sentences as casemanagers write them. The project's corpus
//! (`tests/privacy/corpus.tsv`, each sentence in the dossier of the
//! employer and job named by its context in `tests/privacy/contexts.tsv`)
//! fails on any ordinary sentence flagged or recall under 95 %. Two blind
//! corpora written by someone who saw neither that corpus nor the code
//! (`tests/privacy/heldout-dev.tsv` and `heldout-final.tsv`, both used
//! while developing since the second round of issue 24; see
//! `heldout-README.md`), a third written later by another such helper
//! (`heldout-final2.tsv`, measured blind once and a development corpus
//! since; see `heldout2-README.md`) and a fourth (`heldout-final3.tsv`,
//! measured blind once at the end of the third round; see
//! `heldout-final3.md`) are measured per employer (a hospital, an
//! installation firm) and per pattern, with every miss and false hit
//! printed. Since the fifth round all of these, and ten training corpora
//! (`train-w*.tsv`), are what the sentence model learnt from; the sixth
//! blind corpus (`heldout-final5.tsv`, `heldout-final5.md`) measures it. One `pva lint` runs over each corpus. Also here: the exact
//! positions of findings in YAML values.

use std::collections::{BTreeMap, BTreeSet};

use crate::fixture::{DOSSIER, PLAN, edit};
use crate::support::{Project, repo};

/// The least share of medical sentences the check must flag.
const MIN_RECALL: f64 = 0.95;

/// One labelled sentence.
struct Sentence {
    medical: bool,
    category: String,
    context: String,
    text: String,
}

/// The rows of a tab-separated file under `tests/privacy/`, without its header.
fn rows(name: &str) -> Vec<Vec<String>> {
    let path = repo().join("tests/privacy").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn corpus() -> Vec<Sentence> {
    rows("corpus.tsv")
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let [label, category, context, text] = <[String; 4]>::try_from(row)
                .unwrap_or_else(|r| panic!("corpus.tsv row {}: {} columns", i + 2, r.len()));
            assert!(
                label == "medisch" || label == "gewoon",
                "corpus.tsv row {}: label {label:?}",
                i + 2
            );
            Sentence {
                medical: label == "medisch",
                category,
                context,
                text,
            }
        })
        .collect()
}

/// Context name → (werkgever.bedrijfsnaam, werknemer.functie).
fn contexts() -> BTreeMap<String, (String, String)> {
    rows("contexts.tsv")
        .into_iter()
        .map(|row| (row[0].clone(), (row[1].clone(), row[2].clone())))
        .collect()
}

/// The fixture dossier of an employee working as `job` for `employer`.
fn dossier(employer: &str, job: &str) -> String {
    let dossier = edit(
        DOSSIER,
        "bedrijfsnaam: Bakkerij Brood B.V.",
        &format!("bedrijfsnaam: '{employer}'"),
    );
    edit(
        &dossier,
        "  geboortedatum: 1980-05-05\n",
        &format!("  geboortedatum: 1980-05-05\n  functie: '{job}'\n"),
    )
}

/// File line of the fixture plan's notes, where the sentences go.
fn notes_line() -> usize {
    PLAN.lines().position(|l| l == "Notitie.").unwrap() + 1
}

/// A project with one dossier per context; each sentence is a paragraph of
/// the notes of its context's plan. Returns the project and, per sentence,
/// its (file, line).
fn project(corpus: &[Sentence]) -> (Project, Vec<(String, usize)>) {
    project_of(
        corpus.iter().map(|s| (s.context.as_str(), s.text.as_str())),
        &contexts(),
    )
}

/// A project with one dossier per context (name → employer and job), each
/// of the (context, sentence) pairs a paragraph of its context's plan.
fn project_of<'a>(
    sentences: impl Iterator<Item = (&'a str, &'a str)>,
    contexts: &BTreeMap<String, (String, String)>,
) -> (Project, Vec<(String, usize)>) {
    let mut project = Project::new();
    let mut places = Vec::new();
    let mut notes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (context, text) in sentences {
        let lines = notes.entry(context).or_default();
        let file = format!("cases/{context}/plan.md");
        places.push((file, notes_line() + 2 * lines.len()));
        lines.push(text);
    }
    for (context, lines) in notes {
        let (employer, job) = contexts
            .get(context)
            .unwrap_or_else(|| panic!("context {context} is not in contexts.tsv"));
        project = project
            .file(
                &format!("cases/{context}/dossier.yaml"),
                &dossier(employer, job),
            )
            .file(
                &format!("cases/{context}/plan.md"),
                &edit(PLAN, "Notitie.", &lines.join("\n\n")),
            );
    }
    (project, places)
}

/// Counts for one category (or the total).
#[derive(Default)]
struct Counts {
    sentences: usize,
    medical: usize,
    true_hits: usize,
    false_hits: usize,
}

impl Counts {
    fn add(&mut self, medical: bool, flagged: bool) {
        self.sentences += 1;
        self.medical += usize::from(medical);
        self.true_hits += usize::from(medical && flagged);
        self.false_hits += usize::from(!medical && flagged);
    }

    fn precision(&self) -> Option<f64> {
        let flagged = self.true_hits + self.false_hits;
        (flagged > 0).then(|| self.true_hits as f64 / flagged as f64)
    }

    fn recall(&self) -> Option<f64> {
        (self.medical > 0).then(|| self.true_hits as f64 / self.medical as f64)
    }

    fn row(&self, name: &str, label: &str) -> String {
        let percent =
            |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.1} %", v * 100.0));
        format!(
            "| {name} | {label} | {} | {} | {} | {} | {} |",
            self.sentences,
            self.true_hits + self.false_hits,
            self.false_hits,
            percent(self.precision()),
            percent(self.recall()),
        )
    }
}

/// The table of figures, as Markdown (docs/privacy.md shows it).
fn table(corpus: &[Sentence], flagged: &[bool]) -> (String, Counts) {
    let mut per_category: BTreeMap<(bool, &str), Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for (sentence, flagged) in corpus.iter().zip(flagged) {
        per_category
            .entry((sentence.medical, &sentence.category))
            .or_default()
            .add(sentence.medical, *flagged);
        total.add(sentence.medical, *flagged);
    }
    let mut out = String::from(
        "| category | label | sentences | flagged | false positives | precision | recall |\n|---|---|---:|---:|---:|---:|---:|\n",
    );
    for ((medical, category), counts) in &per_category {
        let label = if *medical { "medisch" } else { "gewoon" };
        out.push_str(&counts.row(category, label));
        out.push('\n');
    }
    out.push_str(&total.row("**all**", ""));
    (out, total)
}

/// Whether PVA040 or PVA041 is reported on each of `places` (file, line).
fn flagged(project: &Project, places: &[(String, usize)]) -> Vec<bool> {
    let run = project.run(&["lint", "--today", "2026-11-23", "--format", "json"]);
    let privacy: BTreeSet<(String, usize)> = run
        .findings()
        .into_iter()
        .filter(|(code, ..)| code == "PVA040" || code == "PVA041")
        .map(|(_, file, line, _)| (file, line))
        .collect();
    places.iter().map(|p| privacy.contains(p)).collect()
}

#[test]
fn privacy_corpus_precision_and_recall() {
    let corpus = corpus();
    let (project, places) = project(&corpus);
    let flagged = flagged(&project, &places);
    let (table, total) = table(&corpus, &flagged);
    println!("{table}");
    let list = |medical: bool, want: bool| -> Vec<String> {
        corpus
            .iter()
            .zip(&flagged)
            .filter(|(s, f)| s.medical == medical && **f == want)
            .map(|(s, _)| format!("  [{}] {}", s.category, s.text))
            .collect()
    };
    println!("missed:\n{}", list(true, false).join("\n"));
    let false_positives = list(false, true);
    assert!(
        false_positives.is_empty(),
        "ordinary sentences flagged:\n{}\n\n{table}",
        false_positives.join("\n")
    );
    let recall = total.recall().unwrap_or(0.0);
    assert!(
        recall >= MIN_RECALL,
        "recall {:.1} % under {:.0} %; missed:\n{}\n\n{table}",
        recall * 100.0,
        MIN_RECALL * 100.0,
        list(true, false).join("\n")
    );
    assert!(
        corpus.len() >= 300,
        "the corpus has {} sentences",
        corpus.len()
    );
}

/// The two employers of the held-out corpora: the example's installation
/// firm and a hospital. The check must not read them — the same sentence
/// is judged alike in both — but the corpora say which employer each
/// sentence was written for, and each is measured in its own dossier.
fn heldout_contexts() -> BTreeMap<String, (String, String)> {
    [
        ("zorg", "Ziekenhuis Rivierenland", "verpleegkundige"),
        (
            "overig",
            "Installatiebedrijf Van Dijk B.V.",
            "werkvoorbereider",
        ),
    ]
    .into_iter()
    .map(|(name, employer, job)| (name.to_string(), (employer.to_string(), job.to_string())))
    .collect()
}

/// One sentence of a held-out corpus.
struct Heldout {
    medical: bool,
    pattern: String,
    employer: String,
    text: String,
}

fn heldout(name: &str) -> Vec<Heldout> {
    rows(name)
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let [label, pattern, employer, text] = <[String; 4]>::try_from(row)
                .unwrap_or_else(|r| panic!("{name} row {}: {} columns", i + 2, r.len()));
            assert!(
                label == "medisch" || label == "geen",
                "{name} row {}: label {label:?}",
                i + 2
            );
            assert!(
                employer == "zorg" || employer == "overig",
                "{name} row {}: werkgever {employer:?}",
                i + 2
            );
            Heldout {
                medical: label == "medisch",
                pattern,
                employer,
                text,
            }
        })
        .collect()
}

/// Measures a held-out corpus: prints recall and precision per employer
/// and per pattern with every miss and false hit, and returns (recall,
/// precision) per employer.
fn measure(name: &str) -> BTreeMap<String, (f64, f64)> {
    measure_listing(name, true)
}

/// [`measure`], printing the misses and false hits only when `list`: a
/// blind corpus is first measured by its counts alone, without a sentence
/// of it being read.
fn measure_listing(name: &str, list: bool) -> BTreeMap<String, (f64, f64)> {
    let corpus = heldout(name);
    let (project, places) = project_of(
        corpus
            .iter()
            .map(|s| (s.employer.as_str(), s.text.as_str())),
        &heldout_contexts(),
    );
    let flagged = flagged(&project, &places);
    let mut per_pattern: BTreeMap<(&str, bool, &str), Counts> = BTreeMap::new();
    let mut per_employer: BTreeMap<&str, Counts> = BTreeMap::new();
    for (s, f) in corpus.iter().zip(&flagged) {
        per_pattern
            .entry((&s.employer, s.medical, &s.pattern))
            .or_default()
            .add(s.medical, *f);
        per_employer
            .entry(&s.employer)
            .or_default()
            .add(s.medical, *f);
    }
    println!("## {name}\n");
    println!(
        "| employer | pattern | label | sentences | flagged | false hits | precision | recall |\n|---|---|---|---:|---:|---:|---:|---:|"
    );
    for ((employer, medical, pattern), counts) in &per_pattern {
        let label = if *medical { "medisch" } else { "geen" };
        println!("| {employer} {}", counts.row(pattern, label));
    }
    for (employer, counts) in &per_employer {
        println!("| {employer} {}", counts.row("**all**", ""));
    }
    for (medical, want, title) in [(true, false, "missed"), (false, true, "false hits")] {
        if !list {
            break;
        }
        println!("\n{title}:");
        for (s, _) in corpus
            .iter()
            .zip(&flagged)
            .filter(|(s, f)| s.medical == medical && **f == want)
        {
            println!("- {} · {} · {}", s.employer, s.pattern, s.text);
        }
    }
    per_employer
        .iter()
        .map(|(employer, c)| {
            let figures = (c.recall().unwrap_or(0.0), c.precision().unwrap_or(0.0));
            (employer.to_string(), figures)
        })
        .collect()
}

/// Fails when an employer's recall or precision is under the least given.
fn assert_at_least(name: &str, figures: &BTreeMap<String, (f64, f64)>, least: &[(&str, f64, f64)]) {
    assert_eq!(figures.len(), 2, "{name}: both employers");
    for (employer, recall, precision) in least {
        let (r, p) = figures[*employer];
        assert!(
            r >= *recall && p >= *precision,
            "{name}, {employer}: recall {:.1} % (at least {:.1} %), precision {:.1} % (at least {:.1} %)",
            r * 100.0,
            recall * 100.0,
            p * 100.0,
            precision * 100.0
        );
    }
}

/// The held-out corpus used while developing (`tests/privacy/heldout-dev.tsv`,
/// written by someone who saw neither the code nor the project's corpus).
#[test]
fn privacy_heldout_dev() {
    let figures = measure("heldout-dev.tsv");
    assert_at_least(
        "heldout-dev.tsv",
        &figures,
        &[("zorg", 0.95, 0.98), ("overig", 0.95, 0.98)],
    );
}

/// The first blind corpus's second file (`tests/privacy/heldout-final.tsv`).
/// It was measured once, blind, at the end of the first round of issue 24
/// (recall 90.5 % / 83.1 %); its misses were then listed in
/// docs/privacy.md, so from the second round on it is a development
/// corpus like `heldout-dev.tsv` and no longer a measure of unseen text.
#[test]
fn privacy_heldout_final_as_development() {
    let figures = measure("heldout-final.tsv");
    assert_at_least(
        "heldout-final.tsv",
        &figures,
        &[("zorg", 0.95, 0.98), ("overig", 0.95, 0.98)],
    );
}

/// The second blind corpus (`tests/privacy/heldout-final2.tsv`, see
/// `heldout2-README.md`), written by a helper who saw neither the code nor
/// any corpus. It was measured once, blind, at the end of the second round
/// of issue 24 (recall 88.1 % / 83.1 %, precision 96.1 % / 89.2 %); its
/// misses were listed in docs/privacy.md and it has been a development
/// corpus since the third round, held to the target like the
/// others.
#[test]
fn privacy_heldout_final2_as_development() {
    let figures = measure("heldout-final2.tsv");
    assert_at_least(
        "heldout-final2.tsv",
        &figures,
        &[("zorg", 0.95, 0.98), ("overig", 0.95, 0.98)],
    );
}

/// The third blind corpus (`tests/privacy/heldout-final3.tsv`, see
/// `heldout-final3.md`), written while the third round of issue 24 was
/// made, by a helper who saw neither the code nor any corpus; copied in
/// after the checker was frozen and measured once; nothing was changed
/// after. The target (recall 95 %, precision 98 % for both
/// employers) was not met (docs/privacy.md), so the test fails below what
/// was measured: it cannot regress, and it does not claim the target.
#[test]
fn privacy_heldout_final3() {
    let figures = measure("heldout-final3.tsv");
    assert_at_least(
        "heldout-final3.tsv",
        &figures,
        &[
            // 90 of 99 medical sentences flagged, 2 of 92 flagged ordinary.
            ("zorg", 90.0 / 99.0, 90.0 / 92.0),
            // 101 of 110 medical sentences flagged, 1 of 102 flagged ordinary.
            ("overig", 101.0 / 110.0, 101.0 / 102.0),
        ],
    );
}

/// Measures a corpus outside the project, named by the environment
/// variable `PVA_PRIVACY_BLIND` (a path; columns `label`, `patroon`,
/// `werkgever`, `zin` like the held-out corpora), printing only the counts
/// per employer and pattern — no sentence — unless `PVA_PRIVACY_BLIND_LIST`
/// is set. This is how a new blind corpus is measured before anyone reads
/// it: `PVA_PRIVACY_BLIND=/path/corpus.tsv cargo test --test cli
/// privacy_blind -- --ignored --nocapture`.
#[test]
#[ignore = "measures a corpus named by PVA_PRIVACY_BLIND"]
fn privacy_blind() {
    let Ok(path) = std::env::var("PVA_PRIVACY_BLIND") else {
        panic!("PVA_PRIVACY_BLIND names no corpus");
    };
    let list = std::env::var_os("PVA_PRIVACY_BLIND_LIST").is_some();
    let figures = measure_listing(&path, list);
    for (employer, (recall, precision)) in &figures {
        println!(
            "{employer}: recall {:.1} %, precision {:.1} %",
            recall * 100.0,
            precision * 100.0
        );
    }
}

/// (code, line, column, width) of the privacy findings of a plan whose
/// `activiteit` is written as `value` (YAML, after `activiteit: `).
fn activity_findings(value: &str) -> Vec<(String, u64, u64, u64)> {
    let plan = edit(
        PLAN,
        "activiteit: Minder uren",
        &format!("activiteit: {value}"),
    );
    let run = crate::fixture::project(DOSSIER, &plan).run(&[
        "lint",
        "--today",
        "2026-11-23",
        "--format",
        "json",
    ]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    list.iter()
        .filter(|d| matches!(d["code"].as_str(), Some("PVA040" | "PVA041")))
        .map(|d| {
            let n = |key: &str| d[key].as_u64().unwrap();
            (
                d["code"].as_str().unwrap().to_string(),
                n("line"),
                n("column"),
                n("width"),
            )
        })
        .collect()
}

/// A term in a YAML value is marked where it was written — past quotes,
/// escapes and folded lines — and as wide as written: the draft PDF
/// blacks out exactly that span.
#[test]
fn privacy_positions_in_quoted_and_plain_yaml_values() {
    let fysio = |line, col| vec![("PVA041".to_string(), line, col, 14)];
    let cases = [
        ("Minder uren en naar de fysiotherapeut", fysio(8, 40)),
        ("'Minder uren en naar de fysiotherapeut'", fysio(8, 41)),
        ("\"Minder uren en naar de fysiotherapeut\"", fysio(8, 41)),
        (
            "\"Minder \\\"uren\\\" en naar de fysiotherapeut\"",
            fysio(8, 45),
        ),
        ("'Minder ''uren'' en naar de fysiotherapeut'", fysio(8, 45)),
        ("Minder uren en\n      naar de fysiotherapeut", fysio(9, 15)),
        (
            "\"Minder uren en\n      naar de fysiotherapeut\"",
            fysio(9, 15),
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(activity_findings(value), expected, "{value}");
    }
}

/// One finding per term: a term of two words is not found again as its
/// last word.
#[test]
fn privacy_one_finding_per_term() {
    assert_eq!(
        activity_findings("Minder uren wegens hoge bloeddruk"),
        vec![("PVA040".to_string(), 8, 36, 14)]
    );
}

/// A medical fact the check flags stops the document's PDF — in the forms
/// the check learned in issue 24 too — and the other documents are built;
/// a visible acknowledgement lets it through without printing the marker.
#[test]
fn privacy_finding_stops_the_pdf() {
    let note = "Hij is uitgeput en zijn enkel is nog gezwollen.";
    let project = crate::fixture::project(DOSSIER, &edit(PLAN, "Notitie.", note));
    let run = project.run(&["build", "--today", "2026-11-23"]).code(1);
    assert!(run.stderr.contains("error[PVA040]"), "{}", run.stderr);
    assert!(!project.path("output/cases/d/plan.pdf").exists());
    let acknowledged = format!("{note} [privacy-ok: werknemer vroeg dit, gesprek 3 maart]");
    let project = crate::fixture::project(DOSSIER, &edit(PLAN, "Notitie.", &acknowledged));
    project.run(&["build", "--today", "2026-11-23"]).success();
    let text = project.pdf_text("output/cases/d/plan.pdf");
    assert!(text.contains("uitgeput"), "{text}");
    assert!(!text.contains("privacy-ok"), "{text}");
}

/// heldout4 (`tests/privacy/heldout-dev4.tsv`, see `heldout-dev4.md`),
/// written by a helper who saw neither the code nor any corpus, measured
/// once by its counts before it was read (docs/privacy.md: recall 81.2 % /
/// 85.2 %, precision 95.8 % / 92.0 %) and a development corpus of the
/// fourth round of issue 24 since.
#[test]
fn privacy_heldout_dev4() {
    let figures = measure("heldout-dev4.tsv");
    assert_at_least(
        "heldout-dev4.tsv",
        &figures,
        &[("zorg", 0.95, 0.98), ("overig", 0.95, 0.98)],
    );
}

/// heldout5 (`tests/privacy/heldout-final4.tsv`, see `heldout-final4.md`),
/// written during the fourth round of issue 24 by a helper who saw neither
/// the code nor any corpus; opened only after the checker was frozen and
/// landed (commit `09ff39b`) and measured once; nothing was changed after.
/// The target (recall 95 %, precision 98 % for both employers) was
/// not met (docs/privacy.md), so the test fails below what was measured:
/// it cannot regress, and it does not claim the target.
#[test]
fn privacy_heldout_final4() {
    let figures = measure("heldout-final4.tsv");
    assert_at_least(
        "heldout-final4.tsv",
        &figures,
        &[
            // 96 of 108 medical sentences flagged, 16 of 112 flagged ordinary.
            ("zorg", 96.0 / 108.0, 96.0 / 112.0),
            // 83 of 99 medical sentences flagged, 5 of 88 flagged ordinary.
            ("overig", 83.0 / 99.0, 83.0 / 88.0),
        ],
    );
}

/// heldout6 (`tests/privacy/heldout-final5.tsv`, see `heldout-final5.md`),
/// written during the fifth round of issue 24 by a helper who saw neither
/// the code nor any corpus; copied in only after the sentence model was
/// frozen (commit `ac0273b`) and measured once, by its counts, then its
/// misses and false hits listed (docs/privacy.md): recall 99.2 % (131/132)
/// and precision 99.2 % for the installation firm, recall 98.3 % (113/115)
/// and precision 98.3 % for the hospital. A development corpus since the
/// second half of that round (the model learns from it); the test fails
/// below what was measured blind.
#[test]
fn privacy_heldout_final5() {
    let figures = measure("heldout-final5.tsv");
    assert_at_least(
        "heldout-final5.tsv",
        &figures,
        &[
            // 113 of 115 medical sentences flagged, 2 of 115 flagged ordinary.
            ("zorg", 113.0 / 115.0, 113.0 / 115.0),
            // 131 of 132 medical sentences flagged, 1 of 132 flagged ordinary.
            ("overig", 131.0 / 132.0, 131.0 / 132.0),
        ],
    );
}

/// A sentence about the employee's health without a listed term is found
/// by the sentence model: one PVA040 on the whole sentence, where it was
/// written in a plain or quoted YAML value, and the final PDF is not built.
#[test]
fn privacy_a_sentence_without_a_listed_term_is_found_where_written() {
    let sentence = "Zijn lampje is uit en hij hangt als een zoutzak op de bank";
    let width = sentence.chars().count() as u64;
    assert_eq!(
        activity_findings(sentence),
        vec![("PVA040".to_string(), 8, 17, width)]
    );
    assert_eq!(
        activity_findings(&format!("\"{sentence}\"")),
        vec![("PVA040".to_string(), 8, 18, width)]
    );
    let project =
        crate::fixture::project(DOSSIER, &edit(PLAN, "Notitie.", &format!("{sentence}.")));
    let run = project.run(&["build", "--today", "2026-11-23"]).code(1);
    assert!(
        run.stderr.contains("error[PVA040]: deze zin lijkt iets te zeggen over de eigen gezondheid van de werknemer (vooral `"),
        "{}",
        run.stderr
    );
    assert!(!project.path("output/cases/d/plan.pdf").exists());
}

/// heldout7 (`tests/privacy/heldout-final6.tsv`, see `heldout-final6.md`),
/// written in the second half of the fifth round of issue 24 by a helper
/// who saw neither the code nor any corpus; copied in only after the
/// model trained on 21 corpora was frozen (commit `bd2af11`) and measured
/// once, by its counts, then its misses and false hits listed
/// (docs/privacy.md): recall 96.7 % (117/121) and precision 98.3 % for the
/// installation firm, recall 100 % (111/111) and precision 98.2 % for the
/// hospital. The test fails below what was measured.
#[test]
fn privacy_heldout_final6() {
    let figures = measure("heldout-final6.tsv");
    assert_at_least(
        "heldout-final6.tsv",
        &figures,
        &[
            // 111 of 111 medical sentences flagged, 2 of 113 flagged ordinary.
            ("zorg", 1.0, 111.0 / 113.0),
            // 117 of 121 medical sentences flagged, 2 of 119 flagged ordinary.
            ("overig", 117.0 / 121.0, 117.0 / 119.0),
        ],
    );
}
