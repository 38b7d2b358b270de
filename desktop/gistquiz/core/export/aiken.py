"""Aiken: Moodle's simplest format, multiple choice only (the registry drops other kinds).

Aiken has no escaping at all: one line for the question, one per option ("A. text"), then
"ANSWER: X". Text is folded to one line; a stem that itself starts like an option line
("A. Lincoln ...") gets a no-break space after the letter so Moodle does not read it as one.
"""

from __future__ import annotations

import re

from ..quiz.model import Quiz
from .common import LETTERS, flat
from .registry import ExportOptions

_LOOKS_LIKE_OPTION = re.compile(r"^([A-Z][.)])[ \t]")
_LOOKS_LIKE_ANSWER = re.compile(r"^ANSWER:", re.IGNORECASE)


def _line(text: str) -> str:
    text = _LOOKS_LIKE_OPTION.sub("\\1\u00a0", flat(text))
    # Moodle ends a question at a line starting "ANSWER:"; a zero-width space prevents that.
    return _LOOKS_LIKE_ANSWER.sub(lambda m: m.group(0)[0] + "\u200b" + m.group(0)[1:], text)


def write_aiken(quiz: Quiz, options: ExportOptions) -> bytes:
    blocks = []
    for q in quiz.questions:
        lines = [_line(q.stem)]
        lines += [f"{LETTERS[i]}. {flat(option)}" for i, option in enumerate(q.options)]
        lines.append(f"ANSWER: {LETTERS[q.correct or 0]}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
