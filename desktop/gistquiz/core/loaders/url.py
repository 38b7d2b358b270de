"""URL: fetch one http(s) address the user typed, then hand the body to a format loader.

Only that address (and the redirects it answers with, http/https only) is fetched: the HTML
loader never follows links or loads images. The body is streamed with a size cap and an
overall deadline, so a huge or trickling answer cannot hang or flood the app.
The standard library's urllib is enough here; it needs no extra dependency.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from ..document import Document
from ..errors import FetchFailed, TooLarge, UnsupportedFormat
from ..progress import NEVER_CANCELLED, CancelToken
from .registry import (
    DEFAULT_MAX_BYTES,
    LoadContext,
    Loader,
    for_extension,
    for_media_type,
    format_mb,
)

USER_AGENT = "GistQuiz/0.1 (+offline article reader; fetches one page on request)"
CHUNK = 64 * 1024
# Media types that say nothing about the format: decide by the URL's extension, then sniff.
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/download"}


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http/https (urllib would also follow ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchFailed(f"{req.full_url} redirects to {newurl}, which is not http(s).")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def load_url(
    url: str,
    *,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Document:
    """Fetch ``url`` and load it as a Document. Raises FetchFailed, TooLarge, ... on failure."""
    check_url(url)
    body, headers, final_url = fetch(url, max_bytes=max_bytes, timeout=timeout, cancel=cancel)
    media_type = headers.get_content_type() if headers.get("Content-Type") else ""
    loader = choose_loader(media_type, final_url, body)
    charset = headers.get_content_charset() if headers.get("Content-Type") else None
    ctx = LoadContext(name=url, language=language, cancel=cancel, encoding=charset)
    if loader.format == "txt" and charset:
        # the server told us the encoding; use it rather than guess
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            body = body.decode(charset).encode("utf-8")
    return loader.load(body, ctx)


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed(
            f"Cannot open {url!r}: only http:// and https:// addresses are supported."
        )
    if not parts.hostname:
        raise FetchFailed(f"Cannot open {url!r}: the address has no host name.")


def fetch(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    cancel: CancelToken = NEVER_CANCELLED,
) -> tuple[bytes, Message, str]:
    """GET ``url``: (body, response headers, final URL after redirects)."""
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    host = urlsplit(url).hostname
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(url, max_bytes, int(length))
            chunks: list[bytes] = []
            received = 0
            while True:
                cancel.check()
                if time.monotonic() > deadline:
                    raise TimeoutError
                # read1: whatever has arrived (up to CHUNK), so the deadline is checked often
                chunk = response.read1(CHUNK)
                if not chunk:
                    break
                received += len(chunk)
                if received > max_bytes:
                    raise _too_large(url, max_bytes)
                chunks.append(chunk)
            return b"".join(chunks), response.headers, response.geturl()
    except urllib.error.HTTPError as error:
        raise FetchFailed(
            f"{url} answered HTTP {error.code} {error.reason or ''}".rstrip()
            + (": the page does not exist." if error.code in (404, 410) else ".")
        ) from None
    except urllib.error.URLError as error:
        raise _from_os_error(url, host, error.reason, timeout) from None
    except (TimeoutError, OSError) as error:
        raise _from_os_error(url, host, error, timeout) from None


def _from_os_error(url: str, host: str | None, reason: object, timeout: float) -> FetchFailed:
    if isinstance(reason, socket.gaierror):
        return FetchFailed(
            f"Cannot reach {url}: the host name {host!r} could not be found "
            "(check the address or your connection)."
        )
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return FetchFailed(f"{url} did not answer within {timeout:g} seconds (timed out).")
    if isinstance(reason, ConnectionRefusedError):
        return FetchFailed(f"Cannot reach {url}: the server refused the connection.")
    if isinstance(reason, ssl.SSLError):
        return FetchFailed(f"Cannot open {url}: secure connection failed ({reason}).")
    return FetchFailed(f"Cannot fetch {url}: {reason}.")


def _too_large(url: str, max_bytes: int, size: int | None = None) -> TooLarge:
    what = f"is {format_mb(size)}" if size else "is larger than that"
    return TooLarge(f"{url} {what}, over the {format_mb(max_bytes)} limit.")


def choose_loader(media_type: str, url: str, body: bytes) -> Loader:
    """Content-Type first; for a generic or missing type the URL's extension, then sniffing."""
    media_type = media_type.lower()
    if media_type not in _GENERIC_TYPES:
        loader = for_media_type(media_type)
        if loader is not None:
            return loader
    path = unquote(urlsplit(url).path)
    if PurePosixPath(path).suffix:
        try:
            return for_extension(path)
        except UnsupportedFormat:
            if media_type not in _GENERIC_TYPES:
                raise _unsupported(url, media_type) from None
    sniffed = _sniff(body)
    if sniffed:
        return for_extension(f"page.{sniffed}")
    if media_type.startswith("text/"):
        return for_extension("page.txt")
    raise _unsupported(url, media_type)


def _sniff(body: bytes) -> str:
    head = body[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return ""


def _unsupported(url: str, media_type: str) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"{url} is of type {media_type or 'unknown'}, which GistQuiz cannot read "
        "(web pages, text, Markdown, PDF, DOCX and EPUB are supported)."
    )
