"""The app's state and decisions: which document, which summary, which comparison, which quiz.

Widgets call these methods and listen to the signals; every long step runs through the one
``Runner``. Tests drive the controller with a ``SynchronousPool`` and no window at all.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from ..core import pipeline
from ..core.document import Document
from ..core.errors import Cancelled, InvalidOption
from ..core.quiz.model import Quiz, QuizOptions
from ..core.store import Attempt, HistoryStore
from ..core.summarize import Length, Ranking
from .presenters import QuizSession
from .worker import Pool, Runner

log = logging.getLogger("gistquiz.ui.controller")


class AppController(QObject):
    documentChanged = Signal(object)  # Document
    rankingChanged = Signal(object)  # Ranking for the current algorithm/length
    comparisonChanged = Signal(object)  # list[Ranking]
    quizReady = Signal(object)  # QuizSession
    historyChanged = Signal()
    error = Signal(str)  # a user-facing message (typed core error)
    notice = Signal(str)  # an informational message (e.g. history recovered)

    def __init__(
        self,
        store: HistoryStore,
        *,
        pool: Pool | None = None,
        algorithm: str = pipeline.DEFAULT_ALGORITHM,
        length: str = "5",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = Runner(pool, self)
        self.runner.failed.connect(lambda e: self.error.emit(str(e)))
        self.store = store
        self.document: Document | None = None
        self.source = ""
        self.algorithm = algorithm
        self.length = Length.parse(length)
        self.ranking: Ranking | None = None
        self.comparison: list[Ranking] = []
        self.session: QuizSession | None = None

    # -- opening ------------------------------------------------------------------------------
    def open_source(self, source: str) -> None:
        label = self.tr("Opening {0}…").format(source)
        self.runner.submit(
            "load",
            lambda progress, cancel: pipeline.open_source(source, progress=progress, cancel=cancel),
            lambda doc: self.set_document(doc, source),
            label=label,
        )

    def open_sample(self) -> None:
        self.runner.submit(
            "load",
            lambda progress, cancel: pipeline.open_sample(),
            lambda doc: self.set_document(doc, pipeline.sample_path()),
            label=self.tr("Opening the sample…"),
        )

    def open_text(self, text: str, title: str = "") -> None:
        """Pasted or dropped text (split into sentences off the GUI thread: it may be a book)."""
        self.runner.submit(
            "load",
            lambda progress, cancel: pipeline.open_text(text, title=title),
            lambda doc: self.set_document(doc, ""),
            label=self.tr("Opening the pasted text…"),
        )

    def set_document(self, doc: Document, source: str) -> None:
        """Show ``doc``: every job for the previous document is now stale."""
        self.runner.cancel("summary")
        self.runner.cancel("compare")
        self.runner.cancel("quiz")
        self.runner.new_generation()
        self.document, self.source = doc, source
        self.ranking, self.comparison, self.session = None, [], None
        log.info("opened %r (%d sentences)", doc.title, len(doc.sentences))
        self.documentChanged.emit(doc)
        self.summarize()

    # -- summary ------------------------------------------------------------------------------
    def set_algorithm(self, name: str) -> None:
        if name != self.algorithm:
            self.algorithm = name
            self.summarize()

    def set_length(self, spec: str | Length) -> None:
        try:
            length = Length.parse(spec)
        except InvalidOption as e:
            self.error.emit(str(e))
            return
        if length != self.length:
            self.length = length
            self.summarize()

    def summarize(self) -> None:
        doc, algorithm, length = self.document, self.algorithm, self.length
        if doc is None:
            return
        self.runner.submit(
            "summary",
            lambda progress, cancel: pipeline.summarize(doc, algorithm, length, cancel=cancel),
            self._set_ranking,
            label=self.tr("Summarizing…"),
        )

    def _set_ranking(self, ranking: Ranking) -> None:
        self.ranking = ranking
        self.rankingChanged.emit(ranking)

    # -- compare ------------------------------------------------------------------------------
    def compare(self, algorithms: Sequence[str]) -> None:
        doc, length, names = self.document, self.length, list(dict.fromkeys(algorithms))
        if doc is None or not names:
            return

        def job(progress, cancel) -> list[Ranking]:
            out = []
            for i, name in enumerate(names):
                progress(i / len(names), name)
                out.append(pipeline.summarize(doc, name, length, cancel=cancel))
            return out

        self.runner.submit("compare", job, self._set_comparison, label=self.tr("Comparing…"))

    def _set_comparison(self, rankings: list[Ranking]) -> None:
        self.comparison = rankings
        self.comparisonChanged.emit(rankings)

    # -- quiz ---------------------------------------------------------------------------------
    def build_quiz(self, options: QuizOptions) -> None:
        doc, ranking = self.document, self.ranking
        if doc is None:
            return

        def job(progress, cancel) -> Quiz:
            return pipeline.build_quiz(
                doc, options, ranking=ranking, progress=progress, cancel=cancel
            )

        self.runner.submit("quiz", job, self.start_quiz, label=self.tr("Writing the quiz…"))

    def warm_up(self) -> None:
        """Load the quiz's language models in the background while the user reads.

        The first quiz otherwise pays for loading them (seconds on a slow machine);
        a failure here is only logged -- the real quiz reports its own errors.
        """
        tiny = "Marie Curie was born in Warsaw in 1867. She moved to Paris in 1891."

        def job(progress, cancel) -> None:
            try:
                doc = pipeline.open_text(tiny, language="en")
                pipeline.build_quiz(doc, QuizOptions(count=1), cancel=cancel)
            except Cancelled:
                pass  # the app is closing
            except Exception:
                log.warning("quiz warm-up failed", exc_info=True)

        self.runner.submit("warmup", job, lambda _: None, quiet=True)

    def start_quiz(self, quiz: Quiz) -> QuizSession:
        self.session = QuizSession(quiz, self.source)
        if not quiz.questions:
            self.error.emit(
                " ".join(quiz.notes)
                or self.tr("No question could be written from this text: it has too few facts.")
            )
        elif quiz.notes:
            self.notice.emit(" ".join(quiz.notes))
        self.quizReady.emit(self.session)
        return self.session

    def retry_wrong(self) -> QuizSession | None:
        if self.session is None or not self.session.wrong_questions():
            return None
        self.session = self.session.retry_wrong()
        self.quizReady.emit(self.session)
        return self.session

    def record(self, session: QuizSession) -> Attempt | None:
        """Save a finished attempt; a storage failure is reported, never raised."""
        attempt = session.attempt()
        try:
            self.store.add(attempt)
        except Exception as e:  # disk full, read-only home...: tell the user, keep going
            log.exception("could not save the attempt")
            self.error.emit(self.tr("Could not save this attempt to the history: {0}").format(e))
            return None
        self.historyChanged.emit()
        return attempt

    def history(self) -> list[Attempt]:
        if self.document is None:
            return []
        return self.store.attempts(self.document.id)
