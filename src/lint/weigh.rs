//! What UWV weighs beyond the steps' due days (Beleidsregels
//! beoordelingskader poortwachter): evaluations actually held, the plan
//! adjusted after new advice, spoor 2 and the arbeidsdeskundig onderzoek
//! where the einddoel asks them, and a document one party will not sign.
//! Each a warning with its source (in the rule) and a fix. `pva riv` reads
//! the same checks for its verdicts.

use chrono::{Duration, NaiveDate};

use crate::case::{DocKind, Document, Node, Party, Pos, date, paths};
use crate::diag::Diagnostic;
use crate::law::Case;
use crate::rules;

/// Held evaluations may lie at most this many days apart.
pub const EVALUATION_DAYS: i64 = 42;
/// A plan is adjusted within this many days of new advice (RPG art. 4 lid 1 and 5).
pub const BIJSTELLING_DAYS: i64 = 14;
/// Signed by one party for longer than this: a disagreement.
pub const ONE_SIGNATURE_DAYS: i64 = 14;
/// From week 52 (D + 357) UWV expects an arbeidsdeskundig onderzoek for an
/// einddoel other than the own work.
pub const ARBEIDSDESKUNDIG_FROM: i64 = 357;

/// Every weighing finding of a dossier.
pub fn dossier(case: &Case) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    out.extend(evaluation_finding(case));
    out.extend(bijstelling_findings(case));
    out.extend(spoor_2_contradicts(case));
    out.extend(arbeidsdeskundig(case));
    out.extend(one_signature(case));
    out
}

/// A stretch without a held evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The plan's date or the last evaluation held.
    pub from: NaiveDate,
    /// The next evaluation held, or the end of the stretch judged.
    pub until: NaiveDate,
    /// Days between them.
    pub days: i64,
}

/// The evaluations held while the plan runs, and the gaps over 42 days.
#[derive(Debug, Clone, Default)]
pub struct Evaluations {
    /// The day the signed plan of the period starts; `None` without one.
    pub runs_from: Option<NaiveDate>,
    /// Where the plan's date is written.
    pub plan: Option<Pos>,
    /// Where each held evaluation is written, in date order.
    pub held: Vec<Pos>,
    /// The stretches of more than 42 days.
    pub gaps: Vec<Gap>,
}

/// The plan runs from its date until the eindevaluatie, the end of the
/// period or today, whichever is first.
pub fn evaluation_gaps(case: &Case) -> Evaluations {
    let Some(plan) = case.signed(DocKind::Plan) else {
        return Evaluations::default();
    };
    let until = [
        Some(case.today),
        case.signed(DocKind::Eind).map(|f| f.day),
        Some(case.timeline.over_from() - Duration::days(1)),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(case.today);
    let held: Vec<_> = case
        .held_evaluations()
        .into_iter()
        .filter(|h| h.day > plan.day && h.day <= until)
        .collect();
    let mut days: Vec<NaiveDate> = std::iter::once(plan.day)
        .chain(held.iter().map(|h| h.day))
        .collect();
    days.push(until.max(plan.day));
    let gaps = days
        .windows(2)
        .map(|w| Gap {
            from: w[0],
            until: w[1],
            days: (w[1] - w[0]).num_days(),
        })
        .filter(|g| g.days > EVALUATION_DAYS)
        .collect();
    Evaluations {
        runs_from: Some(plan.day),
        plan: plan.pos,
        held: held.into_iter().filter_map(|h| h.pos).collect(),
        gaps,
    }
}

fn evaluation_finding(case: &Case) -> Option<Diagnostic> {
    let check = evaluation_gaps(case);
    let gap = check.gaps.first()?;
    let pos = check.plan.as_ref()?;
    let until = if gap.until == case.today {
        format!("tot vandaag ({})", date::short(gap.until))
    } else {
        format!("tot {}", date::short(gap.until))
    };
    Some(Diagnostic::new(&rules::EVALUATIONS_NOT_HELD, pos, format!(
        "van {} {until} is {} dagen geen evaluatie gehouden, terwijl het plan loopt; UWV verwacht er minstens een per zes weken (42 dagen)",
        date::short(gap.from), gap.days
    )).hint(format!("leg gehouden evaluaties vast in `{}` in dossier.yaml of maak een evaluatieverslag met `pva new evaluatieverslag {}`", paths::EVALUATIES_GEHOUDEN, case.dossier.dir.display())))
}

/// A bijgestelde probleemanalyse that advises another einddoel than the
/// plan in force when it was received.
#[derive(Debug, Clone)]
pub struct ChangedAdvice {
    /// The day it was received.
    pub received: NaiveDate,
    /// The last day for the bijstelling.
    pub due: NaiveDate,
    /// Where the analysis is written.
    pub pos: Pos,
    /// The Bijstelling Plan van aanpak within 14 days, if any.
    pub followed_by: Option<Pos>,
    /// The day of a later bijstelling, if one came after the 14 days.
    pub later: Option<NaiveDate>,
}

/// Every changed advice of the period received on or before today.
pub fn changed_advice(case: &Case) -> Vec<ChangedAdvice> {
    let plans = plan_history(case);
    case.timeline
        .analyses
        .iter()
        .skip(1)
        .filter_map(|a| {
            let received = a.effective().filter(|d| case.counts(*d))?;
            let advice = a.advies_einddoel.as_deref()?;
            let in_force = goal_on(&plans, received)?;
            (advice != in_force).then_some(())?;
            let due = received + Duration::days(BIJSTELLING_DAYS);
            let followed_by = plans
                .iter()
                .filter(|(doc, day, _)| {
                    doc.kind == Some(DocKind::Bijstelling) && *day >= received && *day <= due
                })
                .find_map(|(doc, _, _)| doc.get(paths::DATUM).map(|n| n.pos.clone()));
            let later = plans
                .iter()
                .filter(|(doc, day, _)| doc.kind == Some(DocKind::Bijstelling) && *day > due)
                .map(|(_, day, _)| *day)
                .next();
            Some(ChangedAdvice {
                received,
                due,
                pos: a.pos.clone(),
                followed_by,
                later,
            })
        })
        .collect()
}

fn bijstelling_findings(case: &Case) -> Vec<Diagnostic> {
    changed_advice(case)
        .into_iter()
        .filter(|a| a.followed_by.is_none() && case.today > a.due)
        .map(|a| bijstelling_finding(case, &a))
        .collect()
}

/// No bijstelling within 14 days of the new advice: none yet, or one that
/// came late (RPG art. 4 lid 5 with lid 1: late is not the same as on time).
fn bijstelling_finding(case: &Case, a: &ChangedAdvice) -> Diagnostic {
    let advice = format!(
        "deze bijgestelde probleemanalyse (ontvangen {}) adviseert een ander einddoel dan het plan",
        date::short(a.received)
    );
    match a.later {
        Some(later) => Diagnostic::new(&rules::BIJSTELLING_AFTER_ADVICE, &a.pos, format!(
            "{advice}; de bijstelling van het plan kwam op {}, {} na de termijn van 14 dagen (uiterlijk {})",
            date::short(later),
            crate::law::days_text((later - a.due).num_days()),
            date::short(a.due)
        )).hint("leg in de bijstelling vast waarom ze later kwam; UWV weegt de reden mee bij de toets van het re-integratieverslag"),
        None => Diagnostic::new(&rules::BIJSTELLING_AFTER_ADVICE, &a.pos, format!(
            "{advice}, en er volgde geen bijstelling van het plan binnen 14 dagen (uiterlijk {})",
            date::short(a.due)
        )).hint(format!("stel het plan bij met `pva new bijstelling {}`, of leg in het plan vast waarom u van het advies afwijkt", case.dossier.dir.display())),
    }
}

/// The signed plan and bijstellingen of the period: (document, date, einddoel).
fn plan_history<'a>(case: &Case<'a>) -> Vec<(&'a Document, NaiveDate, Option<String>)> {
    let mut docs: Vec<_> = case
        .dossier
        .documents
        .iter()
        .filter(|d| {
            d.kind
                .is_some_and(|k| [DocKind::Plan, DocKind::Bijstelling].contains(&k))
        })
        .filter(|d| case.signed_by_both(d))
        .filter_map(|d| {
            let day = d.date().filter(|day| case.counts(*day))?;
            let goal = d.text(paths::EINDDOEL).filter(|g| g != "ongewijzigd");
            Some((d, day, goal))
        })
        .collect();
    docs.sort_by_key(|(d, day, _)| (*day, d.kind != Some(DocKind::Plan)));
    docs
}

/// The einddoel in force on `day`: the latest plan or bijstelling that set one.
fn goal_on(plans: &[(&Document, NaiveDate, Option<String>)], day: NaiveDate) -> Option<String> {
    plans
        .iter()
        .rfind(|(_, d, goal)| *d <= day && goal.is_some())
        .and_then(|(_, _, goal)| goal.clone())
}

fn spoor_2_contradicts(case: &Case) -> Option<Diagnostic> {
    let (needed, doc) = case.spoor_2_needed()?;
    let day = doc.date()?;
    let goal = goal_on(&plan_history(case), day);
    let goal = doc
        .text(paths::EINDDOEL)
        .filter(|g| g != "ongewijzigd")
        .or(goal)?;
    if needed || goal != "andere_werkgever" {
        return None;
    }
    let pos = doc.get(paths::SPOOR_2_NODIG)?.pos.clone();
    Some(Diagnostic::new(&rules::SPOOR_2_CONTRADICTS, &pos, "de eerstejaarsevaluatie vindt spoor 2 niet nodig, maar het einddoel is werk bij een andere werkgever")
        .hint("pas spoor_2.nodig of het einddoel aan, zodat UWV ziet welke kant de re-integratie op gaat"))
}

fn arbeidsdeskundig(case: &Case) -> Option<Diagnostic> {
    let from = case.timeline.after_days(ARBEIDSDESKUNDIG_FROM);
    if case.today < from || case.timeline.is_moot(case.today) {
        return None;
    }
    if case.recorded(paths::ARBEIDSDESKUNDIG).is_some() {
        return None;
    }
    let plans = plan_history(case);
    let (doc, _, goal) = plans.iter().rev().find(|(_, _, goal)| goal.is_some())?;
    let goal = goal.as_deref()?;
    if matches!(goal, "eigen_functie" | "gedeeltelijk_eigen_functie") {
        return None;
    }
    let pos = doc.get(paths::EINDDOEL)?.pos.clone();
    Some(Diagnostic::new(&rules::ARBEIDSDESKUNDIG_MISSING, &pos, format!(
        "vanaf week 52 ({}) is het einddoel ander werk dan het eigen werk ({goal}), maar er is geen arbeidsdeskundig onderzoek vastgelegd",
        date::short(from)
    )).hint(format!("laat een arbeidsdeskundige onderzoeken welk werk passend is en leg de datum vast in `{}` in dossier.yaml", paths::ARBEIDSDESKUNDIG)))
}

fn one_signature(case: &Case) -> Vec<Diagnostic> {
    let resolved = deskundigenoordelen(case);
    case.dossier
        .documents
        .iter()
        .filter(|d| d.kind.is_some())
        .filter_map(|doc| {
            let dates: Vec<Option<&Node>> = Party::BOTH
                .iter()
                .map(|who| doc.get(who.signature().datum))
                .collect();
            let signed: Vec<(&Party, &Node)> = Party::BOTH
                .iter()
                .zip(&dates)
                .filter_map(|(who, n)| Some((who, (*n)?)))
                .collect();
            let [(who, node)] = signed.as_slice() else {
                return None;
            };
            let day = node.as_date()?;
            let waiting = (case.today - day).num_days();
            if waiting <= ONE_SIGNATURE_DAYS || resolved.iter().any(|d| *d >= day) {
                return None;
            }
            Some(Diagnostic::new(&rules::ONE_SIGNATURE, &node.pos, format!(
                "alleen de {} tekende dit document, {} dagen geleden ({})",
                who.key(), waiting, date::short(day)
            )).hint(format!("komen werkgever en werknemer er niet uit, dan kan een van beiden UWV om een deskundigenoordeel vragen; leg het vast in `{}` (datum, vraag, uitkomst)", paths::DESKUNDIGENOORDELEN)))
        })
        .collect()
}

/// The dates of the recorded deskundigenoordelen, not after today.
fn deskundigenoordelen(case: &Case) -> Vec<NaiveDate> {
    case.dossier
        .base
        .get(paths::DESKUNDIGENOORDELEN)
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|row| row.child("datum").and_then(Node::as_date))
        .filter(|d| *d <= case.today)
        .collect()
}
