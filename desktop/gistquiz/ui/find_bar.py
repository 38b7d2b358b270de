"""Find in the article (Ctrl+F): a bar under the text; Enter / F3 next, Shift+F3 previous."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from .article_view import ArticleView


class FindBar(QWidget):
    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.field = QLineEdit(accessibleName=self.tr("Find in article"))
        self.field.setPlaceholderText(self.tr("Find in the article"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        previous = QPushButton(self.tr("Previous"), accessibleName=self.tr("Find previous"))
        following = QPushButton(self.tr("Next"), accessibleName=self.tr("Find next"))
        close = QPushButton(self.tr("Close"), accessibleName=self.tr("Close find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (self.field, self.status, previous, following, close):
            layout.addWidget(w, 1 if w is self.field else 0)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(lambda _: self.find_next())
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def find_next(self) -> None:
        self._show(self.view.find_text(self.field.text()))

    def find_previous(self) -> None:
        self._show(self.view.find_text(self.field.text(), backward=True))

    def _show(self, found: bool) -> None:
        self.status.setText("" if found or not self.field.text() else self.tr("Not found"))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
