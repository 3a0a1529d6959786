//! Stage: lint. Every rule of the forms and the law, as findings with a
//! stable code and an exact position. Rules return findings; they never print.

pub(crate) mod formats;
mod privacy;
mod required;
mod signed;
pub mod steps;
mod structure;
mod suggest;
mod timing;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::case::Dossier;
use crate::case::timeline::Timeline;
use crate::diag::{Diagnostic, Severity};

/// Lint settings: the reference date and per-rule severities.
#[derive(Debug, Clone)]
pub struct LintConfig {
    /// The day deadlines still ahead are judged against (`--today`).
    pub today: NaiveDate,
    /// Severity per rule code from `pva.toml`; `None` switches a rule off.
    pub severities: BTreeMap<String, Option<Severity>>,
}

impl LintConfig {
    /// Default severities, judged on `today`.
    pub fn new(today: NaiveDate) -> LintConfig {
        LintConfig {
            today,
            severities: BTreeMap::new(),
        }
    }

    /// Applies the configured severities: changes some, drops switched-off rules.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| match self.severities.get(d.code) {
                Some(Some(severity)) => {
                    d.severity = *severity;
                    Some(d)
                }
                Some(None) => None,
                None => Some(d),
            })
            .collect()
    }
}

/// All findings for one dossier: its loading problems, each document's
/// fields, formats and privacy, and the timing across its documents.
pub fn dossier(dossier: &Dossier, config: &LintConfig) -> Vec<Diagnostic> {
    let mut out = dossier.diagnostics.clone();
    for shared in dossier.chain.files() {
        out.extend(structure::keys(shared, None));
        out.extend(formats::shared(shared));
    }
    for doc in &dossier.documents {
        out.extend(structure::document(doc));
        out.extend(required::document(doc));
        out.extend(formats::document(doc));
        out.extend(privacy::document(doc));
    }
    let timeline = Timeline::of(&dossier.base);
    out.extend(timing::dossier(dossier, timeline.as_ref()));
    if let Some(timeline) = &timeline {
        out.extend(steps::dossier(dossier, timeline, config.today));
    }
    out.extend(signed::dossier(dossier));
    // Inherited values are checked through every document: report them once.
    Diagnostic::sort(&mut out);
    out.dedup();
    out
}
