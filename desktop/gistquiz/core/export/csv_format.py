"""CSV for Anki's text import (and spreadsheets): Anki's ``#key:value`` header lines name
the separator, the columns, the GUID column and the tags column, so Anki imports it without
questions asked, and a re-import updates notes by GUID. Fields are plain text (``#html:false``):
Anki escapes them itself, so ``<script>`` stays text. Every field is quoted: Anki skips a
line that starts with ``#`` as a comment, and a GUID or an article's text may start with one.
"""

from __future__ import annotations

import csv
import io

from ..quiz.model import KIND_LABELS, Kind, Quiz
from .anki import note_guid
from .common import LETTERS, answers, correct_text, flat, source
from .registry import ExportOptions

COLUMNS = ("GUID", "Front", "Back", "Source", "Kind", "Options", "Accepted", "Tags")


def write_csv(quiz: Quiz, options: ExportOptions) -> bytes:
    out = io.StringIO(newline="")
    out.write("#separator:Comma\n")
    out.write("#html:false\n")
    out.write(f"#columns:{','.join(COLUMNS)}\n")
    out.write(f"#guid column:{COLUMNS.index('GUID') + 1}\n")
    out.write(f"#tags column:{COLUMNS.index('Tags') + 1}\n")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for q in quiz.questions:
        front = flat(q.stem)
        back = flat(correct_text(q))
        if q.kind == Kind.MCQ:
            back = f"{LETTERS[q.correct or 0]}. {back}"
        writer.writerow(
            [
                note_guid(quiz, q),
                front,
                back,
                source(q),
                KIND_LABELS[q.kind],
                " | ".join(flat(o) for o in q.options),
                " | ".join(answers(q)),
                f"gistquiz gistquiz::{q.kind.value}",
            ]
        )
    return out.getvalue().encode("utf-8")
