"""Shared pieces of the fast engine: sumy's options, body rows, score finishing, step counts.

Every fast scorer mirrors one sumy summarizer on the same words (``features``) and returns a
score for every sentence of the Document, headings included: sumy never rates headings, and
the reference engine gives them ``min(rating) - 1``, so we do the same.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..language import stemmer as default_stemmer
from ..language import stop_words as default_stop_words
from .base import Length

# Scores equal to this many significant digits count as ties and go to the earlier sentence,
# as in sumy's stable sort; beyond that, float summation order is noise, not preference.
SIGNIFICANT_DIGITS = 12


@dataclass(frozen=True)
class SumyOptions:
    stop_words: frozenset[str]
    stemmer: Callable[[str], str]


def sumy_options(doc: Document, options: dict) -> SumyOptions:
    """The stop words and stemmer sumy_engine would configure for ``options``."""
    stops: Collection[str] = options.get("stop_words", default_stop_words(doc.language))
    stem = options.get("stemmer") or default_stemmer(doc.language)
    return SumyOptions(frozenset(stops), stem)


def body_rows(doc: Document) -> np.ndarray:
    """Indices of the sentences sumy rates (``document.sentences``: not headings)."""
    headings = np.fromiter(map(_HEADING, doc.sentences), dtype=bool, count=len(doc.sentences))
    return np.flatnonzero(~headings)


_HEADING = operator.attrgetter("heading")  # map() with it keeps the loop over sentences in C


def body_matrix(matrix: sp.csr_matrix, body: np.ndarray) -> sp.csr_matrix:
    """The rows of a (cached, never modified) matrix for ``body``: itself when no heading."""
    return matrix if len(body) == matrix.shape[0] else matrix[body]


def finish(doc: Document, body: np.ndarray, ratings: np.ndarray, *, canonical: bool) -> list[float]:
    """Scores for every sentence from the body ratings; headings get ``min - 1`` like sumy's.

    ``canonical`` rounds to SIGNIFICANT_DIGITS so that ratings sumy computes as equal (and
    breaks by document order) do not differ here by summation-order noise.
    """
    ratings = np.nan_to_num(np.asarray(ratings, dtype=np.float64), nan=0.0)
    if canonical:
        ratings = round_significant(ratings)
    scores = np.empty(len(doc.sentences), dtype=np.float64)
    floor = (ratings.min() if len(ratings) else 0.0) - 1.0
    scores.fill(floor)
    scores[body] = ratings
    return scores.tolist()


def round_significant(values: np.ndarray, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.floor(np.log10(np.abs(values)))
    magnitude = np.where(np.isfinite(magnitude), magnitude, 0.0)
    scale = 10.0 ** (digits - 1 - magnitude)
    return np.round(values * scale) / scale


def greedy_steps(length: Length, candidates: int) -> int:
    """How many greedy picks decide the selection for ``length`` (all for word budgets)."""
    if length.unit == "sentences":
        return min(candidates, int(length.value))
    if length.unit == "percent":
        return min(candidates, max(1, math.floor(candidates * length.value / 100 + 0.5)))
    return candidates


# A word budget is filled greedily down the whole order (``base.select``), so the exact
# order of every sentence matters; above this many sentences we stop once the picks hold
# twice the budget and order the rest by their last greedy score (cost, not exactness).
EXACT_ORDER_LIMIT = 3000
_WORD = re.compile(r"\w+")


class GreedyPlan:
    """When a greedy run (KL-Sum, SumBasic) has decided the selection for ``length``."""

    def __init__(self, doc: Document, body: np.ndarray, length: Length) -> None:
        self.doc, self.body = doc, body
        self.steps = greedy_steps(length, len(body))
        long_budget = length.unit == "words" and len(body) > EXACT_ORDER_LIMIT
        self.word_budget = 2 * length.value if long_budget else None
        self.used = 0

    def enough_after(self, pick: int) -> bool:
        if self.word_budget is None:
            return False
        self.used += len(_WORD.findall(self.doc.sentence_text(int(self.body[pick]))))
        return self.used >= self.word_budget


def rank_scores(picked: list[int], rest_order: np.ndarray, n: int) -> np.ndarray:
    """sumy's greedy ratings (-1 per step) for ``picked``; the rest follow ``rest_order``."""
    ratings = np.empty(n, dtype=np.float64)
    ratings[np.asarray(picked, dtype=np.int64)] = -np.arange(len(picked), dtype=np.float64)
    ratings[rest_order] = -np.arange(len(picked), len(picked) + len(rest_order), dtype=np.float64)
    return ratings


def first_best(values: np.ndarray, *, largest: bool) -> int:
    """Index of the first value within float noise of the best (sumy takes the first best)."""
    best = values.max() if largest else values.min()
    tolerance = 1e-12 * abs(best)
    hits = values >= best - tolerance if largest else values <= best + tolerance
    return int(np.argmax(hits))
