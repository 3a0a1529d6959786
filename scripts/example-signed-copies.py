#!/usr/bin/env python3
"""Makes the signed copies of the examples in cases/ (NAME.getekend.pdf).

A real signed copy is the scan of the signed print or the e-signed PDF.
For the examples it is the PDF pva builds of the signed version with a
hand-drawn signature on each signature line, added as an overlay the way an
e-signing service adds its marks: the PDF's metadata (and so the
fingerprint pva put in it) stays, so `pva verify` and lint (PVA045) match it
to its document. Run from the repository root after `cargo build`; needs
qpdf and pdftotext (poppler-utils). The output is byte for byte the same on
every run (qpdf --deterministic-id, pva's reproducible PDFs).

    python3 scripts/example-signed-copies.py
"""

import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PVA = ROOT / "target" / "debug" / "pva"

# A signature: a few strokes of a pen, as cubic curves (x, y in points from
# the start of the line, y up). Two hands, for the two parties.
HANDS = [
    "0 2 m 6 16 10 18 12 8 c 14 0 16 -2 20 10 c 24 20 26 12 30 4 c "
    "34 -2 40 6 46 12 c 52 16 56 6 62 4 c 70 2 80 8 92 6 c S "
    "16 12 m 30 14 50 12 70 16 c S",
    "0 4 m 4 14 8 20 14 12 c 18 6 14 0 10 4 c 8 8 20 16 26 10 c "
    "30 6 32 2 38 8 c 42 12 44 14 48 8 c 52 2 58 4 64 10 c 70 14 76 10 84 12 c S",
]


def signature_lines(pdf: pathlib.Path, page: int):
    """(x, y) where each 'Handtekening' label of `page` ends, y up."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">Handtekening</word>',
        out,
    )
    return [(float(xmax) + 14, height - float(ymax) - 1) for _, xmax, ymax in words], height


def overlay(marks, width: float, height: float) -> bytes:
    """A one-page PDF with the signatures at `marks`."""
    ops = ["0.1 0.15 0.45 RG 1.1 w 1 J 1 j"]
    for i, (x, y) in enumerate(sorted(marks)):
        ops.append(f"q 1 0 0 1 {x:.2f} {y:.2f} cm {HANDS[i % len(HANDS)]} Q")
    stream = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:.4f} {height:.4f}] /Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pages(pdf: pathlib.Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def main() -> int:
    signed = sorted(p for p in (ROOT / "cases").rglob("*.md") if "\ngetekende_versie:" in p.read_text())
    # The old copies go first: one of another version would stop the build (PVA045).
    for doc in signed:
        doc.with_suffix(".getekend.pdf").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        # Without their copies the signed documents are reminded of them
        # (PVA044): shown only when the build fails.
        build = subprocess.run(
            [str(PVA), "build", "cases", "--out", str(tmp / "out"), "--quiet",
             "--today", "2026-11-23"],
            cwd=ROOT, capture_output=True, text=True,
        )
        if build.returncode != 0:
            print(build.stdout + build.stderr, file=sys.stderr)
            return 1
        for doc in signed:
            rel = doc.relative_to(ROOT)
            built = tmp / "out" / rel.with_suffix(".pdf")
            last = pages(built)
            marks, height = signature_lines(built, last)
            if len(marks) != 2:
                print(f"{rel}: {len(marks)} signature lines on page {last}, expected 2", file=sys.stderr)
                return 1
            stamp = tmp / "stamp.pdf"
            stamp.write_bytes(overlay(marks, 595.2756, height))
            copy = doc.with_suffix(".getekend.pdf")
            subprocess.run(
                ["qpdf", "--deterministic-id", "--object-streams=generate", "--recompress-flate",
                 "--compression-level=9", str(built), "--overlay", str(stamp),
                 f"--to={last}", "--from=1", "--", str(copy)],
                check=True,
            )
            print(f"{copy.relative_to(ROOT)}: {copy.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
