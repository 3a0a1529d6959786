#!/usr/bin/env python3
"""Inputs for the fuzz target lsp_messages that ask every request at every
position of a few odd files: each line and each character on it, one and two
past the end, and u32::MAX; quick fixes with ranges that end anywhere and with
the data lint attaches (a suggestion, a key). libFuzzer mutates numbers in
JSON slowly, so these sweeps reach what random mutation rarely does; they
found both of the server's crashes (docs/fuzzing.md).

    python3 fuzz/sweep_lsp.py /tmp/sweeps
    for f in /tmp/sweeps/*; do fuzz/target/x86_64-unknown-linux-gnu/release/lsp_messages "$f"; done
"""
import json
import os
import posixpath
import sys

MAX = 4294967295
DATAS = [{"suggestion": "x"}, {"suggestion": "## Visie"}, {"key": "werknemer.naam"},
         {"key": "einddoel.keuze"}, {"key": "reden_te_laat"}, {"key": "verzuim.eerste_ziektedag"},
         {"key": "ondertekening.werknemer.datum"}, {"key": "afspraken"}, {"key": "a..b"},
         {"key": ""}, {"suggestion": ""}]
FILES = {
    "plan.md": "---\r\ndocument: plan-van-aanpak\r\ndatum: 2026-03-01\r\nwerknemer:\r\n  naam: Zoë 😀 Smit\r\n"
               "  functie:\t\"é\r\nafspraken:\r\n  - probleemveld: \r\n  -\r\n---\r\n\r\n## Visie 😀\r\n\r\n<!-- é\r\n",
    "half.md": "---\ndocument: \ndatum: 2026-13-45\nwerkgever\n  naam:\n    - : :\n ? x\n &a b: *a\n---\n## \n",
    "quoted.md": "---\ndocument: 'plan-van-aanpk'\neinddoel:\n  keuze: \"eigen_functe\"\n---\n## Vsie\n'\n\"😀\"\n",
    "open.md": "---\ndocument: bijstelling\nbijstelling:\n  reden: |\n    tekst\nondertekening:\n  werkgever:\n",
    "nofm.md": "# geen front matter\n\nTekst 😀\n---\n",
    "empty.md": "",
    "dossier.yaml": "werknemer:\n  naam: 王小明\n  bsn: 😀\neerste_ziektedag: 2026-01-05\nverloop:\n  - datum:\n: e\n",
    "../gedeeld.yaml": "werkgever:\n  naam: 'x'\n  casemanager:\n    - naam: x\n      : y\n\t- z\narbodienst: {naam: [}\n",
    "../../pva.toml": "[rules]\nPVA001 = 3\n[[x]]\n😀 = \"\n",
}


def body(id_, method, params):
    message = {"jsonrpc": "2.0", "method": method, "params": params}
    if id_ is not None:
        message["id"] = id_
    return json.dumps(message)


def sweep(uri, text):
    out = [body(None, "textDocument/didOpen",
                {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})]
    lines = text.split("\n")
    n = 0
    for line in list(range(len(lines) + 2)) + [MAX]:
        width = len(lines[line].encode("utf-16-le")) // 2 if line < len(lines) else 0
        for col in list(range(width + 3)) + [MAX]:
            at = {"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}
            for method in ("textDocument/hover", "textDocument/completion", "textDocument/definition"):
                n += 1
                out.append(body(n, method, at))
            for end in (col, min(col + 1, MAX), MAX):
                rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": end}}
                diagnostics = [{"range": rng, "message": "x", "data": d} for d in DATAS]
                n += 1
                out.append(body(n, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng,
                                                               "context": {"diagnostics": diagnostics}}))
    out.append(body(None, "textDocument/didClose", {"textDocument": {"uri": uri}}))
    return "\x1e".join(out)


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for name, text in FILES.items():
        uri = "$ROOT/" + posixpath.normpath("cases/d/" + name)
        with open(os.path.join(folder, name.replace("../", "")), "w", encoding="utf-8") as f:
            f.write(sweep(uri, text))


if __name__ == "__main__":
    main()
