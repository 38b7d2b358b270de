"""The batch tokenizer against NLTK on whole books, token for token (not a test: reads data).

Usage: .venv/bin/python tests/bench/check_tokenizer.py [book ...]

For every book in ../shared/data/long-texts (or those named), every sentence of our
Document: ``word_tokenize_many`` must equal ``nltk.word_tokenize`` per sentence, and the
word features (``features.word_tokens``) must hold exactly sumy's words. Prints the counts
and the first differences; exits 1 on any difference.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "long-texts"
sys.path.insert(0, str(REPO / "desktop"))


def check(path: Path) -> int:
    import nltk

    from gistquiz.core.document import build_document
    from gistquiz.core.language import install_nltk_punkt
    from gistquiz.core.summarize.fast_tokenize import is_word, word_tokenize_many
    from gistquiz.core.summarize.features import word_tokens

    install_nltk_punkt()
    doc = build_document(path.read_text(encoding="utf-8"), language="en")
    sentences = [doc.clean_sentence(i) for i in range(len(doc.sentences))]
    started = time.process_time()
    ours = word_tokenize_many(sentences)
    batch = time.process_time() - started
    started = time.process_time()
    reference = [nltk.word_tokenize(s) for s in sentences]
    nltk_cpu = time.process_time() - started
    tokens = word_tokens(doc)
    differences = []
    for i, (mine, theirs) in enumerate(zip(ours, reference, strict=True)):
        if mine != theirs:
            differences.append((i, "tokens", mine, theirs))
        words = [t for t in theirs if is_word(t)]
        if tokens.sentence_words(i) != words:
            differences.append((i, "words", tokens.sentence_words(i), words))
    count = sum(map(len, reference))
    print(
        f"{path.name:<24} {len(sentences):>6} sentences {count:>8} tokens  "
        f"batch {batch:6.2f} s CPU, NLTK {nltk_cpu:6.2f} s  differences: {len(differences)}",
        flush=True,
    )
    for i, kind, mine, theirs in differences[:5]:
        print(f"  sentence {i} ({kind}): {sentences[i][:100]!r}")
        print(f"    ours:  {mine[:30]}")
        print(f"    nltk:  {theirs[:30]}")
    return len(differences)


def main() -> None:
    if not DATA.exists():
        print(f"check_tokenizer: {DATA} not found (needs ../shared/data); nothing checked.")
        return
    names = sys.argv[1:] or sorted(p.stem for p in DATA.glob("*.txt"))
    failures = sum(check(DATA / f"{name}.txt") for name in names)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
