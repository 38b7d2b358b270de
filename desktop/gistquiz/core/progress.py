"""Progress reporting and cooperative cancellation for long core jobs.

The GUI's worker owns a ``CancelToken`` and passes it (with a progress callback) into the
pipeline; the core calls ``token.check()`` between units of work (sentences, pages, chapters).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .errors import Cancelled

ProgressFn = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """The default progress sink: ignores every report."""


class CancelToken:
    """A thread-safe flag the core polls; ``check`` raises ``Cancelled`` once it is set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()
