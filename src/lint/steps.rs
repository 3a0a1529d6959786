//! Steps of the law missing from a dossier after their deadline, judged on
//! `--today`: the probleemanalyse, the plan, the 42nd-week ziekmelding and
//! the eerstejaarsevaluatie; and data kept past its retention period.
//! Findings are placed on the dossier's first sick day.

use chrono::NaiveDate;

use crate::case::timeline::{self, Standing, Timeline, standing};
use crate::case::{DocKind, Dossier, date, paths};
use crate::diag::{Diagnostic, Severity};

use super::timing::{Dated, dated};
use crate::rules::{self, Rule};

/// Every missing-step rule of a dossier, judged on `today`.
pub fn dossier(dossier: &Dossier, timeline: &Timeline, today: NaiveDate) -> Vec<Diagnostic> {
    let Some(first) = dated(dossier.base.get(paths::EERSTE_ZIEKTEDAG)) else {
        return Vec::new();
    };
    let check = Check {
        dossier,
        timeline,
        first: &first,
        today,
    };
    let mut out = Vec::new();
    out.extend(check.analysis());
    out.extend(check.plan());
    out.extend(check.recorded(
        &rules::MELDING_42_MISSING,
        paths::ZIEKMELDING_UWV,
        timeline.week(42),
        "ziekmelding bij UWV (42e week)",
    ));
    out.extend(check.recorded(
        &rules::EERSTEJAARS_MISSING,
        paths::EERSTEJAARSEVALUATIE,
        timeline.week(52),
        "eerstejaarsevaluatie",
    ));
    out.extend(check.final_report());
    out.extend(retention(dossier, timeline, &first, today));
    out
}

struct Check<'a> {
    dossier: &'a Dossier,
    timeline: &'a Timeline,
    first: &'a Dated,
    today: NaiveDate,
}

impl Check<'_> {
    /// A finding when `due` has come and the period still runs.
    fn due(&self, rule: &Rule, due: NaiveDate, what: &str, hint: String) -> Option<Diagnostic> {
        if self.timeline.is_moot(due) {
            return None;
        }
        self.due_unmooted(rule, due, what, hint)
    }

    /// A finding when `due` has come, whether or not the period still runs.
    fn due_unmooted(
        &self,
        rule: &Rule,
        due: NaiveDate,
        what: &str,
        hint: String,
    ) -> Option<Diagnostic> {
        let (message, severity) = match standing(self.today, due) {
            Standing::Ahead => return None,
            Standing::Due => (
                format!(
                    "{} moet uiterlijk {} klaar zijn en staat nog niet in dit dossier",
                    with_article(what),
                    date::short(due)
                ),
                Severity::Warning,
            ),
            Standing::Late => (
                format!(
                    "er is geen {what} in dit dossier, terwijl de termijn op {} verstreek",
                    date::short(due)
                ),
                rule.severity,
            ),
        };
        let mut diag = Diagnostic::new(rule, &self.first.pos, message).hint(hint);
        diag.severity = severity;
        Some(diag)
    }

    fn analysis(&self) -> Option<Diagnostic> {
        if !self.timeline.analyses.is_empty() || self.unreadable() {
            return None;
        }
        self.due(
            &rules::ANALYSIS_MISSING,
            self.timeline.week(6),
            "probleemanalyse van de bedrijfsarts",
            format!("vraag de bedrijfsarts om de probleemanalyse en leg de datum vast in `{}` in dossier.yaml", paths::PROBLEEMANALYSE_DATUM),
        )
    }

    fn plan(&self) -> Option<Diagnostic> {
        // Like the agenda: a plan counts once both parties signed it.
        let signed = self.dossier.signed_of(DocKind::Plan).next().is_some();
        if signed || self.unreadable() || self.timeline.ends_within_ten_weeks() {
            return None;
        }
        let due = self.timeline.plan_due()?;
        let (what, hint) = match self.dossier.documents_of(DocKind::Plan).next() {
            Some(draft) => (
                "ondertekend Plan van aanpak",
                format!(
                    "{} is nog niet door beide partijen ondertekend: vul ondertekening.werknemer.datum en ondertekening.werkgever.datum in zodra beide hebben getekend",
                    draft.path.display()
                ),
            ),
            None => (
                "Plan van aanpak",
                format!(
                    "maak het plan met `pva new plan {}`",
                    self.dossier.dir.display()
                ),
            ),
        };
        self.due(&rules::DOCUMENT_MISSING, due, what, hint)
    }

    /// The closing report: the eindevaluatie by week 91; when employment
    /// ends during sickness, the eindevaluatie or (within ten weeks) the
    /// verkort re-integratieverslag two weeks after the last day.
    fn final_report(&self) -> Option<Diagnostic> {
        let t = self.timeline;
        let (kind, due) = match t.employment_end {
            Some(last) if t.recovered.is_none_or(|fit| fit > last) => {
                let kind = if t.ends_within_ten_weeks() {
                    DocKind::Verkort
                } else {
                    DocKind::Eind
                };
                (
                    kind,
                    last + chrono::Duration::days(timeline::ZIEK_UIT_DIENST_DAYS),
                )
            }
            _ => (DocKind::Eind, t.week(91)),
        };
        if self.dossier.signed_of(kind).next().is_some() || self.unreadable() {
            return None;
        }
        let moot = kind == DocKind::Eind && t.employment_end.is_none() && t.is_moot(due);
        if moot {
            return None;
        }
        let what = kind.title().to_lowercase();
        self.due_unmooted(
            &rules::DOCUMENT_MISSING,
            due,
            &what,
            format!(
                "maak het met `pva new {} {}`",
                kind.key(),
                self.dossier.dir.display()
            ),
        )
    }

    /// A step recorded as a date in the dossier (`path`), due on `due`.
    fn recorded(&self, rule: &Rule, path: &str, due: NaiveDate, what: &str) -> Option<Diagnostic> {
        let kind = (path == paths::EERSTEJAARSEVALUATIE).then_some(DocKind::Eerstejaars);
        if self.dossier.records(path, kind) {
            return None;
        }
        self.due(
            rule,
            due,
            what,
            format!("leg de datum vast in `{path}` in dossier.yaml"),
        )
    }

    /// A document that could not be read may be the missing one: do not guess.
    fn unreadable(&self) -> bool {
        !self.dossier.diagnostics.is_empty()
            || self.dossier.documents.iter().any(|d| d.kind.is_none())
    }
}

/// Data kept more than two years after the period ended.
fn retention(
    dossier: &Dossier,
    timeline: &Timeline,
    first: &Dated,
    today: NaiveDate,
) -> Option<Diagnostic> {
    let until = timeline.removal_due()?;
    if today <= until {
        return None;
    }
    let ended = timeline.over_from();
    Some(Diagnostic::new(&rules::RETENTION, &first.pos, format!(
        "de re-integratie eindigde op {}, meer dan twee jaar geleden: verwijder de gegevens van dit dossier (bewaartermijn tot en met {})",
        date::short(ended), date::short(until)
    )).hint(format!("verwijder {} ook uit de git-geschiedenis; zie README, 'Een dossier verwijderen'", dossier.dir.display())))
}

/// "Plan van aanpak" → "het Plan van aanpak" (also the verkort
/// re-integratieverslag); the other steps are "de".
fn with_article(what: &str) -> String {
    if let Some(rest) = what.strip_prefix("ondertekend ") {
        return format!("het ondertekende {rest}");
    }
    let article = if what.starts_with("Plan van aanpak") || what.starts_with("verkort") {
        "het"
    } else {
        "de"
    };
    format!("{article} {what}")
}
