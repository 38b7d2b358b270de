"""Limits shared by the loaders: zip packages that inflate too far, and cancellation."""

from __future__ import annotations

import io
import zipfile

import pytest

from docfixtures import ARTICLE, make_docx, make_epub, make_pdf
from gistquiz.core import pipeline
from gistquiz.core.errors import Cancelled, TooLarge
from gistquiz.core.loaders import registry
from gistquiz.core.progress import CancelToken


def padded(data: bytes, extra: int) -> bytes:
    """The same package plus a member of ``extra`` zero bytes (compresses to almost nothing)."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("padding.bin", b"\0" * extra)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("bomb.docx", lambda: make_docx([("", ARTICLE[0])])),
        ("bomb.epub", lambda: make_epub([("c1.xhtml", f"<p>{ARTICLE[0]}</p>")])),
    ],
)
def test_package_that_inflates_past_the_budget_is_refused(monkeypatch, name, build):
    monkeypatch.setattr(registry, "MAX_UNZIPPED_BYTES", 1_000_000)
    data = padded(build(), 2_000_000)
    assert len(data) < 100_000  # small on disk, large unpacked
    with pytest.raises(TooLarge, match="unpack"):
        pipeline.load_bytes(data, name=name, language="en")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.pdf", make_pdf([ARTICLE])),
        ("a.docx", make_docx([("", ARTICLE[0])])),
        ("a.epub", make_epub([("c1.xhtml", f"<p>{ARTICLE[0]}</p>")])),
        ("a.md", b"# Moon\n\nThe Moon is bright tonight.\n"),
        ("a.html", b"<html><body><p>The Moon is bright tonight, they said.</p></body></html>"),
    ],
)
def test_a_cancelled_load_stops_with_cancelled(name, data):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        pipeline.load_bytes(data, name=name, language="en", cancel=token)
