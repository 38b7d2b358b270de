"""Markdown loader: plain text, headings as structure, first heading as title."""

from __future__ import annotations

from gistquiz.core import pipeline
from gistquiz.core.loaders import for_extension

SOURCE = """---
layout: post
---
# Tides and the *Moon*

The Moon's gravity pulls on the oceans. This creates **two** tidal bulges
that follow the Moon around the Earth, as [NOAA explains](https://example.org/tides).

![a chart of tides](chart.png)

## Spring tides

- Spring tides happen at new and full moon.
- Neap tides happen at the quarter moons.

```python
print("code is not prose")
```

<div><script>alert("raw html")</script></div>

| Tide | Height |
|------|--------|
| Spring | High |
"""


def load(source: str, name: str = "notes.md"):
    return pipeline.load_bytes(source.encode("utf-8"), name=name, language="en")


def test_markdown_is_registered_for_md_files():
    assert for_extension("a.md").format == "md"
    assert for_extension("a.markdown").format == "md"


def test_first_heading_is_title_and_headings_stay_structure():
    doc = load(SOURCE)
    assert doc.title == "Tides and the Moon"
    headings = [doc.sentence_text(s.index) for s in doc.sentences if s.heading]
    assert headings == ["Tides and the Moon", "Spring tides"]


def test_markup_is_reduced_to_plain_text():
    doc = load(SOURCE)
    body = [doc.sentence_text(s.index) for s in doc.body_sentences]
    assert body[0] == "The Moon's gravity pulls on the oceans."
    assert "as NOAA explains." in body[1] and "two tidal bulges" in body[1]
    assert "Spring tides happen at new and full moon." in body
    for absent in ("**", "](", "print(", "alert", "chart", "|", "layout"):
        assert absent not in doc.text


def test_front_matter_title_wins_over_heading():
    doc = load("---\ntitle: 'Field notes'\n---\n# Heading\n\nA sentence about tides.\n")
    assert doc.title == "Field notes"
    assert "title:" not in doc.text


def test_markdown_without_heading_gets_a_title_from_its_text():
    doc = load("Just one paragraph about the Moon and the sea.\n")
    assert doc.title == "Just one paragraph about the Moon and the sea."
