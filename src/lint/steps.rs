//! The steps of the law (`law::STEPS`) judged on `--today`: a step missing
//! after its due day, due today or tomorrow, or recorded after its due day;
//! and data kept past its retention period. Findings about a missing step
//! are placed on the dossier's first sick day; a late one on its date.

use crate::case::timeline::Timeline;
use crate::case::{DocKind, date, paths};
use crate::diag::{Diagnostic, Severity};
use crate::law::{self, Case, Evidence, Judged, State};
use crate::rules;

use super::timing::{Dated, dated};

/// Every step finding of a dossier, judged on the case's day.
pub fn dossier(case: &Case) -> Vec<Diagnostic> {
    let Some(first) = dated(case.dossier.base.get(paths::EERSTE_ZIEKTEDAG)) else {
        return Vec::new();
    };
    let check = Check {
        case,
        first: &first,
    };
    law::judge_all(case)
        .iter()
        .filter_map(|judged| check.finding(judged))
        .collect()
}

struct Check<'a> {
    case: &'a Case<'a>,
    first: &'a Dated,
}

impl Check<'_> {
    fn finding(&self, judged: &Judged) -> Option<Diagnostic> {
        match &judged.state {
            // A document that could not be read may be the missing one: no
            // reminder yet, but once the step is overdue the agenda calls it
            // verlopen, and lint says so, naming the doubt.
            State::Due if self.unreadable(judged) => None,
            State::Missing if self.unreadable(judged) => {
                let mut diag = self.missing(judged, false)?;
                diag.message.push_str(
                    " (een document van dit dossier is niet te lezen; staat het daarin, dan telt het pas als het te lezen is)",
                );
                Some(diag.hint(
                    "herstel eerst het document dat niet te lezen is (zie de andere meldingen van dit dossier); blijft deze melding, maak dan het ontbrekende document",
                ))
            }
            State::Missing if judged.step.missing == Some(&rules::RETENTION) => {
                Some(self.retention(judged))
            }
            State::Missing if judged.step.evidence == Evidence::Held => self.unheld(judged),
            // An evaluation is held on its day: no reminder the day before.
            State::Due if judged.step.evidence == Evidence::Held => None,
            State::Missing => self.missing(judged, false),
            State::Due => self.missing(judged, true),
            State::Late(found, days) if judged.step.late == Some(&rules::STEP_LATE) => {
                let pos = found.pos.as_ref()?;
                Some(
                    Diagnostic::new(
                        &rules::STEP_LATE,
                        pos,
                        format!(
                            "{} is vastgelegd op {}, {} na de termijn ({}): {}",
                            with_article(&judged.noun),
                            date::short(found.day),
                            law::days_text(*days),
                            date::short(judged.due),
                            judged.step.consequence.text()
                        ),
                    )
                    .hint("leg in het dossier vast waarom het later was; UWV weegt de reden mee"),
                )
            }
            _ => None,
        }
    }

    /// A missing step: an error after its due day, a warning from the day before.
    fn missing(&self, judged: &Judged, soon: bool) -> Option<Diagnostic> {
        let rule = judged.step.missing?;
        let (noun, hint) = self.what_and_fix(judged);
        let (message, severity) = if soon {
            (
                format!(
                    "{} moet uiterlijk {} klaar zijn en staat nog niet in dit dossier",
                    with_article(&noun),
                    date::short(judged.due)
                ),
                Severity::Warning,
            )
        } else {
            (
                format!(
                    "er is geen {noun} in dit dossier, terwijl de termijn op {} verstreek",
                    date::short(judged.due)
                ),
                rule.severity,
            )
        };
        let mut diag = Diagnostic::new(rule, &self.first.pos, message).hint(hint);
        // A notice stays a notice, also the day before.
        diag.severity = if rule.severity == Severity::Info {
            Severity::Info
        } else {
            severity
        };
        Some(diag)
    }

    /// An agreed evaluation moment that passed without a held evaluation
    /// recorded, at the line that agreed it.
    fn unheld(&self, judged: &Judged) -> Option<Diagnostic> {
        let rule = judged.step.missing?;
        let pos = judged.at.as_ref().unwrap_or(&self.first.pos);
        let dir = self.case.dossier.dir.display();
        Some(Diagnostic::new(rule, pos, format!(
            "de evaluatie van {} ({}) is voorbij, maar er is geen gehouden evaluatie vastgelegd (geen datum in `{}` en geen evaluatieverslag binnen {} dagen ervan)",
            date::short(judged.due),
            judged.wat.trim_start_matches("Evaluatie: "),
            paths::EVALUATIES_GEHOUDEN,
            law::EVALUATION_SLACK_DAYS
        )).hint(format!(
            "leg de gehouden evaluatie vast in `{}` in dossier.yaml of maak het verslag met `pva new evaluatieverslag {dir}`; ging ze niet door, spreek dan een nieuw moment af in een evaluatieverslag of bijstelling",
            paths::EVALUATIES_GEHOUDEN
        )))
    }

    /// The noun of the finding and how to fix it: a document that exists
    /// unsigned asks for signatures, one that does not for `pva new`.
    fn what_and_fix(&self, judged: &Judged) -> (String, String) {
        let dossier = self.case.dossier;
        let kind = match judged.step.evidence {
            Evidence::Signed(kind) => Some(kind),
            Evidence::Verslag => Some(closing_kind(self.case.timeline)),
            _ => None,
        };
        let Some(kind) = kind else {
            return (judged.noun.clone(), self.record_hint(judged));
        };
        match dossier.documents_of(kind).next() {
            Some(draft) => (
                format!("{} {}", signed_adjective(&judged.noun), judged.noun),
                format!(
                    "{} is nog niet door beide partijen ondertekend: vul ondertekening.werknemer.datum en ondertekening.werkgever.datum in zodra beide hebben getekend",
                    draft.path.display()
                ),
            ),
            // `pva new plan` is the README's way to start the plan.
            None if kind == DocKind::Plan => (
                judged.noun.clone(),
                format!("maak het plan met `pva new plan {}`", dossier.dir.display()),
            ),
            None => (
                judged.noun.clone(),
                format!(
                    "maak het met `pva new {} {}`",
                    kind.key(),
                    dossier.dir.display()
                ),
            ),
        }
    }

    fn record_hint(&self, judged: &Judged) -> String {
        match judged.step.evidence {
            Evidence::Analysis => format!(
                "vraag de bedrijfsarts om de probleemanalyse en leg de datum vast in `{}` in dossier.yaml",
                paths::PROBLEEMANALYSE_DATUM
            ),
            Evidence::Recorded(path) | Evidence::RecordedOrSigned(path, _) => {
                format!("leg de datum vast in `{path}` in dossier.yaml")
            }
            Evidence::Spoor2 => format!(
                "start spoor 2 (bijvoorbeeld met een re-integratiebedrijf) en leg de datum vast in `{}` in dossier.yaml; {}",
                paths::START_SPOOR_2,
                judged.step.consequence.text()
            ),
            _ => judged.step.consequence.text().to_string(),
        }
    }

    fn retention(&self, judged: &Judged) -> Diagnostic {
        let ended = self.case.timeline.over_from();
        Diagnostic::new(&rules::RETENTION, &self.first.pos, format!(
            "de re-integratie eindigde op {}, meer dan twee jaar geleden: verwijder de gegevens van dit dossier (bewaartermijn tot en met {})",
            date::short(ended), date::short(judged.due)
        )).hint(format!("verwijder {} ook uit de git-geschiedenis; zie README, 'Een dossier verwijderen'", self.case.dossier.dir.display()))
    }

    /// Whether a document that could not be read may be the missing one.
    fn unreadable(&self, judged: &Judged) -> bool {
        let about_documents = matches!(
            judged.step.evidence,
            Evidence::Signed(_) | Evidence::RecordedOrSigned(..) | Evidence::Verslag
        );
        let dossier = self.case.dossier;
        about_documents
            && (!dossier.diagnostics.is_empty()
                || dossier.documents.iter().any(|d| d.kind.is_none()))
    }
}

/// The closing document: the verkort verslag within ten weeks, else the eindevaluatie.
fn closing_kind(timeline: &Timeline) -> DocKind {
    if timeline.ends_within_ten_weeks() {
        DocKind::Verkort
    } else {
        DocKind::Eind
    }
}

/// Whether a step's noun takes "het": the Plan van aanpak and the
/// (verkort) re-integratieverslag; the other steps take "de".
fn is_het(noun: &str) -> bool {
    ["Plan van aanpak", "verkort", "re-integratieverslag"]
        .iter()
        .any(|p| noun.starts_with(p))
}

/// "geen ondertekend Plan van aanpak", "geen ondertekende eindevaluatie".
fn signed_adjective(noun: &str) -> &'static str {
    if is_het(noun) {
        "ondertekend"
    } else {
        "ondertekende"
    }
}

/// "Plan van aanpak" → "het Plan van aanpak"; "ondertekend Plan van
/// aanpak" → "het ondertekende Plan van aanpak".
fn with_article(what: &str) -> String {
    let noun = what
        .strip_prefix("ondertekende ")
        .or_else(|| what.strip_prefix("ondertekend "));
    match noun {
        Some(rest) => {
            let article = if is_het(rest) { "het" } else { "de" };
            format!("{article} ondertekende {rest}")
        }
        None => format!("{} {what}", if is_het(what) { "het" } else { "de" }),
    }
}
