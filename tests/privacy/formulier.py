#!/usr/bin/env python3
"""Writes formulier.tsv: every text of the example dossiers under cases/
that reaches a PDF (front-matter values and the sentences of the Markdown),
labelled `geen`. The example dossiers lint clean, so these are ordinary
texts of the forms; short values (`maart 2026`, `Leidinggevende`) are
nothing like the corpora's sentences, and the sentence model learns from
them that a short value says nothing about health."""
import pathlib, re, yaml

root = pathlib.Path(__file__).resolve().parents[2]
identity = {"naam", "bedrijfsnaam", "bedrijfsarts", "functie", "adres", "plaats",
            "vestiging", "email", "bsn", "telefoon", "postcode"}
seen, rows = set(), []

def add(text):
    text = " ".join(str(text).split())
    if len(text) < 2 or text in seen or "\t" in text or "privacy-ok" in text:
        return
    if re.fullmatch(r"[\d\-: .]+", text):
        return
    seen.add(text)
    rows.append(text)

def walk(node, key=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "getekende_versie":
                walk(v, str(k))
    elif isinstance(node, list):
        for v in node:
            walk(v, key)
    elif isinstance(node, str) and key not in identity:
        for part in re.split(r"(?<=[.!?])\s+", node):
            add(part)

for path in sorted(root.glob("cases/**/*")):
    if path.suffix in (".yaml", ".yml"):
        walk(yaml.safe_load(path.read_text()))
    elif path.suffix == ".md":
        text = path.read_text()
        parts = text.split("---", 2)
        if len(parts) == 3:
            walk(yaml.safe_load(parts[1]))
            body = parts[2]
        else:
            body = text
        # Paragraphs and list items, their wrapped lines joined.
        for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+#>|]|\d+\.))", body):
            block = " ".join(l.strip().lstrip("#-*> ").strip() for l in block.splitlines())
            for part in re.split(r"(?<=[.!?])\s+", block):
                add(part)

out = root / "tests/privacy/formulier.tsv"
with out.open("w") as f:
    f.write("label\tpatroon\twerkgever\tzin\n")
    for text in rows:
        f.write(f"geen\tformulier\toverig\t{text}\n")
print(len(rows), "rows")
