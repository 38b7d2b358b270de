"""Anki .apkg read back the way Anki reads it: the SQLite collection inside the zip."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile

from export_samples import adversarial_quiz

from gistquiz.core.export import export_quiz
from gistquiz.core.export.anki import BASIC_MODEL_ID, CLOZE_MODEL_ID, MCQ_MODEL_ID, deck_id
from gistquiz.core.export.common import flat


def read_apkg(path, tmp_path):
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        assert json.loads(archive.read("media")) == {}
        archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = conn.execute("select guid, mid, flds, tags from notes order by id").fetchall()
        cards = conn.execute("select nid, did, ord from cards").fetchall()
        models = json.loads(conn.execute("select models from col").fetchone()[0])
        decks = json.loads(conn.execute("select decks from col").fetchone()[0])
    finally:
        conn.close()
    return notes, cards, models, decks


def export_and_read(quiz, tmp_path, name="deck.apkg"):
    path = tmp_path / name
    export_quiz(quiz, "apkg", path)
    folder = tmp_path / (name + ".d")
    folder.mkdir()
    return read_apkg(path, folder)


def test_notes_models_and_deck(tmp_path):
    quiz = adversarial_quiz()
    notes, cards, models, decks = export_and_read(quiz, tmp_path)
    assert len(notes) == len(quiz.questions) == len(cards)
    assert {int(k) for k in models} == {BASIC_MODEL_ID, CLOZE_MODEL_ID, MCQ_MODEL_ID}
    assert models[str(CLOZE_MODEL_ID)]["type"] == 1  # Anki's cloze note type
    assert [f["name"] for f in models[str(MCQ_MODEL_ID)]["flds"]] == [
        "Question",
        "Options",
        "Answer",
        "Source",
        "Document",
    ]
    expected_deck = deck_id(quiz.document_id)
    assert str(expected_deck) in decks
    assert decks[str(expected_deck)]["name"] == "GistQuiz::" + flat(quiz.document_title)
    assert {did for _, did, _ in cards} == {expected_deck}

    by_kind: dict = {}
    for q, note in zip(quiz.questions, notes, strict=True):
        by_kind.setdefault(q.kind.value, note)
    mcq = quiz.questions[0]
    _, mid, flds, tags = by_kind["mcq"]
    question, options, answer, source, document = flds.split("\x1f")
    assert mid == MCQ_MODEL_ID
    assert html.unescape(question) == flat(mcq.stem)
    assert [html.unescape(o) for o in re.findall(r"<li>(.*?)</li>", options)] == [
        flat(o) for o in mcq.options
    ]
    assert html.unescape(answer) == "A. " + flat(mcq.options[0])
    assert html.unescape(source) == flat(mcq.explanation)  # the source sentence
    assert html.unescape(document) == flat(quiz.document_title)
    assert set(tags.split()) == {"gistquiz", "gistquiz::mcq", "gistquiz::PERSON"}

    _, mid, flds, _ = by_kind["tf"]
    front, back, _, _ = flds.split("\x1f")
    assert mid == BASIC_MODEL_ID
    assert html.unescape(front) == "True or false? " + flat(quiz.questions[1].stem)
    assert back == "False"

    _, mid, flds, _ = by_kind["wh"]
    front, back, _, _ = flds.split("\x1f")
    assert (mid, html.unescape(front), html.unescape(back)) == (
        BASIC_MODEL_ID,
        flat(quiz.questions[3].stem),
        "The Hague}",
    )


def test_cloze_has_exactly_one_deletion_and_the_text_survives(tmp_path):
    quiz = adversarial_quiz()
    notes, _, _, _ = export_and_read(quiz, tmp_path)
    cloze = quiz.questions[2]
    text = next(flds for _, mid, flds, _ in notes if mid == CLOZE_MODEL_ID).split("\x1f")[0]
    # Anki's cloze parser sees one marker: the stem's own "{{c1::fake}}" is entity-encoded.
    markers = re.findall(r"\{\{c(\d+)::(.*?)\}\}", text)
    assert len(markers) == 1 and markers[0][0] == "1"
    assert html.unescape(markers[0][1]) == cloze.answer
    before, after = cloze.stem.split("_____")
    shown = html.unescape(text.replace("{{c1::" + markers[0][1] + "}}", "[...]"))
    assert shown == flat(before) + " [...] " + flat(after)


def test_no_raw_markup_reaches_anki(tmp_path):
    notes, _, _, _ = export_and_read(adversarial_quiz(), tmp_path)
    for _, _, flds, _ in notes:
        assert "<script" not in flds.lower()
        assert "<b>" not in flds and "<i>" not in flds
        for field in flds.split("\x1f"):
            tags = re.findall(r"</?([a-zA-Z]+)", field)
            assert set(tags) <= {"li"}, tags  # only our own option list


def test_guids_and_ids_are_stable_across_regeneration(tmp_path):
    quiz = adversarial_quiz()
    first, _, models1, decks1 = export_and_read(quiz, tmp_path, "one.apkg")
    # A re-generated quiz: same questions, new objects, another order and an edited stem.
    changed = quiz.replace(
        questions=tuple(
            q if q.id != "q-wh-4" else q.__class__(**{**_fields(q), "stem": "Edited?"})
            for q in reversed(quiz.questions)
        )
    )
    second, _, models2, decks2 = export_and_read(changed, tmp_path, "two.apkg")
    assert {g for g, *_ in first} == {g for g, *_ in second}
    assert len({g for g, *_ in first}) == len(quiz.questions)
    assert models1.keys() == models2.keys() and decks1.keys() == decks2.keys()
    other_doc = quiz.replace(document_id="fedcba9876543210")
    third, _, _, decks3 = export_and_read(other_doc, tmp_path, "three.apkg")
    assert not {g for g, *_ in first} & {g for g, *_ in third}
    assert decks3.keys() != decks1.keys()


def _fields(question):
    return {name: getattr(question, name) for name in question.__dataclass_fields__}
