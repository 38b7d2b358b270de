"""Questions and quizzes: the quiz's data, independent of how it is shown or exported."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    MCQ = "mcq"  # multiple choice: 4 options, one correct
    CLOZE = "cloze"  # fill in the blank, graded leniently
    TF = "tf"  # true / false
    WH = "wh"  # wh-question answered in a text field (short answer)


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


BLANK = "_____"

# What each kind is called wherever a quiz is shown or exported (the GUI translates its own).
KIND_LABELS: dict[Kind, str] = {
    Kind.MCQ: "Multiple choice",
    Kind.CLOZE: "Fill in the blank",
    Kind.TF: "True or false",
    Kind.WH: "Short answer",
}


@dataclass(frozen=True, slots=True)
class Question:
    """One question with everything needed to ask, grade, explain and export it.

    ``options``: MCQ the four choices, TF ("True", "False"), otherwise empty; ``correct`` is
    the index of the right option (None for cloze/wh). ``answer`` is the answer as it stands
    in the text; ``accepted`` more forms a lenient grader accepts ("ICC"). Evidence:
    ``sentence`` index and the answer's char span ``answer_start``/``answer_end`` in
    ``Document.text``; ``explanation`` is the source sentence shown as feedback. For a false
    TF statement the span still points at the true fact it was made from.
    """

    id: str  # stable across re-generation of the same question (for Anki GUIDs, history)
    kind: Kind
    stem: str
    answer: str
    accepted: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    correct: int | None = None
    sentence: int = 0
    answer_start: int = 0
    answer_end: int = 0
    explanation: str = ""
    fact_type: str = ""
    difficulty: Difficulty = Difficulty.MEDIUM
    score: float = 0.0  # quality x importance, used to rank


@dataclass(frozen=True)
class QuizOptions:
    count: int = 10
    kinds: tuple[Kind, ...] = (Kind.MCQ, Kind.WH, Kind.CLOZE, Kind.TF)
    difficulty: Difficulty | None = None  # None: a mix
    seed: int = 0


@dataclass(frozen=True)
class Quiz:
    document_id: str
    document_title: str
    questions: tuple[Question, ...]
    options: QuizOptions = field(default_factory=QuizOptions)
    notes: tuple[str, ...] = ()  # e.g. "This text has few facts: 3 questions."

    def replace(self, **changes) -> Quiz:
        return dataclasses.replace(self, **changes)
