"""GUI test fixtures: a window over throw-away settings and history, jobs run synchronously."""

from __future__ import annotations

import pytest

from gistquiz.core import pipeline
from gistquiz.core.document import Document
from gistquiz.core.store import HistoryStore
from gistquiz.ui.application import make_window
from gistquiz.ui.settings import Settings
from gistquiz.ui.worker import SynchronousPool


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def store(tmp_path):
    db = HistoryStore(tmp_path / "history.sqlite3")
    yield db
    db.close()


@pytest.fixture
def window(qtbot, settings, store):
    win = make_window(settings, store, pool=SynchronousPool())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def sample() -> Document:
    return pipeline.open_sample()
