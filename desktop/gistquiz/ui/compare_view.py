"""Compare: two to four algorithms side by side, sentences they share marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.document import Document
from ..core.summarize import Ranking, all_summarizers
from . import theme
from .presenters import CompareTable, compare_table

MAX_COLUMNS = 4


class CompareView(QWidget):
    algorithmsChanged = Signal(list)
    sentenceActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: CompareTable | None = None
        self.pickers: list[QComboBox] = []
        pick_row = QHBoxLayout()
        for n in range(MAX_COLUMNS):
            combo = QComboBox(accessibleName=self.tr("Algorithm for column {0}").format(n + 1))
            if n >= 2:
                combo.addItem(self.tr("(none)"), "")
            for s in all_summarizers():
                combo.addItem(s.label, s.name)
            combo.currentIndexChanged.connect(self._emit_algorithms)
            self.pickers.append(combo)
            pick_row.addWidget(combo, 1)
        self.legend = QLabel(wordWrap=True)
        self.legend.setAccessibleName(self.tr("Shared sentences"))
        self.columns_box = QHBoxLayout()
        self.columns: list[tuple[QLabel, QListWidget]] = []
        for n in range(MAX_COLUMNS):
            frame = QFrame()
            col = QVBoxLayout(frame)
            col.setContentsMargins(0, 0, 0, 0)
            title = QLabel()
            title.setWordWrap(True)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            sentences = QListWidget(accessibleName=self.tr("Summary of column {0}").format(n + 1))
            sentences.setWordWrap(True)
            sentences.setSpacing(3)
            sentences.setTextElideMode(Qt.TextElideMode.ElideNone)
            sentences.setResizeMode(QListWidget.ResizeMode.Adjust)
            sentences.itemActivated.connect(self._activate)
            sentences.itemDoubleClicked.connect(self._activate)
            col.addWidget(title)
            col.addWidget(sentences, 1)
            self.columns.append((title, sentences))
            self.columns_box.addWidget(frame, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pick_row)
        layout.addWidget(self.legend)
        layout.addLayout(self.columns_box, 1)

    def set_algorithms(self, names: list[str]) -> None:
        names = list(dict.fromkeys(names))[:MAX_COLUMNS]
        for n, combo in enumerate(self.pickers):
            combo.blockSignals(True)
            name = names[n] if n < len(names) else ""
            index = combo.findData(name)
            combo.setCurrentIndex(index if index >= 0 else (0 if n >= 2 else n))
            combo.blockSignals(False)

    def algorithms(self) -> list[str]:
        return list(dict.fromkeys(c.currentData() for c in self.pickers if c.currentData()))

    def _emit_algorithms(self) -> None:
        self.algorithmsChanged.emit(self.algorithms())

    def show_comparison(self, doc: Document, rankings: list[Ranking]) -> None:
        self.table = table = compare_table(doc, rankings)
        labels = {s.name: s.label for s in all_summarizers()}
        colours = theme.highlights(self.palette())
        n_algos = len(table.algorithms)
        for n, (title, sentences) in enumerate(self.columns):
            sentences.clear()
            visible = n < n_algos
            title.parentWidget().setVisible(visible)
            if not visible:
                continue
            name = table.algorithms[n]
            title.setText(labels.get(name, name))
            for row in table.columns[name]:
                shared = len(row.chosen_by)
                mark = "◆ " if shared == n_algos else ("◇ " if shared > 1 else "")
                item = QListWidgetItem(f"{mark}{row.sentence + 1}. {row.text}")
                item.setData(Qt.ItemDataRole.UserRole, row.sentence)
                others = [labels.get(a, a) for a in row.chosen_by if a != name]
                item.setToolTip(
                    self.tr("Also chosen by: {0}").format(", ".join(others))
                    if others
                    else self.tr("Chosen only by {0}").format(labels.get(name, name))
                )
                if shared == n_algos:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(colours.summary)
                elif shared > 1:
                    font = QFont(item.font())
                    font.setUnderline(True)
                    item.setFont(font)
                sentences.addItem(item)
        shared = len(table.shared_by_all)
        every = (
            self.tr("No sentence is chosen by all {0}").format(n_algos)
            if not shared
            else self.tr("◆ bold: the one sentence all {0} chose").format(n_algos)
            if shared == 1
            else self.tr("◆ bold: the {1} sentences all {0} chose").format(n_algos, shared)
        )
        self.legend.setText(
            every + self.tr(" · ◇ underlined: chosen by some · double-click a sentence to find it")
        )

    def _activate(self, item: QListWidgetItem) -> None:
        self.sentenceActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
