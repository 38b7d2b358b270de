"""EPUB loader (ebooklib): chapters in spine order, XHTML as text, never scripts."""

from __future__ import annotations

import pytest

from docfixtures import ARTICLE, make_epub
from gistquiz.core import pipeline
from gistquiz.core.errors import CorruptFile


def load(data: bytes, name: str = "book.epub"):
    return pipeline.load_bytes(data, name=name, language="en")


def test_chapters_follow_the_spine_not_file_names():
    data = make_epub(
        [
            ("z-first.xhtml", f"<h1>Arrival</h1><p>{ARTICLE[0]} {ARTICLE[1]}</p>"),
            ("a-second.xhtml", f"<h1>Departure</h1><p>{ARTICLE[2]}</p><p>{ARTICLE[3]}</p>"),
        ],
        title="Moon Book",
    )
    doc = load(data)
    assert doc.title == "Moon Book"
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Arrival",
        ARTICLE[0],
        ARTICLE[1],
        "Departure",
        ARTICLE[2],
        ARTICLE[3],
    ]
    assert [s.heading for s in doc.sentences] == [True, False, False, True, False, False]


def test_scripts_styles_and_navigation_are_not_text():
    body = (
        "<style>p { display: none }</style><nav><ol><li>Contents entry</li></ol></nav>"
        f"<p>{ARTICLE[4]}</p><script>document.write('injected text')</script>"
    )
    doc = load(make_epub([("c1.xhtml", body)]))
    assert doc.text == ARTICLE[4]


@pytest.mark.parametrize("data", [b"PK\x03\x04 broken", b"not an epub at all"])
def test_corrupt_epub_is_a_typed_error(data):
    with pytest.raises(CorruptFile, match=r"not a readable EPUB|damaged"):
        load(data)


def test_truncated_epub_is_a_typed_error():
    data = make_epub([("c1.xhtml", f"<p>{ARTICLE[0]}</p>")])
    with pytest.raises(CorruptFile):
        load(data[: len(data) // 2])
