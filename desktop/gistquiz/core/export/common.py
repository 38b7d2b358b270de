"""Text helpers every exporter shares."""

from __future__ import annotations

import re

from ..quiz.model import BLANK, Kind, Question

_SPACES = re.compile(r"\s+")
# Control characters and lone surrogates: invalid in XML 1.0 and meaningless in every format.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def fold(text: str) -> str:
    """Runs of whitespace folded to one space (kept at the ends), invalid characters gone."""
    return _SPACES.sub(" ", _INVALID.sub("", text))


def flat(text: str) -> str:
    """One line: line-based formats (GIFT, Aiken, CSV rows) must not see a stray newline."""
    return fold(text).strip()


def tf_truth(question: Question) -> bool:
    """Whether a true/false statement is true, read from its correct option."""
    if question.options and question.correct is not None:
        return question.options[question.correct].strip().lower() in {"true", "t", "yes"}
    return question.answer.strip().lower() in {"true", "t", "yes"}


def correct_text(question: Question) -> str:
    """The right answer as shown to a learner."""
    if question.kind == Kind.TF:
        return "True" if tf_truth(question) else "False"
    if question.kind == Kind.MCQ and question.options and question.correct is not None:
        return question.options[question.correct]
    return question.answer


def answers(question: Question) -> list[str]:
    """The answer and its accepted variants, without duplicates, in order."""
    seen: list[str] = []
    for text in (question.answer, *question.accepted):
        text = flat(text)
        if text and text not in seen:
            seen.append(text)
    return seen


def cloze_parts(question: Question) -> tuple[str, str]:
    """The cloze stem split around its blank (the answer goes between the two parts), each
    folded to one line; the spaces next to the blank are kept ("in _____." -> "in ", ".")."""
    if BLANK in question.stem:
        before, after = question.stem.split(BLANK, 1)
        return fold(before).lstrip(), fold(after).rstrip()
    return flat(question.stem) + " ", ""


def source(question: Question) -> str:
    """The sentence the question was made from (feedback and the Anki "Source" field)."""
    return flat(question.explanation)


def feedback(question: Question, right: bool) -> str:
    """Per-answer feedback; the source sentence goes once into the general feedback."""
    if right:
        return "Correct."
    return f"Not quite: the answer is {flat(correct_text(question))}."
