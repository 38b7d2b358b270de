"""Plain text: encoding detected with charset-normalizer; BOM and CRLF handled."""

from __future__ import annotations

from ..document import Document, build_document
from ..errors import ExtractionFailed
from .registry import LoadContext, Loader, register


def decode_text(data: bytes, name: str = "") -> str:
    """Decode bytes of unknown encoding to text with normalised line ends.

    Raises ``ExtractionFailed`` for binary data (NUL bytes or no plausible encoding).
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(codec, errors="replace").lstrip("\ufeff")
            return normalize_newlines(text)
    if b"\x00" in data[:8192]:
        raise ExtractionFailed(f"{name or 'The input'} looks like a binary file, not text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ExtractionFailed(
                f"{name or 'The input'} is not readable text (no known character encoding)."
            ) from None
        text = str(best)
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, ctx: LoadContext) -> Document:
    text = decode_text(data, ctx.name)
    return build_document(
        text, title=heading_like_first_line(text), language=ctx.language, source=ctx.name
    )


def heading_like_first_line(text: str) -> str:
    """The first line if it reads as a title (short, no closing punctuation), else ""."""
    first = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 100 and first[-1] not in '.!?;:,"”’)':
        return first
    return ""


register(Loader("txt", "Plain text", (".txt", ".text"), ("text/plain",), load_text))
