"""How fast GistRank (the default summarizer) is on a whole book.

Run: ``.venv/bin/python tests/bench/bench_gist.py`` (part of ``make bench``).

Target (issue 4): at most 1.5 s to score Moby Dick (~10,000 sentences), the fast engines'
speed class, the first call included. Splitting the text into sentences is the loader's
cost and is timed apart. Times are CPU seconds of this process (time.process_time), so
other work on a shared machine does not inflate them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from gistquiz.core.document import build_document
from gistquiz.core.summarize import get

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BOOKS = SHARED / "data" / "long-texts"
TARGET_SECONDS = 1.5


def main() -> int:
    path = BOOKS / "moby_dick.txt"
    if not path.exists():
        print(f"skipped: {path} not found (a fresh clone has no ../shared)")
        return 0
    started = time.process_time()
    doc = build_document(path.read_text(encoding="utf-8-sig"), language="en")
    split = time.process_time() - started
    summarizer = get("gist")
    times = []
    for length in ("10", "5%", "300w", "10"):
        started = time.process_time()
        ranking = summarizer.rank(doc, length)
        times.append((length, time.process_time() - started, len(ranking.selected)))
    print(f"Moby Dick: {len(doc.sentences)} sentences (split in {split:.2f} s, not counted)")
    print(
        f"{'length':>8} {'CPU s':>8} {'chosen':>7}  target <= {TARGET_SECONDS} s (row 1: 1st call)"
    )
    for length, seconds, chosen in times:
        verdict = "ok" if seconds <= TARGET_SECONDS else "SLOW"
        print(f"{length:>8} {seconds:8.2f} {chosen:7}   {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
