"""The one background helper: every load / summarize / quiz job runs through ``Runner``.

A job is a plain function ``fn(progress, cancel) -> result`` run on a QThreadPool worker
thread. Results, typed errors and crashes come back to the main thread by queued signals
(the signal object lives in the main thread), so no widget is ever touched from a worker.

Two rules drop stale results: starting a job with the same ``slot`` cancels the previous one
(a newer length supersedes the summary being computed), and a result whose document
generation is older than the runner's current one (the user opened another document) is
dropped. Tests pass ``SynchronousPool`` so a flow runs to its end inside the call.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import Cancelled, GistQuizError
from ..core.progress import CancelToken, ProgressFn

log = logging.getLogger("gistquiz.ui.worker")

JobFn = Callable[[ProgressFn, CancelToken], Any]


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class SynchronousPool:
    """Runs each job at once in the calling thread: deterministic GUI tests."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


@dataclass(eq=False)
class Job:
    slot: str
    fn: JobFn
    generation: int
    on_result: Callable[[Any], None]
    on_error: Callable[[GistQuizError], None] | None
    label: str
    quiet: bool = False  # background housekeeping: no busy indicator, no Cancel
    cancel: CancelToken = field(default_factory=CancelToken)
    done: bool = False


class _Signals(QObject):
    # Emitted from the worker thread; delivered (queued) in the main thread.
    finished = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, GistQuizError
    crashed = Signal(object, str)  # job, formatted traceback
    progressed = Signal(object, float, str)  # job, fraction, message


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals) -> None:
        super().__init__()
        self.job, self.signals = job, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        job, signals = self.job, self.signals

        def progress(fraction: float, message: str) -> None:
            job.cancel.check()
            signals.progressed.emit(job, float(fraction), message)

        try:
            try:
                job.cancel.check()
                result = job.fn(progress, job.cancel)
            except GistQuizError as error:
                signals.failed.emit(job, error)
            except Exception:  # an unexpected bug: the crash dialog shows it
                signals.crashed.emit(job, traceback.format_exc())
            else:
                signals.finished.emit(job, result)
        except RuntimeError as error:
            # The receiver was deleted while this job ran (the app closed): nobody to tell.
            log.debug("result of %s not delivered: %s", job.slot, error)


class Runner(QObject):
    """Starts jobs, forwards progress, drops stale results, reports busy state."""

    busyChanged = Signal(bool, str)  # busy, label of the running job
    progress = Signal(float, str)  # fraction (0..1, or -1 when unknown), message
    failed = Signal(object)  # a GistQuizError no job-specific handler took
    crashed = Signal(str)  # a traceback
    dropped = Signal(str)  # slot of a result dropped as stale (for tests and the log)

    def __init__(self, pool: Pool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: Pool = pool if pool is not None else QThreadPool.globalInstance()
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.crashed.connect(self._on_crashed)
        self._signals.progressed.connect(self._on_progress)
        self._running: dict[str, Job] = {}
        self.generation = 0

    # -- public -------------------------------------------------------------------------------
    def new_generation(self) -> int:
        """The document changed: results of jobs started before now will be dropped."""
        self.generation += 1
        return self.generation

    def submit(
        self,
        slot: str,
        fn: JobFn,
        on_result: Callable[[Any], None],
        *,
        on_error: Callable[[GistQuizError], None] | None = None,
        label: str = "",
        quiet: bool = False,
    ) -> Job:
        previous = self._running.pop(slot, None)
        if previous is not None:
            previous.cancel.cancel()
        job = Job(slot, fn, self.generation, on_result, on_error, label, quiet)
        self._running[slot] = job
        self._busy_changed()
        log.debug("start %s (generation %d)", slot, job.generation)
        self._pool.start(_Runnable(job, self._signals))
        return job

    def cancel(self, slot: str | None = None) -> None:
        """Cancel one slot's job, or every job the user sees running."""
        slots = [slot] if slot else [s for s, j in self._running.items() if not j.quiet]
        for name in slots:
            job = self._running.pop(name, None)
            if job is not None:
                job.cancel.cancel()
                log.info("cancelled %s", name)
        self._busy_changed()

    def shutdown(self) -> None:
        """The app is closing: cancel everything, quiet jobs too."""
        for job in self._running.values():
            job.cancel.cancel()
        self._running.clear()

    def is_busy(self, slot: str | None = None) -> bool:
        if slot is None:
            return any(not j.quiet for j in self._running.values())
        return slot in self._running

    # -- delivery (main thread) -----------------------------------------------------------------
    def _current(self, job: Job) -> bool:
        """True if ``job`` is still the live job of its slot and its document is current."""
        live = self._running.get(job.slot) is job
        if live:
            del self._running[job.slot]
            self._busy_changed()
        if not live or job.generation != self.generation or job.cancel.cancelled:
            log.debug("dropped stale result of %s", job.slot)
            self.dropped.emit(job.slot)
            return False
        return True

    def _on_finished(self, job: Job, result: Any) -> None:
        if self._current(job):
            job.on_result(result)

    def _on_failed(self, job: Job, error: GistQuizError) -> None:
        if not self._current(job) or isinstance(error, Cancelled):
            return
        log.info("%s failed: %s", job.slot, error)
        if job.on_error is not None:
            job.on_error(error)
        else:
            self.failed.emit(error)

    def _on_crashed(self, job: Job, details: str) -> None:
        log.error("%s crashed:\n%s", job.slot, details)
        if self._current(job):
            self.crashed.emit(details)

    def _on_progress(self, job: Job, fraction: float, message: str) -> None:
        if self._running.get(job.slot) is job:
            self.progress.emit(fraction, message)

    def _busy_changed(self) -> None:
        shown = [j for j in self._running.values() if not j.quiet]
        label = next((j.label for j in reversed(shown) if j.label), "")
        self.busyChanged.emit(bool(shown), label)
