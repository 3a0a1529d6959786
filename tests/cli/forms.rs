//! The forms' own wording on the fixture dossier: the dossier's arbodienst
//! where the ArboNed format names ArboNed, every question printed even when
//! unanswered, and evaluation moments as dates or as a frequency and form.

use crate::fixture::{BIJSTELLING, DOSSIER, PLAN, edit, project};
use crate::support::Project;

const PLAN_PDF: &str = "output/cases/d/plan.pdf";
const BIJ_PDF: &str = "output/cases/d/bijstelling.pdf";

/// Builds the fixture dossier and returns the text of the PDF at `pdf`.
#[track_caller]
fn built(dossier: &str, plan: &str, bijstelling: &str, pdf: &str) -> String {
    let project = project(dossier, plan).file("cases/d/bijstelling.md", bijstelling);
    project.run(&["build", "--today", "2026-11-23"]).success();
    project.pdf_text(pdf)
}

#[track_caller]
fn assert_contains(text: &str, expected: &[&str]) {
    for part in expected {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

#[test]
fn bijstelling_names_the_dossiers_arbodienst_instead_of_arboned() {
    let dossier = edit(DOSSIER, "naam: Arbo B.V.", "naam: Arbo Gelderse Vallei");
    let text = built(&dossier, PLAN, BIJSTELLING, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "Bijstelling Plan van aanpak · Arbo Gelderse Vallei Jan Jansen · BSN 111222333",
            "Geef hier het percentage arbeidsongeschiktheid per datum aan, welke u eerder heeft doorgegeven aan Arbo Gelderse Vallei Datum Percentage",
        ],
    );
    assert!(!text.contains("ArboNed"), "{text}");
}

#[test]
fn bijstelling_without_an_arbodienst_name_says_uw_arbodienst() {
    let bijstelling = edit(
        BIJSTELLING,
        "obstakels:",
        "arbodienst:\n  naam: \"\"\nobstakels:",
    );
    let text = built(DOSSIER, PLAN, &bijstelling, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "Bijstelling Plan van aanpak Jan Jansen · BSN 111222333",
            "welke u eerder heeft doorgegeven aan uw arbodienst Datum Percentage",
        ],
    );
    assert!(!text.contains("ArboNed"), "{text}");
    assert!(!text.contains(" · Jan Jansen"), "{text}");
}

#[test]
fn plan_keeps_uwv_in_its_header() {
    let text = built(DOSSIER, PLAN, BIJSTELLING, PLAN_PDF);
    assert_contains(
        &text,
        &["Plan van aanpak WIA · UWV Jan Jansen · BSN 111222333"],
    );
}

#[test]
fn bijstelling_without_obstacles_still_asks_how_to_solve_them() {
    // `obstakels.aanwezig: false`: both answers of "Ja" are left open (a
    // final PDF says so in words, no empty box), but the form's question is
    // printed between "Ja, dit zijn:" and "Nee".
    let text = built(DOSSIER, PLAN, BIJSTELLING, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "Ja, dit zijn: Niet ingevuld. Hoe kunnen deze blijvend worden opgelost? Niet ingevuld. ☒ Nee, niet van toepassing",
        ],
    );
}

/// A second evaluation row written as a frequency and a form, after the
/// `wie` line of `text`'s first row.
fn with_recurring_moment(text: &str, next_key: &str) -> String {
    edit(
        text,
        &format!("    wie: Werknemer en casemanager\n{next_key}"),
        &format!(
            "    wie: Werknemer en casemanager\n  - frequentie: elke 6 weken\n    vorm: gesprek op het werk\n    wat: Opbouw\n    wie: Leidinggevende\n{next_key}"
        ),
    )
}

#[test]
fn evaluation_moments_print_their_frequency_and_form_on_both_forms() {
    // The PDF text joins the lines of a cell without a space ("OpbouwVorm").
    let plan = with_recurring_moment(PLAN, "evaluatie_probleemanalyse");
    let bijstelling = with_recurring_moment(BIJSTELLING, "ondertekening");
    let text = built(DOSSIER, &plan, &bijstelling, PLAN_PDF);
    assert_contains(
        &text,
        &[
            "Wanneer Wat Wie 19-03-2026 Voortgang Werknemer en casemanager elke 6 weken OpbouwVorm: gesprek op het werk Leidinggevende 8 Welke afspraken",
        ],
    );
    let text = built(DOSSIER, &plan, &bijstelling, BIJ_PDF);
    assert_contains(
        &text,
        &[
            "8. Evaluatiemomenten (frequentie/vorm) Wat Wie Wanneer Voortgang Werknemer en casemanager 23-04-2026 OpbouwVorm: gesprek op het werk Leidinggevende elke 6 weken 9. Visie",
        ],
    );
}

#[test]
fn evaluation_moment_with_a_date_and_a_frequency_prints_both() {
    let plan = edit(
        PLAN,
        "    wat: Voortgang\n",
        "    frequentie: daarna elke 4 weken\n    wat: Voortgang\n",
    );
    let text = built(DOSSIER, &plan, BIJSTELLING, PLAN_PDF);
    assert_contains(
        &text,
        &["Wanneer Wat Wie 19-03-2026daarna elke 4 weken Voortgang Werknemer en casemanager"],
    );
}

/// The plan asks the visie in the UWV form's own (2023) questions; the
/// bijstelling keeps ArboNed's.
#[test]
fn plan_asks_uwv_visie_questions_and_bijstelling_arboneds() {
    let project = Project::with_examples();
    project.run(&["build", "--today=2026-11-23"]).success();
    let plan = project.pdf_text("output/cases/de-vries-2026/plan-van-aanpak.pdf");
    assert!(plan.contains("9 Welke mogelijkheden ziet de werknemer om weer (meer) te gaan werken, en wat vindt de werknemer van de afspraken?"), "{plan}");
    assert!(
        !plan.contains("kwaliteit van de arbeidsverhouding"),
        "{plan}"
    );
    let bijstelling = project.pdf_text("output/cases/jansen-2025/03-bijstelling.pdf");
    assert!(bijstelling.contains("Wat is de visie van de werknemer op de functie, de arbeidsmogelijkheden en de kwaliteit van de arbeidsverhouding?"), "{bijstelling}");
}

/// Every per-kind fact is a column of the kind's row, reached through one
/// exhaustive match: no `match` over kinds in `src/` has an arm that
/// catches "the other kinds" (`_`, `Some(_)`, a bare binding), and no
/// `matches!` tests for kinds, so a new kind cannot silently behave like
/// another one.
#[test]
fn no_wildcard_over_document_kinds_in_src() {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(crate::support::repo().join("src")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        for arm in wildcards_over_kinds(&code) {
            found.push(format!("{}: {arm}", path.display()));
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn the_wildcard_check_sees_a_fallback_arm() {
    let code = "fn f(k: DocKind) -> u8 {\n    // DocKind::Plan => 9, _ => 0 in a comment\n    let s = \"_ =>\";\n    match k {\n        DocKind::Plan => { match x { _ => 1 } }\n        _ => 2,\n    }\n}\nfn g(k: Option<DocKind>) -> bool { matches!(k, Some(DocKind::Eind)) }\nfn h(k: DocKind) -> u8 { match k { DocKind::Plan => 1, other => 2 } }\nfn ok(k: DocKind) -> u8 { match k { DocKind::Plan => 1, DocKind::Eind => 2 } }\nfn ok2(n: Option<u8>) -> u8 { match n { Some(_) => 1, _ => 2 } }\n";
    assert_eq!(
        wildcards_over_kinds(code),
        ["matches!(k, Some(DocKind::Eind))", "_", "other"]
    );
}

/// The fallback arms of matches over `DocKind`, and `matches!` over kinds.
fn wildcards_over_kinds(code: &str) -> Vec<String> {
    let code = without_comments_and_strings(code);
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = code[at..].find("matches!(") {
        let start = at + i;
        let end = closing(&code, start + "matches!".len());
        if code[start..end].contains("DocKind::") {
            out.push(code[start..=end].to_string());
        }
        at = end;
    }
    let bytes = code.as_bytes();
    let mut at = 0;
    while let Some(i) = code[at..].find("match ") {
        let start = at + i;
        at = start + 6;
        let word_before =
            start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        let Some(open) = code[start..].find('{').map(|o| start + o) else {
            break;
        };
        if word_before {
            continue;
        }
        let close = closing(&code, open);
        let patterns = arm_patterns(&code[open + 1..close]);
        if patterns.iter().any(|p| p.contains("DocKind::")) {
            out.extend(patterns.into_iter().filter(|p| is_fallback(p)));
        }
    }
    out
}

fn is_fallback(pattern: &str) -> bool {
    let p = pattern.split(" if ").next().unwrap_or("").trim();
    p == "_"
        || p == "Some(_)"
        || (!p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
}

/// The index of the bracket that closes the one at `open`.
fn closing(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    code.len() - 1
}

/// The patterns of a match body's arms (not of matches nested in them).
fn arm_patterns(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut pattern = String::new();
    let mut in_pattern = true;
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                // An arm whose expression is a block ends with it.
                if depth == 0 && !in_pattern && c == '}' {
                    let rest: String = chars[i + 1..].iter().collect();
                    if !rest.trim_start().starts_with('.') {
                        in_pattern = true;
                        pattern.clear();
                        i += 1;
                        continue;
                    }
                }
            }
            _ => {}
        }
        if depth == 0 && in_pattern && c == '=' && chars.get(i + 1) == Some(&'>') {
            out.push(pattern.trim().to_string());
            pattern.clear();
            in_pattern = false;
            i += 2;
            continue;
        }
        if depth == 0 && !in_pattern && c == ',' {
            in_pattern = true;
            pattern.clear();
        } else if in_pattern && !(depth == 0 && c == ',') {
            pattern.push(c);
        }
        i += 1;
    }
    out
}

/// `code` with comments and string and char literals blanked out.
fn without_comments_and_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            out.push('"');
            i += 1;
            continue;
        }
        if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("' '");
            i += 3;
            continue;
        }
        if c == '\'' && chars.get(i + 1) == Some(&'\\') {
            let end = chars[i + 2..]
                .iter()
                .position(|c| *c == '\'')
                .map_or(i + 2, |p| i + 2 + p);
            out.push_str("' '");
            i = end + 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Nothing the user wrote is lost: in a document of every kind, a section
/// under every heading any kind knows is either printed in the PDF, or
/// reported at its heading's line, saying it is not printed and listing
/// the headings this kind knows.
#[test]
fn every_section_of_every_kind_is_printed_or_reported() {
    use pva::case::DocKind;
    use pva::case::schema::HEADINGS;
    for kind in DocKind::ALL {
        let mut text = format!("---\ndocument: {}\ndatum: 2026-11-20\n---\n", kind.key());
        let mut lines = Vec::new();
        for (i, heading) in HEADINGS.iter().enumerate() {
            lines.push(text.lines().count() + 2);
            text.push_str(&format!("\n## {}\n\nMarkering{i}x woord\n", heading.title));
        }
        let file = format!("cases/d/{}.md", kind.key());
        let project = project(DOSSIER, PLAN).file(&file, &text);
        let lint = project.run(&["lint", "--today", "2026-11-23", "--format", "json"]);
        // Exits 1 for the findings; the draft is built anyway.
        let _draft = project.run(&["build", "--draft", "--today", "2026-11-23"]);
        let pdf = project.pdf_text(&format!("output/{}", file.replace(".md", ".concept.pdf")));
        let findings = lint.findings();
        let (messages, hints) = (lint.messages(), lint.hints());
        for (i, heading) in HEADINGS.iter().enumerate() {
            let printed = pdf.contains(&format!("Markering{i}x"));
            let reported = findings
                .iter()
                .enumerate()
                .find(|(_, f)| f.1 == file && f.2 == lines[i]);
            assert_eq!(
                printed,
                kind.has_heading(heading.path),
                "{kind:?} `## {}`: printed {printed}",
                heading.title
            );
            if printed {
                assert!(
                    reported.is_none(),
                    "{kind:?} `## {}` printed and reported",
                    heading.title
                );
                continue;
            }
            let (n, _) = reported.unwrap_or_else(|| {
                panic!(
                    "{kind:?} `## {}` neither printed nor reported: {findings:?}",
                    heading.title
                )
            });
            assert!(
                messages[n].contains("komt niet in het formulier"),
                "{}",
                messages[n]
            );
            for known in HEADINGS.iter().filter(|h| kind.has_heading(h.path)) {
                assert!(
                    hints[n].contains(known.title),
                    "{kind:?}: {} lacks {}",
                    hints[n],
                    known.title
                );
            }
        }
    }
}

/// A heading written twice: the second section is reported, not dropped silently.
#[test]
fn a_heading_written_twice_is_reported() {
    let plan = format!(
        "{PLAN}\n## Interventies\n\nEerste keer.\n\n## Reden te laat\n\nEen reden.\n\n## Reden te laat\n\nTweede keer.\n"
    );
    let project = project(DOSSIER, &plan);
    let run = project.run(&["lint", "--today", "2026-11-23", "--format", "json"]);
    assert!(
        run.messages()
            .iter()
            .any(|m| m.contains("staat twee keer in dit document")),
        "{:#?}",
        run.messages()
    );
}
