"""HTML loader: main content via trafilatura; never scripts, styles or navigation."""

from __future__ import annotations

import pytest

from docfixtures import article_html
from gistquiz.core import pipeline
from gistquiz.core.errors import ExtractionFailed, NoArticleText


def load(markup: str | bytes, name: str = "page.html"):
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return pipeline.load_bytes(data, name=name, language="en")


def test_article_text_without_scripts_styles_or_navigation():
    doc = load(article_html())
    assert "Neil Armstrong walked on its surface in July 1969." in doc.text
    for absent in ("secret", "color: red", "World news section", "Copyright"):
        assert absent not in doc.text


def test_headings_are_structure():
    doc = load(article_html())
    headings = [doc.sentence_text(s.index) for s in doc.sentences if s.heading]
    assert "Exploration" in headings


def test_title_prefers_og_title_then_title_element():
    og = '<meta property="og:title" content="Our Moon, explained">'
    assert load(article_html(extra_head=og)).title == "Our Moon, explained"
    assert load(article_html(title="The Moon")).title.startswith("The Moon")


def test_declared_charset_is_honoured():
    markup = article_html().replace("<head>", '<head><meta charset="windows-1252">')
    markup = markup.replace("The Moon is", "The Moon — café — is")
    doc = load(markup.encode("cp1252"))
    assert "The Moon — café — is" in doc.text


def test_page_with_only_navigation_is_a_typed_error():
    page = (
        "<html><head><title>App</title><script>render()</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About</a> <a href='/blog'>Blog</a></nav>"
        "<div id='root'></div></body></html>"
    )
    with pytest.raises(NoArticleText, match="no article text") as caught:
        load(page)
    assert isinstance(caught.value, ExtractionFailed)
    assert caught.value.exit_code == 5


def test_markup_helpers_read_titles_and_blocks_without_scripts():
    from gistquiz.core.loaders.markup import html_blocks, html_title, parse_html

    root = parse_html(
        '<?xml version="1.0" encoding="utf-8"?><html><head><title> Plain  title </title>'
        "</head><body><h2>Part <b>one</b></h2><p>Text <i>with</i> inline<br/>markup.</p>"
        "<script>never()</script><div>Tail text.<aside>Footnote.</aside></div></body></html>"
    )
    assert html_title(root) == "Plain title"
    assert [(b.text, b.heading) for b in html_blocks(root)] == [
        ("Part one", True),
        ("Text with inline markup.", False),
        ("Tail text.", False),
    ]
    og = parse_html('<html><head><meta property="og:title" content="OG"><title>T</title></head>')
    assert html_title(og) == "OG"
