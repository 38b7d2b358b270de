"""The article: its text with marks laid over it (summary, heat map, quiz evidence, flash).

Marks are QTextEdit "extra selections" built from the core's char spans, so the text itself
is never rewritten and layers (summary, evidence, flash) come and go independently. Every
mark changes weight or underline as well as colour. (Two views do not share one
QTextDocument: its text width follows whichever view laid it out last.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from ..core.document import Document
from ..core.summarize import Ranking
from . import theme
from .presenters import SentenceLocator, heat_levels

FLASH_MS = 900
# Above these sizes the article skips work that costs seconds on the GUI thread for a book:
# paragraph spacing (a block-format merge over every block) and heat marks off screen.
SPACING_MAX_BLOCKS = 3000
HEAT_ALL_MAX = 1500
HEAT_MARGIN = 300  # sentences shaded above and below the visible ones


class ArticleView(QTextBrowser):
    sentenceHovered = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.viewport().installEventFilter(self)
        self.setAccessibleName(self.tr("Article"))
        self.document().setDocumentMargin(28)
        self.doc: Document | None = None
        self.locator: SentenceLocator | None = None
        self.ranking: Ranking | None = None
        self.heatmap = False
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self._set_layer("flash", []))
        self._heat_range = range(0)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # -- content ------------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        self.doc, self.locator, self.ranking = doc, SentenceLocator(doc), None
        self._layers.clear()
        self.setPlainText(doc.text)
        self._space_paragraphs()
        self._apply()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _space_paragraphs(self) -> None:
        # Plain text has no paragraph spacing; a gap after each block makes one-line-per-
        # paragraph web copy readable. Block formats change layout only, not positions.
        if self.document().blockCount() > SPACING_MAX_BLOCKS:
            return
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(self.fontMetrics().height() * 0.6)
        fmt.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(fmt)

    def set_ranking(self, ranking: Ranking | None, heatmap: bool | None = None) -> None:
        self.ranking = ranking
        if heatmap is not None:
            self.heatmap = heatmap
        self._set_layer("ranking", self._ranking_marks())

    def set_heatmap(self, on: bool) -> None:
        self.set_ranking(self.ranking, on)

    def changeEvent(self, event: QEvent) -> None:
        # A theme switch reaches widgets as a palette change: rebuild the marks in its colours.
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.ranking is not None:
            self.set_ranking(self.ranking)

    # -- marks --------------------------------------------------------------------------------
    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        assert self.locator is not None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.locator.to_qt(start))
        cursor.setPosition(self.locator.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _ranking_marks(self) -> list[QTextEdit.ExtraSelection]:
        if self.doc is None or self.ranking is None:
            return []
        colours = theme.highlights(self.palette())
        chosen = set(self.ranking.selected)
        base = self.palette().base().color()
        marks = []
        levels = heat_levels(self.ranking) if self.heatmap else []
        self._heat_range = self._heat_window()
        for s in self.doc.sentences:
            if s.index not in chosen and s.index not in self._heat_range:
                continue
            fmt = QTextCharFormat()
            if self.heatmap:
                fmt.setBackground(_blend(base, colours.heat, 0.08 + 0.62 * levels[s.index]))
            if s.index in chosen:
                if not self.heatmap:
                    fmt.setBackground(colours.summary)
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setFontWeight(QFont.Weight.DemiBold)
            if fmt.properties():
                marks.append(self._selection(s.start, s.end, fmt))
        return marks

    def _heat_window(self) -> range:
        """Sentences to shade: all of them, or for a long text those around the view."""
        assert self.doc is not None and self.locator is not None
        n = len(self.doc.sentences)
        if not self.heatmap:
            return range(0)
        if n <= HEAT_ALL_MAX:
            return range(n)
        top = self.cursorForPosition(QPoint(0, 0)).position()
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        bottom = self.cursorForPosition(corner).position()
        first = self.locator.index_near(self.locator.from_qt(top))
        last = self.locator.index_near(self.locator.from_qt(bottom))
        return range(max(0, first - HEAT_MARGIN), min(n, last + HEAT_MARGIN + 1))

    def _scrolled(self) -> None:
        if not self.heatmap or self.doc is None or len(self.doc.sentences) <= HEAT_ALL_MAX:
            return
        window = self._heat_window()
        if window.start < self._heat_range.start or window.stop > self._heat_range.stop:
            self.set_ranking(self.ranking)

    def show_evidence(self, sentence: int | None, answer: tuple[int, int] | None = None) -> None:
        """Mark a quiz question's source sentence (and its answer), scrolled into view."""
        if self.doc is None or sentence is None or not 0 <= sentence < len(self.doc.sentences):
            self._set_layer("evidence", [])
            return
        colours = theme.highlights(self.palette())
        s = self.doc.sentences[sentence]
        fmt = QTextCharFormat()
        fmt.setBackground(colours.evidence)
        fmt.setFontUnderline(True)
        marks = [self._selection(s.start, s.end, fmt)]
        if answer and answer[1] > answer[0]:
            strong = QTextCharFormat()
            strong.setBackground(colours.answer)
            strong.setFontWeight(QFont.Weight.Bold)
            strong.setFontUnderline(True)
            marks.append(self._selection(answer[0], answer[1], strong))
        self._set_layer("evidence", marks)
        self._scroll_to(s.start)

    def flash(self, sentence: int) -> None:
        """Scroll to a sentence and flash it briefly (from a click in the summary)."""
        if self.doc is None or not 0 <= sentence < len(self.doc.sentences):
            return
        s = self.doc.sentences[sentence]
        fmt = QTextCharFormat()
        fmt.setBackground(theme.highlights(self.palette()).flash)
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._set_layer("flash", [self._selection(s.start, s.end, fmt)])
        self._scroll_to(s.start)
        self._flash_timer.start()

    def flashing(self) -> bool:
        return bool(self._layers.get("flash"))

    def marked_sentences(self, layer: str = "ranking") -> list[int]:
        """Sentences a layer marks (tests read what the user sees through this)."""
        if self.locator is None:
            return []
        out = []
        for sel in self._layers.get(layer, []):
            index = self.locator.sentence_at(self.locator.from_qt(sel.cursor.selectionStart()))
            if index is not None and index not in out:
                out.append(index)
        return out

    def _scroll_to(self, start: int) -> None:
        assert self.locator is not None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.locator.to_qt(start))
        self.setTextCursor(cursor)
        # Put the sentence a third of the way down, not on the bottom edge as
        # ensureCursorVisible would: the eye finds it, with context above.
        bar = self.verticalScrollBar()
        top = self.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.viewport().height() // 3)

    def _set_layer(self, name: str, marks: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = marks
        self._apply()

    def _apply(self) -> None:
        order = ("ranking", "evidence", "flash")
        self.setExtraSelections([m for name in order for m in self._layers.get(name, [])])

    # -- find ---------------------------------------------------------------------------------
    def find_text(self, text: str, *, backward: bool = False) -> bool:
        """Find the next match (wrapping around); True if found."""
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(text, flags):
            return True
        cursor = self.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.setTextCursor(cursor)
        return self.find(text, flags)

    # -- hover --------------------------------------------------------------------------------
    def sentence_at_point(self, point: QPoint) -> int | None:
        if self.locator is None:
            return None
        position = self.cursorForPosition(point).position()
        return self.locator.sentence_at(self.locator.from_qt(position))

    def hover_text(self, sentence: int) -> str:
        if self.ranking is None:
            return ""
        rank = self.ranking.rank_of(sentence)
        total = len(self.ranking.scores)
        chosen = sentence in self.ranking.selected
        text = self.tr("Rank {0} of {1} · score {2:.3f}").format(
            rank, total, self.ranking.scores[sentence]
        )
        return text + (self.tr(" · in the summary") if chosen else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            index = self.sentence_at_point(event.pos())
            text = self.hover_text(index) if index is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                self.sentenceHovered.emit(index)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    amount = max(0.0, min(1.0, amount))
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )
