"""The .apkg and the CSV imported by Anki itself (the `anki` library: Anki's Rust backend),
cards rendered by Anki's template engine, and a re-import of a regenerated deck updating
the notes instead of duplicating them."""

from __future__ import annotations

import time

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest, ImportCsvRequest
from anki.import_export_pb2 import ImportAnkiPackageOptions
from export_samples import adversarial_quiz

from gistquiz.core.export import anki as anki_export
from gistquiz.core.export import export_quiz
from gistquiz.core.export.common import flat
from gistquiz.core.quiz.model import Kind


@pytest.fixture
def collection(tmp_path):
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col: Collection, path):
    options = ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False)
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=options)
    ).log


def export_at(quiz, path, when: float, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(anki_export.time, "time", lambda: when)
        export_quiz(quiz, "apkg", path, overwrite=True)


def test_anki_imports_and_renders_every_card(collection, tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "deck.apkg"
    export_quiz(quiz, "apkg", path)
    log = import_apkg(collection, path)
    assert (log.found_notes, len(log.new)) == (5, 5)
    assert collection.card_count() == 5
    # Anki keys imported decks by name (it gives them ids of its own).
    assert collection.decks.by_name("GistQuiz::" + flat(quiz.document_title)) is not None
    by_guid = {
        collection.get_note(n).guid: collection.get_note(n) for n in collection.find_notes("")
    }
    for q in quiz.questions:
        note = by_guid[anki_export.note_guid(quiz, q)]
        (card,) = note.cards()
        front, back = card.question(), card.answer()
        for rendered in (front, back):
            assert "<script" not in rendered and "<b>b</b>" not in rendered
        assert note["Source"] == anki_export.html.escape(flat(q.explanation))
        if q.kind == Kind.CLOZE:
            assert note.note_type()["name"] == "GistQuiz Cloze"
            assert "[...]" in front and "The Hague" not in front.split("[...]")[0][-40:]
            assert q.answer in anki_export.html.unescape(back)
            assert "{{c1::fake}}" in anki_export.html.unescape(front)  # the stem's own text
        elif q.kind == Kind.MCQ:
            assert note.note_type()["name"] == "GistQuiz Multiple choice"
            assert front.count("<li>") == 4
        else:
            assert note.note_type()["name"] == "GistQuiz Basic"
            assert anki_export.html.escape(flat(q.stem)) in front


def test_reimporting_a_regenerated_deck_updates_instead_of_duplicating(
    collection, tmp_path, monkeypatch
):
    quiz = adversarial_quiz()
    first = tmp_path / "first.apkg"
    export_at(quiz, first, time.time() - 3600, monkeypatch)
    import_apkg(collection, first)
    q = quiz.questions[3]
    edited = quiz.replace(
        questions=tuple(
            x if x.id != q.id else x.__class__(**{**_fields(x), "stem": "Which city, edited?"})
            for x in quiz.questions
        )
    )
    second = tmp_path / "second.apkg"
    export_at(edited, second, time.time(), monkeypatch)
    log = import_apkg(collection, second)
    assert len(log.new) == 0 and len(log.updated) == 5
    assert collection.note_count() == 5
    notes = [collection.get_note(n) for n in collection.find_notes("")]
    by_guid = {n.guid: n for n in notes}
    assert by_guid[anki_export.note_guid(quiz, q)]["Front"] == "Which city, edited?"


def test_anki_reads_the_csv_headers_and_guids(collection, tmp_path):
    quiz = adversarial_quiz()
    path = tmp_path / "quiz.csv"
    export_quiz(quiz, "csv", path)
    meta = collection.get_csv_metadata(str(path), delimiter=None)
    assert meta.is_html is False
    assert list(meta.column_labels)[:3] == ["GUID", "Front", "Back"]
    assert (meta.guid_column, meta.tags_column) == (1, 8)
    log = collection.import_csv(ImportCsvRequest(path=str(path), metadata=meta)).log
    assert (log.found_notes, len(log.new)) == (5, 5)
    notes = [collection.get_note(n) for n in collection.find_notes("")]
    assert {n.guid for n in notes} == {anki_export.note_guid(quiz, q) for q in quiz.questions}
    fronts = {anki_export.html.unescape(n.fields[0]) for n in notes}
    assert fronts == {flat(q.stem) for q in quiz.questions}  # text, not markup
    assert all("gistquiz" in n.tags for n in notes)


def _fields(question):
    return {name: getattr(question, name) for name in question.__dataclass_fields__}
