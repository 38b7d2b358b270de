"""Exporters: one module per format behind one registry.

``export_quiz(quiz, "gift", path)`` / ``export_summary(Summary.of(doc, ranking), "markdown",
path)``; ``names()`` lists the formats. PDF is registered by ``gistquiz.render`` (Qt).
"""

from __future__ import annotations

from ..quiz.model import Kind
from .aiken import write_aiken
from .anki import write_apkg
from .atomic import OutputExists, WriteFailed, atomic_write
from .csv_format import write_csv
from .gift import write_gift
from .json_format import SCHEMA, load_quiz, quiz_from_json, quiz_to_json, write_json
from .markdown import write_quiz_markdown, write_summary_markdown, write_summary_text
from .moodle import write_moodle
from .printable import write_quiz_html, write_summary_html
from .registry import (
    Exporter,
    ExportOptions,
    ExportResult,
    Summary,
    SummarySentence,
    export_quiz,
    export_summary,
    exporters,
    format_for_path,
    get,
    names,
    register,
    render_quiz,
    render_summary,
)

register(Exporter("json", "GistQuiz quiz (JSON)", ".json", quiz=write_json))
register(Exporter("apkg", "Anki deck", ".apkg", quiz=write_apkg))
register(Exporter("moodle", "Moodle XML", ".xml", quiz=write_moodle))
register(Exporter("gift", "Moodle GIFT", ".gift", quiz=write_gift))
register(Exporter("aiken", "Aiken", ".txt", quiz=write_aiken, kinds=frozenset({Kind.MCQ})))
register(Exporter("csv", "CSV for Anki", ".csv", quiz=write_csv))
register(
    Exporter(
        "markdown", "Markdown", ".md", quiz=write_quiz_markdown, summary=write_summary_markdown
    )
)
register(
    Exporter("html", "Printable HTML", ".html", quiz=write_quiz_html, summary=write_summary_html)
)
register(Exporter("text", "Plain text", ".txt", summary=write_summary_text))

__all__ = [
    "SCHEMA",
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "OutputExists",
    "Summary",
    "SummarySentence",
    "WriteFailed",
    "atomic_write",
    "export_quiz",
    "export_summary",
    "exporters",
    "format_for_path",
    "get",
    "load_quiz",
    "names",
    "quiz_from_json",
    "quiz_to_json",
    "register",
    "render_quiz",
    "render_summary",
]
