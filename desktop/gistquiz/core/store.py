"""Quiz history: every finished attempt, saved in SQLite under the user data directory.

Writes are atomic (one transaction per attempt, so a crash mid-write leaves the previous
state). A database that cannot be read is moved aside (``history.sqlite3.corrupt-<time>``)
and a fresh one is made; ``HistoryStore.recovered_from`` then tells the caller where the old
file went so the user can be told -- nothing crashes.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("gistquiz.core.store")

APP_NAME = "GistQuiz"
FILE_NAME = "history.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    document_title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    options TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS attempt_document ON attempt (document_id, finished_at);
CREATE TABLE IF NOT EXISTS result (
    attempt_id INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    stem TEXT NOT NULL,
    expected TEXT NOT NULL,
    given TEXT NOT NULL,
    correct INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, position)
);
"""


def default_path() -> Path:
    """``history.sqlite3`` in the per-user data directory (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question_id: str
    kind: str
    stem: str
    expected: str
    given: str
    correct: bool


@dataclass(frozen=True, slots=True)
class Attempt:
    document_id: str
    document_title: str
    started_at: datetime
    finished_at: datetime
    results: tuple[QuestionResult, ...]
    source: str = ""
    options: dict | None = None  # the QuizOptions used, as JSON-able values
    id: int | None = None

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    document_id: str
    document_title: str
    attempts: int
    last_finished: datetime
    best_percent: float


def now() -> datetime:
    return datetime.now(UTC)


class HistoryStore:
    """The history database. Use from one thread (the GUI's main thread)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.recovered_from: Path | None = None  # where a corrupt database was moved
        self._conn = self._open()

    # -- opening and recovery ---------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as error:
            moved = self._move_aside()
            log.warning("history database %s unreadable (%s); moved to %s", self.path, error, moved)
            self.recovered_from = moved
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            ok = conn.execute("PRAGMA quick_check").fetchone()
            if not ok or ok[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {ok}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"written by a newer GistQuiz (schema {version})")
            with conn:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        self.path.replace(target)
        for suffix in ("-journal", "-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
        return target

    def close(self) -> None:
        self._conn.close()

    # -- writing ----------------------------------------------------------------------------
    def add(self, attempt: Attempt) -> int:
        """Save one finished attempt in a single transaction; returns its id."""
        with self._conn:
            cursor = self._conn.execute(
                "INSERT INTO attempt (document_id, document_title, source, started_at,"
                " finished_at, correct, total, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attempt.document_id,
                    attempt.document_title,
                    attempt.source,
                    attempt.started_at.isoformat(),
                    attempt.finished_at.isoformat(),
                    attempt.correct,
                    attempt.total,
                    json.dumps(attempt.options or {}, sort_keys=True),
                ),
            )
            attempt_id = int(cursor.lastrowid or 0)
            self._conn.executemany(
                "INSERT INTO result VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (attempt_id, i, r.question_id, r.kind, r.stem, r.expected, r.given, r.correct)
                    for i, r in enumerate(attempt.results)
                ],
            )
        log.info("saved attempt %d: %d/%d", attempt_id, attempt.correct, attempt.total)
        return attempt_id

    def delete(self, attempt_id: int) -> None:
        with self._conn:
            self._conn.execute("DELETE FROM result WHERE attempt_id = ?", (attempt_id,))
            self._conn.execute("DELETE FROM attempt WHERE id = ?", (attempt_id,))

    # -- reading ----------------------------------------------------------------------------
    def attempts(self, document_id: str | None = None, *, limit: int = 500) -> list[Attempt]:
        """Attempts, newest first; only those for ``document_id`` if given."""
        where, params = ("WHERE document_id = ?", [document_id]) if document_id else ("", [])
        rows = self._conn.execute(
            "SELECT id, document_id, document_title, source, started_at, finished_at, options"
            f" FROM attempt {where} ORDER BY finished_at DESC, id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
        return [self._attempt(row) for row in rows]

    def _attempt(self, row: Sequence) -> Attempt:
        attempt_id, doc_id, title, source, started, finished, options = row
        results = tuple(
            QuestionResult(qid, kind, stem, expected, given, bool(ok))
            for qid, kind, stem, expected, given, ok in self._conn.execute(
                "SELECT question_id, kind, stem, expected, given, correct FROM result"
                " WHERE attempt_id = ? ORDER BY position",
                (attempt_id,),
            )
        )
        return Attempt(
            doc_id,
            title,
            datetime.fromisoformat(started),
            datetime.fromisoformat(finished),
            results,
            source,
            json.loads(options or "{}"),
            attempt_id,
        )

    def documents(self) -> list[DocumentSummary]:
        """One line per document with attempts, most recently practised first."""
        rows = self._conn.execute(
            "SELECT document_id, document_title, COUNT(*), MAX(finished_at),"
            " MAX(CASE WHEN total > 0 THEN 100.0 * correct / total ELSE 0 END)"
            " FROM attempt GROUP BY document_id ORDER BY MAX(finished_at) DESC"
        ).fetchall()
        return [
            DocumentSummary(d, t, n, datetime.fromisoformat(last), float(best))
            for d, t, n, last, best in rows
        ]
