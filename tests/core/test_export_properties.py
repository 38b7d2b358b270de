"""Property: any text survives GIFT, Moodle XML, CSV and Anki unchanged (as flat text) and
never turns into syntax or markup."""

from __future__ import annotations

import csv
import html
import io
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export_apkg import read_apkg
from test_export_gift import read_gift, shown

from gistquiz.core.export import export_quiz, render_quiz
from gistquiz.core.export.common import flat
from gistquiz.core.quiz.model import Kind, Question, Quiz

SYNTAX = st.sampled_from([*"~=#{}:\\<>&\"'/*_[]`|$!\n\t", "{{c1::", "]]>", "####", "::"])
piece = st.text(min_size=1, max_size=12)
texts = (
    st.lists(st.one_of(piece, SYNTAX), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: flat(t) != "")
)


def mcq(stem: str, options: list[str]) -> Quiz:
    question = Question(
        "q1", Kind.MCQ, stem, options[1], options=tuple(options), correct=1, explanation=stem
    )
    return Quiz("doc", stem, (question,))


@settings(max_examples=50, deadline=None)
@given(stem=texts, options=st.lists(texts, min_size=4, max_size=4))
def test_gift_and_moodle_keep_any_text(stem, options):
    quiz = mcq(stem, options)
    gift = read_gift(render_quiz(quiz, "gift")[0].decode("utf-8"))
    assert len(gift) == 1
    assert shown(gift[0].text).strip() == flat(stem)
    assert [shown(a.text) for a in gift[0].answers] == [flat(o) for o in options]
    assert [a.mark for a in gift[0].answers] == ["~", "=", "~", "~"]

    root = ET.fromstring(render_quiz(quiz, "moodle")[0])
    element = root.findall("question")[1]
    assert html.unescape(element.find("questiontext/text").text) == flat(stem)
    texts_back = [html.unescape(a.find("text").text) for a in element.findall("answer")]
    assert texts_back == [flat(o) for o in options]


@settings(max_examples=30, deadline=None)
@given(stem=texts, options=st.lists(texts, min_size=4, max_size=4))
def test_csv_keeps_any_text(stem, options):
    data = render_quiz(mcq(stem, options), "csv")[0].decode("utf-8")
    body = data.split("\n", 5)[-1]
    assert not body.startswith("#")
    (row,) = list(csv.reader(io.StringIO(body)))
    assert row[1] == flat(stem) and row[5] == " | ".join(flat(o) for o in options)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(stem=texts, options=st.lists(texts, min_size=4, max_size=4))
def test_anki_keeps_any_text(tmp_path_factory, stem, options):
    folder = tmp_path_factory.mktemp("apkg")
    export_quiz(mcq(stem, options), "apkg", folder / "d.apkg")
    notes, *_ = read_apkg(folder / "d.apkg", folder)
    fields = notes[0][2].split("\x1f")
    assert html.unescape(fields[0]) == flat(stem)
    assert "<script" not in notes[0][2]
