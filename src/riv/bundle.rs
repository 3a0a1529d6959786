//! The bound copy of the whole re-integratieverslag for the werknemer: one
//! Typst document (so PDF/A and the page numbering hold across it) with a
//! cover of the key dates, a table of contents, a bookmark per part and the
//! documents of the arbodienst as they were received.

use crate::case::timeline::Timeline;
use crate::case::{Dossier, date, paths};
use crate::markdown::typst_str;

/// One part of the bundle: its bookmark title and its generated Typst.
pub(super) struct Part {
    /// "Plan van aanpak, 18-12-2025".
    pub title: String,
    /// The document's own generated Typst source.
    pub source: String,
}

/// A document of the arbodienst that goes with the bundle.
pub(super) struct Received {
    /// "Probleemanalyse van 08-12-2025 (arbodienst)".
    pub title: String,
    /// The file name beside the bundle.
    pub file: String,
}

/// The Typst source of the bound copy, dated `today`.
pub(super) fn source(
    dossier: &Dossier,
    timeline: &Timeline,
    parts: &[Part],
    received: &[Received],
    today: chrono::NaiveDate,
) -> String {
    let mut out = String::from("#import \"pva.typ\": *\n");
    out.push_str(&cover(dossier, timeline, today));
    out.push_str(&received_part(dossier, received));
    for part in parts {
        out.push_str(&document_part(part));
    }
    let name = text(dossier, paths::WERKNEMER_NAAM);
    out.push_str(&format!(
        "#set document(title: {}, author: {}, keywords: (\"re-integratie\", \"re-integratieverslag\", \"Wet verbetering poortwachter\"))\n",
        typst_str(&format!("Re-integratieverslag – {name}")),
        typst_str(&text(dossier, paths::BEDRIJFSNAAM)),
    ));
    out
}

fn text(dossier: &Dossier, path: &str) -> String {
    dossier
        .base
        .get(path)
        .and_then(crate::case::Node::text)
        .unwrap_or_default()
}

fn header(dossier: &Dossier, titel: &str, datum: &str) -> String {
    format!(
        "#show: formulier.with(titel: {})\n#kopgegevens(werknemer: {}, bsn: {}, datum: {}, uitgever: \"Re-integratieverslag\")\n",
        typst_str(titel),
        typst_str(&text(dossier, paths::WERKNEMER_NAAM)),
        typst_str(&text(dossier, paths::BSN)),
        typst_str(datum),
    )
}

fn cover(dossier: &Dossier, t: &Timeline, today: chrono::NaiveDate) -> String {
    let row = |label: &str, value: String| {
        format!(
            "    (\"\", {}, [#{}]),\n",
            typst_str(label),
            typst_str(&value)
        )
    };
    let mut rows = String::new();
    rows += &row("Werknemer", text(dossier, paths::WERKNEMER_NAAM));
    rows += &row("Burgerservicenummer", text(dossier, paths::BSN));
    rows += &row("Werkgever", text(dossier, paths::BEDRIJFSNAAM));
    rows += &row("Eerste arbeidsongeschiktheidsdag", date::short(t.first));
    if let Some(a) = t.analyses.first().and_then(|a| a.datum) {
        rows += &row("Probleemanalyse", date::short(a));
    }
    rows += &row(
        "Einde van week 52 (eerste ziektejaar)",
        date::short(t.week(52)),
    );
    rows += &row(
        "Einde van week 91 (re-integratieverslag klaar)",
        date::short(t.week(91)),
    );
    rows += &row("Laatste dag van de 104 weken", date::short(t.last_day()));
    if let Some(end) = t.employment_end {
        rows += &row("Laatste dag van het dienstverband", date::short(end));
    }
    format!(
        "#[\n{}#uitleg[Kopie van het re-integratieverslag voor de werknemer: alle onderdelen die de werkgever opstelde, in volgorde, met de documenten van de arbodienst zoals ontvangen. Het medische deel gaat van de bedrijfsarts rechtstreeks naar UWV en staat hier niet in.]\n#sectie(\"\", \"Gegevens\")[\n  #velden(\n{rows}  )\n]\n#sectie(\"\", \"Inhoud\")[\n  #outline(title: none, target: heading.where(level: 1))\n]\n]\n",
        header(dossier, "Re-integratieverslag", &date::short(today))
    )
}

/// A bookmark and table-of-contents entry that takes no space.
fn bookmark(title: &str) -> String {
    format!(
        "#place(hide(heading(level: 1, outlined: true, bookmarked: true, {})))\n",
        typst_str(title)
    )
}

/// The arbodienst's documents are PDFs of their own: PDF/A-2b cannot embed
/// them, so the bundle lists them and `pva riv` puts the files beside it.
fn received_part(dossier: &Dossier, received: &[Received]) -> String {
    if received.is_empty() {
        return String::new();
    }
    let title = "Documenten van de arbodienst";
    let mut rows = String::new();
    for item in received {
        rows.push_str(&format!(
            "    ([#{}], [#{}]),\n",
            typst_str(&item.title),
            typst_str(&item.file)
        ));
    }
    format!(
        "#[\n{}{}#uitleg[De probleemanalyse en haar bijstellingen stelde de arbodienst op. Ze horen bij het re-integratieverslag en staan als eigen bestanden naast deze kopie, zoals ze zijn ontvangen.]\n#tabel(([Document], [Bestand]), (1fr, 1fr), (\n{rows}  ))\n]\n",
        header(dossier, title, ""),
        bookmark(title)
    )
}

/// A document's own source, without its import and its `set document`
/// (the bundle has one of each), in a block of its own.
fn document_part(part: &Part) -> String {
    let body = part
        .source
        .strip_prefix("#import \"pva.typ\": *\n")
        .unwrap_or(&part.source);
    let body = body
        .find("\n// Last, so that")
        .map_or(body, |end| &body[..end]);
    // The bookmark goes inside the form's body, where its pages begin.
    match body.find("#kopgegevens(") {
        Some(at) => format!(
            "#[\n{}{}{}\n]\n",
            &body[..at],
            bookmark(&part.title),
            &body[at..]
        ),
        None => format!("#[\n{}{body}\n]\n", bookmark(&part.title)),
    }
}
