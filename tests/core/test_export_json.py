"""The native JSON format: save, open again, get an equal quiz."""

from __future__ import annotations

import json

import pytest
from export_samples import adversarial_quiz, sample_document
from hypothesis import given, settings
from hypothesis import strategies as st

from gistquiz.core import pipeline
from gistquiz.core.errors import ExtractionFailed, UnsupportedFormat
from gistquiz.core.export import SCHEMA, ExportOptions, export_quiz, load_quiz, render_quiz
from gistquiz.core.quiz.model import Kind, Question, Quiz


def test_round_trip_is_equal(tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "quiz.json"
    export_quiz(quiz, "json", path)
    assert load_quiz(path) == quiz
    assert pipeline.load_quiz(path) == quiz


def test_file_names_schema_document_and_evidence(tmp_path):
    doc = sample_document()
    quiz = adversarial_quiz().replace(document_id=doc.id, document_title=doc.title)
    data, _ = render_quiz(quiz, "json", ExportOptions(document=doc))
    saved = json.loads(data)
    assert saved["schema"] == SCHEMA
    assert saved["document"] == {
        "id": doc.id,
        "title": "History notes",
        "language": "en",
        "source": doc.source,
        "sentences": 4,
    }
    first = saved["questions"][0]["evidence"]
    assert first == {
        "sentence": 0,
        "answer_start": 0,
        "answer_end": 11,
        "sentence_start": doc.sentences[0].start,
        "sentence_end": doc.sentences[0].end,
    }
    assert doc.text[first["answer_start"] : first["answer_end"]] == "Victor Hugo"


def test_refuses_other_files(tmp_path):
    other = tmp_path / "summary.json"
    other.write_text(json.dumps({"schema": "gistquiz.summary/1"}))
    with pytest.raises(UnsupportedFormat, match="not a GistQuiz quiz"):
        load_quiz(other)
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"schema": "gistquiz.quiz/9"}))
    with pytest.raises(UnsupportedFormat, match="cannot read"):
        load_quiz(newer)
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps({"schema": SCHEMA, "document": {}, "questions": []}))
    with pytest.raises(ExtractionFailed, match="damaged"):
        load_quiz(damaged)
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\xff\xfe{not json")
    with pytest.raises(UnsupportedFormat, match="not JSON"):
        load_quiz(garbage)
    with pytest.raises(ExtractionFailed, match="No such"):
        load_quiz(tmp_path / "missing.json")


texts = st.text(max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    stem=texts,
    answer=texts,
    options=st.lists(texts, min_size=4, max_size=4),
    accepted=st.lists(texts, max_size=3),
    score=st.floats(allow_nan=False, allow_infinity=False),
)
def test_any_text_round_trips(tmp_path_factory, stem, answer, options, accepted, score):
    question = Question(
        id=stem[:5] or "x",
        kind=Kind.MCQ,
        stem=stem,
        answer=answer,
        accepted=tuple(accepted),
        options=tuple(options),
        correct=2,
        explanation=answer + stem,
        score=score,
    )
    quiz = Quiz("id", stem, (question,))
    path = tmp_path_factory.mktemp("rt") / "q.json"
    export_quiz(quiz, "json", path)
    assert load_quiz(path) == quiz
