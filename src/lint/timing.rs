//! Timing across a dossier's documents: the order of plan and
//! bijstellingen, the plan's deadline, evaluation intervals and chronology.
//! Steps that are missing altogether are in `steps`.

use chrono::NaiveDate;

use crate::case::timeline::{Timeline, verloop};
use crate::case::{DocKind, Document, Dossier, Node, Party, Pos, date, paths};
use crate::diag::Diagnostic;
use crate::law;

use crate::rules;

/// A date read from the case, with where it was written.
pub(super) struct Dated {
    pub(super) day: NaiveDate,
    pub(super) pos: Pos,
}

pub(super) fn dated(node: Option<&Node>) -> Option<Dated> {
    let node = node?;
    Some(Dated {
        day: node.as_date()?,
        pos: node.pos.clone(),
    })
}

/// Runs every timing rule on a dossier whose time is `timeline`.
pub(super) fn dossier(dossier: &Dossier, timeline: Option<&Timeline>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    structure(dossier, &mut out);
    for doc in &dossier.documents {
        evaluations(doc, &mut out);
        signature_dates(doc, &mut out);
    }
    let Some(timeline) = timeline else {
        return out;
    };
    let Some(first) = dated(dossier.base.get(paths::EERSTE_ZIEKTEDAG)) else {
        return out;
    };
    verloop_rows(dossier, &first, &mut out);
    probleemanalyse(dossier, &first, timeline, &mut out);
    if let Some(plan) = plan(dossier) {
        plan_timing(plan, timeline, &mut out);
    }
    verkort(dossier, timeline, &mut out);
    bijstellingen(dossier, &mut out);
    for doc in &dossier.documents {
        report_timing(doc, timeline, &mut out);
    }
    out
}

/// The eerstejaarsevaluatie in weeks 46–52 (D + 315 … D + 363), the
/// eindevaluatie by D + 637, a verkort re-integratieverslag only for
/// employment ending within ten weeks. The days are the table's (`law`).
fn report_timing(doc: &Document, timeline: &Timeline, out: &mut Vec<Diagnostic>) {
    let Some(day) = dated(doc.get(paths::DATUM)) else {
        return;
    };
    let from = timeline.after_days(law::EERSTEJAARS_FROM);
    let until = timeline.after_days(law::EERSTEJAARS_UNTIL);
    let verslag_due = timeline.after_days(law::VERSLAG_DAY);
    let Some(kind) = doc.kind else { return };
    match kind {
        DocKind::Eerstejaars if day.day < from || day.day > until => {
            let when = if day.day < from {
                "te vroeg"
            } else {
                "te laat"
            };
            out.push(Diagnostic::new(&rules::EERSTEJAARS_WINDOW, &day.pos, format!(
                "deze eerstejaarsevaluatie ({}) is {when}: ze hoort in week 46 tot en met 52, van {} tot en met {}",
                date::short(day.day), date::short(from), date::short(until)
            )).hint("plan de eerstejaarsevaluatie aan het einde van het eerste ziektejaar; `pva agenda` toont de data"));
        }
        DocKind::Eind if day.day > verslag_due && timeline.employment_end.is_none() => {
            out.push(Diagnostic::new(&rules::EIND_LATE, &day.pos, format!(
                "deze eindevaluatie ({}) is te laat: het re-integratieverslag moest uiterlijk 13 weken voor het einde van de wachttijd klaar zijn, op {}",
                date::short(day.day), date::short(verslag_due)
            )));
        }
        DocKind::Verkort if !timeline.ends_within_ten_weeks() && !no_long_absence(doc) => {
            let why = match timeline.employment_end {
                Some(end) => format!(
                    "het dienstverband eindigt op {}, niet binnen tien weken na de eerste ziektedag",
                    date::short(end)
                ),
                None => format!(
                    "er staat geen einde dienstverband (`{}`) in het dossier",
                    paths::EINDE_DIENSTVERBAND
                ),
            };
            out.push(Diagnostic::new(&rules::VERKORT_NOT_ALLOWED, &day.pos, format!(
                "een verkort re-integratieverslag is hier niet van toepassing: {why}"
            )).hint("maak het volledige re-integratieverslag (plan, evaluaties, eindevaluatie), of vul het einde van het dienstverband in"));
        }
        // In their window, or kinds without one.
        DocKind::Eerstejaars
        | DocKind::Eind
        | DocKind::Verkort
        | DocKind::Plan
        | DocKind::Bijstelling
        | DocKind::Evaluatie => {}
    }
}

/// The verkort verslag's other ground (RIVV art. 2a lid 1): the bedrijfsarts
/// expected no dreigend langdurig verzuim, so there was no plan.
fn no_long_absence(doc: &Document) -> bool {
    doc.text(paths::GROND_VERKORT).as_deref() == Some(crate::case::schema::GEEN_DREIGEND_VERZUIM)
}

fn plan(dossier: &Dossier) -> Option<&Document> {
    dossier
        .documents
        .iter()
        .find(|d| d.kind == Some(DocKind::Plan))
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

/// The verloop's own order (a new period in it: `periods`).
fn verloop_rows(dossier: &Dossier, first: &Dated, out: &mut Vec<Diagnostic>) {
    let mut previous: Option<NaiveDate> = None;
    for step in verloop(&dossier.base) {
        if step.date < first.day {
            out.push(Diagnostic::new(
                &rules::VERLOOP,
                &step.pos,
                format!(
                    "deze datum ({}) ligt voor de eerste ziektedag ({})",
                    date::short(step.date),
                    date::short(first.day)
                ),
            ));
        } else if previous.is_some_and(|p| step.date <= p) {
            out.push(Diagnostic::new(&rules::VERLOOP, &step.pos, "de data van het verloop moeten oplopen: deze regel is niet later dan de vorige").hint("zet de regels op volgorde van datum"));
        }
        previous = Some(step.date);
    }
}

fn probleemanalyse(
    dossier: &Dossier,
    first: &Dated,
    timeline: &Timeline,
    out: &mut Vec<Diagnostic>,
) {
    let base = &dossier.base;
    if let Some(pa) = dated(base.get(paths::PROBLEEMANALYSE_DATUM)) {
        if pa.day < first.day {
            out.push(Diagnostic::new(
                &rules::CHRONOLOGY,
                &pa.pos,
                "de probleemanalyse is gedateerd voor de eerste ziektedag",
            ));
        } else if pa.day > timeline.week(6) {
            out.push(Diagnostic::new(&rules::PROBLEEMANALYSE_LATE, &pa.pos, format!(
                "de probleemanalyse ({}) is na week 6 gemaakt; de termijn liep tot en met {}",
                date::short(pa.day), date::short(timeline.week(6))
            )).hint("leg in de notities van het plan uit waarom de probleemanalyse later kwam (Regeling procesgang art. 5: gemotiveerd afwijken)"));
        }
    }
    received_after_made(base.get(paths::PROBLEEMANALYSE), out);
    for row in base
        .get(paths::PROBLEEMANALYSE_BIJSTELLINGEN)
        .map(Node::items)
        .unwrap_or_default()
    {
        received_after_made(Some(row), out);
    }
    let birth = dated(base.get(paths::GEBOORTEDATUM)).filter(|b| b.day >= first.day);
    if let Some(birth) = birth {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &birth.pos,
            "de geboortedatum ligt niet voor de eerste ziektedag",
        ));
    }
    if let Some(end) = dated(base.get(paths::EINDE_DIENSTVERBAND)).filter(|e| e.day < first.day) {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &end.pos,
            format!(
                "het dienstverband eindigt ({}) voor de eerste ziektedag ({})",
                date::short(end.day),
                date::short(first.day)
            ),
        ));
    }
}

/// An analysis cannot be received before the bedrijfsarts made it.
fn received_after_made(analysis: Option<&Node>, out: &mut Vec<Diagnostic>) {
    let Some(analysis) = analysis else { return };
    let made = dated(analysis.child("datum"));
    let received = dated(analysis.child("ontvangen_op"));
    if let (Some(made), Some(received)) = (made, received)
        && received.day < made.day
    {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &received.pos,
            format!(
                "ontvangen op {}, voor de datum van de probleemanalyse zelf ({})",
                date::short(received.day),
                date::short(made.day)
            ),
        ).hint("controleer beide data: de werkgever ontvangt de probleemanalyse op of na de dag dat de bedrijfsarts haar maakte"));
    }
}

fn plan_timing(plan: &Document, timeline: &Timeline, out: &mut Vec<Diagnostic>) {
    let Some(day) = dated(plan.get(paths::DATUM)) else {
        return;
    };
    let week8 = timeline.week(8);
    // When the bedrijfsarts first saw no possibilities, the plan follows the
    // bijstelling that does (PVA011 judges that), not week 8.
    let waited = timeline.analyses.first().is_some_and(|a| !a.advises_plan);
    if day.day > week8 && !waited && plan.long_text(paths::REDEN_TE_LAAT).is_none() {
        out.push(Diagnostic::new(&rules::PLAN_LATE, &day.pos, format!(
            "het Plan van aanpak is op {} opgesteld, meer dan acht weken na de eerste ziektedag (uiterlijk {}); het formulier vraagt dan de reden",
            date::short(day.day), date::short(week8)
        )).hint("vul `reden_te_laat` in of schrijf de reden onder `## Reden te laat`").key(paths::REDEN_TE_LAAT));
    }
    let analysis = timeline
        .analyses
        .iter()
        .find(|a| a.advises_plan)
        .and_then(|a| a.effective());
    if let Some(pa) = analysis {
        if day.day < pa {
            out.push(Diagnostic::new(
                &rules::CHRONOLOGY,
                &day.pos,
                "het Plan van aanpak is gedateerd voor de probleemanalyse waarop het gebaseerd is",
            ));
        } else if (day.day - pa).num_days() > 14 {
            out.push(Diagnostic::new(&rules::PLAN_AFTER_ANALYSIS, &day.pos, format!(
                "het Plan van aanpak is {} dagen na de probleemanalyse ({}) opgesteld; de termijn is twee weken",
                (day.day - pa).num_days(), date::short(pa)
            )));
        }
    }
    if day.day < timeline.first {
        out.push(Diagnostic::new(
            &rules::CHRONOLOGY,
            &day.pos,
            "het Plan van aanpak is gedateerd voor de eerste ziektedag",
        ));
    }
}

/// Employment ending within ten weeks asks for a verkort re-integratieverslag.
/// A plan made before the end stays valid: a notice, never a block.
fn verkort(dossier: &Dossier, timeline: &Timeline, out: &mut Vec<Diagnostic>) {
    let asks_verkort = timeline.ends_within_ten_weeks() && timeline.verslag_at_end_of_employment();
    if plan(dossier).is_none() || !asks_verkort {
        return;
    }
    if let Some(end) = dated(dossier.base.get(paths::EINDE_DIENSTVERBAND)) {
        out.push(Diagnostic::new(&rules::VERKORT, &end.pos, format!(
            "het dienstverband eindigt op {}, binnen tien weken na de eerste ziektedag: het Verkort re-integratieverslag (UWV) volstaat; het Plan van aanpak blijft deel van het dossier",
            date::short(end.day)
        )));
    }
}

/// Bijstellingen come after the plan and after each other; one whose
/// einddoel equals the einddoel in force before it is flagged.
fn bijstellingen(dossier: &Dossier, out: &mut Vec<Diagnostic>) {
    let bijstellingen = dossier
        .documents
        .iter()
        .filter(|d| d.kind == Some(DocKind::Bijstelling));
    let mut history: Vec<(&Document, Dated)> = plan(dossier)
        .into_iter()
        .chain(bijstellingen)
        .filter_map(|d| dated(d.get(paths::DATUM)).map(|day| (d, day)))
        .collect();
    history.sort_by_key(|(d, day)| (d.kind != Some(DocKind::Plan), day.day));
    let mut in_force = history
        .first()
        .and_then(|(plan, _)| plan.text(paths::EINDDOEL));
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
        let keuze = doc.text(paths::EINDDOEL);
        let unchanged =
            keuze.as_deref() == Some("ongewijzigd") || (keuze.is_some() && keuze == in_force);
        if unchanged {
            let pos = doc
                .get(paths::EINDDOEL)
                .map_or_else(|| doc.start(), |n| n.pos.clone());
            out.push(Diagnostic::new(&rules::BIJSTELLING_UNCHANGED, &pos, "het einddoel is niet gewijzigd: volgens ArboNed is een bijstelling alleen nodig als het einddoel wijzigt")
                .hint("het UWV-formulier legt nieuwe afspraken of re-integratieactiviteiten wel vast in een Bijstelling Plan van aanpak; ArboNed alleen bij een nieuw einddoel. Kies wat bij uw afspraken past, of leg ze vast in een evaluatieverslag"));
        } else if keuze.is_some() {
            in_force = keuze;
        }
    }
}

/// Evaluation moments at most six weeks apart, starting from the document date.
fn evaluations(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(start) = dated(doc.get(paths::DATUM)) else {
        return;
    };
    let mut moments: Vec<Dated> = doc
        .get(paths::EVALUATIES)
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
    let Some(start) = dated(doc.get(paths::DATUM)) else {
        return;
    };
    for party in Party::BOTH {
        let who = party.key();
        if let Some(signed) = dated(doc.get(party.signature().datum)).filter(|s| s.day < start.day)
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
