"""EPUB: chapters in spine (reading) order via ebooklib; XHTML read as text, never run.

Non-linear spine items (pop-up notes, covers) and the navigation document are skipped.
Chapter headings (h1..h6) stay headings, so the summary never picks a chapter title.
"""

from __future__ import annotations

import io
import zipfile

from ..document import Block, Document, document_from_blocks
from ..errors import CorruptFile, EmptyDocument
from .registry import LoadContext, Loader, check_zip_budget, register


def load_epub(data: bytes, ctx: LoadContext) -> Document:
    from .markup import decode_markup, html_blocks, parse_html

    check_zip_budget(data, ctx.name)
    book = open_epub(data, ctx.name)
    blocks: list[Block] = []
    for html_bytes in spine_documents(book):
        ctx.cancel.check()
        root = parse_html(decode_markup(html_bytes, name=ctx.name), ctx.name)
        blocks.extend(html_blocks(root))
    if not blocks:
        raise EmptyDocument(f"{_name(ctx.name)} has no readable text in its chapters.")
    title = _metadata_title(book) or next((b.text for b in blocks if b.heading), "")
    return document_from_blocks(blocks, title=title, language=ctx.language, source=ctx.name)


def open_epub(data: bytes, name: str = ""):  # -> ebooklib.epub.EpubBook
    from ebooklib import epub

    try:
        # A file object, never the bytes: ebooklib treats a bytes argument as a path.
        return epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
    except (epub.EpubException, zipfile.BadZipFile) as error:
        raise CorruptFile(
            f"{_name(name)} is not a readable EPUB (damaged, or not an e-book file)."
        ) from error
    except Exception as error:  # ebooklib/lxml raise many kinds on damaged packages
        raise CorruptFile(f"{_name(name)} is damaged and could not be read ({error}).") from error


def spine_documents(book) -> list[bytes]:
    """The XHTML of each linear spine item, in reading order."""
    import ebooklib
    from ebooklib import epub

    documents = []
    for entry in book.spine:
        idref, linear = entry if isinstance(entry, tuple) else (entry, "yes")
        if str(linear).lower() == "no":
            continue
        item = book.get_item_with_id(idref)
        if item is None or isinstance(item, epub.EpubNav):
            continue
        if item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        documents.append(item.get_content())
    return documents


def _metadata_title(book) -> str:
    titles = book.get_metadata("DC", "title")
    return (titles[0][0] or "").strip() if titles else ""


def _name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1] if name else "The e-book"


register(Loader("epub", "EPUB e-book", (".epub",), ("application/epub+zip",), load_epub))
