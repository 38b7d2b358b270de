"""The one door both faces use: open -> summarize -> facts -> quiz -> export.

The CLI and the GUI call only these functions (and use the data types they return), so the
flow is written once. Each function is pure given its inputs, options and seed; long ones
take a progress callback and a cancel token.
"""

from __future__ import annotations

import io
from importlib.resources import files
from pathlib import Path

from . import export
from .document import Document, build_document
from .errors import EmptyDocument, InvalidOption, TooLarge
from .export import ExportResult
from .loaders import DEFAULT_MAX_BYTES, LoadContext, for_extension, read_limited
from .loaders.registry import format_mb
from .progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from .quiz.model import Quiz, QuizOptions
from .summarize import Length, Ranking
from .summarize import get as get_summarizer

DEFAULT_ALGORITHM = "gist"  # GistRank: beats Lead-3 on news (docs/summaries.md)
SAMPLE_NAME = "sample/seed-article.txt"
DEFAULT_QUIZ_OPTIONS = QuizOptions()


def sample_path() -> str:
    """The bundled sample article, as a display name for recent files and titles."""
    return SAMPLE_NAME


def sample_bytes() -> bytes:
    return files("gistquiz.resources").joinpath(SAMPLE_NAME).read_bytes()


def open_sample(*, language: str | None = "en") -> Document:
    """The bundled sample article (the default document)."""
    return load_bytes(sample_bytes(), name="sample-article.txt", language=language)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://")) or "://" in source[:12]


def open_source(
    source: str | Path,
    *,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Document:
    """Open a path or an http(s) URL as a Document. Raises a typed ``GistQuizError``."""
    source = str(source)
    if is_url(source):
        from .loaders.url import load_url  # lazily: only URL users pay for the HTTP stack

        return load_url(
            source, language=language, max_bytes=max_bytes, timeout=timeout, cancel=cancel
        )
    path = Path(source)
    if not path.exists():
        raise InvalidOption(f"No such file: {source}")
    if path.is_dir():
        raise InvalidOption(f"{source} is a folder, not a document.")
    loader = for_extension(path)
    progress(0.0, f"Reading {path.name}")
    data = read_limited(path, max_bytes)
    cancel.check()
    doc = loader.load(data, LoadContext(str(path), language, cancel))
    progress(1.0, "Loaded")
    return doc


def load_bytes(
    data: bytes,
    *,
    name: str = "",
    language: str | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Document:
    """Load in-memory bytes; the loader is chosen by ``name``'s extension (text if none)."""
    loader = for_extension(name if Path(name).suffix else "pasted.txt")
    return loader.load(data, LoadContext(name, language, cancel))


def open_text(text: str, *, title: str = "", language: str | None = None) -> Document:
    """Pasted text: plain text, never interpreted as markup or code."""
    if not text.strip():
        raise EmptyDocument("Nothing to open: the pasted text is empty.")
    from .loaders.text import normalize_newlines

    return build_document(
        normalize_newlines(text), title=title, language=language, source="(pasted)"
    )


def read_stdin(
    stream: io.BufferedReader,
    *,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Standard input as plain text, refused past the same size limit as files."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(
            f"Standard input is over the {format_mb(max_bytes)} limit (raise it with --max-mb)."
        )
    return load_bytes(data, name="stdin.txt", language=language)


def summarize(
    doc: Document,
    algorithm: str = DEFAULT_ALGORITHM,
    length: Length | str | int = 5,
    *,
    engine: str = "fast",
    options: dict | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Ranking:
    """Score every sentence with ``algorithm`` and choose a summary of ``length``."""
    return get_summarizer(algorithm).rank(
        doc, length, engine=engine, options=options, cancel=cancel
    )


def build_quiz(
    doc: Document,
    options: QuizOptions = DEFAULT_QUIZ_OPTIONS,
    *,
    ranking: Ranking | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Quiz:
    """A quiz on ``doc``'s key facts. ``ranking`` (a summary) weights the facts if given.

    Raises ``UnsupportedLanguage`` for non-English text and ``InvalidOption`` for bad options;
    a text with few facts gives fewer questions and says so in ``Quiz.notes``.
    """
    from .facts import extract_facts
    from .quiz.builder import build, check_language, check_options

    check_options(options)
    check_language(doc)
    progress(0.0, "Finding the key facts")
    facts = extract_facts(doc, ranking=ranking)
    cancel.check()
    return build(
        doc,
        facts,
        options,
        progress=lambda f, m: progress(0.3 + 0.7 * f, m),
        cancel=cancel,
    )


def export_quiz(
    quiz: Quiz,
    fmt: str,
    path: str | Path,
    *,
    document: Document | None = None,
    answer_key: bool = True,
    overwrite: bool = False,
) -> ExportResult:
    """Write ``quiz`` in format ``fmt`` (see ``export.names()``) atomically to ``path``.

    Raises ``OutputExists`` when ``path`` exists and ``overwrite`` is false (the GUI asks
    first; the CLI needs --force). "pdf" is available once ``gistquiz.render`` is imported.
    """
    options = export.ExportOptions(answer_key=answer_key, document=document)
    return export.export_quiz(quiz, fmt, path, options=options, overwrite=overwrite)


def export_summary(
    doc: Document, ranking: Ranking, fmt: str, path: str | Path, *, overwrite: bool = False
) -> ExportResult:
    """Write the summary ``ranking`` chose from ``doc`` as text, markdown, html or pdf."""
    return export.export_summary(export.Summary.of(doc, ranking), fmt, path, overwrite=overwrite)


def load_quiz(path: str | Path) -> Quiz:
    """Open a quiz saved as JSON by ``export_quiz(quiz, "json", path)``."""
    return export.load_quiz(path)


def facts(
    doc: Document,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    ranking: Ranking | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list:
    """The key facts of ``doc`` (``core.facts.Fact``), most important first.

    Importance uses ``ranking`` if given, else a summary by ``algorithm``.
    """
    from .facts import extract_facts

    if ranking is None:
        ranking = summarize(doc, algorithm, 5, cancel=cancel)
    return extract_facts(doc, ranking, cancel=cancel)
