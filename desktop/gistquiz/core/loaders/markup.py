"""HTML/XHTML helpers shared by the HTML, EPUB and URL loaders.

Markup is data: it is parsed into a tree and read, never rendered, so no script runs and no
image, stylesheet or link is fetched. Scripts, styles and navigation are dropped before any
text is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

from ..document import Block
from ..errors import CorruptFile
from .text import decode_text

# Elements whose content is never article text.
DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "head",
        "title",
        "meta",
        "link",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "form",
        "button",
        "select",
        "textarea",
        "aside",  # EPUB footnote pop-ups and web sidebars: not in the reading flow
        "figure",  # images and their captions interrupt the prose
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end the running paragraph (their text is a block of its own).
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "header",
        "footer",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "hr",
        "address",
        "center",
        "caption",
    }
)
_SPACES = re.compile(r"\s+")
# <meta charset=...>, <meta http-equiv content="...; charset=..."> or <?xml encoding="..."?>
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode_markup(data: bytes, *, hint: str | None = None, name: str = "") -> str:
    """Decode HTML bytes: BOM, then the HTTP charset ``hint``, then <meta charset>, then detect."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name)
    declared = [hint] if hint else []
    match = _DECLARED_CHARSET.search(data[:4096])
    if match:
        declared.append(match.group(1).decode("ascii", "replace"))
    for encoding in declared:
        try:
            return data.decode(encoding).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            continue
    return decode_text(data, name)


def parse_html(markup: str, name: str = "") -> etree._Element:
    """Parse decoded HTML or XHTML leniently into an lxml tree.

    lxml's HTML parser never touches the network and does not expand external entities.
    """
    # lxml refuses str input that still carries an XML encoding declaration.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, recover=True)
        return lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise CorruptFile(f"{name or 'The page'} is not readable HTML ({error}).") from error


def _tag(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()  # XHTML elements carry a namespace


class _BlockCollector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._buffer)).strip()
        self._buffer.clear()
        if text:
            self.blocks.append(Block(text))

    def add(self, text: str | None) -> None:
        if text:
            self._buffer.append(text)

    def walk(self, element: etree._Element) -> None:
        tag = _tag(element)
        if tag in DROPPED_TAGS or not tag:
            self.add(element.tail)
            return
        if tag == "br":  # a line break inside a paragraph, not the end of one
            self.add(" ")
            self.add(element.tail)
            return
        if tag in HEADING_TAGS:
            self.flush()
            heading = _SPACES.sub(" ", " ".join(_visible_text(element))).strip()
            if heading:
                self.blocks.append(Block(heading, heading=True))
            self.add(element.tail)
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.flush()
        self.add(element.text)
        for child in element:
            self.walk(child)
        if is_block:
            self.flush()
        self.add(element.tail)


def _visible_text(element: etree._Element) -> Iterable[str]:
    if _tag(element) in DROPPED_TAGS:
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _visible_text(child)
        if child.tail:
            yield child.tail


def html_blocks(root: etree._Element) -> list[Block]:
    """The readable blocks of an HTML tree in document order: headings and paragraphs."""
    body = next((el for el in root.iter() if _tag(el) == "body"), root)
    return collect_blocks(body)


def collect_blocks(element: etree._Element) -> list[Block]:
    """Headings and paragraphs under ``element`` (HTML tag names), in document order."""
    collector = _BlockCollector()
    collector.walk(element)
    collector.flush()
    return collector.blocks


def html_title(root: etree._Element) -> str:
    """og:title if present, else <title>: the page's own name for itself."""
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            content = _SPACES.sub(" ", meta.get("content") or "").strip()
            if content:
                return content
    for element in root.iter():
        if _tag(element) == "title":
            text = _SPACES.sub(" ", "".join(element.itertext())).strip()
            if text:
                return text
    return ""
