"""Moodle XML: multichoice (shuffled, per-answer feedback), truefalse, shortanswer, cloze.

Written with ElementTree, so XML escaping is never by hand. Question and feedback text is
declared ``format="html"`` and HTML-escaped first: ``<script>`` in an article arrives in
Moodle as visible text, not markup. Cloze answers sit inside Moodle's embedded-answer syntax
``{1:SHORTANSWER:=answer}``, whose special characters are backslash-escaped; in the text
around them braces are entity-encoded so they can never open a marker.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from ..quiz.model import Kind, Question, Quiz
from .common import answers, cloze_parts, correct_text, feedback, flat, fold, source, tf_truth
from .registry import ExportOptions

PENALTY = "0.3333333"


def _h(text: str) -> str:
    return html.escape(flat(text), quote=False)


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _feedback(question: Question, right: bool) -> str:
    return _h(feedback(question, right))


def _common(quiz: Quiz, question: Question, qtype: str, number: int, text: str) -> ET.Element:
    element = ET.Element("question", {"type": qtype})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = f"Q{number:02d} {flat(question.stem)[:60]}"
    _text(element, "questiontext", text)
    _text(element, "generalfeedback", _h(source(question)))
    ET.SubElement(element, "defaultgrade").text = "1.0000000"
    ET.SubElement(element, "penalty").text = PENALTY
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str, fmt: str = "html"):
    answer = _text(parent, "answer", text, fmt)
    answer.set("fraction", fraction)
    _text(answer, "feedback", feedback)


def _multichoice(quiz: Quiz, q: Question, number: int, options: ExportOptions) -> ET.Element:
    element = _common(quiz, q, "multichoice", number, _h(q.stem))
    ET.SubElement(element, "single").text = "true"
    ET.SubElement(element, "shuffleanswers").text = "true" if options.shuffle else "false"
    ET.SubElement(element, "answernumbering").text = "abc"
    _text(element, "correctfeedback", "Your answer is correct.")
    _text(element, "partiallycorrectfeedback", "Your answer is partially correct.")
    _text(element, "incorrectfeedback", "Your answer is incorrect.")
    for index, option in enumerate(q.options):
        right = index == q.correct
        _answer(element, "100" if right else "0", _h(option), _feedback(q, right))
    return element


def _truefalse(quiz: Quiz, q: Question, number: int) -> ET.Element:
    element = _common(quiz, q, "truefalse", number, _h(q.stem))
    truth = tf_truth(q)
    for value in (True, False):
        right = value == truth
        word = "true" if value else "false"
        _answer(element, "100" if right else "0", word, _feedback(q, right), "moodle_auto_format")
    return element


def _shortanswer(quiz: Quiz, q: Question, number: int) -> ET.Element:
    element = _common(quiz, q, "shortanswer", number, _h(q.stem))
    ET.SubElement(element, "usecase").text = "0"
    for text in answers(q):
        # Short answers are compared as plain text; "*" is Moodle's wildcard, so escape it.
        _answer(element, "100", text.replace("*", "\\*"), _feedback(q, True), "moodle_auto_format")
    return element


_CLOZE_SPECIAL = str.maketrans({c: "\\" + c for c in '\\}#~/"'})


def cloze_marker(q: Question) -> str:
    """Moodle's embedded answer: {1:SHORTANSWER:=answer#feedback~=variant#feedback}."""
    feedback = _feedback(q, True).translate(_CLOZE_SPECIAL)
    alternatives = [
        "=" + html.escape(text, quote=False).translate(_CLOZE_SPECIAL) + "#" + feedback
        for text in answers(q)
    ]
    return "{1:SHORTANSWER:" + "~".join(alternatives) + "}"


def _around(text: str) -> str:
    return html.escape(fold(text), quote=False).replace("{", "&#123;").replace("}", "&#125;")


def _cloze(quiz: Quiz, q: Question, number: int) -> ET.Element:
    before, after = cloze_parts(q)
    return _common(quiz, q, "cloze", number, _around(before) + cloze_marker(q) + _around(after))


def build_tree(quiz: Quiz, options: ExportOptions) -> ET.ElementTree:
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    # Moodle shows category names as HTML; "/" separates subcategories, "//" is a slash.
    name = _h(quiz.document_title).replace("/", "//")
    _text(category, "category", f"$course$/top/GistQuiz/{name}", None)
    for number, q in enumerate(quiz.questions, 1):
        if q.kind == Kind.MCQ:
            root.append(_multichoice(quiz, q, number, options))
        elif q.kind == Kind.TF:
            root.append(_truefalse(quiz, q, number))
        elif q.kind == Kind.CLOZE:
            root.append(_cloze(quiz, q, number))
        else:
            root.append(_shortanswer(quiz, q, number))
    ET.indent(root)
    return ET.ElementTree(root)


def write_moodle(quiz: Quiz, options: ExportOptions) -> bytes:
    out = ET.tostring(build_tree(quiz, options).getroot(), encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + out + "\n").encode("utf-8")


__all__ = ["cloze_marker", "correct_text", "write_moodle"]
