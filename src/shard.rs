//! `--shard I/N`: a stable share of the dossiers, so N CI jobs together
//! lint and build everything exactly once.

use std::path::Path;

/// Share `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, from 1 to `count`.
    pub index: u64,
    /// Into how many shares the dossiers are split.
    pub count: u64,
}

impl Shard {
    /// Reads `I/N` as written on the command line.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let wrong = || format!("--shard {text}: schrijf I/N met 1 ≤ I ≤ N, zoals 2/4");
        let (index, count) = text.split_once('/').ok_or_else(wrong)?;
        let index: u64 = index.trim().parse().map_err(|_| wrong())?;
        let count: u64 = count.trim().parse().map_err(|_| wrong())?;
        if index == 0 || index > count {
            return Err(wrong());
        }
        Ok(Shard { index, count })
    }

    /// Whether the dossier in `dir` belongs to this share. The share comes
    /// from a hash of the dossier's path below `root` (with `/`), so it is
    /// the same on every machine and a new dossier moves no other one.
    pub fn holds(&self, dir: &Path, root: &Path) -> bool {
        let relative = dir.strip_prefix(root).unwrap_or(dir);
        let name = relative.to_string_lossy().replace('\\', "/");
        let hash = blake3::hash(name.trim_start_matches("./").as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        u64::from_le_bytes(first) % self.count == self.index - 1
    }

    /// Whether this share also reports what belongs to no dossier (a
    /// document outside a dossier folder): the first does, once.
    pub fn reports_the_rest(&self) -> bool {
        self.index == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_i_of_n() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/3", "4/3", "1", "a/b", "1/0", "-1/2"] {
            assert_eq!(
                Shard::parse(bad),
                Err(format!(
                    "--shard {bad}: schrijf I/N met 1 ≤ I ≤ N, zoals 2/4"
                ))
            );
        }
    }

    #[test]
    fn every_dossier_is_in_exactly_one_share() {
        let root = Path::new("/project");
        for n in 1..=5 {
            for i in 0..50 {
                let dir = root.join(format!("cases/dossier-{i}"));
                let holders = (1..=n)
                    .filter(|index| {
                        Shard {
                            index: *index,
                            count: n,
                        }
                        .holds(&dir, root)
                    })
                    .count();
                assert_eq!(holders, 1);
            }
        }
    }

    #[test]
    fn the_share_does_not_depend_on_how_the_path_was_written() {
        let shard = Shard { index: 1, count: 3 };
        for i in 0..20 {
            let relative = format!("cases/d{i}");
            let absolute = Path::new("/project").join(&relative);
            let dotted = format!("./{relative}");
            let by_relative = shard.holds(Path::new(&relative), Path::new("/project"));
            assert_eq!(shard.holds(&absolute, Path::new("/project")), by_relative);
            assert_eq!(
                shard.holds(Path::new(&dotted), Path::new("/project")),
                by_relative
            );
        }
    }
}
