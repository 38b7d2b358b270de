"""DOCX: paragraphs in body order via python-docx; headings from the heading styles.

Tables are left out (cells are not sentences); so are headers, footers and comments.
python-docx parses the package XML with entity resolution off, so a document cannot pull
in local files.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..document import Block, Document, document_from_blocks
from ..errors import CorruptFile
from .registry import LoadContext, Loader, check_zip_budget, register

# Built-in style names and ids: "Heading 1".."Heading 9", "Title"; ids "Heading1", "Title".
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title|subtitle)$", re.I)


def load_docx(data: bytes, ctx: LoadContext) -> Document:
    check_zip_budget(data, ctx.name)
    document = open_docx(data, ctx.name)
    headings, titles = heading_style_ids(document)
    blocks: list[Block] = []
    style_title = ""
    for index, paragraph in enumerate(document.paragraphs):
        if index % 200 == 0:
            ctx.cancel.check()
        text = paragraph.text.strip()
        if not text:
            continue
        # The style id straight from the XML: python-docx's paragraph.style resolves the
        # default style by scanning every style each time (20 s for a novel).
        style_id = paragraph._p.style
        if style_id in titles and not style_title:
            style_title = text
        blocks.append(Block(text, heading=style_id in headings))
    title = (document.core_properties.title or "").strip() or style_title
    if not title:
        title = next((b.text for b in blocks if b.heading), "")
    return document_from_blocks(blocks, title=title, language=ctx.language, source=ctx.name)


def open_docx(data: bytes, name: str = ""):  # -> docx.document.Document
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CorruptFile(
            f"{_name(name)} is not a readable Word document (damaged, or not a .docx file)."
        ) from error
    except Exception as error:  # lxml and zipfile raise many kinds on damaged packages
        raise CorruptFile(f"{_name(name)} is damaged and could not be read ({error}).") from error


def heading_style_ids(document) -> tuple[set[str], set[str]]:
    """Ids of the paragraph styles that are headings, and of those that are titles.

    A custom style based on "Heading 1" (or on "Title") counts as one too.
    """
    headings: set[str] = set()
    titles: set[str] = set()
    for style in document.styles:
        names = _style_chain_names(style)
        if any(_HEADING_STYLE.match(name) for name in names):
            headings.add(style.style_id)
        if "title" in names:
            titles.add(style.style_id)
    return headings, titles


def _style_chain_names(style) -> set[str]:
    names: set[str] = set()
    seen = 0
    while style is not None and seen < 20:  # base_style chains are short; never loop forever
        names.update(n.strip().lower() for n in (style.name, style.style_id) if n)
        style = getattr(style, "base_style", None)
        seen += 1
    return names


def _name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1] if name else "The document"


register(
    Loader(
        "docx",
        "Word document",
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        load_docx,
    )
)
