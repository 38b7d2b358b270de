"""Reading UniversalNER IOB2 files and scoring entity spans (training and `make eval` only)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .tokens import Token, normalize

UNER_TYPE = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
TYPES = ("PERSON", "ORG", "PLACE")


@dataclass(frozen=True, slots=True)
class NerSentence:
    tokens: tuple[Token, ...]
    spans: frozenset[tuple[int, int, str]]  # gold (first, last, type)


def read_iob2(path: Path) -> Iterator[NerSentence]:
    words: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in [*lines, "\n"]:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield _sentence(words, labels)
                words, labels = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 3 and cols[0].isdigit():
                words.append(cols[1])
                labels.append(cols[2])


def _sentence(words: list[str], labels: list[str]) -> NerSentence:
    tokens, pos = [], 0
    for w in words:
        tokens.append(Token(w, pos, pos + len(w), normalize(w)))
        pos += len(w) + 1
    spans, k = set(), 0
    while k < len(labels):
        if labels[k].startswith("B-") and labels[k][2:] in UNER_TYPE:
            kind = labels[k][2:]
            j = k + 1
            while j < len(labels) and labels[j] == f"I-{kind}":
                j += 1
            spans.add((k, j, UNER_TYPE[kind]))
            k = j
        else:
            k += 1
    return NerSentence(tuple(tokens), frozenset(spans))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[frozenset], predicted: Sequence[set]) -> dict[str, Counts]:
    """Exact-span, exact-type counts per type and over all ("ALL")."""
    counts = {t: Counts() for t in (*TYPES, "ALL")}
    for g, p in zip(gold, predicted, strict=True):
        for span in p:
            hit = span in g
            for key in (span[2], "ALL"):
                if hit:
                    counts[key].tp += 1
                else:
                    counts[key].fp += 1
        for span in g - set(p):
            counts[span[2]].fn += 1
            counts["ALL"].fn += 1
    return counts
