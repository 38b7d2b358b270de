"""The UD treebanks the tagger and parser train on, and jackknifed tags for the parser.

Training data: UD English-EWT train plus the GUM train documents present (CC BY genres);
dev/test splits and PUD are never trained on. The parser sees our tagger's tags at run time,
so it trains on jackknifed tags (each of four folds tagged by a tagger trained on the other
three), which make realistic mistakes; the shipped tagger, trained on all of it, would tag its
own training data almost perfectly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

from .parser import fold_label

REPO = Path(__file__).resolve().parents[4]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "treebanks"
DEFAULT_OUT = REPO / "resources" / "models"
SEED = 20240531
FOLDS = 4
FOLD_TAGGER_ITERATIONS = 5
_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

Tree = tuple[list[str], list[str], list[int], list[str]]


def read_trees(path: Path) -> Iterator[Tree]:
    """(words, XPOS tags, heads 1-based with 0 = root, folded labels) per sentence."""
    words: list[str] = []
    tags: list[str] = []
    heads: list[int] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words, tags, heads, labels
                words, tags, heads, labels = [], [], [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            words.append(cols[1].translate(_NORM))
            tags.append(cols[4])
            heads.append(int(cols[6]))
            labels.append(fold_label(cols[7]))
    if words:
        yield words, tags, heads, labels


def training_files(data: Path) -> list[Path]:
    gum = data / "gum"
    listed = (gum / "files.train").read_text(encoding="utf-8").split()
    present = [gum / "sources" / f"{name}.conllu" for name in listed]
    return [data / "ud_ewt" / "en_ewt-ud-train.conllu"] + [p for p in present if p.exists()]


def jackknife_tags(trees: list[Tree], folds: int = FOLDS) -> list[list[str]]:
    """Each sentence's tags from a tagger trained (as the shipped one is) on the other folds."""
    from .tagger import make_tagger
    from .tokens import normalize

    out: list[list[str]] = [[] for _ in trees]
    for fold in range(folds):
        began = time.perf_counter()
        rest = [
            [(normalize(w), t) for w, t in zip(tr[0], tr[1], strict=True)]
            for k, tr in enumerate(trees)
            if k % folds != fold
        ]
        random.seed(SEED + fold)
        tagger = make_tagger()
        tagger.train(rest, nr_iter=FOLD_TAGGER_ITERATIONS)
        tagger.compile()
        right = total = 0
        for k in range(fold, len(trees), folds):
            words, gold = trees[k][0], trees[k][1]
            out[k] = [t for _, t in tagger.tag([normalize(w) for w in words])]
            right += sum(a == b for a, b in zip(out[k], gold, strict=True))
            total += len(gold)
        print(
            f"  fold {fold + 1}/{folds}: tagger {right / total:.2%} on its held-out fold, "
            f"{time.perf_counter() - began:.0f} s"
        )
    return out
