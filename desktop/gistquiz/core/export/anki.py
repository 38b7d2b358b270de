"""Anki .apkg with genanki: basic, cloze and multiple-choice note types.

Following genanki's advice so that re-importing an updated export updates the learner's
notes instead of duplicating them: the note types have fixed model IDs (never change them),
the deck ID is derived from the document's identity, and each note's GUID from the quiz's
stable question id. Every field is HTML (Anki renders fields as HTML), so all text is
escaped; cloze text also entity-encodes ``{ } :`` so article text can never form a
``{{c1::...}}`` marker of its own.
"""

from __future__ import annotations

import hashlib
import html
import io
import sqlite3
import time
import zipfile
from itertools import count

import genanki

from ..quiz.model import Kind, Question, Quiz
from .common import LETTERS, cloze_parts, correct_text, flat, fold, source
from .registry import ExportOptions

# Fixed forever: Anki matches note types by these IDs on re-import.
BASIC_MODEL_ID = 1283510519
CLOZE_MODEL_ID = 1618325727
MCQ_MODEL_ID = 1676953654

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.source { margin-top: 1em; font-size: 0.8em; color: #555; font-style: italic; }
.options li { margin: 0.2em 0; }
.correct { font-weight: bold; text-decoration: underline; }
.cloze { font-weight: bold; color: #0645ad; }
"""
_SOURCE = '<div class="source">{{Source}}</div>'

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "GistQuiz Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Document"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + _SOURCE,
        }
    ],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "GistQuiz Cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "Source"}, {"name": "Document"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br>{{Extra}}" + _SOURCE,
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "GistQuiz Multiple choice",
    fields=[
        {"name": "Question"},
        {"name": "Options"},
        {"name": "Answer"},
        {"name": "Source"},
        {"name": "Document"},
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '{{Question}}<ol class="options" type="A">{{Options}}</ol>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="correct">{{Answer}}</div>' + _SOURCE,
        }
    ],
    css=CSS,
)


def deck_id(document_id: str) -> int:
    """A deck ID derived from the document, in the range genanki recommends."""
    digest = int(hashlib.sha256(f"gistquiz-deck:{document_id}".encode()).hexdigest()[:12], 16)
    return (1 << 30) + digest % (1 << 30)


def note_guid(quiz: Quiz, question: Question) -> str:
    return genanki.guid_for("gistquiz", quiz.document_id, question.id)


def _esc(text: str) -> str:
    return html.escape(flat(text), quote=True)


def _cloze_esc(text: str) -> str:
    # Anki parses cloze markers in the raw field before rendering HTML, so the characters
    # of its syntax are written as entities (displayed the same, never parsed).
    return (
        html.escape(fold(text), quote=True)
        .replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace(":", "&#58;")
    )


def note_for(quiz: Quiz, question: Question) -> genanki.Note:
    doc = _esc(quiz.document_title)
    tags = ["gistquiz", f"gistquiz::{question.kind.value}"]
    if question.fact_type:
        tags.append("gistquiz::" + "".join(c for c in question.fact_type if c.isalnum()))
    if question.kind == Kind.CLOZE:
        before, after = cloze_parts(question)
        text = f"{_cloze_esc(before)}{{{{c1::{_cloze_esc(question.answer)}}}}}{_cloze_esc(after)}"
        fields = [text, "", _esc(source(question)), doc]
        model = CLOZE_MODEL
    elif question.kind == Kind.MCQ:
        options = "".join(f"<li>{_esc(o)}</li>" for o in question.options)
        letter = LETTERS[question.correct or 0]
        answer = f"{letter}. {_esc(correct_text(question))}"
        fields = [_esc(question.stem), options, answer, _esc(source(question)), doc]
        model = MCQ_MODEL
    else:
        front = _esc(question.stem)
        if question.kind == Kind.TF:
            front = f"True or false? {front}"
        fields = [front, _esc(correct_text(question)), _esc(source(question)), doc]
        model = BASIC_MODEL
    return genanki.Note(model=model, fields=fields, guid=note_guid(quiz, question), tags=tags)


def build_package(quiz: Quiz) -> genanki.Package:
    # "::" in a deck name makes a sub-deck: a title's own "::" must not.
    title = flat(quiz.document_title).replace("::", ":") or quiz.document_id
    deck = genanki.Deck(deck_id(quiz.document_id), f"GistQuiz::{title}")
    for question in quiz.questions:
        deck.add_note(note_for(quiz, question))
    return genanki.Package(deck)


def write_apkg(quiz: Quiz, options: ExportOptions) -> bytes:
    # genanki's write_to_file goes through a temporary database it leaves behind; building
    # the collection in memory and serializing it is faster and leaves nothing.
    package = build_package(quiz)
    conn = sqlite3.connect(":memory:")
    try:
        timestamp = time.time()
        package.write_to_db(conn.cursor(), timestamp, count(int(timestamp * 1000)))
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", collection)
        archive.writestr("media", "{}")
    return out.getvalue()
