"""Aiken, CSV, Markdown and printable HTML, each read back by its consumer: Moodle's Aiken
rules, Python's csv reader with Anki's header lines, markdown-it (CommonMark) and an HTML
parser."""

from __future__ import annotations

import csv
import html
import io
import re
from html.parser import HTMLParser

import pytest
from export_samples import adversarial_quiz
from markdown_it import MarkdownIt

from gistquiz.core.errors import NotEnoughText
from gistquiz.core.export import ExportOptions, export_quiz, render_quiz
from gistquiz.core.export.anki import note_guid
from gistquiz.core.export.common import LETTERS, answers, correct_text, flat
from gistquiz.core.quiz.model import Kind


def read_aiken(text: str) -> list[dict]:
    """Moodle's qformat_aiken: question lines, then 'X. option' / 'X) option' lines, then
    'ANSWER: X'."""
    questions, lines, options = [], [], []
    for line in text.split("\n"):
        if not line.strip():
            continue
        option = re.match(r"^([A-Z])[).][ \t](.*)$", line)
        if line.startswith("ANSWER:"):
            letter = line[len("ANSWER:") :].strip()
            assert lines and len(options) >= 2, "an answer before its question"
            questions.append(
                {"stem": " ".join(lines), "options": options, "correct": LETTERS.index(letter)}
            )
            lines, options = [], []
        elif option:
            assert option.group(1) == LETTERS[len(options)]
            options.append(option.group(2))
        else:
            assert not options, f"question text after the options: {line!r}"
            lines.append(line)
    assert not lines and not options
    return questions


def test_aiken_holds_the_multiple_choice_questions(tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "quiz.txt"
    result = export_quiz(quiz, "aiken", path)
    assert (result.written, result.skipped) == (2, 3)
    parsed = read_aiken(path.read_text(encoding="utf-8"))
    mcqs = [q for q in quiz.questions if q.kind == Kind.MCQ]
    assert len(parsed) == len(mcqs)
    for got, q in zip(parsed, mcqs, strict=True):
        # No-break / zero-width spaces keep "A. Lincoln" and "ANSWER:" in a stem from being
        # read as syntax; they are the only change to the text.
        assert got["stem"].replace("\u00a0", " ").replace("\u200b", "") == flat(q.stem)
        assert got["options"] == [flat(o) for o in q.options]
        assert got["correct"] == q.correct


def test_aiken_refuses_a_quiz_without_mcq(tmp_path):
    quiz = adversarial_quiz()
    no_mcq = quiz.replace(questions=tuple(q for q in quiz.questions if q.kind != Kind.MCQ))
    with pytest.raises(NotEnoughText, match="Aiken holds only mcq"):
        export_quiz(no_mcq, "aiken", tmp_path / "x.txt")
    assert not (tmp_path / "x.txt").exists()


def test_csv_has_ankis_headers_and_reads_back(tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "quiz.csv"
    export_quiz(quiz, "csv", path)
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.split("\n") if line.startswith("#")]
    assert header == [
        "#separator:Comma",
        "#html:false",
        "#columns:GUID,Front,Back,Source,Kind,Options,Accepted,Tags",
        "#guid column:1",
        "#tags column:8",
    ]
    body = text.split("\n", len(header))[-1]
    assert not any(line.startswith("#") for line in body.split("\n"))  # no row is a comment
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == len(quiz.questions)
    for row, q in zip(rows, quiz.questions, strict=True):
        guid, front, back, source, _kind, options, accepted, tags = row
        assert guid == note_guid(quiz, q)
        assert front == flat(q.stem)
        assert back.endswith(flat(correct_text(q)))
        assert source == flat(q.explanation)
        assert options == " | ".join(flat(o) for o in q.options)
        assert accepted == " | ".join(answers(q))
        assert tags.split() == ["gistquiz", f"gistquiz::{q.kind.value}"]


class Elements(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.data: list[str] = []
        self.styles: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.styles.append(dict(attrs).get("style") or "")

    def handle_data(self, data):
        self.data.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.data).split())


def test_markdown_renders_text_as_text():
    quiz = adversarial_quiz()
    data, _ = render_quiz(quiz, "markdown")
    rendered = MarkdownIt("commonmark").render(data.decode("utf-8"))
    parsed = Elements(rendered)
    assert "script" not in parsed.tags and "b" not in parsed.tags and "i" not in parsed.tags
    assert "a" not in parsed.tags  # no accidental links
    assert parsed.tags.count("h2") == len(quiz.questions) + 1  # questions + answer key
    for q in quiz.questions:
        assert flat(q.stem) in parsed.text
        for option in q.options:
            assert flat(option) in parsed.text
        assert flat(correct_text(q)) in parsed.text
    without_key, _ = render_quiz(quiz, "markdown", ExportOptions(answer_key=False))
    assert "Answer key" not in without_key.decode("utf-8")


def test_printable_html_escapes_and_puts_the_key_on_its_own_page():
    quiz = adversarial_quiz()
    data, _ = render_quiz(quiz, "html")
    page = data.decode("utf-8")
    parsed = Elements(page)
    assert "script" not in parsed.tags and "b" in parsed.tags  # only our own <b> numbers
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert f"Quiz: {flat(quiz.document_title)}" in parsed.text
    for q in quiz.questions:
        assert flat(q.stem) in parsed.text
    key = parsed.tags.index("h2")
    assert "page-break-before: always" in parsed.styles[key]
    assert html.escape("<script>") in page
    without_key = Elements(render_quiz(quiz, "html", ExportOptions(answer_key=False))[0].decode())
    assert "h2" not in without_key.tags and "Answer key" not in without_key.text
