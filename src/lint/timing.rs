//! Timing across a dossier's documents: the Poortwachter deadlines, the
//! order of plan and bijstellingen, evaluation intervals and chronology.

use chrono::NaiveDate;

use crate::case::{DocKind, Document, Dossier, Node, Pos, date};
use crate::diag::Diagnostic;

use super::deadline::{Counting, Standing, Step, standing};
use super::rules;

/// A date read from the case, with where it was written.
struct Dated {
    day: NaiveDate,
    pos: Pos,
}

fn dated(node: Option<&Node>) -> Option<Dated> {
    let node = node?;
    Some(Dated {
        day: date::parse(&node.text()?)?,
        pos: node.pos.clone(),
    })
}

/// Runs every timing rule on a dossier, judged on `today`.
pub fn dossier(dossier: &Dossier, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    structure(dossier, &mut out);
    let Some(first) = dated(dossier.base.get("verzuim.eerste_ziektedag")) else {
        return out;
    };
    let counting = counting(dossier, &first, &mut out);
    let plans: Vec<&Document> = dossier
        .documents
        .iter()
        .filter(|d| d.kind == Some(DocKind::Plan))
        .collect();
    probleemanalyse(dossier, &first, &counting, &mut out);
    if let Some(plan) = plans.first() {
        plan_timing(dossier, plan, &counting, &mut out);
    } else {
        plan_missing(dossier, &first, &counting, today, &mut out);
    }
    bijstellingen(dossier, &mut out);
    for doc in &dossier.documents {
        evaluations(doc, &mut out);
        signature_dates(doc, &mut out);
    }
    out
}

/// At most one plan; a bijstelling needs a plan.
fn structure(dossier: &Dossier, out: &mut Vec<Diagnostic>) {
    let plans: Vec<&Document> = dossier
        .documents
        .iter()
        .filter(|d| d.kind == Some(DocKind::Plan))
        .collect();
    for extra in plans.iter().skip(1) {
        out.push(Diagnostic::in_file(&rules::DOSSIER, &extra.path, format!("dit dossier heeft al een Plan van aanpak ({}); een dossier heeft er één", plans[0].path.display()))
            .hint("leg wijzigingen vast in een Bijstelling (document: bijstelling), of verplaats dit plan naar het dossier van een andere ziekteperiode"));
    }
    // A document that could not be read may be the plan.
    if plans.is_empty() && dossier.diagnostics.is_empty() {
        for doc in dossier
            .documents
            .iter()
            .filter(|d| d.kind == Some(DocKind::Bijstelling))
        {
            out.push(Diagnostic::in_file(&rules::DOSSIER, &doc.path, "deze Bijstelling heeft geen Plan van aanpak in hetzelfde dossier om bij te stellen")
                .hint("voeg het Plan van aanpak toe aan deze dossiermap"));
        }
    }
}

/// The counting of this dossier, with breaks from `verzuim.verloop`; reports
/// verloop problems and a new period that should have its own first day.
fn counting(dossier: &Dossier, first: &Dated, out: &mut Vec<Diagnostic>) -> Counting {
    let rows = dossier
        .base
        .get("verzuim.verloop")
        .map(Node::items)
        .unwrap_or_default();
    let mut steps = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    for row in rows {
        let Some(day) = dated(row.child("datum")) else {
            continue;
        };
        let percentage = row
            .child("percentage")
            .and_then(Node::scalar)
            .and_then(|p| p.parse::<f64>().ok())
            .unwrap_or(0.0);
        if day.day < first.day {
            out.push(Diagnostic::new(
                &rules::VERLOOP,
                &day.pos,
                format!(
                    "deze datum ({}) ligt voor de eerste ziektedag ({})",
                    date::short(day.day),
                    date::short(first.day)
                ),
            ));
        } else if previous.is_some_and(|p| day.day <= p) {
            out.push(Diagnostic::new(&rules::VERLOOP, &day.pos, "de data van het verloop moeten oplopen: deze regel is niet later dan de vorige").hint("zet de regels op volgorde van datum"));
        }
        previous = Some(day.day);
        steps.push(Step {
            date: day.day,
            percentage,
        });
    }
    let (counting, new_period) = Counting::from_verloop(first.day, &steps);
    if let Some(period) = new_period {
        out.push(Diagnostic::new(&rules::VERLOOP, &first.pos, format!(
            "volgens het verloop begint op {} een nieuwe ziekteperiode (na 4 weken of meer hersteld); de eerste ziektedag van dit dossier moet dan {} zijn",
            date::short(period.start), period.start
        )).hint("begin voor de nieuwe periode een nieuw dossier, of pas verzuim.eerste_ziektedag aan"));
    }
    counting
}

fn probleemanalyse(
    dossier: &Dossier,
    first: &Dated,
    counting: &Counting,
    out: &mut Vec<Diagnostic>,
) {
    let Some(pa) = dated(dossier.base.get("probleemanalyse.datum")) else {
        return;
    };
    if pa.day < first.day {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &pa.pos,
            "de probleemanalyse is gedateerd voor de eerste ziektedag",
        ));
    } else if pa.day > counting.week(6) {
        out.push(Diagnostic::new(&rules::PROBLEEMANALYSE_LATE, &pa.pos, format!(
            "de probleemanalyse ({}) is na week 6 gemaakt; de termijn liep tot en met {}",
            date::short(pa.day), date::short(counting.week(6))
        )).hint("leg in de notities van het plan uit waarom de probleemanalyse later kwam (Regeling procesgang art. 5: gemotiveerd afwijken)"));
    }
    if let Some(birth) =
        dated(dossier.base.get("werknemer.geboortedatum")).filter(|b| b.day >= first.day)
    {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &birth.pos,
            "de geboortedatum ligt niet voor de eerste ziektedag",
        ));
    }
}

fn plan_timing(dossier: &Dossier, plan: &Document, counting: &Counting, out: &mut Vec<Diagnostic>) {
    let Some(day) = dated(plan.get("datum")) else {
        return;
    };
    let week8 = counting.week(8);
    if day.day > week8 && plan.long_text("reden_te_laat").is_none() {
        out.push(Diagnostic::new(&rules::PLAN_LATE, &day.pos, format!(
            "het Plan van aanpak is op {} opgesteld, meer dan acht weken na de eerste ziektedag (uiterlijk {}); het formulier vraagt dan de reden",
            date::short(day.day), date::short(week8)
        )).hint("vul `reden_te_laat` in of schrijf de reden onder `## Reden te laat`"));
    }
    let analysis = dated(plan.get("probleemanalyse.ontvangen_op"))
        .or_else(|| dated(plan.get("probleemanalyse.datum")));
    if let Some(pa) = analysis {
        if day.day < pa.day {
            out.push(Diagnostic::new(
                &rules::CHRONOLOGY,
                &day.pos,
                "het Plan van aanpak is gedateerd voor de probleemanalyse waarop het gebaseerd is",
            ));
        } else if (day.day - pa.day).num_days() > 14 {
            out.push(Diagnostic::new(&rules::PLAN_AFTER_ANALYSIS, &day.pos, format!(
                "het Plan van aanpak is {} dagen na de probleemanalyse ({}) opgesteld; de termijn is twee weken",
                (day.day - pa.day).num_days(), date::short(pa.day)
            )));
        }
    }
    if day.day < counting.first {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &day.pos,
            "het Plan van aanpak is gedateerd voor de eerste ziektedag",
        ));
    }
    if let Some(end) = dated(dossier.base.get("verzuim.einde_dienstverband"))
        .filter(|e| e.day < counting.after_days(70))
    {
        out.push(Diagnostic::new(&rules::VERKORT, &end.pos, format!(
            "het dienstverband eindigt op {}, binnen tien weken na de eerste ziektedag: maak geen Plan van aanpak maar een Verkort re-integratieverslag (UWV)",
            date::short(end.day)
        )));
    }
}

fn plan_missing(
    dossier: &Dossier,
    first: &Dated,
    counting: &Counting,
    today: NaiveDate,
    out: &mut Vec<Diagnostic>,
) {
    let ends_early = dated(dossier.base.get("verzuim.einde_dienstverband"))
        .is_some_and(|e| e.day < counting.after_days(70));
    let recovered = dossier
        .base
        .get("verzuim.verloop")
        .and_then(|v| v.items().last())
        .and_then(|r| r.child("percentage"))
        .and_then(Node::scalar)
        .as_deref()
        == Some("0");
    // A document that could not be read may be the plan: do not guess.
    let unknown = dossier.documents.iter().any(|d| d.kind.is_none());
    if ends_early || recovered || unknown || !dossier.diagnostics.is_empty() {
        return;
    }
    let due = counting.week(8);
    let mut diag = match standing(today, due) {
        Standing::Ahead => return,
        Standing::Due => Diagnostic::new(
            &rules::DOCUMENT_MISSING,
            &first.pos,
            format!(
                "het Plan van aanpak moet uiterlijk {} klaar zijn en staat nog niet in dit dossier",
                date::short(due)
            ),
        ),
        Standing::Late => Diagnostic::new(
            &rules::DOCUMENT_MISSING,
            &first.pos,
            format!(
                "er is geen Plan van aanpak in dit dossier, terwijl de termijn op {} verstreek",
                date::short(due)
            ),
        ),
    };
    if standing(today, due) == Standing::Due {
        diag.severity = crate::diag::Severity::Warning;
    }
    out.push(diag.hint(format!(
        "maak het plan met `pva new plan {}`",
        dossier.dir.display()
    )));
}

/// Bijstellingen come after the plan and after each other; one that keeps
/// the einddoel is flagged.
fn bijstellingen(dossier: &Dossier, out: &mut Vec<Diagnostic>) {
    let plan = dossier
        .documents
        .iter()
        .find(|d| d.kind == Some(DocKind::Plan));
    let bijstellingen = dossier
        .documents
        .iter()
        .filter(|d| d.kind == Some(DocKind::Bijstelling));
    let mut history: Vec<(&Document, Dated)> = plan
        .into_iter()
        .chain(bijstellingen)
        .filter_map(|d| dated(d.get("datum")).map(|day| (d, day)))
        .collect();
    history.sort_by_key(|(d, day)| (d.kind != Some(DocKind::Plan), day.day));
    for pair in history.windows(2) {
        let ((before, before_day), (doc, day)) = (&pair[0], &pair[1]);
        if day.day <= before_day.day {
            out.push(
                Diagnostic::new(
                    &rules::BIJSTELLING_ORDER,
                    &day.pos,
                    format!(
                        "deze Bijstelling ({}) is niet later dan {} ({})",
                        date::short(day.day),
                        before.path.display(),
                        date::short(before_day.day)
                    ),
                )
                .hint("een bijstelling volgt op het plan: controleer de datum"),
            );
        }
        let keuze = doc.text("einddoel.keuze");
        let previous = before.text("einddoel.keuze");
        if keuze.as_deref() == Some("ongewijzigd") || (keuze.is_some() && keuze == previous) {
            let pos = doc
                .get("einddoel.keuze")
                .map_or_else(|| doc.start(), |n| n.pos.clone());
            out.push(Diagnostic::new(&rules::BIJSTELLING_UNCHANGED, &pos, "het einddoel is niet gewijzigd: een bijstelling is alleen nodig als het einddoel wijzigt")
                .hint("nieuwe afspraken zonder nieuw einddoel passen ook in het verslag van een evaluatie"));
        }
    }
}

/// Evaluation moments at most six weeks apart, starting from the document date.
fn evaluations(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(start) = dated(doc.get("datum")) else {
        return;
    };
    let mut moments: Vec<Dated> = doc
        .get("evaluaties")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|r| dated(r.child("wanneer")))
        .collect();
    moments.sort_by_key(|m| m.day);
    let mut previous = start.day;
    for moment in moments {
        if moment.day < start.day {
            out.push(Diagnostic::new(
                &rules::CHRONOLOGY,
                &moment.pos,
                "dit evaluatiemoment ligt voor de datum van het document",
            ));
            continue;
        }
        let gap = (moment.day - previous).num_days();
        if gap > 42 {
            out.push(Diagnostic::new(&rules::EVALUATION_GAP, &moment.pos, format!(
                "tussen {} en dit evaluatiemoment ({}) zitten {gap} dagen; spreek minimaal eens per zes weken (42 dagen) af",
                date::short(previous), date::short(moment.day)
            )).hint("voeg een evaluatiemoment toe in `evaluaties`"));
        }
        previous = moment.day;
    }
}

fn signature_dates(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(start) = dated(doc.get("datum")) else {
        return;
    };
    for who in ["werknemer", "werkgever"] {
        if let Some(signed) =
            dated(doc.get(&format!("ondertekening.{who}.datum"))).filter(|s| s.day < start.day)
        {
            out.push(Diagnostic::new(
                &rules::CHRONOLOGY,
                &signed.pos,
                format!(
                    "de {who} tekende op {}, voor de datum van het document ({})",
                    date::short(signed.day),
                    date::short(start.day)
                ),
            ));
        }
    }
}
