"""The window's other duties: opening, errors, crash dialog, find, hover, theme, a11y, state."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTextEdit,
    QToolTip,
)

from gistquiz import app
from gistquiz.core.store import HistoryStore
from gistquiz.ui import theme
from gistquiz.ui.application import make_window
from gistquiz.ui.dialogs import CrashDialog
from gistquiz.ui.worker import SynchronousPool

ARTICLE = (
    "Marie Curie was born in Warsaw in 1867. She moved to Paris to study physics.\n\n"
    "In 1903 she shared the Nobel Prize in Physics. In 1911 she won the Nobel Prize in "
    "Chemistry. She remains the only person to win Nobel Prizes in two sciences."
)

# Waits are guards against a hang, not speed checks: generous for a busy CI machine.
GUARD_MS = 60_000


def test_open_a_file_sets_title_status_and_recent(qtbot, window, tmp_path):
    path = tmp_path / "curie.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window.controller.open_source(str(path))
    assert window.controller.document.sentences
    assert window.windowTitle().endswith("— GistQuiz")
    assert window.stats.text().startswith("5 sentences")
    assert window.settings.recent_files() == [str(path)]
    assert window.recent_menu.actions()[0].text() == str(path)


def test_typed_error_is_shown_in_the_message_bar(qtbot, window, tmp_path):
    window.controller.open_source(str(tmp_path / "missing.txt"))
    assert window.message.isVisible()
    assert "No such file" in window.message.text.text()
    bad = tmp_path / "slides.pptx"
    bad.write_bytes(b"PK")
    window.controller.open_source(str(bad))
    assert "not supported" in window.message.text.text()
    click = window.message.close_button
    qtbot.mouseClick(click, Qt.MouseButton.LeftButton)
    assert not window.message.isVisible()


def test_a_text_in_a_script_we_cannot_read_is_named_in_the_message_bar(window, tmp_path):
    path = tmp_path / "beijing.txt"
    path.write_text("北京是中华人民共和国的首都。北京有三千多年的建城史。", encoding="utf-8")
    window.controller.open_source(str(path))
    assert window.message.isVisible()
    assert "written in Chinese or Japanese" in window.message.text.text()


def test_unexpected_error_opens_the_crash_dialog(qtbot, window):
    window.controller.runner.submit("quiz", lambda p, c: {}["missing"], lambda _: None)
    dialogs = window.findChildren(CrashDialog)
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    report = dialogs[0].details.toPlainText()
    assert "KeyError" in report and "Log file:" in report and "GistQuiz" in report
    dialogs[0].reject()


def test_corrupt_history_is_replaced_and_the_user_told(qtbot, settings, tmp_path):
    db_path = tmp_path / "broken.sqlite3"
    db_path.write_bytes(b"definitely not sqlite" * 50)
    store = HistoryStore(db_path)
    win = make_window(settings, store, pool=SynchronousPool())
    qtbot.addWidget(win)
    win.show()
    assert win.message.isVisible()
    assert "history could not be read" in win.message.text.text()
    assert str(store.recovered_from) in win.message.text.text()
    store.close()


def test_paste_as_new_document(qtbot, window):
    QGuiApplication.clipboard().setText(ARTICLE)
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.controller.document.text.startswith("Marie Curie")
    QGuiApplication.clipboard().setText("   ")
    window.paste_document()
    assert "no text" in window.message.text.text()


def test_drop_a_file(qtbot, window, tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    assert window.controller.source == str(path)


def test_hover_shows_rank_and_score(qtbot, window, sample):
    window.controller.set_document(sample, "")
    ranking = window.controller.ranking
    best = ranking.order[0]
    assert window.article.hover_text(best).startswith(f"Rank 1 of {len(sample.sentences)}")
    assert "in the summary" in window.article.hover_text(best)
    # The point under a sentence maps back to that sentence.
    cursor = window.article.textCursor()
    cursor.setPosition(sample.sentences[0].start + 3)
    point = window.article.cursorRect(cursor).center()
    assert window.article.sentence_at_point(point) == 0


def test_find_in_article(qtbot, window, sample):
    window.controller.set_document(sample, "")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "Kishida")
    selected = window.article.textCursor().selectedText()
    assert selected == "Kishida"
    qtbot.keyClicks(window.find_bar.field, "zzz")
    assert window.find_bar.status.text() == "Not found"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_heat_map_and_dark_theme_keep_non_colour_cues(qtbot, window, sample):
    window.controller.set_document(sample, "")
    window.summary.heatmap.click()
    assert window.settings.get("summary/heatmap") is True
    assert len(window.article.marked_sentences()) == len(sample.sentences)  # every one shaded
    for sel in window.article._layers["ranking"]:
        index = window.article.locator.sentence_at(sel.cursor.selectionStart())
        chosen = index in window.controller.ranking.selected
        assert sel.format.fontUnderline() == chosen  # the summary is underlined, not only tinted
    window.apply_theme("dark")
    try:
        qtbot.waitUntil(lambda: theme.is_dark(window.article.palette()), timeout=GUARD_MS)
        dark_summary = theme.highlights(window.article.palette()).summary
        window.summary.heatmap.click()  # heat map off: summary sentences get the summary tint
        chosen = window.article._layers["ranking"][0].format.background().color()
        assert chosen == dark_summary
        assert window.settings.get("appearance/theme") == "dark"
    finally:
        window.apply_theme("system")


def test_every_control_has_an_accessible_name(qtbot, window, sample):
    window.controller.set_document(sample, "")
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView, QTextEdit)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for kind in kinds
        for w in window.findChildren(kind)
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and w.objectName() not in {"qt_scrollarea_viewport", "qt_spinbox_lineedit"}
        and not type(w).__name__.startswith("QToolButton")
        and not isinstance(w.parent(), QComboBox | QAbstractSpinBox)
        and not isinstance(w, QHeaderView)  # part of its named tree
        and w.window() is window  # not a combo box's popup list
    ]
    assert unnamed == [], "\n".join(unnamed)


def test_window_state_and_choices_survive_a_restart(qtbot, settings, store, sample):
    first = make_window(settings, store, pool=SynchronousPool())
    qtbot.addWidget(first)
    first.show()
    first.controller.set_document(sample, "")
    first.summary.algorithm.setCurrentIndex(first.summary.algorithm.findData("luhn"))
    first.read_split.setSizes([300, 900])
    first.close()
    second = make_window(settings, store, pool=SynchronousPool())
    qtbot.addWidget(second)
    second.show()
    assert second.controller.algorithm == "luhn"
    assert second.summary.algorithm.currentData() == "luhn"
    sizes = second.read_split.sizes()
    assert sizes[0] < sizes[1]


def test_screenshot_writes_a_png(qtbot, tmp_path):
    target = tmp_path / "shot.png"
    assert app.main(["--screenshot", str(target), "--page", "compare"]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() >= 1000 and image.height() >= 600


def test_version_does_not_import_qt():
    code = (
        "import sys; from gistquiz import app; app.main(['--version']); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, qt_loaded = out.stdout.strip().splitlines()
    assert version.startswith("gistquiz ") and qt_loaded == "False"


def test_excepthook_routes_bugs_to_the_crash_dialog(qtbot, window, monkeypatch):
    from gistquiz.ui.application import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(window)
    try:
        raise RuntimeError("a slot went wrong")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    (dialog,) = window.findChildren(CrashDialog)
    qtbot.addWidget(dialog)
    assert "RuntimeError: a slot went wrong" in dialog.report
    dialog.reject()


def test_log_window_shows_recent_lines_live(qtbot, window):
    import logging

    from gistquiz.ui.dialogs import LogWindow

    logging.getLogger("gistquiz.test").warning("first line")
    log_window = LogWindow(window)
    qtbot.addWidget(log_window)
    assert "first line" in log_window.view.toPlainText()
    logging.getLogger("gistquiz.test").warning("second line")
    assert "second line" in log_window.view.toPlainText()


def test_rotating_log_file_in_the_given_directory(tmp_path):
    import logging

    from gistquiz.ui import logs

    root = logging.getLogger("gistquiz")
    before = list(root.handlers)
    try:
        path = logs.setup(tmp_path / "logs", qt_messages=False)
        logging.getLogger("gistquiz.core.summarize").info("hello from the core")
        for handler in root.handlers:
            handler.flush()
        assert path.parent == tmp_path / "logs"
        assert "gistquiz.core.summarize: hello from the core" in path.read_text()
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()


def test_real_thread_pool_opens_and_summarizes(qtbot, settings, store):
    from PySide6.QtCore import QThreadPool

    win = make_window(settings, store)  # the real QThreadPool
    qtbot.addWidget(win)
    win.show()
    c = win.controller
    busy = []
    c.runner.busyChanged.connect(lambda on, label: busy.append(on))
    c.open_sample()
    # A guard against hanging, not a speed check: the machine may be busy.
    qtbot.waitUntil(lambda: c.ranking is not None, timeout=300_000)
    assert win.article.marked_sentences() == list(c.ranking.selected)
    assert True in busy and busy[-1] is False
    QThreadPool.globalInstance().waitForDone(60_000)


def test_copy_summary_as_bullets_or_paragraph(qtbot, window, sample):
    window.controller.set_document(sample, "")
    lines = [sample.clean_sentence(i) for i in window.controller.ranking.selected]
    window.summary.bullets.setChecked(True)
    qtbot.mouseClick(window.summary.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "\n".join(f"- {x}" for x in lines)
    window.summary.bullets.setChecked(False)
    assert window.summary.list.item(0).text().startswith("1.")
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == " ".join(lines)


def test_length_in_percent_and_words(qtbot, window, sample):
    window.controller.set_document(sample, "")
    unit = window.summary.unit
    unit.setCurrentIndex(unit.findData("percent"))
    assert str(window.controller.length) == "20%"
    unit.setCurrentIndex(unit.findData("words"))
    assert str(window.controller.length) == "150w"
    words = sum(len(sample.clean_sentence(i).split()) for i in window.controller.ranking.selected)
    assert words <= 150 or len(window.controller.ranking.selected) == 1
    assert window.settings.get("summary/length") == "150w"


def test_opening_another_document_resets_the_quiz_and_history_view(qtbot, window, sample):
    from ui_helpers import hand_made_quiz

    window.controller.set_document(sample, "")
    window.show_page("quiz")
    window.controller.start_quiz(hand_made_quiz(sample))
    assert window.quiz.pages.currentWidget() is window.quiz.question
    window.controller.open_text(ARTICLE, title="Curie")
    assert window.quiz.pages.currentWidget() is window.quiz.setup
    assert window.controller.session is None
    assert window.windowTitle() == "Curie — GistQuiz"
    assert window.history.table.topLevelItemCount() == 0


def test_a_saved_quiz_of_another_text_is_taken_without_wrong_highlights(qtbot, window, sample):
    from ui_helpers import hand_made_quiz

    quiz = hand_made_quiz(sample)
    window.controller.open_text(ARTICLE, title="Curie")
    window.take_quiz(quiz)
    assert "Open that document" in window.message.text.text()
    qtbot.keyClick(window.quiz.question, Qt.Key.Key_2)
    assert window.quiz.question.feedback_box.isVisible()
    assert window.quiz_article.marked_sentences("evidence") == []


def test_tooltip_event_over_a_sentence_names_its_rank(qtbot, window, sample):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    window.controller.set_document(sample, "")
    view = window.article
    cursor = view.textCursor()
    cursor.setPosition(sample.sentences[2].start + 2)
    point = view.cursorRect(cursor).center()
    hovered = []
    view.sentenceHovered.connect(hovered.append)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert hovered == [2]
    rank = window.controller.ranking.rank_of(2)
    assert QToolTip.text().startswith(f"Rank {rank} of ")
    QToolTip.hideText()


def test_heat_map_of_a_long_text_follows_the_view(qtbot, window, monkeypatch):
    from gistquiz.ui import article_view

    monkeypatch.setattr(article_view, "HEAT_ALL_MAX", 20)
    monkeypatch.setattr(article_view, "HEAT_MARGIN", 5)
    text = "\n\n".join(f"Paragraph {n} tells fact number {n} about the topic." for n in range(150))
    window.controller.open_text(text, title="Long")
    view = window.article
    window.set_heatmap(True)
    summary = set(window.controller.ranking.selected)  # always marked, wherever they are
    top = next(i for i in range(150) if i not in summary)
    end = next(i for i in reversed(range(150)) if i not in summary)
    shaded = set(view.marked_sentences()) - summary
    assert top in shaded and end not in shaded and len(shaded) < 100
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    shaded = set(view.marked_sentences()) - summary
    assert end in shaded and top not in shaded


def test_standard_shortcuts_help_and_quit(qtbot, window):
    from gistquiz.ui.dialogs import HelpDialog

    qtbot.keyClick(window, Qt.Key.Key_F1)
    (help_dialog,) = window.findChildren(HelpDialog)
    qtbot.addWidget(help_dialog)
    assert help_dialog.isVisible()
    help_dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=GUARD_MS)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert window.settings.window_state("geometry") is not None  # saved on the way out


def test_preferences_write_settings_and_apply(qtbot, window, sample):
    from gistquiz.ui.dialogs import PreferencesDialog

    window.controller.set_document(sample, "")
    window.show_preferences()
    (dialog,) = window.findChildren(PreferencesDialog)
    qtbot.addWidget(dialog)
    dialog.font_size.setValue(16)
    dialog.count.setValue(6)
    dialog.length.setText("not a length")
    dialog.accept()
    assert dialog.isVisible()  # refused: the bad length is selected for correction
    dialog.length.setText("30%")
    dialog.accept()
    assert window.settings.get("summary/length") == "30%"
    assert window.settings.get("quiz/count") == 6
    assert window.quiz.setup.count.value() == 6
    assert window.article.font().pointSize() == 16


def test_a_quiz_without_questions_explains_itself(qtbot, window, sample):
    from ui_helpers import hand_made_quiz

    window.controller.set_document(sample, "")
    window.show_page("quiz")
    empty = hand_made_quiz(sample).replace(questions=(), notes=("This text has no facts.",))
    window.controller.start_quiz(empty)
    assert window.quiz.pages.currentWidget() is window.quiz.setup
    assert window.message.text.text() == "This text has no facts."


def test_unusable_data_dir_falls_back_to_an_in_memory_history(tmp_path):
    from gistquiz.ui.application import open_store

    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    store, problem = open_store(blocker / "history.sqlite3")
    assert "cannot be saved" in problem
    assert store.attempts() == []
    store.close()


def test_the_app_icon_comes_from_the_packaged_svg(qapp):
    from gistquiz.ui.application import app_icon

    icon = app_icon()
    assert not icon.isNull() and icon.pixmap(64, 64).width() == 64


def test_history_of_other_documents_can_be_picked(qtbot, window, store, sample):
    from ui_helpers import hand_made_quiz

    window.controller.set_document(sample, "")
    session = window.controller.start_quiz(hand_made_quiz(sample))
    for _ in range(session.total):
        window.quiz.choose(0) if session.current.options else window.quiz.question.answer.setText(
            "x"
        ) or window.quiz.submit_text()
        window.quiz.advance()
    assert len(store.attempts(sample.id)) == 1
    window.controller.open_text(ARTICLE, title="Curie")
    picker = window.history.document
    assert picker.count() == 2 and picker.itemData(0) == window.controller.document.id
    assert window.history.table.topLevelItemCount() == 0
    picker.setCurrentIndex(1)
    assert window.history.table.topLevelItemCount() == 1
    assert window.history.details.count() == session.total


def test_stale_settings_fall_back_to_defaults(qtbot, settings, store, sample):
    from gistquiz.core import pipeline

    settings.set("summary/algorithm", "an-algorithm-since-removed")
    settings.set("summary/length", "lots")
    win = make_window(settings, store, pool=SynchronousPool())
    qtbot.addWidget(win)
    win.controller.set_document(sample, "")
    assert win.controller.ranking.algorithm == pipeline.DEFAULT_ALGORITHM
    assert str(win.controller.length) == "5"
    assert not win.message.isVisible()


def test_delete_an_attempt_after_confirming(qtbot, window, store, sample, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from ui_helpers import hand_made_quiz

    window.controller.set_document(sample, "")
    for _ in range(2):
        session = window.controller.start_quiz(hand_made_quiz(sample))
        window.controller.record(session)
    window.show_page("history")
    table = window.history.table
    assert table.topLevelItemCount() == 2
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # "No": nothing deleted
    assert len(store.attempts(sample.id)) == 2
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(store.attempts(sample.id)) == 1 and table.topLevelItemCount() == 1


def test_feedback_quotes_a_quoted_source_sentence_once():
    from gistquiz.core.quiz.model import Kind, Question
    from gistquiz.ui.quiz_view import _source_html

    def source(sentence: str) -> str:
        question = Question("q", Kind.CLOZE, "_____", "Eliza", explanation=sentence)
        return _source_html("Source:", question)

    assert source("“My dear Eliza, why?”").endswith("“My dear <b><u>Eliza</u></b>, why?”")
    assert source("He met Eliza.").endswith("“He met <b><u>Eliza</u></b>.”")
