"""PDF (Qt's QTextDocument -> QPdfWriter, offscreen) read back with pypdf.

The tests use pytest-qt's ``qapp``; the renderer reuses whatever application exists."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf
from export_samples import adversarial_quiz, sample_document

import gistquiz.render  # noqa: F401  (registers the "pdf" exporter)
from gistquiz.core import pipeline
from gistquiz.core.export import ExportOptions, Summary, export_quiz, render_summary
from gistquiz.core.export.common import correct_text, flat
from gistquiz.core.summarize import Ranking
from gistquiz.core.summarize.base import Length


def pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # pypdf separates words of Qt's PDFs with tabs; compare text with spaces folded.
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages]


def latin(text: str) -> str:
    return " ".join(re.sub(r"[^\x00-\x7fÀ-ÿ]+", " ", text).split())


def test_quiz_pdf_text_and_answer_key_page(qapp, tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "quiz.pdf"
    export_quiz(quiz, "pdf", path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    text = pages(data)
    assert len(text) >= 2
    key = next(i for i, page in enumerate(text) if page.startswith("Answer key"))
    questions, answers = " ".join(text[:key]), " ".join(text[key:])
    assert "Answer key" not in questions
    for q in quiz.questions:
        stem = flat(q.stem)
        # Latin text comes out as written (markup included, as text); right-to-left and
        # emoji need fonts and visual ordering, checked below.
        assert " ".join(latin(stem).split()[:6]) in latin(questions)
        assert flat(correct_text(q))[:8] in answers
    assert '<script>alert("x")</script>' in questions  # shown as text, not run
    # Hebrew is stored in visual order: reading the page back gives the letters reversed.
    assert "שלום" in questions or "םולש" in questions


def test_answer_key_is_optional(qapp, tmp_path):
    path = tmp_path / "quiz.pdf"
    pipeline.export_quiz(adversarial_quiz(), "pdf", path, answer_key=False)
    assert not any("Answer key" in page for page in pages(path.read_bytes()))


def test_summary_pdf(qapp):
    doc = sample_document()
    ranking = Ranking("lexrank", (1.0, 0.2, 0.9, 0.1), (0, 2), Length.parse("2"))
    data = render_summary(Summary.of(doc, ranking), "pdf", ExportOptions())
    text = " ".join(pages(data))
    assert "History notes" in text
    assert doc.clean_sentence(0) in text and doc.clean_sentence(2) in text
    assert doc.clean_sentence(1) not in text
