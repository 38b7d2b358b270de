"""Build resources/models/word-frequency.json.gz from wordfreq (``make train-models``).

    python -m gistquiz.core.nlp.make_word_frequency [--words 50000]

wordfreq is a training-time dependency only (the ``train`` extra); the app reads the table
through ``word_frequency``. Only lower-case alphabetic words (with inner hyphens or
apostrophes) are kept: numbers and symbols are not what the table is for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

from .word_frequency import FORMAT, RESOURCE

WORDS = 50_000  # the 50,000th word is at Zipf 2.55; 100,000 measured the same in the ranker's CV
_WORD = re.compile(r"[a-z][a-z'\-]*")


def build(words: int = WORDS) -> dict:
    from importlib.metadata import version as installed

    from wordfreq import get_frequency_dict

    version = installed("wordfreq")

    frequencies = get_frequency_dict("en", wordlist="best")
    ranked = sorted(
        ((w, f) for w, f in frequencies.items() if _WORD.fullmatch(w)),
        key=lambda wf: (-wf[1], wf[0]),
    )[:words]
    bands: dict[str, list[str]] = defaultdict(list)
    for word, frequency in ranked:
        bands[str(round((math.log10(frequency) + 9) * 10))].append(word)
    return {
        "format": FORMAT,
        "source": f"wordfreq {version}, English 'best' list (Speer et al.), the {words} most "
        "frequent lower-case words; Zipf = log10(uses per billion words), times ten as the key",
        "licence": "CC BY-SA 4.0 (wordfreq's data: Wikipedia, OpenSubtitles, SUBTLEX, Google "
        "Books Ngrams and others; see wordfreq's README)",
        "bands": {
            band: " ".join(ws) for band, ws in sorted(bands.items(), key=lambda b: -int(b[0]))
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument(
        "--out", type=Path, default=Path(str(files("gistquiz.resources"))) / RESOURCE
    )
    args = parser.parse_args()
    try:
        data = build(args.words)
    except ImportError:
        print("wordfreq is missing: pip install -e '.[train]'", file=sys.stderr)
        return 1
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {args.words} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
