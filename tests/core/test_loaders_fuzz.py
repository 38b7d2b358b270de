"""No input crashes a loader: arbitrary or damaged bytes give a Document or a typed error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docfixtures import ARTICLE, article_html, make_docx, make_epub, make_pdf
from gistquiz.core import pipeline
from gistquiz.core.document import Document
from gistquiz.core.errors import GistQuizError

NAMES = ["a.txt", "a.md", "a.html", "a.pdf", "a.docx", "a.epub"]
VALID = {
    "a.pdf": make_pdf([ARTICLE], title="t"),
    "a.docx": make_docx([("Heading 1", "Moon"), ("", " ".join(ARTICLE))]),
    "a.epub": make_epub([("c1.xhtml", f"<h1>Moon</h1><p>{' '.join(ARTICLE)}</p>")]),
    "a.html": article_html().encode("utf-8"),
}


def load_or_typed_error(data: bytes, name: str) -> None:
    try:
        doc = pipeline.load_bytes(data, name=name, language="en")
    except GistQuizError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(doc, Document)
        for s in doc.sentences:
            assert doc.text[s.start : s.end].strip()


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(name, data):
    load_or_typed_error(data, name)


@pytest.mark.parametrize("name", sorted(VALID))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=8)), max_size=6))
def test_damaged_valid_files(name, cuts):
    data = bytearray(VALID[name])
    for position, junk in cuts:  # overwrite a few spots with junk: damage, not random noise
        at = position % len(data)
        data[at : at + len(junk)] = junk
    load_or_typed_error(bytes(data), name)
