"""History of the current document: every finished attempt, and its per-question results."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.store import Attempt, DocumentSummary


def result_item(
    widget: QWidget, n: int, correct: bool, stem: str, given: str, expected: str
) -> QListWidgetItem:
    """One reviewed question: verdict and number, the question, the two answers.

    Right/wrong is said in words and a symbol, and wrong ones are bold: never colour alone.
    """
    verdict = widget.tr("✓ right") if correct else widget.tr("✗ wrong")
    lines = [f"{verdict}  ·  {n}.  {stem}"]
    if correct:
        lines.append(widget.tr("Answer: {0}").format(expected))
    else:
        lines.append(
            widget.tr("Your answer: {0}   ·   Right answer: {1}").format(
                given or widget.tr("(none)"), expected
            )
        )
    item = QListWidgetItem("\n".join(lines))
    if not correct:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


def review_list(name: str) -> QListWidget:
    view = QListWidget(accessibleName=name)
    view.setWordWrap(True)
    view.setSpacing(3)
    view.setAlternatingRowColors(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    return view


class HistoryView(QWidget):
    documentChosen = Signal(str)  # a document id whose attempts to show
    deleteRequested = Signal(int)  # an attempt id the user asked to delete

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attempts: list[Attempt] = []
        self.document = QComboBox(accessibleName=self.tr("Document"))
        self.document.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.document.currentIndexChanged.connect(
            lambda _: self.documentChosen.emit(self.document.currentData() or "")
        )
        self.caption = QLabel(wordWrap=True)
        self.caption.setAccessibleName(self.tr("History summary"))
        self.table = QTreeWidget(accessibleName=self.tr("Attempts"))
        self.table.setHeaderLabels(
            [self.tr("When"), self.tr("Score"), self.tr("Questions"), self.tr("Kinds")]
        )
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.details = review_list(self.tr("Results of the selected attempt"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setSizes([200, 300])
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("&Document:"), buddy=self.document))
        pick.addWidget(self.document, 1)
        layout.addLayout(pick)
        layout.addWidget(self.caption)
        layout.addWidget(self.splitter, 1)
        self.table.currentItemChanged.connect(self._show_details)
        self.delete_action = QAction(self.tr("&Delete this attempt"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.table.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_documents(self, current: tuple[str, str] | None, others: list[DocumentSummary]) -> None:
        """Fill the document picker: the open document first, then every other one with
        attempts (most recent first). Selects the open document without emitting."""
        self.document.blockSignals(True)
        self.document.clear()
        if current is not None:
            self.document.addItem(self.tr("This document: {0}").format(current[1]), current[0])
        for d in others:
            if current is None or d.document_id != current[0]:
                label = self.tr("{0} ({1} attempts, best {2:.0f}%)").format(
                    d.document_title, d.attempts, d.best_percent
                )
                self.document.addItem(label, d.document_id)
        self.document.setCurrentIndex(0)
        self.document.blockSignals(False)

    def set_attempts(self, attempts: list[Attempt], *, title: str = "") -> None:
        self.attempts = attempts
        self.table.clear()
        self.details.clear()
        for n, a in enumerate(attempts):
            when = a.finished_at.astimezone().strftime("%Y-%m-%d %H:%M")
            names = {
                "mcq": self.tr("multiple choice"),
                "cloze": self.tr("blanks"),
                "tf": self.tr("true/false"),
                "wh": self.tr("short answer"),
            }
            codes = (a.options or {}).get("kinds") or []
            kinds = ", ".join(names.get(k, k) for k in codes)
            item = QTreeWidgetItem(
                [when, f"{a.correct}/{a.total} · {a.percent:.0f}%", str(a.total), kinds]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, n)
            self.table.addTopLevelItem(item)
        if attempts:
            best = max(a.percent for a in attempts)
            self.caption.setText(
                self.tr("{0}: {1} attempts · best {2:.0f}% · last {3:.0f}%").format(
                    title or attempts[0].document_title, len(attempts), best, attempts[0].percent
                )
            )
            self.table.setCurrentItem(self.table.topLevelItem(0))
        else:
            self.caption.setText(
                self.tr("No finished quiz for this document yet. Take one in the Quiz tab.")
            )

    def current_attempt(self) -> Attempt | None:
        item = self.table.currentItem()
        return None if item is None else self.attempts[item.data(0, Qt.ItemDataRole.UserRole)]

    def _delete_current(self) -> None:
        attempt = self.current_attempt()
        if attempt is not None and attempt.id is not None:
            self.deleteRequested.emit(attempt.id)

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        self.details.clear()
        if item is None:
            return
        attempt = self.attempts[item.data(0, Qt.ItemDataRole.UserRole)]
        for n, r in enumerate(attempt.results, 1):
            self.details.addItem(result_item(self, n, r.correct, r.stem, r.given, r.expected))
