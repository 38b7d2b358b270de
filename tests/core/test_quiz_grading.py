"""Lenient grading: what a person types is accepted when it means the answer."""

from __future__ import annotations

import pytest

from gistquiz.core.quiz import Kind, Question
from gistquiz.core.quiz.grading import grade
from gistquiz.core.quiz.text import normalize


def _open(answer: str, *accepted: str, kind: Kind = Kind.WH) -> Question:
    return Question(id="q", kind=kind, stem="Who?", answer=answer, accepted=accepted)


@pytest.mark.parametrize(
    ("answer", "accepted", "response"),
    [
        ("the International Criminal Court", (), "international criminal court"),
        ("the International Criminal Court", (), "International Criminal Court."),
        ("International Criminal Court", ("ICC",), "ICC"),
        ("International Criminal Court", (), "the I.C.C."),
        ("three-day tour", (), "3-day tour"),
        ("123 nations", (), "123 Nations!"),
        ("three", (), "3"),
        ("3", (), "three"),
        ("twenty-one days", (), "21 days"),
        ("Mr. Xi", ("Xi Jinping",), "xi jinping"),
        ("Mr. Xi", (), "Xi"),
        ("1,000 soldiers", (), "1000 soldiers"),
    ],
)
def test_open_answers_are_graded_leniently(answer, accepted, response):
    result = grade(_open(answer, *accepted), response)
    assert result.correct, (answer, response)
    assert result.expected == answer


@pytest.mark.parametrize(
    ("answer", "response"),
    [("123 nations", "122 nations"), ("Moscow", "Kyiv"), ("Moscow", ""), ("Moscow", None)],
)
def test_wrong_open_answers_are_wrong(answer, response):
    assert not grade(_open(answer, kind=Kind.CLOZE), response).correct


def test_multiple_choice_by_index_letter_or_text():
    q = Question(
        id="m",
        kind=Kind.MCQ,
        stem="Where?",
        answer="Moscow",
        options=("Kyiv", "Moscow", "Tokyo", "Paris"),
        correct=1,
    )
    assert grade(q, 1).correct
    assert grade(q, "B").correct
    assert grade(q, "moscow").correct
    wrong = grade(q, 0)
    assert not wrong.correct and wrong.given == "Kyiv" and wrong.expected == "Moscow"
    assert not grade(q, 9).correct
    assert not grade(q, True).correct


def test_true_false_takes_bools_and_letters():
    true = Question(
        id="t", kind=Kind.TF, stem="S.", answer="True", options=("True", "False"), correct=0
    )
    false = Question(
        id="f", kind=Kind.TF, stem="S.", answer="False", options=("True", "False"), correct=1
    )
    assert grade(true, True).correct and grade(true, "T").correct and grade(true, "true").correct
    assert grade(false, False).correct and grade(false, "F").correct
    assert not grade(false, "T").correct
    assert not grade(true, "maybe").correct and grade(true, "maybe").given == ""


def test_normalize_folds_what_does_not_matter():
    assert normalize("The “Three-Day” Tour!") == normalize("3 day tour")
    assert normalize("An arrest warrant") == "arrest warrant"
