//! Stage: lint. Every rule of the forms and the law, as findings with a
//! stable code and an exact position. Rules return findings; they never print.

mod expensive;
pub(crate) mod formats;
mod names;
mod periods;
mod privacy;
mod required;
mod signed;
pub mod steps;
mod structure;
mod suggest;
mod timing;
pub mod weigh;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::case::Dossier;
use crate::case::timeline::Timeline;
use crate::diag::{Diagnostic, Severity};

#[doc(hidden)]
pub use privacy::train as privacy_training;
pub use privacy::{Flagged, Passage};

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

/// The passages of `doc` that the privacy rules flag (a rule that
/// `pva.toml` switches off flags nothing): a draft blacks them out.
pub fn flagged(doc: &crate::case::Document, config: &LintConfig) -> Vec<Flagged> {
    privacy::flagged(doc)
        .into_iter()
        .filter(|(_, finding)| !matches!(config.severities.get(finding.code), Some(None)))
        .map(|(flagged, _)| flagged)
        .collect()
}

/// The findings about what would make `doc` unreasonably expensive or
/// impossible to build (limits, control characters, characters no font
/// has, an unclosed comment). The fuzz target
/// `fuzz/fuzz_targets/markdown.rs` checks that a body without them
/// compiles.
#[doc(hidden)]
pub fn expensive_findings(doc: &crate::case::Document) -> Vec<Diagnostic> {
    expensive::document(doc)
}

/// What lint decided about one dossier: its findings, with the severities
/// of `pva.toml`, and which documents must not be built.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Every finding, sorted.
    pub findings: Vec<Diagnostic>,
    /// Documents with a blocking error of their own or in a file they
    /// inherit (a frozen document inherits nothing, so no error either).
    pub blocked: BTreeSet<PathBuf>,
}

/// Lints `dossier` and decides which of its documents may be built.
pub fn judge(dossier: &Dossier, config: &LintConfig) -> Verdict {
    let mut findings = config.apply(findings(dossier, config));
    dossier.attach_sources(&mut findings);
    let errors: HashSet<&Path> = findings
        .iter()
        .filter(|d| d.severity == Severity::Error && d.blocks)
        .map(|d| d.file.as_path())
        .collect();
    // An error in an inherited file (a wrong BSN in dossier.yaml) is an
    // error in every document that inherits it.
    let inherits_error = dossier
        .inherited
        .iter()
        .any(|f| errors.contains(f.as_path()));
    let blocked = dossier
        .documents
        .iter()
        .filter(|doc| errors.contains(doc.path.as_path()) || (inherits_error && !doc.frozen))
        .map(|doc| doc.path.clone())
        .collect();
    Verdict { findings, blocked }
}

/// All findings for one dossier, at their default severities: its loading
/// problems, each document's fields, formats and privacy, and the timing
/// across its documents.
fn findings(dossier: &Dossier, config: &LintConfig) -> Vec<Diagnostic> {
    let mut out = dossier.diagnostics.clone();
    for shared in dossier.chain.files() {
        out.extend(structure::keys(shared, None));
        out.extend(formats::shared(shared));
        out.extend(expensive::shared(shared));
    }
    out.extend(required::shared(dossier));
    for doc in &dossier.documents {
        out.extend(structure::document(doc));
        out.extend(expensive::document(doc));
        out.extend(required::document(doc));
        out.extend(formats::document(doc));
        out.extend(privacy::document(doc));
    }
    let timeline = Timeline::of_dossier(dossier);
    out.extend(timing::dossier(dossier, timeline.as_ref()));
    if let Some(timeline) = &timeline {
        out.extend(periods::dossier(dossier, timeline));
        let case = crate::law::Case {
            dossier,
            timeline,
            today: config.today,
            verslag: None,
        };
        out.extend(steps::dossier(&case));
        out.extend(weigh::dossier(&case));
    }
    out.extend(signed::dossier(dossier));
    out.extend(names::dossier(dossier));
    // Inherited values are checked through every document: report them once.
    Diagnostic::sort(&mut out);
    out.dedup();
    out
}
