"""Per-document word features for the fast summarizers, computed once and cached.

Every fast algorithm sees the words sumy would see: ``nltk.word_tokenize`` of the sentence
text we hand sumy (``Document.clean_sentence(i)``), filtered by sumy's
``Tokenizer._is_word``; sumy then lower-cases, drops stop words and stems. We tokenize all
sentences in one pass (``fast_tokenize``) and stem once per distinct lower-cased word.

API (all results are cached per Document -- weakly, so they die with it -- and thread-safe):

``word_tokens(doc) -> Tokens``
    The word tokens of every sentence (headings included), in order:
    ``types`` (distinct raw tokens), ``token_types`` (int32 type id per token, sentences
    concatenated), ``offsets`` (sentence i owns ``token_types[offsets[i]:offsets[i+1]]``),
    ``lower`` (per type, id into ``lower_types``), ``word_counts`` (tokens per sentence),
    ``sentence_of_token`` (int32 sentence index per token).

``sentence_terms(doc, *, stop_words=None, stemmer=None) -> Terms``
    ``counts``: scipy CSR (sentences x terms, float64 counts) of stem(lower(word)) over the
    words whose lower-cased form is not a stop word -- sumy's ``_to_words_set``;
    ``vocabulary`` (term strings, in order of first occurrence; only terms that occur);
    ``lengths`` (kept words per sentence), ``word_counts`` (all words per sentence),
    ``token_terms`` (per token of ``word_tokens(doc)``: term id, or -1 for a stop word).
    ``stop_words=None`` / ``stemmer=None`` mean the document language's sumy defaults
    (``language.stop_words``/``language.stemmer``); pass ``()`` for no stop words and
    ``sumy.nlp.stemmers.null_stemmer`` for no stemming.

Rows cover every sentence of ``doc.sentences`` (headings too): each algorithm picks the rows
it needs, as sumy separates ``document.sentences`` from ``document.headings``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ..document import Document
from ..language import language_name
from ..language import stemmer as default_stemmer
from ..language import stop_words as default_stop_words
from .fast_tokenize import is_word, word_tokenize_many

__all__ = ["Terms", "Tokens", "sentence_terms", "word_tokens"]


@dataclass(frozen=True, eq=False)
class Tokens:
    types: tuple[str, ...]
    token_types: np.ndarray  # int32, one per token
    offsets: np.ndarray  # int64, len(sentences) + 1
    lower: np.ndarray  # int32, per type: index into lower_types
    lower_types: tuple[str, ...]

    @property
    def word_counts(self) -> np.ndarray:
        return np.diff(self.offsets)

    @property
    def sentence_of_token(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.offsets) - 1, dtype=np.int32), self.word_counts).astype(
            np.int32, copy=False
        )

    def sentence_words(self, index: int) -> list[str]:
        """The raw word tokens of one sentence (what sumy's ``Sentence.words`` holds)."""
        a, b = self.offsets[index], self.offsets[index + 1]
        return [self.types[t] for t in self.token_types[a:b]]


@dataclass(frozen=True, eq=False)
class Terms:
    counts: sp.csr_matrix  # sentences x terms, float64 counts
    vocabulary: tuple[str, ...]
    lengths: np.ndarray  # int64, kept words per sentence
    word_counts: np.ndarray  # int64, all words per sentence
    token_terms: np.ndarray  # int32 per token: term id or -1


_lock = threading.RLock()
_cache: weakref.WeakKeyDictionary[Document, dict] = weakref.WeakKeyDictionary()


def _doc_cache(doc: Document) -> dict:
    with _lock:
        entry = _cache.get(doc)
        if entry is None:
            entry = _cache[doc] = {}
        return entry


def word_tokens(doc: Document) -> Tokens:
    """The word tokens sumy would see in every sentence of ``doc`` (cached)."""
    entry = _doc_cache(doc)
    with _lock:
        tokens = entry.get("tokens")
        if tokens is None:
            tokens = entry["tokens"] = _build_tokens(doc)
        return tokens


def _build_tokens(doc: Document) -> Tokens:
    sentences = [doc.clean_sentence(i) for i in range(len(doc.sentences))]
    special = _special_word_tokenizer(doc.language)
    if special is None:
        lines = word_tokenize_many(sentences)
    else:
        # sumy's own tokenizer for this language (Greek: a regexp), applied as sumy does.
        lines = [list(special.tokenize(s.strip())) for s in sentences]
    flat = [token for line in lines for token in line]
    sizes = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    type_ids: dict[str, int] = {}
    ids = np.fromiter(
        (type_ids.setdefault(t, len(type_ids)) for t in flat), dtype=np.int64, count=len(flat)
    )
    # sumy's word filter, decided once per distinct token; word types keep first-seen order.
    is_word_type = np.fromiter(map(is_word, type_ids), dtype=bool, count=len(type_ids))
    keep = is_word_type[ids]
    compact = (np.cumsum(is_word_type) - 1).astype(np.int32)
    token_types = compact[ids[keep]]
    sentence = np.repeat(np.arange(len(lines)), sizes)[keep]
    offsets = np.zeros(len(lines) + 1, dtype=np.int64)
    offsets[1:] = np.bincount(sentence, minlength=len(lines)).cumsum()
    types = tuple(t for t, word in zip(type_ids, is_word_type.tolist(), strict=True) if word)
    lower_ids: dict[str, int] = {}
    lower = np.fromiter(
        (lower_ids.setdefault(t.lower(), len(lower_ids)) for t in types),
        dtype=np.int32,
        count=len(types),
    )
    return Tokens(types, token_types, offsets, lower, tuple(lower_ids))


def _special_word_tokenizer(code: str):
    """sumy's word tokenizer when it is not ``nltk.word_tokenize`` (None otherwise)."""
    from sumy.nlp.tokenizers import Tokenizer

    name = Tokenizer.LANGUAGE_ALIASES.get(language_name(code), language_name(code))
    return Tokenizer.SPECIAL_WORD_TOKENIZERS.get(name)


def sentence_terms(
    doc: Document,
    *,
    stop_words: Collection[str] | None = None,
    stemmer: Callable[[str], str] | None = None,
) -> Terms:
    """Sentence x term counts of stem(lower(word)) for non-stop words (cached; see module doc)."""
    stops = frozenset(default_stop_words(doc.language) if stop_words is None else stop_words)
    stem = default_stemmer(doc.language) if stemmer is None else stemmer
    key = ("terms", stops, stem)
    entry = _doc_cache(doc)
    with _lock:
        terms = entry.get(key)
        if terms is None:
            terms = entry[key] = _build_terms(word_tokens(doc), stops, stem)
        return terms


# Stems per stemmer, shared by all documents: Snowball costs ~15 us a word and a language's
# vocabulary recurs from one document to the next. Bounded: reset past MAX_CACHED_STEMS.
MAX_CACHED_STEMS = 500_000
_stems: dict[Callable[[str], str], dict[str, str]] = {}


def _stem_cache(stem: Callable[[str], str]) -> dict[str, str]:
    try:
        cache = _stems.setdefault(stem, {})
    except TypeError:  # an unhashable stemmer: no sharing
        return {}
    if len(cache) > MAX_CACHED_STEMS:
        cache.clear()
    return cache


def _build_terms(tokens: Tokens, stops: frozenset[str], stem: Callable[[str], str]) -> Terms:
    # sumy compares lower-cased words with lower-cased stop words, then stems (lower(word)).
    stops = frozenset(w.lower() for w in stops)
    stems = _stem_cache(stem)
    term_ids: dict[str, int] = {}
    lower_term = np.full(len(tokens.lower_types), -1, dtype=np.int32)
    # Terms are numbered in order of first occurrence, so the vocabulary is deterministic.
    used, first = np.unique(tokens.lower[tokens.token_types], return_index=True)
    for lower_id in used[np.argsort(first, kind="stable")].tolist():
        word = tokens.lower_types[lower_id]
        if word not in stops:
            stemmed = stems.get(word)
            if stemmed is None:
                stemmed = stems[word] = stem(word)
            lower_term[lower_id] = term_ids.setdefault(stemmed, len(term_ids))
    token_terms = lower_term[tokens.lower[tokens.token_types]]
    n = len(tokens.offsets) - 1
    keep = token_terms >= 0
    rows = tokens.sentence_of_token[keep]
    counts = sp.csr_matrix(
        (np.ones(int(keep.sum())), (rows, token_terms[keep])), shape=(n, len(term_ids))
    )
    counts.sum_duplicates()
    lengths = np.bincount(rows, minlength=n).astype(np.int64)
    return Terms(counts, tuple(term_ids), lengths, tokens.word_counts, token_terms)
