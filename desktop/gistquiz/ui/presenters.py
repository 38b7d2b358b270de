"""Screen state and decisions, without widgets (humble views: the widgets only show these).

Everything here is plain Python over the core's data types, so tests drive a quiz or a
compare table without a window. User-visible wording stays in the widgets (``tr()``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ..core.document import Document
from ..core.quiz.model import Kind, Question, Quiz
from ..core.store import Attempt, QuestionResult, now
from ..core.summarize import Ranking

# -- article ----------------------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class SentenceLocator:
    """Maps char offsets to sentence indices, and Python offsets to Qt's UTF-16 positions.

    QTextDocument counts UTF-16 code units; Python counts code points. They differ only after
    a character outside the Basic Multilingual Plane (emoji, some CJK), so the table of
    such characters is usually empty and the mapping the identity.
    """

    def __init__(self, doc: Document) -> None:
        self._starts = [s.start for s in doc.sentences]
        self._ends = [s.end for s in doc.sentences]
        self._astral = [m.start() for m in _ASTRAL.finditer(doc.text)]

    def sentence_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return i
        return None

    def index_near(self, offset: int) -> int:
        """The sentence at or before ``offset`` (the first one before the text starts)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        # Walk back: each astral char before the offset adds one UTF-16 unit.
        offset = position
        while self.to_qt(offset) > position:
            offset -= 1
        return offset


def reading_stats(doc: Document) -> tuple[int, int, int]:
    """(sentences, words, reading minutes rounded up, at least 1)."""
    minutes = max(1, int(-(-doc.reading_minutes // 1)))
    return len(doc.body_sentences), doc.word_count, minutes


def summary_lines(doc: Document, ranking: Ranking) -> list[tuple[int, str]]:
    """The summary: (sentence index, display text) in document order."""
    return [(i, doc.clean_sentence(i)) for i in ranking.selected]


def summary_as_text(doc: Document, ranking: Ranking, *, bullets: bool) -> str:
    """The summary for the clipboard: a bullet list (Markdown) or one paragraph."""
    lines = [text for _, text in summary_lines(doc, ranking)]
    return "\n".join(f"- {line}" for line in lines) if bullets else " ".join(lines)


def heat_levels(ranking: Ranking) -> list[float]:
    """Each sentence's score scaled to 0..1 (min-max), for the heat map."""
    lo, hi = min(ranking.scores, default=0.0), max(ranking.scores, default=0.0)
    span = hi - lo
    return [(s - lo) / span if span > 0 else 0.0 for s in ranking.scores]


# -- compare ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompareRow:
    sentence: int
    text: str
    chosen_by: tuple[str, ...]  # algorithm names that selected it


@dataclass(frozen=True)
class CompareTable:
    algorithms: tuple[str, ...]
    columns: dict[str, list[CompareRow]]  # per algorithm, its selected sentences in order
    shared_by_all: tuple[int, ...]

    def share_count(self, sentence: int) -> int:
        return sum(sentence in {r.sentence for r in col} for col in self.columns.values())


def compare_table(doc: Document, rankings: Sequence[Ranking]) -> CompareTable:
    chosen = {r.algorithm: set(r.selected) for r in rankings}
    columns = {
        r.algorithm: [
            CompareRow(i, doc.clean_sentence(i), tuple(a for a, s in chosen.items() if i in s))
            for i in r.selected
        ]
        for r in rankings
    }
    shared = set.intersection(*chosen.values()) if chosen else set()
    return CompareTable(tuple(chosen), columns, tuple(sorted(shared)))


# -- quiz -------------------------------------------------------------------------------------


class Phase(StrEnum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    FINISHED = "finished"


@dataclass(frozen=True)
class Marked:
    """One answered question: the grader's verdict plus what to show."""

    correct: bool
    expected: str
    given: str


Grader = Callable[[Question, object], Marked]


def default_grader(question: Question, response: object) -> Marked:
    from ..core.quiz import grading

    grade = grading.grade(question, response)
    return Marked(bool(grade.correct), str(grade.expected), str(grade.given))


@dataclass
class QuizSession:
    """One run through a quiz: ask, mark, give feedback, continue, finish, retry the wrong."""

    quiz: Quiz
    source: str = ""
    grader: Grader = default_grader
    index: int = 0
    phase: Phase = Phase.ASKING
    marks: list[Marked | None] = field(default_factory=list)
    started_at: object = field(default_factory=now)

    def __post_init__(self) -> None:
        self.marks = [None] * len(self.quiz.questions)
        if not self.quiz.questions:
            self.phase = Phase.FINISHED

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.quiz.questions

    @property
    def current(self) -> Question:
        return self.questions[self.index]

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered(self) -> int:
        return sum(m is not None for m in self.marks)

    @property
    def correct(self) -> int:
        return sum(bool(m and m.correct) for m in self.marks)

    def answer(self, response: object) -> Marked:
        """Mark the current question. MCQ/TF: the option index; cloze/wh: the typed text."""
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer while {self.phase}")
        question = self.current
        choice = question.kind in (Kind.MCQ, Kind.TF)
        if choice and (not isinstance(response, int) or not 0 <= response < len(question.options)):
            raise ValueError(f"option {response!r} out of range")
        mark = self.grader(question, response)
        self.marks[self.index] = mark
        self.phase = Phase.FEEDBACK
        return mark

    def advance(self) -> None:
        """Go on after feedback: the next question, or the end."""
        if self.phase is not Phase.FEEDBACK:
            return
        if self.index + 1 < self.total:
            self.index += 1
            self.phase = Phase.ASKING
        else:
            self.phase = Phase.FINISHED

    def wrong_questions(self) -> tuple[Question, ...]:
        return tuple(
            q for q, m in zip(self.questions, self.marks, strict=True) if not m or not m.correct
        )

    def retry_wrong(self) -> QuizSession:
        """A new session over the questions answered wrongly (or skipped)."""
        quiz = self.quiz.replace(questions=self.wrong_questions())
        return QuizSession(quiz, self.source, self.grader)

    def attempt(self) -> Attempt:
        """The finished attempt, for the history store."""
        results = tuple(
            QuestionResult(
                q.id,
                str(q.kind),
                q.stem,
                m.expected if m else q.answer,
                m.given if m else "",
                bool(m and m.correct),
            )
            for q, m in zip(self.questions, self.marks, strict=True)
        )
        options = self.quiz.options
        return Attempt(
            self.quiz.document_id,
            self.quiz.document_title,
            self.started_at,  # type: ignore[arg-type]
            now(),
            results,
            source=self.source,
            options={
                "count": options.count,
                "kinds": [str(k) for k in options.kinds],
                "difficulty": str(options.difficulty) if options.difficulty else None,
                "seed": options.seed,
            },
        )
