"""DOCX loader (python-docx): body order, headings from heading styles, typed errors."""

from __future__ import annotations

import pytest

from docfixtures import ARTICLE, make_docx
from gistquiz.core import pipeline
from gistquiz.core.errors import CorruptFile


def load(data: bytes, name: str = "report.docx"):
    return pipeline.load_bytes(data, name=name, language="en")


def test_headings_come_from_heading_styles():
    data = make_docx(
        [
            ("Title", "Moon Facts"),
            ("", f"{ARTICLE[0]} {ARTICLE[1]}"),
            ("Heading 1", "History"),
            ("", ARTICLE[2]),
            ("Heading 2", "Today"),
            ("", ARTICLE[3]),
        ]
    )
    doc = load(data)
    assert doc.title == "Moon Facts"
    headings = [doc.sentence_text(s.index) for s in doc.sentences if s.heading]
    assert headings == ["Moon Facts", "History", "Today"]
    assert [doc.sentence_text(s.index) for s in doc.body_sentences] == ARTICLE[:4]


def test_core_properties_title_wins():
    doc = load(make_docx([("", ARTICLE[0])], title="Lunar Notes"))
    assert doc.title == "Lunar Notes"


@pytest.mark.parametrize("data", [b"PK\x03\x04 truncated zip", b"plain text renamed to docx", b""])
def test_corrupt_docx_is_a_typed_error(data):
    with pytest.raises(CorruptFile, match=r"not a readable Word document|damaged"):
        load(data)


def test_zip_that_is_not_a_word_document_is_a_typed_error():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(CorruptFile):
        load(buffer.getvalue())


def test_custom_style_based_on_a_heading_is_a_heading():
    import io

    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    custom = document.styles.add_style("Chapter Opener", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 1"]
    document.add_paragraph("Arrival", style="Chapter Opener")
    document.add_paragraph(ARTICLE[0])
    out = io.BytesIO()
    document.save(out)
    doc = load(out.getvalue())
    assert [s.heading for s in doc.sentences] == [True, False]
    assert doc.title == "Arrival"
