"""PDF: the text layer via pypdfium2 (PDFium), reflowed into paragraphs.

pypdfium2 was chosen over pypdf by measurement (tests/bench/bench_pdf.py, numbers in
docs/loaders.md): on typeset (kerned, justified, hyphenated) PDFs pypdf splits words at
kerning gaps ("uni versally") while PDFium keeps them whole and marks soft hyphens, and
PDFium is several times faster. PDFium is C code: we hold a lock because it is not
thread-safe, and check the cancel token between pages.
"""

from __future__ import annotations

import re
import threading

from ..document import Block, Document, document_from_blocks
from ..errors import CorruptFile, EncryptedDocument, ExtractionFailed
from ..progress import CancelToken
from .registry import LoadContext, Loader, register

_PDFIUM_LOCK = threading.Lock()
# PDFium's FPDF_GetLastError codes (fpdfview.h)
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
_SOFT_HYPHENS = str.maketrans("", "", "\ufffe\x02\u00ad")
_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?:page\s+)?\d{1,4}(?:\s+of\s+\d+)?[\s\-–—]*$", re.I)
_HYPHEN_ENDS = ("-", "\ufffe", "\x02", "\u00ad")
_SHORT_LINE = 0.75  # a line under 75% of the page's full measure ends its paragraph


def load_pdf(data: bytes, ctx: LoadContext) -> Document:
    pages, title = extract_pages(data, ctx.name, ctx.cancel)
    paragraphs = reflow(pages)
    if not paragraphs:
        raise ExtractionFailed(
            f"{_name(ctx.name)} has no text layer (it may be scanned images; "
            "GistQuiz does not run OCR)."
        )
    blocks = [Block(p) for p in paragraphs]
    return document_from_blocks(blocks, title=title, language=ctx.language, source=ctx.name)


def extract_pages(
    data: bytes, name: str = "", cancel: CancelToken | None = None
) -> tuple[list[str], str]:
    """The raw text of each page and the document's Title metadata."""
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            code = getattr(error, "err_code", None)
            if code in (_ERR_PASSWORD, _ERR_SECURITY):
                raise EncryptedDocument(
                    f"{_name(name)} is password-protected. Remove the password "
                    "(or print it to a new PDF) and open that copy."
                ) from error
            raise CorruptFile(
                f"{_name(name)} is not a readable PDF (damaged or incomplete file)."
            ) from error
        try:
            title = (pdf.get_metadata_dict().get("Title") or "").strip()
            pages = []
            for index in range(len(pdf)):
                if cancel is not None:
                    cancel.check()
                page = pdf[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        except pdfium.PdfiumError as error:
            raise CorruptFile(f"{_name(name)} is damaged: a page could not be read.") from error
        finally:
            pdf.close()
    return pages, title


def reflow(pages: list[str]) -> list[str]:
    """Join a PDF's lines into paragraphs.

    A text layer has lines, not paragraphs. A paragraph ends at a blank line or at a line
    clearly shorter than the page's full measure; page numbers are dropped; a paragraph
    running over a page break continues; soft hyphens join their word halves.
    """
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paragraphs.append(_join_lines(current))
            current.clear()

    for page in pages:
        lines = [line.strip() for line in page.replace("\r\n", "\n").split("\n")]
        lines = [line for line in lines if not _PAGE_NUMBER.match(line)]
        lengths = sorted(len(line) for line in lines if line)
        if not lengths:
            continue
        full = lengths[int(0.9 * (len(lengths) - 1))]
        for line in lines:
            if not line:
                close()
                continue
            current.append(line)
            # a short line ends its paragraph, unless it ends inside a hyphenated word
            if len(line) < _SHORT_LINE * full and not line.endswith(_HYPHEN_ENDS):
                close()
    close()
    return [p for p in paragraphs if p.strip()]


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_HYPHEN_ENDS[1:]):
            text = text[:-1] + line  # PDFium's soft-hyphen marker: one word split in two
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text += line  # "well-" + "known": keep the hyphen, drop the break
        else:
            text += " " + line
    return text.translate(_SOFT_HYPHENS)


def _name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1] if name else "The PDF"


register(Loader("pdf", "PDF document", (".pdf",), ("application/pdf",), load_pdf))
