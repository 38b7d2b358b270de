"""The exporter registry and atomic, no-clobber writes."""

from __future__ import annotations

import os

import pytest
from export_samples import adversarial_quiz, sample_document

from gistquiz.core import pipeline
from gistquiz.core.errors import InvalidOption
from gistquiz.core.export import (
    OutputExists,
    Summary,
    WriteFailed,
    atomic_write,
    export_quiz,
    export_summary,
    format_for_path,
    get,
    names,
)
from gistquiz.core.summarize import Ranking
from gistquiz.core.summarize.base import Length


def test_formats_registered():
    assert set(names(quiz=True)) >= {
        "json",
        "apkg",
        "moodle",
        "gift",
        "aiken",
        "csv",
        "markdown",
        "html",
    }
    assert set(names(summary=True)) >= {"text", "markdown", "html"}
    assert get("Anki").name == "apkg" and get("md").name == "markdown"
    with pytest.raises(InvalidOption, match="Unknown export format 'docx'"):
        get("docx")


def test_format_from_file_name():
    assert format_for_path("deck.apkg") == "apkg"
    assert format_for_path("quiz.XML") == "moodle"
    assert format_for_path("quiz.txt") == "aiken"  # the only quiz format written as .txt
    assert format_for_path("summary.txt", summary=True) == "text"
    assert format_for_path("notes.docx") is None


def test_never_overwrites_unless_asked(tmp_path):
    path = tmp_path / "quiz.gift"
    path.write_text("precious")
    with pytest.raises(OutputExists, match="already exists"):
        export_quiz(adversarial_quiz(), "gift", path)
    assert path.read_text() == "precious"
    result = export_quiz(adversarial_quiz(), "gift", path, overwrite=True)
    assert result.path == path and result.written == 5
    assert path.read_text(encoding="utf-8").startswith("// GistQuiz")
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.gift"]  # no temp file left


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    path.write_bytes(b"old")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(WriteFailed, match="No space left"):
        atomic_write(path, b"new", overwrite=True)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_errors_are_typed(tmp_path):
    with pytest.raises(WriteFailed, match="does not exist"):
        atomic_write(tmp_path / "missing" / "x.txt", b"x")
    with pytest.raises(WriteFailed, match="is a folder"):
        atomic_write(tmp_path, b"x")
    created = atomic_write(tmp_path / "new.txt", b"x")
    assert created.read_bytes() == b"x"
    assert oct(created.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_summary_formats(tmp_path):
    doc = sample_document()
    ranking = Ranking("lexrank", (1.0, 0.2, 0.9, 0.1), (0, 2), Length.parse("2"))
    summary = Summary.of(doc, ranking)
    assert [s.index for s in summary.sentences] == [0, 2]
    assert all(doc.text[s.start : s.end] == s.text for s in summary.sentences)
    result = export_summary(summary, "text", tmp_path / "s.txt")
    assert result.message.startswith("Exported 2 sentences")
    lines = (tmp_path / "s.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "History notes" and lines[-2:] == [s.text for s in summary.sentences]
    pipeline.export_summary(doc, ranking, "markdown", tmp_path / "s.md")
    assert "- The court sits in The Hague." in (tmp_path / "s.md").read_text(encoding="utf-8")
    with pytest.raises(InvalidOption, match="cannot hold a summary"):
        export_summary(summary, "gift", tmp_path / "s.gift")
    with pytest.raises(InvalidOption, match="exports summaries, not quizzes"):
        export_quiz(adversarial_quiz(), "text", tmp_path / "q.txt")
