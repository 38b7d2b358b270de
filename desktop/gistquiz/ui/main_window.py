"""The main window: tabs Read / Compare / Quiz / History around one AppController.

The window only shows and forwards: what to compute and when lives in the controller, the
quiz flow in ``QuizSession``. Menus and shortcuts are built in ``menus.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import pipeline
from ..core.document import Document
from ..core.loaders import loaders
from ..core.quiz.model import Question, Quiz
from ..core.summarize import Ranking
from . import menus, theme
from .article_view import ArticleView
from .compare_view import CompareView
from .controller import AppController
from .dialogs import CrashDialog, HelpDialog, LogWindow, MessageBar, PreferencesDialog
from .find_bar import FindBar
from .history_view import HistoryView
from .presenters import QuizSession, reading_stats
from .quiz_view import QuizView
from .settings import Settings
from .summary_panel import SummaryPanel

log = logging.getLogger("gistquiz.ui.window")
PAGES = ("article", "compare", "quiz", "history")


class MainWindow(QMainWindow):
    def __init__(self, controller: AppController, settings: Settings) -> None:
        super().__init__()
        self.controller, self.settings = controller, settings
        self.setWindowTitle("GistQuiz")
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("GistQuiz main window"))

        self.message = MessageBar()
        self.article = ArticleView()
        self.find_bar = FindBar(self.article)
        self.summary = SummaryPanel()
        self.compare = CompareView()
        self.quiz = QuizView()
        self.quiz_article = ArticleView()
        self.quiz_article.setAccessibleName(self.tr("Article with the question's source"))
        self.history = HistoryView()

        reader = QWidget()
        reader_box = QVBoxLayout(reader)
        reader_box.setContentsMargins(0, 0, 0, 0)
        reader_box.addWidget(self.article, 1)
        reader_box.addWidget(self.find_bar)
        self.read_split = QSplitter(Qt.Orientation.Horizontal, objectName="read_split")
        self.read_split.addWidget(reader)
        self.read_split.addWidget(self.summary)
        self.read_split.setStretchFactor(0, 3)
        self.read_split.setStretchFactor(1, 2)
        self.quiz_split = QSplitter(Qt.Orientation.Horizontal, objectName="quiz_split")
        self.quiz_split.addWidget(self.quiz)
        self.quiz_split.addWidget(self.quiz_article)
        self.quiz_split.setStretchFactor(0, 1)
        self.quiz_split.setStretchFactor(1, 1)

        self.tabs = QTabWidget(accessibleName=self.tr("Views"))
        self.tabs.addTab(self.read_split, self.tr("&Read"))
        self.tabs.addTab(self.compare, self.tr("&Compare"))
        self.tabs.addTab(self.quiz_split, self.tr("&Quiz"))
        self.tabs.addTab(self.history, self.tr("&History"))
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(6, 6, 6, 0)
        box.addWidget(self.message)
        box.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.stats = QLabel()
        self.stats.setAccessibleName(self.tr("Document statistics"))
        self.busy_label = QLabel()
        self.busy = QProgressBar(accessibleName=self.tr("Progress"))
        self.busy.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"), accessibleName=self.tr("Cancel job"))
        self.cancel_button.clicked.connect(self.cancel_jobs)
        bar = self.statusBar()
        bar.addWidget(self.stats, 1)
        for w in (self.busy_label, self.busy, self.cancel_button):
            bar.addPermanentWidget(w)
            w.hide()

        menus.build(self)
        self._connect()
        self._restore()

    # -- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        c = self.controller
        c.documentChanged.connect(self._show_document)
        c.rankingChanged.connect(self._show_ranking)
        c.comparisonChanged.connect(self._show_comparison)
        c.quizReady.connect(self.quiz.start)
        c.historyChanged.connect(self._refresh_history)
        c.error.connect(self.show_error)
        c.notice.connect(lambda text: self.message.show_message(text, error=False))
        c.runner.crashed.connect(self.show_crash)
        c.runner.busyChanged.connect(self._busy)
        c.runner.progress.connect(self._progress)

        s = self.summary
        s.algorithmChanged.connect(self._algorithm_chosen)
        s.lengthChanged.connect(self._length_chosen)
        s.heatmapToggled.connect(self.set_heatmap)
        s.bulletsToggled.connect(lambda on: self.settings.set("summary/bullets", on))
        s.sentenceActivated.connect(self.article.flash)
        self.compare.algorithmsChanged.connect(self._compare_chosen)
        self.compare.sentenceActivated.connect(self._compare_activated)
        self.quiz.generateRequested.connect(self._generate)
        self.quiz.evidenceRequested.connect(self._show_evidence)
        self.quiz.finished.connect(self.controller.record)
        self.quiz.retryRequested.connect(self.controller.retry_wrong)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.history.documentChosen.connect(self._history_of)
        self.history.deleteRequested.connect(self._delete_attempt)

    def _restore(self) -> None:
        s = self.settings
        self.summary.set_choices(
            self.controller.algorithm,
            self.controller.length,
            s.get("summary/heatmap"),
            s.get("summary/bullets"),
        )
        self.article.heatmap = s.get("summary/heatmap")
        self.compare.set_algorithms(list(s.get("compare/algorithms")))
        self.quiz.setup.set_defaults(
            s.get("quiz/count"), s.get("quiz/kinds"), s.get("quiz/difficulty")
        )
        self.apply_font_size(s.get("appearance/font_size"))
        self.resize(1280, 800)
        for name, restore in (
            ("geometry", self.restoreGeometry),
            ("state", self.restoreState),
            ("read_split", self.read_split.restoreState),
            ("quiz_split", self.quiz_split.restoreState),
        ):
            data = s.window_state(name)
            if data is not None:
                restore(data)
        if s.window_state("read_split") is None:
            self.read_split.setSizes([740, 500])
            self.quiz_split.setSizes([620, 620])
        menus.refresh_recent(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        s = self.settings
        s.set_window_state("geometry", self.saveGeometry())
        s.set_window_state("state", self.saveState())
        s.set_window_state("read_split", self.read_split.saveState())
        s.set_window_state("quiz_split", self.quiz_split.saveState())
        s.sync()
        self.controller.runner.cancel()
        super().closeEvent(event)

    # -- showing results ----------------------------------------------------------------------
    def _show_document(self, doc: Document) -> None:
        self.message.hide()
        self.article.set_document(doc)
        self.quiz_article.set_document(doc)
        self.setWindowTitle(self.tr("{0} — GistQuiz").format(doc.title))
        sentences, words, minutes = reading_stats(doc)
        self.stats.setText(
            self.tr("{0} sentences · {1} words · {2} min read").format(sentences, words, minutes)
        )
        self.summary.set_ranking(doc, None)
        self.quiz.show_setup()
        self._refresh_history()
        source = self.controller.source
        if source and source != pipeline.sample_path():
            self.settings.add_recent(source)
            menus.refresh_recent(self)
        if self.tabs.currentWidget() is self.compare:
            self._compare_chosen(self.compare.algorithms())

    def _show_ranking(self, ranking: Ranking) -> None:
        doc = self.controller.document
        assert doc is not None
        self.article.set_ranking(ranking)
        self.summary.set_ranking(doc, ranking)
        if self.tabs.currentWidget() is self.compare:
            self.controller.compare(self.compare.algorithms())

    def _show_comparison(self, rankings: list[Ranking]) -> None:
        if self.controller.document is not None:
            self.compare.show_comparison(self.controller.document, rankings)

    def _show_evidence(self, question: Question | None) -> None:
        doc, session = self.controller.document, self.controller.session
        foreign = doc is None or session is None or session.quiz.document_id != doc.id
        if question is None or foreign:  # a saved quiz of another text: spans don't apply
            self.quiz_article.show_evidence(None)
        else:
            span = (question.answer_start, question.answer_end)
            self.quiz_article.show_evidence(question.sentence, span)

    def _refresh_history(self) -> None:
        doc = self.controller.document
        store = self.controller.store
        self.history.set_documents((doc.id, doc.title) if doc else None, store.documents())
        self._history_of(self.history.document.currentData() or "")

    def _history_of(self, document_id: str) -> None:
        attempts = self.controller.store.attempts(document_id) if document_id else []
        doc = self.controller.document
        title = doc.title if doc and doc.id == document_id else ""
        self.history.set_attempts(attempts, title=title)

    def _delete_attempt(self, attempt_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete attempt"),
            self.tr("Delete this attempt from the history? This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.store.delete(attempt_id)
            self._history_of(self.history.document.currentData() or "")

    def show_error(self, text: str) -> None:
        log.info("shown to the user: %s", text)
        self.message.show_message(text, error=True)

    def show_crash(self, details: str) -> CrashDialog:
        dialog = CrashDialog(details, self)
        dialog.open()
        return dialog

    def cancel_jobs(self) -> None:
        self.controller.runner.cancel()
        self.statusBar().showMessage(self.tr("Cancelled."), 3000)

    def _busy(self, busy: bool, label: str) -> None:
        self.busy_label.setText(label)
        for w in (self.busy_label, self.busy, self.cancel_button):
            w.setVisible(busy)
        self.busy.setRange(0, 0)
        writing = self.controller.runner.is_busy("quiz")
        self.quiz.setup.generate.setEnabled(not writing)
        self.quiz.setup.generate.setText(
            self.tr("Writing the quiz…") if writing else self.tr("&Generate quiz")
        )

    def _progress(self, fraction: float, message: str) -> None:
        if fraction >= 0:
            self.busy.setRange(0, 100)
            self.busy.setValue(round(fraction * 100))
        if message:
            self.busy_label.setText(message)

    # -- user choices -------------------------------------------------------------------------
    def _algorithm_chosen(self, name: str) -> None:
        self.settings.set("summary/algorithm", name)
        self.controller.set_algorithm(name)

    def _length_chosen(self, spec: str) -> None:
        self.settings.set("summary/length", spec)
        self.controller.set_length(spec)

    def set_heatmap(self, on: bool) -> None:
        self.settings.set("summary/heatmap", on)
        self.article.set_heatmap(on)
        menus.sync_heatmap(self, on)
        if self.summary.heatmap.isChecked() != on:
            self.summary.heatmap.setChecked(on)

    def _compare_chosen(self, names: list[str]) -> None:
        self.settings.set("compare/algorithms", tuple(names))
        self.controller.compare(names)

    def _compare_activated(self, sentence: int) -> None:
        self.show_page("article")
        self.article.flash(sentence)

    def _generate(self, options) -> None:
        self.settings.set("quiz/count", options.count)
        self.settings.set("quiz/kinds", tuple(str(k) for k in options.kinds))
        self.controller.build_quiz(options)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.compare and self.controller.document is not None:
            self.controller.compare(self.compare.algorithms())

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentIndex(PAGES.index(name))

    def apply_font_size(self, size: int) -> None:
        font = theme.reading_font(size)
        self.article.setFont(font)
        self.quiz_article.setFont(font)

    def apply_theme(self, name: str) -> None:
        self.settings.set("appearance/theme", name)
        theme.apply(QApplication.instance(), name)  # type: ignore[arg-type]
        menus.sync_theme(self, name)

    # -- opening ------------------------------------------------------------------------------
    def open_file_dialog(self) -> None:
        filters = [
            self.tr("{0} ({1})").format(ld.label, " ".join(f"*{e}" for e in ld.extensions))
            for ld in loaders()
        ]
        every = " ".join(f"*{e}" for ld in loaders() for e in ld.extensions)
        filters.insert(0, self.tr("Supported documents ({0})").format(every))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a document"), "", ";;".join(filters)
        )
        if path:
            self.controller.open_source(path)

    def open_url_dialog(self) -> None:
        url, ok = QInputDialog.getText(
            self, self.tr("Open URL"), self.tr("Address of the article:")
        )
        if ok and url.strip():
            self.controller.open_source(url.strip())

    def paste_document(self) -> None:
        text = QGuiApplication.clipboard().text()
        stripped = text.strip()
        if not stripped:
            self.show_error(self.tr("The clipboard holds no text to open."))
        elif "\n" not in stripped and pipeline.is_url(stripped):
            self.controller.open_source(stripped)
        else:
            self.controller.open_text(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls():
            url = mime.urls()[0]
            self.controller.open_source(url.toLocalFile() if url.isLocalFile() else url.toString())
        elif mime.hasText():
            self.controller.open_text(mime.text())
        event.acceptProposedAction()

    def open_recent(self, source: str) -> None:
        if not pipeline.is_url(source) and not Path(source).exists():
            self.show_error(self.tr("{0} is no longer there.").format(source))
            return
        self.controller.open_source(source)

    # -- other windows ------------------------------------------------------------------------
    def show_help(self) -> None:
        HelpDialog(self).open()

    def show_log(self) -> None:
        LogWindow(self).open()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(self._preferences_changed)
        dialog.open()

    def _preferences_changed(self) -> None:
        s = self.settings
        self.apply_theme(s.get("appearance/theme"))
        self.apply_font_size(s.get("appearance/font_size"))
        self.quiz.setup.set_defaults(
            s.get("quiz/count"), s.get("quiz/kinds"), s.get("quiz/difficulty")
        )

    def export(self) -> None:
        """File -> Export...: the dialog lives in ``export_actions`` (the export feature)."""
        from . import export_actions

        session: QuizSession | None = self.controller.session
        export_actions.export_dialog(
            self,
            self.controller.document,
            self.controller.ranking,
            session.quiz if session else None,
        )

    def open_quiz(self) -> None:
        """File -> Open quiz...: take a quiz saved as JSON again."""
        from . import export_actions

        quiz = export_actions.open_quiz_dialog(self)
        if quiz is not None:
            self.take_quiz(quiz)

    def take_quiz(self, quiz: Quiz) -> None:
        doc = self.controller.document
        if doc is None or quiz.document_id != doc.id:
            self.message.show_message(
                self.tr(
                    "This quiz was made from “{0}”. Open that document to see each "
                    "answer's source in the article."
                ).format(quiz.document_title),
                error=False,
            )
        self.show_page("quiz")
        self.controller.start_quiz(quiz)
