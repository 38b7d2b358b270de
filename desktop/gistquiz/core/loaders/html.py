"""HTML: the page's main content (trafilatura), never its scripts, styles or navigation.

trafilatura is the reference main-content extractor (best F1 in the ScrapingHub and
trafilatura benchmarks among open-source tools); it reads the markup we give it and fetches
nothing. Its XML output keeps headings, paragraphs and list items apart, which become Blocks.
"""

from __future__ import annotations

import re

from ..document import Block, Document, document_from_blocks
from ..errors import NoArticleText
from .registry import LoadContext, Loader, register

# trafilatura's XML (TEI-like) names -> the HTML names markup.collect_blocks understands.
_TEI_TO_HTML = {
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "lb": "br",
    "row": "tr",
    "cell": "td",
    "code": "pre",
    "hi": "span",
    "ref": "span",
    "del": "span",
    "graphic": "script",  # images carry no text we want; "script" is dropped
}
_SENTENCE_END = re.compile(r"\w.*[.!?…]")


def load_html(data: bytes, ctx: LoadContext) -> Document:
    from .markup import decode_markup

    markup = decode_markup(data, hint=ctx.encoding, name=ctx.name)
    ctx.cancel.check()
    blocks, title = extract_article(markup)
    if not has_article_text(blocks):
        raise NoArticleText(
            f"{_display_name(ctx.name)} has no article text: the page holds only navigation, "
            "links or scripts (it may need a browser to show its content). "
            "Copy the text and paste it instead."
        )
    return document_from_blocks(blocks, title=title, language=ctx.language, source=ctx.name)


def extract_article(markup: str) -> tuple[list[Block], str]:
    """The main content of a page as blocks, and the page's title (og:title, <title>, h1)."""
    import trafilatura
    from lxml import etree

    from .markup import collect_blocks

    xml = trafilatura.extract(
        markup,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,  # table cells are not sentences; they break summaries
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    if not xml:
        return [], ""
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False))
    for element in root.iter():
        if element.tag == "head":  # trafilatura's heading, with the original level in rend
            rend = element.get("rend") or ""
            element.tag = rend if re.fullmatch(r"h[1-6]", rend) else "h2"
        elif isinstance(element.tag, str):
            element.tag = _TEI_TO_HTML.get(element.tag, element.tag)
    main = root.find("main")
    blocks = collect_blocks(main if main is not None else root)
    title = (root.get("title") or "").strip()
    if not title:  # trafilatura found none: read og:title/<title> ourselves, then the h1
        from .markup import html_title, parse_html

        title = html_title(parse_html(markup)) or next((b.text for b in blocks if b.heading), "")
    return blocks, title


def has_article_text(blocks: list[Block]) -> bool:
    """True if some non-heading block reads as prose: >= 4 words and a sentence end.

    Navigation that trafilatura falls back to ("Home About Contact") has neither.
    """
    return any(
        not b.heading and len(b.text.split()) >= 4 and _SENTENCE_END.search(b.text) for b in blocks
    )


def _display_name(name: str) -> str:
    return name.rsplit("/", 1)[-1] if name and "://" not in name else (name or "The page")


register(
    Loader(
        "html",
        "Web page",
        (".html", ".htm", ".xhtml"),
        ("text/html", "application/xhtml+xml"),
        load_html,
    )
)
