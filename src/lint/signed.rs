//! Signed documents stay what was signed: a signed document should carry
//! what it inherited (`pva freeze`), and a shared value that changed since
//! is shown with the place of its new value.

use crate::case::{Document, Dossier, Node, Value, paths};
use crate::diag::Diagnostic;

use crate::rules;

/// The findings about signed documents of `dossier`.
pub(super) fn dossier(dossier: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &dossier.documents {
        if doc.frozen {
            changed_since(dossier, doc, &mut out);
        } else if doc.is_signed() {
            out.push(not_frozen(doc));
        }
    }
    out
}

fn not_frozen(doc: &Document) -> Diagnostic {
    Diagnostic::new(&rules::NOT_FROZEN, &doc.anchor(paths::ONDERTEKENING), "dit document is door beide partijen getekend maar erft nog uit dossier.yaml en gedeeld.yaml: een latere wijziging daar verandert de PDF van wat getekend is")
        .hint(format!("voer `pva freeze {}` uit en commit het document", doc.path.display()))
}

/// Compares what a frozen document carries with what the shared files now
/// say for its date.
fn changed_since(dossier: &Dossier, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(snapshot) = doc.own.get(paths::BEVROREN) else {
        return;
    };
    let now = dossier.base_at(doc.date());
    compare(snapshot, &now, "", doc, out);
}

fn compare(kept: &Node, now: &Node, prefix: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    for (key, value) in kept.entries() {
        let path = format!("{prefix}{}", key.name);
        let current = now.child(&key.name);
        match (&value.value, current) {
            (Value::Map(_), Some(current)) if matches!(current.value, Value::Map(_)) => {
                compare(value, current, &format!("{path}."), doc, out);
            }
            (_, Some(current)) if !same(value, current) => {
                out.push(changed(&path, value, current, doc))
            }
            _ => {}
        }
    }
}

fn changed(path: &str, kept: &Node, current: &Node, doc: &Document) -> Diagnostic {
    Diagnostic::new(
        &rules::CHANGED_SINCE_SIGNED,
        &kept.pos,
        format!(
            "`{path}` is gewijzigd sinds dit document is getekend: het document houdt {}, {}:{} zegt nu {}",
            shown(kept),
            current.pos.file.display(),
            current.pos.line,
            shown(current)
        ),
    )
    .hint(format!(
        "hoort de correctie ook in het getekende document? Pas dan `bevroren.{path}` in {} bewust aan; anders blijft het zoals getekend",
        doc.path.display()
    ))
}

fn shown(node: &Node) -> String {
    match node.text() {
        Some(text) => format!("'{text}'"),
        None if node.items().is_empty() => "niets".to_string(),
        None => format!("{} regels", node.items().len()),
    }
}

/// Equal values, wherever they were written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| b.child(&k.name).is_some_and(|w| same(v, w)))
        }
        _ => a.text() == b.text(),
    }
}
