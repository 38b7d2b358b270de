"""Every supported format opens in the window (files built here), and an encrypted PDF's
typed error reaches the message bar instead of a crash."""

from __future__ import annotations

import pytest

from docfixtures import ARTICLE, article_html, encrypt_pdf, make_docx, make_epub, make_pdf
from gistquiz.ui.dialogs import CrashDialog

FILES = {
    "moon.txt": lambda: " ".join(ARTICLE).encode(),
    "moon.md": lambda: ("# The Moon\n\n" + " ".join(ARTICLE)).encode(),
    "moon.html": lambda: article_html().encode(),
    "moon.pdf": lambda: make_pdf([ARTICLE]),
    "moon.docx": lambda: make_docx([("Normal", s) for s in ARTICLE]),
    "moon.epub": lambda: make_epub([("c1.xhtml", "".join(f"<p>{s}</p>" for s in ARTICLE))]),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_format_opens_with_its_summary(qtbot, window, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(FILES[name]())
    window.controller.open_source(str(path))
    assert not window.message.isVisible(), window.message.text.text()
    doc = window.controller.document
    assert "Armstrong" in doc.text
    assert window.windowTitle().endswith("— GistQuiz")
    assert window.article.marked_sentences() == list(window.controller.ranking.selected)


def test_encrypted_pdf_is_a_message_not_a_crash(qtbot, window, tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypt_pdf(make_pdf([ARTICLE])))
    window.controller.open_source(str(path))
    assert window.message.isVisible() and window.message.text.text()
    assert window.findChildren(CrashDialog) == []
    assert window.controller.document is None
