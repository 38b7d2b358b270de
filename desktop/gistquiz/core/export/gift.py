"""GIFT, Moodle's plain-text quiz format.

Every GIFT special character (``~ = # { } :`` and the backslash itself) is backslash-escaped
in all text we write, and text is declared ``[html]`` and HTML-escaped, so neither GIFT nor
Moodle's HTML filter can read article text as syntax or markup. One question per block,
blocks separated by a blank line; line breaks inside text are folded to spaces.
"""

from __future__ import annotations

import html

from ..quiz.model import Kind, Question, Quiz
from .common import answers, cloze_parts, feedback, flat, fold, source, tf_truth
from .registry import ExportOptions

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"})


def escape(text: str, *, strip: bool = True) -> str:
    """Plain text -> GIFT [html] text: HTML-escaped, then GIFT specials backslash-escaped."""
    text = flat(text) if strip else fold(text)
    return html.escape(text, quote=False).translate(_SPECIAL)


def _feedback(question: Question, right: bool) -> str:
    return escape(feedback(question, right))


def _general(question: Question) -> str:
    said = source(question)
    return f"####{escape(said)}" if said else ""


def question_block(question: Question, number: int) -> str:
    head = f"::Q{number:02d}::[html]"
    if question.kind == Kind.MCQ:
        lines = [
            ("=" if i == question.correct else "~")
            + escape(option)
            + "#"
            + _feedback(question, i == question.correct)
            for i, option in enumerate(question.options)
        ]
        general = _general(question)
        body = "\n".join(f"\t{line}" for line in [*lines, *([general] if general else [])])
        return f"{head}{escape(question.stem)} {{\n{body}\n}}"
    if question.kind == Kind.TF:
        word = "TRUE" if tf_truth(question) else "FALSE"
        wrong, right = _feedback(question, False), _feedback(question, True)
        return f"{head}{escape(question.stem)} {{{word}#{wrong}#{right}{_general(question)}}}"
    alternatives = " ".join(f"={escape(a)}#{_feedback(question, True)}" for a in answers(question))
    block = f"{{{alternatives}{_general(question)}}}"
    if question.kind == Kind.CLOZE:
        before, after = cloze_parts(question)
        return f"{head}{escape(before, strip=False)}{block}{escape(after, strip=False)}"
    return f"{head}{escape(question.stem)} {block}"


def write_gift(quiz: Quiz, options: ExportOptions) -> bytes:
    # Moodle shows category names as HTML, so the title is escaped there too.
    title = html.escape(flat(quiz.document_title), quote=False)
    parts = [
        f"// GistQuiz: {title}",
        f"// document {quiz.document_id}",
        "",
        "$CATEGORY: $course$/top/GistQuiz/" + title.replace("/", "//"),
        "",
    ]
    for number, question in enumerate(quiz.questions, 1):
        parts += [question_block(question, number), ""]
    return "\n".join(parts).encode("utf-8")
