"""Grading a response to a question, leniently where a person types the answer.

MCQ takes an option index (or the option's text); true/false a bool or "T"/"F"/"true"/...;
cloze and wh take text, accepted when it matches the answer or one of its accepted forms after
folding case, punctuation, articles and number words ("three" = "3"), or when it is the
answer's acronym or the answer is its acronym ("ICC" = "International Criminal Court").
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Kind, Question
from .text import normalize

_TRUE = {"t", "true", "yes", "y", "1", "vrai"}
_FALSE = {"f", "false", "no", "n", "0"}
_TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir", "professor"}


@dataclass(frozen=True, slots=True)
class Grade:
    correct: bool
    expected: str  # the answer as shown to the user after grading
    given: str  # the response as understood ("" when there was none)


def grade(question: Question, response: object) -> Grade:
    """Grade ``response`` to ``question``; never raises on odd input (it is just wrong)."""
    if question.kind is Kind.MCQ:
        return _grade_choice(question, response)
    if question.kind is Kind.TF:
        return _grade_true_false(question, response)
    given = "" if response is None else str(response).strip()
    return Grade(matches(question, given), question.answer, given)


def matches(question: Question, text: str) -> bool:
    """Whether typed ``text`` is an acceptable answer to a cloze/wh question."""
    got = normalize(text)
    if not got:
        return False
    for form in (question.answer, *question.accepted):
        want = normalize(form)
        if not want:
            continue
        if got == want or _strip_titles(got) == _strip_titles(want) != "":
            return True
        if _acronym(want) == got.replace(" ", "") or _acronym(got) == want.replace(" ", ""):
            return True
    return False


def _grade_choice(question: Question, response: object) -> Grade:
    options = question.options
    expected = question.answer
    index: int | None = None
    if isinstance(response, bool):
        index = None
    elif isinstance(response, int):
        index = response
    elif isinstance(response, str):
        text = response.strip()
        if text.isdigit():
            index = int(text)
        elif len(text) == 1 and text.upper() in "ABCD":
            index = "ABCD".index(text.upper())
        else:
            folded = normalize(text)
            index = next((i for i, o in enumerate(options) if normalize(o) == folded), None)
    valid = index is not None and 0 <= index < len(options)
    given = (
        options[index]
        if valid and index is not None
        else ("" if response is None else str(response))
    )
    return Grade(valid and index == question.correct, expected, given)


def _grade_true_false(question: Question, response: object) -> Grade:
    truth = question.correct == 0  # options are ("True", "False")
    value: bool | None
    if isinstance(response, bool):
        value = response
    elif isinstance(response, int) and response in (0, 1):
        value = response == 0  # an option index, like MCQ
    else:
        text = str(response or "").strip().lower()
        value = True if text in _TRUE else False if text in _FALSE else None
    given = "" if value is None else ("True" if value else "False")
    return Grade(value is not None and value == truth, "True" if truth else "False", given)


def _strip_titles(normalized: str) -> str:
    return " ".join(w for w in normalized.split() if w not in _TITLES)


def _acronym(normalized: str) -> str:
    words = [w for w in normalized.split() if w not in {"of", "for", "and", "on", "in"}]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""
