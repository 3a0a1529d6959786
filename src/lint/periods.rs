//! Periods as the law counts them (BW 7:629 lid 10): a dossier counted
//! along with an earlier one of the same employee, or running on in a later
//! one (PVA072, on both, naming the other folder, never the BSN); and a new
//! period in a dossier's own verloop after 28 days or more fit, whose steps
//! nothing of the period before completes (PVA073).

use chrono::NaiveDate;

use crate::case::timeline::{Timeline, verloop};
use crate::case::{Dossier, Pos, date, paths};
use crate::diag::Diagnostic;
use crate::law;
use crate::rules;

/// Every period finding of a dossier whose time is `timeline`.
pub(super) fn dossier(dossier: &Dossier, timeline: &Timeline) -> Vec<Diagnostic> {
    let Some(first) = dossier.base.get(paths::EERSTE_ZIEKTEDAG) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    out.extend(earlier(timeline, &first.pos));
    out.extend(later(dossier, timeline, &first.pos));
    out.extend(new_period(dossier, timeline, &first.pos));
    out
}

/// Counted along with an earlier dossier: at the first sick day.
fn earlier(t: &Timeline, at: &Pos) -> Option<Diagnostic> {
    let e = t.earlier.as_ref()?;
    let gap = (t.own_first - e.fit).num_days();
    let how = if gap == 0 {
        format!(
            "die in {} (ziek vanaf {}, daar geen herstel vastgelegd): de periodes overlappen en zijn één periode",
            e.dir.display(),
            date::short(e.its_first)
        )
    } else {
        format!(
            "die in {} (ziek vanaf {}, hersteld op {}): er zaten {} tussen, minder dan 28",
            e.dir.display(),
            date::short(e.its_first),
            date::short(e.fit),
            law::days_text(gap)
        )
    };
    Some(Diagnostic::new(&rules::PERIOD_LINKED, at, format!(
        "deze ziekteperiode telt samen met {how}; de termijnen tellen vanaf {} zonder de dagen ertussen (de 42e-weekmelding uiterlijk {})",
        date::short(e.first),
        date::short(t.after_days(294))
    )).hint(format!(
        "`pva agenda` toont de samengetelde data; wat voor {} viel, beoordeelt {}. Is het niet dezelfde werknemer, controleer dan werknemer.bsn in beide dossiers",
        date::short(t.own_first),
        e.dir.display()
    )))
}

/// Running on in a later dossier: at the verloop row of the recovery.
fn later(dossier: &Dossier, t: &Timeline, first: &Pos) -> Option<Diagnostic> {
    let l = t.later.as_ref()?;
    let Some(fit) = t.recovered else {
        return Some(Diagnostic::new(&rules::PERIOD_LINKED, first, format!(
            "dit dossier legt geen herstel vast, en {} begint op {} een ziekteperiode van dezelfde werknemer: pva telt ze als één periode, die in {} doorloopt",
            l.dir.display(), date::short(l.sick_again), l.dir.display()
        )).hint("was de werknemer hersteld, leg dat dan vast in verzuim.verloop (een regel met percentage 0 op de eerste dag hersteld)"));
    };
    let pos = recovery_row(dossier, fit).unwrap_or_else(|| first.clone());
    Some(Diagnostic::new(&rules::PERIOD_LINKED, &pos, format!(
        "de werknemer werd op {} weer ziek, {} na dit herstel (minder dan 28): de ziekteperiode loopt door in {}, waar de termijnen doortellen vanaf {}",
        date::short(l.sick_again),
        law::days_text((l.sick_again - fit).num_days()),
        l.dir.display(),
        date::short(t.first)
    )).hint(format!(
        "de stappen na het herstel staan in `pva agenda` bij {}; bewaar dit dossier zolang dat loopt",
        l.dir.display()
    )))
}

/// Where the verloop row that starts the recovery on `fit` is written.
fn recovery_row(dossier: &Dossier, fit: NaiveDate) -> Option<Pos> {
    verloop(&dossier.base)
        .into_iter()
        .find(|row| row.date == fit)
        .map(|row| row.pos)
}

/// A new period in the dossier's own verloop: at the first sick day, and at
/// everything of the period before that no longer counts.
fn new_period(dossier: &Dossier, t: &Timeline, first: &Pos) -> Vec<Diagnostic> {
    let (Some(start), Some((_, fit))) = (t.new_period, t.period_before) else {
        return Vec::new();
    };
    let mut out = vec![Diagnostic::new(&rules::NEW_PERIOD, first, format!(
        "volgens het verloop was de werknemer van {} tot {} hersteld ({}, 28 of meer): op {} begint een nieuwe ziekteperiode met eigen termijnen, en niets van de vorige periode telt voor haar stappen",
        date::short(fit), date::short(start), law::days_text((start - fit).num_days()), date::short(start)
    )).hint(format!(
        "begin voor de nieuwe periode een nieuw dossier (`pva new dossier`) en laat dit dossier eindigen bij het herstel op {}; of pas verzuim.eerste_ziektedag aan naar {start}",
        date::short(fit)
    ))];
    let old = |day: NaiveDate| day < start;
    for doc in &dossier.documents {
        let Some(node) = doc.get(paths::DATUM) else {
            continue;
        };
        let Some(day) = node.as_date().filter(|d| old(*d)) else {
            continue;
        };
        out.push(Diagnostic::new(&rules::NEW_PERIOD, &node.pos, format!(
            "dit document ({}) is van de vorige ziekteperiode, die op {} eindigde: het telt niet voor de stappen van de nieuwe periode vanaf {}",
            date::short(day), date::short(fit), date::short(start)
        )).hint("verplaats het naar het dossier van de vorige periode; maak voor de nieuwe periode de documenten opnieuw"));
    }
    let analyses = crate::case::timeline::analyses(&dossier.base);
    for analysis in analyses.iter().filter(|a| a.effective().is_some_and(old)) {
        let day = analysis.datum.or(analysis.ontvangen_op).unwrap_or(start);
        out.push(Diagnostic::new(&rules::NEW_PERIOD, &analysis.pos, format!(
            "deze probleemanalyse ({}) is van de vorige ziekteperiode: de nieuwe periode vanaf {} vraagt een eigen probleemanalyse, uiterlijk {}",
            date::short(day), date::short(start), date::short(t.after_days(42))
        )).hint("vraag de bedrijfsarts om een probleemanalyse voor de nieuwe periode en leg die vast in dossier.yaml"));
    }
    out
}
