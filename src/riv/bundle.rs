//! The bound copy of the whole re-integratieverslag for the werknemer: one
//! Typst document (so PDF/A and the page numbering hold across it) with a
//! cover of the dates that apply to this dossier, a table of contents, a
//! bookmark per part, and every part in date order: the documents the
//! werkgever wrote, and the arbodienst's and the werknemer's own PDFs bound
//! in as pages (typst places PDF pages as images), each under the copy's
//! one header and a dated footer.

use chrono::NaiveDate;

use crate::case::timeline::Timeline;
use crate::case::{Dossier, date, paths};
use crate::law;
use crate::markdown::typst_str;

/// One part written by the werkgever: its bookmark title and its generated Typst.
pub(super) struct Part {
    /// "Plan van aanpak, 18-12-2025".
    pub title: String,
    /// "Plan van aanpak", for the header of its signed pages.
    pub kind: &'static str,
    /// Its date, for the order of the parts.
    pub day: NaiveDate,
    /// The document's own generated Typst source.
    pub source: String,
    /// Which version the copy shows.
    pub version: Version,
}

/// Which version of a part the bound copy shows.
pub(super) enum Version {
    /// The signed copy's pages (what UWV receives), instead of pva's text.
    Signed {
        /// The signed copy's file name in the dossier.
        file: String,
        /// Its pages as images in typst's world.
        pages: Vec<String>,
        /// The fingerprint it carries, when pva made it.
        fingerprint: Option<String>,
    },
    /// A signed copy whose pages could not be rendered: pva's text, saying
    /// the signed copy is the one in the set.
    SignedNotBound {
        /// The signed copy's file name in the dossier.
        file: String,
    },
    /// No signed copy: pva's text without signatures, saying so.
    Unsigned {
        /// The signature dates in the dossier, as printed ("17-10-2024 en
        /// 18-10-2024"), when both parties signed.
        dates: Option<String>,
    },
}

/// A PDF of another author (the arbodienst, the werknemer) bound in.
pub(super) struct Received {
    /// "Probleemanalyse (arbodienst)".
    pub title: String,
    /// Its date, for the order and its footer.
    pub day: NaiveDate,
    /// The file name beside the bundle.
    pub file: String,
    /// Its pages as images in typst's world; `None`: unreadable, named
    /// but not bound in.
    pub pages: Option<Vec<String>>,
}

/// The Typst source of the bound copy, dated `today`.
pub(super) fn source(
    dossier: &Dossier,
    timeline: &Timeline,
    parts: &[Part],
    received: &[Received],
    today: NaiveDate,
) -> String {
    let mut out = String::from("#import \"pva.typ\": *\n");
    out.push_str(&cover(dossier, timeline, today));
    // The cover's footer has no fingerprint (the footer shows the first
    // fingerprint on or after its page).
    out.push_str(&fingerprint_mark(None));
    // Parts by date; on one day the received documents (the advice) first.
    let mut ordered: Vec<(NaiveDate, u8, String)> = received
        .iter()
        .map(|r| (r.day, 0, received_part(dossier, r)))
        .chain(parts.iter().map(|p| (p.day, 1, werkgever_part(dossier, p))))
        .collect();
    ordered.sort_by_key(|(day, order, _)| (*day, *order));
    for (_, _, part) in ordered {
        out.push_str(&part);
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

/// The page setup of a part: its title in the header beside the copy's
/// one name, its date in the footer.
fn header(dossier: &Dossier, titel: &str, datum: &str) -> String {
    format!(
        "#show: formulier.with(titel: {})\n#kopgegevens(werknemer: {}, bsn: {}, datum: {}, uitgever: \"Kopie voor de werknemer\")\n",
        typst_str(titel),
        typst_str(&text(dossier, paths::WERKNEMER_NAAM)),
        typst_str(&text(dossier, paths::BSN)),
        typst_str(datum),
    )
}

/// The cover: who, and the dates of the law that apply to this dossier. A
/// period that ended (employment, recovery) before a week's end has no
/// such date.
fn cover(dossier: &Dossier, t: &Timeline, today: NaiveDate) -> String {
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
    // Only the dates that apply; the days are the law table's (`law`).
    let over = t.end().map(|end| end.from);
    let applies = |day: NaiveDate| over.is_none_or(|from| day < from);
    let (from, until) = (
        t.after_days(law::EERSTEJAARS_FROM),
        t.after_days(law::EERSTEJAARS_UNTIL),
    );
    if applies(until) {
        rows += &row(
            "Eerstejaarsevaluatie (week 46 tot en met 52)",
            format!("{} tot en met {}", date::short(from), date::short(until)),
        );
    }
    let verslag = t.after_days(law::VERSLAG_DAY);
    if applies(verslag) {
        rows += &row(
            "Re-integratieverslag klaar (uiterlijk 13 weken voor het einde van de wachttijd)",
            date::short(verslag),
        );
    }
    if applies(t.last_day()) {
        rows += &row("Laatste dag van de 104 weken", date::short(t.last_day()));
    }
    for (datum, vraag, uitkomst) in deskundigenoordelen(dossier) {
        rows += &row(
            &format!("Deskundigenoordeel van UWV, {datum}"),
            format!("{vraag}: {uitkomst}"),
        );
    }
    if let Some(end) = t.employment_end {
        rows += &row("Laatste dag van het dienstverband", date::short(end));
    }
    format!(
        "#[\n{}#uitleg[Kopie van het re-integratieverslag voor de werknemer: alle onderdelen in volgorde van datum, met de documenten van de arbodienst (probleemanalyse, actueel oordeel) en het eigen oordeel van de werknemer zoals ontvangen. De medische informatie gaat niet via de werkgever: de werknemer stuurt die zelf in een gesloten envelop naar UWV.]\n#sectie(\"\", \"Gegevens\")[\n  #velden(\n{rows}  )\n]\n#sectie(\"\", \"Inhoud\")[\n  #outline(title: none, target: heading.where(level: 1))\n]\n]\n",
        header(dossier, "Re-integratieverslag", &date::short(today))
    )
}

/// (date, question, outcome) of each deskundigenoordeel recorded.
fn deskundigenoordelen(dossier: &Dossier) -> Vec<(String, String, String)> {
    let field = |row: &crate::case::Node, key: &str| {
        row.child(key)
            .and_then(crate::case::Node::text)
            .unwrap_or_default()
    };
    dossier
        .base
        .get(paths::DESKUNDIGENOORDELEN)
        .map(crate::case::Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| {
            let day = row.child("datum")?.as_date()?;
            Some((
                date::short(day),
                field(row, "vraag"),
                field(row, "uitkomst"),
            ))
        })
        .collect()
}

/// A bookmark and table-of-contents entry that takes no space.
fn bookmark(title: &str) -> String {
    format!(
        "#place(hide(heading(level: 1, outlined: true, bookmarked: true, {})))\n",
        typst_str(title)
    )
}

/// A received PDF, page by page, each scaled into the page's body under
/// the copy's header and footer; unreadable, a page saying so.
fn received_part(dossier: &Dossier, item: &Received) -> String {
    let title = format!("{}, {}", item.title, date::short(item.day));
    let mut out = format!(
        "#[\n{}{}",
        header(dossier, &item.title, &date::short(item.day)),
        bookmark(&title)
    );
    match &item.pages {
        Some(pages) => out.push_str(&page_images(&title, "zoals ontvangen", pages, "88%")),
        None => out.push_str(&format!(
            "#uitleg[Dit document kon niet als pagina's worden ingebonden; het staat als eigen bestand naast deze kopie: {}]\n",
            crate::markdown::typst_markup(&item.file)
        )),
    }
    out.push_str(&fingerprint_mark(None));
    out.push_str("]\n");
    out
}

/// The pages of a PDF as images, each scaled into the page's body; the
/// first shares its body with the part's title (`first` of its height).
fn page_images(title: &str, how: &str, pages: &[String], first: &str) -> String {
    let count = pages.len();
    let mut out = String::new();
    for (i, asset) in pages.iter().enumerate() {
        let alt = format!("{title}: pagina {} van {count}, {how}", i + 1);
        let height = if i == 0 { first } else { "100%" };
        if i > 0 {
            out.push_str("#pagebreak()\n");
        }
        out.push_str(&format!(
            "#align(center, image({}, width: 100%, height: {height}, fit: \"contain\", alt: {}))\n",
            typst_str(asset),
            typst_str(&alt)
        ));
    }
    out
}

/// The fingerprint the footers of the pages up to here show (`none`: no
/// fingerprint, for pages pva did not make from a document's text).
fn fingerprint_mark(fingerprint: Option<&str>) -> String {
    let value = fingerprint.map_or_else(|| "none".to_string(), typst_str);
    format!(
        "#metadata({value}) <{}>\n",
        crate::render::FINGERPRINT_LABEL
    )
}

/// A line at the top of a part that says which version it is.
fn version_note(text: &str) -> String {
    format!("#block(width: 100%, inset: 6pt, stroke: 0.75pt + accent, below: 1em)[{text}]\n")
}

/// A part of the werkgever: its signed copy's pages, or pva's text of it,
/// each saying which version it is.
fn werkgever_part(dossier: &Dossier, part: &Part) -> String {
    let Version::Signed {
        file,
        pages,
        fingerprint,
    } = &part.version
    else {
        return document_part(part);
    };
    let note = format!(
        "*Getekende versie.* De pagina's hieronder zijn de getekende kopie uit het dossier ({}), zoals UWV die ontvangt.",
        crate::markdown::typst_markup(file)
    );
    format!(
        "#[\n{}{}{}{}{}]\n",
        header(dossier, part.kind, &date::short(part.day)),
        bookmark(&part.title),
        version_note(&note),
        page_images(&part.title, "getekende kopie", pages, "82%"),
        fingerprint_mark(fingerprint.as_deref()),
    )
}

/// A document's own source, without its import and its `set document`
/// (the bundle has one of each), in a block of its own, under a line that
/// says it is not the signed copy; its fingerprint stays in its footer.
fn document_part(part: &Part) -> String {
    let body = part
        .source
        .strip_prefix("#import \"pva.typ\": *\n")
        .unwrap_or(&part.source);
    let label = format!("<{}>", crate::render::FINGERPRINT_LABEL);
    let mark = body
        .lines()
        .rfind(|l| l.starts_with("#metadata(") && l.ends_with(&label))
        .map_or_else(|| fingerprint_mark(None), |l| format!("{l}\n"));
    let body = body
        .find("\n// Last, so that")
        .map_or(body, |end| &body[..end]);
    let note = match &part.version {
        Version::Unsigned { dates: Some(dates) } => format!(
            "*Ongetekende versie.* De getekende kopie van dit onderdeel staat niet in het dossier; volgens het dossier tekenden beide partijen op {dates}. Hieronder de tekst zoals pva die opmaakte, zonder handtekeningen."
        ),
        Version::Unsigned { dates: None } => "*Ongetekende versie.* Dit onderdeel is niet door beide partijen ondertekend. Hieronder de tekst zoals pva die opmaakte, zonder handtekeningen.".to_string(),
        Version::SignedNotBound { file } | Version::Signed { file, .. } => format!(
            "*Tekst van de getekende versie.* De getekende kopie ({}) kon niet als pagina's worden ingebonden; zij gaat zoals ze is naar UWV. Hieronder de tekst zoals pva die opmaakte, zonder handtekeningen.",
            crate::markdown::typst_markup(file)
        ),
    };
    // The bookmark and the note go inside the form's body, where its pages begin.
    let head = format!("{}{}", bookmark(&part.title), version_note(&note));
    match body.find("#kopgegevens(") {
        Some(at) => format!("#[\n{}{head}{}\n{mark}]\n", &body[..at], &body[at..]),
        None => format!("#[\n{head}{body}\n{mark}]\n"),
    }
}
