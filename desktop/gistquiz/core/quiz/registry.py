"""Question builders by kind: adding a kind is one module plus one ``@register`` line.

A builder turns one fact into zero or more candidate questions of its kind; the quiz builder
validates, ranks and chooses among them. Builders share a ``Context`` that holds what is
computed once per quiz (the article index for truth checks, the facts for distractors).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..document import Document
from ..facts.model import Fact
from .distractors import ArticleIndex
from .model import Kind, Question
from .text import paired_quotes_around

_SPACE_RUN = re.compile(r"\s+")


@dataclass
class Context:
    doc: Document
    facts: Sequence[Fact]
    seed: int = 0
    index: ArticleIndex = field(init=False)
    sentence_starts: frozenset[int] = field(init=False)
    _distractors: dict[tuple[int, int], list[str]] = field(default_factory=dict, init=False)
    memo: dict[object, object] = field(default_factory=dict, init=False)  # builders' caches

    def __post_init__(self) -> None:
        self.index = ArticleIndex.of(self.doc.sentence_text(s.index) for s in self.doc.sentences)
        self.sentence_starts = frozenset(s.start for s in self.doc.sentences)

    def rng(self, *key: object) -> random.Random:
        """A generator seeded by the quiz seed and ``key``: the same question, the same draw."""
        return random.Random(":".join(str(k) for k in (self.seed, self.doc.id, *key)))

    def question_id(self, kind: Kind, fact: Fact) -> str:
        raw = f"{self.doc.id}:{kind.value}:{fact.start}:{fact.end}"
        return hashlib.sha1(raw.encode()).hexdigest()[:12]

    def split(self, fact: Fact) -> tuple[str, str, str]:
        """The fact's sentence as (before, answer, after), spaces folded for display."""
        sentence = self.doc.sentences[fact.sentence]
        raw = self.doc.text[sentence.start : sentence.end]
        a, b = fact.start - sentence.start, fact.end - sentence.start
        before = _SPACE_RUN.sub(" ", raw[:a]).lstrip()
        after = _SPACE_RUN.sub(" ", raw[b:]).rstrip()
        return paired_quotes_around(before, raw[a:b], after)

    def distractors(self, fact: Fact) -> list[str]:
        """Three safe distractors for ``fact`` (cached: MCQ and false TF items share them)."""
        key = (fact.start, fact.end)
        if key not in self._distractors:
            from .distractors import choose

            sentence = self.doc.sentences[fact.sentence]
            self._distractors[key] = choose(
                fact,
                self.facts,
                self.doc.text[sentence.start : sentence.end],
                sentence.start,
                self.index,
                self.rng("distractors", fact.start),
                sentence_starts=self.sentence_starts,
            )
        return self._distractors[key]


Builder = Callable[[Context, Fact], list[Question]]
BUILDERS: dict[Kind, Builder] = {}


def register(kind: Kind) -> Callable[[Builder], Builder]:
    def add(builder: Builder) -> Builder:
        BUILDERS[kind] = builder
        return builder

    return add


def builder_for(kind: Kind) -> Builder:
    _load_builtin()
    return BUILDERS[kind]


def available_kinds() -> tuple[Kind, ...]:
    _load_builtin()
    return tuple(BUILDERS)


def _load_builtin() -> None:
    from . import builders  # noqa: F401  (registers mcq, cloze, tf, wh)
