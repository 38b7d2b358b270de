"""``gistquiz --screenshot PATH --page ...``: drive the window like a user, then grab it.

Jobs run synchronously (``SynchronousPool``), so each step has finished when it returns.
The quiz pages answer like a plausible student: right on most questions, wrong on a few.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ..core.quiz.model import Kind, QuizOptions
from .main_window import MainWindow

PAGES = ("article", "compare", "quiz", "results", "history")
SIZE = (1280, 800)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def render(window: MainWindow, path: str, page: str, source: str | None) -> int:
    if page not in PAGES:
        raise SystemExit(f"gistquiz: unknown page {page!r}; use one of {', '.join(PAGES)}")
    c = window.controller
    window.resize(*SIZE)
    window.show()
    errors: list[str] = []
    c.error.connect(errors.append)
    if source:
        c.open_source(source)
    else:
        c.open_sample()
    if c.document is None:
        from ..core.errors import GistQuizError

        raise GistQuizError(errors[0] if errors else f"could not open {source}")
    _settle()
    if page == "article":
        ranking = c.ranking
        if ranking and ranking.selected:
            window.summary.list.setCurrentRow(1 if len(ranking.selected) > 1 else 0)
    elif page == "compare":
        window.show_page("compare")
    else:
        window.show_page("quiz")
        _take_quiz(window, page)
    _settle()
    image = window.grab()
    if not image.save(path, "PNG"):
        raise SystemExit(f"gistquiz: could not write {path}")
    return 0


def _take_quiz(window: MainWindow, page: str) -> None:
    c, view = window.controller, window.quiz
    options = QuizOptions(count=8, seed=1)
    rounds = 2 if page == "history" else 1
    for round_ in range(rounds):
        c.build_quiz(options)
        session = c.session
        if session is None:
            return
        n = 0
        while session.phase.value != "finished":
            question = session.current
            if page == "quiz" and n == 2:
                # A question answered wrongly, its feedback on screen.
                _answer(view, question, right=False)
                return
            _answer(view, question, right=(n + round_) % 4 != 3)
            view.advance()
            n += 1
    if page == "history":
        window.show_page("history")


def _answer(view, question, *, right: bool) -> None:
    if question.kind in (Kind.MCQ, Kind.TF):
        correct = question.correct or 0
        view.choose(correct if right else (correct + 1) % len(question.options))
    else:
        view.question.answer.setText(question.answer if right else "I am not sure")
        view.submit_text()
