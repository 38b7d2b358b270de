"""The quiz set-up form: count, kinds, difficulty, seed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.quiz.model import Difficulty, Kind, QuizOptions


def kind_labels(widget: QWidget) -> dict[Kind, str]:
    return {
        Kind.MCQ: widget.tr("Multiple choice"),
        Kind.CLOZE: widget.tr("Fill in the blank"),
        Kind.TF: widget.tr("True or false"),
        Kind.WH: widget.tr("Short answer"),
    }


class QuizSetup(QWidget):
    generateRequested = Signal(object)  # QuizOptions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QSpinBox(accessibleName=self.tr("Number of questions"))
        self.count.setRange(1, 50)
        self.kinds = {
            kind: QCheckBox(label, accessibleName=label)
            for kind, label in kind_labels(self).items()
        }
        self.difficulty = QComboBox(accessibleName=self.tr("Difficulty"))
        self.difficulty.addItem(self.tr("Mixed"), "")
        for d, label in zip(
            Difficulty, (self.tr("Easy"), self.tr("Medium"), self.tr("Hard")), strict=True
        ):
            self.difficulty.addItem(label, str(d))
        self.seed = QSpinBox(accessibleName=self.tr("Random seed"))
        self.seed.setRange(0, 999_999)
        self.seed.setToolTip(self.tr("The same seed gives the same quiz"))
        self.generate = QPushButton(
            self.tr("&Generate quiz"), accessibleName=self.tr("Generate quiz")
        )
        self.generate.setDefault(True)
        self.generate.clicked.connect(self._request)

        intro = QLabel(
            self.tr(
                "Questions are written from the article's key facts. Answer with the keys "
                "1–4, T / F or by typing; Space continues."
            )
        )
        intro.setWordWrap(True)
        kinds_box = QVBoxLayout()
        for box in self.kinds.values():
            kinds_box.addWidget(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Questions:"), self.count)
        form.addRow(self.tr("Kinds:"), kinds_box)
        form.addRow(self.tr("&Difficulty:"), self.difficulty)
        form.addRow(self.tr("&Seed:"), self.seed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.generate, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def set_defaults(self, count: int, kinds: tuple[str, ...], difficulty: str) -> None:
        self.count.setValue(count)
        for kind, box in self.kinds.items():
            box.setChecked(str(kind) in kinds)
        self.difficulty.setCurrentIndex(max(0, self.difficulty.findData(difficulty)))

    def options(self) -> QuizOptions:
        kinds = tuple(k for k, box in self.kinds.items() if box.isChecked()) or tuple(Kind)
        level = self.difficulty.currentData()
        return QuizOptions(
            count=self.count.value(),
            kinds=kinds,
            difficulty=Difficulty(level) if level else None,
            seed=self.seed.value(),
        )

    def _request(self) -> None:
        self.generateRequested.emit(self.options())
