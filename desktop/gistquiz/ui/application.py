"""Creates the QApplication, logging, crash handling, settings and the main window."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from ..core import pipeline
from ..core.errors import GistQuizError
from ..core.store import HistoryStore
from . import logs, theme
from .controller import AppController
from .main_window import MainWindow
from .settings import Settings
from .worker import Pool, SynchronousPool

log = logging.getLogger("gistquiz.ui.app")


def make_app(qt_args: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("GistQuiz")
    app.setOrganizationName("GistQuiz")
    app.setApplicationDisplayName("GistQuiz")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The app's icon from the one SVG (importlib.resources: checkout, wheel or bundle)."""
    from importlib.resources import files

    icon = QIcon()
    try:
        data = files("gistquiz.resources").joinpath("icons/gistquiz.svg").read_bytes()
    except OSError:
        return icon
    pixmap = QPixmap()
    if pixmap.loadFromData(data, "SVG"):
        smooth = Qt.TransformationMode.SmoothTransformation
        for size in (16, 32, 48, 64, 128, 256):
            icon.addPixmap(pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, smooth))
    return icon


def make_window(settings: Settings, store: HistoryStore, *, pool: Pool | None = None) -> MainWindow:
    controller = AppController(
        store,
        pool=pool,
        algorithm=_known_algorithm(settings.get("summary/algorithm")),
        length=_valid_length(settings.get("summary/length")),
    )
    window = MainWindow(controller, settings)
    if store.recovered_from is not None:
        controller.notice.emit(
            QCoreApplication.translate(
                "app",
                "The quiz history could not be read, so a new one was started. "
                "The old file was kept as {0}.",
            ).format(store.recovered_from)
        )
    return window


def _known_algorithm(name: str) -> str:
    """A saved algorithm that no longer exists falls back to the default, silently."""
    from ..core.summarize import names

    return name if name in names() else pipeline.DEFAULT_ALGORITHM


def _valid_length(spec: str) -> str:
    try:
        from ..core.summarize import Length

        return str(Length.parse(spec))
    except GistQuizError:
        return "5"


def install_excepthook(window: MainWindow) -> None:
    """Unexpected exceptions in slots reach the crash dialog instead of killing the app."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.critical("unexpected error:\n%s", details)
        if isinstance(value, KeyboardInterrupt):
            QApplication.quit()
            return
        window.show_crash(details)

    sys.excepthook = hook


def open_store(path: Path | None = None) -> tuple[HistoryStore, str]:
    """The history store, or an in-memory one (and why) when the data dir is unusable."""
    try:
        return HistoryStore(path), ""
    except (OSError, sqlite3.Error) as e:
        log.error("history unavailable: %s", e)
        message = QCoreApplication.translate(
            "app",
            "The quiz history cannot be saved ({0}). Attempts are kept until GistQuiz closes.",
        ).format(e)
        return HistoryStore(":memory:"), message


def run(args: argparse.Namespace, qt_args: list[str]) -> int:
    if getattr(args, "screenshot", None):
        return screenshot(args, qt_args)
    app = make_app(qt_args)
    try:
        logs.setup()
    except OSError as e:  # a read-only home: keep going with the in-memory log only
        log.error("cannot write the log file: %s", e)
    settings = Settings()
    theme.apply(app, settings.get("appearance/theme"))
    store, problem = open_store()
    window = make_window(settings, store)
    install_excepthook(window)
    _startup_probe(window)
    window.show()
    if problem:
        window.show_error(problem)
    if args.source:
        window.controller.open_source(args.source)
    else:
        window.controller.open_sample()
    window.controller.warm_up()
    code = app.exec()
    # Let cancelled jobs reach their next check before their signal objects are destroyed.
    window.controller.runner.shutdown()
    # Model loading cannot stop mid-file, so this may take a few seconds right after start;
    # leaving a worker running Python while the interpreter shuts down would be worse.
    QThreadPool.globalInstance().waitForDone(30_000)
    store.close()
    return code


def _startup_probe(window: MainWindow) -> None:
    """GISTQUIZ_STARTUP_PROBE=<epoch seconds at launch>: print the seconds from launch to the
    window's first paint (and the GUI thread's CPU time until then, which the loading threads
    and other processes do not inflate) and exit at once (tests/bench/bench_package.py)."""
    import os

    started = os.environ.get("GISTQUIZ_STARTUP_PROBE")
    if not started:
        return
    import time

    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                wall, cpu = time.time() - float(started), time.thread_time()
                print(f"first window {wall:.3f} s, main thread CPU {cpu:.3f} s", flush=True)
                os._exit(0)  # the background jobs may still run: do not wait for them
            return False

    window._startup_probe = FirstPaint(window)  # kept alive with the window
    window.installEventFilter(window._startup_probe)


def screenshot(args: argparse.Namespace, qt_args: list[str]) -> int:
    """Render one page offscreen to a PNG, with throw-away settings and history."""
    from .screenshot import render

    app = make_app(qt_args)
    with tempfile.TemporaryDirectory(prefix="gistquiz-shot-") as tmp:
        settings = Settings(Path(tmp) / "settings.ini")
        if getattr(args, "theme", None):
            settings.set("appearance/theme", args.theme)
        theme.apply(app, settings.get("appearance/theme"))
        store = HistoryStore(Path(tmp) / "history.sqlite3")
        window = make_window(settings, store, pool=SynchronousPool())
        try:
            return render(window, args.screenshot, args.page or "article", args.source)
        except GistQuizError as e:
            print(f"gistquiz: {e}", file=sys.stderr)
            return e.exit_code
        finally:
            window.close()
            window.deleteLater()
            store.close()
            QTimer.singleShot(0, lambda: None)
            app.processEvents()
