"""History of the current document: every finished attempt, and its per-question results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.store import Attempt


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attempts: list[Attempt] = []
        self.caption = QLabel(wordWrap=True)
        self.caption.setAccessibleName(self.tr("History summary"))
        self.table = QTreeWidget(accessibleName=self.tr("Attempts"))
        self.table.setHeaderLabels(
            [self.tr("When"), self.tr("Score"), self.tr("Questions"), self.tr("Kinds")]
        )
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.details = QTreeWidget(accessibleName=self.tr("Results of the selected attempt"))
        self.details.setHeaderLabels(
            [self.tr("Result"), self.tr("Question"), self.tr("Your answer"), self.tr("Answer")]
        )
        self.details.setRootIsDecorated(False)
        self.details.setWordWrap(True)
        self.details.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.details.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setSizes([200, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.splitter, 1)
        self.table.currentItemChanged.connect(self._show_details)

    def set_attempts(self, attempts: list[Attempt], *, title: str = "") -> None:
        self.attempts = attempts
        self.table.clear()
        self.details.clear()
        for n, a in enumerate(attempts):
            when = a.finished_at.astimezone().strftime("%Y-%m-%d %H:%M")
            kinds = ", ".join((a.options or {}).get("kinds") or [])
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

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        self.details.clear()
        if item is None:
            return
        attempt = self.attempts[item.data(0, Qt.ItemDataRole.UserRole)]
        for r in attempt.results:
            self.details.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        self.tr("✓ right") if r.correct else self.tr("✗ wrong"),
                        r.stem,
                        r.given,
                        r.expected,
                    ]
                )
            )
