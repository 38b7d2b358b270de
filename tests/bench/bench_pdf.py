"""PDF text extraction: pypdf vs pypdfium2, speed and text quality (not a test).

Usage: .venv/bin/python tests/bench/bench_pdf.py [--chars N] [--repeat R]

Builds PDFs from public-domain books in ../shared/data/long-texts two ways:
  * typeset: groff -ms -Tpdf (justified, kerned, hyphenated lines, page numbers) -- the kind
    of PDF a word processor or TeX makes; skipped if groff's PDF device is not installed;
  * plain: tests/docfixtures.make_pdf (one Tj per line, no kerning) -- the easy case.
For each library: best-of-R wall time to open + extract every page, and word F1 (bag of
lower-cased \\w+ tokens, with counts) of the extracted text against the source, raw and after
the loader's own reflow (joins soft-hyphenated words). F1 < 100 means words were split,
merged or lost.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "long-texts"
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))

from docfixtures import make_pdf  # noqa: E402
from gistquiz.core.loaders.pdf import reflow  # noqa: E402

BOOKS = ["pride_and_prejudice.txt", "federalist_papers.txt"]
_WORD = re.compile(r"\w+")


def word_f1(extracted: str, source: str) -> float:
    got = Counter(w.lower() for w in _WORD.findall(extracted))
    want = Counter(w.lower() for w in _WORD.findall(source))
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 200 * precision * recall / (precision + recall)


def groff_pdf(text: str) -> bytes | None:
    if not shutil.which("groff"):
        return None
    lines = []
    for paragraph in text.split("\n\n"):
        paragraph = " ".join(paragraph.split()).replace("\\", "\\e")
        if paragraph:
            lines += [".PP", "\\&" + paragraph]  # \& keeps a leading "." or "'" literal
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "book.ms"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        run = subprocess.run(
            ["groff", "-k", "-ms", "-Tpdf", str(source)], capture_output=True, check=False
        )
    return run.stdout if run.returncode == 0 and run.stdout.startswith(b"%PDF") else None


def latin1(text: str) -> str:
    """make_pdf writes Latin-1 (WinAnsi): fold the book's curly quotes and dashes."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")


def plain_pdf(text: str) -> bytes:
    lines = []
    for paragraph in latin1(text).split("\n\n"):
        lines += [*textwrap.wrap(" ".join(paragraph.split()), 95), ""]
    pages = [lines[i : i + 50] for i in range(0, len(lines), 50)]
    return make_pdf(pages, title="bench")


def with_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def with_pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
        return pages
    finally:
        pdf.close()


def best_time(extract, data: bytes, repeat: int) -> tuple[float, list[str]]:
    best, pages = float("inf"), []
    for _ in range(repeat):
        start = time.perf_counter()
        pages = extract(data)
        best = min(best, time.perf_counter() - start)
    return best, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=200_000, help="characters per book")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"no data at {SHARED}: this script needs ../shared/data (not shipped)")
        return 1
    rows = []
    for book in BOOKS:
        text = (SHARED / book).read_text(encoding="utf-8")[: args.chars]
        pdfs = {"plain": plain_pdf(text)}
        typeset = groff_pdf(text)
        if typeset is None:
            print("groff -Tpdf not available: typeset PDFs skipped (apt-get install groff)")
        else:
            pdfs["typeset"] = typeset
        for kind, data in pdfs.items():
            reference = latin1(text) if kind == "plain" else text
            for name, extract in (("pypdf", with_pypdf), ("pypdfium2", with_pdfium)):
                seconds, pages = best_time(extract, data, args.repeat)
                raw = "\n".join(pages)
                reflowed = "\n\n".join(reflow(pages))
                rows.append(
                    (
                        book.split("_")[0],
                        kind,
                        len(pages),
                        name,
                        seconds,
                        len(pages) / seconds,
                        word_f1(raw, reference),
                        word_f1(reflowed, reference),
                    )
                )
    header = ("book", "pdf", "pages", "library", "seconds", "pages/s", "F1 raw", "F1 reflow")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for book, kind, pages, name, seconds, rate, f1_raw, f1_reflow in rows:
        print(
            f"{book} | {kind} | {pages} | {name} | {seconds:.3f} | {rate:.0f} | "
            f"{f1_raw:.1f} | {f1_reflow:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
