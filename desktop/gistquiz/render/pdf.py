"""HTML -> PDF with QTextDocument and QPdfWriter, in memory, working offscreen.

The printable HTML of ``core.export.printable`` is laid out by Qt's rich-text engine, which
honours ``page-break-before`` (so the answer key starts a new page). Qt needs a
QGuiApplication for fonts; when none exists (CLI, tests) one is created on the offscreen
platform, so no display is ever needed.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from ..core.export import ExportOptions, Summary
from ..core.export.printable import quiz_html, summary_html
from ..core.quiz.model import Quiz

_APP: QGuiApplication | None = None  # kept alive for the process when we created it


def ensure_gui_application() -> None:
    """Qt's text layout needs a QGuiApplication; reuse the GUI's or start an offscreen one.

    A QApplication (not a bare QGuiApplication) so that widgets created later in the same
    process (a GUI test after a PDF export) still work: Qt allows one application object.
    """
    global _APP
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _APP = QApplication(["gistquiz-render"])


def html_to_pdf(html: str, *, title: str = "") -> bytes:
    ensure_gui_application()
    document = QTextDocument()
    document.setHtml(html)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("GistQuiz")
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write_quiz_pdf(quiz: Quiz, options: ExportOptions) -> bytes:
    return html_to_pdf(quiz_html(quiz, options), title=f"Quiz: {quiz.document_title}")


def write_summary_pdf(summary: Summary, options: ExportOptions) -> bytes:
    return html_to_pdf(summary_html(summary, options), title=summary.title)
