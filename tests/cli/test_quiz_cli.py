"""`gistquiz-cli quiz` and the demo's quiz section, through the CLI's public surface."""

from __future__ import annotations

import json

import pytest

from gistquiz.cli import main


@pytest.fixture(scope="module")
def sample_quiz_json() -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["quiz", ":sample", "--format", "json", "--count", "6", "--seed", "2"]) == 0
    return json.loads(out.getvalue())


def test_json_quiz_has_the_requested_questions_with_evidence(sample_quiz_json):
    data = sample_quiz_json
    assert data["schema"] == "gistquiz.quiz/1"
    assert data["options"]["count"] == 6 and data["options"]["seed"] == 2
    assert len(data["questions"]) == 6
    for q in data["questions"]:
        assert q["kind"] in {"mcq", "cloze", "tf", "wh"}
        evidence = q["evidence"]
        assert evidence["answer_start"] < evidence["answer_end"]
        assert q["explanation"]
        if q["kind"] == "mcq":
            assert len(q["options"]) == 4 and q["options"][q["correct"]] == q["answer"]


def test_text_quiz_ends_with_the_answer_key(capsys):
    assert main(["quiz", ":sample", "--count", "4", "--kinds", "mcq"]) == 0
    text = capsys.readouterr().out
    questions, key = text.split("Answer key", 1)
    assert " 1. " in questions and " 4. " in questions
    assert " 4. " in key and "A)" in questions


def test_markdown_quiz(capsys):
    assert main(["quiz", ":sample", "--count", "3", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Quiz:")


def test_bad_kinds_is_a_bad_option(capsys):
    assert main(["quiz", ":sample", "--kinds", "essay"]) == 2
    assert "--kinds" in capsys.readouterr().err


def test_non_english_text_gets_the_english_only_message(tmp_path, capsys):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le président a visité Paris lundi. Il a rencontré trois ministres. "
        "La réunion a duré quatre heures.",
        encoding="utf-8",
    )
    assert main(["quiz", str(path), "--language", "fr"]) == 7
    assert "English-only" in capsys.readouterr().err


def test_demo_prints_the_samples_quiz(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Quiz:" in out and "Answer key" in out
