"""PDF loader (pypdfium2): text in page order, title metadata, typed errors."""

from __future__ import annotations

import pytest

from docfixtures import ARTICLE, encrypt_pdf, make_pdf
from gistquiz.core import pipeline
from gistquiz.core.errors import CorruptFile, EncryptedDocument, ExtractionFailed
from gistquiz.core.loaders.pdf import reflow


def load(data: bytes, name: str = "article.pdf"):
    return pipeline.load_bytes(data, name=name, language="en")


def test_pages_are_read_in_order_with_the_title():
    doc = load(make_pdf([ARTICLE[:3], ARTICLE[3:]], title="Moon Facts"))
    assert doc.title == "Moon Facts"
    assert [doc.sentence_text(s.index) for s in doc.sentences] == ARTICLE


def test_encrypted_pdf_is_a_typed_error():
    data = encrypt_pdf(make_pdf([ARTICLE]))
    with pytest.raises(EncryptedDocument, match="password-protected"):
        load(data)


@pytest.mark.parametrize("cut", [0, 40, 400])
def test_corrupt_pdf_is_a_typed_error(cut):
    data = make_pdf([ARTICLE])
    broken = data[:cut] + b"\x00garbage" if cut else b"%PDF-1.4\nnot really a pdf"
    with pytest.raises(CorruptFile, match="not a readable PDF"):
        load(broken)


def test_pdf_without_text_layer_says_so():
    with pytest.raises(ExtractionFailed, match="no text layer"):
        load(make_pdf([[]]))


def test_reflow_joins_wrapped_lines_and_soft_hyphens():
    page = (
        "A long line of justified text that runs right across the page and on\r\n"
        "to the next line where the para\ufffegraph carries on for a while longer\r\n"
        "and ends here.\r\n"
        "7\r\n"
        "A new paragraph starts on this line and it is long enough to be full\r\n"
        "and a well-\r\nknown word.\r\n"
    )
    assert reflow([page]) == [
        "A long line of justified text that runs right across the page and on to the next "
        "line where the paragraph carries on for a while longer and ends here.",
        "A new paragraph starts on this line and it is long enough to be full and a "
        "well-known word.",
    ]
