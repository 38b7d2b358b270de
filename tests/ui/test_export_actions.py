"""File -> Export...: the controller with fake prompts, and the dialog driven by clicks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from export_samples import adversarial_quiz, sample_document

from gistquiz.core.export import load_quiz
from gistquiz.core.summarize import Ranking
from gistquiz.core.summarize.base import Length
from gistquiz.ui import export_actions
from gistquiz.ui.export_actions import ExportController, Prompts


class FakePrompts:
    def __init__(self, path, replace=False):
        self.path, self.replace = path, replace
        self.asked: list = []
        self.notices: list[str] = []
        self.errors: list[str] = []

    def prompts(self) -> Prompts:
        return Prompts(
            lambda suggested, name_filter: self.asked.append((suggested, name_filter)) or self.path,
            lambda path: self.asked.append(("replace?", path)) or self.replace,
            self.notices.append,
            self.errors.append,
        )


def ranking():
    return Ranking("lexrank", (1.0, 0.2, 0.9, 0.1), (0, 2), Length.parse("2"))


def controller(fake, tmp_path, quiz=True):
    return ExportController(
        fake.prompts(),
        sample_document(),
        ranking(),
        adversarial_quiz() if quiz else None,
        folder=tmp_path,
    )


def test_exports_a_quiz_with_the_suffix_added(tmp_path):
    fake = FakePrompts(str(tmp_path / "mine"))
    written = controller(fake, tmp_path).export("quiz", "json")
    assert written == tmp_path / "mine.json"
    assert load_quiz(written) == adversarial_quiz()
    suggested, name_filter = fake.asked[0]
    assert suggested.endswith("-quiz.json") and name_filter == "GistQuiz quiz (JSON) (*.json)"
    assert fake.notices == [f"Exported 5 questions to {written}."]


def test_asks_before_replacing_and_keeps_the_file_when_told_no(tmp_path):
    target = tmp_path / "deck.apkg"
    target.write_bytes(b"keep")
    fake = FakePrompts(str(target), replace=False)
    assert controller(fake, tmp_path).export("quiz", "apkg") is None
    assert ("replace?", target) in fake.asked and target.read_bytes() == b"keep"
    fake = FakePrompts(str(target), replace=True)
    assert controller(fake, tmp_path).export("quiz", "apkg") == target
    assert target.read_bytes().startswith(b"PK")


def test_errors_are_shown_not_raised(tmp_path):
    fake = FakePrompts(str(tmp_path / "none" / "x.gift"))
    assert controller(fake, tmp_path).export("quiz", "gift") is None
    assert "does not exist" in fake.errors[0]
    fake = FakePrompts(str(tmp_path / "q.gift"))
    assert controller(fake, tmp_path, quiz=False).export("quiz", "gift") is None
    assert fake.errors == ["There is no quiz to export yet."]


def test_summary_formats_and_export(tmp_path):
    fake = FakePrompts(str(tmp_path / "summary.md"))
    c = controller(fake, tmp_path)
    assert {e.name for e in c.formats("summary")} >= {"text", "markdown", "html", "pdf"}
    assert "apkg" not in {e.name for e in c.formats("summary")}
    assert c.export("summary", "markdown") == tmp_path / "summary.md"
    assert "The court sits in The Hague." in (tmp_path / "summary.md").read_text(encoding="utf-8")


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_dialog_exports_pdf_without_key(qtbot, parent, tmp_path, monkeypatch):
    target = tmp_path / "quiz.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog = export_actions.export_dialog(parent, sample_document(), ranking(), adversarial_quiz())
    assert dialog is not None and dialog.quiz_choice.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.answer_key.isEnabled()
    dialog.answer_key.setChecked(False)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    assert target.read_bytes().startswith(b"%PDF-")
    assert dialog.result() == dialog.DialogCode.Accepted


def test_dialog_summary_choice_and_overwrite_question(qtbot, parent, tmp_path, monkeypatch):
    target = tmp_path / "summary.txt"
    target.write_text("old")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No),
    )
    dialog = export_actions.export_dialog(parent, sample_document(), ranking(), None)
    assert not dialog.quiz_choice.isEnabled() and dialog.summary_choice.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("text"))
    assert not dialog.answer_key.isEnabled()
    dialog.run()
    assert len(asked) == 1 and target.read_text() == "old"


def test_open_quiz_dialog(qtbot, parent, tmp_path, monkeypatch):
    from gistquiz.core.export import export_quiz

    saved = tmp_path / "q.json"
    export_quiz(adversarial_quiz(), "json", saved)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(saved), ""))
    )
    assert export_actions.open_quiz_dialog(parent) == adversarial_quiz()


def test_file_export_from_the_main_window(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "summary.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.controller.open_sample()
    window.actions_by_name["export"].trigger()
    dialog = window.findChild(export_actions.ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary_choice.isChecked()  # no quiz yet: the summary is what there is
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ") and text.count("\n- ") == len(window.controller.ranking.selected)
