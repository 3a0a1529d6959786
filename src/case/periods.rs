//! Periods across dossiers. Two dossiers of one employee (the same
//! `werknemer.bsn`, with the same employer where both name one) whose
//! periods of sickness follow each other with less than 28 days fit in
//! between count as one period (BW 7:629 lid 10): the later dossier's
//! steps count from the earlier dossier's first sick day, without the days
//! in between, and the earlier dossier's period runs on in the later one.
//!
//! Commands that judge time (lint, agenda, riv, the language server)
//! collect every dossier's period first ([`Periods::collect`]), then give
//! each dossier its [`Links`] before counting its time. A BSN is only a key
//! here: what reaches a user names the other dossier's folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::timeline::{SAMENTELLING_DAYS, Timeline};
use super::{Node, paths};

/// An earlier dossier whose period this dossier's counts along with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Earlier {
    /// Its folder, as findings name it.
    pub dir: PathBuf,
    /// The first sick day of the combined period (day 1).
    pub first: NaiveDate,
    /// Every break of the combined period before this dossier's own
    /// first sick day, the one between the two dossiers included.
    pub breaks: Vec<(NaiveDate, NaiveDate)>,
    /// The first fit day in the earlier dossier (its recovery), or this
    /// dossier's first sick day when the earlier one records no recovery.
    pub fit: NaiveDate,
    /// The earlier dossier's own first sick day.
    pub its_first: NaiveDate,
}

/// A later dossier in which this dossier's period runs on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Later {
    /// Its folder, as findings name it.
    pub dir: PathBuf,
    /// Its own first sick day.
    pub sick_again: NaiveDate,
    /// The first day the combined period no longer runs (the end of the
    /// last dossier of the chain): the retention period counts from it.
    pub over_from: NaiveDate,
}

/// How a dossier's period is joined to others of the same employee.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Links {
    /// The dossier before, counted together with this one.
    pub earlier: Option<Earlier>,
    /// The dossier after, in which this period runs on.
    pub later: Option<Later>,
}

/// One dossier's own period, as its data says.
#[derive(Debug, Clone)]
struct Own {
    /// The folder as found (the key).
    key: PathBuf,
    /// The folder as findings name it.
    name: PathBuf,
    bsn: String,
    employer: Option<String>,
    timeline: Timeline,
}

/// Every dossier's links, by folder.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Periods {
    links: BTreeMap<PathBuf, Links>,
}

/// The shared files of one dossier as read, for its period.
#[derive(Debug)]
pub struct Shared {
    /// The folder's real path (the key of its links).
    pub key: PathBuf,
    /// The folder as findings name it.
    pub name: PathBuf,
    /// Its inherited files (no documents).
    pub read: super::Read,
}

impl Periods {
    /// Reads the shared data (not the documents) of every dossier in
    /// `dirs` and links the periods of each employee.
    pub fn collect<'a>(dirs: impl IntoIterator<Item = &'a Path>, root: &Path) -> Periods {
        Periods::of_shared(Periods::read(dirs, root))
    }

    /// The shared files of every dossier in `dirs`, once per folder, read
    /// on all cores.
    pub fn read<'a>(dirs: impl IntoIterator<Item = &'a Path>, root: &Path) -> Vec<Shared> {
        use rayon::prelude::*;
        let dirs: Vec<&Path> = dirs.into_iter().collect();
        let keyed: Vec<(PathBuf, &Path)> = dirs.par_iter().map(|dir| (key_of(dir), *dir)).collect();
        let mut seen = std::collections::BTreeSet::new();
        let unique: Vec<(PathBuf, &Path)> = keyed
            .into_iter()
            .filter(|(key, _)| seen.insert(key.clone()))
            .collect();
        let real_root = key_of(root);
        unique
            .into_par_iter()
            .map(|(key, dir)| Shared {
                name: name_in(&key, dir, &real_root),
                read: super::read_with(dir, &[], root, &super::Overlay::new()),
                key,
            })
            .collect()
    }

    /// Links the periods of each employee from the dossiers' shared files.
    pub fn of_shared(shared: Vec<Shared>) -> Periods {
        use rayon::prelude::*;
        let owns: Vec<Own> = shared
            .into_par_iter()
            .filter_map(|s| own(&s.read.parse().base, s.key, s.name))
            .collect();
        let mut by_bsn: BTreeMap<String, Vec<Own>> = BTreeMap::new();
        for own in owns {
            by_bsn.entry(own.bsn.clone()).or_default().push(own);
        }
        let mut links = BTreeMap::new();
        for mut periods in by_bsn.into_values() {
            periods.sort_by_key(|p| (p.timeline.first, p.key.clone()));
            link_chain(&periods, &mut links);
        }
        Periods { links }
    }

    /// The dossiers of the project: those below `root/cases` and the
    /// `dossiers` a command was given (which may lie elsewhere).
    pub fn of_project(dossiers: &BTreeMap<PathBuf, Vec<PathBuf>>, root: &Path) -> Periods {
        Periods::of_shared(Periods::read_project(dossiers, root))
    }

    /// The shared files of the project's dossiers (see [`Periods::of_project`]).
    pub fn read_project(dossiers: &BTreeMap<PathBuf, Vec<PathBuf>>, root: &Path) -> Vec<Shared> {
        let cases = root.join("cases");
        let below = if cases.is_dir() {
            super::find(std::slice::from_ref(&cases))
                .dossiers
                .into_keys()
                .collect()
        } else {
            Vec::new()
        };
        let dirs: Vec<&Path> = dossiers
            .keys()
            .map(PathBuf::as_path)
            .chain(below.iter().map(PathBuf::as_path))
            .collect();
        Periods::read(dirs, root)
    }

    /// The links of the dossier in `dir`; none when it has no partner.
    pub fn links(&self, dir: &Path) -> Links {
        self.links.get(&key_of(dir)).cloned().unwrap_or_default()
    }
}

/// The periods of one employee, in order: each one linked to the one before
/// when less than 28 days lie between the recovery and the new first sick
/// day, and the employer is the same.
fn link_chain(periods: &[Own], links: &mut BTreeMap<PathBuf, Links>) {
    let mut chain: Vec<usize> = Vec::new();
    let mut combined: Option<Timeline> = None;
    for (i, period) in periods.iter().enumerate() {
        let joined = combined
            .as_ref()
            .zip(chain.last().map(|&j| &periods[j]))
            .and_then(|(before, prev)| joins(before, prev, period));
        match joined {
            Some(earlier) => {
                let mut timeline = period.timeline.clone();
                timeline.first = earlier.first;
                timeline.breaks = earlier
                    .breaks
                    .iter()
                    .copied()
                    .chain(period.timeline.breaks.iter().copied())
                    .collect();
                links.entry(period.key.clone()).or_default().earlier = Some(earlier);
                combined = Some(timeline);
                chain.push(i);
            }
            None => {
                close(periods, &chain, combined.as_ref(), links);
                chain = vec![i];
                combined = Some(period.timeline.clone());
            }
        }
    }
    close(periods, &chain, combined.as_ref(), links);
}

/// `next` counted along with `prev` (whose combined time is `before`),
/// when it follows within 28 days at the same employer.
fn joins(before: &Timeline, prev: &Own, next: &Own) -> Option<Earlier> {
    let same_employer = match (&prev.employer, &next.employer) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let start = next.timeline.first;
    if !same_employer || start <= prev.timeline.first {
        return None;
    }
    // The earlier dossier ended with its employment: a new employment.
    if prev.timeline.recovered.is_none() && prev.timeline.employment_end.is_some_and(|e| e < start)
    {
        return None;
    }
    // No recovery recorded: the earlier period still runs, so the two
    // overlap and are one period (the stricter count).
    let fit = prev.timeline.recovered.unwrap_or(start).min(start);
    if (start - fit).num_days() >= SAMENTELLING_DAYS {
        return None;
    }
    let mut breaks = before.breaks.clone();
    if fit < start {
        breaks.push((fit, start));
    }
    Some(Earlier {
        dir: prev.name.clone(),
        first: before.first,
        breaks,
        fit,
        its_first: prev.timeline.first,
    })
}

/// Tells every dossier of a finished chain where its period runs on.
fn close(
    periods: &[Own],
    chain: &[usize],
    combined: Option<&Timeline>,
    links: &mut BTreeMap<PathBuf, Links>,
) {
    let (Some(combined), [_, _, ..]) = (combined, chain) else {
        return;
    };
    let over_from = combined.over_from();
    for pair in chain.windows(2) {
        let (this, next) = (&periods[pair[0]], &periods[pair[1]]);
        links.entry(this.key.clone()).or_default().later = Some(Later {
            dir: next.name.clone(),
            sick_again: next.timeline.first,
            over_from,
        });
    }
}

/// A dossier's own period: its BSN, employer and counted time.
fn own(base: &Node, key: PathBuf, name: PathBuf) -> Option<Own> {
    let bsn = base.get(paths::BSN)?.text()?;
    let bsn: String = bsn.chars().filter(|c| !c.is_whitespace()).collect();
    if bsn.is_empty() {
        return None;
    }
    Some(Own {
        key,
        name,
        bsn,
        employer: base.get(paths::BEDRIJFSNAAM).and_then(Node::text),
        timeline: Timeline::of(base)?,
    })
}

/// The key of a folder however it was written: its real path.
fn key_of(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// A folder as findings name it: from the project root, where commands
/// run. `real` and `real_root` are their real paths.
fn name_in(real: &Path, dir: &Path, real_root: &Path) -> PathBuf {
    real.strip_prefix(real_root)
        .map_or_else(|_| dir.to_path_buf(), Path::to_path_buf)
}
