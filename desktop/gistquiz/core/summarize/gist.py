"""GistRank, the default summarizer: position-aware centrality with redundancy control.

In the spirit of PacSum (Zheng & Lapata 2019) over tf-idf vectors, plus the priors a reader
applies without thinking:

- lead strength: first it asks whether the text front-loads its content, i.e. whether its
  opening sentences are more central (similar to the rest) than its average sentence. News
  in the inverted pyramid does; an essay that builds to its point or a novel's chapter
  usually does not;
- position: for a text that front-loads, an early sentence scores high, with a prior that
  fades over the first few dozen sentences (on cnndm-dev200 the fitted weight gives this
  prior the whole say; centrality then only enters through redundancy control);
- centrality: for a text that does not, a sentence scores by its summed cosine similarity
  to all the others (0.4 of the position prior is kept). The directed form (later sentences
  weighted apart from earlier ones, PacSum's λ) is computed with prefix sums over the
  sparse tf-idf matrix, so the cost is linear in the text's size (PacSum's dense n x n graph
  would not fit a 10,000-sentence book);
- length and form: very short sentences (captions, "scroll down for video") and quotations
  are damped; questions, run-ons and lines without final punctuation can be;
- cue words: Edmundson's bonus/stigma words (cue_words.py) nudge findings and conclusions up;
- redundancy: the chosen sentences are picked by maximal marginal relevance (MMR), so a
  sentence that repeats one already chosen gives way to the next new one.

Every weight lives in ``GistParams``; the defaults are fitted on cnndm-dev200 by
``tests/eval/fit_gist.py`` (which prints the search and a 5-fold cross-validation) and
never on single documents.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..errors import InvalidOption
from ..language import stemmer as language_stemmer
from ..progress import CancelToken
from .base import Length
from .cue_words import BONUS_WORDS, STIGMA_WORDS
from .features import sentence_terms

NAME = "gist"
LABEL = "GistRank"
DESCRIPTION = (
    "Our default: the lead of news-like texts, the most central sentences of others; "
    "skips fillers and repeats (position-aware centrality + MMR)."
)


# Design constant, not fitted: the share of the position prior a text keeps when its
# opening is less central than its average sentence (the news set has too few such texts
# to tell, and a book chapter or an essay needs it well below 1).
NON_LEAD_POSITION_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class GistParams:
    """The weights of GistRank (defaults fitted by tests/eval/fit_gist.py)."""

    position_weight: float = 1.0  # share of the position prior against centrality
    position_scale: float = 10.0  # prior = exp(-i / scale) for the i-th body sentence
    backward_weight: float = -1.0  # weight of similarity to earlier sentences (PacSum's λ1)
    lead_threshold: float = 1.0  # lead strength below which a text is not read as news
    short_words: float = 5.0  # sentences shorter than this are damped ...
    short_exponent: float = 1.0  # ... by (words / short_words) ** short_exponent
    long_words: float = 60.0  # sentences longer than this are damped ...
    long_penalty: float = 1.0  # ... by exp(-long_penalty * excess / long_words)
    quote_penalty: float = 0.2  # factor (1 - p) for sentences with quotation marks
    question_penalty: float = 0.0  # factor (1 - p) for questions
    fragment_penalty: float = 0.0  # factor (1 - p) for captions, headings, salutations
    cue_weight: float = 0.0  # added per net bonus word (squashed by tanh)
    redundancy: float = 0.3  # MMR: penalty per unit of max similarity to a chosen sentence

    @classmethod
    def from_options(cls, options: dict) -> GistParams:
        """Defaults overridden by any ``options`` key that names a parameter."""
        known = {f.name for f in fields(cls)}
        try:
            return cls(**{k: float(v) for k, v in options.items() if k in known})
        except (TypeError, ValueError) as error:
            raise InvalidOption(f"Invalid GistRank option: {error}") from None


@dataclass(frozen=True, eq=False)
class GistFeatures:
    """Per-sentence inputs of the score; computed once per document (the fit reuses them)."""

    vectors: sp.csr_matrix  # l2-normalised tf-idf rows (zero rows for word-less sentences)
    position: np.ndarray  # index among body sentences (headings get their own running index)
    words: np.ndarray  # word count
    quote: np.ndarray  # 1.0 if the sentence quotes someone
    question: np.ndarray  # 1.0 if it asks a question
    fragment: np.ndarray  # 1.0 for a "label: caption" or a line without final punctuation
    cue: np.ndarray  # bonus minus stigma words
    body: np.ndarray  # bool: may be chosen (not a heading)
    forward: np.ndarray  # summed similarity to later sentences
    backward: np.ndarray  # summed similarity to earlier sentences
    lead_strength: float  # centrality of the opening sentences relative to the mean


_QUOTE = re.compile(r"[\"“”«»„]|(?:^|\s)['‘]\w|\w[,.?!]['’](?:\s|$)")
_LABEL = re.compile(r"[^\s:]{1,30}(?: [^\s:]{1,30}){0,2}: \S")
# A sentence proper ends in . ! ? or … (maybe inside quotes or brackets); a line without
# one is a heading, a salutation or a list intro that a plain-text loader could not mark.
# (_LABEL is used with match(text, start): anchored at the sentence start without "^".)
_FINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’)] \t\r\n"


def features(doc: Document) -> GistFeatures:
    """tf-idf vectors and form features of every sentence of ``doc``."""
    terms = sentence_terms(doc)  # cached per document and shared with the fast engines
    counts = terms.counts
    n = len(doc.sentences)
    stem = language_stemmer(doc.language)
    cue_of_term = np.zeros(counts.shape[1])
    bonus = {stem(w) for w in BONUS_WORDS}
    stigma = {stem(w) for w in STIGMA_WORDS}
    for k, term in enumerate(terms.vocabulary):
        cue_of_term[k] = (term in bonus) - (term in stigma)
    cue = counts @ cue_of_term if counts.shape[1] else np.zeros(n)
    quote, question, fragment = _form_features(doc)
    # Inverse sentence frequency within the document: no corpus to ship, and a word that
    # recurs in every sentence of this text says little about any one of them.
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((n + 1) / (df + 1)) + 1.0
    tfidf = counts @ sp.diags(idf) if counts.shape[1] else sp.csr_matrix((n, 1))
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    vectors = sp.csr_matrix(sp.diags(1.0 / norms) @ tfidf)
    body = np.array([not s.heading for s in doc.sentences])
    position = np.zeros(n)
    position[body] = np.arange(int(body.sum()))
    position[~body] = np.arange(int((~body).sum()))
    forward, backward = directed_centrality(vectors)
    words = terms.word_counts.astype(float)
    return GistFeatures(
        vectors,
        position,
        words,
        quote,
        question,
        fragment,
        cue,
        body,
        forward,
        backward,
        lead_strength(forward + backward, body),
    )


def lead_strength(centrality: np.ndarray, body: np.ndarray, opening: int = 3) -> float:
    """How central the first ``opening`` body sentences are, relative to the average one.

    News in the inverted pyramid opens with its most central sentences (median 1.3 on
    cnndm-dev200); an essay that builds to its point, or a novel's chapter, does not.
    """
    values = centrality[body]
    if len(values) <= opening or values.mean() <= 0:
        return math.inf  # too short to tell: trust the opening
    return float(values[:opening].mean() / values.mean())


def _form_features(doc: Document) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(quote, question, fragment) flags per sentence.

    Quotes are found in one pass over the whole text and mapped to sentences by offset: a
    regex call per sentence cost ~0.5 s on a 10,000-sentence book.
    """
    n = len(doc.sentences)
    starts = np.array([s.start for s in doc.sentences])
    ends = np.array([s.end for s in doc.sentences])
    quote = np.zeros(n)
    hits = np.array([m.start() for m in _QUOTE.finditer(doc.text)], dtype=np.int64)
    if len(hits):
        owner = np.searchsorted(starts, hits, side="right") - 1
        inside = (owner >= 0) & (hits < ends[np.maximum(owner, 0)])
        quote[owner[inside]] = 1.0
    question = np.zeros(n)
    fragment = np.zeros(n)
    text = doc.text
    for s in doc.sentences:
        tail = text[max(s.start, s.end - 8) : s.end].rstrip(_CLOSERS)
        question[s.index] = tail.endswith("?")
        fragment[s.index] = not tail.endswith(_FINAL) or bool(_LABEL.match(text, s.start, s.end))
    return quote, question, fragment


def directed_centrality(vectors: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """(forward, backward): each row's summed cosine with the rows after / before it.

    forward_i = x_i . (total - prefix_i) and backward_i = x_i . prefix_i - |x_i|^2, where
    prefix_i is the sum of rows 0..i; prefix values are running sums down each column of the
    CSC matrix, so the whole thing is O(non-zeros) instead of O(n^2).
    """
    n = vectors.shape[0]
    csc = sp.csc_matrix(vectors)
    csc.sort_indices()
    running = np.cumsum(csc.data)
    column_of = np.repeat(np.arange(csc.shape[1]), np.diff(csc.indptr))
    before_column = np.concatenate(([0.0], running))[csc.indptr[:-1]]
    prefix = running - before_column[column_of]  # sum of the column down to this row
    up_to_self = np.bincount(csc.indices, weights=csc.data * prefix, minlength=n)
    total = np.asarray(vectors.sum(axis=0)).ravel()
    with_all = vectors @ total
    self_similarity = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    return with_all - up_to_self, up_to_self - self_similarity


def base_scores(f: GistFeatures, p: GistParams) -> np.ndarray:
    """The score of every sentence before redundancy control (headings score 0)."""
    # A text that front-loads its content gets the news treatment (PacSum's direction and
    # the full position prior); one that does not is read as a whole: plain centrality, so
    # a closing sentence that sums everything up can win, with 0.4 of the position prior.
    lead_like = f.lead_strength >= p.lead_threshold
    backward_weight = p.backward_weight if lead_like else 1.0
    position_weight = p.position_weight * (1.0 if lead_like else NON_LEAD_POSITION_SHARE)
    centrality = f.forward + backward_weight * f.backward
    body = f.body
    if body.any():
        low, high = centrality[body].min(), centrality[body].max()
        centrality = (centrality - low) / (high - low) if high > low else centrality * 0.0
    # Exponential, not a power law: past a few dozen sentences position stops mattering, so
    # on a book chapter centrality alone decides (and it held out better on news, fit_gist).
    prior = np.exp(-f.position / p.position_scale)
    score = position_weight * prior + (1.0 - position_weight) * centrality
    score = score + p.cue_weight * np.tanh(f.cue)
    score = score * np.minimum(1.0, f.words / p.short_words) ** p.short_exponent
    score = score * np.exp(-p.long_penalty * np.maximum(0.0, f.words - p.long_words) / p.long_words)
    score = score * (1.0 - p.quote_penalty * f.quote)
    score = score * (1.0 - p.question_penalty * f.question)
    score = score * (1.0 - p.fragment_penalty * f.fragment)
    return np.where(body, score, 0.0)


def mmr_order(f: GistFeatures, scores: np.ndarray, count: int, redundancy: float) -> list[int]:
    """The first ``count`` picks of maximal marginal relevance among the body sentences.

    Only the best ``4 * count + 20`` sentences compete: a sentence below that would need a
    redundancy penalty larger than the score spread to win, and the pool keeps this cheap on
    books.
    """
    candidates = np.flatnonzero(f.body)
    count = min(count, len(candidates))
    if count <= 0:
        return []
    pool_size = min(len(candidates), 4 * count + 20)
    pool = candidates[np.argsort(-scores[candidates], kind="stable")[:pool_size]]
    if redundancy <= 0:
        return [int(i) for i in pool[:count]]
    similarity = (f.vectors[pool] @ f.vectors[pool].T).toarray()
    value = scores[pool].astype(float)
    worst_overlap = np.zeros(len(pool))
    taken = np.zeros(len(pool), dtype=bool)
    order: list[int] = []
    for _ in range(count):
        marginal = np.where(taken, -np.inf, value - redundancy * worst_overlap)
        k = int(np.argmax(marginal))
        taken[k] = True
        order.append(int(pool[k]))
        worst_overlap = np.maximum(worst_overlap, similarity[k])
    return order


def summary_count(doc: Document, length: Length) -> int:
    """How many sentences the selection rule will take for ``length`` (words: an estimate)."""
    body = len(doc.body_sentences)
    if length.unit == "sentences":
        return int(length.value)
    if length.unit == "percent":
        return max(1, math.floor(body * length.value / 100 + 0.5))
    mean_words = max(1.0, doc.word_count / max(1, len(doc.sentences)))
    return int(length.value / mean_words) + 2


def gist_scores(f: GistFeatures, p: GistParams, count: int) -> np.ndarray:
    """Final scores: the MMR picks rank first, in pick order; the rest keep their base score.

    Base scores lie in [0, 1] (scaled by the best); picks get 1 + (count - rank) / count, so
    the shared top-N rule selects exactly the MMR summary and the GUI can still shade the rest.
    """
    base = base_scores(f, p)
    top = base.max() if len(base) and base.max() > 0 else 1.0
    final = base / top
    order = mmr_order(f, base, count, p.redundancy)
    for rank, index in enumerate(order):
        final[index] = 1.0 + (len(order) - rank) / len(order)
    return final


def score(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list[float]:
    """Registry scorer for "gist"."""
    params = GistParams.from_options(options)
    cancel.check()
    f = features(doc)
    cancel.check()
    return gist_scores(f, params, summary_count(doc, length)).tolist()
