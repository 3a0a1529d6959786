//! Accessible PDFs (PDF/UA-1 with PDF/A-2a): for every kind of document
//! and the bound copy, the tag tree a screen reader reads has the form's
//! title as H1 and every section band as H2, tables with header cells,
//! the checkboxes' state as text, language nl, the title shown, and the
//! XMP names both standards. Read from the built PDFs with lopdf.

use lopdf::{Document, Object};

use crate::support::{Project, repo};

const TODAY: &str = "--today=2026-11-23";

/// What a PDF tells assistive technology.
struct Tagged {
    /// The catalog's /Lang.
    lang: String,
    /// /ViewerPreferences /DisplayDocTitle: the title, not the file name, shown.
    shows_title: bool,
    /// /MarkInfo /Marked.
    marked: bool,
    /// The XMP metadata.
    xmp: String,
    /// Every structure element in reading order: (type, /T title or "").
    elements: Vec<(String, String)>,
}

impl Tagged {
    fn read(project: &Project, path: &str) -> Tagged {
        let bytes = std::fs::read(project.path(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let pdf = Document::load_mem(&bytes).expect("a PDF");
        let catalog = pdf.catalog().expect("catalog");
        let entry = |key: &[u8]| catalog.get(key).ok().map(|o| resolve(&pdf, o));
        let flag = |dict: Option<&Object>, key: &[u8]| {
            dict.and_then(|d| d.as_dict().ok())
                .and_then(|d| d.get(key).ok())
                .and_then(|o| o.as_bool().ok())
                .unwrap_or(false)
        };
        let xmp = entry(b"Metadata")
            .and_then(|o| o.as_stream().ok())
            .map(|s| {
                let content = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                String::from_utf8_lossy(&content).into_owned()
            })
            .unwrap_or_default();
        let mut elements = Vec::new();
        if let Some(root) = entry(b"StructTreeRoot") {
            collect(&pdf, root, &mut elements, 0);
        }
        Tagged {
            lang: entry(b"Lang").map(text).unwrap_or_default(),
            shows_title: flag(entry(b"ViewerPreferences"), b"DisplayDocTitle"),
            marked: flag(entry(b"MarkInfo"), b"Marked"),
            xmp,
            elements,
        }
    }

    /// The titles of the headings, as "H1 Plan van aanpak WIA".
    fn headings(&self) -> Vec<String> {
        self.elements
            .iter()
            .filter(|(kind, _)| kind.len() == 2 && kind.starts_with('H'))
            .map(|(kind, title)| format!("{kind} {title}"))
            .collect()
    }

    fn count(&self, kind: &str) -> usize {
        self.elements.iter().filter(|(k, _)| k == kind).count()
    }

    /// The checks every PDF pva writes must pass.
    fn assert_accessible(&self, path: &str) {
        assert!(self.lang.starts_with("nl"), "{path}: /Lang {:?}", self.lang);
        assert!(self.shows_title, "{path}: DisplayDocTitle not set");
        assert!(self.marked, "{path}: not marked as tagged");
        for identifier in [
            "<pdfuaid:part>1</pdfuaid:part>",
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
        ] {
            assert!(
                self.xmp.contains(identifier),
                "{path}: no {identifier} in\n{}",
                self.xmp
            );
        }
        assert!(
            self.xmp.contains("<dc:title>"),
            "{path}: no title in the XMP"
        );
        assert_eq!(
            self.elements.first().map(|e| e.0.as_str()),
            Some("Document"),
            "{path}"
        );
    }
}

fn resolve<'a>(pdf: &'a Document, object: &'a Object) -> &'a Object {
    pdf.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

/// A PDF text string: UTF-16BE with its byte-order mark, else PDFDocEncoding
/// (Latin-1 for the characters of these titles).
fn text(object: &Object) -> String {
    let bytes = object
        .as_str()
        .or_else(|_| object.as_name())
        .unwrap_or_default();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect::<Vec<_>>(),
        ),
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// Walks the structure tree from `node` (a dictionary or an array of kids).
fn collect(pdf: &Document, node: &Object, out: &mut Vec<(String, String)>, depth: usize) {
    assert!(depth < 200, "structure tree too deep");
    match resolve(pdf, node) {
        Object::Array(kids) => {
            for kid in kids {
                collect(pdf, kid, out, depth + 1);
            }
        }
        Object::Dictionary(dict) => {
            if let Ok(kind) = dict.get(b"S").and_then(Object::as_name) {
                let title = dict
                    .get(b"T")
                    .map(|t| text(resolve(pdf, t)))
                    .unwrap_or_default();
                out.push((String::from_utf8_lossy(kind).into_owned(), title));
            }
            if let Ok(kids) = dict.get(b"K") {
                collect(pdf, kids, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The headings a template prints, in order: its title (H1), then each
/// `#sectie("N", "Titel")` and the Ondertekening (H2, "N Titel"). The
/// optional notes are left out (printed only when written).
pub(crate) fn template_headings(template: &str) -> Vec<String> {
    let source = std::fs::read_to_string(repo().join("templates").join(template)).unwrap();
    let literal = |at: &str| -> String {
        let start = at.find('"').unwrap() + 1;
        at[start..start + at[start..].find('"').unwrap()].to_string()
    };
    let title = literal(&source[source.find("titel:").unwrap()..]);
    let mut headings = vec![format!("H1 {title}")];
    let mut calls: Vec<(usize, String)> = Vec::new();
    for (at, _) in source.match_indices("sectie(\"") {
        let args = &source[at + "sectie(".len()..];
        let number = literal(args);
        let name = literal(&args[number.len() + 2..]);
        calls.push((at, heading_title(&number, &name)));
    }
    for (at, _) in source.match_indices("#ondertekening(\"") {
        let number = literal(&source[at..]);
        calls.push((at, heading_title(&number, "Ondertekening")));
    }
    calls.sort();
    headings.extend(calls.into_iter().map(|(_, t)| format!("H2 {t}")));
    headings
}

fn heading_title(number: &str, name: &str) -> String {
    if number.is_empty() {
        name.to_string()
    } else {
        format!("{number} {name}")
    }
}

/// Every kind: (its PDF among the examples, its template).
pub(crate) const KINDS: &[(&str, &str)] = &[
    (
        "output/cases/visser-2024/01-plan-van-aanpak.pdf",
        "plan-van-aanpak.typ",
    ),
    (
        "output/cases/visser-2024/02-evaluatieverslag.pdf",
        "evaluatieverslag.typ",
    ),
    (
        "output/cases/visser-2024/03-bijstelling.pdf",
        "bijstelling.typ",
    ),
    (
        "output/cases/visser-2024/05-eerstejaarsevaluatie.pdf",
        "eerstejaarsevaluatie.typ",
    ),
    (
        "output/cases/visser-2024/07-eindevaluatie.pdf",
        "eindevaluatie.typ",
    ),
    (
        "output/cases/mulder-2026/verkort-reintegratieverslag.pdf",
        "verkort-reintegratieverslag.typ",
    ),
];

#[test]
fn every_kind_is_tagged_with_its_title_and_sections_as_headings() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    for (pdf, template) in KINDS {
        let tagged = Tagged::read(&project, pdf);
        tagged.assert_accessible(pdf);
        let notes = "H2 Aanvullende notities".to_string();
        let headings: Vec<String> = tagged
            .headings()
            .into_iter()
            .filter(|h| *h != notes)
            .collect();
        let expected = template_headings(template);
        // The title and at least the form's sections and its signatures.
        assert!(expected.len() >= 6, "{template}: {expected:?}");
        assert_eq!(headings, expected, "{pdf}");
        // Tables have a header row of header cells.
        if std::fs::read_to_string(repo().join("templates").join(template))
            .unwrap()
            .contains("#tabel(")
        {
            assert!(tagged.count("Table") > 0, "{pdf}: no Table");
            assert!(
                tagged.count("THead") > 0 && tagged.count("TH") > 0,
                "{pdf}: no header cells"
            );
        }
    }
    // A checkbox's state is text: read aloud and copied as ☒ or ☐.
    let text = project.pdf_text(KINDS[0].0);
    assert!(
        text.contains("☒ Werkhervatting in de eigen functie"),
        "{text}"
    );
    assert!(text.contains("☐ Nog niet bekend, omdat"), "{text}");
}

/// The bound copy: its cover (H1 and its two sections), then each part's
/// own headings, as in the part's own PDF, under one tag tree.
#[test]
fn the_bound_copy_is_tagged_part_by_part() {
    let project = Project::with_examples();
    project.run(&["build", TODAY]).success();
    // Without signed copies the bound copy holds pva's text of each part
    // (a signed copy's pages are figures: the next test).
    remove_signed_copies(&project);
    project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    let copy = "set/re-integratieverslag-kopie-werknemer.pdf";
    let tagged = Tagged::read(&project, copy);
    tagged.assert_accessible(copy);
    let headings = tagged.headings();
    assert_eq!(
        headings[..3],
        ["H1 Re-integratieverslag", "H2 Gegevens", "H2 Inhoud"],
        "{headings:#?}"
    );
    // Cut at each H1: one part each.
    let mut parts: Vec<Vec<String>> = Vec::new();
    for heading in &headings[3..] {
        if heading.starts_with("H1 ") {
            parts.push(Vec::new());
        }
        parts
            .last_mut()
            .expect("starts with an H1")
            .push(heading.clone());
    }
    let mut documents = 0;
    for entry in std::fs::read_dir(project.path("output/cases/visser-2024")).unwrap() {
        let path = entry.unwrap().path();
        let own = Tagged::read(&project, path.to_str().unwrap()).headings();
        let found = parts.iter().position(|p| *p == own);
        let at = found.unwrap_or_else(|| panic!("{}: {own:#?} not in {parts:#?}", path.display()));
        parts.remove(at);
        documents += 1;
    }
    assert_eq!(documents, 7);
    // What is left: the arbodienst's PDFs, a title over its pages (a figure
    // with its alternative text).
    assert_eq!(
        parts,
        [
            vec!["H1 Probleemanalyse (arbodienst)"],
            vec!["H1 Probleemanalyse (arbodienst)"],
            vec!["H1 Actueel oordeel (arbodienst)"],
        ]
    );
    assert_eq!(tagged.count("Figure"), 3);
}

fn remove_signed_copies(project: &Project) {
    for entry in std::fs::read_dir(project.path("cases/visser-2024")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".getekend.pdf") {
            std::fs::remove_file(path).unwrap();
        }
    }
}

#[test]
fn the_signed_pages_in_the_bound_copy_are_figures_under_their_title() {
    let project = Project::with_examples();
    project
        .run(&["riv", "cases/visser-2024", TODAY, "--out", "set"])
        .success();
    let copy = "set/re-integratieverslag-kopie-werknemer.pdf";
    let tagged = Tagged::read(&project, copy);
    tagged.assert_accessible(copy);
    let headings = tagged.headings();
    assert_eq!(
        headings[3..],
        [
            "H1 Probleemanalyse (arbodienst)",
            "H1 Plan van aanpak",
            "H1 Probleemanalyse (arbodienst)",
            "H1 Evaluatieverslag",
            "H1 Bijstelling Plan van aanpak",
            "H1 Evaluatieverslag",
            "H1 Eerstejaarsevaluatie",
            "H1 Evaluatieverslag",
            "H1 Actueel oordeel (arbodienst)",
            "H1 Eindevaluatie",
        ],
        "{headings:#?}"
    );
    // Every page of the seven signed copies and the three received PDFs.
    let pages = project.pdf_pages(copy).len();
    assert_eq!(tagged.count("Figure"), pages - 1, "all but the cover");
}

/// A heading the user writes in a section (`###`, `####`) is a heading in
/// the tag tree too (H3, under the section's H2), with its text; one
/// without text is left out (PDF/UA refuses an empty heading).
#[test]
fn headings_the_user_writes_are_tagged() {
    let project = Project::with_examples();
    crate::support::unrecord(&project, "cases/de-vries-2026/plan-van-aanpak.md");
    let path = project.path("cases/de-vries-2026/plan-van-aanpak.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "## Visie werkgever\n",
        "## Visie werkgever\n\n### Planning\n\nDe planning past.\n\n#### In het team\n\nHet team weet ervan.\n\n###\n\n",
    );
    std::fs::write(&path, text).unwrap();
    project
        .run(&["build", TODAY, "cases/de-vries-2026"])
        .success();
    let pdf = "output/cases/de-vries-2026/plan-van-aanpak.pdf";
    let tagged = Tagged::read(&project, pdf);
    tagged.assert_accessible(pdf);
    let headings = tagged.headings();
    let h3: Vec<&String> = headings.iter().filter(|h| h.starts_with("H3")).collect();
    assert_eq!(h3, ["H3 Planning", "H3 In het team"], "{headings:?}");
    let visie = headings
        .iter()
        .position(|h| h.starts_with("H2") && h.ends_with("Visie werknemer en werkgever"));
    let planning = headings.iter().position(|h| h == "H3 Planning");
    assert!(visie < planning, "{headings:?}");
    let text = project.pdf_text(pdf);
    assert!(
        text.contains("Planning") && text.contains("De planning past."),
        "{text}"
    );
}
