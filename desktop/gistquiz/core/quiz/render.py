"""A quiz as plain text to read in a terminal: questions first, the answer key at the end."""

from __future__ import annotations

import textwrap

from .model import KIND_LABELS, Kind, Quiz
from .text import quote_marks

LETTERS = "ABCD"
WIDTH = 88


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def quiz_text(quiz: Quiz, *, answer_key: bool = True) -> str:
    lines = [f"Quiz: {quiz.document_title}", ""]
    for note in quiz.notes:
        lines += [*_wrap(f"Note: {note}", ""), ""]
    for number, q in enumerate(quiz.questions, 1):
        head = f"{number:>2}. "
        stem = q.stem if q.kind is not Kind.TF else f"True or false? {q.stem}"
        wrapped = _wrap(stem, " " * len(head))
        lines.append(head + wrapped[0].lstrip())
        lines += wrapped[1:]
        if q.kind is Kind.MCQ:
            lines += [f"      {LETTERS[i]}) {option}" for i, option in enumerate(q.options)]
        lines.append(f"      [{KIND_LABELS[q.kind]}, {q.difficulty.value}]")
        lines.append("")
    if answer_key and quiz.questions:
        lines += ["Answer key", "----------"]
        for number, q in enumerate(quiz.questions, 1):
            if q.kind is Kind.MCQ and q.correct is not None:
                answer = f"{LETTERS[q.correct]}) {q.options[q.correct]}"
            else:
                answer = q.answer
            also = [a for a in q.accepted if a != q.answer] if q.kind is not Kind.TF else []
            suffix = f"  (also: {', '.join(also)})" if also else ""
            lines.append(f"{number:>2}. {answer}{suffix}")
            opening, closing = quote_marks(q.explanation)
            lines += _wrap(f"{opening}{q.explanation}{closing}", "      ")
    return "\n".join(lines).rstrip() + "\n"
