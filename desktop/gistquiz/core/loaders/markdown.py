"""Markdown: plain text with headings kept as structure; the first heading is the title.

markdown-it-py (CommonMark) gives a token stream, so we read the text straight from the
tokens instead of rendering HTML and scraping it back. Code blocks, raw HTML and tables are
not prose and are left out; links keep their text, images are dropped.
"""

from __future__ import annotations

import re

from ..document import Block, Document, document_from_blocks
from .registry import LoadContext, Loader, register
from .text import decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)


def load_markdown(data: bytes, ctx: LoadContext) -> Document:
    source = decode_text(data, ctx.name)
    front_title, source = split_front_matter(source)
    blocks = markdown_blocks(source)
    ctx.cancel.check()
    title = front_title or next((b.text for b in blocks if b.heading), "")
    return document_from_blocks(blocks, title=title, language=ctx.language, source=ctx.name)


def split_front_matter(source: str) -> tuple[str, str]:
    """Strip a YAML front-matter block (static-site generators); return its title and the rest."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return "", source
    title = _FRONT_TITLE.search(match.group(1))
    return (title.group(1).strip("'\"") if title else ""), source[match.end() :]


def markdown_blocks(source: str) -> list[Block]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[Block] = []
    skip_depth = 0  # inside a table
    heading = False
    for token in tokens:
        if token.type == "table_open":
            skip_depth += 1
        elif token.type == "table_close":
            skip_depth -= 1
        elif token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline" and not skip_depth:
            text = inline_text(token.children or [])
            if text.strip():
                blocks.append(Block(text, heading=heading))
        # fence, code_block and html_block tokens are skipped: code and raw markup
    return blocks


def inline_text(children: list) -> str:
    parts: list[str] = []
    for child in children:
        # An image token carries its alt text as its own children, so skipping it drops them.
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # html_inline (<br>, <span>) is markup, not text: skipped like images
    return "".join(parts).strip()


register(
    Loader(
        "md",
        "Markdown",
        (".md", ".markdown", ".mdown", ".mkd"),
        ("text/markdown", "text/x-markdown"),
        load_markdown,
    )
)
