"""The loader registry: file type -> function turning raw bytes into a Document.

Loaders take bytes (not paths) so a file, a URL's body and a test fixture are read the same
way; each format is one module that calls ``register(...)`` once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import EmptyDocument, TooLarge, UnsupportedFormat
from ..progress import NEVER_CANCELLED, CancelToken

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# DOCX and EPUB are zip packages: a small file may inflate to gigabytes (a "zip bomb").
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class LoadContext:
    name: str = ""  # file name or URL, for titles and messages
    language: str | None = None  # None: detect
    cancel: CancelToken = NEVER_CANCELLED
    encoding: str | None = None  # a charset the transport declared (HTTP Content-Type)


LoaderFn = Callable[[bytes, LoadContext], Document]


@dataclass(frozen=True)
class Loader:
    format: str  # short name: "txt", "html", ...
    label: str  # for file dialogs: "Plain text"
    extensions: tuple[str, ...]  # with dots, lower case
    media_types: tuple[str, ...]
    load: LoaderFn


_LOADERS: dict[str, Loader] = {}


def register(loader: Loader) -> None:
    _LOADERS[loader.format] = loader


def loaders() -> list[Loader]:
    return list(_LOADERS.values())


def for_extension(path: str | Path) -> Loader:
    suffix = Path(path).suffix.lower()
    for loader in _LOADERS.values():
        if suffix in loader.extensions:
            return loader
    known = ", ".join(ext for ld in _LOADERS.values() for ext in ld.extensions)
    raise UnsupportedFormat(
        f"Cannot open {Path(path).name!r}: the file type {suffix or '(none)'} is not "
        f"supported. Supported types: {known}."
    )


def for_media_type(media_type: str) -> Loader | None:
    media_type = media_type.split(";")[0].strip().lower()
    for loader in _LOADERS.values():
        if media_type in loader.media_types:
            return loader
    return None


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing it before reading if it is over the size limit."""
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLarge(
            f"{path.name} is {format_mb(size)}, over the {format_mb(max_bytes)} limit "
            "(raise it with --max-mb or in the settings)."
        )
    if size == 0:
        raise EmptyDocument(f"{path.name} is empty (0 bytes): there is no text to summarize.")
    return path.read_bytes()


def format_mb(size: int) -> str:
    """Bytes as MB the way the size limit is set (1 MB = 1024 * 1024 bytes)."""
    mb = size / (1024 * 1024)
    return f"{mb:.1f} MB" if mb >= 0.1 else f"{mb:.3g} MB"


def check_zip_budget(data: bytes, name: str, limit: int | None = None) -> None:
    """Refuse a zip package whose members would inflate past ``limit`` bytes.

    zipfile never reads a member past its declared size, so the central directory's sizes
    are a trustworthy bound. A package that is not a zip at all is left to its loader,
    which reports it as damaged.
    """
    import io
    import zipfile

    limit = MAX_UNZIPPED_BYTES if limit is None else limit
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return
    if total > limit:
        raise TooLarge(
            f"{Path(name).name or 'The package'} would unpack to {format_mb(total)}, over the "
            f"{format_mb(limit)} limit for DOCX/EPUB packages."
        )
