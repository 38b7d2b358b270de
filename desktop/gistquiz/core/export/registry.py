"""The exporter registry: format name -> Exporter.

An exporter turns a Quiz (and/or a Summary) into bytes; the registry filters questions the
format cannot hold, writes atomically and never overwrites unless asked. Adding a format is
one module plus one ``register(...)`` line in ``export/__init__.py`` (the Qt-based PDF
exporter registers itself from ``gistquiz.render`` because the core never imports Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import InvalidOption, NotEnoughText
from ..quiz.model import Kind, Quiz
from ..summarize import Ranking
from .atomic import atomic_write


@dataclass(frozen=True)
class ExportOptions:
    """Choices shared by the formats; each exporter reads the ones that apply to it.

    ``answer_key``: printable formats add the answers on a page of their own.
    ``shuffle``: Moodle shuffles the options when it shows a question.
    ``document``: the quiz's document, when known (the JSON keeps its language and source).
    """

    answer_key: bool = True
    shuffle: bool = True
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Summary:
    """What a summary export needs: the chosen sentences (spans and display text)."""

    document_id: str
    title: str
    algorithm: str
    length: str
    sentences: tuple[SummarySentence, ...]
    total_sentences: int

    @classmethod
    def of(cls, doc: Document, ranking: Ranking) -> Summary:
        chosen = tuple(
            SummarySentence(i, doc.sentences[i].start, doc.sentences[i].end, doc.clean_sentence(i))
            for i in ranking.selected
        )
        return cls(
            doc.id, doc.title, ranking.algorithm, str(ranking.length), chosen, len(doc.sentences)
        )


QuizWriter = Callable[[Quiz, ExportOptions], bytes]
SummaryWriter = Callable[[Summary, ExportOptions], bytes]


@dataclass(frozen=True)
class Exporter:
    name: str  # the CLI's --to value
    label: str  # shown in the GUI's file dialog
    suffix: str  # default file name extension, with the dot
    quiz: QuizWriter | None = None
    summary: SummaryWriter | None = None
    kinds: frozenset[Kind] = field(default_factory=lambda: frozenset(Kind))  # kinds it holds

    @property
    def filter(self) -> str:
        """A Qt file dialog name filter: "Moodle XML (*.xml)"."""
        return f"{self.label} (*{self.suffix})"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    written: int  # questions (or summary sentences) written
    skipped: int = 0  # questions of kinds the format cannot hold
    unit: str = "question"

    @property
    def message(self) -> str:
        what = f"{self.written} {self.unit}{'s' * (self.written != 1)}"
        extra = f" ({self.skipped} of other kinds left out)" if self.skipped else ""
        return f"Exported {what} to {self.path}{extra}."


_REGISTRY: dict[str, Exporter] = {}


def register(exporter: Exporter) -> None:
    _REGISTRY[exporter.name] = exporter


def get(name: str) -> Exporter:
    key = (name or "").strip().lower()
    key = _ALIASES.get(key, key)
    if key not in _REGISTRY:
        raise InvalidOption(f"Unknown export format {name!r}. Available: {', '.join(names())}.")
    return _REGISTRY[key]


_ALIASES = {"anki": "apkg", "md": "markdown", "xml": "moodle", "txt": "text", "htm": "html"}


def names(*, quiz: bool | None = None, summary: bool | None = None) -> list[str]:
    """Registered formats, optionally only those that export quizzes / summaries."""
    return [
        e.name
        for e in _REGISTRY.values()
        if (quiz is None or (e.quiz is not None) == quiz)
        and (summary is None or (e.summary is not None) == summary)
    ]


def exporters() -> list[Exporter]:
    return list(_REGISTRY.values())


def format_for_path(path: str | Path, *, summary: bool = False) -> str | None:
    """The one format whose suffix matches ``path``, or None when none or several do."""
    suffix = Path(path).suffix.lower()
    found = [
        e.name
        for e in _REGISTRY.values()
        if e.suffix == suffix and (e.summary if summary else e.quiz) is not None
    ]
    return found[0] if len(found) == 1 else None


def render_quiz(quiz: Quiz, fmt: str, options: ExportOptions | None = None) -> tuple[bytes, int]:
    """The file's bytes and how many questions were left out (kinds the format lacks)."""
    exporter = get(fmt)
    if exporter.quiz is None:
        raise InvalidOption(f"{exporter.label} exports summaries, not quizzes.")
    kept = tuple(q for q in quiz.questions if q.kind in exporter.kinds)
    if not kept:
        kinds = ", ".join(sorted(k.value for k in exporter.kinds))
        raise NotEnoughText(
            f"Nothing to export: {exporter.label} holds only {kinds} questions "
            "and this quiz has none."
        )
    data = exporter.quiz(quiz.replace(questions=kept), options or ExportOptions())
    return data, len(quiz.questions) - len(kept)


def export_quiz(
    quiz: Quiz,
    fmt: str,
    path: str | Path,
    *,
    options: ExportOptions | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Write ``quiz`` as ``fmt`` to ``path`` atomically. Raises ``OutputExists`` if it exists
    and ``overwrite`` is false."""
    data, skipped = render_quiz(quiz, fmt, options)
    written = atomic_write(path, data, overwrite=overwrite)
    return ExportResult(written, get(fmt).name, len(quiz.questions) - skipped, skipped)


def render_summary(summary: Summary, fmt: str, options: ExportOptions | None = None) -> bytes:
    exporter = get(fmt)
    if exporter.summary is None:
        usable = ", ".join(names(summary=True))
        raise InvalidOption(f"{exporter.label} cannot hold a summary: use {usable}.")
    return exporter.summary(summary, options or ExportOptions())


def export_summary(
    summary: Summary,
    fmt: str,
    path: str | Path,
    *,
    options: ExportOptions | None = None,
    overwrite: bool = False,
) -> ExportResult:
    data = render_summary(summary, fmt, options)
    written = atomic_write(path, data, overwrite=overwrite)
    return ExportResult(written, get(fmt).name, len(summary.sentences), unit="sentence")
