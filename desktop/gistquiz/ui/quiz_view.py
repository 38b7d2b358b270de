"""Quiz mode: set up, one question at a time with immediate feedback, then the score page.

Keys follow Anki: 1-4 pick an option, T/F answer true/false, Enter submits typed answers,
Space (or Enter) continues after the feedback. The flow itself lives in ``QuizSession``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.quiz.model import Kind, Question
from ..core.quiz.text import quote_marks
from . import theme
from .history_view import result_item, review_list
from .presenters import Marked, Phase, QuizSession
from .quiz_setup import QuizSetup, kind_labels


class QuestionPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position = QLabel()
        self.position.setAccessibleName(self.tr("Question number"))
        self.progress = QProgressBar(accessibleName=self.tr("Quiz progress"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.kind = QLabel()
        self.kind.setAccessibleName(self.tr("Question kind"))
        self.stem = QLabel(wordWrap=True)
        self.stem.setAccessibleName(self.tr("Question"))
        self.stem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.stem.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.stem.setFont(font)
        self.options = [QPushButton() for _ in range(4)]
        for n, button in enumerate(self.options):
            button.setAccessibleName(self.tr("Option {0}").format(n + 1))
            button.setStyleSheet("text-align: left; padding: 8px 12px;")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.answer = QLineEdit(accessibleName=self.tr("Your answer"))
        self.answer.setPlaceholderText(self.tr("Type your answer, then press Enter"))
        self.submit = QPushButton(self.tr("Submit"), accessibleName=self.tr("Submit answer"))
        self.feedback = QLabel(wordWrap=True)
        self.feedback.setAccessibleName(self.tr("Feedback"))
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.source = QLabel(wordWrap=True)
        self.source.setAccessibleName(self.tr("Source sentence"))
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.continue_button = QPushButton(
            self.tr("Continue  (Space)"), accessibleName=self.tr("Continue")
        )
        self.feedback_box = QFrame()
        self.feedback_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.feedback_box)
        box.addWidget(self.feedback)
        box.addWidget(self.source)
        box.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)

        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addStretch(1)
        top.addWidget(self.kind)
        text_row = QHBoxLayout()
        text_row.addWidget(self.answer, 1)
        text_row.addWidget(self.submit)
        self.text_row = QWidget()
        self.text_row.setLayout(text_row)
        text_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addSpacing(8)
        layout.addWidget(self.stem)
        layout.addSpacing(8)
        for button in self.options:
            layout.addWidget(button)
        layout.addWidget(self.text_row)
        layout.addSpacing(8)
        layout.addWidget(self.feedback_box)
        layout.addStretch(1)


class ResultsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = QLabel()
        self.score.setAccessibleName(self.tr("Score"))
        font = self.score.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.score.setFont(font)
        self.review = review_list(self.tr("Review of every question"))
        self.review.setToolTip(self.tr("Select a question to see its source in the article"))
        self.retry = QPushButton(
            self.tr("&Retry the wrong ones"), accessibleName=self.tr("Retry the wrong ones")
        )
        self.new_quiz = QPushButton(self.tr("&New quiz"), accessibleName=self.tr("New quiz"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addWidget(self.new_quiz)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.score)
        layout.addWidget(self.review, 1)
        layout.addLayout(buttons)


class QuizView(QWidget):
    """Setup -> questions -> results. Emits what the article and the history need."""

    generateRequested = Signal(object)  # QuizOptions
    evidenceRequested = Signal(object)  # Question | None: mark its source in the article
    finished = Signal(object)  # QuizSession, once per completed run
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: QuizSession | None = None
        self.setup = QuizSetup()
        self.question = QuestionPage()
        self.results = ResultsPage()
        self.pages = QStackedWidget()
        for page in (self.setup, self.question, self.results):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.setup.generateRequested.connect(self.generateRequested)
        q = self.question
        for n, button in enumerate(q.options):
            button.clicked.connect(lambda _=False, n=n: self.choose(n))
        q.submit.clicked.connect(self.submit_text)
        q.continue_button.clicked.connect(self.advance)
        self.results.retry.clicked.connect(self.retryRequested)
        self.results.new_quiz.clicked.connect(self.show_setup)
        self.results.review.currentItemChanged.connect(self._review_selected)

        keys = {
            **{str(n + 1): lambda n=n: self._number_key(n) for n in range(4)},
            "T": lambda: self._true_false_key(0),
            "F": lambda: self._true_false_key(1),
            "Space": self._continue_key,
            "Return": self._enter_key,
            "Enter": self._enter_key,
        }
        self._shortcuts = []
        for key, handler in keys.items():
            shortcut = QShortcut(QKeySequence(key), q)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)
            self._shortcuts.append(shortcut)

    # -- flow ---------------------------------------------------------------------------------
    def show_setup(self) -> None:
        self.pages.setCurrentWidget(self.setup)
        self.evidenceRequested.emit(None)

    def start(self, session: QuizSession) -> None:
        self.session = session
        if not session.questions:
            self.show_setup()  # nothing to ask: the window says why
        else:
            self._show_question()

    def choose(self, option: int) -> None:
        s = self.session
        if s is None or s.phase is not Phase.ASKING or s.current.kind not in (Kind.MCQ, Kind.TF):
            return
        if option >= len(s.current.options):
            return
        self._show_feedback(s.answer(option), option)

    def submit_text(self) -> None:
        s = self.session
        if s is None or s.phase is not Phase.ASKING or s.current.kind in (Kind.MCQ, Kind.TF):
            return
        text = self.question.answer.text().strip()
        if not text:
            return
        self._show_feedback(s.answer(text), None)

    def advance(self) -> None:
        s = self.session
        if s is None or s.phase is not Phase.FEEDBACK:
            return
        s.advance()
        if s.phase is Phase.FINISHED:
            self._show_results()
            self.finished.emit(s)
        else:
            self._show_question()

    # -- keys ---------------------------------------------------------------------------------
    def _number_key(self, n: int) -> None:
        s = self.session
        if s and s.phase is Phase.ASKING and s.current.kind in (Kind.MCQ, Kind.TF):
            self.choose(n)

    def _true_false_key(self, option: int) -> None:
        s = self.session
        if s and s.phase is Phase.ASKING and s.current.kind is Kind.TF:
            self.choose(option)

    def _continue_key(self) -> None:
        self.advance()

    def _enter_key(self) -> None:
        s = self.session
        if s is None:
            return
        if s.phase is Phase.ASKING:
            self.submit_text()
        else:
            self.advance()

    # -- showing ------------------------------------------------------------------------------
    def _show_question(self) -> None:
        s, q = self.session, self.question
        assert s is not None
        question = s.current
        self.pages.setCurrentWidget(q)
        q.position.setText(self.tr("Question {0} of {1}").format(s.index + 1, s.total))
        q.progress.setRange(0, s.total)
        q.progress.setValue(s.index)
        q.kind.setText(kind_labels(self)[question.kind])
        q.stem.setText(question.stem)
        choice = question.kind in (Kind.MCQ, Kind.TF)
        keys = ["T", "F"] if question.kind is Kind.TF else ["1", "2", "3", "4"]
        for n, button in enumerate(q.options):
            visible = choice and n < len(question.options)
            button.setVisible(visible)
            button.setProperty("verdict", "")
            button.setStyleSheet("text-align: left; padding: 8px 12px;")
            if visible:
                label = question.options[n]
                if question.kind is Kind.TF:
                    label = self.tr("True") if n == 0 else self.tr("False")
                button.setText(f"{keys[n]}   {label}")
                button.setAccessibleName(self.tr("Option {0}: {1}").format(keys[n], label))
        q.text_row.setVisible(not choice)
        q.answer.clear()
        q.answer.setEnabled(True)
        q.submit.setEnabled(True)
        q.feedback_box.setVisible(False)
        self.evidenceRequested.emit(None)
        if choice:
            q.setFocus()
        else:
            q.answer.setFocus()

    def _show_feedback(self, mark: Marked, chosen: int | None) -> None:
        s, q = self.session, self.question
        assert s is not None
        question = s.current
        colours = theme.highlights(self.palette())
        if question.kind in (Kind.MCQ, Kind.TF):
            right = question.correct if question.correct is not None else -1
            for n, button in enumerate(q.options):
                if not button.isVisible():
                    continue
                base = "text-align: left; padding: 8px 12px;"
                if n == right:
                    button.setText("✓ " + button.text())
                    button.setStyleSheet(
                        f"{base} font-weight: bold; border: 2px solid {colours.right.name()};"
                    )
                elif n == chosen:
                    button.setText("✗ " + button.text())
                    wrong = colours.wrong.name()
                    button.setStyleSheet(
                        f"{base} text-decoration: line-through; border: 2px solid {wrong};"
                    )
        q.answer.setEnabled(False)
        q.submit.setEnabled(False)
        colour = colours.right if mark.correct else colours.wrong
        verdict = self.tr("✓ Correct!") if mark.correct else self.tr("✗ Not quite.")
        html = f"<b style='color:{colour.name()}'>{_esc(verdict)}</b>"
        if not mark.correct:
            html += " " + _esc(self.tr("The answer is")) + f" <b><u>{_esc(mark.expected)}</u></b>."
            if mark.given:
                html += "<br>" + _esc(self.tr("You answered: {0}").format(mark.given))
        q.feedback.setText(html)
        q.source.setText(_source_html(self.tr("From the article:"), question))
        q.feedback_box.setVisible(True)
        q.progress.setValue(s.index + 1)
        self.evidenceRequested.emit(question)
        q.continue_button.setFocus()

    def _show_results(self) -> None:
        s, r = self.session, self.results
        assert s is not None
        self.pages.setCurrentWidget(r)
        percent = round(100 * s.correct / s.total) if s.total else 0
        r.score.setText(self.tr("{0} of {1} correct · {2}%").format(s.correct, s.total, percent))
        r.review.clear()
        for n, (question, mark) in enumerate(zip(s.questions, s.marks, strict=True), 1):
            ok = bool(mark and mark.correct)
            given = mark.given if mark else ""
            expected = mark.expected if mark else question.answer
            item = result_item(self, n, ok, question.stem, given, expected)
            item.setData(Qt.ItemDataRole.UserRole, n - 1)
            item.setToolTip(question.explanation or question.stem)
            r.review.addItem(item)
        wrong = len(s.wrong_questions())
        r.retry.setEnabled(wrong > 0)
        r.retry.setText(
            self.tr("&Retry the {0} wrong").format(wrong) if wrong else self.tr("All right!")
        )
        self.evidenceRequested.emit(None)
        first_wrong = next((n for n, m in enumerate(s.marks) if not m or not m.correct), None)
        if first_wrong is not None:
            r.review.setCurrentRow(first_wrong)  # its source shows in the article beside
        (r.retry if wrong else r.new_quiz).setFocus()

    def _review_selected(self, item: QListWidgetItem | None) -> None:
        if item is None or self.session is None:
            return
        self.evidenceRequested.emit(self.session.questions[item.data(Qt.ItemDataRole.UserRole)])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _source_html(caption: str, question: Question) -> str:
    sentence = question.explanation
    if not sentence:
        return ""
    answer = question.answer
    body = _esc(sentence)
    if answer and answer in sentence:
        a = sentence.index(answer)
        body = (
            _esc(sentence[:a]) + f"<b><u>{_esc(answer)}</u></b>" + _esc(sentence[a + len(answer) :])
        )
    opening, closing = quote_marks(sentence)
    return f"<i>{_esc(caption)}</i> {opening}{body}{closing}"
