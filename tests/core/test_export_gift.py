"""GIFT read back by a strict reader and compared to the quiz.

No maintained GIFT parser is on PyPI (pygiftparser: 2017; pygiftparserrgmf: 2022, global
state), so this reader follows Moodle's GIFT grammar (docs.moodle.org "GIFT format") and is
strict where Moodle is lenient: any unescaped ``~ = # { } :`` outside its syntactic place, or
an unknown escape, is an error -- so a passing file is one Moodle cannot misread.
"""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass, field

import pytest
from export_samples import adversarial_quiz

from gistquiz.core.export import export_quiz, render_quiz
from gistquiz.core.export.common import answers, cloze_parts, flat, fold, tf_truth
from gistquiz.core.export.gift import escape
from gistquiz.core.quiz.model import Kind

SPECIAL = set("~=#{}:")


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    mark: str  # "=", "~", or "TRUE"/"FALSE"
    text: str
    feedback: list[str] = field(default_factory=list)


@dataclass
class GiftQuestion:
    title: str
    fmt: str
    text: str
    answers: list[Answer]
    tail: str
    general: str
    category: str


def tokens(source: str) -> list[tuple[str, bool]]:
    """(char, escaped) pairs; strict: only GIFT's escapes are allowed."""
    out, i = [], 0
    while i < len(source):
        if source[i] == "\\":
            if i + 1 >= len(source) or source[i + 1] not in SPECIAL | {"\\", "n"}:
                raise GiftError(f"unknown escape at {source[i : i + 2]!r}")
            out.append(("\n" if source[i + 1] == "n" else source[i + 1], True))
            i += 2
        else:
            out.append((source[i], False))
            i += 1
    return out


def plain(toks, what: str) -> str:
    for char, escaped in toks:
        if char in SPECIAL and not escaped:
            raise GiftError(f"unescaped {char!r} in {what}: {''.join(c for c, _ in toks)!r}")
    return "".join(c for c, _ in toks)


def split_unescaped(toks, stop: str):
    for index, (char, escaped) in enumerate(toks):
        if char == stop and not escaped:
            return toks[:index], toks[index + 1 :]
    raise GiftError(f"missing {stop!r}")


def parse_answers(toks) -> tuple[list[Answer], str]:
    body = toks
    general = ""
    for i in range(len(body) - 3):
        if all(c == "#" and not e for c, e in body[i : i + 4]):
            general = plain(body[i + 4 :], "general feedback").strip()
            body = body[:i]
            break
    answers_out: list[Answer] = []
    current: list = []
    parts: list[tuple[str, list]] = []
    for char, escaped in body:
        if not escaped and char in "=~#":
            parts.append((char, current))
            current = []
        else:
            current.append((char, escaped))
    parts.append(("end", current))
    head = plain(parts[0][1], "answer block").strip()
    if head in {"T", "F", "TRUE", "FALSE"}:
        answers_out.append(Answer("TRUE" if head[0] == "T" else "FALSE", head))
    elif head:
        raise GiftError(f"text before the first answer: {head!r}")
    for (mark, _), (_, content) in itertools.pairwise(parts):
        text = plain(content, "answer").strip()
        if mark == "#":
            if not answers_out:
                raise GiftError("feedback before an answer")
            answers_out[-1].feedback.append(text)
        else:
            answers_out.append(Answer(mark, text))
    return answers_out, general


def read_gift(source: str) -> list[GiftQuestion]:
    lines = [line for line in source.split("\n") if not line.lstrip().startswith("//")]
    blocks = "\n".join(lines).split("\n\n")
    category, out = "", []
    for block in (b.strip() for b in blocks):
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:") :].strip()
            continue
        toks = tokens(block)
        if [c for c, _ in toks[:2]] != [":", ":"]:
            raise GiftError(f"question without a title: {block[:40]!r}")
        rest = toks[2:]
        for index in range(len(rest) - 1):
            if rest[index] == (":", False) and rest[index + 1] == (":", False):
                title, rest = plain(rest[:index], "title"), rest[index + 2 :]
                break
        else:
            raise GiftError("unterminated title")
        fmt = ""
        text_so_far = "".join(c for c, _ in rest[:8])
        for name in ("[html]", "[plain]", "[moodle]", "[markdown]"):
            if text_so_far.startswith(name):
                fmt, rest = name[1:-1], rest[len(name) :]
        text, rest = split_unescaped(rest, "{")
        inside, tail = split_unescaped(rest, "}")
        parsed, general = parse_answers(inside)
        out.append(
            GiftQuestion(
                title, fmt, plain(text, "text"), parsed, plain(tail, "text"), general, category
            )
        )
    return out


def shown(text: str) -> str:
    return html.unescape(text)


def test_reader_is_strict():
    with pytest.raises(GiftError, match="unescaped"):
        read_gift("::T::[html]a = b {=x}")
    with pytest.raises(GiftError, match="unknown escape"):
        read_gift("::T::[html]a \\q b {=x}")
    with pytest.raises(GiftError, match="unescaped"):
        read_gift("::T::[html]a {=x} tail: here")
    assert read_gift("::T::[html]a \\= b {=x#\\#1}")[0].answers[0].feedback == ["#1"]


def test_every_special_character_is_escaped():
    assert escape("~ = # { } : \\") == "\\~ \\= \\# \\{ \\} \\: \\\\"
    assert escape("<script>") == "&lt;script&gt;"


def test_gift_reads_back_to_the_quiz(tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "quiz.gift"
    export_quiz(quiz, "gift", path)
    parsed = read_gift(path.read_text(encoding="utf-8"))
    assert len(parsed) == len(quiz.questions)
    for number, (g, q) in enumerate(zip(parsed, quiz.questions, strict=True), 1):
        assert g.title == f"Q{number:02d}"
        assert g.fmt == "html"
        assert g.category == "$course$/top/GistQuiz/" + category_name(quiz)
        assert shown(g.general) == flat(q.explanation)
        if q.kind == Kind.MCQ:
            assert shown(g.text).strip() == flat(q.stem)
            assert [a.mark for a in g.answers] == ["=" if i == q.correct else "~" for i in range(4)]
            assert [shown(a.text) for a in g.answers] == [flat(o) for o in q.options]
            assert all(len(a.feedback) == 1 for a in g.answers)
        elif q.kind == Kind.TF:
            assert shown(g.text).strip() == flat(q.stem)
            assert [a.mark for a in g.answers] == ["TRUE" if tf_truth(q) else "FALSE"]
            wrong, right = g.answers[0].feedback
            assert (wrong, right) == ("Not quite: the answer is False.", "Correct.")
        else:
            assert {a.mark for a in g.answers} == {"="}
            assert [shown(a.text) for a in g.answers] == answers(q)
            if q.kind == Kind.CLOZE:
                before, after = cloze_parts(q)
                assert (shown(g.text), shown(g.tail)) == (fold(before), fold(after))
            else:
                assert shown(g.text).strip() == flat(q.stem) and g.tail == ""


def test_no_markup_survives_as_markup():
    data, _ = render_quiz(adversarial_quiz(), "gift")
    text = data.decode("utf-8")
    assert "<script" not in text and "<b>" not in text and "&lt;script&gt;" in text


def category_name(quiz):
    return html.escape(flat(quiz.document_title), quote=False).replace("/", "//")
