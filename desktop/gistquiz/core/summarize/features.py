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

import functools
import itertools
import re
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
from ..progress import NEVER_CANCELLED, CancelToken
from .fast_tokenize import LINE_BREAK, is_word, number_strings, treebank_numbered

__all__ = ["Terms", "Tokens", "clear_shared_caches", "sentence_terms", "word_tokens"]


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


def word_tokens(doc: Document, cancel: CancelToken = NEVER_CANCELLED) -> Tokens:
    """The word tokens sumy would see in every sentence of ``doc`` (cached)."""
    entry = _doc_cache(doc)
    with _lock:
        tokens = entry.get("tokens")
        if tokens is None:
            tokens = entry["tokens"] = _build_tokens(doc, cancel)
        return tokens


def _build_tokens(doc: Document, cancel: CancelToken) -> Tokens:
    cancel.check()
    special = _special_word_tokenizer(doc.language)
    if special is None:
        # An English document's body sentences are English Punkt's own cuts (build_document):
        # nltk.word_tokenize's Punkt pass can split them again only in their last token (see
        # treebank_numbered). Headings were never cut; other languages were cut by their own
        # Punkt: every candidate in those lines is checked.
        punkt_lines = (
            [s.index for s in doc.sentences if s.heading] if doc.language == "en" else None
        )
        distinct, ids, marker = treebank_numbered(
            _clean_text(doc), single_spaces=True, punkt_lines=punkt_lines
        )
    else:
        sentences = [doc.clean_sentence(i) for i in range(len(doc.sentences))]
        marker = LINE_BREAK
        # sumy's own tokenizer for this language (Greek: a regexp), applied as sumy does.
        flat = []
        for i, sentence in enumerate(sentences):
            flat.extend([LINE_BREAK] if i else [])
            flat.extend(t for t in special.tokenize(sentence.strip()) if t != LINE_BREAK)
        distinct, ids = number_strings(flat)
    cancel.check()
    # sumy's word filter, decided once per distinct token; word types keep first-seen order.
    # Most tokens are alphabetic, which is_word accepts at once: ask it about the others only.
    is_word_type = np.fromiter(map(str.isalpha, distinct), dtype=bool, count=len(distinct))
    others = np.flatnonzero(~is_word_type)
    others_list = [distinct[i] for i in others.tolist()]
    is_word_type[others] = np.fromiter(map(is_word, others_list), dtype=bool, count=len(others))
    breaks = ids == distinct.index(marker) if marker in distinct else np.zeros(len(ids), bool)
    sentence = np.cumsum(breaks)
    keep = is_word_type[ids]
    compact = (np.cumsum(is_word_type) - 1).astype(np.int32)
    token_types = compact[ids[keep]]
    n = len(doc.sentences)
    offsets = np.zeros(n + 1, dtype=np.int64)
    if n:
        offsets[1:] = np.bincount(sentence[keep], minlength=n).cumsum()
    types = list(itertools.compress(distinct, is_word_type.tolist()))
    lower_types, lower = number_strings(list(map(str.lower, types)))
    return Tokens(tuple(types), token_types, offsets, lower.astype(np.int32), tuple(lower_types))


_SEPARATOR = "\x00"  # not whitespace, so no fold reaches across it
_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace other than the space (str.isspace's)


def _clean_text(doc: Document) -> str:
    """The sentences of ``doc`` joined by newlines, as the word tokenizer may read them: each
    is ``doc.clean_sentence(i)``, except that runs of spaces may stay runs.

    ``clean_sentence`` folds each whitespace run (``re``'s ``\\s``, which is ``str.isspace``)
    to one space. When the sentences hold no whitespace but spaces and line breaks (hard-
    wrapped text), turning the breaks into spaces is enough: every rule of the treebank
    cascade asks only whether a neighbour is a space, which a run answers as one space does,
    and its final ``split()`` drops the runs (``check_tokenizer.py``: same tokens on four
    books). Otherwise ``str.split``/``join`` fold the runs (~3x faster than the regex).
    """
    text = doc.text
    spans = [text[s.start : s.end] for s in doc.sentences]
    joined = _SEPARATOR.join(spans)
    if not spans or _SEPARATOR in text or joined[:1].isspace() or joined[-1:].isspace():
        return "\n".join(doc.clean_sentence(i) for i in range(len(doc.sentences)))
    spaced = joined.replace("\n", " ")
    if _OTHER_SPACE.search(spaced) is None:
        return spaced.replace(_SEPARATOR, "\n")
    return " ".join(joined.split()).replace(_SEPARATOR, "\n")


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
    cancel: CancelToken = NEVER_CANCELLED,
) -> Terms:
    """Sentence x term counts of stem(lower(word)) for non-stop words (cached; see module doc)."""
    stops = frozenset(default_stop_words(doc.language) if stop_words is None else stop_words)
    stem = default_stemmer(doc.language) if stemmer is None else stemmer
    key = ("terms", stops, stem)
    entry = _doc_cache(doc)
    with _lock:
        terms = entry.get(key)
        if terms is None:
            terms = entry[key] = _build_terms(word_tokens(doc, cancel), stops, stem, cancel)
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


def clear_shared_caches() -> None:
    """Forget the stems and word decisions shared between documents (for measurements)."""
    _stems.clear()
    is_word.cache_clear()


STEMS_PER_CHECK = 2000  # Snowball words between two cancel checks (~30 ms)


@functools.lru_cache(maxsize=16)
def _lower_stops(stops: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in stops)


def _build_terms(
    tokens: Tokens, stops: frozenset[str], stem: Callable[[str], str], cancel: CancelToken
) -> Terms:
    cancel.check()
    # sumy compares lower-cased words with lower-cased stop words, then stems (lower(word)).
    stops = _lower_stops(stops)
    stems = _stem_cache(stem)
    # lower_types are in order of first occurrence, so terms numbered in order of first
    # occurrence too: the vocabulary is deterministic.
    n_lower = len(tokens.lower_types)
    is_stop = np.fromiter(map(stops.__contains__, tokens.lower_types), bool, n_lower)
    content = np.flatnonzero(~is_stop)
    words = [tokens.lower_types[i] for i in content.tolist()]
    stemmed = list(map(stems.get, words))
    missing = [i for i, s in enumerate(stemmed) if s is None] if None in stemmed else []
    for start in range(0, len(missing), STEMS_PER_CHECK):
        cancel.check()
        for i in missing[start : start + STEMS_PER_CHECK]:
            stemmed[i] = stems[words[i]] = stem(words[i])
    vocabulary, term_of_word = number_strings(stemmed)
    lower_term = np.full(n_lower, -1, dtype=np.int32)
    lower_term[content] = term_of_word
    token_terms = lower_term[tokens.lower[tokens.token_types]]
    n = len(tokens.offsets) - 1
    keep = token_terms >= 0
    rows = tokens.sentence_of_token[keep]
    # CSR built directly (sorted, duplicates summed): one sort of (row, term) keys instead of
    # scipy's COO -> CSR conversion and its format checks.
    keys, repeats = np.unique(
        rows.astype(np.int64) * max(len(vocabulary), 1) + token_terms[keep], return_counts=True
    )
    indptr = np.zeros(n + 1, dtype=np.int64)
    indptr[1:] = np.bincount(keys // max(len(vocabulary), 1), minlength=n).cumsum()
    counts = sp.csr_matrix(
        (repeats.astype(np.float64), (keys % max(len(vocabulary), 1)).astype(np.int32), indptr),
        shape=(n, len(vocabulary)),
    )
    lengths = np.bincount(rows, minlength=n).astype(np.int64)
    return Terms(counts, tuple(vocabulary), lengths, tokens.word_counts, token_terms)
