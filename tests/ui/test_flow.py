"""The whole app driven like a user, by keys and clicks (offscreen, jobs synchronous).

sample opens -> summary highlighted -> change algorithm and length -> compare -> quiz ->
answer every question -> score page -> the attempt is in history.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from gistquiz.core.quiz.model import Kind, Question
from gistquiz.ui.presenters import Phase

# Waits are guards against a hang, not speed checks: generous for a busy CI machine.
GUARD_MS = 60_000


def click(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def click_item(qtbot, view: QListWidget, row: int) -> None:
    rect = view.visualItemRect(view.item(row))
    click(qtbot, view.viewport(), rect.center())


def click_tab(qtbot, window, index: int) -> None:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(index).center())


def press(qtbot, key: Qt.Key) -> None:
    """A key press where the user's keyboard sends it: to the focused widget."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def answer_by_keys(qtbot, window, question: Question, *, right: bool) -> None:
    page = window.quiz.question
    if question.kind is Kind.TF:
        truth = question.correct == 0
        press(qtbot, Qt.Key.Key_T if truth == right else Qt.Key.Key_F)
    elif question.kind is Kind.MCQ:
        option = question.correct if right else (question.correct + 1) % len(question.options)
        press(qtbot, Qt.Key(Qt.Key.Key_1 + option))
    else:
        field = page.answer
        assert field.hasFocus()
        qtbot.keyClicks(field, question.answer if right else "no idea at all")
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_full_flow_by_keys_and_clicks(qtbot, window, store):
    c = window.controller
    # 1. The sample opens, its summary highlighted in the article and listed in the panel.
    c.open_sample()
    doc = c.document
    assert window.windowTitle() == f"{doc.title} — GistQuiz"
    assert "sentences" in window.stats.text() and "min read" in window.stats.text()
    first = c.ranking
    assert window.article.marked_sentences() == list(first.selected)
    assert window.summary.list.count() == len(first.selected) == 5

    # 2. Another algorithm, chosen with the keyboard in the picker.
    picker = window.summary.algorithm
    picker.setFocus()
    at_end = picker.currentIndex() == picker.count() - 1
    qtbot.keyClick(picker, Qt.Key.Key_Up if at_end else Qt.Key.Key_Down)
    assert c.ranking.algorithm == picker.currentData() != first.algorithm
    assert window.article.marked_sentences() == list(c.ranking.selected)
    assert window.settings.get("summary/algorithm") == picker.currentData()

    # 3. A longer summary: arrow up in the length box, live update after a short pause.
    amount = window.summary.amount
    amount.setFocus()
    qtbot.keyClick(amount, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: len(c.ranking.selected) == 6, timeout=GUARD_MS)
    assert window.summary.list.count() == 6
    assert window.article.marked_sentences() == list(c.ranking.selected)

    # 4. Clicking a summary sentence scrolls the article to it and flashes it.
    click_item(qtbot, window.summary.list, 3)
    target = c.ranking.selected[3]
    assert window.article.flashing()
    assert window.article.marked_sentences("flash") == [target]
    assert window.article.textCursor().position() == doc.sentences[target].start

    # 5. Compare: three algorithms side by side, shared sentences marked.
    click_tab(qtbot, window, 1)
    assert window.tabs.currentWidget() is window.compare
    table = window.compare.table
    assert table is not None and len(table.algorithms) == 3
    for n, name in enumerate(table.algorithms):
        column = window.compare.columns[n][1]
        assert column.count() == len(table.columns[name])
        for row in range(column.count()):
            shared = len(table.columns[name][row].chosen_by)
            text = column.item(row).text()
            mark = "◆" if shared == 3 else "◇" if shared > 1 else ""
            assert text.startswith(
                f"{mark} " if mark else f"{table.columns[name][row].sentence + 1}."
            )

    # 6. Quiz: four questions, generated with a click.
    click_tab(qtbot, window, 2)
    setup = window.quiz.setup
    setup.count.setFocus()
    setup.count.selectAll()
    qtbot.keyClicks(setup.count, "4")
    click(qtbot, setup.generate)
    session = c.session
    assert session is not None and session.total >= 1
    assert window.quiz.pages.currentWidget() is window.quiz.question

    # 7. Answer every question by keys: right except the second; Space continues.
    for n in range(session.total):
        question = session.current
        assert window.quiz.question.stem.text() == question.stem
        answer_by_keys(qtbot, window, question, right=n != 1)
        assert session.phase is Phase.FEEDBACK
        assert window.quiz.question.feedback_box.isVisible()
        assert window.quiz_article.marked_sentences("evidence") == [question.sentence]
        press(qtbot, Qt.Key.Key_Space)

    # 8. The score page reviews every question.
    assert session.phase is Phase.FINISHED
    results = window.quiz.results
    assert window.quiz.pages.currentWidget() is results
    assert results.review.count() == session.total
    assert f"{session.correct} of {session.total}" in results.score.text()

    # 9. The attempt is in the history, shown in the History tab.
    (saved,) = store.attempts(doc.id)
    assert (saved.correct, saved.total) == (session.correct, session.total)
    click_tab(qtbot, window, 3)
    assert window.history.table.topLevelItemCount() == 1
    assert window.history.details.count() == session.total


def test_retry_the_wrong_ones(qtbot, window, store, sample):
    from ui_helpers import hand_made_quiz

    window.controller.set_document(sample, "")
    window.show_page("quiz")
    session = window.controller.start_quiz(hand_made_quiz(sample))
    for n in range(session.total):
        answer_by_keys(qtbot, window, session.current, right=n % 2 == 0)
        press(qtbot, Qt.Key.Key_Space)
    retry = window.quiz.results.retry
    assert retry.isEnabled() and "2" in retry.text()
    click(qtbot, retry)
    again = window.controller.session
    assert [q.kind for q in again.questions] == [Kind.CLOZE, Kind.WH]
    for _ in range(again.total):
        answer_by_keys(qtbot, window, again.current, right=True)
        press(qtbot, Qt.Key.Key_Return)  # Enter continues too
    assert again.correct == 2
    assert [a.total for a in store.attempts(sample.id)] == [2, 4]


def test_quiz_keys_do_not_leak_into_the_wrong_question_kind(qtbot, window, sample):
    from ui_helpers import hand_made_quiz

    window.controller.set_document(sample, "")
    window.show_page("quiz")
    session = window.controller.start_quiz(hand_made_quiz(sample))
    page = window.quiz.question
    qtbot.keyClick(page, Qt.Key.Key_T)  # T means nothing on a multiple-choice question
    qtbot.keyClick(page, Qt.Key.Key_Space)  # nor does Space before an answer
    assert session.phase is Phase.ASKING and session.index == 0
    qtbot.keyClick(page, Qt.Key.Key_2)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    # A typed answer may contain digits, T, F and spaces: they go into the field.
    qtbot.keyClicks(page.answer, "T 1 F")
    assert page.answer.text() == "T 1 F" and session.phase is Phase.ASKING
