"""Quiz history in SQLite: round trip, per-document view, atomicity, corrupt-file recovery."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from gistquiz.core import store
from gistquiz.core.store import Attempt, HistoryStore, QuestionResult

T0 = datetime(2026, 1, 2, 10, 0, tzinfo=UTC)


def attempt(doc: str = "doc1", minutes: int = 0, marks: tuple = (True, False)) -> Attempt:
    results = tuple(
        QuestionResult(f"q{i}", "mcq", f"Stem {i}?", f"right {i}", f"given {i}", ok)
        for i, ok in enumerate(marks)
    )
    return Attempt(
        doc,
        f"Title of {doc}",
        T0 + timedelta(minutes=minutes),
        T0 + timedelta(minutes=minutes + 3),
        results,
        source="/tmp/a.txt",
        options={"count": len(marks), "seed": 7},
    )


def test_round_trip_keeps_every_field(tmp_path):
    db = HistoryStore(tmp_path / "h.sqlite3")
    original = attempt(marks=(True, False, True))
    attempt_id = db.add(original)
    db.close()

    again = HistoryStore(tmp_path / "h.sqlite3")
    (loaded,) = again.attempts()
    assert loaded.id == attempt_id
    assert loaded.results == original.results
    assert (loaded.correct, loaded.total) == (2, 3)
    assert loaded.started_at == original.started_at
    assert loaded.finished_at == original.finished_at
    assert loaded.options == {"count": 3, "seed": 7}
    assert loaded.source == "/tmp/a.txt"
    assert again.recovered_from is None


def test_attempts_per_document_newest_first(tmp_path):
    db = HistoryStore(tmp_path / "h.sqlite3")
    db.add(attempt("a", 0))
    db.add(attempt("b", 5, (True, True)))
    db.add(attempt("a", 10, (False, False)))
    assert [a.finished_at.minute for a in db.attempts("a")] == [13, 3]
    assert [a.document_id for a in db.attempts()] == ["a", "b", "a"]
    docs = db.documents()
    assert [(d.document_id, d.attempts) for d in docs] == [("a", 2), ("b", 1)]
    assert docs[1].best_percent == 100.0


def test_delete_removes_attempt_and_results(tmp_path):
    db = HistoryStore(tmp_path / "h.sqlite3")
    keep, drop = db.add(attempt(minutes=0)), db.add(attempt(minutes=1))
    db.delete(drop)
    assert [a.id for a in db.attempts()] == [keep]
    count = sqlite3.connect(tmp_path / "h.sqlite3").execute("SELECT COUNT(*) FROM result")
    assert count.fetchone()[0] == 2


def test_failed_write_leaves_nothing_half_written(tmp_path):
    db = HistoryStore(tmp_path / "h.sqlite3")
    db.add(attempt())
    broken = attempt(minutes=1)
    # A result whose stem is not a string SQLite can bind fails mid-transaction.
    bad = broken.results[0].__class__("q", "mcq", object(), "x", "y", True)  # type: ignore[arg-type]
    with pytest.raises(sqlite3.Error):
        db.add(Attempt(**{**_fields(broken), "results": (broken.results[1], bad)}))
    assert len(db.attempts()) == 1
    rows = db._conn.execute("SELECT COUNT(*) FROM result").fetchone()[0]
    assert rows == 2


def _fields(a: Attempt) -> dict:
    return {name: getattr(a, name) for name in Attempt.__slots__}


@pytest.mark.parametrize(
    "garbage",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_corrupt_database_is_moved_aside_and_replaced(tmp_path, garbage):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(garbage)
    db = HistoryStore(path)
    assert db.recovered_from is not None
    assert db.recovered_from.read_bytes() == garbage
    assert db.recovered_from.name.startswith("h.sqlite3.corrupt-")
    assert db.attempts() == []
    db.add(attempt())
    assert len(db.attempts()) == 1


def test_database_from_a_newer_version_is_kept_aside(tmp_path):
    path = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    db = HistoryStore(path)
    assert db.recovered_from is not None and db.recovered_from.exists()


def test_default_path_is_in_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    assert store.default_path() == tmp_path / "data" / "history.sqlite3"
