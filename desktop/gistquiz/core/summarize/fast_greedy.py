"""Greedy summarizers with incremental distributions: KL-Sum and SumBasic (sumy's semantics).

sumy re-scores every remaining sentence from scratch at each greedy step (KL-Sum rebuilds a
dict per candidate: cubic in the sentences). Both scores are sums over a sentence's words of
a function of (the word's document probability, its count in the sentence, its count in the
summary so far), so after a pick only the sentences sharing a word with it change: we keep
per-sentence partial sums and recompute just those rows (exactly, not by accumulating
deltas, so long runs do not drift). A step costs O(n) for the arg-best plus the non-zeros of
the affected rows.

sumy rates every sentence by the step that picks it (0, -1, -2, ...); the selection only
needs the first k picks, so we run ``greedy_steps(length)`` steps and order the remaining
sentences by their score at the last step (word budgets need the full order: see
``fast_common.GreedyPlan``).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..progress import CancelToken
from .base import Length
from .fast_common import (
    GreedyPlan,
    body_matrix,
    body_rows,
    finish,
    first_best,
    rank_scores,
    sumy_options,
)
from .features import sentence_terms, word_tokens


def _ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(start, stop)`` for each pair, vectorised."""
    sizes = stops - starts
    total = int(sizes.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.concatenate([[0], sizes.cumsum()[:-1]]), sizes)
    return np.arange(total, dtype=np.int64) + offsets


def _rows_with(csc: sp.csc_matrix, columns: np.ndarray) -> np.ndarray:
    """The distinct rows holding a non-zero in any of ``columns``."""
    positions = _ranges(csc.indptr[columns], csc.indptr[columns + 1])
    return np.unique(csc.indices[positions])


def _row_entries(csr: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position in ``rows`` of each non-zero, its index into csr.data/indices)."""
    starts, stops = csr.indptr[rows], csr.indptr[rows + 1]
    return np.repeat(np.arange(len(rows)), stops - starts), _ranges(starts, stops)


# ---------------------------------------------------------------- SumBasic


def sumbasic_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    opts = sumy_options(doc, options)
    body = body_rows(doc)
    terms = sentence_terms(doc, stop_words=opts.stop_words, stemmer=opts.stemmer, cancel=cancel)
    counts = body_matrix(terms.counts, body)
    n = len(body)
    # Plain arrays instead of scipy's sums: the counts are the kept words, so a row's sum is
    # its length and a column's sum a bincount.
    words = terms.lengths[body].astype(np.float64)
    total = words.sum()
    prob = np.bincount(counts.indices, counts.data, minlength=counts.shape[1])
    prob = prob / total if total else np.zeros(counts.shape[1])
    csc = counts.tocsc()

    def average(rows: np.ndarray) -> np.ndarray:
        owner, pos = _row_entries(counts, rows)
        sums = np.bincount(owner, counts.data[pos] * prob[counts.indices[pos]], len(rows))
        return np.divide(sums, words[rows], out=np.zeros(len(rows)), where=words[rows] > 0)

    every_row = np.repeat(np.arange(n), np.diff(counts.indptr))
    sums = np.bincount(every_row, counts.data * prob[counts.indices], n)
    avg = np.divide(sums, words, out=np.zeros(n), where=words > 0)
    alive = np.ones(n, dtype=bool)
    picked: list[int] = []
    plan = GreedyPlan(doc, body, length)
    for _ in range(plan.steps):
        best = first_best(np.where(alive, avg, -np.inf), largest=True)
        picked.append(best)
        alive[best] = False
        a, b = counts.indptr[best], counts.indptr[best + 1]
        terms, repeats = counts.indices[a:b], counts.data[a:b]
        # sumy squares a word's probability once per occurrence in the picked sentence.
        for r in range(int(repeats.max()) if len(repeats) else 0):
            squared = terms[repeats > r]
            prob[squared] = prob[squared] * prob[squared]
        rows = _rows_with(csc, terms)
        avg[rows] = average(rows)
        cancel.check()
        if plan.enough_after(best):
            break
    rest = np.flatnonzero(alive)
    rest = rest[np.argsort(-avg[rest], kind="stable")]
    return finish(doc, body, rank_scores(picked, rest, n), canonical=False)


# ---------------------------------------------------------------- KL-Sum


def kl_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    """sumy's KLSummarizer, quirks included (see ``_KlState``)."""
    body = body_rows(doc)
    state = _KlState(doc, body, frozenset(sumy_options(doc, options).stop_words), cancel)
    n = len(body)
    alive = np.ones(n, dtype=bool)
    picked: list[int] = []
    kl = state.divergences()
    plan = GreedyPlan(doc, body, length)
    for _ in range(plan.steps):
        best = first_best(np.where(alive, kl, np.inf), largest=False)
        picked.append(best)
        alive[best] = False
        state.add_to_summary(best)
        kl = state.divergences()
        cancel.check()
        if plan.enough_after(best):
            break
    rest = np.flatnonzero(alive)
    rest = rest[np.argsort(kl[rest], kind="stable")]
    return finish(doc, body, rank_scores(picked, rest, n), canonical=False)


class _KlState:
    """Per-candidate parts of sumy's KL(joint || doc) so a pick updates only its neighbours.

    sumy's quirks, reproduced: the document distribution lower-cases words *after* the
    stop-word test (so "The" counts, as "the"); candidates contribute their lower-cased
    non-stop words, but the summary so far contributes its *raw* words (any case, stop
    words too) to the joint distribution's size, and those raw words match document words
    only when already lower-case. The divergence sums p(w) log(p(w) / q(w)) over the words of
    the joint distribution that have p(w) > 0; with c = candidate counts, s = summary counts
    and m = |candidate| + |summary|:
        KL = sum_w p log p - p log(c + s) + (sum of those p) * log m.
    """

    def __init__(
        self, doc: Document, body: np.ndarray, stops: frozenset[str], cancel: CancelToken
    ) -> None:
        tokens = word_tokens(doc, cancel)
        n_lower = len(tokens.lower_types)
        raw_stop = np.fromiter((t in stops for t in tokens.types), bool, len(tokens.types))
        lower_stop = np.fromiter((t in stops for t in tokens.lower_types), bool, n_lower)
        is_lower = np.fromiter(
            (t == tokens.lower_types[tokens.lower[i]] for i, t in enumerate(tokens.types)),
            bool,
            len(tokens.types),
        )
        positions = _ranges(tokens.offsets[body], tokens.offsets[body + 1])
        owner = np.repeat(np.arange(len(body)), np.diff(tokens.offsets)[body])
        types = tokens.token_types[positions]
        lowers = tokens.lower[types]
        doc_words = lowers[~raw_stop[types]]
        self.prob = np.bincount(doc_words, minlength=n_lower) / max(len(doc_words), 1)
        content = ~lower_stop[lowers]
        self.counts = sp.csr_matrix(
            (np.ones(int(content.sum())), (owner[content], lowers[content])),
            shape=(len(body), n_lower),
        )
        self.counts.sum_duplicates()
        self.csc = self.counts.tocsc()
        self.sizes = np.asarray(self.counts.sum(axis=1)).ravel()
        # Summary side: every raw word adds to |summary|; lower-case ones may match p(w) > 0.
        self.key = np.where(is_lower, tokens.lower, -1)
        self.offsets, self.token_types = tokens.offsets, tokens.token_types
        self.body = body
        self.summary = np.zeros(n_lower)
        self.summary_size = 0
        self.partial = np.zeros(len(body))  # sum over candidate words of their term
        self.mass = np.zeros(len(body))  # p of candidate words not yet in the summary
        self._update_rows(np.arange(len(body)))

    def _update_rows(self, rows: np.ndarray) -> None:
        owner, pos = _row_entries(self.counts, rows)
        words, c = self.counts.indices[pos], self.counts.data[pos]
        p, s = self.prob[words], self.summary[words]
        with np.errstate(divide="ignore", invalid="ignore"):
            in_summary = s > 0
            term = np.where(
                in_summary, p * (np.log(s) - np.log(s + c)), p * (np.log(p) - np.log(c))
            )
        self.partial[rows] = np.bincount(owner, term, len(rows))
        self.mass[rows] = np.bincount(owner, np.where(in_summary, 0.0, p), len(rows))

    def add_to_summary(self, row: int) -> None:
        sentence = self.body[row]
        a, b = self.offsets[sentence], self.offsets[sentence + 1]
        keys = self.key[self.token_types[a:b]]
        keys = keys[(keys >= 0)]
        keys = keys[self.prob[keys] > 0]
        self.summary_size += int(b - a)
        if len(keys):
            np.add.at(self.summary, keys, 1.0)
            changed = np.unique(keys)
            self._update_rows(_rows_with(self.csc, changed))

    def divergences(self) -> np.ndarray:
        support = (self.summary > 0) & (self.prob > 0)
        p, s = self.prob[support], self.summary[support]
        base = float(np.sum(p * np.log(p) - p * np.log(s)))
        base_mass = float(p.sum())
        mass = base_mass + self.mass
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.where(mass > 0, mass * np.log(self.sizes + self.summary_size), 0.0)
        return base + self.partial + scale
