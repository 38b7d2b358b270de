"""Summary exports (text, Markdown, HTML) keep adversarial article text as text."""

from __future__ import annotations

from export_samples import NASTY
from markdown_it import MarkdownIt
from test_export_text_formats import Elements

from gistquiz.core.document import build_document
from gistquiz.core.export import Summary, render_summary
from gistquiz.core.export.common import flat
from gistquiz.core.summarize import Ranking
from gistquiz.core.summarize.base import Length


def nasty_summary() -> tuple[Summary, list[str]]:
    doc = build_document(
        f"First {NASTY} sentence.\n\nSecond *plain* sentence.\n\n# Third [link](http://x) one.",
        title="<script>t</script>",
        language="en",
    )
    n = len(doc.sentences)
    ranking = Ranking("lexrank", tuple(1.0 for _ in range(n)), tuple(range(n)), Length.parse(n))
    return Summary.of(doc, ranking), [doc.clean_sentence(i) for i in range(n)]


def test_text_summary_is_the_sentences():
    summary, sentences = nasty_summary()
    lines = render_summary(summary, "text").decode("utf-8").splitlines()
    assert lines[0] == "<script>t</script>"
    assert lines[4:] == [flat(s) for s in sentences]


def test_markdown_and_html_summaries_show_text_not_markup():
    summary, sentences = nasty_summary()
    rendered = MarkdownIt("commonmark").render(render_summary(summary, "markdown").decode())
    for page in (Elements(rendered), Elements(render_summary(summary, "html").decode())):
        assert "script" not in page.tags and "a" not in page.tags
        assert page.tags.count("em") <= 1  # our own "Summary by ..." line, not "*plain*"
        for sentence in sentences:
            assert flat(sentence) in page.text
