"""Printable HTML for quizzes and summaries; the PDF renderer (gistquiz.render) prints the
same HTML with Qt, so the browser page and the PDF show one layout.

All text goes through ``html.escape``; the page carries a Content-Security-Policy that
forbids scripts anyway. The answer key starts on a page of its own (``page-break-before``,
understood by browsers' print and by Qt's QTextDocument) and is optional.
"""

from __future__ import annotations

import html

from ..quiz.model import KIND_LABELS, Kind, Quiz
from .common import LETTERS, answers, correct_text, flat, source
from .registry import ExportOptions, Summary

CSS = """body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 2em; }
h1 { font-size: 18pt; }
h3 { font-size: 12pt; margin-bottom: 0.2em; }
.kind { font-size: 9pt; color: #555; font-style: italic; margin-top: 0; }
.option { margin: 0.1em 0 0.1em 1.5em; }
.blank { margin-left: 1.5em; }
.source { font-size: 9pt; color: #444; font-style: italic; margin-left: 1.5em; }
.key { page-break-before: always; break-before: page; }
@media print { body { margin: 0; } }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"
PAGE_BREAK = "page-break-before: always; break-before: page"


def h(text: str) -> str:
    return html.escape(flat(text), quote=True)


def _page(title: str, body: list[str], language: str = "") -> str:
    lang = f' lang="{h(language)}"' if language else ""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f"<html{lang}>",
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{h(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def quiz_html(quiz: Quiz, options: ExportOptions) -> str:
    language = options.document.language if options.document else ""
    count = len(quiz.questions)
    body = [
        f'<h1 dir="auto">Quiz: {h(quiz.document_title)}</h1>',
        f'<p class="kind">{count} question{"s" * (count != 1)}. Name: ______________________</p>',
    ]
    for number, q in enumerate(quiz.questions, 1):
        body.append('<div class="question">')
        body.append(f'<h3 dir="auto">{number}. {h(q.stem)}</h3>')
        body.append(f'<p class="kind">{KIND_LABELS[q.kind]}</p>')
        if q.kind in (Kind.MCQ, Kind.TF):
            body += [
                f'<p class="option" dir="auto">{LETTERS[i]}. {h(o)}</p>'
                for i, o in enumerate(q.options)
            ]
        else:
            body.append('<p class="blank">Answer: ______________________</p>')
        body.append("</div>")
    if options.answer_key:
        body.append(f'<div class="key" style="{PAGE_BREAK}">')
        body.append(f'<h2 style="{PAGE_BREAK}">Answer key</h2>')
        for number, q in enumerate(quiz.questions, 1):
            answer = h(correct_text(q))
            if q.kind in (Kind.MCQ, Kind.TF) and q.correct is not None:
                answer = f"{LETTERS[q.correct]}. {answer}"
            extra = answers(q)[1:] if q.kind in (Kind.WH, Kind.CLOZE) else []
            also = f" (also: {', '.join(h(a) for a in extra)})" if extra else ""
            body.append(f'<p dir="auto"><b>{number}.</b> {answer}{also}</p>')
            if source(q):
                body.append(f'<p class="source" dir="auto">{h(source(q))}</p>')
        body.append("</div>")
    return _page(f"Quiz: {quiz.document_title}", body, language)


def summary_html(summary: Summary, options: ExportOptions) -> str:
    body = [
        f'<h1 dir="auto">{h(summary.title)}</h1>',
        f'<p class="kind">Summary by {h(summary.algorithm)}: {len(summary.sentences)} of '
        f"{summary.total_sentences} sentences</p>",
        *[f'<p dir="auto">{h(s.text)}</p>' for s in summary.sentences],
    ]
    return _page(summary.title, body)


def write_quiz_html(quiz: Quiz, options: ExportOptions) -> bytes:
    return quiz_html(quiz, options).encode("utf-8")


def write_summary_html(summary: Summary, options: ExportOptions) -> bytes:
    return summary_html(summary, options).encode("utf-8")
