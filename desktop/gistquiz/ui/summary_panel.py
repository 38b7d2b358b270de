"""The summary panel: algorithm picker, length, heat map and bullets toggles, list, copy."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.document import Document
from ..core.summarize import Length, Ranking, all_summarizers
from .presenters import summary_as_text, summary_lines

UNITS = ("sentences", "percent", "words")
DEBOUNCE_MS = 150  # live update while a spin box is held down, without a job per step


class SummaryPanel(QWidget):
    algorithmChanged = Signal(str)
    lengthChanged = Signal(str)  # a Length spec
    heatmapToggled = Signal(bool)
    bulletsToggled = Signal(bool)
    sentenceActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.ranking: Ranking | None = None

        self.algorithm = QComboBox(accessibleName=self.tr("Summary algorithm"))
        for s in all_summarizers():
            self.algorithm.addItem(s.label, s.name)
            self.algorithm.setItemData(
                self.algorithm.count() - 1, s.description, Qt.ItemDataRole.ToolTipRole
            )
        self.description = QLabel(wordWrap=True)
        self.description.setAccessibleName(self.tr("Algorithm description"))
        self.description.setStyleSheet("color: palette(placeholder-text);")

        self.amount = QSpinBox(accessibleName=self.tr("Summary length"))
        self.amount.setRange(1, 5000)
        self.unit = QComboBox(accessibleName=self.tr("Length unit"))
        for unit, label in zip(
            UNITS, (self.tr("sentences"), self.tr("% of the text"), self.tr("words")), strict=True
        ):
            self.unit.addItem(label, unit)

        self.heatmap = QCheckBox(self.tr("&Heat map"), accessibleName=self.tr("Score heat map"))
        self.heatmap.setToolTip(self.tr("Shade every sentence of the article by its score"))
        self.bullets = QCheckBox(self.tr("&Bullets"), accessibleName=self.tr("Show as bullets"))
        self.copy_button = QPushButton(self.tr("&Copy"), accessibleName=self.tr("Copy summary"))
        self.copy_button.setToolTip(self.tr("Copy the summary to the clipboard"))

        self.list = QListWidget(accessibleName=self.tr("Summary sentences"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        self.list.setToolTip(self.tr("Click a sentence to find it in the article"))
        self.caption = QLabel()
        self.caption.setAccessibleName(self.tr("Summary size"))

        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("&Algorithm:"), buddy=self.algorithm))
        picker.addWidget(self.algorithm, 1)
        length = QHBoxLayout()
        length.addWidget(QLabel(self.tr("&Length:"), buddy=self.amount))
        length.addWidget(self.amount)
        length.addWidget(self.unit, 1)
        toggles = QHBoxLayout()
        toggles.addWidget(self.heatmap)
        toggles.addWidget(self.bullets)
        toggles.addStretch(1)
        toggles.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.description)
        layout.addLayout(length)
        layout.addLayout(toggles)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.caption)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.lengthChanged.emit(self.length_spec()))
        self.algorithm.currentIndexChanged.connect(self._on_algorithm)
        self.amount.valueChanged.connect(lambda _: self._debounce.start())
        self.unit.currentIndexChanged.connect(self._on_unit)
        self.heatmap.toggled.connect(self.heatmapToggled)
        self.bullets.toggled.connect(self._on_bullets)
        self.copy_button.clicked.connect(self.copy)
        self.list.itemClicked.connect(self._activate)
        self.list.itemActivated.connect(self._activate)

    # -- state in -----------------------------------------------------------------------------
    def set_choices(self, algorithm: str, length: Length, heatmap: bool, bullets: bool) -> None:
        """Show the given choices without emitting change signals."""
        for widget in (self.algorithm, self.amount, self.unit, self.heatmap, self.bullets):
            widget.blockSignals(True)
        index = self.algorithm.findData(algorithm)
        self.algorithm.setCurrentIndex(max(0, index))
        self.unit.setCurrentIndex(UNITS.index(length.unit))
        self._set_range(length.unit)
        self.amount.setValue(int(length.value))
        self.heatmap.setChecked(heatmap)
        self.bullets.setChecked(bullets)
        for widget in (self.algorithm, self.amount, self.unit, self.heatmap, self.bullets):
            widget.blockSignals(False)
        self._describe()

    def set_ranking(self, doc: Document, ranking: Ranking | None) -> None:
        self.doc, self.ranking = doc, ranking
        self._fill()

    # -- state out ----------------------------------------------------------------------------
    def length_spec(self) -> str:
        unit = self.unit.currentData()
        value = self.amount.value()
        return {"sentences": f"{value}", "percent": f"{value}%", "words": f"{value}w"}[unit]

    def summary_text(self) -> str:
        if self.doc is None or self.ranking is None:
            return ""
        return summary_as_text(self.doc, self.ranking, bullets=self.bullets.isChecked())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.summary_text())

    # -- internals ----------------------------------------------------------------------------
    def _on_algorithm(self) -> None:
        self._describe()
        self.algorithmChanged.emit(self.algorithm.currentData())

    def _describe(self) -> None:
        tip = self.algorithm.currentData(Qt.ItemDataRole.ToolTipRole)
        self.description.setText(tip or "")

    def _on_unit(self) -> None:
        unit = self.unit.currentData()
        self.amount.blockSignals(True)
        self._set_range(unit)
        self.amount.setValue({"sentences": 5, "percent": 20, "words": 150}[unit])
        self.amount.blockSignals(False)
        self.lengthChanged.emit(self.length_spec())

    def _set_range(self, unit: str) -> None:
        self.amount.setRange(1, {"sentences": 500, "percent": 100, "words": 20000}[unit])
        self.amount.setSingleStep(10 if unit == "words" else 1)
        self.amount.setSuffix("%" if unit == "percent" else "")

    def _on_bullets(self, on: bool) -> None:
        self._fill()
        self.bulletsToggled.emit(on)

    def _fill(self) -> None:
        self.list.clear()
        if self.doc is None or self.ranking is None:
            self.caption.clear()
            return
        bullets = self.bullets.isChecked()
        lines = summary_lines(self.doc, self.ranking)
        for n, (index, text) in enumerate(lines, 1):
            item = QListWidgetItem(f"•  {text}" if bullets else f"{n}.  {text}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            rank = self.ranking.rank_of(index)
            item.setToolTip(
                self.tr("Sentence {0} · rank {1} · score {2:.3f}").format(
                    index + 1, rank, self.ranking.scores[index]
                )
            )
            self.list.addItem(item)
        words = sum(len(t.split()) for _, t in lines)
        self.caption.setText(
            self.tr("{0} of {1} sentences · {2} words").format(
                len(lines), len(self.doc.body_sentences), words
            )
        )

    def _activate(self, item: QListWidgetItem) -> None:
        self.sentenceActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
