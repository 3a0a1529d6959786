//! "Did you mean": the nearest known name for a misspelt one.

/// The candidate closest to `word`, if it is close enough to be a typo.
pub(super) fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// ` Bedoelt u \`x\`?` or nothing.
pub(super) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    nearest(word, candidates)
        .map(|c| format!(" Bedoelt u `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_not_strangers() {
        assert_eq!(
            nearest("werknmer", ["werknemer", "werkgever"]),
            Some("werknemer")
        );
        assert_eq!(
            nearest("Te neme stappen", ["Te nemen stappen"]),
            Some("Te nemen stappen")
        );
        assert_eq!(nearest("fiets", ["werknemer", "werkgever"]), None);
    }
}
