"""Small windows: the message bar, help, the log viewer, the crash dialog, preferences."""

from __future__ import annotations

import platform
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.quiz.model import Kind
from ..core.summarize import Length, all_summarizers
from . import logs
from .quiz_setup import kind_labels
from .settings import Settings


class MessageBar(QFrame):
    """The one place errors and notices appear: a closable strip above the content."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Message"))
        self.icon = QLabel()
        self.text = QLabel(wordWrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Message text"))
        self.close_button = QPushButton(
            self.tr("Dismiss"), accessibleName=self.tr("Dismiss message")
        )
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.icon.setText("⚠" if error else "ℹ")
        colour = "#b3261e" if error else "#2c6bb3"
        self.setStyleSheet(
            f"MessageBar {{ border: 1px solid {colour}; border-left: 5px solid {colour}; }}"
        )
        self.text.setText(text)
        self.setProperty("kind", "error" if error else "info")
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("GistQuiz help"))
        view = QTextBrowser(accessibleName=self.tr("Help text"))
        view.setOpenExternalLinks(False)
        view.setHtml(self.tr(HELP_HTML).format(version=__version__))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(560, 560)


HELP_HTML = """
<h2>GistQuiz {version}</h2>
<p>Open an article, read its key sentences, then test yourself.</p>
<h3>Opening</h3>
<p><b>Ctrl+O</b> open a file (txt, md, html, pdf, docx, epub) · <b>Ctrl+L</b> open a URL ·
<b>Ctrl+Shift+V</b> paste the clipboard as a new document · or drop a file on the window.</p>
<h3>Reading</h3>
<p>Summary sentences are underlined and shaded in the article. Click one in the summary panel
to jump to it. Hover over any sentence to see its rank and score. <b>Ctrl+F</b> finds text,
<b>F3</b> / <b>Shift+F3</b> the next / previous match.</p>
<h3>Quiz keys</h3>
<p><b>1–4</b> choose an option · <b>T</b> / <b>F</b> true or false · type and press
<b>Enter</b> for short answers · <b>Space</b> continues after the feedback.</p>
<h3>Summary</h3>
<p><b>Ctrl+H</b> score heat map · <b>Ctrl+Shift+C</b> copy the summary ·
<b>Ctrl++</b> / <b>Ctrl+-</b> larger / smaller text · <b>Ctrl+E</b> export.</p>
<h3>Tabs</h3>
<p><b>Alt+1</b> Read · <b>Alt+2</b> Compare · <b>Alt+3</b> Quiz · <b>Alt+4</b> History</p>
<p>Help → View log shows what GistQuiz did; the log file's path is there too.</p>
"""


class LogWindow(QDialog):
    """The last log lines (from the ring buffer), live, plus where the log file is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("GistQuiz log"))
        self.view = QPlainTextEdit(readOnly=True, accessibleName=self.tr("Log lines"))
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setMaximumBlockCount(5000)
        buffer = logs.ring()
        self.view.setPlainText(buffer.text())
        buffer.appended.connect(self.view.appendPlainText)
        path = logs.log_path()
        where = QLabel(
            self.tr("Log file: {0}").format(path) if path else self.tr("Not writing a log file.")
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(760, 420)


def crash_report(details: str) -> str:
    return "\n".join(
        [
            f"GistQuiz {__version__}",
            f"Python {sys.version.split()[0]} on {platform.platform()}",
            f"Log file: {logs.log_path() or '(none)'}",
            "",
            details.rstrip(),
            "",
            "Last log lines:",
            *list(logs.ring().lines)[-30:],
        ]
    )


class CrashDialog(QDialog):
    """An unexpected error: what happened, a copyable report, where the log is."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("GistQuiz hit a bug"))
        intro = QLabel(
            self.tr(
                "Something unexpected went wrong. Your document is still open and you can keep "
                "working. Please copy the details below into a bug report."
            )
        )
        intro.setWordWrap(True)
        self.report = crash_report(details)
        self.details = QPlainTextEdit(self.report, readOnly=True)
        self.details.setAccessibleName(self.tr("Crash details"))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        path = logs.log_path()
        where = QLabel(self.tr("Log file: {0}").format(path or self.tr("(none)")))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = QPushButton(self.tr("&Copy details"), accessibleName=self.tr("Copy details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(720, 460)


class PreferencesDialog(QDialog):
    """Edits the declared options; writes through ``Settings`` (defaults are not stored)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.theme = QComboBox(accessibleName=self.tr("Theme"))
        for key, label in (
            ("system", self.tr("System")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, key)
        self.font_size = QSpinBox(accessibleName=self.tr("Article font size"))
        self.font_size.setRange(8, 32)
        self.algorithm = QComboBox(accessibleName=self.tr("Default algorithm"))
        for s in all_summarizers():
            self.algorithm.addItem(s.label, s.name)
        self.length = QLineEdit(accessibleName=self.tr("Default summary length"))
        self.length.setToolTip(self.tr("5 sentences, 20% or 150w"))
        self.count = QSpinBox(accessibleName=self.tr("Default number of questions"))
        self.count.setRange(1, 50)
        self.kinds = {
            k: QCheckBox(label, accessibleName=label) for k, label in kind_labels(self).items()
        }
        kinds_row = QVBoxLayout()
        for box in self.kinds.values():
            kinds_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("Article &font size:"), self.font_size)
        form.addRow(self.tr("Default &algorithm:"), self.algorithm)
        form.addRow(self.tr("Default &length:"), self.length)
        form.addRow(self.tr("&Questions per quiz:"), self.count)
        form.addRow(self.tr("Question kinds:"), kinds_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._restore
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        s = self.settings
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.get("appearance/theme"))))
        self.font_size.setValue(s.get("appearance/font_size"))
        self.algorithm.setCurrentIndex(max(0, self.algorithm.findData(s.get("summary/algorithm"))))
        self.length.setText(s.get("summary/length"))
        self.count.setValue(s.get("quiz/count"))
        for kind, box in self.kinds.items():
            box.setChecked(str(kind) in s.get("quiz/kinds"))

    def _restore(self) -> None:
        self.settings.reset()
        self._load()

    def accept(self) -> None:
        s = self.settings
        try:
            length = str(Length.parse(self.length.text()))
        except Exception:
            self.length.setFocus()
            self.length.selectAll()
            return
        s.set("appearance/theme", self.theme.currentData())
        s.set("appearance/font_size", self.font_size.value())
        s.set("summary/algorithm", self.algorithm.currentData())
        s.set("summary/length", length)
        s.set("quiz/count", self.count.value())
        kinds = tuple(str(k) for k, box in self.kinds.items() if box.isChecked())
        s.set("quiz/kinds", kinds or tuple(str(k) for k in Kind))
        s.sync()
        super().accept()
