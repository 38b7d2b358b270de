"""Markdown (quiz and summary) and plain text (summary).

Markdown renders inline HTML, so ``<`` and ``&`` are written as entities, and every
character Markdown gives a meaning to is backslash-escaped: article text shows as itself,
never as markup, links or a script.
"""

from __future__ import annotations

import re

from ..quiz.model import KIND_LABELS, Kind, Quiz
from .common import LETTERS, answers, correct_text, flat, source
from .registry import ExportOptions, Summary

# Every line we write starts with our own prefix ("## 1\\. ", "- "), so only characters
# with an inline meaning need escaping (plus "#", which would close a heading).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]!|~#$])")


def md(text: str) -> str:
    text = flat(text).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def write_quiz_markdown(quiz: Quiz, options: ExportOptions) -> bytes:
    lines = [f"# Quiz: {md(quiz.document_title)}", ""]
    for number, q in enumerate(quiz.questions, 1):
        lines += [f"## {number}\\. {md(q.stem)}", "", f"*{KIND_LABELS[q.kind]}*", ""]
        if q.kind in (Kind.MCQ, Kind.TF):
            lines += [f"- **{LETTERS[i]}\\.** {md(o)}" for i, o in enumerate(q.options)]
            lines.append("")
        else:
            lines += ["Answer: \\_\\_\\_\\_\\_\\_\\_\\_", ""]
    if options.answer_key:
        lines += ["---", "", "## Answer key", ""]
        for number, q in enumerate(quiz.questions, 1):
            answer = md(correct_text(q))
            if q.kind in (Kind.MCQ, Kind.TF) and q.correct is not None:
                answer = f"**{LETTERS[q.correct]}** {answer}"
            extra = [md(a) for a in answers(q)[1:]] if q.kind in (Kind.WH, Kind.CLOZE) else []
            also = f" (also: {', '.join(extra)})" if extra else ""
            lines.append(f"{number}\\. {answer}{also}")
            if source(q):
                lines.append(f"   > {md(source(q))}")
            lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def write_summary_markdown(summary: Summary, options: ExportOptions) -> bytes:
    lines = [
        f"# {md(summary.title)}",
        "",
        f"*Summary by {md(summary.algorithm)}: {len(summary.sentences)} of "
        f"{summary.total_sentences} sentences*",
        "",
        *[f"- {md(s.text)}" for s in summary.sentences],
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_summary_text(summary: Summary, options: ExportOptions) -> bytes:
    lines = [
        flat(summary.title),
        "",
        f"Summary by {summary.algorithm}: {len(summary.sentences)} of "
        f"{summary.total_sentences} sentences",
        "",
        *[flat(s.text) for s in summary.sentences],
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
