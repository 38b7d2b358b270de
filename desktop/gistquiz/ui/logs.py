"""Logging for the app: named loggers, a rotating file, a ring buffer for the "View log" window.

Qt's own messages are routed into the ``gistquiz.qt`` logger, so one file holds everything.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import logging.handlers
from pathlib import Path

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler

LOG_NAME = "gistquiz.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class RingBuffer(QObject, logging.Handler):
    """Keeps the last ``capacity`` formatted records and announces each new one."""

    appended = Signal(str)

    def __init__(self, capacity: int = 2000) -> None:
        QObject.__init__(self)
        logging.Handler.__init__(self)
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:  # type: ignore[override]
        line = self.format(record)
        self.lines.append(line)
        # Queued to the log window if logged from a worker; RuntimeError: the app is shutting
        # down and Qt already deleted this object.
        with contextlib.suppress(RuntimeError):
            self.appended.emit(line)

    def text(self) -> str:
        return "\n".join(self.lines)


_ring: RingBuffer | None = None
_log_path: Path | None = None


def ring() -> RingBuffer:
    """The ring buffer (created on first use, so tests and screenshots have one too)."""
    global _ring
    if _ring is None:
        _ring = RingBuffer()
        logger = logging.getLogger("gistquiz")
        logger.addHandler(_ring)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)
    return _ring


def log_path() -> Path | None:
    return _log_path


def default_dir() -> Path:
    """``logs/`` in the user data directory, beside the history (one place to look)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("GistQuiz", appauthor=False)) / "logs"


def setup(
    directory: Path | None = None, *, level: int = logging.INFO, qt_messages: bool = True
) -> Path:
    """Rotating file (1 MB x 3) in ``directory``, the ring buffer, Qt messages into logging."""
    global _log_path
    directory = directory or default_dir()
    directory.mkdir(parents=True, exist_ok=True)
    _log_path = directory / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(
        _log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger("gistquiz")
    logger.setLevel(level)
    logger.addHandler(handler)
    ring()
    if qt_messages:  # tests keep pytest-qt's own handler, which fails them on Qt warnings
        qInstallMessageHandler(_qt_message)
    logger.info("log file: %s", _log_path)
    return _log_path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    logging.getLogger("gistquiz.qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
