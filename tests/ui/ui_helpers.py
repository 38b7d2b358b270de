"""Hand-made quiz data for GUI tests: quiz mode is tested apart from the quiz builder."""

from __future__ import annotations

from gistquiz.core.document import Document
from gistquiz.core.quiz.model import Kind, Question, Quiz


def span_of(doc: Document, text: str) -> tuple[int, int, int]:
    """(sentence index, start, end) of the first occurrence of ``text`` in ``doc``."""
    start = doc.text.index(text)
    sentence = next(s.index for s in doc.sentences if s.start <= start < s.end)
    return sentence, start, start + len(text)


def hand_made_quiz(doc: Document) -> Quiz:
    """One question of each kind on the sample article, built by hand (no quiz builder)."""
    s1, a1, b1 = span_of(doc, "Fumio Kishida")
    s2, a2, b2 = span_of(doc, "John Kirby")
    s3, a3, b3 = span_of(doc, "Moscow")
    s4, a4, b4 = span_of(doc, "12-point plan")
    questions = (
        Question(
            "q-mcq", Kind.MCQ, "Who is the prime minister of Japan?", "Fumio Kishida",
            options=("Xi Jinping", "Fumio Kishida", "John Kirby", "Vladimir Putin"), correct=1,
            sentence=s1, answer_start=a1, answer_end=b1, explanation=doc.clean_sentence(s1),
        ),
        Question(
            "q-cloze", Kind.CLOZE, "According to _____, requesting a cease-fire would not suffice.",
            "John Kirby", accepted=("Kirby",), sentence=s2, answer_start=a2, answer_end=b2,
            explanation=doc.clean_sentence(s2),
        ),
        Question(
            "q-tf", Kind.TF, "Mr. Xi's trip was his first to Moscow since the invasion.", "True",
            options=("True", "False"), correct=0, sentence=s3, answer_start=a3, answer_end=b3,
            explanation=doc.clean_sentence(s3),
        ),
        Question(
            "q-wh", Kind.WH, "What did Xi put forth to resolve the situation?", "12-point plan",
            sentence=s4, answer_start=a4, answer_end=b4, explanation=doc.clean_sentence(s4),
        ),
    )  # fmt: skip
    return Quiz(doc.id, doc.title, questions)
