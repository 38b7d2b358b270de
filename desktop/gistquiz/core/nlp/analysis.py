"""Per-document language analysis, computed once and shared by facts, clauses and the quiz.

``analyze(doc)`` tokenizes and tags every sentence and finds its noun chunks, entities and
lemmas. The result is cached per Document object (weakly: it goes when the document goes),
so the facts extractor, the clause finder and the question builders never re-tokenize.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from functools import cached_property

from ..document import Document
from ..progress import NEVER_CANCELLED, CancelToken
from .chunks import Chunk, noun_chunks
from .entities import Entity
from .lemmas import lemma
from .tagger import tag
from .tokens import Token, tokenize


@dataclass(frozen=True, eq=False)
class SentenceAnalysis:
    """One sentence: ``tokens[i]`` has Penn tag ``tags[i]`` and lemma ``lemmas[i]``.

    ``chunks`` and ``entities`` index tokens (``first``/``last``) and also carry char spans
    into ``Document.text`` (``tokens[k].start``/``.end``; ``Entity.start``/``.end``).
    """

    index: int
    tokens: tuple[Token, ...]
    tags: tuple[str, ...]
    lemmas: tuple[str, ...]
    chunks: tuple[Chunk, ...]
    entities: tuple[Entity, ...]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Char span of tokens ``[first, last)``."""
        return self.tokens[first].start, self.tokens[last - 1].end

    @cached_property
    def token_at(self) -> dict[int, int]:
        """Token index by its start offset."""
        return {t.start: k for k, t in enumerate(self.tokens)}


@dataclass(frozen=True, eq=False)
class DocAnalysis:
    sentences: tuple[SentenceAnalysis, ...]

    @property
    def token_count(self) -> int:
        return sum(len(s.tokens) for s in self.sentences)


def analyze_sentence(text: str, start: int, end: int, index: int = 0) -> SentenceAnalysis:
    """Analyse ``text[start:end]`` (offsets stay absolute into ``text``)."""
    from .typer import type_entities  # the typer needs tags; imported late to keep startup light

    tokens = tuple(tokenize(text, start, end))
    tags = tuple(_tight_hyphens(tokens, tag([t.norm for t in tokens])))
    lemmas = tuple(lemma(t.norm, g) for t, g in zip(tokens, tags, strict=True))
    chunks = tuple(noun_chunks(tokens, tags))
    entities = tuple(type_entities(tokens, tags))
    return SentenceAnalysis(index, tokens, tags, lemmas, chunks, entities)


def _tight_hyphens(tokens: tuple[Token, ...], tags: list[str]) -> list[str]:
    """A hyphen written tight between two word pieces ("cease-fire") is HYPH, whatever the
    tagger guessed: the tagger never sees spacing, the treebanks always tag it so."""
    for k in range(1, len(tokens) - 1):
        if (
            tokens[k].text == "-"
            and tokens[k - 1].end == tokens[k].start
            and tokens[k].end == tokens[k + 1].start
            and tokens[k - 1].text[-1:].isalnum()
            and tokens[k + 1].text[:1].isalnum()
        ):
            tags[k] = "HYPH"
    return tags


_cache: weakref.WeakKeyDictionary[Document, DocAnalysis] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def analyze(doc: Document, *, cancel: CancelToken = NEVER_CANCELLED) -> DocAnalysis:
    """The analysis of every sentence of ``doc`` (cached per Document object)."""
    with _cache_lock:
        cached = _cache.get(doc)
    if cached is not None:
        return cached
    sentences = []
    for s in doc.sentences:
        cancel.check()
        sentences.append(analyze_sentence(doc.text, s.start, s.end, s.index))
    result = DocAnalysis(tuple(sentences))
    with _cache_lock:
        _cache[doc] = result
    return result


def warm_up() -> None:
    """Load every model and list this layer uses (a few seconds, once), e.g. from a worker
    thread at start-up so the first quiz does not pay for it."""
    from .gazetteer import places
    from .lemmas import inflect
    from .lemmas import lemma as _lemma
    from .parser import model as parser_model
    from .tagger import tagger
    from .typer import type_entities
    from .word_frequency import table as word_frequencies

    tagger()
    word_frequencies()
    parser_model()
    places()
    _lemma("traveled", "VBD")
    inflect("travel", "VBZ")  # lemminflect's inflection table loads apart from its lemmas
    tokens = tokenize("Mr. Smith visited Paris.")
    type_entities(tokens, tag([t.norm for t in tokens]))
