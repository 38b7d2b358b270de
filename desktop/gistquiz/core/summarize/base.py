"""Summary lengths, rankings and the selection rule shared by every algorithm."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..document import Document
from ..errors import InvalidOption

_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%|w|words?|s|sentences?)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Length:
    """How long a summary should be: N sentences, a percentage of them, or a word budget."""

    unit: str  # "sentences" | "percent" | "words"
    value: float

    @classmethod
    def parse(cls, spec: str | int | Length) -> Length:
        """Parse "5", "20%" or "150w"."""
        if isinstance(spec, Length):
            return spec
        match = _LENGTH.match(str(spec))
        if not match:
            raise InvalidOption(
                f"Invalid summary length {spec!r}: use a sentence count (5), "
                "a percentage (20%) or a word budget (150w)."
            )
        value, unit = float(match.group(1)), (match.group(2) or "s").lower()
        unit = {"%": "percent", "w": "words"}.get(unit[0] if unit != "%" else unit, "sentences")
        if value <= 0 or (unit == "percent" and value > 100):
            raise InvalidOption(f"Invalid summary length {spec!r}: it must be above 0.")
        if unit != "percent" and value != int(value):
            raise InvalidOption(f"Invalid summary length {spec!r}: use a whole number.")
        return cls(unit, value)

    def __str__(self) -> str:
        v = int(self.value) if self.value == int(self.value) else self.value
        return {"sentences": f"{v}", "percent": f"{v}%", "words": f"{v}w"}[self.unit]


@dataclass(frozen=True, slots=True)
class Ranking:
    """A score for EVERY sentence of the document plus the chosen indices in document order.

    Higher scores are better. Heading sentences are scored but never selected.
    """

    algorithm: str
    scores: tuple[float, ...]
    selected: tuple[int, ...]
    length: Length

    def rank_of(self, index: int) -> int:
        """1-based rank of a sentence by score (ties broken by document order)."""
        return self.order.index(index) + 1

    @property
    def order(self) -> list[int]:
        return sorted(range(len(self.scores)), key=lambda i: (-self.scores[i], i))


def _word_counts(doc: Document) -> list[int]:
    return [len(re.findall(r"\w+", doc.sentence_text(s.index))) for s in doc.sentences]


def select(doc: Document, scores: Sequence[float], length: Length) -> tuple[int, ...]:
    """Choose sentences by descending score (ties: earlier first), returned in document order.

    This is sumy's rule (stable sort by rating, take N, restore order), extended to
    percentages (rounded, at least one) and word budgets (greedy by score, at least one).
    """
    # numpy's stable sort on the negated scores: descending, ties in document order (a
    # Python sort with a key per sentence costs ~0.5 ms per 1,000 sentences).
    body = np.fromiter((not s.heading for s in doc.sentences), bool, len(doc.sentences))
    indices = np.flatnonzero(body)
    ranked = np.asarray(scores, dtype=np.float64)[indices]
    candidates = indices[np.argsort(-ranked, kind="stable")].tolist()
    if length.unit == "words":
        words = _word_counts(doc)
        chosen, used = [], 0
        for i in candidates:
            if used + words[i] <= length.value or not chosen:
                chosen.append(i)
                used += words[i]
        return tuple(sorted(chosen))
    if length.unit == "percent":
        count = max(1, math.floor(len(candidates) * length.value / 100 + 0.5))
    else:
        count = int(length.value)
    return tuple(sorted(candidates[:count]))
