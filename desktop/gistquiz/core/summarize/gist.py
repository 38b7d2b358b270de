"""GistRank, the default summarizer: position-aware centrality with redundancy control.

In the spirit of PacSum (Zheng & Lapata 2019) over tf-idf vectors, plus the priors a reader
applies without thinking:

- lead strength: first it asks whether the text front-loads its content, i.e. whether its
  opening sentences are more central (similar to the rest) than its average sentence. News
  in the inverted pyramid does; an essay that builds to its point or a novel's chapter
  usually does not;
- position: for a text that front-loads, an early sentence scores high, with a prior that
  fades over the first dozen sentences (exp(-i / 5)); 0.1 of the score is centrality;
- centrality: for a text that does not, a sentence scores mostly by its summed cosine
  similarity to all the others (0.4 of the position prior is kept). The directed form
  (PacSum's negative weight on similarity to earlier sentences, for news) is computed with
  prefix sums over the sparse tf-idf matrix, so the cost is linear in the text's size
  (PacSum's dense n x n graph would not fit a 10,000-sentence book);
- length and form: short sentences (captions, "scroll down for video"), run-ons and
  quotations are damped;
- redundancy: the chosen sentences are picked by maximal marginal relevance (MMR), so a
  sentence that repeats one already chosen gives way to the next new one.

Five weights in ``GistParams`` are fitted on cnndm-dev200 by ``tests/eval/fit_gist.py`` (a
coarse grid, the centre of the best plateau, with a repeated 5-fold cross-validation of
the whole fit printed beside it); the others are priors. Nothing is fitted to single
documents. Words are GistRank's own (a regex, stop words, a plural-only stemmer for
English): it needs similarities, not sumy's exact tokens, and a 10,000-sentence book is
scored in about half a second on a first call.
"""

from __future__ import annotations

import math
import re
import threading
import weakref
from dataclasses import dataclass, fields

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..errors import InvalidOption
from ..language import stemmer as language_stemmer
from ..language import stop_words
from ..progress import CancelToken
from .base import Length

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
    """The weights of GistRank (defaults chosen by tests/eval/fit_gist.py)."""

    # Fitted on cnndm-dev200 (a coarse grid; the centre of the best plateau).
    position_weight: float = 0.9  # share of the position prior against centrality
    position_scale: float = 5.0  # prior = exp(-i / scale) for the i-th body sentence
    redundancy: float = 0.75  # MMR: penalty per unit of max similarity to a chosen sentence
    quote_penalty: float = 0.6  # factor (1 - p) for sentences with quotation marks
    short_words: float = 10.0  # sentences shorter than this are damped by words / short_words
    # Priors, not fitted: PacSum's sign (a sentence that repeats earlier ones is less
    # central), the news/not-news switch at "as central as the average sentence", and a
    # damping for run-ons longer than three average news sentences.
    backward_weight: float = -1.0  # weight of similarity to earlier sentences (PacSum's λ1)
    lead_threshold: float = 1.0  # lead strength below which a text is not read as news
    long_words: float = 60.0  # sentences longer than this are damped ...
    long_penalty: float = 1.0  # ... by exp(-long_penalty * excess / long_words)

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
    body: np.ndarray  # bool: may be chosen (not a heading)
    forward: np.ndarray  # summed similarity to later sentences
    backward: np.ndarray  # summed similarity to earlier sentences
    lead_strength: float  # centrality of the opening sentences relative to the mean


_QUOTE = re.compile(r"[\"“”«»„]|(?:^|\s)['‘]\w|\w[,.?!]['’](?:\s|$)")


def features(doc: Document) -> GistFeatures:
    """tf-idf vectors and form features of every sentence of ``doc``."""
    counts, words = _term_counts(doc)
    n = len(doc.sentences)
    quote = _quotes(doc)
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
    return GistFeatures(
        vectors,
        position,
        words,
        quote,
        body,
        forward,
        backward,
        lead_strength(forward + backward, body),
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")


def s_stem(word: str) -> str:
    """Harman's (1991) S-stemmer: English plurals to singular, nothing else.

    Light on purpose: it merges "whale"/"whales" and "city"/"cities", which is what the
    sentence similarities need, and costs a microsecond where Snowball costs ~40 (17,000
    distinct words of a novel: 0.7 s of Snowball against 0.01 s).
    """
    if word.endswith("ies") and not word.endswith(("eies", "aies")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")) and len(word) > 3:
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")) and len(word) > 3:
        return word[:-1]
    return word


def _term_counts(
    doc: Document,
) -> tuple[sp.csr_matrix, np.ndarray]:
    """(sentences x terms counts, words per sentence) of ``doc``.

    Our own pass rather than the fast engines' sumy-exact tokens (features.py): one regex
    ``findall`` per sentence, stop words from the language's list, and a light stemmer for
    English (Snowball elsewhere), each once per distinct word. On a 10,000-sentence book
    this takes ~0.25 s against ~1.5 s for the sumy-exact tokens on a first call, and
    GistRank needs sentence similarities, not sumy's exact words.
    """
    n = len(doc.sentences)
    text = doc.text
    lines = [_WORD.findall(text, s.start, s.end) for s in doc.sentences]
    sizes = np.fromiter(map(len, lines), np.int64, n)
    tokens = [t for line in lines for t in line]
    # Distinct words in first-seen order, then one id per token: C loops, no regex matches.
    types = {t: k for k, t in enumerate(dict.fromkeys(tokens))}
    type_of = np.fromiter(map(types.__getitem__, tokens), np.int64, len(tokens))
    owner = np.repeat(np.arange(n), sizes)
    words = sizes.astype(float)
    stem = s_stem if doc.language == "en" else language_stemmer(doc.language)
    stops = stop_words(doc.language)
    terms: dict[str, int] = {}
    term_of_lower: dict[str, int] = {}
    for word in types:  # distinct tokens; lower-cased here, not in the text (spans stay put)
        lower = word.lower()
        if lower not in term_of_lower:
            skip = lower in stops or lower[0].isdigit()
            term_of_lower[lower] = -1 if skip else terms.setdefault(stem(lower), len(terms))
    term_of_type = np.fromiter((term_of_lower[w.lower()] for w in types), np.int64, len(types))
    term = term_of_type[type_of] if len(type_of) else type_of
    keep = term >= 0
    counts = sp.csr_matrix(
        (np.ones(int(keep.sum())), (owner[keep], term[keep])), shape=(n, len(terms))
    )
    counts.sum_duplicates()
    return counts, words


def lead_strength(centrality: np.ndarray, body: np.ndarray, opening: int = 3) -> float:
    """How central the first ``opening`` body sentences are, relative to the average one.

    News in the inverted pyramid opens with its most central sentences (median 1.3 on
    cnndm-dev200); an essay that builds to its point, or a novel's chapter, does not.
    """
    values = centrality[body]
    if len(values) <= opening or values.mean() <= 0:
        return math.inf  # too short to tell: trust the opening
    return float(values[:opening].mean() / values.mean())


def _quotes(doc: Document) -> np.ndarray:
    """1.0 for each sentence that quotes someone, else 0.0.

    Quotes are found in one pass over the whole text and mapped to sentences by offset: a
    regex call per sentence cost ~0.5 s on a 10,000-sentence book.
    """
    n = len(doc.sentences)
    starts = np.fromiter((s.start for s in doc.sentences), np.int64, n)
    ends = np.fromiter((s.end for s in doc.sentences), np.int64, n)
    quote = np.zeros(n)
    hits = np.array([m.start() for m in _QUOTE.finditer(doc.text)], dtype=np.int64)
    if len(hits):
        owner = np.searchsorted(starts, hits, side="right") - 1
        inside = (owner >= 0) & (hits < ends[np.maximum(owner, 0)])
        quote[owner[inside]] = 1.0
    return quote


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
    score = score * np.minimum(1.0, f.words / p.short_words)
    score = score * np.exp(-p.long_penalty * np.maximum(0.0, f.words - p.long_words) / p.long_words)
    score = score * (1.0 - p.quote_penalty * f.quote)
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


# Features per document, kept while the document lives: changing the length or an option
# in the GUI re-ranks without recounting words (~0.5 s on a 10,000-sentence book).
_cache: weakref.WeakKeyDictionary[Document, GistFeatures] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def cached_features(doc: Document) -> GistFeatures:
    """``features(doc)``, computed once per document."""
    with _cache_lock:
        found = _cache.get(doc)
    if found is None:
        found = features(doc)
        with _cache_lock:
            _cache[doc] = found
    return found


def score(doc: Document, length: Length, options: dict, cancel: CancelToken) -> list[float]:
    """Registry scorer for "gist"."""
    params = GistParams.from_options(options)
    cancel.check()
    f = cached_features(doc)
    cancel.check()
    return gist_scores(f, params, summary_count(doc, length)).tolist()
