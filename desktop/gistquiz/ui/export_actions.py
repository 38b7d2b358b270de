"""File -> Export... and quiz save/open: the GUI's side of ``core.export``.

The decisions (which formats fit, the suggested file name, asking before replacing a file,
writing through the pipeline) live in ``ExportController``, which tests drive with fake
prompts; ``ExportDialog`` only shows the choices and forwards them. The main window calls
``export_dialog(parent, document, ranking, quiz)``; ``open_quiz_dialog(parent)`` opens a
quiz saved as JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from .. import render  # noqa: F401  (Qt side: registers the "pdf" exporter)
from ..core import export, pipeline
from ..core.document import Document
from ..core.errors import GistQuizError
from ..core.quiz.model import Quiz
from ..core.summarize import Ranking

PRINTABLE = {"html", "pdf", "markdown"}  # formats with an optional answer key


@dataclass
class Prompts:
    """How the controller talks to the user; the dialog passes Qt ones, tests fakes."""

    ask_path: Callable[[str, str], str | None]  # (suggested path, name filter) -> path
    confirm_overwrite: Callable[[Path], bool]
    notify: Callable[[str], None]
    error: Callable[[str], None]


class ExportController:
    def __init__(
        self,
        prompts: Prompts,
        document: Document | None,
        ranking: Ranking | None,
        quiz: Quiz | None,
        folder: Path | None = None,
    ) -> None:
        self.prompts = prompts
        self.document = document
        self.ranking = ranking
        self.quiz = quiz
        self.folder = folder or Path.home()

    @property
    def can_export_quiz(self) -> bool:
        return self.quiz is not None and bool(self.quiz.questions)

    @property
    def can_export_summary(self) -> bool:
        return self.document is not None and self.ranking is not None

    def formats(self, what: str) -> list[export.Exporter]:
        kind = {"quiz": "quiz", "summary": "summary"}[what]
        return [e for e in export.exporters() if getattr(e, kind) is not None]

    def suggested_path(self, what: str, exporter: export.Exporter) -> Path:
        title = (self.quiz.document_title if what == "quiz" and self.quiz else "") or (
            self.document.title if self.document else "export"
        )
        slug = re.sub(r"[^\w]+", "-", title.lower()).strip("-")[:40] or "export"
        name = f"{slug}-{'quiz' if what == 'quiz' else 'summary'}{exporter.suffix}"
        return self.folder / name

    def export(self, what: str, fmt: str, *, answer_key: bool = True) -> Path | None:
        """Ask for a file, ask before replacing one, write. Returns the path written."""
        exporter = export.get(fmt)
        chosen = self.prompts.ask_path(str(self.suggested_path(what, exporter)), exporter.filter)
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(exporter.suffix)
        # Asked here, not by the save dialog, which would miss the suffix added above.
        replace = path.exists()
        if replace and not self.prompts.confirm_overwrite(path):
            return None
        try:
            if what == "quiz":
                if self.quiz is None:
                    raise GistQuizError("There is no quiz to export yet.")
                result = pipeline.export_quiz(
                    self.quiz,
                    exporter.name,
                    path,
                    document=self.document,
                    answer_key=answer_key,
                    overwrite=replace,
                )
            else:
                if self.document is None or self.ranking is None:
                    raise GistQuizError("There is no summary to export yet.")
                result = pipeline.export_summary(
                    self.document, self.ranking, exporter.name, path, overwrite=replace
                )
        except GistQuizError as error:
            self.prompts.error(str(error))
            return None
        self.folder = path.parent
        self.prompts.notify(result.message)
        return path


class ExportDialog(QDialog):
    """Choose what (quiz or summary), the format and the answer key; then the file."""

    def __init__(self, controller: ExportController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Export"))
        self.quiz_choice = QRadioButton(self.tr("&Quiz"), accessibleName=self.tr("Export quiz"))
        self.summary_choice = QRadioButton(
            self.tr("&Summary"), accessibleName=self.tr("Export summary")
        )
        self.quiz_choice.setEnabled(controller.can_export_quiz)
        self.summary_choice.setEnabled(controller.can_export_summary)
        (self.quiz_choice if controller.can_export_quiz else self.summary_choice).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.quiz_choice)
        group.addButton(self.summary_choice)
        group.buttonToggled.connect(lambda *_: self._fill_formats())
        self.format = QComboBox(accessibleName=self.tr("Export format"))
        self.format.currentIndexChanged.connect(lambda *_: self._update_key())
        self.answer_key = QCheckBox(
            self.tr("Include the &answer key (on its own page)"),
            accessibleName=self.tr("Include answer key"),
        )
        self.answer_key.setChecked(True)
        what = QHBoxLayout()
        what.addWidget(self.quiz_choice)
        what.addWidget(self.summary_choice)
        form = QFormLayout(self)
        form.addRow(self.tr("Export:"), what)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.answer_key)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Export…"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._fill_formats()

    @property
    def what(self) -> str:
        return "quiz" if self.quiz_choice.isChecked() else "summary"

    def _fill_formats(self) -> None:
        self.format.clear()
        for exporter in self.controller.formats(self.what):
            self.format.addItem(self.tr(exporter.label), exporter.name)
        self._update_key()

    def _update_key(self) -> None:
        self.answer_key.setEnabled(self.what == "quiz" and self.format.currentData() in PRINTABLE)

    def run(self) -> None:
        fmt = self.format.currentData()
        if fmt and self.controller.export(self.what, fmt, answer_key=self.answer_key.isChecked()):
            self.accept()


def qt_prompts(parent: QWidget) -> Prompts:
    def ask_path(suggested: str, name_filter: str) -> str | None:
        # The controller asks before replacing (also when it adds the suffix), so the
        # dialog's own question is switched off to ask once.
        path, _ = QFileDialog.getSaveFileName(
            parent,
            parent.tr("Export to"),
            suggested,
            name_filter,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path or None

    def confirm_overwrite(path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            parent.tr("Replace file?"),
            parent.tr("{name} already exists. Replace it?").format(name=path.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def notify(text: str) -> None:
        window = parent.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def error(text: str) -> None:
        show = getattr(parent.window(), "show_error", None)
        if callable(show):
            show(text)
        else:
            QMessageBox.warning(parent, parent.tr("Export failed"), text)

    return Prompts(ask_path, confirm_overwrite, notify, error)


def export_dialog(
    parent: QWidget, document: Document | None, ranking: Ranking | None, quiz: Quiz | None
) -> ExportDialog | None:
    """File -> Export...: shows the dialog (non-modal ``open()``) and returns it."""
    controller = ExportController(qt_prompts(parent), document, ranking, quiz)
    if not (controller.can_export_quiz or controller.can_export_summary):
        qt_prompts(parent).error(parent.tr("Open a document first: there is nothing to export."))
        return None
    dialog = ExportDialog(controller, parent)
    dialog.open()
    return dialog


def open_quiz_dialog(parent: QWidget, folder: str = "") -> Quiz | None:
    """File -> Open quiz...: a quiz saved as JSON, or None (cancelled or unreadable)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, parent.tr("Open quiz"), folder, parent.tr("GistQuiz quiz (*.json)")
    )
    if not path:
        return None
    try:
        return pipeline.load_quiz(path)
    except GistQuizError as error:
        qt_prompts(parent).error(str(error))
        return None
