"""Loader speed on book-length input, every format (not a test).

Usage: .venv/bin/python tests/bench/bench_loaders.py [--book war_and_peace.txt] [--repeat 3]

Writes one book from ../shared/data/long-texts as txt, md, html, docx, epub and pdf (built
in memory with the tests' fixture writers), then times ``pipeline.load_bytes`` for each
(best of R): bytes in, a Document with paragraphs and sentences out. Sentence splitting is
part of every figure, so the txt row is the floor the others add to.
"""

from __future__ import annotations

import argparse
import html
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "long-texts"
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "desktop"))

from docfixtures import make_docx, make_epub, make_pdf  # noqa: E402
from gistquiz.core import pipeline  # noqa: E402


def paragraphs_of(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def as_formats(text: str) -> dict[str, bytes]:
    paragraphs = paragraphs_of(text)
    chapters = [paragraphs[i : i + 200] for i in range(0, len(paragraphs), 200)]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    latin = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-"}))
    lines = []
    for paragraph in paragraphs_of(latin.encode("latin-1", "replace").decode("latin-1")):
        lines += [*textwrap.wrap(paragraph, 95), ""]
    return {
        "txt": text.encode("utf-8"),
        "md": "\n\n".join(
            f"## Part {i // 200 + 1}\n\n{p}" if i % 200 == 0 else p
            for i, p in enumerate(paragraphs)
        ).encode("utf-8"),
        "html": (
            "<html><head><title>Book</title></head><body><article>"
            f"<h1>Book</h1>{body}</article></body></html>"
        ).encode(),
        "docx": make_docx([("", p) for p in paragraphs]),
        "epub": make_epub(
            [
                (f"c{n}.xhtml", "".join(f"<p>{html.escape(p)}</p>" for p in chapter))
                for n, chapter in enumerate(chapters)
            ]
        ),
        "pdf": make_pdf([lines[i : i + 50] for i in range(0, len(lines), 50)]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--book", default="pride_and_prejudice.txt")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = SHARED / args.book
    if not path.is_file():
        print(f"no data at {path}: this script needs ../shared/data (not shipped)")
        return 1
    text = path.read_text(encoding="utf-8")
    pipeline.load_bytes(b"Warm up the sentence model.", name="w.txt", language="en")
    print(f"{args.book}: {len(text):,} characters")
    # CPU seconds beside wall seconds: on a shared machine the CPU figure is the stable one.
    print(f"format | input MB | sentences | wall s | CPU s (best of {args.repeat})")
    print("--- | --- | --- | --- | ---")
    for name, data in as_formats(text).items():
        wall, cpu, doc = float("inf"), float("inf"), None
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            doc = pipeline.load_bytes(data, name=f"book.{name}", language="en")
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        print(f"{name} | {len(data) / 1e6:.2f} | {len(doc.sentences):,} | {wall:.2f} | {cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
