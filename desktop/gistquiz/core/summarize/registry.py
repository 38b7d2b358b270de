"""The summarizer registry: algorithm name -> Summarizer.

A summarizer scores every sentence of a Document (``score``); the registry turns scores into
a Ranking with the shared selection rule. Adding an algorithm is one module plus one
``register(...)`` line in ``summarize/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..document import Document
from ..errors import InvalidOption
from ..progress import NEVER_CANCELLED, CancelToken
from .base import Length, Ranking, select

# A scorer takes the document, the summary length (some algorithms, like KL-Sum, depend on
# it), options and a cancel token, and returns one float per sentence.
Scorer = Callable[[Document, Length, dict, CancelToken], Sequence[float]]


@dataclass(frozen=True)
class Summarizer:
    name: str
    label: str
    description: str  # one line, shown in the CLI and the GUI's picker
    scorers: dict[str, Scorer] = field(default_factory=dict)  # engine -> scorer

    def rank(
        self,
        doc: Document,
        length: Length | str | int = 5,
        *,
        engine: str = "fast",
        options: dict | None = None,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> Ranking:
        length = Length.parse(length)
        if engine not in ENGINES:
            raise InvalidOption(f"Unknown engine {engine!r}: use {' or '.join(ENGINES)}.")
        # An algorithm without the requested engine (Lead has no sumy version) uses the
        # engine it has: its result is the same by construction.
        scorer = self.scorers.get(engine) or next(iter(self.scorers.values()))
        scores = [float(x) for x in scorer(doc, length, options or {}, cancel)]
        if len(scores) != len(doc.sentences):
            raise AssertionError(f"{self.name} scored {len(scores)} of {len(doc.sentences)}")
        return Ranking(self.name, tuple(scores), select(doc, scores, length), length)


ENGINES = ("fast", "sumy")
_REGISTRY: dict[str, Summarizer] = {}


def register(summarizer: Summarizer) -> None:
    _REGISTRY[summarizer.name] = summarizer


def add_engine(name: str, engine: str, scorer: Scorer) -> None:
    """Give an already registered algorithm another engine (e.g. the fast one)."""
    _REGISTRY[name].scorers[engine] = scorer


def get(name: str) -> Summarizer:
    key = (name or "").strip().lower().replace("_", "-")
    if key not in _REGISTRY:
        raise InvalidOption(f"Unknown algorithm {name!r}. Available: {', '.join(names())}.")
    return _REGISTRY[key]


def names() -> list[str]:
    return list(_REGISTRY)


def all_summarizers() -> list[Summarizer]:
    return list(_REGISTRY.values())
