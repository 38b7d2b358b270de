"""Word-frequency summarizers on token arrays: LSA, Luhn, Edmundson (sumy's semantics).

* LSA: sumy keeps every singular value (``REDUCTION_RATIO = 1``, at least 3), so its rank
  sqrt(sum_k sigma_k^2 v_kj^2) is the length of column j of Sigma V^T = U^T A, i.e. of column
  j of A itself (U is orthonormal and spans A's columns). We compute that length directly from
  the sparse counts: A's smoothed cells are 0.4 + 0.6 f / max_f in every row of a sentence
  that has a word (0.4 where the word is absent), so |A_j|^2 = 0.16 m + sum over the
  sentence's words of ((0.4 + 0.6 f / max_f)^2 - 0.16). No SVD, no dense matrix; identical
  ranking up to float rounding. ``options["reduction_ratio"] < 1`` gives genuine truncated
  LSA through a sparse SVD (scipy ``svds`` on a matrix-free operator).
* Luhn: chunks of significant words with gaps of at most 4 words, vectorised over tokens.
* Edmundson: cue + title + location (sumy's default weights), with our cue words and the
  document's own title (never one derived from its first sentence) as the heading when it
  has none (as ``to_sumy`` does).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..language import install_nltk_punkt
from ..progress import CancelToken
from .base import Length
from .cue_words import BONUS_WORDS, STIGMA_WORDS, own_title
from .fast_common import body_rows, finish, sumy_options
from .fast_tokenize import is_word
from .features import Terms, sentence_terms, word_tokens

SMOOTH = 0.4  # sumy's LsaSummarizer._compute_term_frequency default
LUHN_MAX_GAP = 4  # sumy's LuhnSummarizer.max_gap_size


def _token_rows(doc: Document, body: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position in ``body`` of each body token, index of the token in word_tokens)."""
    tokens = word_tokens(doc)
    starts, stops = tokens.offsets[body], tokens.offsets[body + 1]
    sizes = stops - starts
    owner = np.repeat(np.arange(len(body)), sizes)
    offsets = np.repeat(starts - np.concatenate([[0], sizes.cumsum()[:-1]]), sizes)
    return owner, np.arange(int(sizes.sum()), dtype=np.int64) + offsets


def _term_flags(terms: Terms, words: set[str]) -> np.ndarray:
    return np.fromiter((t in words for t in terms.vocabulary), bool, len(terms.vocabulary))


def _term_weights(terms: Terms, words: set[str]) -> np.ndarray:
    return _term_flags(terms, words).astype(np.float64)


# ---------------------------------------------------------------- LSA


def lsa_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    opts = sumy_options(doc, options)
    body = body_rows(doc)
    # sumy's dictionary: stems of the non-stop words of the whole document (headings too);
    # its matrix then counts every word whose stem is in the dictionary, stop word or not.
    content = sentence_terms(doc, stop_words=opts.stop_words, stemmer=opts.stemmer, cancel=cancel)
    dictionary = set(content.vocabulary)
    if not dictionary or len(body) == 0:
        return finish(doc, body, np.zeros(len(body)), canonical=True)
    every = sentence_terms(doc, stop_words=(), stemmer=opts.stemmer, cancel=cancel)
    counts = every.counts[body][:, np.flatnonzero(_term_flags(every, dictionary))].tocsr()
    m = len(dictionary)
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    row_max = np.zeros(counts.shape[0])
    np.maximum.at(row_max, rows, counts.data)
    has_words = row_max > 0
    cells = SMOOTH + (1.0 - SMOOTH) * counts.data / row_max[rows]
    ratio = float(options.get("reduction_ratio", 1.0))
    dimensions = max(3, int(min(m, counts.shape[0]) * ratio))
    if dimensions >= min(m, counts.shape[0]) - 1:
        squares = np.bincount(rows, cells**2 - SMOOTH**2, minlength=counts.shape[0])
        ranks = np.sqrt(np.where(has_words, SMOOTH**2 * m + squares, 0.0))
    else:
        ranks = _truncated_ranks(counts, rows, cells, has_words, m, dimensions)
    cancel.check()
    return finish(doc, body, ranks, canonical=True)


def _truncated_ranks(counts, rows, cells, has_words, m, dimensions) -> np.ndarray:
    """sumy's rank with only the top ``dimensions`` singular values, via a sparse SVD."""
    from scipy.sparse.linalg import LinearOperator, svds  # only this option needs ARPACK

    # Sentences x words: sparse (cells - 0.4) plus 0.4 in every cell of a non-empty sentence.
    delta = sp.csr_matrix(
        (cells - SMOOTH, counts.indices, counts.indptr), shape=(len(has_words), m)
    )
    mask = has_words.astype(np.float64)
    operator = LinearOperator(
        delta.shape,
        matvec=lambda x: delta @ x + SMOOTH * mask * x.sum(),
        rmatvec=lambda y: delta.T @ y + SMOOTH * (mask @ y),
        dtype=np.float64,
    )
    u, sigma, _ = svds(operator, k=dimensions, random_state=0)
    # Rows of U * sigma are the sentences' coordinates (sumy's v columns times sigma).
    return np.sqrt(((u * sigma) ** 2).sum(axis=1))


# ---------------------------------------------------------------- Luhn


def luhn_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    opts = sumy_options(doc, options)
    body = body_rows(doc)
    content = sentence_terms(doc, stop_words=opts.stop_words, stemmer=opts.stemmer, cancel=cancel)
    # Significant: non-stop stems seen more than once in the document (headings included).
    totals = np.asarray(content.counts.sum(axis=0)).ravel()
    significant = {t for t, c in zip(content.vocabulary, totals, strict=True) if c > 1}
    every = sentence_terms(doc, stop_words=(), stemmer=opts.stemmer, cancel=cancel)
    owner, token = _token_rows(doc, body)
    flag = _term_flags(every, significant)[every.token_terms[token]]
    position, sentence = token[flag], owner[flag]
    ratings = np.zeros(len(body))
    if len(position):
        # A chunk runs from a significant word while the next one is at most 4 words on.
        new = np.ones(len(position), dtype=bool)
        new[1:] = (sentence[1:] != sentence[:-1]) | (np.diff(position) > LUHN_MAX_GAP)
        chunk = new.cumsum() - 1
        size = np.bincount(chunk).astype(np.float64)
        starts = np.flatnonzero(new)
        ends = np.concatenate([starts[1:], [len(position)]]) - 1
        span = (position[ends] - position[starts] + 1).astype(np.float64)
        rating = np.where(size == 1, 0.0, size**2 / span)
        np.maximum.at(ratings, sentence[starts], rating)
    cancel.check()
    return finish(doc, body, ratings, canonical=False)


# ---------------------------------------------------------------- Edmundson


def edmundson_scorer(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list:
    opts = sumy_options(doc, options)
    stem = opts.stemmer
    body = body_rows(doc)
    every = sentence_terms(doc, stop_words=(), stemmer=stem, cancel=cancel)
    bonus = {stem(w.lower()) for w in options.get("bonus_words", BONUS_WORDS)}
    stigma = {stem(w.lower()) for w in options.get("stigma_words", STIGMA_WORDS)}
    null = {stem(w.lower()) for w in opts.stop_words}
    headings = [s.index for s in doc.sentences if s.heading]
    title = own_title(doc)  # never the title derived from the first sentence (cue_words)
    title_inserted = not headings and bool(title)
    if headings:
        heading_terms = every.token_terms[_token_rows(doc, np.asarray(headings))[1]]
        heading_stems = {every.vocabulary[t] for t in heading_terms}
    elif title:
        install_nltk_punkt()
        import nltk  # lazily: importing NLTK costs about a second (see language.py)

        words = [w for w in nltk.word_tokenize(title.strip()) if is_word(w)]
        heading_stems = {stem(w.lower()) for w in words}
    else:
        heading_stems = set()
    significant = heading_stems - null

    owner, token = _token_rows(doc, body)
    term = every.token_terms[token]
    n = len(body)
    cue = np.bincount(owner, _term_weights(every, bonus)[term], n) - np.bincount(
        owner, _term_weights(every, stigma)[term], n
    )
    title_score = np.bincount(owner, _term_weights(every, significant)[term], n)
    ratings = cue + 2.0 * title_score + _location_bonus(doc, title_inserted)
    cancel.check()
    return finish(doc, body, ratings, canonical=False)


def _location_bonus(doc: Document, title_inserted: bool) -> np.ndarray:
    """sumy's location bonuses: first/last paragraph, first/last sentence of a paragraph."""
    shift = 1 if title_inserted else 0
    last_paragraph = len(doc.paragraphs) - 1 + shift
    members: dict[int, list[int]] = {}
    for s in doc.sentences:
        if not s.heading:
            members.setdefault(s.paragraph, []).append(s.index)
    position = {int(i): k for k, i in enumerate(body_rows(doc))}
    bonus = np.zeros(len(position))
    for paragraph, sentences in members.items():
        order = paragraph + shift
        extra = 1.0 if order == 0 or order == last_paragraph else 0.0
        for k, index in enumerate(sentences):
            first_or_last = k == 0 or k == len(sentences) - 1
            bonus[position[index]] = extra + (1.0 if first_or_last else 0.0)
    return bonus
