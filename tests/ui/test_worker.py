"""The one background helper: delivery on the main thread, stale results dropped, cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, QThreadPool, QTimer

from gistquiz.core.errors import Cancelled, ExtractionFailed
from gistquiz.ui.worker import Runner, SynchronousPool

# Waits are guards against a hang, not speed checks: generous for a busy CI machine.
GUARD_MS = 60_000


def test_result_reaches_the_callback():
    runner = Runner(SynchronousPool())
    got = []
    runner.submit("x", lambda progress, cancel: 41 + 1, got.append)
    assert got == [42] and not runner.is_busy()


def test_result_for_a_changed_document_is_dropped(qtbot):
    runner = Runner(QThreadPool())
    release = threading.Event()
    got = []

    def slow(progress, cancel):
        release.wait(10)
        return "old document's summary"

    runner.submit("summary", slow, got.append)
    runner.new_generation()  # the user opened another document meanwhile
    with qtbot.waitSignal(runner.dropped, timeout=GUARD_MS) as dropped:
        release.set()
    assert dropped.args == ["summary"] and got == []


def test_newer_job_in_the_same_slot_supersedes_the_older(qtbot):
    runner = Runner(QThreadPool())
    release = threading.Event()
    got = []

    def job(value):
        def run(progress, cancel):
            release.wait(10)
            return value

        return run

    runner.submit("summary", job("5 sentences"), got.append)
    runner.submit("summary", job("6 sentences"), got.append)
    with qtbot.waitSignal(
        runner.busyChanged, timeout=GUARD_MS, check_params_cb=lambda busy, _: not busy
    ):
        release.set()
    qtbot.waitUntil(lambda: got == ["6 sentences"], timeout=GUARD_MS)


def test_typed_error_goes_to_its_handler_or_the_runner():
    runner = Runner(SynchronousPool())
    handled, unhandled = [], []
    runner.failed.connect(unhandled.append)

    def fail(progress, cancel):
        raise ExtractionFailed("The PDF is encrypted.")

    runner.submit("load", fail, lambda _: None, on_error=handled.append)
    runner.submit("load", fail, lambda _: None)
    assert [str(e) for e in handled] == ["The PDF is encrypted."]
    assert [str(e) for e in unhandled] == ["The PDF is encrypted."]


def test_a_bug_in_a_job_becomes_a_crash_report():
    runner = Runner(SynchronousPool())
    reports = []
    runner.crashed.connect(reports.append)
    runner.submit("quiz", lambda p, c: 1 / 0, lambda _: None)
    assert "ZeroDivisionError" in reports[0]


def test_cancel_stops_a_running_job_quietly(qtbot):
    runner = Runner(QThreadPool())
    started, stopped = threading.Event(), threading.Event()
    results, errors = [], []
    runner.failed.connect(errors.append)

    def loop(progress, cancel):
        started.set()
        try:
            while True:
                cancel.check()
                QThread.msleep(5)
        except Cancelled:
            stopped.set()
            raise

    runner.submit("load", loop, results.append)
    assert started.wait(10)
    runner.cancel("load")
    assert stopped.wait(10)
    assert not runner.is_busy() and results == [] and errors == []


def test_progress_is_forwarded_on_the_main_thread(qtbot):
    runner = Runner(QThreadPool())
    seen = []
    main = QThread.currentThread()
    runner.progress.connect(lambda f, m: seen.append((f, m, QThread.currentThread() is main)))

    def job(progress, cancel):
        progress(0.5, "half way")
        return "done"

    got = []
    runner.submit("load", job, got.append)
    qtbot.waitUntil(lambda: got == ["done"], timeout=GUARD_MS)
    assert seen == [(0.5, "half way", True)]


def test_event_loop_keeps_turning_while_a_slow_job_runs(qtbot):
    """The GUI thread stays responsive: a timer keeps firing while the job is still running."""
    runner = Runner(QThreadPool())
    release = threading.Event()
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(release.is_set()))
    got = []

    def slow(progress, cancel):
        release.wait(120)  # stands for a long summarize or quiz
        return "finished"

    timer.start()
    runner.submit("quiz", slow, got.append)
    # Ten timer ticks arrive while the job has not been released: the loop is not blocked.
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=GUARD_MS)
    assert runner.is_busy("quiz") and got == [] and not any(ticks)
    release.set()
    qtbot.waitUntil(lambda: got == ["finished"], timeout=GUARD_MS)
    timer.stop()


def test_quiet_jobs_show_no_busy_state_and_survive_cancel_all():
    runner = Runner(SynchronousPool())
    states = []
    runner.busyChanged.connect(lambda busy, label: states.append(busy))
    done = []
    runner.submit("warmup", lambda p, c: "warm", done.append, quiet=True)
    assert done == ["warm"] and True not in states


def test_warm_up_loads_the_quiz_models_without_a_result(qtbot, tmp_path):
    from gistquiz.core.store import HistoryStore
    from gistquiz.ui.controller import AppController

    store = HistoryStore(tmp_path / "h.sqlite3")
    controller = AppController(store, pool=SynchronousPool())
    errors = []
    controller.error.connect(errors.append)
    controller.warm_up()
    assert errors == [] and controller.session is None
    store.close()
