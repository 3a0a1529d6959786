//! Formats: BSN (elfproef), postcode, phone numbers, e-mail, calendar dates,
//! percentages and the values of the forms' tick boxes.

use crate::case::schema::{self, Choice, DocKind, Field, Kind};
use crate::case::{Document, Node, Value, date, paths};
use crate::diag::Diagnostic;

use super::suggest::{did_you_mean, nearest};
use crate::rules;

/// Checks the format of every value `doc` uses (its own and inherited).
pub(crate) fn document(doc: &Document) -> Vec<Diagnostic> {
    values(&doc.data, doc.kind)
}

/// Checks the format of every value of a shared file (`dossier.yaml`,
/// `gedeeld.yaml`), also when no document inherits it (frozen documents).
pub(crate) fn shared(file: &Node) -> Vec<Diagnostic> {
    values(file, None)
}

fn values(node: &Node, kind: Option<DocKind>) -> Vec<Diagnostic> {
    schema::known_values(node)
        .into_iter()
        // PVA008 reports the kind of document.
        .filter(|(path, _, _)| path != paths::DOCUMENT)
        .filter_map(|(path, field, value)| check(value, field, &path, kind))
        .collect()
}

fn check(node: &Node, field: &Field, path: &str, kind: Option<DocKind>) -> Option<Diagnostic> {
    if node.is_blank() {
        return None;
    }
    let text = node.scalar()?;
    let width = text.chars().count();
    let problem = match field.kind {
        Kind::Bsn => bsn_problem(node, &text).map(|m| (&rules::BSN, m)),
        Kind::Postcode => (!postcode_ok(&text)).then(|| (&rules::POSTCODE, format!("`{path}` `{text}` is geen geldige postcode; schrijf vier cijfers en twee letters, zoals 3511 AB"))),
        Kind::Phone => (!phone_ok(&text)).then(|| (&rules::PHONE, format!("`{path}` `{text}` is geen geldig telefoonnummer; schrijf bijvoorbeeld 030 - 123 45 67, 06 - 1234 5678 of +31 30 123 4567"))),
        Kind::Email => (!email_ok(&text)).then(|| (&rules::EMAIL, format!("`{path}` `{text}` is geen geldig e-mailadres; schrijf naam@domein.nl"))),
        Kind::Date => date::parse(&text).is_none().then(|| (&rules::DATE, format!("`{path}` `{text}` is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-07-14"))),
        Kind::Percent => percent_problem(node).map(|m| (&rules::PERCENT, format!("`{path}` {m}"))),
        Kind::Choice(options) => choice_problem(&text, options, path, kind).map(|m| (&rules::CHOICE, m)),
        _ => None,
    }?;
    let (rule, message) = problem;
    let hint = match field.kind {
        Kind::Choice(_) => "`pva fields` toont bij elk veld de waarden die het kent",
        Kind::Date if path == paths::EVALUATIE_WANNEER => {
            "een datum schrijft u als JJJJ-MM-DD; een vast ritme als `frequentie: elke 6 weken`, met `vorm: gesprek op het werk`"
        }
        Kind::Date => "data schrijft u als JJJJ-MM-DD; de PDF toont ze als dd-mm-jjjj",
        _ => "`pva fields` toont de vorm van elk veld",
    };
    let near = match field.kind {
        Kind::Choice(options) => nearest(&text, options.iter().map(|c| c.key)),
        _ => None,
    };
    Some(
        Diagnostic::new(rule, &node.pos, message)
            .width(width)
            .hint(hint)
            .suggestion(near),
    )
}

/// What is wrong with a BSN, if anything.
fn bsn_problem(node: &Node, text: &str) -> Option<String> {
    if matches!(node.value, Value::Int(_)) {
        return Some(format!(
            "het BSN {text} staat zonder aanhalingstekens; schrijf bsn: \"{text:0>9}\" zodat voorloopnullen blijven staan"
        ));
    }
    let digits = text.trim();
    if digits.len() != 9 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!(
            "het BSN `{text}` moet uit precies 9 cijfers bestaan"
        ));
    }
    (!elfproef(digits)).then(|| format!("het BSN `{text}` voldoet niet aan de elfproef; controleer de cijfers op het loonstrookje of paspoort"))
}

/// The BSN elfproef: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a non-zero multiple of 11.
pub(crate) fn elfproef(digits: &str) -> bool {
    let values: Vec<i64> = digits
        .chars()
        .filter_map(|c| c.to_digit(10).map(i64::from))
        .collect();
    if values.len() != 9 {
        return false;
    }
    let sum: i64 = values[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(d, w)| d * w)
        .sum::<i64>()
        - values[8];
    sum != 0 && sum % 11 == 0
}

/// `1234 AB`, `1234AB`: four digits not starting with 0, two letters, not SA/SD/SS.
pub(crate) fn postcode_ok(text: &str) -> bool {
    let compact: String = text.trim().chars().filter(|c| *c != ' ').collect();
    let b = compact.as_bytes();
    compact.len() == 6
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_alphabetic)
        && !["SA", "SD", "SS"].contains(&compact[4..].to_ascii_uppercase().as_str())
}

/// Dutch phone numbers: 10 digits from 0, +31/0031 with 9, or 0800/0900-style 8 or 11.
pub(crate) fn phone_ok(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || " -().+".contains(c);
    if !text.chars().all(allowed) || text.matches('+').count() > 1 {
        return false;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if text.trim_start().starts_with('+') {
        if !digits.starts_with("31") {
            return digits.len() >= 8 && digits.len() <= 15;
        }
        format!("0{}", &digits[2..])
    } else if let Some(rest) = digits.strip_prefix("0031") {
        format!("0{rest}")
    } else {
        digits
    };
    let service = ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| national.starts_with(p));
    national.starts_with('0')
        && (national.len() == 10 || (service && (national.len() == 8 || national.len() == 11)))
}

/// A plain `name@domain.tld` check.
pub(crate) fn email_ok(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let domain_ok = domain.contains('.')
        && domain
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'));
    !local.is_empty() && !text.contains(char::is_whitespace) && !domain.contains('@') && domain_ok
}

fn percent_problem(node: &Node) -> Option<String> {
    let value = match node.value {
        Value::Int(i) => i as f64,
        Value::Float(f) => f,
        _ => return None,
    };
    (!(0.0..=100.0).contains(&value)).then(|| format!("{value} ligt niet tussen 0 en 100"))
}

fn choice_problem(
    text: &str,
    options: &[Choice],
    path: &str,
    kind: Option<DocKind>,
) -> Option<String> {
    let allowed: Vec<&str> = options
        .iter()
        .filter(|c| match kind {
            _ if path != paths::EINDDOEL => true,
            Some(k) => k.label(c).is_some(),
            None => true,
        })
        .map(|c| c.key)
        .collect();
    if allowed.contains(&text.trim()) {
        return None;
    }
    let hint = did_you_mean(text, allowed.iter().copied());
    let form = match kind {
        Some(k) if path == paths::EINDDOEL => format!(" op {}", k.title_with_article()),
        _ => String::new(),
    };
    Some(format!(
        "`{path}` `{text}` is geen toegestane waarde{form}.{hint} Mogelijk: {}",
        allowed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef_accepts_checked_examples() {
        for ok in ["111222333", "123456782", "999996708", "249566758"] {
            assert!(elfproef(ok), "{ok}");
        }
        for bad in ["012345678", "000000000", "111222334", "12345678"] {
            assert!(!elfproef(bad), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        assert!(postcode_ok("3511 AB"));
        assert!(postcode_ok("3511ab"));
        assert!(!postcode_ok("0511 AB"));
        assert!(!postcode_ok("3511 SS"));
        assert!(!postcode_ok("351 AB"));
    }

    #[test]
    fn phones_including_the_forms_own() {
        for ok in [
            "0900 - 92 95",
            "0900 - 92 94",
            "030-1234567",
            "06 12345678",
            "+31 6 1234 5678",
            "0031 30 123 4567",
            "(030) 123 45 67",
        ] {
            assert!(phone_ok(ok), "{ok}");
        }
        for bad in ["12345", "030-12345", "06-123456789", "bel me", "0800 12"] {
            assert!(!phone_ok(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(email_ok("p.devries@arbo-unie.nl"));
        assert!(!email_ok("p.devries@arbo"));
        assert!(!email_ok("p devries@arbo.nl"));
        assert!(!email_ok("arbo.nl"));
    }
}
