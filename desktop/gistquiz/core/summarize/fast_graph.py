"""Graph summarizers on sparse matrices: LexRank, TextRank, Reduction (sumy's semantics).

sumy builds dense n x n similarity matrices with a Python loop over sentence pairs. Here:

* LexRank (sumy: binary graph of idf-modified cosine > threshold, rows divided by degree,
  power iteration with L2 normalisation until the step is <= epsilon) computes the cosines
  block by block as sparse products of unit tf-idf rows, keeping only the edges above the
  threshold: memory grows with the edges, never with n^2. ``options["continuous"]`` gives
  continuous LexRank (cosine-weighted, not in sumy) by power iteration through the term
  matrix itself: S p = X (X^T p), no graph at all.
* TextRank and Reduction weigh a pair by shared words (C C^T) over log(len_i) + log(len_j).
  That factor only depends on the two lengths, so W q = sum_t W_t q splits by term: rare terms
  (few sentences) form an explicit sparse pair matrix, frequent terms go through sentence-
  length groups: Y[g] = sum_{i in g} q_i C_i, Z = K Y with K[a, b] = 1 / (L_a + L_b), and
  (W q)_i = C_i . Z[g(i)] -- exact, with cost O(nnz + groups^2 * frequent terms).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..progress import CancelToken
from .base import Length
from .fast_common import body_matrix, body_rows, finish, sumy_options
from .features import sentence_terms

MAX_ITERATIONS = 10_000  # sumy loops until convergence; this only guards against NaN loops
PAIR_BUDGET = 4_000_000  # explicit pair products allowed for the rare terms of TextRank


def _body_counts(
    doc: Document, options: dict, cancel: CancelToken
) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    opts = sumy_options(doc, options)
    terms = sentence_terms(doc, stop_words=opts.stop_words, stemmer=opts.stemmer, cancel=cancel)
    body = body_rows(doc)
    return body, body_matrix(terms.counts, body), terms.lengths[body]


# ---------------------------------------------------------------- LexRank


def _unit_tfidf(counts: sp.csr_matrix) -> sp.csr_matrix:
    """Rows of tf (count / max count) * idf (log(n / (1 + df))), scaled to unit length."""
    n = counts.shape[0]
    x = counts.copy()
    row_of = np.repeat(np.arange(n), np.diff(x.indptr))
    row_max = np.zeros(n)
    np.maximum.at(row_max, row_of, x.data)
    df = np.bincount(x.indices, minlength=x.shape[1])
    idf = np.log(n / (1.0 + df))
    x.data = x.data / row_max[row_of] * idf[x.indices]
    norms = np.sqrt(np.bincount(row_of, x.data**2, minlength=n))
    # sumy's cosine is 0 when either sentence has zero tf-idf length.
    scale = np.divide(1.0, norms, out=np.zeros(n), where=norms > 0)
    x.data *= scale[row_of]
    x.eliminate_zeros()
    return x


def _threshold_graph(unit: sp.csr_matrix, threshold: float, cancel: CancelToken) -> sp.csr_matrix:
    """0/1 matrix of cosine > threshold, computed in row blocks of bounded work."""
    n = unit.shape[0]
    transposed = unit.T.tocsr()
    df = np.diff(transposed.indptr)
    work = np.bincount(
        np.repeat(np.arange(n), np.diff(unit.indptr)), df[unit.indices], minlength=n
    ).cumsum()
    indices, counts = [], []
    start = 0
    while start < n:
        # Rows whose candidate pairs add up to ~4M: bounded peak memory per block.
        base = work[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(work, base + 4_000_000, side="right")))
        stop = min(stop, n)
        block = unit[start:stop] @ transposed
        keep = block.data > threshold
        rows = np.repeat(np.arange(stop - start), np.diff(block.indptr))[keep]
        indices.append(block.indices[keep].astype(np.int32))
        counts.append(np.bincount(rows, minlength=stop - start))
        start = stop
        cancel.check()
    indptr = np.concatenate([[0], np.concatenate(counts).cumsum()]) if counts else np.zeros(1)
    cols = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32)
    return sp.csr_matrix((np.ones(len(cols)), cols, indptr.astype(np.int64)), shape=(n, n))


def _lexrank_power(step: Callable[[np.ndarray], np.ndarray], n: int, epsilon: float, cancel):
    p = np.full(n, 1.0 / n)
    change = 1.0
    iterations = 0
    with np.errstate(divide="ignore", invalid="ignore"):
        while change > epsilon and iterations < MAX_ITERATIONS:
            nxt = step(p)
            nxt = nxt / np.linalg.norm(nxt)
            change = np.linalg.norm(nxt - p)
            p = nxt
            iterations += 1
            cancel.check()
    return p


def lexrank_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    body, counts, _ = _body_counts(doc, options, cancel)
    n = len(body)
    if n == 0:
        return finish(doc, body, np.zeros(0), canonical=True)
    threshold = float(options.get("threshold", 0.1))
    epsilon = float(options.get("epsilon", 0.1))
    unit = _unit_tfidf(counts)
    if options.get("continuous"):
        unit_t = unit.T.tocsr()
        degree = unit @ (unit_t @ np.ones(n))
        degree[degree == 0] = 1.0

        def step(p: np.ndarray) -> np.ndarray:
            return unit @ (unit_t @ (p / degree))

    elif threshold < 0:
        # Every cosine is >= 0 > threshold: sumy's graph is complete.
        def step(p: np.ndarray) -> np.ndarray:
            return np.full(n, p.sum() / n)

    else:
        graph = _threshold_graph(unit, threshold, cancel)
        degree = np.asarray(graph.sum(axis=1)).ravel()
        degree[degree == 0] = 1.0
        graph_t = graph.T.tocsr()

        def step(p: np.ndarray) -> np.ndarray:
            return graph_t @ (p / degree)

    return finish(doc, body, _lexrank_power(step, n, epsilon, cancel), canonical=True)


# ---------------------------------------------------------------- TextRank and Reduction


def _textrank_factor(li: np.ndarray, lj: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        norm = np.log(li) + np.log(lj)
        return np.where(np.isclose(norm, 0.0), 1.0, 1.0 / norm)  # sumy: rank itself


def _reduction_factor(li: np.ndarray, lj: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        norm = np.log(li) + np.log(lj)
        return np.where(norm == 0.0, 0.0, 1.0 / norm)  # sumy: 0 when both have one word


class PairWeights:
    """q -> W q for W_ij = (C C^T)_ij * factor(len_i, len_j), without an n x n matrix."""

    def __init__(self, counts: sp.csr_matrix, lengths: np.ndarray, factor) -> None:
        n, vocabulary = counts.shape
        budget = PAIR_BUDGET
        self.n = n
        lengths = lengths.astype(np.float64)
        df = np.bincount(counts.indices, minlength=vocabulary)
        order = np.argsort(df, kind="stable")
        rare_count = int(np.searchsorted((df[order].astype(np.float64) ** 2).cumsum(), budget))
        if rare_count >= vocabulary:
            # Every term is rare (usual below a few thousand sentences): weigh the pair
            # products where they are, without column slicing or a COO round trip.
            pairs = (counts @ counts.T).tocsr()
            rows = np.repeat(np.arange(n), np.diff(pairs.indptr))
            pairs.data = pairs.data * factor(lengths[rows], lengths[pairs.indices])
            self.explicit, self.frequent = pairs, None
        else:
            rare = np.zeros(vocabulary, dtype=bool)
            rare[order[:rare_count]] = True
            csc = counts.tocsc()
            rare_part = csc[:, np.flatnonzero(rare)].tocsr()
            pairs = (rare_part @ rare_part.T).tocoo()
            weights = pairs.data * factor(lengths[pairs.row], lengths[pairs.col])
            self.explicit = sp.csr_matrix((weights, (pairs.row, pairs.col)), shape=(n, n))
            frequent = csc[:, np.flatnonzero(~rare)].tocsr()
            self.frequent = frequent if frequent.shape[1] else None
        if self.frequent is not None:
            used = lengths > 0
            group_lengths, group_of = np.unique(lengths[used], return_inverse=True)
            self.group = np.full(n, 0, dtype=np.int64)
            self.group[used] = group_of
            self.kernel = factor(group_lengths[:, None], group_lengths[None, :])
            self.row_of = np.repeat(np.arange(n), np.diff(frequent.indptr))
            self.width = frequent.shape[1]
        count_rows = np.repeat(np.arange(n), np.diff(counts.indptr))
        squares = np.bincount(count_rows, counts.data**2, minlength=n)
        self.diagonal = squares * factor(lengths, lengths)

    def __matmul__(self, q: np.ndarray) -> np.ndarray:
        out = self.explicit @ q
        if self.frequent is not None:
            f, rows = self.frequent, self.row_of
            groups = len(self.kernel)
            flat = self.group[rows] * self.width + f.indices
            y = np.bincount(flat, f.data * q[rows], minlength=groups * self.width)
            z = self.kernel @ y.reshape(groups, self.width)
            out += np.bincount(rows, f.data * z[self.group[rows], f.indices], minlength=self.n)
        return out


def textrank_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    body, counts, lengths = _body_counts(doc, options, cancel)
    n = len(body)
    if n == 0:
        return finish(doc, body, np.zeros(0), canonical=True)
    damping = float(options.get("damping", 0.85))
    epsilon = float(options.get("epsilon", 1e-4))
    weights = PairWeights(counts, lengths, _textrank_factor)
    # sumy divides each row by its sum + 1e-7 (sumy issue #112) and adds (1 - d) / n.
    row_sums = weights @ np.ones(n) + 1e-7
    if weights.frequent is None:
        # Every pair is explicit (the usual case below a few thousand sentences): fold the
        # damping and the division into the matrix once, so that each of the ~100 steps is
        # one sparse product and a few vector operations.
        scaled = weights.explicit.copy()
        scaled.data *= (damping / row_sums)[scaled.indices]

        def walk(p: np.ndarray) -> np.ndarray:
            return scaled @ p

    else:

        def walk(p: np.ndarray) -> np.ndarray:
            return damping * (weights @ (p / row_sums))

    p = np.full(n, 1.0 / n)
    teleport = (1.0 - damping) / n
    change, iterations = 1.0, 0
    while change > epsilon and iterations < MAX_ITERATIONS:
        nxt = walk(p)
        nxt += teleport * p.sum()
        step = nxt - p
        change = math.sqrt(step @ step)
        p = nxt
        iterations += 1
        cancel.check()
    return finish(doc, body, p, canonical=True)


def reduction_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    body, counts, lengths = _body_counts(doc, options, cancel)
    if len(body) == 0:
        return finish(doc, body, np.zeros(0), canonical=True)
    weights = PairWeights(counts, lengths, _reduction_factor)
    # sumy sums the edges to every *other* sentence: drop each sentence's edge to itself.
    ratings = weights @ np.ones(len(body)) - weights.diagonal
    return finish(doc, body, ratings, canonical=True)
